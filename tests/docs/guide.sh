#!/usr/bin/env bash
# Every command in docs/guide.md runs, in the order a reader would run them,
# in a scratch folder holding a copy of scenarios/ (the guide's starting
# point), with the built styr first on PATH and Swedish as the language. The
# marks the guide uses are described in guide_run.py.
#   guide.sh STYR
set -u
styr=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -r "$root/scenarios" "$tmp/scenarios"
unset LC_ALL LC_MESSAGES NO_COLOR
export LANG=sv_SE.UTF-8 PATH="$(dirname "$styr"):$PATH"
cd "$tmp" && /usr/bin/python3 "$here/guide_run.py" "$root/docs/guide.md"
