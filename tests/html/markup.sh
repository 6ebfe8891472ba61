#!/usr/bin/env bash
# markup.sh STYR - `styr report` on hostile input: markup in every free-text
# field comes out as text, never as markup. No browser: this reads the page
# styr writes (check.sh renders the same input in Chromium).
#
# Every free-text field of tests/html/hostile-*.yaml that the report can show
# holds "<script>alert(FIELD)</script>". For each FIELD the page must hold
# the escaped form "&lt;script&gt;alert(FIELD)&lt;/script&gt;" (the page
# shows that field) and never the raw one; the page's own elements are the
# only ones in it (two <script>, one <style>, no element the report does not
# write). Fields the page does not show (the plan's decided_by, ...) are
# listed in not_shown: they must not appear raw either, and if one starts to
# appear it has to move to `shown`.
set -u
styr=${1:?usage: markup.sh STYR}
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
check() { if eval "$2"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL $1"; fi; }

shown="implements reference owner source type link_action waiver_reason waiver_rule waiver_action area_owner"
not_shown="decided_by responsible reports escalate_to description fin_reference area_title area_strategy area_program"
# Every marker in the inputs is in one of the two lists.
markers=$(grep -oh 'alert([a-z_]*)' tests/html/hostile-plan.yaml tests/html/hostile-areas.yaml | sed 's/alert(\(.*\))/\1/' | sort -u)
check "every marker of the inputs is listed" '[ "$(echo "$markers" | tr "\n" " ")" = "$(echo $shown $not_shown | tr " " "\n" | sort | tr "\n" " ")" ]'

for lang in sv en; do
  page=$tmp/page-$lang.html
  "$styr" report tests/html/hostile-plan.yaml tests/html/hostile-areas.yaml \
    --scenario tests/html/hostile-scenario.yaml --scenario scenarios/balanserad.yaml \
    --samples 200 --lang $lang -o "$page" > "$tmp/out" 2>&1
  rc=$?
  check "$lang: styr report writes the page (exit $rc)" '[ $rc -le 1 ] && [ -s "$page" ]'
  for f in $shown; do
    check "$lang: $f is shown, escaped" 'grep -qF "&lt;script&gt;alert($f)&lt;/script&gt;" "$page"'
  done
  for f in $shown $not_shown; do
    check "$lang: $f never raw" '! grep -qF "<script>alert($f)" "$page"'
  done
  # The page's own markup only: the elements report/ writes, two scripts, one style.
  own=" html head meta title script style body header h1 h2 h3 h4 p strong code dl dt dd nav ol ul li a main section table caption thead tbody tr th td div figure figcaption details summary span footer button svg desc defs pattern g rect text tspan line path circle label input output small time "
  # Script bodies are code, not markup: they are left out ("i<n" is no element).
  others=$(perl -0pe 's/(<script[^>]*>).*?(<\/script>)/$1$2/gs' "$page" | grep -o '<[a-zA-Z][a-zA-Z0-9-]*' | cut -c2- | tr 'A-Z' 'a-z' | sort -u | while read -r el; do
    [[ $own == *" $el "* ]] || echo "$el"; done | tr '\n' ' ')
  check "$lang: no element the report does not write (found: ${others:-none})" '[ -z "$others" ]'
  # Two scripts, and with the what-if section its data block and its script.
  scripts=$(( 2 + 2 * $(grep -c '<script type="application/json" id="whatif-data">' "$page") ))
  check "$lang: two <script> (four with the what-if weights) and one <style>" '[ "$(grep -o "<script[ >]" "$page" | wc -l)" = $scripts ] && [ "$(grep -o "<style[ >]" "$page" | wc -l)" = 1 ]'
  # (attribute values, which hold the escaped input, are blanked first)
  check "$lang: no event handler attribute" '! sed "s/\"[^\"]*\"/\"\"/g" "$page" | grep -Eq "<[a-z][^>]*[[:space:]]on[a-z]+="'
done
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
