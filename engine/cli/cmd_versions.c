/* cmd_versions.c - between plans: `styr followup` (a follow-up report, UR2
 * or UR4, judged against its plan; FORMATS.md section 11) and `styr diff`
 * (two versions compared; section 12). */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cli_lang.h"
#include "diff.h"
#include "followup.h"
#include "report.h"
#include "report_dispatch.h"
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
        styr_error_print(&err, stderr, cli_english());
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
        styr_report_opts ro = {o->lang, cli_use_color(o), rs->name, STYR_VERSION_STRING, 0, rs->dir, 0};
        cli_worse(&rc, cli_write_report(o, styr_followup_formats, &fu, &ro));
        cli_tell_in_workbook_runs(o, &fu.res);
        /* The CSV follow-up report has no place for a crashed follow-up
         * rule: it is said on standard error, never left unsaid behind exit
         * 2 (text and Markdown print it themselves; JSON carries it in
         * rule_errors and the HTML page at its top, and a reader of the
         * terminal gets it here too). */
        if (strcmp(o->format, "json") == 0 || strcmp(o->format, "csv") == 0 || strcmp(o->format, "html") == 0)
            for (size_t i = 0; i < fu.res.nrule_errors; i++)
                styr_error_print(&fu.res.rule_errors[i], stderr, cli_english());
    }
    for (size_t i = 0; i < fu.plan_res.nrule_errors; i++)
        styr_error_print(&fu.plan_res.rule_errors[i], stderr, cli_english());
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
        styr_error_print(&err, stderr, cli_english());
        styr_diff_free(&d);
        styr_ruleset_free(rs);
        return EXIT_FAILED;
    }
    for (size_t i = 0; i < d.old_res.nrule_errors; i++)
        styr_error_print(&d.old_res.rule_errors[i], stderr, cli_english());
    for (size_t i = 0; i < d.new_res.nrule_errors; i++)
        styr_error_print(&d.new_res.rule_errors[i], stderr, cli_english());
    if (d.old_res.nrule_errors || d.new_res.nrule_errors)
        rc = EXIT_FAILED;
    if (!o->quiet) {
        styr_report_opts ro = {o->lang, cli_use_color(o), rs->name, STYR_VERSION_STRING, 0, rs->dir, 0};
        cli_worse(&rc, cli_write_report(o, styr_diff_formats, &d, &ro));
    }
    styr_diff_free(&d);
    styr_ruleset_free(rs);
    return rc;
}
