/* test_budget.c - unit tests of engine/budget.c: years, statuses, owners (the
 * default owner and offices), funders, and the gap left by money that ends -
 * the same figures the rule plan.budget.gap states - and the owners' capacity
 * (engine/ruleset/capacity.c): at the boundary, by level, and rejected at load. */
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
        "  - {name: Kompletteringsbudget, type: supplementary-budget, yearly: true}\n"
        "  - {name: Engångsanslag, type: budget, yearly: false}\n");
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

/* "<yearly funder> YYYY" reads as the funder only with four digits after a
 * space: "Kompletteringsbudget 201x" and "...budget2018" stay as written. */
static void test_yearly_funder_needs_a_year(void **state)
{
    (void)state;
    /* a funder with yearly: false is not read with a year after its name */
    static const char *const written[] = {"Kompletteringsbudget 201x", "Kompletteringsbudget 20x8",
                                          "Kompletteringsbudget2018", "Kompletteringsbudget 2019",
                                          "Kompletteringsbudget 9990", "Engångsanslag 2018"};
    static const char *const read[] = {"Kompletteringsbudget 201x", "Kompletteringsbudget 20x8",
                                       "Kompletteringsbudget2018", "Kompletteringsbudget", "Kompletteringsbudget",
                                       "Engångsanslag 2018"};
    for (size_t k = 0; k < sizeof written / sizeof *written; k++) {
        char plan[1024];
        snprintf(plan, sizeof plan, HEAD
                 "actions:\n"
                 "  - id: '1.1'\n"
                 "    owner: SLK\n"
                 "    financing:\n"
                 "      - {source: %s, type: supplementary-budget, amount_sek: 100, years: [2018]}\n", written[k]);
        styr_doc *doc = NULL;
        styr_budget b;
        assert_int_equal(project(plan, &doc, &b), STYR_OK);
        assert_int_equal(b.nfunders, 1);
        assert_string_equal(b.funders[0].funder, read[k]);
        styr_budget_free(&b);
        styr_doc_free(doc);
    }
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
    /* No owner anywhere: the action is counted under no name (null in
     * JSON, "(ingen ansvarig angiven)" for people), and so is money without
     * a source: nothing stands for a name a plan could write ("-"). */
    assert_int_equal(b.nowners, 1);
    assert_null(b.owners[0].owner);
    assert_int_equal(b.owners[0].actions, 1);
    assert_null(b.actions[0].owner);
    styr_budget_free(&b);
    styr_doc_free(doc);
}

/* Money without a source is a funder slot of its own, never the same as a
 * source a plan writes, even one spelt "-" (what used to stand for none). */
static void test_money_without_source_is_its_own_slot(void **state)
{
    (void)state;
    styr_doc *doc = NULL;
    styr_budget b;
    assert_int_equal(project(HEAD
        "owner: Intraservice\n"
        "actions:\n"
        "  - id: '1.1'\n"
        "    financing:\n"
        "      - {source: '-', type: existing-mandate, amount_sek: 100}\n"
        "      - {type: existing-mandate, amount_sek: 20}\n"
        "      - {source: '   ', type: existing-mandate, amount_sek: 3}\n"
        "      - {source: [Vinnova], type: external-grant, amount_sek: 4000}\n", &doc, &b), STYR_OK);
    /* '-', own money without a source (none, blank), a grant without one (a
     * list is no name): the grant is never pooled with the own money */
    assert_int_equal(b.nfunders, 3);
    assert_string_equal(b.funders[0].funder, "-");
    assert_true(b.funders[0].sek == 100);
    assert_null(b.funders[1].funder);
    assert_false(b.funders[1].external);
    assert_true(b.funders[1].sek == 23);
    assert_null(b.funders[2].funder);
    assert_true(b.funders[2].external);
    assert_true(b.funders[2].sek == 4000);
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

/* Loads the test registry again with `settings:` text (a YAML block under
 * settings:); returns the load's status, the ruleset in *out, the error in err. */
static styr_status load_with_settings_in(const char *settings, int lang, styr_ruleset **out, styr_error *err)
{
    char text[1024];
    snprintf(text, sizeof text, "kind: ruleset\nversion: 1\nname: t\nsettings:\n%s", settings);
    put("ruleset.yaml", text);
    styr_limits lim;
    styr_limits_default(&lim);
    lim.lang = lang;
    styr_error_clear(err);
    styr_status st = styr_ruleset_load(root, &lim, out, err);
    put("ruleset.yaml", "kind: ruleset\nversion: 1\nname: t\n");
    return st;
}

/* ... in Swedish, the default language. */
static styr_status load_with_settings(const char *settings, styr_ruleset **out, styr_error *err)
{
    return load_with_settings_in(settings, STYR_LANG_SV, out, err);
}

/* Projects text with ruleset r instead of the shared one. */
static styr_status project_with(styr_ruleset *r, const char *text, styr_doc **doc, styr_budget *b)
{
    styr_ruleset *saved = rs;
    rs = r;
    styr_status st = project(text, doc, b);
    rs = saved;
    return st;
}

/* Equal to the capacity is within it; one action, one krona or 0.01 FTE
 * more is over, measure by measure. The owner is named by its office. */
static void test_capacity_equal_is_within_one_over_is_over(void **state)
{
    (void)state;
    styr_ruleset *r = NULL;
    styr_error err;
    if (load_with_settings("  workload_capacity:\n    owners:\n      SLK: {actions: 2, sek: 1000000, fte: 1.5}\n", &r,
                           &err) != STYR_OK)
        fail_msg("does not load: %s", err.message);
    styr_doc *doc = NULL;
    styr_budget b;
    assert_int_equal(project_with(r, HEAD
        "owner: Kommunstyrelsen\n"
        "actions:\n"
        "  - id: '1.1'\n"
        "    timeline: {start: 2018, end: 2019}\n"
        "    financing:\n"
        "      - {source: Kommunstyrelsen, type: budget, amount_sek: 1000000, fte: 1.5, years: [2018]}\n"
        "      - {source: Kommunstyrelsen, type: budget, amount_sek: 1000001, fte: 1.51, years: [2019]}\n"
        "  - id: '1.2'\n"
        "  - id: '1.3'\n"
        "    timeline: {start: 2019}\n", &doc, &b), STYR_OK);
    assert_int_equal(b.nowners, 1);
    const styr_budget_owner *o = &b.owners[0];
    assert_string_equal(o->owner, "Kommunstyrelsen");
    for (int m = 0; m < STYR_CAP_COUNT; m++) {
        assert_true(o->capacity.set[m]);
        assert_null(o->capacity.level[m]);                /* the owner's own entry */
    }
    /* 2018: 1.1 and 1.2 (1.3 starts in 2019), 1 000 000 kr, 1.5 FTE: at capacity. */
    assert_int_equal(o->years[0].actions, 2);
    for (int m = 0; m < STYR_CAP_COUNT; m++)
        assert_false(o->years[0].over[m]);
    /* 2019: three actions, 1 000 001 kr, 1.51 FTE: each one over. */
    assert_int_equal(o->years[1].actions, 3);
    for (int m = 0; m < STYR_CAP_COUNT; m++)
        assert_true(o->years[1].over[m]);
    assert_true(o->over);
    /* The actions as the timeline draws them: 1.2 the plan period, 1.3 from its start. */
    assert_int_equal(b.nactions, 3);
    assert_string_equal(b.actions[1].start, "2018-01-01");
    assert_string_equal(b.actions[1].end, "2019-12-31");
    assert_false(b.actions[1].own);
    assert_string_equal(b.actions[2].start, "2019-01-01");
    assert_true(b.actions[2].own);
    assert_string_equal(o->first_action, "1.1");
    styr_budget_free(&b);
    styr_doc_free(doc);
    styr_ruleset_free(r);
}

/* A level's capacity applies to its owners; an owner's own figure comes
 * first, measure by measure; an owner the registry does not know has none. */
static void test_level_capacity_and_the_owner_first(void **state)
{
    (void)state;
    styr_ruleset *r = NULL;
    styr_error err;
    if (load_with_settings("  workload_capacity:\n"
                           "    owners: {Intraservice: {fte: 3}}\n"
                           "    levels: {board: {actions: 1, fte: 1}, executive: {sek: 0}}\n", &r, &err) != STYR_OK)
        fail_msg("does not load: %s", err.message);
    styr_doc *doc = NULL;
    styr_budget b;
    assert_int_equal(project_with(r, HEAD
        "actions:\n"
        "  - {id: '1.1', owner: Intraservice, financing: [{source: Intraservice, type: budget, fte: 2}]}\n"
        "  - {id: '1.2', owner: Intraservice}\n"
        "  - {id: '1.3', owner: Okänd nämnd}\n", &doc, &b), STYR_OK);
    assert_int_equal(b.nowners, 2);
    const styr_budget_owner *o = &b.owners[0];
    assert_string_equal(o->capacity.level[STYR_CAP_ACTIONS], "board");
    assert_null(o->capacity.level[STYR_CAP_FTE]);           /* its own 3 FTE, not the level's 1 */
    assert_true(o->capacity.max[STYR_CAP_FTE] == 3);
    assert_false(o->capacity.set[STYR_CAP_SEK]);             /* executive's limit is not board's */
    assert_true(o->years[0].over[STYR_CAP_ACTIONS]);         /* two actions, at most one */
    assert_false(o->years[0].over[STYR_CAP_FTE]);            /* 2 FTE within its own 3 */
    styr_capacity none;
    assert_int_equal(styr_capacity_of(r, "Okänd nämnd", &none), 0);
    assert_false(b.owners[1].over);
    styr_budget_free(&b);
    styr_doc_free(doc);
    styr_ruleset_free(r);
}

/* Without the setting nothing is over, however much an owner carries. */
static void test_no_capacity_no_limit(void **state)
{
    (void)state;
    styr_doc *doc = NULL;
    styr_budget b;
    assert_int_equal(project(HEAD "owner: Kommunstyrelsen\nactions:\n  - id: '1'\n  - id: '2'\n  - id: '3'\n", &doc, &b),
                     STYR_OK);
    for (int m = 0; m < STYR_CAP_COUNT; m++) {
        assert_false(b.owners[0].capacity.set[m]);
        assert_false(b.owners[0].years[0].over[m]);
    }
    assert_false(b.owners[0].over);
    styr_budget_free(&b);
    styr_doc_free(doc);
}

/* A capacity the engine cannot read stops the ruleset's load at its line,
 * told in the run's language (the ruleset's author is a coordinator). */
static void test_bad_capacity_stops_the_load(void **state)
{
    (void)state;
    static const struct { const char *settings, *says_sv, *says_en; unsigned line; } bad[] = {
        {"  workload_capacity: {levels: {bord: {actions: 1}}}\n", "okänd nivå 'bord' (council, executive, board, "
         "company eller office) (menade du 'board'?)", "unknown level 'bord' (council, executive, board, company or "
         "office) (did you mean 'board'?)", 5},
        {"  workload_capacity: {owners: {Intraservis: {actions: 1}}}\n", "'Intraservis' är ingen ansvarig i registret "
         "(menade du 'Intraservice'?)", "'Intraservis' is not an owner of the registry (did you mean 'Intraservice'?)", 5},
        {"  workload_capacity:\n    owners:\n      Intraservice: {actions: -1}\n",
         "actions ska vara ett heltal >= 0, högst", "actions must be a whole number >= 0, at most", 7},
        {"  workload_capacity:\n    owners:\n      Intraservice: {fte: many}\n", "fte ska vara ett tal >= 0, högst",
         "fte must be a number >= 0, at most", 7},
        {"  workload_capacity: {owner: {}}\n", "okänd nyckel 'owner' (owners eller levels) (menade du 'owners'?)",
         "unknown key 'owner' (owners or levels) (did you mean 'owners'?)", 5},
        {"  workload_capacity: 3\n", "är en mappning med owners och levels", "is a mapping with owners and levels", 5},
        {"  workload_capacity: {owners: {Intraservice: 2}}\n", "en kapacitet är en mappning av actions, sek och fte",
         "a capacity is a mapping of actions, sek and fte", 5},
        {"  workload_capacity: {owners: {Intraservice: {actoins: 2}}}\n",
         "okänt mått 'actoins' (actions, sek eller fte) (menade du 'actions'?)",
         "unknown measure 'actoins' (actions, sek or fte) (did you mean 'actions'?)", 5},
        {"  workload_capacity: {levels: [board]}\n", "levels ska ge varje nivå dess kapacitet, t.ex. levels: {board:",
         "levels must map each level to its capacity, e.g. levels: {board:", 5},
        {"  workload_capacity: {owners: [x]}\n", "owners ska ge varje ansvarig dess kapacitet, t.ex. owners: "
         "{Kommunstyrelsen:", "owners must map each owner to its capacity, e.g. owners: {Kommunstyrelsen:", 5},
    };
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++)
        for (int lang = STYR_LANG_SV; lang <= STYR_LANG_EN; lang++) {
            styr_ruleset *r = NULL;
            styr_error err;
            const char *says = lang == STYR_LANG_EN ? bad[k].says_en : bad[k].says_sv;
            assert_int_equal(load_with_settings_in(bad[k].settings, lang, &r, &err), STYR_E_RULESET);
            assert_null(r);
            if (!strstr(err.message, says) || strncmp(err.message, "workload_capacity", 17) != 0)
                fail_msg("case %zu: '%s' does not say '%s'", k, err.message, says);
            assert_int_equal(err.line, bad[k].line);
            assert_non_null(strstr(err.file, "ruleset.yaml"));
        }
}

/* Two owners, each with a capacity of its own, load side by side; the same
 * owner twice (by name and by office) is refused. */
static void test_capacity_of_two_owners(void **state)
{
    (void)state;
    styr_ruleset *r = NULL;
    styr_error err;
    if (load_with_settings("  workload_capacity:\n    owners:\n      Kommunstyrelsen: {actions: 2}\n"
                           "      Intraservice: {actions: 1}\n", &r, &err) != STYR_OK)
        fail_msg("two owners are refused: %s", err.message);
    styr_ruleset_free(r);
    r = NULL;
    assert_int_equal(load_with_settings("  workload_capacity:\n    owners:\n      Kommunstyrelsen: {actions: 2}\n"
                                        "      SLK: {actions: 1}\n", &r, &err), STYR_E_RULESET);
    assert_non_null(strstr(err.message, "'Kommunstyrelsen' och 'SLK' är samma ansvarig; ge den en kapacitet"));
    assert_int_equal(load_with_settings_in("  workload_capacity:\n    owners:\n      Kommunstyrelsen: {actions: 2}\n"
                                           "      SLK: {actions: 1}\n", STYR_LANG_EN, &r, &err), STYR_E_RULESET);
    assert_non_null(strstr(err.message, "'Kommunstyrelsen' and 'SLK' name the same owner; give it one capacity"));
}

/* A capacity is a figure a double holds exactly: up to 2^53, written as a
 * whole number or (for sek and fte) as a decimal; one more is refused. */
static void test_capacity_bound_is_two_to_the_53(void **state)
{
    (void)state;
    static const struct { const char *value; int ok; } cases[] = {
        {"9007199254740992", 1}, {"9007199254740992.0", 1}, {"9007199254740993", 0}, {"9.1e15", 0},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        char settings[200];
        snprintf(settings, sizeof settings, "  workload_capacity:\n    owners:\n      SLK: {sek: %s}\n",
                 cases[k].value);
        styr_ruleset *r = NULL;
        styr_error err;
        styr_status st = load_with_settings(settings, &r, &err);
        if (cases[k].ok) {
            if (st != STYR_OK)
                fail_msg("sek: %s is refused: %s", cases[k].value, err.message);
            styr_ruleset_free(r);
        } else {
            assert_int_equal(st, STYR_E_RULESET);
            assert_non_null(strstr(err.message, "högst 9007199254740992"));
        }
    }
}

/* Freeing nothing is nothing, as free(NULL) is: a caller that failed before
 * it had a projection frees it anyway; twice frees once. */
static void test_free_null_and_twice(void **state)
{
    (void)state;
    styr_budget_free(NULL);
    styr_budget b;
    memset(&b, 0, sizeof b);
    styr_budget_free(&b);
    styr_budget_free(&b);
    assert_int_equal(b.nactions, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_seed_gap_of_one_and_a_quarter_fte),
        cmocka_unit_test(test_free_null_and_twice),
        cmocka_unit_test(test_yearly_funder_needs_a_year),
        cmocka_unit_test(test_gap_is_what_is_not_replaced),
        cmocka_unit_test(test_continuing_grant_makes_no_gap),
        cmocka_unit_test(test_money_without_source_is_its_own_slot),
        cmocka_unit_test(test_amounts_by_year_and_status),
        cmocka_unit_test(test_period_is_required),
        cmocka_unit_test(test_capacity_equal_is_within_one_over_is_over),
        cmocka_unit_test(test_level_capacity_and_the_owner_first),
        cmocka_unit_test(test_no_capacity_no_limit),
        cmocka_unit_test(test_bad_capacity_stops_the_load),
        cmocka_unit_test(test_capacity_bound_is_two_to_the_53),
        cmocka_unit_test(test_capacity_of_two_owners),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
