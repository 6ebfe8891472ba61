/* test_api.c - unit tests of the public API (include/styr.h, engine/api/api.c)
 * on the bundled plan and the goteborg ruleset, as an embedding program
 * would use them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "styr.h"

static char plan[1024], clean[1024], workbook[1024], rules_dir[1024];
/* The source tree's rulesets, given as an explicit search path: the
 * library itself never looks in the source tree. */
static const char *search[2] = {rules_dir, NULL};

static void test_version(void **state)
{
    (void)state;
    assert_string_equal(styr_version(), STYR_VERSION_STRING);
    char parts[64];
    snprintf(parts, sizeof parts, "%d.%d.%d", STYR_VERSION_MAJOR, STYR_VERSION_MINOR, STYR_VERSION_PATCH);
    assert_string_equal(parts, STYR_VERSION_STRING);
}

static void test_validate_the_bundled_plan(void **state)
{
    (void)state;
    styr_problem why;
    styr_rules *rules = styr_rules_load_from("goteborg", search, "en", &why);
    assert_non_null(rules);
    styr_report *r = styr_validate_file(rules, plan, &why);
    assert_non_null(r);
    assert_int_equal(styr_report_rule_errors(r), 0);
    /* The plan as the city reads it (docs/review-goteborg-2018-2019.md): no
     * error, and the 23 actions without an owner of their own are one
     * warning at the plan's default owner, not 23 errors. */
    assert_int_equal(styr_report_total(r, "error"), 0);
    assert_true(styr_report_total(r, "warning") > 0);
    size_t owner_missing = 0, owner_default = 0;
    unsigned last = 0;
    for (size_t i = 0; i < styr_report_count(r); i++) {
        styr_finding_view f = styr_report_finding(r, i);
        assert_true(f.line >= last);   /* file order */
        last = f.line;
        if (strcmp(f.rule, "action.owner.missing") == 0)
            owner_missing++;
        if (strcmp(f.rule, "plan.owner.default") == 0) {
            owner_default++;
            assert_null(f.action);
            assert_string_equal(f.path, "owner");
            assert_non_null(strstr(f.message, "23 of 30 actions"));
            assert_string_equal(f.severity, "warning");
        }
    }
    assert_int_equal(owner_missing, 0);
    assert_int_equal(owner_default, 1);
    styr_report_free(r);

    r = styr_validate_file(rules, clean, &why);
    assert_non_null(r);
    assert_int_equal(styr_report_count(r), 0);
    assert_int_equal(styr_report_total(r, "warning"), 0);
    styr_report_free(r);
    styr_rules_free(rules);
}

/* A workbook plan is judged as validate judges it: the same findings as
 * its YAML twin would give, at sheet and cell (tests/cli/data/plan-small.xlsx:
 * 5 errors, 4 warnings, 2 info, as golden validate-xlsx shows). */
static void test_validate_a_workbook(void **state)
{
    (void)state;
    styr_problem why;
    styr_rules *rules = styr_rules_load_from("goteborg", search, "en", &why);
    assert_non_null(rules);
    styr_report *r = styr_validate_file(rules, workbook, &why);
    assert_non_null(r);
    assert_int_equal(styr_report_total(r, "error"), 5);
    assert_int_equal(styr_report_total(r, "warning"), 4);
    assert_int_equal(styr_report_total(r, "info"), 2);
    styr_report_free(r);
    styr_rules_free(rules);
}

/* Rules loaded in Swedish judge in Swedish: a finding's message is the
 * Swedish one, as styr validate prints it (the bundled plan's
 * plan.owner.default reads "23 av 30 insatser"). */
static void test_findings_speak_the_rules_language(void **state)
{
    (void)state;
    styr_problem why;
    styr_rules *rules = styr_rules_load_from("goteborg", search, "sv", &why);
    assert_non_null(rules);
    styr_report *r = styr_validate_file(rules, plan, &why);
    assert_non_null(r);
    size_t seen = 0;
    for (size_t i = 0; i < styr_report_count(r); i++) {
        styr_finding_view f = styr_report_finding(r, i);
        if (strcmp(f.rule, "plan.owner.default") == 0) {
            seen++;
            assert_non_null(strstr(f.message, "23 av 30 insatser"));
        }
    }
    assert_int_equal(seen, 1);
    styr_report_free(r);
    styr_rules_free(rules);
}

static void test_problems_have_positions(void **state)
{
    (void)state;
    styr_problem why;
    assert_null(styr_rules_load_from("no-such-ruleset", search, "sv", &why));
    assert_non_null(strstr(why.message, "det finns ingen regeluppsättning som heter 'no-such-ruleset'"));
    assert_null(styr_rules_load_from("no-such-ruleset", search, "en", &why));
    assert_non_null(strstr(why.message, "no ruleset named 'no-such-ruleset'"));
    assert_null(strstr(why.message, "--rules"));   /* a library does not name the CLI's flags */
    styr_rules *rules = styr_rules_load_from("goteborg", search, "sv", &why);
    assert_null(styr_validate_file(rules, "/nonexistent/plan.yaml", &why));
    assert_string_equal(why.file, "/nonexistent/plan.yaml");
    styr_rules_free(rules);
    styr_rules_free(NULL);
    styr_report_free(NULL);
}

/* A report owns what it returns: every string stays valid after the rules
 * it was made with are freed (AddressSanitizer catches a use after free). */
static void test_report_outlives_its_rules(void **state)
{
    (void)state;
    styr_problem why;
    styr_rules *rules = styr_rules_load_from("goteborg", search, "en", &why);
    assert_non_null(rules);
    styr_report *r = styr_validate_file(rules, plan, &why);
    assert_non_null(r);
    styr_rules_free(rules);
    size_t n = styr_report_count(r), chars = 0, owner_rules = 0;
    assert_true(n > 0);
    for (size_t i = 0; i < n; i++) {
        styr_finding_view f = styr_report_finding(r, i);
        chars += strlen(f.rule) + strlen(f.severity) + strlen(f.message) + strlen(f.path);
        owner_rules += strncmp(f.rule, "action.owner.", 13) == 0;
        assert_non_null(strchr(f.rule, '.'));
    }
    assert_true(chars > n * 10);
    assert_true(owner_rules > 0);
    styr_report_free(r);
}

/* The default search path is the installed data folder, never the source
 * tree this test was built from. */
static void test_default_path_is_the_installed_folder(void **state)
{
    (void)state;
    styr_problem why;
    styr_rules *rules = styr_rules_load("goteborg", "sv", &why);
    if (rules) {
        /* An installed copy: it must not be the source tree's. */
        assert_null(strstr(styr_rules_path(rules), rules_dir));
        styr_rules_free(rules);
    } else {
        assert_non_null(strstr(why.message, "det finns ingen regeluppsättning som heter 'goteborg'"));
    }
    /* A folder works from anywhere, whatever the search path. */
    char dir[1100];
    snprintf(dir, sizeof dir, "%s/goteborg", rules_dir);
    rules = styr_rules_load(dir, "sv", &why);
    assert_non_null(rules);
    assert_string_equal(styr_rules_path(rules), dir);
    styr_rules_free(rules);
}

int main(void)
{
    const char *data = getenv("STYR_TEST_DATA");   /* the tests/ folder */
    snprintf(plan, sizeof plan, "%s/../scenarios/goteborg-2018-2019.yaml", data ? data : "tests");
    snprintf(clean, sizeof clean, "%s/../rules/goteborg/tests/clean.yaml", data ? data : "tests");
    snprintf(workbook, sizeof workbook, "%s/cli/data/plan-small.xlsx", data ? data : "tests");
    snprintf(rules_dir, sizeof rules_dir, "%s/../rules", data ? data : "tests");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_version),
        cmocka_unit_test(test_validate_the_bundled_plan),
        cmocka_unit_test(test_validate_a_workbook),
        cmocka_unit_test(test_findings_speak_the_rules_language),
        cmocka_unit_test(test_problems_have_positions),
        cmocka_unit_test(test_report_outlives_its_rules),
        cmocka_unit_test(test_default_path_is_the_installed_folder),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
