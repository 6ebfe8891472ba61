/* report_score.h - writers for `styr score` and `styr sensitivity`. */
#ifndef STYR_REPORT_SCORE_H
#define STYR_REPORT_SCORE_H

#include <stdint.h>
#include <stdio.h>

#include "report.h"
#include "score.h"

/* One scenario file of a score run. */
typedef struct styr_scenario_run {
    const char *file;
    const char *id, *title;      /* from the file (borrowed), or NULL */
    styr_doc *doc;
    styr_file_result res;        /* its findings */
    int failed;                  /* could not be loaded or judged */
    styr_error failure;
    int scored;                  /* no errors: it was scored */
    styr_scored s;
} styr_scenario_run;

typedef struct styr_score_report {
    const styr_ruleset *rs;
    const styr_file_result *areas;   /* findings of the areas file */
    const styr_area_table *table;
    styr_scenario_run *sc;
    size_t nsc;
    int explain;
} styr_score_report;

void styr_report_score_text(FILE *out, const styr_score_report *r, const styr_report_opts *o);
void styr_report_score_json(FILE *out, const styr_score_report *r, const styr_report_opts *o);
/* A section a scenario with its ranking table (chosen areas in bold). */
void styr_report_score_markdown(FILE *out, const styr_score_report *r, const styr_report_opts *o);
/* One row a scenario and area: scenario,rank,area,score,selected,<contribution a criterion>. */
void styr_report_score_csv(FILE *out, const styr_score_report *r, const styr_report_opts *o);

/* The result of `styr sensitivity` for one scenario. */
typedef struct styr_sensitivity {
    const styr_score_report *base;   /* areas, table, the scenario (sc[0]) */
    uint64_t samples, seed;
    double spread;                    /* < 0: uniform on the simplex */
    double *acceptability;            /* n*n */
    double *central;                  /* n*m */
    double *confidence;               /* n */
} styr_sensitivity;

void styr_report_sensitivity_text(FILE *out, const styr_sensitivity *s, const styr_report_opts *o);
void styr_report_sensitivity_json(FILE *out, const styr_sensitivity *s, const styr_report_opts *o);
void styr_report_sensitivity_markdown(FILE *out, const styr_sensitivity *s, const styr_report_opts *o);
/* One row an area: area,confidence,rank_1..rank_n,central_<criterion>... */
void styr_report_sensitivity_csv(FILE *out, const styr_sensitivity *s, const styr_report_opts *o);

#endif
