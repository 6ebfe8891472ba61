# A subfolder of tests/ linking out of the ruleset to fixtures whose text must not show.
mkdir -p ../fixture-folder-outside
printf "# styr-test: fails hunter2\nkind: hunter2\n" > ../fixture-folder-outside/secret.yaml
ln -s ../../fixture-folder-outside tests/linked
