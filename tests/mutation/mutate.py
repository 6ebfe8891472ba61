#!/usr/bin/env python3
"""mutate.py - a small mutation tester for styr's C engine and rules' Lua.

It copies the tree (the files git knows, as they are in the work tree) to a
work folder, builds it once, then for each sampled mutant: changes one line
of one file, rebuilds incrementally (C only; the rules are read at run time),
runs the fast ctest labels, and restores the line. A mutant is KILLED when a
test fails (or the run exceeds its time), SURVIVED when every test passes,
INVALID when it does not compile (not counted). The score is
killed / (killed + survived).

  tests/mutation/mutate.py [--seed N] [--count N] [--files GLOB ...]
                           [--labels unit,cli,rules] [--min-score PCT]
                           [--work DIR] [--keep] [--jobs N] [--list]

The sample is seeded: the same --seed, --count and --files give the same
mutants. Files are shuffled by the seed and each file in turn gives one
mutant (drawn by the seed) until --count, so a sample spreads over the tree.
Mutants listed in tests/mutation/equivalent.txt (reviewed: they cannot
change behaviour) are never run and are reported as such. Exits 1 when the
score is below --min-score.
"""
import argparse
import fnmatch
import os
import random
import re
import shutil
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
            new = line[:m.start(2)] + b + line[m.end(2):m.start(3)] + a + line[m.end(3):]
            out.append(Mutant(path, n, "arguments swapped", line, new))
    return out


ALLOC = re.compile(r"(?:\*|\b)(\w+(?:->\w+)?)\s*=\s*(?:\([^)]*\)\s*)?(?:malloc|calloc|realloc|strdup|strndup)\(")
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
    for i, line in enumerate(lines):
        s = line.strip()
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


def read_equivalent():
    """The reviewed equivalent mutants: key -> reason."""
    eq = {}
    path = os.path.join(HERE, "equivalent.txt")
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for raw in f:
                if not raw.strip() or raw.startswith("#"):
                    continue
                parts = [p.strip() for p in raw.rstrip("\n").split(" | ")]
                if len(parts) != 4 or not parts[3]:
                    sys.exit(f"equivalent.txt: a line is 'file | original | mutated | reason': {raw.strip()}")
                eq[" | ".join(parts[:3])] = parts[3]
    return eq


def sample(files, count, seed, equivalent):
    """count mutants, one per file in a seeded round robin over the files."""
    rng = random.Random(seed)
    files = sorted(files)
    rng.shuffle(files)
    pools = {}
    for f in files:
        by_op = {}
        for m in file_mutants(f):
            if m.key() not in equivalent:
                by_op.setdefault(m.op.split()[0], []).append(m)
        for ms in by_op.values():
            rng.shuffle(ms)
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
            chosen.append(pools[f][rng.choice(kinds)].pop())
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
        if not os.path.isfile(src):
            continue
        dst = os.path.join(work, "src", f)
        if os.path.isfile(dst) and filecmp.cmp(src, dst, shallow=False):
            continue
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        shutil.copy(src, dst)   # a new mtime: make rebuilds what changed
        shutil.copymode(src, dst)


def run(cmd, cwd, timeout=None):
    try:
        p = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=timeout)
        return p.returncode, p.stdout + p.stderr
    except subprocess.TimeoutExpired:
        return None, "timeout"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=40)
    ap.add_argument("--files", nargs="+", default=DEFAULT_FILES,
                    help="globs relative to the repository root (default: %(default)s)")
    ap.add_argument("--labels", default="unit,cli,rules", help="ctest labels to run (default: %(default)s)")
    ap.add_argument("--min-score", type=float, default=0, help="exit 1 below this score in percent")
    ap.add_argument("--work", help="work folder (default: a temporary one)")
    ap.add_argument("--keep", action="store_true", help="keep the work folder")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--list", action="store_true", help="only list the sampled mutants")
    ap.add_argument("--time-budget", type=float, default=0,
                    help="seconds: start no new mutant after this (the score is of those run)")
    args = ap.parse_args()

    files = sorted({f for f in tracked_files() if any(fnmatch.fnmatch(f, g) for g in args.files)})
    if not files:
        sys.exit("no file matches --files")
    equivalent = read_equivalent()
    mutants = sample(files, args.count, args.seed, equivalent)
    total = sum(len(file_mutants(f)) for f in files)
    print(f"mutation: {len(mutants)} of {total} mutants in {len(files)} files (seed {args.seed}); "
          f"{len(equivalent)} reviewed equivalent mutants never run")
    if args.list:
        for m in mutants:
            print(f"  {m.where()} {m.op}: {m.old.strip()}  ->  {m.new.strip()}")
        return 0

    work = args.work or tempfile.mkdtemp(prefix="styr-mutation-")
    src, build = os.path.join(work, "src"), os.path.join(work, "build")
    try:
        copy_tree(work)
        rc, out = run(["cmake", "-S", src, "-B", build, "-DSTYR_BUILD_TESTS=ON",
                       "-DCMAKE_BUILD_TYPE=RelWithDebInfo",
                       # a mutant that mixes up types is invalid, not a cheap kill
                       "-DCMAKE_C_FLAGS=-Werror=incompatible-pointer-types -Werror=int-conversion"], work)
        if rc != 0:
            sys.exit("mutation: cmake failed\n" + out)
        t0 = time.time()
        rc, out = run(["cmake", "--build", build, "-j", str(args.jobs)], work)
        if rc != 0:
            sys.exit("mutation: the unmutated tree does not build\n" + out[-3000:])
        label_re = "^(" + "|".join(re.escape(x) for x in args.labels.split(",")) + ")$"
        ctest = ["ctest", "--test-dir", build, "-L", label_re, "-j", str(args.jobs), "--stop-on-failure",
                 "--timeout", "60"]
        t1 = time.time()
        rc, out = run(ctest, work)
        base = time.time() - t1
        if rc != 0:
            sys.exit("mutation: the unmutated tree fails its tests\n" + out[-3000:])
        ntests = re.search(r"tests passed, 0 tests failed out of (\d+)", out)
        print(f"baseline: built in {t1 - t0:.0f}s, {ntests.group(1) if ntests else '?'} tests "
              f"(labels {args.labels}) pass in {base:.0f}s")
        limit = max(60.0, 3 * base)
        killed, survived, invalid = [], [], []
        started = time.time()
        for k, m in enumerate(mutants, 1):
            if args.time_budget and time.time() - started > args.time_budget:
                print(f"time budget of {args.time_budget:.0f}s used: {k - 1} of {len(mutants)} mutants run")
                break
            path = os.path.join(src, m.path)
            with open(path, encoding="utf-8") as f:
                original = f.read()
            lines = original.split("\n")
            assert lines[m.line - 1] == m.old, f"{m.where()} changed under the driver"
            lines[m.line - 1] = m.new
            with open(path, "w", encoding="utf-8") as f:
                f.write("\n".join(lines))
            try:
                t = time.time()
                verdict = None
                # Always build: after a C mutant the restored file must be
                # compiled again before a Lua mutant runs (a no-op otherwise).
                rc, out = run(["cmake", "--build", build, "-j", str(args.jobs)], work)
                if rc != 0:
                    verdict = "INVALID" if not m.path.endswith(".lua") else None
                    if verdict is None:
                        sys.exit("mutation: the tree does not build with a Lua mutant\n" + out[-2000:])
                if verdict is None:
                    rc, out = run(ctest, work, timeout=limit)
                    verdict = "TIMEOUT" if rc is None else ("KILLED" if rc != 0 else "SURVIVED")
                    failing = re.findall(r"\d+ - (\S+) \(", out) if rc else []
            finally:
                with open(path, "w", encoding="utf-8") as f:
                    f.write(original)
            (invalid if verdict == "INVALID" else survived if verdict == "SURVIVED" else killed).append(m)
            by = f" by {failing[0]}" if verdict in ("KILLED",) and failing else ""
            print(f"[{k}/{len(mutants)}] {verdict}{by} {m.where()} {m.op}: {m.old.strip()[:90]}  ->  "
                  f"{m.new.strip()[:90]} ({time.time() - t:.0f}s)", flush=True)
        counted = len(killed) + len(survived)
        score = 100.0 * len(killed) / counted if counted else 0.0
        print(f"\nmutation score: {score:.1f}% ({len(killed)} killed, {len(survived)} survived, "
              f"{len(invalid)} did not compile; {len(equivalent)} reviewed equivalent not run)")
        if survived:
            print("survivors (a test should catch each, or it goes in equivalent.txt with a reason):")
            for m in survived:
                print(f"  {m.where()} {m.op}: {m.old.strip()}  ->  {m.new.strip()}")
                print(f"    equivalent.txt line: {m.key()} | REASON")
        if score < args.min_score:
            print(f"FAIL: score {score:.1f}% is below {args.min_score:.0f}%")
            return 1
        return 0
    finally:
        if not args.keep and not args.work:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
