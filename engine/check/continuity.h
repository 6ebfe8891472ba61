/* continuity.h - the plan a new plan follows (`styr validate --previous`):
 * an earlier plan, or a follow-up of it (then its statuses say which actions
 * were done). Rules read it through the Lua table `previous`; actions point
 * at it with `previous: "2018-2019:4.3"`. */
#ifndef STYR_CONTINUITY_H
#define STYR_CONTINUITY_H

#include <lua.h>

#include "doc.h"
#include "followup.h"
#include "ruleset.h"

typedef struct styr_previous {
    styr_doc *doc;               /* the earlier plan when given directly */
    styr_followup fu;            /* or the follow-up of it (fu.plan_doc is the plan) */
    int from_followup;
    const styr_node *root;       /* the earlier plan's root */
    char *period;                /* "2018-2019", or NULL without a period */
    const char *id;              /* its id: slug, or NULL */
    char *file;                  /* the file named on the command line */
} styr_previous;

/* Loads FILE: an action plan, or a follow-up (kind: follow-up) whose plan
 * is then the previous plan. An unreadable file, or one of another kind, is
 * an error with file and line. p must be freed with styr_previous_free. */
styr_status styr_previous_load(styr_ruleset *rs, const styr_run_opts *opts, const char *path, const styr_limits *lim, styr_previous *p,
                               styr_error *err);
void styr_previous_free(styr_previous *p);

/* Lua, registered by styr_check_init under `previous`:
 *   previous.loaded()      whether --previous was given
 *   previous.plan()        the earlier plan (a read-only view), or nil
 *   previous.names()       the names that refer to it in `previous:` (its
 *                          period "2018-2019" and its id), a list
 *   previous.status(id)    the follow-up's status of its action id, or nil
 *                          (always nil when a plan was given) */
int styr_previous_api_loaded(lua_State *L);
int styr_previous_api_plan(lua_State *L);
int styr_previous_api_names(lua_State *L);
int styr_previous_api_status(lua_State *L);

#endif
