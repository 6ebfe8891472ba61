#!/usr/bin/env bash
# Checks the JSON Schemas in schemas/ (editor support for styr's input files)
# with a real validator, ajv-cli (with ajv-errors for the `errorMessage`
# keyword that the date definitions carry for editors):
#   - every schema compiles (ajv compile, strict mode, JSON Schema draft-07:
#     the draft yaml-language-server supports);
#   - every bundled file in scenarios/ and every fixture in
#     rules/goteborg/tests/ marked `# styr-test: quiet *` is valid against the
#     schema of its `kind`;
#   - every known-bad file in tests/schemas/bad/ is rejected, for the reason
#     its `# schema-test: rejects TEXT` line names (TEXT must appear in ajv's
#     error text). The file name's start (action-plan-, innovation-areas-,
#     scenario-) picks the schema;
#   - the output schemas (schemas/output-COMMAND.schema.json): every golden
#     of a `--format json` command line in tests/cli/cases is valid against
#     the schema of its command (validate, score, sensitivity, budget,
#     followup, diff, rules list), and a golden with no schema for its
#     command fails; and
#     mutated copies of goldens (a misspelt key, an unknown severity, a
#     missing summary, spread sampling without its spread, a share above 1)
#     are rejected.
# Prints one line per file and ends with "N passed, M failed"; exits 1 on any
# failure (setup failures included).
#
# ajv-cli reads YAML itself, but with js-yaml 3 (YAML 1.1), which turns an
# unquoted 2018-01-01 into a Date and so fails every date. styr reads YAML 1.2
# (core schema), so the files are converted to JSON here with the `yaml`
# package (YAML 1.2 core schema, as styr and yaml-language-server read them).
#
# The tools are installed once, pinned, into build-npm/ (tests/npm_tools.sh).
# usage: tests/schemas/check.sh
set -uo pipefail

AJV_CLI_VERSION=5.0.0
AJV_VERSION=8.20.0       # ajv-cli 5 depends on ajv ^8; pinned here too
AJV_ERRORS_VERSION=3.0.0 # the errorMessage keyword, which yaml-language-server shows too
YAML_VERSION=2.9.1

root=$(cd "$(dirname "$0")/../.." && pwd)
prefix=$root/build-npm
cd "$root" || exit 1

die() { echo "schemas: $*" >&2; exit 1; }

. "$root/tests/npm_tools.sh"
ensure_node schemas
ensure_packages schemas "ajv-cli@$AJV_CLI_VERSION" "ajv@$AJV_VERSION" "ajv-errors@$AJV_ERRORS_VERSION" "yaml@$YAML_VERSION"
ajv=$prefix/node_modules/.bin/ajv
[ -x "$ajv" ] || die "no ajv at $ajv after npm install"
ajv_opts=(--spec=draft7 --strict=true --allow-union-types --all-errors -c ajv-errors)

tmp=$(mktemp -d) || die "mktemp failed"
trap 'rm -rf "$tmp"' EXIT

passed=0 failed=0
pass() { passed=$((passed + 1)); printf 'PASS  %s\n' "$*"; }
fail() { failed=$((failed + 1)); printf 'FAIL  %s\n' "$*"; }

# --- the schemas compile ----------------------------------------------------
for s in schemas/*.schema.json; do
  if out=$("$ajv" compile -s "$s" "${ajv_opts[@]}" 2>&1); then
    pass "$s (compiles)"
  else
    fail "$s (does not compile)"; printf '%s\n' "$out" | sed 's/^/      /'
  fi
done

# --- the files --------------------------------------------------------------
good=(scenarios/*.yaml)
for f in rules/goteborg/tests/*.yaml; do
  grep -Eq '^#[[:space:]]*styr-test:.*[[:space:]]quiet[[:space:]]+\*([[:space:]]|$)' "$f" && good+=("$f")
done
bad=(tests/schemas/bad/*.yaml)

# YAML -> JSON, all files in one node run. Prints "FILE<TAB>kind" or
# "FILE<TAB>!message" per file. Merge keys (<<) are resolved as styr does;
# .nan and .inf become strings so that a number field rejects them.
i=0
args=()
for f in "${good[@]}" "${bad[@]}"; do
  args+=("$f" "$tmp/$i.json"); i=$((i + 1))
done
YAML_MODULE="$prefix/node_modules/yaml" node -e '
const fs = require("fs");
const YAML = require(process.env.YAML_MODULE);
const a = process.argv.slice(1);
for (let i = 0; i < a.length; i += 2) {
  try {
    const docs = YAML.parseAllDocuments(fs.readFileSync(a[i], "utf8"), {merge: true, uniqueKeys: true});
    if (docs.length !== 1) throw new Error(docs.length + " YAML documents (one expected)");
    const d = docs[0];
    if (d.errors.length) throw d.errors[0];
    const v = d.toJS({maxAliasCount: 1000});
    fs.writeFileSync(a[i + 1], JSON.stringify(v, (k, x) =>
      typeof x === "number" && !Number.isFinite(x) ? String(x) : x));
    console.log(a[i] + "\t" + (v && typeof v === "object" && typeof v.kind === "string" ? v.kind : "?"));
  } catch (e) {
    console.log(a[i] + "\t!" + String(e.message).split("\n")[0]);
  }
}' "${args[@]}" > "$tmp/kinds.tsv" || die "the YAML to JSON conversion failed"

declare -A kind_of
while IFS=$'\t' read -r f k; do kind_of[$f]=$k; done < "$tmp/kinds.tsv"

i=0
for f in "${good[@]}"; do
  json=$tmp/$i.json; i=$((i + 1))
  k=${kind_of[$f]:-!not converted}
  case $k in
    !*) fail "$f (YAML: ${k#!})"; continue ;;
  esac
  schema=schemas/$k.schema.json
  [ -f "$schema" ] || { fail "$f (no schema for kind '$k')"; continue; }
  if out=$("$ajv" validate -s "$schema" -d "$json" "${ajv_opts[@]}" --errors=text 2>&1); then
    pass "$f (valid $k)"
  else
    fail "$f (invalid $k)"; printf '%s\n' "$out" | grep -v ' invalid$' | sed 's/^/      /'
  fi
done

for f in "${bad[@]}"; do
  json=$tmp/$i.json; i=$((i + 1))
  k=${kind_of[$f]:-!not converted}
  case $k in
    !*) fail "$f (YAML: ${k#!}; a bad file must still be YAML)"; continue ;;
  esac
  base=${f##*/}
  case $base in
    action-plan-*) schema=schemas/action-plan.schema.json ;;
    innovation-areas-*) schema=schemas/innovation-areas.schema.json ;;
    scenario-*) schema=schemas/scenario.schema.json ;;
    *) fail "$f (name must start with action-plan-, innovation-areas- or scenario-)"; continue ;;
  esac
  want=$(sed -n 's/^#[[:space:]]*schema-test:[[:space:]]*rejects[[:space:]]*//p' "$f" | head -1)
  [ -n "$want" ] || { fail "$f (no '# schema-test: rejects TEXT' line)"; continue; }
  if out=$("$ajv" validate -s "$schema" -d "$json" "${ajv_opts[@]}" --errors=text 2>&1); then
    fail "$f (accepted; expected rejection: $want)"
  elif grep -qF -- "$want" <<<"$out"; then
    pass "$f (rejected: $want)"
  else
    fail "$f (rejected, but not for: $want)"; printf '%s\n' "$out" | grep -v ' invalid$' | sed 's/^/      /'
  fi
done

# --- the output schemas against the goldens ----------------------------------
# A golden's .out is stdout and stderr, and a .post may add a header line
# (the file -o wrote): the JSON is from the first line that starts with "{"
# to the last that ends with "}".
extract_json='
const fs = require("fs");
const lines = fs.readFileSync(process.argv[1], "utf8").split("\n");
const a = lines.findIndex(l => l.startsWith("{"));
let b = lines.length - 1;
while (b >= 0 && !lines[b].endsWith("}")) b--;
if (a < 0 || b < a) { console.error("no JSON object in " + process.argv[1]); process.exit(1); }
fs.writeFileSync(process.argv[2], JSON.stringify(JSON.parse(lines.slice(a, b + 1).join("\n"))));
'
nout=0
for args in tests/cli/cases/*.args; do
  grep -Eq -- '--format[ =]json' "$args" || continue
  [ "$(cat "${args%.args}.code")" = 2 ] && continue   # a usage error: no JSON to check
  cmd=$(awk '{print $1 == "rules" ? "rules-" $2 : $1; exit}' "$args")   # rules list -> rules-list
  name=${args%.args}
  schema=schemas/output-$cmd.schema.json
  json=$tmp/out-$nout.json; nout=$((nout + 1))
  if [ ! -f "$schema" ]; then fail "$name.out (no output schema for '$cmd')"; continue; fi
  if ! node -e "$extract_json" "$name.out" "$json" 2>"$tmp/err.txt"; then fail "$name.out (not JSON: $(head -1 "$tmp/err.txt"))"; continue; fi
  if out=$("$ajv" validate -s "$schema" -d "$json" "${ajv_opts[@]}" --errors=text 2>&1); then
    pass "$name.out (valid ${schema##*/})"
  else
    fail "$name.out (invalid ${schema##*/})"; printf '%s\n' "$out" | grep -v ' invalid$' | sed 's/^/      /'
  fi
done
[ "$nout" -ge 8 ] || fail "only $nout JSON goldens found (expected at least 8)"

# budget, followup and diff are specified (FORMATS.md sections 11-13) before
# they are built: an example shaped as the specification says (made up,
# illustrative) must pass, so the schemas are ready for their goldens.
for ex in tests/schemas/output-examples/*.json; do
  cmd=$(basename "$ex" .json)
  if out=$("$ajv" validate -s "schemas/output-$cmd.schema.json" -d "$ex" "${ajv_opts[@]}" --errors=text 2>&1); then
    pass "$ex (valid output-$cmd.schema.json)"
  else
    fail "$ex (invalid output-$cmd.schema.json)"; printf '%s\n' "$out" | grep -v ' invalid$' | sed 's/^/      /'
  fi
done

# Mutated goldens: SCHEMA GOLDEN JS-MUTATION WHAT-AJV-SAYS
mutations=(
  "validate|validate-plan-json|j.files[0].sumary = j.files[0].summary; delete j.files[0].summary|must have required property 'summary'"
  "validate|validate-plan-json|j.files[0].findings[0].severity = 'fatal'|must be equal to one of the allowed values"
  "validate|validate-plan-json|j.files[0].findings[0].extra = 1|must NOT have additional properties"
  "validate|validate-waived-json|for (const f of j.files[0].findings) delete f.waiver_reason|must have property waiver_reason when property waived is present"
  "validate|validate-duplicate-key|j.files[0].failed = false|must be equal to constant"
  "score|score-bundled-en-json|j.scenarios[0].weights.cost = 1.5|must be <= 1"
  "score|score-bundled-en-json|j.scenarios[0].ranking[0].rank = 0|must be >= 1"
  "score|score-bundled-en-json|j.scenarios[0].method = 'electre'|must be equal to one of the allowed values"
  "sensitivity|sensitivity-spread-json|delete j.spread|must have required property 'spread'"
  "sensitivity|sensitivity-spread-json|j.rank_acceptability[Object.keys(j.rank_acceptability)[0]][0] = -0.1|must be >= 0"
  "budget|tests/schemas/output-examples/budget.json|delete j.years[0].sek.own|must have required property 'own'"
  "followup|tests/schemas/output-examples/followup.json|j.actions[0].status = 'late'|must be equal to one of the allowed values"
  "diff|tests/schemas/output-examples/diff.json|j.actions.renumbered[0] = {from: '2.3'}|must have required property 'to'"
)
for m in "${mutations[@]}"; do
  IFS='|' read -r cmd golden js want <<<"$m"
  json=$tmp/mut-$nout.json; nout=$((nout + 1))
  case $golden in
    */*) cp "$golden" "$json" ;;   # an example file
    *) node -e "$extract_json" "tests/cli/cases/$golden.out" "$json" || { fail "$golden (mutation: cannot read)"; continue; } ;;
  esac
  node -e 'const fs=require("fs"); const j=JSON.parse(fs.readFileSync(process.argv[1])); '"$js"'; fs.writeFileSync(process.argv[1], JSON.stringify(j));' "$json"
  if out=$("$ajv" validate -s "schemas/output-$cmd.schema.json" -d "$json" "${ajv_opts[@]}" --errors=text 2>&1); then
    fail "$golden with '$js' (accepted; expected: $want)"
  elif grep -qF -- "$want" <<<"$out"; then
    pass "$golden with '$js' (rejected: $want)"
  else
    fail "$golden with '$js' (rejected, but not for: $want)"; printf '%s\n' "$out" | grep -v ' invalid$' | head -3 | sed 's/^/      /'
  fi
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
