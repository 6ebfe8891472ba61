/* continuity.c - loads the plan a new plan follows and shows it to rules
 * (see continuity.h). */
#include "continuity.h"

#include <lauxlib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nodeview.h"
#include "rule_api.h"
#include "plan_sheets.h"

static const styr_node *get(const styr_node *map, const char *key)
{
    return map && map->kind == STYR_NODE_MAP ? styr_map_get(map, key, strlen(key)) : NULL;
}

static const char *text_of(const styr_node *n)
{
    return n && n->kind == STYR_NODE_SCALAR && !styr_node_is_null(n) ? n->u.text : NULL;
}

styr_status styr_previous_load(styr_ruleset *rs, const styr_run_opts *opts, const char *path, const styr_limits *lim, styr_previous *p,
                               styr_error *err)
{
    memset(p, 0, sizeof *p);
    p->file = strdup(path);
    if (!p->file)
        return styr_error_set(err, STYR_E_NOMEM, NULL, 0, 0, "out of memory");
    styr_status st = styr_doc_load_any(path, lim, &p->doc, err);   /* the previous plan may be a workbook */
    if (st != STYR_OK)
        return st;
    if (styr_followup_is(p->doc)) {
        styr_doc_free(p->doc);
        p->doc = NULL;
        p->from_followup = 1;
        if ((st = styr_followup_load(rs, opts, path, lim, &p->fu, err)) != STYR_OK)
            return st;
        p->root = p->fu.plan_doc->root;
    } else {
        const char *kind = p->doc->root ? text_of(get(p->doc->root, "kind")) : NULL;
        if (!kind || strcmp(kind, "action-plan") != 0) {
            const styr_node *k = p->doc->root ? get(p->doc->root, "kind") : NULL;
            return styr_error_set(err, STYR_E_INPUT, path, k ? k->line : 1, k ? k->column : 1,
                                  "--previous takes the earlier plan (kind: action-plan) or a follow-up of it "
                                  "(kind: follow-up)");
        }
        p->root = p->doc->root;
    }
    p->id = text_of(get(p->root, "id"));
    const styr_node *period = get(p->root, "period");
    const char *from = text_of(get(period, "from")), *to = text_of(get(period, "to"));
    if (from && to) {
        size_t n = 32;
        p->period = malloc(n);
        if (!p->period)
            return styr_error_set(err, STYR_E_NOMEM, NULL, 0, 0, "out of memory");
        snprintf(p->period, n, "%.4s-%.4s", from, to);
    }
    return STYR_OK;
}

void styr_previous_free(styr_previous *p)
{
    if (!p)
        return;
    styr_doc_free(p->doc);
    if (p->from_followup)
        styr_followup_free(&p->fu);
    free(p->period);
    free(p->file);
    memset(p, 0, sizeof *p);
}

static const styr_previous *api_previous(lua_State *L)
{
    const styr_run *run = styr_ruleapi_current_run(L);
    return run ? run->opts->previous : NULL;
}

int styr_previous_api_loaded(lua_State *L)
{
    lua_pushboolean(L, api_previous(L) != NULL);
    return 1;
}

int styr_previous_api_plan(lua_State *L)
{
    const styr_previous *p = api_previous(L);
    if (p)
        styr_nodeview_push_view(L, p->root);
    else
        lua_pushnil(L);
    return 1;
}

int styr_previous_api_names(lua_State *L)
{
    const styr_previous *p = api_previous(L);
    lua_newtable(L);
    int n = 0;
    if (p && p->period) {
        lua_pushstring(L, p->period);
        lua_rawseti(L, -2, ++n);
    }
    if (p && p->id) {
        lua_pushstring(L, p->id);
        lua_rawseti(L, -2, ++n);
    }
    return 1;
}

int styr_previous_api_status(lua_State *L)
{
    const styr_previous *p = api_previous(L);
    size_t len;
    const char *id = lua_type(L, 1) == LUA_TSTRING ? lua_tolstring(L, 1, &len) : NULL;
    const styr_followup_action *a = p && p->from_followup && id ? styr_followup_find(&p->fu, id, len) : NULL;
    if (a && a->status)
        lua_pushstring(L, a->status);
    else
        lua_pushnil(L);
    return 1;
}
