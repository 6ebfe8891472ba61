/* score.h - prioritising innovation areas: the decision matrix the model
 * builds from an areas file (through Lua, once), and each scenario's
 * weights, scores, ranking, contributions and budget selection (in C). */
#ifndef STYR_SCORE_H
#define STYR_SCORE_H

#include <stdbool.h>
#include <stddef.h>

#include "mcda.h"
#include "ruleset.h"
#include "scenario.h"
#include "validate.h"

typedef struct styr_excluded {
    char *area;
    char *reason;
    char *title;                 /* the area's title, or NULL */
} styr_excluded;

/* The areas that can be scored, as flat arrays. */
typedef struct styr_area_table {
    size_t n, m;                 /* areas scored, criteria of the model */
    char **ids;                  /* n trimmed ids, sorted (so results never depend on file order) */
    char **titles;               /* n titles as the file gives them (trimmed), or NULL entries */
    double *x;                   /* n*m raw criterion values */
    double *cost;                /* n cost_sek */
    double *funding;             /* n external_funding_sek (0 when absent) */
    styr_excluded *excluded;     /* areas left out, with the reason */
    size_t nexcluded;
    styr_mcda_pair *needs;       /* a requires b, among scored areas */
    size_t nneeds;
    styr_mcda_pair *conflicts;   /* a excludes b */
    size_t nconflicts;
    size_t *blocked;             /* scored areas that require a left-out area */
    size_t nblocked;
    styr_error *rule_errors;     /* value()/pass() functions of the model that crashed */
    size_t nrule_errors;
} styr_area_table;

/* Builds the table from a judged areas file: an area with error findings
 * (res), a failed gate or a value the model cannot compute is left out with
 * the reason, never scored on a guess. */
styr_status styr_area_table_build(styr_ruleset *rs, const styr_run_opts *opts, const styr_doc *areas, const styr_file_result *res,
                                  styr_area_table *t, styr_error *err);
void styr_area_table_free(styr_area_table *t);

/* Index of the scored area with id (len bytes), or -1. */
long styr_area_table_find(const styr_area_table *t, const char *id, size_t len);

/* One scenario's result. */
typedef struct styr_scored {
    styr_weights weights;
    styr_mcda_method method;
    double *norm;                /* n*m normalised values (weighted sum) or vector-normalised (TOPSIS) */
    double *score;               /* n */
    double *contrib;             /* n*m weighted parts */
    size_t *order;               /* n, best first (ties by id) */
    size_t *rank;                /* n, competition ranks; ties equal */
    bool has_budget;
    double budget;
    unsigned char *chosen;       /* n, with a budget */
    styr_mcda_selection sel;
    bool infeasible;
    char infeasible_reason[1024];
    /* The scenario's cost_basis: gross (cost_sek, the default) or net
     * (cost_sek minus external_funding_sek, at least 0). cost_used (n) is the
     * cost the budget selection counted, with a budget. */
    bool net_cost;
    double *cost_used;
    /* Why the selection had no choice about an area (n, with a budget):
     * STYR_FORCED_* below, 0 when it was free to choose. */
    unsigned char *forced;
} styr_scored;

#define STYR_FORCED_IN 1         /* the scenario's include */
#define STYR_FORCED_OUT 2        /* the scenario's exclude */
#define STYR_FORCED_BLOCKED 3    /* it requires an area that is left out of the ranking */

/* Scores the table under the scenario whose root is `root` (already judged
 * without errors). */
styr_status styr_score_scenario(const styr_ruleset *rs, const styr_run_opts *opts, const styr_area_table *t, const styr_node *root,
                                const char *file, styr_scored *out, styr_error *err);
void styr_scored_free(styr_scored *s);

#endif
