#!/usr/bin/env bash
# An arena's first block lost to memory: failalloc.so fails the first
# allocation of 64 KiB and the block's header (32 bytes on x86-64), the
# first arena block of the run, made while the ruleset's ruleset.yaml is
# read. styr says memory ran out reading that document and exits 2,
# instead of linking a block that is not there. If the header's size
# changes, the original passes no more and this test fails: set it again.
#   tests/faultinject/arena_block_lost.sh STYR failalloc.so
set -uo pipefail
styr=$1 shim=$2
cd "$(dirname "$0")/../.."
err=$(STYR_FAIL_ALLOC=1 STYR_FAIL_ALLOC_SIZE=65568 LD_PRELOAD=$shim LC_ALL=C.UTF-8 \
      "$styr" validate scenarios/goteborg-2018-2019.yaml --threads 1 2>&1 >/dev/null)
rc=$?
failed=0
if [ "$rc" != 2 ]; then echo "FAIL exit $rc, not 2"; failed=1; fi
want="rules/goteborg/ruleset.yaml: fel: minnet tog slut när dokumentet lästes (0 byte används)"
if [ "$err" != "$want" ]; then printf 'FAIL said:\n%s\nnot:\n%s\n' "$err" "$want"; failed=1; fi
exit $failed
