/* cmd_versions.c - between plans: `styr followup` (a follow-up report, UR2
 * or UR4, judged against its plan; FORMATS.md section 11) and `styr diff`
 * (two versions compared; section 12). */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "diff.h"
#include "followup.h"
#include "output.h"
#include "report.h"
#include "report_diff.h"
#include "report_followup.h"
#include "styr.h"

int cmd_followup(options *o)
{
    styr_ruleset *rs = cli_load_ruleset(o);
    if (!rs)
        return EXIT_FAILED;
    styr_followup fu;
    styr_error err;
    styr_error_clear(&err);
    int rc = EXIT_CLEAN;
    if (styr_followup_load(rs, &o->run, o->files[0], &o->lim, &fu, &err) != STYR_OK) {
        styr_error_print(&err, stderr);
        styr_followup_free(&fu);
        styr_ruleset_free(rs);
        return EXIT_FAILED;
    }
    cli_judge_exit(o, &fu.res, &rc);
    if (fu.plan_res.nrule_errors || fu.res.findings.dropped)
        cli_worse(&rc, EXIT_FAILED);
    if (fu.nescalations)
        cli_worse(&rc, EXIT_FINDINGS);   /* something must go to Kommunstyrelsen */
    if (!o->quiet) {
        sink out;
        if (sink_open(&out, o->output) < 0) {
            rc = EXIT_FAILED;
        } else {
            styr_report_opts ro = {o->lang, cli_use_color(o), rs->name, STYR_VERSION_STRING, 0, rs->dir, 0};
            if (strcmp(o->format, "json") == 0)
                styr_report_followup_json(out.f, &fu, &ro);
            else if (strcmp(o->format, "markdown") == 0)
                styr_report_followup_markdown(out.f, &fu, &ro);
            else if (strcmp(o->format, "csv") == 0)
                styr_report_followup_csv(out.f, &fu, &ro);
            else if (strcmp(o->format, "html") == 0)
                styr_report_followup_html(out.f, &fu, &ro);
            else
                styr_report_followup_text(out.f, &fu, &ro);
            if (sink_close(&out) < 0)
                rc = EXIT_FAILED;
        }
    }
    for (size_t i = 0; i < fu.plan_res.nrule_errors; i++)
        styr_error_print(&fu.plan_res.rule_errors[i], stderr);
    styr_followup_free(&fu);
    styr_ruleset_free(rs);
    return rc;
}

int cmd_diff(options *o)
{
    styr_ruleset *rs = cli_load_ruleset(o);
    if (!rs)
        return EXIT_FAILED;
    styr_diff d;
    styr_error err;
    styr_error_clear(&err);
    int rc = EXIT_CLEAN;
    if (styr_diff_load(rs, &o->run, o->files[0], o->files[1], &o->lim, &d, &err) != STYR_OK) {
        styr_error_print(&err, stderr);
        styr_diff_free(&d);
        styr_ruleset_free(rs);
        return EXIT_FAILED;
    }
    for (size_t i = 0; i < d.old_res.nrule_errors; i++)
        styr_error_print(&d.old_res.rule_errors[i], stderr);
    for (size_t i = 0; i < d.new_res.nrule_errors; i++)
        styr_error_print(&d.new_res.rule_errors[i], stderr);
    if (d.old_res.nrule_errors || d.new_res.nrule_errors)
        rc = EXIT_FAILED;
    if (!o->quiet) {
        sink out;
        if (sink_open(&out, o->output) < 0) {
            rc = EXIT_FAILED;
        } else {
            styr_report_opts ro = {o->lang, cli_use_color(o), rs->name, STYR_VERSION_STRING, 0, rs->dir, 0};
            if (strcmp(o->format, "json") == 0)
                styr_report_diff_json(out.f, &d, &ro);
            else if (strcmp(o->format, "markdown") == 0)
                styr_report_diff_markdown(out.f, &d, &ro);
            else if (strcmp(o->format, "html") == 0)
                styr_report_diff_html(out.f, &d, &ro);
            else
                styr_report_diff_text(out.f, &d, &ro);
            if (sink_close(&out) < 0)
                rc = EXIT_FAILED;
        }
    }
    styr_diff_free(&d);
    styr_ruleset_free(rs);
    return rc;
}
