/* cmd_validate.c - `styr validate`: judge each file, write one report in the
 * chosen format, exit by the worst finding (FORMATS.md sections 5 and 6). */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cli_lang.h"
#include "continuity.h"
#include "doc.h"
#include "plan_sheets.h"
#include "xlsx_write.h"
#include "output.h"
#include "report.h"
#include "report_html.h"
#include "styr.h"
#include "validate.h"

typedef struct findings_book {
    const styr_file_result *res;
    size_t n;
    const styr_report_opts *ro;
} findings_book;

static styr_status write_findings_book(const char *path, void *ctx, styr_error *err)
{
    findings_book *b = ctx;
    return styr_xlsx_write_findings(path, b->res, b->n, b->ro, err);
}

int cmd_validate(options *o)
{
    styr_ruleset *rs = cli_load_ruleset(o);
    if (!rs)
        return EXIT_FAILED;
    styr_previous prev;
    memset(&prev, 0, sizeof prev);
    if (o->previous) {
        styr_error perr;
        styr_error_clear(&perr);
        if (styr_previous_load(rs, &o->run, o->previous, &o->lim, &prev, &perr) != STYR_OK) {
            styr_error_print(&perr, stderr, cli_english());
            styr_previous_free(&prev);
            styr_ruleset_free(rs);
            return EXIT_FAILED;
        }
        o->run.previous = &prev;
    }
    styr_file_result *res = calloc(o->nfiles, sizeof *res);
    styr_doc **docs = calloc(o->nfiles, sizeof *docs);
    int rc = EXIT_CLEAN;
    if (!res || !docs) {
        fputs(CLI_SV("styr: minnet tog slut\n", "styr: out of memory\n"), stderr);
        rc = EXIT_FAILED;
        goto done;
    }
    for (size_t i = 0; i < o->nfiles; i++) {
        styr_error err;
        styr_error_clear(&err);
        if (i > 0) {
            /* Each file starts from fresh rules: nothing a rule kept from
             * the files before reaches it. */
            styr_ruleset *fresh = styr_ruleset_refresh(rs, &err);
            if (!fresh) {
                res[i].file = strdup(o->files[i]);
                res[i].failed = 1;
                res[i].failure = err;
                styr_error_localise(&res[i].failure, o->lang == STYR_LANG_EN);
                rc = EXIT_FAILED;
                if (!res[i].file) {
                    fputs(CLI_SV("styr: minnet tog slut\n", "styr: out of memory\n"), stderr);
                    goto done;
                }
                continue;
            }
            rs = fresh;
        }
        styr_status st = styr_doc_load_any(o->files[i], &o->lim, &docs[i], &err);   /* YAML or .xlsx */
        if (st == STYR_OK)
            st = styr_validate_doc(rs, &o->run, docs[i], &res[i], &err);
        else
            res[i].file = strdup(o->files[i]);
        if (st != STYR_OK) {
            res[i].failed = 1;
            res[i].failure = err;
            styr_error_localise(&res[i].failure, o->lang == STYR_LANG_EN);
            rc = EXIT_FAILED;
            if (!res[i].file) {   /* not even its name could be kept: no report can say which file failed */
                fputs(CLI_SV("styr: minnet tog slut\n", "styr: out of memory\n"), stderr);
                goto done;
            }
            continue;
        }
        if (res[i].nrule_errors || res[i].findings.dropped)
            rc = EXIT_FAILED;   /* a crashed rule, or more findings than --max-findings keeps */
        size_t c[3];
        styr_findings_count(&res[i].findings, c);
        for (int s = o->fail_on; s <= STYR_SEV_ERROR; s++)
            if (c[s] && rc == EXIT_CLEAN)
                rc = EXIT_FINDINGS;
    }
    if (!o->quiet && strcmp(o->format, "xlsx") == 0) {
        styr_report_opts ro = {o->lang, 0, rs->name, STYR_VERSION_STRING, 0, rs->dir, 0};
        findings_book b = {res, o->nfiles, &ro};
        cli_worse(&rc, cli_write_workbook(o->output, write_findings_book, &b));
        for (size_t i = 0; i < o->nfiles; i++)
            cli_tell_in_workbook_runs(o, &res[i]);
    } else if (!o->quiet) {
        sink out;
        if (sink_open(&out, o->output) < 0) {
            rc = EXIT_FAILED;
            goto done;
        }
        styr_report_opts ro = {o->lang, cli_use_color(o), rs->name, STYR_VERSION_STRING, 0, rs->dir, 0};
        ro.no_remediation = o->no_remediation;
        if (strcmp(o->format, "json") == 0)
            styr_report_json(out.f, res, o->nfiles, &ro);
        else if (strcmp(o->format, "sarif") == 0)
            styr_report_sarif(out.f, res, o->nfiles, rs, &ro, o->sarif_waived);
        else if (strcmp(o->format, "junit") == 0)
            styr_report_junit(out.f, res, o->nfiles, o->fail_on, &ro);
        else if (strcmp(o->format, "github-summary") == 0)
            styr_report_github_summary(out.f, res, o->nfiles, &ro);
        else if (strcmp(o->format, "gnu") == 0)
            styr_report_gnu(out.f, res, o->nfiles, &ro);
        else if (strcmp(o->format, "github") == 0)
            styr_report_github(out.f, res, o->nfiles, &ro);
        else if (strcmp(o->format, "markdown") == 0)
            styr_report_markdown(out.f, res, o->nfiles, &ro);
        else if (strcmp(o->format, "html") == 0) {
            styr_html_input in = {rs, res, (const styr_doc *const *)docs, o->nfiles, NULL, NULL, 0, STYR_AUDIENCE_DEFAULT};
            styr_report_html(out.f, &in, &ro);
        } else {
            styr_report_text_header(out.f, &ro);
            styr_report_text(out.f, res, o->nfiles, &ro);
        }
        if (sink_close(&out) < 0)
            rc = EXIT_FAILED;
    }
done:
    if (o->profile && rs)
        cli_print_profile(rs, o->run.stats);
    free(o->run.stats);
    o->run.stats = NULL;
    for (size_t i = 0; res && docs && i < o->nfiles; i++) {
        styr_file_result_free(&res[i]);
        styr_doc_free(docs[i]);
    }
    free(res);
    free(docs);
    styr_ruleset_free(rs);
    styr_previous_free(&prev);
    o->run.previous = NULL;
    return rc;
}
