/* prioritise.h - one prioritisation run as `styr score`, `styr sensitivity`
 * and `styr report` make it: the areas file judged and turned into a table,
 * every scenario file judged and (when it has no errors) scored, and SMAA
 * sampling around one scored scenario. The CLI and the HTML test driver
 * share it, so both show the same numbers for the same files. */
#ifndef STYR_PRIORITISE_H
#define STYR_PRIORITISE_H

#include <stddef.h>
#include <stdint.h>

#include "doc.h"
#include "score.h"

/* One scenario file of a run. */
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

typedef struct styr_prioritisation {
    styr_doc *areas_doc;
    styr_file_result areas;      /* findings of the areas file */
    styr_area_table table;
    int have_table;
    styr_scenario_run *sc;       /* one a scenario file, in the order given */
    size_t nsc;
} styr_prioritisation;

/* Judges areas_file (it must be kind: innovation-areas), builds the table
 * and judges and scores every scenario. A scenario that cannot be loaded or
 * judged is marked failed with the reason; one with error findings is left
 * unscored. Returns STYR_OK, or an error in err when the run cannot go on
 * (no model, the areas file unreadable or of another kind); rs is used to
 * run the rules (its Lua state changes). Free `out` with
 * styr_prioritisation_free either way. */
styr_status styr_prioritise(styr_ruleset *rs, const styr_run_opts *opts, const char *areas_file, const char *const *scenarios,
                            size_t nscenarios, const styr_limits *lim, styr_prioritisation *out, styr_error *err);
void styr_prioritisation_free(styr_prioritisation *p);

/* The result of `styr sensitivity` for one scenario. */
typedef struct styr_score_report styr_score_report;
typedef struct styr_sensitivity {
    const styr_score_report *base;   /* areas, table, the scenarios */
    size_t scenario;                  /* the one sampled around: base->sc[scenario] */
    uint64_t samples, seed;
    double spread;                    /* < 0: uniform on the simplex */
    double *acceptability;            /* n*n; NULL when not computed */
    double *central;                  /* n*m */
    double *confidence;               /* n */
} styr_sensitivity;

typedef struct styr_sensitivity_opts {
    uint64_t samples, seed;
    double spread;                    /* < 0: Dirichlet(1) on the weighed criteria */
    unsigned threads;                 /* 0: as many as the machine has */
    size_t scenario;                  /* index of the scenario in the run (0: the first) */
    styr_mcda_progress_fn progress;   /* may be NULL */
    void *progress_ud;
} styr_sensitivity_opts;

/* Samples weights around scenario o->scenario of p (the first by default). Leaves the arrays NULL
 * (and returns STYR_OK) when that scenario was not scored or no area could
 * be scored; on failure frees them and says why in err. */
/* Rank acceptability is an areas x areas table (memory and output grow with
 * the square): past this many areas sensitivity refuses with STYR_E_LIMIT.
 * 1,000 areas make an 8 MB table. */
#define STYR_SENSITIVITY_MAX_AREAS 1000

styr_status styr_sensitivity_run(const styr_ruleset *rs, const styr_prioritisation *p,
                                 const styr_sensitivity_opts *o, styr_sensitivity *out, styr_error *err);
void styr_sensitivity_free(styr_sensitivity *s);

#endif
