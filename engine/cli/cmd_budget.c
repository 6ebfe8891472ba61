/* cmd_budget.c - `styr budget PLAN`: the plan's money and FTE year by year,
 * against its budget block, per owner and per funder (FORMATS.md 13). */
#include <stdlib.h>
#include <string.h>

#include "budget.h"
#include "cli.h"
#include "doc.h"
#include "output.h"
#include "report.h"
#include "report_budget.h"
#include "styr.h"

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
    styr_status st = styr_doc_load_file(o->files[0], &o->lim, &doc, &err);
    if (st == STYR_OK) {
        const styr_node *kind = doc->root && doc->root->kind == STYR_NODE_MAP ? styr_map_get(doc->root, "kind", 4) : NULL;
        if (!kind || kind->kind != STYR_NODE_SCALAR || strcmp(kind->u.text, "action-plan") != 0)
            st = styr_error_set(&err, STYR_E_INPUT, doc->file, kind ? kind->line : 1, kind ? kind->column : 1,
                                "budget reads an action plan (kind: action-plan)");
    }
    if (st == STYR_OK)
        st = styr_budget_compute(rs, doc, doc->file, &b, &err);
    if (st != STYR_OK) {
        styr_error_print(&err, stderr);
        rc = EXIT_FAILED;
    } else if (!o->quiet) {
        sink out;
        styr_report_opts ro = {o->lang, cli_use_color(o), rs->name, STYR_VERSION_STRING, 0, rs->dir, 0};
        if (sink_open(&out, o->output) < 0) {
            rc = EXIT_FAILED;
        } else {
            if (strcmp(o->format, "json") == 0)
                styr_report_budget_json(out.f, &b, &ro);
            else if (strcmp(o->format, "markdown") == 0)
                styr_report_budget_markdown(out.f, &b, &ro);
            else if (strcmp(o->format, "csv") == 0)
                styr_report_budget_csv(out.f, &b, &ro);
            else if (strcmp(o->format, "html") == 0)
                styr_report_budget_html(out.f, &b, &ro);
            else
                styr_report_budget_text(out.f, &b, &ro);
            if (sink_close(&out) < 0)
                rc = EXIT_FAILED;
        }
    }
    styr_budget_free(&b);
    styr_doc_free(doc);
    styr_ruleset_free(rs);
    return rc;
}
