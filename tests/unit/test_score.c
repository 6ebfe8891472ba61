/* test_score.c - unit tests of the prioritisation pipeline (engine/model.c,
 * scenario.c, score.c): a small model in a temporary ruleset, areas and
 * scenarios as YAML text, and the invariants FORMATS.md section 3 promises. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "score.h"

/* Every run of these tests: English messages, default threads. */
static styr_run_opts run_opts = {STYR_LANG_EN, 0, NULL, NULL};

/* The source tree's rules/ folder, where the rulesets written by these
 * tests find the core they extend (the library never looks there itself). */
static const char *const *source_rules(void)
{
    static char dir[1024];
    static const char *path[2] = {dir, NULL};
    const char *data = getenv("STYR_TEST_DATA");   /* the tests/ folder */
    snprintf(dir, sizeof dir, "%s/../rules", data ? data : "tests");
    return path;
}

static char root[64];
static styr_ruleset *rs;

static void put(const char *name, const char *text)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", root, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static int setup(void **state)
{
    (void)state;
    snprintf(root, sizeof root, "/tmp/styr-score-XXXXXX");
    assert_non_null(mkdtemp(root));
    put("ruleset.yaml", "kind: ruleset\nversion: 1\nname: tiny\nextends: [core]\n");
    put("registry.yaml", "kind: registry\nversion: 1\nowners:\n  - name: Nämnden\n    aliases: [N]\n");
    put("model.lua",
        "model {\n"
        "  id = 'tiny', title = 'Tiny',\n"
        "  criteria = {\n"
        "    {id = 'a', label = 'A', scale = {1, 5}, direction = 'benefit', value = 'assessment'},\n"
        "    {id = 'b', label = 'B', scale = {1, 5}, direction = 'benefit', value = 'assessment'},\n"
        "    {id = 'c', label = 'Cost', direction = 'cost', value = function(x) return x.cost_sek end},\n"
        "  },\n"
        "  gates = {{id = 'owner', message = 'has no known owner',\n"
        "            pass = function(x) return registry.owner(tostring(x.owner)) ~= nil end}},\n"
        "}\n");
    styr_limits lim;
    styr_limits_default(&lim);
    styr_error err;
    styr_check_init();
    if (styr_ruleset_load_from(root, source_rules(), &lim, &rs, &err) != STYR_OK)
        fail_msg("ruleset: %s:%u: %s", err.file, err.line, err.message);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    styr_ruleset_free(rs);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    return system(cmd) == 0 ? 0 : -1;
}

typedef struct scored_run {
    styr_doc *areas, *scen;
    styr_file_result ares, sres;
    styr_area_table t;
    styr_scored s;
    int scored;
} scored_run;

static styr_doc *parse(const char *name, const char *yaml)
{
    styr_doc *d = NULL;
    styr_error err;
    if (styr_doc_load_buffer(name, yaml, strlen(yaml), NULL, &d, &err) != STYR_OK)
        fail_msg("%s:%u:%u: %s", name, err.line, err.column, err.message);
    return d;
}

static void run(scored_run *r, const char *areas, const char *scenario)
{
    memset(r, 0, sizeof *r);
    styr_error err;
    r->areas = parse("areas.yaml", areas);
    assert_int_equal(styr_validate_doc(rs, &run_opts, r->areas, &r->ares, &err), STYR_OK);
    assert_int_equal(styr_area_table_build(rs, &run_opts, r->areas, &r->ares, &r->t, &err), STYR_OK);
    r->scen = parse("scenario.yaml", scenario);
    assert_int_equal(styr_validate_doc_with_areas(rs, &run_opts, r->scen, styr_map_get(r->areas->root, "areas", 5), &r->sres, &err),
                     STYR_OK);
    if (styr_score_scenario(rs, &run_opts, &r->t, r->scen->root, "scenario.yaml", &r->s, &err) != STYR_OK)
        fail_msg("score: %s", err.message);
    r->scored = 1;
}

static void done(scored_run *r)
{
    styr_scored_free(&r->s);
    styr_area_table_free(&r->t);
    styr_file_result_free(&r->ares);
    styr_file_result_free(&r->sres);
    styr_doc_free(r->areas);
    styr_doc_free(r->scen);
}

static long find(const styr_area_table *t, const char *id)
{
    for (size_t i = 0; i < t->n; i++)
        if (strcmp(t->ids[i], id) == 0)
            return (long)i;
    return -1;
}

#define AREA(id, a, b, cost, extra) \
    "  - {id: " id ", title: T, owner: N, cost_sek: " cost ", assessments: {a: " a ", b: " b "}" extra "}\n"

static const char *const AREAS =
    "kind: innovation-areas\nversion: 1\nareas:\n"
    AREA("alfa", "5", "5", "100", "")
    AREA("beta", "3", "4", "300", "")
    AREA("gamma", "1", "2", "500", "")
    AREA("delta", "4", "1", "200", "");

static const char *const AREAS_SHUFFLED =
    "kind: innovation-areas\nversion: 1\nareas:\n"
    AREA("delta", "4", "1", "200", "")
    AREA("gamma", "1", "2", "500", "")
    AREA("alfa", "5", "5", "100", "")
    AREA("beta", "3", "4", "300", "");

static const char *const WS =
    "kind: scenario\nversion: 1\nid: s\nmodel: tiny\nmethod: weighted-sum\nweights: {a: 1, b: 2, c: 1}\n";

/* The binary search over the sorted ids: every id found at its place, and
 * an absent id before, between and after them not found (and the search
 * ends: a loop that went on at lo == hi would hang or read past the end). */
static void test_area_table_find(void **state)
{
    (void)state;
    char *ids[] = {"b", "d", "dd", "f"};
    styr_area_table t;
    memset(&t, 0, sizeof t);
    t.n = 4;
    t.ids = ids;
    for (long i = 0; i < 4; i++)
        assert_int_equal(styr_area_table_find(&t, ids[i], strlen(ids[i])), i);
    const char *absent[] = {"a", "c", "d0", "ddd", "e", "g", "", "bb"};
    for (size_t k = 0; k < sizeof absent / sizeof absent[0]; k++)
        assert_int_equal(styr_area_table_find(&t, absent[k], strlen(absent[k])), -1);
    assert_int_equal(styr_area_table_find(&t, "dd!", 2), 2);   /* len, not the NUL, ends the id */
    t.n = 0;
    assert_int_equal(styr_area_table_find(&t, "b", 1), -1);
}

static void test_order_of_areas_does_not_matter(void **state)
{
    (void)state;
    scored_run x, y;
    run(&x, AREAS, WS);
    run(&y, AREAS_SHUFFLED, WS);
    assert_int_equal(x.t.n, 4);
    for (size_t i = 0; i < x.t.n; i++) {
        long j = find(&y.t, x.t.ids[i]);
        assert_true(j >= 0);
        assert_true(x.s.score[i] == y.s.score[j]);   /* bit for bit */
        assert_int_equal(x.s.rank[i], y.s.rank[j]);
    }
    done(&x);
    done(&y);
}

static void test_scaling_weights_does_not_matter(void **state)
{
    (void)state;
    static const char *const methods[] = {"weighted-sum", "topsis"};
    for (int k = 0; k < 2; k++) {
        char s1[256], s2[256];
        snprintf(s1, sizeof s1, "kind: scenario\nversion: 1\nmodel: tiny\nmethod: %s\nweights: {a: 1, b: 2, c: 1}\n", methods[k]);
        snprintf(s2, sizeof s2, "kind: scenario\nversion: 1\nmodel: tiny\nmethod: %s\nweights: {a: 35, b: 70, c: 35}\n", methods[k]);
        scored_run x, y;
        run(&x, AREAS, s1);
        run(&y, AREAS, s2);
        for (size_t i = 0; i < x.t.n; i++) {
            assert_float_equal(x.s.score[i], y.s.score[i], 1e-12);
            assert_int_equal(x.s.rank[i], y.s.rank[i]);
        }
        done(&x);
        done(&y);
    }
}

static void test_a_dominating_area_is_first(void **state)
{
    (void)state;
    /* alfa is best on a, b and cost; gamma is worst on all three. */
    static const char *const methods[] = {"weighted-sum", "topsis"};
    for (int k = 0; k < 2; k++) {
        char s[256];
        snprintf(s, sizeof s, "kind: scenario\nversion: 1\nmodel: tiny\nmethod: %s\nweights: {a: 3, b: 1, c: 2}\n", methods[k]);
        scored_run x;
        run(&x, AREAS, s);
        assert_string_equal(x.t.ids[x.s.order[0]], "alfa");
        assert_int_equal(x.s.rank[find(&x.t, "alfa")], 1);
        assert_int_not_equal(x.s.rank[find(&x.t, "gamma")], 1);
        done(&x);
    }
}

static void test_contributions_add_up_and_ties_rank_equal(void **state)
{
    (void)state;
    scored_run x;
    run(&x, "kind: innovation-areas\nversion: 1\nareas:\n"
            AREA("one", "3", "3", "100", "") AREA("two", "3", "3", "100", "") AREA("three", "1", "1", "900", ""),
        WS);
    size_t one = (size_t)find(&x.t, "one"), two = (size_t)find(&x.t, "two");
    assert_int_equal(x.s.rank[one], 1);
    assert_int_equal(x.s.rank[two], 1);
    assert_int_equal(x.s.rank[find(&x.t, "three")], 3);
    assert_string_equal(x.t.ids[x.s.order[0]], "one");   /* display tie-break by id */
    for (size_t i = 0; i < x.t.n; i++) {
        double sum = 0;
        for (size_t j = 0; j < x.t.m; j++)
            sum += x.s.contrib[i * x.t.m + j];
        assert_float_equal(sum, x.s.score[i], 1e-12);
    }
    /* a = 3 on the scale 1..5 normalises to 0.5, and weighs 1/4 */
    assert_float_equal(x.s.contrib[one * x.t.m + 0], 0.5 * 0.25, 1e-12);
    done(&x);
}

static void test_left_out_areas_say_why(void **state)
{
    (void)state;
    scored_run x;
    run(&x, "kind: innovation-areas\nversion: 1\nareas:\n"
            AREA("ok", "3", "3", "100", "")
            "  - {id: noowner, title: T, owner: Okänd, cost_sek: 100, assessments: {a: 3, b: 3}}\n"
            "  - {id: missing, title: T, owner: N, cost_sek: 100, assessments: {a: 3}}\n"
            "  - {id: outside, title: T, owner: N, cost_sek: 100, assessments: {a: 9, b: 3}}\n",
        WS);
    assert_int_equal(x.t.n, 1);
    assert_int_equal(x.t.nexcluded, 3);
    for (size_t e = 0; e < x.t.nexcluded; e++) {
        const styr_excluded *ex = &x.t.excluded[e];
        if (strcmp(ex->area, "noowner") == 0)
            assert_non_null(strstr(ex->reason, "not in the registry"));
        else if (strcmp(ex->area, "missing") == 0)
            assert_non_null(strstr(ex->reason, "no assessment of 'b'"));
        else if (strcmp(ex->area, "outside") == 0)
            assert_non_null(strstr(ex->reason, "outside the scale"));
        else
            fail_msg("unexpected area left out: %s", ex->area);
    }
    done(&x);
}

static void test_budget_selection_is_exact(void **state)
{
    (void)state;
    /* Compared with every subset of the four areas. */
    scored_run x;
    run(&x, AREAS,
        "kind: scenario\nversion: 1\nmodel: tiny\nmethod: weighted-sum\nweights: {a: 1, b: 2}\nbudget_sek: 400\n");
    assert_true(x.s.has_budget);
    assert_false(x.s.infeasible);
    assert_true(x.s.sel.proven_optimal);
    double best = -1;
    unsigned bestmask = 0;
    size_t n = x.t.n;
    for (unsigned mask = 0; mask < (1u << n); mask++) {
        double cost = 0, score = 0;
        for (size_t i = 0; i < n; i++)
            if (mask & (1u << i)) {
                cost += x.t.cost[i];
                score += x.s.score[i];
            }
        if (cost <= 400 && score > best) {
            best = score;
            bestmask = mask;
        }
    }
    assert_float_equal(x.s.sel.total_score, best, 1e-9);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(x.s.chosen[i] != 0, (bestmask >> i) & 1u);
    done(&x);
}

static void test_budget_honours_include_exclude_and_dependencies(void **state)
{
    (void)state;
    scored_run x;
    run(&x,
        "kind: innovation-areas\nversion: 1\nareas:\n"
        AREA("alfa", "5", "5", "100", "")
        AREA("beta", "3", "4", "300", ", requires: [gamma]")
        AREA("gamma", "1", "2", "100", "")
        AREA("delta", "4", "1", "200", ", excludes: [alfa]"),
        "kind: scenario\nversion: 1\nmodel: tiny\nweights: {a: 1, b: 1}\nbudget_sek: 1000\n"
        "include: [beta]\nexclude: [delta]\n");
    assert_false(x.s.infeasible);
    assert_true(x.s.chosen[find(&x.t, "beta")]);
    assert_true(x.s.chosen[find(&x.t, "gamma")]);   /* pulled in by beta */
    assert_false(x.s.chosen[find(&x.t, "delta")]);
    assert_true(x.s.chosen[find(&x.t, "alfa")]);
    done(&x);

    /* An area that requires the first area of the file (index 0) can be
     * chosen, and brings it in. */
    run(&x,
        "kind: innovation-areas\nversion: 1\nareas:\n"
        AREA("alfa", "1", "1", "100", "")
        AREA("beta", "5", "5", "100", ", requires: [alfa]"),
        "kind: scenario\nversion: 1\nmodel: tiny\nweights: {a: 1, b: 1}\nbudget_sek: 1000\ninclude: [beta]\n");
    assert_false(x.s.infeasible);
    assert_true(x.s.chosen[find(&x.t, "beta")]);
    assert_true(x.s.chosen[find(&x.t, "alfa")]);
    done(&x);

    /* excludes keeps two areas apart even when the budget holds both: the
     * better one is chosen */
    run(&x,
        "kind: innovation-areas\nversion: 1\nareas:\n"
        AREA("alfa", "5", "5", "100", "")
        AREA("delta", "4", "1", "100", ", excludes: [alfa]"),
        "kind: scenario\nversion: 1\nmodel: tiny\nweights: {a: 1, b: 1}\nbudget_sek: 1000\n");
    assert_false(x.s.infeasible);
    assert_true(x.s.chosen[find(&x.t, "alfa")]);
    assert_false(x.s.chosen[find(&x.t, "delta")]);
    done(&x);

    /* An area that requires one the gate leaves out (no known owner) can
     * never be chosen; one that excludes it is free (it links nothing). */
    run(&x,
        "kind: innovation-areas\nversion: 1\nareas:\n"
        AREA("alfa", "5", "5", "100", ", requires: [gamma]")
        AREA("delta", "4", "1", "100", ", excludes: [gamma]")
        "  - {id: gamma, title: T, owner: Okänd, cost_sek: 100, assessments: {a: 1, b: 1}}\n",
        "kind: scenario\nversion: 1\nmodel: tiny\nweights: {a: 1, b: 1}\nbudget_sek: 1000\n");
    assert_false(x.s.infeasible);
    assert_int_equal(x.t.nblocked, 1);
    assert_int_equal(x.t.nconflicts, 0);
    assert_false(x.s.chosen[find(&x.t, "alfa")]);
    assert_true(x.s.chosen[find(&x.t, "delta")]);
    done(&x);

    /* Forcing in more than the budget holds is reported, not relaxed. */
    run(&x, AREAS, "kind: scenario\nversion: 1\nmodel: tiny\nweights: {a: 1}\nbudget_sek: 200\ninclude: [gamma]\n");
    assert_true(x.s.infeasible);
    assert_non_null(strstr(x.s.infeasible_reason, "gamma"));
    done(&x);
}

static void test_pairwise_weights(void **state)
{
    (void)state;
    scored_run x;
    /* The consistent matrix of REFERENCES.md: 4/7, 2/7, 1/7 and CR 0. */
    run(&x, AREAS,
        "kind: scenario\nversion: 1\nmodel: tiny\npairwise:\n  - [a, b, 2]\n  - [a, c, 4]\n  - [b, c, 2]\n");
    assert_int_equal(x.s.weights.source, STYR_WEIGHTS_PAIRWISE);
    assert_float_equal(x.s.weights.w[0], 4.0 / 7, 1e-9);
    assert_float_equal(x.s.weights.w[1], 2.0 / 7, 1e-9);
    assert_float_equal(x.s.weights.w[2], 1.0 / 7, 1e-9);
    assert_float_equal(x.s.weights.ahp.cr, 0, 1e-9);
    done(&x);

    /* A criterion no judgement names weighs 0. */
    run(&x, AREAS, "kind: scenario\nversion: 1\nmodel: tiny\npairwise:\n  - [a, b, 3]\n");
    assert_float_equal(x.s.weights.w[0], 0.75, 1e-9);
    assert_float_equal(x.s.weights.w[2], 0, 0);
    done(&x);

    /* A fraction's digits include 0: "10/20" is 1/2, a against b. */
    run(&x, AREAS, "kind: scenario\nversion: 1\nmodel: tiny\npairwise:\n  - [a, b, \"10/20\"]\n");
    assert_float_equal(x.s.weights.w[0], 1.0 / 3, 1e-9);
    assert_float_equal(x.s.weights.w[1], 2.0 / 3, 1e-9);
    done(&x);
}

static void test_scenario_problems(void **state)
{
    (void)state;
    static const struct { const char *yaml, *part; } cases[] = {
        {"weights: {a: 1, zz: 2}", "no criterion 'zz'"},
        {"weights: {a: 0, b: 0}", "all zero"},
        {"weights: {a: -1}", "must be a number >= 0"},
        {"pairwise:\n  - [a, b, 2]\n  - [b, c, 2]", "missing"},
        {"weights: {a: 1}\npairwise:\n  - [a, b, 2]", "either weights or pairwise"},
        /* a judgement is a finite number > 0, between two different criteria */
        {"pairwise:\n  - [a, b, 0]", "with a number > 0"},
        {"pairwise:\n  - [a, b, -2]", "with a number > 0"},
        {"pairwise:\n  - [a, b, .inf]", "with a number > 0"},
        {"pairwise:\n  - [a, b, many]", "with a number > 0"},
        /* a fraction has at most six digits a side, as the rule's pattern reads it */
        {"pairwise:\n  - [a, b, \"1/1000000\"]", "with a number > 0"},
        {"pairwise:\n  - [a, b, \"1000000/1\"]", "with a number > 0"},
        /* a fraction is two whole numbers > 0 and nothing more */
        {"pairwise:\n  - [a, b, \"1/0\"]", "with a number > 0"},
        {"pairwise:\n  - [a, b, \"0/3\"]", "with a number > 0"},
        {"pairwise:\n  - [a, b, \"1/3 x\"]", "with a number > 0"},
        {"pairwise:\n  - [a, a, 2]", "two different criteria"},
        /* a judgement is a list of exactly three */
        {"pairwise:\n  - [a, b]", "each judgement is [a, b, v]"},
        {"pairwise:\n  - [a, b, 2, 3]", "each judgement is [a, b, v]"},
        {"pairwise:\n  - a b 2", "each judgement is [a, b, v]"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char y[256];
        snprintf(y, sizeof y, "kind: scenario\nversion: 1\nmodel: tiny\n%s\n", cases[i].yaml);
        styr_doc *d = parse("s.yaml", y);
        styr_weights w;
        styr_error err;
        assert_int_equal(styr_scenario_weights(rs->model, d->root, "s.yaml", &w, &err), STYR_E_INPUT);
        if (!strstr(err.message, cases[i].part))
            fail_msg("case %zu: '%s' lacks '%s'", i, err.message, cases[i].part);
        assert_true(err.line > 0);
        styr_doc_free(d);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_area_table_find),
        cmocka_unit_test(test_order_of_areas_does_not_matter),
        cmocka_unit_test(test_scaling_weights_does_not_matter),
        cmocka_unit_test(test_a_dominating_area_is_first),
        cmocka_unit_test(test_contributions_add_up_and_ties_rank_equal),
        cmocka_unit_test(test_left_out_areas_say_why),
        cmocka_unit_test(test_budget_selection_is_exact),
        cmocka_unit_test(test_budget_honours_include_exclude_and_dependencies),
        cmocka_unit_test(test_pairwise_weights),
        cmocka_unit_test(test_scenario_problems),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
