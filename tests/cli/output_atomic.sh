#!/usr/bin/env bash
# `-o FILE` never leaves half a report: a run that fails, or is killed while
# writing, leaves the earlier report as it was; a run that succeeds replaces
# it whole and leaves no temporary file behind.
# usage: tests/cli/output_atomic.sh STYR
set -u
styr=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
check() { if eval "$2"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL $1"; fi; }

echo "the earlier report" > "$tmp/report.txt"
"$styr" validate scenarios/goteborg-2018-2019.yaml --rules no-such-ruleset -o "$tmp/report.txt" 2>/dev/null
check "a failed run keeps the earlier report" '[ "$(cat "$tmp/report.txt")" = "the earlier report" ]'

"$styr" validate scenarios/goteborg-2018-2019.yaml -o "$tmp/report.txt"
check "a run replaces the report whole" 'tail -1 "$tmp/report.txt" | grep -q "30 insatser"'
check "no temporary file is left" '[ "$(ls "$tmp")" = "report.txt" ]'

# Killed while writing a large report: the earlier one is still there, whole.
awk -v n=20000 -f tests/bench/gen_plan.awk > "$tmp/big.yaml"
echo "the earlier report" > "$tmp/report.txt"
"$styr" validate "$tmp/big.yaml" --format json -o "$tmp/report.txt" &
pid=$!
sleep 0.3
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
check "a killed run keeps the earlier report" '[ "$(cat "$tmp/report.txt")" = "the earlier report" ]'

# The input is never written.
sum=$(cksum < scenarios/goteborg-2018-2019.yaml)
"$styr" validate scenarios/goteborg-2018-2019.yaml -o scenarios/goteborg-2018-2019.yaml.out >/dev/null 2>&1
rm -f scenarios/goteborg-2018-2019.yaml.out
check "the input is unchanged" '[ "$(cksum < scenarios/goteborg-2018-2019.yaml)" = "$sum" ]'
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
