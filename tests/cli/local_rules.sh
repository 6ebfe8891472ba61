#!/usr/bin/env bash
# local_rules.sh STYR - which ruleset folder a run loaded, and the note for a
# ./rules/NAME that a lookup by name passes over (FORMATS.md 16):
#   - validate's text report starts with the ruleset and the folder loaded;
#   - in a folder holding its own rules/goteborg, `--rules goteborg` loads the
#     one beside styr (the lookup order) and says on standard error that
#     ./rules/goteborg is not used, in Swedish and in English;
#   - `--rules ./rules/goteborg` loads the local copy, with no note, and the
#     header names it; so does the JSON's ruleset_path.
set -uo pipefail
styr=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/styr-local-rules.XXXXXX")
trap 'rm -rf "$work"' EXIT
passed=0 failed=0
check() { local name=$1; shift; if "$@"; then passed=$((passed + 1)); echo "PASS $name"; else failed=$((failed + 1)); echo "FAIL $name"; fi; }
export LC_ALL=C.UTF-8 NO_COLOR=1
unset LANG LC_MESSAGES LANGUAGE
mkdir -p "$work/rules"
cp -r "$root/rules/goteborg" "$work/rules/goteborg"
cp -r "$root/rules/core" "$work/rules/core"
cp "$root/rules/goteborg/tests/clean.yaml" "$work/plan.yaml"
cd "$work" || exit 2
# the bundled ruleset, which a lookup by name finds (rules/ beside the build's styr)
bundled=$("$styr" validate plan.yaml --rules goteborg --format json 2>/dev/null | sed -n 's/.*"ruleset_path": "\([^"]*\)".*/\1/p' | head -1)
"$styr" validate plan.yaml --rules goteborg >out.txt 2>err.txt
check "by name: the header names the folder loaded ($bundled)" \
  grep -qxF "Regeluppsättning goteborg från $bundled" <(head -1 out.txt)
check "by name: the folder loaded is not the local copy" test "$(cd "$bundled" && pwd -P)" != "$(cd rules/goteborg && pwd -P)"
check "by name: a note says ./rules/goteborg is passed over (sv)" \
  grep -qF "obs: regeluppsättningen 'goteborg' hämtas från $bundled; ./rules/goteborg används inte (ange --rules ./rules/goteborg" err.txt
"$styr" validate plan.yaml --rules goteborg --lang en >out.txt 2>err.txt
check "by name: the note in English" \
  grep -qF "note: the ruleset 'goteborg' comes from $bundled; ./rules/goteborg is not used (give --rules ./rules/goteborg to use it)" err.txt
check "by name: the header in English" grep -qxF "Ruleset goteborg from $bundled" <(head -1 out.txt)
"$styr" validate plan.yaml --rules ./rules/goteborg >out.txt 2>err.txt
check "by path: the local copy is loaded and named in the header" grep -qxF "Regeluppsättning goteborg från ./rules/goteborg" <(head -1 out.txt)
check "by path: no note" test ! -s err.txt
"$styr" validate plan.yaml --rules ./rules/goteborg --format json >out.json 2>/dev/null
check "by path: JSON ruleset_path is the local copy" grep -qF '"ruleset_path": "./rules/goteborg"' out.json
# A file (not a folder) named rules/goteborg is no ruleset: nothing is passed
# over, so no note.
mkdir other && cp plan.yaml other/ && mkdir other/rules && echo "not a ruleset" > other/rules/goteborg
(cd other && "$styr" validate plan.yaml --rules goteborg >../out.txt 2>../err.txt)
check "a file rules/goteborg: no note" test ! -s err.txt
check "a file rules/goteborg: the bundled ruleset is loaded" grep -qxF "Regeluppsättning goteborg från $bundled" <(head -1 out.txt)
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
