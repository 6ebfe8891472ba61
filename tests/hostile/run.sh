#!/usr/bin/env bash
# Hostile inputs and hostile rules, each run within a time and memory bound.
#
#   tests/hostile/run.sh STYR
#
# Runs every case of inputs/MANIFEST and rules/MANIFEST (see README.md) from
# the repository root, each under `ulimit -t` (20 s of CPU), `ulimit -v`
# (256 MB) and `timeout` (300 s of wall clock, for a case that hangs idle),
# checks its exit code and message fragments, prints one line per case
# (PASS, FAIL, KNOWN for a case marked known-bug that still fails, SKIP) and
# finally "N passed, M failed". Exits 1 if any case failed.
#
# Environment:
#   STYR_HOSTILE_CPU=S         CPU seconds per case (default 20; sanitizer builds need
#                              more). A backstop only: every case is bounded by styr's
#                              own limits, counted in work (instructions, bytes, nodes)
#                              or in CPU time (--max-rule-seconds), and uses at most a
#                              few seconds of CPU. CPU time, not the clock: on a busy
#                              machine (ctest -j4 on two cores beside other work) a case
#                              that needs 4 s of CPU took 16 s and more of wall clock.
#   STYR_HOSTILE_TIMEOUT=S     wall-clock seconds per case (default 300), for a case that
#                              hangs without using CPU (a sleep, a blocked read).
#   STYR_HOSTILE_NO_ULIMIT=1   no memory bound (AddressSanitizer reserves terabytes
#                              of virtual memory); cases marked needs-ulimit are skipped
#   STYR_HOSTILE_ONLY=REGEX    run only the cases whose label matches REGEX
#   STYR_HOSTILE_VERBOSE=1     show the output of every failing case in full
set -u

if [ $# -ne 1 ] || [ ! -x "$1" ]; then
  echo "usage: $0 STYR   (the styr binary to test)" >&2
  exit 2
fi
styr=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root" || exit 2

cpu_s=${STYR_HOSTILE_CPU:-20}
limit_s=${STYR_HOSTILE_TIMEOUT:-300}
no_ulimit=${STYR_HOSTILE_NO_ULIMIT:-0}
only=${STYR_HOSTILE_ONLY:-}
verbose=${STYR_HOSTILE_VERBOSE:-0}
mem_kb=262144          # 256 MB of virtual memory
out_kb=262144          # at most 256 MB of output per case

tmp=$(mktemp -d "${TMPDIR:-/tmp}/styr-hostile.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/gen" "$tmp/rules"

passed=0 failed=0 known=0 skipped=0

# ---- test-time inputs -------------------------------------------------------

# gen_input NAME: the path of the generated input NAME (made once per run).
gen_input() {
  local f="$tmp/gen/$1.yaml"
  if [ ! -e "$f" ]; then
    "$here/gen.sh" "$1" "$f" || { rm -f "$f"; return 1; }
  fi
  printf '%s\n' "$f"
}

# rules_dir NAME: the ruleset folder to pass to --rules. A folder holding
# X.lua.src gets a temporary copy in which X.lua is that source compiled to a
# binary (precompiled) chunk: binary files are made here, not committed.
# A folder holding make.sh gets a temporary copy in which make.sh runs (from
# that copy): for what cannot be committed - FIFOs, links to devices, big or
# many files.
rules_dir() {
  local src="tests/hostile/rules/$1" s
  if ! compgen -G "$src/*.lua.src" >/dev/null && [ ! -e "$src/make.sh" ]; then
    printf '%s\n' "$src"
    return 0
  fi
  local dst="$tmp/rules/$1"
  if [ -e "$src/make.sh" ]; then
    if [ ! -d "$dst" ]; then
      mkdir -p "$dst" && cp -r "$src"/. "$dst"/ && (cd "$dst" && bash ./make.sh) >/dev/null || return 1
    fi
    printf '%s\n' "$dst"
    return 0
  fi
  if [ ! -d "$dst" ]; then
    mkdir -p "$dst" && cp "$src"/* "$dst"/ || return 1
    for s in "$dst"/*.lua.src; do
      local out=${s%.src}
      if command -v luac5.4 >/dev/null 2>&1; then
        luac5.4 -s -o "$out" "$s" || return 1
      elif command -v lua5.4 >/dev/null 2>&1; then
        lua5.4 -e "local f = assert(io.open(arg[1], 'rb')); local c = assert(load(f:read('a'), '=rule')); f:close()
                   f = assert(io.open(arg[2], 'wb')); f:write(string.dump(c, true)); f:close()" "$s" "$out" || return 1
      else
        # No Lua compiler: the header of a Lua 5.4 binary chunk, then junk.
        printf '\033Lua\124\000\031\223\r\n\032\n\004\010\010junk' > "$out"
      fi
    done
  fi
  printf '%s\n' "$dst"
}

# ---- one case ---------------------------------------------------------------

# report_case LABEL KNOWN STATUS REASON [SEVERE]: prints the verdict and
# counts it. SEVERE=1 (a crash, a timeout, a sanitizer report) is a FAIL even
# for a case marked known-bug: the mark records a wrong answer, never a crash.
report_case() {
  local label=$1 is_known=$2 ok=$3 reason=$4 severe=${5:-0}
  [ "$severe" = 1 ] && [ "$is_known" = 1 ] && { is_known=0; reason="$reason (a crash or timeout fails even a known-bug case)"; }
  if [ "$ok" = skip ]; then
    echo "SKIP $label: $reason"
    skipped=$((skipped + 1))
  elif [ "$ok" = 1 ]; then
    if [ "$is_known" = 1 ]; then
      echo "PASS $label (marked known-bug but passes here: if it passes in the normal build too, remove the mark)"
    else
      echo "PASS $label"
    fi
    passed=$((passed + 1))
  elif [ "$is_known" = 1 ]; then
    echo "KNOWN $label: $reason"
    known=$((known + 1))
  else
    echo "FAIL $label: $reason"
    failed=$((failed + 1))
    if [ "$verbose" = 1 ]; then
      sed 's/^/    | /' "$tmp/out" | head -c 20000
    else
      head -n 5 "$tmp/out" | cut -c1-300 | sed 's/^/    | /'
    fi
  fi
}

# run_case LABEL EXPECTED_EXIT FRAGMENTS FLAGS -- COMMAND...
#   FRAGMENTS: checks joined by " && "; "!TEXT" means TEXT must not appear.
#   FLAGS: words among known-bug, noline, needs-ulimit.
run_case() {
  local label=$1 want=$2 frags=$3 flags=" $4 "
  shift 5
  local is_known=0 ok=1 reason="" rc
  [[ $flags == *" known-bug "* ]] && is_known=1
  if [ -n "$only" ] && ! [[ $label =~ $only ]]; then return; fi
  if [ "$no_ulimit" = 1 ] && [[ $flags == *" needs-ulimit "* ]]; then
    report_case "$label" "$is_known" skip "needs the memory bound (STYR_HOSTILE_NO_ULIMIT is set)"
    return
  fi
  # (The braces keep bash's own "File size limit exceeded" notice quiet.)
  {
    (
      [ "$no_ulimit" = 1 ] || ulimit -v "$mem_kb"
      ulimit -f "$out_kb"
      # SIGXCPU at the bound (said as such); SIGKILL two seconds later
      ulimit -H -t "$((cpu_s + 2))"; ulimit -S -t "$cpu_s"
      exec env NO_COLOR=1 timeout -k 1 "$limit_s" "$@"
    ) > "$tmp/out" 2>&1 < /dev/null
  } 2>/dev/null
  rc=$?

  local why=() severe=0
  case $rc in
    124) why+=("timed out after ${limit_s}s"); severe=1 ;;
    137) why+=("killed (SIGKILL) after the time limit"); severe=1 ;;
    152) why+=("killed by SIGXCPU: more than ${cpu_s}s of CPU"); severe=1 ;;
    153) why+=("killed by SIGXFSZ: more than $((out_kb / 1024)) MB of output"); severe=1 ;;
  esac
  if [ "$rc" != "$want" ]; then
    why+=("exit $rc, expected $want")
    if [ "$rc" -gt 128 ] && [ "$rc" -lt 160 ] && [ "$rc" != 137 ] && [ "$rc" != 153 ]; then
      why+=("(signal $((rc - 128)): a crash?)")
      severe=1
    fi
  fi
  # Sanitizer reports fail a case whatever its exit code.
  if grep -a -q -E 'ERROR: (Address|Leak|Memory|Thread)Sanitizer|runtime error:' "$tmp/out"; then
    why+=("sanitizer report: $(grep -a -m1 -E 'ERROR: [A-Za-z]+Sanitizer|runtime error:' "$tmp/out" | cut -c1-200)")
    severe=1
  fi
  local f rest=$frags
  while [ -n "$rest" ]; do
    f=${rest%% && *}
    if [ "$f" = "$rest" ]; then rest=""; else rest=${rest#* && }; fi
    [ -z "$f" ] && continue
    if [ "${f:0:1}" = "!" ]; then
      if grep -a -q -F -- "${f:1}" "$tmp/out"; then why+=("output has '${f:1}'"); fi
    elif ! grep -a -q -F -- "$f" "$tmp/out"; then
      why+=("no '$f' in the output")
    fi
  done
  # Every message about a problem carries file:line (and column where there
  # is one), unless the case says it is about the whole file (noline).
  if [[ $flags != *" noline "* ]]; then
    local bare
    bare=$(grep -a -E ': (error|warning|fel|varning): ' "$tmp/out" |
           grep -a -v -E ':[0-9]+(:[0-9]+)?: (error|warning|info|fel|varning|info): ' | head -n 1 | cut -c1-200)
    [ -n "$bare" ] && why+=("a message without file:line: $bare")
  fi
  if [ ${#why[@]} -gt 0 ]; then
    ok=0
    reason=$(printf '%s; ' "${why[@]}")
    reason=${reason%; }
  fi
  report_case "$label" "$is_known" "$ok" "$reason" "$severe"
}

# read_manifest FILE: prints each case as LABEL\tEXIT\tFRAGMENTS\tREST.
read_manifest() {
  grep -v -E '^[[:space:]]*(#|$)' "$1"
}

# split_rest REST: sets flags (known-bug, noline, needs-ulimit) and args (the rest).
split_rest() {
  flags="" args=()
  local w
  for w in $1; do
    case $w in
      known-bug|noline|needs-ulimit) flags+="$w " ;;
      *) args+=("$w") ;;
    esac
  done
}

# ---- inputs/MANIFEST ----------------------------------------------------------

while IFS=$'\t' read -r label want frags rest; do
  spec=${label%%#*}          # NAME#variant: the same input with other arguments
  split_rest "${rest:-}"
  mode=validate
  case $spec in
    score:*) mode=score; spec=${spec#score:} ;;
    scenario:*) mode=scenario; spec=${spec#scenario:} ;;
    followup:*) mode=followup; spec=${spec#followup:} ;;
    diff:*) mode=diff; spec=${spec#diff:} ;;
  esac
  if [[ $spec == gen:* ]]; then
    if ! file=$(gen_input "${spec#gen:}"); then
      report_case "$label" 0 0 "gen.sh could not make '${spec#gen:}'"
      continue
    fi
  else
    file=tests/hostile/inputs/$spec
    if [ ! -e "$file" ]; then
      report_case "$label" 0 0 "no such input: $file"
      continue
    fi
  fi
  case $mode in
    validate) cmd=("$styr" validate "$file" --lang en) ;;
    score) cmd=("$styr" score "$file" --scenario scenarios/balanserad.yaml --lang en) ;;
    scenario) cmd=("$styr" score scenarios/goteborg-areas.yaml --scenario "$file" --lang en) ;;
    followup) cmd=("$styr" followup "$file" --lang en) ;;
    diff) cmd=("$styr" diff scenarios/goteborg-2018-2019.yaml "$file" --lang en) ;;
  esac
  run_case "$label" "$want" "$frags" "$flags" -- "${cmd[@]}" ${args[@]+"${args[@]}"}
done < <(read_manifest "$here/inputs/MANIFEST")

# ---- rules/MANIFEST -----------------------------------------------------------

while IFS=$'\t' read -r label want frags rest; do
  name=${label%%#*}
  split_rest "${rest:-}"
  if [ ! -d "tests/hostile/rules/$name" ]; then
    report_case "rules/$label" 0 0 "no such ruleset: tests/hostile/rules/$name"
    continue
  fi
  if ! dir=$(rules_dir "$name"); then
    report_case "rules/$label" 0 0 "could not prepare the ruleset"
    continue
  fi
  # gen:NAME among the arguments: the generated input NAME (gen.sh), e.g. a
  # plan large enough for two cores.
  for i in ${args[@]+"${!args[@]}"}; do
    if [[ ${args[$i]} == gen:* ]]; then
      args[$i]=$(gen_input "${args[$i]#gen:}") || { report_case "rules/$label" 0 0 "gen.sh could not make '${args[$i]}'"; continue 2; }
    fi
  done
  if [[ " ${args[*]-} " == *" rules-test "* ]]; then
    # `styr rules test` over the ruleset's own fixtures instead of validate.
    rest_args=()
    for w in ${args[@]+"${args[@]}"}; do [ "$w" = rules-test ] || rest_args+=("$w"); done
    run_case "rules/$label" "$want" "$frags" "$flags" -- \
      "$styr" rules test --rules "$dir" --lang en ${rest_args[@]+"${rest_args[@]}"}
    continue
  fi
  run_case "rules/$label" "$want" "$frags" "$flags" -- \
    "$styr" validate rules/goteborg/tests/clean.yaml --rules "$dir" --lang en ${args[@]+"${args[@]}"}
done < <(read_manifest "$here/rules/MANIFEST")

[ "$known" -gt 0 ] || [ "$skipped" -gt 0 ] && echo "($known known bugs, $skipped skipped)"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
