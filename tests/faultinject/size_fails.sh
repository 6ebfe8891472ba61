#!/usr/bin/env bash
# One allocation picked by its size fails: failalloc.so fails the first
# allocation of exactly SIZE bytes (STYR_FAIL_ALLOC_SIZE) and nothing else.
# The run must stop with exit 2 and say exactly WANT on standard error.
# '{tmp}' in WANT and ARGS is a fresh folder (for -o). The sizes are
# x86-64's (a struct's or a header's): if one changes, the allocation is no
# longer met, the run succeeds and the test fails, so set the size again.
#   tests/faultinject/size_fails.sh STYR failalloc.so SIZE WANT ARGS...
set -uo pipefail
styr=$1 shim=$2 size=$3 want=$4
shift 4
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
args=()
for a in "$@"; do args+=("${a//\{tmp\}/$tmp}"); done
want=${want//\{tmp\}/$tmp}
err=$(STYR_FAIL_ALLOC=1 STYR_FAIL_ALLOC_SIZE=$size LD_PRELOAD=$shim LC_ALL=C.UTF-8 \
      "$styr" "${args[@]}" 2>&1 >/dev/null)
rc=$?
failed=0
if [ "$rc" != 2 ]; then echo "FAIL exit $rc, not 2"; failed=1; fi
if [ "$err" != "$want" ]; then printf 'FAIL said:\n%s\nnot:\n%s\n' "$err" "$want"; failed=1; fi
exit $failed
