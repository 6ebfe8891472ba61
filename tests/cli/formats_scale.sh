#!/usr/bin/env bash
# The CI formats at 100,000 findings (the --max-findings default) that all
# share one rule, action and path (tests/hostile/rules/report-million): each
# format is written within 10 s of CPU (numbering duplicates by comparing each case
# with every earlier one, as JUnit first did, is 5 billion comparisons here), JUnit gives every case its own name (" #2" ... " #100000") and
# SARIF every result its own partialFingerprints, GitHub annotates 10 and
# says how many it did not (and how many --max-findings did not keep), and
# the step summary stays within 1 MiB.
# usage: tests/cli/formats_scale.sh STYR
set -uo pipefail
styr=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
pass() { passed=$((passed + 1)); printf 'PASS  %s\n' "$*"; }
fail() { failed=$((failed + 1)); printf 'FAIL  %s\n' "$*"; }
run() {   # FORMAT -> $tmp/out.FORMAT; fails past 10 s of CPU (not of the
          # clock: a busy machine must not fail it; 600 s of the clock only
          # for a run that hangs idle). Each format takes under 1 s here
          # (JUnit 0.66 s), a few under a sanitizer; a writer that compares
          # each case with every earlier one took 18 s of CPU.
  local start=$SECONDS
  ( ulimit -H -t 12; ulimit -S -t 10
    exec timeout 600 "$styr" validate rules/goteborg/tests/clean.yaml --rules tests/hostile/rules/report-million \
      --format "$1" --lang en -o "$tmp/out.$1" ) >/dev/null 2>&1
  local rc=$?
  if [ $rc -eq 152 ] || [ $rc -eq 137 ]; then fail "$1: not written within 10 s of CPU"; return 1; fi
  if [ $rc -eq 124 ]; then fail "$1: not written within 600 s (hung?)"; return 1; fi
  # 2: more findings than --max-findings keeps (the rest are counted); a
  # signal (a crash) or any other code is a failure
  if [ $rc -ne 2 ]; then fail "$1: exit $rc, expected 2"; return 1; fi
  pass "$1: written in $((SECONDS - start)) s (exit $rc)"
}
if run junit; then
  n=$(grep -c '<testcase classname="action.hostile.report-million"' "$tmp/out.junit")
  u=$(grep -o '<testcase classname="[^"]*" name="[^"]*"' "$tmp/out.junit" | sort -u | wc -l)
  t=$(grep -c '<testcase ' "$tmp/out.junit")
  if [ "$n" -ge 100000 ] && [ "$u" -eq "$t" ]; then pass "junit: $t test cases, $u distinct identities"; else fail "junit: $t test cases, $u distinct identities"; fi
fi
if run sarif; then
  if node -e '
const s = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
const k = new Set(s.runs[0].results.map(r => r.partialFingerprints["styrLogicalKey/v1"]));
console.log(s.runs[0].results.length + " results, " + k.size + " distinct fingerprints");
process.exit(k.size === s.runs[0].results.length && k.size >= 100000 ? 0 : 1);' "$tmp/out.sarif" > "$tmp/fp.txt"; then
    pass "sarif: $(cat "$tmp/fp.txt")"
  else
    fail "sarif: $(cat "$tmp/fp.txt")"
  fi
fi
if run github; then
  a=$(grep -c '^::' "$tmp/out.github")
  if [ "$a" -le 21 ] && tail -1 "$tmp/out.github" | grep -q '^::notice title=styr::99990 of 100000 findings are not shown.* Besides, 1900002 findings past --max-findings were counted but not kept\.$'; then
    pass "github: $a workflow commands for $(wc -l < "$tmp/out.github") lines, closing notice last"
  else
    fail "github: $a workflow commands"
  fi
fi
if run github-summary; then
  size=$(wc -c < "$tmp/out.github-summary")
  if [ "$size" -le 1048576 ]; then pass "github-summary: $size bytes"; else fail "github-summary: $size bytes, over 1 MiB"; fi
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
