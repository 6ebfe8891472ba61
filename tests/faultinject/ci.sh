#!/usr/bin/env bash
# The out-of-memory sweeps of .ci/run (see README.md): every allocation of
# validate on the bundled plan, and 2,000 of each other command's.
#   tests/faultinject/ci.sh BUILD_DIR
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:?usage: ci.sh BUILD_DIR}
sweep=(python3 tests/faultinject/sweep.py "$build/styr" "$build/tests/failalloc.so")
S=scenarios
"${sweep[@]}" -- validate $S/goteborg-2018-2019.yaml --threads 1
"${sweep[@]}" --sample 2000 --seed 2 -- validate $S/goteborg-2018-2019.yaml --threads 1 --lang en --format sarif -o report.sarif
"${sweep[@]}" --sample 2000 --seed 3 -- validate tests/fuzz/corpus/fuzz_xlsx/goteborg-2018-2019.xlsx --threads 1
"${sweep[@]}" --sample 2000 --seed 4 -- score $S/goteborg-areas.yaml --scenario $S/kostnadsmedveten.yaml \
    --scenario $S/styrgrupp-ahp.yaml --format html -o score.html
"${sweep[@]}" --sample 2000 --seed 5 -- sensitivity $S/goteborg-areas.yaml --scenario $S/kostnadsmedveten.yaml \
    --threads 1 --samples 200
"${sweep[@]}" --sample 2000 --seed 6 -- followup $S/goteborg-2018-2019-ur2-2018.yaml
"${sweep[@]}" --sample 2000 --seed 7 -- diff $S/goteborg-2018-2019.yaml $S/goteborg-2019-2020-utkast.yaml
"${sweep[@]}" --sample 2000 --seed 8 -- budget $S/goteborg-2018-2019.yaml --rules tests/cli/rulesets/capacity \
    --format xlsx -o budget.xlsx
"${sweep[@]}" --sample 2000 --seed 9 -- convert $S/goteborg-2018-2019.yaml -o plan.xlsx
"${sweep[@]}" --all --sample 1000 --seed 10 -- validate $S/goteborg-2018-2019.yaml --threads 1
# Workbooks (the child process that writes them included), each language
"${sweep[@]}" --sample 1000 --seed 12 -- validate $S/goteborg-2018-2019.yaml --threads 1 --format xlsx -o v.xlsx
"${sweep[@]}" --sample 1000 --seed 13 -- followup $S/goteborg-2018-2019-ur2-2018.yaml --format xlsx -o f.xlsx
"${sweep[@]}" --sample 1000 --seed 14 -- diff $S/goteborg-2018-2019.yaml $S/goteborg-2019-2020-utkast.yaml \
    --format xlsx -o d.xlsx --lang en
"${sweep[@]}" --sample 500 --seed 15 -- template -o t.xlsx
# The rules' own fixtures (458,000 allocations a run: a sample)
"${sweep[@]}" --sample 300 --seed 16 -- rules test --rules goteborg
# Two threads (a plan of 2,100 actions is judged with a second Lua state):
# which thread meets the failing allocation varies, the promise does not.
plan=$(mktemp "${TMPDIR:-/tmp}/styr-oom-plan.XXXXXX.yaml")
trap 'rm -f "$plan"' EXIT
awk -v n=2100 -f tests/bench/gen_plan.awk > "$plan"
"${sweep[@]}" --sample 300 --seed 11 -- validate "$plan" --threads 2
