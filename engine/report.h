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
    int findings_only;         /* text: no summary line a file */
    int no_remediation;        /* text: no "what to do" line under each finding */
} styr_report_opts;

/* Writes one finding as a JSON object (the shape of FORMATS.md section 6);
 * item_key is "action" or "area"; file, when not NULL, is added. */
void styr_report_json_finding(FILE *out, const styr_finding *f, const char *item_key, const char *file);

/* `file:line:col: severity: message [rule-id]` lines, each followed by an
 * indented line with the rule's remedy (unless o->no_remediation or the
 * finding is waived), then a summary a file. */
void styr_report_text(FILE *out, const styr_file_result *res, size_t n, const styr_report_opts *o);

/* The JSON object of FORMATS.md section 6. */
void styr_report_json(FILE *out, const styr_file_result *res, size_t n, const styr_report_opts *o);

/* SARIF 2.1.0 with the ruleset's rules as metadata and waived findings as
 * in-source suppressions. */
void styr_report_sarif(FILE *out, const styr_file_result *res, size_t n, const styr_ruleset *rs,
                       const styr_report_opts *o);

/* JUnit XML: a test suite a file, a test case a finding; findings at or
 * above fail_on are failures, waived ones skipped, crashed rules errors. */
void styr_report_junit(FILE *out, const styr_file_result *res, size_t n, styr_severity fail_on,
                       const styr_report_opts *o);

/* GitHub Actions workflow commands (::error file=...,line=...::message). */
void styr_report_github(FILE *out, const styr_file_result *res, size_t n, const styr_report_opts *o);

/* A Markdown section a file with a table of findings. */
void styr_report_markdown(FILE *out, const styr_file_result *res, size_t n, const styr_report_opts *o);

#endif
