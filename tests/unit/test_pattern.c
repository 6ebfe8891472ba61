/* test_pattern.c - unit tests of engine/pattern.c: compiling named patterns,
 * matching with captures and offsets, bad UTF-8 and the match limit. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "pattern.h"

#define UNSET ((size_t)-1)

static const char insats_re[] =
    "(?i)\\b(?:insats(?:erna)?|punkt(?:erna)?)\\s+(\\d+\\.\\d+)";

static styr_pattern *compile_ok(const char *name, const char *re)
{
    styr_error err;
    styr_error_clear(&err);
    styr_pattern *p = styr_pattern_compile(name, re, strlen(re), &err);
    if (!p)
        fail_msg("'%s' did not compile: %s", re, err.message);
    return p;
}

/* Matches s from offset 0; returns the result and fills g[0..n). */
static int match(const styr_pattern *p, const char *s, styr_match *g, int n)
{
    styr_error err;
    styr_error_clear(&err);
    int rc = styr_pattern_match(p, s, strlen(s), 0, g, n, &err);
    if (rc < 0)
        fail_msg("match of '%s' failed: %s", s, err.message);
    return rc;
}

/* Checks that group g of s spans the text `want`. */
static void assert_group(const char *s, const styr_match *g, const char *want)
{
    assert_true(g->start != UNSET);
    assert_true(g->end >= g->start);
    size_t n = g->end - g->start;
    if (n != strlen(want) || memcmp(s + g->start, want, n) != 0)
        fail_msg("group is '%.*s', expected '%s'", (int)n, s + g->start, want);
}

static void test_compile_and_captures(void **state)
{
    (void)state;
    styr_pattern *p = compile_ok("diarienummer", "^\\d{3,4}/\\d{2}$");
    assert_int_equal(styr_pattern_captures(p), 0);
    assert_string_equal(styr_pattern_name(p), "diarienummer");
    styr_pattern_free(p);

    p = compile_ok("three", "(a)(?:b)(c(d))");
    assert_int_equal(styr_pattern_captures(p), 3);
    styr_pattern_free(p);

    p = compile_ok(NULL, "x");
    assert_string_equal(styr_pattern_name(p), "(unnamed)");
    styr_pattern_free(p);

    styr_pattern_free(NULL);   /* accepted, like free() */
}

static void test_compile_uses_len(void **state)
{
    (void)state;
    styr_error err;
    /* only the first len bytes are the pattern: "ab" of "ab(" */
    styr_pattern *p = styr_pattern_compile("len", "ab(", 2, &err);
    assert_non_null(p);
    styr_match g[1];
    assert_int_equal(match(p, "xaby", g, 1), 1);
    assert_int_equal(g[0].start, 1);
    assert_int_equal(g[0].end, 3);
    styr_pattern_free(p);
    /* a NUL inside the pattern is a literal NUL */
    p = styr_pattern_compile("nul", "a\0b", 3, &err);
    assert_non_null(p);
    assert_int_equal(styr_pattern_match(p, "xa\0b", 4, 0, g, 1, &err), 1);
    assert_int_equal(g[0].start, 1);
    assert_int_equal(styr_pattern_match(p, "ab", 2, 0, g, 1, &err), 0);
    styr_pattern_free(p);
}

static void test_compile_errors(void **state)
{
    (void)state;
    styr_error err;
    styr_error_clear(&err);
    styr_pattern *p = styr_pattern_compile("broken", "(abc", 4, &err);
    assert_null(p);
    assert_int_equal(err.code, STYR_E_RULESET);
    assert_non_null(strstr(err.message, "pattern 'broken'"));
    assert_non_null(strstr(err.message, "offset 4"));
    assert_non_null(strstr(err.message, "missing closing parenthesis"));

    styr_error_clear(&err);
    assert_null(styr_pattern_compile("quant", "a{2,1}", 6, &err));
    assert_non_null(strstr(err.message, "pattern 'quant'"));
    assert_non_null(strstr(err.message, "offset 5"));

    styr_error_clear(&err);
    assert_null(styr_pattern_compile("class", "x[z-a]", 6, &err));
    assert_non_null(strstr(err.message, "pattern 'class'"));
    assert_non_null(strstr(err.message, "range out of order"));

    /* the pattern itself must be valid UTF-8 */
    styr_error_clear(&err);
    assert_null(styr_pattern_compile("utf", "ab\xFF", 3, &err));
    assert_non_null(strstr(err.message, "pattern 'utf'"));
    assert_non_null(strstr(err.message, "offset 2"));

    /* \C could split a character in UTF mode, so it is refused */
    styr_error_clear(&err);
    assert_null(styr_pattern_compile("bsc", "a\\Cb", 4, &err));
    assert_non_null(strstr(err.message, "pattern 'bsc'"));

    /* err may be NULL */
    assert_null(styr_pattern_compile("broken", "(", 1, NULL));
}

static void test_diarienummer(void **state)
{
    (void)state;
    styr_pattern *p = compile_ok("diarienummer", "^\\d{3,4}/\\d{2}$");
    styr_match g[1];
    assert_int_equal(match(p, "1580/17", g, 1), 1);
    assert_int_equal(g[0].start, 0);
    assert_int_equal(g[0].end, 7);
    assert_int_equal(match(p, "123/18", g, 1), 1);
    assert_int_equal(match(p, "15800/17", g, 1), 0);
    assert_int_equal(match(p, "12/17", g, 1), 0);
    assert_int_equal(match(p, "1580/7", g, 1), 0);
    assert_int_equal(match(p, "1580/17x", g, 1), 0);
    assert_int_equal(match(p, " 1580/17", g, 1), 0);
    assert_int_equal(match(p, "", g, 1), 0);
    /* under UCP \d is any decimal digit, e.g. Arabic-Indic ones; rulesets
     * that want ASCII only write [0-9] */
    assert_int_equal(match(p, "\xD9\xA1\xD9\xA5\xD9\xA8\xD9\xA0/17", g, 1), 1);
    styr_pattern_free(p);

    p = compile_ok("ascii-diarienummer", "^[0-9]{3,4}/[0-9]{2}$");
    assert_int_equal(match(p, "1580/17", g, 1), 1);
    assert_int_equal(match(p, "\xD9\xA1\xD9\xA5\xD9\xA8\xD9\xA0/17", g, 1), 0);
    styr_pattern_free(p);
}

static void test_insats_captures(void **state)
{
    (void)state;
    styr_pattern *p = compile_ok("insats-ref", insats_re);
    styr_match g[2];
    assert_int_equal(styr_pattern_captures(p), 1);

    const char *s = "se insats 5.2";
    assert_int_equal(match(p, s, g, 2), 1);
    assert_group(s, &g[0], "insats 5.2");
    assert_group(s, &g[1], "5.2");

    s = "enligt punkt 3.2 och 3.3";
    assert_int_equal(match(p, s, g, 2), 1);
    assert_group(s, &g[0], "punkt 3.2");
    assert_group(s, &g[1], "3.2");

    s = "Insatserna 12.10 samt PUNKTERNA\t4.1";
    assert_int_equal(match(p, s, g, 2), 1);
    assert_group(s, &g[1], "12.10");

    /* \b needs a word boundary; with UCP, "ä" is a word character */
    assert_int_equal(match(p, "delinsats 5.2", g, 2), 0);
    assert_int_equal(match(p, "äinsats 5.2", g, 2), 0);
    assert_int_equal(match(p, "insats 5", g, 2), 0);
    assert_int_equal(match(p, "", g, 2), 0);
    styr_pattern_free(p);
}

static void test_match_from_offset(void **state)
{
    (void)state;
    styr_pattern *p = compile_ok("insats-ref", insats_re);
    styr_error err;
    styr_match g[2];
    /* collect every reference by restarting after each match */
    const char *s = "Se insats 5.2, punkt 3.2 och insatserna 1.10.";
    const char *want[] = { "5.2", "3.2", "1.10" };
    size_t from = 0, len = strlen(s);
    int found = 0;
    while (styr_pattern_match(p, s, len, from, g, 2, &err) == 1) {
        assert_true(found < 3);
        assert_group(s, &g[1], want[found]);
        found++;
        from = g[0].end;
    }
    assert_int_equal(found, 3);
    styr_pattern_free(p);

    p = compile_ok("digits", "\\d+");
    s = "ab 12 cd 34";
    assert_int_equal(styr_pattern_match(p, s, strlen(s), 5, g, 1, &err), 1);
    assert_int_equal(g[0].start, 9);
    assert_int_equal(g[0].end, 11);
    /* from == len is allowed and simply finds nothing here */
    assert_int_equal(styr_pattern_match(p, s, strlen(s), strlen(s), g, 1, &err), 0);
    /* from > len is an error, not a read past the end */
    styr_error_clear(&err);
    assert_int_equal(styr_pattern_match(p, s, strlen(s), 99, g, 1, &err), -1);
    assert_non_null(strstr(err.message, "pattern 'digits'"));
    assert_null(strstr(err.message, "UTF-8"));   /* PCRE2's own words, not a UTF error's */
    styr_pattern_free(p);

    p = compile_ok("end", "$");
    assert_int_equal(styr_pattern_match(p, "abc", 3, 3, g, 1, &err), 1);
    assert_int_equal(g[0].start, 3);
    assert_int_equal(g[0].end, 3);
    styr_pattern_free(p);
}

static void test_unset_groups(void **state)
{
    (void)state;
    styr_pattern *p = compile_ok("alt", "(a)|(b)");
    styr_match g[5];
    assert_int_equal(match(p, "xb", g, 5), 1);
    assert_int_equal(g[0].start, 1);
    assert_int_equal(g[0].end, 2);
    assert_int_equal(g[1].start, UNSET);
    assert_int_equal(g[1].end, UNSET);
    assert_int_equal(g[2].start, 1);
    assert_int_equal(g[2].end, 2);
    /* groups past the pattern's own are unset too */
    assert_int_equal(g[3].start, UNSET);
    assert_int_equal(g[4].end, UNSET);

    /* a trailing group that did not take part is unset */
    assert_int_equal(match(p, "a", g, 3), 1);
    assert_int_equal(g[1].start, 0);
    assert_int_equal(g[2].start, UNSET);

    /* no groups wanted */
    assert_int_equal(match(p, "a", NULL, 0), 1);
    assert_int_equal(match(p, "c", NULL, 0), 0);

    /* an empty match is not an unset one */
    styr_pattern_free(p);
    p = compile_ok("opt", "x(y*)z");
    assert_int_equal(match(p, "xz", g, 2), 1);
    assert_int_equal(g[1].start, 1);
    assert_int_equal(g[1].end, 1);
    styr_pattern_free(p);
}

static void test_utf8_and_case(void **state)
{
    (void)state;
    styr_match g[2];
    styr_pattern *p = compile_ok("city", "(?i)göteborg");
    const char *s = "Business Region GÖTEBORG";
    assert_int_equal(match(p, s, g, 1), 1);
    assert_int_equal(g[0].start, 16);
    assert_int_equal(g[0].end, strlen(s));   /* byte offsets */
    styr_pattern_free(p);

    p = compile_ok("word", "\\w+$");
    s = "Inköp och upphandling";
    assert_int_equal(match(p, s, g, 1), 1);
    assert_group(s, &g[0], "upphandling");
    s = "Älvstranden Utveckling AB, Göteborg";
    assert_int_equal(match(p, s, g, 1), 1);
    assert_group(s, &g[0], "Göteborg");
    styr_pattern_free(p);

    /* . is one code point, not one byte */
    p = compile_ok("dot", "^G.teborg$");
    assert_int_equal(match(p, "Göteborg", g, 1), 1);
    assert_int_equal(match(p, "Gooteborg", g, 1), 0);
    styr_pattern_free(p);

    p = compile_ok("class", "^[åäö]+$");
    assert_int_equal(match(p, "åäöö", g, 1), 1);
    assert_int_equal(match(p, "åäox", g, 1), 0);
    styr_pattern_free(p);
}

static void test_bad_utf8_subject(void **state)
{
    (void)state;
    styr_pattern *p = compile_ok("any", "b");
    styr_error err;
    styr_match g[1];
    const char *bad[] = { "a\xFF" "b", "ab\xC3", "\xED\xA0\x80" "b", "\xC0\x80" "b",
                          "\xF4\x90\x80\x80" "b" };
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
        styr_error_clear(&err);
        assert_int_equal(styr_pattern_match(p, bad[k], strlen(bad[k]), 0, g, 1, &err), -1);
        assert_int_equal(err.code, STYR_E_INPUT);
        assert_non_null(strstr(err.message, "pattern 'any'"));
        assert_non_null(strstr(err.message, "not valid UTF-8"));
    }
    styr_error_clear(&err);
    assert_int_equal(styr_pattern_match(p, "a\xFF" "b", 3, 0, g, 1, &err), -1);
    assert_non_null(strstr(err.message, "at byte 1"));

    /* a start offset inside a character */
    styr_error_clear(&err);
    assert_int_equal(styr_pattern_match(p, "öb", 3, 1, g, 1, &err), -1);
    assert_non_null(strstr(err.message, "pattern 'any'"));
    assert_non_null(strstr(err.message, "inside a UTF-8 character"));
    styr_pattern_free(p);
}

static void test_empty_and_nul_subjects(void **state)
{
    (void)state;
    styr_error err;
    styr_match g[1];
    styr_pattern *p = compile_ok("empty", "^$");
    assert_int_equal(styr_pattern_match(p, "", 0, 0, g, 1, &err), 1);
    assert_int_equal(styr_pattern_match(p, NULL, 0, 0, g, 1, &err), 1);
    assert_int_equal(styr_pattern_match(p, "x", 1, 0, g, 1, &err), 0);
    styr_pattern_free(p);
    /* subjects are bounded by len, NULs included */
    p = compile_ok("nul", "b$");
    assert_int_equal(styr_pattern_match(p, "a\0b", 3, 0, g, 1, &err), 1);
    assert_int_equal(g[0].start, 2);
    assert_int_equal(styr_pattern_match(p, "abc", 2, 0, g, 1, &err), 1);
    styr_pattern_free(p);
}

static void test_catastrophic_backtracking(void **state)
{
    (void)state;
    styr_pattern *p = compile_ok("evil", "(a+)+$");
    char s[64];
    memset(s, 'a', 40);
    s[40] = 'b';
    s[41] = '\0';
    styr_error err;
    styr_match g[2];
    styr_error_clear(&err);
    clock_t t0 = clock();
    assert_int_equal(styr_pattern_match(p, s, strlen(s), 0, g, 2, &err), -1);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    assert_true(secs < 2.0);
    assert_int_equal(err.code, STYR_E_LIMIT);
    assert_string_equal(err.message, "pattern 'evil' gave up: match limit reached");
    /* the pattern stays usable after giving up */
    assert_int_equal(match(p, "aaa", g, 2), 1);
    styr_pattern_free(p);

    p = compile_ok("evil2", "^(\\w+\\s?)*$");
    const char *t = "Stadsledningskontoret och Business Region Göteborg samverkar kring!";
    styr_error_clear(&err);
    assert_int_equal(styr_pattern_match(p, t, strlen(t), 0, g, 1, &err), -1);
    assert_non_null(strstr(err.message, "pattern 'evil2' gave up"));
    styr_pattern_free(p);
}

static void test_long_subjects(void **state)
{
    (void)state;
    size_t n = 4u << 20;
    char *s = malloc(n + 1);
    assert_non_null(s);
    for (size_t i = 0; i < n; i++)
        s[i] = (char)('a' + i % 3);
    s[n] = '\0';
    memcpy(s + n - 8, "1580/17 ", 8);
    styr_error err;
    styr_match g[2];
    styr_pattern *p = compile_ok("dnr", "(\\d{3,4}/\\d{2})\\s*$");
    assert_int_equal(styr_pattern_match(p, s, n, 0, g, 2, &err), 1);
    assert_int_equal(g[1].start, n - 8);
    styr_pattern_free(p);

    /* a group repeated over 200k characters overflows the JIT stack; the
     * interpreter takes over and matches within its heap limit */
    memset(s, 'a', n);
    p = compile_ok("deep", "^(?:a|(b))*$");
    assert_int_equal(styr_pattern_match(p, s, 200000, 0, g, 2, &err), 1);
    assert_int_equal(g[0].end, 200000);
    assert_int_equal(g[1].start, UNSET);
    /* over 4 MiB even the interpreter gives up, cleanly */
    styr_error_clear(&err);
    assert_int_equal(styr_pattern_match(p, s, n, 0, g, 2, &err), -1);
    assert_int_equal(err.code, STYR_E_LIMIT);
    assert_non_null(strstr(err.message, "pattern 'deep' gave up"));
    styr_pattern_free(p);
    free(s);
}

static void test_reuse(void **state)
{
    (void)state;
    styr_pattern *p = compile_ok("dnr", "(\\d+)/(\\d+)");
    styr_match g[3];
    char buf[32];
    for (int i = 0; i < 2000; i++) {
        snprintf(buf, sizeof buf, "dnr %d/%02d", 100 + i, i % 100);
        assert_int_equal(match(p, buf, g, 3), 1);
        assert_int_equal(g[1].start, 4);
        assert_int_equal(g[2].end, strlen(buf));
        assert_int_equal(match(p, "ingen", g, 3), 0);
    }
    styr_pattern_free(p);
}

/* An allocator that gives the first `left` blocks and refuses the rest. */
typedef struct rationed {
    int left;
} rationed;

static void *rationed_alloc(size_t size, void *ud)
{
    rationed *r = ud;
    return r->left-- > 0 ? malloc(size) : NULL;
}

static void rationed_release(void *ptr, void *ud)
{
    (void)ud;
    free(ptr);
}

/* Memory running out while a pattern compiles is said as memory, not as a
 * pattern that does not compile (which would blame the rule's author). */
static void test_compile_out_of_memory(void **state)
{
    (void)state;
    rationed r = {2};   /* the general and the compile context, then nothing */
    styr_pattern_mem mem = {rationed_alloc, rationed_release, &r, 0};
    styr_error err;
    styr_error_clear(&err);
    styr_pattern *p = styr_pattern_compile_in("ord", "(a|b)+c", 7, &mem, &err);
    assert_null(p);
    assert_int_equal(err.code, STYR_E_NOMEM);
    assert_string_equal(err.message, "out of memory compiling pattern 'ord'");
}

/* Memory running out at each allocation of a compile in turn: the pattern is
 * either refused as memory, or whole, so that it matches once memory is
 * back (a pattern kept without its match context or match data would not). */
static void test_every_allocation_failing(void **state)
{
    (void)state;
    int whole = 0;
    for (int n = 0; n < 64 && !whole; n++) {
        rationed r = {n};
        styr_pattern_mem mem = {rationed_alloc, rationed_release, &r, 0};
        styr_error err;
        styr_error_clear(&err);
        styr_pattern *p = styr_pattern_compile_in("dnr", "(\\d+)/(\\d+)", 11, &mem, &err);
        if (!p) {
            assert_int_equal(err.code, STYR_E_NOMEM);
            assert_string_equal(err.message, "out of memory compiling pattern 'dnr'");
            continue;
        }
        r.left = 1000;   /* memory is back */
        styr_match g[3];
        assert_int_equal(styr_pattern_match(p, "dnr 12/345", 10, 0, g, 3, &err), 1);
        assert_int_equal(g[1].start, 4);
        assert_int_equal(g[2].end, 10);
        styr_pattern_free(p);
        whole = 1;
    }
    assert_true(whole);   /* and 64 allocations are enough for one pattern */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_compile_and_captures),
        cmocka_unit_test(test_compile_uses_len),
        cmocka_unit_test(test_compile_errors),
        cmocka_unit_test(test_diarienummer),
        cmocka_unit_test(test_insats_captures),
        cmocka_unit_test(test_match_from_offset),
        cmocka_unit_test(test_unset_groups),
        cmocka_unit_test(test_utf8_and_case),
        cmocka_unit_test(test_bad_utf8_subject),
        cmocka_unit_test(test_empty_and_nul_subjects),
        cmocka_unit_test(test_catastrophic_backtracking),
        cmocka_unit_test(test_long_subjects),
        cmocka_unit_test(test_reuse),
        cmocka_unit_test(test_compile_out_of_memory),
        cmocka_unit_test(test_every_allocation_failing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
