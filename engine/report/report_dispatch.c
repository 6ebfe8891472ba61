/* report_dispatch.c - the format tables of report_dispatch.h: thin adapters
 * from the tables' untyped data to each writer's own type. */
#include "report_dispatch.h"

#include <string.h>

#include "report_budget.h"
#include "report_diff.h"
#include "report_followup.h"

#define STREAM(fn, type)                                                        \
    static void fn##_any(FILE *out, const void *d, const styr_report_opts *o)   \
    {                                                                           \
        fn(out, (const type *)d, o);                                            \
    }
#define BOOK(fn, type)                                                                              \
    static styr_status fn##_any(const char *path, const void *d, const styr_report_opts *o, styr_error *err) \
    {                                                                                               \
        return fn(path, (const type *)d, o, err);                                                   \
    }

STREAM(styr_report_budget_text, styr_budget)
STREAM(styr_report_budget_json, styr_budget)
STREAM(styr_report_budget_markdown, styr_budget)
STREAM(styr_report_budget_csv, styr_budget)
STREAM(styr_report_budget_html, styr_budget)
BOOK(styr_report_budget_xlsx, styr_budget)

const styr_report_format styr_budget_formats[] = {
    {"text", styr_report_budget_text_any, NULL},
    {"json", styr_report_budget_json_any, NULL},
    {"markdown", styr_report_budget_markdown_any, NULL},
    {"csv", styr_report_budget_csv_any, NULL},
    {"html", styr_report_budget_html_any, NULL},
    {"xlsx", NULL, styr_report_budget_xlsx_any},
    {NULL, NULL, NULL}};

STREAM(styr_report_followup_text, styr_followup)
STREAM(styr_report_followup_json, styr_followup)
STREAM(styr_report_followup_markdown, styr_followup)
STREAM(styr_report_followup_csv, styr_followup)
STREAM(styr_report_followup_html, styr_followup)
BOOK(styr_report_followup_xlsx, styr_followup)

const styr_report_format styr_followup_formats[] = {
    {"text", styr_report_followup_text_any, NULL},
    {"json", styr_report_followup_json_any, NULL},
    {"markdown", styr_report_followup_markdown_any, NULL},
    {"csv", styr_report_followup_csv_any, NULL},
    {"html", styr_report_followup_html_any, NULL},
    {"xlsx", NULL, styr_report_followup_xlsx_any},
    {NULL, NULL, NULL}};

STREAM(styr_report_diff_text, styr_diff)
STREAM(styr_report_diff_json, styr_diff)
STREAM(styr_report_diff_markdown, styr_diff)
STREAM(styr_report_diff_html, styr_diff)
BOOK(styr_report_diff_xlsx, styr_diff)

const styr_report_format styr_diff_formats[] = {
    {"text", styr_report_diff_text_any, NULL},
    {"json", styr_report_diff_json_any, NULL},
    {"markdown", styr_report_diff_markdown_any, NULL},
    {"html", styr_report_diff_html_any, NULL},
    {"xlsx", NULL, styr_report_diff_xlsx_any},
    {NULL, NULL, NULL}};

const styr_report_format *styr_report_format_find(const styr_report_format *table, const char *name)
{
    for (const styr_report_format *f = table; name && f->name; f++)
        if (strcmp(f->name, name) == 0)
            return f;
    return table;
}
