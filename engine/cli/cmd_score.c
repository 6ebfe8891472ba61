/* cmd_score.c - `styr score`, `styr sensitivity` and `styr report`: one
 * prioritisation run (engine/score) written in the chosen format. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "cli_lang.h"
#include "doc.h"
#include "output.h"
#include "prioritise.h"
#include "report.h"
#include "report_html.h"
#include "report_score.h"
#include "styr.h"
#include "xlsx_score.h"
#include "validate.h"
#include "plan_sheets.h"

typedef struct score_ctx {
    styr_ruleset *rs;
    styr_prioritisation p;
    styr_score_report report;   /* what the writers read of p */
    int rc;
} score_ctx;

/* Loads and judges the areas file and every scenario, builds the table and
 * scores each scenario without errors. Returns 0, or -1 after printing why
 * the run cannot go on (ctx->rc is then 2). */
static int prepare_score(options *o, const char *areas_file, score_ctx *c)
{
    memset(c, 0, sizeof *c);
    c->rc = EXIT_CLEAN;
    if (!areas_file) {
        cli_usage_error(o, "%s", CLI_SV("ange en fil med innovationsområden (kind: innovation-areas), sedan --scenario FIL",
                                        "give one areas file (kind: innovation-areas), then --scenario FILE"));
        c->rc = EXIT_FAILED;
        return -1;
    }
    c->rs = cli_load_ruleset(o);
    if (!c->rs) {
        c->rc = EXIT_FAILED;
        return -1;
    }
    if (!c->rs->model) {
        fprintf(stderr,
                CLI_SV("styr: regeluppsättningen '%s' har ingen model.lua och kan inte poängsätta områden\n",
                       "styr: the ruleset '%s' has no model.lua; it cannot score areas\n"),
                c->rs->name);
        c->rc = EXIT_FAILED;
        return -1;
    }
    styr_error err;
    styr_error_clear(&err);
    if (styr_prioritise(c->rs, &o->run, areas_file, (const char *const *)o->scenarios, o->nscenarios, &o->lim, &c->p,
                        &err) != STYR_OK) {
        styr_error_print(&err, stderr, cli_english());
        c->rc = EXIT_FAILED;
        return -1;
    }
    cli_judge_exit(o, &c->p.areas, &c->rc);
    if (c->p.table.nrule_errors)
        cli_worse(&c->rc, EXIT_FAILED);
    for (size_t k = 0; k < c->p.nsc; k++) {
        const styr_scenario_run *sr = &c->p.sc[k];
        if (sr->failed)
            cli_worse(&c->rc, EXIT_FAILED);
        else
            cli_judge_exit(o, &sr->res, &c->rc);
        if (sr->scored && sr->s.infeasible)
            cli_worse(&c->rc, EXIT_FINDINGS);   /* an impossible portfolio is a problem to act on */
    }
    c->report = (styr_score_report){c->rs, &c->p.areas, &c->p.table, c->p.sc, c->p.nsc, 0, 0, c->p.areas_doc};
    /* Made-up data says so in every output (FORMATS.md: `illustrative: true`). */
    const styr_node *ill = c->p.areas_doc && c->p.areas_doc->root && c->p.areas_doc->root->kind == STYR_NODE_MAP
                               ? styr_map_get(c->p.areas_doc->root, "illustrative", 12) : NULL;
    c->report.illustrative = ill && ill->kind == STYR_NODE_SCALAR && ill->stype == STYR_SCALAR_BOOL && ill->v.i;
    return 0;
}

static void free_score(score_ctx *c)
{
    styr_prioritisation_free(&c->p);
    styr_ruleset_free(c->rs);
}

typedef struct score_book {
    const styr_score_report *r;
    const styr_report_opts *ro;
} score_book;

static styr_status write_score_book(const char *path, void *ctx, styr_error *err)
{
    score_book *b = ctx;
    return styr_xlsx_write_score(path, b->r, b->ro, err);
}

int cmd_score(options *o)
{
    score_ctx c;
    if (prepare_score(o, o->nfiles == 1 ? o->files[0] : NULL, &c) < 0) {
        free_score(&c);
        return c.rc;
    }
    int rc = c.rc;
    if (!o->quiet && strcmp(o->format, "xlsx") == 0) {
        styr_report_opts ro = {o->lang, 0, c.rs->name, STYR_VERSION_STRING, 0, c.rs->dir, 0};
        score_book b = {&c.report, &ro};
        cli_worse(&rc, cli_write_workbook(o->output, write_score_book, &b));
        cli_tell_in_workbook_runs(o, &c.p.areas);
        for (size_t k = 0; k < c.p.nsc; k++) {
            cli_tell_in_workbook_runs(o, &c.p.sc[k].res);
            if (c.p.sc[k].failed)
                styr_error_print(&c.p.sc[k].failure, stderr, cli_english());
        }
    } else if (!o->quiet) {
        sink out;
        if (sink_open(&out, o->output) < 0) {
            free_score(&c);
            return EXIT_FAILED;
        }
        styr_score_report *r = &c.report;
        r->explain = o->explain;
        styr_report_opts ro = {o->lang, cli_use_color(o), c.rs->name, STYR_VERSION_STRING, 0, c.rs->dir, 0};
        ro.no_remediation = o->no_remediation;
        if (strcmp(o->format, "json") == 0)
            styr_report_score_json(out.f, r, &ro);
        else if (strcmp(o->format, "markdown") == 0)
            styr_report_score_markdown(out.f, r, &ro);
        else if (strcmp(o->format, "csv") == 0)
            styr_report_score_csv(out.f, r, &ro);
        else if (strcmp(o->format, "html") == 0) {
            styr_html_input in = {c.rs, NULL, NULL, 0, r, NULL, 0, STYR_AUDIENCE_DEFAULT};
            styr_report_html(out.f, &in, &ro);
        } else
            styr_report_score_text(out.f, r, &ro);
        if (sink_close(&out) < 0)
            cli_worse(&rc, EXIT_FAILED);
    }
    free_score(&c);
    return rc;
}

typedef struct progress_state { int shown; } progress_state;

/* Shows how far sampling has come, on a terminal only. */
static int show_progress(void *ud, uint64_t done, uint64_t total)
{
    progress_state *p = ud;
    fprintf(stderr, CLI_SV("\rstyr: drar vikter %3d%%", "\rstyr: sampling %3d%%"), total ? (int)(100 * done / total) : 100);
    p->shown = 1;
    return 0;
}

/* Runs SMAA for scenario k of c (if it was scored) into sens, whose base is
 * c's report.
 * Returns 0, or -1 after printing why it failed. */
static int run_sensitivity_of(const options *o, score_ctx *c, size_t k, styr_sensitivity *sens)
{
    progress_state ps = {0};
    styr_sensitivity_opts so = {
        .samples = o->samples, .seed = o->seed, .spread = o->spread, .threads = o->threads, .scenario = k,
        .progress = isatty(STDERR_FILENO) && o->samples >= 200000 ? show_progress : NULL, .progress_ud = &ps};
    styr_error err;
    styr_error_clear(&err);
    styr_status st = styr_sensitivity_run(c->rs, &c->p, &so, sens, &err);
    sens->base = &c->report;
    if (ps.shown)
        fputs("\r                         \r", stderr);
    if (st != STYR_OK) {
        styr_error_localise(&err, cli_english());
        fprintf(stderr, "styr: %s\n", err.message);
        return -1;
    }
    return 0;
}

static int run_sensitivity(const options *o, score_ctx *c, styr_sensitivity *sens)
{
    return run_sensitivity_of(o, c, 0, sens);
}

int cmd_sensitivity(options *o)
{
    if (o->nscenarios > 1)
        return cli_usage_error(o, "%s", CLI_SV("sensitivity tar ett --scenario", "sensitivity takes one --scenario"));
    score_ctx c;
    if (prepare_score(o, o->nfiles == 1 ? o->files[0] : NULL, &c) < 0) {
        free_score(&c);
        return c.rc;
    }
    int rc = c.rc;
    styr_sensitivity sens;
    /* Sampling that failed (memory) leaves no report to write: -o stays as
     * it was rather than take a page without its rank acceptability. */
    int failed = run_sensitivity(o, &c, &sens) < 0;
    if (failed)
        cli_worse(&rc, EXIT_FAILED);
    if (!o->quiet && !failed) {
        sink out;
        if (sink_open(&out, o->output) < 0) {
            rc = EXIT_FAILED;
        } else {
            styr_report_opts ro = {o->lang, cli_use_color(o), c.rs->name, STYR_VERSION_STRING, 0, c.rs->dir, 0};
            if (strcmp(o->format, "json") == 0)
                styr_report_sensitivity_json(out.f, &sens, &ro);
            else if (strcmp(o->format, "markdown") == 0)
                styr_report_sensitivity_markdown(out.f, &sens, &ro);
            else if (strcmp(o->format, "csv") == 0)
                styr_report_sensitivity_csv(out.f, &sens, &ro);
            else if (strcmp(o->format, "html") == 0) {
                styr_html_input in = {c.rs, NULL, NULL, 0, &c.report, &sens, 1, STYR_AUDIENCE_DEFAULT};
                styr_report_html(out.f, &in, &ro);
            } else
                styr_report_sensitivity_text(out.f, &sens, &ro);
            if (sink_close(&out) < 0)
                rc = EXIT_FAILED;
        }
    }
    styr_sensitivity_free(&sens);
    free_score(&c);
    return rc;
}

/* styr report PLAN AREAS --scenario S...: the plan judged, the areas scored
 * under every scenario, every scored scenario's sensitivity (same samples
 * and seed), in one HTML page. */
int cmd_report(options *o)
{
    if (o->nfiles != 2)
        return cli_usage_error(o, "%s",
                               CLI_SV("report tar planen, sedan filen med områden, sedan --scenario FIL ...",
                                      "report takes the plan, then the areas file, then --scenario FILE..."));
    const char *plan_file = o->files[0];
    score_ctx c;
    if (prepare_score(o, o->files[1], &c) < 0) {
        free_score(&c);
        return c.rc;
    }
    int rc = c.rc;
    styr_doc *plan_doc = NULL;
    styr_file_result plan;
    memset(&plan, 0, sizeof plan);
    styr_error err;
    styr_error_clear(&err);
    if (styr_doc_load_any(plan_file, &o->lim, &plan_doc, &err) != STYR_OK ||   /* YAML or .xlsx */
        styr_validate_doc(c.rs, &o->run, plan_doc, &plan, &err) != STYR_OK) {
        if (!plan.file)
            plan.file = strdup(plan_file);
        if (!plan.file) {   /* not even its name could be kept: the page could not say which plan failed */
            fputs(CLI_SV("styr: minnet tog slut\n", "styr: out of memory\n"), stderr);
            styr_file_result_free(&plan);
            styr_doc_free(plan_doc);
            free_score(&c);
            return EXIT_FAILED;
        }
        plan.failed = 1;
        plan.failure = err;
        styr_error_localise(&plan.failure, o->lang == STYR_LANG_EN);
        cli_worse(&rc, EXIT_FAILED);
    } else {
        cli_judge_exit(o, &plan, &rc);
    }
    size_t ns = c.p.nsc, have = 0;
    int sens_failed = 0;   /* then no page: -o stays as it was rather than lose its sections */
    styr_sensitivity *sens = calloc(ns ? ns : 1, sizeof *sens);
    if (!sens) {
        fputs(CLI_SV("styr: minnet tog slut\n", "styr: out of memory\n"), stderr);
        cli_worse(&rc, EXIT_FAILED);
        ns = 0;
        sens_failed = 1;
    }
    for (size_t k = 0; k < ns; k++) {
        if (run_sensitivity_of(o, &c, k, &sens[k]) < 0) {
            cli_worse(&rc, EXIT_FAILED);
            sens_failed = 1;
            break;
        }
        have += sens[k].acceptability != NULL;
    }
    if (!o->quiet && !sens_failed) {
        sink out;
        if (sink_open(&out, o->output) < 0) {
            rc = EXIT_FAILED;
        } else {
            styr_report_opts ro = {o->lang, 0, c.rs->name, STYR_VERSION_STRING, 0, c.rs->dir, 0};
            const styr_doc *docs[1] = {plan_doc};
            styr_html_input in = {c.rs, &plan, docs, 1, &c.report, have ? sens : NULL, ns, o->audience};
            styr_report_html(out.f, &in, &ro);
            if (sink_close(&out) < 0)
                rc = EXIT_FAILED;
        }
    }
    for (size_t k = 0; k < ns; k++)
        styr_sensitivity_free(&sens[k]);
    free(sens);
    styr_file_result_free(&plan);
    styr_doc_free(plan_doc);
    free_score(&c);
    return rc;
}
