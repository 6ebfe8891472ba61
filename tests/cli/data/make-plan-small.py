#!/usr/bin/python3
"""Writes plan-small.xlsx, the workbook of the validate-xlsx golden tests,
with openpyxl (not with styr, so that the reader is tested against another
writer): a Swedish amount, a second financing row, a misspelled owner and an
unknown strategy, typed as a coordinator would type them."""
import sys

import openpyxl

wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Insatser"
ws.append(["Insats", "Strategi", "Rubrik", "Ansvarig", "Start", "Slut", "Finansiär", "Finansieringstyp",
           "Belopp (kr)", "Till och med", "Program"])
ws.append(["1.1", "1", "Modell", "Kommunstyrelsen", "2018-01", "2018-12", "Vinnova", "external-grant",
           "1,5 MSEK", "2018-12", "HR-program"])
ws.append(["1.1", None, None, None, None, None, "Kommunstyrelsen", "existing-mandate", None, None, None])
ws.append(["1.2", "9", "Något", "Kommunstyrelsn", "2018-01", "2019-12", None, None, None, None, None])
d = wb.create_sheet("Dokument")
d.append(["Fält", "Värde"])
for k, v in [("title", "Plan"), ("type", "plan"), ("decided_by", "Kommunfullmäktige"), ("period.from", 2018),
             ("period.to", 2019)]:
    d.append([k, v])
s = wb.create_sheet("Strategier")
s.append(["Strategi", "Rubrik"])
s.append(["1", "Fokus"])
wb.save(sys.argv[1] if len(sys.argv) > 1 else "plan-small.xlsx")
