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
    const char *ruleset_path;  /* the folder actually loaded (JSON: ruleset_path) */
    int no_remediation;        /* text: no "what to do" line under each finding */
} styr_report_opts;

/* The text report's first line: the ruleset's name and the folder that was
 * loaded (FORMATS.md 9's ruleset_path, for people). */
void styr_report_text_header(FILE *out, const styr_report_opts *o);

/* The version of the JSON outputs' shape (FORMATS.md section 9). */
#define STYR_JSON_FORMAT_VERSION 2

/* Opens a command's JSON object: "{", format_version, tool, ruleset and
 * ruleset_path; the caller goes on with ",\n  \"key\": ...". */
void styr_report_json_head(FILE *out, const styr_report_opts *o);

/* gnu: `file:line:col: error|warning|note: message [rule-id]`, the format
 * editors and CI problem matchers parse; severity words in English, the
 * message in the report's language; waived findings are left out. */
void styr_report_gnu(FILE *out, const styr_file_result *res, size_t n, const styr_report_opts *o);

/* --sarif-waived: a waived finding is a result with an accepted in-source
 * suppression (the default), or is left out (GitHub code scanning ignores
 * suppressions, so there a waived finding would be an open alert). */
enum { STYR_SARIF_WAIVED_SUPPRESS = 0, STYR_SARIF_WAIVED_OMIT = 1 };

/* Writes one finding as a JSON object (the shape of FORMATS.md section 6);
 * item_key is "action" or "area"; file, when not NULL, is added. */
void styr_report_json_finding(FILE *out, const styr_finding *f, const char *item_key, const char *file);

/* A rule that crashed, ran too long or used too much memory, as the JSON
 * object of FORMATS.md section 6's rule_errors: {file, line, column,
 * message}; fallback_file when the error names no file. */
void styr_report_json_error(FILE *out, const styr_error *e, const char *fallback_file);

/* `file:line:col: severity: message [rule-id]` lines, each followed by an
 * indented line with the rule's remedy (unless o->no_remediation or the
 * finding is waived), then a summary a file. */
void styr_report_text(FILE *out, const styr_file_result *res, size_t n, const styr_report_opts *o);

/* The JSON object of FORMATS.md section 6. */
void styr_report_json(FILE *out, const styr_file_result *res, size_t n, const styr_report_opts *o);

/* SARIF 2.1.0 with the ruleset's rules as metadata (report_sarif.c) and
 * waived findings as in-source suppressions, or left out (o->sarif_waived). */
void styr_report_sarif(FILE *out, const styr_file_result *res, size_t n, const styr_ruleset *rs,
                       const styr_report_opts *o, int waived);

/* JUnit XML: a test suite a file, a test case a finding; findings at or
 * above fail_on are failures, waived ones skipped, crashed rules errors. */
void styr_report_junit(FILE *out, const styr_file_result *res, size_t n, styr_severity fail_on,
                       const styr_report_opts *o);

/* GitHub Actions workflow commands (::error file=...,line=...::message).
 * GitHub annotates 10 of each kind a step; past that, findings are plain
 * log lines and a closing ::notice says how many were not annotated. */
void styr_report_github(FILE *out, const styr_file_result *res, size_t n, const styr_report_opts *o);

/* Markdown for a GitHub Actions step summary ($GITHUB_STEP_SUMMARY): counts
 * a file, then each file's findings in a collapsible section, within the
 * 1 MiB GitHub keeps (report_github_summary.c). */
void styr_report_github_summary(FILE *out, const styr_file_result *res, size_t n, const styr_report_opts *o);

/* A Markdown section a file with a table of findings. */
void styr_report_markdown(FILE *out, const styr_file_result *res, size_t n, const styr_report_opts *o);

#endif
