/* styr.h - the public C API of styr: validate action plans with a ruleset.
 *
 * Handles are opaque. Every load or validate call has a matching free call
 * that accepts NULL.
 * Strings returned by accessors belong to the handle they came from and stay
 * valid until it is freed. Functions that can fail return 0 on success and
 * fill the caller's styr_problem (file, 1-based line and column, message).
 */
#ifndef STYR_H
#define STYR_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define STYR_VERSION_STRING "0.1.0"

/* The library's version, e.g. "0.1.0". */
const char *styr_version(void);

typedef struct styr_problem {
    char file[1024];
    unsigned line, column;   /* 0 when unknown */
    char message[1024];
} styr_problem;

typedef struct styr_rules styr_rules;     /* a loaded ruleset */
typedef struct styr_report styr_report;   /* the findings of one file */

/* Loads the ruleset NAME (e.g. "goteborg") or folder DIR, with the default
 * limits; lang is "sv" or "en". Returns NULL and fills *why on failure. */
styr_rules *styr_rules_load(const char *name_or_dir, const char *lang, styr_problem *why);
void styr_rules_free(styr_rules *rules);

/* Validates the YAML file at path. Returns NULL and fills *why when the file
 * cannot be judged (unreadable, malformed, unknown kind). Rule crashes do not
 * fail the call: see styr_report_rule_errors. */
styr_report *styr_validate_file(styr_rules *rules, const char *path, styr_problem *why);
void styr_report_free(styr_report *report);

/* Number of findings, in file order. */
size_t styr_report_count(const styr_report *report);

typedef struct styr_finding_view {
    const char *rule;        /* e.g. "action.owner.missing" */
    const char *severity;    /* "error", "warning" or "info" */
    const char *message;
    const char *action;      /* the action's (or area's) id, or NULL */
    const char *path;        /* e.g. "actions[3].owner" */
    unsigned line, column;
    const char *waiver_reason;  /* non-NULL when the plan waives it */
} styr_finding_view;

/* The i-th finding (0 <= i < styr_report_count). */
styr_finding_view styr_report_finding(const styr_report *report, size_t i);

/* Rules that crashed while judging the file (each makes the CLI exit 2). */
size_t styr_report_rule_errors(const styr_report *report);

/* Unwaived findings of a severity ("error", "warning", "info"). */
size_t styr_report_total(const styr_report *report, const char *severity);

#ifdef __cplusplus
}
#endif

#endif
