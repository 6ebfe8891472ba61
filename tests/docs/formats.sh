#!/usr/bin/env bash
# docs/FORMATS.md carries the whole contract: it starts with the project's
# specification (../shared/spec/FORMATS.md beside the checkout) word for
# word, then adds part three. Where the specification is not at hand (a
# checkout on its own), there is nothing to compare and the test says so.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
spec="${STYR_SPEC_FORMATS:-$root/../shared/spec/FORMATS.md}"
ours="$root/docs/FORMATS.md"
if [ ! -f "$spec" ]; then
  echo "formats: skipped (no specification at $spec)"
  exit 0
fi
n=$(wc -c < "$spec")
if ! cmp -s -n "$n" "$spec" "$ours"; then
  diff <(cat "$spec") <(head -c "$n" "$ours") | head -20
  echo "FAIL: docs/FORMATS.md does not start with the specification word for word"
  exit 1
fi
# Every section of the specification is there (a cheap second look).
missing=$(grep -E '^## [0-9]+\.' "$spec" | while IFS= read -r h; do grep -qxF "$h" "$ours" || echo "$h"; done)
[ -z "$missing" ] || { echo "FAIL: missing sections: $missing"; exit 1; }
# The README links only inside the repository.
if grep -nE '\]\((\.\./|/work/)' "$root/README.md" "$root/rules/README.md" "$root/docs/"*.md; then
  echo "FAIL: a link leaves the repository"
  exit 1
fi
echo "formats: 3 passed, 0 failed"
