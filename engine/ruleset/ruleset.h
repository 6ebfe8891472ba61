/* ruleset.h - a ruleset folder loaded at run time: its rules (Lua), registry,
 * schema, patterns, settings and severity overrides, with `extends` resolved
 * parents first. A ruleset owns the sandbox its rules live in. */
#ifndef STYR_RULESET_H
#define STYR_RULESET_H

#include <stddef.h>

#include "doc.h"
#include "error.h"
#include "findings.h"
#include "run_limits.h"
#include "model.h"
#include "pattern.h"
#include "run.h"
#include "sandbox.h"
#include "strmap.h"

typedef enum styr_scope {
    STYR_SCOPE_PLAN = 0,   /* once per action plan, with its root */
    STYR_SCOPE_STRATEGY,   /* each strategies[] entry */
    STYR_SCOPE_ACTION,     /* each actions[] entry */
    STYR_SCOPE_AREAS,      /* once per innovation-areas file */
    STYR_SCOPE_AREA,       /* each areas[] entry */
    STYR_SCOPE_SCENARIO,   /* once per scenario file */
    STYR_SCOPE_FOLLOWUP,   /* once per follow-up file, with its plan */
    STYR_SCOPE_FOLLOWUP_ACTION, /* each actions[] entry of a follow-up */
    STYR_SCOPE_ENGINE,     /* findings made by the engine itself (schema) */
    STYR_SCOPE_COUNT
} styr_scope;

/* "plan", "strategy", ...; styr_scope_parse returns -1 for an unknown name. */
const char *styr_scope_name(styr_scope s);
int styr_scope_parse(const char *s);

typedef struct styr_rule {
    char *id;
    styr_severity severity;      /* in force, after the rulesets' overrides */
    styr_severity declared;      /* as the rule declared it */
    styr_scope scope;
    int fn;                      /* Lua registry ref of check(), or LUA_NOREF */
    char *message[2];            /* template, by STYR_LANG_*; {name} placeholders */
    char *description[2];
    char *remediation[2];
    char *file;                  /* where it was declared */
    char *source;                /* where its requirement comes from: a seed line,
                                    the city's riktlinje, or "house policy"; or NULL */
    unsigned line;
    char *ruleset;               /* name of the ruleset that declared it */
} styr_rule;

typedef struct styr_named_pattern {
    char *name;
    styr_pattern *re;
} styr_named_pattern;

typedef struct styr_ruleset {
    char *name;                  /* the ruleset asked for */
    char *dir;                   /* the folder loaded (ruleset_path in JSON) */
    char **search;               /* the folders a name is looked up in, NULL-terminated */
    char **chain;                /* names loaded, parents first */
    char **chain_dirs;           /* their folders */
    size_t nchain;
    styr_rule *rules;
    size_t nrules, caprules;
    styr_strmap rule_index;      /* id -> (index + 1) */
    styr_doc **docs;             /* YAML files kept alive for their nodes */
    size_t ndocs;
    const styr_node **settings;  /* each ruleset's settings map, parents first */
    size_t nsettings;
    const styr_node *schema;     /* the last schema.yaml's `types:` map, or NULL */
    const styr_node **schemas;   /* every schema.yaml's `types:` map, parents first:
                                    a child's types and fields add to its parents' */
    size_t nschemas;
    styr_named_pattern *patterns;
    size_t npatterns;
    /* PCRE2's memory for the patterns, charged to the run's budget (a
     * reference held until the patterns are freed, after the Lua state). */
    styr_pattern_mem pattern_mem;
    styr_sandbox *sb;
    styr_limits lim;
    int registry;                /* Lua registry ref of the registry index */
    const char *loading_ruleset; /* while loading: whose files run */
    styr_model *model;           /* from model.lua, or NULL */
    /* A cache, not run state: a second copy of this ruleset in its own Lua
     * state that judges half the actions of a large plan on another core.
     * Loaded from the same folder when first needed; it never changes what
     * the ruleset says. */
    struct styr_ruleset *helper;
    int helper_failed;           /* it would not load: stay on one core */
    struct styr_ruleset *retired; /* earlier copies (styr_ruleset_refresh): their
                                    Lua state closed, their rule ids still named
                                    by earlier files' findings */
} styr_ruleset;

/* Finds a ruleset by DIR (anything with a '/', or an existing folder) or by
 * NAME, looked up in each folder of search in turn (a NULL-terminated list,
 * copied; NULL means styr_ruleset_default_path()), and loads it with the
 * parents it extends (a sibling folder first, then the same search). On
 * failure err names the file, line and column of the problem
 * (STYR_E_RULESET, or STYR_E_RULE when a rule file crashes while loading). */
styr_status styr_ruleset_load_from(const char *spec, const char *const *search, const styr_limits *lim,
                                   styr_ruleset **out, styr_error *err);

/* styr_ruleset_load_from with the default search path. */
styr_status styr_ruleset_load(const char *spec, const styr_limits *lim,
                              styr_ruleset **out, styr_error *err);

/* The built-in search path: the installed data folder, found relative to
 * the executable (a relocated install) and at the configured prefix
 * (<prefix>/share/styr/rules). Never the source tree. NULL-terminated,
 * static. */
const char *const *styr_ruleset_default_path(void);
void styr_ruleset_free(styr_ruleset *rs);

/* A fresh copy of rs's rules - a new Lua state, rule files run again - so
 * that nothing a rule kept from one input file (globals, tables in upvalues)
 * reaches the next. Returns the copy, which owns rs from then on: rs's Lua
 * state is closed, its rule ids (which earlier findings name) stay until the
 * copy is freed. Language, profile and thread settings and the profile's
 * counters carry over. On failure returns NULL with err set; rs is
 * unchanged. (refresh.c) */
styr_ruleset *styr_ruleset_refresh(styr_ruleset *rs, styr_error *err);

/* The rule with this id, or NULL. */
styr_rule *styr_ruleset_rule(const styr_ruleset *rs, const char *id, size_t len);

/* The named pattern, or NULL. */
const styr_pattern *styr_ruleset_pattern(const styr_ruleset *rs, const char *name);

/* The registry entry of kind ("owner", "program", "funder", "report") that
 * name (len bytes) spells - its name, an alias or an office, folded - or NULL. */
const styr_node *styr_ruleset_registry(const styr_ruleset *rs, const char *kind, const char *name, size_t len);

/* The setting `name` (children override parents), or NULL. */
const styr_node *styr_ruleset_setting(const styr_ruleset *rs, const char *name);

/* Adds a rule (used by the Lua `rule{}` call and for schema rules); takes
 * ownership of nothing: strings are copied. Returns the rule or NULL with
 * err filled (duplicate id within one ruleset, bad id). */
styr_rule *styr_ruleset_add_rule(styr_ruleset *rs, const styr_rule *proto, styr_error *err);

/* The folder that NAME or DIR resolves to in search (as for
 * styr_ruleset_load_from; malloc'd), or NULL with err filled (in English
 * when english is set, else in Swedish). */
char *styr_ruleset_locate(const char *spec, const char *const *search, int english, styr_error *err);

#endif
