/* workload.h - the Lua side of `styr budget`'s owners table: what each
 * owner carries a year against its capacity (capacity.h), for the rule
 * plan.owner.over-capacity, from the same projection `styr budget` writes. */
#ifndef STYR_WORKLOAD_H
#define STYR_WORKLOAD_H

#include <lua.h>

/* Lua, registered by styr_check_init under `workload`:
 *   workload.owners()   in a rule judging a plan: one table an owner, in the
 *                       order of `styr budget`'s owners - {owner, actions,
 *                       first_action, capacity = {actions, sek, fte} (only
 *                       the measures set; nil without any), years = {{year,
 *                       actions, sek, fte, over = {"actions", ...}}, ...}} -
 *                       or nil when the plan has no valid period. */
int styr_workload_api_owners(lua_State *L);

#endif
