# A fixture naming a previous plan outside the ruleset with "../".
mkdir -p ../fixture-previous-outside
printf "kind: hunter2\n" > ../fixture-previous-outside/plan.yaml
printf "# styr-test: with-previous ../../fixture-previous-outside/plan.yaml\n# styr-test: quiet *\nkind: action-plan\nversion: 1\nstrategies: [{id: \"1\", title: S}]\nactions:\n  - {id: \"1.1\", strategy: \"1\", title: T}\n" > tests/plan.yaml
