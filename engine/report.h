/* report.h - writers that turn validation results into text or JSON. */
#ifndef STYR_REPORT_H
#define STYR_REPORT_H

#include <stdio.h>

#include "ruleset.h"
#include "validate.h"

typedef struct styr_report_opts {
    int lang;                  /* STYR_LANG_* for the words of the report */
    int color;                 /* ANSI colours (a terminal without NO_COLOR) */
    const char *ruleset;       /* the ruleset's name */
    const char *version;       /* styr's version */
} styr_report_opts;

/* `file:line:col: severity: message [rule-id]` lines, then a summary a file. */
void styr_report_text(FILE *out, const styr_file_result *res, size_t n, const styr_report_opts *o);

/* The JSON object of FORMATS.md section 6. */
void styr_report_json(FILE *out, const styr_file_result *res, size_t n, const styr_report_opts *o);

#endif
