/* capacity.c - the setting workload_capacity (see capacity.h). */
#include "capacity.h"

#include <lauxlib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ruleset.h"
#include "text.h"

static const char *const measures[] = {"actions", "sek", "fte", NULL};
static const char *const levels[] = {"council", "executive", "board", "company", "office", NULL};
static const char *const parts[] = {"owners", "levels", NULL};

const char *styr_capacity_measure(int m)
{
    return m >= 0 && m < STYR_CAP_COUNT ? measures[m] : "?";
}

static const char *scalar(const styr_node *n)
{
    return n && n->kind == STYR_NODE_SCALAR && n->stype != STYR_SCALAR_NULL ? n->u.text : NULL;
}

static long index_of(const char *const *names, const char *s)
{
    for (long i = 0; s && names[i]; i++)
        if (strcmp(names[i], s) == 0)
            return i;
    return -1;
}

/* The Swedish or the English text: a mistake in ruleset.yaml is told in
 * the run's language (en: STYR_LANG_EN). */
#define SVC(en, sv_text, en_text) ((en) ? (en_text) : (sv_text))

static styr_status fail_at(styr_error *err, const styr_doc *doc, const styr_node *n, const char *what,
                           const char *got, const char *const *names, size_t nnames, int en)
{
    long near = got ? styr_nearest(got, strlen(got), names, nnames) : -1;
    return styr_error_set(err, STYR_E_RULESET, doc->file, n ? n->line : 0, n ? n->column : 0,
                          "workload_capacity: %s%s%s%s", what, near >= 0 ? SVC(en, " (menade du '", " (did you mean '") : "",
                          near >= 0 ? names[near] : "", near >= 0 ? "'?)" : "");
}

/* The registry's owner spellings, for a "did you mean" (malloc'd, or NULL). */
static const char **owner_spellings(const styr_ruleset *rs, size_t *n)
{
    *n = 0;
    if (!rs->sb || rs->registry == LUA_NOREF)
        return NULL;
    lua_State *L = styr_sandbox_lua(rs->sb);
    int top = lua_gettop(L);
    const char **out = NULL;
    lua_rawgeti(L, LUA_REGISTRYINDEX, rs->registry);
    if (lua_getfield(L, -1, "owner") == LUA_TTABLE && lua_getfield(L, -1, "spellings") == LUA_TTABLE) {
        lua_Integer len = luaL_len(L, -1);
        out = len > 0 ? calloc((size_t)len, sizeof *out) : NULL;
        for (lua_Integer i = 1; out && i <= len; i++) {
            lua_rawgeti(L, -1, i);
            out[(*n)++] = lua_tostring(L, -1);   /* the strings live in the index table */
            lua_pop(L, 1);
        }
    }
    lua_settop(L, top);
    return out;
}

/* Whether the registry lists any owner (without one, owners are as written). */
static int registry_has_owners(const styr_ruleset *rs)
{
    size_t n;
    const char **sp = owner_spellings(rs, &n);
    free(sp);
    return n > 0;
}

/* One {actions, sek, fte} map. */
static styr_status check_limits(const styr_doc *doc, const styr_node *m, styr_error *err, int en)
{
    if (!m || m->kind != STYR_NODE_MAP)
        return styr_error_set(err, STYR_E_RULESET, doc->file, m ? m->line : 0, m ? m->column : 0, "%s",
                              SVC(en, "workload_capacity: en kapacitet är en mappning av actions, sek och fte, "
                                      "t.ex. {actions: 4, fte: 1.5}",
                                  "workload_capacity: a capacity is a mapping of actions, sek and fte, "
                                  "e.g. {actions: 4, fte: 1.5}"));
    for (uint32_t i = 0; i < m->count; i++) {
        const styr_node *k = styr_map_key(m, i), *v = styr_map_value(m, i);
        long which = index_of(measures, scalar(k));
        if (which < 0) {
            char what[160];
            snprintf(what, sizeof what, SVC(en, "okänt mått '%.60s' (actions, sek eller fte)",
                                            "unknown measure '%.60s' (actions, sek or fte)"), scalar(k) ? scalar(k) : "?");
            return fail_at(err, doc, k, what, scalar(k), measures, 3, en);
        }
        /* At most 2^53: every figure is compared and printed as a double,
         * which holds each whole number up to there exactly. */
        const double most = 9007199254740992.0;
        /* the whole number compared as one: (double)(2^53 + 1) rounds to 2^53 */
        int number = v->kind == STYR_NODE_SCALAR &&
                     ((v->stype == STYR_SCALAR_INT && v->v.i >= 0 && v->v.i <= 9007199254740992LL) ||
                      (which != STYR_CAP_ACTIONS && v->stype == STYR_SCALAR_FLOAT && isfinite(v->v.f) && v->v.f >= 0 &&
                       v->v.f <= most));
        if (!number)
            return styr_error_set(err, STYR_E_RULESET, doc->file, v->line, v->column,
                                  SVC(en, "workload_capacity: %s ska vara %s, högst 9007199254740992",
                                      "workload_capacity: %s must be %s, at most 9007199254740992"), measures[which],
                                  which == STYR_CAP_ACTIONS ? SVC(en, "ett heltal >= 0", "a whole number >= 0")
                                                            : SVC(en, "ett tal >= 0", "a number >= 0"));
    }
    return STYR_OK;
}

static styr_status check_setting(const styr_ruleset *rs, const styr_doc *doc, const styr_node *wc, styr_error *err)
{
    int en = rs->lim.lang == STYR_LANG_EN;
    if (wc->kind != STYR_NODE_MAP)
        return styr_error_set(err, STYR_E_RULESET, doc->file, wc->line, wc->column, "%s",
                              SVC(en, "workload_capacity är en mappning med owners och levels, "
                                      "t.ex. {levels: {board: {actions: 6}}}",
                                  "workload_capacity is a mapping with owners and levels, "
                                  "e.g. {levels: {board: {actions: 6}}}"));
    for (uint32_t i = 0; i < wc->count; i++) {
        const styr_node *k = styr_map_key(wc, i), *v = styr_map_value(wc, i);
        long part = index_of(parts, scalar(k));
        if (part < 0) {
            char what[160];
            snprintf(what, sizeof what, SVC(en, "okänd nyckel '%.60s' (owners eller levels)",
                                            "unknown key '%.60s' (owners or levels)"), scalar(k) ? scalar(k) : "?");
            return fail_at(err, doc, k, what, scalar(k), parts, 2, en);
        }
        if (v->kind != STYR_NODE_MAP)
            return styr_error_set(err, STYR_E_RULESET, doc->file, v->line, v->column,
                                  SVC(en, "workload_capacity: %s ska ge varje %s dess kapacitet, t.ex. %s: {%s: {actions: 6}}",
                                      "workload_capacity: %s must map each %s to its capacity, e.g. %s: {%s: {actions: 6}}"),
                                  parts[part], part == 0 ? SVC(en, "ansvarig", "owner") : SVC(en, "nivå", "level"), parts[part],
                                  part == 0 ? "Kommunstyrelsen" : "board");
        for (uint32_t j = 0; j < v->count; j++) {
            const styr_node *name = styr_map_key(v, j);
            const char *s = scalar(name);
            char what[600];
            if (part == 1 && index_of(levels, s) < 0) {
                snprintf(what, sizeof what,
                         SVC(en, "okänd nivå '%.60s' (council, executive, board, company eller office)",
                             "unknown level '%.60s' (council, executive, board, company or office)"), s ? s : "?");
                return fail_at(err, doc, name, what, s, levels, 5, en);
            }
            if (part == 0 && registry_has_owners(rs) && (!s || !styr_ruleset_registry(rs, "owner", s, strlen(s)))) {
                size_t n;
                const char **sp = owner_spellings(rs, &n);
                snprintf(what, sizeof what, SVC(en, "'%.300s' är ingen ansvarig i registret", "'%.300s' is not an owner of the registry"),
                         s ? s : "?");
                styr_status st = fail_at(err, doc, name, what, s, sp, n, en);
                free(sp);
                return st;
            }
            /* Two spellings of one owner (an alias, an office of its board)
             * would each hold a capacity, and which won would hang on order. */
            const styr_node *e = part == 0 && s ? styr_ruleset_registry(rs, "owner", s, strlen(s)) : NULL;
            for (uint32_t q = 0; e && q < j; q++) {
                const char *o = scalar(styr_map_key(v, q));
                if (o && styr_ruleset_registry(rs, "owner", o, strlen(o)) == e) {
                    snprintf(what, sizeof what,
                             SVC(en, "workload_capacity: '%.200s' och '%.200s' är samma ansvarig; ge den en kapacitet",
                                 "workload_capacity: '%.200s' and '%.200s' name the same owner; give it one capacity"), o, s);
                    return styr_error_set(err, STYR_E_RULESET, doc->file, name->line, name->column, "%s", what);
                }
            }
            styr_status st = check_limits(doc, styr_map_value(v, j), err, en);
            if (st != STYR_OK)
                return st;
        }
    }
    return STYR_OK;
}

styr_status styr_capacity_check_settings(const styr_ruleset *rs, const styr_doc *doc, const styr_node *settings,
                                         styr_error *err)
{
    const styr_node *wc = settings && settings->kind == STYR_NODE_MAP ? styr_map_get(settings, "workload_capacity", 17) : NULL;
    return wc && !styr_node_is_null(wc) ? check_setting(rs, doc, wc, err) : STYR_OK;
}

styr_status styr_capacity_check(const styr_ruleset *rs, styr_error *err)
{
    for (size_t i = 0; i < rs->ndocs; i++) {
        const styr_doc *doc = rs->docs[i];
        const char *kind = doc->root && doc->root->kind == STYR_NODE_MAP ? scalar(styr_map_get(doc->root, "kind", 4)) : NULL;
        if (!kind || strcmp(kind, "ruleset") != 0)
            continue;
        styr_status st = styr_capacity_check_settings(rs, doc, styr_map_get(doc->root, "settings", 8), err);
        if (st != STYR_OK)
            return st;
    }
    return STYR_OK;
}

/* Sets the measures of limits (checked at load) that out does not have yet. */
static void take(styr_capacity *out, const styr_node *limits, const char *level)
{
    for (uint32_t i = 0; limits && limits->kind == STYR_NODE_MAP && i < limits->count; i++) {
        long m = index_of(measures, scalar(styr_map_key(limits, i)));
        const styr_node *v = styr_map_value(limits, i);
        if (m < 0 || out->set[m] || v->kind != STYR_NODE_SCALAR ||
            (v->stype != STYR_SCALAR_INT && v->stype != STYR_SCALAR_FLOAT))
            continue;
        out->set[m] = 1;
        out->max[m] = v->stype == STYR_SCALAR_INT ? (double)v->v.i : v->v.f;
        out->level[m] = level;
    }
}

int styr_capacity_of(const styr_ruleset *rs, const char *owner, styr_capacity *out)
{
    memset(out, 0, sizeof *out);
    const styr_node *wc = rs ? styr_ruleset_setting(rs, "workload_capacity") : NULL;
    if (!owner || !wc || wc->kind != STYR_NODE_MAP)
        return 0;
    const styr_node *entry = styr_ruleset_registry(rs, "owner", owner, strlen(owner));
    char folded[512], other[512];
    size_t flen = styr_fold(owner, strlen(owner), folded, sizeof folded);
    /* The owner's own entry: a key that names the same registry entry, or
     * (for an owner the registry does not know) the same folded text. */
    const styr_node *owners = styr_map_get(wc, "owners", 6);
    for (uint32_t i = 0; owners && owners->kind == STYR_NODE_MAP && i < owners->count; i++) {
        const char *k = scalar(styr_map_key(owners, i));
        if (!k)
            continue;
        const styr_node *ke = styr_ruleset_registry(rs, "owner", k, strlen(k));
        int same = entry ? ke == entry
                         : !ke && flen < sizeof folded && styr_fold(k, strlen(k), other, sizeof other) == flen &&
                               memcmp(folded, other, flen) == 0;
        if (same) {
            take(out, styr_map_value(owners, i), NULL);
            break;
        }
    }
    const char *level = entry ? scalar(styr_map_get(entry, "level", 5)) : NULL;
    const styr_node *lv = styr_map_get(wc, "levels", 6);
    if (level && lv && lv->kind == STYR_NODE_MAP)
        take(out, styr_map_get(lv, level, strlen(level)), level);
    int n = 0;
    for (int m = 0; m < STYR_CAP_COUNT; m++)
        n += out->set[m];
    return n;
}
