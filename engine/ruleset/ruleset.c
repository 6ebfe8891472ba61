/* ruleset.c - finding and loading ruleset folders (FORMATS.md section 4):
 * ruleset.yaml, registry.yaml, schema.yaml and the Lua rule files, with
 * `extends` loaded parents first. */
/* realpath() is XSI. */
#define _XOPEN_SOURCE 700

#include "ruleset.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <lauxlib.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "capacity.h"
#include "mem_budget.h"
#include "rule_api.h"
#include "nodeview.h"
#include "errno_text.h"
#include "text.h"

/* Where an installed styr keeps its rulesets: relative to the executable
 * (a relocated install) and the absolute folder of the configured prefix.
 * Never the source tree: a library must not depend on where it was built. */
#ifndef STYR_INSTALL_RULES_REL
#define STYR_INSTALL_RULES_REL "share/styr/rules"
#endif
#ifndef STYR_INSTALL_RULES_DIR
#define STYR_INSTALL_RULES_DIR "/usr/local/share/styr/rules"
#endif

#define MAX_EXTENDS_DEPTH 8
/* Rulesets in one chain (parents, their parents, ...): each is loaded once,
 * so this also bounds the pending severity overrides (one a ruleset). */
#define MAX_CHAIN 32

/* A message in the run's language, Swedish first: the people who keep a
 * ruleset's registry.yaml and ruleset.yaml read what is wrong with them in
 * the language of their plans. */
#define SV(rs, sv, en) ((rs)->lim.lang == STYR_LANG_EN ? (en) : (sv))

static const char *const scope_names[] = {"plan", "strategy", "action", "areas", "area", "scenario", "followup",
                                            "followup-action", "engine"};

const char *styr_scope_name(styr_scope s) { return (unsigned)s < STYR_SCOPE_COUNT ? scope_names[s] : "?"; }

int styr_scope_parse(const char *s)
{
    for (int i = 0; i < STYR_SCOPE_COUNT; i++)
        if (strcmp(s, scope_names[i]) == 0)
            return i;
    return -1;
}

/* ---- locating ---------------------------------------------------------- */

static int is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static char *join(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    char *out = malloc(la + lb + 2);
    if (!out)
        return NULL;
    snprintf(out, la + lb + 2, "%s/%s", a, b);
    return out;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* <dir of the executable>/../share/styr/rules, or NULL. Kept in a static
 * buffer: an allocation that failed here would leave the folder out of the
 * search for the whole run, silently. */
static const char *installed_rules_dir(void)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return NULL;
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (!slash)
        return NULL;
    *slash = '\0';
    static char rel[PATH_MAX + 64];
    snprintf(rel, sizeof rel, "%s/../%s", exe, STYR_INSTALL_RULES_REL);
    return rel;
}

const char *const *styr_ruleset_default_path(void)
{
    /* Computed once; the executable does not move while it runs. */
    static const char *relative;
    static int done;
    static const char *path[3];
    if (!done) {
        relative = installed_rules_dir();
        size_t n = 0;
        if (relative)
            path[n++] = relative;
        path[n++] = STYR_INSTALL_RULES_DIR;
        path[n] = NULL;
        done = 1;
    }
    return path;
}

static size_t path_count(const char *const *search)
{
    size_t n = 0;
    while (search && search[n])
        n++;
    return n;
}

static void nomem(styr_error *err, int english)
{
    styr_error_set(err, STYR_E_NOMEM, NULL, 0, 0, "%s", english ? "out of memory" : "minnet tog slut");
}

char *styr_ruleset_locate(const char *spec, const char *const *search, int english, styr_error *err)
{
    if (!search)
        search = styr_ruleset_default_path();
    size_t nroots = path_count(search);
    if (strchr(spec, '/') || is_dir(spec)) {
        if (!is_dir(spec)) {
            styr_error_set(err, STYR_E_RULESET, spec, 0, 0, "%s",
                           english ? "ruleset folder not found" : "mappen med regeluppsättningen finns inte");
            return NULL;
        }
        char *copy = strdup(spec);
        if (!copy)
            nomem(err, english);
        return copy;
    }
    for (const char *c = spec; *c; c++)
        if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '-' || *c == '_')) {
            /* "Goteborg" for "goteborg": name the ruleset meant */
            char lower[64], hint[96] = "";
            size_t n = strlen(spec);
            int ok = n < sizeof lower;
            for (size_t i = 0; ok && i <= n; i++) {
                lower[i] = (char)(spec[i] >= 'A' && spec[i] <= 'Z' ? spec[i] - 'A' + 'a' : spec[i]);
                ok = !lower[i] || (lower[i] >= 'a' && lower[i] <= 'z') || (lower[i] >= '0' && lower[i] <= '9') ||
                     lower[i] == '-' || lower[i] == '_';
            }
            for (size_t i = 0; ok && i < nroots && !hint[0]; i++) {
                char *cand = join(search[i], lower);
                if (cand && is_dir(cand))
                    snprintf(hint, sizeof hint, english ? " (did you mean '%s'?)" : " (menade du '%s'?)", lower);
                free(cand);
            }
            styr_error_set(err, STYR_E_RULESET, NULL, 0, 0,
                           english ? "'%s' is not a ruleset name (a-z, 0-9, '-', '_') nor a folder%s"
                                   : "'%s' är inget namn på en regeluppsättning (a-z, 0-9, '-', '_') och ingen mapp%s",
                           spec, hint);
            return NULL;
        }
    const char *const *roots = search;
    char *found = NULL;
    for (size_t i = 0; i < nroots && !found; i++) {
        char *cand = join(roots[i], spec);
        /* Memory running out is said as such: taken for "not here", it
         * sent the search on to the next folder (another copy of the
         * ruleset) or ended in "no ruleset named ...". */
        if (!cand) {
            nomem(err, english);
            return NULL;
        }
        if (is_dir(cand)) {
            /* The real folder, not the link or relative path that led to it:
             * messages and ruleset_path name the files the user edits. */
            errno = 0;
            found = realpath(cand, NULL);
            if (!found && errno == ENOMEM) {
                free(cand);
                nomem(err, english);
                return NULL;
            }
            if (!found) {
                found = cand;
                cand = NULL;
            }
        }
        free(cand);
    }
    char cwd[PATH_MAX];
    size_t clen;
    if (found && getcwd(cwd, sizeof cwd) && (clen = strlen(cwd)) > 1 &&
        strncmp(found, cwd, clen) == 0 && found[clen] == '/')
        memmove(found, found + clen + 1, strlen(found + clen + 1) + 1);   /* short names in messages */
    if (!found) {
        /* Name the rulesets there are (sorted), which helps more than paths. */
        char *list[64] = {0};
        size_t n = 0;
        for (size_t i = 0; i < nroots; i++) {
            DIR *d = opendir(roots[i]);
            struct dirent *e;
            while (d && n < 64 && (e = readdir(d))) {
                int seen = e->d_name[0] == '.';
                for (size_t j = 0; j < n && !seen; j++)
                    seen = strcmp(list[j], e->d_name) == 0;
                char *sub = seen ? NULL : join(roots[i], e->d_name);
                if (sub && is_dir(sub) && (list[n] = strdup(e->d_name)))
                    n++;
                free(sub);
            }
            if (d)
                closedir(d);
        }
        qsort(list, n, sizeof *list, cmp_names);
        char names[512] = "";
        for (size_t j = 0; j < n; j++) {
            if (strlen(names) + strlen(list[j]) + 3 < sizeof names) {
                if (names[0])
                    strcat(names, ", ");
                strcat(names, list[j]);
            }
            free(list[j]);
        }
        styr_error_set(err, STYR_E_RULESET, NULL, 0, 0,
                       english ? "no ruleset named '%s' (there are: %s); or give the ruleset's folder instead of a name"
                               : "det finns ingen regeluppsättning som heter '%s' (det finns: %s); eller ange "
                                 "regeluppsättningens mapp i stället för ett namn",
                       spec, names[0] ? names : english ? "none" : "inga");
    }
    return found;
}

/* ---- rules ------------------------------------------------------------- */

static void rule_free_fields(styr_rule *r)
{
    free(r->id);
    for (int i = 0; i < 2; i++) {
        if (r->message[1] != r->message[0] || i == 0)
            free(r->message[i]);
        if (r->description[1] != r->description[0] || i == 0)
            free(r->description[i]);
        if (r->remediation[1] != r->remediation[0] || i == 0)
            free(r->remediation[i]);
    }
    free(r->file);
    free(r->source);
    free(r->ruleset);
}

static char *dup0(const char *s) { return s ? strdup(s) : NULL; }

/* Whether every text of proto reached its copy in r: a copy that failed
 * would otherwise read as a text the rule never had (a rule without its
 * message crashed report()). */
static int rule_copied(const styr_rule *r, const styr_rule *proto)
{
    int ok = r->id && (!proto->file || r->file) && (!proto->source || r->source) && (!proto->ruleset || r->ruleset);
    for (int i = 0; i < 2; i++)
        ok = ok && (!proto->message[i] || r->message[i]) && (!proto->description[i] || r->description[i]) &&
             (!proto->remediation[i] || r->remediation[i]);
    return ok;
}

styr_rule *styr_ruleset_rule(const styr_ruleset *rs, const char *id, size_t len)
{
    uintptr_t i = (uintptr_t)styr_strmap_get(&rs->rule_index, id, len);
    return i ? &rs->rules[i - 1] : NULL;
}

styr_rule *styr_ruleset_add_rule(styr_ruleset *rs, const styr_rule *proto, styr_error *err)
{
    styr_rule *old = styr_ruleset_rule(rs, proto->id, strlen(proto->id));
    if (old && old->ruleset && proto->ruleset && strcmp(old->ruleset, proto->ruleset) == 0) {
        styr_error_set(err, STYR_E_RULESET, proto->file, proto->line, 0,
                       SV(rs, "regel-id '%s' finns redan, på %s:%u", "rule id '%s' is already declared at %s:%u"), proto->id,
                       old->file ? old->file : "?", old->line);
        return NULL;
    }
    styr_rule r;
    memset(&r, 0, sizeof r);
    r.id = dup0(proto->id);
    r.severity = proto->severity;
    r.declared = proto->declared;
    r.scope = proto->scope;
    r.fn = LUA_NOREF;
    for (int i = 0; i < 2; i++) {
        /* Keep one copy when both languages share a text. */
        r.message[i] = (i == 1 && proto->message[1] == proto->message[0]) ? r.message[0] : dup0(proto->message[i]);
        r.description[i] = (i == 1 && proto->description[1] == proto->description[0]) ? r.description[0] : dup0(proto->description[i]);
        r.remediation[i] = (i == 1 && proto->remediation[1] == proto->remediation[0]) ? r.remediation[0] : dup0(proto->remediation[i]);
    }
    r.file = dup0(proto->file);
    r.source = dup0(proto->source);
    r.line = proto->line;
    r.ruleset = dup0(proto->ruleset);
    if (!rule_copied(&r, proto)) {
        rule_free_fields(&r);
        styr_error_set(err, STYR_E_NOMEM, NULL, 0, 0, "out of memory");
        return NULL;
    }
    if (old) {
        /* A child ruleset redefines a parent's rule: the child's wins. */
        if (old->fn != LUA_NOREF && rs->sb)
            luaL_unref(styr_sandbox_lua(rs->sb), LUA_REGISTRYINDEX, old->fn);
        rule_free_fields(old);
        *old = r;
        return old;
    }
    if (rs->nrules == rs->caprules) {
        size_t cap = rs->caprules ? rs->caprules * 2 : 64;
        styr_rule *rules = realloc(rs->rules, cap * sizeof *rules);
        if (!rules) {
            rule_free_fields(&r);
            styr_error_set(err, STYR_E_NOMEM, NULL, 0, 0, "out of memory");
            return NULL;
        }
        rs->rules = rules;
        rs->caprules = cap;
    }
    rs->rules[rs->nrules] = r;
    if (styr_strmap_put(&rs->rule_index, r.id, strlen(r.id), (void *)(uintptr_t)(rs->nrules + 1), NULL) < 0) {
        rule_free_fields(&rs->rules[rs->nrules]);
        styr_error_set(err, STYR_E_NOMEM, NULL, 0, 0, "out of memory");
        return NULL;
    }
    return &rs->rules[rs->nrules++];
}

/* ---- YAML helpers ------------------------------------------------------ */

static const char *scalar_text(const styr_node *n)
{
    return n && n->kind == STYR_NODE_SCALAR && n->stype != STYR_SCALAR_NULL ? n->u.text : NULL;
}

static styr_status node_error(styr_error *err, const styr_doc *doc, const styr_node *n,
                              const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* Fills err with a ruleset problem at node n of doc. */
static styr_status node_error(styr_error *err, const styr_doc *doc, const styr_node *n,
                              const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    styr_error_setv(err, STYR_E_RULESET, doc->file, n ? n->line : 0, n ? n->column : 0, fmt, ap);
    va_end(ap);
    return STYR_E_RULESET;
}

/* Loads dir/name if it exists; *out stays NULL when it does not. */
static styr_status load_yaml(styr_ruleset *rs, const char *dir, const char *name,
                             const char *kind, styr_doc **out, styr_error *err)
{
    *out = NULL;
    char *path = join(dir, name);
    if (!path)
        return styr_error_set(err, STYR_E_NOMEM, NULL, 0, 0, "out of memory");
    struct stat lst;
    if (lstat(path, &lst) != 0) {
        free(path);
        return STYR_OK;
    }
    if (!S_ISREG(lst.st_mode)) {
        /* Not a link out of the folder (its target's text would show in
         * messages), not a FIFO (blocks) or device. */
        styr_error_set(err, STYR_E_RULESET, path, 1, 0,
                       SV(rs, "%s ska vara en vanlig fil i regeluppsättningens mapp%s",
                          "%s must be a regular file in the ruleset folder%s"),
                       name, !S_ISLNK(lst.st_mode) ? "" : SV(rs, ", inte en symbolisk länk", ", not a symbolic link"));
        free(path);
        return STYR_E_RULESET;
    }
    styr_limits lim;
    styr_limits_default(&lim);
    lim.lang = rs->lim.lang;   /* a ruleset's YAML mistakes are said in the run's language too */
    styr_doc *doc = NULL;
    styr_status st = styr_doc_load_file(path, &lim, &doc, err);
    free(path);
    if (st != STYR_OK) {
        err->code = STYR_E_RULESET;
        return STYR_E_RULESET;
    }
    styr_doc **docs = realloc(rs->docs, (rs->ndocs + 1) * sizeof *docs);
    if (!docs) {
        styr_doc_free(doc);
        return styr_error_set(err, STYR_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    rs->docs = docs;
    rs->docs[rs->ndocs++] = doc;
    if (!doc->root || doc->root->kind != STYR_NODE_MAP)
        return node_error(err, doc, doc->root,
                          SV(rs, "%s ska vara en mappning som börjar med kind: %s",
                             "%s must be a mapping that starts with kind: %s"),
                          name, kind);
    const char *k = scalar_text(styr_map_get(doc->root, "kind", 4));
    if (!k || strcmp(k, kind) != 0)
        return node_error(err, doc, styr_map_get(doc->root, "kind", 4) ? styr_map_get(doc->root, "kind", 4) : doc->root,
                          SV(rs, "här ska det stå kind: %s", "expected kind: %s"), kind);
    *out = doc;
    return STYR_OK;
}

/* ---- registry ---------------------------------------------------------- */

/* `boards` (FORMATS.md section 10) and `owners` are the same list. `reports`
 * holds plain names (UR2) or entries with a name. */
static const struct { const char *list, *kind; } registry_lists[] = {
    {"owners", "owner"}, {"boards", "owner"}, {"programs", "program"}, {"funders", "funder"},
    {"reports", "report"}, {NULL, NULL}};

/* The keys registry.yaml and its entries may have; anything else is a typo
 * that would silently drop a fact, so it stops the load with a suggestion. */
static const char *const registry_top_keys[] = {
    "kind", "version", "owners", "boards", "programs", "funders", "reports", NULL};
static const char *const registry_entry_keys[] = {
    "name", "aliases", "offices", "type", "level", "period", "until", "source", "note",
    "merged_into", "yearly", NULL};

/* Fails on the first key of map that names does not list, with its line and
 * the nearest known key. */
static styr_status check_keys(const styr_ruleset *rs, const styr_doc *doc, const styr_node *map,
                              const char *const *names, const char *what, styr_error *err)
{
    size_t n = 0;
    while (names[n])
        n++;
    for (uint32_t i = 0; map && map->kind == STYR_NODE_MAP && i < map->count; i++) {
        const styr_node *k = styr_map_key(map, i);
        const char *key = scalar_text(k);
        int ok = 0;
        for (size_t j = 0; key && j < n; j++)
            ok |= strcmp(key, names[j]) == 0;
        if (ok)
            continue;
        long near = key ? styr_nearest(key, strlen(key), names, n) : -1;
        char hint[96] = "";
        if (near >= 0)
            snprintf(hint, sizeof hint, SV(rs, " (menade du '%s'?)", " (did you mean '%s'?)"), names[near]);
        return node_error(err, doc, k, SV(rs, "okänd nyckel '%s' i %s%s", "unknown key '%s' in %s%s"), key ? key : "?",
                          what, hint);
    }
    return STYR_OK;
}

/* Adds one spelling of an entry to the index of kind at the top of the stack:
 * {by_key = {folded -> entry}, spellings = {...}, names = {...}}. */
static styr_status index_spelling(const styr_ruleset *rs, lua_State *L, const styr_doc *doc,
                                  const styr_node *entry, const styr_node *spelling, styr_error *err)
{
    const char *s = scalar_text(spelling);
    if (!s)
        return node_error(err, doc, spelling, "%s", SV(rs, "ett namn i registret ska vara en text", "a registry name must be a text"));
    char buf[512];
    size_t need = styr_fold(s, spelling->count, buf, sizeof buf);
    if (need >= sizeof buf)
        return node_error(err, doc, spelling, "%s", SV(rs, "namnet i registret är för långt", "registry name is too long"));
    lua_getfield(L, -1, "by_key");                      /* idx by_key */
    lua_pushlstring(L, buf, need);
    lua_rawget(L, -2);                                  /* idx by_key old */
    const styr_node *old = styr_nodeview_test(L, -1);
    lua_pop(L, 1);
    if (old && old != entry) {
        const styr_node *oname = styr_map_get(old, "name", 4);
        char other[256];
        snprintf(other, sizeof other, SV(rs, "%s' (rad %u", "%s' (line %u"), scalar_text(oname) ? scalar_text(oname) : "?",
                 old->line);
        lua_pop(L, 1);
        return node_error(err, doc, spelling,
                          SV(rs, "'%s' är redan ett namn eller alias för '%s)", "'%s' is already a name or alias of '%s)"), s,
                          other);
    }
    if (!old) {
        lua_pushlstring(L, buf, need);
        styr_nodeview_push_lasting(L, entry);
        lua_rawset(L, -3);
        lua_getfield(L, -2, "spellings");
        lua_pushlstring(L, s, spelling->count);
        lua_rawseti(L, -2, luaL_len(L, -2) + 1);
        lua_pop(L, 1);
    }
    lua_pop(L, 1);                                      /* idx */
    return STYR_OK;
}

static styr_status add_registry(styr_ruleset *rs, const styr_doc *doc, styr_error *err)
{
    lua_State *L = styr_sandbox_lua(rs->sb);
    styr_status kst = check_keys(rs, doc, doc->root, registry_top_keys, "registry.yaml", err);
    if (kst != STYR_OK)
        return kst;
    lua_rawgeti(L, LUA_REGISTRYINDEX, rs->registry);    /* reg */
    for (int k = 0; registry_lists[k].list; k++) {
        const styr_node *list = styr_map_get(doc->root, registry_lists[k].list, strlen(registry_lists[k].list));
        if (!list)
            continue;
        if (list->kind != STYR_NODE_SEQ) {
            lua_pop(L, 1);
            return node_error(err, doc, list, SV(rs, "'%s' ska vara en lista av poster med namn", "'%s' must be a list of entries with a name"),
                              registry_lists[k].list);
        }
        lua_getfield(L, -1, registry_lists[k].kind);    /* reg idx */
        for (uint32_t i = 0; i < list->count; i++) {
            const styr_node *e = styr_seq_item(list, i);
            const styr_node *name = e->kind == STYR_NODE_MAP ? styr_map_get(e, "name", 4)
                                  : e->kind == STYR_NODE_SCALAR ? e : NULL;
            if (e->kind == STYR_NODE_MAP) {
                char what[64];
                snprintf(what, sizeof what, SV(rs, "en post i '%s'", "an entry of '%s'"), registry_lists[k].list);
                styr_status est = check_keys(rs, doc, e, registry_entry_keys, what, err);
                /* A level the governance rules do not know would silently let any body decide. */
                static const char *const levels[] = {"council", "executive", "board", "company", "office", NULL};
                const styr_node *lv = styr_map_get(e, "level", 5);
                int lv_ok = !lv;
                for (int q = 0; lv && scalar_text(lv) && levels[q]; q++)
                    lv_ok |= strcmp(lv->u.text, levels[q]) == 0;
                if (est == STYR_OK && !lv_ok) {
                    long near = scalar_text(lv) ? styr_nearest(lv->u.text, lv->count, levels, 5) : -1;
                    est = node_error(err, doc, lv,
                                     SV(rs, "level ska vara council, executive, board, company eller office%s%s%s",
                                        "level must be council, executive, board, company or office%s%s%s"),
                                     near >= 0 ? SV(rs, " (menade du '", " (did you mean '") : "",
                                     near >= 0 ? levels[near] : "", near >= 0 ? "'?)" : "");
                }
                if (est != STYR_OK) {
                    lua_pop(L, 2);
                    return est;
                }
            }
            if (!scalar_text(name)) {
                lua_pop(L, 2);
                return node_error(err, doc, name ? name : e, SV(rs, "varje post i '%s' behöver ett namn", "each entry of '%s' needs a name"),
                                  registry_lists[k].list);
            }
            styr_status st = index_spelling(rs, L, doc, e, name, err);
            if (st != STYR_OK) {
                lua_pop(L, 1);
                return st;
            }
            lua_getfield(L, -1, "names");
            lua_pushlstring(L, name->u.text, name->count);
            lua_rawseti(L, -2, luaL_len(L, -2) + 1);
            lua_pop(L, 1);
            /* offices: the förvaltning a board acts through ("SLK") is
             * another spelling of the board, which rules can tell apart. */
            static const char *const spelling_lists[] = {"aliases", "offices", NULL};
            for (int sl = 0; e->kind == STYR_NODE_MAP && spelling_lists[sl]; sl++) {
                const styr_node *aliases = styr_map_get(e, spelling_lists[sl], strlen(spelling_lists[sl]));
                if (aliases && aliases->kind != STYR_NODE_SEQ) {
                    lua_pop(L, 2);
                    return node_error(err, doc, aliases, SV(rs, "%s ska vara en lista, t.ex. %s: [BRG]", "%s must be a list, e.g. %s: [BRG]"),
                                      spelling_lists[sl], spelling_lists[sl]);
                }
                for (uint32_t j = 0; aliases && j < aliases->count; j++) {
                    st = index_spelling(rs, L, doc, e, styr_seq_item(aliases, j), err);
                    if (st != STYR_OK) {
                        lua_pop(L, 1);
                        return st;
                    }
                }
            }
        }
        lua_pop(L, 1);                                  /* reg */
    }
    lua_pop(L, 1);
    return STYR_OK;
}

const styr_node *styr_ruleset_registry(const styr_ruleset *rs, const char *kind, const char *name, size_t len)
{
    if (!rs || !rs->sb || rs->registry == LUA_NOREF || !name)
        return NULL;
    char buf[512];
    size_t need = styr_fold(name, len, buf, sizeof buf);
    if (need >= sizeof buf)
        return NULL;
    lua_State *L = styr_sandbox_lua(rs->sb);
    int top = lua_gettop(L);
    lua_rawgeti(L, LUA_REGISTRYINDEX, rs->registry);
    const styr_node *n = NULL;
    if (lua_istable(L, -1) && lua_getfield(L, -1, kind) == LUA_TTABLE && lua_getfield(L, -1, "by_key") == LUA_TTABLE) {
        lua_pushlstring(L, buf, need);
        lua_rawget(L, -2);
        n = styr_nodeview_test(L, -1);
    }
    lua_settop(L, top);
    return n;
}

static void new_registry(styr_ruleset *rs)
{
    lua_State *L = styr_sandbox_lua(rs->sb);
    lua_newtable(L);
    for (int k = 0; registry_lists[k].list; k++) {
        lua_getfield(L, -1, registry_lists[k].kind);
        int made = !lua_isnil(L, -1);   /* owners and boards share one index */
        lua_pop(L, 1);
        if (made)
            continue;
        lua_newtable(L);
        lua_newtable(L);
        lua_setfield(L, -2, "by_key");
        lua_newtable(L);
        lua_setfield(L, -2, "spellings");
        lua_newtable(L);
        lua_setfield(L, -2, "names");
        lua_setfield(L, -2, registry_lists[k].kind);
    }
    rs->registry = luaL_ref(L, LUA_REGISTRYINDEX);
}

/* ---- schema rules ------------------------------------------------------ */

/* Does a field spec hold numbers (number or integer, or a list or map of them)? */
static int spec_is_number(const styr_node *spec)
{
    if (spec && spec->kind == STYR_NODE_MAP && spec->count == 1)
        spec = styr_map_value(spec, 0);
    const char *t = scalar_text(spec);
    return t && (strcmp(t, "number") == 0 || strcmp(t, "integer") == 0);
}

/* Does a schema type have a field that holds numbers? */
static int type_has_numbers(const styr_node *t)
{
    const styr_node *fields = t->kind == STYR_NODE_MAP ? styr_map_get(t, "fields", 6) : NULL;
    if (!fields || fields->kind != STYR_NODE_MAP)
        return 0;
    for (uint32_t i = 0; i < fields->count; i++)
        if (spec_is_number(styr_map_value(fields, i)))
            return 1;
    return 0;
}

/* Declares <part>.type and <part>.unknown-key for every part the schema
 * names, and <part>.number-read for every part with a number field, with
 * the messages (and remedies) schema.yaml gives. */
static styr_status add_schema_rules(styr_ruleset *rs, const styr_doc *doc, styr_error *err)
{
    const styr_node *types = styr_map_get(doc->root, "types", 5);
    const styr_node *msgs = styr_map_get(doc->root, "messages", 8);
    if (!types || types->kind != STYR_NODE_MAP)
        return node_error(err, doc, types ? types : doc->root, "%s",
                          SV(rs, "schema.yaml behöver en mappning 'types'", "schema.yaml needs a 'types' mapping"));
    /* a child's schema may leave the messages to its parents' */
    if ((!msgs || msgs->kind != STYR_NODE_MAP) && rs->schema)
        msgs = styr_map_get(rs->schema->parent, "messages", 8);
    if (!msgs || msgs->kind != STYR_NODE_MAP)
        return node_error(err, doc, msgs ? msgs : doc->root, "%s",
                          SV(rs, "schema.yaml behöver en mappning 'messages'", "schema.yaml needs a 'messages' mapping"));
    const styr_node **grown = realloc(rs->schemas, (rs->nschemas + 1) * sizeof *grown);
    if (!grown)
        return styr_error_set(err, STYR_E_NOMEM, doc->file, 0, 0, "out of memory");
    rs->schemas = grown;
    rs->schemas[rs->nschemas++] = types;
    static const struct { const char *suffix; styr_severity sev; } kinds[] = {
        {"type", STYR_SEV_ERROR}, {"unknown-key", STYR_SEV_WARNING}, {"number-read", STYR_SEV_INFO},
        {"typographic-quotes", STYR_SEV_WARNING}};
    rs->schema = types;
    for (uint32_t i = 0; i < types->count; i++) {
        const styr_node *t = styr_map_value(types, i);
        const char *part = t->kind == STYR_NODE_MAP ? scalar_text(styr_map_get(t, "part", 4)) : NULL;
        /* a type a parent defines may be extended without repeating its part */
        for (size_t k = rs->nschemas - 1; !part && k-- > 0;) {
            const styr_node *pt = styr_map_get(rs->schemas[k], styr_map_key(types, i)->u.text,
                                               styr_map_key(types, i)->count);
            part = pt && pt->kind == STYR_NODE_MAP ? scalar_text(styr_map_get(pt, "part", 4)) : NULL;
        }
        if (!part)
            return node_error(err, doc, t,
                              SV(rs, "schematypen '%s' behöver en del (t.ex. part: action)",
                                 "schema type '%s' needs a part (e.g. part: action)"),
                              styr_map_key(types, i)->u.text);
        for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
            char id[160];
            int idn = snprintf(id, sizeof id, "%s.%s", part, kinds[k].suffix);
            if (idn < 0 || (size_t)idn >= sizeof id)   /* a cut id could name another part's rule */
                return node_error(err, doc, t,
                                  SV(rs, "schematypen '%s': dess del '%.40s...' är %zu byte, för lång för "
                                         "dess regel-id (högst %zu)",
                                     "schema type '%s': its part '%.40s...' is %zu bytes, too long for "
                                     "its rule ids (at most %zu)"),
                                  styr_map_key(types, i)->u.text, part, strlen(part),
                                  sizeof id - 1 - strlen(".typographic-quotes"));
            if (styr_ruleset_rule(rs, id, strlen(id)))
                continue;
            if (strcmp(kinds[k].suffix, "number-read") == 0 && !type_has_numbers(t))
                continue;
            /* said once a line for the whole file: declared for the files' own types */
            const char *tname = styr_map_key(types, i)->u.text;
            if (strcmp(kinds[k].suffix, "typographic-quotes") == 0 && strcmp(tname, "action-plan") != 0 &&
                strcmp(tname, "innovation-areas") != 0 && strcmp(tname, "scenario") != 0)
                continue;
            const styr_node *m = styr_map_get(msgs, kinds[k].suffix, strlen(kinds[k].suffix));
            const char *sv = m && m->kind == STYR_NODE_MAP ? scalar_text(styr_map_get(m, "sv", 2)) : NULL;
            const char *en = m && m->kind == STYR_NODE_MAP ? scalar_text(styr_map_get(m, "en", 2)) : NULL;
            if (!sv || !en)
                return node_error(err, doc, m ? m : msgs,
                                  SV(rs, "schemats meddelanden behöver '%s' med texter för sv och en",
                                     "schema messages need '%s' with sv and en texts"),
                                  kinds[k].suffix);
            const styr_node *d = m ? styr_map_get(m, "description", 11) : NULL;
            styr_rule proto;
            memset(&proto, 0, sizeof proto);
            proto.id = id;
            proto.severity = proto.declared = kinds[k].sev;
            proto.scope = STYR_SCOPE_ENGINE;
            proto.message[0] = (char *)sv;
            proto.message[1] = (char *)en;
            proto.description[0] = proto.description[1] = (char *)scalar_text(d);
            proto.source = (char *)"FORMATS.md (the file format, schema.yaml)";
            /* Optional `remediation: {sv, en}`: what to do, as Lua rules have. */
            const styr_node *fix = m ? styr_map_get(m, "remediation", 11) : NULL;
            if (fix && fix->kind == STYR_NODE_MAP) {
                proto.remediation[0] = (char *)scalar_text(styr_map_get(fix, "sv", 2));
                proto.remediation[1] = (char *)scalar_text(styr_map_get(fix, "en", 2));
            }
            proto.file = doc->file;
            proto.line = m->line;
            proto.ruleset = (char *)rs->loading_ruleset;
            if (!styr_ruleset_add_rule(rs, &proto, err))
                return err->code;
        }
    }
    return STYR_OK;
}

/* ---- patterns and settings --------------------------------------------- */

/* Named patterns of a ruleset chain, and the length of one: a ruleset is
 * written by hand, and each pattern is compiled (and looked up by name)
 * when the ruleset loads, so loading stays linear and small. */
#define MAX_PATTERNS 1000
#define MAX_PATTERN_BYTES 4096

/* PCRE2's allocator for a ruleset's patterns: every byte of compiled code,
 * match data and backtracking frames is charged to the run's memory budget,
 * and refused once the run would pass its cap (the match then fails with
 * "out of memory" and the rule API stops the rule). */
typedef union pattern_block {
    size_t size;
    max_align_t align;
} pattern_block;

static void *pattern_alloc(size_t size, void *ud)
{
    if (size > SIZE_MAX / 2 || styr_membudget_take(ud, size + sizeof(pattern_block)) != 0)
        return NULL;
    pattern_block *b = malloc(size + sizeof *b);
    if (!b) {
        styr_membudget_give(ud, size + sizeof(pattern_block));
        return NULL;
    }
    b->size = size + sizeof *b;
    return b + 1;
}

static void pattern_release(void *ptr, void *ud)
{
    if (!ptr)
        return;
    pattern_block *b = (pattern_block *)ptr - 1;
    styr_membudget_give(ud, b->size);
    free(b);
}

static styr_status add_patterns(styr_ruleset *rs, const styr_doc *doc, const styr_node *pats, styr_error *err)
{
    if (pats->kind != STYR_NODE_MAP)
        return node_error(err, doc, pats, "%s",
                          SV(rs, "'patterns' ska koppla namn till reguljära uttryck",
                             "'patterns' must map names to regular expressions"));
    if (rs->npatterns + pats->count > MAX_PATTERNS)
        return node_error(err, doc, pats,
                          SV(rs, "fler än %d mönster (den här regeluppsättningen anger %u, de den bygger på %zu); "
                                 "en regeluppsättning rymmer högst %d",
                             "more than %d patterns (this ruleset names %u, its parents %zu); "
                             "a ruleset holds at most %d"),
                          MAX_PATTERNS, (unsigned)pats->count, rs->npatterns,
                          MAX_PATTERNS);
    for (uint32_t i = 0; i < pats->count; i++) {
        const styr_node *k = styr_map_key(pats, i), *v = styr_map_value(pats, i);
        if (!scalar_text(v))
            return node_error(err, doc, v, SV(rs, "mönstret '%s' ska vara en text", "pattern '%s' must be a text"), k->u.text);
        if (v->count > MAX_PATTERN_BYTES)
            return node_error(err, doc, v,
                              SV(rs, "mönstret '%.60s' är %u byte; ett mönster rymmer högst %d",
                                 "pattern '%.60s' is %u bytes; a pattern holds at most %d"),
                              k->u.text, (unsigned)v->count, MAX_PATTERN_BYTES);
        styr_pattern *re = styr_pattern_compile_in(k->u.text, v->u.text, v->count, &rs->pattern_mem, err);
        if (!re) {
            char msg[sizeof err->message];
            snprintf(msg, sizeof msg, "%s", err->message);
            return styr_error_set(err, STYR_E_RULESET, doc->file, v->line, v->column, "%s", msg);
        }
        size_t j;
        for (j = 0; j < rs->npatterns && strcmp(rs->patterns[j].name, k->u.text) != 0; j++)
            ;
        if (j < rs->npatterns) {
            styr_pattern_free(rs->patterns[j].re);   /* a child overrides a parent's */
            rs->patterns[j].re = re;
            continue;
        }
        styr_named_pattern *np = realloc(rs->patterns, (rs->npatterns + 1) * sizeof *np);
        char *name = strdup(k->u.text);
        if (!np || !name) {
            free(name);
            styr_pattern_free(re);
            if (np)
                rs->patterns = np;
            return styr_error_set(err, STYR_E_NOMEM, NULL, 0, 0, "out of memory");
        }
        rs->patterns = np;
        rs->patterns[rs->npatterns++] = (styr_named_pattern){name, re};
    }
    return STYR_OK;
}

const styr_pattern *styr_ruleset_pattern(const styr_ruleset *rs, const char *name)
{
    for (size_t i = 0; i < rs->npatterns; i++)
        if (strcmp(rs->patterns[i].name, name) == 0)
            return rs->patterns[i].re;
    return NULL;
}

const styr_node *styr_ruleset_setting(const styr_ruleset *rs, const char *name)
{
    for (size_t i = rs->nsettings; i-- > 0;) {
        const styr_node *v = styr_map_get(rs->settings[i], name, strlen(name));
        if (v)
            return v;
    }
    return NULL;
}

/* ---- Lua rule files ---------------------------------------------------- */


static int is_rule_file(const char *name)
{
    size_t n = strlen(name);
    return n > 4 && strcmp(name + n - 4, ".lua") == 0 && strcmp(name, "model.lua") != 0 && name[0] != '.';
}

static styr_status run_rule_file(styr_ruleset *rs, const char *path, styr_error *err)
{
    lua_State *L = styr_sandbox_lua(rs->sb);
    styr_sandbox_new_env(rs->sb, path);                      /* env */
    styr_ruleapi_fill_env(L, rs, -1);
    styr_status st = styr_sandbox_load(rs->sb, path, -1, err); /* env chunk */
    if (st == STYR_OK) {
        styr_sandbox_blame(rs->sb, NULL, path, 1);
        st = styr_sandbox_call(rs->sb, 0, 0, NULL, err);
        styr_sandbox_blame(rs->sb, NULL, NULL, 0);   /* path is freed after this */
        if (st != STYR_OK) {
            err->code = STYR_E_RULESET;
            st = STYR_E_RULESET;
            if (!err->file[0])
                snprintf(err->file, sizeof err->file, "%s", path);   /* at least the file */
        }
    }
    lua_pop(L, 1);
    return st;
}

static styr_status load_rule_files(styr_ruleset *rs, const char *dir, styr_error *err)
{
    DIR *d = opendir(dir);
    if (!d) {
        int e = errno;   /* ENOMEM too: opendir allocates */
        return styr_error_set(err, e == ENOMEM ? STYR_E_NOMEM : STYR_E_RULESET, dir, 0, 0,
                              SV(rs, "mappen med regeluppsättningen kan inte läsas: %s", "cannot read the ruleset folder: %s"),
                              styr_errno_text(e, rs->lim.lang == STYR_LANG_EN));
    }
    char **names = NULL;
    size_t n = 0;
    styr_status st = STYR_OK;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (!is_rule_file(e->d_name))
            continue;
        char **grown = realloc(names, (n + 1) * sizeof *names);
        if (!grown || !(grown[n] = strdup(e->d_name))) {
            names = grown ? grown : names;
            st = styr_error_set(err, STYR_E_NOMEM, NULL, 0, 0, "out of memory");
            break;
        }
        names = grown;
        n++;
    }
    closedir(d);
    if (st == STYR_OK && n > 1)
        qsort(names, n, sizeof *names, cmp_names);   /* a stable, documented order */
    for (size_t i = 0; i < n && st == STYR_OK; i++) {
        char *path = join(dir, names[i]);
        st = path ? run_rule_file(rs, path, err) : styr_error_set(err, STYR_E_NOMEM, NULL, 0, 0, "out of memory");
        free(path);
    }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    return st;
}

/* ---- one ruleset and its parents --------------------------------------- */

typedef struct pending_overrides {
    const styr_doc *doc;
    const styr_node *map;
} pending_overrides;

/* What loading a chain has seen: the severity overrides to apply once all
 * rules are in, and how many ruleset.yaml files were read (a ruleset named
 * by many parents is read each time before it is found loaded). */
typedef struct chain_state {
    pending_overrides ov[MAX_CHAIN];
    size_t nov;
    size_t visits;
} chain_state;

static styr_status load_chain(styr_ruleset *rs, const char *dir, int depth, chain_state *cs, styr_error *err);

static char *parent_dir(const char *dir, const char *name, const char *const *search, int english, styr_error *err)
{
    /* A sibling folder first, so a copied rules/ tree keeps working. */
    char *copy = strdup(dir);
    if (!copy) {
        nomem(err, english);
        return NULL;
    }
    char *slash = strrchr(copy, '/');
    char *cand = NULL;
    if (slash) {
        *slash = '\0';
        cand = join(copy, name);
    } else {
        cand = strdup(name);
    }
    free(copy);
    if (!cand) {
        nomem(err, english);
        return NULL;
    }
    if (is_dir(cand))
        return cand;
    free(cand);
    return styr_ruleset_locate(name, search, english, err);
}

static styr_status load_chain(styr_ruleset *rs, const char *dir, int depth, chain_state *cs, styr_error *err)
{
    styr_doc *meta;
    styr_status st = load_yaml(rs, dir, "ruleset.yaml", "ruleset", &meta, err);
    if (st != STYR_OK)
        return st;
    if (!meta) {
        char *p = join(dir, "ruleset.yaml");
        styr_error_set(err, STYR_E_RULESET, p ? p : dir, 0, 0, "%s",
                       SV(rs, "ingen regeluppsättning: ruleset.yaml saknas", "not a ruleset: ruleset.yaml is missing"));
        free(p);
        return STYR_E_RULESET;
    }
    static const char *const ruleset_keys[] = {"kind", "version", "name", "description", "extends",
                                               "severity", "patterns", "settings", NULL};
    if ((st = check_keys(rs, meta, meta->root, ruleset_keys, "ruleset.yaml", err)) != STYR_OK)
        return st;
    const styr_node *name = styr_map_get(meta->root, "name", 4);
    if (!scalar_text(name))
        return node_error(err, meta, name ? name : meta->root, "%s", SV(rs, "ruleset.yaml behöver ett namn (name)", "ruleset.yaml needs a name"));
    for (size_t i = 0; i < rs->nchain; i++)
        if (strcmp(rs->chain[i], name->u.text) == 0)
            return STYR_OK;   /* already loaded through another parent */

    const styr_node *ext = styr_map_get(meta->root, "extends", 7);
    if (ext) {
        if (depth >= MAX_EXTENDS_DEPTH)
            return node_error(err, meta, ext, "%s",
                              SV(rs, "'extends' går djupare än 8 regeluppsättningar (en cirkel?)",
                                 "'extends' goes deeper than 8 rulesets (a cycle?)"));
        uint32_t n = ext->kind == STYR_NODE_SEQ ? ext->count : 1;
        for (uint32_t i = 0; i < n; i++) {
            const styr_node *p = ext->kind == STYR_NODE_SEQ ? styr_seq_item(ext, i) : ext;
            if (!scalar_text(p))
                return node_error(err, meta, p, "%s",
                                  SV(rs, "'extends' anger regeluppsättningar, t.ex. extends: [core]",
                                     "'extends' names rulesets, e.g. extends: [core]"));
            if (strcmp(p->u.text, name->u.text) == 0)
                return node_error(err, meta, p,
                                  SV(rs, "regeluppsättningen '%s' kan inte bygga på sig själv", "ruleset '%s' cannot extend itself"),
                                  p->u.text);
            if (++cs->visits > 4 * MAX_CHAIN)
                return node_error(err, meta, p,
                                  SV(rs, "regeluppsättningarna nämner varandra i 'extends' mer än %d gånger; förenkla 'extends'",
                                     "the rulesets name one another in 'extends' more than %d times; simplify 'extends'"),
                                  4 * MAX_CHAIN);
            styr_error perr;
            styr_error_clear(&perr);
            char *pdir = parent_dir(dir, p->u.text, (const char *const *)rs->search, rs->lim.lang == STYR_LANG_EN, &perr);
            if (!pdir && perr.code == STYR_E_NOMEM) {
                *err = perr;
                return STYR_E_NOMEM;
            }
            if (!pdir)
                return node_error(err, meta, p,
                                  SV(rs, "hittar inte regeluppsättningen '%s' som den här bygger på",
                                     "cannot find the ruleset '%s' this one extends"),
                                  p->u.text);
            st = load_chain(rs, pdir, depth + 1, cs, err);
            free(pdir);
            if (st != STYR_OK)
                return st;
        }
    }

    if (rs->nchain >= MAX_CHAIN)
        return node_error(err, meta, name,
                          SV(rs, "mer än %d regeluppsättningar bygger på varandra här; en kedja rymmer högst %d",
                             "more than %d rulesets extend one another here; a ruleset chain holds at most %d"),
                          MAX_CHAIN, MAX_CHAIN);
    char **chain = realloc(rs->chain, (rs->nchain + 1) * sizeof *chain);
    if (chain)
        rs->chain = chain;
    char **dirs = realloc(rs->chain_dirs, (rs->nchain + 1) * sizeof *dirs);
    if (dirs)
        rs->chain_dirs = dirs;
    if (!chain || !dirs)
        return styr_error_set(err, STYR_E_NOMEM, NULL, 0, 0, "out of memory");
    rs->chain[rs->nchain] = strdup(name->u.text);
    rs->chain_dirs[rs->nchain] = strdup(dir);
    if (!rs->chain[rs->nchain] || !rs->chain_dirs[rs->nchain]) {
        free(rs->chain[rs->nchain]);
        free(rs->chain_dirs[rs->nchain]);
        return styr_error_set(err, STYR_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    rs->loading_ruleset = rs->chain[rs->nchain++];

    const styr_node *pats = styr_map_get(meta->root, "patterns", 8);
    if (pats && (st = add_patterns(rs, meta, pats, err)) != STYR_OK)
        return st;
    const styr_node *settings = styr_map_get(meta->root, "settings", 8);
    if (settings) {
        if (settings->kind != STYR_NODE_MAP)
            return node_error(err, meta, settings, "%s", SV(rs, "'settings' ska vara en mappning", "'settings' must be a mapping"));
        const styr_node **s = realloc(rs->settings, (rs->nsettings + 1) * sizeof *s);
        if (!s)
            return styr_error_set(err, STYR_E_NOMEM, NULL, 0, 0, "out of memory");
        rs->settings = s;
        rs->settings[rs->nsettings++] = settings;
    }
    const styr_node *sev = styr_map_get(meta->root, "severity", 8);
    if (sev) {
        if (sev->kind != STYR_NODE_MAP)
            return node_error(err, meta, sev, "%s",
                              SV(rs, "'severity' ska koppla regel-id till error, warning, info eller off",
                                 "'severity' must map rule ids to error, warning, info or off"));
        cs->ov[cs->nov++] = (pending_overrides){meta, sev};
    }

    styr_doc *reg;
    if ((st = load_yaml(rs, dir, "registry.yaml", "registry", &reg, err)) != STYR_OK)
        return st;
    if (reg && (st = add_registry(rs, reg, err)) != STYR_OK)
        return st;
    styr_doc *schema;
    if ((st = load_yaml(rs, dir, "schema.yaml", "schema", &schema, err)) != STYR_OK)
        return st;
    if (schema && (st = add_schema_rules(rs, schema, err)) != STYR_OK)
        return st;
    st = load_rule_files(rs, dir, err);
    if (st == STYR_OK)
        st = styr_model_load(rs, dir, err);
    rs->loading_ruleset = NULL;
    return st;
}

static styr_status apply_overrides(styr_ruleset *rs, const pending_overrides *ov, size_t nov, styr_error *err)
{
    for (size_t i = 0; i < nov; i++) {
        const styr_node *m = ov[i].map;
        for (uint32_t j = 0; j < m->count; j++) {
            const styr_node *k = styr_map_key(m, j), *v = styr_map_value(m, j);
            styr_rule *r = styr_ruleset_rule(rs, k->u.text, k->count);
            if (!r) {
                const char **ids = malloc((rs->nrules ? rs->nrules : 1) * sizeof *ids);
                long near = -1;
                if (ids) {
                    for (size_t x = 0; x < rs->nrules; x++)
                        ids[x] = rs->rules[x].id;
                    near = styr_nearest(k->u.text, k->count, ids, rs->nrules);
                }
                char hint[200] = "";
                if (near >= 0)
                    snprintf(hint, sizeof hint, SV(rs, " (menade du '%s'?)", " (did you mean '%s'?)"), ids[near]);
                free(ids);
                return node_error(err, ov[i].doc, k,
                                  SV(rs, "severity anges för en okänd regel '%s'%s", "severity is set for an unknown rule '%s'%s"),
                                  k->u.text, hint);
            }
            styr_severity s;
            if (!scalar_text(v) || !styr_severity_parse(v->u.text, &s))
                return node_error(err, ov[i].doc, v,
                                  SV(rs, "severity för '%s' ska vara error, warning, info eller off",
                                     "severity of '%s' must be error, warning, info or off"),
                                  k->u.text);
            r->severity = s;
        }
    }
    return STYR_OK;
}

/* A NULL-terminated copy of search (the default path when NULL). */
static char **copy_path(const char *const *search)
{
    if (!search)
        search = styr_ruleset_default_path();
    size_t n = path_count(search);
    char **out = calloc(n + 1, sizeof *out);
    for (size_t i = 0; out && i < n; i++)
        if (!(out[i] = strdup(search[i]))) {
            for (size_t k = 0; k < i; k++)
                free(out[k]);
            free(out);
            return NULL;
        }
    return out;
}

styr_status styr_ruleset_load(const char *spec, const styr_limits *lim,
                              styr_ruleset **out, styr_error *err)
{
    return styr_ruleset_load_from(spec, NULL, lim, out, err);
}

styr_status styr_ruleset_load_from(const char *spec, const char *const *search, const styr_limits *lim,
                                   styr_ruleset **out, styr_error *err)
{
    *out = NULL;
    styr_ruleset *rs = calloc(1, sizeof *rs);
    if (!rs)
        return styr_error_set(err, STYR_E_NOMEM, NULL, 0, 0, "out of memory");
    if (!(rs->search = copy_path(search))) {
        free(rs);
        return styr_error_set(err, STYR_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    rs->lim = *lim;
    rs->registry = LUA_NOREF;
    styr_strmap_init(&rs->rule_index);
    styr_status st;
    chain_state cs = {.nov = 0, .visits = 0};
    if (!(rs->dir = styr_ruleset_locate(spec, (const char *const *)rs->search, lim->lang == STYR_LANG_EN, err))) {
        st = err->code;
        goto fail;
    }
    if (!(rs->sb = styr_sandbox_new(lim, err))) {
        st = err->code;
        goto fail;
    }
    styr_ruleapi_init(styr_sandbox_lua(rs->sb));
    rs->pattern_mem = (styr_pattern_mem){pattern_alloc, pattern_release,
                                         styr_membudget_ref(styr_sandbox_budget(rs->sb)),
                                         /* one match's frames: a quarter of the rules' memory */
                                         styr_sandbox_cap(rs->sb) / 4 / 1024 < 65536
                                             ? (unsigned)(styr_sandbox_cap(rs->sb) / 4 / 1024) : 65536u};
    new_registry(rs);
    if ((st = load_chain(rs, rs->dir, 0, &cs, err)) != STYR_OK)
        goto fail;
    if ((st = apply_overrides(rs, cs.ov, cs.nov, err)) != STYR_OK)
        goto fail;
    if ((st = styr_capacity_check(rs, err)) != STYR_OK)
        goto fail;
    rs->name = strdup(rs->nchain ? rs->chain[rs->nchain - 1] : spec);
    if (!rs->name) {
        st = styr_error_set(err, STYR_E_NOMEM, NULL, 0, 0, "out of memory");
        goto fail;
    }
    *out = rs;
    return STYR_OK;
fail:
    styr_ruleset_free(rs);
    return st;
}

void styr_ruleset_free(styr_ruleset *rs)
{
    if (!rs)
        return;
    styr_ruleset_free(rs->retired);
    styr_ruleset_free(rs->helper);
    /* Lua first: its views point into the documents freed below. */
    styr_sandbox_free(rs->sb);
    styr_model_free(rs->model);
    for (size_t i = 0; i < rs->nrules; i++)
        rule_free_fields(&rs->rules[i]);
    free(rs->rules);
    styr_strmap_free(&rs->rule_index);
    for (size_t i = 0; i < rs->ndocs; i++)
        styr_doc_free(rs->docs[i]);
    free(rs->docs);
    free(rs->settings);
    free(rs->schemas);
    for (size_t i = 0; i < rs->npatterns; i++) {
        free(rs->patterns[i].name);
        styr_pattern_free(rs->patterns[i].re);
    }
    free(rs->patterns);
    if (rs->pattern_mem.ud)
        styr_membudget_unref(rs->pattern_mem.ud);
    for (size_t i = 0; i < rs->nchain; i++) {
        free(rs->chain[i]);
        free(rs->chain_dirs[i]);
    }
    free(rs->chain);
    free(rs->chain_dirs);
    free(rs->name);
    free(rs->dir);
    for (size_t i = 0; rs->search && rs->search[i]; i++)
        free(rs->search[i]);
    free(rs->search);
    free(rs);
}
