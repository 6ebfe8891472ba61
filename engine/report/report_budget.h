/* report_budget.h - `styr budget` in text, JSON (FORMATS.md section 13),
 * Markdown, CSV (section 14's conventions), HTML and xlsx. */
#ifndef STYR_REPORT_BUDGET_H
#define STYR_REPORT_BUDGET_H

#include <stdio.h>

#include "budget.h"
#include "error.h"
#include "report.h"

/* "Illustrativt exempel: ..." for a plan marked illustrative: true. */
const char *styr_budget_illustrative_note(const styr_report_opts *o);

void styr_report_budget_text(FILE *out, const styr_budget *b, const styr_report_opts *o);
void styr_report_budget_json(FILE *out, const styr_budget *b, const styr_report_opts *o);
void styr_report_budget_markdown(FILE *out, const styr_budget *b, const styr_report_opts *o);
/* --lang sv: ';' between fields, decimal comma, a UTF-8 BOM (Swedish Excel);
 * en: ',' and a decimal point. No cell starts with = + - or @. */
void styr_report_budget_csv(FILE *out, const styr_budget *b, const styr_report_opts *o);
/* One self-contained page: a table and a stacked bar a year, gap marked. */
void styr_report_budget_html(FILE *out, const styr_budget *b, const styr_report_opts *o);
/* A workbook at path: a summary sheet, and the years, the owners by year
 * and the funders as sheets, the JSON's numbers as number cells. */
styr_status styr_report_budget_xlsx(const char *path, const styr_budget *b, const styr_report_opts *o, styr_error *err);

#endif
