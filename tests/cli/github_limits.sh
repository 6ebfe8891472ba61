#!/usr/bin/env bash
# GitHub's limits, attacked:
#   - annotations: at most 10 of each kind (error, warning, notice) are
#     workflow commands; every finding is still in the log; past a limit a
#     closing ::notice gives the exact count not annotated; no line that is
#     not one of ours starts with "::" (a message cannot inject a command);
#   - the step summary (--format github-summary) of a plan with thousands of
#     findings stays within GitHub's 1 MiB and says how many rows it left out,
#     and rows plus left-out add up to the findings.
# usage: tests/cli/github_limits.sh STYR
set -uo pipefail
styr=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
pass() { passed=$((passed + 1)); printf 'PASS  %s\n' "$*"; }
fail() { failed=$((failed + 1)); printf 'FAIL  %s\n' "$*"; }

check_annotations() {   # FILE...
  "$styr" validate "$@" --format github --lang en > "$tmp/gh.txt" 2>/dev/null
  "$styr" validate "$@" --format json > "$tmp/gh.json" 2>/dev/null
  local findings
  findings=$(node -e 'const j=JSON.parse(require("fs").readFileSync(process.argv[1]));let n=0;for(const f of j.files){if(f.failed){n++;continue}n+=f.findings.filter(x=>!x.waived).length+f.rule_errors.length}console.log(n)' "$tmp/gh.json")
  local e w n hidden total_lines bad
  e=$(grep -c '^::error ' "$tmp/gh.txt") w=$(grep -c '^::warning ' "$tmp/gh.txt") n=$(grep -c '^::notice ' "$tmp/gh.txt")
  hidden=$(grep -c '^styr [a-z]* (not annotated): ' "$tmp/gh.txt")
  total_lines=$(wc -l < "$tmp/gh.txt")
  bad=$(grep -c -v -E '^(::(error|warning|notice) (file=|title=)|styr (error|warning|notice) \(not annotated\): )' "$tmp/gh.txt")
  if [ "$e" -le 10 ] && [ "$w" -le 10 ] && [ "$n" -le 10 ]; then
    pass "$* ($e errors, $w warnings, $n notices annotated: at most 10 of each)"
  else
    fail "$* ($e errors, $w warnings, $n notices annotated)"
  fi
  if [ "$bad" -eq 0 ]; then pass "$* (every line is an annotation or a plain log line of styr)"; else fail "$* ($bad lines of another shape)"; grep -v -E '^(::|styr )' "$tmp/gh.txt" | head -3; fi
  if [ "$hidden" -gt 0 ]; then
    local said
    said=$(sed -n 's/^::notice title=styr::\([0-9]*\) of \([0-9]*\) findings are not shown as annotations.*/\1 \2/p' "$tmp/gh.txt" | tail -1)
    if [ "$said" = "$hidden $findings" ] && tail -1 "$tmp/gh.txt" | grep -q 'SARIF.*github-summary'; then
      pass "$* (closing notice: $hidden of $findings not annotated, pointing at SARIF and the step summary)"
    else
      fail "$* (closing notice says '$said', expected '$hidden $findings')"
    fi
  elif grep -q 'not shown as annotations' "$tmp/gh.txt"; then
    fail "$* (a closing notice though every finding was annotated)"
  else
    pass "$* (all $findings findings annotated; no closing notice)"
  fi
  if [ $((total_lines - (hidden > 0 ? 1 : 0))) -eq "$findings" ]; then
    pass "$* (each of the $findings findings is in the log once)"
  else
    fail "$* ($total_lines lines for $findings findings)"
  fi
}
check_annotations scenarios/goteborg-2018-2019.yaml
check_annotations rules/goteborg/tests/owner-unknown.yaml rules/goteborg/tests/waiver-applied.yaml
check_annotations tests/html/hostile-plan.yaml

# A message with a line break and "::" cannot start a command of its own.
cat > "$tmp/inject.yaml" <<'YAML'
kind: action-plan
version: 1
actions:
  - id: "1.1"
    owner: "X\n::error file=evil.yaml::injected %0A"
YAML
check_annotations "$tmp/inject.yaml"
if grep -q '^::error file=evil' "$tmp/gh.txt"; then fail "a message injected a workflow command"; else pass "a message with a line break and :: injects no workflow command"; fi

# The step summary within 1 MiB.
awk -v n=40000 -f tests/bench/gen_plan.awk > "$tmp/big.yaml"
"$styr" validate "$tmp/big.yaml" --format github-summary --lang en -o "$tmp/big.md" >/dev/null 2>&1
"$styr" validate "$tmp/big.yaml" --format json -o "$tmp/big.json" >/dev/null 2>&1
size=$(wc -c < "$tmp/big.md")
total=$(node -e 'const j=JSON.parse(require("fs").readFileSync(process.argv[1]));console.log(j.files[0].findings.length)' "$tmp/big.json")
rows=$(grep -c '^| [0-9]*:[0-9]* |' "$tmp/big.md")
left=$(sed -n 's/^\([0-9]*\) findings do not fit (GitHub keeps 1 MiB.*/\1/p' "$tmp/big.md")
if [ "$size" -le 1048576 ]; then pass "step summary of $total findings: $size bytes (GitHub keeps 1048576)"; else fail "step summary is $size bytes, over 1 MiB"; fi
if [ -n "$left" ] && [ $((rows + left)) -eq "$total" ]; then
  pass "step summary: $rows rows shown + $left left out (and said so) = $total findings"
else
  fail "step summary: $rows rows + '${left}' left out != $total findings"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
