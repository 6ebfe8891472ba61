#!/usr/bin/env bash
# `-o FILE` never leaves half a report: a run that fails, or whose write
# fails or is killed part-way, leaves the earlier report as it was; a run
# that succeeds replaces it whole and leaves no temporary file behind.
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

# A write that fails part-way (the file size limit, `ulimit -f`, reached in
# the middle of a large report) leaves the earlier report as it was. First
# with SIGXFSZ ignored, so write() fails with EFBIG and styr must notice, say
# so, exit 2 and remove its temporary file; then with SIGXFSZ at its default,
# so styr is killed mid-write and cannot clean up after itself.
awk -v n=6000 -f tests/bench/gen_plan.awk > "$tmp/big.yaml"
limit_kb=64
"$styr" validate "$tmp/big.yaml" --format json -o "$tmp/full.json" >/dev/null 2>&1
check "the large report is larger than the limit" '[ "$(wc -c < "$tmp/full.json")" -gt $((limit_kb * 1024 * 2)) ]'
rm -f "$tmp/full.json"
mkdir "$tmp/o"
echo "the earlier report" > "$tmp/o/report.json"
{ (trap '' XFSZ; ulimit -f $limit_kb; exec "$styr" validate "$tmp/big.yaml" --lang sv --format json -o "$tmp/o/report.json") \
    > "$tmp/stdout" 2> "$tmp/stderr"; } 2>/dev/null
rc=$?
check "a failed write exits 2 (got $rc)" '[ $rc -eq 2 ]'
check "a failed write says so, with the reason in Swedish" 'grep -q "kan inte skriva .*report.json: filen är för stor" "$tmp/stderr"'
check "a failed write keeps the earlier report" '[ "$(cat "$tmp/o/report.json")" = "the earlier report" ]'
check "a failed write leaves no temporary file" '[ "$(ls "$tmp/o")" = "report.json" ]'
{ (ulimit -f $limit_kb; exec "$styr" validate "$tmp/big.yaml" --format json -o "$tmp/o/report.json") \
    > /dev/null 2>&1; } 2>/dev/null
rc=$?
# styr ignores SIGXFSZ itself (cli/output.c), so with the signal's default
# action too the write fails as an error, exit 2, not a kill that would leave
# the temporary file behind.
check "a write past the size limit, SIGXFSZ at its default, exits 2 (got exit $rc)" '[ $rc -eq 2 ]'
check "... and keeps the earlier report" '[ "$(cat "$tmp/o/report.json")" = "the earlier report" ]'
check "... and leaves no temporary file" '[ "$(ls "$tmp/o")" = "report.json" ]'

# -o through symbolic links writes the file they lead to and keeps the
# links; a chain of 40 or more is refused as a loop would be (resolve_links
# in cli/output.c follows 39), and the file at its end is left as it was.
mkdir "$tmp/l"
echo "the earlier report" > "$tmp/l/target"
prev=target
for i in $(seq 1 40); do ln -s "$prev" "$tmp/l/link$i"; prev=link$i; done
"$styr" validate scenarios/goteborg-2018-2019.yaml -o "$tmp/l/link39" >/dev/null 2>&1
rc=$?
check "39 links are followed (got exit $rc)" '[ $rc -eq 0 ] && [ -L "$tmp/l/link39" ] && tail -1 "$tmp/l/target" | grep -q "30 insatser"'
echo "the earlier report" > "$tmp/l/target"
"$styr" validate scenarios/goteborg-2018-2019.yaml -o "$tmp/l/link40" >/dev/null 2> "$tmp/l.err"
rc=$?
check "40 links are refused (got exit $rc)" '[ $rc -eq 2 ] && grep -q "kan inte skriva .*link40: för många symboliska länkar" "$tmp/l.err"'
check "... and the file at their end is as it was" '[ "$(cat "$tmp/l/target")" = "the earlier report" ] && [ -L "$tmp/l/link40" ]'

# With standard input closed (a scheduler may start styr so), the temporary
# file -o writes is the first descriptor free: 0. It is a file like any
# other, and the report is written whole.
mkdir "$tmp/s"
"$styr" validate scenarios/goteborg-2018-2019.yaml -o "$tmp/s/report.txt" <&- >/dev/null 2> "$tmp/s.err"
rc=$?
check "standard input closed: -o writes the report (got exit $rc)" '[ $rc -eq 0 ] && tail -1 "$tmp/s/report.txt" | grep -q "30 insatser" && [ "$(ls "$tmp/s")" = "report.txt" ]'

# The input is never written.
sum=$(cksum < scenarios/goteborg-2018-2019.yaml)
"$styr" validate scenarios/goteborg-2018-2019.yaml -o scenarios/goteborg-2018-2019.yaml.out >/dev/null 2>&1
rm -f scenarios/goteborg-2018-2019.yaml.out
check "the input is unchanged" '[ "$(cksum < scenarios/goteborg-2018-2019.yaml)" = "$sum" ]'
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
