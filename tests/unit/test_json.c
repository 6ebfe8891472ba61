/* test_json.c - unit tests of engine/json.c: numbers that read back as the
 * same double in the fewest digits, and strings that are always valid JSON. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "json.h"

/* styr_json_number's text for v (static buffer). */
static const char *num(double v)
{
    static char text[64];
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    assert_non_null(m);
    styr_json_number(m, v);
    assert_int_equal(fclose(m), 0);
    assert_true(len < sizeof text);
    memcpy(text, buf, len + 1);
    free(buf);
    return text;
}

static void integers_and_non_finite(void **state)
{
    (void)state;
    assert_string_equal(num(0), "0");
    assert_string_equal(num(42), "42");
    assert_string_equal(num(-7), "-7");
    assert_string_equal(num(999999999999999.0), "999999999999999");
    assert_string_equal(num(1e15), "1e+15");
    assert_string_equal(num(NAN), "null");
    assert_string_equal(num(INFINITY), "null");
    assert_string_equal(num(-INFINITY), "null");
}

static void shortest_that_round_trips(void **state)
{
    (void)state;
    assert_string_equal(num(0.1), "0.1");
    assert_string_equal(num(0.25), "0.25");
    assert_string_equal(num(1.0 / 3), "0.3333333333333333");         /* 16 digits */
    assert_string_equal(num(0.1 + 0.2), "0.30000000000000004");       /* 17 digits */
    assert_string_equal(num(2.0 / 17), "0.11764705882352941");       /* 16 digits would read back differently */
    /* %.10g wrote 0.9999999999 for this; it is not 1. */
    assert_string_equal(num(0.99999999991), "0.99999999991");
    assert_string_equal(num(5e-324), "4.94065645841247e-324");        /* the smallest subnormal */
    assert_string_equal(num(1.7976931348623157e308), "1.7976931348623157e+308");
}

/* Weights that sum to 1 must still sum to 1 when read back: each number
 * reads back exactly, so the sum of what is read is the sum written. */
static void weights_read_back_exactly(void **state)
{
    (void)state;
    double w[12], sum = 0;
    const double raw[12] = {2, 0, 2, 0, 0, 0, 3, 0, 1, 0, 5, 4};
    for (int i = 0; i < 12; i++)
        sum += raw[i];
    for (int i = 0; i < 12; i++)
        w[i] = raw[i] / sum;
    for (int i = 0; i < 12; i++)
        assert_true(strtod(num(w[i]), NULL) == w[i]);
}

/* 200000 doubles of random bit patterns (finite ones), and a sweep of
 * decimal fractions: every text reads back as the same double, and a value
 * with few digits keeps them few. */
static void random_doubles_round_trip(void **state)
{
    (void)state;
    uint64_t x = 0x9E3779B97F4A7C15ull;
    int checked = 0;
    for (int i = 0; i < 200000; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        double v;
        memcpy(&v, &x, sizeof v);
        if (!isfinite(v))
            continue;
        const char *t = num(v);
        assert_true(strtod(t, NULL) == v);
        checked++;
    }
    assert_true(checked > 190000);
    for (int k = 1; k < 100000; k++) {
        double v = k / 1000.0;
        const char *t = num(v);
        assert_true(strtod(t, NULL) == v);
        assert_true(strlen(t) <= 7);   /* k/1000 never needs more than "99.999" */
    }
}

static void strings_escape_and_replace(void **state)
{
    (void)state;
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    styr_json_string(m, "a\"b\\c\n\x01\xff\xc3\xa5");
    fclose(m);
    assert_string_equal(buf, "\"a\\\"b\\\\c\\n\\u0001\\ufffd\xc3\xa5\"");
    free(buf);
    /* the C1 controls U+0080..U+009F are escaped, both ends; U+00A0 is text */
    buf = NULL;
    m = open_memstream(&buf, &len);
    styr_json_string(m, "\xc2\x80\xc2\x9b\xc2\x9f\xc2\xa0\x7f");
    fclose(m);
    assert_string_equal(buf, "\"\\u0080\\u009b\\u009f\xc2\xa0\\u007f\"");
    free(buf);
    /* a C1 control as the text's very last character (a terminal's CSI) */
    buf = NULL;
    m = open_memstream(&buf, &len);
    styr_json_string(m, "a\xc2\x9b");
    fclose(m);
    assert_string_equal(buf, "\"a\\u009b\"");
    free(buf);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(integers_and_non_finite),
        cmocka_unit_test(shortest_that_round_trips),
        cmocka_unit_test(weights_read_back_exactly),
        cmocka_unit_test(random_doubles_round_trip),
        cmocka_unit_test(strings_escape_and_replace),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
