/* validate.c - judges one loaded file: picks the rules for its kind, checks
 * the schema, builds the id indexes rules look things up in, runs every
 * rule over its nodes inside the sandbox, then applies the plan's waivers. */
#include "validate.h"

#include <lauxlib.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "date.h"
#include "luadoc.h"
#include "schema.h"
#include "text.h"

static const char *const kinds[] = {"action-plan", "innovation-areas", "scenario", NULL};

const char *styr_trim(const char *s, size_t *len)
{
    size_t n = *len;
    while (n && (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')) {
        s++;
        n--;
    }
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
        n--;
    *len = n;
    return s;
}

const styr_node *styr_run_item_of(const styr_run *run, const styr_node *n)
{
    for (; n && run->items; n = n->parent)
        if (n->parent == run->items)
            return n;
    return NULL;
}

const char *styr_item_id(const styr_node *item, size_t *len)
{
    const styr_node *id = item && item->kind == STYR_NODE_MAP ? styr_map_get(item, "id", 2) : NULL;
    if (!id || id->kind != STYR_NODE_SCALAR || id->stype == STYR_SCALAR_NULL || (id->flags & STYR_NODE_INVALID))
        return NULL;
    *len = id->count;
    return styr_trim(id->u.text, len);
}

static const styr_node *get(const styr_node *map, const char *key)
{
    return map && map->kind == STYR_NODE_MAP ? styr_map_get(map, key, strlen(key)) : NULL;
}

/* Indexes the map items of seq by trimmed id (the first of a duplicate wins). */
static int index_ids(styr_strmap *m, const styr_node *seq)
{
    if (!seq || seq->kind != STYR_NODE_SEQ || (seq->flags & STYR_NODE_INVALID))
        return 0;
    for (uint32_t i = 0; i < seq->count; i++) {
        size_t len;
        const char *id = styr_item_id(styr_seq_item(seq, i), &len);
        if (id && styr_strmap_put(m, id, len, (void *)styr_seq_item(seq, i), NULL) < 0)
            return -1;
    }
    return 0;
}

/* Reads one end of period: as a day number. */
static int period_edge(const styr_node *v, styr_date_edge edge, int64_t *out)
{
    if (!v || v->kind != STYR_NODE_SCALAR || (v->flags & STYR_NODE_INVALID))
        return 0;
    if (v->stype != STYR_SCALAR_INT && v->stype != STYR_SCALAR_STRING)
        return 0;
    styr_date d;
    if (!styr_date_parse(v->u.text, v->count, edge, &d, NULL, 0))
        return 0;
    *out = styr_date_ordinal(&d);
    return 1;
}

/* Where a crash happened, for its message: "action 1.2" or "action number 3". */
typedef struct item_ref {
    const char *noun;        /* NULL for the whole file */
    const styr_node *node;
    uint32_t index;
} item_ref;

static void add_rule_error(styr_file_result *res, const styr_error *e, const item_ref *where)
{
    char item[160];
    item[0] = '\0';
    if (where && where->noun) {
        size_t len = 0;
        const char *id = styr_item_id(where->node, &len);
        if (id)
            snprintf(item, sizeof item, "%s %.*s", where->noun, (int)(len < 100 ? len : 100), id);
        else
            snprintf(item, sizeof item, "%s number %u", where->noun, where->index + 1);
    }
    styr_error *grown = realloc(res->rule_errors, (res->nrule_errors + 1) * sizeof *grown);
    if (!grown)
        return;
    res->rule_errors = grown;
    styr_error *slot = &res->rule_errors[res->nrule_errors++];
    *slot = *e;
    if (item[0]) {
        size_t n = strlen(slot->message);
        snprintf(slot->message + n, sizeof slot->message - n, " (while judging %s)", item);
    }
}

/* Runs every rule of scope over the value at node_index (a node view),
 * with the root view at root_index as its second argument. */
static void run_scope(styr_run *run, styr_scope scope, int node_index, int root_index, const item_ref *where)
{
    styr_ruleset *rs = run->rs;
    lua_State *L = styr_sandbox_lua(rs->sb);
    for (size_t i = 0; i < rs->nrules; i++) {
        styr_rule *r = &rs->rules[i];
        if (r->scope != scope || r->crashed || r->severity == STYR_SEV_OFF || r->fn == LUA_NOREF)
            continue;
        lua_rawgeti(L, LUA_REGISTRYINDEX, r->fn);
        lua_pushvalue(L, node_index);
        lua_pushvalue(L, root_index);
        styr_error e;
        run->rule = r;
        struct timespec t0, t1;
        if (rs->profile)
            clock_gettime(CLOCK_MONOTONIC, &t0);
        styr_status st = styr_sandbox_call(rs->sb, 2, 0, r->id, &e);
        if (rs->profile) {
            clock_gettime(CLOCK_MONOTONIC, &t1);
            r->seconds += (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
            r->calls++;
        }
        if (st != STYR_OK) {
            if (!e.file[0] && r->file) {
                /* A stop with no Lua frame to blame (a memory error raised
                 * inside a library call): name where the rule is declared. */
                snprintf(e.file, sizeof e.file, "%s", r->file);
                e.line = r->line;
            }
            /* One report per rule and file: the rest of the file goes on without it. */
            r->crashed = 1;
            add_rule_error(run->res, &e, where);
        }
        run->rule = NULL;
    }
}

/* Runs scope over the map items [from, to) of seq. */
static void run_items_range(styr_run *run, styr_scope scope, const styr_node *seq, int root_index,
                            const char *noun, uint32_t from, uint32_t to)
{
    if (!seq || seq->kind != STYR_NODE_SEQ || (seq->flags & STYR_NODE_INVALID))
        return;
    lua_State *L = styr_sandbox_lua(run->rs->sb);
    for (uint32_t i = from; i < to && i < seq->count; i++) {
        const styr_node *item = styr_seq_item(seq, i);
        if (item->kind != STYR_NODE_MAP || (item->flags & STYR_NODE_INVALID))
            continue;
        styr_luadoc_push_view(L, item);
        item_ref where = {noun, item, i};
        run_scope(run, scope, lua_gettop(L), root_index, &where);
        lua_pop(L, 1);
    }
}

/* Runs scope over every map item of seq. */
static void run_items(styr_run *run, styr_scope scope, const styr_node *seq, int root_index, const char *noun)
{
    run_items_range(run, scope, seq, root_index, noun, 0, UINT32_MAX);
}

/* ---- two cores for a large plan ------------------------------------------
 * Action rules judge one action at a time, so the actions can be split: the
 * second half goes to a copy of the ruleset in its own Lua state, on a
 * thread of its own. The document is only read by then (the schema has set
 * its flags), each Lua state is its own, and the findings are merged and
 * sorted, so the report is the same as on one core. */

#define PARALLEL_MIN_ACTIONS 2000

typedef struct worker {
    styr_run run;
    styr_file_result res;
    const styr_node *root;
    uint32_t from, to;
} worker;

static void *worker_main(void *arg)
{
    worker *w = arg;
    lua_State *L = styr_sandbox_lua(w->run.rs->sb);
    w->run.rs->run = &w->run;
    styr_luadoc_push_view(L, w->root);
    int root_index = lua_gettop(L);
    run_items_range(&w->run, STYR_SCOPE_ACTION, w->run.items, root_index, "action", w->from, w->to);
    lua_settop(L, root_index - 1);
    w->run.rs->run = NULL;
    return NULL;
}

/* The helper ruleset, loaded on first use; NULL if there is none to be had. */
static styr_ruleset *helper_of(styr_ruleset *rs)
{
    if (!rs->helper && !rs->helper_failed) {
        styr_error err;
        if (sysconf(_SC_NPROCESSORS_ONLN) < 2 || styr_ruleset_load(rs->dir, &rs->lim, &rs->helper, &err) != STYR_OK)
            rs->helper_failed = 1;
    }
    if (rs->helper) {
        rs->helper->lang = rs->lang;
        rs->helper->profile = rs->profile;
    }
    return rs->helper;
}

/* Moves the worker's findings, crashes and timings into run's. */
static void merge_worker(styr_run *run, worker *w)
{
    styr_findings *to = &run->res->findings, *from = &w->res.findings;
    for (size_t i = 0; i < from->count; i++) {
        styr_finding *f = &from->items[i];
        /* Rule ids are the helper's strings: use the main ruleset's. */
        styr_rule *r = styr_ruleset_rule(run->rs, f->rule, strlen(f->rule));
        styr_findings_add(to, r ? r->id : "?", f->severity, f->message, f->action, f->path, f->line, f->column);
        f->message = f->action = f->path = NULL;
    }
    for (int s = 0; s < 3; s++)
        to->dropped_by_severity[s] += from->dropped_by_severity[s];
    if (from->dropped && !to->dropped) {
        to->dropped_line = from->dropped_line;
        to->dropped_column = from->dropped_column;
    }
    to->dropped += from->dropped;
    for (size_t i = 0; i < w->res.nrule_errors; i++) {
        const styr_error *e = &w->res.rule_errors[i];
        int seen = 0;   /* one report a rule, as on one core */
        for (size_t k = 0; k < run->res->nrule_errors && !seen; k++)
            seen = strstr(run->res->rule_errors[k].message, e->message) != NULL ||
                   strncmp(run->res->rule_errors[k].message, e->message, 60) == 0;
        if (!seen)
            add_rule_error(run->res, e, NULL);
    }
    for (size_t i = 0; i < w->run.rs->nrules; i++) {
        const styr_rule *hr = &w->run.rs->rules[i];
        styr_rule *r = styr_ruleset_rule(run->rs, hr->id, strlen(hr->id));
        if (r) {
            r->seconds += hr->seconds;
            r->calls += hr->calls;
        }
    }
}

/* Runs the action rules over run's actions, on two cores when it pays. */
static void run_actions(styr_run *run, const styr_node *root, int root_index)
{
    const styr_node *items = run->items;
    uint32_t n = items && items->kind == STYR_NODE_SEQ && !(items->flags & STYR_NODE_INVALID) ? items->count : 0;
    styr_ruleset *helper = n >= PARALLEL_MIN_ACTIONS && run->rs->threads != 1 ? helper_of(run->rs) : NULL;
    if (!helper) {
        run_items(run, STYR_SCOPE_ACTION, items, root_index, "action");
        return;
    }
    worker w;
    memset(&w, 0, sizeof w);
    w.run = *run;                 /* the same indexes, read-only from here */
    w.run.rs = helper;
    w.run.res = &w.res;
    w.run.rule = NULL;
    styr_findings_init(&w.res.findings, run->rs->lim.max_findings);
    w.root = root;
    w.from = n / 2;
    w.to = n;
    for (size_t i = 0; i < helper->nrules; i++) {
        helper->rules[i].crashed = 0;
        helper->rules[i].seconds = 0;
        helper->rules[i].calls = 0;
    }
    pthread_t t;
    if (pthread_create(&t, NULL, worker_main, &w) != 0) {
        styr_findings_free(&w.res.findings);
        run_items(run, STYR_SCOPE_ACTION, items, root_index, "action");
        return;
    }
    run_items_range(run, STYR_SCOPE_ACTION, items, root_index, "action", 0, n / 2);
    pthread_join(t, NULL);
    merge_worker(run, &w);
    styr_findings_free(&w.res.findings);
    free(w.res.rule_errors);
}

/* Does a waiver's rule text name finding rule `id`? "x.*" waives a family. */
static int waiver_matches_rule(const char *pat, size_t plen, const char *id)
{
    if (plen >= 2 && pat[plen - 1] == '*' && pat[plen - 2] == '.')
        return strncmp(id, pat, plen - 1) == 0;
    return strlen(id) == plen && memcmp(id, pat, plen) == 0;
}

static void apply_waivers(styr_run *run, const styr_node *root)
{
    const styr_node *waivers = get(root, "waivers");
    if (!waivers || waivers->kind != STYR_NODE_SEQ || (waivers->flags & STYR_NODE_INVALID))
        return;
    styr_findings *f = &run->res->findings;
    for (uint32_t w = 0; w < waivers->count; w++) {
        const styr_node *wv = styr_seq_item(waivers, w);
        const styr_node *rule = get(wv, "rule"), *action = get(wv, "action"), *reason = get(wv, "reason");
        if (!rule || rule->kind != STYR_NODE_SCALAR || (rule->flags & STYR_NODE_INVALID))
            continue;
        /* A waiver without a reason waives nothing; a rule says so. */
        if (!reason || reason->kind != STYR_NODE_SCALAR || styr_node_is_null(reason) || !reason->count)
            continue;
        size_t rlen = rule->count, alen = 0;
        const char *rid = styr_trim(rule->u.text, &rlen);
        const char *aid = NULL;
        if (action && action->kind == STYR_NODE_SCALAR && !styr_node_is_null(action)) {
            alen = action->count;
            aid = styr_trim(action->u.text, &alen);
        }
        for (size_t i = 0; i < f->count; i++) {
            styr_finding *fi = &f->items[i];
            if (fi->waiver_reason || strncmp(fi->rule, "plan.waiver.", 12) == 0)
                continue;
            if (!waiver_matches_rule(rid, rlen, fi->rule))
                continue;
            if (aid && !(fi->action && strlen(fi->action) == alen && memcmp(fi->action, aid, alen) == 0))
                continue;
            fi->waiver_reason = reason->u.text;
        }
    }
}

static styr_status check_kind(const styr_doc *doc, const char **kind_out, styr_error *err)
{
    const styr_node *root = doc->root;
    if (!root)
        return styr_error_set(err, STYR_E_INPUT, doc->file, 0, 0,
                              "the file holds no YAML document (is it empty?); a plan starts with "
                              "'kind: action-plan' and 'version: 1'");
    if (root->kind != STYR_NODE_MAP)
        return styr_error_set(err, STYR_E_INPUT, doc->file, root->line, root->column,
                              "the top level must be a mapping that starts with 'kind:' and 'version: 1', "
                              "not a %s", root->kind == STYR_NODE_SEQ ? "list" : "single value");
    const styr_node *k = styr_map_get(root, "kind", 4);
    if (!k || k->kind != STYR_NODE_SCALAR || styr_node_is_null(k))
        return styr_error_set(err, STYR_E_INPUT, doc->file, k ? k->line : root->line, k ? k->column : root->column,
                              "missing 'kind:' at the top level (kind: action-plan, innovation-areas or scenario)");
    for (int i = 0; kinds[i]; i++)
        if (strcmp(k->u.text, kinds[i]) == 0) {
            *kind_out = kinds[i];
            return STYR_OK;
        }
    long near = styr_nearest(k->u.text, k->count, kinds, 3);
    return styr_error_set(err, STYR_E_INPUT, doc->file, k->line, k->column,
                          "unknown kind '%s'%s%s%s (styr reads action-plan, innovation-areas and scenario)",
                          k->u.text, near >= 0 ? "; did you mean '" : "", near >= 0 ? kinds[near] : "",
                          near >= 0 ? "'?" : "");
}

/* Gives every finding its rule's remedy in the run's language (FORMATS.md
 * section 9), so that each report writer can show it beside the finding. */
static void attach_remediation(const styr_ruleset *rs, styr_findings *f)
{
    for (size_t i = 0; i < f->count; i++) {
        styr_finding *fi = &f->items[i];
        const styr_rule *r = styr_ruleset_rule(rs, fi->rule, strlen(fi->rule));
        if (r)
            fi->remediation = r->remediation[rs->lang] ? r->remediation[rs->lang] : r->remediation[0];
    }
}

/* A workbook plan's findings: the sheet its line carries (doc.h), and the
 * row as the line (FORMATS.md section 14). Sorted already: by sheet, row. */
static void place_in_sheets(const styr_doc *doc, styr_findings *f)
{
    for (size_t i = 0; i < f->count; i++) {
        styr_finding *fi = &f->items[i];
        unsigned sheet = styr_sheet_of_line(fi->line);
        if (sheet && sheet < doc->nsheets) {
            fi->sheet = doc->sheets[sheet];
            fi->line = styr_row_of_line(fi->line);
        }
    }
    if (f->dropped && styr_sheet_of_line(f->dropped_line))
        f->dropped_line = styr_row_of_line(f->dropped_line);
}

styr_status styr_validate_doc(styr_ruleset *rs, styr_doc *doc, styr_file_result *res,
                              styr_error *err)
{
    return styr_validate_doc_with_areas(rs, doc, NULL, res, err);
}

styr_status styr_validate_doc_with_areas(styr_ruleset *rs, styr_doc *doc, const styr_node *areas,
                                         styr_file_result *res, styr_error *err)
{
    memset(res, 0, sizeof *res);
    styr_findings_init(&res->findings, rs->lim.max_findings);
    res->file = strdup(doc->file);
    if (!res->file)
        return styr_error_set(err, STYR_E_NOMEM, NULL, 0, 0, "out of memory");
    styr_status st = check_kind(doc, &res->kind, err);
    if (st != STYR_OK)
        return st;

    styr_node *root = doc->root;
    styr_run run;
    memset(&run, 0, sizeof run);
    run.rs = rs;
    run.res = res;
    run.doc = doc;
    styr_strmap_init(&run.item_ids);
    styr_strmap_init(&run.strategy_ids);
    int is_plan = strcmp(res->kind, "action-plan") == 0;
    int is_areas = strcmp(res->kind, "innovation-areas") == 0;
    run.items = is_plan ? get(root, "actions") : is_areas ? get(root, "areas") : areas;
    if (run.items && run.items->kind != STYR_NODE_SEQ)
        run.items = NULL;
    for (size_t i = 0; i < rs->nrules; i++)
        rs->rules[i].crashed = 0;
    rs->run = &run;

    if ((st = styr_schema_check(&run, root, res->kind, err)) != STYR_OK)
        goto done;
    if (run.items && !(run.items->flags & STYR_NODE_INVALID) && (is_plan || is_areas))
        res->actions = run.items->count;
    if (index_ids(&run.item_ids, run.items) < 0 ||
        (is_plan && index_ids(&run.strategy_ids, get(root, "strategies")) < 0)) {
        st = styr_error_set(err, STYR_E_NOMEM, NULL, 0, 0, "out of memory");
        goto done;
    }
    const styr_node *period = get(root, "period");
    run.have_period = period && !(period->flags & STYR_NODE_INVALID) &&
                      period_edge(get(period, "from"), STYR_DATE_START, &run.period_from) &&
                      period_edge(get(period, "to"), STYR_DATE_END, &run.period_to) &&
                      run.period_from <= run.period_to;

    lua_State *L = styr_sandbox_lua(rs->sb);
    styr_luadoc_push_view(L, root);
    int root_index = lua_gettop(L);
    if (is_plan) {
        run_scope(&run, STYR_SCOPE_PLAN, root_index, root_index, NULL);
        run_items(&run, STYR_SCOPE_STRATEGY, get(root, "strategies"), root_index, "strategy");
        run_actions(&run, root, root_index);
        apply_waivers(&run, root);
    } else if (is_areas) {
        run_scope(&run, STYR_SCOPE_AREAS, root_index, root_index, NULL);
        run_items(&run, STYR_SCOPE_AREA, run.items, root_index, "area");
    } else {
        run_scope(&run, STYR_SCOPE_SCENARIO, root_index, root_index, NULL);
    }
    lua_settop(L, root_index - 1);
    attach_remediation(rs, &res->findings);
    styr_findings_sort(&res->findings);
    if (doc->sheets)
        place_in_sheets(doc, &res->findings);
done:
    rs->run = NULL;
    styr_strmap_free(&run.item_ids);
    styr_strmap_free(&run.strategy_ids);
    return st;
}

void styr_file_result_free(styr_file_result *res)
{
    if (!res)
        return;
    free(res->file);
    styr_findings_free(&res->findings);
    free(res->rule_errors);
    memset(res, 0, sizeof *res);
}
