#!/usr/bin/env bash
# styr works when its source and build trees are gone: configure a copy of
# the source with tests off and cmocka out of pkg-config's sight (a configure
# without cmocka must work), build, install, delete the copy and the build,
# then run the installed binary and an embedding program from another
# folder. The library holds no path of the source tree.
# usage: tests/package/relocated.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pass=0

# The tracked files as they are in the working tree.
# (one tar for the whole list: xargs would split it into several archives)
(cd "$root" && git ls-files -z | tar --null -T - -cf -) | (mkdir -p "$work/src" && tar -xf - -C "$work/src")
# pkg-config sees every package the machine has, except cmocka.
mkdir -p "$work/pc"
for d in $(pkg-config --variable pc_path pkg-config | tr ':' ' '); do
  [ -d "$d" ] && find "$d" -maxdepth 1 -name '*.pc' ! -name 'cmocka.pc' -exec cp -n {} "$work/pc/" \;
done
[ ! -e "$work/pc/cmocka.pc" ] || { echo "FAIL: cmocka.pc was copied"; exit 1; }
PKG_CONFIG_LIBDIR="$work/pc" cmake -S "$work/src" -B "$work/build" -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_INSTALL_PREFIX="$work/prefix" -DSTYR_BUILD_TESTS=OFF > "$work/configure.log" 2>&1 ||
  { cat "$work/configure.log"; echo "FAIL: configure with tests off needs cmocka"; exit 1; }
grep -q "cmocka" "$work/configure.log" && { cat "$work/configure.log"; echo "FAIL: configure looked for cmocka"; exit 1; }
# With the tests on, the missing cmocka is said plainly.
PKG_CONFIG_LIBDIR="$work/pc" cmake -S "$work/src" -B "$work/build-tests" > "$work/tests.log" 2>&1 &&
  { echo "FAIL: tests configured without cmocka"; exit 1; }
grep -q "configure with -DSTYR_BUILD_TESTS=OFF" "$work/tests.log" || { cat "$work/tests.log"; echo "FAIL: no plain message"; exit 1; }
rm -rf "$work/build-tests"
pass=$((pass + 1))
cmake --build "$work/build" -j"$(nproc)" >/dev/null
cmake --install "$work/build" >/dev/null
grep -rqs --binary-files=text "$work/src" "$work/prefix/bin/styr" "$work/prefix/lib/libstyr.so" &&
  { echo "FAIL: the installed binary or library names the source tree"; exit 1; }
pass=$((pass + 1))
libdir=$(dirname "$(find "$work/prefix" -name libstyr.so | head -1)")
cc -o "$work/prefix/bin/embed" "$root/tests/package/embed.c" \
  $(PKG_CONFIG_PATH="$libdir/pkgconfig" pkg-config --cflags --libs styr) -Wl,-rpath,"$libdir"
cp "$root/scenarios/goteborg-2018-2019.yaml" "$work/plan.yaml"
rm -rf "$work/src" "$work/build"

cd /
set +e
out=$(env -i PATH=/usr/bin:/bin "$work/prefix/bin/styr" validate "$work/plan.yaml" --lang en --format json)
rc=$?
set -e
[ $rc -le 1 ] || { echo "FAIL: the installed styr exited $rc without its source tree"; exit 1; }
grep -q "\"ruleset_path\": \"$work/prefix/share/styr/rules/goteborg\"" <<<"$out" ||
  { grep ruleset_path <<<"$out"; echo "FAIL: not the installed ruleset"; exit 1; }
pass=$((pass + 1))
total=$(grep -c '"rule": ' <<<"$out")
said=$(env -i PATH=/usr/bin:/bin "$work/prefix/bin/embed" "$work/plan.yaml")
case $said in
  *": $total findings,"*) pass=$((pass + 1)) ;;
  *) echo "FAIL: the embedding program said '$said' (the CLI found $total)"; exit 1 ;;
esac
echo "relocated install: $pass passed, 0 failed"
