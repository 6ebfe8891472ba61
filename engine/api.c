/* api.c - the public API of include/styr.h, over the engine's modules. */
#include "styr.h"

#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "ruleset.h"
#include "validate.h"

struct styr_rules {
    styr_ruleset *rs;
};

struct styr_report {
    styr_doc *doc;   /* kept: waiver reasons point into it */
    styr_file_result res;
};

/* The build's version (CMake's project version); the header's
 * STYR_VERSION_STRING must agree, which test_api checks. */
const char *styr_version(void) { return STYR_VERSION; }

static void to_problem(const styr_error *e, styr_problem *why)
{
    if (!why)
        return;
    snprintf(why->file, sizeof why->file, "%s", e->file);
    why->line = e->line;
    why->column = e->column;
    snprintf(why->message, sizeof why->message, "%s", e->message);
}

styr_rules *styr_rules_load(const char *name_or_dir, const char *lang, styr_problem *why)
{
    styr_limits lim;
    styr_limits_default(&lim);
    lim.lang = lang && strcmp(lang, "en") == 0 ? STYR_LANG_EN : STYR_LANG_SV;
    styr_error err;
    styr_error_clear(&err);
    styr_ruleset *rs = NULL;
    if (styr_ruleset_load(name_or_dir, &lim, &rs, &err) != STYR_OK) {
        to_problem(&err, why);
        return NULL;
    }
    styr_rules *r = malloc(sizeof *r);
    if (!r) {
        styr_ruleset_free(rs);
        styr_error_set(&err, STYR_E_NOMEM, NULL, 0, 0, "out of memory");
        to_problem(&err, why);
        return NULL;
    }
    rs->lang = lang && strcmp(lang, "en") == 0 ? STYR_LANG_EN : STYR_LANG_SV;
    r->rs = rs;
    return r;
}

void styr_rules_free(styr_rules *rules)
{
    if (!rules)
        return;
    styr_ruleset_free(rules->rs);
    free(rules);
}

styr_report *styr_validate_file(styr_rules *rules, const char *path, styr_problem *why)
{
    styr_error err;
    styr_error_clear(&err);
    styr_report *r = calloc(1, sizeof *r);
    if (!r) {
        styr_error_set(&err, STYR_E_NOMEM, NULL, 0, 0, "out of memory");
        to_problem(&err, why);
        return NULL;
    }
    if (styr_doc_load_file(path, &rules->rs->lim, &r->doc, &err) != STYR_OK ||
        styr_validate_doc(rules->rs, r->doc, &r->res, &err) != STYR_OK) {
        to_problem(&err, why);
        styr_report_free(r);
        return NULL;
    }
    return r;
}

void styr_report_free(styr_report *report)
{
    if (!report)
        return;
    styr_file_result_free(&report->res);
    styr_doc_free(report->doc);
    free(report);
}

size_t styr_report_count(const styr_report *report) { return report->res.findings.count; }

styr_finding_view styr_report_finding(const styr_report *report, size_t i)
{
    const styr_finding *f = &report->res.findings.items[i];
    styr_finding_view v = {f->rule, styr_severity_name(f->severity), f->message, f->action,
                           f->path, f->line, f->column, f->waiver_reason};
    return v;
}

size_t styr_report_rule_errors(const styr_report *report) { return report->res.nrule_errors; }

size_t styr_report_total(const styr_report *report, const char *severity)
{
    styr_severity s;
    if (!severity || !styr_severity_parse(severity, &s) || s > STYR_SEV_ERROR)
        return 0;
    size_t c[3];
    styr_findings_count(&report->res.findings, c);
    return c[s];
}
