#!/usr/bin/env bash
# review_doc.sh STYR - docs/review-goteborg-2018-2019.md lists every finding
# `styr validate` gives on the bundled plan (position, rule, severity, action)
# with a justification, and no finding it does not give; and none is an error.
set -uo pipefail
styr=${1:?usage: review_doc.sh STYR}
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 2
doc=docs/review-goteborg-2018-2019.md
got=$(mktemp) want=$(mktemp)
trap 'rm -f "$got" "$want"' EXIT
"$styr" validate scenarios/goteborg-2018-2019.yaml --format json |
  node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{for(const f of JSON.parse(s).files[0].findings)console.log(`| ${f.line}:${f.column} | \`${f.rule}\` | ${f.severity} | ${f.action||"—"} |`)})' |
  sort > "$want"
grep -E '^\| [0-9]+:[0-9]+ \|' "$doc" | sed -E 's/^(\| [^|]+\| [^|]+\| [^|]+\| [^|]+\|).*/\1/' | sort > "$got"
if ! diff -u "$want" "$got"; then
  echo "FAIL: $doc does not list exactly the findings of the bundled plan (- missing, + extra)"
  exit 1
fi
if grep -E '^\| [0-9]+:[0-9]+ \| [^|]+\| [^|]+\| [^|]+\| *\|' "$doc" | grep -q .; then
  echo "FAIL: a finding in $doc has no justification"
  exit 1
fi
if grep -E '^\| [0-9]+:[0-9]+ \|' "$doc" | grep -Eiv 'lines? [0-9]{3}' | grep -q .; then
  echo "FAIL: a justification in $doc cites no seed line"
  exit 1
fi
if grep -q '| error |' "$got"; then
  echo "FAIL: the bundled plan has an error finding; the review says none is contradicted by the plan"
  exit 1
fi
echo "PASS: $(wc -l < "$got") findings, each justified"
