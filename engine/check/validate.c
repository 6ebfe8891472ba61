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
#include "nodeview.h"
#include "rule_api.h"
#include "schema.h"
#include "waivers.h"
#include "continuity.h"
#include "followup.h"
#include "text.h"
#include "workload.h"

static const char *const kinds[] = {"action-plan", "innovation-areas", "scenario", NULL};

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

/* Counts, by trimmed strategy id, the actions of seq that name it: one pass,
 * so "has this strategy any action?" costs a lookup, not a scan of every
 * action for every strategy. */
static int count_strategy_use(styr_strmap *m, const styr_node *seq)
{
    if (!seq || seq->kind != STYR_NODE_SEQ || (seq->flags & STYR_NODE_INVALID))
        return 0;
    for (uint32_t i = 0; i < seq->count; i++) {
        const styr_node *s = get(styr_seq_item(seq, i), "strategy");
        if (!s || s->kind != STYR_NODE_SCALAR || s->stype == STYR_SCALAR_NULL || (s->flags & STYR_NODE_INVALID))
            continue;
        size_t len = s->count;
        const char *id = styr_trim(s->u.text, &len);
        void *old = NULL;
        int rc = styr_strmap_put(m, id, len, (void *)(uintptr_t)1, &old);
        if (rc < 0)
            return -1;
        if (rc == 0) {
            /* Present: count one more (the map keeps values by pointer). */
            styr_strmap_slot_set(m, id, len, (void *)((uintptr_t)old + 1));
        }
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

/* The noun of an item in the run's language ("action": "insats"). */
static const char *noun_in(const char *noun, int english)
{
    if (english)
        return noun;
    return strcmp(noun, "action") == 0 ? "insats" : strcmp(noun, "strategy") == 0 ? "strategi"
         : strcmp(noun, "area") == 0 ? "område" : noun;
}

static void add_rule_error(styr_file_result *res, const styr_error *e, const item_ref *where, int english)
{
    char item[160];
    item[0] = '\0';
    if (where && where->noun) {
        size_t len = 0;
        const char *id = styr_item_id(where->node, &len);
        const char *noun = noun_in(where->noun, english);
        if (id)
            snprintf(item, sizeof item, "%s %.*s", noun, (int)(len < 100 ? len : 100), id);
        else
            snprintf(item, sizeof item, english ? "%s number %u" : "%s nummer %u", noun, where->index + 1);
    }
    styr_error *grown = realloc(res->rule_errors, (res->nrule_errors + 1) * sizeof *grown);
    if (!grown) {
        /* A crash that cannot be recorded must not pass for a clean rule:
         * the file is not judged at all (the caller reports why). */
        res->failed = 1;
        styr_error_set(&res->failure, STYR_E_NOMEM, NULL, 0, 0, "out of memory");
        return;
    }
    res->rule_errors = grown;
    styr_error *slot = &res->rule_errors[res->nrule_errors++];
    *slot = *e;
    styr_error_localise(slot, english);
    if (item[0]) {
        size_t n = strlen(slot->message);
        snprintf(slot->message + n, sizeof slot->message - n, english ? " (while judging %s)" : " (vid bedömningen av %s)",
                 item);
    }
}

/* The index of the rule that keeps the most of the rules' memory, if it
 * keeps more than a quarter of the cap; else -1 (a memory bomb that left
 * nothing behind is blamed where it allocated). */
static long memory_holder(const styr_run *run)
{
    const styr_ruleset *rs = run->rs;
    long best = -1;
    long long most = 0;
    for (size_t i = 0; i < rs->nrules; i++) {
        long long kept = atomic_load(&run->retained[i]);
        if (best < 0 || kept > most) {
            best = (long)i;
            most = kept;
        }
    }
    return best >= 0 && most > (long long)(styr_sandbox_cap(rs->sb) / 4) ? best : -1;
}

/* Lets go of what a rule blamed for the memory keeps in file-level locals
 * (its check function's upvalues, such as a hoarding table), so that the
 * rules that merely asked next can run: _ENV stays (the other rules of its
 * file reach the API through it). */
static void drop_kept(lua_State *L, const styr_rule *r)
{
    lua_rawgeti(L, LUA_REGISTRYINDEX, r->fn);
    for (int u = 1;; u++) {
        const char *name = lua_getupvalue(L, -1, u);
        if (!name)
            break;
        lua_pop(L, 1);
        if (strcmp(name, "_ENV") == 0)
            continue;
        lua_pushnil(L);
        lua_setupvalue(L, -2, u);
    }
    lua_pop(L, 1);
    lua_gc(L, LUA_GCCOLLECT, 0);
}

/* Marks rule i crashed, with the number of the record add_rule_error just
 * kept (nothing kept: memory ran out, and res->failed says so). */
static void mark_crashed(styr_run *run, size_t i, size_t errors_before)
{
    run->crashed[i] = run->res->nrule_errors > errors_before ? (uint32_t)run->res->nrule_errors : STYR_CRASH_UNRECORDED;
}

/* Runs every rule of scope over the value at node_index (a node view),
 * with the root view at root_index as its second argument. */
static void run_scope(styr_run *run, styr_scope scope, int node_index, int root_index, const item_ref *where)
{
    const styr_ruleset *rs = run->rs;
    styr_rule_stats *stats = run->opts->stats;
    lua_State *L = styr_sandbox_lua(rs->sb);
    for (size_t i = 0; i < rs->nrules; i++) {
        const styr_rule *r = &rs->rules[i];
        if (r->scope != scope || run->crashed[i] || r->severity == STYR_SEV_OFF || r->fn == LUA_NOREF)
            continue;
        int retried = 0;
        styr_findings mark = run->res->findings;   /* the counters, to run the call again */
    again:
        lua_rawgeti(L, LUA_REGISTRYINDEX, r->fn);
        lua_pushvalue(L, node_index);
        lua_pushvalue(L, root_index);
        styr_error e;
        run->rule = r;
        run->item = where ? where->node : NULL;
        struct timespec t0, t1;
        if (stats)
            clock_gettime(CLOCK_MONOTONIC, &t0);
        styr_sandbox_blame(rs->sb, r->id, r->file, r->line);
        size_t mem_before = styr_sandbox_memory(rs->sb);
        styr_status st = styr_sandbox_call(rs->sb, 2, 0, r->id, &e);
        atomic_fetch_add(&run->retained[i], (long long)styr_sandbox_memory(rs->sb) - (long long)mem_before);
        if (stats) {
            clock_gettime(CLOCK_MONOTONIC, &t1);
            stats[i].seconds += (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
            stats[i].calls++;
        }
        if (st != STYR_OK) {
            if (!e.file[0] && r->file) {
                /* A stop with no Lua frame to blame (a memory error raised
                 * inside a library call): name where the rule is declared. */
                snprintf(e.file, sizeof e.file, "%s", r->file);
                e.line = r->line;
            }
            long k = styr_sandbox_stopped_for_memory(rs->sb) ? memory_holder(run) : -1;
            const styr_rule *holder = k >= 0 ? &rs->rules[k] : NULL;
            if (holder) {
                /* The memory is used up because a rule keeps it (in a
                 * file-level table, say): blame that rule, at its
                 * declaration, whichever rule happened to ask next - so the
                 * report is the same on one core and on two. */
                if (!run->crashed[k]) {
                    snprintf(e.file, sizeof e.file, "%s", holder->file ? holder->file : "");
                e.line = holder->line;
                snprintf(e.message, sizeof e.message,
                         run->opts->lang == STYR_LANG_EN
                             ? "rule %s crashed: stopped: the rules used more than %zu MiB of memory, most of it kept by "
                               "this rule; raise --max-rule-memory if the rule is right"
                             : "regeln %s kraschade: stoppad: reglerna använde mer än %zu MiB minne, det mesta av det "
                               "hålls kvar av den här regeln; höj --max-rule-memory om regeln är rätt",
                         holder->id, styr_sandbox_cap(rs->sb) / (1024 * 1024));
                    size_t before = run->res->nrule_errors;
                    add_rule_error(run->res, &e, NULL, run->opts->lang == STYR_LANG_EN);
                    mark_crashed(run, (size_t)k, before);
                }
                /* The rule that asked is not to blame: once the holder's
                 * memory is let go, it runs again on the same item (what it
                 * reported the first time is forgotten), so its findings
                 * do not depend on which state, on two cores, asked first. */
                drop_kept(L, holder);
                if ((size_t)k != i && !retried) {
                    retried = 1;
                    styr_findings_rollback(&run->res->findings, &mark);
                    goto again;
                }
                run->rule = NULL;
                continue;
            }
            /* One report per rule and file: the rest of the file goes on without it. */
            size_t before = run->res->nrule_errors;
            add_rule_error(run->res, &e, where, run->opts->lang == STYR_LANG_EN);
            mark_crashed(run, i, before);
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
        styr_nodeview_push_view(L, item);
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
    styr_run_opts opts;          /* the caller's, with stats of the helper's own */
    styr_file_result res;
    const styr_node *root;
    uint32_t from, to;
} worker;

static void *worker_main(void *arg)
{
    worker *w = arg;
    lua_State *L = styr_sandbox_lua(w->run.rs->sb);
    styr_ruleapi_set_run(L, &w->run);
    styr_nodeview_push_view(L, w->root);
    int root_index = lua_gettop(L);
    run_items_range(&w->run, STYR_SCOPE_ACTION, w->run.items, root_index, "action", w->from, w->to);
    lua_settop(L, root_index - 1);
    styr_ruleapi_set_run(L, NULL);
    return NULL;
}

/* The helper ruleset, loaded on first use; NULL if there is none to be had.
 * Without `forced` (--threads 2 or more) a one-CPU machine has none. */
static styr_ruleset *helper_of(styr_ruleset *rs, int forced)
{
    if (!rs->helper && !rs->helper_failed) {
        styr_error err;
        /* The helper's state shares the run's memory budget: both together
         * get what one state gets on one core. */
        styr_limits hl = rs->lim;
        hl.budget = styr_sandbox_budget(rs->sb);
        if ((!forced && sysconf(_SC_NPROCESSORS_ONLN) < 2) ||
            styr_ruleset_load_from(rs->dir, (const char *const *)rs->search, &hl, &rs->helper, &err) != STYR_OK)
            rs->helper_failed = 1;
    }
    return rs->helper;
}

/* The index of the main ruleset's rule with the helper's rule id, or -1. */
static long main_rule_index(const styr_ruleset *rs, const char *id)
{
    const styr_rule *r = styr_ruleset_rule(rs, id, strlen(id));
    return r ? (long)(r - rs->rules) : -1;
}

/* Moves the worker's findings, crashes and timings into run's. */
static void merge_worker(styr_run *run, worker *w)
{
    styr_findings *to = &run->res->findings, *from = &w->res.findings;
    for (size_t i = 0; i < from->count; i++) {
        styr_finding *f = &from->items[i];
        /* Rule ids are the helper's strings: use the main ruleset's. */
        styr_rule *r = styr_ruleset_rule(run->rs, f->rule, strlen(f->rule));
        size_t before = to->count;
        int lost = styr_findings_add(to, r ? r->id : "?", f->severity, f->message, f->action, f->path, f->line,
                                     f->column) < 0;
        styr_findings_give_remedy(to, before, f->remedy);
        lost |= styr_findings_mark_unfilled(to, before, f->unfilled) < 0;
        f->message = f->action = f->path = f->remedy = NULL;
        if (lost && !run->res->failed) {
            /* a finding (or its note) the main run could not keep: the
             * file is not judged rather than judged on less */
            run->res->failed = 1;
            styr_error_set(&run->res->failure, STYR_E_NOMEM, NULL, 0, 0, "out of memory");
        }
    }
    for (int s = 0; s < 3; s++)
        to->dropped_by_severity[s] += from->dropped_by_severity[s];
    if (from->dropped && !to->dropped) {
        to->dropped_line = from->dropped_line;
        to->dropped_column = from->dropped_column;
    }
    to->dropped += from->dropped;
    /* One report a rule, as on one core: the helper's crashes, in the
     * order they happened (as one core meets them after the main state's),
     * each matched to its rule by the record number crashed[] holds, and to
     * the main run's rule by id. */
    for (size_t j = 0; j < w->res.nrule_errors; j++)
        for (size_t i = 0; i < w->run.rs->nrules; i++) {
            if (w->run.crashed[i] != j + 1)
                continue;
            long k = main_rule_index(run->rs, w->run.rs->rules[i].id);
            if (k >= 0 && !run->crashed[k]) {
                size_t before = run->res->nrule_errors;
                add_rule_error(run->res, &w->res.rule_errors[j], NULL, run->opts->lang == STYR_LANG_EN);
                mark_crashed(run, (size_t)k, before);
            }
        }
    /* a crash the helper could not record: the file is not judged */
    if (w->res.failed && !run->res->failed) {
        run->res->failed = 1;
        run->res->failure = w->res.failure;
    }
    if (run->opts->stats && w->opts.stats)
        for (size_t i = 0; i < w->run.rs->nrules; i++) {
            long k = main_rule_index(run->rs, w->run.rs->rules[i].id);
            if (k >= 0) {
                run->opts->stats[k].seconds += w->opts.stats[i].seconds;
                run->opts->stats[k].calls += w->opts.stats[i].calls;
            }
        }
}

/* Runs the action rules over run's actions, on two cores when it pays. */
static void run_actions(styr_run *run, const styr_node *root, int root_index)
{
    const styr_node *items = run->items;
    uint32_t n = items && items->kind == STYR_NODE_SEQ && !(items->flags & STYR_NODE_INVALID) ? items->count : 0;
    styr_ruleset *helper = n >= PARALLEL_MIN_ACTIONS && run->opts->threads != 1
                               ? helper_of((styr_ruleset *)run->rs, run->opts->threads >= 2) : NULL;
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
    w.opts = *run->opts;
    w.opts.stats = run->opts->stats ? calloc(helper->nrules ? helper->nrules : 1, sizeof *w.opts.stats) : NULL;
    w.run.opts = &w.opts;
    w.run.crashed = calloc(helper->nrules ? helper->nrules : 1, sizeof *w.run.crashed);
    /* One account of what each rule keeps, over both states (the same
     * folder gives the same rules in the same order): a stop in either
     * blames the rule that keeps the most in the two together. */
    w.run.retained = helper->nrules == run->rs->nrules ? run->retained : NULL;
    styr_findings_init(&w.res.findings, run->rs->lim.max_findings);
    w.root = root;
    w.from = n / 2;
    w.to = n;
    pthread_t t;
    if (!w.run.crashed || !w.run.retained || (run->opts->stats && !w.opts.stats) || pthread_create(&t, NULL, worker_main, &w) != 0) {
        run_items(run, STYR_SCOPE_ACTION, items, root_index, "action");
    } else {
        run_items_range(run, STYR_SCOPE_ACTION, items, root_index, "action", 0, n / 2);
        pthread_join(t, NULL);
        merge_worker(run, &w);
    }
    /* Not styr_run_free: the indexes are run's. But the strategy hints are
     * built on first use, so a worker that needed them first built its own. */
    if (w.run.strategy_names != run->strategy_names) {
        styr_nearest_index_free(&w.run.strategy_hints);
        free(w.run.strategy_names);
    }
    free(w.run.crashed);
    free(w.opts.stats);
    styr_findings_free(&w.res.findings);
    free(w.res.rule_errors);
}

/* The kind of document doc is, or why styr cannot judge it (in the run's
 * language: lang is STYR_LANG_*). */
static styr_status check_kind(const styr_doc *doc, int lang, const char **kind_out, styr_error *err)
{
#define SV(sv, en) (lang == STYR_LANG_EN ? (en) : (sv))
    const styr_node *root = doc->root;
    if (!root)
        return styr_error_set(err, STYR_E_INPUT, doc->file, 0, 0,
                              "%s",
                              SV("filen innehåller inget YAML-dokument (är den tom?); en plan börjar med "
                                 "'kind: action-plan' och 'version: 1'",
                                 "the file holds no YAML document (is it empty?); a plan starts with "
                                 "'kind: action-plan' and 'version: 1'"));
    if (root->kind != STYR_NODE_MAP)
        return styr_error_set(err, STYR_E_INPUT, doc->file, root->line, root->column,
                              SV("översta nivån ska vara en mappning som börjar med 'kind:' och 'version: 1', "
                                 "inte %s",
                                 "the top level must be a mapping that starts with 'kind:' and 'version: 1', "
                                 "not a %s"),
                              root->kind == STYR_NODE_SEQ ? SV("en lista", "list") : SV("ett enda värde", "single value"));
    const styr_node *k = styr_map_get(root, "kind", 4);
    if (!k || k->kind != STYR_NODE_SCALAR || styr_node_is_null(k))
        return styr_error_set(err, STYR_E_INPUT, doc->file, k ? k->line : root->line, k ? k->column : root->column,
                              "%s",
                              SV("'kind:' saknas på översta nivån (kind: action-plan, innovation-areas eller scenario)",
                                 "missing 'kind:' at the top level (kind: action-plan, innovation-areas or scenario)"));
    for (int i = 0; kinds[i]; i++)
        if (strcmp(k->u.text, kinds[i]) == 0) {
            *kind_out = kinds[i];
            return STYR_OK;
        }
    if (strcmp(k->u.text, "follow-up") == 0)
        return styr_error_set(err, STYR_E_INPUT, doc->file, k->line, k->column,
                              SV("en uppföljning bedöms mot sin plan med 'styr followup %s'",
                                 "a follow-up is judged against its plan with 'styr followup %s'"),
                              doc->file);
    long near = styr_nearest(k->u.text, k->count, kinds, 3);
    return styr_error_set(err, STYR_E_INPUT, doc->file, k->line, k->column,
                          SV("okänd kind '%s'%s%s%s (styr läser action-plan, innovation-areas och scenario)",
                             "unknown kind '%s'%s%s%s (styr reads action-plan, innovation-areas and scenario)"),
                          k->u.text, near >= 0 ? SV("; menade du '", "; did you mean '") : "", near >= 0 ? kinds[near] : "",
                          near >= 0 ? "'?" : "");
#undef SV
}

/* Gives every finding its rule's remedy in the run's language (FORMATS.md
 * section 9), so that each report writer can show it beside the finding. */
void styr_validate_attach_remediation(const styr_ruleset *rs, int lang, styr_findings *f)
{
    for (size_t i = 0; i < f->count; i++) {
        styr_finding *fi = &f->items[i];
        const styr_rule *r = styr_ruleset_rule(rs, fi->rule, strlen(fi->rule));
        if (fi->remedy)
            fi->remediation = fi->remedy;   /* filled with the finding's values */
        else if (r)
            fi->remediation = r->remediation[lang] ? r->remediation[lang] : r->remediation[0];
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

styr_status styr_validate_doc(styr_ruleset *rs, const styr_run_opts *opts, styr_doc *doc,
                              styr_file_result *res, styr_error *err)
{
    return styr_validate_doc_with_areas(rs, opts, doc, NULL, res, err);
}

styr_status styr_validate_doc_with_areas(styr_ruleset *rs, const styr_run_opts *opts, styr_doc *doc,
                                         const styr_node *areas, styr_file_result *res, styr_error *err)
{
    memset(res, 0, sizeof *res);
    styr_findings_init(&res->findings, rs->lim.max_findings);
    res->file = strdup(doc->file);
    if (!res->file)
        return styr_error_set(err, STYR_E_NOMEM, NULL, 0, 0, "out of memory");
    styr_status st = check_kind(doc, opts->lang, &res->kind, err);
    if (st != STYR_OK)
        return st;

    styr_node *root = doc->root;
    styr_run run;
    if (styr_run_init(&run, rs, opts, res) < 0)
        return styr_error_set(err, STYR_E_NOMEM, NULL, 0, 0, "out of memory");
    run.doc = doc;
    run.not_a_list = styr_schema_not_a_list;
    int is_plan = strcmp(res->kind, "action-plan") == 0;
    int is_areas = strcmp(res->kind, "innovation-areas") == 0;
    run.items = is_plan ? get(root, "actions") : is_areas ? get(root, "areas") : areas;
    if (run.items && run.items->kind != STYR_NODE_SEQ)
        run.items = NULL;
    lua_State *L = styr_sandbox_lua(rs->sb);
    styr_ruleapi_set_run(L, &run);

    if ((st = styr_schema_check(&run, root, res->kind, err)) != STYR_OK)
        goto done;
    if (run.items && !(run.items->flags & STYR_NODE_INVALID) && (is_plan || is_areas))
        res->actions = run.items->count;
    if (index_ids(&run.item_ids, run.items) < 0 ||
        (is_plan && index_ids(&run.strategy_ids, get(root, "strategies")) < 0) ||
        (is_plan && count_strategy_use(&run.strategy_use, run.items) < 0)) {
        st = styr_error_set(err, STYR_E_NOMEM, NULL, 0, 0, "out of memory");
        goto done;
    }
    const styr_node *period = get(root, "period");
    run.have_period = period && !(period->flags & STYR_NODE_INVALID) &&
                      period_edge(get(period, "from"), STYR_DATE_START, &run.period_from) &&
                      period_edge(get(period, "to"), STYR_DATE_END, &run.period_to) &&
                      run.period_from <= run.period_to;

    styr_nodeview_push_view(L, root);
    int root_index = lua_gettop(L);
    if (is_plan) {
        run_scope(&run, STYR_SCOPE_PLAN, root_index, root_index, NULL);
        run_items(&run, STYR_SCOPE_STRATEGY, get(root, "strategies"), root_index, "strategy");
        run_actions(&run, root, root_index);
        styr_waivers_apply(root, &res->findings);
    } else if (is_areas) {
        run_scope(&run, STYR_SCOPE_AREAS, root_index, root_index, NULL);
        run_items(&run, STYR_SCOPE_AREA, run.items, root_index, "area");
    } else {
        run_scope(&run, STYR_SCOPE_SCENARIO, root_index, root_index, NULL);
    }
    lua_settop(L, root_index - 1);
    styr_validate_attach_remediation(rs, opts->lang, &res->findings);
    styr_findings_sort(&res->findings);
    if (doc->sheets)
        place_in_sheets(doc, &res->findings);
done:
    if (st == STYR_OK && res->failed) {   /* a crash or a finding that could not be recorded */
        if (err)
            *err = res->failure;
        st = res->failure.code;
    }
    styr_ruleapi_set_run(L, NULL);
    /* Views of this document kept by a rule are stale from now on. */
    styr_sandbox_end_epoch(rs->sb);
    if (rs->helper)
        styr_sandbox_end_epoch(rs->helper->sb);
    styr_run_free(&run);
    return st;
}

void styr_run_rules(styr_run *run, styr_scope scope, int node_index, int root_index)
{
    run_scope(run, scope, node_index, root_index, NULL);
}

void styr_run_rules_over(styr_run *run, styr_scope scope, const styr_node *seq, int root_index,
                         const char *noun)
{
    run_items(run, scope, seq, root_index, noun);
}

/* The Lua tables this layer adds to the rule API, once per process. */
static void register_tables(void)
{
    static const luaL_Reg followup_fns[] = {
        {"facts", styr_followup_api_facts}, {"as_of", styr_followup_api_as_of}, {NULL, NULL}};
    static const luaL_Reg previous_fns[] = {
        {"loaded", styr_previous_api_loaded}, {"plan", styr_previous_api_plan},
        {"names", styr_previous_api_names}, {"status", styr_previous_api_status}, {NULL, NULL}};
    static const luaL_Reg workload_fns[] = {{"owners", styr_workload_api_owners}, {NULL, NULL}};
    styr_ruleapi_extend("followup", followup_fns);
    styr_ruleapi_extend("previous", previous_fns);
    styr_ruleapi_extend("workload", workload_fns);
}

void styr_check_init(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, register_tables);
}
