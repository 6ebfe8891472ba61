/* run.c - the state of one run over one file (see run.h). */
#include "run.h"

#include <stdlib.h>
#include <string.h>

#include "ruleset.h"
#include "text.h"

void styr_run_opts_default(styr_run_opts *o)
{
    o->lang = STYR_LANG_SV;
    o->threads = 0;
    o->stats = NULL;
    o->previous = NULL;
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

int styr_run_init(styr_run *run, const styr_ruleset *rs, const styr_run_opts *opts, styr_file_result *res)
{
    memset(run, 0, sizeof *run);
    run->rs = rs;
    run->opts = opts;
    run->res = res;
    styr_strmap_init(&run->item_ids);
    styr_strmap_init(&run->strategy_ids);
    styr_strmap_init(&run->strategy_use);
    run->crashed = calloc(rs->nrules ? rs->nrules : 1, sizeof *run->crashed);
    run->retained = calloc(rs->nrules ? rs->nrules : 1, sizeof *run->retained);
    return run->crashed && run->retained ? 0 : -1;
}

void styr_run_free(styr_run *run)
{
    styr_strmap_free(&run->item_ids);
    styr_strmap_free(&run->strategy_ids);
    styr_strmap_free(&run->strategy_use);
    styr_nearest_index_free(&run->strategy_hints);
    free(run->strategy_names);
    run->strategy_names = NULL;
    run->strategy_hints_built = 0;
    free(run->crashed);
    free(run->retained);
    run->crashed = NULL;
    run->retained = NULL;
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
