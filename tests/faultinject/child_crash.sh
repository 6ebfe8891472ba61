#!/usr/bin/env bash
# A workbook is written by a child process, so that libxlsxwriter crashing
# (as it does when one of its allocations fails) is an error of the run:
# exit 2, said in words, -o left as it was, no temporary file left; also
# when styr was started with SIGCHLD ignored (the child would otherwise be
# reaped unseen, and its crash read as success).
#   tests/faultinject/child_crash.sh STYR crash_workbook.so
set -uo pipefail
styr=$1 shim=$2
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d "${TMPDIR:-/tmp}/styr-child.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
failed=0
check() {   # check NAME CONDITION...
  local name=$1
  shift
  if "$@"; then echo "PASS $name"; else echo "FAIL $name"; failed=1; sed 's/^/    | /' "$tmp/err"; fi
}
for how in default ignored; do
  echo old > "$tmp/plan.xlsx"
  TMPDIR=$tmp LD_PRELOAD=$shim LC_ALL=C.UTF-8 python3 - "$styr" "$tmp/plan.xlsx" "$how" > "$tmp/out" 2> "$tmp/err" <<'PY'
import signal, subprocess, sys
styr, out, how = sys.argv[1:]
pre = (lambda: signal.signal(signal.SIGCHLD, signal.SIG_IGN)) if how == "ignored" else None
sys.exit(subprocess.run([styr, "convert", "scenarios/goteborg-2018-2019.yaml", "-o", out], preexec_fn=pre).returncode)
PY
  rc=$?
  check "workbook writer crashes, SIGCHLD $how: exit 2" test "$rc" = 2
  check "workbook writer crashes, SIGCHLD $how: says so in Swedish" \
    grep -qF "plan.xlsx: fel: arbetsboken kunde inte skrivas: biblioteket libxlsxwriter stannade (signal 11)" "$tmp/err"
  check "workbook writer crashes, SIGCHLD $how: -o kept" grep -qx old "$tmp/plan.xlsx"
  check "workbook writer crashes, SIGCHLD $how: no temporary file" test -z "$(ls "$tmp" | grep -e '^styr-' -e '\.tmp-')"
done
# Written to standard output (validate --format xlsx -o -): the message names it in words, not '-'.
TMPDIR=$tmp LD_PRELOAD=$shim LC_ALL=C.UTF-8 "$styr" validate scenarios/goteborg-2018-2019.yaml --format xlsx -o - > "$tmp/out" 2> "$tmp/err"
rc=$?
check "workbook writer crashes, standard output: exit 2" test "$rc" = 2
check "workbook writer crashes, standard output: named in words" \
  grep -qF "standard ut: fel: arbetsboken kunde inte skrivas: biblioteket libxlsxwriter stannade (signal 11)" "$tmp/err"
check "workbook writer crashes, standard output: nothing written" test ! -s "$tmp/out"
# STYR_NO_FORK=0 (or empty) is no request to write in-process (for
# valgrind): the workbook still gets its child, and the crash stays there.
for nofork in 0 ""; do
  echo old > "$tmp/plan.xlsx"
  STYR_NO_FORK=$nofork TMPDIR=$tmp LD_PRELOAD=$shim LC_ALL=C.UTF-8 "$styr" convert scenarios/goteborg-2018-2019.yaml -o "$tmp/plan.xlsx" > "$tmp/out" 2> "$tmp/err"
  rc=$?
  check "STYR_NO_FORK='$nofork': the crash stays in the child, exit 2" test "$rc" = 2
  check "STYR_NO_FORK='$nofork': says so" \
    grep -qF "plan.xlsx: fel: arbetsboken kunde inte skrivas: biblioteket libxlsxwriter stannade (signal 11)" "$tmp/err"
done
# The writer failing with a reason (workbook_close's temporary files): the
# reason comes back from the child through its pipe and is told.
echo old > "$tmp/plan.xlsx"
STYR_TEST_CLOSE=fail TMPDIR=$tmp LD_PRELOAD=$shim LC_ALL=C.UTF-8 "$styr" convert scenarios/goteborg-2018-2019.yaml -o "$tmp/plan.xlsx" > "$tmp/out" 2> "$tmp/err"
rc=$?
check "workbook writer fails: exit 2" test "$rc" = 2
check "workbook writer fails: the reason is told" \
  grep -qF "plan.xlsx: fel: arbetsboken kan inte skrivas: Error encountered when creating a tmpfile during file assembly." "$tmp/err"
check "workbook writer fails: -o kept" grep -qx old "$tmp/plan.xlsx"
check "workbook writer fails: libxlsxwriter's English [ERROR] line is not passed on" \
  test "$(grep -c '\[ERROR\]' "$tmp/err")" = 0
# The same with a temporary folder whose name leaves the temporary
# workbook's name (TMPDIR/styr-XXXXXX) exactly 1023 bytes, the most an
# error record's file holds: the record still names it whole, so the
# message names the user's file, not the temporary one.
long=$tmp
while [ ${#long} -lt 900 ]; do long=$long/$(printf 'd%.0s' $(seq 100)); done
long=$long/$(printf 'e%.0s' $(seq $((1011 - ${#long} - 1))))
mkdir -p "$long"
echo old > "$tmp/plan.xlsx"
STYR_TEST_CLOSE=fail TMPDIR=$long LD_PRELOAD=$shim LC_ALL=C.UTF-8 "$styr" convert scenarios/goteborg-2018-2019.yaml -o "$tmp/plan.xlsx" > "$tmp/out" 2> "$tmp/err"
rc=$?
check "workbook writer fails, temporary name of 1023 bytes: exit 2" test "$rc" = 2
check "workbook writer fails, temporary name of 1023 bytes: the user's file is named" \
  grep -qxF "$tmp/plan.xlsx: fel: arbetsboken kan inte skrivas: Error encountered when creating a tmpfile during file assembly." "$tmp/err"
# Longer still (1040 bytes): the record holds only the temporary name's
# first 1023 bytes, and that is still no reason to name a cut temporary file.
long=$long/$(printf 'f%.0s' $(seq 16))
mkdir -p "$long"
echo old > "$tmp/plan.xlsx"
STYR_TEST_CLOSE=fail TMPDIR=$long LD_PRELOAD=$shim LC_ALL=C.UTF-8 "$styr" convert scenarios/goteborg-2018-2019.yaml -o "$tmp/plan.xlsx" > "$tmp/out" 2> "$tmp/err"
check "workbook writer fails, temporary name longer than a record holds: the user's file is named" \
  grep -qxF "$tmp/plan.xlsx: fel: arbetsboken kan inte skrivas: Error encountered when creating a tmpfile during file assembly." "$tmp/err"
# libxlsxwriter that drops a part it could not allocate says so only on
# standard error ("[ERROR]... Memory allocation failed.") and returns
# success: the child keeps what it says in a memory file and the run fails
# in styr's words, never with libxlsxwriter's English line; also with
# standard input closed, when (writing to standard output, no -o file) that
# memory file is descriptor 0.
for stdin in open closed; do
  (if [ "$stdin" = closed ]; then exec <&-; fi
   STYR_TEST_CLOSE=complain TMPDIR=$tmp LD_PRELOAD=$shim LC_ALL=C.UTF-8 "$styr" validate scenarios/goteborg-2018-2019.yaml \
     --format xlsx -o - > "$tmp/out" 2> "$tmp/err")
  rc=$?
  check "workbook writer complains, standard input $stdin: exit 2" test "$rc" = 2
  check "workbook writer complains, standard input $stdin: said in styr's words only" \
    test "$(cat "$tmp/err")" = "standard ut: fel: arbetsboken kan inte skrivas: minnet tog slut"
  check "workbook writer complains, standard input $stdin: nothing written" test ! -s "$tmp/out"
done
# Any other [ERROR] line fails the run too, with the line itself as the
# reason (it is no memory running out); only the first such line, on a
# line of its own.
STYR_TEST_CLOSE=complain-other TMPDIR=$tmp LD_PRELOAD=$shim LC_ALL=C.UTF-8 "$styr" validate scenarios/goteborg-2018-2019.yaml \
  --format xlsx -o - > "$tmp/out" 2> "$tmp/err"
rc=$?
check "workbook writer complains of something else: exit 2" test "$rc" = 2
check "workbook writer complains of something else: its first line is the reason" \
  test "$(cat "$tmp/err")" = "standard ut: fel: arbetsboken kan inte skrivas: [ERROR][packager.c:99]: Error adding file to zip."
check "workbook writer complains of something else: nothing written" test ! -s "$tmp/out"
# The same line without a newline at its end (the last thing written) is
# the reason as it is.
STYR_TEST_CLOSE=complain-unended TMPDIR=$tmp LD_PRELOAD=$shim LC_ALL=C.UTF-8 "$styr" validate scenarios/goteborg-2018-2019.yaml \
  --format xlsx -o - > "$tmp/out" 2> "$tmp/err"
rc=$?
check "workbook writer complains without a newline: exit 2" test "$rc" = 2
check "workbook writer complains without a newline: the line is the reason" \
  test "$(cat "$tmp/err")" = "standard ut: fel: arbetsboken kan inte skrivas: [ERROR][packager.c:99]: Error adding file to zip."
# A part that cannot be added to the zip file while errno says memory ran
# out (zlib packing it): libxlsxwriter cannot tell why, errno can, so the
# reason is memory running out, not "Error adding file to xlsx file
# container".
echo old > "$tmp/plan.xlsx"
STYR_TEST_CLOSE=zip-nomem TMPDIR=$tmp LD_PRELOAD=$shim LC_ALL=C.UTF-8 "$styr" convert scenarios/goteborg-2018-2019.yaml -o "$tmp/plan.xlsx" > "$tmp/out" 2> "$tmp/err"
rc=$?
check "a part cannot be packed for memory: exit 2" test "$rc" = 2
check "a part cannot be packed for memory: read as memory running out" \
  grep -qxF "$tmp/plan.xlsx: fel: arbetsboken kan inte skrivas: minnet tog slut" "$tmp/err"
check "a part cannot be packed for memory: -o kept" grep -qx old "$tmp/plan.xlsx"
# Reading a workbook when libzip runs out of memory opening it
# (ZIP_ER_MEMORY): that is said as memory running out, exit 2, not as a
# file that is no .xlsx workbook.
STYR_TEST_ZIP_OPEN=memory LD_PRELOAD=$shim LC_ALL=C.UTF-8 "$styr" validate tests/cli/data/plan-small.xlsx > "$tmp/out" 2> "$tmp/err"
rc=$?
check "libzip out of memory opening a workbook: exit 2" test "$rc" = 2
check "libzip out of memory opening a workbook: read as memory running out" \
  grep -qxF "tests/cli/data/plan-small.xlsx: fel: minnet tog slut" "$tmp/out" "$tmp/err"
# How the child ended decides what is said: an error it sends back is said
# as it is; a crash (SIGSEGV, SIGBUS, SIGABRT) or the kernel's kill is read
# as memory running out; another signal is only named.
run() {   # run HOW [ENV...]: convert with the shim, -o over an old file
  local how=$1
  shift
  echo old > "$tmp/plan.xlsx"
  env STYR_CRASH_WORKBOOK="$how" "$@" TMPDIR="$tmp" LD_PRELOAD="$shim" LC_ALL=C.UTF-8 \
    "$styr" convert scenarios/goteborg-2018-2019.yaml -o "$tmp/plan.xlsx" > "$tmp/out" 2> "$tmp/err"
}
run fail; rc=$?
check "the writer fails without crashing: exit 2" test "$rc" = 2
check "the writer fails without crashing: its own reason, sent from the child" \
  grep -qxF "$tmp/plan.xlsx: fel: arbetsboken kan inte skrivas: Error creating output xlsx file. Usually a permissions error." "$tmp/err"
check "the writer fails without crashing: -o kept" grep -qx old "$tmp/plan.xlsx"
run segv STYR_NO_FORK=0; rc=$?
check "STYR_NO_FORK=0 still writes in a child: a crash is exit 2, said in words" \
  grep -qF "plan.xlsx: fel: arbetsboken kunde inte skrivas: biblioteket libxlsxwriter stannade (signal 11)" "$tmp/err"
run abrt; rc=$?
check "the writer aborts: exit 2" test "$rc" = 2
check "the writer aborts: read as memory running out" \
  grep -qF "plan.xlsx: fel: arbetsboken kunde inte skrivas: biblioteket libxlsxwriter stannade (signal 6), troligen för att minnet tog slut" "$tmp/err"
run term; rc=$?
check "the writer is stopped from outside: exit 2" test "$rc" = 2
check "the writer is stopped from outside: only the signal named" \
  grep -qxF "$tmp/plan.xlsx: fel: arbetsboken kunde inte skrivas: processen som skrev den stoppades (signal 15)" "$tmp/err"
check "the writer is stopped from outside: no temporary file" test -z "$(ls "$tmp" | grep -e '^styr-' -e '\.tmp-')"
run exit; rc=$?
check "the writer exits without a reason: exit 2" test "$rc" = 2
check "the writer exits without a reason: said without a signal" \
  grep -qxF "$tmp/plan.xlsx: fel: arbetsboken kunde inte skrivas" "$tmp/err"
check "the writer exits without a reason: -o kept" grep -qx old "$tmp/plan.xlsx"
# A signal that ends styr while the workbook is being written (^C,
# SIGTERM) removes the half-made replacement of -o; one that styr was started
# with ignored (nohup, a background job) stays ignored: the run goes on.
for how in SIGINT:default SIGTERM:default SIGINT:ignored SIGHUP:ignored; do
  sig=${how%%:*} disp=${how#*:}
  rm -f "$tmp"/plan.xlsx.tmp-*
  echo old > "$tmp/plan.xlsx"
  STYR_CRASH_WORKBOOK=sleep TMPDIR=$tmp LD_PRELOAD=$shim LC_ALL=C.UTF-8 python3 - "$styr" "$tmp/plan.xlsx" "$sig" "$disp" > "$tmp/out" 2> "$tmp/err" <<'PY'
import signal, subprocess, sys, time
styr, out, sig, disp = sys.argv[1:]
sig = getattr(signal, sig)
pre = (lambda: signal.signal(sig, signal.SIG_IGN)) if disp == "ignored" else None
p = subprocess.Popen([styr, "convert", "scenarios/goteborg-2018-2019.yaml", "-o", out], preexec_fn=pre)
time.sleep(0.3)
p.send_signal(sig)
rc = p.wait()
sys.exit(128 - rc if rc < 0 else rc)
PY
  rc=$?
  left=$(ls "$tmp" | grep -c '^plan\.xlsx\.tmp-')
  if [ "$disp" = default ]; then
    check "$sig while writing: styr ends by it" test "$rc" = "$((128 + $(kill -l "$sig")))"
    check "$sig while writing: the replacement of -o is removed" test "$left" = 0
  else
    check "$sig ignored while writing: the run goes on to its end (exit 2, the child's crash)" test "$rc" = 2
    check "$sig ignored while writing: says so" \
      grep -qF "plan.xlsx: fel: arbetsboken kunde inte skrivas: biblioteket libxlsxwriter stannade (signal 11)" "$tmp/err"
  fi
  check "$sig $disp while writing: -o kept" grep -qx old "$tmp/plan.xlsx"
done
exit $failed
