/* report_score.h - writers for `styr score` and `styr sensitivity`. */
#ifndef STYR_REPORT_SCORE_H
#define STYR_REPORT_SCORE_H

#include <stdint.h>
#include <stdio.h>

#include "report.h"
#include "prioritise.h"
#include "score.h"

/* What the score writers read: a prioritisation run (or parts of one). */
struct styr_score_report {
    const styr_ruleset *rs;
    const styr_file_result *areas;   /* findings of the areas file */
    const styr_area_table *table;
    styr_scenario_run *sc;
    size_t nsc;
    int explain;
    int illustrative;                /* the areas file says `illustrative: true` (made-up data) */
    const styr_doc *areas_doc;       /* the areas file as read (its content hash), or NULL */
};

/* The warning for AHP judgements with CR above 0.10, naming the judgement
 * whose change lowers CR most (styr_weights.has_fix) and its suggested
 * value on Saaty's scale, in the run's language; "" when CR is not above
 * 0.10. Plain text: HTML escapes it. */
void styr_report_ahp_warning(char *buf, size_t cap, const styr_ruleset *rs, const styr_weights *w,
                             const styr_report_opts *o);

/* Why an area is in or out of a scenario's portfolio (with a feasible
 * budget selection). */
typedef enum styr_why_kind {
    STYR_WHY_CHOSEN = 0,     /* chosen by the selection (best total score within the budget) */
    STYR_WHY_FORCED_IN,      /* the scenario's include */
    STYR_WHY_FORCED_OUT,     /* the scenario's exclude */
    STYR_WHY_BLOCKED,        /* it requires an area that is left out of the ranking */
    STYR_WHY_CONFLICT,       /* it excludes (or is excluded by) `other`, which is chosen */
    STYR_WHY_NEEDS,          /* it requires `other`, which is not chosen */
    STYR_WHY_TOO_DEAR,       /* its cost is more than the budget left */
    STYR_WHY_NO_GAIN,        /* it fits, but adds nothing to the total (score 0, or the search was cut short) */
    STYR_WHY_REQUIRED_BY     /* chosen because `other`, which is in, requires it */
} styr_why_kind;

typedef struct styr_why {
    styr_why_kind kind;
    int in;                  /* chosen */
    size_t other;            /* with CONFLICT and NEEDS */
} styr_why;

/* The reason for area i under s (which has a budget and is feasible). */
styr_why styr_portfolio_why(const styr_area_table *t, const styr_scored *s, size_t i);

/* The budget left once the chosen areas are paid (on the scenario's cost basis). */
double styr_portfolio_left(const styr_scored *s);

/* The reason as one sentence in the run's language (plain text; HTML escapes it). */
/* "18 områden rangordnade, 1 uteslutet" ("1 område rangordnat, 2
 * uteslutna"; "1 area ranked, 2 left out"), in buf. */
void styr_report_ranked_count(char *buf, size_t cap, size_t ranked, size_t left_out, const styr_report_opts *o);

void styr_portfolio_why_text(char *buf, size_t cap, const styr_area_table *t, const styr_scored *s, size_t i,
                             const styr_report_opts *o);

void styr_report_score_text(FILE *out, const styr_score_report *r, const styr_report_opts *o);
void styr_report_score_json(FILE *out, const styr_score_report *r, const styr_report_opts *o);
/* A section a scenario with its ranking table (chosen areas in bold). */
void styr_report_score_markdown(FILE *out, const styr_score_report *r, const styr_report_opts *o);
/* One row a scenario and area: scenario,rank,area,score,selected,<contribution a criterion>,illustrative,title. */
void styr_report_score_csv(FILE *out, const styr_score_report *r, const styr_report_opts *o);

void styr_report_sensitivity_text(FILE *out, const styr_sensitivity *s, const styr_report_opts *o);
void styr_report_sensitivity_json(FILE *out, const styr_sensitivity *s, const styr_report_opts *o);
void styr_report_sensitivity_markdown(FILE *out, const styr_sensitivity *s, const styr_report_opts *o);
/* One row an area: area,confidence,rank_1..rank_n,central_<criterion>...,illustrative,title. */
void styr_report_sensitivity_csv(FILE *out, const styr_sensitivity *s, const styr_report_opts *o);

#endif
