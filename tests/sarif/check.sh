#!/usr/bin/env bash
# Checks styr's SARIF output with Microsoft's SARIF validator
# (Sarif.Multitool validate: the SARIF 2.1.0 JSON schema plus the SARIF
# rules SARIF1xxx/SARIF2xxx).
#   - writes `STYR validate FILE --format sarif -o OUT.sarif` for the bundled
#     plan and two fixtures;
#   - runs `Sarif.Multitool validate OUT.sarif -o RESULT.sarif` and reads
#     RESULT.sarif: each result of level "error" (and each error the tool
#     reports about its own run) is a failure and is printed; warnings and
#     notes are printed but pass.
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

inputs=(scenarios/goteborg-2018-2019.yaml rules/goteborg/tests/clean.yaml rules/goteborg/tests/waiver-applied.yaml)
i=0
for f in "${inputs[@]}"; do
  out=$tmp/$i.sarif result=$tmp/$i.result.sarif; i=$((i + 1))
  "$styr" validate "$f" --format sarif -o "$out" > "$tmp/styr.txt" 2>&1
  rc=$?
  if [ $rc -ge 2 ]; then
    fail "$f (styr validate --format sarif exited $rc, so there is no SARIF to check; a styr without the SARIF writer exits 2 here)"
    head -5 "$tmp/styr.txt" | sed 's/^/      /'
    continue
  fi
  if [ ! -s "$out" ]; then
    fail "$f (styr exited $rc but wrote no SARIF to -o)"; continue
  fi
  rm -f "$result"
  "$tool" validate "$out" -o "$result" --log ForceOverwrite > "$tmp/tool.txt" 2>&1
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

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
