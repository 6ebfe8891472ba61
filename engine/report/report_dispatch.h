/* report_dispatch.h - the formats of the reports of budget, followup and
 * diff, one table each: a format's name and its writer, so that the
 * commands pick a writer in one place (cli_write_report) instead of each
 * repeating the same chain of comparisons. */
#ifndef STYR_REPORT_DISPATCH_H
#define STYR_REPORT_DISPATCH_H

#include <stdio.h>

#include "error.h"
#include "report.h"

typedef struct styr_report_format {
    const char *name;
    /* a report on a stream (text, json, markdown, csv, html) ... */
    void (*write)(FILE *out, const void *data, const styr_report_opts *o);
    /* ... or a workbook at a file name (xlsx) */
    styr_status (*write_book)(const char *path, const void *data, const styr_report_opts *o, styr_error *err);
} styr_report_format;

/* Each ends with {NULL}; the first entry is the default (text). The data
 * are a styr_budget, a styr_followup and a styr_diff. */
extern const styr_report_format styr_budget_formats[];
extern const styr_report_format styr_followup_formats[];
extern const styr_report_format styr_diff_formats[];

/* The entry named name, or the table's first (the default) for NULL or a
 * name it lacks (the option parser has refused such a name already). */
const styr_report_format *styr_report_format_find(const styr_report_format *table, const char *name);

#endif
