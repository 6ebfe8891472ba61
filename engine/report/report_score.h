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
