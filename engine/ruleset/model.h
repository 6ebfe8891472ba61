/* model.h - the prioritisation model a ruleset defines in model.lua:
 * criteria (id, labels, scale, direction, how a value is derived from an
 * area), default weights and gates. Loaded with the ruleset, used by score. */
#ifndef STYR_MODEL_H
#define STYR_MODEL_H

#include <stddef.h>

#include "error.h"

struct styr_ruleset;

typedef struct styr_criterion {
    char *id;
    char *label[2];       /* by STYR_LANG_* */
    int has_scale;        /* declared scale [lo, hi]; otherwise min-max over the areas */
    double lo, hi;
    int cost;             /* lower is better */
    int assessed;         /* read from area.assessments[id]; otherwise `value` computes it */
    int value_fn;         /* Lua registry ref of value(area), or LUA_NOREF */
    double default_weight;
} styr_criterion;

typedef struct styr_gate {
    char *id;
    char *message[2];     /* why an area is left out; {area} and the gate's own {names} */
    int fn;               /* Lua registry ref of pass(area) -> true | false, reason */
} styr_gate;

typedef struct styr_model {
    char *id;
    char *title[2];
    char *file;
    styr_criterion *crit;
    size_t ncrit;
    styr_gate *gates;
    size_t ngates;
} styr_model;

/* Loads dir/model.lua into rs->model if the file exists (a child ruleset's
 * model replaces its parent's). Errors name the file and line. */
styr_status styr_model_load(struct styr_ruleset *rs, const char *dir, styr_error *err);

void styr_model_free(styr_model *m);

/* Index of criterion id in m, or -1. */
long styr_model_criterion(const styr_model *m, const char *id, size_t len);

#endif
