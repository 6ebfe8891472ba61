#!/usr/bin/env bash
# budget_check.sh STYR - the page of `styr budget --format html` in headless
# Chromium, for the bundled plan in Swedish and in English: it renders (the DOM
# can be dumped and a screenshot taken), it is self-contained (no URL, no
# script; a Content-Security-Policy forbids any), it has a timeline bar for
# each of the 30 actions (timeline.sh compares them with the JSON), and the
# rendered DOM marks the seed's gap - 2019, 1.25 FTE - as a bar segment and a
# note.
# Prints PASS/FAIL a check, then "N passed, M failed"; exits 1 on a failure.
set -uo pipefail
styr=${1:?usage: budget_check.sh STYR}
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 2
work=$(mktemp -d "${TMPDIR:-/tmp}/styr-budget-html.XXXXXX")
trap 'rm -rf "$work"' EXIT
command -v chromium >/dev/null || { echo "budget_check: chromium is not installed"; exit 1; }
pass=0 fail=0
check() { if eval "$2"; then echo "PASS $1"; pass=$((pass + 1)); else echo "FAIL $1"; fail=$((fail + 1)); fi; }
chrome() { timeout 60 chromium --headless --no-sandbox --disable-gpu --user-data-dir="$work/profile" "$@" 2>/dev/null; }
for lang in sv en; do
  page=$work/budget-$lang.html
  "$styr" budget scenarios/goteborg-2018-2019.yaml --format html --lang "$lang" -o "$page"
  check "$lang: styr writes the page" '[ -s "$page" ]'
  # (the timeline's SVG namespace is a name, not a resource)
  check "$lang: no external resource or script" '! sed "s|xmlns=\"http://www.w3.org/2000/svg\"||g" "$page" | grep -Eiq "https?:|<script|<link|<img|@import"'
  check "$lang: the page forbids every external resource" 'grep -q "Content-Security-Policy\" content=\"default-src '"'"'none'"'"'" "$page"'
  check "$lang: the page has the actions' timeline" '[ "$(grep -o "<rect class=\"bar\"" "$page" | wc -l)" -eq 30 ]'
  chrome --dump-dom "file://$page" > "$work/dom-$lang.html"
  check "$lang: Chromium renders it" 'grep -q "</table>" "$work/dom-$lang.html"'
  check "$lang: the 2019 bar has a gap segment" 'grep -Eq "data-year=\"2019\".*data-gap=\"1\"><title>2019: [^<]* 1[.,]25 " "$work/dom-$lang.html"'
  check "$lang: 2018 has bars but no gap segment" 'grep "data-year=\"2018\"" "$work/dom-$lang.html" | grep -q "<rect" && ! grep "data-year=\"2018\"" "$work/dom-$lang.html" | grep -q data-gap'
  check "$lang: the note states the 2019 gap of 1.25 FTE" 'grep -Eq "data-gap-year=\"2019\">2019: [^<]*1[.,]25" "$work/dom-$lang.html"'
  chrome --screenshot="$work/shot-$lang.png" --window-size=1100,1400 "file://$page" >/dev/null
  check "$lang: a screenshot can be taken" '[ -s "$work/shot-$lang.png" ]'
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
