#!/usr/bin/env bash
# budget_agrees.sh STYR [N] - the gap `styr budget` computes (engine/budget.c)
# and the gap the rule plan.budget.gap states (rules/core/budget.lua) agree,
# year by year, on N generated plans (seeded: the same plans every run):
# random periods, budget entries left out or partial, grants with and
# without an end, amounts over one or several years, funders whose end comes
# from the registry.
set -uo pipefail
styr=${1:?usage: budget_agrees.sh STYR [N]}
n=${2:-60}
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
for ((k = 1; k <= n; k++)); do
  plan=$work/plan-$k.yaml
  awk -v seed="$k" '
    function r(m) { return int(rand() * m) }
    BEGIN {
      srand(seed)
      from = 2018 + r(3); to = from + r(4)
      print "kind: action-plan\nversion: 1"
      printf "period: {from: %d, to: %d}\n", from, to
      print "budget:"
      printf "  - {year: %d, funding_sek: %d, fte_reprioritised: %.2f, fte_external: %.2f}\n", from, r(5) * 500000, r(5) * 0.75, r(4) * 0.5
      for (y = from + 1; y <= to; y++) {
        c = r(4)
        if (c == 0) continue
        if (c == 1) printf "  - {year: %d, status: projected}\n", y
        if (c == 2) printf "  - {year: %d, funding_sek: %d}\n", y, r(6) * 500000
        if (c == 3) printf "  - {year: %d, funding_sek: %d, fte_reprioritised: %.2f, fte_external: 0}\n", y, r(6) * 500000, r(6) * 0.75
      }
      print "actions:"
      na = 1 + r(4)
      split("Vinnova|Tillväxtverket|EU|Kommunfullmäktiges budget", src, "|")
      for (i = 1; i <= na; i++) {
        printf "  - id: \"1.%d\"\n    title: T%d\n    owner: Kommunstyrelsen\n", i, i
        if (r(2)) printf "    timeline: {start: %d, end: %d}\n", from, from + r(to - from + 1)
        print "    financing:"
        nf = 1 + r(3)
        for (j = 1; j <= nf; j++) {
          s = src[1 + r(4)]
          t = (s == "Kommunfullmäktiges budget") ? "budget" : "external-grant"
          printf "      - {source: %s, type: %s, amount_sek: %d", s, t, r(5) * 100000
          if (r(2)) printf ", until: %d-12", from + r(to - from + 2) - 1
          if (r(2)) printf ", years: [%d]", from + r(to - from + 1)
          print "}"
        }
      }
    }' > "$plan"
  # The engine's gap, year by year: "2019: 1.25 FTE and 200000 SEK" lines.
  "$styr" budget "$plan" --format json | node -e '
    let s = ""; process.stdin.on("data", d => s += d).on("end", () => {
      for (const y of JSON.parse(s).years)
        if (y.gap_fte > 0.0001 || y.gap_sek > 0.5)
          console.log(`${y.year} ${y.gap_fte.toFixed(2)} ${Math.round(y.gap_sek)}`) })' > "$work/engine.txt"
  # The rule's message, expanded to the same lines ("2019–2021: ... a year").
  "$styr" validate "$plan" --lang en --format json | node -e '
    let s = ""; process.stdin.on("data", d => s += d).on("end", () => {
      const f = JSON.parse(s).files[0].findings.find(f => f.rule === "plan.budget.gap");
      if (!f) return;
      const gaps = f.message.replace(/^.*is not replaced: /, "").replace(/\.$/, "");
      for (const part of gaps.split("; ")) {
        const m = part.match(/^(\d{4})(?:–(\d{4}))?: (.*?)(?: a year)?$/);
        const fte = (m[3].match(/([\d.]+) FTE/) || [0, "0"])[1];
        const sek = (m[3].match(/([\d ]+) SEK/) || [0, "0"])[1].replace(/ /g, "");
        for (let y = +m[1]; y <= +(m[2] || m[1]); y++)
          console.log(`${y} ${(+fte).toFixed(2)} ${sek}`);
      } })' > "$work/rule.txt"
  if ! diff -u "$work/engine.txt" "$work/rule.txt" > "$work/diff.txt"; then
    echo "FAIL plan $k: styr budget and plan.budget.gap disagree (- budget, + rule)"
    cat "$work/diff.txt"; sed 's/^/    | /' "$plan" | head -40
    fail=$((fail + 1))
  fi
  [ -s "$work/engine.txt" ] && gaps=$((${gaps:-0} + 1))
  awk '$2 > 0 { f = 1 } END { exit !f }' "$work/engine.txt" && ftegaps=$((${ftegaps:-0} + 1))
done
echo "$((n - fail)) of $n plans agree ($((${gaps:-0})) with a gap, $((${ftegaps:-0})) in FTE); $fail disagree"
[ "$fail" -eq 0 ]
