/* test_mcda_aggregate.c - unit tests of mcda_aggregate.c: weight
 * normalisation, weighted sum with contributions, TOPSIS, and the
 * invariants both must keep (area order, weight scale, dominance). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "assert_near.h"
#include "mcda.h"


enum { MAXN = 40, MAXM = 8 };

static void test_weights_normalise(void **state)
{
    (void)state;
    double w[] = {3, 1, 0, 4};
    double out[4];
    assert_int_equal(styr_mcda_weights_normalise(w, 4, out, NULL), STYR_MCDA_OK);
    assert_near(out[0], 0.375, 0);
    assert_near(out[1], 0.125, 0);
    assert_near(out[2], 0.0, 0);
    assert_near(out[3], 0.5, 0);
    double zero[] = {0, 0};
    styr_error err;
    assert_int_equal(styr_mcda_weights_normalise(zero, 2, out, &err), STYR_MCDA_E_WEIGHTS);
    assert_non_null(strstr(err.message, "every weight is 0"));
    double neg[] = {1, -1};
    assert_int_equal(styr_mcda_weights_normalise(neg, 2, out, &err), STYR_MCDA_E_WEIGHTS);
    assert_non_null(strstr(err.message, "criterion 1"));
    double bad[] = {1, NAN};
    assert_int_equal(styr_mcda_weights_normalise(bad, 2, out, NULL), STYR_MCDA_E_WEIGHTS);
    assert_int_equal(styr_mcda_weights_normalise(w, 0, out, NULL), STYR_MCDA_E_WEIGHTS);
    /* Either array missing is refused, not only both (a mutant found this untested). */
    assert_int_equal(styr_mcda_weights_normalise(w, 4, NULL, NULL), STYR_MCDA_E_ARG);
    assert_int_equal(styr_mcda_weights_normalise(NULL, 4, out, NULL), STYR_MCDA_E_ARG);
}

static void test_weighted_sum(void **state)
{
    (void)state;
    double nx[] = {
        1.0, 0.0,
        0.5, 0.5,
        0.0, 1.0,
    };
    double w[] = {3, 1};
    double score[3], contrib[6];
    assert_int_equal(styr_mcda_weighted_sum(nx, 3, 2, w, score, contrib, NULL), STYR_MCDA_OK);
    assert_near(score[0], 0.75, 1e-15);
    assert_near(score[1], 0.5, 1e-15);
    assert_near(score[2], 0.25, 1e-15);
    for (int i = 0; i < 3; i++)
        assert_true(contrib[i * 2] + contrib[i * 2 + 1] == score[i]);
    assert_near(contrib[2], 0.375, 1e-15);
    /* contributions are optional */
    assert_int_equal(styr_mcda_weighted_sum(nx, 3, 2, w, score, NULL, NULL), STYR_MCDA_OK);
    /* no areas: nothing to score, so no score array is needed */
    assert_int_equal(styr_mcda_weighted_sum(NULL, 0, 2, w, NULL, NULL, NULL), STYR_MCDA_OK);
    /* no criteria: an empty matrix needs no array, and the reason is the
     * weights (nothing to weigh), not a missing matrix; TOPSIS alike */
    assert_int_equal(styr_mcda_weighted_sum(NULL, 3, 0, w, score, NULL, NULL), STYR_MCDA_E_WEIGHTS);
    assert_int_equal(styr_mcda_topsis(NULL, 3, 0, w, NULL, score, NULL, NULL, NULL, NULL), STYR_MCDA_E_WEIGHTS);
    assert_int_equal(styr_mcda_weighted_sum(nx, 3, 2, w, NULL, NULL, NULL), STYR_MCDA_E_ARG);
    double zero[] = {0, 0};
    assert_int_equal(styr_mcda_weighted_sum(nx, 3, 2, zero, score, NULL, NULL),
                     STYR_MCDA_E_WEIGHTS);
    nx[3] = NAN;
    assert_int_equal(styr_mcda_weighted_sum(nx, 3, 2, w, score, NULL, NULL), STYR_MCDA_E_ARG);
    /* in the first row and the first column too, and an infinity as a NaN */
    nx[3] = 0.5;
    nx[0] = INFINITY;
    assert_int_equal(styr_mcda_weighted_sum(nx, 3, 2, w, score, NULL, NULL), STYR_MCDA_E_ARG);
    nx[0] = 1;
    nx[4] = -INFINITY;
    assert_int_equal(styr_mcda_weighted_sum(nx, 3, 2, w, score, NULL, NULL), STYR_MCDA_E_ARG);
    nx[4] = 0;
    /* no matrix: refused for one area and one criterion as for more */
    assert_int_equal(styr_mcda_weighted_sum(NULL, 1, 1, w, score, NULL, NULL), STYR_MCDA_E_ARG);
    assert_int_equal(styr_mcda_weighted_sum(NULL, 1, 2, w, score, NULL, NULL), STYR_MCDA_E_ARG);
}

static void test_constant_column_no_nan(void **state)
{
    (void)state;
    double x[] = {
        5, 1,
        5, 2,
        5, 3,
    };
    styr_mcda_criterion crit[2] = {{.cost = true}, {0}};
    double nx[6], score[3], cl[3];
    double w[] = {1, 1};
    assert_int_equal(styr_mcda_normalise(x, 3, 2, crit, nx, NULL), STYR_MCDA_OK);
    assert_int_equal(styr_mcda_weighted_sum(nx, 3, 2, w, score, NULL, NULL), STYR_MCDA_OK);
    bool cost[2] = {true, false};
    assert_int_equal(styr_mcda_topsis(x, 3, 2, w, cost, cl, NULL, NULL, NULL, NULL),
                     STYR_MCDA_OK);
    for (int i = 0; i < 3; i++) {
        assert_false(isnan(score[i]));
        assert_false(isnan(cl[i]));
    }
    assert_near(score[0], 0.25, 1e-15); /* 0.5*0.5 + 0.5*0 */
    assert_near(cl[0], 0.0, 1e-15);
    assert_near(cl[2], 1.0, 1e-15);
    /* every area identical: TOPSIS gives the neutral 0.5, not 0/0 */
    double same[] = {2, 3, 2, 3};
    assert_int_equal(styr_mcda_topsis(same, 2, 2, w, NULL, cl, NULL, NULL, NULL, NULL),
                     STYR_MCDA_OK);
    assert_near(cl[0], 0.5, 0);
    assert_near(cl[1], 0.5, 0);
    /* an all-zero column */
    double z[] = {0, 1, 0, 2};
    assert_int_equal(styr_mcda_topsis(z, 2, 2, w, NULL, cl, NULL, NULL, NULL, NULL),
                     STYR_MCDA_OK);
    assert_near(cl[0], 0.0, 0);
    assert_near(cl[1], 1.0, 0);
}

static void test_topsis_known(void **state)
{
    (void)state;
    double x[] = {1, 2, 3};
    double w[] = {1};
    double cl[3], dp[3], dm[3] = {-1, -1, -1}, v[3];
    assert_int_equal(styr_mcda_topsis(x, 3, 1, w, NULL, cl, dp, dm, v, NULL), STYR_MCDA_OK);
    assert_near(cl[0], 0.0, 1e-15);
    assert_near(cl[1], 0.5, 1e-15);
    assert_near(cl[2], 1.0, 1e-15);
    assert_near(dp[0], 2.0 / sqrt(14.0), 1e-15);
    assert_near(dp[2], 0.0, 1e-15);
    /* the distances to the anti-ideal 1/sqrt(14): 0, 1 and 2 steps of 1/sqrt(14) */
    assert_near(dm[0], 0.0, 1e-15);
    assert_near(dm[1], 1.0 / sqrt(14.0), 1e-15);
    assert_near(dm[2], 2.0 / sqrt(14.0), 1e-15);
    assert_near(v[2], 3.0 / sqrt(14.0), 1e-15);
    bool cost[1] = {true};
    assert_int_equal(styr_mcda_topsis(x, 3, 1, w, cost, cl, NULL, NULL, NULL, NULL),
                     STYR_MCDA_OK);
    assert_near(cl[0], 1.0, 1e-15);
    assert_near(cl[2], 0.0, 1e-15);

    /* Two criteria against the textbook formulas computed here. */
    double y[] = {
        250, 16,
        200, 16,
        300, 32,
        275, 32,
    };
    double wy[] = {0.4, 0.6};
    bool cy[] = {true, false};
    double got[4];
    assert_int_equal(styr_mcda_topsis(y, 4, 2, wy, cy, got, NULL, NULL, NULL, NULL),
                     STYR_MCDA_OK);
    double n0 = sqrt(250.0 * 250 + 200.0 * 200 + 300.0 * 300 + 275.0 * 275);
    double n1 = sqrt(16.0 * 16 * 2 + 32.0 * 32 * 2);
    for (int i = 0; i < 4; i++) {
        double a = 0.4 * y[i * 2] / n0, b = 0.6 * y[i * 2 + 1] / n1;
        double best0 = 0.4 * 200 / n0, worst0 = 0.4 * 300 / n0;
        double best1 = 0.6 * 32 / n1, worst1 = 0.6 * 16 / n1;
        double dpp = sqrt((a - best0) * (a - best0) + (b - best1) * (b - best1));
        double dmm = sqrt((a - worst0) * (a - worst0) + (b - worst1) * (b - worst1));
        assert_near(got[i], dmm / (dpp + dmm), 1e-14);
    }
}

/* ------------------------------------------------------------- invariants */

typedef struct inst {
    size_t n, m;
    double x[MAXN * MAXM];
    double w[MAXM];
    bool cost[MAXM];
} inst;

static void random_instance(styr_mcda_rng *r, inst *in)
{
    in->n = 2 + (size_t)(styr_mcda_rng_next(r) % (MAXN - 1));
    in->m = 1 + (size_t)(styr_mcda_rng_next(r) % MAXM);
    for (size_t q = 0; q < in->n * in->m; q++) {
        /* some integer panel scores, so that exact ties happen too */
        double u = styr_mcda_rng_uniform(r);
        in->x[q] = (q % 3 == 0) ? floor(u * 5.0) + 1.0 : u * 1000.0;
    }
    for (size_t j = 0; j < in->m; j++) {
        in->w[j] = (styr_mcda_rng_next(r) % 4 == 0) ? 0.0 : styr_mcda_rng_uniform(r) * 10.0;
        in->cost[j] = styr_mcda_rng_next(r) % 3 == 0;
    }
    in->w[0] += 0.5; /* never all zero */
}

/* Scores of an instance: 0 = min-max + weighted sum, 1 = TOPSIS. */
static void scores(const inst *in, int method, const double *w, double *s)
{
    if (method == 0) {
        styr_mcda_criterion crit[MAXM];
        double nx[MAXN * MAXM];
        for (size_t j = 0; j < in->m; j++)
            crit[j] = (styr_mcda_criterion){.cost = in->cost[j]};
        assert_int_equal(styr_mcda_normalise(in->x, in->n, in->m, crit, nx, NULL), STYR_MCDA_OK);
        assert_int_equal(styr_mcda_weighted_sum(nx, in->n, in->m, w, s, NULL, NULL),
                         STYR_MCDA_OK);
    } else {
        assert_int_equal(
            styr_mcda_topsis(in->x, in->n, in->m, w, in->cost, s, NULL, NULL, NULL, NULL),
            STYR_MCDA_OK);
    }
}

static void test_permutation_invariance(void **state)
{
    (void)state;
    styr_mcda_rng r;
    styr_mcda_rng_seed(&r, 11, 0);
    for (int round = 0; round < 300; round++) {
        inst a, b;
        random_instance(&r, &a);
        b = a;
        size_t perm[MAXN];
        for (size_t i = 0; i < a.n; i++)
            perm[i] = i;
        for (size_t i = a.n - 1; i > 0; i--) {
            size_t k = (size_t)(styr_mcda_rng_next(&r) % (i + 1));
            size_t t = perm[i];
            perm[i] = perm[k];
            perm[k] = t;
        }
        for (size_t i = 0; i < a.n; i++)
            memcpy(&b.x[i * a.m], &a.x[perm[i] * a.m], a.m * sizeof(double));
        for (int method = 0; method < 2; method++) {
            double sa[MAXN], sb[MAXN];
            scores(&a, method, a.w, sa);
            scores(&b, method, b.w, sb);
            for (size_t i = 0; i < a.n; i++)
                assert_true(sb[i] == sa[perm[i]]); /* exactly, not just close */
        }
    }
}

static void test_weight_scale_invariance(void **state)
{
    (void)state;
    styr_mcda_rng r;
    styr_mcda_rng_seed(&r, 12, 0);
    const double factors[] = {1e-6, 0.37, 3.0, 1e6};
    for (int round = 0; round < 300; round++) {
        inst a;
        random_instance(&r, &a);
        for (int method = 0; method < 2; method++) {
            double s0[MAXN];
            size_t rk0[MAXN], rk1[MAXN];
            scores(&a, method, a.w, s0);
            assert_int_equal(styr_mcda_rank(s0, a.n, NULL, STYR_MCDA_TIE_RTOL, NULL, rk0, NULL),
                             STYR_MCDA_OK);
            for (size_t f = 0; f < sizeof factors / sizeof factors[0]; f++) {
                double w[MAXM], s1[MAXN];
                for (size_t j = 0; j < a.m; j++)
                    w[j] = a.w[j] * factors[f];
                scores(&a, method, w, s1);
                for (size_t i = 0; i < a.n; i++)
                    assert_near(s1[i], s0[i], 1e-12);
                assert_int_equal(
                    styr_mcda_rank(s1, a.n, NULL, STYR_MCDA_TIE_RTOL, NULL, rk1, NULL),
                    STYR_MCDA_OK);
                assert_memory_equal(rk0, rk1, a.n * sizeof rk0[0]);
            }
        }
    }
}

/* Makes area d dominate (strictly, on every criterion) or be dominated by
 * area o (dominated = true), respecting each criterion's direction. */
static void make_dominance(inst *in, size_t d, bool dominated, styr_mcda_rng *r)
{
    for (size_t j = 0; j < in->m; j++) {
        double hi = -INFINITY, lo = INFINITY;
        for (size_t i = 0; i < in->n; i++)
            if (i != d) {
                hi = fmax(hi, in->x[i * in->m + j]);
                lo = fmin(lo, in->x[i * in->m + j]);
            }
        double step = 1.0 + styr_mcda_rng_uniform(r) * 10.0;
        bool better_high = !in->cost[j];
        bool want_high = dominated ? !better_high : better_high;
        if (dominated) {
            /* just worse than one other area: below/above that area only */
            double v = in->x[((d + 1) % in->n) * in->m + j];
            in->x[d * in->m + j] = want_high ? v + step : v - step;
        } else {
            in->x[d * in->m + j] = want_high ? hi + step : lo - step;
        }
    }
}

static void test_dominance(void **state)
{
    (void)state;
    styr_mcda_rng r;
    styr_mcda_rng_seed(&r, 13, 0);
    for (int round = 0; round < 400; round++) {
        inst a;
        random_instance(&r, &a);
        size_t d = (size_t)(styr_mcda_rng_next(&r) % a.n);
        bool dominated = round % 2 == 1;
        make_dominance(&a, d, dominated, &r);
        for (int method = 0; method < 2; method++) {
            double s[MAXN];
            size_t rk[MAXN];
            scores(&a, method, a.w, s);
            assert_int_equal(styr_mcda_rank(s, a.n, NULL, STYR_MCDA_TIE_RTOL, NULL, rk, NULL),
                             STYR_MCDA_OK);
            if (!dominated) {
                assert_int_equal(rk[d], 1);
                for (size_t i = 0; i < a.n; i++)
                    if (i != d)
                        assert_true(s[i] < s[d]); /* first alone, not tied */
            } else {
                assert_int_not_equal(rk[d], 1);
            }
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_weights_normalise),
        cmocka_unit_test(test_weighted_sum),
        cmocka_unit_test(test_constant_column_no_nan),
        cmocka_unit_test(test_topsis_known),
        cmocka_unit_test(test_permutation_invariance),
        cmocka_unit_test(test_weight_scale_invariance),
        cmocka_unit_test(test_dominance),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
