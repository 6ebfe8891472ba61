/* test_followup.c - unit tests of engine/followup.c: the facts it works out
 * for each action (delay, budget, overspend), the plan found relative to the
 * follow-up, the escalation list made from followup.escalate. findings, the
 * Lua side (followup.facts, followup.as_of, report with an action) and the
 * files it refuses. Small rulesets and files are written to a temporary
 * folder. */
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

#include "date.h"
#include "doc.h"
#include "run_limits.h"
#include "followup.h"
#include "ruleset.h"
#include "validate.h"

/* Every run of these tests; --previous is set where a test gives one. */
static styr_run_opts run_opts = {STYR_LANG_EN, 0, NULL, NULL};

#include "scratch_files.h"

static int64_t day(const char *text)
{
    styr_date d;
    assert_true(styr_date_parse(text, strlen(text), STYR_DATE_END, &d, NULL, 0));
    return styr_date_ordinal(&d);
}

static const char *const plan_text =
    "kind: action-plan\nversion: 1\n"
    "period: {from: 2018, to: 2019}\n"
    "follow_up: {reports: [UR2, UR4], escalate_to: Kommunstyrelsen}\n"
    "strategies: [{id: \"1\", title: S}]\n"
    "actions:\n"
    "  - id: \"1.1\"\n"
    "    strategy: \"1\"\n"
    "    title: Two grants\n"
    "    timeline: {start: 2018-01, end: 2018-06}\n"
    "    financing:\n"
    "      - {source: A, amount_sek: 100000}\n"
    "      - {source: B, amount_sek: 50000}\n"
    "  - id: \"1.2\"\n"
    "    strategy: \"1\"\n"
    "    title: No timeline, no money\n"
    "    owner: ~\n"
    "  - id: \"1.3\"\n"
    "    strategy: \"1\"\n"
    "    title: Cancelled\n"
    "    timeline: {start: 2018-01, end: 2018-03}\n"
    "  - id: \"1.4\"\n"
    "    strategy: \"1\"\n"
    "    title: Done early\n"
    "    timeline: {start: 2018-01, end: 2018-03}\n"
    "  - id: \"1.5\"\n"
    "    strategy: \"1\"\n"
    "    title: Not in the follow-up\n";

/* A ruleset with one escalating rule, one that is not, and one that reports
 * the facts the engine gives Lua. */
static const char *const rules_text =
    "rule { id = 'followup.escalate.any-delay', severity = 'warning',\n"
    "  message = 'late {days}',\n"
    "  check = function(s) local f = followup.facts(s.id)\n"
    "    if f and f.delay_days and f.delay_days > 0 then report(s, 'status', {days = f.delay_days}) end end }\n"
    "rule { id = 'followup.escalate.twice', severity = 'info', message = 'again',\n"
    "  check = function(s) if s.id == '1.1' then report(s, 'id') end end }\n"
    "rule { id = 'followup.note.facts', severity = 'info',\n"
    "  message = '{b}/{sp}/{o}/{pe}/{asof}',\n"
    "  check = function(s) local f = followup.facts(s.id)\n"
    "    if f == nil then return report(s, 'id', {b = 'unknown'}) end\n"
    "    report(s, 'id', {b = tostring(f.budget_sek), sp = tostring(f.spent_sek), o = tostring(f.overspend_sek),\n"
    "      pe = f.planned_end and date.format(f.planned_end) or 'nil', asof = date.format(followup.as_of())}) end }\n"
    "rule { id = 'followup.file.missing', severity = 'error', applies_to = 'followup', message = 'missing {action}',\n"
    "  check = function(fu, plan) local seen = {}\n"
    "    for _, s in each(fu.actions) do seen[s.id] = true end\n"
    "    for _, a in each(plan.actions) do if not seen[a.id] then report(fu, 'actions', {action = a.id}) end end end }\n";

static const char *const followup_text =
    "kind: follow-up\nversion: 1\nplan: ../plan.yaml\nreport: UR2\nas_of: 2018-08-31\n"
    "actions:\n"
    "  - {id: \"1.1\", status: delayed, forecast_end: 2018-09-30, spent_sek: 180000}\n"
    "  - {id: \"1.2\", status: on-track, spent_sek: 5000}\n"
    "  - {id: \"1.3\", status: cancelled, forecast_end: 2019-12, spent_sek: okänt}\n"
    "  - {id: \"1.4\", status: done, spent_sek: null}\n"
    "  - {id: \"9.9\", status: done}\n";

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

static int setup(void **state)
{
    (void)state;
    snprintf(root, sizeof root, "/tmp/styr-followup-XXXXXX");
    if (!mkdtemp(root))
        return -1;
    put("rules/ruleset.yaml", "kind: ruleset\nversion: 1\nname: fu\n");
    put("rules/followup.lua", rules_text);
    put("plan.yaml", plan_text);
    put("fu/followup.yaml", followup_text);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    return system(cmd) == 0 ? 0 : -1;
}

static const styr_followup_action *find(const styr_followup *fu, const char *id)
{
    const styr_followup_action *a = styr_followup_find(fu, id, strlen(id));
    assert_non_null(a);
    return a;
}

static size_t count_rule(const styr_followup *fu, const char *rule, const char *action)
{
    size_t n = 0;
    for (size_t i = 0; i < fu->res.findings.count; i++) {
        const styr_finding *f = &fu->res.findings.items[i];
        n += strcmp(f->rule, rule) == 0 && (!action || (f->action && strcmp(f->action, action) == 0));
    }
    return n;
}

static const char *message_of(const styr_followup *fu, const char *rule, const char *action)
{
    for (size_t i = 0; i < fu->res.findings.count; i++) {
        const styr_finding *f = &fu->res.findings.items[i];
        if (strcmp(f->rule, rule) == 0 && f->action && strcmp(f->action, action) == 0)
            return f->message;
    }
    fail_msg("no %s finding for %s", rule, action);
    return NULL;
}

static void judge(styr_ruleset *rs, const char *file, styr_followup *fu)
{
    styr_error err;
    styr_error_clear(&err);
    if (styr_followup_load(rs, &run_opts, at(file), NULL, fu, &err) != STYR_OK)
        fail_msg("%s does not load: %s:%u: %s", file, err.file, err.line, err.message);
    assert_int_equal(fu->res.nrule_errors, 0);
}

/* The plan is found next to the follow-up's folder, and every plan action
 * is listed in plan order whether or not it has a status. */
static void test_plan_relative_and_order(void **state)
{
    (void)state;
    styr_ruleset *rs = load_rules();
    styr_followup fu;
    judge(rs, "fu/followup.yaml", &fu);
    assert_string_equal(fu.plan_path, at("fu/../plan.yaml"));
    assert_int_equal(fu.nactions, 5);
    const char *order[] = {"1.1", "1.2", "1.3", "1.4", "1.5"};
    for (size_t i = 0; i < 5; i++)
        assert_string_equal(fu.actions[i].id, order[i]);
    assert_null(fu.actions[4].entry);
    assert_null(fu.actions[4].status);
    assert_string_equal(fu.report, "UR2");
    assert_string_equal(fu.escalate_to, "Kommunstyrelsen");
    assert_true(fu.have_as_of);
    assert_int_equal(fu.as_of, day("2018-08-31"));
    styr_followup_free(&fu);
    styr_ruleset_free(rs);
}

/* Delay: forecast past the planned end; the follow-up's date when an
 * unfinished action has no forecast; none for cancelled; 0 for done. The
 * plan period stands in for a missing timeline. */
static void test_delay(void **state)
{
    (void)state;
    styr_ruleset *rs = load_rules();
    styr_followup fu;
    judge(rs, "fu/followup.yaml", &fu);
    const styr_followup_action *a = find(&fu, "1.1");
    assert_true(a->has_delay);
    assert_int_equal(a->delay_days, day("2018-09-30") - day("2018-06-30"));   /* 92 */
    a = find(&fu, "1.2");
    assert_true(a->has_end);
    assert_int_equal(a->end, day("2019-12-31"));
    assert_int_equal(a->delay_days, 0);
    a = find(&fu, "1.3");
    assert_false(a->has_delay);   /* cancelled: a forecast means nothing */
    a = find(&fu, "1.4");
    assert_true(a->has_delay);
    assert_int_equal(a->delay_days, 0);   /* done, past its end, no forecast: not late */
    styr_followup_free(&fu);

    /* Unfinished, past its end, no forecast: late until the follow-up's date. */
    put("fu/late.yaml", "kind: follow-up\nversion: 1\nplan: ../plan.yaml\nreport: UR2\nas_of: 2018-08-31\n"
                        "actions: [{id: \"1.4\", status: on-track}]\n");
    judge(rs, "fu/late.yaml", &fu);
    assert_int_equal(find(&fu, "1.4")->delay_days, day("2018-08-31") - day("2018-03-31"));
    styr_followup_free(&fu);
    styr_ruleset_free(rs);
}

/* Budget is the sum of the financing amounts; overspend only when both the
 * spending and a budget above 0 are known, and never below 0. */
static void test_money(void **state)
{
    (void)state;
    styr_ruleset *rs = load_rules();
    styr_followup fu;
    judge(rs, "fu/followup.yaml", &fu);
    const styr_followup_action *a = find(&fu, "1.1");
    assert_true(a->has_budget);
    assert_true(a->budget_sek == 150000);
    assert_true(a->has_overspend);
    assert_true(a->overspend_sek == 30000);
    a = find(&fu, "1.2");
    assert_false(a->has_budget);
    assert_true(a->has_spent);
    assert_false(a->has_overspend);
    /* an owner written as null is no owner, not the text "~" */
    assert_null(a->owner);
    assert_string_equal(a->title, "No timeline, no money");
    /* a text or null where the amount goes is no amount spent */
    assert_false(find(&fu, "1.3")->has_spent);
    assert_false(find(&fu, "1.4")->has_spent);
    assert_string_equal(message_of(&fu, "followup.note.facts", "1.1"), "150000/180000/30000/2018-06-30/2018-08-31");
    assert_string_equal(message_of(&fu, "followup.note.facts", "1.2"), "nil/5000/nil/2019-12-31/2018-08-31");
    assert_string_equal(message_of(&fu, "followup.note.facts", "9.9"), "unknown/{sp}/{o}/{pe}/{asof}");
    styr_followup_free(&fu);
    styr_ruleset_free(rs);
}

/* Only followup.escalate. findings escalate; an action reported twice is
 * escalated once with both reasons; the count matches the flags. A finding
 * outside any entry carries the action the rule names. */
static void test_escalations(void **state)
{
    (void)state;
    styr_ruleset *rs = load_rules();
    styr_followup fu;
    judge(rs, "fu/followup.yaml", &fu);
    const styr_followup_action *a = find(&fu, "1.1");
    assert_true(a->escalate);
    assert_int_equal(a->nreasons, 2);
    assert_string_equal(a->reasons[0], "again");      /* findings in file order: id before status */
    assert_string_equal(a->reasons[1], "late 92");
    assert_false(find(&fu, "1.2")->escalate);
    assert_false(find(&fu, "1.3")->escalate);
    assert_false(find(&fu, "1.4")->escalate);
    assert_int_equal(fu.nescalations, 1);
    assert_int_equal(count_rule(&fu, "followup.file.missing", "1.5"), 1);
    assert_int_equal(count_rule(&fu, "followup.file.missing", NULL), 1);
    styr_followup_free(&fu);
    styr_ruleset_free(rs);
}

/* Files it cannot judge: a missing plan (named at the plan: line), a plan
 * that is not a plan, a file that is not a follow-up, no plan: at all. */
/* The two questions a caller asks before loading: is it a follow-up, and
 * which plan does it name (a text only: 'plan: 5' or no plan names none). */
static void test_is_and_plan_path(void **state)
{
    (void)state;
    assert_false(styr_followup_is(NULL));
    styr_limits lim;
    styr_limits_default(&lim);
    const char *texts[] = {"kind: follow-up\nversion: 1\n", "kind: follow-up\nplan: 5\n",
                           "kind: follow-up\nplan: ~\n", "kind: follow-up\nplan: p.yaml\n"};
    for (int k = 0; k < 4; k++) {
        styr_doc *doc = NULL;
        styr_error err;
        assert_int_equal(styr_doc_load_buffer("fu.yaml", texts[k], strlen(texts[k]), &lim, &doc, &err), STYR_OK);
        assert_true(styr_followup_is(doc));
        char *path = styr_followup_plan_path("dir/fu.yaml", doc);
        if (k < 3)
            assert_null(path);
        else
            assert_string_equal(path, "dir/p.yaml");
        free(path);
        styr_doc_free(doc);
    }
}

static void test_refusals(void **state)
{
    (void)state;
    styr_ruleset *rs = load_rules();
    styr_followup fu;
    styr_error err;
    struct { const char *name, *text, *want; unsigned line; } cases[] = {
        {"fu/noplan.yaml", "kind: follow-up\nversion: 1\nplan: nothing.yaml\nactions: []\n", "cannot be read", 3},
        {"fu/notplan.yaml", "kind: follow-up\nversion: 1\nplan: followup.yaml\nactions: []\n", "is not an action plan", 3},
        {"fu/kind.yaml", "kind: action-plan\nversion: 1\nperiod: {from: 2018, to: 2019}\n", "reads 'kind: follow-up'", 1},
        {"fu/unnamed.yaml", "kind: follow-up\nversion: 1\nactions: []\n", "names the plan", 1},
        {"fu/listplan.yaml", "kind: follow-up\nversion: 1\nplan: [a, b]\n", "names the plan", 3},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        put(cases[i].name, cases[i].text);
        styr_error_clear(&err);
        assert_int_not_equal(styr_followup_load(rs, &run_opts, at(cases[i].name), NULL, &fu, &err), STYR_OK);
        if (!strstr(err.message, cases[i].want))
            fail_msg("%s: '%s' lacks '%s'", cases[i].name, err.message, cases[i].want);
        assert_string_equal(err.file, at(cases[i].name));
        assert_int_equal(err.line, cases[i].line);
        styr_followup_free(&fu);
    }
    styr_ruleset_free(rs);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plan_relative_and_order),
        cmocka_unit_test(test_delay),
        cmocka_unit_test(test_money),
        cmocka_unit_test(test_escalations),
        cmocka_unit_test(test_refusals),
        cmocka_unit_test(test_is_and_plan_path),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
