#!/usr/bin/env bash
# Golden test of one styr command line.
#   golden.sh STYR CASE          run tests/cli/cases/CASE.args, compare with CASE.out and CASE.code
#   golden.sh STYR CASE --update write CASE.out and CASE.code from this run
#                                (a `score` golden only if tests/oracle/check.py
#                                agrees with it)
# CASE.args holds the arguments (shell words; run from the repository root so
# that file names in the output are relative). Output is stdout and stderr
# together, without colours. A `{tmp}` in the args is a fresh temporary folder.
# CASE.stdin, if present, is the standard input; CASE.env, if present, holds
# VAR=value lines for the environment (the language variables are otherwise
# cleared, so the default language is Swedish whatever the machine's locale).
# SOURCE_DATE_EPOCH fixes the date a report shows (2025-12-06), so a golden
# of a page with a date does not change from day to day.
set -u
styr=$1 case=$2 mode=${3:-}
root=$(cd "$(dirname "$0")/../.." && pwd)
dir="$root/tests/cli/cases"
cd "$root" || exit 2
# A misspelt case name would otherwise run styr without arguments.
[ -f "$dir/$case.args" ] || { echo "FAIL $case: there is no $dir/$case.args"; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
args=$(sed "s|{tmp}|$tmp|g" "$dir/$case.args")
eval "set -- $args"
envs=(-u LC_ALL -u LC_MESSAGES -u LANGUAGE LANG=C.UTF-8 NO_COLOR=1 SOURCE_DATE_EPOCH=1764979200)
if [ -f "$dir/$case.env" ]; then
  while IFS= read -r line; do [ -n "$line" ] && envs+=("$line"); done < "$dir/$case.env"
fi
stdin=/dev/null
[ -f "$dir/$case.stdin" ] && stdin="$dir/$case.stdin"
actual=$(env "${envs[@]}" "$styr" "$@" 2>&1 < "$stdin"; echo "exit=$?")
code=${actual##*exit=}
out=${actual%exit=*}
out=${out//$tmp/\{tmp\}}
# JUnit carries when and where it was written; those vary by run and machine.
out=$(printf '%s' "$out" | sed -E 's/ timestamp="[0-9T:-]+" hostname="[^"]*"/ timestamp="{timestamp}" hostname="{hostname}"/'; echo .)
out=${out%.}
if [ -f "$dir/$case.post" ]; then
  # A post step prints more to compare, e.g. the file -o wrote ($TMP); $STYR
  # is the styr under test, for a second command on that file.
  out+=$(TMP="$tmp" STYR="$styr" bash "$dir/$case.post" 2>&1)
fi
if [ "$mode" = "--update" ]; then
  # A score golden is written only when the independent oracle agrees with
  # it (tests/oracle/check.py recomputes every score from the YAML alone).
  if [ "${1:-}" = score ] && [ "$code" != 2 ]; then
    printf '%s' "$out" > "$tmp/new.out"
    if ! python3 "$root/tests/oracle/check.py" "$styr" --golden "$case" --out "$tmp/new.out" > "$tmp/oracle" 2>&1; then
      cat "$tmp/oracle"
      echo "REFUSED $case: the oracle disagrees with this output (or could not run); $dir/$case.out is unchanged"
      exit 1
    fi
  fi
  printf '%s' "$out" > "$dir/$case.out"
  echo "$code" > "$dir/$case.code"
  exit 0
fi
want_code=$(cat "$dir/$case.code")
if [ "$code" != "$want_code" ]; then
  echo "FAIL $case: exit code $code, expected $want_code"
  printf '%s\n' "$out" | head -40
  exit 1
fi
if ! diff -u "$dir/$case.out" <(printf '%s' "$out"); then
  echo "FAIL $case: output differs (only if the new output is right: tests/cli/golden.sh $styr $case --update, which checks a score golden against tests/oracle first)"
  exit 1
fi
echo "PASS $case"
