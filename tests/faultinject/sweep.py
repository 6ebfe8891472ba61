#!/usr/bin/env python3
"""Out-of-memory sweep: runs one styr command again and again, each time with
one allocation made to fail (failalloc.so through LD_PRELOAD), and checks the
promise of docs/FORMATS.md section 7 under memory exhaustion: never a crash
or a hang, and nothing lost silently.

For each run with allocation N failing:
  - a signal (SIGSEGV, SIGABRT, ...) or a hang is a failure;
  - exit 0 or 1 means styr recovered (Lua's collector, a retry): its output
    and exit code must then be exactly those of the run without a failure;
  - exit 2 means styr gave up: it must say that memory ran out (on stderr,
    or in the report, on stdout or in the -o file, where a run's errors
    go), in the run's language; a file it leaves is either that report or
    the complete output of the run without a failure, never a part.
Any other exit code is a failure.

    sweep.py STYR FAILALLOC_SO [--all] [--every K] [--first K] [--sample K]
             [--seed S] [--jobs J] -- ARGS...

By default every allocation is tried (a full sweep: tens of thousands of
runs for validate of the bundled plan, minutes). --first K --sample M
--seed S tries the first K and M more drawn with the seed: the suite's
bounded, repeatable version. --all makes every allocation from N on fail
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


def run(styr, so, args, cwd, at=0, fail_all=False, count=None, timeout=60):
    env = dict(os.environ)
    env["LD_PRELOAD"] = so
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
    ap.add_argument("--sample", type=int, default=0, help="and K more, drawn with --seed")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--memory-words", default="minne|memory",
                    help="a regular expression an exit-2 message must match")
    ap.add_argument("args", nargs="+", help="styr's arguments (after --)")
    a = ap.parse_args()
    styr, so = os.path.abspath(a.styr), os.path.abspath(a.so)
    words = re.compile(a.memory_words.encode(), re.I)

    # the inputs are copied into a fresh folder for each run, so that -o
    # writes there and nothing a run leaves behind can be missed
    src = os.getcwd()

    def fresh():
        d = tempfile.mkdtemp(prefix="styr-oom-")
        return d

    base_dir = fresh()
    count_file = os.path.join(base_dir, ".count")
    rc0, out0, err0 = run(styr, so, [absolute(x, src) for x in a.args], base_dir, count=count_file)
    with open(count_file) as f:
        total = int(f.read())
    os.remove(count_file)
    files0 = outputs(base_dir)
    shutil.rmtree(base_dir)
    if rc0 not in (0, 1):
        sys.exit(f"sweep: the run without a failure exits {rc0}:\n{err0.decode(errors='replace')}")
    # A sweep through an injector that does not bite would pass hollow:
    # it must count allocations, and memory gone from the first on must
    # change the run.
    d = fresh()
    rc1, out1, _ = run(styr, so, [absolute(x, src) for x in a.args], d, at=1, fail_all=True)
    shutil.rmtree(d, ignore_errors=True)
    if total == 0 or (rc1 == rc0 and out1 == out0):
        sys.exit(f"sweep: {so} does not make allocations fail ({total} counted): is it built with its "
                 "symbols visible, and is styr linked dynamically against glibc?")

    if a.first or a.sample:
        todo = list(range(1, min(a.first, total) + 1))
        rest = list(range(len(todo) + 1, total + 1))
        todo += sorted(random.Random(a.seed).sample(rest, min(a.sample, len(rest))))
    else:
        todo = list(range(1, total + 1))
    print(f"sweep: {total} allocations in the run without a failure (exit {rc0}); trying {len(todo)}"
          f"{' (every one from N on failing)' if a.all else ''}", flush=True)

    def one(n):
        d = fresh()
        try:
            rc, out, err = run(styr, so, [absolute(x, src) for x in a.args], d, at=n, fail_all=a.all)
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
            return n, None
        if rc == 2:
            # where a failed run's report goes (-o) it may say it there
            texts = [out, err] + [v for v in files.values() if isinstance(v, bytes)]
            if not any(words.search(t) for t in texts):
                said = (out + err).decode(errors='replace')[-300:]
                return n, f"exit 2 without saying memory ran out: {said!r}"
            for name, v in files.items():
                if not (isinstance(v, bytes) and words.search(v)) and v != files0.get(name):
                    return n, f"exit 2 but left {name} behind, neither complete nor saying memory ran out"
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
    """A relative argument that names an existing file or folder is made
    absolute (the runs happen in a fresh folder); others are left alone."""
    if not arg.startswith("-") and os.path.exists(os.path.join(base, arg)):
        return os.path.join(base, arg)
    return arg


if __name__ == "__main__":
    sys.exit(main())
