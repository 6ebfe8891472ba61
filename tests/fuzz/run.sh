#!/usr/bin/env bash
# Runs each libFuzzer target for SECONDS (default 60) with AddressSanitizer
# and UBSan, seeded with the fixtures and bundled files; a crash is saved
# under tests/fuzz/crashes-TARGET/ — minimise it, then copy it into
# tests/fuzz/regressions/ so `ctest` replays it forever after.
# usage: tests/fuzz/run.sh [SECONDS] [TARGET...]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_yaml fuzz_validate fuzz_score fuzz_rules fuzz_xlsx)
build=$root/build-fuzz
cd "$root"
CC=clang cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSTYR_SANITIZE=ON -DSTYR_FUZZ=ON \
  -DSTYR_BUILD_TESTS=ON >/dev/null
cmake --build "$build" -j"$(nproc)" --target "${targets[@]}" >/dev/null
corpus_seed=$(mktemp -d)
trap 'rm -rf "$corpus_seed"' EXIT
cp rules/goteborg/tests/*.yaml scenarios/*.yaml tests/cli/data/*.yaml tests/fuzz/corpus/fuzz_xlsx/*.xlsx "$corpus_seed"/ 2>/dev/null || true
[ -d tests/hostile/inputs ] && find tests/hostile/inputs -type f -size -64k -exec cp {} "$corpus_seed"/ \; 2>/dev/null || true
# One target: fuzz it, then merge what it found into the committed corpus.
# Its report goes to $build/$t.report, printed when all are done.
fuzz_one() {
  local t=$1 corpus=$build/corpus-$1 crashes=$root/tests/fuzz/crashes-$1 status=0
  mkdir -p "$corpus" "$crashes"
  {
    echo "== $t for ${seconds}s"
    # ASan's leak check runs at exit; the rulesets loaded once stay alive on purpose.
    if ! ASAN_OPTIONS=detect_leaks=0 "$build/tests/fuzz/$t" "$corpus" "$corpus_seed" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -artifact_prefix="$crashes/" -print_final_stats=1 2>"$build/$t.log"; then
      echo "$t: FAILED, see $build/$t.log and $crashes/"
      status=1
    fi
    grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$build/$t.log" | sed "s/^/  $t /" || true
    # The corpus minimisation, kept in the repository: merge this run's corpus
    # into the committed one (only inputs that add coverage are added).
    mkdir -p "$root/tests/fuzz/corpus/$t"
    ASAN_OPTIONS=detect_leaks=0 "$build/tests/fuzz/$t" -merge=1 -timeout=10 -max_len=65536 \
      "$root/tests/fuzz/corpus/$t" "$corpus" 2>"$build/$t.merge.log" || { echo "$t: merge failed, see $build/$t.merge.log"; status=1; }
    echo "  $t corpus: $(ls "$root/tests/fuzz/corpus/$t" | wc -l) files in tests/fuzz/corpus/$t"
    rmdir "$crashes" 2>/dev/null || true
  } > "$build/$t.report"
  echo "$status" > "$build/$t.status"
}
# Each fuzzer is one process on one core: as many targets side by side as
# there are cores (CI's whole run has a time limit).
running=0
for t in "${targets[@]}"; do
  rm -f "$build/$t.status" "$build/$t.report"
  if [ "$running" -ge "$(nproc)" ]; then
    wait -n || true
    running=$((running - 1))
  fi
  fuzz_one "$t" &
  running=$((running + 1))
done
wait
status=0
for t in "${targets[@]}"; do
  cat "$build/$t.report" 2>/dev/null || echo "$t: no report"
  [ "$(cat "$build/$t.status" 2>/dev/null)" = 0 ] || status=1
done
exit $status
