# A pattern of 100,000 characters.
{ printf "patterns:\n  short: \"^x$\"\n  long: \""; head -c 100000 /dev/zero | tr "\\0" a; printf "\"\n"; } >> ruleset.yaml
