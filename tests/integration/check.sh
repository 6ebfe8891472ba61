#!/usr/bin/env bash
# Runs the pipeline and editor examples of docs/integration.md for real:
#   - .pre-commit-hooks.yaml with pre-commit itself (Debian: pre-commit) on a
#     temporary git repository: `pre-commit try-repo` passes a clean plan,
#     fails a plan with an error (naming the rule), and leaves a CI file
#     outside plans/ alone; then the hook installed from this repository's
#     HEAD stops a `git commit` of a bad plan and lets a good one through;
#   - the GitHub Actions workflow (docs/examples/github-workflow.yml): the
#     run script of its "Validate every plan" step, taken from the YAML, runs
#     in a temporary repository with GITHUB_STEP_SUMMARY set; it writes
#     annotations, the summary and styr.sarif (the file the upload step
#     names), leaves waived findings out of the SARIF, and exits as validate
#     does;
#   - the GitLab CI job (docs/examples/gitlab-ci.yml): its script writes
#     styr-junit.xml (the artifact report it names), valid against the Ant
#     and Jenkins schemas, and exits as validate does;
#   - the VS Code settings (docs/examples/vscode-settings.json): every schema
#     they name exists (the install prefix mapped to schemas/), and each
#     bundled file put in the folder of its kind matches exactly one glob,
#     that of its kind's schema.
# styr is put first on PATH as `styr` (the binary under test).
# usage: tests/integration/check.sh STYR
set -uo pipefail
[ $# -eq 1 ] || { echo "usage: $0 STYR" >&2; exit 1; }
root=$(cd "$(dirname "$0")/../.." && pwd)
styr_bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$root" || exit 1
prefix=$root/build-npm
die() { echo "integration: $*" >&2; exit 1; }
. "$root/tests/npm_tools.sh"
ensure_node integration
ensure_packages integration "yaml@2.9.1"
command -v pre-commit >/dev/null || die "pre-commit is missing (Debian: apt-get install pre-commit)"
command -v xmllint >/dev/null || die "xmllint is missing (Debian: libxml2-utils)"

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/bin"
ln -s "$styr_bin" "$tmp/bin/styr"
export PATH="$tmp/bin:$PATH"
export PRE_COMMIT_HOME=$tmp/pre-commit-cache
export GIT_CONFIG_NOSYSTEM=1 HOME=$tmp/home
mkdir -p "$HOME"
git config --global user.name "styr test"
git config --global user.email "test@styr.invalid"
git config --global init.defaultBranch main
git config --global --add safe.directory '*'

passed=0 failed=0
pass() { passed=$((passed + 1)); printf 'PASS  %s\n' "$*"; }
fail() { failed=$((failed + 1)); printf 'FAIL  %s\n' "$*"; }

clean=rules/goteborg/tests/clean.yaml        # no finding
bad=rules/goteborg/tests/owner-unknown.yaml  # action.owner.unknown (an error)
waived=rules/goteborg/tests/waiver-applied.yaml

# A plan repository: plans/, and a CI file that is not styr's.
new_repo() {
  rm -rf "$1"; mkdir -p "$1/plans" "$1/.github/workflows"
  (cd "$1" && git init -q)
  printf 'name: other\non: push\n' > "$1/.github/workflows/other.yml"
}

# ---- pre-commit --------------------------------------------------------
repo=$tmp/pc
new_repo "$repo"
cp "$clean" "$repo/plans/clean.yaml"
(cd "$repo" && git add -A)
if out=$(cd "$repo" && pre-commit try-repo "$root" styr-validate --all-files 2>&1); then
  pass "pre-commit try-repo: a clean plan and a foreign CI file pass"
else
  fail "pre-commit try-repo on a clean plan"; printf '%s\n' "$out" | tail -15 | sed 's/^/      /'
fi
cp "$bad" "$repo/plans/bad.yaml"
(cd "$repo" && git add -A)
if out=$(cd "$repo" && pre-commit try-repo "$root" styr-validate --all-files 2>&1); then
  fail "pre-commit try-repo passed a plan with an error"
elif grep -q 'action.owner.unknown' <<<"$out" && grep -q 'plans/bad.yaml' <<<"$out"; then
  pass "pre-commit try-repo: a plan with an error fails, naming file and rule"
else
  fail "pre-commit try-repo failed without naming the finding"; printf '%s\n' "$out" | tail -15 | sed 's/^/      /'
fi

# Installed as a plan repository would: .pre-commit-config.yaml naming this
# repository at HEAD (the hooks file must be committed there).
rev=$(git -C "$root" rev-parse HEAD)
if git -C "$root" cat-file -e "$rev:.pre-commit-hooks.yaml" 2>/dev/null; then
  repo=$tmp/pc2
  new_repo "$repo"
  cat > "$repo/.pre-commit-config.yaml" <<YAML
repos:
  - repo: $root
    rev: $rev
    hooks:
      - id: styr-validate
YAML
  (cd "$repo" && pre-commit install >/dev/null 2>&1 && git add .pre-commit-config.yaml .github && git commit -qm setup >/dev/null 2>&1)
  [ -x "$repo/.git/hooks/pre-commit" ] || fail "pre-commit install wrote no hook"
  cp "$bad" "$repo/plans/bad.yaml"
  if out=$(cd "$repo" && git add plans && git commit -qm "bad plan" 2>&1); then
    fail "git commit of a plan with an error went through the hook"
  elif grep -q 'action.owner.unknown' <<<"$out"; then
    pass "installed hook: git commit of a plan with an error is stopped (action.owner.unknown)"
  else
    fail "installed hook: commit stopped, but not by styr"; printf '%s\n' "$out" | tail -10 | sed 's/^/      /'
  fi
  (cd "$repo" && git rm -q --cached plans/bad.yaml && rm plans/bad.yaml)
  cp "$clean" "$repo/plans/clean.yaml"
  if out=$(cd "$repo" && git add plans && git commit -qm "clean plan" 2>&1); then
    pass "installed hook: git commit of a clean plan goes through"
  else
    fail "installed hook stopped a clean plan"; printf '%s\n' "$out" | tail -10 | sed 's/^/      /'
  fi
else
  fail "HEAD has no .pre-commit-hooks.yaml (commit it first)"
fi

# ---- a step or job script out of a CI file -------------------------------
# extract FILE KIND NAME: KIND github -> the run: of the step named NAME;
# gitlab -> the script: lines of the job NAME joined.
extract='
const fs = require("fs");
const YAML = require(process.env.YAML_MODULE);
const [file, kind, name] = process.argv.slice(1);
const doc = YAML.parse(fs.readFileSync(file, "utf8"));
let script;
if (kind === "github") {
  for (const job of Object.values(doc.jobs))
    for (const step of job.steps) if (step.name === name) script = step.run;
} else {
  script = [].concat(doc[name].script).join("\n");
}
if (!script) { console.error("no " + name + " in " + file); process.exit(1); }
process.stdout.write(script);
'
export YAML_MODULE=$prefix/node_modules/yaml

# ---- GitHub Actions ------------------------------------------------------
wf=docs/examples/github-workflow.yml
node -e "$extract" "$wf" github "Validate every plan" > "$tmp/gh-step.sh" || fail "$wf: no 'Validate every plan' step"
sarif_named=$(node -e '
const YAML = require(process.env.YAML_MODULE);
const d = YAML.parse(require("fs").readFileSync(process.argv[1], "utf8"));
const steps = Object.values(d.jobs)[0].steps;
const up = steps.find(s => (s.uses || "").startsWith("github/codeql-action/upload-sarif@"));
if (!up || d.permissions["security-events"] !== "write") process.exit(1);
console.log(up.with.sarif_file);' "$wf") || fail "$wf: no upload-sarif step with security-events: write"
run_gh() {   # REPO -> exit code of the step; output in $tmp/gh.out
  (cd "$1" && GITHUB_STEP_SUMMARY=$tmp/summary.md GITHUB_ACTIONS=true bash -e "$tmp/gh-step.sh") > "$tmp/gh.out" 2>&1
}
repo=$tmp/gh
new_repo "$repo"
cp "$clean" "$repo/plans/clean.yaml"
cp "$waived" "$repo/plans/waived.yaml"
: > "$tmp/summary.md"
run_gh "$repo"; rc=$?
if [ $rc -eq 0 ] && [ -s "$repo/$sarif_named" ] && grep -q '^## styr' "$tmp/summary.md"; then
  pass "workflow step: clean and waived plans exit 0, write $sarif_named and the step summary"
else
  fail "workflow step on clean plans: exit $rc"; sed 's/^/      /' "$tmp/gh.out" | head -10
fi
# The plans have no error; the waived one's finding (action.owner.missing on
# 2.1) must be left out, whatever info findings remain.
if node -e 'const s=JSON.parse(require("fs").readFileSync(process.argv[1]));const r=s.runs[0].results;process.exit(!r.some(x=>x.ruleId==="action.owner.missing"||x.level==="error"||(x.suppressions||[]).length)&&s.runs[0].artifacts.length===2?0:1)' "$repo/$sarif_named"; then
  pass "workflow step: the waived finding is not in the SARIF (--sarif-waived=omit); both plans are artifacts"
else
  fail "workflow step: SARIF holds a waived finding or misses a plan"
fi
if grep -q 'other.yml' "$repo/$sarif_named" "$tmp/gh.out"; then fail "workflow step validated a file that is not a plan"; else pass "workflow step: a YAML file that is not a plan is left alone"; fi
cp "$bad" "$repo/plans/bad.yaml"
: > "$tmp/summary.md"
run_gh "$repo"; rc=$?
if [ $rc -eq 1 ] && grep -q '^::error file=./plans/bad.yaml,line=[0-9]*,col=[0-9]*,title=action.owner.unknown::' "$tmp/gh.out" &&
   grep -q 'action.owner.unknown' "$repo/$sarif_named" && grep -q 'action.owner.unknown' "$tmp/summary.md"; then
  pass "workflow step: a plan with an error exits 1 with its annotation, SARIF result and summary row"
else
  fail "workflow step on a bad plan: exit $rc"; sed 's/^/      /' "$tmp/gh.out" | head -10
fi
repo=$tmp/gh-empty
new_repo "$repo"
if run_gh "$repo" && grep -q '^::notice title=styr::no action plan' "$tmp/gh.out"; then
  pass "workflow step: a repository without plans passes with a notice"
else
  fail "workflow step without plans"; sed 's/^/      /' "$tmp/gh.out" | head -5
fi

# ---- GitLab CI ------------------------------------------------------------
gl=docs/examples/gitlab-ci.yml
node -e "$extract" "$gl" gitlab styr > "$tmp/gl-job.sh" || fail "$gl: no styr job"
report=$(node -e '
const YAML = require(process.env.YAML_MODULE);
const d = YAML.parse(require("fs").readFileSync(process.argv[1], "utf8"));
console.log(d.styr.artifacts.reports.junit);' "$gl")
repo=$tmp/gl
new_repo "$repo"
cp "$clean" "$repo/plans/clean.yaml"
cp "$bad" "$repo/plans/bad.yaml"
(cd "$repo" && bash -e "$tmp/gl-job.sh") > "$tmp/gl.out" 2>&1; rc=$?
if [ $rc -eq 1 ] && [ -s "$repo/$report" ] &&
   xmllint --noout --schema tests/junit/ant-junit.xsd "$repo/$report" 2>/dev/null &&
   xmllint --noout --schema tests/junit/jenkins-junit-10.xsd "$repo/$report" 2>/dev/null &&
   grep -q 'classname="action.owner.unknown" name="2.1 owner"' "$repo/$report"; then
  pass "GitLab job: exits 1 on an error and writes $report (valid Ant and Jenkins JUnit, the finding as rule + action/field)"
else
  fail "GitLab job: exit $rc"; sed 's/^/      /' "$tmp/gl.out" | head -10
fi

# ---- VS Code settings -----------------------------------------------------
if out=$(node -e '
const fs = require("fs"), path = require("path");
const s = JSON.parse(fs.readFileSync("docs/examples/vscode-settings.json", "utf8"));
const local = p => p.replace(/^(file:\/\/)?\/usr\/local\/share\/styr\/schemas\//, "schemas/");
const bad = [];
const glob = g => new RegExp("^" + g.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*\*\//g, "(.*/)?").replace(/\*/g, "[^/]*") + "$");
for (const schema of Object.keys(s["yaml.schemas"])) if (!fs.existsSync(local(schema))) bad.push("no " + local(schema));
for (const j of s["json.schemas"]) if (!fs.existsSync(local(j.url))) bad.push("no " + local(j.url));
const folder = {"action-plan": "plans", "innovation-areas": "areas", "scenario": "scenarios", "follow-up": "followups"};
let n = 0;
for (const f of fs.readdirSync("scenarios")) {
  const kind = (fs.readFileSync("scenarios/" + f, "utf8").match(/^kind:\s*(\S+)/m) || [])[1];
  const placed = folder[kind] + "/sub/" + f;
  const hits = Object.entries(s["yaml.schemas"]).filter(([, globs]) => globs.some(g => glob(g).test(placed))).map(([k]) => local(k));
  if (hits.length !== 1 || hits[0] !== "schemas/" + kind + ".schema.json") bad.push(placed + " -> " + JSON.stringify(hits));
  n++;
}
if (bad.length) { console.log(bad.join("\n")); process.exit(1); }
console.log(n);' 2>&1); then
  pass "VS Code settings: every schema they name exists; each of the $out bundled files, in its kind's folder, gets its kind's schema"
else
  fail "VS Code settings"; printf '%s\n' "$out" | sed 's/^/      /'
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
