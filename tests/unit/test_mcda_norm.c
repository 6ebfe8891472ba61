/* test_mcda_norm.c - unit tests of mcda_norm.c: declared-scale, min-max and
 * vector normalisation, cost inversion, constant columns, bad input. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <math.h>
#include <string.h>

#include "assert_near.h"
#include "mcda.h"


static void test_scale(void **state)
{
    (void)state;
    /* 3 areas x 2 criteria; normalise column 1 on [1, 5] */
    double x[] = {0, 1, 0, 3, 0, 5};
    double out[6] = {0};
    assert_int_equal(styr_mcda_norm_scale(x, 3, 2, 1, 1.0, 5.0, out, NULL), STYR_MCDA_OK);
    assert_near(out[1], 0.0, 0);
    assert_near(out[3], 0.5, 0);
    assert_near(out[5], 1.0, 0);
    assert_near(out[0], 0.0, 0); /* other columns untouched */
}

static void test_scale_not_clamped(void **state)
{
    (void)state;
    double x[] = {6, 0};
    double out[2];
    assert_int_equal(styr_mcda_norm_scale(x, 2, 1, 0, 1.0, 5.0, out, NULL), STYR_MCDA_OK);
    assert_near(out[0], 1.25, 1e-15);
    assert_near(out[1], -0.25, 1e-15);
}

static void test_scale_empty_rejected(void **state)
{
    (void)state;
    double x[] = {1, 2};
    double out[2];
    styr_error err;
    assert_int_equal(styr_mcda_norm_scale(x, 2, 1, 0, 3.0, 3.0, out, &err), STYR_MCDA_E_SCALE);
    assert_int_equal(err.code, STYR_E_INPUT);
    assert_non_null(strstr(err.message, "hi must be greater"));
    assert_int_equal(styr_mcda_norm_scale(x, 2, 1, 0, 5.0, 1.0, out, NULL), STYR_MCDA_E_SCALE);
    assert_int_equal(styr_mcda_norm_scale(x, 2, 1, 0, 0.0, NAN, out, NULL), STYR_MCDA_E_SCALE);
    styr_mcda_criterion c = {.name = "nytta", .has_scale = true, .lo = 2, .hi = 2};
    assert_int_equal(styr_mcda_normalise(x, 2, 1, &c, out, &err), STYR_MCDA_E_SCALE);
    assert_non_null(strstr(err.message, "'nytta'"));
}

static void test_minmax(void **state)
{
    (void)state;
    double x[] = {10, 30, 20, 10};
    double out[4];
    assert_int_equal(styr_mcda_norm_minmax(x, 4, 1, 0, out, NULL), STYR_MCDA_OK);
    assert_near(out[0], 0.0, 0);
    assert_near(out[1], 1.0, 0);
    assert_near(out[2], 0.5, 0);
    assert_near(out[3], 0.0, 0);
}

static void test_minmax_constant_column(void **state)
{
    (void)state;
    double x[] = {7, 1, 7, 2, 7, 3};
    double out[6];
    assert_int_equal(styr_mcda_norm_minmax(x, 3, 2, 0, out, NULL), STYR_MCDA_OK);
    for (int i = 0; i < 3; i++) {
        assert_false(isnan(out[i * 2]));
        assert_near(out[i * 2], STYR_MCDA_CONSTANT_COLUMN, 0);
    }
    /* inverted (cost), the constant column keeps its value */
    assert_int_equal(styr_mcda_norm_invert(out, 3, 2, 0, NULL), STYR_MCDA_OK);
    for (int i = 0; i < 3; i++)
        assert_near(out[i * 2], STYR_MCDA_CONSTANT_COLUMN, 0);
    /* one area: constant by definition */
    double one = 42, o1;
    assert_int_equal(styr_mcda_norm_minmax(&one, 1, 1, 0, &o1, NULL), STYR_MCDA_OK);
    assert_near(o1, STYR_MCDA_CONSTANT_COLUMN, 0);
}

static void test_invert_is_separate(void **state)
{
    (void)state;
    double x[] = {0.0, 0.25, 1.0};
    assert_int_equal(styr_mcda_norm_invert(x, 3, 1, 0, NULL), STYR_MCDA_OK);
    assert_near(x[0], 1.0, 0);
    assert_near(x[1], 0.75, 0);
    assert_near(x[2], 0.0, 0);
}

static void test_vector(void **state)
{
    (void)state;
    double x[] = {3, 0, 4, 0};
    double out[4];
    assert_int_equal(styr_mcda_norm_vector(x, 2, 2, 0, out, NULL), STYR_MCDA_OK);
    assert_near(out[0], 0.6, 1e-15);
    assert_near(out[2], 0.8, 1e-15);
    /* all-zero column: 0, not NaN */
    assert_int_equal(styr_mcda_norm_vector(x, 2, 2, 1, out, NULL), STYR_MCDA_OK);
    assert_near(out[1], 0.0, 0);
    assert_near(out[3], 0.0, 0);
    /* constant non-zero column */
    double c[] = {5, 5, 5, 5};
    assert_int_equal(styr_mcda_norm_vector(c, 4, 1, 0, c, NULL), STYR_MCDA_OK);
    for (int i = 0; i < 4; i++)
        assert_near(c[i], 0.5, 1e-15);
    /* values whose squares overflow a double are refused, not normalised to 0 */
    double big[] = {1e200, 2e200};
    assert_int_equal(styr_mcda_norm_vector(big, 2, 1, 0, out, NULL), STYR_MCDA_E_ARG);
}

static void test_vector_order_free(void **state)
{
    (void)state;
    styr_mcda_rng r;
    styr_mcda_rng_seed(&r, 7, 0);
    for (int round = 0; round < 50; round++) {
        enum { N = 37 };
        double x[N], y[N], ox[N], oy[N];
        size_t perm[N];
        for (size_t i = 0; i < N; i++) {
            x[i] = styr_mcda_rng_uniform(&r) * 1000.0 - 100.0;
            perm[i] = i;
        }
        for (size_t i = N - 1; i > 0; i--) {
            size_t k = (size_t)(styr_mcda_rng_next(&r) % (i + 1));
            size_t t = perm[i];
            perm[i] = perm[k];
            perm[k] = t;
        }
        for (size_t i = 0; i < N; i++)
            y[i] = x[perm[i]];
        assert_int_equal(styr_mcda_norm_vector(x, N, 1, 0, ox, NULL), STYR_MCDA_OK);
        assert_int_equal(styr_mcda_norm_vector(y, N, 1, 0, oy, NULL), STYR_MCDA_OK);
        for (size_t i = 0; i < N; i++)
            assert_true(oy[i] == ox[perm[i]]); /* bit for bit */
    }
}

static void test_normalise_matrix(void **state)
{
    (void)state;
    /* criteria: scale [1,5] benefit; min-max cost; scale [0,10] cost */
    styr_mcda_criterion crit[3] = {
        {.name = "nytta", .has_scale = true, .lo = 1, .hi = 5},
        {.name = "kostnad", .cost = true},
        {.name = "risk", .has_scale = true, .lo = 0, .hi = 10, .cost = true},
    };
    double x[] = {
        1, 100, 0,
        5, 300, 10,
        3, 200, 5,
    };
    double out[9];
    assert_int_equal(styr_mcda_normalise(x, 3, 3, crit, out, NULL), STYR_MCDA_OK);
    double want[] = {0, 1, 1, 1, 0, 0, 0.5, 0.5, 0.5};
    for (int q = 0; q < 9; q++)
        assert_near(out[q], want[q], 1e-15);
    /* in place gives the same */
    assert_int_equal(styr_mcda_normalise(x, 3, 3, crit, x, NULL), STYR_MCDA_OK);
    assert_memory_equal(x, out, sizeof out);
}

static void test_bad_input(void **state)
{
    (void)state;
    double x[] = {1, NAN, 3};
    double out[3];
    styr_error err;
    assert_int_equal(styr_mcda_norm_minmax(x, 3, 1, 0, out, &err), STYR_MCDA_E_ARG);
    assert_non_null(strstr(err.message, "area 1"));
    assert_int_equal(styr_mcda_norm_vector(x, 3, 1, 0, out, NULL), STYR_MCDA_E_ARG);
    double y[] = {1, 2};
    assert_int_equal(styr_mcda_norm_minmax(y, 2, 1, 1, out, NULL), STYR_MCDA_E_ARG); /* j >= m */
    assert_int_equal(styr_mcda_norm_minmax(NULL, 2, 1, 0, out, NULL), STYR_MCDA_E_ARG);
    double inf[] = {INFINITY, 1};
    assert_int_equal(styr_mcda_norm_scale(inf, 2, 1, 0, 0, 1, out, NULL), STYR_MCDA_E_ARG);
    /* no areas: nothing to do */
    assert_int_equal(styr_mcda_norm_minmax(NULL, 0, 1, 0, NULL, NULL), STYR_MCDA_OK);
    /* the whole matrix: a column's refusal is the call's, whichever
     * criterion it is (the last one here, min-max, not a cost) */
    double two[] = {1, 1, 2, NAN};
    double nx[4];
    styr_mcda_criterion crit[2] = {{.cost = true}, {.name = "b"}};
    assert_int_equal(styr_mcda_normalise(two, 2, 2, crit, nx, &err), STYR_MCDA_E_ARG);
    assert_non_null(strstr(err.message, "area 1, criterion 1: value is not a finite number"));
    crit[1] = (styr_mcda_criterion){.name = "b", .has_scale = true, .lo = 0, .hi = 5};
    assert_int_equal(styr_mcda_normalise(two, 2, 2, crit, nx, NULL), STYR_MCDA_E_ARG);
}

static void test_status_names(void **state)
{
    (void)state;
    for (int s = STYR_MCDA_OK; s <= STYR_MCDA_E_NOMEM; s++) {
        assert_non_null(styr_mcda_status_name((styr_mcda_status)s));
        assert_string_not_equal(styr_mcda_status_name((styr_mcda_status)s), "unknown status");
    }
    styr_error err;
    assert_int_equal(styr_mcda_fail(&err, STYR_MCDA_E_NOMEM, "x %d", 1), STYR_MCDA_E_NOMEM);
    assert_int_equal(err.code, STYR_E_NOMEM);
    assert_string_equal(err.message, "x 1");
    assert_int_equal(styr_mcda_fail(NULL, STYR_MCDA_E_ARG, "y"), STYR_MCDA_E_ARG);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_scale),
        cmocka_unit_test(test_scale_not_clamped),
        cmocka_unit_test(test_scale_empty_rejected),
        cmocka_unit_test(test_minmax),
        cmocka_unit_test(test_minmax_constant_column),
        cmocka_unit_test(test_invert_is_separate),
        cmocka_unit_test(test_vector),
        cmocka_unit_test(test_vector_order_free),
        cmocka_unit_test(test_normalise_matrix),
        cmocka_unit_test(test_bad_input),
        cmocka_unit_test(test_status_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
