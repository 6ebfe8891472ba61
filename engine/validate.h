/* validate.h - judging one input file with a ruleset: schema, rules, waivers. */
#ifndef STYR_VALIDATE_H
#define STYR_VALIDATE_H

#include <stddef.h>
#include <stdint.h>

#include "doc.h"
#include "findings.h"
#include "ruleset.h"
#include "strmap.h"

/* What judging one file gave. */
typedef struct styr_file_result {
    char *file;
    const char *kind;            /* "action-plan", "innovation-areas", "scenario" */
    size_t actions;              /* actions in a plan (areas in an areas file) */
    styr_findings findings;
    styr_error *rule_errors;     /* rules that crashed (each makes the run exit 2) */
    size_t nrule_errors;
    int failed;                  /* the file could not be judged at all */
    styr_error failure;          /* why, when failed */
} styr_file_result;

/* The state the Lua API sees while one file is judged. */
typedef struct styr_run {
    styr_ruleset *rs;
    styr_rule *rule;             /* the rule running now */
    styr_file_result *res;
    const styr_doc *doc;
    const styr_node *items;      /* actions[] or areas[] */
    const styr_node *item;       /* the item (action, strategy, area) being judged, or NULL */
    styr_strmap item_ids;        /* trimmed id text -> node (first wins) */
    styr_strmap strategy_ids;
    styr_strmap strategy_use;    /* trimmed strategy id -> actions naming it (a count) */
    int have_period;
    int64_t period_from, period_to;  /* day ordinals */
} styr_run;

/* Judges doc (already loaded) with rs. On STYR_OK res holds the findings,
 * sorted, with waivers applied; rule crashes are in res->rule_errors (the run
 * goes on without the crashed rule). A file that cannot be judged at all
 * (empty, not a mapping, unknown kind) returns STYR_E_INPUT with err set. */
styr_status styr_validate_doc(styr_ruleset *rs, styr_doc *doc, styr_file_result *res,
                              styr_error *err);

/* As styr_validate_doc, for a scenario judged together with the areas it
 * will score: find_area() and areas_loaded() see `areas` (an areas[] list of
 * another document). areas may be NULL. */
styr_status styr_validate_doc_with_areas(styr_ruleset *rs, styr_doc *doc, const styr_node *areas,
                                         styr_file_result *res, styr_error *err);

void styr_file_result_free(styr_file_result *res);

/* The plan item (action or area) that contains n (or is n), or NULL. */
const styr_node *styr_run_item_of(const styr_run *run, const styr_node *n);

/* The trimmed id text of a plan item and its length, or NULL. */
const char *styr_item_id(const styr_node *item, size_t *len);

/* Trims surrounding ASCII white space: sets *len and returns the start. */
const char *styr_trim(const char *s, size_t *len);

#endif
