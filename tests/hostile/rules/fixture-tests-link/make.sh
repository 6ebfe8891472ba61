# tests/ itself links out of the ruleset.
mkdir -p ../fixture-tests-outside
printf "# styr-test: fails hunter2\nkind: hunter2\n" > ../fixture-tests-outside/secret.yaml
rm -rf tests
ln -s ../fixture-tests-outside tests
