/* model.c - reading model.lua: the `model{}` declaration it makes is checked
 * field by field (the author gets the file and line of each mistake) and
 * kept as C data plus references to its Lua functions. */
#include "model.h"

#include <lauxlib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rule_api.h"
#include "ruleset.h"
#include "text.h"

/* Whether the run speaks English: a rule author's mistake in model{} is
 * told in the run's language. Only while model{} runs (the ruleset is its
 * first upvalue). */
static int model_english(lua_State *L)
{
    const styr_ruleset *rs = lua_touserdata(L, lua_upvalueindex(1));
    return rs->lim.lang == STYR_LANG_EN;
}
#define SVM(L, sv, en) (model_english(L) ? (en) : (sv))

/* A copy of s (NULL for NULL) that raises when memory runs out: a text
 * silently missing would crash whoever reads the model later. */
static char *copy_text(lua_State *L, const char *s)
{
    char *c = s ? strdup(s) : NULL;
    if (s && !c)
        luaL_error(L, "%s", SVM(L, "minnet tog slut", "out of memory"));
    return c;
}

long styr_model_criterion(const styr_model *m, const char *id, size_t len)
{
    for (size_t i = 0; m && i < m->ncrit; i++)
        if (strlen(m->crit[i].id) == len && memcmp(m->crit[i].id, id, len) == 0)
            return (long)i;
    return -1;
}

void styr_model_free(styr_model *m)
{
    if (!m)
        return;
    free(m->id);
    free(m->title[0]);
    free(m->title[1]);
    free(m->file);
    for (size_t i = 0; i < m->ncrit; i++) {
        free(m->crit[i].id);
        free(m->crit[i].label[0]);
        free(m->crit[i].label[1]);
    }
    free(m->crit);
    for (size_t i = 0; i < m->ngates; i++) {
        free(m->gates[i].id);
        free(m->gates[i].message[0]);
        free(m->gates[i].message[1]);
    }
    free(m->gates);
    free(m);
}

/* Reads t[field] (at index t) as {sv=, en=} or one text into out (malloc'd). */
static void texts(lua_State *L, int t, const char *field, const char *what, char *out[2])
{
    lua_getfield(L, t, field);
    if (lua_type(L, -1) == LUA_TSTRING) {
        out[0] = copy_text(L, lua_tostring(L, -1));
        out[1] = copy_text(L, lua_tostring(L, -1));
    } else if (lua_type(L, -1) == LUA_TTABLE) {
        lua_getfield(L, -1, "sv");
        lua_getfield(L, -2, "en");
        if (!lua_isstring(L, -2) || !lua_isstring(L, -1))
            luaL_error(L, SVM(L, "%s: '%s' behöver {sv = \"...\", en = \"...\"}", "%s: '%s' needs {sv = \"...\", en = \"...\"}"),
                       what, field);
        out[0] = copy_text(L, lua_tostring(L, -2));
        out[1] = copy_text(L, lua_tostring(L, -1));
        lua_pop(L, 2);
    } else {
        luaL_error(L, SVM(L, "%s behöver %s = {sv = \"...\", en = \"...\"}", "%s needs %s = {sv = \"...\", en = \"...\"}"),
                   what, field);
    }
    lua_pop(L, 1);
}

static void check_fields(lua_State *L, int t, const char *what, const char *const *known)
{
    lua_pushnil(L);
    while (lua_next(L, t)) {
        lua_pop(L, 1);
        const char *k = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "?";
        size_t n = 0;
        int ok = 0;
        for (; known[n]; n++)
            ok |= strcmp(k, known[n]) == 0;
        if (!ok) {
            long near = styr_nearest(k, strlen(k), known, n);
            luaL_error(L, SVM(L, "%s har ett okänt fält '%s'%s%s%s", "%s has an unknown field '%s'%s%s%s"), what, k,
                       near >= 0 ? SVM(L, " (menade du '", " (did you mean '") : "", near >= 0 ? known[near] : "",
                       near >= 0 ? "'?)" : "");
        }
    }
}

/* Long on purpose (about 135 lines): it checks every field of model{} and
 * of each criterion and gate in the order a rule author writes them, so a
 * mistake is reported at the field where it is; each check is a few lines. */
/* The model being declared; model{} may be called once per file. The
 * struct is kept in a userdata-free way: a C pointer in the closure. */
static int api_model(lua_State *L)
{
    styr_ruleset *rs = lua_touserdata(L, lua_upvalueindex(1));
    styr_model **slot = lua_touserdata(L, lua_upvalueindex(2));
    if (*slot)
        return luaL_error(L, SVM(L, "model{} deklareras två gånger i den här filen", "model{} is declared twice in this file"));
    luaL_checktype(L, 1, LUA_TTABLE);
    static const char *const top[] = {"id", "title", "criteria", "gates", NULL};
    check_fields(L, 1, "model{}", top);
    /* Allocated through Lua-visible memory first would be safer against
     * errors; instead the half-built model lives in *slot, which the loader
     * frees whatever happens. */
    styr_model *m = calloc(1, sizeof *m);
    if (!m)
        return luaL_error(L, "%s", SVM(L, "minnet tog slut", "out of memory"));
    *slot = m;
    lua_getfield(L, 1, "id");
    if (lua_type(L, -1) != LUA_TSTRING)
        return luaL_error(L, SVM(L, "model{} behöver ett id, t.ex. id = \"%s\"", "model{} needs an id, e.g. id = \"%s\""),
                          rs->loading_ruleset ? rs->loading_ruleset : "goteborg");
    m->id = copy_text(L, lua_tostring(L, -1));
    lua_pop(L, 1);
    texts(L, 1, "title", "model{}", m->title);

    lua_getfield(L, 1, "criteria");
    if (lua_type(L, -1) != LUA_TTABLE || luaL_len(L, -1) == 0)
        return luaL_error(L, SVM(L, "model{} behöver criteria = { {id = ..., ...}, ... }", "model{} needs criteria = { {id = ..., ...}, ... }"));
    int ct = lua_gettop(L);
    lua_Integer nc = luaL_len(L, ct);
    if (nc > 15)
        return luaL_error(L, SVM(L, "model{} har %d kriterier; högst 15 är tillåtna (AHP:s konsistenstabell slutar där)",
                                 "model{} has %d criteria; at most 15 are allowed (AHP's consistency table ends there)"), (int)nc);
    m->crit = calloc((size_t)nc, sizeof *m->crit);
    if (!m->crit)
        return luaL_error(L, "%s", SVM(L, "minnet tog slut", "out of memory"));
    for (lua_Integer i = 1; i <= nc; i++) {
        lua_rawgeti(L, ct, i);
        int c = lua_gettop(L);
        if (lua_type(L, c) != LUA_TTABLE)
            return luaL_error(L, SVM(L, "kriterium %d ska vara en tabell {id = ..., label = ..., ...}",
                                     "criterion %d must be a table {id = ..., label = ..., ...}"), (int)i);
        static const char *const fields[] = {"id", "label", "scale", "direction", "value", "weight", NULL};
        char what[64];
        snprintf(what, sizeof what, SVM(L, "kriterium %d", "criterion %d"), (int)i);
        check_fields(L, c, what, fields);
        styr_criterion *cr = &m->crit[m->ncrit];
        cr->value_fn = LUA_NOREF;
        lua_getfield(L, c, "id");
        if (lua_type(L, -1) != LUA_TSTRING)
            return luaL_error(L, SVM(L, "kriterium %d behöver ett id", "criterion %d needs an id"), (int)i);
        const char *id = lua_tostring(L, -1);
        for (const char *p = id; *p; p++)
            if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_'))
                return luaL_error(L, SVM(L, "kriteriets id '%s' får bara innehålla a-z, 0-9 och '_'",
                                         "criterion id '%s' may only use a-z, 0-9 and '_'"), id);
        if (styr_model_criterion(m, id, strlen(id)) >= 0)
            return luaL_error(L, SVM(L, "kriteriet '%s' deklareras två gånger", "criterion '%s' is declared twice"), id);
        cr->id = copy_text(L, id);
        m->ncrit++;   /* counted from here on, so styr_model_free frees what follows */
        lua_pop(L, 1);
        snprintf(what, sizeof what, SVM(L, "kriteriet '%s'", "criterion '%s'"), cr->id);
        texts(L, c, "label", what, cr->label);
        lua_getfield(L, c, "scale");
        if (!lua_isnil(L, -1)) {
            if (lua_type(L, -1) != LUA_TTABLE)
                return luaL_error(L, SVM(L, "%s: scale ska vara {lägst, högst}", "%s: scale must be {low, high}"), what);
            lua_rawgeti(L, -1, 1);
            lua_rawgeti(L, -2, 2);
            int ok1, ok2;
            cr->lo = lua_tonumberx(L, -2, &ok1);
            cr->hi = lua_tonumberx(L, -1, &ok2);
            if (!ok1 || !ok2 || !isfinite(cr->lo) || !isfinite(cr->hi) || cr->hi <= cr->lo)
                return luaL_error(L, SVM(L, "%s: scale ska vara {lägst, högst} med lägst < högst",
                                         "%s: scale must be {low, high} with low < high"), what);
            cr->has_scale = 1;
            lua_pop(L, 2);
        }
        lua_pop(L, 1);
        lua_getfield(L, c, "direction");
        const char *dir = lua_tostring(L, -1);
        if (!dir || (strcmp(dir, "benefit") != 0 && strcmp(dir, "cost") != 0))
            return luaL_error(L, SVM(L, "%s: direction ska vara \"benefit\" (högre är bättre) eller \"cost\"",
                                     "%s: direction must be \"benefit\" (higher is better) or \"cost\""), what);
        cr->cost = strcmp(dir, "cost") == 0;
        lua_pop(L, 1);
        lua_getfield(L, c, "value");
        if (lua_type(L, -1) == LUA_TSTRING && strcmp(lua_tostring(L, -1), "assessment") == 0) {
            cr->assessed = 1;
            if (!cr->has_scale)
                return luaL_error(L, SVM(L, "%s: ett bedömt kriterium behöver en skala, t.ex. scale = {1, 5}",
                                         "%s: an assessed criterion needs a scale, e.g. scale = {1, 5}"), what);
            lua_pop(L, 1);
        } else if (lua_type(L, -1) == LUA_TFUNCTION) {
            cr->value_fn = luaL_ref(L, LUA_REGISTRYINDEX);
        } else {
            return luaL_error(L, SVM(L, "%s: value ska vara \"assessment\" eller function(area) ... end",
                                     "%s: value must be \"assessment\" or function(area) ... end"), what);
        }
        lua_getfield(L, c, "weight");
        cr->default_weight = lua_isnil(L, -1) ? 1.0 : lua_tonumber(L, -1);
        if (!lua_isnil(L, -1) && (!lua_isnumber(L, -1) || !(cr->default_weight >= 0)))
            return luaL_error(L, SVM(L, "%s: weight ska vara ett tal >= 0", "%s: weight must be a number >= 0"), what);
        lua_pop(L, 2);                                   /* weight, criterion */
    }
    lua_pop(L, 1);                                       /* criteria */

    lua_getfield(L, 1, "gates");
    if (!lua_isnil(L, -1)) {
        if (lua_type(L, -1) != LUA_TTABLE)
            return luaL_error(L, SVM(L, "model{}: gates ska vara en lista av {id =, message =, pass = function(area) ... end}",
                                     "model{}: gates must be a list of {id =, message =, pass = function(area) ... end}"));
        int gt = lua_gettop(L);
        lua_Integer ng = luaL_len(L, gt);
        m->gates = calloc((size_t)(ng ? ng : 1), sizeof *m->gates);
        if (!m->gates)
            return luaL_error(L, "%s", SVM(L, "minnet tog slut", "out of memory"));
        for (lua_Integer i = 1; i <= ng; i++) {
            lua_rawgeti(L, gt, i);
            int g = lua_gettop(L);
            static const char *const fields[] = {"id", "message", "pass", NULL};
            char what[64];
            snprintf(what, sizeof what, SVM(L, "spärr %d", "gate %d"), (int)i);
            if (lua_type(L, g) != LUA_TTABLE)
                return luaL_error(L, SVM(L, "%s ska vara en tabell", "%s must be a table"), what);
            check_fields(L, g, what, fields);
            styr_gate *gate = &m->gates[m->ngates];
            gate->fn = LUA_NOREF;
            lua_getfield(L, g, "id");
            if (lua_type(L, -1) != LUA_TSTRING)
                return luaL_error(L, SVM(L, "%s behöver ett id", "%s needs an id"), what);
            gate->id = copy_text(L, lua_tostring(L, -1));
            m->ngates++;
            lua_pop(L, 1);
            texts(L, g, "message", what, gate->message);
            lua_getfield(L, g, "pass");
            if (lua_type(L, -1) != LUA_TFUNCTION)
                return luaL_error(L, SVM(L, "%s behöver pass = function(area) return true end",
                                         "%s needs pass = function(area) return true end"), what);
            gate->fn = luaL_ref(L, LUA_REGISTRYINDEX);
            lua_pop(L, 1);
        }
    }
    lua_pop(L, 1);
    return 0;
}

styr_status styr_model_load(styr_ruleset *rs, const char *dir, styr_error *err)
{
    size_t n = strlen(dir) + 16;
    char *path = malloc(n);
    if (!path)
        return styr_error_set(err, STYR_E_NOMEM, NULL, 0, 0, "out of memory");
    snprintf(path, n, "%s/model.lua", dir);
    if (access(path, F_OK) != 0) {
        free(path);
        return STYR_OK;
    }
    lua_State *L = styr_sandbox_lua(rs->sb);
    styr_model *declared = NULL;
    styr_sandbox_new_env(rs->sb, path);                  /* env */
    styr_ruleapi_fill_env(L, rs, -1);
    lua_pushlightuserdata(L, rs);
    lua_pushlightuserdata(L, &declared);
    lua_pushcclosure(L, api_model, 2);
    lua_setfield(L, -2, "model");
    styr_status st = styr_sandbox_load(rs->sb, path, -1, err);
    if (st == STYR_OK) {
        styr_sandbox_blame(rs->sb, NULL, path, 1);
        st = styr_sandbox_call(rs->sb, 0, 0, NULL, err);
        styr_sandbox_blame(rs->sb, NULL, NULL, 0);   /* path is freed after this */
        if (st != STYR_OK)
            err->code = st = STYR_E_RULESET;
    }
    lua_pop(L, 1);
    if (st == STYR_OK && !declared)
        st = styr_error_set(err, STYR_E_RULESET, path, 0, 0, "%s",
                            rs->lim.lang == STYR_LANG_EN ? "model.lua declares no model{}" : "model.lua deklarerar ingen model{}");
    if (st != STYR_OK) {
        styr_model_free(declared);
        free(path);
        return st;
    }
    declared->file = path;
    styr_model_free(rs->model);   /* a child's model replaces its parent's */
    rs->model = declared;
    return STYR_OK;
}
