#!/usr/bin/env bash
# Runs every CLI golden test under valgrind memcheck: no invalid access, no
# use of uninitialised memory and no leak may remain (each is an error).
# usage: tests/memcheck.sh STYR [CASE...]
set -uo pipefail
styr=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
shift
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 2
command -v valgrind >/dev/null || { echo "memcheck: valgrind is not installed" >&2; exit 2; }
cases=("$@")
if [ ${#cases[@]} -eq 0 ]; then
  for f in tests/cli/cases/*.args; do cases+=("$(basename "$f" .args)"); done
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# A wrapper that golden.sh runs instead of styr: same output, checked by valgrind.
# (A POSIX sh: bash would warn about a locale the machine lacks, such as the
# sv_SE.UTF-8 of lang-lc-all-wins, and the warning would end up in the output.)
cat > "$tmp/styr" <<WRAP
#!/bin/sh
export STYR_NO_JIT=1   # valgrind cannot follow PCRE2's JIT-made code
export STYR_NO_FORK=1  # workbooks written in the process: a forked child's exit reads as its parent's leaks
exec valgrind --quiet --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,indirect,possible \\
  --suppressions="$root/tests/valgrind.supp" \\
  --errors-for-leak-kinds=definite,indirect,possible --log-file="\$STYR_VG_DIR/vg.%p.log" "$styr" "\$@"
WRAP
chmod +x "$tmp/styr"
# One case: its own folder for valgrind's logs, a verdict file to count.
check_case() {
  local c=$1 dir="$tmp/cases/$1" out rc problems
  mkdir -p "$dir"
  # A bound on each case, far above its time (a second or two under
  # valgrind): a case that hangs fails by name instead of holding CI until
  # its limit.
  out=$(STYR_VG_DIR="$dir" timeout -k 10 600 tests/cli/golden.sh "$tmp/styr" "$c" 2>&1)
  rc=$?
  [ $rc -eq 124 ] && out="timed out after 600 s under valgrind
$out"
  problems=$(cat "$dir"/vg.*.log 2>/dev/null)
  if [ $rc -eq 0 ] && [ -z "$problems" ]; then
    : > "$dir/PASS"
  else
    { echo "FAIL $c"
      printf '%s\n' "$out" | head -5
      printf '%s\n' "$problems" | head -30; } > "$dir/FAIL"
  fi
}
export -f check_case
export tmp
# Each case is one process under valgrind: as many side by side as there
# are cores (CI's whole run has a time limit; one at a time took 13 minutes).
printf '%s\0' "${cases[@]}" | xargs -0 -n1 -P"$(nproc)" bash -c 'check_case "$1"' _
passed=0 failed=0
for c in "${cases[@]}"; do
  if [ -f "$tmp/cases/$c/PASS" ]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    if [ -f "$tmp/cases/$c/FAIL" ]; then cat "$tmp/cases/$c/FAIL"; else echo "FAIL $c (no verdict)"; fi
  fi
done
echo "memcheck: $passed passed, $failed failed"
[ $failed -eq 0 ]
