#!/usr/bin/env bash
# Static analysis, as CI runs it: clang-tidy with the checked-in .clang-tidy
# and cppcheck with the options below, over every C file of engine/. Both
# must report nothing; a finding fails the run.
#   tests/static/analyse.sh [BUILD_DIR]    (default build-test; it needs the
#   build's compile_commands.json, which CMake writes on configure)
# A false positive is silenced where it stands, with its reason beside it
# (NOLINT / cppcheck-suppress), never by turning a check off for everyone.
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build-test}
[ -f "$build/compile_commands.json" ] || { echo "analyse: no $build/compile_commands.json; configure first" >&2; exit 2; }
command -v run-clang-tidy >/dev/null || { echo "analyse: clang-tidy is not installed (apt-get install clang-tidy)" >&2; exit 2; }
command -v cppcheck >/dev/null || { echo "analyse: cppcheck is not installed (apt-get install cppcheck)" >&2; exit 2; }

status=0
echo "== clang-tidy ($(clang-tidy --version | grep -o 'version [0-9.]*'))"
tidy_log=$(mktemp)
trap 'rm -f "$tidy_log"' EXIT
# run-clang-tidy takes regular expressions: the engine's own files only.
run-clang-tidy -p "$build" -j "$(nproc)" -quiet "$PWD/engine/.*\.c$" >"$tidy_log" 2>&1 || true
if grep -E "(warning|error): " "$tidy_log" | sed 's/\x1b\[[0-9;]*m//g' | sort -u | grep .; then
  echo "clang-tidy: findings above" >&2
  status=1
else
  echo "clang-tidy: no findings in $(find engine -name '*.c' | wc -l) files"
fi

echo "== cppcheck ($(cppcheck --version))"
# warning and portability: the bug-finding classes; style is taste.
if cppcheck --enable=warning,portability --std=c11 --inline-suppr --quiet --error-exitcode=1 \
     -I include $(find engine -type d -printf '-I %p ') engine/; then
  echo "cppcheck: no findings"
else
  echo "cppcheck: findings above" >&2
  status=1
fi
exit $status
