/* test_csv_dialect.c - unit tests of engine/csv_dialect.c: the Swedish and
 * English dialects, quoting, and texts that a spreadsheet would otherwise
 * take for formulas. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <math.h>
#include <string.h>

#include <cmocka.h>

#include "csv_dialect.h"

static char *row(int lang, void (*fill)(styr_csv *))
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    styr_csv c;
    styr_csv_begin(&c, f, lang);
    fill(&c);
    styr_csv_end_row(&c);
    fclose(f);
    return buf;
}

static void numbers(styr_csv *c)
{
    styr_csv_text(c, "testarena");
    styr_csv_number(c, 0.570833, 6);
    styr_csv_number(c, -1.5, 2);
    styr_csv_count(c, 12);
    styr_csv_text(c, NULL);
}

static void test_dialects(void **state)
{
    (void)state;
    char *sv = row(0, numbers), *en = row(1, numbers);
    assert_string_equal(sv, "\xef\xbb\xbftestarena;0,570833;-1,50;12;\n");
    assert_string_equal(en, "testarena,0.570833,-1.50,12,\n");
    free(sv);
    free(en);
}

/* A value that is not a number is written as a spreadsheet reads it, the
 * same in both dialects: NaN, Inf, -Inf (not the C library's "nan"). */
static void not_finite(styr_csv *c)
{
    styr_csv_number(c, NAN, 3);
    styr_csv_number(c, INFINITY, 3);
    styr_csv_number(c, -INFINITY, 3);
}

static void test_not_finite(void **state)
{
    (void)state;
    char *sv = row(0, not_finite), *en = row(1, not_finite);
    assert_string_equal(sv, "\xef\xbb\xbfNaN;Inf;-Inf\n");
    assert_string_equal(en, "NaN,Inf,-Inf\n");
    free(sv);
    free(en);
}

static void quoting(styr_csv *c)
{
    styr_csv_text(c, "a;b");        /* the Swedish separator */
    styr_csv_text(c, "1,5 MSEK");   /* the English separator */
    styr_csv_text(c, "say \"hej\"");
    styr_csv_text(c, "two\nlines");
}

static void test_quoting(void **state)
{
    (void)state;
    char *sv = row(0, quoting), *en = row(1, quoting);
    assert_string_equal(sv, "\xef\xbb\xbf\"a;b\";1,5 MSEK;\"say \"\"hej\"\"\";\"two\nlines\"\n");
    assert_string_equal(en, "a;b,\"1,5 MSEK\",\"say \"\"hej\"\"\",\"two\nlines\"\n");
    free(sv);
    free(en);
}

static void formulas(styr_csv *c)
{
    styr_csv_text(c, "=HYPERLINK(\"http://x\")");
    styr_csv_text(c, "+46 31 000");
    styr_csv_text(c, "-1+2");
    styr_csv_text(c, "@SUM(A1)");
    styr_csv_text(c, "\tx");
    styr_csv_text(c, "a=b");        /* not at the start: harmless */
    styr_csv_number(c, -3, 0);      /* a number stays a number */
}

static void test_formulas_stay_text(void **state)
{
    (void)state;
    char *en = row(1, formulas);
    assert_string_equal(en, "\"'=HYPERLINK(\"\"http://x\"\")\",\"'+46 31 000\",\"'-1+2\",\"'@SUM(A1)\",\"'\tx\",a=b,-3\n");
    free(en);
}

/* Line breaks inside quotes: LF and CR LF stay, a CR alone (which would let
 * a terminal write over the line) becomes CR LF; ESC is shown, not sent. */
static void breaks(styr_csv *c)
{
    styr_csv_text(c, "a\rb");
    styr_csv_text(c, "c\r\nd");
    styr_csv_text(c, "e\r");
    styr_csv_text(c, "\x1b[2Jf\n");
}

static void test_line_breaks(void **state)
{
    (void)state;
    char *en = row(1, breaks);
    assert_string_equal(en, "\"a\r\nb\",\"c\r\nd\",\"e\r\n\",\"\\x1B[2Jf\n\"\n");
    free(en);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dialects),
        cmocka_unit_test(test_not_finite),
        cmocka_unit_test(test_quoting),
        cmocka_unit_test(test_formulas_stay_text),
        cmocka_unit_test(test_line_breaks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
