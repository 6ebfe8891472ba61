/* bench_mcda.c - timings of the numeric kernels (SMAA and budget selection)
 * with in-run baselines, so figures can be read as ratios on any machine.
 * Like for like: SMAA is timed on one thread against a one-thread baseline
 * of the same method (weighted sum: draws plus one score per area; TOPSIS:
 * draws plus both distances per area), and on two threads beside it; the
 * machine's core count is printed first.
 * Not a test: it prints medians of a few runs and always exits 0 unless a
 * kernel fails.
 *
 *   bench_mcda [repetitions]
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "mcda.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *t, int k)
{
    qsort(t, (size_t)k, sizeof *t, cmp_double);
    return k % 2 ? t[k / 2] : 0.5 * (t[k / 2 - 1] + t[k / 2]);
}

static volatile double sink; /* keeps the baselines from being optimised away */

/* Baseline of weighted sum: the draws plus one score per area (matrix times
 * weights): the arithmetic any SMAA must do, without ranking or bookkeeping. */
static double base_scores(const double *x, size_t n, size_t m, uint64_t samples)
{
    styr_mcda_rng r;
    styr_mcda_rng_seed(&r, 1, 0);
    double w[64], *s = malloc(n * sizeof *s), *xc = malloc(n * m * sizeof *xc), acc = 0.0;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < m; j++)
            xc[j * n + i] = x[i * m + j];
    double t0 = now();
    for (uint64_t k = 0; k < samples; k++) {
        styr_mcda_dirichlet1(&r, m, NULL, w);
        memset(s, 0, n * sizeof *s);
        for (size_t j = 0; j < m; j++)
            for (size_t i = 0; i < n; i++)
                s[i] += w[j] * xc[j * n + i];
        acc += s[k % n];
    }
    double t = now() - t0;
    sink = acc;
    free(s);
    free(xc);
    return t;
}

/* Baseline of TOPSIS: the draws plus, per area, the weighted distances to
 * the ideal and anti-ideal points (from the squared differences, computed
 * once) and the closeness: the arithmetic any TOPSIS SMAA must do. */
static double base_topsis(const double *x, size_t n, size_t m, uint64_t samples)
{
    styr_mcda_rng r;
    styr_mcda_rng_seed(&r, 1, 0);
    double w[64], *dp = malloc(n * sizeof *dp), *dm = malloc(n * sizeof *dm);
    double *pc = malloc(n * m * sizeof *pc), *qc = malloc(n * m * sizeof *qc), acc = 0.0;
    for (size_t j = 0; j < m; j++) {
        double norm = 0, hi = -1e300, lo = 1e300;
        for (size_t i = 0; i < n; i++)
            norm += x[i * m + j] * x[i * m + j];
        norm = sqrt(norm);
        for (size_t i = 0; i < n; i++) {
            double v = norm > 0 ? x[i * m + j] / norm : 0;
            hi = v > hi ? v : hi;
            lo = v < lo ? v : lo;
        }
        for (size_t i = 0; i < n; i++) {
            double v = norm > 0 ? x[i * m + j] / norm : 0;
            pc[j * n + i] = (v - hi) * (v - hi);
            qc[j * n + i] = (v - lo) * (v - lo);
        }
    }
    double t0 = now();
    for (uint64_t k = 0; k < samples; k++) {
        styr_mcda_dirichlet1(&r, m, NULL, w);
        memset(dp, 0, n * sizeof *dp);
        memset(dm, 0, n * sizeof *dm);
        for (size_t j = 0; j < m; j++) {
            double w2 = w[j] * w[j];
            for (size_t i = 0; i < n; i++) {
                dp[i] += w2 * pc[j * n + i];
                dm[i] += w2 * qc[j * n + i];
            }
        }
        for (size_t i = 0; i < n; i++) {
            double a = sqrt(dp[i]), b = sqrt(dm[i]);
            dp[i] = a + b > 0 ? b / (a + b) : 0.5;
        }
        acc += dp[k % n];
    }
    double t = now() - t0;
    sink = acc;
    free(dp);
    free(dm);
    free(pc);
    free(qc);
    return t;
}

/* One SMAA configuration: the kernel on one thread and on two, against its
 * method's one-thread baseline. */
static void bench_smaa(size_t n, size_t m, uint64_t samples, styr_mcda_method method, int reps)
{
    double *x = malloc(n * m * sizeof *x), *acc = malloc(n * n * sizeof *acc);
    double *cw = malloc(n * m * sizeof *cw), *conf = malloc(n * sizeof *conf);
    styr_mcda_rng r;
    styr_mcda_rng_seed(&r, 2, 0);
    for (size_t q = 0; q < n * m; q++)
        x[q] = styr_mcda_rng_uniform(&r);
    styr_mcda_smaa_params p = {.method = method, .x = x, .n = n, .m = m,
                               .samples = samples, .seed = 7, .threads = 1};
    double t1[32], t2[32], b[32];
    for (int k = 0; k < reps; k++) {
        styr_error err;
        for (unsigned th = 1; th <= 2; th++) {
            p.threads = th;
            double t0 = now();
            if (styr_mcda_smaa(&p, acc, cw, conf, &err) != STYR_MCDA_OK) {
                fprintf(stderr, "smaa failed: %s\n", err.message);
                exit(1);
            }
            (th == 1 ? t1 : t2)[k] = now() - t0;
        }
        b[k] = method == STYR_MCDA_TOPSIS ? base_topsis(x, n, m, samples) : base_scores(x, n, m, samples);
    }
    double m1 = median(t1, reps), m2 = median(t2, reps), mb = median(b, reps);
    printf("smaa %-6s %4zu x %-3zu %7llu samples: 1 thread %7.4f s, 2 threads %7.4f s | baseline "
           "(draws + %s, 1 thread) %7.4f s: 1 thread x%.2f\n",
           method == STYR_MCDA_TOPSIS ? "topsis" : "wsum", n, m, (unsigned long long)samples, m1, m2,
           method == STYR_MCDA_TOPSIS ? "distances" : "scores", mb, m1 / mb);
    free(x);
    free(acc);
    free(cw);
    free(conf);
}

/* Random portfolio: costs 100 000 .. 10 000 000 SEK, scores in [0, 1], 5% of
 * the areas require another, 2% pairs exclude each other, budget 30%. */
static void bench_select(size_t n, int instances, int reps)
{
    double *cost = malloc(n * sizeof *cost), *score = malloc(n * sizeof *score);
    unsigned char *ch = malloc(n);
    styr_mcda_pair *needs = malloc(n * sizeof *needs), *conf = malloc(n * sizeof *conf);
    typedef struct { double r; size_t i; } ri;
    ri *items = malloc(n * sizeof *items);
    styr_mcda_rng r;
    styr_mcda_rng_seed(&r, 3, 0);
    double tm[64], tb[64];
    int k = 0;
    unsigned long long nodes_max = 0;
    int unproven = 0;
    for (int inst = 0; inst < instances; inst++) {
        double total = 0.0;
        for (size_t i = 0; i < n; i++) {
            cost[i] = floor(1e5 + styr_mcda_rng_uniform(&r) * 9.9e6);
            score[i] = styr_mcda_rng_uniform(&r);
            total += cost[i];
        }
        size_t nn = 0, nc = 0;
        for (size_t i = 0; i < n; i++) {
            if (styr_mcda_rng_uniform(&r) < 0.05)
                needs[nn++] = (styr_mcda_pair){i, (size_t)(styr_mcda_rng_next(&r) % n)};
            if (styr_mcda_rng_uniform(&r) < 0.02)
                conf[nc++] = (styr_mcda_pair){i, (size_t)(styr_mcda_rng_next(&r) % n)};
        }
        styr_mcda_select_problem p = {.n = n, .cost = cost, .score = score, .needs = needs,
                                      .n_needs = nn, .conflicts = conf, .n_conflicts = nc};
        for (int rep = 0; rep < reps && k < 64; rep++, k++) {
            styr_mcda_selection sel;
            styr_error err;
            double t0 = now();
            if (styr_mcda_select(&p, floor(total * 0.3), ch, &sel, &err) != STYR_MCDA_OK) {
                fprintf(stderr, "select failed: %s\n", err.message);
                exit(1);
            }
            tm[k] = now() - t0;
            if (sel.nodes > nodes_max)
                nodes_max = (unsigned long long)sel.nodes;
            unproven += !sel.proven_optimal;
            /* baseline: the greedy heuristic's work, a sort by score/cost */
            t0 = now();
            for (size_t i = 0; i < n; i++)
                items[i] = (ri){score[i] / cost[i], i};
            qsort(items, n, sizeof *items, cmp_double); /* r is the first member */
            tb[k] = now() - t0;
            sink = items[0].r;
        }
    }
    double mt = median(tm, k), mb = median(tb, k);
    printf("select %zu areas, %d instances x %d runs: median %8.5f s (max nodes %llu, %d not "
           "proven) | sort by ratio %8.6f s (x%.1f)\n",
           n, instances, reps, mt, nodes_max, unproven, mb, mt / mb);
    free(cost);
    free(score);
    free(ch);
    free(needs);
    free(conf);
    free(items);
}

int main(int argc, char **argv)
{
    int reps = argc > 1 ? atoi(argv[1]) : 5;
    if (reps < 1 || reps > 32)
        reps = 5;
    printf("machine: %ld cores online; medians of %d runs\n", sysconf(_SC_NPROCESSORS_ONLN), reps);
    bench_smaa(50, 10, 100000, STYR_MCDA_WEIGHTED_SUM, reps);
    bench_smaa(200, 10, 100000, STYR_MCDA_WEIGHTED_SUM, reps);
    bench_smaa(50, 10, 100000, STYR_MCDA_TOPSIS, reps);
    bench_smaa(200, 10, 100000, STYR_MCDA_TOPSIS, reps);
    bench_select(800, 8, reps);
    return 0;
}
