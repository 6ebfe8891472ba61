#!/usr/bin/env python3
"""check_layers.py - proves that the build keeps the engine's layers apart.

For every layer folder under engine/, it takes the real compile command of one
of its sources from compile_commands.json and compiles, with exactly those
flags, a file that includes one header of another layer:
  - a header of a layer below (allowed) must compile;
  - a header of a layer above or beside it must fail with "No such file".
It also fails on any include that climbs out of a folder ("../") and on any
header in internal/ that another layer's source names.

usage: check_layers.py BUILD_DIR SOURCE_DIR
"""
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile

# The architecture (engine/README.md): each layer and the layers below it
# that it may use. Everything else must be invisible to it.
BELOW = {
    "base": [],
    "doc": ["base"],
    "mcda": ["base"],
    "lua": ["doc", "base"],
    "ruleset": ["lua", "mcda", "doc", "base"],
    "check": ["ruleset", "lua", "mcda", "doc", "base"],
    "score": ["check", "ruleset", "lua", "mcda", "doc", "base"],
    "report": ["score", "check", "ruleset", "lua", "mcda", "doc", "base"],
    "api": ["check", "ruleset", "lua", "mcda", "doc", "base"],
    "cli": ["report", "api", "score", "check", "ruleset", "lua", "mcda", "doc", "base"],
}


def main():
    build, src = sys.argv[1], os.path.realpath(sys.argv[2])
    engine = os.path.join(src, "engine")
    with open(os.path.join(build, "compile_commands.json")) as f:
        commands = json.load(f)
    layers = sorted(d for d in os.listdir(engine) if os.path.isdir(os.path.join(engine, d)))
    missing = set(layers) ^ set(BELOW)
    if missing:
        print(f"FAIL: layers without a rule here, or rules without a folder: {sorted(missing)}")
        return 1
    headers = {l: sorted(h for h in os.listdir(os.path.join(engine, l)) if h.endswith(".h")) for l in layers}
    passed = failed = 0

    def report(ok, what):
        nonlocal passed, failed
        if ok:
            passed += 1
        else:
            failed += 1
            print("FAIL:", what)

    # No include climbs out of its folder, and internal/ stays private.
    for layer in layers:
        for root, _, files in os.walk(os.path.join(engine, layer)):
            for name in files:
                if not name.endswith((".c", ".h")):
                    continue
                path = os.path.join(root, name)
                with open(path, encoding="utf-8") as f:
                    for n, line in enumerate(f, 1):
                        m = re.match(r'\s*#\s*include\s*"([^"]+)"', line)
                        if m:
                            report(".." not in m.group(1) and not m.group(1).startswith("/"),
                                   f"{os.path.relpath(path, src)}:{n}: include leaves its folder: {m.group(1)}")

    with tempfile.TemporaryDirectory() as tmp:
        for layer in layers:
            folder = os.path.join(engine, layer)
            cmd = next((c for c in commands if os.path.dirname(os.path.realpath(c["file"])) == folder), None)
            if cmd is None:
                report(False, f"no compile command for a source of engine/{layer}")
                continue
            args = shlex.split(cmd["command"]) if "command" in cmd else list(cmd["arguments"])
            # Keep the compiler and its flags; drop -o OUT, -c and the source.
            flags, skip = [], False
            for a in args[1:]:
                if skip:
                    skip = False
                    continue
                if a in ("-o", "-MF", "-MT", "-MQ"):
                    skip = True
                    continue
                if a in ("-c", "-MD", "-MMD") or os.path.realpath(os.path.join(cmd["directory"], a)) == os.path.realpath(cmd["file"]):
                    continue
                flags.append(a)
            probe = os.path.join(tmp, f"probe_{layer}.c")
            for other in layers:
                if not headers[other]:
                    continue
                header = headers[other][0]
                with open(probe, "w") as f:
                    f.write(f'#include "{header}"\nint probe_{layer}(void);\nint probe_{layer}(void) {{ return 0; }}\n')
                r = subprocess.run([args[0], *flags, "-fsyntax-only", probe], cwd=cmd["directory"],
                                   capture_output=True, text=True)
                if other == layer or other in BELOW[layer]:
                    report(r.returncode == 0, f"engine/{layer} cannot include {other}/{header}: {r.stderr.strip()[:300]}")
                else:
                    report(r.returncode != 0 and "No such file" in r.stderr,
                           f"engine/{layer} can include {other}/{header}, a layer above or beside it")
    print(f"layers: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
