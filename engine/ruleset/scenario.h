/* scenario.h - a scenario's weights over a model's criteria: from `weights`,
 * from AHP `pairwise` judgements, or the model's defaults. */
#ifndef STYR_SCENARIO_H
#define STYR_SCENARIO_H

#include <stddef.h>

#include "doc.h"
#include "mcda.h"
#include "model.h"

typedef enum styr_weights_source {
    STYR_WEIGHTS_GIVEN = 0,     /* the scenario's `weights:` */
    STYR_WEIGHTS_PAIRWISE,      /* AHP over `pairwise:` */
    STYR_WEIGHTS_DEFAULT        /* neither: the model's default weights */
} styr_weights_source;

typedef struct styr_weights {
    double *w;                  /* m weights summing to 1 (malloc'd) */
    size_t m;
    styr_weights_source source;
    styr_mcda_ahp_result ahp;   /* with STYR_WEIGHTS_PAIRWISE */
    size_t ahp_n;               /* criteria the judgements name */
    /* With CR above STYR_MCDA_AHP_CR_WARN: the judgement whose change lowers
     * CR most, as the scenario writes it ([fix_a, fix_b, fix_from] becomes
     * [fix_a, fix_b, fix_to]; model criterion indices), and the CR after. */
    bool has_fix;
    size_t fix_a, fix_b;
    double fix_from, fix_to, fix_cr;
} styr_weights;

/* Computes the weights of the scenario whose root mapping is `root`. A
 * criterion the scenario does not name weighs 0. On a problem (unknown
 * criterion, negative or all-zero weights, malformed or incomplete pairwise
 * judgements, a matrix that is not reciprocal) returns STYR_E_INPUT with
 * err naming the position; the scenario rules report the same as findings. */
styr_status styr_scenario_weights(const styr_model *model, const styr_node *root, const char *file,
                                  styr_weights *out, styr_error *err);
void styr_weights_free(styr_weights *w);

#endif
