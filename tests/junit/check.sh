#!/usr/bin/env bash
# Checks styr's JUnit XML against the two schemas its consumers use, with
# xmllint (libxml2-utils):
#   - ant-junit.xsd: the Apache Ant JUnit schema, the strict one (required
#     time, timestamp without zone, hostname, package and id; properties,
#     system-out and system-err in a fixed order). Verbatim copy of JUnit.xsd
#     from https://github.com/windyroad/JUnit-Schema (Apache License 2.0).
#   - jenkins-junit-10.xsd: Jenkins' schema. Verbatim copy of
#     src/main/resources/org/jenkinsci/plugins/xunit/types/model/xsd/junit-10.xsd
#     from https://github.com/jenkinsci/xunit-plugin (MIT License).
# for the bundled plan, the hostile plan, fixtures with waivers, a crashed
# rule and a file that does not parse, at --fail-on error and info; each
# suite's tests, failures, errors and skipped agree with its test cases.
# Then the test identity: GitLab and Jenkins key a test by classname and
# name, so moving every finding down by three lines (comment lines at the
# top of the plan) must leave the set of (classname, name) pairs, and the
# SARIF partialFingerprints, unchanged; and no two test cases of a suite
# share an identity.
# Prints one line per check and ends with "N passed, M failed".
# usage: tests/junit/check.sh STYR
set -uo pipefail
[ $# -eq 1 ] || { echo "usage: $0 STYR" >&2; exit 1; }
styr=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 1
command -v xmllint >/dev/null || { echo "junit: xmllint is missing (Debian: libxml2-utils)" >&2; exit 1; }
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

passed=0 failed=0
pass() { passed=$((passed + 1)); printf 'PASS  %s\n' "$*"; }
fail() { failed=$((failed + 1)); printf 'FAIL  %s\n' "$*"; }

cases=(
  "scenarios/goteborg-2018-2019.yaml"
  "scenarios/goteborg-2018-2019.yaml --fail-on info --lang en"
  "tests/html/hostile-plan.yaml"
  "rules/goteborg/tests/waiver-applied.yaml rules/goteborg/tests/owner-unknown.yaml rules/goteborg/tests/fail-yaml.yaml"
  "rules/goteborg/tests/clean.yaml"
  "rules/goteborg/tests/clean.yaml --rules tests/cli/rulesets/crashing"
  "rules/goteborg/tests/clean.yaml --rules tests/cli/rulesets/crashing-error-values"
)
i=0
for c in "${cases[@]}"; do
  read -r -a words <<<"$c"
  out=$tmp/$i.xml; i=$((i + 1))
  "$styr" validate "${words[@]}" --format junit -o "$out" >/dev/null 2>&1
  if [ ! -s "$out" ]; then fail "$c (no JUnit written)"; continue; fi
  for xsd in tests/junit/ant-junit.xsd tests/junit/jenkins-junit-10.xsd; do
    if msg=$(xmllint --noout --schema "$xsd" "$out" 2>&1); then
      pass "$c (valid against ${xsd##*/})"
    else
      fail "$c (invalid against ${xsd##*/})"; printf '%s\n' "$msg" | head -5 | sed 's/^/      /'
    fi
  done
  # The counts a suite states are the test cases it holds (a consumer shows
  # the attribute; the schemas do not compare them).
  if msg=$(python3 - "$out" <<'PY'
import sys, xml.etree.ElementTree as ET
bad = []
for s in ET.parse(sys.argv[1]).getroot().iter("testsuite"):
    cases = s.findall("testcase")
    have = {"tests": len(cases),
            "failures": sum(1 for c in cases if c.find("failure") is not None),
            "errors": sum(1 for c in cases if c.find("error") is not None),
            "skipped": sum(1 for c in cases if c.find("skipped") is not None)}
    for k, v in have.items():
        if int(s.get(k)) != v:
            bad.append(f"{s.get('name')}: {k}={s.get(k)} but {v} test cases")
print("; ".join(bad))
sys.exit(1 if bad else 0)
PY
  ); then
    pass "$c (the counts match the test cases)"
  else
    fail "$c (counts: $msg)"
  fi
done

# Identity: (suite, classname, name) of every test case, one a line.
identities() {
  xmllint --xpath '//testcase' "$1" 2>/dev/null |
    sed -n 's/.*<testcase classname="\([^"]*\)" name="\([^"]*\)".*/\1\t\2/p' | sort
}
plan=scenarios/goteborg-2018-2019.yaml
moved=$tmp/plan/$(basename "$plan")
mkdir -p "$tmp/plan"
{ printf '# moved\n# down\n# three lines\n'; cat "$plan"; } > "$moved"
"$styr" validate "$plan" --format junit --fail-on warning -o "$tmp/a.xml" >/dev/null 2>&1
(cd "$tmp/plan" && "$styr" validate "$(basename "$plan")" --format junit --fail-on warning -o "$tmp/b.xml" >/dev/null 2>&1)
identities "$tmp/a.xml" > "$tmp/a.ids"
identities "$tmp/b.xml" > "$tmp/b.ids"
n=$(wc -l < "$tmp/a.ids")
if [ "$n" -gt 50 ] && cmp -s "$tmp/a.ids" "$tmp/b.ids"; then
  pass "$plan: the $n test identities are the same after every finding moved three lines"
else
  fail "$plan: test identities change when findings move ($n cases)"; diff "$tmp/a.ids" "$tmp/b.ids" | head -5
fi
if grep -q ':[0-9]*:[0-9]' "$tmp/a.ids"; then
  fail "$plan: a test name holds a line:column"
else
  pass "$plan: no test name holds a line:column"
fi
dups=$(uniq -d "$tmp/a.ids" | wc -l)
if [ "$dups" -eq 0 ]; then pass "$plan: every (classname, name) is unique"; else fail "$plan: $dups identities repeat"; fi
# The first failure's position, and the same finding three lines down after the move.
pos=$(grep -o '>scenarios/goteborg-2018-2019.yaml:[0-9]*:[0-9]*: ' "$tmp/a.xml" | head -1 | sed 's/.*yaml:\([0-9]*\):\([0-9]*\): /\1 \2/')
line=${pos% *} col=${pos#* }
if [ -n "$pos" ] && grep -q ">goteborg-2018-2019.yaml:$((line + 3)):$col: " "$tmp/b.xml"; then
  pass "$plan: the failure text carries the position ($line:$col, and $((line + 3)):$col after the move)"
else
  fail "$plan: the failure text does not carry the position"
fi
fingerprints() { grep -o '"styrLogicalKey/v1": "[^"]*"' "$1" | awk -F'|' '{ $2 = ""; print }' | sort; }
"$styr" validate "$plan" --format sarif -o "$tmp/a.sarif" >/dev/null 2>&1
(cd "$tmp/plan" && "$styr" validate "$(basename "$plan")" --format sarif -o "$tmp/b.sarif" >/dev/null 2>&1)
fingerprints "$tmp/a.sarif" > "$tmp/a.fp"
fingerprints "$tmp/b.sarif" > "$tmp/b.fp"
n=$(wc -l < "$tmp/a.fp")
if [ "$n" -gt 50 ] && cmp -s "$tmp/a.fp" "$tmp/b.fp"; then
  pass "$plan: the $n SARIF partialFingerprints are the same after the move"
else
  fail "$plan: SARIF partialFingerprints change when findings move ($n)"; diff "$tmp/a.fp" "$tmp/b.fp" | head -5
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
