#!/usr/bin/env bash
# After `cmake --install`: the installed styr finds its installed ruleset
# from any folder with no environment variable, and a program embeds the
# installed library through find_package(styr) (shared and static) and
# through pkg-config (shared, and --static), each giving the CLI's counts.
# usage: tests/package/install.sh BUILD_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
root=$(cd "$(dirname "$0")/../.." && pwd)
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
plan="$root/scenarios/goteborg-2018-2019.yaml"
pass=0
ok() { pass=$((pass + 1)); }
fail() { echo "FAIL: $*"; exit 1; }

cmake --install "$build" --prefix "$prefix" >/dev/null
cd /
env -i PATH=/usr/bin:/bin "$prefix/bin/styr" rules list --format json > "$prefix/rules.json"
grep -q "\"file\": \"$prefix/share/styr/rules/goteborg/" "$prefix/rules.json" ||
  { head -3 "$prefix/rules.json"; fail "the installed styr did not use its installed ruleset"; }
ok
set +e
env -i PATH=/usr/bin:/bin "$prefix/bin/styr" validate "$plan" --lang en --format json > "$prefix/out.json"
rc=$?
set -e
errors=$(grep -o '"error": [0-9]*' "$prefix/out.json" | tail -1 | grep -o '[0-9]*$')
# Exit 1 exactly when the plan has errors (the bundled plan, read as the city
# reads it, has none).
[ $rc -eq $((errors > 0 ? 1 : 0)) ] || fail "validate exited $rc with $errors errors"
total=$(grep -c '"rule": ' "$prefix/out.json")
version=$("$prefix/bin/styr" --version | sed 's/^styr //')
want="styr $version ($version): $total findings, $errors errors, $total named"
ok

# What docs/integration.md points at after an install: the JSON Schemas (the
# VS Code settings) and the documentation (SARIF's informationUri).
for f in share/styr/schemas/action-plan.schema.json share/styr/schemas/output-validate.schema.json \
         share/doc/styr/README.md share/doc/styr/integration.md share/doc/styr/LICENSE; do
  [ -s "$prefix/$f" ] || fail "the install has no $f"
done
ok

libdir=$(dirname "$(find "$prefix" -name libstyr.so | head -1)")
export PKG_CONFIG_PATH="$libdir/pkgconfig"
# A sanitizer build's library needs the sanitizer runtimes in the program too.
san=()
grep -q '^STYR_SANITIZE:BOOL=ON' "$build/CMakeCache.txt" && san=(-fsanitize=address,undefined)
run_embed() {   # NAME BINARY
  local out
  out=$(env -i PATH=/usr/bin:/bin LD_LIBRARY_PATH="$libdir" ASAN_OPTIONS=detect_leaks=1 "$2" "$plan") ||
    fail "$1: the embedding program failed"
  [ "$out" = "$want" ] || fail "$1: said '$out', the CLI '$want'"
  ok
}
cc "${san[@]}" -o "$prefix/bin/embed-pc" "$root/tests/package/embed.c" $(pkg-config --cflags --libs styr)
# ldd's output is read whole first: under pipefail, grep -q stopping at its
# match can kill ldd with SIGPIPE and fail the pipeline (a flake under load).
libs=$(LD_LIBRARY_PATH="$libdir" ldd "$prefix/bin/embed-pc")
grep -q "libstyr.so.0 => $libdir/" <<<"$libs" || fail "pkg-config --libs did not link libstyr.so"
run_embed "pkg-config" "$prefix/bin/embed-pc"
# --static: libstyr.a and everything it needs, with no libstyr.so involved.
cc "${san[@]}" -o "$prefix/bin/embed-pc-static" "$root/tests/package/embed.c" \
  $(pkg-config --cflags --static --libs styr | sed 's/-lstyr\b/-l:libstyr.a/')
libs=$(LD_LIBRARY_PATH="$libdir" ldd "$prefix/bin/embed-pc-static")
! grep -q libstyr.so <<<"$libs" || fail "pkg-config --static still needs libstyr.so"
run_embed "pkg-config --static" "$prefix/bin/embed-pc-static"
# find_package(styr CONFIG): styr::styr and styr::styr_static.
cflags=()
[ ${#san[@]} -gt 0 ] && cflags=(-DCMAKE_C_FLAGS=-fsanitize=address,undefined -DCMAKE_EXE_LINKER_FLAGS=-fsanitize=address,undefined)
cmake -S "$root/tests/package/consumer" -B "$prefix/consumer" -DCMAKE_PREFIX_PATH="$prefix" \
  -DEMBED_SOURCE="$root/tests/package/embed.c" "${cflags[@]}" >/dev/null
cmake --build "$prefix/consumer" >/dev/null
# The library finds its installed ruleset relative to the program: bin/.
cp "$prefix/consumer/embed_shared" "$prefix/consumer/embed_static" "$prefix/bin/"
run_embed "find_package styr::styr" "$prefix/bin/embed_shared"
run_embed "find_package styr::styr_static" "$prefix/bin/embed_static"
echo "install test: $pass passed, 0 failed"
