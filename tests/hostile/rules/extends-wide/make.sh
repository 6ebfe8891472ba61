# Parents p01..p20 (sibling folders inside this one), each overriding severities.
list=""
for i in $(seq -w 1 20); do
  mkdir "p$i"
  printf 'kind: ruleset\nversion: 1\nname: wide-p%s\nseverity:\n  action.owner.missing: warning\n  action.title.missing: info\n' "$i" > "p$i/ruleset.yaml"
  list="$list${list:+, }extends-wide/p$i"
done
sed -i "s|^extends: \[core\]|extends: [core, $list]|" ruleset.yaml
