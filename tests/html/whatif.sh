#!/usr/bin/env bash
# whatif.sh STYR - the what-if weights of the HTML page (FORMATS.md 15) in
# headless Chromium. For several weight vectors, with both methods, the
# page opened at #weights=... ranks the areas (rows of #whatif-table with
# data-area and data-rank) exactly as `styr score` ranks them with a
# scenario of those weights. Also: without a fragment the page shows the
# scenario's own ranking, an all-zero vector says so, the page's script
# raises no error, and text of the areas file reaches the data as text.
set -uo pipefail
styr=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"
work=$(mktemp -d "${TMPDIR:-/tmp}/styr-whatif.XXXXXX")
trap 'rm -rf "$work"' EXIT
node=$(command -v node || command -v nodejs)
passed=0 failed=0
pass() { passed=$((passed + 1)); echo "PASS $1"; }
fail() { failed=$((failed + 1)); echo "FAIL $1${2:+: $2}"; }
areas=scenarios/goteborg-areas.yaml

dom() {   # dom PAGE FRAGMENT OUT: the DOM after the page's scripts ran
  local profile
  profile=$(mktemp -d "$work/profile.XXXXXX")
  timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --no-first-run --disable-default-apps --disable-sync --mute-audio \
    --user-data-dir="$profile" --enable-logging=stderr --v=0 --dump-dom "file://$1$2" >"$3" 2>"$3.log"
}

# rows DOM: "area rank" lines of the what-if table, in the order shown.
rows() {
  "$node" -e '
    const html = require("fs").readFileSync(process.argv[1], "utf8");
    const t = html.slice(html.indexOf("id=\"whatif-table\""));
    const body = t.slice(t.indexOf("<tbody>"), t.indexOf("</tbody>"));
    for (const m of body.matchAll(/<tr data-area="([^"]*)" data-rank="(\d+)"/g)) console.log(m[1] + " " + m[2]);
  ' "$1"
}

# ranking JSON: "area rank" lines of the first scenario of styr score's JSON.
ranking() {
  "$node" -e '
    const j = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    for (const r of j.scenarios[0].ranking) console.log(r.area + " " + r.rank);
  ' "$1"
}

# case NAME METHOD BASE "crit:w,crit:w": the page of BASE at #weights= ranks as a scenario of those weights.
case_() {
  local name=$1 method=$2 base=$3 weights=$4
  { printf 'kind: scenario\nversion: 1\nid: %s\nmodel: goteborg\nmethod: %s\nweights:\n' "$name" "$method"
    tr ',' '\n' <<<"$weights" | sed 's/^\(.*\):\(.*\)$/  \1: \2/'; } > "$work/$name.yaml"
  "$styr" score "$areas" --scenario "$work/$name.yaml" --format json -o "$work/$name.json" >/dev/null 2>&1
  "$styr" score "$areas" --scenario "$base" --format html -o "$work/$name.html" >/dev/null 2>&1
  dom "$work/$name.html" "#weights=$weights" "$work/$name.dom" || { fail "$name: chromium"; return; }
  grep -q 'data-whatif="ready"' "$work/$name.dom" || { fail "$name: the what-if script did not run"; return; }
  grep -q 'data-js-errors="0"' "$work/$name.dom" || { fail "$name: script errors"; return; }
  local want have
  want=$(ranking "$work/$name.json"); have=$(rows "$work/$name.dom")
  if [ -n "$want" ] && [ "$want" = "$have" ]; then
    pass "$name: the page ranks as styr score ($(wc -l <<<"$want") areas)"
  else
    fail "$name: the page's ranking differs from styr score" "$(diff <(echo "$want") <(echo "$have") | head -6 | tr '\n' ' ')"
  fi
}

case_ ws-residents weighted-sum scenarios/balanserad.yaml "benefit_residents:3,cost:1"
case_ ws-business weighted-sum scenarios/balanserad.yaml "benefit_business:5,job_growth:2,external_share:1,feasibility:0.5"
case_ ws-one weighted-sum scenarios/medborgarnytta.yaml "equality:1"
case_ ws-cost-only weighted-sum scenarios/balanserad.yaml "cost:7"
case_ ws-many weighted-sum scenarios/kostnadsmedveten.yaml "benefit_residents:1,benefit_visitors:2,benefit_business:3,equality:4,sustainability:5,collaboration:6,feasibility:7,job_growth:8,strategy_fit:9,program_links:10,cost:11,external_share:12"
case_ topsis-jobs topsis scenarios/naringsliv-och-jobb.yaml "job_growth:4,cost:1,equality:2"
case_ topsis-even topsis scenarios/naringsliv-och-jobb.yaml "benefit_residents:1,benefit_business:1,cost:1,external_share:1"

# Without a fragment: the scenario's own ranking, as styr score gives it.
"$styr" score "$areas" --scenario scenarios/styrgrupp-ahp.yaml --format json -o "$work/ahp.json" >/dev/null 2>&1
"$styr" score "$areas" --scenario scenarios/styrgrupp-ahp.yaml --format html -o "$work/ahp.html" >/dev/null 2>&1
dom "$work/ahp.html" "" "$work/ahp.dom"
if [ "$(ranking "$work/ahp.json")" = "$(rows "$work/ahp.dom")" ] && grep -q 'data-whatif="ready"' "$work/ahp.dom"; then
  pass "no fragment: the AHP scenario's own ranking"
else
  fail "no fragment: the AHP scenario's own ranking"
fi
# All weights 0: the page says so and shows no ranking.
dom "$work/ahp.html" "#weights=cost:0" "$work/zero.dom"
if grep -q '<p id="whatif-none" class="problem">' "$work/zero.dom" && [ -z "$(rows "$work/zero.dom")" ]; then
  pass "all weights 0: said, no ranking"
else
  fail "all weights 0: said, no ranking"
fi
# An id with markup reaches the page's data as text, never as markup.
sed 's/^  - id: testarena$/  - id: "<\/script><img src=x onerror=alert(1)>"/' "$areas" > "$work/hostile-areas.yaml"
"$styr" score "$work/hostile-areas.yaml" --scenario scenarios/balanserad.yaml --format html -o "$work/h.html" >/dev/null 2>&1
dom "$work/h.html" "#weights=benefit_residents:1" "$work/h.dom"
if grep -q 'data-whatif="ready"' "$work/h.dom" && grep -q 'data-js-errors="0"' "$work/h.dom" &&
   ! grep -q '<img src="x"' "$work/h.dom" && rows "$work/h.dom" | grep -qF '&lt;/script&gt;&lt;img'; then
  pass "markup in an area id stays text"
else
  fail "markup in an area id stays text"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
