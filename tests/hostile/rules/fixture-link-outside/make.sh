# A fixture linking out of the folder to a "secret" whose text must not show.
printf "kind: hunter2\n" > ../fixture-secret-outside.yaml
ln -s ../../fixture-secret-outside.yaml tests/secret.yaml
