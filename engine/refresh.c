/* refresh.c - a fresh copy of a ruleset's rules for the next input file. */
#include "ruleset.h"

#include <stdlib.h>
#include <string.h>

styr_ruleset *styr_ruleset_refresh(styr_ruleset *rs, styr_error *err)
{
    styr_ruleset *fresh = NULL;
    styr_limits lim = rs->lim;
    lim.budget = NULL;   /* the old state's memory goes with it */
    if (styr_ruleset_load(rs->dir, &lim, &fresh, err) != STYR_OK)
        return NULL;
    /* The same folder gives the same rules in the same order. */
    for (size_t i = 0; i < fresh->nrules && i < rs->nrules; i++)
        if (strcmp(fresh->rules[i].id, rs->rules[i].id) == 0) {
            fresh->rules[i].seconds = rs->rules[i].seconds;
            fresh->rules[i].calls = rs->rules[i].calls;
        }
    fresh->lang = rs->lang;
    fresh->profile = rs->profile;
    fresh->threads = rs->threads;
    fresh->helper_failed = rs->helper_failed;
    /* Close the old copy's Lua state (and its helper) now; keep its strings,
     * which earlier findings name, until the fresh copy is freed. */
    styr_ruleset_free(rs->helper);
    rs->helper = NULL;
    styr_sandbox_free(rs->sb);
    rs->sb = NULL;
    fresh->retired = rs;
    return fresh;
}
