/* run.h - the state of one run of a ruleset over one file, kept apart from
 * the ruleset itself: a loaded ruleset is read-only while it judges, and
 * everything a run changes (the current rule, which rules crashed, time per
 * rule, the language of its messages) lives here or in the caller's
 * styr_run_opts. */
#ifndef STYR_RUN_H
#define STYR_RUN_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#include "doc.h"
#include "error.h"
#include "findings.h"
#include "nearest_index.h"
#include "strmap.h"

/* Languages of messages: index of a rule's message[] and of labels. */
enum { STYR_LANG_SV = 0, STYR_LANG_EN = 1 };

struct styr_ruleset;
struct styr_rule;

/* Time spent in one rule's check() over a whole command (--profile-rules). */
typedef struct styr_rule_stats {
    double seconds;
    unsigned long calls;
} styr_rule_stats;

/* What the caller decides for a run; borrowed by the run, never changed. */
typedef struct styr_run_opts {
    int lang;                    /* STYR_LANG_*: the language of findings */
    unsigned threads;            /* 1: one core only; 0: two when a plan is large and the machine has two CPUs; 2+: two when large, whatever the machine */
    styr_rule_stats *stats;      /* NULL, or one entry a rule of the ruleset
                                    (index as rs->rules), added to by each run */
    const struct styr_previous *previous; /* validate --previous: the plan this
                                    one follows (check/continuity.h), or NULL */
} styr_run_opts;

/* Swedish, as many threads as pay, no profiling. */
void styr_run_opts_default(styr_run_opts *o);

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

void styr_file_result_free(styr_file_result *res);

#define STYR_CRASH_UNRECORDED UINT32_MAX

/* The state the rule API sees while one file is judged. */
typedef struct styr_run {
    const struct styr_ruleset *rs;
    const styr_run_opts *opts;
    const struct styr_rule *rule; /* the rule running now, or NULL */
    uint32_t *crashed;           /* one a rule: 0, or it crashed on this file: the
                                    number of its record in res->rule_errors
                                    (from 1; STYR_CRASH_UNRECORDED when memory
                                    ran out before it was kept) */
    _Atomic long long *retained; /* one a rule: net bytes its calls left in the
                                    Lua states (whom a memory stop blames); the
                                    two states of the two-core path share it */
    styr_file_result *res;
    const styr_doc *doc;
    const styr_node *items;      /* actions[] or areas[] */
    const styr_node *item;       /* the item (action, strategy, area) being judged, or NULL */
    styr_strmap item_ids;        /* trimmed id text -> node (first wins) */
    styr_strmap strategy_ids;
    styr_strmap strategy_use;    /* trimmed strategy id -> actions naming it (a count) */
    /* The plan's strategy ids for nearest_strategy(), indexed on first use
     * so that each hint costs a bounded number of comparisons. */
    const char **strategy_names;
    styr_nearest_index strategy_hints;
    int strategy_hints_built;    /* 1 built, -1 could not be (no strategies, no memory) */
    int have_period;
    int64_t period_from, period_to;  /* day ordinals */
    struct styr_followup *followup;  /* the follow-up being judged, or NULL */
    /* Reports a value of the plan that each() was given where a list
     * belongs (check/schema.c sets it; NULL: nothing reported). Returns
     * -1 when memory ran out before the finding was kept. */
    int (*not_a_list)(struct styr_run *run, const styr_node *n);
} styr_run;

/* Sets up run for rs with opts (borrowed): empty indexes, no crashes.
 * Returns 0, or -1 when out of memory. */
int styr_run_init(styr_run *run, const struct styr_ruleset *rs, const styr_run_opts *opts,
                  styr_file_result *res);
void styr_run_free(styr_run *run);

/* The plan item (action or area) that contains n (or is n), or NULL. */
const styr_node *styr_run_item_of(const styr_run *run, const styr_node *n);

/* The trimmed id text of a plan item and its length, or NULL. */
const char *styr_item_id(const styr_node *item, size_t *len);

#endif
