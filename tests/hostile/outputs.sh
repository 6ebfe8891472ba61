#!/usr/bin/env bash
# Outputs under attack (issue 9, class 8): -o never replaces a file the run
# reads (named directly, through a symbolic link or a hard link), writes
# straight into devices and FIFOs, replaces a symbolic link's target, and
# leaves no FILE.tmp-XXXXXX behind when it fails; control characters from
# the input or a rule never reach a terminal raw; JUnit XML stays
# well-formed; Markdown cells and CSV cells stay what they are; with standard
# input closed (descriptor 0 then names a file styr opens) nothing changes.
#
#   tests/hostile/outputs.sh STYR
#
# Prints PASS/FAIL a check and "N passed, M failed"; exits 1 on a failure.
# Nothing here depends on timing.
set -u
if [ $# -ne 1 ] || [ ! -x "$1" ]; then
  echo "usage: $0 STYR" >&2
  exit 2
fi
styr=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root" || exit 2
tmp=$(mktemp -d "${TMPDIR:-/tmp}/styr-outputs.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0

check() {   # check NAME CONDITION...
  local name=$1
  shift
  if "$@"; then
    echo "PASS $name"
    passed=$((passed + 1))
  else
    echo "FAIL $name"
    failed=$((failed + 1))
    [ -s "$tmp/err" ] && head -n 3 "$tmp/err" | sed 's/^/    | /'
  fi
}
# run ARGS...: styr with NO_COLOR, stdout to $tmp/out, stderr to $tmp/err, exit in $rc.
# The checks read its messages in English (LC_ALL=en); run_sv runs it in
# Swedish, the default, for the checks of the Swedish words.
run() { NO_COLOR=1 LC_ALL=en "$styr" "$@" > "$tmp/out" 2> "$tmp/err" < /dev/null; rc=$?; }
run_sv() { NO_COLOR=1 LC_ALL=C.UTF-8 "$styr" "$@" > "$tmp/out" 2> "$tmp/err" < /dev/null; rc=$?; }
same_file() { cmp -s "$1" "$2"; }
no_tmp_in() { ! compgen -G "$1/*.tmp-*" > /dev/null; }
is_fifo() { [ -p "$1" ]; }
is_link() { [ -L "$1" ]; }
exit_is() { [ "$rc" = "$1" ]; }
err_has() { grep -q -F -- "$1" "$tmp/err"; }

plan=rules/goteborg/tests/clean.yaml
areas=scenarios/goteborg-areas.yaml
scen=scenarios/balanserad.yaml

# ---- -o names an input of the run ---------------------------------------------
# Each input is a copy; the check is that it is byte for byte what it was and
# that the run said why it wrote nothing (exit 2).
refuses_input() {   # refuses_input NAME ORIGINAL COPY STYR-ARGS...
  local name=$1 orig=$2 copy=$3
  shift 3
  run "$@"
  check "$name: exit 2" exit_is 2
  check "$name: says it is an input" err_has "an input of this run"
  check "$name: input unchanged" same_file "$orig" "$copy"
  check "$name: no temporary file" no_tmp_in "$(dirname "$copy")"
}
mkdir -p "$tmp/in" "$tmp/in/sub"
cp "$plan" "$tmp/in/plan.yaml"
cp "$plan" "$tmp/in/other.yaml"
cp "$areas" "$tmp/in/areas.yaml"
cp "$scen" "$tmp/in/scen.yaml"
ln -s plan.yaml "$tmp/in/link.yaml"
ln -s link.yaml "$tmp/in/link2.yaml"
ln "$tmp/in/plan.yaml" "$tmp/in/sub/hard.yaml"
# A copy of the ruleset and its parent (a sibling folder is found first).
cp -r rules/goteborg "$tmp/in/rs"
cp -r rules/core "$tmp/in/core"
rm -rf "$tmp/in/rs/tests" "$tmp/in/core/tests"
refuses_input "-o the plan" "$plan" "$tmp/in/plan.yaml" validate "$tmp/in/plan.yaml" -o "$tmp/in/plan.yaml"
refuses_input "-o the plan spelt another way" "$plan" "$tmp/in/plan.yaml" \
  validate "$tmp/in/plan.yaml" -o "$tmp/in/sub/../plan.yaml"
refuses_input "-o the second of two plans" "$plan" "$tmp/in/other.yaml" \
  validate "$tmp/in/plan.yaml" "$tmp/in/other.yaml" --format json -o "$tmp/in/other.yaml"
refuses_input "-o a symbolic link to the plan" "$plan" "$tmp/in/plan.yaml" \
  validate "$tmp/in/plan.yaml" -o "$tmp/in/link.yaml"
check "-o a symbolic link to the plan: still a link" is_link "$tmp/in/link.yaml"
refuses_input "-o a link to a link to the plan" "$plan" "$tmp/in/plan.yaml" \
  validate "$tmp/in/plan.yaml" -o "$tmp/in/link2.yaml"
refuses_input "-o a hard link to the plan" "$plan" "$tmp/in/plan.yaml" \
  validate "$tmp/in/plan.yaml" --format sarif -o "$tmp/in/sub/hard.yaml"
refuses_input "-o the plan read through a link" "$plan" "$tmp/in/plan.yaml" \
  validate "$tmp/in/link.yaml" -o "$tmp/in/plan.yaml"
refuses_input "score -o the scenario" "$scen" "$tmp/in/scen.yaml" \
  score "$tmp/in/areas.yaml" --scenario "$tmp/in/scen.yaml" -o "$tmp/in/scen.yaml"
refuses_input "score -o the areas file" "$areas" "$tmp/in/areas.yaml" \
  score "$tmp/in/areas.yaml" --scenario "$tmp/in/scen.yaml" --format csv -o "$tmp/in/areas.yaml"
refuses_input "sensitivity -o the areas file" "$areas" "$tmp/in/areas.yaml" \
  sensitivity "$tmp/in/areas.yaml" --scenario "$tmp/in/scen.yaml" --samples 100 -o "$tmp/in/areas.yaml"
refuses_input "report -o the plan" "$plan" "$tmp/in/plan.yaml" \
  report "$tmp/in/plan.yaml" "$tmp/in/areas.yaml" --scenario "$tmp/in/scen.yaml" --samples 100 -o "$tmp/in/plan.yaml"
refuses_input "-o a rule file of the ruleset" rules/goteborg/document.lua "$tmp/in/rs/document.lua" \
  validate "$tmp/in/plan.yaml" --rules "$tmp/in/rs" -o "$tmp/in/rs/document.lua"
refuses_input "-o the ruleset.yaml" rules/goteborg/ruleset.yaml "$tmp/in/rs/ruleset.yaml" \
  validate "$tmp/in/plan.yaml" --rules "$tmp/in/rs" -o "$tmp/in/rs/ruleset.yaml"
refuses_input "-o the registry (a data file)" rules/goteborg/registry.yaml "$tmp/in/rs/registry.yaml" \
  validate "$tmp/in/plan.yaml" --rules "$tmp/in/rs" --format junit -o "$tmp/in/rs/registry.yaml"
refuses_input "rules doc -o the model" rules/goteborg/model.lua "$tmp/in/rs/model.lua" \
  rules doc --rules "$tmp/in/rs" -o "$tmp/in/rs/model.lua"
refuses_input "rules list -o a parent's rule file" rules/core/owner.lua "$tmp/in/core/owner.lua" \
  rules list --rules "$tmp/in/rs" -o "$tmp/in/core/owner.lua"

# ---- what is not a regular file, symbolic links, failures ---------------------
mkdir -p "$tmp/o"
mkfifo "$tmp/o/fifo"
timeout 20 cat "$tmp/o/fifo" > "$tmp/o/from-fifo" &   # bounded: a broken styr never opens it
reader=$!
run validate "$plan" --lang en -o "$tmp/o/fifo"
wait "$reader"
check "-o a FIFO: exit 0" exit_is 0
check "-o a FIFO: still a FIFO" is_fifo "$tmp/o/fifo"
check "-o a FIFO: the report went through it" grep -q "1 action\|2 actions" "$tmp/o/from-fifo"
ln -s fifo "$tmp/o/fifo-link"
timeout 20 cat "$tmp/o/fifo" > "$tmp/o/from-fifo2" &   # bounded: a broken styr never opens it
reader=$!
run validate "$plan" --lang en --format json -o "$tmp/o/fifo-link"
wait "$reader"
check "-o a link to a FIFO: still a FIFO" is_fifo "$tmp/o/fifo"
check "-o a link to a FIFO: the report went through it" grep -q '"findings"' "$tmp/o/from-fifo2"
# Character devices: copies of /dev/null and /dev/full made here when we may
# (root). Without root, the real ones, which nobody else can replace anyway;
# as root, never the real ones: a broken styr would destroy them.
dev="" full=""
if mknod "$tmp/o/null" c 1 3 2> /dev/null && mknod "$tmp/o/full" c 1 7 2> /dev/null; then
  dev=$tmp/o/null full=$tmp/o/full
elif [ "$(id -u)" != 0 ]; then
  dev=/dev/null
  [ -w /dev/full ] && full=/dev/full
fi
if [ -n "$dev" ]; then
  run validate "$plan" -o "$dev"
  check "-o a character device: exit 0" exit_is 0
  check "-o a character device: still a character device" test -c "$dev"
  check "-o a character device: no temporary file" no_tmp_in "$(dirname "$dev")"
fi
if [ -n "$full" ]; then
  run validate "$plan" -o "$full"
  check "-o a full device: exit 2" exit_is 2
  check "-o a full device: says why" err_has "No space left on device"
  check "-o a full device: still a character device" test -c "$full"
  # Every command that writes a report: a write that fails is exit 2 with
  # the reason, never a silent success (each checks its own sink's close).
  while IFS='|' read -r name args; do
    # shellcheck disable=SC2086  # args are words on purpose
    run $args -o "$full"
    check "-o a full device, $name: exit 2" exit_is 2
    check "-o a full device, $name: says why" err_has "No space left on device"
  done <<EOF2
score|score $areas --scenario $scen
score as xlsx|score $areas --scenario $scen --format xlsx
sensitivity|sensitivity $areas --scenario $scen --samples 100
report|report $plan $areas --scenario $scen --samples 100
validate as xlsx|validate $plan --format xlsx
budget|budget scenarios/goteborg-2018-2019.yaml
followup|followup scenarios/goteborg-2018-2019-ur2-2018.yaml
diff|diff scenarios/goteborg-2018-2019.yaml scenarios/goteborg-2019-2020-utkast.yaml
template|template
rules doc|rules doc
rules list|rules list
EOF2
  # convert takes its format from the name: a link called .yaml to the device
  ln -s "$full" "$tmp/o/full.yaml"
  run convert scenarios/goteborg-2018-2019.yaml -o "$tmp/o/full.yaml"
  check "-o a full device, convert: exit 2" exit_is 2
  check "-o a full device, convert: says why" err_has "No space left on device"
  check "-o a full device, convert: the link is kept" test -L "$tmp/o/full.yaml"
  # Standard output onto the full device: the same reason, exit 2.
  NO_COLOR=1 LC_ALL=en "$styr" validate scenarios/goteborg-2018-2019.yaml > "$full" 2> "$tmp/err" < /dev/null; rc=$?
  check "standard output a full device: exit 2" exit_is 2
  check "standard output a full device: says why" err_has "cannot write standard output: No space left on device"
  NO_COLOR=1 LC_ALL=C.UTF-8 "$styr" validate scenarios/goteborg-2018-2019.yaml > "$full" 2> "$tmp/err" < /dev/null; rc=$?
  check "standard output a full device, in Swedish: says why" err_has "kan inte skriva standard ut: disken är full"
  # A workbook is written to a temporary file first, then copied: the copy
  # failing names standard output, not the temporary file.
  NO_COLOR=1 LC_ALL=en "$styr" validate scenarios/goteborg-2018-2019.yaml --format xlsx > "$full" 2> "$tmp/err" < /dev/null; rc=$?
  check "a workbook to standard output, a full device: exit 2" exit_is 2
  check "a workbook to standard output, a full device: says where and why" \
    err_has "cannot write the workbook to standard output: No space left on device"
fi
# A write that fails part-way into a regular file (a file size limit): the
# reason, exit 2, the old file kept and no temporary file left, for a report
# larger than stdio's buffer (convert's YAML of the bundled plan).
mkdir "$tmp/lim" && echo old > "$tmp/lim/out.yaml"
(ulimit -f 1; NO_COLOR=1 LC_ALL=en "$styr" convert scenarios/goteborg-2018-2019.yaml -o "$tmp/lim/out.yaml" > "$tmp/out" 2> "$tmp/err" < /dev/null); rc=$?
check "-o under a file size limit: exit 2" exit_is 2
check "-o under a file size limit: says why" err_has "File too large"
check "-o under a file size limit: the old file kept" grep -qx old "$tmp/lim/out.yaml"
check "-o under a file size limit: no temporary file" no_tmp_in "$tmp/lim"
mkdir "$tmp/o/folder"
run validate "$plan" -o "$tmp/o/folder"
check "-o a folder: exit 2" exit_is 2
check "-o a folder: says why" err_has "it is a folder"
run_sv validate "$plan" -o "$tmp/o/folder"
check "-o a folder, in Swedish: says why" err_has "kan inte skriva $tmp/o/folder: det är en mapp"
check "-o a folder: left empty" test -z "$(ls -A "$tmp/o/folder")"
check "-o a folder: no temporary file" no_tmp_in "$tmp/o"

echo "the earlier report" > "$tmp/o/target.txt"
ln -s target.txt "$tmp/o/report-link"
run validate "$plan" --lang en -o "$tmp/o/report-link"
check "-o a symbolic link: exit 0" exit_is 0
check "-o a symbolic link: the link stays a link" is_link "$tmp/o/report-link"
check "-o a symbolic link: its target has the report" grep -q "clean.yaml" "$tmp/o/target.txt"
check "-o a symbolic link: no temporary file" no_tmp_in "$tmp/o"
mkdir "$tmp/o/elsewhere"
ln -s elsewhere/new.txt "$tmp/o/dangling"
run validate "$plan" --lang en -o "$tmp/o/dangling"
check "-o a dangling link: the link stays a link" is_link "$tmp/o/dangling"
check "-o a dangling link: its target is made" grep -q "clean.yaml" "$tmp/o/elsewhere/new.txt"
ln -s loop-b "$tmp/o/loop-a"
ln -s loop-a "$tmp/o/loop-b"
run validate "$plan" -o "$tmp/o/loop-a"
check "-o a link loop: exit 2" exit_is 2
check "-o a link loop: says why (the system's words for ELOOP)" err_has "Too many levels of symbolic links"
check "-o a link loop: both stay links" test -L "$tmp/o/loop-a" -a -L "$tmp/o/loop-b"

# A write that fails half-way (past `ulimit -f`): exit 2, the earlier report
# as it was, no temporary file. (SIGXFSZ would end the process and leave the
# temporary file; styr ignores it and sees the write fail.)
awk -v n=3000 -f tests/bench/gen_plan.awk > "$tmp/big.yaml"
echo "the earlier report" > "$tmp/o/big.json"
( ulimit -f 64; exec env NO_COLOR=1 LC_ALL=en "$styr" validate "$tmp/big.yaml" --format json -o "$tmp/o/big.json" ) \
  > "$tmp/out" 2> "$tmp/err"
rc=$?
check "a report past ulimit -f: exit 2" exit_is 2
check "a report past ulimit -f: says why" err_has "cannot write"
check "a report past ulimit -f: the earlier report stays" grep -q -x "the earlier report" "$tmp/o/big.json"
check "a report past ulimit -f: no temporary file" no_tmp_in "$tmp/o"
# Stopped by a signal at whatever point it has reached: never a temporary
# file left (the handler removes it), and the report is the earlier one or
# the whole new one. No timing is asserted: any point must be fine.
for sig in TERM INT HUP; do
  echo "the earlier report" > "$tmp/o/sig.json"
  NO_COLOR=1 "$styr" validate "$tmp/big.yaml" --format json -o "$tmp/o/sig.json" > /dev/null 2>&1 &
  pid=$!
  sleep 0.2
  kill -s "$sig" "$pid" 2> /dev/null
  wait "$pid" 2> /dev/null
  check "SIG$sig during a run: no temporary file" no_tmp_in "$tmp/o"
  check "SIG$sig during a run: the earlier report or the whole new one" \
    bash -c 'grep -q -x "the earlier report" "$1" || tail -c 3 "$1" | grep -q "}"' _ "$tmp/o/sig.json"
done
if [ "$(id -u)" != 0 ]; then
  mkdir "$tmp/o/ro" && chmod 555 "$tmp/o/ro"
  run validate "$plan" -o "$tmp/o/ro/report.txt"
  check "-o in a read-only folder: exit 2" exit_is 2
  check "-o in a read-only folder: nothing made" test -z "$(ls -A "$tmp/o/ro")"
fi

# ---- a workbook is never written to a terminal ----------------------------------
# script(1) gives styr a terminal as standard output: the bytes of a zip
# file would garble it, so styr refuses, says what to do, and writes nothing.
if command -v script > /dev/null 2>&1; then
  script -qec "NO_COLOR=1 LC_ALL=en '$styr' validate rules/goteborg/tests/clean.yaml --format xlsx" /dev/null > "$tmp/tty" 2>&1 < /dev/null; rc=$?
  check "a workbook to a terminal: exit 2" exit_is 2
  check "a workbook to a terminal: says to give -o" grep -q "a workbook is not written to a terminal; give -o FILE.xlsx" "$tmp/tty"
  check "a workbook to a terminal: no zip bytes on it" sh -c '! grep -q "PK" "$1"' _ "$tmp/tty"
else
  echo "(script is not installed: a workbook to a terminal is not checked)"
fi

# ---- control characters never reach a terminal raw ------------------------------
# Raw C0 controls but tab and line feed, DEL, C1 controls (as UTF-8), and the
# bidirectional embeddings, overrides and isolates.
raw_controls() { LC_ALL=C grep -q -P '[\x00-\x08\x0B-\x1F\x7F]|\xC2[\x80-\x9F]|\xE2\x80[\xAA-\xAE]|\xE2\x81[\xA6-\xA9]' "$@"; }
clean_terminal() { ! raw_controls "$tmp/out" "$tmp/err"; }
# CSV ends its lines with CR LF (RFC 4180): that CR is the format's own.
clean_csv() { ! sed 's/\r$//' "$tmp/out" | raw_controls - && ! raw_controls "$tmp/err"; }
# One summary line a file, whatever the messages hold.
summaries() { [ "$(grep -c -E '^[^ ]*: [0-9]+ (action|actions|insats|insatser), ' "$tmp/out")" = "$1" ]; }
printf 'kind: action-plan\nversion: 1\nperiod: {from: 2018, to: 2019}\nactions:\n  - id: "1.1\\e[2K\\rX"\n    owner: "Bell\\a \\e[31mred\\r\\x9b2J \\u202e"\n    strategy: "S\\e]0;title\\a\\x7f"\n' \
  > "$tmp/ctl.yaml"
esc_name="$tmp/in/"$'\e[2Jname\r.yaml'
cp "$tmp/ctl.yaml" "$esc_name"
forge=tests/hostile/outputs/forge
for fmt in text github markdown gnu; do
  run validate "$tmp/ctl.yaml" --lang en --format "$fmt"
  check "validate --format $fmt: control characters in values are escaped" clean_terminal
  run validate "$plan" --rules "$forge" --lang en --format "$fmt"
  check "validate --format $fmt: control characters in rule messages and print() are escaped" clean_terminal
done
run validate "$plan" --rules "$forge" --lang en
check "a forged summary line stays inside its finding" summaries 1
check "the forged text is shown escaped" grep -q -F '\x1B[2K\r\nplan.yaml: 1 action' "$tmp/out"
run validate "$tmp/ctl.yaml" "$plan" --lang en
check "two files: two summary lines" summaries 2
run validate "$esc_name" --lang en
check "a file name with ESC and CR is escaped" clean_terminal
run validate "$tmp/in/"$'\e[2Jmissing\a.yaml' --lang en
check "a missing file's name with ESC and BEL is escaped in the error" clean_terminal
run rules list --rules "$forge" --lang en
check "rules list: control characters in a message template are escaped" clean_terminal

# Every other command that prints a plan's texts: the budget, the follow-up
# and the comparison, in each format read on a terminal or as Markdown. The
# plan's document, strategy, action, owner, funder and escalation body hold
# ESC, CR, BEL, DEL, a C1 control and a bidirectional override.
c='\e[2J\r\a\x7f\xc2\x9b\u202e'
printf 'kind: action-plan\nversion: 1\nillustrative: true\ndocument: {title: "Plan%s"}\nperiod: {from: 2018, to: 2019}\nfollow_up: {reports: [UR2], escalate_to: "KS%s"}\nstrategies:\n  - {id: "1", title: "Strategi%s"}\nactions:\n  - id: "1.1%s"\n    strategy: "1"\n    title: "Titel%s"\n    owner: "BRG%s"\n    timeline: {start: 2018-01, end: 2018-06}\n    financing:\n      - {source: "Vinnova%s", type: external-grant, amount_sek: 100000, until: 2018-12}\n' \
  "$c" "$c" "$c" "$c" "$c" "$c" "$c" > "$tmp/ctl-plan.yaml"
sed -e 's/amount_sek: 100000/amount_sek: 250000/' -e 's/title: "Titel/title: "Ny titel/' "$tmp/ctl-plan.yaml" > "$tmp/ctl-plan2.yaml"
printf 'kind: follow-up\nversion: 1\nillustrative: true\nplan: ctl-plan.yaml\nreport: "UR2%s"\nas_of: 2018-08-31\nactions:\n  - {id: "1.1%s", status: delayed, forecast_end: 2019-06, spent_sek: 900000, comment: "Sen%s"}\n' \
  "$c" "$c" "$c" > "$tmp/ctl-followup.yaml"
for fmt in text markdown; do
  for lang in sv en; do
    run budget "$tmp/ctl-plan.yaml" --format "$fmt" --lang "$lang"
    check "budget --format $fmt --lang $lang: control characters in the plan are escaped" clean_terminal
    run followup "$tmp/ctl-followup.yaml" --format "$fmt" --lang "$lang"
    check "followup --format $fmt --lang $lang: control characters in the follow-up and plan are escaped" clean_terminal
    run diff "$tmp/ctl-plan.yaml" "$tmp/ctl-plan2.yaml" --format "$fmt" --lang "$lang"
    check "diff --format $fmt --lang $lang: control characters in both plans are escaped" clean_terminal
  done
done
# The follow-up's plan: named with ESC and CR (its path is printed), and an
# illustrative areas file so named (score and sensitivity name it).
esc_plan="$tmp/in/"$'plan\e[2J\r\u202e.yaml'
cp "$tmp/ctl-plan.yaml" "$esc_plan"
sed "s|^plan: ctl-plan.yaml|plan: \"plan\\\\e[2J\\\\r\\\\u202e.yaml\"|" "$tmp/ctl-followup.yaml" > "$tmp/in/ctl-followup.yaml"
for lang in sv en; do
  run followup "$tmp/in/ctl-followup.yaml" --lang "$lang"
  check "followup --lang $lang: a plan named with control characters is escaped" clean_terminal
done
esc_areas="$tmp/in/"$'areas\e[2J\r.yaml'
cp "$areas" "$esc_areas"
run score "$esc_areas" --scenario "$scen" --lang en
check "score: an illustrative areas file named with control characters is escaped" clean_terminal
run sensitivity "$esc_areas" --scenario "$scen" --samples 100
check "sensitivity: an illustrative areas file named with control characters is escaped" clean_terminal
for cmd in budget followup; do
  f=$tmp/ctl-plan.yaml
  [ "$cmd" = followup ] && f=$tmp/ctl-followup.yaml
  run "$cmd" "$f" --format csv
  check "$cmd --format csv: control characters are escaped" clean_csv
done

# The HTML pages show the same characters as U+FFFD: a browser would obey a
# bidirectional override (reorder the sums and names the board reads) or a
# C1 control, not show it. (A line break, CR included, is white space in HTML.)
clean_html() { ! sed 's/\r//g' "$tmp/out" | raw_controls - && ! raw_controls "$tmp/err"; }
for lang in sv en; do
  run validate "$tmp/ctl-plan.yaml" --format html --lang "$lang"
  check "validate --format html --lang $lang: no control character or override reaches the page" clean_html
  run validate "$tmp/ctl.yaml" --format html --lang "$lang"
  check "validate --format html --lang $lang: ids and owners with controls are replaced" clean_html
  run budget "$tmp/ctl-plan.yaml" --format html --lang "$lang"
  check "budget --format html --lang $lang: no control character or override reaches the page" clean_html
  run followup "$tmp/ctl-followup.yaml" --format html --lang "$lang"
  check "followup --format html --lang $lang: no control character or override reaches the page" clean_html
  run diff "$tmp/ctl-plan.yaml" "$tmp/ctl-plan2.yaml" --format html --lang "$lang"
  check "diff --format html --lang $lang: no control character or override reaches the page" clean_html
done

# Areas whose ids are formulas, hold '|', ESC and a C1 control.
sed -e 's/^  - id: smart-cities$/  - id: "=HYPERLINK(\\"http:\/\/x\\",\\"a|b\\")"/' \
    -e 's/^  - id: natverkslarande$/  - id: "+1|2"/' \
    -e 's/^  - id: motesplats-innovation$/  - id: "@SUM(A1)|\\x9b"/' \
    -e 's/^  - id: innovationsbarometer$/  - id: "-2+3\\e[2J"/' \
    -e 's/^  - id: grants-office$/  - id: "\\tgrants|office"/' \
    "$areas" > "$tmp/areas.yaml"
# --samples is sensitivity's own option (score refuses it).
samples() { [ "$1" = sensitivity ] && echo --samples 200; }
for cmd in score sensitivity; do
  for fmt in text markdown csv; do
    run "$cmd" "$tmp/areas.yaml" --scenario "$scen" $(samples "$cmd") --lang en --format "$fmt"
    check "$cmd --format $fmt: exit 0" exit_is 0
    check "$cmd --format $fmt: control characters in area ids are escaped" clean_terminal
  done
done

# ---- Markdown: '|' is escaped, so every row has as many cells as its header ----
md_rows_even() {   # every table row has the header's number of unescaped '|'
  awk '/^\|/ { line = $0; gsub(/\\\|/, "", line); n = gsub(/\|/, "|", line)
               if (!want) want = n; else if (n != want) bad = 1 }
       /^$/ { want = 0 } END { exit bad }' "$tmp/out"
}
for cmd in score sensitivity; do
  run "$cmd" "$tmp/areas.yaml" --scenario "$scen" $(samples "$cmd") --format markdown
  check "$cmd --format markdown: rows keep their cells" md_rows_even
  check "$cmd --format markdown: ids with '|' are escaped" grep -q -F '+1\|2' "$tmp/out"
done
run validate "$plan" --rules "$forge" --format markdown
check "validate --format markdown: rows keep their cells" md_rows_even

# ---- CSV: no cell is a live formula ------------------------------------------------
csv_no_formula() {
  python3 - "$tmp/out" <<'PY'
import csv, sys
bad = [c for row in csv.reader(open(sys.argv[1], newline='', encoding='utf-8')) for c in row
       if c[:1] in ('=', '+', '-', '@', '\t', '\r')]
sys.exit(1 if bad else 0)
PY
}
csv_has() { python3 -c 'import csv,sys; sys.exit(0 if any(sys.argv[2] in r for r in csv.reader(open(sys.argv[1], newline=""))) else 1)' "$tmp/out" "$1"; }
for cmd in score sensitivity; do
  run "$cmd" "$tmp/areas.yaml" --scenario "$scen" $(samples "$cmd") --lang en --format csv   # ',' as csv.reader reads
  check "$cmd --format csv: no cell starts a formula" csv_no_formula
  check "$cmd --format csv: the formula is kept as text" csv_has "'=HYPERLINK(\"http://x\",\"a|b\")"
  check "$cmd --format csv: '-2+3' is kept as text" csv_has "'-2+3\\x1B[2J"
done

# ---- JUnit XML: well-formed whatever the names and messages hold ---------------------
well_formed() { xmllint --noout "$tmp/out" 2> "$tmp/xmlerr"; }
amp_dir="$tmp/a&b<c>"
mkdir -p "$amp_dir"
cp "$plan" "$amp_dir/plan&<'\".yaml"
printf 'kind: action-plan\nversion: 1\nactions: [\n' > "$amp_dir/broken&<.yaml"
run validate "$amp_dir/plan&<'\".yaml" --rules "$forge" --format junit
check "junit: file names with & and <, U+FFFE, U+FFFF and NUL in messages: well-formed" well_formed
run validate "$amp_dir/broken&<.yaml" --format junit
check "junit: a file that fails to load, named with & and <: well-formed" well_formed
run validate "$tmp/ctl.yaml" --format junit
check "junit: control characters in values: well-formed" well_formed
run validate "$amp_dir/plan&<'\".yaml" --rules "$forge" --format sarif
check "sarif: the same names and messages are valid JSON" python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$tmp/out"

# ---- sensitivity is bounded: its tables are areas x areas -----------------------
# 1,200 areas (a copy of one area under new ids): a clear limit, exit 2, not
# hundreds of megabytes of memory and output.
python3 - "$areas" "$tmp/areas1200.yaml" <<'PY'
import re, sys
head, body = open(sys.argv[1], encoding='utf-8').read().split('\nareas:\n', 1)
first = re.split(r'\n(?=  - id: )', body)[0]
first = re.sub(r'\n    (requires|excludes):.*', '', first)
with open(sys.argv[2], 'w', encoding='utf-8') as f:
    f.write(head + '\nareas:\n')
    for i in range(1200):
        f.write(re.sub(r'^  - id: \S+', '  - id: area-%d' % i, first, count=1).rstrip('\n') + '\n')
PY
run sensitivity "$tmp/areas1200.yaml" --scenario "$scen" --samples 100 --format csv
check "sensitivity over 1,200 areas: exit 2" exit_is 2
check "sensitivity over 1,200 areas: says the bound" err_has "sensitivity ranks at most 1000 areas"
check "sensitivity over 1,200 areas: no table written" test "$(wc -c < "$tmp/out")" -lt 100000
run score "$tmp/areas1200.yaml" --scenario "$scen" --format csv
check "score over the same 1,200 areas: exit 0" exit_is 0

# ---- standard input closed: the first file opened gets descriptor 0 -------------
# (a scheduler or a service may start styr so); descriptor 0 is a file like
# any other, so the ruleset, its rule files and the plan all read as usual.
run validate rules/goteborg/tests/clean.yaml --lang en --format json
cp "$tmp/out" "$tmp/stdin-open.json"
NO_COLOR=1 "$styr" validate rules/goteborg/tests/clean.yaml --lang en --format json > "$tmp/out" 2> "$tmp/err" <&-
rc=$?
check "standard input closed: exit 0" exit_is 0
check "standard input closed: the same report" same_file "$tmp/out" "$tmp/stdin-open.json"
NO_COLOR=1 "$styr" validate rules/goteborg/tests/clean.yaml --rules tests/cli/rulesets/house-policy --lang en > "$tmp/out" 2> "$tmp/err" <&-
rc=$?
check "standard input closed, a ruleset of its own: exit 0" exit_is 0
# a YAML mistake is explained from the file's text, read again from descriptor 0
run validate rules/goteborg/tests/fail-yaml.yaml
cat "$tmp/out" "$tmp/err" > "$tmp/stdin-open.txt"
NO_COLOR=1 LC_ALL=en "$styr" validate rules/goteborg/tests/fail-yaml.yaml > "$tmp/out" 2> "$tmp/err" <&-
rc=$?
cat "$tmp/out" "$tmp/err" > "$tmp/stdin-closed.txt"
check "standard input closed, a YAML mistake: exit 2" exit_is 2
check "standard input closed, a YAML mistake: the same explanation" same_file "$tmp/stdin-closed.txt" "$tmp/stdin-open.txt"

# ---- a workbook is written by a child process ------------------------------------
# (so that libxlsxwriter crashing when memory runs out is an error, not the end
# of styr; tests/faultinject). Started with SIGCHLD ignored, the child would be
# reaped before styr could read how it ended: the workbook must still be written.
python3 - "$styr" "$tmp/ign.xlsx" > "$tmp/out" 2> "$tmp/err" <<'PY'
import signal, subprocess, sys
p = subprocess.run([sys.argv[1], "convert", "scenarios/goteborg-2018-2019.yaml", "-o", sys.argv[2]],
                   preexec_fn=lambda: signal.signal(signal.SIGCHLD, signal.SIG_IGN), stderr=sys.stderr)
sys.exit(p.returncode)
PY
rc=$?
check "a workbook with SIGCHLD ignored: exit 0" exit_is 0
check "a workbook with SIGCHLD ignored: written" python3 -c '
import sys, zipfile
sys.exit(zipfile.ZipFile(sys.argv[1]).testzip() is not None)' "$tmp/ign.xlsx"
# The same workbook written by the process itself (STYR_NO_FORK, for valgrind).
STYR_NO_FORK=1 "$styr" convert scenarios/goteborg-2018-2019.yaml -o "$tmp/nofork.xlsx" > "$tmp/out" 2> "$tmp/err"; rc=$?
check "a workbook without a child (STYR_NO_FORK): exit 0" exit_is 0
check "a workbook without a child (STYR_NO_FORK): the same parts" python3 -c '
import sys, zipfile
a, b = (zipfile.ZipFile(f) for f in sys.argv[1:])
parts = lambda z: {n: z.read(n) for n in z.namelist() if n != "docProps/core.xml"}
sys.exit(parts(a) != parts(b))' "$tmp/ign.xlsx" "$tmp/nofork.xlsx"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
