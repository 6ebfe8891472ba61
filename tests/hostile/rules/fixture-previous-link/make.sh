# with-previous names a file in the folder that links out of it.
printf "kind: hunter2\n" > ../fixture-prev-secret.yaml
ln -s ../../fixture-prev-secret.yaml tests/prev.yaml
printf "# styr-test: with-previous prev.yaml\n# styr-test: quiet *\nkind: action-plan\nversion: 1\nstrategies: [{id: \"1\", title: S}]\nactions:\n  - {id: \"1.1\", strategy: \"1\", title: T}\n" > tests/plan.yaml
