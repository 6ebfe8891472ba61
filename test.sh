#!/usr/bin/env bash
# Quick start, command 2: install what the tests need, build, and run the
# whole test suite (unit tests, rule fixtures, CLI golden tests).
#   ./test.sh              the normal build, in build-test/
#   ./test.sh --sanitize   the same suite under AddressSanitizer + UBSan, in build-asan/
set -euo pipefail
cd "$(dirname "$0")"
.ci/install-deps --test
dir=build-test
flags=(-DCMAKE_BUILD_TYPE=RelWithDebInfo)
if [ "${1:-}" = "--sanitize" ]; then
  dir=build-asan
  flags=(-DCMAKE_BUILD_TYPE=Debug -DSTYR_SANITIZE=ON)
fi
[ "${CI:-}" = "true" ] && flags+=(-DSTYR_WERROR=ON)
cmake -S . -B "$dir" -DSTYR_BUILD_TESTS=ON "${flags[@]}" >/dev/null
cmake --build "$dir" -j"$(nproc)"
# Four tests at a time even on two cores: no test may depend on a quiet
# machine (time bounds are generous backstops; limits are counted in work).
ctest --test-dir "$dir" --output-on-failure -j4
