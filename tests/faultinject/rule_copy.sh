#!/usr/bin/env bash
# A rule's message whose copy fails (ruleset.c, add_rule: rule_copied):
# loading the rules stops with 'minnet tog slut', exit 2, instead of
# running a rule without its message. The ruleset's only rule has a
# message of 300 bytes, so failalloc.so fails the first allocation of
# 301 bytes, that copy, and nothing else.
#   tests/faultinject/rule_copy.sh STYR failalloc.so
set -uo pipefail
styr=$1 shim=$2
cd "$(dirname "$0")/../.."
err=$(STYR_FAIL_ALLOC=1 STYR_FAIL_ALLOC_SIZE=301 LD_PRELOAD=$shim LC_ALL=C.UTF-8 \
      "$styr" validate --rules tests/cli/rulesets/message-300-bytes rules/goteborg/tests/clean.yaml 2>&1 >/dev/null)
rc=$?
failed=0
if [ "$rc" != 2 ]; then echo "FAIL exit $rc, not 2"; failed=1; fi
want="tests/cli/rulesets/message-300-bytes/one.lua:3: fel: minnet tog slut"
if [ "$err" != "$want" ]; then printf 'FAIL said:\n%s\nnot:\n%s\n' "$err" "$want"; failed=1; fi
exit $failed
