#!/usr/bin/env bash
# Benchmark of the prioritisation kernels (not a test: run it by hand).
# Sensitivity (SMAA) with 100,000 weight samples over 50 and 200 areas x 10
# criteria, and exact budget selection over 800 areas, each against a
# baseline measured in the same run (the cost of just drawing the weights,
# and of sorting the areas), so the figures are ratios on a noisy machine.
# Targets on a 2-core machine: 0.1 s, 0.5 s and 0.1 s.
# usage: tests/bench/bench_mcda.sh [BUILD_DIR] [REPEATS]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build-bench}
cd "$root"
if [ ! -x "$build/tests/bench_mcda" ]; then
  cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DSTYR_BUILD_TESTS=ON >/dev/null
  cmake --build "$build" -j"$(nproc)" --target bench_mcda >/dev/null
fi
"$build/tests/bench_mcda" "${2:-7}"
