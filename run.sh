#!/usr/bin/env bash
# Quick start, command 1: install what styr needs, build it, and run the main
# job: validate Göteborg's action plan 2018-2019 with the goteborg ruleset.
set -euo pipefail
cd "$(dirname "$0")"
.ci/install-deps
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DSTYR_BUILD_TESTS=OFF >/dev/null
cmake --build build -j"$(nproc)" >/dev/null
set +e
./build/styr validate scenarios/goteborg-2018-2019.yaml "$@"
rc=$?
set -e
case $rc in
  0) echo "styr: the plan passes every check." ;;
  1) echo "styr: the plan has findings to fix before it goes to the board (exit code 1)." ;;
  *) echo "styr: the run failed (exit code $rc)." >&2; exit "$rc" ;;
esac
