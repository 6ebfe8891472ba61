#!/usr/bin/env bash
# The out-of-memory sweeps preload failalloc.so, but styr defines malloc,
# calloc and realloc itself (engine/cli/alloc_watch.c) and passes each call
# on to the next definition (dlsym RTLD_NEXT). This checks that the preloaded
# one is reached: with every allocation failing, styr stops with exit 2 and
# says that memory ran out, instead of running on glibc's malloc unseen
# (which would make every sweep pass without testing anything).
#   tests/faultinject/preload_reaches.sh STYR failalloc.so
set -uo pipefail
styr=$1 shim=$2
cd "$(dirname "$0")/../.."
err=$(STYR_FAIL_ALLOC=1 STYR_FAIL_ALLOC_ALL=1 LD_PRELOAD=$shim LC_ALL=C.UTF-8 \
      "$styr" validate scenarios/goteborg-2018-2019.yaml --threads 1 2>&1 >/dev/null)
rc=$?
# In the mutation driver's coverage build (it runs each test with a
# GCOV_PREFIX of its own) gcov's exit handler, which runs after styr has
# finished, allocates too and crashes when every allocation fails: there
# the crash is gcov's, and what styr said is what is checked.
if [ -n "${GCOV_PREFIX:-}" ] && [ "$rc" = 139 ]; then rc=2; fi
failed=0
if [ "$rc" = 2 ]; then echo "PASS every allocation failing: exit 2"; else echo "FAIL every allocation failing: exit $rc"; failed=1; fi
if grep -qF "minnet tog slut" <<<"$err"; then echo "PASS every allocation failing: says memory ran out"
else echo "FAIL every allocation failing: says memory ran out"; sed 's/^/    | /' <<<"$err"; failed=1; fi
exit $failed
