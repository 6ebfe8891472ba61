#!/usr/bin/env bash
# Checks styr's SARIF output with Microsoft's SARIF validator
# (Sarif.Multitool validate --rule-kind "Sarif;Gh": the SARIF 2.1.0 JSON
# schema, the SARIF rules SARIF1xxx/SARIF2xxx, and GitHub code scanning's
# ingestion rules GHxxxx).
#   - writes `STYR validate FILE --format sarif -o OUT.sarif` for the bundled
#     plan, the hostile plan of the HTML test, fixtures (with a waiver, a
#     crashing rule, a file that does not parse), an areas file and a
#     scenario, in Swedish and in English, and with --sarif-waived=omit;
#   - runs `Sarif.Multitool validate OUT.sarif --rule-kind "Sarif;Gh"` and
#     reads its result log: each result of level "error" (and each error the
#     tool reports about its own run) is a failure and is printed; warnings
#     and notes are printed but pass;
#   - checks what GitHub needs beyond the schema (the "shape" check below):
#     every rule has a shortDescription without {placeholders}, a
#     fullDescription, help text and Markdown naming the rule's source, and
#     its message template in messageStrings; the run has columnKind,
#     language and informationUri; every result has suppressions (empty
#     unless waived) and a partialFingerprints key that no other result
#     shares; with --sarif-waived=omit no waived finding is a result.
# Prints one line per file and ends with "N passed, M failed"; exits 1 on any
# failure (setup failures included).
#
# The multitool is installed once, pinned, into build-npm/ (git-ignored) with
# npm; when it is there nothing touches the network. Its package's
# postinstall (chmod u+x Sarif.Multitool) does not run here (npm does not run
# install scripts it was not told to allow), so this script does the chmod.
# It is a self-contained .NET program: it needs libicu (Debian 12: libicu72),
# which .ci/install-deps --test installs.
# usage: tests/sarif/check.sh STYR
set -uo pipefail

MULTITOOL_VERSION=5.7.0

[ $# -eq 1 ] || { echo "usage: $0 STYR" >&2; exit 1; }
styr=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
prefix=$root/build-npm
cd "$root" || exit 1

die() { echo "sarif: $*" >&2; exit 1; }
[ -x "$styr" ] || die "no styr binary at '$styr'"

. "$root/tests/npm_tools.sh"
ensure_node sarif
# The wrapper package picks the platform package through an optional
# dependency (^5.7.0); both are pinned here.
tool=$prefix/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
ensure_packages sarif "@microsoft/sarif-multitool@$MULTITOOL_VERSION" "@microsoft/sarif-multitool-linux@$MULTITOOL_VERSION"
[ -f "$tool" ] || die "no Sarif.Multitool at $tool after npm install"
[ -x "$tool" ] || chmod u+x "$tool" || die "cannot chmod u+x $tool"
export DOTNET_CLI_TELEMETRY_OPTOUT=1
if ! version=$("$tool" --version 2>&1); then
  printf '%s\n' "$version" | head -5 >&2
  die "Sarif.Multitool does not run (it needs libicu: apt-get install libicu72, or run .ci/install-deps --test)"
fi
echo "sarif: using ${version%%$'\n'*}"

tmp=$(mktemp -d) || die "mktemp failed"
trap 'rm -rf "$tmp"' EXIT

passed=0 failed=0
pass() { passed=$((passed + 1)); printf 'PASS  %s\n' "$*"; }
fail() { failed=$((failed + 1)); printf 'FAIL  %s\n' "$*"; }

# Reads a multitool result log; prints one line per finding ("error ...",
# "warning ...", "note ...") and exits 1 when there is an error.
read_result='
const fs = require("fs");
const log = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
let errors = 0;
for (const run of log.runs || []) {
  const rules = (run.tool && run.tool.driver && run.tool.driver.rules) || [];
  for (const r of run.results || []) {
    const rule = rules[r.ruleIndex] || rules.find(x => x.id === r.ruleId) || {};
    const level = r.level || (rule.defaultConfiguration && rule.defaultConfiguration.level) || "warning";
    let text = r.message.text;
    if (text === undefined) {
      const tmpl = rule.messageStrings && rule.messageStrings[r.message.id];
      text = tmpl ? tmpl.text.replace(/\{(\d+)\}/g, (m, i) => (r.message.arguments || [])[i]) : JSON.stringify(r.message);
    }
    const reg = (((r.locations || [])[0] || {}).physicalLocation || {}).region || {};
    console.log(`${level} ${r.ruleId}: ${text}` + (reg.startLine ? ` (at ${reg.startLine}:${reg.startColumn || 1})` : ""));
    if (level === "error") errors++;
  }
  for (const inv of run.invocations || []) {
    for (const n of [...(inv.toolExecutionNotifications || []), ...(inv.toolConfigurationNotifications || [])]) {
      const level = n.level || "warning";
      console.log(`${level} (tool): ${n.message && n.message.text}`);
      if (level === "error") errors++;
    }
    if (inv.executionSuccessful === false) { console.log("error (tool): the validation run did not succeed"); errors++; }
  }
}
process.exit(errors ? 1 : 0);
'

# What GitHub needs beyond the schema. argv: SARIF, "omit" or "suppress".
check_shape='
const fs = require("fs");
const log = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
const omit = process.argv[2] === "omit";
const bad = [];
const run = log.runs[0];
if (run.columnKind !== "unicodeCodePoints") bad.push("run.columnKind is " + run.columnKind);
if (!/^(sv-SE|en)$/.test(run.language || "")) bad.push("run.language is " + run.language);
if (!/^[a-z]+:/.test(run.tool.driver.informationUri || "")) bad.push("no absolute informationUri");
const placeholder = /\{[A-Za-z_][A-Za-z0-9_]*\}/;
for (const r of run.tool.driver.rules) {
  const t = (x) => x && typeof x.text === "string" && x.text.trim() !== "";
  if (!t(r.shortDescription) || placeholder.test(r.shortDescription.text)) bad.push(r.id + ": shortDescription " + JSON.stringify(r.shortDescription));
  if (!t(r.fullDescription)) bad.push(r.id + ": no fullDescription");
  if (!r.help || !t(r.help) || !r.help.markdown) bad.push(r.id + ": no help text and markdown");
  else if (!r.help.text.includes(r.id) || !/\.(lua|yaml):\d+/.test(r.help.text)) bad.push(r.id + ": help does not name the rule and where it is declared");
  if (!r.messageStrings || !t(r.messageStrings.default)) bad.push(r.id + ": no messageStrings.default");
  else if (placeholder.test(r.messageStrings.default.text.replace(/\{\{|\}\}/g, ""))) bad.push(r.id + ": a named placeholder in messageStrings");
}
const keys = new Set();
let waived = 0;
for (const res of run.results) {
  if (!Array.isArray(res.suppressions)) bad.push(res.ruleId + ": no suppressions array");
  else if (res.suppressions.length) waived++;
  const k = res.partialFingerprints && res.partialFingerprints["styrLogicalKey/v1"];
  if (!k) bad.push(res.ruleId + ": no partialFingerprints");
  else if (keys.has(k)) bad.push("two results share the fingerprint " + k);
  else keys.add(k);
}
if (omit && waived) bad.push(waived + " waived result(s) with --sarif-waived=omit");
for (const b of bad.slice(0, 10)) console.log(b);
if (bad.length > 10) console.log("... and " + (bad.length - 10) + " more");
process.stdout.write("waived=" + waived + " results=" + run.results.length + "\n");
process.exit(bad.length ? 1 : 0);
'

# FILE [STYR OPTIONS...]
cases=(
  "scenarios/goteborg-2018-2019.yaml"
  "scenarios/goteborg-2018-2019.yaml --lang en"
  "tests/html/hostile-plan.yaml"
  "tests/html/hostile-plan.yaml --lang en"
  "rules/goteborg/tests/clean.yaml"
  "rules/goteborg/tests/waiver-applied.yaml"
  "rules/goteborg/tests/waiver-applied.yaml --sarif-waived=omit"
  "rules/goteborg/tests/clean.yaml --rules tests/cli/rulesets/crashing"
  "rules/goteborg/tests/fail-yaml.yaml rules/goteborg/tests/owner-unknown.yaml"
  "scenarios/goteborg-areas.yaml scenarios/balanserad.yaml --lang en"
)
i=0
for c in "${cases[@]}"; do
  read -r -a words <<<"$c"
  f=$c opts=("${words[@]}")
  out=$tmp/$i.sarif result=$tmp/$i.result.sarif; i=$((i + 1))
  "$styr" validate "${opts[@]}" --format sarif -o "$out" > "$tmp/styr.txt" 2>&1
  rc=$?
  # Exit 2 (a file that cannot be judged, a crashed rule) still writes SARIF,
  # with the problem as a tool notification.
  if [ $rc -gt 2 ] || { [ $rc -eq 2 ] && [ ! -s "$out" ]; }; then
    fail "$f (styr validate --format sarif exited $rc, so there is no SARIF to check; a styr without the SARIF writer exits 2 here)"
    head -5 "$tmp/styr.txt" | sed 's/^/      /'
    continue
  fi
  if [ ! -s "$out" ]; then
    fail "$f (styr exited $rc but wrote no SARIF to -o)"; continue
  fi
  rm -f "$result"
  mode=suppress
  [[ " ${opts[*]} " == *" --sarif-waived=omit "* ]] && mode=omit
  if shape=$(node -e "$check_shape" "$out" "$mode" 2>&1); then
    pass "$f (shape for GitHub: ${shape##*$'\n'})"
  else
    fail "$f (shape for GitHub)"; printf '%s\n' "$shape" | sed 's/^/      /'
  fi
  "$tool" validate "$out" --rule-kind "Sarif;Gh" -o "$result" --log ForceOverwrite > "$tmp/tool.txt" 2>&1
  trc=$?
  if [ $trc -ne 0 ] || [ ! -s "$result" ]; then
    fail "$f (Sarif.Multitool validate exited $trc)"; sed 's/^/      /' "$tmp/tool.txt"; continue
  fi
  if report=$(node -e "$read_result" "$result" 2>&1); then
    pass "$f (styr exit $rc; valid SARIF$( [ -n "$report" ] && printf ', %s warning(s)/note(s)' "$(printf '%s\n' "$report" | wc -l)"))"
  else
    fail "$f (styr exit $rc; the SARIF validator reports $(printf '%s\n' "$report" | grep -c '^error') error(s))"
  fi
  # At most 20 lines a file: a writer bug usually repeats once per result.
  if [ -n "$report" ]; then
    printf '%s\n' "$report" | head -20 | sed 's/^/      /'
    n=$(printf '%s\n' "$report" | wc -l)
    [ "$n" -gt 20 ] && echo "      ... and $((n - 20)) more"
  fi
done

# columnKind says unicodeCodePoints: a column after "Åäö東京" counts each of
# them once (UTF-16 would too, but UTF-8 bytes would give 47, not 40).
cat > "$tmp/cols.yaml" <<'YAML'
kind: action-plan
version: 1
actions:
  - {id: "1.1", title: "Åäö東京", owner: Okändx}
YAML
"$styr" validate "$tmp/cols.yaml" --format sarif -o "$tmp/cols.sarif" >/dev/null 2>&1
if node -e '
const s = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
const r = s.runs[0].results.find(x => x.ruleId === "action.owner.unknown");
const reg = r.locations[0].physicalLocation.region;
process.exit(s.runs[0].columnKind === "unicodeCodePoints" && reg.startLine === 4 && reg.startColumn === 40 ? 0 : 1);' "$tmp/cols.sarif"; then
  pass "columns are code points, as columnKind says (owner after Åäö東京 at 4:40)"
else
  fail "columns do not match columnKind unicodeCodePoints"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
