#!/bin/sh
# `styr rules test` on a ruleset must pass (exit 0) and print, or not print,
# a warning line matching PATTERN (a grep -E expression).
#   rules_warning.sh STYR RULESET PATTERN present|absent
# Both ways round from one script: the bundled rulesets show the warning is
# absent, and a ruleset made to have it shows the same pattern is present,
# so neither test can pass on a pattern that no longer matches anything, or
# on a run that failed for another reason.
styr=$1 rules=$2 pattern=$3 want=$4
out=$("$styr" rules test --rules "$rules" -q) || { echo "FAIL: styr rules test --rules $rules exits $?"; printf '%s\n' "$out"; exit 1; }
if printf '%s\n' "$out" | grep -E -- "$pattern"; then have=present; else have=absent; fi
[ "$have" = "$want" ] || { echo "FAIL: '$pattern' is $have in the output of rules test --rules $rules (want $want)"; exit 1; }
echo "ok: '$pattern' $want for $rules"
