#!/usr/bin/env bash
# Benchmark of prioritisation (not a test: run it by hand; figures vary with
# the machine's load, so each is shown beside a baseline of the same run).
#   1. the kernels (bench_mcda): SMAA with 100,000 weight samples over 50 and
#      200 areas x 10 criteria, weighted sum and TOPSIS, on one thread and on
#      two, each against a one-thread baseline of its own method (draws plus
#      scores, or draws plus TOPSIS distances); exact budget selection over
#      800 areas against a sort by score/cost;
#   2. `styr sensitivity` itself, whole process, on 50 and 200 generated
#      areas (tests/bench/gen_areas.awk) with 100,000 samples, --threads 1 and
#      --threads 2, next to `styr score` on the same files (loading, rules and
#      scoring without the sampling: the part that is not SMAA).
# The machine's core count is printed first. Targets on a 2-core machine:
# 0.1 s (50 areas), 0.5 s (200 areas) and 0.1 s (selection).
# usage: tests/bench/bench_mcda.sh [BUILD_DIR] [REPEATS]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build-bench}
reps=${2:-7}
cd "$root"
if [ ! -x "$build/tests/bench_mcda" ] || [ ! -x "$build/styr" ] || [ ! -x "$build/tests/bench_run" ]; then
  cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DSTYR_BUILD_TESTS=ON >/dev/null
  cmake --build "$build" -j"$(nproc)" --target bench_mcda styr bench_run >/dev/null
fi
"$build/tests/bench_mcda" "$reps"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for n in 50 200; do
  awk -v n=$n -f tests/bench/gen_areas.awk > "$tmp/areas-$n.yaml"
  read -r score_t _ _ < <("$build/tests/bench_run" "$reps" "$build/styr" score "$tmp/areas-$n.yaml" \
    --scenario scenarios/balanserad.yaml)
  for th in 1 2; do
    read -r sens_t sens_rss _ < <("$build/tests/bench_run" "$reps" "$build/styr" sensitivity "$tmp/areas-$n.yaml" \
      --scenario scenarios/balanserad.yaml --samples 100000 --threads $th)
    printf 'styr sensitivity, whole process, %3d areas x 12 criteria, 100000 samples, --threads %d: %7.4f s (peak RSS %.1f MB) | styr score on the same files %7.4f s\n' \
      "$n" "$th" "$sens_t" "$(echo "$sens_rss" | awk '{print $1 / 1024}')" "$score_t"
  done
done
