/* findings.h - what the rules found in one file, in a growable list. */
#ifndef STYR_FINDINGS_H
#define STYR_FINDINGS_H

#include <stddef.h>

typedef enum styr_severity {
    STYR_SEV_INFO = 0,
    STYR_SEV_WARNING = 1,
    STYR_SEV_ERROR = 2,
    STYR_SEV_OFF = 3       /* a rule switched off by the ruleset */
} styr_severity;

/* "error", "warning", "info", "off". */
const char *styr_severity_name(styr_severity s);
/* Parses a severity name (also "warn"); returns 1 on success. */
int styr_severity_parse(const char *s, styr_severity *out);

typedef struct styr_finding {
    const char *rule;        /* the rule id; owned by the ruleset */
    styr_severity severity;
    char *message;           /* in the run's language */
    char *action;            /* the action's id, or NULL for document/plan/strategy */
    char *path;              /* e.g. actions[0].owner */
    unsigned line, column;   /* 1-based */
    const char *waiver_reason; /* non-NULL when waived; owned by the document */
    const char *remediation; /* the rule's "what to do" in the run's language, or
                                NULL; owned by the ruleset (set when judging ends) */
    const char *sheet;       /* a workbook plan: the sheet (line is then the row,
                                column the cell's column); owned by the document */
    char *remedy;            /* the rule's remedy filled with this finding's values
                                ("Skriv 'owner: Kulturnämnden'"), or NULL when it
                                has no placeholder; owned; remediation points here */
    char *unfilled;          /* the first {name} of the rule's message or remedy
                                (either language) that report() gave no value,
                                or NULL; owned (styr rules test fails on it) */
} styr_finding;

typedef struct styr_findings {
    styr_finding *items;
    size_t count, cap;
    size_t max_kept;         /* beyond this, findings are only counted */
    size_t dropped;          /* findings not kept because of max_kept */
    size_t dropped_by_severity[3];
    unsigned dropped_line, dropped_column;   /* where the first one not kept was */
} styr_findings;

void styr_findings_init(styr_findings *f, size_t max_kept);
/* Appends a finding, taking ownership of message, action and path (which
 * may be NULL). Returns 0, or -1 when out of memory (the strings are freed). */
int styr_findings_add(styr_findings *f, const char *rule, styr_severity sev,
                      char *message, char *action, char *path,
                      unsigned line, unsigned column);
/* Gives the finding added since f held count_before findings its filled
 * remedy, taking ownership; frees remedy when no finding was kept. */
void styr_findings_give_remedy(styr_findings *f, size_t count_before, char *remedy);
/* Notes on the finding added since f held count_before findings the
 * placeholder ("{hint}") report() had no value for (copied); nothing when
 * no finding was kept or name is NULL. Returns -1 when out of memory. */
int styr_findings_mark_unfilled(styr_findings *f, size_t count_before, const char *name);
/* Counts a finding that is not kept (past max_kept). */
void styr_findings_drop(styr_findings *f, styr_severity sev, unsigned line, unsigned column);
/* Sorts by line, column, then rule id, so reports read top to bottom. */
void styr_findings_sort(styr_findings *f);
/* Counts of unwaived findings per severity (index by styr_severity), dropped included. */
void styr_findings_count(const styr_findings *f, size_t counts[3]);
void styr_findings_free(styr_findings *f);
/* Forgets what was added (kept or dropped) since *mark, a copy of f taken
 * earlier: for a rule call that is run again. */
void styr_findings_rollback(styr_findings *f, const styr_findings *mark);

/* The finding's path relative to its action or area ("owner" for
 * "actions[3].owner"), so that an identity built from it survives the
 * item's move in the list; the whole path when the finding has no item
 * or the path does not start with "actions[N]" or "areas[N]"; "" for none. */
const char *styr_finding_item_path(const styr_finding *f);

#endif
