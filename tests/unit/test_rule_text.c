/* test_rule_text.c - unit tests of engine/rule_text.c: a message template as
 * a plain sentence (SARIF shortDescription) and with numbered placeholders
 * (SARIF messageStrings). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "rule_text.h"

static void check_plain(const char *tmpl, const char *want)
{
    char *got = styr_template_plain(tmpl);
    assert_non_null(got);
    assert_string_equal(got, want);
    free(got);
}

static void plain_replaces_and_drops(void **state)
{
    (void)state;
    /* A placeholder after a space or quote is "…"; a glued suffix is dropped. */
    check_plain("Action {action}: owner '{owner}' is not in the registry{hint}.",
                "Action \u2026: owner '\u2026' is not in the registry.");
    check_plain("Insats {action}: ansvarig '{owner}' finns inte i registret{hint}.",
                "Insats \u2026: ansvarig '\u2026' finns inte i registret.");
    /* At the start, and a suffix glued to a non-ASCII letter. */
    check_plain("{field} names the area '{target}'{why}.", "\u2026 names the area '\u2026'.");
    check_plain("Området saknas i områdesfilen{hint}.", "Området saknas i områdesfilen.");
    /* a word that ends in a letter of two bytes (å, ä, ö) is a word too */
    check_plain("Insatsen ska vara klar på{hint}.", "Insatsen ska vara klar på.");
    check_plain("Å{hint} stämmer.", "Å stämmer.");   /* the letter is the text's first */
    /* A dash between two placeholders is not a word: both stay. */
    check_plain("outside the scale {low}–{high}.", "outside the scale …–….");
    /* the character before is the dash's, not the text's first (an Å) */
    check_plain("Åren {from}–{to}.", "Åren …–….");
    check_plain("weights ({known})", "weights (…)");
    check_plain("Unknown field '{key}'{hint}; styr does not read it.", "Unknown field '\u2026'; styr does not read it.");
    /* A rule's text is not checked as UTF-8: a stray continuation byte as
     * the whole text before a placeholder is no word, and nothing before it
     * is read */
    check_plain("\xA4{hint}", "\xA4\u2026");
}

static void plain_keeps_literal_braces(void **state)
{
    (void)state;
    /* Not identifiers: an example in the text, kept as written. */
    check_plain("The plan has no plan period ('period: {from: YYYY, to: YYYY}').",
                "The plan has no plan period ('period: {from: YYYY, to: YYYY}').");
    check_plain("{} and {1} and { x } stay", "{} and {1} and { x } stay");
    check_plain("", "");
    check_plain(NULL, "");
}

static void plain_spaces(void **state)
{
    (void)state;
    /* A dropped suffix leaves no double space; text is otherwise kept as written. */
    check_plain("Okänd metod{hint} och  {x}.", "Okänd metod och ….");
    check_plain("a budget ...).", "a budget ...).");
    check_plain("End {value}", "End \u2026");
}

static void positional_numbers_in_order(void **state)
{
    (void)state;
    const char *names[STYR_TEMPLATE_MAX_ARGS];
    size_t lens[STYR_TEMPLATE_MAX_ARGS], n = 99;
    const char *t = "Action {action}: owner '{owner}' of {action}{hint}.";
    char *got = styr_template_positional(t, names, lens, &n);
    assert_non_null(got);
    assert_string_equal(got, "Action {0}: owner '{1}' of {0}{2}.");
    assert_int_equal(n, 3);
    assert_int_equal(lens[0], 6);
    assert_memory_equal(names[0], "action", 6);
    assert_memory_equal(names[1], "owner", 5);
    assert_memory_equal(names[2], "hint", 4);
    free(got);
}

static void positional_doubles_literal_braces(void **state)
{
    (void)state;
    const char *names[STYR_TEMPLATE_MAX_ARGS];
    size_t lens[STYR_TEMPLATE_MAX_ARGS], n = 99;
    char *got = styr_template_positional("Give '{type: x, source: {who}}' {}", names, lens, &n);
    assert_non_null(got);
    assert_string_equal(got, "Give '{{type: x, source: {0}}}' {{}}");
    assert_int_equal(n, 1);
    free(got);
    got = styr_template_positional("no placeholders", names, lens, &n);
    assert_string_equal(got, "no placeholders");
    assert_int_equal(n, 0);
    free(got);
}

static void positional_caps_distinct_names(void **state)
{
    (void)state;
    /* Past STYR_TEMPLATE_MAX_ARGS distinct names, the rest stay literal (doubled). */
    char tmpl[2048] = "", one[16];
    for (int i = 0; i <= STYR_TEMPLATE_MAX_ARGS; i++) {
        snprintf(one, sizeof one, "{p%d}", i);
        strcat(tmpl, one);
    }
    const char *names[STYR_TEMPLATE_MAX_ARGS];
    size_t lens[STYR_TEMPLATE_MAX_ARGS], n = 0;
    char *got = styr_template_positional(tmpl, names, lens, &n);
    assert_non_null(got);
    assert_int_equal(n, STYR_TEMPLATE_MAX_ARGS);
    char tail[32];
    snprintf(tail, sizeof tail, "{{p%d}}", STYR_TEMPLATE_MAX_ARGS);
    assert_non_null(strstr(got, tail));
    free(got);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(plain_replaces_and_drops),
        cmocka_unit_test(plain_keeps_literal_braces),
        cmocka_unit_test(plain_spaces),
        cmocka_unit_test(positional_numbers_in_order),
        cmocka_unit_test(positional_doubles_literal_braces),
        cmocka_unit_test(positional_caps_distinct_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
