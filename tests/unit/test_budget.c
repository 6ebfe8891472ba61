/* test_budget.c - unit tests of engine/budget.c: years, statuses, owners (the
 * default owner and offices), funders, and the gap left by money that ends -
 * the same figures the rule plan.budget.gap states. */
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

#include "budget.h"
#include "ruleset.h"

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
    strcpy(root, "/tmp/styr-budget-XXXXXX");
    assert_non_null(mkdtemp(root));
    put("ruleset.yaml", "kind: ruleset\nversion: 1\nname: t\n");
    put("registry.yaml",
        "kind: registry\nversion: 1\n"
        "boards:\n"
        "  - {name: Kommunstyrelsen, level: executive, offices: [SLK]}\n"
        "  - {name: Intraservice, level: board}\n"
        "funders:\n"
        "  - {name: Vinnova, type: external-grant, until: 2018-12}\n"
        "  - {name: Forever, type: external-grant}\n"
        "  - {name: Kompletteringsbudget, type: supplementary-budget, yearly: true}\n");
    styr_limits lim;
    styr_limits_default(&lim);
    styr_error err;
    styr_error_clear(&err);
    if (styr_ruleset_load(root, &lim, &rs, &err) != STYR_OK)
        fail_msg("ruleset does not load: %s", err.message);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    styr_ruleset_free(rs);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    return system(cmd);
}

/* Projects the plan text; the caller frees *b and *doc. */
static styr_status project(const char *text, styr_doc **doc, styr_budget *b)
{
    styr_limits lim;
    styr_limits_default(&lim);
    styr_error err;
    styr_error_clear(&err);
    assert_int_equal(styr_doc_load_buffer("plan.yaml", text, strlen(text), &lim, doc, &err), STYR_OK);
    return styr_budget_compute(rs, *doc, "plan.yaml", b, &err);
}

#define HEAD "kind: action-plan\nversion: 1\nperiod: {from: 2018, to: 2019}\n"

/* The seed's case: 2018 is 3 MSEK requested + 2.25 reprioritised + 1.25
 * external FTE; the grants end with 2018 (the registry's until); 2019 is a
 * projection without external FTE: a gap of 1.25 FTE in 2019, none in 2018. */
static void test_seed_gap_of_one_and_a_quarter_fte(void **state)
{
    (void)state;
    styr_doc *doc = NULL;
    styr_budget b;
    assert_int_equal(project(HEAD
        "owner: Kommunstyrelsen\n"
        "budget:\n"
        "  - {year: 2018, funding_sek: 3000000, fte_reprioritised: 2.25, fte_external: 1.25, status: requested}\n"
        "  - {year: 2019, fte_external: 0, status: projected}\n"
        "actions:\n"
        "  - id: '5.1'\n"
        "    owner: SLK\n"
        "    financing:\n"
        "      - {source: Kompletteringsbudget 2018, type: supplementary-budget, status: requested, amount_sek: 3000000, years: [2018]}\n"
        "      - {source: Vinnova, type: external-grant, years: [2018]}\n"
        "  - id: '1.1'\n", &doc, &b), STYR_OK);
    assert_int_equal(b.nyears, 2);
    assert_true(b.years[0].gap_fte == 0 && b.years[0].gap_sek == 0);
    assert_true(b.years[1].gap_fte > 1.2499 && b.years[1].gap_fte < 1.2501);
    assert_true(b.years[1].gap_sek == 0);
    assert_true(b.years[0].sek.requested == 3000000 && b.years[0].sek.decided == 0);
    assert_true(b.years[0].sek.own == 3000000 && b.years[0].sek.external == 0);
    assert_string_equal(b.years[1].budget_status, "projected");
    assert_true(b.years[1].budget_sek == 3000000);          /* left out: the base year's level */
    assert_false(b.years[1].has_budget_sek);
    assert_string_equal(b.gap_sources, "Vinnova");
    /* SLK is Kommunstyrelsen's office; 1.1 takes the plan's owner: one owner. */
    assert_int_equal(b.nowners, 1);
    assert_string_equal(b.owners[0].owner, "Kommunstyrelsen");
    assert_int_equal(b.owners[0].actions, 2);
    assert_int_equal(b.owners[0].years[1].actions, 2);
    /* The yearly funder reads as its registry name. */
    int found = 0;
    for (size_t i = 0; i < b.nfunders; i++)
        if (strcmp(b.funders[i].funder, "Kompletteringsbudget") == 0 && b.funders[i].sek == 3000000)
            found = 1;
        else if (strcmp(b.funders[i].funder, "Vinnova") == 0)
            assert_string_equal(b.funders[i].until, "2018-12-31");
    assert_true(found);
    styr_budget_free(&b);
    styr_doc_free(doc);
}

/* Replaced money leaves no gap; money not replaced is the gap in SEK. */
static void test_gap_is_what_is_not_replaced(void **state)
{
    (void)state;
    static const struct { const char *y2019; double gap_sek, gap_fte; } cases[] = {
        {"  - {year: 2019, funding_sek: 3500000, fte_reprioritised: 3.5, fte_external: 0}\n", 0, 0},
        {"  - {year: 2019, funding_sek: 3000000, fte_reprioritised: 3.5}\n", 500000, 0},
        {"  - {year: 2019, funding_sek: 3200000, fte_reprioritised: 3}\n", 300000, 0.5},
        {"", 500000, 1.25},     /* no 2019 entry: the base level goes on, the grant does not */
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        char plan[2048];
        snprintf(plan, sizeof plan, HEAD
                 "budget:\n"
                 "  - {year: 2018, funding_sek: 3000000, fte_reprioritised: 2.25, fte_external: 1.25}\n%s"
                 "actions:\n"
                 "  - id: '1.1'\n"
                 "    owner: Intraservice\n"
                 "    financing:\n"
                 "      - {source: Vinnova, type: external-grant, amount_sek: 500000, until: 2018-12, years: [2018]}\n",
                 cases[k].y2019);
        styr_doc *doc = NULL;
        styr_budget b;
        assert_int_equal(project(plan, &doc, &b), STYR_OK);
        if (!(b.years[1].gap_sek > cases[k].gap_sek - 0.01 && b.years[1].gap_sek < cases[k].gap_sek + 0.01) ||
            !(b.years[1].gap_fte > cases[k].gap_fte - 1e-9 && b.years[1].gap_fte < cases[k].gap_fte + 1e-9))
            fail_msg("case %zu: gap %.2f SEK %.4f FTE, expected %.2f and %.4f", k, b.years[1].gap_sek, b.years[1].gap_fte,
                     cases[k].gap_sek, cases[k].gap_fte);
        styr_budget_free(&b);
        styr_doc_free(doc);
    }
}

/* A grant that goes on (no end anywhere) makes no gap. */
static void test_continuing_grant_makes_no_gap(void **state)
{
    (void)state;
    styr_doc *doc = NULL;
    styr_budget b;
    assert_int_equal(project(HEAD
        "budget:\n"
        "  - {year: 2018, funding_sek: 0, fte_reprioritised: 1, fte_external: 2}\n"
        "actions:\n"
        "  - id: '1.1'\n"
        "    financing:\n"
        "      - {source: Forever, type: external-grant}\n", &doc, &b), STYR_OK);
    assert_true(b.years[1].gap_fte == 0);
    assert_null(b.gap_sources);
    /* No owner anywhere: the action is counted under "-". */
    assert_string_equal(b.owners[0].owner, "-");
    styr_budget_free(&b);
    styr_doc_free(doc);
}

/* amount_sek is the total over its years; status sorts it. */
static void test_amounts_by_year_and_status(void **state)
{
    (void)state;
    styr_doc *doc = NULL;
    styr_budget b;
    assert_int_equal(project(HEAD
        "actions:\n"
        "  - id: '1.1'\n"
        "    owner: Intraservice\n"
        "    timeline: {start: 2019-03, end: 2021-06}\n"
        "    financing:\n"
        "      - {source: Intraservice, type: existing-mandate, amount_sek: 400000, fte: 0.5}\n"
        "      - {source: Vinnova, type: budget, status: conditional, amount_sek: 1000000, years: [2018, 2019]}\n"
        "      - {source: X, type: budget, status: requested, amount_sek: 300000, years: [2017, 2018, 2019]}\n",
        &doc, &b), STYR_OK);
    /* The mandate: the action runs 2019 only within the period. */
    assert_true(b.years[0].sek.own == 100000 && b.years[1].fte_own == 0.5);   /* 2018: only X (not a grant) */
    assert_true(b.years[1].sek.decided == 400000);
    /* Vinnova is a grant by the registry, whatever type the plan wrote. */
    assert_true(b.years[0].sek.conditional == 500000 && b.years[0].sek.external == 500000);
    /* 300000 over three listed years: 100000 a year, 2017 outside. */
    assert_true(b.years[0].sek.requested == 100000 && b.years[1].sek.requested == 100000);
    assert_int_equal(b.owners[0].years[0].actions, 0);
    assert_int_equal(b.owners[0].years[1].actions, 1);
    styr_budget_free(&b);
    styr_doc_free(doc);
}

static void test_period_is_required(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "kind: action-plan\nversion: 1\n",
        "kind: action-plan\nversion: 1\nperiod: {from: 2019, to: 2018}\n",
        "kind: action-plan\nversion: 1\nperiod: {from: 2018, to: 2018-13}\n",
        "kind: action-plan\nversion: 1\nperiod: {from: 1900, to: 2100}\n",
    };
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
        styr_doc *doc = NULL;
        styr_budget b;
        assert_int_equal(project(bad[k], &doc, &b), STYR_E_INPUT);
        styr_doc_free(doc);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_seed_gap_of_one_and_a_quarter_fte),
        cmocka_unit_test(test_gap_is_what_is_not_replaced),
        cmocka_unit_test(test_continuing_grant_makes_no_gap),
        cmocka_unit_test(test_amounts_by_year_and_status),
        cmocka_unit_test(test_period_is_required),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
