# with-previous names a follow-up in the folder; its plan: climbs out with "../".
mkdir -p ../fixture-prevfu-outside
printf "kind: hunter2\n" > ../fixture-prevfu-outside/plan.yaml
printf "kind: follow-up\nversion: 1\nplan: ../../fixture-prevfu-outside/plan.yaml\ndate: 2019-01-01\n" > tests/prev-fu.yaml.txt
printf "# styr-test: with-previous prev-fu.yaml.txt\n# styr-test: quiet *\nkind: action-plan\nversion: 1\nstrategies: [{id: \"1\", title: S}]\nactions:\n  - {id: \"1.1\", strategy: \"1\", title: T}\n" > tests/plan.yaml
