/* test_prioritise.c - unit tests of engine/prioritise.c: a whole
 * prioritisation run on the bundled Göteborg ruleset and data, the run's
 * refusals (wrong kinds, no model), scenarios that fail or are left
 * unscored, and SMAA sampling around the first scenario. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "prioritise.h"

/* Every run of these tests: English messages, default threads. */
static styr_run_opts run_opts = {STYR_LANG_EN, 0, NULL, NULL};

static styr_ruleset *rs;
static styr_limits lim;
static char tmp_scenario[64];

/* A file of the source tree (tests/ is STYR_TEST_DATA). */
static const char *src(const char *rel)
{
    static char paths[8][512];
    static int next;
    const char *root = getenv("STYR_TEST_DATA");
    char *p = paths[next++ % 8];
    snprintf(p, sizeof paths[0], "%s/../%s", root ? root : "tests", rel);
    return p;
}

static int setup(void **state)
{
    (void)state;
    styr_limits_default(&lim);
    styr_error err;
    styr_error_clear(&err);
    styr_check_init();
    if (styr_ruleset_load(src("rules/goteborg"), &lim, &rs, &err) != STYR_OK)
        fail_msg("ruleset: %s:%u: %s", err.file, err.line, err.message);
    /* A scenario that names a criterion the model does not have: an error finding. */
    snprintf(tmp_scenario, sizeof tmp_scenario, "/tmp/styr-prioritise-XXXXXX");
    int fd = mkstemp(tmp_scenario);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    assert_non_null(f);
    fputs("kind: scenario\nversion: 1\nid: trasig\nmodel: goteborg\nmethod: weighted-sum\n"
          "weights: {no_such_criterion: 1}\n", f);
    fclose(f);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    styr_ruleset_free(rs);
    unlink(tmp_scenario);
    return 0;
}

static void test_bundled_scenarios_are_all_scored(void **state)
{
    (void)state;
    const char *scen[] = {src("scenarios/balanserad.yaml"), src("scenarios/styrgrupp-ahp.yaml")};
    styr_prioritisation p;
    styr_error err;
    styr_error_clear(&err);
    assert_int_equal(styr_prioritise(rs, &run_opts, src("scenarios/goteborg-areas.yaml"), scen, 2, &lim, &p, &err), STYR_OK);
    assert_true(p.have_table);
    assert_true(p.table.n > 0);
    assert_int_equal(p.nsc, 2);
    for (size_t k = 0; k < 2; k++) {
        assert_false(p.sc[k].failed);
        assert_true(p.sc[k].scored);
        assert_ptr_equal(p.sc[k].file, scen[k]);
    }
    assert_string_equal(p.sc[0].id, "balanserad");
    assert_string_equal(p.sc[1].id, "styrgrupp-ahp");
    assert_non_null(p.sc[0].title);
    styr_prioritisation_free(&p);
    assert_null(p.sc);   /* freeing twice is harmless */
    styr_prioritisation_free(&p);
}

static void test_areas_of_another_kind_stop_the_run(void **state)
{
    (void)state;
    const char *scen[] = {src("scenarios/balanserad.yaml")};
    const char *plan = src("scenarios/goteborg-2018-2019.yaml");
    styr_prioritisation p;
    styr_error err;
    styr_error_clear(&err);
    assert_int_equal(styr_prioritise(rs, &run_opts, plan, scen, 1, &lim, &p, &err), STYR_E_INPUT);
    assert_string_equal(err.file, plan);
    assert_int_equal(err.line, 1);
    assert_int_equal(err.column, 1);
    assert_non_null(strstr(err.message, "expected kind: innovation-areas, not action-plan"));
    styr_prioritisation_free(&p);

    styr_error_clear(&err);
    assert_int_equal(styr_prioritise(rs, &run_opts, "/nonexistent/areas.yaml", scen, 1, &lim, &p, &err), STYR_E_IO);
    styr_prioritisation_free(&p);
}

static void test_a_ruleset_without_model_cannot_score(void **state)
{
    (void)state;
    styr_ruleset *core = NULL;
    styr_error err;
    styr_error_clear(&err);
    styr_check_init();
    assert_int_equal(styr_ruleset_load(src("rules/core"), &lim, &core, &err), STYR_OK);
    const char *scen[] = {src("scenarios/balanserad.yaml")};
    styr_prioritisation p;
    assert_int_equal(styr_prioritise(core, &run_opts, src("scenarios/goteborg-areas.yaml"), scen, 1, &lim, &p, &err),
                     STYR_E_RULESET);
    assert_non_null(strstr(err.message, "has no model.lua"));
    styr_prioritisation_free(&p);
    /* The area table's own refusal (for a caller that builds it directly)
     * is in the run's language too. */
    styr_doc *areas = NULL;
    assert_int_equal(styr_doc_load_file(src("scenarios/goteborg-areas.yaml"), &lim, &areas, &err), STYR_OK);
    styr_file_result ares;
    memset(&ares, 0, sizeof ares);
    styr_area_table t;
    assert_int_equal(styr_area_table_build(core, &run_opts, areas, &ares, &t, &err), STYR_E_RULESET);
    assert_string_equal(err.message, "the ruleset 'core' has no model.lua, so it cannot score areas");
    styr_run_opts sv = run_opts;
    sv.lang = STYR_LANG_SV;
    assert_int_equal(styr_area_table_build(core, &sv, areas, &ares, &t, &err), STYR_E_RULESET);
    assert_string_equal(err.message, "regeluppsättningen 'core' har ingen model.lua och kan inte poängsätta områden");
    styr_doc_free(areas);
    styr_ruleset_free(core);
}

/* The refusals in a Swedish run are Swedish: a coordinator who gives the
 * plan where the areas belong, or a scenario where a scenario belongs,
 * reads why in the run's language (they were English only). */
static void test_refusals_in_swedish(void **state)
{
    (void)state;
    styr_run_opts sv = run_opts;
    sv.lang = STYR_LANG_SV;
    const char *scen[] = {src("scenarios/goteborg-areas.yaml")};
    styr_prioritisation p;
    styr_error err;
    styr_error_clear(&err);
    assert_int_equal(styr_prioritise(rs, &sv, src("scenarios/goteborg-2018-2019.yaml"), scen, 1, &lim, &p, &err),
                     STYR_E_INPUT);
    assert_string_equal(err.message, "väntade kind: innovation-areas, inte action-plan");
    styr_prioritisation_free(&p);

    styr_error_clear(&err);
    assert_int_equal(styr_prioritise(rs, &sv, src("scenarios/goteborg-areas.yaml"), scen, 1, &lim, &p, &err), STYR_OK);
    assert_true(p.sc[0].failed);
    assert_string_equal(p.sc[0].failure.message, "väntade kind: scenario, inte innovation-areas");
    styr_prioritisation_free(&p);

    styr_ruleset *core = NULL;
    styr_error_clear(&err);
    assert_int_equal(styr_ruleset_load(src("rules/core"), &lim, &core, &err), STYR_OK);
    assert_int_equal(styr_prioritise(core, &sv, src("scenarios/goteborg-areas.yaml"), scen, 1, &lim, &p, &err),
                     STYR_E_RULESET);
    assert_string_equal(err.message, "regeluppsättningen 'core' har ingen model.lua och kan inte poängsätta områden");
    styr_prioritisation_free(&p);
    styr_ruleset_free(core);
}

/* A missing file and a file of another kind fail; a scenario with error
 * findings is judged but not scored; the others are still scored. */
static void test_bad_scenarios_do_not_stop_the_others(void **state)
{
    (void)state;
    const char *scen[] = {"/nonexistent/s.yaml", src("scenarios/goteborg-areas.yaml"), tmp_scenario,
                          src("scenarios/medborgarnytta.yaml")};
    styr_prioritisation p;
    styr_error err;
    styr_error_clear(&err);
    assert_int_equal(styr_prioritise(rs, &run_opts, src("scenarios/goteborg-areas.yaml"), scen, 4, &lim, &p, &err), STYR_OK);
    assert_true(p.sc[0].failed);
    assert_int_equal(p.sc[0].failure.code, STYR_E_IO);
    assert_true(p.sc[1].failed);
    assert_non_null(strstr(p.sc[1].failure.message, "expected kind: scenario, not innovation-areas"));
    assert_false(p.sc[2].failed);
    assert_false(p.sc[2].scored);
    size_t counts[3];
    styr_findings_count(&p.sc[2].res.findings, counts);
    assert_true(counts[STYR_SEV_ERROR] > 0);
    assert_true(p.sc[3].scored);

    /* Sensitivity of an unscored first scenario: nothing computed, no error. */
    styr_prioritisation q = p;
    q.sc = &p.sc[2];
    q.nsc = 1;
    styr_sensitivity_opts so = {.samples = 100, .seed = 1, .spread = -1};
    styr_sensitivity s;
    assert_int_equal(styr_sensitivity_run(rs, &q, &so, &s, &err), STYR_OK);
    assert_null(s.acceptability);
    assert_null(s.central);
    assert_null(s.confidence);
    styr_sensitivity_free(&s);
    styr_prioritisation_free(&p);
}

static void sensitivity(const styr_prioritisation *p, uint64_t seed, double spread, styr_sensitivity *s)
{
    styr_sensitivity_opts so = {.samples = 2000, .seed = seed, .spread = spread, .threads = 2};
    styr_error err;
    styr_error_clear(&err);
    assert_int_equal(styr_sensitivity_run(rs, p, &so, s, &err), STYR_OK);
    assert_non_null(s->acceptability);
    assert_int_equal(s->samples, 2000);
    assert_int_equal(s->seed, seed);
}

/* Every area has some rank in every sample, so each row of rank
 * acceptabilities sums to 1; the same seed gives the same numbers. */
static void test_sensitivity_is_a_distribution_and_reproducible(void **state)
{
    (void)state;
    const char *scen[] = {src("scenarios/naringsliv-och-jobb.yaml")};   /* TOPSIS */
    styr_prioritisation p;
    styr_error err;
    styr_error_clear(&err);
    assert_int_equal(styr_prioritise(rs, &run_opts, src("scenarios/goteborg-areas.yaml"), scen, 1, &lim, &p, &err), STYR_OK);
    assert_true(p.sc[0].scored);
    size_t n = p.table.n, m = p.table.m;
    styr_sensitivity a, b, c;
    sensitivity(&p, 7, -1, &a);
    sensitivity(&p, 7, -1, &b);
    sensitivity(&p, 7, 0.1, &c);
    for (size_t i = 0; i < n; i++) {
        double row = 0;
        for (size_t r = 0; r < n; r++)
            row += a.acceptability[i * n + r];
        assert_true(row > 1 - 1e-9 && row < 1 + 1e-9);
        assert_true(a.confidence[i] >= 0 && a.confidence[i] <= 1);
    }
    assert_memory_equal(a.acceptability, b.acceptability, n * n * sizeof(double));
    assert_memory_equal(a.central, b.central, n * m * sizeof(double));
    /* Sampling near the scenario's weights differs from sampling the whole simplex. */
    assert_memory_not_equal(a.acceptability, c.acceptability, n * n * sizeof(double));
    styr_sensitivity_free(&a);
    styr_sensitivity_free(&b);
    styr_sensitivity_free(&c);
    styr_prioritisation_free(&p);
}

/* Writes an areas file of n copies of one area (under ids a0, a1, ...). */
static void write_areas(const char *path, size_t n)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("kind: innovation-areas\nversion: 1\nillustrative: true\nareas:\n", f);
    for (size_t i = 0; i < n; i++)
        fprintf(f, "  - {id: a%zu, title: Område %zu, owner: BRG, strategies: [\"2\"], programs: [], cost_sek: %zu,\n"
                   "     external_funding_sek: 0, assessments: {benefit_residents: 3, benefit_visitors: 3,\n"
                   "     benefit_business: 3, equality: 3, sustainability: 3, collaboration: 3, feasibility: 3,\n"
                   "     job_growth: 3}}\n",
                i, i, 100000 + i);
    fclose(f);
}

/* Sensitivity's tables are areas x areas, so it ranks at most
 * STYR_SENSITIVITY_MAX_AREAS (1000) areas: exactly 1000 are ranked, 1001
 * are refused with the bound named (golden sensitivity-over-bound-languages:
 * in either language). */
static void test_sensitivity_ranks_up_to_the_bound(void **state)
{
    (void)state;
    char path[64];
    snprintf(path, sizeof path, "/tmp/styr-areas-XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    const char *scen[] = {src("scenarios/balanserad.yaml")};
    for (size_t n = STYR_SENSITIVITY_MAX_AREAS; n <= STYR_SENSITIVITY_MAX_AREAS + 1; n++) {
        write_areas(path, n);
        styr_prioritisation p;
        styr_error err;
        styr_error_clear(&err);
        assert_int_equal(styr_prioritise(rs, &run_opts, path, scen, 1, &lim, &p, &err), STYR_OK);
        assert_true(p.sc[0].scored);
        assert_int_equal(p.table.n, n);
        styr_sensitivity_opts so = {.samples = 1, .seed = 1, .spread = -1, .threads = 1};
        styr_sensitivity s;
        styr_status st = styr_sensitivity_run(rs, &p, &so, &s, &err);
        if (n == STYR_SENSITIVITY_MAX_AREAS) {
            assert_int_equal(st, STYR_OK);
            assert_non_null(s.acceptability);
        } else {
            assert_int_equal(st, STYR_E_LIMIT);
            /* in the ruleset's language: Swedish by default */
            assert_non_null(strstr(err.message, "känslighetsanalysen rangordnar högst 1000 områden"));
            assert_null(s.acceptability);
        }
        styr_sensitivity_free(&s);
        styr_prioritisation_free(&p);
    }
    unlink(path);
}

static int cancel_at_once(void *ud, uint64_t done, uint64_t total)
{
    (void)done;
    (void)total;
    ++*(int *)ud;
    return 1;
}

/* A sensitivity run stopped by its progress callback fails with the
 * sampler's reason, told in the ruleset's language (Swedish by default). */
static void test_sensitivity_cancelled_in_swedish(void **state)
{
    (void)state;
    const char *scen[] = {src("scenarios/balanserad.yaml")};
    styr_prioritisation p;
    styr_error err;
    styr_error_clear(&err);
    assert_int_equal(styr_prioritise(rs, &run_opts, src("scenarios/goteborg-areas.yaml"), scen, 1, &lim, &p, &err), STYR_OK);
    assert_true(p.sc[0].scored);
    int calls = 0;
    styr_sensitivity_opts so = {.samples = 100, .seed = 1, .spread = -1, .threads = 1,
                                .progress = cancel_at_once, .progress_ud = &calls};
    styr_sensitivity s;
    assert_int_equal(styr_sensitivity_run(rs, &p, &so, &s, &err), STYR_E_INPUT);
    assert_int_equal(calls, 1);
    assert_string_equal(err.message, "känslighetsanalysen misslyckades: SMAA: cancelled");
    assert_null(s.acceptability);
    styr_sensitivity_free(&s);
    styr_prioritisation_free(&p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bundled_scenarios_are_all_scored),
        cmocka_unit_test(test_areas_of_another_kind_stop_the_run),
        cmocka_unit_test(test_a_ruleset_without_model_cannot_score),
        cmocka_unit_test(test_refusals_in_swedish),
        cmocka_unit_test(test_bad_scenarios_do_not_stop_the_others),
        cmocka_unit_test(test_sensitivity_is_a_distribution_and_reproducible),
        cmocka_unit_test(test_sensitivity_ranks_up_to_the_bound),
        cmocka_unit_test(test_sensitivity_cancelled_in_swedish),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
