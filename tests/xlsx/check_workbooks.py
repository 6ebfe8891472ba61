#!/usr/bin/python3
"""Reads back, with openpyxl, the workbooks styr writes, and checks them
against styr's own JSON:

* validate --format xlsx: one row a finding (rule, severity, message, line,
  column, sheet and cell of a workbook plan, what to do) and a summary sheet
  with the counts of the JSON summary, in Swedish and English;
* template --format xlsx: the sheets and column headers of FORMATS.md
  section 14, and drop-down lists that offer the registry's names;
* template --format yaml: loads, and only the missing values are findings.

  check_workbooks.py STYR
"""
import json
import os
import subprocess
import sys
import tempfile

import openpyxl

STYR = os.path.abspath(sys.argv[1])
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
TMP = tempfile.mkdtemp()
failures = []
checks = 0


def run(*args):
    return subprocess.run([STYR, *args], cwd=ROOT, capture_output=True, text=True)


def check(cond, what):
    global checks
    checks += 1
    if not cond:
        failures.append(what)
        print("FAIL", what)


def sheet_rows(ws):
    rows = list(ws.iter_rows(values_only=True))
    return rows[0], [r for r in rows[1:] if any(v is not None for v in r)]


def findings_book(plan, lang):
    out = os.path.join(TMP, f"v-{lang}.xlsx")
    r = run("validate", plan, "--format", "xlsx", "--lang", lang, "-o", out)
    j = json.loads(run("validate", plan, "--format", "json", "--lang", lang).stdout)["files"][0]
    want = 1 if j["summary"]["error"] else 0   # the exit code the JSON's errors give
    check(r.returncode == want, f"{plan} {lang}: validate --format xlsx exits {want}, got {r.returncode}")
    wb = openpyxl.load_workbook(out)
    names = ("Summary", "Findings") if lang == "en" else ("Sammanfattning", "Fynd")
    check(wb.sheetnames == list(names), f"{plan} {lang}: sheets {wb.sheetnames}")
    head, rows = sheet_rows(wb[names[1]])
    col = {h: i for i, h in enumerate(head)}
    check(len(rows) == len(j["findings"]), f"{plan} {lang}: {len(rows)} rows for {len(j['findings'])} findings")
    msg_col = "Message" if lang == "en" else "Meddelande"
    fix_col = "What to do" if lang == "en" else "Åtgärd"
    line_col = "Line" if lang == "en" else "Rad"
    for row, f in zip(rows, j["findings"]):
        check(row[col[msg_col]] == f["message"] and row[col["Regel" if lang == "sv" else "Rule"]] == f["rule"],
              f"{plan} {lang}: row {row} is finding {f}")
        check(row[col[line_col]] == f["line"], f"{plan}: line of {f['rule']}")
        check(row[col[fix_col]] == f.get("remediation"), f"{plan}: remedy of {f['rule']}")
        if "sheet" in f:
            check(row[col["Blad" if lang == "sv" else "Sheet"]] == f["sheet"] and row[col["Cell"]] == f["cell"],
                  f"{plan}: sheet and cell of {f['rule']}: {row}")
    shead, srows = sheet_rows(wb[names[0]])
    s = j["summary"]
    counts = tuple(srows[0][1:7])
    want = (j["kind"], j.get("actions", j.get("areas")), s["error"], s["warning"], s["info"], s["waived"])
    check(len(srows) == 1 and counts == want, f"{plan} {lang}: summary {counts}, JSON {want}")


findings_book("scenarios/goteborg-2018-2019.yaml", "sv")
findings_book("scenarios/goteborg-2018-2019.yaml", "en")
findings_book("tests/cli/data/plan-small.xlsx", "sv")

# score --format xlsx: the ranking and findings against the JSON
def score_book(lang):
    args = ["score", "tests/cli/data/areas-with-errors.yaml", "--scenario", "scenarios/balanserad.yaml",
            "--scenario", "scenarios/kostnadsmedveten.yaml", "--lang", lang]
    out = os.path.join(TMP, f"s-{lang}.xlsx")
    r = run(*args, "--format", "xlsx", "-o", out)
    check(r.returncode == 1, f"score --format xlsx exits 1 (the areas have errors), got {r.returncode} {r.stderr}")
    j = json.loads(run(*args, "--format", "json").stdout)
    wb = openpyxl.load_workbook(out)
    names = ["Summary", "Ranking", "Findings"] if lang == "en" else ["Sammanfattning", "Rangordning", "Fynd"]
    check(wb.sheetnames == names, f"score sheets {wb.sheetnames}")
    head, rows = sheet_rows(wb[names[1]])
    want = [(sc["id"], x["rank"], x["area"]) for sc in j["scenarios"] for x in sc["ranking"]]
    check([tuple(r[:3]) for r in rows] == want, f"score {lang}: ranking rows equal the JSON's")
    for row, (sc, x) in zip(rows, [(sc, x) for sc in j["scenarios"] for x in sc["ranking"]]):
        check(abs(row[3] - x["score"]) < 1e-9, f"score of {x['area']} in {sc['id']}")
        for k, crit in enumerate(head[5:-1]):
            check(abs((row[5 + k] or 0) - x["contributions"].get(crit, 0)) < 1e-9, f"{crit} of {x['area']}")
        check(head[-1] == ("Title" if lang == "en" else "Titel") and row[len(head) - 1] == x["title"],
              f"title of {x['area']}: {row[len(head) - 1]!r}, JSON {x['title']!r}")
    fhead, frows = sheet_rows(wb[names[2]])
    check([(r[4], r[6]) for r in frows] == [(f["rule"], f["message"]) for f in j["findings"]],
          f"score {lang}: one row a finding of the areas file")
    shead, srows = sheet_rows(wb[names[0]])
    # one summary row a scenario given, scored or not (the JSON lists the scored ones)
    check([r[0] for r in srows] == ["balanserad", "kostnadsmedveten"], f"summary rows {srows}")
    scored = {r[0] for r in srows if r[2] in ("ja", "yes")}
    check(scored == {sc["id"] for sc in j["scenarios"]}, f"scored scenarios {scored}")


score_book("sv")
score_book("en")

# the template workbook
tpl = os.path.join(TMP, "template.xlsx")
check(run("template", "-o", tpl).returncode == 0, "template -o template.xlsx")
wb = openpyxl.load_workbook(tpl)
check(wb.sheetnames[:5] == ["Insatser", "Dokument", "Strategier", "Budget", "Undantag"], f"sheets {wb.sheetnames}")
head = [c.value for c in wb["Insatser"][1]]
contract = ["Insats", "Strategi", "Rubrik", "Beskrivning", "Ansvarig", "Partner", "Start", "Slut", "Finansiär",
            "Finansieringstyp", "Status", "Belopp (kr)", "Årsarbetare", "Till och med", "Program",
            "Länkade insatser", "Indikatorer"]
check(all(h in head for h in contract), f"Insatser headers {head}")
lists = wb["Listor"]
check(lists.sheet_state == "hidden", "the lists sheet is hidden")
listed = {lists.cell(1, c).value: [lists.cell(r, c).value for r in range(2, lists.max_row + 1)
                                   if lists.cell(r, c).value] for c in range(1, lists.max_column + 1)}
check("Kommunstyrelsen" in listed.get("Ansvarig", []) and "Business Region Göteborg" in listed["Ansvarig"],
      f"owners offered: {listed.get('Ansvarig')}")
check("Vinnova" in listed.get("Finansiär", []), "funders offered")
check("HR-program" in listed.get("Program", []), "programmes offered")
check("external-grant" in listed.get("Finansieringstyp", []), "financing types offered")
dv = {str(v.sqref).split(":")[0]: v for v in wb["Insatser"].data_validations.dataValidation}
for header in ("Ansvarig", "Finansiär", "Program", "Finansieringstyp"):
    letter = openpyxl.utils.get_column_letter(head.index(header) + 1)
    v = dv.get(f"{letter}2")
    check(v is not None and v.type == "list" and v.formula1.startswith("Listor!"),
          f"drop-down list on {header} ({letter}2): {v and v.formula1}")

# the YAML template loads and only lacks values
ytpl = os.path.join(TMP, "template.yaml")
check(run("template", "-o", ytpl).returncode == 0, "template -o template.yaml")
r = run("validate", ytpl, "--format", "json")
check(r.returncode == 1 and not json.loads(r.stdout)["files"][0].get("failed"), "the YAML template loads")

# A formula no spreadsheet program has computed (openpyxl writes one as
# <f> with an empty <v>) is refused at its sheet and cell, never read as an
# empty cell; a computed one reads as its value.
book = os.path.join(TMP, "plan.xlsx")
run("convert", "scenarios/goteborg-2018-2019.yaml", "-o", book)
wb = openpyxl.load_workbook(book)
wb["Insatser"]["E6"] = "=Listor!A2"
uncomputed = os.path.join(TMP, "formula.xlsx")
wb.save(uncomputed)
r = run("validate", uncomputed, "--lang", "en")
check(r.returncode == 2 and "Insatser!E6 holds a formula with no computed value" in r.stdout + r.stderr,
      f"an uncomputed formula is refused at Insatser!E6: {r.returncode} {r.stdout[-300:]} {r.stderr[-300:]}")

print(f"{checks - len(failures)} of {checks} workbook checks passed")
sys.exit(1 if failures else 0)
