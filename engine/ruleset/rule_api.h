/* rule_api.h - the rule API: what a rule file sees besides the safe standard
 * library (see rules/README.md for the documentation rule authors read). */
#ifndef STYR_RULE_API_H
#define STYR_RULE_API_H

#include <lauxlib.h>
#include <lua.h>

#include "ruleset.h"
#include "run.h"

/* Sets up what the API shares across rule files (the node metatable). */
void styr_ruleapi_init(lua_State *L);

/* Fills the environment table at env_index with the API, bound to rs. Each
 * file gets its own API tables, so no rule can alter what another sees. */
void styr_ruleapi_fill_env(lua_State *L, styr_ruleset *rs, int env_index);

/* What a report() checks beyond the texts it shows: the templates of the
 * other language (also; NULL for none), and, set on return, the first
 * placeholder of any of them that had no value ("{hint}"), or "". */
typedef struct styr_ruleapi_fill_check {
    const char *also[2];
    char missed[72];
} styr_ruleapi_fill_check;

/* Formats a message template and, from the same values, a second one (a
 * message and its remedy): every {name} is replaced by tostring(args.name)
 * from the table at args_index (0 for none); {action} defaults to action;
 * unknown names are left as written. Returns a malloc'd string or NULL; the
 * second goes into *out2 (NULL when tmpl2 is NULL or out of memory); check
 * (when not NULL) as above. */
char *styr_ruleapi_format_pair(lua_State *L, const char *tmpl, const char *tmpl2, int args_index,
                               const char *action, char **out2, styr_ruleapi_fill_check *check);

/* Makes run the file being judged by the rules of L (NULL when the run
 * ends). The rule API reads the plan, reports findings and picks the
 * language through it; outside a run, report() and the plan's lookups fail. */
void styr_ruleapi_set_run(lua_State *L, styr_run *run);

/* The run in progress (for the functions other layers add), or NULL. */
styr_run *styr_ruleapi_current_run(lua_State *L);

/* Adds the table `name` of functions fns (static, NULL-terminated; each gets
 * the ruleset as its first upvalue) to the environment of every rule file
 * loaded from now on. A name already added is left as it is. Returns 0, or
 * -1 when there is no room. Layers above this one (check/) register theirs
 * before any ruleset loads (styr_check_init). */
int styr_ruleapi_extend(const char *name, const luaL_Reg *fns);

#endif
