/* test_number_text.c - unit tests of engine/base/number_text.c: the
 * figures people read, with a decimal comma in Swedish and a point in
 * English, rounded as printf rounds, and per cent with the sign where each
 * language puts it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "number_text.h"
#include "run.h"

static void test_decimals(void **state)
{
    (void)state;
    styr_numtext a, b;
    assert_string_equal(styr_num(&a, 0.60552, 3, STYR_LANG_SV), "0,606");
    assert_string_equal(styr_num(&b, 0.60552, 3, STYR_LANG_EN), "0.606");
    /* each figure in its own buffer: both survive one printf */
    assert_string_equal(a.s, "0,606");
    assert_string_equal(styr_num(&a, 1.0, 3, STYR_LANG_SV), "1,000");
    assert_string_equal(styr_num(&a, 12.25, 1, STYR_LANG_SV), "12,2");   /* printf rounds an exact half to even */
    assert_string_equal(styr_num(&a, -0.5, 2, STYR_LANG_SV), "-0,50");
    assert_string_equal(styr_num(&a, 7.0, 0, STYR_LANG_SV), "7");          /* no decimals, no sign */
    assert_string_equal(styr_num(&a, 1234567.891, 2, STYR_LANG_SV), "1234567,89");   /* no grouping */
    /* any double fits: the largest finite one with 9 decimals is 318 characters */
    styr_num(&a, 1.7976931348623157e308, 9, STYR_LANG_SV);
    assert_int_equal(strlen(a.s), 309 + 1 + 9);
    assert_string_equal(a.s + 309, ",000000000");
}

static void test_general(void **state)
{
    (void)state;
    styr_numtext a;
    assert_string_equal(styr_num_g(&a, 1500000, 10, STYR_LANG_SV), "1500000");
    assert_string_equal(styr_num_g(&a, 2.5, 10, STYR_LANG_SV), "2,5");
    assert_string_equal(styr_num_g(&a, 2.5, 10, STYR_LANG_EN), "2.5");
    assert_string_equal(styr_num_g(&a, 0.1, 6, STYR_LANG_SV), "0,1");
}

static void test_percent(void **state)
{
    (void)state;
    styr_numtext a;
    assert_string_equal(styr_pct(&a, 1.0 / 12, 1, STYR_LANG_SV, " "), "8,3 %");
    assert_string_equal(styr_pct(&a, 1.0 / 12, 1, STYR_LANG_EN, " "), "8.3%");
    assert_string_equal(styr_pct(&a, 0.45, 1, STYR_LANG_SV, "\xC2\xA0"), "45,0\xC2\xA0%");
    assert_string_equal(styr_pct(&a, 1, 1, STYR_LANG_SV, NULL), "100,0 %");   /* no separator given: a space */
    assert_string_equal(styr_pct(&a, 0.05, 0, STYR_LANG_SV, " "), "5 %");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_decimals),
        cmocka_unit_test(test_general),
        cmocka_unit_test(test_percent),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
