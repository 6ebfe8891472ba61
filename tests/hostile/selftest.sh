#!/usr/bin/env bash
# selftest.sh STYR - run.sh itself: a case marked known-bug must fail when
# styr crashes on it or runs out of time (the mark records a wrong answer,
# never a crash). Runs run.sh on the one known-bug case with a wrapper in
# place of styr that dies of SIGSEGV, then one that hangs idle (the wall
# clock's backstop), then one that spins (the CPU time's bound).
set -u
styr=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
case_re=$(awk -F'\t' '!/^[[:space:]]*(#|$)/ && $4 ~ /known-bug/ {print $1; exit}' "$here/inputs/MANIFEST")
[ -n "$case_re" ] || { echo "no known-bug case in inputs/MANIFEST: nothing to test (pass)"; exit 0; }
passed=0 failed=0
try() {   # try NAME WRAPPER_BODY EXPECTED_RESULT_RE [WALL_SECONDS]
  printf '#!/usr/bin/env bash\n%s\n' "$2" > "$tmp/styr"
  chmod +x "$tmp/styr"
  STYR_HOSTILE_ONLY="^${case_re//./\\.}\$" STYR_HOSTILE_TIMEOUT=${4:-2} STYR_HOSTILE_CPU=1 "$here/run.sh" "$tmp/styr" > "$tmp/out" 2>&1
  local rc=$?
  if [ $rc -eq 1 ] && grep -Eq "$3" "$tmp/out"; then
    passed=$((passed + 1)); echo "PASS $1"
  else
    failed=$((failed + 1)); echo "FAIL $1 (run.sh exit $rc):"; sed 's/^/    | /' "$tmp/out"
  fi
}
try "a known-bug case that crashes is a FAIL" 'kill -SEGV $$' "^FAIL $case_re: .*signal 11"
try "a known-bug case that hangs is a FAIL" 'exec sleep 30' "^FAIL $case_re: timed out"
# (the wall clock's bound far off: on a busy machine a second of CPU takes
# several of the clock)
try "a known-bug case that spins is a FAIL (CPU time, whatever the load)" 'while :; do :; done' \
  "^FAIL $case_re: killed by SIGXCPU" 120
# And the real styr on it stays KNOWN (or PASS once fixed), not FAIL.
STYR_HOSTILE_ONLY="^${case_re//./\\.}\$" "$here/run.sh" "$styr" > "$tmp/out" 2>&1
if [ $? -eq 0 ] && grep -Eq "^(KNOWN|PASS) $case_re" "$tmp/out"; then passed=$((passed + 1)); echo "PASS the real styr: not a crash"; else failed=$((failed + 1)); echo "FAIL the real styr:"; cat "$tmp/out"; fi
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
