#!/usr/bin/env python3
"""Out-of-memory sweep: runs one styr command again and again, each time with
one allocation made to fail (failalloc.so through LD_PRELOAD), and checks the
promise of docs/FORMATS.md section 7 under memory exhaustion: never a crash
or a hang, and nothing lost silently.

For each run with allocation N failing:
  - a signal (SIGSEGV, SIGABRT, ...) or a hang is a failure;
  - exit 0 or 1 means styr recovered (Lua's collector, a retry): its output,
    standard error, files and exit code must then be exactly those of the
    run without a failure;
  - exit 2 means styr gave up: it must say that memory ran out (on stderr,
    or in the report, on stdout or in the -o file, where a run's errors
    go) in the run's language ("minnet tog slut", or "out of memory" with
    --lang en; a Swedish run may not fall back on English words); a file
    it leaves is that report, the complete output of the run without a
    failure, or the earlier report -o named (each run starts with one).
Any other exit code is a failure. Allocations are counted once more with
the workbook written in the process itself (STYR_NO_FORK), so that N also
reaches the allocations of the child process that writes a workbook.

--name-copies FILE counts only allocations the size of a copy of FILE's
name (as the run is given it: made absolute), and tries every one: a
failure there once left a report without its file's name, and a sample
of tens of thousands can miss the one copy that matters.

    sweep.py STYR FAILALLOC_SO [--all] [--first K] [--last K] [--sample K]
             [--seed S] [--jobs J] [--name-copies FILE] -- ARGS...

By default every allocation is tried (a full sweep: tens of thousands of
runs for validate of the bundled plan, minutes). --first K --sample M
--seed S tries the first K and M more drawn with the seed: the suite's
bounded, repeatable version. --last K adds the last K: where the result
is put together and written out, the place a failure is most easily
swallowed as "nearly done" (diff once printed an old id as "?" there). --all makes every allocation from N on fail
(memory gone for good) instead of the N-th alone.
"""
import argparse
import concurrent.futures
import io
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile


OLD_REPORT = b"an earlier report, kept unless a complete one replaces it\n"


def run(styr, so, args, cwd, at=0, fail_all=False, count=None, timeout=60, no_fork=False, size=0):
    env = dict(os.environ)
    if size:
        env["STYR_FAIL_ALLOC_SIZE"] = str(size)
    env["LD_PRELOAD"] = so
    env["SOURCE_DATE_EPOCH"] = "1780000000"   # a JUnit timestamp or a page's date is no difference
    if no_fork:
        env["STYR_NO_FORK"] = "1"
    env["STYR_FAIL_ALLOC"] = str(at)
    if fail_all:
        env["STYR_FAIL_ALLOC_ALL"] = "1"
    if count:
        env["STYR_FAIL_ALLOC_COUNT"] = count
    try:
        p = subprocess.run([styr] + args, cwd=cwd, env=env, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, b"", b""
    return p.returncode, p.stdout, p.stderr


def outputs(cwd):
    """The files a run left in its folder, by name, with their bytes; a
    workbook by its parts, less the time it was written (its zip entries'
    times and docProps/core.xml), which differs from run to run."""
    got = {}
    for name in sorted(os.listdir(cwd)):
        path = os.path.join(cwd, name)
        if not os.path.isfile(path):
            continue
        with open(path, "rb") as f:
            data = f.read()
        if data.startswith(b"PK\x03\x04"):
            try:
                with zipfile.ZipFile(io.BytesIO(data)) as z:
                    data = {n: z.read(n) for n in z.namelist() if n != "docProps/core.xml"}
            except (zipfile.BadZipFile, OSError, EOFError) as e:
                data = f"not a readable zip: {e}"
        got[name] = data
    return got


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("styr")
    ap.add_argument("so")
    ap.add_argument("--all", action="store_true", help="every allocation from N on fails")
    ap.add_argument("--first", type=int, default=0, help="try allocations 1..K")
    ap.add_argument("--last", type=int, default=0, help="and the last K")
    ap.add_argument("--sample", type=int, default=0, help="and K more, drawn with --seed")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--name-copies", metavar="FILE", help="only allocations of the size of FILE's name, each")
    ap.add_argument("args", nargs="+", help="styr's arguments (after --)")
    a = ap.parse_args()
    styr, so = os.path.abspath(a.styr), os.path.abspath(a.so)
    # The run's language decides the words: a Swedish run says "minnet tog
    # slut" and never libxlsxwriter's, Lua's or the engine's English.
    english = "en" in [a.args[i + 1] for i in range(len(a.args) - 1) if a.args[i] == "--lang"]
    words = re.compile(rb"out of memory|memory ran out|Cannot allocate memory" if english
                       else "minnet tog slut|fick slut på minne".encode())
    english_words = re.compile(rb"out of memory|not enough memory|Memory allocation failed")
    # -o NAME: the fresh folder holds an earlier report under that name, so
    # that replacing it only when complete is checked too
    target = next((a.args[i + 1] for i in range(len(a.args) - 1) if a.args[i] == "-o"), None)
    target = target if target and "/" not in target and target != "-" else None

    # the inputs are copied into a fresh folder for each run, so that -o
    # writes there and nothing a run leaves behind can be missed
    src = os.getcwd()
    size = len(os.fsencode(absolute(a.name_copies, src))) + 1 if a.name_copies else 0

    def fresh():
        d = tempfile.mkdtemp(prefix="styr-oom-")
        if target:
            with open(os.path.join(d, target), "wb") as f:
                f.write(OLD_REPORT)
        return d

    base_dir = fresh()
    count_file = os.path.join(base_dir, ".count")
    rc0, out0, err0 = run(styr, so, [absolute(x, src) for x in a.args], base_dir, count=count_file, size=size)
    with open(count_file) as f:
        total = int(f.read())
    os.remove(count_file)
    files0 = outputs(base_dir)
    shutil.rmtree(base_dir)
    # A workbook's child process exits without counting: its allocations
    # come after the parent's count at the fork. Counted in one process
    # (STYR_NO_FORK), the run reaches them, so N goes that far too.
    d = fresh()
    rc_nf, _, _ = run(styr, so, [absolute(x, src) for x in a.args], d, count=count_file.replace(base_dir, d),
                      no_fork=True, size=size)
    with open(os.path.join(d, ".count")) as f:
        total = max(total, int(f.read()))
    shutil.rmtree(d, ignore_errors=True)
    if rc0 not in (0, 1):
        sys.exit(f"sweep: the run without a failure exits {rc0}:\n{err0.decode(errors='replace')}")
    # A sweep through an injector that does not bite would pass hollow:
    # it must count allocations, and memory gone from the first on must
    # change the run.
    d = fresh()
    rc1, out1, _ = run(styr, so, [absolute(x, src) for x in a.args], d, at=1, fail_all=True, size=size)
    shutil.rmtree(d, ignore_errors=True)
    if total == 0 or (rc1 == rc0 and out1 == out0):
        sys.exit(f"sweep: {so} does not make allocations fail ({total} counted): is it built with its "
                 "symbols visible, and is styr linked dynamically against glibc?")

    if a.first or a.last or a.sample:
        # the count drifts a little from run to run (Lua's collector), so
        # the last K are counted from the end of this run's count
        ends = set(range(1, min(a.first, total) + 1)) | set(range(max(1, total - a.last + 1), total + 1))
        rest = [n for n in range(1, total + 1) if n not in ends]
        todo = sorted(ends | set(random.Random(a.seed).sample(rest, min(a.sample, len(rest)))))
    else:
        todo = list(range(1, total + 1))
    print(f"sweep: {total} allocations in the run without a failure (exit {rc0}); trying {len(todo)}"
          f"{' (every one from N on failing)' if a.all else ''}", flush=True)

    def one(n):
        d = fresh()
        try:
            rc, out, err = run(styr, so, [absolute(x, src) for x in a.args], d, at=n, fail_all=a.all, size=size)
            files = outputs(d)
        finally:
            shutil.rmtree(d, ignore_errors=True)
        if rc is None:
            return n, "hang (no exit within 60 s)"
        if rc < 0:
            return n, f"killed by signal {-rc}: {err.decode(errors='replace')[-300:]}"
        if rc in (0, 1):
            if rc != rc0 or out != out0 or files != files0:
                return n, f"exit {rc} but not the output of the run without a failure (nothing may be lost silently)"
            if err != err0:   # e.g. libxlsxwriter's "[ERROR] Memory allocation failed" beside a success
                return n, f"exit {rc} with other words on stderr: {err.decode(errors='replace')[-300:]!r}"
            return n, None
        if rc == 2:
            # where a failed run's report goes (-o) it may say it there,
            # a workbook in one of its parts
            texts = [out, err] + [t for v in files.values() for t in (v.values() if isinstance(v, dict) else [v])
                                  if isinstance(t, bytes)]
            if not any(words.search(t) for t in texts):
                said = (out + err).decode(errors='replace')[-300:]
                return n, f"exit 2 without saying, in the run's language, that memory ran out: {said!r}"
            if not english and any(english_words.search(t) for t in texts):
                said = (out + err).decode(errors='replace')[-300:]
                return n, f"exit 2 with English words in a Swedish run: {said!r}"
            for name, v in files.items():
                parts = list(v.values()) if isinstance(v, dict) else [v]
                says = any(isinstance(t, bytes) and words.search(t) for t in parts)
                if not (says or v == OLD_REPORT) and v != files0.get(name):
                    return n, f"exit 2 but left {name} behind, neither the earlier one, complete nor saying why"
            return n, None
        return n, f"exit {rc}: {err.decode(errors='replace')[-300:]}"

    bad = []
    with concurrent.futures.ThreadPoolExecutor(a.jobs) as pool:
        for n, why in pool.map(one, todo):
            if why:
                bad.append((n, why))
                print(f"allocation {n}: {why}", flush=True)
    print(f"sweep: {len(todo) - len(bad)} of {len(todo)} runs kept the promise")
    return 1 if bad else 0


def absolute(arg, base):
    """A relative path (it has a '/') to an existing file or folder is made
    absolute (the runs happen in a fresh folder); a command word such as
    'rules' and an -o name stay as they are, even when the folder the
    sweep starts in holds something of that name."""
    if "/" in arg and not arg.startswith(("-", "/")) and os.path.exists(os.path.join(base, arg)):
        return os.path.join(base, arg)
    return arg


if __name__ == "__main__":
    sys.exit(main())
