/* followup.c - judges a follow-up report against its plan: loads both, works
 * out each action's facts (delay, money), runs the `followup.` rules and
 * turns the escalating findings into the escalation list. */
#include "followup.h"

#include <lauxlib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "nodeview.h"
#include "rule_api.h"
#include "schema.h"
#include "validate.h"
#include "strmap.h"
#include "text.h"
#include "plan_sheets.h"

static const styr_node *get(const styr_node *map, const char *key)
{
    return map && map->kind == STYR_NODE_MAP ? styr_map_get(map, key, strlen(key)) : NULL;
}

/* The text of a usable scalar, or NULL. */
static const char *text_of(const styr_node *n)
{
    if (!n || n->kind != STYR_NODE_SCALAR || styr_node_is_null(n) || (n->flags & STYR_NODE_INVALID))
        return NULL;
    return n->u.text;
}

static int number_of(const styr_node *n, double *out)
{
    if (!n || n->kind != STYR_NODE_SCALAR || (n->flags & STYR_NODE_INVALID))
        return 0;
    if (n->stype == STYR_SCALAR_INT)
        *out = (double)n->v.i;
    else if (n->stype == STYR_SCALAR_FLOAT)
        *out = n->v.f;
    else
        return 0;
    return isfinite(*out);   /* NaN and infinities are no amount (a rule says so) */
}

static int day_of(const styr_node *n, styr_date_edge edge, int64_t *out)
{
    const char *t = text_of(n);
    styr_date d;
    if (!t || (n->stype != STYR_SCALAR_STRING && n->stype != STYR_SCALAR_INT) ||
        !styr_date_parse(t, n->count, edge, &d, NULL, 0))
        return 0;
    *out = styr_date_ordinal(&d);
    return 1;
}

int styr_followup_is(const styr_doc *doc)
{
    const char *k = doc && doc->root ? text_of(get(doc->root, "kind")) : NULL;
    return k && strcmp(k, "follow-up") == 0;
}

const styr_followup_action *styr_followup_find(const styr_followup *fu, const char *id, size_t len)
{
    for (size_t i = 0; i < fu->nactions; i++)
        if (strlen(fu->actions[i].id) == len && memcmp(fu->actions[i].id, id, len) == 0)
            return &fu->actions[i];
    return NULL;
}

/* The plan's path: relative to the follow-up's folder unless absolute. */
static char *plan_path_of(const char *fu_path, const char *plan)
{
    const char *slash = strrchr(fu_path, '/');
    size_t dir = plan[0] == '/' || !slash ? 0 : (size_t)(slash - fu_path + 1);
    size_t n = dir + strlen(plan) + 1;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%.*s%s", (int)dir, fu_path, plan);
    return p;
}

char *styr_followup_plan_path(const char *path, const styr_doc *doc)
{
    const styr_node *plan = doc && doc->root ? get(doc->root, "plan") : NULL;
    const char *ref = text_of(plan);
    return ref && plan->stype == STYR_SCALAR_STRING ? plan_path_of(path, ref) : NULL;
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

/* Fills the facts of plan action `item` from its follow-up entry (or none). */
static void action_facts(styr_followup *fu, styr_followup_action *a, const styr_node *item, const styr_node *entry)
{
    a->strategy = text_of(get(item, "strategy"));
    a->title = text_of(get(item, "title"));
    a->owner = text_of(get(item, "owner"));
    const styr_node *tl = get(item, "timeline");
    if (tl && (tl->flags & STYR_NODE_INVALID))
        tl = NULL;
    a->has_start = day_of(get(tl, "start"), STYR_DATE_START, &a->start);
    a->has_end = day_of(get(tl, "end"), STYR_DATE_END, &a->end);
    if (!a->has_start && fu->have_period) {   /* the plan period stands in */
        a->start = fu->period_from;
        a->has_start = 1;
    }
    if (!a->has_end && fu->have_period) {
        a->end = fu->period_to;
        a->has_end = 1;
    }
    const styr_node *fin = get(item, "financing");
    if (fin && fin->kind == STYR_NODE_SEQ && !(fin->flags & STYR_NODE_INVALID))
        for (uint32_t j = 0; j < fin->count; j++) {
            double v;
            if (number_of(get(styr_seq_item(fin, j), "amount_sek"), &v) && v >= 0) {
                a->budget_sek += v;
                a->has_budget = 1;
            } else {
                a->budget_partial = 1;   /* a row whose money the plan does not say */
            }
        }
    a->budget_partial &= a->has_budget;
    a->entry = entry;
    if (!entry)
        return;
    a->status = text_of(get(entry, "status"));
    a->comment = text_of(get(entry, "comment"));
    a->has_forecast = day_of(get(entry, "forecast_end"), STYR_DATE_END, &a->forecast_end);
    a->has_spent = number_of(get(entry, "spent_sek"), &a->spent_sek);
    /* A budget of 0 kr counts too, when every row says its money: all that
     * was spent is over it (followup.escalate.unbudgeted raises it; a share
     * of 0 kr has no sense). */
    if (a->has_spent && a->has_budget && (a->budget_sek > 0 || !a->budget_partial)) {
        a->has_overspend = 1;
        a->overspend_sek = a->spent_sek > a->budget_sek ? a->spent_sek - a->budget_sek : 0;
    }
    /* The delay: how far the expected end lies past the planned end. The
     * expected end is the forecast; without one, an unfinished action that
     * is past its end is late at least until the follow-up's date. */
    if (a->has_end && !(a->status && strcmp(a->status, "cancelled") == 0)) {
        int64_t expected = a->end;
        if (a->has_forecast)
            expected = a->forecast_end;
        else if (fu->have_as_of && fu->as_of > a->end && !(a->status && strcmp(a->status, "done") == 0))
            expected = fu->as_of;
        a->has_delay = 1;
        a->delay_days = expected > a->end ? expected - a->end : 0;
    }
}

static styr_status build_facts(styr_followup *fu, const styr_node *plan_actions, const styr_node *entries,
                               styr_error *err)
{
    if (!plan_actions || plan_actions->kind != STYR_NODE_SEQ || (plan_actions->flags & STYR_NODE_INVALID))
        return STYR_OK;
    styr_strmap by_id;
    styr_strmap_init(&by_id);
    if (index_ids(&by_id, entries) < 0)
        goto nomem;
    fu->actions = calloc(plan_actions->count ? plan_actions->count : 1, sizeof *fu->actions);
    if (!fu->actions)
        goto nomem;
    for (uint32_t i = 0; i < plan_actions->count; i++) {
        const styr_node *item = styr_seq_item(plan_actions, i);
        size_t len;
        const char *id = styr_item_id(item, &len);
        if (!id || styr_followup_find(fu, id, len))
            continue;   /* no id, or a duplicate: the plan's own rules say so */
        styr_followup_action *a = &fu->actions[fu->nactions];
        a->id = strndup(id, len);
        if (!a->id)
            goto nomem;
        fu->nactions++;
        action_facts(fu, a, item, styr_strmap_get(&by_id, id, len));
    }
    styr_strmap_free(&by_id);
    return STYR_OK;
nomem:
    styr_strmap_free(&by_id);
    return styr_error_set(err, STYR_E_NOMEM, NULL, 0, 0, "out of memory");
}

/* Marks the actions that escalating findings name, with the messages as reasons. */
static styr_status collect_escalations(styr_followup *fu, styr_error *err)
{
    const styr_findings *f = &fu->res.findings;
    for (size_t i = 0; i < f->count; i++) {
        const styr_finding *fi = &f->items[i];
        if (fi->waiver_reason || !fi->action ||
            strncmp(fi->rule, STYR_FOLLOWUP_ESCALATE_PREFIX, strlen(STYR_FOLLOWUP_ESCALATE_PREFIX)) != 0)
            continue;
        styr_followup_action *a = (styr_followup_action *)styr_followup_find(fu, fi->action, strlen(fi->action));
        if (!a)
            continue;
        char **grown = realloc(a->reasons, (a->nreasons + 1) * sizeof *grown);
        if (!grown || !(grown[a->nreasons] = strdup(fi->message))) {
            if (grown)
                a->reasons = grown;
            return styr_error_set(err, STYR_E_NOMEM, NULL, 0, 0, "out of memory");
        }
        a->reasons = grown;
        a->nreasons++;
        if (!a->escalate)
            fu->nescalations++;
        a->escalate = 1;
    }
    return STYR_OK;
}

/* A message in the run's language (both are format strings with the same arguments). */
#define SV(sv, en) (opts->lang == STYR_LANG_EN ? (en) : (sv))

/* Reads the plan named by the follow-up and judges it (for its schema flags
 * and a count of its own findings). */
static styr_status load_plan(styr_ruleset *rs, const styr_run_opts *opts, const char *path, const styr_limits *lim, styr_followup *fu,
                             styr_error *err)
{
    const styr_node *root = fu->doc->root;
    const styr_node *plan = get(root, "plan");
    const char *ref = text_of(plan);
    if (!ref || plan->stype != STYR_SCALAR_STRING)
        return styr_error_set(err, STYR_E_INPUT, fu->doc->file, plan ? plan->line : root->line,
                              plan ? plan->column : root->column,
                              SV("en uppföljning anger planen den följer upp: 'plan: PLAN.yaml' (sökvägen räknas från "
                                 "uppföljningens fil)",
                                 "a follow-up names the plan it follows up: 'plan: PLAN.yaml' (relative to this file)"));
    fu->plan_path = plan_path_of(path, ref);
    if (!fu->plan_path)
        return styr_error_set(err, STYR_E_NOMEM, NULL, 0, 0, "out of memory");
    styr_error perr;
    styr_error_clear(&perr);
    if (styr_doc_load_any(fu->plan_path, lim, &fu->plan_doc, &perr) != STYR_OK) {   /* YAML or .xlsx */
        /* Say where the plan is named, then why it did not load. */
        return styr_error_set(err, perr.code, fu->doc->file, plan->line, plan->column,
                              SV("planen '%s' kan inte läsas: %s%s%s", "the plan '%s' cannot be read: %s%s%s"),
                              fu->plan_path, perr.file[0] ? perr.file : "",
                              perr.file[0] ? ": " : "", perr.message);
    }
    const styr_node *proot = fu->plan_doc->root;
    const char *pkind = proot ? text_of(get(proot, "kind")) : NULL;
    if (!pkind || strcmp(pkind, "action-plan") != 0)
        return styr_error_set(err, STYR_E_INPUT, fu->doc->file, plan->line, plan->column,
                              SV("'%s' är ingen handlingsplan (kind: action-plan)",
                                 "'%s' is not an action plan (kind: action-plan)"), fu->plan_path);
    return styr_validate_doc(rs, opts, fu->plan_doc, &fu->plan_res, err);
}

static int is_true(const styr_node *n)
{
    return n && n->kind == STYR_NODE_SCALAR && n->stype == STYR_SCALAR_BOOL && n->v.i && !(n->flags & STYR_NODE_INVALID);
}

styr_status styr_followup_load(styr_ruleset *rs, const styr_run_opts *opts, const char *path, const styr_limits *lim,
                               styr_followup *fu, styr_error *err)
{
    memset(fu, 0, sizeof *fu);
    styr_findings_init(&fu->res.findings, rs->lim.max_findings);
    fu->res.file = strdup(path);
    fu->res.kind = "follow-up";
    if (!fu->res.file)
        return styr_error_set(err, STYR_E_NOMEM, NULL, 0, 0, "out of memory");
    styr_status st = styr_doc_load_file(path, lim, &fu->doc, err);
    if (st != STYR_OK)
        return st;
    styr_node *root = fu->doc->root;
    if (!root || root->kind != STYR_NODE_MAP)
        return styr_error_set(err, STYR_E_INPUT, path, root ? root->line : 0, root ? root->column : 0,
                              SV("en uppföljning är en mappning som börjar med 'kind: follow-up' och 'version: 1'",
                                 "a follow-up is a mapping that starts with 'kind: follow-up' and 'version: 1'"));
    if (!styr_followup_is(fu->doc)) {
        const styr_node *k = get(root, "kind");
        return styr_error_set(err, STYR_E_INPUT, path, k ? k->line : root->line, k ? k->column : root->column,
                              SV("styr followup läser filer med 'kind: follow-up'",
                                 "styr followup reads 'kind: follow-up' files"));
    }
    if ((st = load_plan(rs, opts, path, lim, fu, err)) != STYR_OK)
        return st;

    const styr_node *proot = fu->plan_doc->root;
    styr_run run;
    if (styr_run_init(&run, rs, opts, &fu->res) < 0)
        return styr_error_set(err, STYR_E_NOMEM, NULL, 0, 0, "out of memory");
    run.doc = fu->doc;
    run.followup = fu;
    run.not_a_list = styr_schema_not_a_list;
    lua_State *L = styr_sandbox_lua(rs->sb);
    styr_ruleapi_set_run(L, &run);
    if ((st = styr_schema_check(&run, root, "follow-up-file", err)) != STYR_OK)
        goto done;
    const styr_node *entries = get(root, "actions");
    run.items = entries && entries->kind == STYR_NODE_SEQ && !(entries->flags & STYR_NODE_INVALID) ? entries : NULL;
    /* find_action() and find_strategy() look into the plan. */
    if (index_ids(&run.item_ids, get(proot, "actions")) < 0 || index_ids(&run.strategy_ids, get(proot, "strategies")) < 0) {
        st = styr_error_set(err, STYR_E_NOMEM, NULL, 0, 0, "out of memory");
        goto done;
    }
    const styr_node *period = get(proot, "period");
    fu->have_period = period && !(period->flags & STYR_NODE_INVALID) &&
                      day_of(get(period, "from"), STYR_DATE_START, &fu->period_from) &&
                      day_of(get(period, "to"), STYR_DATE_END, &fu->period_to) && fu->period_from <= fu->period_to;
    run.have_period = fu->have_period;
    run.period_from = fu->period_from;
    run.period_to = fu->period_to;
    fu->report = text_of(get(root, "report"));
    fu->as_of_text = text_of(get(root, "as_of"));
    fu->have_as_of = day_of(get(root, "as_of"), STYR_DATE_END, &fu->as_of);
    fu->illustrative = is_true(get(root, "illustrative")) || is_true(get(proot, "illustrative"));
    fu->plan_title = text_of(get(get(proot, "document"), "title"));
    fu->escalate_to = text_of(get(get(proot, "follow_up"), "escalate_to"));
    if ((st = build_facts(fu, get(proot, "actions"), run.items, err)) != STYR_OK)
        goto done;
    fu->res.actions = fu->nactions;

    styr_nodeview_push_view(L, root);
    int fu_index = lua_gettop(L);
    styr_nodeview_push_view(L, proot);
    int plan_index = lua_gettop(L);
    styr_run_rules(&run, STYR_SCOPE_FOLLOWUP, fu_index, plan_index);
    styr_run_rules_over(&run, STYR_SCOPE_FOLLOWUP_ACTION, run.items, plan_index, "action");
    lua_settop(L, fu_index - 1);
    styr_validate_attach_remediation(rs, opts->lang, &fu->res.findings);
    styr_findings_sort(&fu->res.findings);
    st = collect_escalations(fu, err);
    if (st == STYR_OK && fu->res.failed) {   /* a rule's crash that could not be recorded */
        if (err)
            *err = fu->res.failure;
        st = fu->res.failure.code;
    }
done:
    styr_ruleapi_set_run(L, NULL);
    styr_run_free(&run);
    return st;
}

void styr_followup_free(styr_followup *fu)
{
    if (!fu)
        return;
    for (size_t i = 0; i < fu->nactions; i++) {
        free(fu->actions[i].id);
        for (size_t k = 0; k < fu->actions[i].nreasons; k++)
            free(fu->actions[i].reasons[k]);
        free(fu->actions[i].reasons);
    }
    free(fu->actions);
    styr_file_result_free(&fu->res);
    styr_file_result_free(&fu->plan_res);
    styr_doc_free(fu->doc);
    styr_doc_free(fu->plan_doc);
    free(fu->plan_path);
    memset(fu, 0, sizeof *fu);
}

void styr_day_text(int64_t z, char *buf)
{
    /* Howard Hinnant's civil_from_days. */
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    int d = (int)(doy - (153 * mp + 2) / 5 + 1);
    int m = (int)(mp < 10 ? mp + 3 : mp - 9);
    int y = (int)(yoe + era * 400 + (m <= 2));
    snprintf(buf, 16, "%04d-%02d-%02d", y % 10000, m % 100, d % 100);
}

/* ---- the Lua side ------------------------------------------------------- */

static styr_followup *api_followup(lua_State *L)
{
    const styr_run *run = styr_ruleapi_current_run(L);
    styr_followup *fu = run ? run->followup : NULL;
    if (!fu)
        luaL_error(L, "%s",
                   styr_sandbox_english(styr_sandbox_of(L)) ? "followup.* can only be used by a followup. rule while a follow-up is judged"
                                                            : "followup.* kan bara användas av en followup.-regel medan en uppföljning bedöms");
    return fu;
}

static void set_number(lua_State *L, const char *key, int have, double v)
{
    if (!have)
        return;
    if (v == (double)(lua_Integer)v)
        lua_pushinteger(L, (lua_Integer)v);
    else
        lua_pushnumber(L, v);
    lua_setfield(L, -2, key);
}

int styr_followup_api_facts(lua_State *L)
{
    styr_followup *fu = api_followup(L);
    size_t len;
    const char *id = lua_type(L, 1) == LUA_TSTRING || lua_type(L, 1) == LUA_TNUMBER ? lua_tolstring(L, 1, &len) : NULL;
    const styr_followup_action *a = id ? styr_followup_find(fu, styr_trim(id, &len), len) : NULL;
    if (!a) {
        lua_pushnil(L);
        return 1;
    }
    lua_createtable(L, 0, 8);
    if (a->status) {
        lua_pushstring(L, a->status);
        lua_setfield(L, -2, "status");
    }
    set_number(L, "delay_days", a->has_delay, (double)a->delay_days);
    set_number(L, "budget_sek", a->has_budget, a->budget_sek);
    lua_pushboolean(L, a->budget_partial);
    lua_setfield(L, -2, "budget_partial");
    set_number(L, "spent_sek", a->has_spent, a->spent_sek);
    set_number(L, "overspend_sek", a->has_overspend, a->overspend_sek);
    set_number(L, "planned_end", a->has_end, (double)a->end);
    set_number(L, "forecast_end", a->has_forecast, (double)a->forecast_end);
    return 1;
}

int styr_followup_api_as_of(lua_State *L)
{
    styr_followup *fu = api_followup(L);
    if (!fu->have_as_of)
        return 0;
    lua_pushinteger(L, (lua_Integer)fu->as_of);
    return 1;
}
