/* api.c - the public API of include/styr.h, over the engine's layers. */
#include "styr.h"

#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "ruleset.h"
#include "strmap.h"
#include "validate.h"
#include "plan_sheets.h"

struct styr_rules {
    styr_ruleset *rs;
    styr_run_opts opts;
};

/* A report owns everything it returns: the document (waiver reasons point
 * into it), the findings, and a copy of each rule id its findings name, so
 * it outlives the rules it was made with. */
struct styr_report {
    styr_doc *doc;
    styr_file_result res;
    char **rule_ids;     /* the distinct rule ids, owned */
    size_t nrule_ids;
};

/* The build's version (CMake's project version); the header's
 * STYR_VERSION_STRING must agree, which test_api checks. */
const char *styr_version(void) { return STYR_VERSION_STRING; }

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
    return styr_rules_load_from(name_or_dir, NULL, lang, why);
}

styr_rules *styr_rules_load_from(const char *name_or_dir, const char *const *search, const char *lang,
                                 styr_problem *why)
{
    styr_limits lim;
    styr_limits_default(&lim);
    lim.lang = lang && strcmp(lang, "en") == 0 ? STYR_LANG_EN : STYR_LANG_SV;
    styr_error err;
    styr_error_clear(&err);
    styr_ruleset *rs = NULL;
    styr_check_init();
    if (styr_ruleset_load_from(name_or_dir, search, &lim, &rs, &err) != STYR_OK) {
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
    styr_run_opts_default(&r->opts);
    r->opts.lang = lang && strcmp(lang, "en") == 0 ? STYR_LANG_EN : STYR_LANG_SV;
    r->rs = rs;
    return r;
}

const char *styr_rules_path(const styr_rules *rules) { return rules->rs->dir; }

void styr_rules_free(styr_rules *rules)
{
    if (!rules)
        return;
    styr_ruleset_free(rules->rs);
    free(rules);
}

/* Points every finding's rule id at the report's own copy of it. */
static int own_rule_ids(styr_report *r)
{
    styr_findings *f = &r->res.findings;
    styr_strmap seen;   /* rule id -> the report's copy */
    styr_strmap_init(&seen);
    int rc = 0;
    for (size_t i = 0; i < f->count && rc == 0; i++) {
        const char *id = f->items[i].rule;
        size_t len = strlen(id);
        char *mine = styr_strmap_get(&seen, id, len);
        if (!mine) {
            char **grown = realloc(r->rule_ids, (r->nrule_ids + 1) * sizeof *grown);
            if (!grown || !(mine = strdup(id))) {
                if (grown)
                    r->rule_ids = grown;
                rc = -1;
                break;
            }
            r->rule_ids = grown;
            r->rule_ids[r->nrule_ids++] = mine;
            if (styr_strmap_put(&seen, id, len, mine, NULL) < 0)
                rc = -1;
        }
        f->items[i].rule = mine;
    }
    styr_strmap_free(&seen);
    return rc;
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
    if (styr_doc_load_any(path, &rules->rs->lim, &r->doc, &err) != STYR_OK ||   /* YAML or .xlsx, as validate */
        styr_validate_doc(rules->rs, &rules->opts, r->doc, &r->res, &err) != STYR_OK ||
        own_rule_ids(r) < 0) {
        if (err.code == STYR_OK)
            styr_error_set(&err, STYR_E_NOMEM, NULL, 0, 0, "out of memory");
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
    for (size_t k = 0; k < report->nrule_ids; k++)
        free(report->rule_ids[k]);
    free(report->rule_ids);
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
