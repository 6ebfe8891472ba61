# 60,000 patterns under patterns:.
{ printf "patterns:\n"; awk 'BEGIN { for (i = 0; i < 60000; i++) printf "  p%d: \"^(a|b)+c%d$\"\n", i, i }'; } >> ruleset.yaml
