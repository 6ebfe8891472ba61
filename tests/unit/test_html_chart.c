/* test_html_chart.c - unit tests of engine/report/html_chart.c: the round
 * axes every chart of a page is drawn on (steps of 1, 2, 2.5 and 5 times a
 * power of ten, the top at or above the data), ranges that start above 0,
 * and the money units. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "internal/html.h"

static void assert_axis(axis a, double max, double step, int dec)
{
    assert_true(a.min == 0);
    if (fabs(a.max - max) > 1e-12 || fabs(a.step - step) > 1e-12 || a.dec != dec)
        fail_msg("axis max %g step %g dec %d, expected max %g step %g dec %d", a.max, a.step, a.dec, max, step, dec);
}

/* Each step of the 1-2-2.5-5 ladder, at and just past its edge. */
static void test_nice_axis_steps(void **state)
{
    (void)state;
    assert_axis(html_nice_axis(5, 5, 0), 5, 1, 0);        /* raw step 1 */
    assert_axis(html_nice_axis(10, 5, 0), 10, 2, 0);      /* raw step 2 */
    assert_axis(html_nice_axis(12, 5, 0), 12.5, 2.5, 1);  /* 2.4: 2.5, with a decimal for the half */
    assert_axis(html_nice_axis(14, 5, 0), 15, 5, 0);      /* 2.8: past 2.5, so 5 */
    assert_axis(html_nice_axis(25, 5, 0), 25, 5, 0);      /* raw step 5 */
    assert_axis(html_nice_axis(26, 5, 0), 30, 10, 0);     /* 5.2: the next power of ten */
    assert_axis(html_nice_axis(0.37, 4, 0), 0.4, 0.1, 1); /* below 1: decimals to show the step */
    assert_axis(html_nice_axis(3.2e6, 4, 0), 4e6, 1e6, 0);
}

/* Counts get whole steps; nothing to draw gets an axis of 0 to 1. */
static void test_nice_axis_edges(void **state)
{
    (void)state;
    assert_axis(html_nice_axis(3, 5, 1), 3, 1, 0);
    assert_axis(html_nice_axis(0.5, 5, 1), 1, 1, 0);
    assert_axis(html_nice_axis(0, 5, 0), 1, 0.2, 1);
    assert_axis(html_nice_axis(-4, 5, 0), 1, 0.2, 1);
    assert_axis(html_nice_axis(NAN, 5, 0), 1, 0.2, 1);
    assert_axis(html_nice_axis(INFINITY, 5, 0), 1, 0.2, 1);
}

/* A range starts above 0 only when the data sit high (lo >= 0.3 hi). */
static void test_nice_range(void **state)
{
    (void)state;
    axis b = html_nice_range(0.6, 0.9, 5);
    assert_true(fabs(b.min - 0.6) < 1e-12 && fabs(b.max - 0.9) < 1e-12 && fabs(b.step - 0.1) < 1e-12);
    assert_int_equal(b.dec, 1);
    assert_axis(html_nice_range(0.1, 0.9, 5), 1, 0.2, 1);   /* low data: from 0 */
    assert_axis(html_nice_range(0, 0.9, 5), 1, 0.2, 1);
    assert_axis(html_nice_range(0.9, 0.9, 5), 1, 0.2, 1);   /* nothing to span */
    /* the edge itself: lo exactly 0.3 hi starts above 0 */
    axis e = html_nice_range(3, 10, 5);
    assert_true(e.min > 0 && e.min <= 3 && e.max >= 10);
}

static void test_money_unit(void **state)
{
    (void)state;
    assert_true(html_money_unit(999) == 1);
    assert_true(html_money_unit(1000) == 1e3);
    assert_true(html_money_unit(999999) == 1e3);
    assert_true(html_money_unit(1e6) == 1e6);
    axis a = html_nice_axis(10, 5, 0);
    assert_true(html_axis_at(&a, 5) == 0.5);
    assert_true(html_axis_at(&a, 0) == 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_nice_axis_steps),
        cmocka_unit_test(test_nice_axis_edges),
        cmocka_unit_test(test_nice_range),
        cmocka_unit_test(test_money_unit),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
