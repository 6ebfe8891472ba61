# A fixture that is a link to /dev/zero: reading it would never end.
ln -s /dev/zero tests/zero.yaml
