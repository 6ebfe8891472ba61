# A fixture naming an areas file outside the ruleset with "../".
mkdir -p ../fixture-areas-outside
printf "kind: hunter2\n" > ../fixture-areas-outside/areas.yaml
printf "# styr-test: with-areas ../../fixture-areas-outside/areas.yaml\n# styr-test: quiet *\nkind: scenario\nversion: 1\n" > tests/scenario.yaml
