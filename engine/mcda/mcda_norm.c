/* mcda_norm.c - normalisation of a decision matrix (declared scale, min-max,
 * vector, cost inversion). */
#include "mcda.h"

#include <math.h>
#include <stdlib.h>

/* Shared argument check for the column functions. */
static styr_mcda_status check_column(const double *x, size_t n, size_t m, size_t j,
                                     const double *out, styr_error *err)
{
    if (n == 0)
        return STYR_MCDA_OK;
    if (!x || !out)
        return styr_mcda_fail(err, STYR_MCDA_E_ARG, "normalisation: NULL matrix");
    if (j >= m)
        return styr_mcda_fail(err, STYR_MCDA_E_ARG,
                              "normalisation: criterion %zu out of range (m = %zu)", j, m);
    for (size_t i = 0; i < n; i++)
        if (!isfinite(x[i * m + j]))
            return styr_mcda_fail(err, STYR_MCDA_E_ARG,
                                  "area %zu, criterion %zu: value is not a finite number", i, j);
    return STYR_MCDA_OK;
}

styr_mcda_status styr_mcda_norm_scale(const double *x, size_t n, size_t m, size_t j,
                                      double lo, double hi, double *out, styr_error *err)
{
    if (!isfinite(lo) || !isfinite(hi) || !(hi > lo))
        return styr_mcda_fail(err, STYR_MCDA_E_SCALE,
                              "criterion %zu: scale [%g, %g] is empty; hi must be greater than lo",
                              j, lo, hi);
    styr_mcda_status st = check_column(x, n, m, j, out, err);
    if (st != STYR_MCDA_OK)
        return st;
    const double span = hi - lo;
    for (size_t i = 0; i < n; i++)
        out[i * m + j] = (x[i * m + j] - lo) / span;
    return STYR_MCDA_OK;
}

styr_mcda_status styr_mcda_norm_minmax(const double *x, size_t n, size_t m, size_t j,
                                       double *out, styr_error *err)
{
    styr_mcda_status st = check_column(x, n, m, j, out, err);
    if (st != STYR_MCDA_OK || n == 0)
        return st;
    double lo = x[j], hi = x[j];
    for (size_t i = 1; i < n; i++) {
        double v = x[i * m + j];
        if (v < lo)
            lo = v;
        if (v > hi)
            hi = v;
    }
    /* Exact comparison: any real spread, however small, is information. */
    if (hi == lo) {
        for (size_t i = 0; i < n; i++)
            out[i * m + j] = STYR_MCDA_CONSTANT_COLUMN;
        return STYR_MCDA_OK;
    }
    const double span = hi - lo;
    for (size_t i = 0; i < n; i++) {
        double v = (x[i * m + j] - lo) / span;
        out[i * m + j] = v > 1.0 ? 1.0 : v; /* rounding must not leave [0, 1] */
    }
    return STYR_MCDA_OK;
}

static int cmp_double(const void *pa, const void *pb)
{
    double a = *(const double *)pa, b = *(const double *)pb;
    return (a > b) - (a < b);
}

styr_mcda_status styr_mcda_norm_vector(const double *x, size_t n, size_t m, size_t j,
                                       double *out, styr_error *err)
{
    styr_mcda_status st = check_column(x, n, m, j, out, err);
    if (st != STYR_MCDA_OK || n == 0)
        return st;
    double *sq = malloc(n * sizeof *sq);
    if (!sq)
        return styr_mcda_fail(err, STYR_MCDA_E_NOMEM, "vector normalisation: out of memory");
    for (size_t i = 0; i < n; i++)
        sq[i] = x[i * m + j] * x[i * m + j];
    /* Summing the sorted squares makes the norm independent of area order
     * (and adds small terms first, which is also the more accurate order). */
    qsort(sq, n, sizeof *sq, cmp_double);
    double sum = 0.0;
    for (size_t i = 0; i < n; i++)
        sum += sq[i];
    free(sq);
    const double norm = sqrt(sum);
    if (!(norm > 0.0) || !isfinite(norm)) {
        if (norm > 0.0) /* overflow of the squares: scale first */
            return styr_mcda_fail(err, STYR_MCDA_E_ARG,
                                  "criterion %zu: values too large for vector normalisation", j);
        for (size_t i = 0; i < n; i++)
            out[i * m + j] = 0.0;
        return STYR_MCDA_OK;
    }
    for (size_t i = 0; i < n; i++)
        out[i * m + j] = x[i * m + j] / norm;
    return STYR_MCDA_OK;
}

styr_mcda_status styr_mcda_norm_invert(double *nx, size_t n, size_t m, size_t j, styr_error *err)
{
    styr_mcda_status st = check_column(nx, n, m, j, nx, err);
    if (st != STYR_MCDA_OK)
        return st;
    for (size_t i = 0; i < n; i++)
        nx[i * m + j] = 1.0 - nx[i * m + j];
    return STYR_MCDA_OK;
}

styr_mcda_status styr_mcda_normalise(const double *x, size_t n, size_t m,
                                     const styr_mcda_criterion *crit, double *out,
                                     styr_error *err)
{
    if (m > 0 && !crit)
        return styr_mcda_fail(err, STYR_MCDA_E_ARG, "normalisation: NULL criteria");
    for (size_t j = 0; j < m; j++) {
        const styr_mcda_criterion *c = &crit[j];
        styr_mcda_status st;
        if (c->has_scale) {
            if (!isfinite(c->lo) || !isfinite(c->hi) || !(c->hi > c->lo))
                return styr_mcda_fail(err, STYR_MCDA_E_SCALE,
                                      "criterion '%s': scale [%g, %g] is empty; hi must be "
                                      "greater than lo",
                                      c->name ? c->name : "?", c->lo, c->hi);
            st = styr_mcda_norm_scale(x, n, m, j, c->lo, c->hi, out, err);
        } else {
            st = styr_mcda_norm_minmax(x, n, m, j, out, err);
        }
        if (st == STYR_MCDA_OK && c->cost)
            st = styr_mcda_norm_invert(out, n, m, j, err);
        if (st != STYR_MCDA_OK)
            return st;
    }
    return STYR_MCDA_OK;
}
