#!/usr/bin/env bash
# A report that lost a part to memory fails the run (report_lost.h): exit 2,
# the reason in the run's language, an earlier -o file kept, no temporary
# file; to standard output too, though what was written there stays.
#   tests/faultinject/lost_part.sh STYR fail_memstream.so
set -uo pipefail
styr=$1 shim=$2
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d "${TMPDIR:-/tmp}/styr-lost.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
failed=0
check() {   # check NAME CONDITION...
  local name=$1
  shift
  if "$@"; then echo "PASS $name"; else echo "FAIL $name"; failed=1; sed 's/^/    | /' "$tmp/err"; fi
}
plan=scenarios/goteborg-2018-2019.yaml
# The run without the shim: the same command passes (the check is not hollow).
"$styr" validate "$plan" --format github-summary > "$tmp/out" 2> "$tmp/err"; rc=$?
check "github-summary without the shim: exit 0" test "$rc" = 0
LD_PRELOAD=$shim LC_ALL=C.UTF-8 "$styr" validate "$plan" --format github-summary > "$tmp/out" 2> "$tmp/err"; rc=$?
check "a lost row, to standard output: exit 2" test "$rc" = 2
check "a lost row, to standard output: says so in Swedish" grep -qxF "styr: kan inte skriva standard ut: minnet tog slut" "$tmp/err"
echo old > "$tmp/summary.md"
LD_PRELOAD=$shim LC_ALL=C.UTF-8 "$styr" validate "$plan" --format github-summary --lang en -o "$tmp/summary.md" > "$tmp/out" 2> "$tmp/err"; rc=$?
check "a lost row, to -o: exit 2" test "$rc" = 2
check "a lost row, to -o: says so in English" grep -qF "cannot write $tmp/summary.md: Cannot allocate memory" "$tmp/err"
check "a lost row, to -o: the earlier file kept" grep -qx old "$tmp/summary.md"
check "a lost row, to -o: no temporary file" test -z "$(ls "$tmp" | grep -F '.tmp-')"
# A diff's HTML shows each changed field's values through a memory stream
# (report_diff.c, html_value): losing one fails the run as well.
diffargs=(diff tests/cli/data/diff-best-match-old.yaml tests/cli/data/diff-best-match-new.yaml --format html)
"$styr" "${diffargs[@]}" > "$tmp/out" 2> "$tmp/err"; rc=$?
check "diff HTML without the shim: exit 0" test "$rc" = 0
LD_PRELOAD=$shim LC_ALL=C.UTF-8 "$styr" "${diffargs[@]}" > "$tmp/out" 2> "$tmp/err"; rc=$?
check "a diff's lost value, HTML: exit 2" test "$rc" = 2
check "a diff's lost value, HTML: says so in Swedish" grep -qxF "styr: kan inte skriva standard ut: minnet tog slut" "$tmp/err"
exit $failed
