/* test_diff.c - unit tests of engine/diff.c: the similarity measure, pairing
 * by text rather than id (renumbering, swapped ids, a reworded title, a
 * moved action), field-by-field paths (a changed amount, a removed financing
 * entry, an added key), findings new and fixed across a renumbering, areas
 * files, and the files it refuses. */
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

#include "diff.h"
#include "ruleset.h"
#include "validate.h"

/* Every run of these tests; --previous is set where a test gives one. */
static styr_run_opts run_opts = {STYR_LANG_SV, 0, NULL, NULL};

#include "scratch_files.h"

static int setup(void **state)
{
    (void)state;
    snprintf(root, sizeof root, "/tmp/styr-diff-XXXXXX");
    if (!mkdtemp(root))
        return -1;
    put("rules/ruleset.yaml", "kind: ruleset\nversion: 1\nname: d\n");
    put("rules/owner.lua", "rule { id = 'action.owner.none', severity = 'error', message = 'no owner',\n"
                           "  check = function(a) if a.owner == nil then report(a, 'owner') end end }\n");
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    return system(cmd) == 0 ? 0 : -1;
}

static styr_ruleset *load_rules(void)
{
    styr_limits lim;
    styr_limits_default(&lim);
    styr_ruleset *rs = NULL;
    styr_error err;
    styr_error_clear(&err);
    styr_check_init();
    if (styr_ruleset_load_from(at("rules"), source_rules(), &lim, &rs, &err) != STYR_OK)
        fail_msg("ruleset does not load: %s:%u: %s", err.file, err.line, err.message);
    return rs;
}

#define HEAD "kind: action-plan\nversion: 1\nperiod: {from: 2018, to: 2019}\nactions:\n"

static const styr_diff_item *by_new(const styr_diff *d, const char *id)
{
    for (size_t i = 0; i < d->nitems; i++)
        if (d->items[i].new_id && strcmp(d->items[i].new_id, id) == 0)
            return &d->items[i];
    fail_msg("no item with new id %s", id);
    return NULL;
}

static const styr_diff_item *by_old(const styr_diff *d, const char *id)
{
    for (size_t i = 0; i < d->nitems; i++)
        if (d->items[i].old_id && strcmp(d->items[i].old_id, id) == 0)
            return &d->items[i];
    fail_msg("no item with old id %s", id);
    return NULL;
}

static const styr_diff_field *field(const styr_diff_item *it, const char *path)
{
    for (size_t k = 0; k < it->nfields; k++)
        if (strcmp(it->fields[k].path, path) == 0)
            return &it->fields[k];
    return NULL;
}

static void compare(styr_ruleset *rs, const char *old_text, const char *new_text, styr_diff *d)
{
    put("old.yaml", old_text);
    put("new.yaml", new_text);
    styr_error err;
    styr_error_clear(&err);
    if (styr_diff_load(rs, &run_opts, at("old.yaml"), at("new.yaml"), NULL, d, &err) != STYR_OK)
        fail_msg("diff failed: %s:%u: %s", err.file, err.line, err.message);
}

static void test_similarity(void **state)
{
    (void)state;
    const char *a = "Etablera en mätmodell för uppföljning av innovativ organisationskultur";
    assert_true(styr_diff_similarity(a, strlen(a), a, strlen(a)) == 1.0);
    assert_true(styr_diff_similarity("", 0, a, strlen(a)) == 0.0);
    /* Case, space and punctuation do not count. */
    const char *b = "ETABLERA en  mätmodell för uppföljning av innovativ organisationskultur.";
    assert_true(styr_diff_similarity(a, strlen(a), b, strlen(b)) == 1.0);
    /* ... also punctuation that opens the text */
    const char *p = "(Etablera) en mätmodell för uppföljning av innovativ organisationskultur";
    assert_true(styr_diff_similarity(a, strlen(a), p, strlen(p)) == 1.0);
    /* Digits are letters, 9 as much as 0: "Fas 9" and "Fas 8" share three
     * of their five trigrams each (" fa", "fas", "as ", not "s 9" and " 9 "),
     * and "9" alone is itself. */
    double fas = styr_diff_similarity("Fas 9", 5, "Fas 8", 5);
    assert_true(fas > 0.6 - 1e-12 && fas < 0.6 + 1e-12);
    assert_true(styr_diff_similarity("9", 1, "9", 1) == 1.0);
    /* A reworded title stays above the pairing threshold; another action does not. */
    const char *c = "Etablera mätmodellen för uppföljning av en innovativ organisationskultur";
    const char *e = "Kommunikationsstrategi för hela Stadens innovationsarbete";
    double near = styr_diff_similarity(a, strlen(a), c, strlen(c));
    double far = styr_diff_similarity(a, strlen(a), e, strlen(e));
    assert_true(near >= STYR_DIFF_SAME);
    assert_true(far < STYR_DIFF_SAME_ID);
    /* Symmetric. */
    assert_true(styr_diff_similarity(c, strlen(c), a, strlen(a)) == near);
    /* A word said three times is the word once: the trigrams are a set
     * (" te", "tes", "est", "st " and "t t" against the first four). */
    double rep = styr_diff_similarity("Test test test", 14, "Test", 4);
    assert_true(rep > 8.0 / 9.0 - 1e-12 && rep < 8.0 / 9.0 + 1e-12);
}

/* Two actions that swap ids are renumbered, not changed in every field;
 * an id dropped in between shifts the next one down. */
static void test_renumbering(void **state)
{
    (void)state;
    styr_ruleset *rs = load_rules();
    styr_diff d;
    compare(rs,
            HEAD "  - {id: '1.1', strategy: '1', title: Modell för gemensamma prioriteringar, owner: KS}\n"
                 "  - {id: '1.2', strategy: '1', title: Systematisk omvärldsbevakning, owner: KS}\n"
                 "  - {id: '1.3', strategy: '1', title: Utbildningsplan för chefer och medarbetare, owner: KS}\n",
            HEAD "  - {id: '1.1', strategy: '1', title: Systematisk omvärldsbevakning, owner: KS}\n"
                 "  - {id: '1.2', strategy: '1', title: Modell för gemensamma prioriteringar, owner: KS}\n",
            &d);
    assert_int_equal(styr_diff_count(&d, STYR_DIFF_RENUMBERED), 2);
    assert_int_equal(styr_diff_count(&d, STYR_DIFF_REMOVED), 1);
    assert_int_equal(styr_diff_count(&d, STYR_DIFF_ADDED), 0);
    assert_int_equal(styr_diff_count(&d, STYR_DIFF_CHANGED), 0);
    assert_string_equal(by_new(&d, "1.1")->old_id, "1.2");
    assert_string_equal(by_new(&d, "1.2")->old_id, "1.1");
    assert_int_equal(by_new(&d, "1.1")->nfields, 0);   /* the id is no field change */
    assert_int_equal(by_old(&d, "1.3")->kind, STYR_DIFF_REMOVED);
    styr_diff_free(&d);
    styr_ruleset_free(rs);
}

/* Similarity at its edges: actions without titles are matched by their
 * descriptions alone, and a title pair exactly at STYR_DIFF_SAME (0.6) is
 * the same action, the size test before Dice included. */
static void test_similarity_edges(void **state)
{
    (void)state;
    styr_ruleset *rs = load_rules();
    styr_diff d;
    compare(rs,
            HEAD "  - {id: '1', description: Ta fram en gemensam modell för prioriteringar av insatser, owner: KS}\n",
            HEAD "  - {id: '7', description: Ta fram en gemensam modell för prioritering av insatser, owner: KS}\n",
            &d);
    assert_int_equal(styr_diff_count(&d, STYR_DIFF_REMOVED), 0);
    assert_int_equal(styr_diff_count(&d, STYR_DIFF_ADDED), 0);
    assert_string_equal(by_new(&d, "7")->old_id, "1");
    styr_diff_free(&d);
    /* " abc " has 3 trigrams, " abc xyz " 7 holding those 3: Dice is 6/10 */
    assert_true(styr_diff_similarity("abc", 3, "abc xyz", 7) == STYR_DIFF_SAME);
    compare(rs, HEAD "  - {id: '1', title: abc, owner: KS}\n", HEAD "  - {id: '2', title: abc xyz, owner: KS}\n", &d);
    assert_int_equal(styr_diff_count(&d, STYR_DIFF_REMOVED), 0);
    assert_int_equal(styr_diff_count(&d, STYR_DIFF_ADDED), 0);
    assert_string_equal(by_new(&d, "2")->old_id, "1");
    styr_diff_free(&d);
    styr_ruleset_free(rs);
}

/* An id kept with a rewritten title is the same action (changed); an id
 * kept for something else entirely is removed and added. */
static void test_same_id(void **state)
{
    (void)state;
    styr_ruleset *rs = load_rules();
    styr_diff d;
    compare(rs,
            HEAD "  - {id: '2.1', strategy: '2', title: Utreda förutsättningarna för en innovationssluss, owner: BRG}\n"
                 "  - {id: '2.2', strategy: '2', title: Testarena för hållbar stadsutveckling, owner: BRG}\n",
            HEAD "  - {id: '2.1', strategy: '2', title: Etablera innovationsslussen, owner: BRG}\n"
                 "  - {id: '2.2', strategy: '2', title: Kommunikationsplan för projektet, owner: BRG}\n",
            &d);
    const styr_diff_item *it = by_new(&d, "2.1");
    assert_int_equal(it->kind, STYR_DIFF_CHANGED);
    assert_non_null(field(it, "title"));
    assert_int_equal(by_new(&d, "2.2")->kind, STYR_DIFF_ADDED);
    assert_int_equal(by_old(&d, "2.2")->kind, STYR_DIFF_REMOVED);
    styr_diff_free(&d);
    styr_ruleset_free(rs);
}

/* A moved action (another strategy, another id), a changed amount and a
 * removed financing entry, each at its path relative to the action. */
static void test_fields(void **state)
{
    (void)state;
    styr_ruleset *rs = load_rules();
    styr_diff d;
    compare(rs,
            HEAD "  - id: '5.1'\n    strategy: '5'\n    title: Etablera projektledning\n    owner: SLK\n"
                 "    financing:\n"
                 "      - {source: KF, type: supplementary-budget, amount_sek: 3000000}\n"
                 "      - {source: Vinnova, type: external-grant, fte: 1.25}\n"
                 "  - {id: '5.5', strategy: '5', title: Mätmodell för uppföljning av innovationskapacitet, owner: KS}\n",
            HEAD "  - id: '5.1'\n    strategy: '5'\n    title: Etablera projektledning\n    owner: SLK\n"
                 "    financing:\n"
                 "      - {source: KF, type: supplementary-budget, amount_sek: 2500000}\n"
                 "  - {id: '4.6', strategy: '4', title: Mätmodell för uppföljning av innovationskapacitet, owner: KS,\n"
                 "     partners: [SKL]}\n",
            &d);
    const styr_diff_item *p = by_new(&d, "5.1");
    assert_int_equal(p->kind, STYR_DIFF_CHANGED);
    assert_int_equal(p->nfields, 2);
    const styr_diff_field *f = field(p, "financing[0].amount_sek");
    assert_non_null(f);
    assert_int_equal(f->old->v.i, 3000000);
    assert_int_equal(f->new_->v.i, 2500000);
    f = field(p, "financing[1]");
    assert_non_null(f);
    assert_int_equal(f->old->kind, STYR_NODE_MAP);
    assert_null(f->new_);
    assert_true(p->money_old == 3000000 && p->money_new == 2500000);
    const styr_diff_item *m = by_new(&d, "4.6");
    assert_int_equal(m->kind, STYR_DIFF_RENUMBERED);
    assert_string_equal(m->old_id, "5.5");
    f = field(m, "strategy");
    assert_non_null(f);
    assert_string_equal(f->old->u.text, "5");
    assert_string_equal(f->new_->u.text, "4");
    f = field(m, "partners");
    assert_non_null(f);
    assert_null(f->old);
    styr_diff_free(&d);
    styr_ruleset_free(rs);
}

/* A finding that moves with a renumbered action is neither new nor fixed;
 * one that goes away is fixed, one that appears is new; a removed action's
 * findings leave with it. */
static void test_findings(void **state)
{
    (void)state;
    styr_ruleset *rs = load_rules();
    styr_diff d;
    compare(rs,
            HEAD "  - {id: '1.1', title: Modell för gemensamma prioriteringar}\n"
                 "  - {id: '1.2', title: Systematisk omvärldsbevakning}\n"
                 "  - {id: '1.3', title: Utbildningsplan för chefer}\n"
                 "  - {id: '1.4', title: Mötesplats Innovation DaPlace}\n",
            HEAD "  - {id: '1.1', title: Systematisk omvärldsbevakning}\n"
                 "  - {id: '1.2', title: Utbildningsplan för chefer, owner: HR}\n"
                 "  - {id: '1.3', title: Grants Office för extern finansiering}\n",
            &d);
    /* Old 1.2 -> new 1.1 keeps its missing owner; old 1.3 -> 1.2 fixed it;
     * old 1.1 and 1.4 were removed; new 1.3 is new and lacks an owner. */
    assert_int_equal(d.nfound_fixed, 1);
    assert_string_equal(d.found_fixed[0]->action, "1.3");
    assert_int_equal(d.nfound_new, 1);
    assert_string_equal(d.found_new[0]->action, "1.3");
    assert_int_equal(d.found_new[0]->line, 7);
    styr_diff_free(&d);
    styr_ruleset_free(rs);
}

/* Areas files compare the same way (cost_sek is their money); a plan and an
 * areas file cannot be compared. */
static void test_areas_and_refusal(void **state)
{
    (void)state;
    styr_ruleset *rs = load_rules();
    styr_diff d;
    compare(rs, "kind: innovation-areas\nversion: 1\nareas:\n  - {id: testarena, title: Göteborg som testarena, cost_sek: 100}\n",
            "kind: innovation-areas\nversion: 1\nareas:\n  - {id: test, title: Göteborg som testarena, cost_sek: 250}\n", &d);
    assert_string_equal(d.kind, "innovation-areas");
    const styr_diff_item *it = by_new(&d, "test");
    assert_int_equal(it->kind, STYR_DIFF_RENUMBERED);
    assert_true(it->money_old == 100 && it->money_new == 250);
    assert_non_null(field(it, "cost_sek"));
    styr_diff_free(&d);

    put("old.yaml", HEAD "  - {id: '1.1', title: A}\n");
    put("new.yaml", "kind: innovation-areas\nversion: 1\nareas: []\n");
    styr_error err;
    styr_error_clear(&err);
    assert_int_not_equal(styr_diff_load(rs, &run_opts, at("old.yaml"), at("new.yaml"), NULL, &d, &err), STYR_OK);
    assert_non_null(strstr(err.message, "two action plans or two areas files"));
    assert_string_equal(err.file, at("new.yaml"));
    assert_int_equal(err.line, 1);
    styr_diff_free(&d);
    styr_error_clear(&err);
    assert_int_not_equal(styr_diff_load(rs, &run_opts, at("old.yaml"), at("missing.yaml"), NULL, &d, &err), STYR_OK);
    styr_diff_free(&d);
    styr_ruleset_free(rs);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_similarity),
        cmocka_unit_test(test_renumbering),
        cmocka_unit_test(test_similarity_edges),
        cmocka_unit_test(test_same_id),
        cmocka_unit_test(test_fields),
        cmocka_unit_test(test_findings),
        cmocka_unit_test(test_areas_and_refusal),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
