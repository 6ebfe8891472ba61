#!/usr/bin/python3
"""Prints a workbook as text for a CLI golden's post step: each sheet's name
and row count, then its first rows (values, tab-separated), read with
openpyxl.

  dump.py BOOK.xlsx [ROWS]
"""
import sys

import openpyxl

wb = openpyxl.load_workbook(sys.argv[1])
limit = int(sys.argv[2]) if len(sys.argv) > 2 else 3
for ws in wb:
    rows = list(ws.iter_rows(values_only=True))
    print(f"== {ws.title} ({len(rows)} rows)")
    for r in rows[:limit]:
        # an empty cell prints as nothing; a cell holding an empty text (which
        # styr never writes: an absent value is no cell) shows as ""
        print("\t".join("" if v is None else '""' if v == "" else str(v) for v in r))
