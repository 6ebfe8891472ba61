/* rule_api.c - the functions a rule file can call: rule{}, report(), document
 * helpers, dates, patterns, the registry, the plan's indexes and the
 * ruleset's settings. Every function checks its arguments with luaL_check*
 * so rule authors get Lua's standard messages. */
#include "rule_api.h"

#include <lauxlib.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "nodeview.h"
#include "message.h"
#include "scenario.h"
#include "run.h"
#include "text.h"

static styr_ruleset *api_rs(lua_State *L)
{
    return lua_touserdata(L, lua_upvalueindex(1));
}

/* The Swedish or the English text, by the run's language: a rule author's
 * mistake is told as every other message is. Only inside a function of the
 * API (the ruleset is its upvalue). */
#define SVL(L, sv, en) (api_rs(L)->lim.lang == STYR_LANG_EN ? (en) : (sv))

/* The registry key of the run in progress (a light userdata, or absent). */
static const char run_key = 'r';

void styr_ruleapi_set_run(lua_State *L, styr_run *run)
{
    if (run)
        lua_pushlightuserdata(L, run);                       /* run */
    else
        lua_pushnil(L);                                      /* nil */
    lua_rawsetp(L, LUA_REGISTRYINDEX, &run_key);             /* -- */
}

static styr_run *current_run(lua_State *L);

/* Tables of functions that layers above this one add to every rule file's
 * environment (check/ adds `followup` and `previous`), registered before any
 * ruleset loads. */
#define MAX_EXTENSIONS 8
static struct {
    const char *name;
    const luaL_Reg *fns;
} extensions[MAX_EXTENSIONS];
static size_t nextensions;
static pthread_mutex_t extensions_lock = PTHREAD_MUTEX_INITIALIZER;

int styr_ruleapi_extend(const char *name, const luaL_Reg *fns)
{
    int rc = 0;
    pthread_mutex_lock(&extensions_lock);
    size_t i = 0;
    while (i < nextensions && strcmp(extensions[i].name, name) != 0)
        i++;
    if (i == nextensions) {
        if (nextensions < MAX_EXTENSIONS) {
            extensions[nextensions].name = name;
            extensions[nextensions].fns = fns;
            nextensions++;
        } else {
            rc = -1;
        }
    }
    pthread_mutex_unlock(&extensions_lock);
    return rc;
}

styr_run *styr_ruleapi_current_run(lua_State *L) { return current_run(L); }

/* The run in progress, or NULL while the ruleset loads. */
static styr_run *current_run(lua_State *L)
{
    lua_rawgetp(L, LUA_REGISTRYINDEX, &run_key);             /* run|nil */
    styr_run *run = lua_touserdata(L, -1);
    lua_pop(L, 1);
    return run;
}

/* The language of the run's messages (Swedish while loading). */
static int run_lang(lua_State *L)
{
    const styr_run *run = current_run(L);
    return run ? run->opts->lang : STYR_LANG_SV;
}

/* ---- messages ---------------------------------------------------------- */

#define MAX_ARGS 32

typedef struct {
    const char *names[MAX_ARGS + 1];
    const char *values[MAX_ARGS + 1];
    size_t lens[MAX_ARGS + 1];
    int n;
    char missed[72];   /* the first placeholder with no value ("{hint}"), or "" */
} message_args;

static const char *lookup_arg(void *ud, const char *name, size_t *len)
{
    message_args *a = ud;
    for (int i = 0; i < a->n; i++)
        if (strcmp(a->names[i], name) == 0) {
            *len = a->lens[i];
            return a->values[i];
        }
    /* Only a name counts: "{source: X}" in a remedy is a YAML example. */
    if (!a->missed[0] && styr_message_is_name(name, strlen(name)))
        snprintf(a->missed, sizeof a->missed, "{%s}", name);
    return NULL;
}

char *styr_ruleapi_format_pair(lua_State *L, const char *tmpl, const char *tmpl2, int args_index,
                               const char *action, char **out2, styr_ruleapi_fill_check *check)
{
    /* Every value is turned into a string first (Lua work that may raise),
     * kept alive in a holder table; then the C formatter runs, which cannot. */
    message_args a;
    a.n = 0;
    a.missed[0] = '\0';
    lua_newtable(L);                                      /* holder */
    int holder = lua_gettop(L);
    if (args_index && lua_type(L, args_index) == LUA_TTABLE) {
        args_index = lua_absindex(L, args_index);
        lua_pushnil(L);
        while (a.n < MAX_ARGS && lua_next(L, args_index)) {
            if (lua_type(L, -2) == LUA_TSTRING) {
                luaL_tolstring(L, -1, &a.lens[a.n]);      /* holder k v s */
                lua_pushvalue(L, -3);
                lua_rawseti(L, holder, 2 * a.n + 1);
                lua_rawseti(L, holder, 2 * a.n + 2);
                lua_rawgeti(L, holder, 2 * a.n + 1);
                a.names[a.n] = lua_tostring(L, -1);
                lua_rawgeti(L, holder, 2 * a.n + 2);
                a.values[a.n] = lua_tolstring(L, -1, &a.lens[a.n]);
                lua_pop(L, 2);
                a.n++;
            }
            lua_pop(L, 1);
        }
    }
    if (action) {
        a.names[a.n] = "action";
        a.values[a.n] = action;
        a.lens[a.n++] = strlen(action);
    }
    char *out = styr_message_format(tmpl, lookup_arg, &a);
    if (out2)
        *out2 = tmpl2 ? styr_message_format(tmpl2, lookup_arg, &a) : NULL;
    if (check) {
        /* The templates of the other language are only scanned, to see that
         * each of their names has a value too: no text is built. */
        for (int k = 0; k < 2; k++)
            if (check->also[k] && strchr(check->also[k], '{'))
                styr_message_scan(check->also[k], lookup_arg, &a);
        memcpy(check->missed, a.missed, sizeof check->missed);
    }
    lua_pop(L, 1);                                        /* holder */
    return out;
}

/* ---- rule{} ------------------------------------------------------------ */

static const char *const id_parts[] = {"document", "plan", "strategy", "action", "area", "scenario", "followup", NULL};

/* A rule id is dotted lower-case words ([a-z0-9-]) starting with a part of
 * the plan it judges (FORMATS.md section 4). */
static const char *bad_rule_id(const char *id, int en)
{
    size_t n = strlen(id);
    if (n == 0 || n > 120)
        return en ? "must be 1 to 120 characters" : "ska vara 1 till 120 tecken";
    int dots = 0;
    for (size_t i = 0; i < n; i++) {
        char c = id[i];
        if (c == '.') {
            if (i == 0 || id[i - 1] == '.' || i == n - 1)
                return en ? "has an empty part between dots" : "har en tom del mellan punkterna";
            dots++;
        } else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) {
            return en ? "may only use a-z, 0-9, '-', '_' and dots" : "får bara innehålla a-z, 0-9, '-', '_' och punkter";
        }
    }
    if (!dots)
        return en ? "needs at least two dotted parts, e.g. action.owner.missing"
                  : "behöver minst två delar med punkt emellan, t.ex. action.owner.missing";
    for (int i = 0; id_parts[i]; i++) {
        size_t pl = strlen(id_parts[i]);
        if (strncmp(id, id_parts[i], pl) == 0 && id[pl] == '.')
            return NULL;
    }
    return en ? "must start with document., plan., strategy., action., area., scenario. or followup."
              : "ska börja med document., plan., strategy., action., area., scenario. eller followup.";
}

static styr_scope default_scope(const char *id)
{
    if (strncmp(id, "strategy.", 9) == 0) return STYR_SCOPE_STRATEGY;
    if (strncmp(id, "action.", 7) == 0) return STYR_SCOPE_ACTION;
    if (strncmp(id, "area.", 5) == 0) return STYR_SCOPE_AREA;
    if (strncmp(id, "scenario.", 9) == 0) return STYR_SCOPE_SCENARIO;
    if (strncmp(id, "followup.", 9) == 0) return STYR_SCOPE_FOLLOWUP_ACTION;
    return STYR_SCOPE_PLAN;
}

/* Reads t[field] as {sv=..., en=...} or one string for both into out[2]
 * (borrowed pointers into Lua strings kept on the stack). */
static void read_texts(lua_State *L, int t, const char *field, int required, const char *out[2])
{
    out[0] = out[1] = NULL;
    lua_getfield(L, t, field);
    if (lua_type(L, -1) == LUA_TSTRING) {
        out[0] = out[1] = lua_tostring(L, -1);
    } else if (lua_type(L, -1) == LUA_TTABLE) {
        lua_getfield(L, -1, "sv");
        lua_getfield(L, -2, "en");
        out[0] = lua_tostring(L, -2);
        out[1] = lua_tostring(L, -1);
        if (!out[0] && required)
            luaL_error(L, SVL(L, "regelns fält '%s' behöver en svensk text: %s = {sv = \"...\", en = \"...\"}",
                              "rule field '%s' needs a Swedish text: %s = {sv = \"...\", en = \"...\"}"), field, field);
        if (!out[1])
            out[1] = out[0];
        if (!out[0])
            out[0] = out[1];
    } else if (!lua_isnil(L, -1)) {
        luaL_error(L, SVL(L, "regelns fält '%s' ska vara en text eller {sv = \"...\", en = \"...\"}",
                          "rule field '%s' must be a text or {sv = \"...\", en = \"...\"}"), field);
    } else if (required) {
        luaL_error(L, SVL(L, "regeln behöver '%s' = {sv = \"...\", en = \"...\"}", "rule needs a '%s' = {sv = \"...\", en = \"...\"}"),
                   field);
    }
    /* The strings stay referenced from the stack until rule() returns. */
}

static int api_rule(lua_State *L)
{
    styr_ruleset *rs = api_rs(L);
    if (!rs->loading_ruleset || current_run(L))
        return luaL_error(L, SVL(L, "rule{} får bara stå på översta nivån i en regelfil, inte inne i en check",
                                 "rule{} can only be used at the top of a rule file, not inside a check"));
    luaL_checktype(L, 1, LUA_TTABLE);
    static const char *const known[] = {"id", "severity", "applies_to", "message", "description",
                                        "remediation", "check", "source", NULL};
    lua_pushnil(L);
    while (lua_next(L, 1)) {
        lua_pop(L, 1);
        const char *k = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
        int ok = 0;
        for (int i = 0; k && known[i]; i++)
            ok |= strcmp(k, known[i]) == 0;
        if (!ok) {
            const char *hint = "";
            long near = k ? styr_nearest(k, strlen(k), known, 8) : -1;
            if (near >= 0)
                hint = lua_pushfstring(L, SVL(L, " (menade du '%s'?)", " (did you mean '%s'?)"), known[near]);
            return luaL_error(L, SVL(L, "rule{} har ett okänt fält '%s'%s", "rule{} has an unknown field '%s'%s"), k ? k : "?", hint);
        }
    }
    lua_getfield(L, 1, "id");
    /* The type first: lua_tostring turns a number into a text in place. */
    if (lua_type(L, -1) == LUA_TNUMBER)
        return luaL_error(L, SVL(L, "id i rule{} är ett tal; skriv det som en text inom citattecken, t.ex. id = \"action.owner.missing\"",
                                 "rule{}'s id is a number; write it as a text in quotes, e.g. id = \"action.owner.missing\""));
    const char *id = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
    if (!id)
        return luaL_error(L, SVL(L, "rule{} behöver ett id, t.ex. id = \"action.owner.missing\"",
                                 "rule{} needs an id, e.g. id = \"action.owner.missing\""));
    const char *bad = bad_rule_id(id, rs->lim.lang == STYR_LANG_EN);
    if (bad)
        return luaL_error(L, SVL(L, "regel-id '%s' %s", "rule id '%s' %s"), id, bad);

    styr_rule proto;
    memset(&proto, 0, sizeof proto);
    proto.id = (char *)id;
    lua_getfield(L, 1, "severity");
    const char *sev = lua_tostring(L, -1);
    if (!sev || !styr_severity_parse(sev, &proto.declared) || proto.declared == STYR_SEV_OFF)
        return luaL_error(L, SVL(L, "regeln '%s' behöver severity = \"error\", \"warning\" eller \"info\"",
                                 "rule '%s' needs severity = \"error\", \"warning\" or \"info\""), id);
    proto.severity = proto.declared;
    lua_getfield(L, 1, "applies_to");
    if (lua_isnil(L, -1)) {
        proto.scope = default_scope(id);
    } else {
        int sc = lua_type(L, -1) == LUA_TSTRING ? styr_scope_parse(lua_tostring(L, -1)) : -1;
        if (sc < 0 || sc == STYR_SCOPE_ENGINE)
            return luaL_error(L, SVL(L, "regeln '%s': applies_to ska vara en av plan, strategy, action, areas, area, scenario, "
                                        "followup, followup-action",
                                     "rule '%s': applies_to must be one of plan, strategy, action, areas, area, scenario, "
                                     "followup, followup-action"), id);
        proto.scope = (styr_scope)sc;
    }
    const char *texts[2];
    read_texts(L, 1, "message", 1, texts);
    proto.message[0] = (char *)texts[0];
    proto.message[1] = (char *)texts[1];
    read_texts(L, 1, "description", 0, texts);
    proto.description[0] = (char *)texts[0];
    proto.description[1] = (char *)texts[1];
    read_texts(L, 1, "remediation", 0, texts);
    proto.remediation[0] = (char *)texts[0];
    proto.remediation[1] = (char *)texts[1];
    lua_getfield(L, 1, "source");
    if (!lua_isnil(L, -1) && lua_type(L, -1) != LUA_TSTRING)
        return luaL_error(L, SVL(L, "regeln '%s': source ska vara en text (raden i handlingsplanen, stadens riktlinje eller \"house policy\")",
                                 "rule '%s': source must be a text (the seed's line, the city's riktlinje, or \"house policy\")"), id);
    proto.source = (char *)lua_tostring(L, -1);

    /* Where the rule is declared: the innermost Lua line that called rule -
     * not a C function's frame between them (pcall(rule, {...}) would name
     * "[C]" and no line). */
    lua_Debug ar;
    for (int level = 1; lua_getstack(L, level, &ar); level++)
        if (lua_getinfo(L, "Sl", &ar) && ar.currentline > 0) {
            proto.file = (char *)(ar.source[0] == '@' ? ar.source + 1 : ar.short_src);   /* short_src may be cut */
            proto.line = (unsigned)ar.currentline;
            break;
        }
    proto.ruleset = (char *)rs->loading_ruleset;

    lua_getfield(L, 1, "check");
    if (lua_type(L, -1) != LUA_TFUNCTION)
        return luaL_error(L, SVL(L, "regeln '%s' behöver check = function(node, plan) ... end",
                                 "rule '%s' needs check = function(node, plan) ... end"), id);
    /* The rule's texts are copied into C: they count toward the rules' memory. */
    size_t bytes = sizeof(styr_rule) + strlen(id) + (proto.file ? strlen(proto.file) : 0);
    for (int i = 0; i < 2; i++)
        bytes += (proto.message[i] ? strlen(proto.message[i]) : 0) +
                 (proto.description[i] ? strlen(proto.description[i]) : 0) +
                 (proto.remediation[i] ? strlen(proto.remediation[i]) : 0) + 6;
    if (styr_sandbox_charge(L, bytes) < 0)
        return styr_sandbox_stop(L);
    styr_error err;
    styr_error_clear(&err);
    styr_rule *r = styr_ruleset_add_rule(rs, &proto, &err);
    if (!r)
        return luaL_error(L, "%s", err.message);
    lua_pushvalue(L, -1);
    r->fn = luaL_ref(L, LUA_REGISTRYINDEX);
    return 0;
}

/* ---- report() ---------------------------------------------------------- */

/* A finding's copy of its item's id, cut after FINDING_ID_MAX bytes (at a
 * character boundary, marked with "…"): every finding of an item carries
 * it, so an id of a megabyte - shared by hundreds of items through an alias -
 * would otherwise multiply the input hundreds of times in memory and in the
 * report. Messages cut their values the same way (message.c). */
#define FINDING_ID_MAX 256

static char *dup_id(const char *id)
{
    if (!id)
        return NULL;
    size_t n = strlen(id);
    if (n <= FINDING_ID_MAX)
        return strdup(id);
    n = FINDING_ID_MAX;
    while (n > 0 && ((unsigned char)id[n] & 0xC0) == 0x80)
        n--;
    char *out = malloc(n + sizeof "\xE2\x80\xA6");
    if (out)
        snprintf(out, n + sizeof "\xE2\x80\xA6", "%.*s\xE2\x80\xA6", (int)n, id);
    return out;
}

/* The ancestor of n (or n) whose children container c shares, or NULL. */
static const styr_node *shared_ancestor(const styr_node *c, const styr_node *n)
{
    for (int up = 0; n && up < 128; n = n->parent, up++)
        if (n->kind != STYR_NODE_SCALAR && n->count && n->u.items == c->u.items)
            return n;
    return NULL;
}

/* The alias node inside tree through which n is reached, or NULL. Aliases
 * are not descended into (their children are the anchor's), so the walk is
 * bounded by the tree's own size. */
static const styr_node *alias_use(const styr_node *tree, const styr_node *n, int depth, const styr_node **anchor)
{
    if (!tree || tree->kind == STYR_NODE_SCALAR || depth > 128)
        return NULL;
    if ((tree->flags & STYR_NODE_ALIAS) && (*anchor = shared_ancestor(tree, n)) != NULL)
        return tree;
    if (tree->flags & STYR_NODE_ALIAS)
        return NULL;
    for (uint32_t i = 0; i < tree->count; i++) {
        const styr_node *c = tree->kind == STYR_NODE_MAP ? styr_map_value(tree, i) : styr_seq_item(tree, i);
        const styr_node *use = alias_use(c, n, depth + 1, anchor);
        if (use)
            return use;
    }
    return NULL;
}

/* Pushes the trimmed id of a plan item, or nil. [-0, +1] */
static void push_item_id(lua_State *L, const styr_node *item)
{
    size_t len;
    const char *id = styr_item_id(item, &len);
    if (id)
        lua_pushlstring(L, id, len);
    else
        lua_pushnil(L);
}


/* Appends ".key" or "[i]" to a path, quoting odd keys as the loader does. */
static void append_key(luaL_Buffer *b, lua_State *L, int key_index, int is_index)
{
    if (is_index) {
        lua_pushfstring(L, "[%I]", (lua_Integer)((lua_Unsigned)lua_tointeger(L, key_index) - 1));
        luaL_addvalue(b);
        return;
    }
    const char *k = lua_tostring(L, key_index);
    int plain = *k != '\0';
    for (const char *c = k; *c; c++)
        if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') || *c == '_' || *c == '-'))
            plain = 0;
    lua_pushfstring(L, plain ? ".%s" : "[\"%s\"]", k);
    luaL_addvalue(b);
}

static int api_report(lua_State *L)
{
    styr_run *run = current_run(L);
    if (!run || !run->rule)
        return luaL_error(L, SVL(L, "report() kan bara anropas från en regels check-funktion",
                                 "report() can only be called from a rule's check function"));
    styr_findings *fs = &run->res->findings;
    if (fs->count >= fs->max_kept && fs->dropped) {
        /* Past --max-findings, and the first one not kept is placed: count only. */
        styr_findings_drop(fs, run->rule->severity, 0, 0);
        return 0;
    }
    const styr_node *node = styr_nodeview_check(L, 1);
    if (!node)   /* never: the check raises; this tells the analyser */
        return 0;
    lua_settop(L, 3);   /* report(node) and report(node, key): the missing ones are nil */
    int kt = lua_type(L, 2);
    if (kt != LUA_TNIL && kt != LUA_TSTRING && kt != LUA_TNUMBER)
        return luaL_argerror(L, 2, SVL(L, "väntade namnet på ett fält, en plats i en lista eller nil",
                                       "expected the name of a field, a list position or nil"));
    if (!lua_isnoneornil(L, 3))
        luaL_checktype(L, 3, LUA_TTABLE);
    const styr_node *target = node;
    int is_index = 0;
    if (kt == LUA_TSTRING) {
        size_t len;
        const char *k = lua_tolstring(L, 2, &len);
        target = node->kind == STYR_NODE_MAP ? styr_map_get(node, k, len) : NULL;
    } else if (kt == LUA_TNUMBER) {
        lua_Integer i = luaL_checkinteger(L, 2);
        is_index = 1;
        if (node->kind != STYR_NODE_SEQ || i < 1 || (lua_Unsigned)i > node->count)
            return luaL_argerror(L, 2, lua_pushfstring(L, SVL(L, "plats %I finns inte i listan (1 till %d)", "position %I is not in the list (1 to %d)"), i,
                                                        (int)(node->kind == STYR_NODE_SEQ ? node->count : 0)));
        target = styr_seq_item(node, (uint32_t)(i - 1));
    }
    /* A value of the wrong type was reported by the schema already. */
    if (target && (target->flags & STYR_NODE_INVALID))
        return 0;
    /* A value shared through an alias or a merge key belongs to another
     * container: point at where this one uses it, not at the anchor. */
    if (!target || (target != node && target->parent != node && (node->flags & STYR_NODE_ALIAS)))
        target = node;
    /* A node reached through an alias inside the item being judged hangs
     * under the anchor, maybe in another item: point at the alias. */
    const styr_node *alias = NULL, *anchor = NULL;
    if (run->item && styr_run_item_of(run, target) != run->item) {
        alias = alias_use(run->item, target, 0, &anchor);
        if (alias)
            target = alias;
    }

    /* Past --max-findings a finding is only counted: no message is made. */
    if (fs->count >= fs->max_kept) {
        styr_findings_drop(fs, run->rule->severity, target->line, target->column);
        return 0;
    }

    luaL_Buffer b;
    char path[512];
    styr_node_path(node, path, sizeof path);
    luaL_buffinit(L, &b);
    if (alias) {
        /* The path through the alias: the alias's own, then the rest of
         * the path below the anchor it stands for. */
        char at_anchor[512];
        styr_node_path(anchor, at_anchor, sizeof at_anchor);
        size_t n = strlen(at_anchor);
        if (strncmp(path, at_anchor, n) == 0) {
            char at_alias[512];
            styr_node_path(alias, at_alias, sizeof at_alias);
            luaL_addstring(&b, at_alias);
            luaL_addstring(&b, path + n);
        } else {
            luaL_addstring(&b, path);
        }
    } else {
        luaL_addstring(&b, path);
    }
    if (kt != LUA_TNIL)
        append_key(&b, L, 2, is_index);
    luaL_pushresult(&b);
    const char *full = lua_tostring(L, -1);
    const char *pathstr = full[0] == '.' ? full + 1 : full;

    const styr_rule *rule = run->rule;
    /* The item being judged, not the one the node hangs under: a list shared
     * through an alias (financing: *f) hangs under the anchor's action. */
    const styr_node *item = run->item ? run->item : styr_run_item_of(run, node);
    push_item_id(L, item);                                   /* ... path action|nil */
    if (!item && lua_istable(L, 3) && lua_getfield(L, 3, "action") == LUA_TSTRING)
        lua_replace(L, -2);   /* outside any item (a follow-up's missing status): the action it names */
    else if (!item && lua_istable(L, 3))
        lua_pop(L, 1);
    const char *action = lua_tostring(L, -1);
    const char *shown = action;   /* what {action} reads: an item without id by its place */
    if (!action && item) {
        lua_pushfstring(L, "#%d", (int)item->index + 1);
        lua_replace(L, -2);
        shown = lua_tostring(L, -1);
        action = NULL;
    }
    int lang = run->opts->lang;
    const char *tmpl = rule->message[lang] ? rule->message[lang] : rule->message[0];
    /* All Lua work is done before anything is malloc'd, so an error raised
     * by Lua cannot leak. */
    /* The remedy is filled from the same values ("Skriv 'owner: {board}'"),
     * when it has a placeholder at all. */
    const char *fix = rule->remediation[lang] ? rule->remediation[lang] : rule->remediation[0];
    char *remedy = NULL;
    styr_ruleapi_fill_check fill = {{rule->message[!lang] != tmpl ? rule->message[!lang] : NULL,
                                     rule->remediation[!lang] != fix ? rule->remediation[!lang] : NULL}, ""};
    char *msg = styr_ruleapi_format_pair(L, tmpl, fix && strchr(fix, '{') ? fix : NULL,
                                         lua_isnoneornil(L, 3) ? 0 : 3, shown, &remedy, &fill);
    char *act = dup_id(action);
    char *p = strdup(pathstr);
    lua_pop(L, 2);
    if (!msg || !p || (action && !act) || (fix && strchr(fix, '{') && !remedy)) {
        free(msg);
        free(p);
        free(act);
        free(remedy);
        return styr_sandbox_raise_nomem(L);
    }
    /* The copies count toward the rules' memory, like what they allocate. */
    if (styr_sandbox_charge(L, strlen(msg) + strlen(p) + (act ? strlen(act) : 0) + (remedy ? strlen(remedy) : 0) +
                                   4 + sizeof(styr_finding)) < 0) {
        free(msg);
        free(p);
        free(act);
        free(remedy);
        return styr_sandbox_stop(L);
    }
    styr_findings *fs2 = &run->res->findings;
    size_t before = fs2->count;
    if (styr_findings_add(fs2, rule->id, rule->severity, msg, act, p, target->line, target->column) < 0) {
        free(remedy);
        return styr_sandbox_raise_nomem(L);
    }
    styr_findings_give_remedy(fs2, before, remedy);
    if (fill.missed[0] && styr_findings_mark_unfilled(fs2, before, fill.missed) < 0)
        return styr_sandbox_raise_nomem(L);
    return 0;
}

/* ---- document helpers -------------------------------------------------- */

/* The node under key (string) or position (integer) of the node at 1. */
static const styr_node *child_arg(lua_State *L, const styr_node *n, int idx)
{
    if (lua_isnoneornil(L, idx))
        return n;
    if (lua_type(L, idx) == LUA_TNUMBER && n->kind == STYR_NODE_SEQ) {
        lua_Integer i = lua_tointeger(L, idx);
        return i >= 1 && (lua_Unsigned)i <= n->count ? styr_seq_item(n, (uint32_t)(i - 1)) : NULL;
    }
    size_t len;
    const char *k = luaL_checklstring(L, idx, &len);
    return n->kind == STYR_NODE_MAP ? styr_map_get(n, k, len) : NULL;
}

static int api_text(lua_State *L)
{
    const styr_node *v = child_arg(L, styr_nodeview_check(L, 1), 2);
    if (!v || v->kind != STYR_NODE_SCALAR || v->stype == STYR_SCALAR_NULL || (v->flags & STYR_NODE_INVALID) ||
        styr_nodeview_blank_text(v))   /* nil, as the field read directly */
        lua_pushnil(L);
    else
        lua_pushlstring(L, v->u.text, v->count);
    return 1;
}

static int api_has(lua_State *L)
{
    const styr_node *n = styr_nodeview_check(L, 1);
    luaL_checkany(L, 2);
    lua_pushboolean(L, child_arg(L, n, 2) != NULL);
    return 1;
}

static int api_line(lua_State *L)
{
    const styr_node *n = styr_nodeview_check(L, 1);
    if (!n)   /* never: the check raises; this tells the analyser */
        return 0;
    const styr_node *v = child_arg(L, n, 2);
    const styr_run *run = current_run(L);
    unsigned line = (v ? v : n)->line;
    /* a workbook plan's lines carry the sheet (doc.h): a rule sees the row */
    lua_pushinteger(L, run && run->doc && run->doc->sheets ? styr_row_of_line(line) : line);
    lua_pushinteger(L, (v ? v : n)->column);
    return 2;
}

static int api_kind(lua_State *L)
{
    const styr_node *n = styr_nodeview_test(L, 1);
    if (n) {
        lua_pushstring(L, n->kind == STYR_NODE_MAP ? "map" : "list");
        return 1;
    }
    switch (lua_type(L, 1)) {
    case LUA_TSTRING: lua_pushliteral(L, "text"); break;
    case LUA_TNUMBER: lua_pushliteral(L, "number"); break;
    case LUA_TBOOLEAN: lua_pushliteral(L, "boolean"); break;
    case LUA_TNIL: case LUA_TNONE: lua_pushliteral(L, "nil"); break;
    default: lua_pushstring(L, luaL_typename(L, 1)); break;
    }
    return 1;
}

static int each_next(lua_State *L)
{
    const styr_node *n = styr_nodeview_test(L, 1);
    lua_Integer i = lua_isnil(L, 2) ? 0 : lua_tointeger(L, 2);
    /* The control value is the caller's: a rule may call the iterator with
     * math.maxinteger (i + 1 would overflow) or a negative number. */
    if (!n || i < 0 || (lua_Unsigned)i >= n->count) {
        lua_pushnil(L);
        return 1;
    }
    while ((lua_Unsigned)++i <= n->count) {
        const styr_node *v = styr_seq_item(n, (uint32_t)(i - 1));
        if (styr_node_is_null(v) || (v->flags & STYR_NODE_INVALID) || styr_nodeview_blank_text(v))
            continue;
        lua_pushinteger(L, i);
        styr_nodeview_push_child(L, v, 1);
        return 2;
    }
    lua_pushnil(L);
    return 1;
}

/* Is the Lua value at idx the plan's scalar n, as luadoc pushed it? */
static int read_value_is(lua_State *L, int idx, const styr_node *n)
{
    if (n->kind != STYR_NODE_SCALAR || (n->flags & STYR_NODE_INVALID))
        return 0;
    switch (lua_type(L, idx)) {
    case LUA_TSTRING: {
        size_t len;
        const char *s = lua_tolstring(L, idx, &len);
        return n->stype == STYR_SCALAR_STRING && len == n->count && memcmp(s, n->u.text, len) == 0;
    }
    case LUA_TNUMBER:
        return n->stype == STYR_SCALAR_INT ? lua_isinteger(L, idx) && lua_tointeger(L, idx) == n->v.i
             : n->stype == STYR_SCALAR_FLOAT && lua_tonumber(L, idx) == n->v.f;
    case LUA_TBOOLEAN:
        return n->stype == STYR_SCALAR_BOOL && lua_toboolean(L, idx) == (n->v.i != 0);
    default:
        return 0;
    }
}

/* each(list): the items of a list, skipping empty (null or blank text) and
 * wrongly typed ones; each(nil) iterates nothing, so optional lists need no
 * check; each() of a value that is not a list iterates nothing and reports
 * <part>.type. */
static int api_each(lua_State *L)
{
    int items = 1;
    if (!lua_isnoneornil(L, 1)) {
        const styr_node *n = styr_nodeview_test(L, 1);
        if (!n) {
            /* a text or number: from the plan (item.field, read just now), or
             * the rule's own value - a mistake in the rule, reported as such */
            const styr_node *last = styr_sandbox_last_read(L);
            if (!last || !read_value_is(L, 1, last))
                return luaL_typeerror(L, 1, "list of the plan");
            n = last;
        }
        /* The document itself is a mapping by definition: each() of it is a
         * mistake in the rule, not a defect of the plan to report there. */
        if (!n->parent && n->kind == STYR_NODE_MAP)
            return luaL_argerror(L, 1, SVL(L, "en lista i planen, inte hela dokumentet (dess fält nås med pairs())",
                                           "a list of the plan, not the whole document (for its fields use pairs())"));
        if (n->kind != STYR_NODE_SEQ) {
            /* A text or mapping where a list belongs (a field the schema does
             * not know, e.g. a child ruleset's): a finding, and no items. */
            styr_run *run = current_run(L);
            if (run && run->not_a_list && run->not_a_list(run, n) < 0)
                return styr_sandbox_raise_nomem(L);
            items = 0;
        }
    }
    lua_pushcfunction(L, each_next);
    if (items)
        lua_pushvalue(L, 1);
    else
        lua_pushnil(L);
    lua_pushnil(L);
    return 3;
}

static int api_keys(lua_State *L)
{
    const styr_node *n = styr_nodeview_check(L, 1);
    lua_createtable(L, (int)(n->kind == STYR_NODE_MAP ? n->count : 0), 0);
    if (n->kind == STYR_NODE_MAP)
        for (uint32_t i = 0; i < n->count; i++) {
            const styr_node *k = styr_map_key(n, i);
            lua_pushlstring(L, k->u.text, k->count);
            lua_rawseti(L, -2, (lua_Integer)i + 1);
        }
    return 1;
}

static int api_path(lua_State *L)
{
    const styr_node *n = styr_nodeview_check(L, 1);
    const styr_node *v = child_arg(L, n, 2);
    char buf[512];
    styr_node_path(v ? v : n, buf, sizeof buf);
    lua_pushstring(L, buf);
    return 1;
}

static int api_fold(lua_State *L)
{
    size_t len;
    const char *s = luaL_checklstring(L, 1, &len);
    luaL_Buffer b;
    char *out = luaL_buffinitsize(L, &b, len + 1);
    size_t need = styr_fold(s, len, out, len + 1);
    if (need >= len + 1) {
        /* NFC made it longer (rare: a few scripts' composed forms). */
        luaL_pushresultsize(&b, 0);
        lua_pop(L, 1);
        out = luaL_buffinitsize(L, &b, need + 1);
        styr_fold(s, len, out, need + 1);
    }
    luaL_pushresultsize(&b, need);
    return 1;
}

/* nearest(text, {candidates...}) -> the candidate a "did you mean" names, or nil. */
static int api_nearest(lua_State *L)
{
    size_t len;
    const char *s = luaL_checklstring(L, 1, &len);
    luaL_checktype(L, 2, LUA_TTABLE);
    lua_Integer n = luaL_len(L, 2);
    if (n <= 0 || n > 100000) {
        lua_pushnil(L);
        return 1;
    }
    const char **cands = lua_newuserdatauv(L, (size_t)n * sizeof *cands, 0);
    for (lua_Integer i = 1; i <= n; i++) {
        lua_rawgeti(L, 2, i);
        cands[i - 1] = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "";
        lua_pop(L, 1);   /* still referenced by the table */
    }
    long best = styr_nearest(s, len, cands, (size_t)n);
    if (best < 0)
        lua_pushnil(L);
    else
        lua_rawgeti(L, 2, best + 1);
    return 1;
}

/* did_you_mean(candidate) -> " (menade du 'x'?)" in the run's language, or
 * "" for nil, so a message can end with {hint}. */
static int api_did_you_mean(lua_State *L)
{
    if (lua_isnoneornil(L, 1)) {
        lua_pushliteral(L, "");
        return 1;
    }
    const char *c = luaL_checkstring(L, 1);
    lua_pushfstring(L, run_lang(L) == STYR_LANG_EN ? " (did you mean '%s'?)" : " (menade du '%s'?)", c);
    return 1;
}

static int api_lang(lua_State *L)
{
    lua_pushstring(L, run_lang(L) == STYR_LANG_EN ? "en" : "sv");
    return 1;
}

/* ---- dates ------------------------------------------------------------- */

/* date.parse(value, "start"|"end") -> day number, or nil and a reason. */
static int api_date_parse(lua_State *L)
{
    static const char *const edges[] = {"start", "end", NULL};
    int edge = luaL_checkoption(L, 2, "start", edges);
    char text[64], why[160];
    size_t len;
    if (lua_isinteger(L, 1)) {
        snprintf(text, sizeof text, "%lld", (long long)lua_tointeger(L, 1));
        len = strlen(text);
    } else if (lua_type(L, 1) == LUA_TSTRING) {
        const char *s = lua_tolstring(L, 1, &len);
        if (len >= sizeof text) {
            lua_pushnil(L);
            lua_pushstring(L, run_lang(L) == STYR_LANG_EN ? "too long to be a date" : "för långt för att vara ett datum");
            return 2;
        }
        memcpy(text, s, len);
        text[len] = '\0';
    } else if (lua_isnoneornil(L, 1)) {
        lua_pushnil(L);
        lua_pushstring(L, run_lang(L) == STYR_LANG_EN ? "missing" : "saknas");
        return 2;
    } else {
        lua_pushnil(L);
        lua_pushstring(L, styr_date_expected(run_lang(L) != STYR_LANG_EN));
        return 2;
    }
    styr_date d;
    if (!styr_date_parse_in(text, len, edge ? STYR_DATE_END : STYR_DATE_START, &d, why, sizeof why,
                            run_lang(L) != STYR_LANG_EN)) {
        lua_pushnil(L);
        lua_pushstring(L, why);
        return 2;
    }
    lua_pushinteger(L, (lua_Integer)styr_date_ordinal(&d));
    return 1;
}

static int api_date_format(lua_State *L)
{
    /* Day numbers of 0000-01-01 and 9999-12-31: the dates YYYY-MM-DD can show. */
    const lua_Integer first_day = -719528, last_day = 2932896;
    lua_Integer day = luaL_checkinteger(L, 1);
    luaL_argcheck(L, day >= first_day && day <= last_day, 1,
                  "day number out of range (years 0000 to 9999: -719528 to 2932896)");
    styr_date d;
    styr_date_from_ordinal((int64_t)day, &d);
    char buf[32];
    styr_date_format(&d, buf);
    lua_pushstring(L, buf);
    return 1;
}

/* ---- patterns ---------------------------------------------------------- */

static const styr_pattern *check_pattern(lua_State *L, int idx)
{
    styr_ruleset *rs = api_rs(L);
    const char *name = luaL_checkstring(L, idx);
    const styr_pattern *p = styr_ruleset_pattern(rs, name);
    if (!p) {
        luaL_Buffer b;
        luaL_buffinit(L, &b);
        for (size_t i = 0; i < rs->npatterns; i++) {
            luaL_addstring(&b, i ? ", " : "");
            luaL_addstring(&b, rs->patterns[i].name);
        }
        luaL_pushresult(&b);
        luaL_error(L, SVL(L, "okänt mönster '%s' (ruleset.yaml definierar: %s)", "unknown pattern '%s' (ruleset.yaml defines: %s)"),
                   name, lua_tostring(L, -1));
    }
    return p;
}

/* A match that failed: a memory refusal (the run's budget, which PCRE2's
 * frames are charged to) is the rule's memory stop; a limit or bad text is
 * an error the rule may catch. */
static int pattern_failed(lua_State *L, const styr_error *err)
{
    if (err->code == STYR_E_NOMEM)
        return styr_sandbox_memory_stop(L);
    return luaL_error(L, "%s", err->message);
}

static int api_pattern_match(lua_State *L)
{
    const styr_pattern *p = check_pattern(L, 1);
    if (lua_type(L, 2) != LUA_TSTRING && lua_type(L, 2) != LUA_TNUMBER) {
        lua_pushboolean(L, 0);
        return 1;
    }
    size_t len;
    const char *s = lua_tolstring(L, 2, &len);
    styr_match m;
    styr_error err;
    int rc = styr_pattern_match(p, s, len, 0, &m, 1, &err);
    if (rc < 0)
        return pattern_failed(L, &err);
    lua_pushboolean(L, rc);
    return 1;
}

/* pattern.find_all(name, text) -> { {match=, captures={...}, from=, to=}, ... }
 * Offsets are 1-based byte positions, as in string.find.
 * pattern.find_all(name, text, group) -> { text of that group, ... } (0 = the
 * whole match): the same matches, without a table for each. */
static int api_pattern_find_all(lua_State *L)
{
    const styr_pattern *p = check_pattern(L, 1);
    size_t len;
    const char *s = luaL_checklstring(L, 2, &len);
    int ng = styr_pattern_captures(p) + 1;
    if (ng > 32)
        ng = 32;
    /* With a group number, just that group's texts: no table a match. */
    lua_Integer group = lua_isnoneornil(L, 3) ? -1 : luaL_checkinteger(L, 3);
    if (!lua_isnoneornil(L, 3) && (group < 0 || group >= ng))   /* before narrowing: 2^32 is not group 0 */
        return luaL_argerror(L, 3, lua_pushfstring(L, SVL(L, "mönstret har grupperna 0 till %d", "the pattern has groups 0 to %d"),
                                                   ng - 1));
    int only = (int)group;
    styr_match g[32];
    styr_error err;
    lua_newtable(L);
    size_t from = 0;
    lua_Integer n = 0;
    while (from <= len && n < 10000) {
        styr_sandbox_check_time(L);   /* each match is bounded; 10,000 of them may not be */
        /* The first match checks the text's UTF-8; later ones need not. */
        int rc = n ? styr_pattern_match_utf_checked(p, s, len, from, g, ng, &err)
                   : styr_pattern_match(p, s, len, from, g, ng, &err);
        if (rc < 0)
            return pattern_failed(L, &err);
        /* The text this match scanned costs steps (memchr-like speed). */
        styr_sandbox_spend(L, (rc ? g[0].end - from : len - from) / 8 + 1);
        if (rc == 0)
            break;
        if (only >= 0) {
            if (g[only].start == (size_t)-1)
                lua_pushboolean(L, 0);
            else
                lua_pushlstring(L, s + g[only].start, g[only].end - g[only].start);
            lua_rawseti(L, -2, ++n);
        } else {
        lua_createtable(L, 0, 4);
        lua_pushlstring(L, s + g[0].start, g[0].end - g[0].start);
        lua_setfield(L, -2, "match");
        lua_pushinteger(L, (lua_Integer)g[0].start + 1);
        lua_setfield(L, -2, "from");
        lua_pushinteger(L, (lua_Integer)g[0].end);
        lua_setfield(L, -2, "to");
        lua_createtable(L, ng - 1, 0);
        for (int i = 1; i < ng; i++) {
            if (g[i].start == (size_t)-1)
                lua_pushboolean(L, 0);
            else
                lua_pushlstring(L, s + g[i].start, g[i].end - g[i].start);
            lua_rawseti(L, -2, i);
        }
        lua_setfield(L, -2, "captures");
        lua_rawseti(L, -2, ++n);
        }
        from = g[0].end;
        if (g[0].end == g[0].start) {
            /* An empty match: step over one whole character. */
            from++;
            while (from < len && ((unsigned char)s[from] & 0xC0) == 0x80)
                from++;
        }
    }
    return 1;
}

/* ---- registry ---------------------------------------------------------- */

static const char *const registry_kinds[] = {"owner", "program", "funder", "report", NULL};

/* Pushes the registry index table of kind (owner/program/funder). */
static void push_registry_kind(lua_State *L, const char *kind)
{
    styr_ruleset *rs = api_rs(L);
    lua_rawgeti(L, LUA_REGISTRYINDEX, rs->registry);
    lua_getfield(L, -1, kind);
    lua_remove(L, -2);
}

static int registry_lookup(lua_State *L, const char *kind)
{
    if (lua_type(L, 1) != LUA_TSTRING) {
        lua_pushnil(L);
        return 1;
    }
    size_t len;
    const char *s = lua_tolstring(L, 1, &len);
    char buf[512];
    size_t need = styr_fold(s, len, buf, sizeof buf);
    if (need >= sizeof buf) {
        lua_pushnil(L);
        return 1;
    }
    push_registry_kind(L, kind);                 /* idx */
    lua_getfield(L, -1, "by_key");               /* idx by_key */
    lua_pushlstring(L, buf, need);
    lua_rawget(L, -2);                           /* idx by_key entry */
    return 1;
}

static int api_registry_owner(lua_State *L) { return registry_lookup(L, "owner"); }
static int api_registry_program(lua_State *L) { return registry_lookup(L, "program"); }
static int api_registry_funder(lua_State *L) { return registry_lookup(L, "funder"); }
static int api_registry_report(lua_State *L) { return registry_lookup(L, "report"); }

/* registry.suggest(kind, text) -> the nearest spelling in the registry, or nil. */
static int api_registry_suggest(lua_State *L)
{
    const char *kind = registry_kinds[luaL_checkoption(L, 1, NULL, registry_kinds)];
    size_t len;
    const char *s = luaL_checklstring(L, 2, &len);
    push_registry_kind(L, kind);
    lua_getfield(L, -1, "spellings");            /* idx spellings */
    lua_Integer n = luaL_len(L, -1);
    if (n <= 0) {
        lua_pushnil(L);
        return 1;
    }
    const char **cands = lua_newuserdatauv(L, (size_t)n * sizeof *cands, 0);
    for (lua_Integer i = 1; i <= n; i++) {
        lua_rawgeti(L, -2, i);
        cands[i - 1] = lua_tostring(L, -1);
        lua_pop(L, 1);
    }
    long best = styr_nearest(s, len, cands, (size_t)n);
    if (best < 0)
        lua_pushnil(L);
    else
        lua_rawgeti(L, -2, best + 1);
    return 1;
}

/* registry.size(kind) -> how many entries the registry has of kind. */
static int api_registry_size(lua_State *L)
{
    const char *kind = registry_kinds[luaL_checkoption(L, 1, NULL, registry_kinds)];
    push_registry_kind(L, kind);
    lua_getfield(L, -1, "names");
    lua_pushinteger(L, (lua_Integer)lua_rawlen(L, -1));
    return 1;
}

/* registry.names(kind) -> a new list of the canonical names. */
static int api_registry_names(lua_State *L)
{
    const char *kind = registry_kinds[luaL_checkoption(L, 1, NULL, registry_kinds)];
    push_registry_kind(L, kind);
    lua_getfield(L, -1, "names");
    lua_Integer n = luaL_len(L, -1);
    lua_createtable(L, (int)n, 0);
    for (lua_Integer i = 1; i <= n; i++) {
        lua_rawgeti(L, -2, i);
        lua_rawseti(L, -2, i);
    }
    return 1;
}

/* ---- the plan being judged --------------------------------------------- */

static styr_run *check_run(lua_State *L)
{
    styr_run *run = current_run(L);
    if (!run)
        luaL_error(L, SVL(L, "planen kan bara läsas inne i en regels check-funktion",
                          "the plan can only be read inside a rule's check function"));
    return run;
}

static int lookup_id(lua_State *L, const styr_strmap *m)
{
    size_t len;
    const char *s;
    if (lua_type(L, 1) != LUA_TSTRING && lua_type(L, 1) != LUA_TNUMBER) {
        lua_pushnil(L);
        return 1;
    }
    s = styr_trim(lua_tolstring(L, 1, &len), &len);
    styr_nodeview_push(L, styr_strmap_get(m, s, len));
    return 1;
}

static int api_plan_action(lua_State *L) { return lookup_id(L, &check_run(L)->item_ids); }
static int api_plan_strategy(lua_State *L) { return lookup_id(L, &check_run(L)->strategy_ids); }

/* Indexes the plan's strategy ids for hints, once a run: O(n log n). */
static int build_strategy_hints(styr_run *run)
{
    const styr_node *root = run->doc ? run->doc->root : NULL;
    const styr_node *list = root && root->kind == STYR_NODE_MAP ? styr_map_get(root, "strategies", 10) : NULL;
    if (!list || list->kind != STYR_NODE_SEQ || (list->flags & STYR_NODE_INVALID) || !list->count)
        return -1;
    if (!(run->strategy_names = malloc((size_t)list->count * sizeof *run->strategy_names)))
        return -1;
    for (uint32_t i = 0; i < list->count; i++) {
        const styr_node *st = styr_seq_item(list, i);
        const styr_node *id = st && st->kind == STYR_NODE_MAP ? styr_map_get(st, "id", 2) : NULL;
        run->strategy_names[i] = id && id->kind == STYR_NODE_SCALAR && id->stype != STYR_SCALAR_NULL &&
                                 !(id->flags & STYR_NODE_INVALID) ? id->u.text : NULL;
    }
    return styr_nearest_index_build(&run->strategy_hints, run->strategy_names, list->count) == 0 ? 1 : -1;
}

/* nearest_strategy(text) -> the id of the plan's strategy a "did you mean"
 * names, or nil: nearest(text, {every strategy's id}) without building the
 * list in Lua for every action that names an unknown strategy, and at a
 * bounded cost a call however many strategies the plan has
 * (nearest_index.h: 100,000 actions naming unknown strategies among 10,000
 * were a billion comparisons). */
static int api_nearest_strategy(lua_State *L)
{
    styr_run *run = check_run(L);
    size_t len;
    const char *s = luaL_checklstring(L, 1, &len);
    if (!run->strategy_hints_built)
        run->strategy_hints_built = build_strategy_hints(run);
    long best = run->strategy_hints_built > 0 ? styr_nearest_index_find(&run->strategy_hints, s, len, NULL) : -1;
    if (best < 0)
        lua_pushnil(L);
    else
        lua_pushstring(L, run->strategy_names[best]);
    return 1;
}

/* actions_of_strategy(id) -> how many actions name strategy id (trimmed). */
static int api_actions_of_strategy(lua_State *L)
{
    styr_run *run = check_run(L);
    size_t len;
    if (lua_type(L, 1) != LUA_TSTRING && lua_type(L, 1) != LUA_TNUMBER) {
        lua_pushinteger(L, 0);
        return 1;
    }
    const char *s = styr_trim(lua_tolstring(L, 1, &len), &len);
    lua_pushinteger(L, (lua_Integer)(uintptr_t)styr_strmap_get(&run->strategy_use, s, len));
    return 1;
}

static int api_plan_period(lua_State *L)
{
    styr_run *run = check_run(L);
    if (!run->have_period)
        return 0;
    lua_pushinteger(L, (lua_Integer)run->period_from);
    lua_pushinteger(L, (lua_Integer)run->period_to);
    return 2;
}

static int api_plan_file(lua_State *L)
{
    lua_pushstring(L, check_run(L)->doc->file);
    return 1;
}

/* ---- the ruleset ------------------------------------------------------- */

static int api_ruleset_has_rule(lua_State *L)
{
    size_t len;
    const char *id = luaL_checklstring(L, 1, &len);
    lua_pushboolean(L, styr_ruleset_rule(api_rs(L), id, len) != NULL);
    return 1;
}

static int api_ruleset_rule_ids(lua_State *L)
{
    styr_ruleset *rs = api_rs(L);
    lua_createtable(L, (int)rs->nrules, 0);
    for (size_t i = 0; i < rs->nrules; i++) {
        lua_pushstring(L, rs->rules[i].id);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    return 1;
}

static int api_ruleset_setting(lua_State *L)
{
    const styr_node *v = styr_ruleset_setting(api_rs(L), luaL_checkstring(L, 1));
    if (v)
        styr_nodeview_push_lasting(L, v);
    else
        lua_pushvalue(L, 2);   /* the default the rule gave */
    return 1;
}

/* ---- the prioritisation model ----------------------------------------- */

/* model_criteria() -> { {id=, label=, assessed=, low=, high=, cost=}, ... },
 * or an empty list when the ruleset has no model. */
static int api_model_criteria(lua_State *L)
{
    styr_ruleset *rs = api_rs(L);
    const styr_model *m = rs->model;
    lua_createtable(L, m ? (int)m->ncrit : 0, 0);
    for (size_t i = 0; m && i < m->ncrit; i++) {
        const styr_criterion *c = &m->crit[i];
        lua_createtable(L, 0, 6);
        lua_pushstring(L, c->id);
        lua_setfield(L, -2, "id");
        int lang = run_lang(L);
        lua_pushstring(L, c->label[lang] ? c->label[lang] : c->label[0]);
        lua_setfield(L, -2, "label");
        lua_pushboolean(L, c->assessed);
        lua_setfield(L, -2, "assessed");
        lua_pushboolean(L, c->cost);
        lua_setfield(L, -2, "cost");
        if (c->has_scale) {
            /* Whole numbers stay whole, so messages say 1-5, not 1.0-5.0. */
            if (c->lo == (double)(lua_Integer)c->lo && c->hi == (double)(lua_Integer)c->hi) {
                lua_pushinteger(L, (lua_Integer)c->lo);
                lua_setfield(L, -2, "low");
                lua_pushinteger(L, (lua_Integer)c->hi);
            } else {
                lua_pushnumber(L, c->lo);
                lua_setfield(L, -2, "low");
                lua_pushnumber(L, c->hi);
            }
            lua_setfield(L, -2, "high");
        }
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    return 1;
}

static int api_model_id(lua_State *L)
{
    styr_ruleset *rs = api_rs(L);
    if (rs->model)
        lua_pushstring(L, rs->model->id);
    else
        lua_pushnil(L);
    return 1;
}

/* scenario_weights(scenario) -> {weights = {id = w}, source = "given" |
 * "pairwise" | "default", cr = number|nil, lambda_max = ...}, or nil and why. */
static int api_scenario_weights(lua_State *L)
{
    styr_ruleset *rs = api_rs(L);
    const styr_node *root = styr_nodeview_check(L, 1);
    if (!rs->model) {
        lua_pushnil(L);
        lua_pushliteral(L, "the ruleset has no model");
        return 2;
    }
    styr_weights w;
    styr_error err;
    styr_error_clear(&err);
    styr_status st = styr_scenario_weights(rs->model, root, NULL, &w, &err);
    if (st == STYR_E_NOMEM)   /* the rule stops (exit 2); nil would read as judgements that do not suffice */
        return styr_sandbox_raise_nomem(L);
    if (st != STYR_OK) {
        lua_pushnil(L);
        lua_pushstring(L, err.message);
        return 2;
    }
    /* Copy out before any Lua call can raise, then free. */
    double local[64];
    size_t m = w.m < 64 ? w.m : 64;
    memcpy(local, w.w, m * sizeof *local);
    styr_weights_source src = w.source;
    styr_mcda_ahp_result ahp = w.ahp;
    size_t ahp_n = w.ahp_n;
    styr_weights_free(&w);
    lua_createtable(L, 0, 4);
    lua_createtable(L, 0, (int)m);
    for (size_t j = 0; j < m; j++) {
        lua_pushnumber(L, local[j]);
        lua_setfield(L, -2, rs->model->crit[j].id);
    }
    lua_setfield(L, -2, "weights");
    lua_pushstring(L, src == STYR_WEIGHTS_PAIRWISE ? "pairwise" : src == STYR_WEIGHTS_DEFAULT ? "default" : "given");
    lua_setfield(L, -2, "source");
    if (src == STYR_WEIGHTS_PAIRWISE && ahp_n > 1) {
        lua_pushnumber(L, ahp.cr);
        lua_setfield(L, -2, "cr");
        lua_pushnumber(L, ahp.lambda_max);
        lua_setfield(L, -2, "lambda_max");
        lua_pushnumber(L, ahp.ci);
        lua_setfield(L, -2, "ci");
    }
    return 1;
}

/* areas_loaded() -> whether find_area() can see the areas (true while an
 * areas file is judged, and while `score` judges its scenarios). */
static int api_areas_loaded(lua_State *L)
{
    styr_run *run = check_run(L);
    lua_pushboolean(L, run->items != NULL);
    return 1;
}

/* ---- installation ------------------------------------------------------ */

static void set_funcs(lua_State *L, styr_ruleset *rs, const luaL_Reg *fns)
{
    for (; fns->name; fns++) {
        lua_pushlightuserdata(L, rs);
        lua_pushcclosure(L, fns->func, 1);
        lua_setfield(L, -2, fns->name);
    }
}

void styr_ruleapi_init(lua_State *L)
{
    styr_nodeview_init(L);
}

void styr_ruleapi_fill_env(lua_State *L, styr_ruleset *rs, int env_index)
{
    static const luaL_Reg globals[] = {
        {"rule", api_rule},   {"report", api_report}, {"text", api_text},
        {"has", api_has},     {"line", api_line},     {"kind", api_kind},
        {"each", api_each},   {"keys", api_keys},     {"path", api_path},
        {"fold", api_fold},   {"nearest", api_nearest}, {"lang", api_lang},
        {"did_you_mean", api_did_you_mean},
        {"find_action", api_plan_action}, {"find_area", api_plan_action},
        {"find_strategy", api_plan_strategy}, {"plan_period", api_plan_period},
        {"actions_of_strategy", api_actions_of_strategy}, {"nearest_strategy", api_nearest_strategy},
        {"file_name", api_plan_file},
        {"model_criteria", api_model_criteria}, {"model_id", api_model_id},
        {"scenario_weights", api_scenario_weights}, {"areas_loaded", api_areas_loaded},
        {NULL, NULL}};
    static const luaL_Reg date_fns[] = {{"parse", api_date_parse}, {"format", api_date_format}, {NULL, NULL}};
    static const luaL_Reg pattern_fns[] = {{"match", api_pattern_match}, {"find_all", api_pattern_find_all}, {NULL, NULL}};
    static const luaL_Reg registry_fns[] = {
        {"owner", api_registry_owner}, {"program", api_registry_program},
        {"funder", api_registry_funder}, {"report", api_registry_report},
        {"suggest", api_registry_suggest},
        {"names", api_registry_names}, {"size", api_registry_size}, {NULL, NULL}};
    static const luaL_Reg ruleset_fns[] = {
        {"has_rule", api_ruleset_has_rule}, {"rule_ids", api_ruleset_rule_ids},
        {"setting", api_ruleset_setting}, {NULL, NULL}};
    static const struct { const char *name; const luaL_Reg *fns; } tables[] = {
        {"date", date_fns}, {"pattern", pattern_fns}, {"registry", registry_fns},
        {"ruleset", ruleset_fns}, {NULL, NULL}};

    env_index = lua_absindex(L, env_index);
    lua_pushvalue(L, env_index);
    set_funcs(L, rs, globals);
    lua_pop(L, 1);
    for (int i = 0; tables[i].name; i++) {
        lua_newtable(L);
        set_funcs(L, rs, tables[i].fns);
        lua_setfield(L, env_index, tables[i].name);
    }
    pthread_mutex_lock(&extensions_lock);
    for (size_t i = 0; i < nextensions; i++) {
        lua_newtable(L);
        set_funcs(L, rs, extensions[i].fns);
        lua_setfield(L, env_index, extensions[i].name);
    }
    pthread_mutex_unlock(&extensions_lock);
    lua_getfield(L, env_index, "ruleset");
    lua_pushstring(L, rs->name);
    lua_setfield(L, -2, "name");
    lua_pop(L, 1);
}
