#!/usr/bin/env bash
# After `cmake --install`, styr finds its default ruleset next to itself,
# with no environment variable, from any working folder.
# usage: tests/install_smoke.sh BUILD_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
root=$(cd "$(dirname "$0")/.." && pwd)
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --prefix "$prefix" >/dev/null
cd /
env -i PATH=/usr/bin:/bin "$prefix/bin/styr" rules list --format json > "$prefix/rules.json"
grep -q "\"file\": \"$prefix/bin/../share/styr/rules/goteborg/" "$prefix/rules.json" || {
  echo "FAIL: the installed styr did not use its installed ruleset"; head -5 "$prefix/rules.json"; exit 1; }
set +e
env -i PATH=/usr/bin:/bin "$prefix/bin/styr" validate "$root/scenarios/goteborg-2018-2019.yaml" --lang en > "$prefix/out.txt"
rc=$?
set -e
[ $rc -eq 1 ] && grep -q "30 actions, 57 errors" "$prefix/out.txt" || { echo "FAIL: exit $rc"; tail -3 "$prefix/out.txt"; exit 1; }
echo "install smoke test: 1 passed, 0 failed"
