# Parents p01..p40.
list=""
for i in $(seq -w 1 40); do
  mkdir "p$i"
  printf 'kind: ruleset\nversion: 1\nname: too-wide-p%s\nseverity:\n  action.owner.missing: warning\n' "$i" > "p$i/ruleset.yaml"
  list="$list${list:+, }extends-too-wide/p$i"
done
sed -i "s|^extends: \[core\]|extends: [core, $list]|" ruleset.yaml
