#!/usr/bin/env bash
# Quick start, command 1: install what styr needs, build it, and run the main
# job on the bundled Göteborg data:
#   1. validate the action plan 2018-2019 with the goteborg ruleset, and show
#      its money year by year (the 2019 gap);
#   2. score the proposed innovation areas under the five bundled scenarios,
#      side by side, with the best portfolio within the budget where one is set;
#   3. show how robust an example AHP ranking (illustrative judgements) is.
# Extra arguments go to every styr call (e.g. --lang en).
set -euo pipefail
cd "$(dirname "$0")"
.ci/install-deps
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DSTYR_BUILD_TESTS=OFF >/dev/null
cmake --build build -j"$(nproc)" >/dev/null

status=0
step() {
  local rc=0
  "$@" || rc=$?
  case $rc in
    0) ;;
    1) echo "styr: findings to act on (exit code 1)." ;;
    *) echo "styr: the run failed (exit code $rc)." >&2; status=$rc ;;
  esac
  echo
}
step ./build/styr validate scenarios/goteborg-2018-2019.yaml "$@"
step ./build/styr budget scenarios/goteborg-2018-2019.yaml "$@"
step ./build/styr score scenarios/goteborg-areas.yaml \
  --scenario scenarios/balanserad.yaml --scenario scenarios/medborgarnytta.yaml \
  --scenario scenarios/naringsliv-och-jobb.yaml --scenario scenarios/kostnadsmedveten.yaml \
  --scenario scenarios/styrgrupp-ahp.yaml "$@"
step ./build/styr sensitivity scenarios/goteborg-areas.yaml --scenario scenarios/styrgrupp-ahp.yaml \
  --samples 100000 "$@"
exit "$status"
