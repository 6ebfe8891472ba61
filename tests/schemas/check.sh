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
#     scenario-) picks the schema.
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

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
