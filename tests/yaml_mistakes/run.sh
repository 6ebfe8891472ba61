#!/usr/bin/env bash
# YAML mistakes explained: each NAME.yaml here is a plan with one kind of
# mistake; NAME.expect says where styr must point (position LINE:COL) and
# what its message must say in Swedish (sv TEXT) and English (en TEXT).
#   run.sh STYR
set -u
styr=$1
dir=$(cd "$(dirname "$0")" && pwd)
fail=0 n=0
for yaml in "$dir"/*.yaml; do
  name=$(basename "$yaml" .yaml)
  expect="$dir/$name.expect"
  pos=$(sed -n 's/^position //p' "$expect")
  for lang in sv en; do
    n=$((n + 1))
    out=$(NO_COLOR=1 "$styr" validate "$yaml" --lang "$lang" 2>&1)
    code=$?
    ok=1
    # the report's first line names the ruleset loaded; the file's own lines follow
    case "$out" in
      "Regeluppsättning goteborg "*|"Ruleset goteborg "*) out=$(printf '%s\n' "$out" | sed 1d) ;;
      *) echo "FAIL $name ($lang): no ruleset line first"; ok=0 ;;
    esac
    [ "$code" = 2 ] || { echo "FAIL $name ($lang): exit code $code, expected 2"; ok=0; }
    case "$out" in
      "$yaml:$pos: "*) ;;
      *) echo "FAIL $name ($lang): not at $pos"; ok=0 ;;
    esac
    # the explanation is the first line; libyaml's words the second
    [ "$(printf '%s\n' "$out" | sed -n 2p | cut -c1-11)" = "  libyaml: " ] ||
      { echo "FAIL $name ($lang): libyaml's text is not the second line"; ok=0; }
    while IFS= read -r want; do
      printf '%s' "$out" | grep -qF -- "$want" || { echo "FAIL $name ($lang): missing: $want"; ok=0; }
    done < <(sed -n "s/^$lang //p" "$expect")
    if [ $ok = 0 ]; then
      printf '%s\n' "$out"
      fail=$((fail + 1))
    fi
  done
done
echo "$((n - fail)) of $n YAML-mistake checks passed"
[ $fail = 0 ]
