#!/usr/bin/env python3
"""mutate.py - a small mutation tester for styr's C engine and rules' Lua.

It copies the tree (the files git knows, as they are in the work tree) to a
work folder, builds it once, then for each sampled mutant: changes one line
of one file, rebuilds incrementally (C only; the rules are read at run time),
runs the fast ctest labels, and restores the line. A mutant is KILLED when a
test fails (or the run exceeds its time), SURVIVED when every test passes,
INVALID when it does not compile (not counted). The score is
killed / (killed + survived).

  tests/mutation/mutate.py [--seed N] [--count N | --all] [--files GLOB ...]
                           [--labels unit,cli,rules] [--coverage]
                           [--results FILE] [--shard K/N] [--survivors-of FILE]
                           [--min-score PCT] [--time-budget S]
                           [--work DIR] [--keep] [--jobs N] [--list]

With --coverage a mutant meets only the tests that reach its line, and a C
line no test executes is a survivor without a test run (NOT REACHED; counted
as survived) once it is seen to compile (else INVALID). --all takes every mutant (a full run); --results records each
verdict and lets an interrupted run resume; README.md says more.

The sample is seeded: the same --seed, --count and --files give the same
mutants. Files are shuffled by the seed and each file in turn gives one
mutant (drawn by the seed) until --count, so a sample spreads over the tree.
Mutants listed in tests/mutation/equivalent.txt (reviewed: they cannot
change behaviour) are never run and are reported as such. Exits 1 when the
score is below --min-score.
"""
import argparse
import fnmatch
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_FILES = ["engine/*/*.c", "rules/core/*.lua", "rules/goteborg/*.lua"]

# Lines never mutated, and why (see README.md): allocation failures and
# output-stream errors have no fault injection in the suite, so their
# branches are untestable here rather than untested.
SKIP_C = re.compile(r"malloc|calloc|realloc|strdup|NOMEM|out of memory|fprintf\(stderr|assert\(")


# ---------------------------------------------------------------- mutants

class Mutant:
    def __init__(self, path, line, op, old, new):
        self.path, self.line, self.op, self.old, self.new = path, line, op, old, new

    def key(self):
        return f"{self.path} | {self.old.strip()} | {self.new.strip()}"

    def ident(self):
        """What a results file knows a mutant by (two equal lines differ by number)."""
        return f"{self.path}:{self.line} | {self.old.strip()} | {self.new.strip()}"

    def where(self):
        return f"{self.path}:{self.line}"


def string_mask(line, lua):
    """A list of booleans: True where line[i] is inside a string literal or a comment."""
    mask = [False] * len(line)
    i, quote = 0, None
    while i < len(line):
        c = line[i]
        if quote:
            mask[i] = True
            if c == "\\":
                if i + 1 < len(line):
                    mask[i + 1] = True
                i += 2
                continue
            if c == quote:
                quote = None
        elif c in "\"'":
            quote = c
            mask[i] = True
        elif (not lua and line.startswith("//", i)) or (not lua and line.startswith("/*", i)) or \
                (lua and line.startswith("--", i)):
            for k in range(i, len(line)):
                mask[k] = True
            break
        i += 1
    return mask


def close_paren(line, start):
    """Index of the ')' that closes the '(' at start, or -1 if not on this line."""
    depth = 0
    for i in range(start, len(line)):
        if line[i] == "(":
            depth += 1
        elif line[i] == ")":
            depth -= 1
            if depth == 0:
                return i
    return -1


# A boundary constant: a digit 0-9 right after a comparison or + / -, e.g.
# "i < 0", "n - 1" (not every literal: message numbers and buffer sizes
# would swamp the sample).
CONST = r"(?<=(?:[<>=] |[+\-] ))(\d)(?![\w.])"
C_OPS = [
    # (name, pattern, replacement): one occurrence at a time
    ("flip <", r"(?<![<\-])<(?![<=])", "<="),
    ("flip <=", r"<=", "<"),
    ("flip >", r"(?<![>\-])>(?![>=])", ">="),
    ("flip >=", r"(?<!>)>=", ">"),
    ("flip ==", r"==", "!="),
    ("flip !=", r"!=", "=="),
    ("&& to ||", r"&&", "||"),
    ("|| to &&", r"\|\|", "&&"),
    ("+1 to -1", r"\+ 1\b", "- 1"),
    ("-1 to +1", r"(?<=[\w)\]]) - 1\b", " + 1"),
    ("constant +1", CONST, None),
]
LUA_OPS = [
    ("flip <", r"(?<![<\-])<(?![<=])", "<="),
    ("flip <=", r"<=", "<"),
    ("flip >", r"(?<!>)>(?![>=])", ">="),
    ("flip >=", r">=", ">"),
    ("flip ==", r"==", "~="),
    ("flip ~=", r"~=", "=="),
    ("and to or", r"\band\b", "or"),
    ("or to and", r"\bor\b", "and"),
    ("drop not", r"\bnot\s+", ""),
    ("+1 to -1", r"\+ 1\b", "- 1"),
    ("-1 to +1", r"(?<=[\w)\]]) - 1\b", " + 1"),
    ("constant +1", CONST, None),
]
# A removed call: a statement that is only a call to one of these.
REMOVABLE_C = re.compile(r"^(\s*)((?:html_esc\w*|styr_json_\w*|\w*escape\w*|\w*_check\w*|\w*valid\w*|"
                         r"styr_waivers_apply|styr_findings_sort|\w*trim\w*|\w*sanit\w*)\s*\(.*\);)\s*$")
HANDLES = {"out", "L", "o", "f", "err", "p", "rs", "doc", "lim", "run", "fp", "b", "res"}
SWAP2 = re.compile(r"\b(\w+)\(\s*([\w.>\-\[\]]+)\s*,\s*([\w.>\-\[\]]+)\s*\)")
# Calls whose two arguments commute: swapping them cannot change anything.
COMMUTATIVE = {"add_sat", "fmax", "fmin", "max", "min", "MAX", "MIN", "hypot", "imax", "imin"}
# Comparisons that only ask "equal?": swapped, the answer is the same.
EQUALITY = {"strcmp", "strcasecmp", "memcmp", "strncmp", "strncasecmp", "same_text", "streq"}


def symmetric_swap(line, m):
    """True when swapping m's two arguments cannot change behaviour."""
    if m.group(1) in COMMUTATIVE:
        return True
    if m.group(1) in EQUALITY:
        after = line[m.end():].lstrip()
        before = line[:m.start()].rstrip()
        return after.startswith(("== 0", "!= 0")) or before.endswith("!")
    return False


def line_mutants(path, n, line, lua):
    """Every mutant of one line."""
    stripped = line.strip()
    if not stripped:
        return []
    if lua:
        if stripped.startswith("--"):
            return []
    else:
        if stripped.startswith(("#", "//", "/*", "*")) or SKIP_C.search(line):
            return []
        if re.match(r"^\s*(static\s+)?(const\s+)?(char|int|double|size_t|unsigned|bool|long|uint\w*|styr_\w+)\b.*\[.*\]\s*=", line):
            return []   # table declarations: their sizes and contents are data, not logic
    mask = string_mask(line, lua)
    out = []
    for name, pat, rep in (LUA_OPS if lua else C_OPS):
        for m in re.finditer(pat, line):
            if mask[m.start()]:
                continue
            if rep is None:  # a constant plus one
                v = int(m.group(1))
                new = line[:m.start()] + str(v + 1) + line[m.end():]
            else:
                new = line[:m.start()] + rep + line[m.end():]
            out.append(Mutant(path, n, name, line, new))
    # condition forced true or false
    kw = re.compile(r"\b(if|while)\s*\(" if not lua else r"\b(if|elseif|while)\s+(.*?)\s+(then|do)\b")
    for m in kw.finditer(line):
        if mask[m.start()]:
            continue
        if lua:
            for val in ("true", "false"):
                new = line[:m.start(2)] + val + line[m.end(2):]
                out.append(Mutant(path, n, f"condition {val}", line, new))
        else:
            o = m.end() - 1
            c = close_paren(line, o)
            if c < 0:
                continue
            for val in ("1", "0"):
                if m.group(1) == "while" and val == "1":
                    continue   # an endless loop only tests the timeout
                new = line[:o + 1] + val + line[c:]
                out.append(Mutant(path, n, f"condition {'true' if val == '1' else 'false'}", line, new))
    if not lua:
        r = REMOVABLE_C.match(line)
        if r and not r.group(2).startswith(("return", "if")):
            out.append(Mutant(path, n, "call removed", line, r.group(1) + "(void)0;"))
        for m in SWAP2.finditer(line):
            if mask[m.start()] or m.group(1) in ("if", "while", "for", "switch", "sizeof", "return"):
                continue
            a, b = m.group(2), m.group(3)
            if a == b or a in HANDLES or b in HANDLES:
                continue   # a stream or state handle swapped with data does not compile
            if symmetric_swap(line, m):
                continue   # equivalent by construction (see COMMUTATIVE, EQUALITY)
            new = line[:m.start(2)] + b + line[m.end(2):m.start(3)] + a + line[m.end(3):]
            out.append(Mutant(path, n, "arguments swapped", line, new))
    # a forced condition can be the line itself ("while true do"): not a mutant
    return [mu for mu in out if mu.new != mu.old]


# ... and libxlsxwriter's constructors, which return NULL only when memory runs out
ALLOC = re.compile(r"(?:\*|\b)(\w+(?:->\w+)?)\s*=\s*(?:\([^)]*\)\s*)?(?:malloc|calloc|realloc|strdup|strndup|"
                   r"workbook_new\w*|workbook_add_worksheet|workbook_add_format)\(")
CHECK = re.compile(r"^\s*(?:if|while)\s*\((.*)\)\s*(?:\{|goto\b.*|return\b.*)?$")


def is_alloc_check(line, names):
    """A check that only tests whether memory just allocated is NULL (see SKIP_C)."""
    m = CHECK.match(line)
    if not m or not names:
        return False
    terms = [t.strip() for t in m.group(1).split("||")]
    return all(t.startswith("!") and t[1:].strip() in names for t in terms)


def file_mutants(rel):
    lua = rel.endswith(".lua")
    with open(os.path.join(ROOT, rel), encoding="utf-8") as f:
        lines = f.read().split("\n")
    out, in_comment, allocated = [], False, {}
    # depth of #if blocks, and the depth at which a coverage-build-only block
    # (#ifdef STYR_MUTATION_COVERAGE) opened: the mutants' build never
    # compiles those lines, so a mutant there could only "survive"
    depth, coverage_only = 0, None
    for i, line in enumerate(lines):
        s = line.strip()
        if not lua and s.startswith("#"):
            d = s[1:].strip()
            if d.startswith("if"):
                depth += 1
                if coverage_only is None and re.match(r"ifdef\s+STYR_MUTATION_COVERAGE\b", d):
                    coverage_only = depth
            elif d.startswith("endif"):
                if coverage_only == depth:
                    coverage_only = None
                depth -= 1
            elif d.startswith(("else", "elif")) and coverage_only == depth:
                coverage_only = None
        if coverage_only is not None:
            continue
        for name in ALLOC.findall(line):
            allocated[name] = i
        if not lua and is_alloc_check(line, {n for n, k in allocated.items() if i - k <= 8}):
            continue
        if not lua:
            if in_comment:
                if "*/" in s:
                    in_comment = False
                continue
            if s.startswith("/*") and "*/" not in s:
                in_comment = True
                continue
        out.extend(line_mutants(rel, i + 1, line, lua))
    return out


def split_review_line(raw):
    """(key, last field) of a line 'FILE | ORIGINAL | MUTATED | LAST', or
    ("", ""). The last field is after the last " | ": a line of code may hold
    " | " itself (a C bitwise or), so the key is all before it."""
    body, sep, last = raw.rstrip("\n").rpartition(" | ")
    parts = [p.strip() for p in body.split(" | ")]
    if not sep or len(parts) < 3 or not last.strip():
        return "", ""
    # the usual line: three fields, spaces around them not part of the key
    return (" | ".join(parts) if len(parts) == 3 else body.strip()), last.strip()


def read_equivalent():
    """The reviewed equivalent mutants: key -> reason."""
    eq = {}
    path = os.path.join(HERE, "equivalent.txt")
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for raw in f:
                if not raw.strip() or raw.startswith("#"):
                    continue
                key, reason = split_review_line(raw)
                if not key or not reason:
                    sys.exit(f"equivalent.txt: a line is 'file | original | mutated | reason': {raw.strip()}")
                eq[key] = reason
    return eq


REVIEW_KINDS = ("fixed", "memory", "left", "xlsx", "unreached")


def read_reviews(path):
    """The reviewed survivors of a run that are not equivalent: key -> (kind,
    reason). One line each, as in equivalent.txt but with the kind before the
    reason: FILE | ORIGINAL | MUTATED | KIND: REASON, where KIND is fixed (a
    test added since kills it), memory (only ASan or valgrind can tell), left
    (it stays, for the reason given), xlsx (only the xlsx label's tests,
    outside the fast labels, read that code back) or unreached (a line no
    fast test executes, with why none should; unreviewed, such a survivor
    is unreached with no reason of its own)."""
    reviews = {}
    if not path:
        return reviews
    with open(path, encoding="utf-8") as f:
        for raw in f:
            if not raw.strip() or raw.startswith("#"):
                continue
            key, last = split_review_line(raw)
            kind, _, reason = last.partition(": ") if key else ("", "", "")
            if kind not in REVIEW_KINDS or not reason.strip():
                sys.exit(f"{path}: a line is 'file | original | mutated | KIND: reason' with KIND one of "
                         f"{', '.join(REVIEW_KINDS)}: {raw.strip()}")
            reviews[key] = (kind, reason.strip())
    return reviews


def markdown(title, records, later, reviews):
    """A run's record for tests/mutation/runs/: the score when it ran and
    after review, the score by folder, and every survivor with why it is left."""
    killed = [r for r in records if r["verdict"] in ("KILLED", "TIMEOUT")]
    survived = sorted((r for r in records if r["verdict"] in ("SURVIVED", "NOT REACHED")),
                      key=lambda r: (r["path"], r["line"], r["new"]))
    invalid = sum(1 for r in records if r["verdict"] == "INVALID")
    kinds = {}
    for r in survived:
        kind = reviews[r["key"]][0] if r["key"] in reviews else \
            "unreached" if r["verdict"] == "NOT REACHED" else "open"
        kinds.setdefault(kind, []).append(r)
    counted = len(killed) + len(survived) + len(later)
    fixed = len(kinds.get("fixed", []))
    pct = lambda a, b: f"{100.0 * a / b:.1f} %" if b else "-"
    out = [f"# {title}", "",
           f"- Run: {len(records) + len(later)} mutants, {invalid} did not compile; {len(killed)} killed, "
           f"{len(survived) + len(later)} survived: **{pct(len(killed), counted)}** at the time of the run.",
           f"- Reviewed since: {len(later)} survivors are equivalent (in `equivalent.txt` with the reason, "
           f"not counted) and {fixed} are killed by a test added since: "
           f"**{pct(len(killed) + fixed, len(killed) + len(survived))}** "
           f"({len(killed) + fixed} of {len(killed) + len(survived)}).",
           "- Left: " + ", ".join(f"{len(kinds[k])} {k}" for k in ("memory", "left", "xlsx", "unreached", "open")
                                   if k in kinds) + ".", "",
           "Kinds: *memory* differs only in memory safety (ASan or valgrind, not an output); *left* stays "
           "for the reason given; *xlsx* is workbook code that only the xlsx label (outside the fast labels) "
           "reads back; *unreached* is on a line no test of the fast labels executes; *open* is not reviewed yet.",
           "", "| folder | score at the run | of |", "|---|---|---|"]
    by = {}
    for r in records:
        if r["verdict"] != "INVALID":
            by.setdefault(os.path.dirname(r["path"]), []).append(r)
    for d in sorted(by):
        k = sum(1 for r in by[d] if r["verdict"] in ("KILLED", "TIMEOUT"))
        out.append(f"| {d} | {pct(k, len(by[d]))} | {len(by[d])} |")
    out += ["", "| where | operator | mutation | kind: why |", "|---|---|---|---|"]
    cell = lambda t: t.replace("|", "\\|")
    for r in survived:
        kind, why = reviews.get(r["key"], ("unreached", "no test of the fast labels executes the line")
                                if r["verdict"] == "NOT REACHED" else ("open", "not reviewed yet"))
        out.append(f"| `{r['path']}:{r['line']}` | {r['op']} | `{cell(r['old'][:100])}` → `{cell(r['new'][:100])}` "
                   f"| {kind}: {cell(why)} |")
    return "\n".join(out) + "\n"


def sample(files, count, seed, equivalent):
    """count mutants, one per file in a seeded round robin over the files."""
    rng = random.Random(seed)
    files = sorted(files)
    rng.shuffle(files)
    pools, draws = {}, {}
    for f in files:
        # Each file draws from its own generator, so a change to one file
        # (or a line added to equivalent.txt) leaves the other files' mutants
        # as they were.
        draws[f] = random.Random(f"{seed}:{f}")
        by_op = {}
        for m in file_mutants(f):
            if m.key() not in equivalent:
                by_op.setdefault(m.op.split()[0], []).append(m)
        for op in sorted(by_op):
            draws[f].shuffle(by_op[op])
        if by_op:
            pools[f] = by_op
    # Each file in turn gives one mutant, of an operator kind drawn first
    # (so the many comparisons do not crowd out the rarer kinds).
    chosen, order = [], [f for f in files if f in pools]
    while len(chosen) < count and order:
        for f in list(order):
            if len(chosen) >= count:
                break
            kinds = sorted(k for k, ms in pools[f].items() if ms)
            if not kinds:
                order.remove(f)
                continue
            chosen.append(pools[f][draws[f].choice(kinds)].pop())
    return chosen


# ---------------------------------------------------------------- running

def tracked_files():
    # -z: without it git quotes a non-ASCII path ("v\303\244xj\303\266"), and a
    # file such as tests/cli/rulesets/växjö would be missing from the copy.
    out = subprocess.run(["git", "ls-files", "-z", "-co", "--exclude-standard"], cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout.split("\0")
    return [f for f in out if f and not f.startswith("build")]


def copy_tree(work):
    """Brings work/src up to date with the work tree; unchanged files keep
    their times, so a kept --work folder rebuilds only what changed."""
    import filecmp
    for f in tracked_files():
        src = os.path.join(ROOT, f)
        dst = os.path.join(work, "src", f)
        if os.path.islink(src):   # kept a link (a test ruleset's tests/ is one on purpose)
            target = os.readlink(src)
            if not (os.path.islink(dst) and os.readlink(dst) == target):
                os.makedirs(os.path.dirname(dst), exist_ok=True)
                if os.path.isdir(dst) and not os.path.islink(dst):
                    shutil.rmtree(dst)
                elif os.path.lexists(dst):
                    os.remove(dst)
                os.symlink(target, dst)
            continue
        if not os.path.isfile(src):
            continue
        if os.path.isfile(dst) and filecmp.cmp(src, dst, shallow=False):
            continue
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        shutil.copy(src, dst)   # a new mtime: make rebuilds what changed
        shutil.copymode(src, dst)


def run(cmd, cwd, timeout=None, env=None):
    """Runs cmd in a process group of its own, so that a timeout, ^C or a
    kill of the driver ends the whole group: a mutant's endless loop in a
    test that ctest started must not outlive the run (one did, spinning
    for 45 minutes after a stopped run)."""
    p = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                         start_new_session=True)
    try:
        out, err = p.communicate(timeout=timeout)
        return p.returncode, out + err
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)
        p.communicate()
        return None, "timeout"
    except BaseException:
        os.killpg(p.pid, signal.SIGKILL)
        p.wait()
        raise


def list_tests(build, label_re, labels=False):
    """The names of the tests with these labels, in ctest's order (with
    labels=True, name -> its labels)."""
    rc, out = run(["ctest", "--test-dir", build, "-N", "-L", label_re, "--show-only=json-v1"], build)
    if rc != 0:
        sys.exit("mutation: ctest cannot list the tests\n" + out[-2000:])
    tests = json.loads(out[out.index("{"):])["tests"]
    if not labels:
        return [t["name"] for t in tests]
    return {t["name"]: [v for p in t.get("properties", []) if p["name"] == "LABELS" for v in p["value"]]
            for t in tests}


def test_outputs(build, label_re):
    """For a Ninja build: test name -> the build's outputs its command names
    (a unit test's executable, the styr a golden runs), so a mutant's stage
    links only what it runs. None for a test whose command names none of
    them, or the build folder itself: that test gets everything built."""
    rc, out = run(["ninja", "-C", build, "-t", "targets", "all"], build)
    if rc != 0:
        return {}
    outputs = {line.split(":")[0] for line in out.splitlines() if ":" in line}
    rc, out = run(["ctest", "--test-dir", build, "-N", "-L", label_re, "--show-only=json-v1"], build)
    tests = json.loads(out[out.index("{"):])["tests"]
    need = {}
    for t in tests:
        words = [w for a in t.get("command", []) for w in a.split()]
        words += [w for p in t.get("properties", []) if p["name"] == "ENVIRONMENT"
                  for v in p["value"] for w in v.split("=", 1)[-1].split(":")]
        rel = [os.path.relpath(w, build) for w in words if w == build or w.startswith(build + "/")]
        named = [r for r in rel if r in outputs]
        need[t["name"]] = None if "." in rel or not named else named
    return need


def forget_costs(build):
    """ctest runs the tests it timed as slowest first; without its cost data
    it keeps their order, so a mutant's own unit test (registered first)
    kills it before the long goldens start."""
    try:
        os.unlink(os.path.join(build, "Testing", "Temporary", "CTestCostData.txt"))
    except FileNotFoundError:
        pass


# ---------------------------------------------------------------- coverage

class Coverage:
    """Which tests reach which line, from a --coverage build (gcov, -O0).

    Every test runs once with GCOV_PREFIX set to a folder of its own, so the
    tests can run side by side; gcov then reads each folder. For a mutant, the
    tests to run are those that executed its line. A line gcov does not list
    (a continuation of a statement, a declaration) falls back to the tests
    that entered its function; a line outside every function, or a file gcov
    never saw, falls back to every test. A mutant that no test reaches is a
    survivor without a test run (NOT REACHED), if it compiles."""

    def __init__(self, data):
        self.tests = data["tests"]
        # file -> line -> set of test indexes; file -> [(start, end, set)]
        self.lines = {f: {int(k): set(v) for k, v in ls.items()} for f, ls in data["lines"].items()}
        self.funcs = {f: [(a, b, set(t)) for a, b, t in fs] for f, fs in data["funcs"].items()}
        self.lua = {f: {int(k): set(v) for k, v in ls.items()} for f, ls in data.get("lua", {}).items()}

    def lua_tests_for(self, path, line):
        """The tests that ran a Lua line. Lua reports the lines where
        instructions start, so a line of a statement that spans lines may
        never be reported: then the lines two above and below stand in, and
        with none of them run either, every test runs (None)."""
        hits = self.lua.get(path, {})
        if line in hits:
            return [self.tests[i] for i in sorted(hits[line])]
        near = set().union(*(hits.get(k, set()) for k in range(line - 2, line + 3)))
        return [self.tests[i] for i in sorted(near)] if near else None

    def tests_for(self, path, line):
        """The names of the tests that reach path:line, or None for every test."""
        if path not in self.lines:
            return None
        hit = self.lines[path].get(line)
        if hit is None:
            enclosing = [t for a, b, t in self.funcs.get(path, []) if a <= line <= b]
            if not enclosing:
                return None
            hit = set().union(*enclosing)
        return [self.tests[i] for i in sorted(hit)]


def build_coverage(work, src, labels_re, jobs):
    """Builds work/build-cov with --coverage and records what each test reaches.
    Kept in work/coverage.json; a kept --work folder reuses it while the
    sources it was made from are unchanged."""
    cov_build = os.path.join(work, "build-cov")
    cache = os.path.join(work, "coverage.json")
    stamp = source_stamp(src)
    if os.path.exists(cache):
        with open(cache, encoding="utf-8") as f:
            data = json.load(f)
        if data.get("stamp") == stamp and data.get("labels") == labels_re:
            return Coverage(data)
    rc, out = run(["cmake", "-S", src, "-B", cov_build, "-DSTYR_BUILD_TESTS=ON", "-DCMAKE_BUILD_TYPE=Debug",
                   # STYR_MUTATION_COVERAGE: styr writes the Lua lines it ran to $STYR_LUA_LINES
                   "-DCMAKE_C_FLAGS=--coverage -O0 -DSTYR_MUTATION_COVERAGE",
                   "-DCMAKE_EXE_LINKER_FLAGS=--coverage"], work)
    if rc != 0:
        sys.exit("mutation: cmake for the coverage build failed\n" + out[-3000:])
    rc, out = run(["cmake", "--build", cov_build, "-j", str(jobs)], work)
    if rc != 0:
        sys.exit("mutation: the coverage build failed\n" + out[-3000:])
    tests = list_tests(cov_build, labels_re)
    gcnos = []
    for d, _, fs in os.walk(cov_build):
        gcnos.extend(os.path.join(d, f) for f in fs if f.endswith(".gcno"))
    prefix_root = os.path.join(work, "cov-runs")
    shutil.rmtree(prefix_root, ignore_errors=True)
    t0 = time.time()

    def one(i):
        prefix = os.path.join(prefix_root, str(i))
        os.makedirs(prefix, exist_ok=True)
        lua_lines = os.path.join(prefix, "lua-lines")
        env = dict(os.environ, GCOV_PREFIX=prefix, GCOV_PREFIX_STRIP="0", STYR_LUA_LINES=lua_lines)
        rc, out = run(["ctest", "--test-dir", cov_build, "-R", "^" + re.escape(tests[i]) + "$"], cov_build, env=env)
        if rc != 0:
            sys.exit(f"mutation: {tests[i]} fails in the coverage build\n" + out[-2000:])
        gcdas = []
        for g in gcnos:
            gcda = prefix + g[:-len(".gcno")] + ".gcda"
            if os.path.exists(gcda):
                os.symlink(g, prefix + g)
                gcdas.append(gcda)
        result = []
        for k in range(0, len(gcdas), 200):
            rc, out = run(["gcov", "-j", "-t"] + gcdas[k:k + 200], prefix)
            result.extend(json.loads(l) for l in out.splitlines() if l.startswith("{"))
        lua = set()
        if os.path.exists(lua_lines):
            with open(lua_lines, encoding="utf-8", errors="replace") as f:
                for raw in f:
                    source, _, line = raw.rstrip("\n").rpartition("\t")
                    rel = lua_source(source, src, lua_files)
                    if rel and line.isdigit():
                        lua.add((rel, int(line)))
        shutil.rmtree(prefix, ignore_errors=True)
        return i, result, lua

    lua_files = [f for f in tracked_files() if f.startswith("rules/") and f.endswith(".lua")]
    lines, funcs, lua_hits = {}, {}, {}
    from concurrent.futures import ThreadPoolExecutor
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        for i, result, lua in pool.map(one, range(len(tests))):
            for rel, line in lua:
                lua_hits.setdefault(rel, {}).setdefault(str(line), []).append(i)
            for doc in result:
                for f in doc.get("files", []):
                    path = os.path.relpath(os.path.join(doc.get("current_working_directory", ""), f["file"]), src)
                    if path.startswith(".."):
                        continue
                    fl = lines.setdefault(path, {})
                    for ln in f["lines"]:
                        s = fl.setdefault(str(ln["line_number"]), [])
                        if ln["count"] > 0 and i not in s:
                            s.append(i)
                    ff = funcs.setdefault(path, {})
                    for fn in f["functions"]:
                        s = ff.setdefault((fn["start_line"], fn["end_line"]), [])
                        if fn["execution_count"] > 0 and i not in s:
                            s.append(i)
    data = {"stamp": stamp, "labels": labels_re, "tests": tests, "lines": lines, "lua": lua_hits,
            "funcs": {p: [[a, b, t] for (a, b), t in fs.items()] for p, fs in funcs.items()}}
    with open(cache, "w", encoding="utf-8") as f:
        json.dump(data, f)
    print(f"coverage: {len(tests)} tests, {len(lines)} source files, recorded in {time.time() - t0:.0f}s",
          flush=True)
    return Coverage(data)


def lua_source(source, src, lua_files):
    """The repository path of a rule file as styr named it (absolute, or
    relative to wherever the test ran), or None for a file outside rules/."""
    source = os.path.normpath(source)
    if os.path.isabs(source):
        rel = os.path.relpath(source, src)
        return rel if rel in lua_files else None
    for f in lua_files:
        if source == f or source.endswith("/" + f):
            return f
    return None


def source_stamp(src):
    """A digest of the sources and tests the coverage was recorded from."""
    import hashlib
    h = hashlib.sha256()
    for top in ("engine", "rules", "tests"):
        for d, _, fs in sorted(os.walk(os.path.join(src, top))):
            if os.path.relpath(d, src).startswith(os.path.join("tests", "mutation")):
                continue   # the driver and its list of equivalents: not what the tests run
            for f in sorted(fs):
                with open(os.path.join(d, f), "rb") as fh:
                    # relative: a map recorded in one work folder serves another
                    h.update(os.path.relpath(os.path.join(d, f), src).encode() + b"\0" + fh.read())
    return h.hexdigest()


# ---------------------------------------------------------------- results

def read_results(path):
    """Verdicts already recorded by an earlier (interrupted) run: key -> record."""
    done = {}
    if path and os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for raw in f:
                if raw.strip():
                    r = json.loads(raw)
                    done[r["id"]] = r
    return done


def summarise(records, equivalent):
    killed = [r for r in records if r["verdict"] in ("KILLED", "TIMEOUT")]
    survived = [r for r in records if r["verdict"] in ("SURVIVED", "NOT REACHED")]
    invalid = [r for r in records if r["verdict"] == "INVALID"]
    counted = len(killed) + len(survived)
    score = 100.0 * len(killed) / counted if counted else 0.0
    unreached = sum(1 for r in survived if r["verdict"] == "NOT REACHED")
    print(f"\nmutation score: {score:.1f}% ({len(killed)} killed, {len(survived)} survived"
          f"{f' of which {unreached} reached by no test' if unreached else ''}, "
          f"{len(invalid)} did not compile; {len(equivalent)} reviewed equivalent not run)")
    if survived:
        print("survivors (a test should catch each, or it goes in equivalent.txt with a reason):")
        for r in sorted(survived, key=lambda r: (r["path"], r["line"])):
            tag = " [reached by no test]" if r["verdict"] == "NOT REACHED" else ""
            print(f"  {r['path']}:{r['line']} {r['op']}{tag}: {r['old']}  ->  {r['new']}")
            print(f"    equivalent.txt line: {r['key']} | REASON")
    return score


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=40)
    ap.add_argument("--all", action="store_true",
                    help="every mutant of the files (a full run), in an order shuffled by --seed")
    ap.add_argument("--shard", default="1/1", help="K/N: run only the K-th of N slices (split a full run)")
    ap.add_argument("--files", nargs="+", default=DEFAULT_FILES,
                    help="globs relative to the repository root (default: %(default)s)")
    ap.add_argument("--labels", default="unit,cli,rules", help="ctest labels to run (default: %(default)s)")
    ap.add_argument("--coverage", action="store_true",
                    help="run only the tests that reach the mutated line (C; per-test gcov coverage)")
    ap.add_argument("--results", help="append each verdict to this JSON-lines file; a rerun resumes from it")
    ap.add_argument("--earlier", metavar="FILE",
                    help="with --all: the results of the same run on an earlier commit; the mutants "
                         "recorded there (by file, line text and mutation) are not run again")
    ap.add_argument("--survivors-of", metavar="FILE",
                    help="run only the mutants that survived in this results file (after adding tests)")
    ap.add_argument("--summary", metavar="FILE",
                    help="only print the score, the score by folder and the survivors of a results file")
    ap.add_argument("--reviews", metavar="FILE",
                    help="with --summary: the reviewed survivors of that run (FILE | ORIGINAL | MUTATED | KIND: WHY)")
    ap.add_argument("--markdown", metavar="TITLE",
                    help="with --summary: print the run's record as Markdown under this title instead")
    ap.add_argument("--min-score", type=float, default=0, help="exit 1 below this score in percent")
    ap.add_argument("--work", help="work folder (default: a temporary one)")
    ap.add_argument("--keep", action="store_true", help="keep the work folder")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--list", action="store_true", help="only list the chosen mutants")
    ap.add_argument("--time-budget", type=float, default=0,
                    help="seconds: start no new mutant after this (the score is of those run)")
    args = ap.parse_args()
    # kill (SIGTERM) ends a run like ^C: the mutated line is put back and
    # the running test stopped, so a kept --work folder stays sound
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    if args.summary:
        equivalent = read_equivalent()
        records = list(read_results(args.summary).values())
        # reviewed as equivalent since the run: not a survivor any more
        later = [r for r in records if r["key"] in equivalent]
        records = [r for r in records if r["key"] not in equivalent]
        if args.markdown:
            print(markdown(args.markdown, records, later, read_reviews(args.reviews)), end="")
            return 0
        by = {}
        for r in records:
            by.setdefault(os.path.dirname(r["path"]), []).append(r)
        print(f"{args.summary}: {len(records)} mutants ({len(later)} more reviewed as equivalent since the run)")
        for d in sorted(by):
            k = sum(1 for r in by[d] if r["verdict"] in ("KILLED", "TIMEOUT"))
            n = sum(1 for r in by[d] if r["verdict"] != "INVALID")
            print(f"  {d:16} {100.0 * k / n if n else 0:5.1f}% of {n}")
        score = summarise(records, equivalent)
        return 1 if score < args.min_score else 0
    files = sorted({f for f in tracked_files() if any(fnmatch.fnmatch(f, g) for g in args.files)})
    if not files:
        sys.exit("no file matches --files")
    m = re.fullmatch(r"(\d+)/(\d+)", args.shard)
    if not m or not 1 <= int(m.group(1)) <= int(m.group(2)):
        sys.exit("--shard is K/N with 1 <= K <= N")
    shard_k, shard_n = int(m.group(1)), int(m.group(2))
    equivalent = read_equivalent()
    total = sum(len(file_mutants(f)) for f in files)
    if args.all:
        mutants = [mu for f in files for mu in file_mutants(f) if mu.key() not in equivalent]
        random.Random(args.seed).shuffle(mutants)
    else:
        mutants = sample(files, args.count, args.seed, equivalent)
    if args.survivors_of:
        if not os.path.exists(args.survivors_of):
            sys.exit(f"--survivors-of: no file {args.survivors_of}")
        # by file | line | mutated line, without the number: a test added
        # since may have moved the line
        before = {r["key"] for r in read_results(args.survivors_of).values()
                  if r["verdict"] in ("SURVIVED", "NOT REACHED")}
        every = [mu for f in files for mu in file_mutants(f) if mu.key() not in equivalent]
        mutants = [mu for mu in every if mu.key() in before]
    earlier = 0
    if args.earlier:
        # The same run, begun on an earlier commit: a mutant is the same one
        # when its file, line and mutation are (the line number moves when
        # lines are added above). A mutant whose number, line and mutation
        # were all recorded is done; of a key's other mutants, as many are
        # skipped as the key has records at other numbers (lines that have
        # moved); the rest (a line added since) still run. Records are
        # joined from several commits, so one number may stand for two
        # lines of the same text: each is counted, none merged away.
        if not os.path.exists(args.earlier):
            sys.exit(f"--earlier: no file {args.earlier}")
        recorded = {}   # key -> the numbers it was recorded at, once each
        with open(args.earlier, encoding="utf-8") as f:
            for raw in f:
                if raw.strip():
                    r = json.loads(raw)
                    recorded.setdefault(r["key"], set()).add(r["id"])
        here = {mu.ident() for mu in mutants}
        left = {k: sum(1 for i in ids if i not in here) for k, ids in recorded.items()}
        kept = []
        for mu in mutants:
            if mu.ident() in recorded.get(mu.key(), ()):
                earlier += 1
            elif left.get(mu.key(), 0) > 0:
                left[mu.key()] -= 1
                earlier += 1
            else:
                kept.append(mu)
        mutants = kept
    mutants = [mu for k, mu in enumerate(mutants) if k % shard_n == shard_k - 1]
    done = read_results(args.results)
    print(f"mutation: {len(mutants)} of {total} mutants in {len(files)} files (seed {args.seed}"
          f"{f', shard {args.shard}' if shard_n > 1 else ''}); {len(equivalent)} reviewed equivalent "
          f"mutants never run{f'; {earlier} run on an earlier commit ({args.earlier})' if args.earlier else ''}"
          f"{f'; {sum(1 for mu in mutants if mu.ident() in done)} already in {args.results}' if done else ''}")
    if args.list:
        for mu in mutants:
            print(f"  {mu.where()} {mu.op}: {mu.old.strip()}  ->  {mu.new.strip()}")
        return 0

    work = args.work or tempfile.mkdtemp(prefix="styr-mutation-")
    src, build = os.path.join(work, "src"), os.path.join(work, "build")
    try:
        copy_tree(work)
        # Ninja when the machine has it: make spends about 0.9 s of each
        # mutant's rebuild checking dependencies, ninja a few milliseconds.
        # A kept folder stays with the generator it was made with.
        ninja = shutil.which("ninja") and not os.path.exists(os.path.join(build, "Makefile"))
        rc, out = run(["cmake", "-S", src, "-B", build, "-DSTYR_BUILD_TESTS=ON",
                       *(["-G", "Ninja"] if ninja else []),
                       # -O0: a mutant's file compiles in a third of the time -O2
                       # takes, which is most of a killed mutant's cost; the tests
                       # it meets are short. NDEBUG as in a release: an assert
                       # the shipped program has not must not kill a mutant.
                       "-DCMAKE_BUILD_TYPE=None",
                       # a mutant that mixes up types is invalid, not a cheap kill
                       "-DCMAKE_C_FLAGS=-O0 -DNDEBUG -Werror=incompatible-pointer-types -Werror=int-conversion"],
                      work)
        if rc != 0:
            sys.exit("mutation: cmake failed\n" + out)
        t0 = time.time()
        rc, out = run(["cmake", "--build", build, "-j", str(args.jobs)], work)
        if rc != 0:
            sys.exit("mutation: the unmutated tree does not build\n" + out[-3000:])
        label_re = "^(" + "|".join(re.escape(x) for x in args.labels.split(",")) + ")$"
        ctest = ["ctest", "--test-dir", build, "-j", str(args.jobs), "--stop-on-failure"]
        t1 = time.time()
        # The baseline runs under the tests' own time limits: a busy machine
        # must not fail it. A mutant's tests then get three times the slowest
        # test's baseline time (at least 60 s), so an endless loop ends.
        rc, out = run(ctest + ["-L", label_re], work)
        base = time.time() - t1
        if rc != 0:
            sys.exit("mutation: the unmutated tree fails its tests\n" + out[-3000:])
        slowest = max([float(x) for x in re.findall(r"Passed\s+([0-9.]+) sec", out)] or [0.0])
        # The tests that took a second or more in the baseline run in a stage
        # of their own, last: ctest --stop-on-failure stops starting tests
        # but waits for those running, so a slow test started beside the one
        # that fails would hold a killed mutant for its whole length.
        slow = {name for name, secs in re.findall(r"Test +#\d+: (\S+) \.+\s*Passed\s+([0-9.]+) sec", out)
                if float(secs) >= 1.0}
        ctest += ["--timeout", str(int(max(60.0, 3 * slowest)))]
        ntests = re.search(r"tests passed, 0 tests failed out of (\d+)", out)
        print(f"baseline: built in {t1 - t0:.0f}s, {ntests.group(1) if ntests else '?'} tests "
              f"(labels {args.labels}) pass in {base:.0f}s (the slowest in {slowest:.0f}s; "
              f"{len(slow)} taking a second or more run last)", flush=True)
        cov = build_coverage(work, src, label_re, args.jobs) if args.coverage else None
        test_labels = list_tests(build, label_re, labels=True)
        outputs = test_outputs(build, label_re) if ninja else {}
        # Lua mutants meet the rules' own fixtures first (a second to run);
        # the other tests run only for a mutant those do not kill.
        rules_first = "rules" in args.labels.split(",") and args.labels != "rules"
        limit = max(60.0, 3 * base)
        records = [done[mu.ident()] for mu in mutants if mu.ident() in done]
        results = open(args.results, "a", encoding="utf-8") if args.results else None
        started = time.time()
        todo = [mu for mu in mutants if mu.ident() not in done]
        stale = False   # the build holds a C mutant's restored file not yet compiled
        for k, mu in enumerate(todo, 1):
            if args.time_budget and time.time() - started > args.time_budget:
                print(f"time budget of {args.time_budget:.0f}s used: {k - 1} of {len(todo)} mutants run")
                break
            path = os.path.join(src, mu.path)
            with open(path, encoding="utf-8") as f:
                original = f.read()
            lines = original.split("\n")
            assert lines[mu.line - 1] == mu.old, f"{mu.where()} changed under the driver"
            lua = mu.path.endswith(".lua")
            selected = None if not cov else cov.lua_tests_for(mu.path, mu.line) if lua else \
                cov.tests_for(mu.path, mu.line)
            t = time.time()
            failing = []
            if selected == [] and lua:
                verdict = "NOT REACHED"
            elif selected == []:
                # No test runs the line, but a mutant that does not compile
                # is invalid, not a survivor: built once, tested by nothing.
                lines[mu.line - 1] = mu.new
                with open(path, "w", encoding="utf-8") as f:
                    f.write("\n".join(lines))
                try:
                    rc, out = run(["cmake", "--build", build, "-j", str(args.jobs)], work)
                    verdict = "NOT REACHED" if rc == 0 else "INVALID"
                    stale = True
                finally:
                    with open(path, "w", encoding="utf-8") as f:
                        f.write(original)
            else:
                lines[mu.line - 1] = mu.new
                with open(path, "w", encoding="utf-8") as f:
                    f.write("\n".join(lines))
                try:
                    verdict = None
                    # A C mutant is built; a Lua one is read at run time, but
                    # after a C mutant the restored file must be built again.
                    # With Ninja each stage builds just what its tests run.
                    if not outputs and (not lua or stale):
                        rc, out = run(["cmake", "--build", build, "-j", str(args.jobs)], work)
                        if rc != 0:
                            if lua:
                                sys.exit("mutation: the tree does not build with a Lua mutant\n" + out[-2000:])
                            verdict = "INVALID"
                        stale = not lua
                    stages, stage_names = [], []
                    if selected is not None:
                        # the short tests aimed at one module first: unit tests, and
                        # the rules' own fixtures
                        first = {x for x in selected if {"unit", "rules"} & set(test_labels.get(x, []))}
                        for part in ([x for x in selected if x in first and x not in slow],
                                     [x for x in selected if x not in first and x not in slow],
                                     [x for x in selected if x in slow]):
                            if part:
                                stages.append(["-R", "^(" + "|".join(re.escape(x) for x in part) + ")$"])
                                stage_names.append(part)
                    elif lua and rules_first:
                        stages += [["-L", "^rules$"], ["-L", label_re, "-LE", "^rules$"]]
                        stage_names += [[x for x, ls in test_labels.items() if "rules" in ls],
                                        [x for x, ls in test_labels.items() if "rules" not in ls]]
                    else:
                        stages.append(["-L", label_re])
                        stage_names.append(None)
                    for stage, names in zip(stages, stage_names) if verdict is None else []:
                        if outputs:
                            want = [o for x in names for o in (outputs.get(x) or ["all"])] if names else ["all"]
                            rc, out = run(["ninja", "-C", build, "-j", str(args.jobs)] + sorted(set(want)), work)
                            if rc != 0:
                                if lua:
                                    sys.exit("mutation: the tree does not build with a Lua mutant\n" + out[-2000:])
                                verdict = "INVALID"
                                break
                        forget_costs(build)
                        rc, out = run(ctest + stage, work, timeout=limit)
                        if rc is None:
                            verdict = "TIMEOUT"
                        elif rc != 0:
                            verdict = "KILLED"
                            failing = re.findall(r"\d+ - (\S+) \(", out)
                        if verdict:
                            break
                    verdict = verdict or "SURVIVED"
                finally:
                    with open(path, "w", encoding="utf-8") as f:
                        f.write(original)
            rec = {"id": mu.ident(), "key": mu.key(), "path": mu.path, "line": mu.line, "op": mu.op, "old": mu.old.strip(),
                   "new": mu.new.strip(), "verdict": verdict, "by": failing[0] if failing else None,
                   "tests": len(selected) if selected is not None else None, "seconds": round(time.time() - t, 1)}
            records.append(rec)
            if results:
                results.write(json.dumps(rec, ensure_ascii=False) + "\n")
                results.flush()
            by = f" by {failing[0]}" if verdict == "KILLED" and failing else ""
            print(f"[{k}/{len(todo)}] {verdict}{by} {mu.where()} {mu.op}: {mu.old.strip()[:90]}  ->  "
                  f"{mu.new.strip()[:90]} ({time.time() - t:.0f}s)", flush=True)
        score = summarise(records, equivalent)
        if score < args.min_score:
            print(f"FAIL: score {score:.1f}% is below {args.min_score:.0f}%")
            return 1
        return 0
    finally:
        if not args.keep and not args.work:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
