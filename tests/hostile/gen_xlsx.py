#!/usr/bin/python3
"""Writes the hostile .xlsx inputs committed in tests/hostile/inputs/ (each
small: they are hostile in what they inflate to, not in their size). Uses
Python's zipfile; deterministic (fixed timestamps), so a rerun changes
nothing.  usage: gen_xlsx.py DIR"""
import os
import sys
import zipfile

DIR = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "inputs")
WB = ('<?xml version="1.0"?><workbook xmlns:r="r"><sheets>'
      '<sheet name="Insatser" sheetId="1" r:id="rId1"/><sheet name="Dokument" sheetId="2" r:id="rId2"/>'
      '</sheets></workbook>')
RELS = ('<?xml version="1.0"?><Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/>'
        '<Relationship Id="rId2" Target="worksheets/sheet2.xml"/></Relationships>')
EMPTY = "<worksheet><sheetData/></worksheet>"


def book(name, parts):
    with zipfile.ZipFile(os.path.join(DIR, name), "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for part, data in parts:
            info = zipfile.ZipInfo(part, date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


def base(sheet1=EMPTY, shared=None):
    parts = [("xl/workbook.xml", WB), ("xl/_rels/workbook.xml.rels", RELS)]
    if shared is not None:
        parts.append(("xl/sharedStrings.xml", shared))
    return parts + [("xl/worksheets/sheet1.xml", sheet1), ("xl/worksheets/sheet2.xml", EMPTY)]


# A zip bomb: 80 MB of spaces in a sheet, 80 kB on disk.
book("xlsx-zip-bomb.xlsx", base("<worksheet>" + " " * (80 << 20) + "</worksheet>"))
# More shared strings than the table may hold: mostly empty, with a few
# letters at pseudo-random places so that the part packs less than 500:1
# (a bomb is caught before its strings are counted).
x, entries = 1, []
for _ in range(1000001):
    x = (x * 1103515245 + 12345) % 4294967296
    entries.append("<si/>" if (x >> 16) % 200 else f"<si><t>{chr(97 + (x >> 8) % 26)}</t></si>")
book("xlsx-shared-strings.xlsx", base(shared="<sst>" + "".join(entries) + "</sst>"))
# One 64 kB shared string used by 64 cells: 4 MB of cell text, run with --max-file-size 2M.
x, letters = 7, []
for _ in range(65536):
    x = (x * 1103515245 + 12345) % 4294967296
    letters.append(chr(97 + (x >> 16) % 4))
cells = "<row>" + '<c t="s"><v>0</v></c>' * 64 + "</row>"
book("xlsx-shared-amplified.xlsx",
     base("<worksheet><sheetData>" + cells + "</sheetData></worksheet>",
          shared="<sst><si><t>" + "".join(letters) + "</t></si></sst>"))
# XML 100 000 levels deep.
book("xlsx-deep-xml.xlsx", base("<worksheet>" + "<a>" * 100000 + "</a>" * 100000 + "</worksheet>"))
# Billion laughs in the workbook part.
laughs = '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">' + "".join(
    f'<!ENTITY {chr(98 + i)} "' + f"&{chr(97 + i)};" * 10 + '">' for i in range(9)) + "]><workbook>&j;</workbook>"
book("xlsx-entities.xlsx", [("xl/workbook.xml", laughs), ("xl/_rels/workbook.xml.rels", RELS)])
# A cell in a row beyond Excel's last.
book("xlsx-row-beyond.xlsx", base('<worksheet><sheetData><row r="9999999"><c><v>1</v></c></row></sheetData></worksheet>'))
# Broken archives: a real one cut short, and text that merely claims the name.
src = os.path.join(DIR, "xlsx-row-beyond.xlsx")
data = open(src, "rb").read()
open(os.path.join(DIR, "xlsx-truncated.xlsx"), "wb").write(data[: len(data) // 2])
open(os.path.join(DIR, "xlsx-not-zip.xlsx"), "w").write("kind: action-plan\nversion: 1\n")
# A zip with no workbook in it.
with zipfile.ZipFile(os.path.join(DIR, "xlsx-no-workbook.xlsx"), "w") as z:
    z.writestr(zipfile.ZipInfo("hello.txt", date_time=(2020, 1, 1, 0, 0, 0)), "hej")
