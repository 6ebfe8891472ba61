#!/usr/bin/env bash
# timeline.sh STYR - the follow-up page, its timeline, the validate page's
# timeline, the budget page's timeline and owners table, the `styr report`
# page's timeline and the diff page in headless Chromium, on the bundled
# examples.
# Each page must render with no console message (the pages forbid every
# external resource with a Content-Security-Policy, and Chromium logs any
# violation or error as a ":CONSOLE" line), and its numbers must equal the
# JSON of the same command (timeline.js): every action row and status,
# the escalations, every timeline bar's start and end (follow-up, validate,
# budget and report pages), the grant markers and red segments, the owners over
# capacity, the diff's changes and its money per strategy.
# Prints PASS/FAIL a check, then "N passed, M failed"; exits 1 on a failure.
set -uo pipefail
styr=${1:?usage: timeline.sh STYR}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root" || exit 1
work=$(mktemp -d "${TMPDIR:-/tmp}/styr-timeline.XXXXXX")
trap 'rm -rf "$work"' EXIT
passed=0 failed=0
pass() { passed=$((passed + 1)); echo "PASS $1"; }
fail() { failed=$((failed + 1)); echo "FAIL $1${2:+: $2}"; }
check() { local name=$1; shift; if "$@"; then pass "$name"; else fail "$name"; fi; }
node=$(command -v node || command -v nodejs) || { echo "timeline.sh: node is missing" >&2; exit 1; }
command -v chromium >/dev/null || { echo "timeline.sh: chromium is missing (apt-get install -y chromium)" >&2; exit 1; }

# render NAME: $work/NAME.html -> $work/NAME.dom, Chromium's log in $work/NAME.log.
render() {
  local profile
  profile=$(mktemp -d "$work/profile.XXXXXX")
  timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --no-first-run --disable-default-apps --disable-sync --mute-audio \
    --user-data-dir="$profile" --enable-logging=stderr --v=0 --dump-dom "file://$work/$1.html" \
    >"$work/$1.dom" 2>"$work/$1.log" && grep -q '</svg>\|</table>' "$work/$1.dom"
}
quiet() { ! grep ':CONSOLE' "$work/$1.log" | head -5 | grep -q .; }
counted() {
  local line
  while IFS= read -r line; do
    case $line in
      PASS\ *) pass "${line#PASS }" ;;
      FAIL\ *) fail "${line#FAIL }" ;;
      *) echo "  $line" ;;
    esac
  done
}

fu=scenarios/goteborg-2018-2019-ur2-2018.yaml
plan=scenarios/goteborg-2018-2019.yaml
draft=scenarios/goteborg-2019-2020-utkast.yaml
for lang in sv en; do
  "$styr" followup "$fu" --lang "$lang" --format html -o "$work/fu-$lang.html"
  "$styr" followup "$fu" --lang "$lang" --format json -o "$work/fu-$lang.json"
  "$styr" validate "$plan" --lang "$lang" --format html -o "$work/val-$lang.html"
  "$styr" diff "$plan" "$draft" --lang "$lang" --format html -o "$work/diff-$lang.html"
  "$styr" diff "$plan" "$draft" --lang "$lang" --format json -o "$work/diff-$lang.json"
  # The budget page with capacities set (the illustrative test ruleset), so
  # that owners over capacity are there to compare as well as the bars.
  "$styr" budget "$plan" --rules tests/cli/rulesets/capacity --lang "$lang" --format html -o "$work/budget-$lang.html"
  "$styr" budget "$plan" --rules tests/cli/rulesets/capacity --lang "$lang" --format json -o "$work/budget-$lang.json"
  "$styr" report "$plan" scenarios/goteborg-areas.yaml --scenario scenarios/balanserad.yaml --samples 100 \
    --lang "$lang" -o "$work/report-$lang.html"
  for page in fu val diff budget report; do
    check "$page ($lang): Chromium renders the page" render "$page-$lang"
    check "$page ($lang): no console message" quiet "$page-$lang"
  done
  counted < <("$node" "$here/timeline.js" followup "$work/fu-$lang.dom" "$work/fu-$lang.json" "$work/val-$lang.dom" 2>&1 ||
              echo "FAIL timeline.js followup ($lang) failed")
  counted < <("$node" "$here/timeline.js" diff "$work/diff-$lang.dom" "$work/diff-$lang.json" 2>&1 ||
              echo "FAIL timeline.js diff ($lang) failed")
  counted < <("$node" "$here/timeline.js" budget "$work/budget-$lang.dom" "$work/budget-$lang.json" "$work/report-$lang.dom" 2>&1 ||
              echo "FAIL timeline.js budget ($lang) failed")
done
# Hostile text in the plan and the follow-up comes out as text, never markup.
own_markup() {   # own_markup NAME: only the writers' own elements, no event handler
  "$node" -e '
    const d = require("fs").readFileSync(process.argv[1], "utf8");
    const own = new Set(("html head meta title style body h1 h2 h3 p strong em code ul li table thead tbody tr th td span " +
      "small section figure figcaption i details summary svg desc defs pattern g rect text tspan line").split(" "));
    const bad = [];
    for (const m of d.matchAll(/<([a-zA-Z][\w-]*)((?:\s+[^\s=>"\/]+(?:="[^"]*")?)*)\s*\/?>/g)) {
      if (!own.has(m[1].toLowerCase())) bad.push("<" + m[1] + ">");
      for (const a of m[2].matchAll(/\s+([^\s=>"\/]+)(?:="[^"]*")?/g)) if (/^on/i.test(a[1])) bad.push(a[1]);
    }
    if (bad.length) { console.error(bad.slice(0, 5).join(" ")); process.exit(1); }' "$work/$1.dom"
}
"$styr" followup tests/html/hostile-followup.yaml --format html -o "$work/hostile-fu.html"
"$styr" diff rules/goteborg/tests/clean.yaml tests/html/hostile-plan.yaml --format html -o "$work/hostile-diff.html"
"$styr" budget tests/html/hostile-plan.yaml --format html -o "$work/hostile-budget.html"
for page in hostile-fu hostile-diff hostile-budget; do
  check "$page: Chromium renders the page" render "$page"
  check "$page: no console message" quiet "$page"
  check "$page: only the page's own markup" own_markup "$page"
done
check "hostile-fu: the markup of the input shows as text" \
  grep -q "&lt;script&gt;alert('status')&lt;/script&gt;" "$work/hostile-fu.dom"
check "hostile-diff: the markup of the input shows as text" \
  grep -q "&lt;style&gt;body{display:none}&lt;/style&gt;" "$work/hostile-diff.dom"
check "hostile-budget: the markup of the input shows as text" \
  grep -q "&lt;style&gt;body{display:none}&lt;/style&gt;" "$work/hostile-budget.dom"
check "the follow-up page shows the illustrative note" grep -q 'id="illustrative"' "$work/fu-sv.dom"
check "the diff page shows the illustrative note" grep -q 'id="illustrative"' "$work/diff-sv.dom"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
