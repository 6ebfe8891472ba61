#!/usr/bin/python3
"""Compares two styr outputs for the spreadsheet round trip.

  compare.py findings A.json B.json   same findings (rule, severity, message,
                                      item, path, waived), positions aside
  compare.py plans A.yaml B.yaml      the same plan tree (mapping order aside)
"""
import json
import re
import sys

import yaml


def findings(path):
    doc = json.load(open(path, encoding="utf-8"))
    out = []
    for f in doc["files"]:
        if f.get("failed"):
            out.append(("FAILED", f["error"]["message"]))
            continue
        for x in f["findings"]:
            # a message may name a line ("first on line 17"): a position, not content
            msg = re.sub(r"\b(rad|line|row) \d+", r"\1 N", x["message"])
            out.append((x["rule"], x["severity"], msg, x.get("action", x.get("area")), x["path"],
                        x.get("waived", False), x.get("remediation")))
    return sorted(out, key=repr)


def drop_empty_lists(v):
    """A workbook keeps an empty list, and a null (a field written with no
    value, as 'action: ~' in a waiver), as an empty cell, that is, no value:
    the one difference a round trip may make (the findings are compared as
    they are, so it must not change what the rules say, which read a null as
    absent)."""
    if isinstance(v, dict):
        return {k: drop_empty_lists(x) for k, x in v.items() if x != [] and x is not None}
    if isinstance(v, list):
        return [drop_empty_lists(x) for x in v]
    return v


def plan(path):
    with open(path, encoding="utf-8") as f:
        return drop_empty_lists(yaml.safe_load(f))


def main():
    kind, a, b = sys.argv[1:4]
    x, y = (findings(a), findings(b)) if kind == "findings" else (plan(a), plan(b))
    if x == y:
        print(f"same {kind}: {a} {b}" + (f" ({len(x)} findings)" if kind == "findings" else ""))
        return 0
    print(f"DIFFERENT {kind}: {a} {b}")
    if kind == "findings":
        for f in sorted(set(map(repr, x)) - set(map(repr, y))):
            print("  only in first: ", f)
        for f in sorted(set(map(repr, y)) - set(map(repr, x))):
            print("  only in second:", f)
    return 1


sys.exit(main())
