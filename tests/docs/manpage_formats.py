#!/usr/bin/python3
"""The man page's "Formats:" of score, budget, followup and diff name the
formats that `styr help COMMAND` offers, no more, no fewer (validate's are
spread over several lines with explanations and are not compared).

  manpage_formats.py STYR
"""
import os
import re
import subprocess
import sys

STYR = sys.argv[1]
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
page = open(os.path.join(ROOT, "docs", "styr.1"), encoding="utf-8").read()
bad = 0
for cmd in ("score", "budget", "followup", "diff"):
    para = re.search(r"^\.TP\n\.B " + cmd + r"\n(.*?)(?=^\.TP$)", page, re.S | re.M)
    line = para and re.search(r"Formats:\n\.BR (.*)$", para.group(1), re.M)
    man = [w.strip(' "') for w in line.group(1).rstrip(" .").split('", "')] if line else []
    man = [w for w in (x.strip().strip('"').strip() for x in man) if w]
    # the man page is English: the help in English
    helptext = subprocess.run([STYR, "help", cmd, "--lang", "en"], capture_output=True, text=True).stdout
    m = re.search(r"--format FMT\s+(.*)", helptext)
    offered = [w for w in re.split(r",\s*|\s+or\s+", m.group(1).replace("(default)", "")) if w.strip()] if m else []
    offered = [w.strip() for w in offered]
    if not man or sorted(man) != sorted(offered):
        print(f"FAIL {cmd}: the man page says {man}, styr help {cmd} offers {offered}")
        bad += 1
    else:
        print(f"ok {cmd}: {', '.join(man)}")
sys.exit(1 if bad else 0)
