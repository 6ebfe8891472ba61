#!/usr/bin/env bash
# check.sh HTML_DRIVER [STYR] - the HTML report in headless Chromium.
#
# With STYR, the same checks run on the page `styr report` itself writes,
# against the JSON of `styr validate|score|sensitivity --format json` (the
# command line end to end, not only the engine API the driver calls).
#
# HTML_DRIVER (tests/html/html_driver.c) writes the page for the bundled data
# (the Göteborg plan, the areas, all five scenarios, the sensitivity of
# styrgrupp-ahp with 5000 samples and seed 1) and, from the same run, the
# JSON that `styr validate|score|sensitivity --format json` print. This script
# renders the page in headless Chromium and checks that:
#   - it is self-contained and reproducible (no external resource, no timestamp);
#   - it loads with no console error (see below), in Swedish and in English;
#   - a screenshot of the whole page can be taken: build-test/report-screenshot.png
#     (STYR_HTML_SCREENSHOT overrides the path);
#   - every data-value of its tables, read from the rendered DOM (--dump-dom),
#     equals the JSON (compare.js), and the shown text is that value rounded;
#   - a section appears only when its data is there;
#   - text from hostile input files comes out as text, never as markup.
#
# Console errors, two independent ways:
#   1. The page's first <script> records every uncaught error, unhandled
#      promise rejection, console.error call, failed load and blocked
#      resource (the page's Content-Security-Policy forbids every external
#      one) into <html data-js-errors="N">, and sets data-js="loaded" after
#      the load event; --dump-dom serialises the DOM after load, so the test
#      reads both. data-js="loaded" also proves the scripts ran at all.
#   2. Chromium with --enable-logging=stderr --v=0 logs every console message
#      of the page (errors, warnings, uncaught exceptions, CSP violations) as a
#      line containing ":CONSOLE". The page writes nothing to the console, so
#      any such line fails the test.
#
# Prints PASS/FAIL a check, then "N passed, M failed"; exits 1 on a failure.
# Installs Debian's chromium (and nodejs) when missing, as root.
set -uo pipefail

driver=${1:?usage: check.sh HTML_DRIVER [STYR]}
driver=$(cd "$(dirname "$driver")" && pwd)/$(basename "$driver")
styr=${2:-}
[ -z "$styr" ] || styr=$(cd "$(dirname "$styr")" && pwd)/$(basename "$styr")
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"
shot=${STYR_HTML_SCREENSHOT:-build-test/report-screenshot.png}
work=$(mktemp -d "${TMPDIR:-/tmp}/styr-html.XXXXXX")
trap 'rm -rf "$work"' EXIT

# The page's one date (the day it was made) from a fixed SOURCE_DATE_EPOCH:
# two runs on either side of midnight still give the same bytes.
export SOURCE_DATE_EPOCH=1764979200
passed=0
failed=0
pass() { passed=$((passed + 1)); echo "PASS $1"; }
fail() { failed=$((failed + 1)); echo "FAIL $1${2:+: $2}"; }
check() { local name=$1; shift; if "$@"; then pass "$name"; else fail "$name"; fi; }
finish() {
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
  exit $?
}

# ---- what the test needs ------------------------------------------------------
need() {   # need COMMAND PACKAGE
  command -v "$1" >/dev/null 2>&1 && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "check.sh: $1 is missing; run as root or: apt-get install -y $2" >&2
    return 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq "$2" >/dev/null
  command -v "$1" >/dev/null 2>&1
}
check "chromium is installed" need chromium chromium
if command -v node >/dev/null 2>&1; then
  node=node
elif command -v nodejs >/dev/null 2>&1; then
  node=nodejs
else
  node=node
  need node nodejs
fi
check "node is installed" bash -c 'command -v "$0" >/dev/null' "$node"
[ "$failed" -eq 0 ] || finish

# chrome LOG ARGS...: headless Chromium with a fresh profile, no network
# services, its log (console messages included) into LOG; at most 120 s.
chrome() {
  local log=$1 profile
  shift
  profile=$(mktemp -d "$work/profile.XXXXXX")
  timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --no-first-run --disable-default-apps --disable-sync --mute-audio \
    --user-data-dir="$profile" --enable-logging=stderr --v=0 "$@" 2>"$log"
}

# render NAME: dumps the DOM of $work/NAME.html into $work/NAME.dom.
render() {
  chrome "$work/$1.log" --dump-dom "file://$work/$1.html" >"$work/$1.dom" &&
    grep -q 'data-js="loaded"' "$work/$1.dom"
}

# clean NAME: the recorder counted no error and Chromium logged no console message.
clean() {
  grep -q 'data-js-errors="0"' "$work/$1.dom" || { grep -o 'data-js-errors="[0-9]*"' "$work/$1.dom" ; return 1; }
  if grep -q ':CONSOLE' "$work/$1.log"; then grep ':CONSOLE' "$work/$1.log" | head -5; return 1; fi
}

# counted: PASS/FAIL lines of compare.js, counted one by one.
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

# compare NAME LABEL: the page's numbers against the JSON, and its markup.
compare() {
  counted < <("$node" "$here/compare.js" "$work/$1.dom" "$work/$1-validate.json" "$work/$1-score.json" \
                "$work/$1-sensitivity.json" "$2" 2>&1 || echo "FAIL $2: compare.js failed")
  markup "$1" "$2"
}
markup() {
  counted < <("$node" "$here/compare.js" --markup "$work/$1.dom" "$2" 2>&1 || echo "FAIL $2: compare.js failed")
}

written() { [ -s "$work/$1.html" ] && [ -s "$work/$1-validate.json" ] && [ -s "$work/$1-score.json" ] && [ -s "$work/$1-sensitivity.json" ]; }

# ---- the page for the bundled data ---------------------------------------------
check "the driver writes the page and the JSON (sv)" bash -c '"$0" "$1/sv" >"$1/sv.out" 2>&1' "$driver" "$work"
written sv || { fail "the driver's files are there"; finish; }
check "the driver writes the page and the JSON (en)" bash -c '"$0" --lang en "$1/en" >"$1/en.out" 2>&1' "$driver" "$work"
check "the same input gives the same bytes (no timestamp)" \
  bash -c '"$0" "$1/again" >/dev/null 2>&1 && cmp -s "$1/sv.html" "$1/again.html"' "$driver" "$work"

self_contained() {
  local f=$work/sv.html
  grep -q "http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'" "$f" || { echo "no CSP" ; return 1; }
  # no element that loads anything, no src=, no external url() or @import, no link to a scheme
  # (text from the input has its < escaped, so "<..." is always a real tag)
  local bad='<(link|img|iframe|frame|object|embed|audio|video|source|track|base)[[:space:]>]|<[^>]*[[:space:]](src|srcset|poster|data)=|<[^>]*href="[a-z]+:|@import|url\([^#)]'
  if grep -Eiq "$bad" "$f"; then
    grep -Eio "$bad" "$f" | head -3
    return 1
  fi
}
check "self-contained: nothing in the markup loads a resource" self_contained

check "Chromium renders the page and runs its scripts (sv)" render sv
check "no console errors (sv)" clean sv
check "Chromium renders the page and runs its scripts (en)" render en
check "no console errors (en)" clean en
check "the English page says lang=\"en\" and English words" \
  bash -c 'grep -q "<html lang=\"en\"" "$0/en.dom" && grep -q "Rank acceptability" "$0/en.dom" && grep -q "Rangacceptans" "$0/sv.dom"' "$work"

screenshot() {
  local h
  h=$(grep -o 'data-page-height="[0-9]*"' "$work/sv.dom" | grep -o '[0-9]*')
  [ -n "$h" ] && [ "$h" -gt 1000 ] || { echo "page height '$h'" ; return 1; }
  [ "$h" -le 30000 ] || h=30000
  mkdir -p "$(dirname "$shot")"
  rm -f "$shot"
  chrome "$work/shot.log" --hide-scrollbars --window-size=1280,"$h" --screenshot="$root/$shot" \
    "file://$work/sv.html" >/dev/null || return 1
  # a PNG of the whole page: signature, 1280 wide, as tall as the page
  "$node" -e '
    const b = require("fs").readFileSync(process.argv[1]);
    const sig = b.slice(0, 8).toString("hex") === "89504e470d0a1a0a";
    const w = b.readUInt32BE(16), h = b.readUInt32BE(20);
    if (!sig || w !== 1280 || h !== Number(process.argv[2])) { console.error(`PNG ${sig} ${w}x${h}`); process.exit(1); }
  ' "$root/$shot" "$h"
}
check "a screenshot of the whole page ($shot)" screenshot

compare sv sv
compare en en

# ---- the page of `styr report` itself, against the JSON of the CLI ------------------
# The sensitivity of `styr report` is that of its first scenario, so
# styrgrupp-ahp comes first here and in the score run.
cli_page() {   # cli_page NAME LANG
  local n=$1 lang=$2 plan=scenarios/goteborg-2018-2019.yaml areas=scenarios/goteborg-areas.yaml
  local scen=(--scenario scenarios/styrgrupp-ahp.yaml --scenario scenarios/balanserad.yaml
              --scenario scenarios/medborgarnytta.yaml --scenario scenarios/naringsliv-och-jobb.yaml
              --scenario scenarios/kostnadsmedveten.yaml)
  "$styr" report "$plan" "$areas" "${scen[@]}" --samples 5000 --seed 1 --lang "$lang" -o "$work/$n.html" \
    > "$work/$n.out" 2>&1
  [ $? -le 1 ] || return 1
  "$styr" validate "$plan" --format json --lang "$lang" > "$work/$n-validate.json" 2>/dev/null
  "$styr" score "$areas" "${scen[@]}" --format json --lang "$lang" > "$work/$n-score.json" 2>/dev/null
  "$styr" sensitivity "$areas" --scenario scenarios/styrgrupp-ahp.yaml --samples 5000 --seed 1 \
    --format json --lang "$lang" > "$work/$n-sensitivity.json" 2>/dev/null
  written "$n"
}
if [ -n "$styr" ]; then
  check "styr report writes the page, and the CLI the JSON (sv)" cli_page cli sv
  if [ -s "$work/cli.html" ]; then
    check "Chromium renders the page of styr report and runs its scripts (sv)" render cli
    check "no console errors on the page of styr report (sv)" clean cli
    compare cli "styr report"
  fi
fi

# ---- a section only when its data is there ----------------------------------------
sections() {
  "$driver" --no-plans --no-sensitivity "$work/part" >/dev/null 2>&1 || return 1
  render part && clean part || return 1
  local d=$work/part.dom
  ! grep -q 'id="findings"' "$d" && ! grep -q 'id="links"' "$d" && ! grep -q 'id="acceptability"' "$d" &&
    grep -q 'id="scores"' "$d" && grep -q 'id="scenarios"' "$d" && grep -q 'id="cost"' "$d"
}
check "without plans and sensitivity: scores, comparison and cost only, no console errors" sections
single() {
  "$driver" --no-plans --no-sensitivity --scenario scenarios/balanserad.yaml "$work/one" >/dev/null 2>&1 || return 1
  render one && clean one || return 1
  local d=$work/one.dom
  # the frontier is drawn without a budget too (0 to the sum of costs), with no budget marked
  ! grep -q 'id="scenarios"' "$d" && grep -q 'id="cost"' "$d" && grep -q 'data-table="frontier"' "$d" &&
    ! grep -q 'data-scenario-budget' "$d"
}
check "one scenario without a budget: no comparison, cost chart and frontier, no console errors" single

# ---- hostile input: markup in ids, titles and programme names -------------------
hostile() {
  "$driver" --plan "$here/hostile-plan.yaml" --areas "$here/hostile-areas.yaml" \
    --scenario "$here/hostile-scenario.yaml" --scenario scenarios/balanserad.yaml \
    --sensitivity "$here/hostile-scenario.yaml" --samples 500 "$work/hostile" >/dev/null 2>&1 || return 1
  render hostile && clean hostile || return 1
  local d=$work/hostile.dom
  # the markup of the input shows as text
  grep -q '&lt;script&gt;alert(' "$d" && grep -q 'testarena&lt;script&gt;' "$d" &&
    grep -q 'A &amp; B &lt;i&gt;program&lt;/i&gt;' "$d" && grep -q '&lt;img src=x onerror=alert' "$d"
}
check "hostile input renders, shows its markup as text, no console errors" hostile
[ -s "$work/hostile.dom" ] && markup hostile hostile

finish
