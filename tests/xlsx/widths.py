#!/usr/bin/python3
"""Prints the column widths a workbook sets, sheet by sheet, for a CLI
golden's post step (dump.py prints the values): "A 40.71" and so on, in
the widths Excel shows (libxlsxwriter adds the padding a width holds).

  widths.py BOOK.xlsx [SHEETS]
"""
import sys

import openpyxl

wb = openpyxl.load_workbook(sys.argv[1])
limit = int(sys.argv[2]) if len(sys.argv) > 2 else len(wb.worksheets)
for ws in wb.worksheets[:limit]:
    dims = sorted(ws.column_dimensions.items(), key=lambda kv: (kv[1].min or 0))
    cols = [f"{d.min}-{d.max} {d.width:g}" for _, d in dims if d.width and d.customWidth]
    print(f"== {ws.title} widths: " + (", ".join(cols) if cols else "(none set)"))
