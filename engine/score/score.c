/* score.c - from an areas file to a ranking: the model's Lua functions turn
 * each area into one row of a decision matrix (once), then every scenario is
 * scored with the C kernels of mcda.h over flat arrays. */
#include "score.h"

#include <lauxlib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "nodeview.h"
#include "message.h"
#include "number_text.h"
#include "text.h"
#include "rule_api.h"

static const styr_node *get(const styr_node *map, const char *key)
{
    return map && map->kind == STYR_NODE_MAP ? styr_map_get(map, key, strlen(key)) : NULL;
}

static char *dupn(const char *s, size_t n)
{
    char *out = malloc(n + 1);
    if (out) {
        memcpy(out, s, n);
        out[n] = '\0';
    }
    return out;
}

typedef struct candidate {
    const styr_node *node;
    char *id;
    char *reason;   /* why it is left out, or NULL */
} candidate;

static int by_id(const void *a, const void *b)
{
    return strcmp(((const candidate *)a)->id, ((const candidate *)b)->id);
}

/* The first error finding about area id, with a count of the others, in
 * the run's language. */
static char *error_reason(const styr_file_result *res, const char *id, int lang)
{
    const char *first = NULL;
    size_t more = 0;
    for (size_t i = 0; i < res->findings.count; i++) {
        const styr_finding *f = &res->findings.items[i];
        if (f->severity != STYR_SEV_ERROR || f->waiver_reason || !f->action || strcmp(f->action, id) != 0)
            continue;
        if (!first)
            first = f->message;
        else
            more++;
    }
    if (!first)
        return NULL;
    size_t n = strlen(first) + 64;
    char *out = malloc(n);
    if (out)
        snprintf(out, n,
                 !more ? "%s" : lang == STYR_LANG_EN ? "%s (and %zu more errors)" : "%s (och %zu fel till)",
                 first, more);
    return out;
}

static void add_crash(styr_area_table *t, const styr_model *m, const styr_error *e, int lang, const char *what,
                      const char *id)
{
    styr_error *g = realloc(t->rule_errors, (t->nrule_errors + 1) * sizeof *g);
    if (!g)
        return;
    t->rule_errors = g;
    styr_error *slot = &g[t->nrule_errors++];
    *slot = *e;
    /* A function with no Lua frame of its own (value = math.floor) gives no
     * position: name the model's file, where it is declared. */
    if (!slot->file[0] && m->file) {
        snprintf(slot->file, sizeof slot->file, "%s", m->file);
        slot->line = 0;
    }
    /* e->message is as long as slot->message: each part is cut to fit, at
     * a character's edge (a precision of %.700s cuts by bytes). */
    char w[121], a[101], why[701];
    styr_utf8_copy(w, sizeof w, what);
    styr_utf8_copy(a, sizeof a, id);
    styr_utf8_copy(why, sizeof why, e->message);
    snprintf(slot->message, sizeof slot->message,
             lang == STYR_LANG_EN ? "%s crashed on area %s: %s" : "%s kraschade för området %s: %s", w, a, why);
}

typedef struct gate_args { const char *area, *reason; } gate_args;

static const char *gate_lookup(void *ud, const char *name, size_t *len)
{
    const gate_args *a = ud;
    const char *v = strcmp(name, "area") == 0 ? a->area : strcmp(name, "reason") == 0 ? a->reason : NULL;
    if (v)
        *len = strlen(v);
    return v;
}

/* Runs the model's gates and value functions for one area; fills row or
 * sets c->reason. */
static void judge_area(styr_ruleset *rs, int lang, styr_area_table *t, candidate *c, double *row)
{
    const styr_model *m = rs->model;
    lua_State *L = styr_sandbox_lua(rs->sb);
    for (size_t g = 0; g < m->ngates && !c->reason; g++) {
        lua_rawgeti(L, LUA_REGISTRYINDEX, m->gates[g].fn);
        styr_nodeview_push_view(L, c->node);
        styr_error e;
        if (styr_sandbox_call(rs->sb, 1, 2, NULL, &e) != STYR_OK) {
            char what[160];
            snprintf(what, sizeof what, lang == STYR_LANG_EN ? "gate '%s' of the model" : "modellens spärr '%s'",
                     m->gates[g].id);
            add_crash(t, m, &e, lang, what, c->id);
            c->reason = strdup(lang == STYR_LANG_EN ? "the model's gate crashed" : "modellens spärr kraschade");
            return;
        }
        int pass = lua_toboolean(L, -2);
        const char *extra = lua_tostring(L, -1);
        if (!pass) {
            gate_args a = {c->id, extra ? extra : ""};
            c->reason = styr_message_format(m->gates[g].message[lang] ? m->gates[g].message[lang] : m->gates[g].message[0],
                                            gate_lookup, &a);
        }
        lua_pop(L, 2);
    }
    const styr_node *assess = get(c->node, "assessments");
    for (size_t j = 0; j < m->ncrit && !c->reason; j++) {
        const styr_criterion *cr = &m->crit[j];
        double v = NAN;
        if (cr->assessed) {
            const styr_node *a = get(assess, cr->id);
            if (a && a->kind == STYR_NODE_SCALAR && !(a->flags & STYR_NODE_INVALID))
                v = a->stype == STYR_SCALAR_INT ? (double)a->v.i : a->stype == STYR_SCALAR_FLOAT ? a->v.f : NAN;
        } else {
            lua_rawgeti(L, LUA_REGISTRYINDEX, cr->value_fn);
            styr_nodeview_push_view(L, c->node);
            styr_error e;
            if (styr_sandbox_call(rs->sb, 1, 1, NULL, &e) != STYR_OK) {
                char what[160];
                snprintf(what, sizeof what,
                         lang == STYR_LANG_EN ? "the value of criterion '%s'" : "värdet för kriteriet '%s'", cr->id);
                add_crash(t, m, &e, lang, what, c->id);
                c->reason = strdup(lang == STYR_LANG_EN ? "the model's value function crashed"
                                                        : "modellens värdefunktion kraschade");
                return;
            }
            if (lua_type(L, -1) == LUA_TNUMBER)
                v = lua_tonumber(L, -1);
            lua_pop(L, 1);
            /* A value function that leaves its own scale is the model's
             * mistake: scored, 99 on 1..5 would count 24.5 times the weight. */
            if (isfinite(v) && cr->has_scale && (v < cr->lo || v > cr->hi)) {
                styr_numtext val, lo, hi;   /* as the run's language writes them: 2,5 */
                styr_num_g(&val, v, 6, lang);
                styr_num_g(&lo, cr->lo, 6, lang);
                styr_num_g(&hi, cr->hi, 6, lang);
                /* the area's data is not what is wrong: say where to mend it */
                const char *file = m->file ? m->file : "model.lua";
                size_t n = strlen(cr->id) + strlen(file) + 3 * sizeof val.s + 160;
                c->reason = malloc(n);
                if (c->reason)
                    snprintf(c->reason, n,
                             lang == STYR_LANG_EN
                                 ? "the model's value for the criterion '%s' is %s, outside its scale %s–%s "
                                   "(correct the value function in %s)"
                                 : "modellens värde för kriteriet '%s' är %s, utanför skalan %s–%s "
                                   "(rätta värdefunktionen i %s)",
                             cr->id, val.s, lo.s, hi.s, file);
                return;
            }
        }
        if (!isfinite(v)) {
            size_t n = strlen(cr->id) + 160;
            c->reason = malloc(n);
            if (c->reason)
                snprintf(c->reason, n, lang == STYR_LANG_EN ? "no usable value for the criterion '%s'"
                                                            : "inget användbart värde för kriteriet '%s'", cr->id);
            return;
        }
        row[j] = v;
    }
}

/* The list under key in an area or scenario, if it is a usable list. */
static const styr_node *id_list(const styr_node *map, const char *key)
{
    const styr_node *list = get(map, key);
    return list && list->kind == STYR_NODE_SEQ && !(list->flags & STYR_NODE_INVALID) ? list : NULL;
}

/* Item i of an id list, trimmed, or NULL when it is not a text. */
static const char *list_id(const styr_node *list, uint32_t i, size_t *len)
{
    const styr_node *v = styr_seq_item(list, i);
    if (v->kind != STYR_NODE_SCALAR || styr_node_is_null(v))
        return NULL;
    *len = v->count;
    return styr_trim(v->u.text, len);
}

long styr_area_table_find(const styr_area_table *t, const char *id, size_t len)
{
    size_t lo = 0, hi = t->n;   /* ids are sorted */
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const char *s = t->ids[mid];
        size_t sl = strlen(s);
        int c = memcmp(s, id, sl < len ? sl : len);
        if (c == 0)
            c = sl < len ? -1 : sl > len;
        if (c == 0)
            return (long)mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

static int add_pair(styr_mcda_pair **list, size_t *n, size_t a, size_t b)
{
    styr_mcda_pair *g = realloc(*list, (*n + 1) * sizeof *g);
    if (!g)
        return -1;
    *list = g;
    g[(*n)++] = (styr_mcda_pair){a, b};
    return 0;
}

/* requires/excludes of the scored areas, as index pairs; an area that
 * requires one that is left out (or unknown) can never be chosen. Returns
 * -1 when memory ran out: a dependency left out would let the portfolio
 * choose what it must not. */
static int link_dependencies(styr_area_table *t, const candidate *cands, size_t ncand)
{
    for (size_t k = 0; k < ncand; k++) {
        if (cands[k].reason)
            continue;
        long a = styr_area_table_find(t, cands[k].id, strlen(cands[k].id));
        for (int field = 0; field < 2; field++) {
            const styr_node *list = id_list(cands[k].node, field ? "excludes" : "requires");
            for (uint32_t i = 0; list && i < list->count; i++) {
                size_t len;
                const char *id = list_id(list, i, &len);
                if (!id)
                    continue;
                long b = styr_area_table_find(t, id, len);
                if (field == 0 && b < 0) {
                    size_t *g = realloc(t->blocked, (t->nblocked + 1) * sizeof *g);
                    if (!g)
                        return -1;
                    t->blocked = g;
                    g[t->nblocked++] = (size_t)a;
                } else if (b >= 0 && b != a) {
                    if (add_pair(field == 0 ? &t->needs : &t->conflicts, field == 0 ? &t->nneeds : &t->nconflicts,
                                 (size_t)a, (size_t)b) < 0)
                        return -1;
                }
            }
        }
    }
    return 0;
}

/* The area's title (trimmed, malloc'd), or NULL when it has none. */
/* The area's title, trimmed, or NULL when it has none; *lost is set when
 * the copy failed (the page would show the id where the title belongs). */
static char *area_title(const styr_node *area, int *lost)
{
    const styr_node *ti = get(area, "title");
    if (!ti || ti->kind != STYR_NODE_SCALAR || (ti->flags & STYR_NODE_INVALID) || styr_node_is_null(ti))
        return NULL;
    size_t len = ti->count;
    const char *txt = styr_trim(ti->u.text, &len);
    char *copy = len ? dupn(txt, len) : NULL;
    if (len && !copy)
        *lost = 1;
    return copy;
}

/* A number field of an area, or 0 when it is absent or not a number (the
 * area rules report that). */
static double number_field(const styr_node *area, const char *key)
{
    const styr_node *c = get(area, key);
    return c && c->kind == STYR_NODE_SCALAR && !(c->flags & STYR_NODE_INVALID)
               ? (c->stype == STYR_SCALAR_INT ? (double)c->v.i : c->stype == STYR_SCALAR_FLOAT ? c->v.f : 0)
               : 0;
}

styr_status styr_area_table_build(styr_ruleset *rs, const styr_run_opts *opts, const styr_doc *areas, const styr_file_result *res,
                                  styr_area_table *t, styr_error *err)
{
    memset(t, 0, sizeof *t);
    if (!rs->model)
        return styr_error_set(err, STYR_E_RULESET, rs->dir, 0, 0,
                              opts->lang == STYR_LANG_EN ? "the ruleset '%s' has no model.lua, so it cannot score areas"
                                                         : "regeluppsättningen '%s' har ingen model.lua och kan inte poängsätta områden",
                              rs->name);
    t->m = rs->model->ncrit;
    const styr_node *list = get(areas->root, "areas");
    size_t cap = list && list->kind == STYR_NODE_SEQ && !(list->flags & STYR_NODE_INVALID) ? list->count : 0;
    candidate *cands = calloc(cap ? cap : 1, sizeof *cands);
    double *rows = calloc((cap ? cap : 1) * t->m, sizeof *rows);
    styr_status st = STYR_OK;
    size_t ncand = 0;
    if (!cands || !rows) {
        st = styr_error_set(err, STYR_E_NOMEM, NULL, 0, 0, "out of memory");
        goto done;
    }
    for (uint32_t i = 0; i < cap; i++) {
        const styr_node *a = styr_seq_item(list, i);
        size_t len = 0;
        const char *id = styr_item_id(a, &len);
        cands[ncand].node = a;
        if (a->kind != STYR_NODE_MAP || (a->flags & STYR_NODE_INVALID) || !id) {
            /* Nothing is left out silently: an area without an id is named
             * by its place (area.id.missing / area.type said why). */
            char place[48];
            snprintf(place, sizeof place, "areas[%u]", i);
            cands[ncand].id = strdup(place);
            cands[ncand].reason = strdup(opts->lang == STYR_LANG_EN
                                             ? (a->kind == STYR_NODE_MAP ? "has no id" : "is not a mapping of fields")
                                             : (a->kind == STYR_NODE_MAP ? "saknar id" : "är inte en mappning av fält"));
            if (!cands[ncand].id || !cands[ncand].reason) {
                ncand++;
                st = styr_error_set(err, STYR_E_NOMEM, NULL, 0, 0, "out of memory");
                goto done;
            }
            ncand++;
            continue;
        }
        if (!(cands[ncand].id = dupn(id, len))) {
            st = styr_error_set(err, STYR_E_NOMEM, NULL, 0, 0, "out of memory");
            goto done;
        }
        cands[ncand].reason = error_reason(res, cands[ncand].id, opts->lang);
        ncand++;
    }
    if (ncand > 1)
        qsort(cands, ncand, sizeof *cands, by_id);   /* results never depend on file order */

    /* The model's functions may use find_area() and the registry. */
    styr_file_result scratch;
    memset(&scratch, 0, sizeof scratch);
    styr_findings_init(&scratch.findings, 0);
    styr_run run;
    if (styr_run_init(&run, rs, opts, &scratch) < 0) {
        st = styr_error_set(err, STYR_E_NOMEM, NULL, 0, 0, "out of memory");
        goto done;
    }
    run.doc = areas;
    run.items = cap ? list : NULL;
    for (size_t k = 0; k < ncand; k++)
        styr_strmap_put(&run.item_ids, cands[k].id, strlen(cands[k].id), (void *)cands[k].node, NULL);
    lua_State *L = styr_sandbox_lua(rs->sb);
    styr_ruleapi_set_run(L, &run);
    for (size_t k = 0; k < ncand; k++)
        if (!cands[k].reason)
            judge_area(rs, opts->lang, t, &cands[k], rows + k * t->m);
    styr_ruleapi_set_run(L, NULL);
    styr_run_free(&run);
    styr_file_result_free(&scratch);

    size_t n = 0;
    for (size_t k = 0; k < ncand; k++)
        n += !cands[k].reason;
    t->ids = calloc(n ? n : 1, sizeof *t->ids);
    t->x = calloc((n ? n : 1) * t->m, sizeof *t->x);
    t->cost = calloc(n ? n : 1, sizeof *t->cost);
    t->funding = calloc(n ? n : 1, sizeof *t->funding);
    t->titles = calloc(n ? n : 1, sizeof *t->titles);
    t->excluded = calloc(ncand - n ? ncand - n : 1, sizeof *t->excluded);
    if (!t->ids || !t->x || !t->cost || !t->funding || !t->titles || !t->excluded) {
        st = styr_error_set(err, STYR_E_NOMEM, NULL, 0, 0, "out of memory");
        goto done;
    }
    int lost = 0;
    for (size_t k = 0; k < ncand; k++) {
        if (cands[k].reason) {
            t->excluded[t->nexcluded++] = (styr_excluded){cands[k].id, cands[k].reason, area_title(cands[k].node, &lost)};
        } else {
            memcpy(t->x + t->n * t->m, rows + k * t->m, t->m * sizeof *t->x);
            t->cost[t->n] = number_field(cands[k].node, "cost_sek");
            t->funding[t->n] = number_field(cands[k].node, "external_funding_sek");
            t->titles[t->n] = area_title(cands[k].node, &lost);   /* a person reads the title; the id stays the key */
            t->ids[t->n++] = cands[k].id;
        }
    }
    /* The table owns ids and reasons now; cands still points at them for linking. */
    if (link_dependencies(t, cands, ncand) < 0)
        lost = 1;
    for (size_t k = 0; k < ncand; k++)
        cands[k].id = cands[k].reason = NULL;
    if (lost)
        st = styr_error_set(err, STYR_E_NOMEM, NULL, 0, 0, "out of memory");
done:
    for (size_t k = 0; k < ncand; k++) {
        free(cands[k].id);
        free(cands[k].reason);
    }
    free(cands);
    free(rows);
    if (st != STYR_OK)
        styr_area_table_free(t);   /* the caller keeps no half-built table */
    return st;
}

void styr_area_table_free(styr_area_table *t)
{
    if (!t)
        return;
    for (size_t i = 0; t->ids && i < t->n; i++) {   /* a table that failed half-built: arrays may be missing */
        free(t->ids[i]);
        if (t->titles)
            free(t->titles[i]);
    }
    free(t->ids);
    free(t->titles);
    free(t->x);
    free(t->cost);
    free(t->funding);
    for (size_t i = 0; t->excluded && i < t->nexcluded; i++) {
        free(t->excluded[i].area);
        free(t->excluded[i].title);
        free(t->excluded[i].reason);
    }
    free(t->excluded);
    free(t->needs);
    free(t->conflicts);
    free(t->blocked);
    free(t->rule_errors);
    memset(t, 0, sizeof *t);
}

/* Indexes of the scored areas a scenario's include/exclude names; names of
 * left-out areas make `include` impossible (reported by the caller). */
static size_t collect(const styr_area_table *t, const styr_node *list, size_t *out, const char **left_out)
{
    size_t n = 0;
    *left_out = NULL;
    for (uint32_t i = 0; list && i < list->count; i++) {
        size_t len;
        const char *id = list_id(list, i, &len);
        if (!id)
            continue;
        long k = styr_area_table_find(t, id, len);
        if (k >= 0)
            out[n++] = (size_t)k;
        else
            for (size_t e = 0; e < t->nexcluded; e++)
                if (strlen(t->excluded[e].area) == len && memcmp(t->excluded[e].area, id, len) == 0)
                    *left_out = t->excluded[e].area;
    }
    return n;
}

static styr_status select_portfolio(int lang, const styr_area_table *t, const styr_node *root,
                                    styr_scored *out, styr_error *err)
{
    size_t n = t->n;
    size_t *inc = malloc((n + 1) * sizeof *inc);
    size_t *exc = malloc((n + t->nblocked + 1) * sizeof *exc);
    out->chosen = calloc(n ? n : 1, 1);
    out->forced = calloc(n ? n : 1, 1);
    out->cost_used = calloc(n ? n : 1, sizeof *out->cost_used);
    if (!inc || !exc || !out->chosen || !out->forced || !out->cost_used) {
        free(inc);
        free(exc);
        return styr_error_set(err, STYR_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    const char *inc_left, *exc_left;
    size_t ninc = collect(t, id_list(root, "include"), inc, &inc_left);
    size_t nexc = collect(t, id_list(root, "exclude"), exc, &exc_left);
    for (size_t k = 0; k < ninc; k++)
        out->forced[inc[k]] = STYR_FORCED_IN;
    for (size_t k = 0; k < nexc; k++)
        out->forced[exc[k]] = STYR_FORCED_OUT;
    for (size_t k = 0; k < t->nblocked; k++)
        out->forced[t->blocked[k]] = STYR_FORCED_BLOCKED;
    if (t->nblocked)
        memcpy(exc + nexc, t->blocked, t->nblocked * sizeof *exc);
    nexc += t->nblocked;
    /* net: what the city itself pays, the external funding taken off */
    for (size_t i = 0; i < n; i++) {
        double c = out->net_cost ? t->cost[i] - t->funding[i] : t->cost[i];
        out->cost_used[i] = c > 0 ? c : 0;
    }
    int en = lang == STYR_LANG_EN;
    if (inc_left) {
        out->infeasible = true;
        snprintf(out->infeasible_reason, sizeof out->infeasible_reason,
                 en ? "'%s' is forced in (include), but it is left out of the ranking"
                    : "'%s' tvingas in (include), men området är uteslutet ur rangordningen", inc_left);
    } else {
        styr_mcda_select_problem p = {n, out->cost_used, out->score, (const char *const *)t->ids, inc, ninc, exc, nexc,
                                      t->needs, t->nneeds, t->conflicts, t->nconflicts, 0, !en};
        styr_error e;
        styr_error_clear(&e);
        styr_mcda_status ms = styr_mcda_select(&p, out->budget, out->chosen, &out->sel, &e);
        if (ms == STYR_MCDA_E_INFEASIBLE) {
            out->infeasible = true;
            snprintf(out->infeasible_reason, sizeof out->infeasible_reason, "%s", e.message);
        } else if (ms != STYR_MCDA_OK) {
            free(inc);
            free(exc);
            if (ms == STYR_MCDA_E_NOMEM)
                return styr_error_set(err, STYR_E_NOMEM, NULL, 0, 0, "out of memory");
            return styr_error_set(err, STYR_E_INPUT, NULL, 0, 0, en ? "budget selection failed: %s" : "budgetvalet misslyckades: %s",
                                  e.message);
        }
    }
    free(inc);
    free(exc);
    return STYR_OK;
}

styr_status styr_score_scenario(const styr_ruleset *rs, const styr_run_opts *opts, const styr_area_table *t, const styr_node *root,
                                const char *file, styr_scored *out, styr_error *err)
{
    memset(out, 0, sizeof *out);
    const styr_model *model = rs->model;
    size_t n = t->n, m = t->m;
    const styr_node *method = get(root, "method");
    out->method = method && method->kind == STYR_NODE_SCALAR && strcmp(method->u.text, "topsis") == 0
                      ? STYR_MCDA_TOPSIS : STYR_MCDA_WEIGHTED_SUM;
    styr_status st = styr_scenario_weights(model, root, file, &out->weights, err);
    if (st != STYR_OK)
        return st;
    size_t cells = (n ? n : 1) * m;
    out->norm = calloc(cells, sizeof *out->norm);
    out->score = calloc(n ? n : 1, sizeof *out->score);
    out->contrib = calloc(cells, sizeof *out->contrib);
    out->order = calloc(n ? n : 1, sizeof *out->order);
    out->rank = calloc(n ? n : 1, sizeof *out->rank);
    styr_mcda_criterion *crit = calloc(m, sizeof *crit);
    bool *cost = calloc(m, sizeof *cost);
    if (!out->norm || !out->score || !out->contrib || !out->order || !out->rank || !crit || !cost) {
        free(crit);
        free(cost);
        return styr_error_set(err, STYR_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    for (size_t j = 0; j < m; j++) {
        const styr_criterion *c = &model->crit[j];
        crit[j] = (styr_mcda_criterion){c->id, c->has_scale, c->lo, c->hi, c->cost};
        cost[j] = c->cost;
    }
    styr_error e;
    styr_error_clear(&e);
    styr_mcda_status ms = STYR_MCDA_OK;
    if (n > 0) {
        if (out->method == STYR_MCDA_WEIGHTED_SUM) {
            ms = styr_mcda_normalise(t->x, n, m, crit, out->norm, &e);
            if (ms == STYR_MCDA_OK)
                ms = styr_mcda_weighted_sum(out->norm, n, m, out->weights.w, out->score, out->contrib, &e);
        } else {
            ms = styr_mcda_topsis(t->x, n, m, out->weights.w, cost, out->score, NULL, NULL, out->contrib, &e);
            for (size_t i = 0; i < n && ms == STYR_MCDA_OK; i++)
                for (size_t j = 0; j < m; j++)
                    out->norm[i * m + j] = out->weights.w[j] > 0 ? out->contrib[i * m + j] / out->weights.w[j] : 0;
        }
        if (ms == STYR_MCDA_OK)
            ms = styr_mcda_rank(out->score, n, (const char *const *)t->ids, 0, out->order, out->rank, &e);
    }
    free(crit);
    free(cost);
    if (ms == STYR_MCDA_E_NOMEM)
        return styr_error_set(err, STYR_E_NOMEM, file, 0, 0, "out of memory");
    if (ms != STYR_MCDA_OK)
        return styr_error_set(err, STYR_E_INPUT, file, 0, 0,
                              opts->lang == STYR_LANG_EN ? "scoring failed: %s" : "poängsättningen misslyckades: %s", e.message);
    const styr_node *basis = get(root, "cost_basis");
    out->net_cost = basis && basis->kind == STYR_NODE_SCALAR && strcmp(basis->u.text, "net") == 0;
    const styr_node *budget = get(root, "budget_sek");
    if (budget && budget->kind == STYR_NODE_SCALAR && !(budget->flags & STYR_NODE_INVALID) &&
        (budget->stype == STYR_SCALAR_INT || budget->stype == STYR_SCALAR_FLOAT)) {
        out->has_budget = true;
        out->budget = budget->stype == STYR_SCALAR_INT ? (double)budget->v.i : budget->v.f;
        if (isfinite(out->budget) && out->budget >= 0)
            return select_portfolio(opts->lang, t, root, out, err);
        out->has_budget = false;
    }
    return STYR_OK;
}

void styr_scored_free(styr_scored *s)
{
    if (!s)
        return;
    styr_weights_free(&s->weights);
    free(s->norm);
    free(s->score);
    free(s->contrib);
    free(s->order);
    free(s->rank);
    free(s->chosen);
    free(s->forced);
    free(s->cost_used);
    memset(s, 0, sizeof *s);
}
