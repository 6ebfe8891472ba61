#!/usr/bin/env bash
# The man page's SYNOPSIS is what the option tables generate: the tables
# drive parsing, --help, the usage lines and the synopsis, so they agree.
# usage: tests/cli/man_synopsis.sh STYR   (--update rewrites docs/styr.1's block)
set -euo pipefail
styr=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
man="$root/docs/styr.1"
want=$("$styr" help --man-synopsis)
if [ "${2:-}" = --update ]; then
  # keep the heading and the generated-by comment, replace what follows
  # up to DESCRIPTION with the tables' synopsis
  printf '%s\n' "$want" > "$man.synopsis"
  awk -v f="$man.synopsis" '
    /^\.SH DESCRIPTION$/ { skip = 0 }
    !skip { print }
    /^\.SH SYNOPSIS$/ { getline; print; while ((getline l < f) > 0) print l; skip = 1 }
  ' "$man" > "$man.new" && mv "$man.new" "$man" && rm -f "$man.synopsis"
fi
have=$(sed -n '/^\.SH SYNOPSIS$/,/^\.SH DESCRIPTION$/p' "$man" | sed '1,2d;$d')
if [ "$want" != "$have" ]; then
  diff <(printf '%s\n' "$have") <(printf '%s\n' "$want") || true
  echo "FAIL: docs/styr.1's SYNOPSIS differs from 'styr help --man-synopsis'"
  exit 1
fi
# The page names the version the build has (the one in CMakeLists.txt).
version=$("$styr" --version | sed 's/^styr //')
head -1 "$man" | grep -qF "\"styr $version\"" || { echo "FAIL: docs/styr.1 is not for styr $version: $(head -1 "$man")"; exit 1; }
# And the page itself is valid roff that man can render.
if command -v groff >/dev/null; then
  warnings=$(groff -man -Tutf8 -ww -z "$man" 2>&1 || true)
  [ -z "$warnings" ] || { echo "FAIL: groff warns: $warnings"; exit 1; }
fi
echo "man page: 2 passed, 0 failed"
