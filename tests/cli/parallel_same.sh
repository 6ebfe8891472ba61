#!/usr/bin/env bash
# A large plan is judged on two cores; the report must be exactly what one
# core gives, findings, crashes and limits included.
# usage: tests/cli/parallel_same.sh STYR
set -u
styr=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
awk -v n=4000 -f tests/bench/gen_plan.awk > "$tmp/plan.yaml"
passed=0 failed=0
same() {
  local name=$1
  shift
  "$styr" "$@" --threads 1 > "$tmp/one" 2>&1; local a=$?
  "$styr" "$@" > "$tmp/two" 2>&1; local b=$?
  if [ $a -eq $b ] && cmp -s "$tmp/one" "$tmp/two"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL $name: exit $a vs $b"
    diff "$tmp/one" "$tmp/two" | head -5
  fi
}
same "json" validate "$tmp/plan.yaml" --format json
same "text, English" validate "$tmp/plan.yaml" --lang en
same "few findings kept" validate "$tmp/plan.yaml" --max-findings 50
same "a crashing rule" validate "$tmp/plan.yaml" --rules tests/cli/rulesets/crashing --format sarif
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
