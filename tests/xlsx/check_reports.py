#!/usr/bin/python3
"""Reads back, with openpyxl, the workbooks of `budget`, `followup` and
`diff --format xlsx`, and checks every cell that carries a figure or a
finding against the same command's JSON (FORMATS.md sections 11-13), in
Swedish and English. Then the -o rules every report format shares: a
workbook is never written onto an input of the run, a failed run leaves an
earlier report as it was, a symbolic link is followed, and standard output
(not a terminal) gets the workbook's bytes.

  check_reports.py STYR
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

import openpyxl

STYR = os.path.abspath(sys.argv[1])
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
TMP = tempfile.mkdtemp()
PLAN = "scenarios/goteborg-2018-2019.yaml"
FOLLOWUP = "scenarios/goteborg-2018-2019-ur2-2018.yaml"
DRAFT = "scenarios/goteborg-2019-2020-utkast.yaml"
failures = []
checks = 0


def run(*args, **kw):
    return subprocess.run([STYR, *args], cwd=ROOT, capture_output=True, **kw)


def check(cond, what):
    global checks
    checks += 1
    if not cond:
        failures.append(what)
        print("FAIL", what)


def book(args, lang, name):
    """The workbook and the JSON of one command; both runs exit alike."""
    out = os.path.join(TMP, f"{name}-{lang}.xlsx")
    r = run(*args, "--lang", lang, "--format", "xlsx", "-o", out)
    j = run(*args, "--lang", lang, "--format", "json")
    check(r.returncode == j.returncode, f"{name} {lang}: xlsx exits {r.returncode}, json {j.returncode}")
    check(r.stdout == b"" and r.stderr == j.stderr, f"{name} {lang}: nothing on stdout, stderr as json's: {r.stderr}")
    return openpyxl.load_workbook(out), json.loads(j.stdout)


def rows(ws):
    """The header and the rows as dicts, empty cells None."""
    allr = list(ws.iter_rows(values_only=True))
    return [dict(zip(allr[0], r)) for r in allr[1:]]


def same(a, b):
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(a - b) < 1e-9
    return a == b


def t(lang, sv, en):
    return en if lang == "en" else sv


def check_finding(lang, row, f, file, what):
    want = {t(lang, "Fil", "File"): file, t(lang, "Rad", "Line"): f["line"], t(lang, "Kolumn", "Column"): f["column"],
            t(lang, "Allvarlighet", "Severity"): {"error": t(lang, "fel", "error"),
                                                 "warning": t(lang, "varning", "warning"), "info": "info"}[f["severity"]],
            t(lang, "Regel", "Rule"): f["rule"], t(lang, "Insats/område", "Action/area"): f.get("action", f.get("area")),
            t(lang, "Meddelande", "Message"): f["message"],
            t(lang, "Åtgärd", "What to do"): None if f.get("waived") else f.get("remediation"),
            t(lang, "Blad", "Sheet"): f.get("sheet"), "Cell": f.get("cell")}
    for k, v in want.items():
        check(same(row[k], v), f"{what}: {k} is {row[k]!r}, the JSON's {v!r}")


# ---- budget -----------------------------------------------------------------
STATUS_SV = {"decided": "beslutad", "requested": "begärd", "conditional": "villkorad", "projected": "bedömning"}


def budget(lang):
    wb, j = book(["budget", PLAN], lang, "budget")
    names = t(lang, ["Sammanfattning", "År", "Per ansvarig", "Per finansiär"],
              ["Summary", "Years", "Per owner", "Per funder"])
    check(wb.sheetnames == names, f"budget {lang}: sheets {wb.sheetnames}")
    s = rows(wb[names[0]])
    check(len(s) == 1 and s[0]["Plan"] == j["plan"], f"budget {lang}: summary {s}")
    check(same(s[0][t(lang, "Glapp (årsarbetskrafter)", "Gap (FTE)")], sum(y["gap_fte"] for y in j["years"])),
          f"budget {lang}: the gap's FTE")
    check(s[0][t(lang, "Glappet: finansiering som upphör", "The gap: money that ends")] == j["gap_sources"],
          f"budget {lang}: the gap's sources")
    ys = rows(wb[names[1]])
    check([r[t(lang, "År", "Year")] for r in ys] == [y["year"] for y in j["years"]], f"budget {lang}: one row a year")
    for r, y in zip(ys, j["years"]):
        cols = {t(lang, "Beslutat (kr)", "Decided (SEK)"): y["sek"]["decided"],
                t(lang, "Begärt (kr)", "Requested (SEK)"): y["sek"]["requested"],
                t(lang, "Villkorat (kr)", "Conditional (SEK)"): y["sek"]["conditional"],
                t(lang, "Externt (kr)", "External (SEK)"): y["sek"]["external"],
                t(lang, "Eget (kr)", "Own (SEK)"): y["sek"]["own"],
                t(lang, "Egna årsarbetskrafter", "Own FTE"): y["fte"]["own"],
                t(lang, "Externa årsarbetskrafter", "External FTE"): y["fte"]["external"],
                "Budget (kr)" if lang == "sv" else "Budget (SEK)": y["budget_sek"],
                t(lang, "Glapp (kr)", "Gap (SEK)"): y["gap_sek"], t(lang, "Glapp (årsarbetskrafter)", "Gap (FTE)"): y["gap_fte"]}
        if y["budget_fte"]:
            cols[t(lang, "Budget: omprioriterade årsarbetskrafter", "Budget: reprioritised FTE")] = y["budget_fte"]["reprioritised"]
            cols[t(lang, "Budget: externa årsarbetskrafter", "Budget: external FTE")] = y["budget_fte"]["external"]
            st = y["budget_status"]
            cols[t(lang, "Budgetens status", "Budget status")] = STATUS_SV[st] if lang == "sv" else st
        for k, v in cols.items():
            check(same(r[k], v), f"budget {lang} {y['year']}: {k} is {r[k]!r}, the JSON's {v!r}")
    ow = rows(wb[names[2]])
    want = [(o["owner"], o["actions"], y["year"], y["actions"], y["sek"], y["fte"]) for o in j["owners"] for y in o["years"]]
    got = [tuple(r.values()) for r in ow]
    check(len(got) == len(want) and all(all(same(a, b) for a, b in zip(g, w)) for g, w in zip(got, want)),
          f"budget {lang}: owners by year {got[:2]} vs {want[:2]}")
    fu = rows(wb[names[3]])
    want = [(f["funder"], t(lang, "ja", "yes") if f["external"] else t(lang, "nej", "no"), f["until"], f["sek"])
            for f in j["funders"]]
    check([tuple(r.values()) for r in fu] == want, f"budget {lang}: funders {fu[:2]} vs {want[:2]}")


# ---- followup ---------------------------------------------------------------
STATUS_WORDS = {"sv": {"done": "klar", "on-track": "enligt plan", "delayed": "försenad", "not-started": "ej påbörjad",
                       "cancelled": "avbruten", None: "utan status"},
                "en": {"done": "done", "on-track": "on track", "delayed": "delayed", "not-started": "not started",
                       "cancelled": "cancelled", None: "no status"}}


def followup(lang):
    wb, j = book(["followup", FOLLOWUP], lang, "followup")
    names = t(lang, ["Sammanfattning", "Insatser", "Fynd"], ["Summary", "Actions", "Findings"])
    check(wb.sheetnames == names, f"followup {lang}: sheets {wb.sheetnames}")
    s = rows(wb[names[0]])[0]
    want = {t(lang, "Uppföljning", "Follow-up"): j["file"], "Plan": j["plan"], t(lang, "Rapport", "Report"): j["report"],
            t(lang, "Per", "As of"): j["as_of"], t(lang, "Lyfts till", "Escalated to"): j["escalate_to"],
            t(lang, "Illustrativt", "Illustrative"): t(lang, "ja", "yes") if j["illustrative"] else t(lang, "nej", "no"),
            t(lang, "Insatser i planen", "Actions in the plan"): len(j["actions"]),
            t(lang, "Lyfts", "Escalated"): len(j["escalations"]),
            t(lang, "Fel", "Errors"): j["summary"]["error"], t(lang, "Varningar", "Warnings"): j["summary"]["warning"],
            "Info": j["summary"]["info"], t(lang, "Planens fel", "Plan errors"): j["plan_summary"]["error"],
            t(lang, "Planens varningar", "Plan warnings"): j["plan_summary"]["warning"]}
    for k, v in want.items():
        check(same(s[k], v), f"followup {lang} summary: {k} is {s[k]!r}, the JSON's {v!r}")
    acts = rows(wb[names[1]])
    check(len(acts) == len(j["actions"]), f"followup {lang}: {len(acts)} action rows, {len(j['actions'])} in the JSON")
    for r, a in zip(acts, j["actions"]):
        want = {t(lang, "Insats", "Action"): a["id"], t(lang, "Strategi", "Strategy"): a["strategy"],
                t(lang, "Rubrik", "Title"): a["title"], "Status": STATUS_WORDS[lang].get(a["status"], a["status"]),
                t(lang, "Planerad start", "Planned start"): a["planned_start"],
                t(lang, "Planerat slut", "Planned end"): a["planned_end"], t(lang, "Prognos", "Forecast"): a["forecast_end"],
                t(lang, "Försening (dagar)", "Delay (days)"): a["delay_days"],
                t(lang, "Budget (kr)", "Budget (SEK)"): a["budget_sek"], t(lang, "Förbrukat (kr)", "Spent (SEK)"): a["spent_sek"],
                t(lang, "Över budget (kr)", "Over budget (SEK)"): a["overspend_sek"],
                t(lang, "Lyfts", "Escalated"): t(lang, "ja", "yes") if a["escalate"] else t(lang, "nej", "no"),
                t(lang, "Skäl", "Reasons"): "\n".join(a["reasons"]) or None}
        for k, v in want.items():
            check(same(r[k], v), f"followup {lang} {a['id']}: {k} is {r[k]!r}, the JSON's {v!r}")
    fs = rows(wb[names[2]])
    check(len(fs) == len(j["findings"]) > 0, f"followup {lang}: {len(fs)} finding rows, {len(j['findings'])} in the JSON")
    for r, f in zip(fs, j["findings"]):
        check_finding(lang, r, f, j["file"], f"followup {lang} {f['rule']}")


# ---- diff ---------------------------------------------------------------------
def diff(lang):
    wb, j = book(["diff", PLAN, DRAFT], lang, "diff")
    names = t(lang, ["Sammanfattning", "Ändringar", "Fynd"], ["Summary", "Changes", "Findings"])
    check(wb.sheetnames == names, f"diff {lang}: sheets {wb.sheetnames}")
    s = rows(wb[names[0]])[0]
    a = j["actions"]
    n_changed_only = len([c for c in a["changed"] if c["id"] not in {r["to"] for r in a["renumbered"]}])
    want = {t(lang, "Gammal version", "Old version"): j["old"], t(lang, "Ny version", "New version"): j["new"],
            t(lang, "Sort", "Kind"): j["kind"], t(lang, "Nya", "Added"): len(a["added"]),
            t(lang, "Borttagna", "Removed"): len(a["removed"]), t(lang, "Omnumrerade", "Renumbered"): len(a["renumbered"]),
            t(lang, "Ändrade", "Changed"): n_changed_only,
            t(lang, "Pengar före (kr)", "Money before (SEK)"): j["money_sek"]["old"],
            t(lang, "Pengar efter (kr)", "Money after (SEK)"): j["money_sek"]["new"],
            t(lang, "Förändring (kr)", "Change (SEK)"): j["money_sek"]["new"] - j["money_sek"]["old"],
            t(lang, "Nya fynd", "New findings"): len(j["findings"]["new"]),
            t(lang, "Åtgärdade fynd", "Fixed findings"): len(j["findings"]["fixed"])}
    for k, v in want.items():
        check(same(s[k], v), f"diff {lang} summary: {k} is {s[k]!r}, the JSON's {v!r}")
    ch = rows(wb[names[1]])
    kind, old_id, new_id = t(lang, "Ändring", "Change"), t(lang, "Gammalt id", "Old id"), t(lang, "Nytt id", "New id")
    field, before, after = t(lang, "Fält", "Field"), t(lang, "Före", "Before"), t(lang, "Efter", "After")
    words = {"added": t(lang, "ny", "added"), "removed": t(lang, "borttagen", "removed"),
             "renumbered": t(lang, "omnumrerad", "renumbered"), "plan": t(lang, "planen", "plan")}
    check(sorted(r[new_id] for r in ch if r[kind] == words["added"]) == sorted(a["added"]), f"diff {lang}: added")
    check(sorted(r[old_id] for r in ch if r[kind] == words["removed"]) == sorted(a["removed"]), f"diff {lang}: removed")
    check(sorted({(r[old_id], r[new_id]) for r in ch if r[kind] == words["renumbered"]}) ==
          sorted((r["from"], r["to"]) for r in a["renumbered"]), f"diff {lang}: renumbered")

    def read_cell(v):
        """A list, a mapping or a truth value is in its cell as JSON."""
        if isinstance(v, str) and v[:1] in "[{" or v in ("true", "false"):
            try:
                return json.loads(v)
            except ValueError:
                return v
        return v

    got = [(r[new_id], r[field], read_cell(r[before]), read_cell(r[after])) for r in ch
           if r[field] is not None and r[kind] != words["plan"]]
    want = [(c["id"], f["path"], f["old"], f["new"]) for c in a["changed"] for f in c["fields"]]
    check(len(got) == len(want) and all(g[:2] == w[:2] and same(g[2], w[2]) and same(g[3], w[3])
                                        for g, w in zip(got, want)),
          f"diff {lang}: one row a changed field, as the JSON: {[(g, w) for g, w in zip(got, want) if g != w][:3]}")
    got = [(r[field], read_cell(r[before]), read_cell(r[after])) for r in ch if r[kind] == words["plan"]]
    check(got == [(f["path"], f["old"], f["new"]) for f in j["plan"]], f"diff {lang}: the plan's own changes {got}")
    fs = rows(wb[names[2]])
    fw = [(t(lang, "ny", "new"), j["new"], f) for f in j["findings"]["new"]] + \
         [(t(lang, "åtgärdad", "fixed"), j["old"], f) for f in j["findings"]["fixed"]]
    check(len(fs) == len(fw) > 0, f"diff {lang}: {len(fs)} finding rows, {len(fw)} in the JSON")
    for r, (w, file, f) in zip(fs, fw):
        check(r[t(lang, "Ny eller åtgärdad", "New or fixed")] == w, f"diff {lang}: {f['rule']} is {w}")
        check_finding(lang, r, f, file, f"diff {lang} {f['rule']}")


for lang in ("sv", "en"):
    budget(lang)
    followup(lang)
    diff(lang)

# ---- the -o rules ---------------------------------------------------------------
work = os.path.join(TMP, "work")
os.mkdir(work)
shutil.copy(os.path.join(ROOT, PLAN), os.path.join(work, "plan.yaml"))
plan_bytes = open(os.path.join(work, "plan.yaml"), "rb").read()
for args in (["budget", "plan.yaml"], ["validate", "plan.yaml"], ["diff", "plan.yaml", "plan.yaml"]):
    r = subprocess.run([STYR, *args, "--format", "xlsx", "-o", "plan.yaml", "--lang", "en"], cwd=work,
                       capture_output=True, text=True)
    check(r.returncode == 2 and "an input of this run" in r.stderr, f"{args[0]} -o its input: {r.returncode} {r.stderr}")
    r = subprocess.run([STYR, *args, "--format", "xlsx", "-o", "plan.yaml", "--lang", "sv"], cwd=work,
                       capture_output=True, text=True)
    check(r.returncode == 2 and "det är plan.yaml, som körningen läser; inget skrevs" in r.stderr,
          f"{args[0]} -o its input, in Swedish: {r.returncode} {r.stderr}")
    check(open(os.path.join(work, "plan.yaml"), "rb").read() == plan_bytes, f"{args[0]} -o its input leaves it unchanged")
    check(sorted(os.listdir(work)) == ["plan.yaml"], f"{args[0]}: no temporary file is left: {os.listdir(work)}")
# through a symbolic link to the input: refused too
os.symlink("plan.yaml", os.path.join(work, "link.xlsx"))
r = subprocess.run([STYR, "budget", "plan.yaml", "--format", "xlsx", "-o", "link.xlsx"], cwd=work, capture_output=True)
check(r.returncode == 2 and open(os.path.join(work, "plan.yaml"), "rb").read() == plan_bytes,
      "a link to the input is refused")
os.unlink(os.path.join(work, "link.xlsx"))
# a link elsewhere is followed: the target is replaced, the link stays
os.symlink("real.xlsx", os.path.join(work, "link.xlsx"))
r = subprocess.run([STYR, "budget", "plan.yaml", "--format", "xlsx", "-o", "link.xlsx"], cwd=work, capture_output=True)
check(r.returncode == 0 and os.path.islink(os.path.join(work, "link.xlsx")) and
      openpyxl.load_workbook(os.path.join(work, "real.xlsx")).sheetnames[0] == "Sammanfattning",
      f"a link is followed: {r.returncode} {r.stderr}")
# a run that fails leaves an earlier report as it was
before = open(os.path.join(work, "real.xlsx"), "rb").read()
r = subprocess.run([STYR, "budget", "missing.yaml", "--format", "xlsx", "-o", "real.xlsx"], cwd=work, capture_output=True)
check(r.returncode == 2 and open(os.path.join(work, "real.xlsx"), "rb").read() == before,
      "a failed run keeps the earlier report")
# standard output, not a terminal: the workbook's bytes
r = subprocess.run([STYR, "followup", os.path.join(ROOT, FOLLOWUP), "--format", "xlsx"], cwd=work, capture_output=True)
with open(os.path.join(work, "stdout.xlsx"), "wb") as f:
    f.write(r.stdout)
check(r.returncode == 1 and r.stdout[:2] == b"PK" and
      openpyxl.load_workbook(os.path.join(work, "stdout.xlsx")).sheetnames == ["Sammanfattning", "Insatser", "Fynd"],
      f"followup --format xlsx to standard output: {r.returncode}")

shutil.rmtree(TMP)
print(f"{checks - len(failures)} of {checks} report workbook checks passed")
sys.exit(1 if failures else 0)
