/* plan_sheets.h - an action plan as a workbook (FORMATS.md section 14).
 *
 * Sheet `Insatser` has one row an action (a second row with the same
 * `Insats` adds another financing entry), `Dokument` the document fields as
 * (field, value) rows, `Strategier` the strategies; `Budget` and `Undantag`
 * (waivers) extend the contract so that a conversion loses no field. The
 * column headers are fixed; this file is the one place that names them, for
 * the reader (workbook -> document tree) and the writers (template,
 * conversion).
 */
#ifndef STYR_PLAN_SHEETS_H
#define STYR_PLAN_SHEETS_H

#include <stddef.h>

#include "run_limits.h"
#include "doc.h"
#include "error.h"
#include "xlsx_read.h"

/* Sheet numbers of a workbook plan's nodes (doc.h: line = sheet << 21 | row). */
enum { STYR_SHEET_INSATSER = 1, STYR_SHEET_DOKUMENT, STYR_SHEET_STRATEGIER, STYR_SHEET_BUDGET,
       STYR_SHEET_UNDANTAG, STYR_SHEET_COUNT };
extern const char *const styr_plan_sheet_names[STYR_SHEET_COUNT];   /* [0] unused */

/* How a column's cells become values. */
typedef enum styr_cell_kind {
    STYR_CELL_TEXT,      /* a string, whatever the cell holds */
    STYR_CELL_NUMBER,    /* a number; a text that is no plain number stays a text */
    STYR_CELL_DATE,      /* YYYY (a year), YYYY-MM(-DD); an Excel date serial becomes YYYY-MM-DD */
    STYR_CELL_LIST,      /* texts separated by ';' or line breaks */
    STYR_CELL_YEARS,     /* whole numbers separated by ';' */
    STYR_CELL_BOOL       /* true/false (a boolean cell, or the text in any case); another text stays a text */
} styr_cell_kind;

/* A column of a sheet: its header, and the path of the value under the row's
 * item ("title", "timeline.start", "financing.amount_sek": financing fields
 * belong to the row's financing entry). */
typedef struct styr_plan_column {
    const char *header;
    const char *path;
    styr_cell_kind kind;
    const char *list;    /* the drop-down list of the template: "owner", "funder",
                            "program", "financing_type", "status", or NULL */
} styr_plan_column;

/* The columns of Insatser, Strategier, Budget and Undantag (NULL header ends). */
extern const styr_plan_column styr_plan_action_columns[];
extern const styr_plan_column styr_plan_strategy_columns[];
extern const styr_plan_column styr_plan_budget_columns[];
extern const styr_plan_column styr_plan_waiver_columns[];

/* The Dokument sheet's fields in the order a template lists them: YAML
 * paths ("title", "period.from", "follow_up.reports"), with how to read
 * them and a Swedish explanation for the template. */
typedef struct styr_plan_field {
    const char *field;
    styr_cell_kind kind;
    const char *help_sv;
} styr_plan_field;
extern const styr_plan_field styr_plan_document_fields[];

/* True when a Dokument field lives at the plan's top level ("id", "owner",
 * "goal", "aims", any dotted path such as "follow_up.revision.by"), false
 * when it belongs to `document:`. */
int styr_plan_field_at_root(const char *field);

/* Builds the document tree of the plan in book (the sheets above), named
 * name in messages, which are in English when english is set, else in
 * Swedish. A workbook without an Insatser or Dokument sheet, a column
 * header given twice, or a Dokument field given twice is STYR_E_INPUT with
 * the sheet and cell. */
styr_status styr_plan_from_book(const styr_xlsx_book *book, const char *name, int english, styr_doc **out,
                                styr_error *err);

/* What a workbook cannot hold of a YAML plan: a key the sheets have no
 * column or row for, a value of a shape a cell cannot keep (a mapping where
 * a text belongs, true/false, an infinite number, a list item with ';' in
 * it), and a second action with the same id (its row would become financing
 * of the first). Calls lost(ud, node, why) for each, why in English when
 * english is set, else in Swedish; returns how many. A plan with none
 * converts to a workbook that reads back into the same tree. */
size_t styr_plan_sheet_losses(const styr_doc *doc, int english,
                              void (*lost)(void *ud, const styr_node *n, const char *why), void *ud);

/* Reads an .xlsx plan (xlsx_read.c, then styr_plan_from_book). */
styr_status styr_doc_load_xlsx(const char *path, const styr_limits *lim, styr_doc **out, styr_error *err);

/* True when path names an .xlsx file (by its extension, in any case). */
int styr_is_xlsx_path(const char *path);

/* Loads a plan from YAML or, for an .xlsx path, from a workbook. */
styr_status styr_doc_load_any(const char *path, const styr_limits *lim, styr_doc **out, styr_error *err);

#endif
