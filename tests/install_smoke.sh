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
# The library, its header and pkg-config file: an embedding program builds and runs.
cat > "$prefix/embed.c" <<'C'
#include <stdio.h>
#include <styr.h>
int main(int argc, char **argv)
{
    styr_problem why;
    styr_rules *rules = styr_rules_load("goteborg", "en", &why);
    if (!rules) { fprintf(stderr, "%s\n", why.message); return 2; }
    styr_report *r = styr_validate_file(rules, argv[1], &why);
    if (!r) { fprintf(stderr, "%s:%u: %s\n", why.file, why.line, why.message); return 2; }
    printf("styr %s: %zu findings, %zu errors\n", styr_version(), styr_report_count(r), styr_report_total(r, "error"));
    styr_report_free(r);
    styr_rules_free(rules);
    return argc > 1 ? 0 : 1;
}
C
export PKG_CONFIG_PATH="$prefix/lib/pkgconfig:$prefix/lib/x86_64-linux-gnu/pkgconfig"
# A sanitizer build's library needs the sanitizer runtimes in the program too.
san=()
grep -q '^STYR_SANITIZE:BOOL=ON' "$build/CMakeCache.txt" && san=(-fsanitize=address,undefined)
cc "${san[@]}" -o "$prefix/bin/embed" "$prefix/embed.c" $(pkg-config --cflags --libs --static styr)
out=$("$prefix/bin/embed" "$root/scenarios/goteborg-2018-2019.yaml")
[ "$out" = "styr 0.1.0: 90 findings, 57 errors" ] || { echo "FAIL: embedding program said: $out"; exit 1; }
# What docs/integration.md points at after an install: the JSON Schemas (the
# VS Code settings) and the documentation (SARIF's informationUri).
for f in share/styr/schemas/action-plan.schema.json share/styr/schemas/output-validate.schema.json \
         share/doc/styr/README.md share/doc/styr/integration.md; do
  [ -s "$prefix/$f" ] || { echo "FAIL: the install has no $f"; exit 1; }
done
echo "install smoke test: 3 passed, 0 failed"
