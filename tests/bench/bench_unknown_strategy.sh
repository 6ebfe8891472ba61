#!/usr/bin/env bash
# Benchmark of the "did you mean" hint for unknown strategies (issue 9, class
# 7; not a test: figures vary with the machine). Two plans of ACTIONS actions
# (default 100,000) under STRATEGIES strategies (default 10,000), measured in
# the same run, one after the other:
#   baseline - every action names a strategy the plan has (no hint is made);
#   unknown  - every action names a strategy the plan does not have, each a
#              different one, so every action gets its own hint.
# The ratio unknown/baseline is what the hints cost. With a hint that
# compares every strategy it was about STRATEGIES/100 (4,000 x 4,000: 61 s);
# bounded hints (engine/base/nearest_index.c) keep it a small constant, and
# the same ratio at a tenth of the size shows it does not grow with n.
# usage: tests/bench/bench_unknown_strategy.sh [STYR] [ACTIONS] [STRATEGIES]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
styr=${1:-$root/build/styr}
actions=${2:-100000}
strategies=${3:-10000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

gen() {   # gen ACTIONS STRATEGIES known|unknown OUT
  awk -v n="$1" -v s="$2" -v mode="$3" 'BEGIN {
    print "kind: action-plan\nversion: 1\nperiod: {from: 2018, to: 2019}\nstrategies:"
    for (i = 1; i <= s; i++) printf "  - {id: \"strategi-%d\", title: Strategi %d}\n", i, i
    print "actions:"
    for (i = 1; i <= n; i++) {
      st = mode == "known" ? sprintf("strategi-%d", (i % s) + 1) : sprintf("strategi-%dx", i)
      printf "  - {id: \"a%d\", title: Insats %d, owner: Kommunstyrelsen, strategy: \"%s\"}\n", i, i, st
    }
  }' > "$4"
}

measure() {   # measure FILE: prints "seconds peak_rss_kb"
  /usr/bin/time -f "%e %M" -o "$tmp/time" "$styr" validate "$1" -q --max-findings 10000000 >/dev/null 2>&1 || true
  tail -1 "$tmp/time"
}

report() {   # report ACTIONS STRATEGIES
  gen "$1" "$2" known "$tmp/known.yaml"
  gen "$1" "$2" unknown "$tmp/unknown.yaml"
  read -r bt br < <(measure "$tmp/known.yaml")
  read -r ut ur < <(measure "$tmp/unknown.yaml")
  printf "%d actions, %d strategies: baseline %.2f s (%d MB), every strategy unknown %.2f s (%d MB)" \
    "$1" "$2" "$bt" "$((br / 1024))" "$ut" "$((ur / 1024))"
  awk -v a="$ut" -v b="$bt" 'BEGIN { if (b > 0) printf ", ratio %.2f\n", a / b; else print "" }'
}

report "$actions" "$strategies"
report $((actions / 10)) $((strategies / 10))
