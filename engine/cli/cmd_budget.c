/* cmd_budget.c - `styr budget PLAN`: the plan's money and FTE year by year,
 * against its budget block, per owner and per funder (FORMATS.md 13). */
#include <stdlib.h>
#include <string.h>

#include "budget.h"
#include "cli.h"
#include "cli_lang.h"
#include "doc.h"
#include "report.h"
#include "report_dispatch.h"
#include "styr.h"
#include "plan_sheets.h"

int cmd_budget(options *o)
{
    styr_ruleset *rs = cli_load_ruleset(o);
    if (!rs)
        return EXIT_FAILED;
    styr_doc *doc = NULL;
    styr_budget b;
    memset(&b, 0, sizeof b);
    styr_error err;
    styr_error_clear(&err);
    int rc = EXIT_CLEAN;
    styr_status st = styr_doc_load_any(o->files[0], &o->lim, &doc, &err);   /* YAML or .xlsx */
    if (st == STYR_OK) {
        const styr_node *kind = doc->root && doc->root->kind == STYR_NODE_MAP ? styr_map_get(doc->root, "kind", 4) : NULL;
        if (!kind || kind->kind != STYR_NODE_SCALAR || strcmp(kind->u.text, "action-plan") != 0)
            st = styr_error_set(&err, STYR_E_INPUT, doc->file, kind ? kind->line : 1, kind ? kind->column : 1,
                                "budget reads an action plan (kind: action-plan)");
    }
    if (st == STYR_OK)
        st = styr_budget_compute(rs, doc, doc->file, &b, &err);
    if (st != STYR_OK) {
        styr_error_print(&err, stderr, cli_english());
        rc = EXIT_FAILED;
    } else if (!o->quiet) {
        styr_report_opts ro = {o->lang, cli_use_color(o), rs->name, STYR_VERSION_STRING, 0, rs->dir, 0};
        rc = cli_write_report(o, styr_budget_formats, &b, &ro);
    }
    styr_budget_free(&b);
    styr_doc_free(doc);
    styr_ruleset_free(rs);
    return rc;
}
