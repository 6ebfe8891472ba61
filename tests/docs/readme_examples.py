#!/usr/bin/python3
"""Every example in README.md that shows a command's output
(a ``` block whose first line is `$ build/styr ARGS`) is what styr writes:
the shown lines appear in the real output, in order. A line that is just
`...` leaves lines out; ` ...` inside or at the end of a line leaves out
part of it.
The command runs from the repository root, in Swedish unless it says
--lang, without colours.

  readme_examples.py STYR
"""
import os
import re
import shlex
import subprocess
import sys

STYR = os.path.abspath(sys.argv[1])
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
text = open(os.path.join(ROOT, "README.md"), encoding="utf-8").read()
blocks = re.findall(r"^```[^\n]*\n(\$ build/styr [^\n]*)\n(.*?)^```", text, re.M | re.S)
env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANGUAGE", "LANG")}
env.update(LANG="C.UTF-8", NO_COLOR="1")
passed = failed = 0
for cmd, shown in blocks:
    args = shlex.split(cmd[len("$ build/styr "):])
    run = subprocess.run([STYR, *args], cwd=ROOT, env=env, capture_output=True, text=True)
    got = (run.stdout + run.stderr).splitlines()
    at, problem = 0, None
    for line in shown.rstrip("\n").split("\n"):
        if line.strip() == "...":
            continue
        pattern = "^" + ".*".join(re.escape(p) for p in re.split(r" \.\.\.", line)) + "$"
        while at < len(got) and not re.match(pattern, got[at]):
            at += 1
        if at == len(got):
            problem = f"not in the output (in order): {line[:160]}"
            break
        at += 1
    if problem:
        failed += 1
        print(f"FAIL {cmd}: {problem}")
    else:
        passed += 1
        print(f"PASS {cmd}")
if not blocks:
    failed += 1
    print("FAIL no example found in README.md")
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
