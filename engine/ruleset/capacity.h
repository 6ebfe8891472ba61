/* capacity.h - how much one owner may carry in a year of a plan: the
 * setting `workload_capacity` of ruleset.yaml (rules/README.md, "Workload").
 *
 *   workload_capacity:
 *     owners:                      # by registry name, alias or office
 *       Intraservice: {actions: 4, sek: 1500000, fte: 2}
 *     levels:                      # by registry level
 *       board: {actions: 6}
 *
 * A measure an owner's own entry sets comes before its level's; a measure
 * neither sets has no limit. No setting: no limit at all. `styr budget`
 * marks the owners over capacity and the rule plan.owner.over-capacity
 * reports them; both read the capacity here. */
#ifndef STYR_CAPACITY_H
#define STYR_CAPACITY_H

#include "doc.h"
#include "error.h"

struct styr_ruleset;

enum { STYR_CAP_ACTIONS = 0, STYR_CAP_SEK, STYR_CAP_FTE, STYR_CAP_COUNT };

typedef struct styr_capacity {
    int set[STYR_CAP_COUNT];
    double max[STYR_CAP_COUNT];     /* the most a year; more is over capacity */
    const char *level[STYR_CAP_COUNT]; /* the level whose entry set it, or NULL
                                          (the owner's own entry); borrowed */
} styr_capacity;

/* "actions", "sek", "fte". */
const char *styr_capacity_measure(int m);

/* Checks every workload_capacity setting of rs's chain: only owners and
 * levels, owners the registry knows (when it lists any), the registry's
 * levels, and measures that are numbers >= 0 (actions whole). Fails with
 * STYR_E_RULESET at the offending line, with a "did you mean". */
styr_status styr_capacity_check(const struct styr_ruleset *rs, styr_error *err);

/* The same check of one settings map of doc (a fixture's `settings`). */
styr_status styr_capacity_check_settings(const struct styr_ruleset *rs, const styr_doc *doc,
                                         const styr_node *settings, styr_error *err);

/* The capacity in force for an owner (any spelling the registry knows, or
 * as written). Returns how many measures are set (0: no limit). */
int styr_capacity_of(const struct styr_ruleset *rs, const char *owner, styr_capacity *out);

#endif
