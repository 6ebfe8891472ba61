/* xlsx_book.h - what the report workbooks of budget, followup and diff
 * share: opening and closing a workbook with libxlsxwriter, cells that
 * remember the first error, a bold header row, and the findings sheet
 * (the columns of validate's, so that one reader reads them all). */
#ifndef STYR_XLSX_BOOK_H
#define STYR_XLSX_BOOK_H

#include <stddef.h>

#include <xlsxwriter.h>

#include "error.h"
#include "report.h"

typedef struct styr_book {
    lxw_workbook *wb;
    lxw_format *bold;
    styr_error *err;
    const char *path;
    int en;          /* English sheet and column names */
    int failed;      /* the first failure is in err */
} styr_book;

/* Writes text s into a cell. Excel holds at most 32 767 characters in a
 * cell (libxlsxwriter refuses more): a longer text is cut there, at a
 * character's boundary, so a report is still written (convert names such a
 * cell as not converted, plan_sheets.c). */
lxw_error styr_xlsx_write_text(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *s, lxw_format *f);

/* Fills err for libxlsxwriter's error e in the run's language and returns
 * its code; LXW_NO_ERROR stands for a workbook or sheet libxlsxwriter
 * could not create, which only memory running out stops. */
styr_status styr_xlsx_fail(styr_error *err, const char *path, lxw_error e, int english);

/* Records libxlsxwriter's error e, if any, as the book's first failure. */
void styr_book_check(styr_book *b, lxw_error e);

/* Creates the workbook at path. Returns 0, or -1 with err set. */
int styr_book_open(styr_book *b, const char *path, const styr_report_opts *o, styr_error *err);

/* Writes the workbook out. STYR_OK, or the first failure. */
styr_status styr_book_close(styr_book *b);

/* A sheet named sv or en (by the report's language) with a bold, frozen
 * header row of the NULL-ended names; NULL after a failure. */
lxw_worksheet *styr_book_sheet(styr_book *b, const char *sv, const char *en, const char *const *sv_cols,
                               const char *const *en_cols);

/* Cells: an empty or NULL text leaves the cell empty. */
void styr_book_text(styr_book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *s);
void styr_book_number(styr_book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, double v);

/* The severity's word in the report's language ("fel", "warning", "info"). */
const char *styr_book_severity(const styr_book *b, styr_severity s);

/* The findings sheet: "Fynd"/"Findings", one column more in front when
 * first_col is given (sv, en header: diff's new/fixed). */
lxw_worksheet *styr_book_findings_sheet(styr_book *b, const char *first_sv, const char *first_en);

/* One finding of file as row r, from column c0 on: file, sheet and cell (a
 * workbook plan), line, column, severity, rule, action or area, message,
 * what to do (not for a waived finding) and the waiver's reason. */
void styr_book_finding(styr_book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c0, const char *file,
                       const styr_finding *f);

/* A rule that crashed on file, as row r of the findings sheet from column
 * c0 on: where the rule is, severity "fel"/"error" and the message (the
 * run exits 2; the workbook says why, as the text report does). */
void styr_book_rule_error(styr_book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c0, const char *file,
                          const styr_error *e);

#endif
