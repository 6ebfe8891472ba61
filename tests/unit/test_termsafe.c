/* test_termsafe.c - unit tests of termsafe.c: untrusted text is written so
 * that a terminal shows it and never obeys it, byte for byte. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "termsafe.h"

/* What styr_fput_safe writes for s, in a buffer the caller frees. */
static char *shown(const char *s, size_t *ret)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    size_t n = styr_fput_safe(f, s);
    fclose(f);
    if (ret)
        *ret = n;
    return buf;
}

static void expect(const char *in, const char *want)
{
    size_t n;
    char *got = shown(in, &n);
    assert_string_equal(got, want);
    assert_int_equal(n, strlen(want));   /* the bytes written, for padding */
    assert_int_equal(styr_needs_escape(in), strcmp(in, want) != 0);
    free(got);
}

static void test_plain_text_is_kept(void **state)
{
    (void)state;
    expect("Göteborg 2018–2019", "Göteborg 2018–2019");
    expect("a\tb", "a\tb");                       /* tabs stay */
    expect("\xf0\x9f\x98\x80", "\xf0\x9f\x98\x80");   /* four bytes */
    expect("", "");
}

static void test_controls_are_shown(void **state)
{
    (void)state;
    expect("a\nb\rc", "a\\nb\\rc");
    expect("\x1b[2J", "\\x1B[2J");
    expect("\x07\x7f", "\\x07\\x7F");
    expect("\xc2\x85", "\\u{0085}");                  /* C1: next line */
    expect("\xc2\x80", "\\u{0080}");                  /* C1's first: a code point, not a byte */
    expect("\xc2\x9f", "\\u{009F}");                  /* C1's last (APC) */
    expect("\xe2\x80\xae" "abc", "\\u{202E}abc");     /* right-to-left override */
    expect("\xe2\x80\xaa" "abc", "\\u{202A}abc");     /* left-to-right embedding: the range's first */
    expect("\xe2\x81\xa6", "\\u{2066}");              /* an isolate */
}

static void test_bytes_that_are_not_utf8(void **state)
{
    (void)state;
    expect("\xff", "\\xFF");
    expect("\xc3(", "\\xC3(");                        /* a lead byte, no continuation */
    expect("\xe2\x82(", "\\xE2\\x82(");               /* cut short after two of three */
    expect("\xf0\x9f\x98", "\\xF0\\x9F\\x98");        /* the string ends inside it */
    expect("\xc0\xaf", "\\xC0\\xAF");                 /* overlong '/' */
    expect("\xed\xa0\x80", "\\xED\\xA0\\x80");        /* a surrogate */
    expect("\xf4\x90\x80\x80", "\\xF4\\x90\\x80\\x80");   /* past U+10FFFF */
    expect("\xf8\x90\x80\x80", "\\xF8\\x90\\x80\\x80");   /* F8 leads nothing, though U+10000's bits follow */
}

/* Lines of a message: each continuation line is indented, so a value with
 * a line break cannot forge a line of its own at column 0 (a summary, a
 * finding); one that starts with a space already keeps it. */
static void test_lines_indent_continuations(void **state)
{
    (void)state;
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    styr_fput_safe_lines(f, "first\nx.yaml:1:1: error: forged\n already indented");
    fclose(f);
    assert_string_equal(buf, "first\n  x.yaml:1:1: error: forged\n already indented");
    free(buf);
}

/* The callback form writes what styr_fput_safe writes, NULL as nothing. */
static void test_put_safe_is_fput_safe(void **state)
{
    (void)state;
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    void (*put)(FILE *, const char *) = styr_put_safe;
    put(f, "a\x1b[2Jb\r");
    put(f, NULL);
    put(f, "\xe2\x80\xae" "evil");
    fclose(f);
    assert_string_equal(buf, "a\\x1B[2Jb\\r\\u{202E}evil");
    free(buf);
}

/* What other escapers (HTML) ask: which character at s is a control, and
 * how long it is. */
static void test_control_at(void **state)
{
    (void)state;
    assert_int_equal(styr_control_at("\x1b[2J"), 1);
    assert_int_equal(styr_control_at("\x7f"), 1);
    assert_int_equal(styr_control_at("\xc2\x9b" "2J"), 2);   /* C1 CSI */
    assert_int_equal(styr_control_at("\xe2\x80\xae"), 3);   /* U+202E */
    assert_int_equal(styr_control_at("\xe2\x81\xa9"), 3);   /* U+2069 */
    assert_int_equal(styr_control_at("\xe2\x80\xa9"), 0);   /* U+2029 is not among them */
    assert_int_equal(styr_control_at("\xe2\x81\xaa"), 0);   /* U+206A neither */
    assert_int_equal(styr_control_at("\xc3\xa5"), 0);        /* å */
    assert_int_equal(styr_control_at("\t"), 0);
    assert_int_equal(styr_control_at("a"), 0);
    assert_int_equal(styr_control_at(""), 0);
    assert_int_equal(styr_control_at("\xc2"), 0);   /* not UTF-8: not a control */
    assert_int_equal(styr_control_at(NULL), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain_text_is_kept),
        cmocka_unit_test(test_controls_are_shown),
        cmocka_unit_test(test_bytes_that_are_not_utf8),
        cmocka_unit_test(test_lines_indent_continuations),
        cmocka_unit_test(test_put_safe_is_fput_safe),
        cmocka_unit_test(test_control_at),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
