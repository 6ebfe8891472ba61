# A follow-up fixture whose plan: names a file outside the ruleset with "../".
mkdir -p ../fixture-followup-outside
printf "kind: hunter2\n" > ../fixture-followup-outside/plan.yaml
printf "# styr-test: quiet *\nkind: follow-up\nversion: 1\nplan: ../../fixture-followup-outside/plan.yaml\ndate: 2019-01-01\n" > tests/fu.yaml
