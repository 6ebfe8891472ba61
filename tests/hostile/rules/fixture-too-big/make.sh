# A fixture of 70 MB (sparse: no disk used), past the 64 MiB input limit.
truncate -s 70M tests/big.yaml
