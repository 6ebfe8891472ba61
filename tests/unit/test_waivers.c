/* test_waivers.c - unit tests of check/waivers.c: which findings a plan's
 * `waivers:` entry covers. Each case names the bug it exists for: a waiver
 * that covers more than it names turns a failing plan (exit 1) into a
 * passing one (exit 0), silently. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "doc.h"
#include "findings.h"
#include "waivers.h"

/* The findings every case starts from: two rules of one family on actions
 * whose ids are prefixes of each other, one rule of another family, and a
 * finding about the plan as a whole (no action). */
static const struct {
    const char *rule, *action;
} base[] = {
    {"action.owner.missing", "2.1"},
    {"action.owner.missing", "2.10"},
    {"action.owner.missing", "12.1"},
    {"action.owner.unknown", "2.1"},
    {"action.ownership", "2.1"},
    {"action.financing.amount-missing", "2.1"},
    {"plan.title.missing", NULL},
    {"plan.waiver.unknown-rule", NULL},
};
#define NBASE (sizeof base / sizeof base[0])

/* Applies the plan's waivers (a YAML fragment) to fresh copies of base and
 * writes into waived[i] whether finding i is waived. */
static void apply(const char *waivers_yaml, int waived[NBASE])
{
    char plan[2048];
    snprintf(plan, sizeof plan, "kind: action-plan\nversion: 1\nwaivers:\n%s", waivers_yaml);
    styr_doc *doc = NULL;
    styr_error err;
    styr_error_clear(&err);
    assert_int_equal(styr_doc_load_buffer("plan.yaml", plan, strlen(plan), NULL, &doc, &err), STYR_OK);
    styr_findings f;
    styr_findings_init(&f, 100);
    for (size_t i = 0; i < NBASE; i++)
        assert_int_equal(styr_findings_add(&f, base[i].rule, STYR_SEV_ERROR, strdup("m"),
                                           base[i].action ? strdup(base[i].action) : NULL, strdup("p"),
                                           (unsigned)i + 1, 1),
                         0);
    styr_waivers_apply(doc->root, &f);
    for (size_t i = 0; i < NBASE; i++) {
        waived[i] = f.items[i].waiver_reason != NULL;
        if (waived[i])
            assert_string_equal(f.items[i].waiver_reason, "skäl");
    }
    size_t counts[3];
    styr_findings_count(&f, counts);
    size_t unwaived = 0;
    for (size_t i = 0; i < NBASE; i++)
        unwaived += !waived[i];
    /* What the exit code is decided from agrees with the marks. */
    assert_int_equal(counts[STYR_SEV_ERROR], unwaived);
    styr_findings_free(&f);
    styr_doc_free(doc);
}

/* Asserts that exactly the findings listed in want (indexes into base,
 * ended by -1) are waived. */
static void expect(const char *waivers_yaml, const int *want)
{
    int waived[NBASE], expected[NBASE] = {0};
    for (const int *w = want; *w >= 0; w++)
        expected[*w] = 1;
    apply(waivers_yaml, waived);
    for (size_t i = 0; i < NBASE; i++) {
        if (waived[i] != expected[i])
            print_error("waivers\n%s: finding %zu (%s on %s) is %s, expected %s\n", waivers_yaml, i, base[i].rule,
                        base[i].action ? base[i].action : "-", waived[i] ? "waived" : "not waived",
                        expected[i] ? "waived" : "not waived");
        assert_int_equal(waived[i], expected[i]);
    }
}

static void test_exact_rule_every_action(void **state)
{
    (void)state;
    /* No action: every finding of that rule, and only of that rule. */
    expect("  - {rule: action.owner.missing, reason: skäl}\n", (int[]){0, 1, 2, -1});
}

static void test_exact_rule_is_not_a_prefix(void **state)
{
    (void)state;
    /* "action.owner" names no rule; it must not cover action.owner.* or action.ownership. */
    expect("  - {rule: action.owner, reason: skäl}\n", (int[]){-1});
    expect("  - {rule: action.owner.missin, reason: skäl}\n", (int[]){-1});
    expect("  - {rule: action.owner.missing.x, reason: skäl}\n", (int[]){-1});
}

static void test_action_is_exact_not_a_prefix(void **state)
{
    (void)state;
    /* "2.1" must not cover "2.10", nor "12.1", and not the action's other rules. */
    expect("  - {rule: action.owner.missing, action: \"2.1\", reason: skäl}\n", (int[]){0, -1});
    expect("  - {rule: action.owner.missing, action: \"2.10\", reason: skäl}\n", (int[]){1, -1});
    expect("  - {rule: action.owner.missing, action: \"2\", reason: skäl}\n", (int[]){-1});
    /* Surrounding spaces in the YAML value are not part of the id. */
    expect("  - {rule: \" action.owner.missing \", action: \" 2.1 \", reason: skäl}\n", (int[]){0, -1});
}

static void test_family_with_star(void **state)
{
    (void)state;
    /* "action.owner.*" covers the family, not action.ownership nor other families. */
    expect("  - {rule: \"action.owner.*\", reason: skäl}\n", (int[]){0, 1, 2, 3, -1});
    expect("  - {rule: \"action.owner.*\", action: \"2.1\", reason: skäl}\n", (int[]){0, 3, -1});
    /* A star that is not after a dot is an ordinary character. */
    expect("  - {rule: \"action.owner*\", reason: skäl}\n", (int[]){-1});
    /* "action.*" is a family too; plan findings are not in it. */
    expect("  - {rule: \"action.*\", action: \"2.10\", reason: skäl}\n", (int[]){1, -1});
}

static void test_findings_about_waivers_are_never_waived(void **state)
{
    (void)state;
    expect("  - {rule: \"plan.*\", reason: skäl}\n", (int[]){6, -1});
    expect("  - {rule: plan.waiver.unknown-rule, reason: skäl}\n", (int[]){-1});
}

static void test_no_reason_waives_nothing(void **state)
{
    (void)state;
    expect("  - {rule: action.owner.missing}\n", (int[]){-1});
    expect("  - {rule: action.owner.missing, reason: \"\"}\n", (int[]){-1});
    expect("  - {rule: action.owner.missing, reason: ~}\n", (int[]){-1});
}

static void test_plan_level_finding_not_covered_by_an_action_waiver(void **state)
{
    (void)state;
    expect("  - {rule: plan.title.missing, action: \"2.1\", reason: skäl}\n", (int[]){-1});
    expect("  - {rule: plan.title.missing, reason: skäl}\n", (int[]){6, -1});
}

/* A document with no root (or a root that is not a mapping) has no waivers:
 * nothing is waived and nothing is read. */
static void test_no_root_waives_nothing(void **state)
{
    (void)state;
    styr_findings f;
    styr_findings_init(&f, 10);
    assert_int_equal(styr_findings_add(&f, "action.owner.missing", STYR_SEV_ERROR, strdup("m"), strdup("2.1"),
                                       strdup("p"), 1, 1),
                     0);
    styr_waivers_apply(NULL, &f);
    assert_null(f.items[0].waiver_reason);
    styr_findings_free(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_exact_rule_every_action),
        cmocka_unit_test(test_exact_rule_is_not_a_prefix),
        cmocka_unit_test(test_action_is_exact_not_a_prefix),
        cmocka_unit_test(test_family_with_star),
        cmocka_unit_test(test_findings_about_waivers_are_never_waived),
        cmocka_unit_test(test_no_reason_waives_nothing),
        cmocka_unit_test(test_plan_level_finding_not_covered_by_an_action_waiver),
        cmocka_unit_test(test_no_root_waives_nothing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
