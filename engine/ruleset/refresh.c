/* refresh.c - a fresh copy of a ruleset's rules for the next input file. */
#include "ruleset.h"

#include <stdlib.h>
#include <string.h>

styr_ruleset *styr_ruleset_refresh(styr_ruleset *rs, styr_error *err)
{
    styr_ruleset *fresh = NULL;
    styr_limits lim = rs->lim;
    lim.budget = NULL;   /* the old state's memory goes with it */
    if (styr_ruleset_load_from(rs->dir, (const char *const *)rs->search, &lim, &fresh, err) != STYR_OK)
        return NULL;
    /* The same folder gives the same rules in the same order, so per-rule
     * run state (styr_run_opts.stats) keeps its indexes. */
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
