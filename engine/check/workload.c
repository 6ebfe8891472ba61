/* workload.c - workload.owners() for rules (see workload.h). */
#include "workload.h"

#include <lauxlib.h>
#include <string.h>

#include "budget.h"
#include "rule_api.h"

static void set_number(lua_State *L, const char *key, double v)
{
    if (v == (double)(lua_Integer)v)
        lua_pushinteger(L, (lua_Integer)v);
    else
        lua_pushnumber(L, v);
    lua_setfield(L, -2, key);
}

int styr_workload_api_owners(lua_State *L)
{
    const styr_run *run = styr_ruleapi_current_run(L);
    if (!run || !run->doc || !run->rs)
        return luaL_error(L, "%s",
                          styr_sandbox_english(styr_sandbox_of(L)) ? "workload.owners() can only be used by a rule while a plan is judged"
                                                                   : "workload.owners() kan bara användas av en regel medan en plan bedöms");
    styr_budget b;
    styr_error err;
    styr_error_clear(&err);
    if (styr_budget_compute(run->rs, run->doc, run->doc->file, &b, &err) != STYR_OK) {
        if (err.code == STYR_E_NOMEM)
            return styr_sandbox_raise_nomem(L);
        lua_pushnil(L);   /* no valid period: nothing to project */
        return 1;
    }
    lua_createtable(L, (int)b.nowners, 0);
    for (size_t i = 0; i < b.nowners; i++) {
        const styr_budget_owner *o = &b.owners[i];
        lua_createtable(L, 0, 5);
        lua_pushstring(L, o->owner);
        lua_setfield(L, -2, "owner");
        set_number(L, "actions", o->actions);
        if (o->first_action) {
            lua_pushstring(L, o->first_action);
            lua_setfield(L, -2, "first_action");
        }
        int any = 0;
        for (int m = 0; m < STYR_CAP_COUNT; m++)
            any |= o->capacity.set[m];
        if (any) {
            lua_createtable(L, 0, STYR_CAP_COUNT);
            for (int m = 0; m < STYR_CAP_COUNT; m++)
                if (o->capacity.set[m])
                    set_number(L, styr_capacity_measure(m), o->capacity.max[m]);
            lua_setfield(L, -2, "capacity");
        }
        lua_createtable(L, (int)b.nyears, 0);
        for (size_t y = 0; y < b.nyears; y++) {
            const styr_budget_owner_year *oy = &o->years[y];
            lua_createtable(L, 0, 5);
            set_number(L, "year", oy->year);
            set_number(L, "actions", oy->actions);
            set_number(L, "sek", oy->sek);
            set_number(L, "fte", oy->fte);
            lua_createtable(L, STYR_CAP_COUNT, 0);
            for (int m = 0, n = 0; m < STYR_CAP_COUNT; m++)
                if (oy->over[m]) {
                    lua_pushstring(L, styr_capacity_measure(m));
                    lua_rawseti(L, -2, ++n);
                }
            lua_setfield(L, -2, "over");
            lua_rawseti(L, -2, (lua_Integer)y + 1);
        }
        lua_setfield(L, -2, "years");
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    styr_budget_free(&b);
    return 1;
}
