#!/usr/bin/env bash
# Every copy of an input's name failing, one at a time (sweep.py
# --name-copies), in every report format of validate and in the commands
# whose reports name their inputs. A result whose name could not be kept
# once crashed the SARIF writer: the sampled sweeps of CI found it only
# when the allocation count shifted under their sample.
#   tests/faultinject/name_copies.sh STYR failalloc.so
set -uo pipefail
styr=$1 shim=$2
cd "$(dirname "$0")/../.."
S=scenarios
plan=$S/goteborg-2018-2019.yaml
book=tests/fuzz/corpus/fuzz_xlsx/goteborg-2018-2019.xlsx
failed=0
sweep() {
    echo "== $*"
    python3 tests/faultinject/sweep.py "$styr" "$shim" "$@" || failed=1
}
for f in text json sarif junit github-summary gnu github markdown html xlsx; do
    sweep --name-copies "$plan" -- validate "$plan" --threads 1 --format "$f" -o "report.$f"
done
# a workbook plan, a second file and English; memory gone for good too
sweep --name-copies "$book" -- validate "$plan" "$book" --threads 1 --format sarif --lang en
sweep --all --name-copies "$plan" -- validate "$plan" "$book" --threads 1 --format sarif
sweep --name-copies "$plan" -- validate $S/goteborg-2019-2020-utkast.yaml --previous "$plan" --threads 1 --format sarif
sweep --name-copies "$plan" -- report "$plan" $S/goteborg-areas.yaml --scenario $S/kostnadsmedveten.yaml -o r.html
sweep --name-copies $S/goteborg-areas.yaml -- score $S/goteborg-areas.yaml --scenario $S/kostnadsmedveten.yaml --format json
sweep --name-copies $S/goteborg-2018-2019-ur2-2018.yaml -- followup $S/goteborg-2018-2019-ur2-2018.yaml --format html -o f.html
sweep --name-copies $S/goteborg-2019-2020-utkast.yaml -- diff "$plan" $S/goteborg-2019-2020-utkast.yaml --format json
sweep --name-copies "$plan" -- budget "$plan" --format json
exit $failed
