/* test_date.c - unit tests of engine/date.c: parsing plan dates at either
 * edge of their period, the reasons given for bad ones, ordinals and
 * formatting. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <stdlib.h>

#include "date.h"

/* Parses s at the given edge and checks the resolved day and precision. */
static void expect_date(const char *s, styr_date_edge edge, const char *want,
                        styr_date_precision prec)
{
    styr_date d;
    char why[128] = "";
    char buf[11];
    int ok = styr_date_parse(s, strlen(s), edge, &d, why, sizeof why);
    if (!ok)
        fail_msg("'%s' rejected: %s", s, why);
    styr_date_format(&d, buf);
    assert_string_equal(buf, want);
    assert_int_equal(d.precision, prec);
}

/* Checks that s is rejected at both edges with a reason containing `part`. */
static void expect_bad(const char *s, size_t len, const char *part)
{
    for (int edge = STYR_DATE_START; edge <= STYR_DATE_END; edge++) {
        styr_date d = { 7, 7, 7, STYR_DATE_DAY };
        char why[128];
        memset(why, 0, sizeof why);
        assert_false(styr_date_parse(s, len, (styr_date_edge)edge, &d, why, sizeof why));
        if (!strstr(why, part))
            fail_msg("reason for '%.*s' is '%s', expected it to contain '%s'",
                     (int)len, s, why, part);
        /* out is left alone on failure */
        assert_int_equal(d.year, 7);
        assert_int_equal(d.month, 7);
        assert_int_equal(d.day, 7);
    }
}

#define BAD(lit, part) expect_bad((lit), sizeof(lit) - 1, (part))

static void test_year(void **state)
{
    (void)state;
    expect_date("2018", STYR_DATE_START, "2018-01-01", STYR_DATE_YEAR);
    expect_date("2018", STYR_DATE_END, "2018-12-31", STYR_DATE_YEAR);
    expect_date("1000", STYR_DATE_START, "1000-01-01", STYR_DATE_YEAR);
    expect_date("9999", STYR_DATE_END, "9999-12-31", STYR_DATE_YEAR);
}

static void test_month(void **state)
{
    (void)state;
    expect_date("2018-03", STYR_DATE_START, "2018-03-01", STYR_DATE_MONTH);
    expect_date("2018-03", STYR_DATE_END, "2018-03-31", STYR_DATE_MONTH);
    expect_date("2018-02", STYR_DATE_END, "2018-02-28", STYR_DATE_MONTH);
    expect_date("2016-02", STYR_DATE_END, "2016-02-29", STYR_DATE_MONTH);
    expect_date("2018-04", STYR_DATE_END, "2018-04-30", STYR_DATE_MONTH);
    expect_date("2018-12", STYR_DATE_END, "2018-12-31", STYR_DATE_MONTH);
    expect_date("2018-01", STYR_DATE_START, "2018-01-01", STYR_DATE_MONTH);
}

static void test_day(void **state)
{
    (void)state;
    /* a full date is the same at both edges */
    expect_date("2018-03-05", STYR_DATE_START, "2018-03-05", STYR_DATE_DAY);
    expect_date("2018-03-05", STYR_DATE_END, "2018-03-05", STYR_DATE_DAY);
    expect_date("2018-12-31", STYR_DATE_START, "2018-12-31", STYR_DATE_DAY);
    expect_date("2018-02-28", STYR_DATE_END, "2018-02-28", STYR_DATE_DAY);
}

static void test_fields(void **state)
{
    (void)state;
    styr_date d;
    assert_true(styr_date_parse("2019-06", 7, STYR_DATE_END, &d, NULL, 0));
    assert_int_equal(d.year, 2019);
    assert_int_equal(d.month, 6);
    assert_int_equal(d.day, 30);
    assert_int_equal(d.precision, STYR_DATE_MONTH);
    /* len bounds the text: "2019-06-15" read as "2019-06" */
    assert_true(styr_date_parse("2019-06-15", 7, STYR_DATE_START, &d, NULL, 0));
    assert_int_equal(d.day, 1);
    /* and "2019-06" cut at its year is the year, not a year with a broken month */
    assert_true(styr_date_parse("2019-06", 4, STYR_DATE_END, &d, NULL, 0));
    assert_int_equal(d.year, 2019);
    assert_int_equal(d.month, 12);
    assert_int_equal(d.precision, STYR_DATE_YEAR);
}

static void test_leap_years(void **state)
{
    (void)state;
    expect_date("2000-02-29", STYR_DATE_START, "2000-02-29", STYR_DATE_DAY);
    expect_date("2000-02", STYR_DATE_END, "2000-02-29", STYR_DATE_MONTH);
    expect_date("2020-02-29", STYR_DATE_START, "2020-02-29", STYR_DATE_DAY);
    expect_date("1900-02", STYR_DATE_END, "1900-02-28", STYR_DATE_MONTH);
    expect_date("2100-02", STYR_DATE_END, "2100-02-28", STYR_DATE_MONTH);
    BAD("1900-02-29", "February 1900 has 28 days");
    BAD("2019-02-29", "February 2019 has 28 days");
    BAD("2000-02-30", "February 2000 has 29 days");
}

/* The reasons in Swedish, as a rule quotes them in a Swedish finding. */
static void test_reasons_in_swedish(void **state)
{
    (void)state;
    static const struct { const char *text, *why; } cases[] = {
        {"2018-13", "månad 13 finns inte"},
        {"2018-02-30", "februari 2018 har 28 dagar"},
        {"2018-01-00", "dag 00 finns inte"},
        {"18", "året ska ha fyra siffror; skriv ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD"},
        {"0999", "år 0999 är före år 1000"},
        {"2018-3", "månaden ska ha två siffror, som i 2018-03"},
        {"2018-03-5", "dagen ska ha två siffror, som i 2018-03-05"},
        {"2018-03-05T10", "oväntad text efter 2018-03-05; skriv ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD"},
        {"  ", "tomt datum; skriv ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD"},
        /* no digits at all: only the form is asked for, no year is counted */
        {"snart", "skriv ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char why[160] = "";
        styr_date d;
        assert_false(styr_date_parse_in(cases[i].text, strlen(cases[i].text), STYR_DATE_START, &d, why, sizeof why, 1));
        assert_string_equal(why, cases[i].why);
        /* and the English one is what styr_date_parse gives */
        char en[160] = "", en2[160] = "";
        assert_false(styr_date_parse_in(cases[i].text, strlen(cases[i].text), STYR_DATE_START, &d, en, sizeof en, 0));
        assert_false(styr_date_parse(cases[i].text, strlen(cases[i].text), STYR_DATE_START, &d, en2, sizeof en2));
        assert_string_equal(en, en2);
        assert_string_not_equal(en, why);
    }
}

static void test_surrounding_space(void **state)
{
    (void)state;
    expect_date("  2018 ", STYR_DATE_START, "2018-01-01", STYR_DATE_YEAR);
    expect_date("\t2018-03\n", STYR_DATE_END, "2018-03-31", STYR_DATE_MONTH);
    expect_date("\r\n 2018-03-05 \r\n", STYR_DATE_START, "2018-03-05", STYR_DATE_DAY);
    /* a vertical tab and a form feed (C's isspace) are space too */
    expect_date("\v2018-03-05\f", STYR_DATE_START, "2018-03-05", STYR_DATE_DAY);
    expect_date("\f2018\v", STYR_DATE_END, "2018-12-31", STYR_DATE_YEAR);
}

static void test_bad_month_and_day(void **state)
{
    (void)state;
    BAD("2018-13", "month 13 does not exist");
    BAD("2018-00", "month 00 does not exist");
    BAD("2018-13-01", "month 13 does not exist");
    BAD("2018-02-30", "February 2018 has 28 days");
    BAD("2018-04-31", "April 2018 has 30 days");
    BAD("2018-01-32", "January 2018 has 31 days");
    BAD("2018-01-00", "day 00 does not exist");
    BAD("2018-12-99", "December 2018 has 31 days");
}

static void test_bad_digit_counts(void **state)
{
    (void)state;
    BAD("2018-2-3", "month must have two digits");
    BAD("2018-3", "month must have two digits");
    BAD("2018-003", "month must have two digits");
    BAD("2018-03-5", "day must have two digits");
    BAD("2018-03-005", "day must have two digits");
    BAD("18", "year must have four digits");
    BAD("20180", "year must have four digits");
    BAD("18-03-05", "year must have four digits");
    BAD("0999", "year 0999 is before 1000");
    BAD("0000-01-01", "before 1000");
}

static void test_bad_shape(void **state)
{
    (void)state;
    BAD("", "empty date");
    BAD("   ", "empty date");
    BAD("\t\n", "empty date");
    BAD("march", "expected YYYY, YYYY-MM or YYYY-MM-DD");
    BAD("-2018", "expected YYYY, YYYY-MM or YYYY-MM-DD");
    BAD("+2018", "expected YYYY, YYYY-MM or YYYY-MM-DD");
    BAD("2018-", "expected YYYY, YYYY-MM or YYYY-MM-DD");
    BAD("2018-03-", "expected YYYY, YYYY-MM or YYYY-MM-DD");
    BAD("2018--03", "expected YYYY, YYYY-MM or YYYY-MM-DD");
    BAD("2018-ab", "expected YYYY, YYYY-MM or YYYY-MM-DD");
}

static void test_trailing_junk(void **state)
{
    (void)state;
    BAD("2018x", "unexpected text after 2018;");
    BAD("2018/03", "unexpected text after 2018;");
    BAD("2018-03x", "unexpected text after 2018-03;");
    BAD("2018-03-05T10:00", "unexpected text after 2018-03-05;");
    BAD("2018-03-05-01", "unexpected text after 2018-03-05;");
    BAD("2018 03", "unexpected text after 2018;");
    BAD("2018-03-05 x", "unexpected text after 2018-03-05;");
    /* junk is reported before an impossible day is looked at */
    BAD("2018-02-30x", "unexpected text after 2018-02-30");
    /* an embedded NUL is junk, not the end of the text */
    expect_bad("2018\0-03", 8, "unexpected text after 2018;");
    expect_bad("2018-03-05\xC3\xB6", 12, "unexpected text");
}

static void test_why_optional_and_small(void **state)
{
    (void)state;
    styr_date d;
    char tiny[8];
    /* why may be NULL, and a small buffer is cut safely */
    assert_false(styr_date_parse("2018-13", 7, STYR_DATE_START, &d, NULL, 0));
    assert_false(styr_date_parse("2018-13", 7, STYR_DATE_START, &d, NULL, 100));
    assert_false(styr_date_parse("2018-13", 7, STYR_DATE_START, &d, tiny, sizeof tiny));
    assert_string_equal(tiny, "month 1");
    /* one byte holds only the end of the text: the reason is "" then, not
     * what the buffer held before */
    char one[1] = {'x'};
    assert_false(styr_date_parse("2018-13", 7, STYR_DATE_START, &d, one, sizeof one));
    assert_int_equal(one[0], '\0');
    /* out may be NULL: parse only validates */
    assert_true(styr_date_parse("2018-03-05", 10, STYR_DATE_START, NULL, NULL, 0));
    /* an empty text may come as NULL */
    assert_false(styr_date_parse(NULL, 0, STYR_DATE_START, &d, tiny, sizeof tiny));
}

static int64_t ord(const char *s)
{
    styr_date d;
    assert_true(styr_date_parse(s, strlen(s), STYR_DATE_START, &d, NULL, 0));
    return styr_date_ordinal(&d);
}

static void test_ordinal(void **state)
{
    (void)state;
    assert_int_equal(ord("1970-01-01"), 0);
    assert_int_equal(ord("1970-01-02"), 1);
    assert_int_equal(ord("1969-12-31"), -1);
    assert_int_equal(ord("2000-01-01"), 10957);
    assert_int_equal(ord("2018-03-05"), 17595);
    assert_int_equal(ord("1000-01-01"), -354285);
    assert_int_equal(ord("9999-12-31"), 2932896);
    /* differences */
    assert_int_equal(ord("2018-03-01") - ord("2018-02-28"), 1);
    assert_int_equal(ord("2016-03-01") - ord("2016-02-28"), 2);
    assert_int_equal(ord("2000-03-01") - ord("2000-02-28"), 2);
    assert_int_equal(ord("1900-03-01") - ord("1900-02-28"), 1);
    assert_int_equal(ord("2019-01-01") - ord("2018-01-01"), 365);
    assert_int_equal(ord("2021-01-01") - ord("2020-01-01"), 366);
    /* every day from 1899 to 2101 is exactly one after the day before */
    styr_date d = { 1899, 1, 1, STYR_DATE_DAY };
    int64_t prev = styr_date_ordinal(&d);
    int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    for (int y = 1899; y <= 2101; y++)
        for (int m = 1; m <= 12; m++) {
            int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
            int n = days[m - 1] + (m == 2 && leap);
            for (int day = 1; day <= n; day++) {
                if (y == 1899 && m == 1 && day == 1)
                    continue;
                styr_date e = { y, m, day, STYR_DATE_DAY };
                int64_t o = styr_date_ordinal(&e);
                assert_int_equal(o, prev + 1);
                prev = o;
            }
        }
}

/* styr_date_from_ordinal inverts styr_date_ordinal on every day from 1600
 * to 2400, and refuses day numbers whose year would overflow. */
static void test_from_ordinal(void **state)
{
    (void)state;
    styr_date d;
    assert_true(styr_date_from_ordinal(0, &d));
    assert_int_equal(d.year, 1970);
    assert_int_equal(d.month, 1);
    assert_int_equal(d.day, 1);
    assert_int_equal(d.precision, STYR_DATE_DAY);
    assert_true(styr_date_from_ordinal(-1, &d));
    assert_int_equal(d.year, 1969);
    assert_int_equal(d.month, 12);
    assert_int_equal(d.day, 31);
    assert_true(styr_date_from_ordinal(ord("2020-02-29"), &d));
    assert_int_equal(d.month, 2);
    assert_int_equal(d.day, 29);
    styr_date a = { 1600, 1, 1, STYR_DATE_DAY };
    styr_date b = { 2400, 12, 31, STYR_DATE_DAY };
    for (int64_t z = styr_date_ordinal(&a); z <= styr_date_ordinal(&b); z++) {
        assert_true(styr_date_from_ordinal(z, &d));
        assert_int_equal(styr_date_ordinal(&d), z);
    }
    /* The ends of the range hold; beyond them is refused, not overflowed. */
    assert_true(styr_date_from_ordinal(INT64_C(365250000), &d));
    assert_true(d.year > 990000);
    assert_true(styr_date_from_ordinal(-INT64_C(365250000), &d));
    assert_true(d.year < -990000);
    assert_false(styr_date_from_ordinal(INT64_C(365250001), &d));
    assert_false(styr_date_from_ordinal(INT64_MAX, &d));
    assert_false(styr_date_from_ordinal(INT64_MIN, &d));
}

static void test_format(void **state)
{
    (void)state;
    char buf[11];
    styr_date d = { 2018, 3, 5, STYR_DATE_DAY };
    memset(buf, 'x', sizeof buf);
    styr_date_format(&d, buf);
    assert_string_equal(buf, "2018-03-05");
    styr_date e = { 1000, 12, 31, STYR_DATE_DAY };
    styr_date_format(&e, buf);
    assert_string_equal(buf, "1000-12-31");
    /* the end of a year-only date formats as its last day */
    styr_date f;
    assert_true(styr_date_parse("2019", 4, STYR_DATE_END, &f, NULL, 0));
    styr_date_format(&f, buf);
    assert_string_equal(buf, "2019-12-31");
}

/* The report date: SOURCE_DATE_EPOCH (UTC days) when valid, else the clock. */
static void test_report_today(void **state)
{
    (void)state;
    char buf[11];
    setenv("SOURCE_DATE_EPOCH", "1733443200", 1);   /* 2024-12-06T00:00:00Z */
    assert_int_equal(styr_report_today(buf), 1);
    assert_string_equal(buf, "2024-12-06");
    setenv("SOURCE_DATE_EPOCH", "1733529599", 1);   /* 23:59:59 the same day */
    assert_int_equal(styr_report_today(buf), 1);
    assert_string_equal(buf, "2024-12-06");
    setenv("SOURCE_DATE_EPOCH", "0", 1);
    assert_int_equal(styr_report_today(buf), 1);
    assert_string_equal(buf, "1970-01-01");
    setenv("SOURCE_DATE_EPOCH", "1733443200x", 1);  /* not digits only: the clock */
    assert_int_equal(styr_report_today(buf), 0);
    assert_int_equal(strlen(buf), 10);
    assert_true(strcmp(buf, "2024-12-06") > 0);
    setenv("SOURCE_DATE_EPOCH", "253402300799", 1);  /* 9999-12-31T23:59:59Z: the last day that has a date */
    assert_int_equal(styr_report_today(buf), 1);
    assert_string_equal(buf, "9999-12-31");
    /* a second past it, and the year wrapping modulo 10000, were printed as
     * 0000-01-01 and 7814-05-16: now the clock, as for any unusable value */
    const char *const past[] = {"253402300800", "500000000000", "1000000000000000", "-1", " 12", "0x10"};
    for (size_t i = 0; i < sizeof past / sizeof past[0]; i++) {
        setenv("SOURCE_DATE_EPOCH", past[i], 1);
        assert_int_equal(styr_report_today(buf), 0);
        assert_true(strcmp(buf, "2024-12-06") > 0 && strcmp(buf, "9999-12-31") < 0);
    }
    unsetenv("SOURCE_DATE_EPOCH");
    assert_int_equal(styr_report_today(buf), 0);
    /* an unusable value is said once a process (it was, above), not at
     * every date a report asks for */
    fflush(stderr);
    int saved = dup(2);
    FILE *err = tmpfile();
    assert_true(saved >= 0 && err);
    dup2(fileno(err), 2);
    setenv("SOURCE_DATE_EPOCH", "soon", 1);
    styr_report_today(buf);
    styr_report_today(buf);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    assert_int_equal(lseek(fileno(err), 0, SEEK_END), 0);   /* nothing was written */
    fclose(err);
    unsetenv("SOURCE_DATE_EPOCH");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_report_today),
        cmocka_unit_test(test_year),
        cmocka_unit_test(test_month),
        cmocka_unit_test(test_day),
        cmocka_unit_test(test_fields),
        cmocka_unit_test(test_leap_years),
        cmocka_unit_test(test_reasons_in_swedish),
        cmocka_unit_test(test_surrounding_space),
        cmocka_unit_test(test_bad_month_and_day),
        cmocka_unit_test(test_bad_digit_counts),
        cmocka_unit_test(test_bad_shape),
        cmocka_unit_test(test_trailing_junk),
        cmocka_unit_test(test_why_optional_and_small),
        cmocka_unit_test(test_ordinal),
        cmocka_unit_test(test_from_ordinal),
        cmocka_unit_test(test_format),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
