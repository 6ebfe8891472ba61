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
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# Rounds, not blocks: each round runs every command once, so a noisy spell on
# this shared machine slows both sides of a ratio alike; the ratios are the
# medians of the per-round ratios, the times the medians of the rounds.
rounds=7
: > "$tmp/rounds"
for r in $(seq "$rounds"); do
  read -r p_t p_rss _ < <(run 1 "$build/tests/yaml_parse_only" "$plan")
  read -r s_t s_rss s_code < <(run 1 "$build/styr" validate "$plan" --max-findings 1000000 --threads 1)
  read -r s2_t s2_rss _ < <(run 1 "$build/styr" validate "$plan" --max-findings 1000000 --threads 2)
  read -r j_t _ _ < <(run 1 "$build/styr" validate "$plan" --format json --max-findings 1000000 --threads 1)
  echo "$p_t $p_rss $s_t $s_rss $s_code $s2_t $s2_rss $j_t" >> "$tmp/rounds"
done
col() { awk -v c="$1" '{ print $c }' "$tmp/rounds" | median; }
colmax() { awk -v c="$1" '$c > m { m = $c } END { print m }' "$tmp/rounds"; }
parse_t=$(col 1); parse_rss=$(colmax 2); styr_t=$(col 3); styr_rss=$(colmax 4)
styr_code=$(awk 'NR == 1 { print $5 }' "$tmp/rounds")
styr2_t=$(col 6); styr2_rss=$(colmax 7); json_t=$(col 8)
ratio1=$(awk '{ print $3 / $1 }' "$tmp/rounds" | median)
ratio2=$(awk '{ print $6 / $1 }' "$tmp/rounds" | median)
ratio1_lo=$(awk '{ print $3 / $1 }' "$tmp/rounds" | sort -g | head -1)
ratio1_hi=$(awk '{ print $3 / $1 }' "$tmp/rounds" | sort -g | tail -1)

# The small plan against the process-start floor, interleaved the same way.
: > "$tmp/small"
for r in $(seq 51); do
  read -r a_t a_rss _ < <(run 1 "$build/styr" validate scenarios/goteborg-2018-2019.yaml)
  read -r b_t _ _ < <(run 1 true)
  echo "$a_t $a_rss $b_t" >> "$tmp/small"
done
small_t=$(awk '{ print $1 }' "$tmp/small" | median)
small_rss=$(awk '$2 > m { m = $2 } END { print m }' "$tmp/small")
true_t=$(awk '{ print $3 }' "$tmp/small" | median)
findings=$("$build/styr" validate "$plan" --max-findings 1000000 | tail -1 || true)

awk -v size="$size" -v a="$actions" -v pt="$parse_t" -v st="$styr_t" -v jt="$json_t" \
    -v st2="$styr2_t" -v rss2="$styr2_rss" -v cores="$(nproc)" \
    -v rss="$styr_rss" -v prss="$parse_rss" -v smt="$small_t" -v smr="$small_rss" -v tt="$true_t" \
    -v code="$styr_code" -v f="$findings" -v r1="$ratio1" -v r2="$ratio2" \
    -v r1lo="$ratio1_lo" -v r1hi="$ratio1_hi" 'BEGIN {
  printf "machine: %d cores online; 7 rounds, each running every command once (medians)\n", cores
  printf "generated plan: %d actions, %.1f MB; styr exit code %d\n  %s\n", a, size / 1e6, code, f
  printf "parse only (libyaml events, 1 thread): %8.3f s  peak RSS %6.1f MB\n", pt, prss / 1024
  printf "styr validate --threads 1 (text):      %8.3f s  peak RSS %6.1f MB\n", st, rss / 1024
  printf "styr validate --threads 2 (text):      %8.3f s  peak RSS %6.1f MB\n", st2, rss2 / 1024
  printf "styr validate --threads 1 (json):      %8.3f s\n", jt
  printf "  ratio validate/parse-only, one core each:        %.2fx (rounds %.2f-%.2f; target <= 2.00x)\n", r1, r1lo, r1hi
  printf "  ratio validate/parse-only, two cores against one: %.2fx\n", r2
  printf "  peak RSS / file size (--threads 1):  %.2fx (target < 8x)\n", rss * 1024 / size
  printf "bundled plan (30 actions), whole process, median of 51 (each round beside true): %.2f ms (target < 5 ms), peak RSS %.1f MB\n", smt * 1000, smr / 1024
  printf "  process-start floor (true): %.2f ms\n", tt * 1000
}'
