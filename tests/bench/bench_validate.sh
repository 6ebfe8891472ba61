#!/usr/bin/env bash
# Benchmark of `styr validate` (not a test: run it by hand, figures vary with
# the machine's load). Measures in one run, so the figures are ratios:
#   1. a generated plan of 30,000 actions (~15 MB): styr validate against a
#      parse-only libyaml pass over the same file (target: within 2x), like
#      for like on one core (--threads 1: the parse is one thread) and, shown
#      beside it, on two (--threads 2: two cores against one), and styr's
#      peak RSS against the file size (target: under 8x);
#   2. the bundled Göteborg plan, whole process (target: median under 5 ms),
#      against `true` as the process-start floor.
# usage: tests/bench/bench_validate.sh [BUILD_DIR] [ACTIONS]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build-bench}
actions=${2:-30000}
cd "$root"
if [ ! -x "$build/styr" ] || [ ! -x "$build/tests/yaml_parse_only" ] || [ ! -x "$build/tests/bench_run" ]; then
  cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DSTYR_BUILD_TESTS=ON >/dev/null
  cmake --build "$build" -j"$(nproc)" --target styr yaml_parse_only bench_run >/dev/null
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
plan=$tmp/plan.yaml
awk -v n="$actions" -f tests/bench/gen_plan.awk > "$plan"
size=$(stat -c %s "$plan")
run() { "$build/tests/bench_run" "$@"; }

read -r parse_t parse_rss _ < <(run 7 "$build/tests/yaml_parse_only" "$plan")
read -r styr_t styr_rss styr_code < <(run 7 "$build/styr" validate "$plan" --max-findings 1000000 --threads 1)
read -r styr2_t styr2_rss _ < <(run 7 "$build/styr" validate "$plan" --max-findings 1000000 --threads 2)
read -r json_t _ _ < <(run 7 "$build/styr" validate "$plan" --format json --max-findings 1000000 --threads 1)
read -r small_t small_rss _ < <(run 51 "$build/styr" validate scenarios/goteborg-2018-2019.yaml)
read -r true_t _ _ < <(run 51 true)
findings=$("$build/styr" validate "$plan" --max-findings 1000000 | tail -1 || true)

awk -v size="$size" -v a="$actions" -v pt="$parse_t" -v st="$styr_t" -v jt="$json_t" \
    -v st2="$styr2_t" -v rss2="$styr2_rss" -v cores="$(nproc)" \
    -v rss="$styr_rss" -v prss="$parse_rss" -v smt="$small_t" -v smr="$small_rss" -v tt="$true_t" \
    -v code="$styr_code" -v f="$findings" 'BEGIN {
  printf "machine: %d cores online; medians of 7 runs\n", cores
  printf "generated plan: %d actions, %.1f MB; styr exit code %d\n  %s\n", a, size / 1e6, code, f
  printf "parse only (libyaml events, 1 thread): %8.3f s  peak RSS %6.1f MB\n", pt, prss / 1024
  printf "styr validate --threads 1 (text):      %8.3f s  peak RSS %6.1f MB\n", st, rss / 1024
  printf "styr validate --threads 2 (text):      %8.3f s  peak RSS %6.1f MB\n", st2, rss2 / 1024
  printf "styr validate --threads 1 (json):      %8.3f s\n", jt
  printf "  ratio validate/parse-only, one core each:        %.2fx (target <= 2.00x)\n", st / pt
  printf "  ratio validate/parse-only, two cores against one: %.2fx\n", st2 / pt
  printf "  peak RSS / file size (--threads 1):  %.2fx (target < 8x)\n", rss * 1024 / size
  printf "bundled plan (30 actions), whole process, median of 51: %.2f ms (target < 5 ms), peak RSS %.1f MB\n", smt * 1000, smr / 1024
  printf "  process-start floor (true): %.2f ms\n", tt * 1000
}'
