/* mcda_aggregate.c - turning a decision matrix and weights into one score per
 * area: weight normalisation, the weighted sum (with per-criterion
 * contributions for explanations) and TOPSIS. */
#include "mcda.h"

#include <math.h>
#include <stdlib.h>

styr_mcda_status styr_mcda_weights_normalise(const double *w, size_t m, double *out,
                                             styr_error *err)
{
    if (m == 0)
        return styr_mcda_fail(err, STYR_MCDA_E_WEIGHTS, "no criteria to weigh");
    if (!w || !out)
        return styr_mcda_fail(err, STYR_MCDA_E_ARG, "weights: NULL array");
    double sum = 0.0;
    for (size_t j = 0; j < m; j++) {
        if (!isfinite(w[j]) || w[j] < 0.0)
            return styr_mcda_fail(err, STYR_MCDA_E_WEIGHTS,
                                  "weight of criterion %zu is %g; weights must be finite and >= 0",
                                  j, w[j]);
        sum += w[j];
    }
    if (!(sum > 0.0) || !isfinite(sum))
        return styr_mcda_fail(err, STYR_MCDA_E_WEIGHTS,
                              sum > 0.0 ? "weights are too large to add up"
                                        : "every weight is 0; at least one must be positive");
    for (size_t j = 0; j < m; j++)
        out[j] = w[j] / sum;
    return STYR_MCDA_OK;
}

/* Rejects a matrix with a NaN or an infinity, naming the cell. */
static styr_mcda_status check_matrix(const double *x, size_t n, size_t m, styr_error *err)
{
    if (n > 0 && m > 0 && !x)
        return styr_mcda_fail(err, STYR_MCDA_E_ARG, "NULL decision matrix");
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < m; j++)
            if (!isfinite(x[i * m + j]))
                return styr_mcda_fail(err, STYR_MCDA_E_ARG,
                                      "area %zu, criterion %zu: value is not a finite number", i,
                                      j);
    return STYR_MCDA_OK;
}

styr_mcda_status styr_mcda_weighted_sum(const double *nx, size_t n, size_t m, const double *w,
                                        double *score, double *contrib, styr_error *err)
{
    if (n > 0 && !score)
        return styr_mcda_fail(err, STYR_MCDA_E_ARG, "weighted sum: NULL score array");
    styr_mcda_status st = check_matrix(nx, n, m, err);
    if (st != STYR_MCDA_OK)
        return st;
    double *wn = malloc(m ? m * sizeof *wn : 1);
    if (!wn)
        return styr_mcda_fail(err, STYR_MCDA_E_NOMEM, "weighted sum: out of memory");
    st = styr_mcda_weights_normalise(w, m, wn, err);
    if (st == STYR_MCDA_OK) {
        for (size_t i = 0; i < n; i++) {
            double s = 0.0;
            for (size_t j = 0; j < m; j++) {
                double c = wn[j] * nx[i * m + j];
                if (contrib)
                    contrib[i * m + j] = c;
                s += c;
            }
            score[i] = s;
        }
    }
    free(wn);
    return st;
}

styr_mcda_status styr_mcda_topsis(const double *x, size_t n, size_t m, const double *w,
                                  const bool *cost, double *closeness, double *d_plus,
                                  double *d_minus, double *weighted, styr_error *err)
{
    if (n > 0 && !closeness)
        return styr_mcda_fail(err, STYR_MCDA_E_ARG, "TOPSIS: NULL closeness array");
    styr_mcda_status st = check_matrix(x, n, m, err);
    if (st != STYR_MCDA_OK)
        return st;
    /* One block: normalised weights, ideal, anti-ideal, then the n*m matrix. */
    double *buf = malloc((3 * m + n * m + 1) * sizeof *buf);
    if (!buf)
        return styr_mcda_fail(err, STYR_MCDA_E_NOMEM, "TOPSIS: out of memory");
    double *wn = buf, *best = buf + m, *worst = buf + 2 * m, *v = buf + 3 * m;
    st = styr_mcda_weights_normalise(w, m, wn, err);
    for (size_t j = 0; j < m && st == STYR_MCDA_OK; j++)
        st = styr_mcda_norm_vector(x, n, m, j, v, err);
    if (st != STYR_MCDA_OK) {
        free(buf);
        return st;
    }
    for (size_t j = 0; j < m; j++) {
        double hi = -INFINITY, lo = INFINITY;
        for (size_t i = 0; i < n; i++) {
            double vij = wn[j] * v[i * m + j];
            v[i * m + j] = vij;
            if (vij > hi)
                hi = vij;
            if (vij < lo)
                lo = vij;
        }
        bool is_cost = cost && cost[j];
        best[j] = is_cost ? lo : hi;
        worst[j] = is_cost ? hi : lo;
    }
    for (size_t i = 0; i < n; i++) {
        double sp = 0.0, sm = 0.0;
        for (size_t j = 0; j < m; j++) {
            double a = v[i * m + j] - best[j], b = v[i * m + j] - worst[j];
            sp += a * a;
            sm += b * b;
        }
        double dp = sqrt(sp), dm = sqrt(sm);
        /* dp + dm == 0 only when ideal == anti-ideal on every weighted
         * criterion, i.e. all areas are identical: neutral 0.5 for all. */
        closeness[i] = (dp + dm > 0.0) ? dm / (dp + dm) : 0.5;
        if (d_plus)
            d_plus[i] = dp;
        if (d_minus)
            d_minus[i] = dm;
        if (weighted)
            for (size_t j = 0; j < m; j++)
                weighted[i * m + j] = v[i * m + j];
    }
    free(buf);
    return STYR_MCDA_OK;
}
