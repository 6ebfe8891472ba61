/* prioritise.c - a prioritisation run: areas, scenarios, scores, and the
 * sensitivity of one scenario (see prioritise.h). */
#include "prioritise.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"

static const char *text_of(const styr_node *root, const char *key)
{
    const styr_node *v = root && root->kind == STYR_NODE_MAP ? styr_map_get(root, key, strlen(key)) : NULL;
    return v && v->kind == STYR_NODE_SCALAR && !styr_node_is_null(v) ? v->u.text : NULL;
}

/* Judges one scenario against the areas and scores it when it has no errors. */
static void judge_and_score(styr_ruleset *rs, const styr_run_opts *opts, const styr_area_table *table, const styr_node *areas_list,
                         const styr_limits *lim, styr_scenario_run *sr)
{
    styr_error_clear(&sr->failure);
    if (styr_doc_load_file(sr->file, lim, &sr->doc, &sr->failure) != STYR_OK ||
        styr_validate_doc_with_areas(rs, opts, sr->doc, areas_list, &sr->res, &sr->failure) != STYR_OK) {
        sr->failed = 1;
        return;
    }
    if (strcmp(sr->res.kind, "scenario") != 0) {
        sr->failed = 1;
        styr_error_set(&sr->failure, STYR_E_INPUT, sr->file, 1, 1,
                       opts->lang == STYR_LANG_EN ? "expected kind: scenario, not %s" : "väntade kind: scenario, inte %s",
                       sr->res.kind);
        return;
    }
    sr->id = text_of(sr->doc->root, "id");
    sr->title = text_of(sr->doc->root, "title");
    size_t counts[3];
    styr_findings_count(&sr->res.findings, counts);
    if (counts[STYR_SEV_ERROR] || sr->res.nrule_errors)
        return;   /* not scored; its findings say why */
    if (styr_score_scenario(rs, opts, table, sr->doc->root, sr->file, &sr->s, &sr->failure) != STYR_OK) {
        sr->failed = 1;
        return;
    }
    sr->scored = 1;
}

static void run_scenario(styr_ruleset *rs, const styr_run_opts *opts, const styr_area_table *table, const styr_node *areas_list,
                         const styr_limits *lim, styr_scenario_run *sr)
{
    judge_and_score(rs, opts, table, areas_list, lim, sr);
    if (sr->failed)
        styr_error_localise(&sr->failure, opts->lang == STYR_LANG_EN);
}

styr_status styr_prioritise(styr_ruleset *rs, const styr_run_opts *opts, const char *areas_file, const char *const *scenarios,
                            size_t nscenarios, const styr_limits *lim, styr_prioritisation *out, styr_error *err)
{
    memset(out, 0, sizeof *out);
    if (!rs->model)
        return styr_error_set(err, STYR_E_RULESET, NULL, 0, 0,
                              opts->lang == STYR_LANG_EN ? "the ruleset '%s' has no model.lua; it cannot score areas"
                                                         : "regeluppsättningen '%s' har ingen model.lua och kan inte poängsätta områden",
                              rs->name);
    styr_status st = styr_doc_load_file(areas_file, lim, &out->areas_doc, err);
    if (st == STYR_OK)
        st = styr_validate_doc(rs, opts, out->areas_doc, &out->areas, err);
    if (st != STYR_OK)
        return st;
    if (strcmp(out->areas.kind, "innovation-areas") != 0)
        return styr_error_set(err, STYR_E_INPUT, areas_file, 1, 1,
                              opts->lang == STYR_LANG_EN ? "expected kind: innovation-areas, not %s"
                                                         : "väntade kind: innovation-areas, inte %s",
                              out->areas.kind);
    if ((st = styr_area_table_build(rs, opts, out->areas_doc, &out->areas, &out->table, err)) != STYR_OK)
        return st;
    out->have_table = 1;
    out->sc = calloc(nscenarios ? nscenarios : 1, sizeof *out->sc);
    if (!out->sc)
        return styr_error_set(err, STYR_E_NOMEM, NULL, 0, 0, "out of memory");
    out->nsc = nscenarios;
    const styr_node *areas_list = styr_map_get(out->areas_doc->root, "areas", 5);
    for (size_t k = 0; k < nscenarios; k++) {
        out->sc[k].file = scenarios[k];
        run_scenario(rs, opts, &out->table, areas_list, lim, &out->sc[k]);
    }
    return STYR_OK;
}

void styr_prioritisation_free(styr_prioritisation *p)
{
    for (size_t k = 0; k < p->nsc; k++) {
        styr_scored_free(&p->sc[k].s);
        styr_file_result_free(&p->sc[k].res);
        styr_doc_free(p->sc[k].doc);
    }
    free(p->sc);
    if (p->have_table)
        styr_area_table_free(&p->table);
    styr_file_result_free(&p->areas);
    styr_doc_free(p->areas_doc);
    memset(p, 0, sizeof *p);
}

styr_status styr_sensitivity_run(const styr_ruleset *rs, const styr_prioritisation *p,
                                 const styr_sensitivity_opts *o, styr_sensitivity *out, styr_error *err)
{
    memset(out, 0, sizeof *out);
    out->samples = o->samples;
    out->seed = o->seed;
    out->spread = o->spread;
    out->scenario = o->scenario;
    if (o->scenario >= p->nsc || !p->sc[o->scenario].scored || p->table.n == 0)
        return STYR_OK;
    const styr_scenario_run *sr = &p->sc[o->scenario];
    size_t n = p->table.n, m = p->table.m;
    if (n > STYR_SENSITIVITY_MAX_AREAS)
        return styr_error_set(err, STYR_E_LIMIT, p->areas.file, 0, 0,
                              rs->lim.lang == STYR_LANG_EN
                                  ? "sensitivity ranks at most %d areas (its tables have a row and a column an "
                                    "area); this file has %zu: use 'styr score' for them all, or a file of the "
                                    "areas in question"
                                  : "känslighetsanalysen rangordnar högst %d områden (dess tabeller har en rad och "
                                    "en kolumn per område); den här filen har %zu: använd 'styr score' för dem "
                                    "alla, eller en fil med de områden det gäller",
                              STYR_SENSITIVITY_MAX_AREAS, n);
    out->acceptability = calloc(n * n, sizeof(double));
    out->central = calloc(n * m, sizeof(double));
    out->confidence = calloc(n, sizeof(double));
    bool *active = calloc(m, sizeof(bool));
    bool *cost = calloc(m, sizeof(bool));
    styr_status st = STYR_OK;
    if (!out->acceptability || !out->central || !out->confidence || !active || !cost) {
        st = styr_error_set(err, STYR_E_NOMEM, NULL, 0, 0, "out of memory");
    } else {
        for (size_t j = 0; j < m; j++) {
            active[j] = sr->s.weights.w[j] > 0;   /* the criteria the scenario weighs */
            cost[j] = rs->model->crit[j].cost;
        }
        styr_mcda_smaa_params sp = {
            .method = sr->s.method, .x = sr->s.method == STYR_MCDA_TOPSIS ? p->table.x : sr->s.norm,
            .n = n, .m = m, .cost = cost,
            .sampling = o->spread >= 0 ? STYR_MCDA_SAMPLE_SPREAD : STYR_MCDA_SAMPLE_DIRICHLET,
            .active = active, .central = sr->s.weights.w, .spread = o->spread >= 0 ? o->spread : 0,
            .value_noise = 0, .samples = o->samples, .confidence_samples = 0, .seed = o->seed,
            .threads = o->threads, .rtol = 0, .progress = o->progress, .progress_ud = o->progress_ud};
        styr_error e;
        styr_error_clear(&e);
        styr_mcda_status ms = styr_mcda_smaa(&sp, out->acceptability, out->central, out->confidence, &e);
        if (ms == STYR_MCDA_E_NOMEM)
            st = styr_error_set(err, STYR_E_NOMEM, NULL, 0, 0, "out of memory");
        else if (ms != STYR_MCDA_OK)
            st = styr_error_set(err, STYR_E_INPUT, NULL, 0, 0,
                                rs->lim.lang == STYR_LANG_EN ? "sensitivity analysis failed: %s"
                                                             : "känslighetsanalysen misslyckades: %s",
                                e.message);
    }
    free(active);
    free(cost);
    if (st != STYR_OK)
        styr_sensitivity_free(out);
    return st;
}

void styr_sensitivity_free(styr_sensitivity *s)
{
    free(s->acceptability);
    free(s->central);
    free(s->confidence);
    s->acceptability = s->central = s->confidence = NULL;
}
