/* test_swedish_number.c - unit tests of engine/swedish_number.c: numbers as
 * Swedes write them in plans, and the plain form styr asks for instead. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "swedish_number.h"

static int reads(const char *s, int units, double *v)
{
    return styr_read_swedish_number(s, strlen(s), units, v);
}

static void assert_reads(const char *s, int units, double want)
{
    double v = -12345;
    if (!reads(s, units, &v))
        fail_msg("'%s' does not read", s);
    if (v != want)
        fail_msg("'%s' reads as %.17g, not %.17g", s, v, want);
}

static void assert_rejects(const char *s, int units)
{
    double v;
    if (reads(s, units, &v))
        fail_msg("'%s' reads as %.17g but must not", s, v);
}

static void test_issue_examples(void **state)
{
    (void)state;
    /* the four texts of the issue, exactly */
    assert_reads("1,5 MSEK", 1, 1500000);
    assert_reads("1 500 tkr", 1, 1500000);
    assert_reads("0,5", 0, 0.5);
    assert_reads("3\xc2\xa0" "000\xc2\xa0" "000", 0, 3000000);
    /* a narrow no-break or thin space after the unit (as Word leaves it) */
    assert_reads("1,5 MSEK\xe2\x80\xaf", 1, 1500000);
    assert_reads("1 500 tkr\xe2\x80\x89", 1, 1500000);
}

static void test_grouping(void **state)
{
    (void)state;
    assert_reads("500 000", 0, 500000);
    assert_reads("12 345 678,5", 0, 12345678.5);
    assert_reads("1\xe2\x80\xaf" "000", 0, 1000);      /* narrow no-break space */
    assert_reads("1\xe2\x80\x89" "000", 0, 1000);      /* thin space */
    assert_reads("  42  ", 0, 42);
    assert_reads("500 000\xc2\xa0 ", 0, 500000);   /* a space after the last group is no grouping */
    assert_reads("1 500\t", 0, 1500);
    assert_reads("1500000", 0, 1500000);
    /* groups after the first have three digits, the first at most three */
    assert_rejects("1 50", 0);
    assert_rejects("1 5000", 0);
    assert_rejects("1000 000", 0);
    assert_rejects("12 34 567", 0);
    assert_rejects("1  000", 0);
    /* only U+00A0 is a two-byte grouping space: 'à' (C3 A0) ends in the same byte */
    assert_rejects("1\xc3\xa0" "000", 0);
}

static void test_decimals_and_signs(void **state)
{
    (void)state;
    assert_reads("2,25", 0, 2.25);
    assert_reads("-0,5", 0, -0.5);
    assert_reads("\xe2\x88\x92" "3", 0, -3);     /* U+2212 minus sign */
    assert_rejects("\xe2\x80\x92" "3", 0);        /* U+2012 figure dash: no minus */
    assert_rejects("\xe2\x88\x93" "3", 0);        /* U+2213 minus-or-plus sign */
    assert_reads("1,500", 0, 1.5);               /* a comma is always decimal in Swedish */
    assert_reads("1.25", 0, 1.25);
    assert_rejects("1.500", 0);                  /* a thousand and five hundred, or one and a half? */
    assert_rejects("1,5,0", 0);
    assert_rejects(",5", 0);
    assert_rejects("5,", 0);
    assert_rejects("", 0);
    assert_rejects("-", 0);
    assert_rejects("fem miljoner", 1);
    assert_rejects("2018-12", 0);
    assert_rejects("1e6", 0);
}

static void test_units(void **state)
{
    (void)state;
    assert_reads("500 kr", 1, 500);
    assert_reads("500:-", 1, 500);
    assert_reads("500 kronor", 1, 500);
    /* a tab or space after the unit (a cell typed with one) is no part of it */
    assert_reads("500 kr\t", 1, 500);
    assert_reads("500 tkr \t ", 1, 500000);
    assert_reads("2 Mkr", 1, 2000000);
    assert_reads("2 MILJARDER KRONOR", 1, 2000000000.0);   /* capitals, an A among them */
    assert_reads("2,5 mnkr", 1, 2500000);
    assert_reads("1,2 miljoner kronor", 1, 1200000);
    /* a run of spaces of any kind inside the unit is one space */
    assert_reads("1,2 miljoner  kronor", 1, 1200000);
    assert_reads("1,2 miljoner\xc2\xa0 kronor", 1, 1200000);
    /* only U+202F and U+2009 are spaces among the three-byte characters:
     * 'ï' (C3 AF) after a digit is no space and no unit */
    assert_rejects("1 0\xc3\xaf", 1);
    assert_rejects("1\xc3\xaf", 1);
    assert_reads("0,3 milj. kr", 1, 300000);
    assert_reads("750 TSEK", 1, 750000);
    assert_reads("1,1 mdkr", 1, 1100000000);
    assert_reads("3 MSEK\xc2\xa0", 1, 3000000);
    /* 0.1 x 1e6 is exact, not 100000.00000000001 */
    assert_reads("0,1 MSEK", 1, 100000);
    assert_reads("1,7 MSEK", 1, 1700000);
    assert_reads("2,01 MSEK", 1, 2010000);   /* 2.01 * 1e6 is 2009999.9999999998 before rounding */
    /* units only where allowed, and only known ones */
    assert_rejects("500 kr", 0);
    assert_rejects("500 euro", 1);
    assert_rejects("500 kr kr", 1);
    assert_rejects("500 krönor", 1);
    assert_rejects("MSEK", 1);
}

static void test_bounds(void **state)
{
    (void)state;
    assert_reads("999 999 999 999 999", 0, 999999999999999.0);
    assert_rejects("1 000 000 000 000 001", 0);
    assert_rejects("2 000 000 mdkr", 1);
    char long_digits[200];
    memset(long_digits, '9', sizeof long_digits - 1);
    long_digits[sizeof long_digits - 1] = '\0';
    assert_rejects(long_digits, 0);
    /* The text is its (s, len) slice alone: a sign, or nothing, followed in
     * memory by digits is not a number (a YAML scalar is such a slice). */
    double v;
    assert_false(styr_read_swedish_number("-5", 1, 0, &v));
    assert_false(styr_read_swedish_number("\xe2\x88\x92" "7", 3, 0, &v));
    assert_false(styr_read_swedish_number("5", 0, 0, &v));
    assert_true(styr_read_swedish_number("-5", 2, 0, &v));
    assert_true(v == -5);
    /* a decimal comma at the slice's end is no decimal, whatever digit
     * follows it in memory: "1," is not a number */
    assert_false(styr_read_swedish_number("1,5", 2, 0, &v));
    assert_false(styr_read_swedish_number("1.5", 2, 0, &v));
}

static void test_plain_form(void **state)
{
    (void)state;
    char buf[64];
    styr_format_plain_number(buf, sizeof buf, 1500000);
    assert_string_equal(buf, "1500000");
    styr_format_plain_number(buf, sizeof buf, 0.5);
    assert_string_equal(buf, "0.5");
    styr_format_plain_number(buf, sizeof buf, -2.25);
    assert_string_equal(buf, "-2.25");
    styr_format_plain_number(buf, sizeof buf, 0.1);
    assert_string_equal(buf, "0.1");
    styr_format_plain_number(buf, sizeof buf, 12345678.5);
    assert_string_equal(buf, "12345678.5");
    styr_format_plain_number(buf, sizeof buf, 0.1 + 0.2);   /* needs all 17 digits to read back the same */
    assert_string_equal(buf, "0.30000000000000004");
    styr_format_plain_number(buf, sizeof buf, 1e15);   /* the largest amount read, in digits */
    assert_string_equal(buf, "1000000000000000");
    styr_format_plain_number(buf, sizeof buf, 2e15);
    assert_string_equal(buf, "2e+15");
    styr_format_plain_number(buf, 4, 1500000);   /* bounded */
    assert_int_equal(strlen(buf), 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_issue_examples),
        cmocka_unit_test(test_grouping),
        cmocka_unit_test(test_decimals_and_signs),
        cmocka_unit_test(test_units),
        cmocka_unit_test(test_bounds),
        cmocka_unit_test(test_plain_form),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
