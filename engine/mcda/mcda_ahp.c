/* mcda_ahp.c - the Analytic Hierarchy Process: the reciprocal matrix built
 * from pairwise judgements, its checks, the principal eigenvector by power
 * iteration, and the consistency ratio with Saaty's random index. */
#include "mcda.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Saaty's random index RI for n = 1..15, the table of
 *   T. L. Saaty, "The Analytic Hierarchy Process: Planning, Priority Setting,
 *   Resource Allocation", McGraw-Hill, New York, 1980 (random index table,
 *   n = 1..15).
 * n = 1..11 are the values every AHP text repeats; n = 12..15 (1.48, 1.56,
 * 1.57, 1.59) come from the same table, computed from fewer random matrices,
 * which is why 1.48 (n = 12) is below 1.51 (n = 11). Other tables (Alonso &
 * Lamata 2006, Donegan & Dodd 1991, ...) differ slightly; we keep Saaty's so
 * that CR values match the published examples. */
static const double random_index[] = {
    0.00, 0.00, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41,
    1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59,
};
#define RI_MAX (sizeof random_index / sizeof random_index[0])

size_t styr_mcda_ri_max(void)
{
    return RI_MAX;
}

const char *styr_mcda_ri_source(void)
{
    return "Saaty's random index (n = 1..15) from T. L. Saaty, The Analytic Hierarchy "
           "Process, McGraw-Hill, New York, 1980";
}

styr_mcda_status styr_mcda_ri(size_t n, double *ri, styr_error *err)
{
    if (n == 0 || n > RI_MAX)
        return styr_mcda_fail(err, STYR_MCDA_E_RANGE,
                              "AHP with %zu criteria: the random index table covers 1 to %zu; "
                              "group the criteria into a hierarchy or give direct weights",
                              n, (size_t)RI_MAX);
    if (ri)
        *ri = random_index[n - 1];
    return STYR_MCDA_OK;
}

/* A criterion's name for messages: its name, or "#index". */
static const char *crit_name(const char *const *names, size_t i, char *buf, size_t cap)
{
    if (names && names[i])
        return names[i];
    snprintf(buf, cap, "#%zu", i);
    return buf;
}

/* |x - 1| within tol, relative to 1 */
static bool near_one(double x, double tol)
{
    return fabs(x - 1.0) <= tol;
}

styr_mcda_status styr_mcda_ahp_check(const double *a, size_t n, double tol,
                                     const char *const *names, styr_mcda_pair *bad,
                                     styr_error *err)
{
    if (n > 0 && !a)
        return styr_mcda_fail(err, STYR_MCDA_E_ARG, "AHP: NULL matrix");
    if (!(tol >= 0.0) || !isfinite(tol))
        return styr_mcda_fail(err, STYR_MCDA_E_ARG, "AHP: tolerance must be finite and >= 0");
    char b1[32], b2[32];
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j < n; j++) {
            double v = a[i * n + j], mirror = a[j * n + i];
            enum { FINE, NOT_POSITIVE, DIAGONAL, NOT_RECIPROCAL } kind = FINE;
            if (!isfinite(v) || !(v > 0.0))
                kind = NOT_POSITIVE;
            else if (i == j && !near_one(v, tol))
                kind = DIAGONAL;
            else if (i < j && isfinite(mirror) && mirror > 0.0 && !near_one(v * mirror, tol))
                kind = NOT_RECIPROCAL; /* a bad mirror is reported when the loop reaches it */
            if (kind == FINE)
                continue;
            if (bad) {
                bad->a = i;
                bad->b = j;
            }
            const char *ni = crit_name(names, i, b1, sizeof b1);
            const char *nj = crit_name(names, j, b2, sizeof b2);
            if (kind == NOT_RECIPROCAL)
                return styr_mcda_fail(err, STYR_MCDA_E_MATRIX,
                                      "pairwise matrix: entry (%s, %s) = %g but (%s, %s) = %g; "
                                      "a[i][j] * a[j][i] must be 1 (is the matrix half filled "
                                      "or filled by transposing?)",
                                      ni, nj, v, nj, ni, mirror);
            return styr_mcda_fail(err, STYR_MCDA_E_MATRIX, "pairwise matrix: entry (%s, %s) = %g %s",
                                  ni, nj, v,
                                  kind == DIAGONAL ? "is on the diagonal and must be 1"
                                                   : "is not a positive number");
        }
    }
    return STYR_MCDA_OK;
}

styr_mcda_status styr_mcda_ahp(const double *a, size_t n, double tol, const char *const *names,
                               double *w, styr_mcda_ahp_result *res, styr_error *err)
{
    double ri = 0.0;
    styr_mcda_status st = styr_mcda_ri(n, &ri, err);
    if (st != STYR_MCDA_OK)
        return st;
    if (!w || !res)
        return styr_mcda_fail(err, STYR_MCDA_E_ARG, "AHP: NULL output");
    st = styr_mcda_ahp_check(a, n, tol, names, NULL, err);
    if (st != STYR_MCDA_OK)
        return st;
    double y[RI_MAX];
    for (size_t i = 0; i < n; i++)
        w[i] = 1.0 / (double)n;
    memset(res, 0, sizeof *res);
    /* Power iteration: a positive matrix has a simple dominant eigenvalue
     * (Perron), so the normalised iterates converge to its eigenvector. */
    for (unsigned it = 1; it <= STYR_MCDA_AHP_MAX_ITER; it++) {
        double sum = 0.0;
        for (size_t i = 0; i < n; i++) {
            double s = 0.0;
            for (size_t j = 0; j < n; j++)
                s += a[i * n + j] * w[j];
            y[i] = s;
            sum += s;
        }
        double move = 0.0;
        for (size_t i = 0; i < n; i++) {
            double v = y[i] / sum;
            double d = fabs(v - w[i]);
            if (d > move)
                move = d;
            w[i] = v;
        }
        res->iterations = it;
        if (move < STYR_MCDA_AHP_EPS) {
            res->converged = true;
            break;
        }
    }
    /* With sum(w) = 1, A w = lambda w summed over the rows gives lambda. */
    double lambda = 0.0;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++)
            lambda += a[i * n + j] * w[j];
    res->lambda_max = lambda;
    res->ri = ri;
    if (n <= 2) {
        res->ci = 0.0;
        res->cr = 0.0;
    } else {
        double ci = (lambda - (double)n) / (double)(n - 1);
        res->ci = ci > 0.0 ? ci : 0.0; /* lambda_max >= n in theory; rounding may dip below */
        res->cr = res->ci / ri;
    }
    return STYR_MCDA_OK;
}

styr_mcda_status styr_mcda_ahp_matrix(size_t n, const styr_mcda_judgement *js, size_t k,
                                      const char *const *names, double *a,
                                      styr_mcda_pair *missing, size_t missing_cap,
                                      size_t *n_missing, styr_error *err)
{
    if (n_missing)
        *n_missing = 0;
    if ((n > 0 && !a) || (k > 0 && !js))
        return styr_mcda_fail(err, STYR_MCDA_E_ARG, "AHP judgements: NULL array");
    if (n > 0 && n > SIZE_MAX / n)
        return styr_mcda_fail(err, STYR_MCDA_E_ARG, "AHP judgements: too many criteria");
    char b1[32], b2[32];
    /* 0 marks "not judged yet": a real entry is always > 0. */
    for (size_t i = 0; i < n * n; i++)
        a[i] = 0.0;
    for (size_t i = 0; i < n; i++)
        a[i * n + i] = 1.0;
    for (size_t q = 0; q < k; q++) {
        size_t i = js[q].i, j = js[q].j;
        double v = js[q].value;
        if (i >= n || j >= n)
            return styr_mcda_fail(err, STYR_MCDA_E_ARG,
                                  "judgement %zu: criterion index out of range (n = %zu)", q, n);
        if (!isfinite(v) || !(v > 0.0))
            return styr_mcda_fail(err, STYR_MCDA_E_ARG,
                                  "judgement %zu (%s, %s): value %g must be a positive number", q,
                                  crit_name(names, i, b1, sizeof b1),
                                  crit_name(names, j, b2, sizeof b2), v);
        if (i == j) {
            if (!near_one(v, STYR_MCDA_AHP_RECIPROCITY_TOL))
                return styr_mcda_fail(err, STYR_MCDA_E_MATRIX,
                                      "judgement %zu compares %s with itself; only 1 is allowed", q,
                                      crit_name(names, i, b1, sizeof b1));
            continue;
        }
        double old = a[i * n + j];
        if (old > 0.0) {
            /* Judged before (either orientation): accept only the same judgement. */
            if (!near_one(v / old, STYR_MCDA_AHP_RECIPROCITY_TOL))
                return styr_mcda_fail(err, STYR_MCDA_E_MATRIX,
                                      "pair (%s, %s) is judged twice: %g and %g",
                                      crit_name(names, i, b1, sizeof b1),
                                      crit_name(names, j, b2, sizeof b2), old, v);
            continue;
        }
        a[i * n + j] = v;
        a[j * n + i] = 1.0 / v;
    }
    size_t count = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++)
            if (a[i * n + j] == 0.0) {
                if (missing && count < missing_cap) {
                    missing[count].a = i;
                    missing[count].b = j;
                }
                count++;
            }
    if (n_missing)
        *n_missing = count;
    if (count == 0)
        return STYR_MCDA_OK;
    /* Name up to a few missing pairs; the array carries all of them. */
    char list[600];
    size_t len = 0, shown = 0;
    int full = 0;   /* the next pair did not fit: it is left to "..." whole */
    list[0] = '\0';
    for (size_t i = 0; i < n && shown < 6 && !full; i++)
        for (size_t j = i + 1; j < n && shown < 6 && !full; j++)
            if (a[i * n + j] == 0.0) {
                int w = snprintf(list + len, sizeof list - len, "%s(%s, %s)", shown ? ", " : "",
                                 crit_name(names, i, b1, sizeof b1),
                                 crit_name(names, j, b2, sizeof b2));
                if (w < 0 || (size_t)w >= sizeof list - len) {
                    list[len] = '\0';   /* snprintf wrote the part that fitted: no cut name */
                    full = 1;
                    continue;
                }
                len += (size_t)w;
                shown++;
            }
    return styr_mcda_fail(err, STYR_MCDA_E_INCOMPLETE,
                          "pairwise judgements missing for %zu of %zu pairs: %s%s; every pair of "
                          "criteria needs a judgement (no completion is guessed)",
                          count, n * (n - 1) / 2, list, count <= shown ? "" : shown ? ", ..." : "...");
}

/* Saaty's 1..9 scale and its reciprocals, in increasing order. */
static const double saaty_scale[] = {1.0 / 9, 1.0 / 8, 1.0 / 7, 1.0 / 6, 1.0 / 5, 1.0 / 4, 1.0 / 3, 1.0 / 2, 1,
                                     2, 3, 4, 5, 6, 7, 8, 9};

styr_mcda_status styr_mcda_ahp_best_fix(const double *a, size_t n, styr_mcda_ahp_fix *fix, bool *found,
                                        styr_error *err)
{
    if (!fix || !found)
        return styr_mcda_fail(err, STYR_MCDA_E_ARG, "AHP: NULL output");
    *found = false;
    memset(fix, 0, sizeof *fix);
    double w[RI_MAX], copy[RI_MAX * RI_MAX];
    styr_mcda_ahp_result base;
    styr_mcda_status st = styr_mcda_ahp(a, n, STYR_MCDA_AHP_RECIPROCITY_TOL, NULL, w, &base, err);
    if (st != STYR_MCDA_OK)
        return st;
    fix->cr_before = fix->cr_after = base.cr;
    if (n <= 2)
        return STYR_MCDA_OK;
    memcpy(copy, a, n * n * sizeof *copy);
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++) {
            double was = a[i * n + j];
            for (size_t v = 0; v < sizeof saaty_scale / sizeof *saaty_scale; v++) {
                double to = saaty_scale[v];
                if (fabs(to - was) <= 1e-9 * was)
                    continue;   /* no change */
                copy[i * n + j] = to;
                copy[j * n + i] = 1.0 / to;
                styr_mcda_ahp_result r;
                if (styr_mcda_ahp(copy, n, STYR_MCDA_AHP_RECIPROCITY_TOL, NULL, w, &r, err) != STYR_MCDA_OK)
                    return STYR_MCDA_E_MATRIX;
                /* strictly lower by more than rounding: ties keep the first */
                if (r.cr < fix->cr_after - 1e-12) {
                    *fix = (styr_mcda_ahp_fix){i, j, was, to, base.cr, r.cr};
                    *found = true;
                }
            }
            copy[i * n + j] = was;
            copy[j * n + i] = a[j * n + i];
        }
    return STYR_MCDA_OK;
}
