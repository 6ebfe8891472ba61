/* xlsx_write.h - workbooks styr writes with libxlsxwriter: an action plan
 * (or an empty template) in the sheets of FORMATS.md section 14, and the
 * findings of `validate --format xlsx`. */
#ifndef STYR_XLSX_WRITE_H
#define STYR_XLSX_WRITE_H

#include <stdio.h>

#include "doc.h"
#include "error.h"
#include "report.h"
#include "ruleset.h"
#include "validate.h"

/* Writes plan (a document tree of kind action-plan, from YAML or a workbook;
 * NULL for an empty template) to the workbook at path: sheets Insatser,
 * Dokument, Strategier, Budget and Undantag, and a hidden sheet Listor with
 * the ruleset's registry names (owners, funders, programmes), financing
 * types and statuses, offered as drop-down lists in Insatser's columns
 * Ansvarig, Finansiär, Program, Finansieringstyp and Status. */
styr_status styr_xlsx_write_plan(const char *path, const styr_doc *plan, const styr_ruleset *rs, styr_error *err);

/* The findings of validate as a workbook at path: a summary sheet (one row a
 * file) and a findings sheet (one row a finding, with its sheet and cell for
 * a workbook plan, its line and column for YAML, and what to do). Sheet and
 * column names follow o->lang. */
styr_status styr_xlsx_write_findings(const char *path, const styr_file_result *res, size_t n,
                                     const styr_report_opts *o, styr_error *err);

/* Copies the workbook a writer made at tmp_path to out (then removes it),
 * for reports that go to -o or standard output. */
int styr_xlsx_copy_out(const char *tmp_path, FILE *out);

#endif
