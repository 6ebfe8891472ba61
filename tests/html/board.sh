#!/usr/bin/env bash
# board.sh STYR - the page for a steering group (`styr report --audience
# board`) in headless Chromium, read from the rendered DOM and checked
# against `styr score --format json` of the same files:
#   - the page loads with no script error, in Swedish and in English;
#   - the decision section comes first and the plan's findings table last
#     (and the default page keeps the findings first);
#   - every area is shown by its title, with its id beside it;
#   - the proposed portfolio is the JSON's selection, and every area's row
#     says in or out;
#   - a scenario with CR above 0.10 has a visible warning that names the
#     judgement and the value the JSON's consistency_hint gives;
#   - every scored scenario has its own sensitivity section, and the
#     confidence factor is explained in words;
#   - the header gives SOURCE_DATE_EPOCH's date, each input's SHA-256 (as
#     sha256sum computes it) and the plan's last_revised date.
set -uo pipefail
styr=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"
work=$(mktemp -d "${TMPDIR:-/tmp}/styr-board.XXXXXX")
trap 'rm -rf "$work"' EXIT
node=$(command -v node || command -v nodejs)
export SOURCE_DATE_EPOCH=1764979200   # 2025-12-06
passed=0 failed=0
plan=scenarios/goteborg-2018-2019.yaml areas=scenarios/goteborg-areas.yaml
scen=(--scenario scenarios/kostnadsmedveten.yaml --scenario tests/cli/data/scenario-cr-0.1001.yaml
      --scenario tests/cli/data/scenario-net.yaml --scenario scenarios/styrgrupp-ahp.yaml)

dom() {   # dom PAGE OUT: the DOM after the page's scripts ran
  local profile
  profile=$(mktemp -d "$work/profile.XXXXXX")
  timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --no-first-run --disable-default-apps --disable-sync --mute-audio \
    --user-data-dir="$profile" --enable-logging=stderr --v=0 --dump-dom "file://$1" >"$2" 2>"$2.log"
}

for lang in sv en; do
  "$styr" report "$plan" "$areas" "${scen[@]}" --samples 2000 --seed 1 --lang "$lang" --audience board \
    -o "$work/board-$lang.html" >/dev/null 2>&1
  "$styr" report "$plan" "$areas" "${scen[@]}" --samples 2000 --seed 1 --lang "$lang" \
    -o "$work/default-$lang.html" >/dev/null 2>&1
  "$styr" score "$areas" "${scen[@]}" --format json --lang "$lang" -o "$work/score-$lang.json" >/dev/null 2>&1
  dom "$work/board-$lang.html" "$work/board-$lang.dom" || { echo "FAIL $lang: chromium"; failed=$((failed + 1)); continue; }
  dom "$work/default-$lang.html" "$work/default-$lang.dom" || { echo "FAIL $lang: chromium"; failed=$((failed + 1)); continue; }
  hashes=$(sha256sum "$plan" "$areas" scenarios/kostnadsmedveten.yaml tests/cli/data/scenario-cr-0.1001.yaml \
    tests/cli/data/scenario-net.yaml scenarios/styrgrupp-ahp.yaml | cut -d' ' -f1 | tr '\n' ' ')
  revised=$(sed -n 's/^ *last_revised: *\([0-9-]*\).*/\1/p' "$plan" | head -1)
  out=$("$node" "$here/board.js" "$lang" "$work/board-$lang.dom" "$work/default-$lang.dom" "$work/score-$lang.json" \
        "$hashes" "$revised" 2>&1)
  echo "$out"
  passed=$((passed + $(grep -c '^PASS' <<<"$out")))
  failed=$((failed + $(grep -c '^FAIL' <<<"$out")))
  # the page writes nothing to the console
  if grep -q ':CONSOLE' "$work/board-$lang.dom.log"; then
    echo "FAIL $lang: console messages"; failed=$((failed + 1))
  else
    echo "PASS $lang: no console message"; passed=$((passed + 1))
  fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
