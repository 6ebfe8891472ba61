#!/usr/bin/python3
"""Runs the commands of the coordinators' guide (docs/guide.md) in the
current folder, one after the other, and checks what the guide says of them.

The guide marks its blocks so that a reader sees ordinary Markdown:

* A ```console block holds commands, each on a line starting with "$ ",
  followed by lines of the output the guide shows. Each shown line must be
  a line of the command's output (standard output and error together), in
  the shown order; a line "..." stands for lines left out.
* The command exits 0, unless an HTML comment `<!-- slutkod: N -->` stands
  on the line before the block (then every command in it exits N).
* `<!-- fil: PATH -->` on the line before a fenced block: the block is a file
  the reader writes; it is written to PATH before the commands after it.
* `<!-- ändra: PATH -->` before a block: the block's first line is a line
  already in PATH (it stays); the reader adds the block's other lines after
  it.

Any other fenced block with shell commands (```sh, ```bash, ```shell) is an
error: every command in the guide is a tested one.

  guide_run.py GUIDE.md
"""
import os
import re
import subprocess
import sys

text = open(sys.argv[1], encoding="utf-8").read().split("\n")
failures = []
commands = 0
subcommands = set()
i = 0


def fail(line, what):
    failures.append(f"docs/guide.md:{line}: {what}")
    print(f"FAIL docs/guide.md:{line}: {what}")


def run_block(start, body, code):
    global commands
    cmds = []   # (line number, command, [shown lines])
    for k, line in enumerate(body):
        if line.startswith("$ "):
            cmds.append((start + k + 1, line[2:], []))
        elif cmds:
            cmds[-1][2].append(line)
        elif line.strip():
            fail(start + k + 1, "output before any command")
    if not cmds:
        fail(start, "a console block without a command")
    for lineno, cmd, shown in cmds:
        commands += 1
        m = re.match(r"styr (\w+)(?: (\w+))?", cmd)
        if m:
            subcommands.add(m.group(1) + (" " + m.group(2) if m.group(1) == "rules" else ""))
        r = subprocess.run(["bash", "-c", cmd], capture_output=True, text=True)
        out = [l.rstrip() for l in (r.stdout + r.stderr).split("\n")]
        if r.returncode != code:
            fail(lineno, f"`{cmd}` exits {r.returncode}, the guide says {code}\n{r.stdout}{r.stderr}")
        at = 0
        for want in shown:
            if want.strip() in ("...", "…", ""):
                continue
            try:
                at = out.index(want.rstrip(), at) + 1
            except ValueError:
                fail(lineno, f"`{cmd}` does not print, in this order, the line\n    {want}\n  its output:\n"
                     + "\n".join("    " + l for l in out[:60]))
                break


while i < len(text):
    line = text[i]
    fence = re.match(r"^```(\S*)", line)
    if not fence:
        i += 1
        continue
    lang = fence.group(1)
    end = i + 1
    while end < len(text) and not text[end].startswith("```"):
        end += 1
    body = text[i + 1:end]
    mark = re.match(r"^<!-- (fil|ändra|slutkod): (.+?) -->$", text[i - 1]) if i else None
    if mark and mark.group(1) == "fil":
        path = mark.group(2)
        os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(body) + "\n")
    elif mark and mark.group(1) == "ändra":
        path = mark.group(2)
        old = open(path, encoding="utf-8").read()
        if len(body) < 2 or old.count(body[0] + "\n") != 1:
            fail(i + 1, f"an edit of {path} starts with a line that stands once in the file: {body[:1]}")
        else:
            with open(path, "w", encoding="utf-8") as f:
                f.write(old.replace(body[0] + "\n", "\n".join(body) + "\n", 1))
    elif lang == "console":
        run_block(i + 1, body, int(mark.group(2)) if mark and mark.group(1) == "slutkod" else 0)
    elif lang in ("sh", "bash", "shell"):
        fail(i + 1, f"a ```{lang} block: commands go in ```console blocks, where they are run")
    i = end + 1

# the guide covers what a coordinator does (issue 12)
for sub in ("template", "convert", "validate", "score", "sensitivity", "budget", "followup", "diff", "rules test"):
    if sub not in subcommands:
        fail(0, f"the guide runs no `styr {sub}`")
print(f"{commands} commands of the guide run; {len(failures)} failed")
sys.exit(1 if failures or commands < 20 else 0)
