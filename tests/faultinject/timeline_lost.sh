#!/usr/bin/env bash
# The HTML budget's timeline lost to memory: styr_timeline_build's calloc
# of the rows (30 actions of scenarios/goteborg-2018-2019.yaml times
# sizeof (styr_timeline_row), 160 bytes on x86-64: 4800 bytes, the first
# allocation of that size in the run) fails. The run fails with 'minnet tog
# slut' (styr_report_lost) instead of handing over a page without its
# timeline. If the row's size or the plan changes, the original passes no
# more and this test fails: set the size again.
#   tests/faultinject/timeline_lost.sh STYR failalloc.so
set -uo pipefail
styr=$1 shim=$2
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
err=$(STYR_FAIL_ALLOC=1 STYR_FAIL_ALLOC_SIZE=4800 LD_PRELOAD=$shim LC_ALL=C.UTF-8 \
      "$styr" budget scenarios/goteborg-2018-2019.yaml --format html -o "$tmp/b.html" 2>&1 >/dev/null)
rc=$?
failed=0
if [ "$rc" != 2 ]; then echo "FAIL exit $rc, not 2"; failed=1; fi
want="styr: kan inte skriva $tmp/b.html: minnet tog slut"
if [ "$err" != "$want" ]; then printf 'FAIL said:\n%s\nnot:\n%s\n' "$err" "$want"; failed=1; fi
exit $failed
