#!/usr/bin/env bash
# The Debian package: build for /usr with CPack, check its metadata (the
# dependencies dpkg-shlibdeps found, the licence, the man page, the
# rulesets), unpack it into a scratch root and run the packaged styr there.
# usage: tests/package/deb.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pass=0
cmake -S "$root" -B "$work/build" -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr \
  -DSTYR_BUILD_TESTS=OFF >/dev/null
cmake --build "$work/build" -j"$(nproc)" >/dev/null
(cd "$work/build" && cpack -G DEB >/dev/null 2>&1) || { echo "FAIL: cpack"; exit 1; }
deb=$(ls "$work/build"/styr_*.deb)
depends=$(dpkg-deb -f "$deb" Depends)
for lib in liblua5.4-0 libyaml-0-2 libpcre2-8-0 libc6; do
  grep -q "$lib" <<<"$depends" || { echo "FAIL: Depends lacks $lib: $depends"; exit 1; }
done
pass=$((pass + 1))
files=$(dpkg-deb -c "$deb")
for f in ./usr/bin/styr ./usr/share/styr/rules/goteborg/registry.yaml ./usr/share/man/man1/styr.1 \
         ./usr/share/doc/styr/LICENSE ./usr/include/styr.h ./usr/lib/x86_64-linux-gnu/cmake/styr/styrConfig.cmake; do
  grep -q " $f\$" <<<"$(awk '{print " " $NF}' <<<"$files")" || { echo "FAIL: the package lacks $f"; exit 1; }
done
pass=$((pass + 1))
dpkg-deb -x "$deb" "$work/root"
cd /
set +e
env -i PATH=/usr/bin:/bin LD_LIBRARY_PATH="$work/root/usr/lib/x86_64-linux-gnu" \
  "$work/root/usr/bin/styr" validate "$root/scenarios/goteborg-2018-2019.yaml" --lang en > "$work/out.txt"
rc=$?
set -e
[ $rc -le 1 ] && grep -q "30 actions, " "$work/out.txt" ||
  { tail -3 "$work/out.txt"; echo "FAIL: the packaged styr exited $rc"; exit 1; }
pass=$((pass + 1))
echo "debian package $(basename "$deb"): $pass passed, 0 failed"
