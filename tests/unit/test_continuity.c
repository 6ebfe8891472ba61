/* test_continuity.c - unit tests of engine/continuity.c: --previous as a
 * plan or as a follow-up of it, the names that refer to it, the statuses a
 * follow-up gives, what rules see through the Lua table `previous`, and the
 * files it refuses. */
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

#include "continuity.h"
#include "ruleset.h"
#include "validate.h"

/* Every run of these tests; --previous is set where a test gives one. */
static styr_run_opts run_opts = {STYR_LANG_SV, 0, NULL, NULL};

#include "scratch_files.h"

/* One rule that says what it sees of the previous plan. */
static const char *const rule_text =
    "rule { id = 'plan.seen.previous', severity = 'info', applies_to = 'plan',\n"
    "  message = '{loaded}|{names}|{n}|{s11}|{s12}|{s99}',\n"
    "  check = function(plan)\n"
    "    local old = previous.plan()\n"
    "    local n = 0\n"
    "    for _ in each(old and old.actions) do n = n + 1 end\n"
    "    report(plan, 'actions', {loaded = tostring(previous.loaded()), names = table.concat(previous.names(), ','),\n"
    "      n = n, s11 = tostring(previous.status('1.1')), s12 = tostring(previous.status('1.2')),\n"
    "      s99 = tostring(previous.status('9.9'))})\n"
    "  end }\n";

static int setup(void **state)
{
    (void)state;
    snprintf(root, sizeof root, "/tmp/styr-continuity-XXXXXX");
    if (!mkdtemp(root))
        return -1;
    put("rules/ruleset.yaml", "kind: ruleset\nversion: 1\nname: c\n");
    put("rules/seen.lua", rule_text);
    put("old.yaml", "kind: action-plan\nversion: 1\nid: innovation-2018-2019\nperiod: {from: 2018, to: 2019-12}\n"
                    "actions:\n  - {id: '1.1', title: A}\n  - {id: '1.2', title: B}\n");
    put("fu/ur4.yaml", "kind: follow-up\nversion: 1\nplan: ../old.yaml\nreport: UR4\nas_of: 2019-12-31\n"
                       "actions:\n  - {id: '1.1', status: done}\n");
    put("new.yaml", "kind: action-plan\nversion: 1\nperiod: {from: 2020, to: 2021}\nactions: []\n");
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

/* What the rule saw while new.yaml was judged with previous p (or none). */
static char *seen(styr_ruleset *rs, const styr_previous *p)
{
    run_opts.previous = p;
    styr_doc *doc = NULL;
    styr_error err;
    styr_error_clear(&err);
    assert_int_equal(styr_doc_load_file(at("new.yaml"), NULL, &doc, &err), STYR_OK);
    styr_file_result res;
    assert_int_equal(styr_validate_doc(rs, &run_opts, doc, &res, &err), STYR_OK);
    assert_int_equal(res.nrule_errors, 0);
    assert_int_equal(res.findings.count, 1);
    char *msg = strdup(res.findings.items[0].message);
    styr_file_result_free(&res);
    styr_doc_free(doc);
    run_opts.previous = NULL;
    return msg;
}

static void test_plan(void **state)
{
    (void)state;
    styr_ruleset *rs = load_rules();
    styr_previous p;
    styr_error err;
    styr_error_clear(&err);
    assert_int_equal(styr_previous_load(rs, &run_opts, at("old.yaml"), NULL, &p, &err), STYR_OK);
    assert_false(p.from_followup);
    assert_string_equal(p.period, "2018-2019");   /* "2019-12" names the year */
    assert_string_equal(p.id, "innovation-2018-2019");
    char *m = seen(rs, &p);
    /* A plan says nothing about what was done. */
    assert_string_equal(m, "true|2018-2019,innovation-2018-2019|2|nil|nil|nil");
    free(m);
    styr_previous_free(&p);
    m = seen(rs, NULL);
    assert_string_equal(m, "false||0|nil|nil|nil");
    free(m);
    styr_ruleset_free(rs);
}

static void test_followup(void **state)
{
    (void)state;
    styr_ruleset *rs = load_rules();
    styr_previous p;
    styr_error err;
    styr_error_clear(&err);
    assert_int_equal(styr_previous_load(rs, &run_opts, at("fu/ur4.yaml"), NULL, &p, &err), STYR_OK);
    assert_true(p.from_followup);
    assert_non_null(p.root);
    char *m = seen(rs, &p);
    assert_string_equal(m, "true|2018-2019,innovation-2018-2019|2|done|nil|nil");
    free(m);
    styr_previous_free(&p);
    styr_ruleset_free(rs);
}

static void test_refusals(void **state)
{
    (void)state;
    styr_ruleset *rs = load_rules();
    styr_previous p;
    styr_error err;
    put("areas.yaml", "kind: innovation-areas\nversion: 1\nareas: []\n");
    styr_error_clear(&err);
    assert_int_not_equal(styr_previous_load(rs, &run_opts, at("areas.yaml"), NULL, &p, &err), STYR_OK);
    assert_non_null(strstr(err.message, "--previous takes the earlier plan"));
    assert_int_equal(err.line, 1);
    styr_previous_free(&p);
    styr_error_clear(&err);
    assert_int_not_equal(styr_previous_load(rs, &run_opts, at("missing.yaml"), NULL, &p, &err), STYR_OK);
    styr_previous_free(&p);
    put("fu/broken.yaml", "kind: follow-up\nversion: 1\nplan: ../none.yaml\n");
    styr_error_clear(&err);
    assert_int_not_equal(styr_previous_load(rs, &run_opts, at("fu/broken.yaml"), NULL, &p, &err), STYR_OK);
    assert_non_null(strstr(err.message, "planen '"));   /* Swedish: the run's language */
    assert_non_null(strstr(err.message, "kan inte läsas"));
    assert_int_equal(err.line, 3);
    styr_previous_free(&p);
    styr_ruleset_free(rs);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plan),
        cmocka_unit_test(test_followup),
        cmocka_unit_test(test_refusals),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
