#!/usr/bin/env bash
# Benchmark of styr validate's scaling (not a test: figures vary with the
# machine's load): a plan of ACTIONS actions (default 100,000) under
# STRATEGIES strategies (default 10,000), with one action in UNKNOWN (default
# 100) naming a strategy the plan does not have, so the "did you mean" hints
# run too. Every engine pass and built-in rule should be O(n log n) in the
# plan's size: the script prints time and peak RSS at the full size and at
# a tenth of it; their time ratio should stay near 10 (quadratic work
# shows as ~100), and --profile-rules names the slowest rules.
# usage: tests/bench/bench_scale.sh [STYR] [ACTIONS] [STRATEGIES] [UNKNOWN]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
styr=${1:-$root/build-test/styr}
actions=${2:-100000}
strategies=${3:-10000}
unknown=${4:-100}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

gen() {   # gen ACTIONS STRATEGIES OUT
  awk -v n="$1" -v s="$2" -v u="$unknown" 'BEGIN {
    print "kind: action-plan\nversion: 1\nperiod: {from: 2018, to: 2019}\nstrategies:"
    for (i = 1; i <= s; i++) printf "  - {id: \"s%d\", title: Strategi %d}\n", i, i
    print "actions:"
    for (i = 1; i <= n; i++) {
      st = (i % u == 0) ? sprintf("x%d", i) : sprintf("s%d", (i % s) + 1)
      printf "  - {id: \"a%d\", title: Insats %d, owner: Kommunstyrelsen, strategy: \"%s\"}\n", i, i, st
    }
  }' > "$3"
}

measure() {   # measure FILE: prints "seconds peak_rss_kb"
  /usr/bin/time -f "%e %M" -o "$tmp/time" "$styr" validate "$1" -q --max-findings 10000000 || true
  cat "$tmp/time" | tail -1
}

gen "$actions" "$strategies" "$tmp/full.yaml"
gen $((actions / 10)) $((strategies / 10)) "$tmp/tenth.yaml"
read -r ft fr < <(measure "$tmp/full.yaml")
read -r tt tr < <(measure "$tmp/tenth.yaml")
printf "%d actions, %d strategies (%.1f MB): %.2f s, peak RSS %.0f MB\n" "$actions" "$strategies" \
  "$(stat -c %s "$tmp/full.yaml")e-6" "$ft" "$((fr / 1024))"
printf "%d actions, %d strategies: %.2f s, peak RSS %.0f MB\n" $((actions / 10)) $((strategies / 10)) "$tt" "$((tr / 1024))"
awk -v a="$ft" -v b="$tt" 'BEGIN { if (b > 0) printf "time ratio full/tenth: %.1f (linear: ~10, quadratic: ~100)\n", a / b }'
"$styr" validate "$tmp/full.yaml" -q --profile-rules --max-findings 10000000 2>&1 | head -6 || true
