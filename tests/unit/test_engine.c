/* test_engine.c - unit tests of rulesets, the rule API and validation
 * (engine/ruleset/ruleset.c, rule_api.c, engine/lua/nodeview.c, engine/check/schema.c, validate.c) with small
 * rulesets written to a temporary folder. */
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

#include "rule_api.h"
#include "ruleset.h"
#include "validate.h"

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

static void put(const char *dir, const char *name, const char *text)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", root, dir);
    mkdir(path, 0700);
    snprintf(path, sizeof path, "%s/%s/%s", root, dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static const char *rs_path(const char *dir)
{
    static char path[256];
    snprintf(path, sizeof path, "%s/%s", root, dir);
    return path;
}

static styr_ruleset *load_ok(const char *dir)
{
    styr_limits lim;
    styr_limits_default(&lim);
    lim.lua_max_instructions = 1000000;
    styr_ruleset *rs = NULL;
    styr_error err;
    styr_error_clear(&err);
    styr_check_init();
    if (styr_ruleset_load_from(rs_path(dir), source_rules(), &lim, &rs, &err) != STYR_OK)
        fail_msg("ruleset %s does not load: %s:%u:%u: %s", dir, err.file, err.line, err.column, err.message);
    return rs;
}

/* Loads a ruleset that must fail, its messages in lang (STYR_LANG_*). */
static styr_status load_err_in(const char *dir, int lang, styr_error *err)
{
    styr_limits lim;
    styr_limits_default(&lim);
    lim.lang = lang;
    styr_ruleset *rs = NULL;
    styr_error_clear(err);
    styr_check_init();
    styr_status st = styr_ruleset_load_from(rs_path(dir), source_rules(), &lim, &rs, err);
    assert_null(rs);
    return st;
}

/* The tests pin the English messages (--lang en); test_ruleset_problems_in_swedish
 * the Swedish ones, the default. */
static styr_status load_err(const char *dir, styr_error *err)
{
    return load_err_in(dir, STYR_LANG_EN, err);
}

/* Judges YAML text with rs; the caller frees res and the returned doc. */
static styr_doc *judge(styr_ruleset *rs, const char *yaml, styr_file_result *res)
{
    styr_limits lim;
    styr_limits_default(&lim);
    styr_doc *doc = NULL;
    styr_error err;
    assert_int_equal(styr_doc_load_buffer("plan.yaml", yaml, strlen(yaml), &lim, &doc, &err), STYR_OK);
    if (styr_validate_doc(rs, &run_opts, doc, res, &err) != STYR_OK)
        fail_msg("validate failed: %s", err.message);
    return doc;
}

static size_t count_rule(const styr_file_result *res, const char *rule)
{
    size_t n = 0;
    for (size_t i = 0; i < res->findings.count; i++)
        n += strcmp(res->findings.items[i].rule, rule) == 0;
    return n;
}

static const styr_finding *first_of(const styr_file_result *res, const char *rule)
{
    for (size_t i = 0; i < res->findings.count; i++)
        if (strcmp(res->findings.items[i].rule, rule) == 0)
            return &res->findings.items[i];
    fail_msg("no finding of %s", rule);
    return NULL;
}

#define META "kind: ruleset\nversion: 1\nname: %s\n%s"

static void ruleset_yaml(const char *dir, const char *extra)
{
    char buf[1024];
    snprintf(buf, sizeof buf, META, dir, extra);
    put(dir, "ruleset.yaml", buf);
}

static const char *const PLAN =
    "kind: action-plan\n"
    "version: 1\n"
    "actions:\n"
    "  - id: \"1\"\n"
    "    title: First\n"
    "  - id: \" 2 \"\n"
    "    owner: Somebody\n";

static int setup(void **state)
{
    (void)state;
    snprintf(root, sizeof root, "/tmp/styr-engine-XXXXXX");
    assert_non_null(mkdtemp(root));
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    return system(cmd) == 0 ? 0 : -1;
}

static const char *const OWNER_RULE =
    "rule {\n"
    "  id = 'action.owner.missing', severity = 'error',\n"
    "  message = {sv = 'Insats {action} saknar ägare', en = 'Action {action} has no owner {nothing}'},\n"
    "  check = function(a) if a.owner == nil then report(a, 'owner') end end,\n"
    "}\n"
    "rule {\n"
    "  id = 'action.owner.seen', severity = 'info',\n"
    "  message = {sv = 'ägare {who}', en = 'owner {who}'},\n"
    "  check = function(a) if a.owner ~= nil then report(a, 'owner', {who = a.owner}) end end,\n"
    "}\n";

static void test_findings_point_at_the_value_or_the_item(void **state)
{
    (void)state;
    ruleset_yaml("basic", "");
    put("basic", "owner.lua", OWNER_RULE);
    styr_ruleset *rs = load_ok("basic");
    styr_file_result res;
    styr_doc *doc = judge(rs, PLAN, &res);
    const styr_finding *missing = first_of(&res, "action.owner.missing");
    assert_int_equal(missing->line, 4);     /* the action's map: "id:" of "- id:" */
    assert_int_equal(missing->column, 5);
    assert_string_equal(missing->path, "actions[0].owner");
    assert_string_equal(missing->action, "1");
    /* {action} is filled in; an unknown placeholder stays as written */
    assert_string_equal(missing->message, "Action 1 has no owner {nothing}");
    const styr_finding *seen = first_of(&res, "action.owner.seen");
    assert_int_equal(seen->line, 7);
    assert_int_equal(seen->column, 12);
    assert_string_equal(seen->action, "2");   /* ids are trimmed */
    assert_string_equal(seen->message, "owner Somebody");
    assert_int_equal(seen->severity, STYR_SEV_INFO);
    styr_file_result_free(&res);
    styr_doc_free(doc);
    styr_ruleset_free(rs);
}

/* Rules stopped by the instruction budget on line 1 of their file are
 * placed there, each with its own crash: line 1 is a line like any other. */
static void test_stop_on_line_one(void **state)
{
    (void)state;
    ruleset_yaml("lineone", "");
    put("lineone", "loop.lua",
        "rule { id = 'action.loop', severity = 'error', message = 'x', check = function(a) while true do end end }"
        " rule { id = 'action.loop2', severity = 'error', message = 'x', check = function(a) while true do end end }\n");
    styr_ruleset *rs = load_ok("lineone");
    styr_file_result res;
    styr_doc *doc = judge(rs, PLAN, &res);
    assert_int_equal(res.nrule_errors, 2);
    for (size_t i = 0; i < 2; i++) {
        assert_int_equal(res.rule_errors[i].line, 1);
        const char *f = res.rule_errors[i].file;
        assert_true(strlen(f) >= 8 && strcmp(f + strlen(f) - 8, "loop.lua") == 0);
    }
    assert_non_null(strstr(res.rule_errors[0].message, "regeln action.loop kraschade"));
    assert_non_null(strstr(res.rule_errors[1].message, "regeln action.loop2 kraschade"));
    styr_file_result_free(&res);
    styr_doc_free(doc);
    styr_ruleset_free(rs);
}

static void test_document_is_read_only(void **state)
{
    (void)state;
    ruleset_yaml("writer", "");
    put("writer", "w.lua",
        "rule { id = 'action.writer', severity = 'error', message = 'x',\n"
        "  check = function(a) a.owner = 'Hacked' end }\n"
        "rule { id = 'action.reader', severity = 'info', message = '{o}',\n"
        "  check = function(a) report(a, 'owner', {o = tostring(a.owner)}) end }\n");
    styr_ruleset *rs = load_ok("writer");
    styr_file_result res;
    styr_doc *doc = judge(rs, PLAN, &res);
    assert_int_equal(res.nrule_errors, 1);   /* reported once, not once per action */
    /* in the run's language, Swedish by default */
    assert_non_null(strstr(res.rule_errors[0].message, "planen kan bara läsas: en regel kan inte ändra den"));
    assert_non_null(strstr(res.rule_errors[0].message, "regeln action.writer kraschade"));
    assert_int_equal(res.rule_errors[0].line, 2);
    assert_int_equal(count_rule(&res, "action.reader"), 2);   /* the other rule still ran */
    assert_string_equal(res.findings.items[0].message, "nil");
    styr_file_result_free(&res);
    styr_doc_free(doc);
    styr_ruleset_free(rs);
}

static void test_schema_hides_wrong_types(void **state)
{
    (void)state;
    ruleset_yaml("typed", "extends: [core]\n");
    put("typed", "owner.lua",
        "rule { id = 'action.owner.absent', severity = 'error', message = 'x',\n"
        "  check = function(a) if a.owner == nil then report(a, 'owner') end end }\n");
    styr_ruleset *rs = load_ok("typed");
    styr_file_result res;
    styr_doc *doc = judge(rs,
                          "kind: action-plan\nversion: 1\nactions:\n"
                          "  - {id: a, owner: [x, y]}\n"
                          "  - {id: b}\n", &res);
    assert_int_equal(count_rule(&res, "action.type"), 1);
    /* The wrong-typed owner reads as absent, but is not reported again. */
    assert_int_equal(count_rule(&res, "action.owner.absent"), 1);
    assert_string_equal(first_of(&res, "action.owner.absent")->action, "b");
    assert_non_null(strstr(first_of(&res, "action.type")->message, "must be a text, but is a list"));
    styr_file_result_free(&res);
    styr_doc_free(doc);
    styr_ruleset_free(rs);
}

/* A reported field that is not there is named after its item's path, a
 * plain key (letters, every digit 0-9, '_', '-') with a dot and any other
 * key quoted, as the loader writes paths. */
static void test_report_paths_quote_odd_keys(void **state)
{
    (void)state;
    ruleset_yaml("paths", "extends: [core]\n");
    put("paths", "paths.lua",
        "rule { id = 'action.paths', severity = 'info', message = 'x',\n"
        "  check = function(a) for _, k in ipairs({'year_2090', 'Zz-09', 'a b', '', 'å'}) do report(a, k) end end }\n");
    styr_ruleset *rs = load_ok("paths");
    styr_file_result res;
    styr_doc *doc = judge(rs, "kind: action-plan\nversion: 1\nactions:\n  - {id: a}\n", &res);
    static const char *const want[] = {"actions[0].year_2090", "actions[0].Zz-09", "actions[0][\"a b\"]",
                                       "actions[0][\"\"]", "actions[0][\"å\"]"};
    assert_int_equal(count_rule(&res, "action.paths"), 5);
    size_t k = 0;
    for (size_t i = 0; i < res.findings.count; i++)
        if (strcmp(res.findings.items[i].rule, "action.paths") == 0)
            assert_string_equal(res.findings.items[i].path, want[k++]);
    styr_file_result_free(&res);
    styr_doc_free(doc);
    styr_ruleset_free(rs);
}

/* A finding on a key whose value is an alias of another item's container
 * is placed on the key in the item judged (report(a, 'links') on b's
 * 'links: *l' is b's links), and inside it through the alias. */
static void test_report_path_of_an_aliased_value(void **state)
{
    (void)state;
    ruleset_yaml("aliaspath", "");
    put("aliaspath", "p.lua",
        "rule { id = 'action.links', severity = 'info', message = 'x',\n"
        "  check = function(a) report(a, 'links'); report(a.links, 'programs') end }\n");
    styr_ruleset *rs = load_ok("aliaspath");
    styr_file_result res;
    styr_doc *doc = judge(rs,
                          "kind: action-plan\nversion: 1\nactions:\n"
                          "  - {id: a, links: &l {programs: [P]}}\n"
                          "  - {id: b, links: *l}\n",
                          &res);
    static const char *const want[] = {"actions[0].links", "actions[0].links.programs", "actions[1].links",
                                       "actions[1].links.programs"};
    assert_int_equal(count_rule(&res, "action.links"), 4);
    size_t k = 0;
    for (size_t i = 0; i < res.findings.count; i++)
        if (strcmp(res.findings.items[i].rule, "action.links") == 0)
            assert_string_equal(res.findings.items[i].path, want[k++]);
    styr_file_result_free(&res);
    styr_doc_free(doc);
    styr_ruleset_free(rs);
}

/* A value the item judged holds itself is placed where it is, even when an
 * alias in the same item shares it: report(a.links, 'programs') on
 * 'links: &l {...}' with 'extra: *l' beside it is links.programs, not the
 * alias's. */
static void test_report_path_of_an_anchor_in_its_own_item(void **state)
{
    (void)state;
    ruleset_yaml("anchorpath", "");
    put("anchorpath", "p.lua",
        "rule { id = 'action.links', severity = 'info', message = 'x',\n"
        "  check = function(a) report(a.links, 'programs') end }\n");
    styr_ruleset *rs = load_ok("anchorpath");
    styr_file_result res;
    styr_doc *doc = judge(rs,
                          "kind: action-plan\nversion: 1\nactions:\n"
                          "  - {id: a, links: &l {programs: [P]}, extra: *l}\n",
                          &res);
    assert_int_equal(count_rule(&res, "action.links"), 1);
    const styr_finding *f = first_of(&res, "action.links");
    assert_string_equal(f->path, "actions[0].links.programs");
    assert_int_equal(f->line, 4);
    assert_int_equal(f->column, 34);
    styr_file_result_free(&res);
    styr_doc_free(doc);
    styr_ruleset_free(rs);
}

/* The alias through which a finding's node is reached is found at any
 * depth the walk allows: 128 levels under the item judged (the deepest
 * alias_use descends to), with --max-depth raised so the plan loads. */
static void test_report_through_a_deep_alias(void **state)
{
    (void)state;
    ruleset_yaml("deepalias", "");
    put("deepalias", "p.lua",
        "rule { id = 'action.deep', severity = 'info', message = 'x',\n"
        "  check = function(a) if text(a, 'id') ~= 'b' then return end\n"
        "    local n = a.deep; for i = 1, 127 do n = n.k end; report(n.programs) end }\n");
    styr_ruleset *rs = load_ok("deepalias");
    char yaml[4096], want[1024];
    size_t n = (size_t)snprintf(yaml, sizeof yaml,
                                "kind: action-plan\nversion: 1\nactions:\n"
                                "  - {id: a, links: &l {programs: [P]}}\n  - {id: b, deep: ");
    size_t w = (size_t)snprintf(want, sizeof want, "actions[1].deep");
    for (int i = 0; i < 127; i++) {
        n += (size_t)snprintf(yaml + n, sizeof yaml - n, "{k: ");
        w += (size_t)snprintf(want + w, sizeof want - w, ".k");
    }
    n += (size_t)snprintf(yaml + n, sizeof yaml - n, "*l");
    for (int i = 0; i < 127; i++)
        n += (size_t)snprintf(yaml + n, sizeof yaml - n, "}");
    n += (size_t)snprintf(yaml + n, sizeof yaml - n, "}\n");
    snprintf(want + w, sizeof want - w, ".programs");
    assert_true(n < sizeof yaml);
    styr_limits lim;
    styr_limits_default(&lim);
    lim.max_depth = 1000;
    styr_doc *doc = NULL;
    styr_error err;
    assert_int_equal(styr_doc_load_buffer("plan.yaml", yaml, n, &lim, &doc, &err), STYR_OK);
    styr_file_result res;
    if (styr_validate_doc(rs, &run_opts, doc, &res, &err) != STYR_OK)
        fail_msg("validate failed: %s", err.message);
    assert_int_equal(count_rule(&res, "action.deep"), 1);
    assert_string_equal(first_of(&res, "action.deep")->path, want);
    styr_file_result_free(&res);
    styr_doc_free(doc);
    styr_ruleset_free(rs);
}

/* date.parse refuses a text of 64 bytes or more as too long, before
 * reading it; one of 63 is read, and refused for what it is. */
static void test_date_parse_too_long(void **state)
{
    (void)state;
    ruleset_yaml("longdate", "");
    put("longdate", "p.lua",
        "rule { id = 'action.longdate', severity = 'info', message = '{w}',\n"
        "  check = function(a) if text(a, 'id') ~= '1' then return end\n"
        "    for _, n in ipairs({64, 63}) do local d, w = date.parse(string.rep('2', n))\n"
        "      report(a, 'id', {w = n .. ': ' .. tostring(d) .. ', ' .. w}) end end }\n");
    styr_ruleset *rs = load_ok("longdate");
    styr_file_result res;
    styr_doc *doc = judge(rs, PLAN, &res);
    assert_int_equal(count_rule(&res, "action.longdate"), 2);
    /* sorted by message at one place: 63 first (run_opts is English) */
    assert_string_equal(res.findings.items[0].message,
                        "63: nil, the year must have four digits; expected YYYY, YYYY-MM or YYYY-MM-DD");
    assert_string_equal(res.findings.items[1].message, "64: nil, too long to be a date");
    styr_file_result_free(&res);
    styr_doc_free(doc);
    styr_ruleset_free(rs);
}

/* Two views of one container are equal in a rule (==), through an alias
 * too: `*m` shares its anchor's items; a container with the same text but
 * items of its own is another one, and so are two different kinds. */
static void test_views_equal_through_alias(void **state)
{
    (void)state;
    ruleset_yaml("eq", "");
    put("eq", "eq.lua",
        "rule { id = 'plan.eq', severity = 'info', message = '{same}',\n"
        "  check = function(p) local a = p.actions\n"
        "    report(p, nil, {same = tostring(a[1].links == a[2].links) .. ' ' .. tostring(a[1].links == a[3].links)\n"
        "      .. ' ' .. tostring(a[1].links == a[1].links) .. ' ' .. tostring(a[1].links == a[1].id)}) end }\n");
    styr_ruleset *rs = load_ok("eq");
    styr_file_result res;
    styr_doc *doc = judge(rs,
                          "kind: action-plan\nversion: 1\nactions:\n"
                          "  - {id: a, links: &l {programs: [P]}}\n"
                          "  - {id: b, links: *l}\n"
                          "  - {id: c, links: {programs: [P]}}\n",
                          &res);
    const styr_finding *f = first_of(&res, "plan.eq");
    assert_non_null(f);
    assert_string_equal(f->message, "true false true false");
    styr_file_result_free(&res);
    styr_doc_free(doc);
    styr_ruleset_free(rs);
}

/* A rule's remedy is filled with the finding's own values, as its message
 * is ("Skriv 'owner: Kulturnämnden'", not "'owner: {board}'"); a remedy
 * without placeholders stays the rule's text. Also with two threads, whose
 * findings are moved into the run's. */
static void test_remedy_filled_per_finding(void **state)
{
    (void)state;
    ruleset_yaml("remedy", "extends: [core]\n");
    put("remedy", "remedy.lua",
        "rule { id = 'action.remedy', severity = 'info', message = 'm {v}',\n"
        "  remediation = {sv = 'Skriv {v}', en = \"Write '- {year: {v}}' for {action}, not {unknown}\"},\n"
        "  check = function(a) report(a, 'owner', {v = a.owner}) end }\n"
        "rule { id = 'action.plain', severity = 'info', message = 'p',\n"
        "  remediation = 'Fix it.', check = function(a) report(a) end }\n"
        "rule { id = 'action.example', severity = 'info', message = 'e {v}',\n"
        "  remediation = \"Write '{source: X, amount_sek: 1}'\", check = function(a) report(a, nil, {v = 1}) end }\n"
        "rule { id = 'action.english', severity = 'info', message = {sv = 'Insats {action}{hint}.', en = 'Action {action}.'},\n"
        "  check = function(a) report(a) end }\n"
        "rule { id = 'action.en-only', severity = 'info', message = 'o',\n"
        "  remediation = {en = 'Only English.'}, check = function(a) report(a) end }\n");
    styr_ruleset *rs = load_ok("remedy");
    enum { N = 2100 };   /* past PARALLEL_MIN_ACTIONS (validate.c): two threads split it */
    size_t cap = 64 + N * 48, len = 0;
    char *yaml = malloc(cap);
    assert_non_null(yaml);
    len += (size_t)snprintf(yaml, cap, "kind: action-plan\nversion: 1\nactions:\n");
    for (int i = 0; i < N; i++)
        len += (size_t)snprintf(yaml + len, cap - len, "  - {id: a%d, owner: Nämnd %d}\n", i, i);
    styr_limits lim;
    styr_limits_default(&lim);
    for (unsigned threads = 1; threads <= 2; threads++) {
        styr_run_opts two = run_opts;
        two.threads = threads;
        styr_doc *doc = NULL;
        styr_error err;
        assert_int_equal(styr_doc_load_buffer("plan.yaml", yaml, len, &lim, &doc, &err), STYR_OK);
        styr_file_result res;
        assert_int_equal(styr_validate_doc(rs, &two, doc, &res, &err), STYR_OK);
        assert_int_equal(count_rule(&res, "action.remedy"), N);
        assert_int_equal(count_rule(&res, "action.example"), N);
        assert_int_equal(count_rule(&res, "action.plain"), N);     /* report(a): no key is the action itself */
        assert_int_equal(count_rule(&res, "action.english"), N);
        assert_int_equal(res.nrule_errors, 0);
        for (size_t i = 0; i < res.findings.count; i++) {
            const styr_finding *f = &res.findings.items[i];
            char want[128];
            if (strcmp(f->rule, "action.remedy") == 0) {
                snprintf(want, sizeof want, "Write '- {year: Nämnd %s}' for %s, not {unknown}", f->action + 1, f->action);
                assert_string_equal(f->remediation, want);
                assert_string_equal(f->unfilled, "{unknown}");   /* no value: noted, across threads too */
            } else if (strcmp(f->rule, "action.plain") == 0) {
                assert_string_equal(f->remediation, "Fix it.");
                assert_null(f->remedy);
                assert_null(f->unfilled);
            } else if (strcmp(f->rule, "action.example") == 0) {
                assert_null(f->unfilled);   /* a YAML example in braces is no placeholder */
            } else if (strcmp(f->rule, "action.english") == 0) {
                assert_string_equal(f->unfilled, "{hint}");   /* the Swedish text lacks it (the run is in English) */
            }
        }
        styr_file_result_free(&res);
        styr_doc_free(doc);
    }
    free(yaml);
    /* One text for both languages is the remedy in Swedish too. */
    run_opts.lang = STYR_LANG_SV;
    styr_file_result res;
    styr_doc *doc = judge(rs, "kind: action-plan\nversion: 1\nactions:\n  - {id: a1, owner: X}\n", &res);
    assert_string_equal(first_of(&res, "action.plain")->remediation, "Fix it.");
    /* a remedy written in English only is the remedy in Swedish too */
    assert_string_equal(first_of(&res, "action.en-only")->remediation, "Only English.");
    styr_file_result_free(&res);
    styr_doc_free(doc);
    run_opts.lang = STYR_LANG_EN;
    styr_ruleset_free(rs);
}

/* A text of nothing but white space reads as absent: the field is nil, text()
 * gives nil, and each() skips such an item (its position still counts). A
 * text with anything else in it, or a number, is a value. */
static void test_blank_texts_read_as_absent(void **state)
{
    (void)state;
    ruleset_yaml("blank", "extends: [core]\n");
    put("blank", "blank.lua",
        "rule { id = 'action.blank', severity = 'info', message = '{f}',\n"
        "  check = function(a)\n"
        "    local seen = {}\n"
        "    for i, p in each(a.partners) do seen[#seen + 1] = i .. '=' .. p end\n"
        "    report(a, nil, {f = tostring(a.owner) .. '|' .. tostring(text(a, 'owner')) .. '|' .. tostring(a.title)\n"
        "                        .. '|' .. table.concat(seen, ',')})\n"
        "  end }\n");
    styr_ruleset *rs = load_ok("blank");
    styr_file_result res;
    /* YAML double quotes: \t, \n and \u00a0 (no-break space) are escapes */
    styr_doc *doc = judge(rs,
                          "kind: action-plan\nversion: 1\nactions:\n"
                          "  - {id: a, owner: '', title: ' x ', partners: ['', ' ', \"\\t\\u00a0\\n\", BRG, 0]}\n"
                          "  - {id: b, owner: \"\\u00a0 \", title: \"\\u00a0\"}\n"
                          "  - {id: c, owner: \" \\u00a0x\"}\n", &res);
    assert_int_equal(count_rule(&res, "action.blank"), 3);
    const char *want[] = {"nil|nil| x |4=BRG,5=0", "nil|nil|nil|", " \xc2\xa0x| \xc2\xa0x|nil|"};
    size_t k = 0;
    for (size_t i = 0; i < res.findings.count; i++)
        if (strcmp(res.findings.items[i].rule, "action.blank") == 0)
            assert_string_equal(res.findings.items[i].message, want[k++]);
    styr_file_result_free(&res);
    styr_doc_free(doc);
    styr_ruleset_free(rs);
}

static void test_severity_overrides_and_off(void **state)
{
    (void)state;
    ruleset_yaml("graded", "severity:\n  action.owner.missing: warning\n  action.owner.seen: off\n");
    put("graded", "owner.lua", OWNER_RULE);
    styr_ruleset *rs = load_ok("graded");
    styr_file_result res;
    styr_doc *doc = judge(rs, PLAN, &res);
    assert_int_equal(first_of(&res, "action.owner.missing")->severity, STYR_SEV_WARNING);
    assert_int_equal(count_rule(&res, "action.owner.seen"), 0);
    styr_file_result_free(&res);
    styr_doc_free(doc);
    styr_ruleset_free(rs);
}

static void test_child_ruleset_replaces_parent_rule(void **state)
{
    (void)state;
    ruleset_yaml("parent", "");
    put("parent", "owner.lua", OWNER_RULE);
    ruleset_yaml("child", "extends: [parent]\n");
    put("child", "owner.lua",
        "rule { id = 'action.owner.missing', severity = 'warning', message = 'child says {action}',\n"
        "  check = function(a) if a.owner == nil then report(a, 'owner') end end }\n");
    styr_ruleset *rs = load_ok("child");
    assert_int_equal(rs->nchain, 2);
    assert_string_equal(rs->chain[0], "parent");
    styr_file_result res;
    styr_doc *doc = judge(rs, PLAN, &res);
    const styr_finding *f = first_of(&res, "action.owner.missing");
    assert_string_equal(f->message, "child says 1");
    assert_int_equal(f->severity, STYR_SEV_WARNING);
    assert_int_equal(count_rule(&res, "action.owner.missing"), 1);
    styr_file_result_free(&res);
    styr_doc_free(doc);
    styr_ruleset_free(rs);
}

static void test_waivers(void **state)
{
    (void)state;
    ruleset_yaml("waive", "");
    put("waive", "owner.lua", OWNER_RULE);
    styr_ruleset *rs = load_ok("waive");
    styr_file_result res;
    char plan[1024];
    snprintf(plan, sizeof plan, "%swaivers:\n  - {rule: action.owner.missing, action: \"1\", reason: Beslutas senare}\n"
                                "  - {rule: \"action.owner.*\", action: \"2\"}\n", PLAN);
    styr_doc *doc = judge(rs, plan, &res);
    const styr_finding *f = first_of(&res, "action.owner.missing");
    assert_non_null(f->waiver_reason);
    assert_string_equal(f->waiver_reason, "Beslutas senare");
    /* A waiver without a reason waives nothing. */
    assert_null(first_of(&res, "action.owner.seen")->waiver_reason);
    size_t c[3];
    styr_findings_count(&res.findings, c);
    assert_int_equal(c[STYR_SEV_ERROR], 0);
    assert_int_equal(c[STYR_SEV_INFO], 1);
    styr_file_result_free(&res);
    styr_doc_free(doc);
    styr_ruleset_free(rs);
}

static void test_scopes_and_lookups(void **state)
{
    (void)state;
    ruleset_yaml("scopes", "settings:\n  limit: 3\n");
    put("scopes", "s.lua",
        "local calls = 0\n"
        "rule { id = 'plan.count', severity = 'info', message = '{n} {first} {period} {limit}',\n"
        "  check = function(plan)\n"
        "    calls = calls + 1\n"
        "    local f, t = plan_period()\n"
        "    report(plan, nil, {n = calls, first = line(find_action('2')), period = tostring(f),\n"
        "                       limit = ruleset.setting('limit', 0)})\n"
        "  end }\n"
        "rule { id = 'strategy.seen', severity = 'info', message = 's',\n"
        "  check = function(s) report(s, 'id') end }\n");
    styr_ruleset *rs = load_ok("scopes");
    styr_file_result res;
    styr_doc *doc = judge(rs, "kind: action-plan\nversion: 1\nperiod: {from: 2018, to: 2019}\n"
                              "strategies: [{id: '1'}, {id: '2'}]\n"
                              "actions:\n  - id: '1'\n  - id: '2'\n", &res);
    assert_int_equal(count_rule(&res, "plan.count"), 1);
    assert_int_equal(count_rule(&res, "strategy.seen"), 2);
    /* 2018-01-01 is day 17532 since 1970-01-01 */
    assert_string_equal(first_of(&res, "plan.count")->message, "1 7 17532 3");
    styr_file_result_free(&res);
    styr_doc_free(doc);
    styr_ruleset_free(rs);
}

/* text(list, i) and has(list, i) read a list by 1-based position, and
 * positions outside the list are nil / false. */
static void test_text_by_position(void **state)
{
    (void)state;
    ruleset_yaml("positions", "");
    put("positions", "p.lua",
        "rule { id = 'plan.positions', severity = 'info', message = '{a} {b} {c} {d} {e}',\n"
        "  check = function(plan)\n"
        "    local l = plan.tags\n"
        "    report(plan, nil, {a = text(l, 1), b = text(l, 3), c = tostring(text(l, 4)),\n"
        "                       d = tostring(text(l, 0)), e = tostring(has(l, 3)) .. tostring(has(l, 4))})\n"
        "  end }\n");
    styr_ruleset *rs = load_ok("positions");
    styr_file_result res;
    styr_doc *doc = judge(rs, "kind: action-plan\nversion: 1\ntags: [first, second, third]\n", &res);
    assert_string_equal(first_of(&res, "plan.positions")->message, "first third nil nil truefalse");
    styr_file_result_free(&res);
    styr_doc_free(doc);
    styr_ruleset_free(rs);
}

/* actions_of_strategy(id) counts the actions that name the strategy
 * (trimmed), not only whether one does. */
static void test_actions_of_strategy_counts(void **state)
{
    (void)state;
    ruleset_yaml("count", "");
    put("count", "c.lua",
        "rule { id = 'plan.count', severity = 'info', message = '{a} {b} {c} {d}',\n"
        "  check = function(plan)\n"
        "    report(plan, nil, {a = actions_of_strategy('1'), b = actions_of_strategy(2), c = actions_of_strategy('3'),\n"
        "                       d = actions_of_strategy(nil)})\n"
        "  end }\n");
    styr_ruleset *rs = load_ok("count");
    styr_file_result res;
    styr_doc *doc = judge(rs, "kind: action-plan\nversion: 1\nstrategies: [{id: '1'}, {id: '2'}, {id: '3'}]\n"
                              "actions:\n  - {id: '1.1', strategy: '1'}\n  - {id: '1.2', strategy: ' 1 '}\n"
                              "  - {id: '1.3', strategy: '1'}\n  - {id: '2.1', strategy: '2'}\n", &res);
    assert_string_equal(first_of(&res, "plan.count")->message, "3 1 0 0");   /* nil names no strategy */
    styr_file_result_free(&res);
    styr_doc_free(doc);
    styr_ruleset_free(rs);
}

/* An action whose strategy is null names no strategy: not even one whose
 * id is the text "null" or "~". */
static void test_actions_of_strategy_null_names_none(void **state)
{
    (void)state;
    ruleset_yaml("countnull", "");
    put("countnull", "c.lua",
        "rule { id = 'plan.count', severity = 'info', message = '{a} {b} {c}',\n"
        "  check = function(plan)\n"
        "    report(plan, nil, {a = actions_of_strategy('null'), b = actions_of_strategy('~'), c = actions_of_strategy('1')})\n"
        "  end }\n");
    styr_ruleset *rs = load_ok("countnull");
    styr_file_result res;
    styr_doc *doc = judge(rs, "kind: action-plan\nversion: 1\nstrategies: [{id: 'null'}, {id: '~'}, {id: '1'}]\n"
                              "actions:\n  - {id: '1.1', strategy: null}\n  - {id: '1.2', strategy: ~}\n"
                              "  - {id: '1.3', strategy: '1'}\n", &res);
    assert_string_equal(first_of(&res, "plan.count")->message, "0 0 1");
    styr_file_result_free(&res);
    styr_doc_free(doc);
    styr_ruleset_free(rs);
}

/* date.parse(nil) is nil and why, in the run's language. */
static void test_date_parse_nil_says_why(void **state)
{
    (void)state;
    ruleset_yaml("datenil", "");
    put("datenil", "d.lua",
        "rule { id = 'plan.why', severity = 'info', message = '{why}',\n"
        "  check = function(plan) local d, why = date.parse(nil, 'start') report(plan, nil, {why = tostring(d) .. ' ' .. why}) end }\n");
    styr_ruleset *rs = load_ok("datenil");
    static const struct { int lang; const char *why; } langs[] = {{STYR_LANG_EN, "nil missing"}, {STYR_LANG_SV, "nil saknas"}};
    for (size_t k = 0; k < 2; k++) {
        run_opts.lang = langs[k].lang;
        styr_file_result res;
        styr_doc *doc = judge(rs, "kind: action-plan\nversion: 1\n", &res);
        assert_string_equal(first_of(&res, "plan.why")->message, langs[k].why);
        styr_file_result_free(&res);
        styr_doc_free(doc);
    }
    run_opts.lang = STYR_LANG_EN;
    styr_ruleset_free(rs);
}

/* A ruleset `name` of one file holding lua, judged on plan: one rule
 * error, whose message holds want. */
static void expect_one_rule_error(const char *name, const char *lua, const char *plan, const char *want)
{
    ruleset_yaml(name, "");
    put(name, "e.lua", lua);
    styr_ruleset *rs = load_ok(name);
    styr_file_result res;
    styr_doc *doc = judge(rs, plan, &res);
    assert_int_equal(res.nrule_errors, 1);
    if (!strstr(res.rule_errors[0].message, want))
        fail_msg("message: %s", res.rule_errors[0].message);
    styr_file_result_free(&res);
    styr_doc_free(doc);
    styr_ruleset_free(rs);
}

/* each() of a field the plan wrote as a number, an integer or a decimal
 * (a field the schema does not type, such as a child ruleset's): no items,
 * and no crash of the rule that asked. */
static void test_each_of_a_number(void **state)
{
    (void)state;
    ruleset_yaml("eachnum", "");
    put("eachnum", "e.lua",
        "rule { id = 'plan.walk', severity = 'info', message = '{n}',\n"
        "  check = function(plan) local n = 0\n"
        "    for _ in each(plan.ratio) do n = n + 1 end\n"
        "    for _ in each(plan.count) do n = n + 1 end\n"
        "    report(plan, nil, {n = n}) end }\n");
    styr_ruleset *rs = load_ok("eachnum");
    styr_file_result res;
    styr_doc *doc = judge(rs, "kind: action-plan\nversion: 1\nratio: 2.5\ncount: 3\n", &res);
    assert_int_equal(res.nrule_errors, 0);
    assert_string_equal(first_of(&res, "plan.walk")->message, "0");
    styr_file_result_free(&res);
    styr_doc_free(doc);
    styr_ruleset_free(rs);
    /* The rule's own false is no value of the plan, even just after reading
     * a 0 there: each(false) is the rule's mistake (a rule error, in Swedish here) */
    expect_one_rule_error("eachbool",
                          "rule { id = 'plan.own', severity = 'info', message = 'x',\n"
                          "  check = function(plan) local z = plan.count\n"
                          "    for _ in each(false) do end end }\n",
                          "kind: action-plan\nversion: 1\ncount: 0\n", "lista i planen väntades, fick sanningsvärde");
    /* rule{} inside a check is refused: rules are declared when the file loads */
    expect_one_rule_error("ruleincheck",
                          "rule { id = 'plan.maker', severity = 'info', message = 'x',\n"
                          "  check = function(plan) rule { id = 'plan.late', severity = 'info', message = 'y',\n"
                          "    check = function() end } end }\n",
                          "kind: action-plan\nversion: 1\n", "rule{} får bara stå på översta nivån i en regelfil");
}

/* A parent reached through two children (top extends a and b, both extend
 * core) is loaded once, and every ruleset of the diamond is loaded. */
static void test_extends_diamond(void **state)
{
    (void)state;
    ruleset_yaml("dia-a", "extends: [core]\n");
    put("dia-a", "a.lua", "rule { id = 'plan.dia-a', severity = 'info', message = 'a', check = function() end }\n");
    ruleset_yaml("dia-b", "extends: [core]\n");
    put("dia-b", "b.lua", "rule { id = 'plan.dia-b', severity = 'info', message = 'b', check = function() end }\n");
    ruleset_yaml("dia-top", "extends: [dia-a, dia-b]\n");
    styr_ruleset *rs = load_ok("dia-top");
    assert_non_null(styr_strmap_get(&rs->rule_index, "plan.dia-a", strlen("plan.dia-a")));
    assert_non_null(styr_strmap_get(&rs->rule_index, "plan.dia-b", strlen("plan.dia-b")));
    size_t cores = 0;
    for (size_t i = 0; i < rs->nchain; i++)
        cores += strcmp(rs->chain[i], "core") == 0;
    assert_int_equal(cores, 1);
    styr_ruleset_free(rs);
}

/* workload.owners() needs a plan being judged: called while the rule file
 * loads, it is the file's error, not a crash. */
static void test_workload_outside_a_run(void **state)
{
    (void)state;
    ruleset_yaml("wl-early", "extends: [core]\n");
    put("wl-early", "w.lua", "local o = workload.owners()\n");
    styr_error err;
    assert_int_not_equal(load_err("wl-early", &err), STYR_OK);
    if (!strstr(err.message, "workload.owners() can only be used by a rule while a plan is judged"))
        fail_msg("message: %s", err.message);
}

static int ext_answer(lua_State *L)
{
    lua_pushinteger(L, 42);
    return 1;
}

/* Room for eight tables of functions that other layers add: the check layer
 * adds three (followup, previous, workload), five more fit, the next new
 * name is refused and a name already added is accepted as it is. The last
 * table added is there for a rule. Runs last: the tables stay. */
static void test_extension_room(void **state)
{
    (void)state;
    static const luaL_Reg fns[] = {{"answer", ext_answer}, {NULL, NULL}};
    static const char *const names[] = {"ext1", "ext2", "ext3", "ext4", "ext5", "ext6"};
    styr_check_init();
    for (int i = 0; i < 5; i++)
        if (styr_ruleapi_extend(names[i], fns) != 0)
            fail_msg("no room for %s", names[i]);
    assert_int_equal(styr_ruleapi_extend(names[5], fns), -1);
    assert_int_equal(styr_ruleapi_extend("followup", fns), 0);
    ruleset_yaml("ext", "");
    put("ext", "e.lua",
        "rule { id = 'plan.ext', severity = 'info', message = '{n}',\n"
        "  check = function(plan) report(plan, nil, {n = ext5.answer()}) end }\n");
    styr_ruleset *rs = load_ok("ext");
    styr_file_result res;
    styr_doc *doc = judge(rs, "kind: action-plan\nversion: 1\n", &res);
    if (res.nrule_errors)
        fail_msg("rule error: %s", res.rule_errors[0].message);
    assert_string_equal(first_of(&res, "plan.ext")->message, "42");
    styr_file_result_free(&res);
    styr_doc_free(doc);
    styr_ruleset_free(rs);
}

/* ruleset.setting(name, default): the ruleset's value, else the default the
 * rule gives (nil without one). */
static void test_setting_default(void **state)
{
    (void)state;
    ruleset_yaml("settings", "settings:\n  given: 7\n");
    put("settings", "s.lua",
        "rule { id = 'plan.setting', severity = 'info', message = '{v}',\n"
        "  check = function(plan) report(plan, nil, {v = ruleset.setting('given', 1) .. ' ' ..\n"
        "    ruleset.setting('absent', 5) .. ' ' .. tostring(ruleset.setting('absent'))}) end }\n");
    styr_ruleset *rs = load_ok("settings");
    styr_file_result res;
    styr_doc *doc = judge(rs, "kind: action-plan\nversion: 1\n", &res);
    assert_int_equal(res.nrule_errors, 0);
    assert_string_equal(first_of(&res, "plan.setting")->message, "7 5 nil");
    styr_file_result_free(&res);
    styr_doc_free(doc);
    styr_ruleset_free(rs);
}

/* Freeing no result is nothing, as free(NULL) is. */
static void test_result_free_null(void **state)
{
    (void)state;
    styr_file_result_free(NULL);
}

/* scenario_weights() in a ruleset without model.lua: nil and why, not a
 * crash of the rule (or of styr). */
static void test_scenario_weights_without_model(void **state)
{
    (void)state;
    ruleset_yaml("nomodel", "");
    put("nomodel", "w.lua",
        "rule { id = 'plan.weights', severity = 'info', message = '{got}',\n"
        "  check = function(plan) local w, why = scenario_weights(plan)\n"
        "    report(plan, nil, {got = tostring(w) .. ': ' .. tostring(why)}) end }\n");
    styr_ruleset *rs = load_ok("nomodel");
    styr_file_result res;
    styr_doc *doc = judge(rs, "kind: action-plan\nversion: 1\n", &res);
    assert_int_equal(res.nrule_errors, 0);
    assert_string_equal(first_of(&res, "plan.weights")->message, "nil: the ruleset has no model");
    styr_file_result_free(&res);
    styr_doc_free(doc);
    styr_ruleset_free(rs);
}

/* date.format(day) shows years 0000 to 9999: the first and last day of
 * that range format, one day past either end is an error of the rule. */
static void test_date_format_range(void **state)
{
    (void)state;
    ruleset_yaml("daterange", "");
    put("daterange", "d.lua",
        "rule { id = 'plan.range', severity = 'info', message = '{a} {b}',\n"
        "  check = function(plan) report(plan, nil, {a = date.format(-719528), b = date.format(2932896)}) end }\n"
        "rule { id = 'plan.before', severity = 'info', message = 'x',\n"
        "  check = function(plan) date.format(-719529) end }\n"
        "rule { id = 'plan.after', severity = 'info', message = 'x',\n"
        "  check = function(plan) date.format(2932897) end }\n");
    styr_ruleset *rs = load_ok("daterange");
    styr_file_result res;
    styr_doc *doc = judge(rs, "kind: action-plan\nversion: 1\n", &res);
    assert_string_equal(first_of(&res, "plan.range")->message, "0000-01-01 9999-12-31");
    assert_int_equal(res.nrule_errors, 2);
    for (size_t i = 0; i < res.nrule_errors; i++)
        assert_non_null(strstr(res.rule_errors[i].message, "day number out of range"));
    styr_file_result_free(&res);
    styr_doc_free(doc);
    styr_ruleset_free(rs);
}

/* pairs() over a view walks a list by 1-based position and a mapping in
 * the order written, and skips entries with no value (~), as ipairs and
 * # do not; keys() gives a mapping's keys in order, and none of a list. */
static void test_pairs_walks_lists_and_maps(void **state)
{
    (void)state;
    ruleset_yaml("walk", "");
    put("walk", "w.lua",
        "rule { id = 'plan.walk', severity = 'info', message = '{l} | {m}',\n"
        "  check = function(plan)\n"
        "    local l, m = {}, {}\n"
        "    for k, v in pairs(plan.tags) do l[#l + 1] = k .. '=' .. tostring(v) end\n"
        "    for k, v in pairs(plan.document) do m[#m + 1] = k .. '=' .. tostring(v) end\n"
        "    m[#m + 1] = table.concat(keys(plan.document), ',') .. '/' .. #keys(plan.tags)\n"
        "    report(plan, nil, {l = table.concat(l, ' '), m = table.concat(m, ' ')})\n"
        "  end }\n");
    styr_ruleset *rs = load_ok("walk");
    styr_file_result res;
    styr_doc *doc = judge(rs, "kind: action-plan\nversion: 1\ntags: [first, ~, third, fourth]\n"
                              "document: {title: T, type: plan, reference: R}\n", &res);
    assert_string_equal(first_of(&res, "plan.walk")->message,
                        "1=first 3=third 4=fourth | title=T type=plan reference=R title,type,reference/0");
    styr_file_result_free(&res);
    styr_doc_free(doc);
    styr_ruleset_free(rs);
}

static void test_registry(void **state)
{
    (void)state;
    ruleset_yaml("reg", "");
    put("reg", "registry.yaml",
        "kind: registry\nversion: 1\n"
        "owners:\n  - name: Kommunstyrelsen\n    aliases: [KS, Stadsledningskontoret]\n"
        "  - name: Business Region Göteborg\n    aliases: [BRG]\n");
    put("reg", "r.lua",
        "rule { id = 'plan.reg', severity = 'info', message = '{a}|{b}|{c}|{d}',\n"
        "  check = function(plan)\n"
        "    report(plan, nil, {a = registry.owner('  brg ').name, b = tostring(registry.owner('BR')),\n"
        "      c = registry.suggest('owner', 'Kommunstyrelsn'), d = #registry.names('owner')})\n"
        "  end }\n");
    styr_ruleset *rs = load_ok("reg");
    styr_file_result res;
    styr_doc *doc = judge(rs, "kind: action-plan\nversion: 1\n", &res);
    assert_string_equal(first_of(&res, "plan.reg")->message, "Business Region Göteborg|nil|Kommunstyrelsen|2");
    /* from C: found by alias; no name, no ruleset and a ruleset without a
     * registry find nothing */
    assert_non_null(styr_ruleset_registry(rs, "owner", "KS", 2));
    assert_null(styr_ruleset_registry(rs, "owner", NULL, 0));
    assert_null(styr_ruleset_registry(NULL, "owner", "KS", 2));
    styr_file_result_free(&res);
    styr_doc_free(doc);
    styr_ruleset_free(rs);
    ruleset_yaml("noreg", "");
    put("noreg", "r.lua", "rule { id = 'plan.none', severity = 'info', message = 'x', check = function() end }\n");
    rs = load_ok("noreg");
    assert_null(styr_ruleset_registry(rs, "owner", "KS", 2));
    styr_ruleset_free(rs);

    ruleset_yaml("reg-clash", "");
    put("reg-clash", "registry.yaml",
        "kind: registry\nversion: 1\nowners:\n  - name: A\n    aliases: [X]\n  - name: B\n    aliases: [x]\n");
    styr_error err;
    assert_int_equal(load_err("reg-clash", &err), STYR_E_RULESET);
    assert_int_equal(err.line, 7);
    assert_non_null(strstr(err.message, "already a name or alias of 'A'"));
}

static void test_bad_rule_declarations(void **state)
{
    (void)state;
    static const struct { const char *src, *part; unsigned line; } cases[] = {
        {"rule { id = 'action.x', severity = 'error', message = 'x', chek = function() end }",
         "unknown field 'chek' (did you mean 'check'?)", 1},
        /* the first field of the list is suggested too */
        {"rule { idd = 'action.x', severity = 'error', message = 'x', check = function() end }",
         "unknown field 'idd' (did you mean 'id'?)", 1},
        {"\nrule { id = 'action.x', severity = 'fatal', message = 'x', check = function() end }",
         "severity = \"error\", \"warning\" or \"info\"", 2},
        {"rule { id = 'Action.X', severity = 'error', message = 'x', check = function() end }",
         "may only use a-z", 1},
        /* a part's length with another word before the dot is no part */
        {"rule { id = 'plen.x', severity = 'error', message = 'x', check = function() end }",
         "must start with document., plan.", 1},
        {"rule { id = 'planx.y', severity = 'error', message = 'x', check = function() end }",
         "must start with document., plan.", 1},
        {"rule { id = 'action.x', severity = 'error', check = function() end }", "needs a 'message'", 1},
        {"rule { id = 'action.x', severity = 'error', message = 'x' }", "needs check = function", 1},
        {"rule { id = 'action.x', severity = 'error', message = 'x', check = function() end }\n"
         "rule { id = 'action.x', severity = 'error', message = 'x', check = function() end }",
         "already declared", 2},
        {"rule { id = 'action.x', severity = 'error', message = 'x', applies_to = 'everything', check = function() end }",
         "applies_to must be one of", 1},
        {"local x = 1 +", "unexpected symbol", 1},
        {"while true do end", "stopped after", 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char dir[32];
        snprintf(dir, sizeof dir, "bad%zu", i);
        ruleset_yaml(dir, "");
        put(dir, "r.lua", cases[i].src);
        styr_error err;
        assert_int_equal(load_err(dir, &err), STYR_E_RULESET);
        if (!strstr(err.message, cases[i].part))
            fail_msg("case %zu: '%s' lacks '%s'", i, err.message, cases[i].part);
        assert_int_equal(err.line, cases[i].line);
        assert_non_null(strstr(err.file, "r.lua"));
    }
}

/* An unknown field near none of rule{}'s own is named without a guess,
 * and a field that is no text at all is '?'. */
static void test_rule_unknown_field_without_a_guess(void **state)
{
    (void)state;
    static const struct { const char *src, *tail; } cases[] = {
        {"rule { id = 'action.x', severity = 'error', message = 'x', prioritet = 1, check = function() end }",
         "rule{} has an unknown field 'prioritet'"},
        {"rule { id = 'action.x', severity = 'error', message = 'x', [7] = 1, check = function() end }",
         "rule{} has an unknown field '?'"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char dir[32];
        snprintf(dir, sizeof dir, "noguess%zu", i);
        ruleset_yaml(dir, "");
        put(dir, "r.lua", cases[i].src);
        styr_error err;
        assert_int_equal(load_err(dir, &err), STYR_E_RULESET);
        size_t n = strlen(err.message), t = strlen(cases[i].tail);
        if (n < t || strcmp(err.message + n - t, cases[i].tail) != 0)
            fail_msg("case %zu: '%s' does not end in '%s'", i, err.message, cases[i].tail);
    }
}

/* A rule id is at most 120 characters: 120 loads, 121 is refused. */
static void test_rule_id_length_edge(void **state)
{
    (void)state;
    for (int len = 120; len <= 121; len++) {
        char id[130] = "action.";
        memset(id + 7, 'x', (size_t)len - 7);
        id[len] = '\0';
        char src[400], dir[32];
        snprintf(src, sizeof src, "rule { id = '%s', severity = 'info', message = 'x', check = function() end }", id);
        snprintf(dir, sizeof dir, "idlen%d", len);
        ruleset_yaml(dir, "");
        put(dir, "r.lua", src);
        if (len == 120) {
            styr_ruleset_free(load_ok(dir));
        } else {
            styr_error err;
            assert_int_equal(load_err(dir, &err), STYR_E_RULESET);
            assert_non_null(strstr(err.message, "1 to 120 characters"));
        }
    }
}

static void test_ruleset_problems(void **state)
{
    (void)state;
    styr_error err;
    ruleset_yaml("cycle-a", "extends: [cycle-b]\n");
    ruleset_yaml("cycle-b", "extends: [cycle-a]\n");
    assert_int_equal(load_err("cycle-a", &err), STYR_E_RULESET);
    assert_non_null(strstr(err.message, "a cycle?"));

    ruleset_yaml("no-parent", "extends: [nosuch]\n");
    assert_int_equal(load_err("no-parent", &err), STYR_E_RULESET);
    assert_non_null(strstr(err.message, "cannot find the ruleset 'nosuch'"));
    assert_int_equal(err.line, 4);

    ruleset_yaml("bad-pattern", "patterns:\n  broken: '(unclosed'\n");
    assert_int_equal(load_err("bad-pattern", &err), STYR_E_RULESET);
    assert_int_equal(err.line, 5);
    assert_non_null(strstr(err.message, "broken"));

    mkdir(rs_path("empty-dir"), 0700);
    assert_int_equal(load_err("empty-dir", &err), STYR_E_RULESET);
    assert_non_null(strstr(err.message, "ruleset.yaml is missing"));

    /* a ruleset named on an empty search path (a library caller's): not found */
    static const char *const nowhere[] = {NULL};
    styr_error_clear(&err);
    char *where = styr_ruleset_locate("goteborg", nowhere, 1, &err);
    assert_null(where);
    assert_int_equal(err.code, STYR_E_RULESET);
}

/* A ruleset's problems in Swedish, the default: what a coordinator who keeps
 * registry.yaml or names a ruleset reads. */
static void test_ruleset_problems_in_swedish(void **state)
{
    (void)state;
    styr_error err;
    ruleset_yaml("sv-cycle-a", "extends: [sv-cycle-b]\n");
    ruleset_yaml("sv-cycle-b", "extends: [sv-cycle-a]\n");
    assert_int_equal(load_err_in("sv-cycle-a", STYR_LANG_SV, &err), STYR_E_RULESET);
    assert_non_null(strstr(err.message, "'extends' går djupare än 8 regeluppsättningar (en cirkel?)"));
    /* eight rulesets that each extend the next (the last extends core) are
     * as deep as a chain may go and load; a ninth in front is too deep */
    for (int i = 1; i <= 8; i++) {
        char name[16], ext[40];
        snprintf(name, sizeof name, "deep-%d", i);
        snprintf(ext, sizeof ext, i < 8 ? "extends: [deep-%d]\n" : "extends: [core]\n", i + 1);
        ruleset_yaml(name, ext);
    }
    styr_ruleset_free(load_ok("deep-1"));
    /* a schema type with no fields (or fields that are not a mapping) has
     * its type and unknown-key rules, and no number-read: it holds no number */
    ruleset_yaml("no-fields", "extends: [core]\n");
    put("no-fields", "schema.yaml", "kind: schema\nversion: 1\ntypes:\n  note:\n    part: note\n"
                                    "  memo:\n    part: memo\n    fields: [a]\n");
    styr_ruleset *nf = load_ok("no-fields");
    assert_non_null(styr_ruleset_rule(nf, "note.type", 9));
    assert_null(styr_ruleset_rule(nf, "note.number-read", 16));
    assert_null(styr_ruleset_rule(nf, "memo.number-read", 16));
    styr_ruleset_free(nf);
    ruleset_yaml("deep-0", "extends: [deep-1]\n");
    assert_int_equal(load_err_in("deep-0", STYR_LANG_SV, &err), STYR_E_RULESET);
    assert_non_null(strstr(err.message, "'extends' går djupare än 8 regeluppsättningar"));

    ruleset_yaml("sv-clash", "");
    put("sv-clash", "registry.yaml",
        "kind: registry\nversion: 1\nowners:\n  - name: A\n    aliases: [X]\n  - name: B\n    aliases: [x]\n");
    assert_int_equal(load_err_in("sv-clash", STYR_LANG_SV, &err), STYR_E_RULESET);
    assert_non_null(strstr(err.message, "'x' är redan ett namn eller alias för 'A' (rad 4)"));

    ruleset_yaml("sv-typo", "");
    put("sv-typo", "registry.yaml", "kind: registry\nversion: 1\nowner:\n  - name: A\n");
    assert_int_equal(load_err_in("sv-typo", STYR_LANG_SV, &err), STYR_E_RULESET);
    assert_string_equal(err.message, "okänd nyckel 'owner' i registry.yaml (menade du 'owners'?)");
    assert_int_equal(load_err_in("sv-typo", STYR_LANG_EN, &err), STYR_E_RULESET);
    assert_string_equal(err.message, "unknown key 'owner' in registry.yaml (did you mean 'owners'?)");

    ruleset_yaml("sv-level", "");
    put("sv-level", "registry.yaml", "kind: registry\nversion: 1\nowners:\n  - name: A\n    level: boord\n");
    assert_int_equal(load_err_in("sv-level", STYR_LANG_SV, &err), STYR_E_RULESET);
    assert_string_equal(err.message,
                        "level ska vara council, executive, board, company eller office (menade du 'board'?)");

    ruleset_yaml("sv-schema", "");
    put("sv-schema", "schema.yaml", "kind: schema\nversion: 1\n");
    assert_int_equal(load_err_in("sv-schema", STYR_LANG_SV, &err), STYR_E_RULESET);
    assert_string_equal(err.message, "schema.yaml behöver en mappning 'types'");

    ruleset_yaml("sv-pattern", "patterns:\n  id: [1]\n");
    assert_int_equal(load_err_in("sv-pattern", STYR_LANG_SV, &err), STYR_E_RULESET);
    assert_string_equal(err.message, "mönstret 'id' ska vara en text");

    mkdir(rs_path("sv-empty"), 0700);
    assert_int_equal(load_err_in("sv-empty", STYR_LANG_SV, &err), STYR_E_RULESET);
    assert_string_equal(err.message, "ingen regeluppsättning: ruleset.yaml saknas");

    /* looked up by name: a name with capitals, and one that is not there */
    static const char *const nowhere[] = {NULL};
    styr_error_clear(&err);
    assert_null(styr_ruleset_locate("Goteborg", nowhere, 0, &err));
    assert_string_equal(err.message,
                        "'Goteborg' är inget namn på en regeluppsättning (a-z, 0-9, '-', '_') och ingen mapp");
    styr_error_clear(&err);   /* where there is a goteborg, it is named */
    assert_null(styr_ruleset_locate("GoteBorg", source_rules(), 0, &err));
    assert_string_equal(err.message, "'GoteBorg' är inget namn på en regeluppsättning (a-z, 0-9, '-', '_') och "
                                     "ingen mapp (menade du 'goteborg'?)");
    /* a folder whose name is no ruleset name ("house.policy") is not
     * suggested for one that differs only in capitals: it would be refused */
    mkdir(rs_path("house.policy"), 0700);
    const char *here[] = {root, NULL};
    styr_error_clear(&err);
    assert_null(styr_ruleset_locate("House.Policy", here, 1, &err));
    assert_string_equal(err.message, "'House.Policy' is not a ruleset name (a-z, 0-9, '-', '_') nor a folder");
    /* every capital from A to Z is lowered and every digit 0 to 9 kept: "ZA9" means "za9" */
    mkdir(rs_path("za9"), 0700);
    styr_error_clear(&err);
    assert_null(styr_ruleset_locate("ZA9", here, 1, &err));
    assert_string_equal(err.message, "'ZA9' is not a ruleset name (a-z, 0-9, '-', '_') nor a folder (did you mean 'za9'?)");
    /* ... down to the digit 0: "za0" is a name, found as it is, and "ZA0" means it */
    mkdir(rs_path("za0"), 0700);
    styr_error_clear(&err);
    char *za0 = styr_ruleset_locate("za0", here, 1, &err);
    if (!za0)
        fail_msg("za0 not found: %s", err.message);
    assert_non_null(strstr(za0, "/za0"));
    free(za0);
    styr_error_clear(&err);
    assert_null(styr_ruleset_locate("ZA0", here, 1, &err));
    assert_string_equal(err.message, "'ZA0' is not a ruleset name (a-z, 0-9, '-', '_') nor a folder (did you mean 'za0'?)");
    styr_error_clear(&err);
    assert_null(styr_ruleset_locate("goteborg", nowhere, 0, &err));
    assert_string_equal(err.message, "det finns ingen regeluppsättning som heter 'goteborg' (det finns: inga); eller "
                                     "ange regeluppsättningens mapp i stället för ett namn");
    styr_error_clear(&err);
    assert_null(styr_ruleset_locate("goteborg", nowhere, 1, &err));
    assert_string_equal(err.message,
                        "no ruleset named 'goteborg' (there are: none); or give the ruleset's folder instead of a name");
    /* a name in two folders of the search path (the build's rules/ and the
     * installed ones) is named once */
    const char *twice[] = {source_rules()[0], source_rules()[0], NULL};
    styr_error_clear(&err);
    assert_null(styr_ruleset_locate("nosuch", twice, 1, &err));
    assert_string_equal(err.message, "no ruleset named 'nosuch' (there are: core, goteborg); or give the "
                                     "ruleset's folder instead of a name");
}

static void test_unjudgeable_files(void **state)
{
    (void)state;
    ruleset_yaml("plain", "");
    styr_ruleset *rs = load_ok("plain");
    static const struct { const char *yaml, *part; } cases[] = {
        {"", "holds no YAML document"},
        {"# only a comment\n", "holds no YAML document"},
        {"- a\n- b\n", "must be a mapping"},
        {"version: 1\n", "missing 'kind:'"},
        {"kind: action-plann\n", "did you mean 'action-plan'"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        styr_limits lim;
        styr_limits_default(&lim);
        styr_doc *doc = NULL;
        styr_error err;
        assert_int_equal(styr_doc_load_buffer("x.yaml", cases[i].yaml, strlen(cases[i].yaml), &lim, &doc, &err), STYR_OK);
        styr_file_result res;
        assert_int_equal(styr_validate_doc(rs, &run_opts, doc, &res, &err), STYR_E_INPUT);
        if (!strstr(err.message, cases[i].part))
            fail_msg("case %zu: '%s' lacks '%s'", i, err.message, cases[i].part);
        styr_file_result_free(&res);
        styr_doc_free(doc);
    }
    styr_ruleset_free(rs);
}

/* report(list, i) takes a position from 1 to the list's length: 0 and one
 * past the end are the rule's error, naming the range. */
static void test_report_position_out_of_range(void **state)
{
    (void)state;
    ruleset_yaml("position", "");
    put("position", "p.lua",
        "rule { id = 'action.zero', severity = 'info', message = 'x',\n"
        "  check = function(a) report(a.partners, 0) end }\n"
        "rule { id = 'action.past', severity = 'info', message = 'x',\n"
        "  check = function(a) report(a.partners, 3) end }\n");
    styr_ruleset *rs = load_ok("position");
    styr_file_result res;
    styr_doc *doc = judge(rs, "kind: action-plan\nversion: 1\nactions:\n  - {id: a, partners: [BRG, SLK]}\n", &res);
    assert_int_equal(res.findings.count, 0);
    assert_int_equal(res.nrule_errors, 2);
    for (size_t i = 0; i < 2; i++) {
        const char *m = res.rule_errors[i].message;
        if (!strstr(m, strstr(m, "action.zero") ? "plats 0 finns inte i listan (1 till 2)" : "plats 3 finns inte i listan (1 till 2)"))
            fail_msg("rule error %zu: %s", i, m);
    }
    styr_file_result_free(&res);
    styr_doc_free(doc);
    styr_ruleset_free(rs);
}

/* nearest(text, list) looks through a list of up to 100000 candidates; a
 * longer one gives nil. */
static void test_nearest_list_bound(void **state)
{
    (void)state;
    ruleset_yaml("nearest", "");
    put("nearest", "n.lua",
        "rule { id = 'plan.nearest', severity = 'info', message = '{a} {b}',\n"
        "  check = function(plan)\n"
        "    local t = {}\n"
        "    for i = 1, 99999 do t[i] = 'x' end\n"
        "    t[100000] = 'strategi'\n"
        "    local a = nearest('stratgi', t)\n"
        "    t[100001] = 'x'\n"
        "    report(plan, nil, {a = tostring(a), b = tostring(nearest('stratgi', t))})\n"
        "  end }\n");
    styr_ruleset *rs = load_ok("nearest");
    styr_file_result res;
    styr_doc *doc = judge(rs, "kind: action-plan\nversion: 1\n", &res);
    assert_int_equal(res.nrule_errors, 0);
    assert_string_equal(first_of(&res, "plan.nearest")->message, "strategi nil");
    styr_file_result_free(&res);
    styr_doc_free(doc);
    styr_ruleset_free(rs);
}

/* nearest() gives nil when no candidate is near, whatever else the table
 * holds (a [0] entry is no candidate). */
static void test_nearest_none_near(void **state)
{
    (void)state;
    ruleset_yaml("nearest0", "");
    put("nearest0", "n.lua",
        "rule { id = 'plan.nearest', severity = 'info', message = '{a}',\n"
        "  check = function(plan)\n"
        "    local t = {[0] = 'noll', 'strategi'}\n"
        "    report(plan, nil, {a = tostring(nearest('vattenkraft', t))})\n"
        "  end }\n");
    styr_ruleset *rs = load_ok("nearest0");
    styr_file_result res;
    styr_doc *doc = judge(rs, "kind: action-plan\nversion: 1\n", &res);
    assert_int_equal(res.nrule_errors, 0);
    assert_string_equal(first_of(&res, "plan.nearest")->message, "nil");
    styr_file_result_free(&res);
    styr_doc_free(doc);
    styr_ruleset_free(rs);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_findings_point_at_the_value_or_the_item),
        cmocka_unit_test(test_document_is_read_only),
        cmocka_unit_test(test_schema_hides_wrong_types),
        cmocka_unit_test(test_report_paths_quote_odd_keys),
        cmocka_unit_test(test_views_equal_through_alias),
        cmocka_unit_test(test_report_path_of_an_aliased_value),
        cmocka_unit_test(test_report_path_of_an_anchor_in_its_own_item),
        cmocka_unit_test(test_rule_unknown_field_without_a_guess),
        cmocka_unit_test(test_stop_on_line_one),
        cmocka_unit_test(test_report_through_a_deep_alias),
        cmocka_unit_test(test_date_parse_too_long),
        cmocka_unit_test(test_remedy_filled_per_finding),
        cmocka_unit_test(test_rule_id_length_edge),
        cmocka_unit_test(test_blank_texts_read_as_absent),
        cmocka_unit_test(test_severity_overrides_and_off),
        cmocka_unit_test(test_child_ruleset_replaces_parent_rule),
        cmocka_unit_test(test_waivers),
        cmocka_unit_test(test_text_by_position),
        cmocka_unit_test(test_scopes_and_lookups),
        cmocka_unit_test(test_date_parse_nil_says_why),
        cmocka_unit_test(test_date_format_range),
        cmocka_unit_test(test_each_of_a_number),
        cmocka_unit_test(test_extends_diamond),
        cmocka_unit_test(test_workload_outside_a_run),
        cmocka_unit_test(test_scenario_weights_without_model),
        cmocka_unit_test(test_setting_default),
        cmocka_unit_test(test_result_free_null),
        cmocka_unit_test(test_pairs_walks_lists_and_maps),
        cmocka_unit_test(test_actions_of_strategy_counts),
        cmocka_unit_test(test_actions_of_strategy_null_names_none),
        cmocka_unit_test(test_nearest_list_bound),
        cmocka_unit_test(test_nearest_none_near),
        cmocka_unit_test(test_report_position_out_of_range),
        cmocka_unit_test(test_registry),
        cmocka_unit_test(test_bad_rule_declarations),
        cmocka_unit_test(test_ruleset_problems),
        cmocka_unit_test(test_ruleset_problems_in_swedish),
        cmocka_unit_test(test_unjudgeable_files),
        cmocka_unit_test(test_extension_room),   /* last: the tables it adds stay */
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
