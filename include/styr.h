/* styr.h - the public C API of styr: validate action plans with a ruleset.
 *
 * Handles are opaque. Every load or validate call has a matching free call
 * that accepts NULL. Functions that can fail return NULL and fill the
 * caller's styr_problem (file, 1-based line and column, message).
 *
 * Ownership: a string returned by an accessor is owned by the handle it came
 * from and stays valid until that handle is freed. A report owns all of its
 * strings (rule ids included), so it may outlive the rules that made it.
 *
 * Threads: a styr_rules handle runs Lua and is used by one thread at a time
 * (validating with it changes its Lua state); give each thread its own
 * styr_rules, or serialise the calls. A styr_report is only read once made:
 * any number of threads may read one report at once. Handles of different
 * styr_rules loads share nothing and may be used in parallel.
 */
#ifndef STYR_H
#define STYR_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#include "styr_version.h"

/* Marks the functions libstyr.so exports; everything else is hidden. */
#if defined(__GNUC__)
#define STYR_API __attribute__((visibility("default")))
#else
#define STYR_API
#endif

/* The library's version, e.g. "0.1.0". */
STYR_API const char *styr_version(void);

typedef struct styr_problem {
    char file[1024];
    unsigned line, column;   /* 0 when unknown */
    char message[1024];
} styr_problem;

typedef struct styr_rules styr_rules;     /* a loaded ruleset */
typedef struct styr_report styr_report;   /* the findings of one file */

/* Loads the ruleset folder DIR (anything with a '/', or an existing folder)
 * or the ruleset NAME (e.g. "goteborg"), looked up in each folder of search
 * in turn (a NULL-terminated list; NULL for the default: the installed data
 * folder, <prefix>/share/styr/rules, also found relative to the executable).
 * A ruleset's parents (extends) are looked up beside it, then in search.
 * Uses the default limits; lang is "sv" or "en" for the findings' messages.
 * Returns NULL and fills *why on failure. */
STYR_API styr_rules *styr_rules_load_from(const char *name_or_dir, const char *const *search, const char *lang,
                                 styr_problem *why);

/* styr_rules_load_from with the default search path. */
STYR_API styr_rules *styr_rules_load(const char *name_or_dir, const char *lang, styr_problem *why);
STYR_API void styr_rules_free(styr_rules *rules);

/* The folder the ruleset was loaded from (owned by rules). */
STYR_API const char *styr_rules_path(const styr_rules *rules);

/* Validates the plan at path (YAML, or a workbook when path ends in .xlsx:
 * FORMATS.md §14). Returns NULL and fills *why when the file
 * cannot be judged (unreadable, malformed, unknown kind). Rule crashes do not
 * fail the call: see styr_report_rule_errors. */
STYR_API styr_report *styr_validate_file(styr_rules *rules, const char *path, styr_problem *why);
STYR_API void styr_report_free(styr_report *report);

/* Number of findings, in file order. */
STYR_API size_t styr_report_count(const styr_report *report);

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
STYR_API styr_finding_view styr_report_finding(const styr_report *report, size_t i);

/* Rules that crashed while judging the file (each makes the CLI exit 2). */
STYR_API size_t styr_report_rule_errors(const styr_report *report);

/* Unwaived findings of a severity ("error", "warning", "info"). */
STYR_API size_t styr_report_total(const styr_report *report, const char *severity);

#ifdef __cplusplus
}
#endif

#endif
