/* test_mcda_smaa.c - unit tests of mcda_smaa.c: reproducibility, thread
 * independence, row and column sums, dominance, ties, central weights,
 * confidence factors, the Dirichlet sampler, progress and cancellation. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "assert_near.h"
#include "mcda.h"


enum { N = 12, M = 4 };

/* A random n x m matrix in [0, 1]. */
static void fill(double *x, size_t n, size_t m, uint64_t seed)
{
    styr_mcda_rng r;
    styr_mcda_rng_seed(&r, seed, 99);
    for (size_t q = 0; q < n * m; q++)
        x[q] = styr_mcda_rng_uniform(&r);
}

typedef struct run {
    double acc[N * N], cw[N * M], conf[N];
} run;

static styr_mcda_status smaa(const styr_mcda_smaa_params *p, run *out)
{
    memset(out, 0xff, sizeof *out); /* NaN-ish garbage: every cell must be written */
    return styr_mcda_smaa(p, out->acc, out->cw, out->conf, NULL);
}

static styr_mcda_smaa_params base_params(const double *x)
{
    return (styr_mcda_smaa_params){
        .method = STYR_MCDA_WEIGHTED_SUM, .x = x, .n = N, .m = M,
        .sampling = STYR_MCDA_SAMPLE_DIRICHLET, .samples = 10007, .seed = 42, .threads = 1,
    };
}

static void check_sums(const run *r, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        double row = 0.0, col = 0.0;
        for (size_t k = 0; k < n; k++) {
            assert_true(r->acc[i * n + k] >= 0.0);
            row += r->acc[i * n + k];
            col += r->acc[k * n + i];
        }
        assert_near(row, 1.0, 1e-12);
        assert_near(col, 1.0, 1e-12);
    }
}

static void test_reproducible(void **state)
{
    (void)state;
    double x[N * M];
    fill(x, N, M, 1);
    for (int method = 0; method < 2; method++) {
        styr_mcda_smaa_params p = base_params(x);
        p.method = method ? STYR_MCDA_TOPSIS : STYR_MCDA_WEIGHTED_SUM;
        p.value_noise = 0.05;
        p.confidence_samples = 3000;
        static run a, b, c;
        assert_int_equal(smaa(&p, &a), STYR_MCDA_OK);
        assert_int_equal(smaa(&p, &b), STYR_MCDA_OK);
        assert_memory_equal(&a, &b, sizeof a);
        check_sums(&a, N);
        p.seed = 43;
        assert_int_equal(smaa(&p, &c), STYR_MCDA_OK);
        assert_memory_not_equal(a.acc, c.acc, sizeof a.acc);
    }
}

static void test_threads_identical(void **state)
{
    (void)state;
    double x[N * M];
    fill(x, N, M, 2);
    for (int method = 0; method < 2; method++) {
        for (int sampling = 0; sampling < 2; sampling++) {
            const double central[M] = {4, 3, 2, 1};
            styr_mcda_smaa_params p = base_params(x);
            p.method = method ? STYR_MCDA_TOPSIS : STYR_MCDA_WEIGHTED_SUM;
            p.sampling = sampling ? STYR_MCDA_SAMPLE_SPREAD : STYR_MCDA_SAMPLE_DIRICHLET;
            p.central = central;
            p.spread = 0.1;
            p.value_noise = 0.02;
            p.confidence_samples = 5000; /* three chunks */
            static run one, two, three;
            p.threads = 1;
            assert_int_equal(smaa(&p, &one), STYR_MCDA_OK);
            p.threads = 2;
            assert_int_equal(smaa(&p, &two), STYR_MCDA_OK);
            p.threads = 3;
            assert_int_equal(smaa(&p, &three), STYR_MCDA_OK);
            assert_memory_equal(&one, &two, sizeof one);
            assert_memory_equal(&one, &three, sizeof one);
            check_sums(&one, N);
        }
    }
}

/* More threads asked for than STYR_MCDA_SMAA_MAX_THREADS, with chunks for
 * every one of them: capped, and the result is the one thread's. */
static void test_threads_capped(void **state)
{
    (void)state;
    double x[N * M];
    fill(x, N, M, 3);
    styr_mcda_smaa_params p = base_params(x);
    p.samples = 2048 * (2 * STYR_MCDA_SMAA_MAX_THREADS + 2);
    static run one, many;
    p.threads = 1;
    assert_int_equal(smaa(&p, &one), STYR_MCDA_OK);
    p.threads = 2 * STYR_MCDA_SMAA_MAX_THREADS + 2;
    assert_int_equal(smaa(&p, &many), STYR_MCDA_OK);
    assert_memory_equal(&one, &many, sizeof one);
}

/* Sample counts at the chunk edges (2048 a chunk): every sample counted once,
 * none drawn past the count (a run one short of a whole chunk included). */
static void test_chunk_edges(void **state)
{
    (void)state;
    double x[N * M];
    fill(x, N, M, 3);
    const uint64_t counts[] = {1, 2047, 2048, 2049, 4095, 4096};
    for (size_t c = 0; c < sizeof counts / sizeof *counts; c++) {
        styr_mcda_smaa_params p = base_params(x);
        p.samples = counts[c];
        p.confidence_samples = counts[c];
        static run r;
        assert_int_equal(smaa(&p, &r), STYR_MCDA_OK);
        check_sums(&r, N);
        for (size_t i = 0; i < N; i++)
            assert_true(r.conf[i] >= 0.0 && r.conf[i] <= 1.0);
    }
}

static void test_dominating_area(void **state)
{
    (void)state;
    double x[N * M];
    fill(x, N, M, 3);
    for (size_t j = 0; j < M; j++)
        x[5 * M + j] = 1.5; /* area 5 above every other on every criterion */
    for (int method = 0; method < 2; method++) {
        styr_mcda_smaa_params p = base_params(x);
        p.method = method ? STYR_MCDA_TOPSIS : STYR_MCDA_WEIGHTED_SUM;
        static run r;
        assert_int_equal(smaa(&p, &r), STYR_MCDA_OK);
        assert_true(r.acc[5 * N + 0] == 1.0);
        for (size_t i = 0; i < N; i++) {
            if (i == 5)
                continue;
            assert_true(r.acc[i * N + 0] == 0.0);
            for (size_t j = 0; j < M; j++)
                assert_true(r.cw[i * M + j] == 0.0); /* never first: zero row */
            assert_true(r.conf[i] == 0.0);
        }
        /* the mean of uniform simplex weights is 1/m per criterion */
        for (size_t j = 0; j < M; j++)
            assert_near(r.cw[5 * M + j], 1.0 / M, 0.01);
        assert_true(r.conf[5] == 1.0);
    }
}

/* SMAA with TOPSIS honours cost criteria: with the spread at 0 every sample
 * is the central weighting, so the rank acceptabilities must be exactly the
 * ranks of plain styr_mcda_topsis with the same weights and directions (and
 * the data are chosen so that ignoring the directions ranks differently). */
static void test_topsis_cost_matches_plain_topsis(void **state)
{
    (void)state;
    double x[N * M];
    fill(x, N, M, 11);
    const bool cost[M] = {false, true, false, true};
    const double w[M] = {0.4, 0.3, 0.2, 0.1};
    double cc[N], cc_benefit[N];
    assert_int_equal(styr_mcda_topsis(x, N, M, w, cost, cc, NULL, NULL, NULL, NULL), STYR_MCDA_OK);
    assert_int_equal(styr_mcda_topsis(x, N, M, w, NULL, cc_benefit, NULL, NULL, NULL, NULL), STYR_MCDA_OK);
    size_t rank[N];
    int differs = 0;
    for (size_t i = 0; i < N; i++) {
        size_t r = 0, rb = 0;
        for (size_t k = 0; k < N; k++) {
            r += cc[k] > cc[i];
            rb += cc_benefit[k] > cc_benefit[i];
            assert_true(k == i || cc[k] != cc[i]); /* no ties: one rank each */
        }
        rank[i] = r;
        differs |= r != rb;
    }
    assert_true(differs);
    for (unsigned threads = 1; threads <= 2; threads++) {
        styr_mcda_smaa_params p = base_params(x);
        p.method = STYR_MCDA_TOPSIS;
        p.cost = cost;
        p.sampling = STYR_MCDA_SAMPLE_SPREAD;
        p.central = w;
        p.spread = 0.0;
        p.samples = 500;
        p.threads = threads;
        static run r;
        assert_int_equal(smaa(&p, &r), STYR_MCDA_OK);
        for (size_t i = 0; i < N; i++) {
            for (size_t k = 0; k < N; k++)
                assert_near(r.acc[i * N + k], k == rank[i] ? 1.0 : 0.0, 0);
            assert_near(r.conf[i], rank[i] == 0 ? 1.0 : 0.0, 0);
        }
    }
}

static void test_ties_shared(void **state)
{
    (void)state;
    double x[N * M];
    fill(x, N, M, 4);
    for (size_t j = 0; j < M; j++)
        x[2 * M + j] = x[7 * M + j] = 2.0; /* two identical areas above the rest */
    styr_mcda_smaa_params p = base_params(x);
    static run r;
    assert_int_equal(smaa(&p, &r), STYR_MCDA_OK);
    assert_near(r.acc[2 * N + 0], 0.5, 1e-15);
    assert_near(r.acc[2 * N + 1], 0.5, 1e-15);
    assert_near(r.acc[7 * N + 0], 0.5, 1e-15);
    assert_near(r.acc[7 * N + 1], 0.5, 1e-15);
    assert_near(r.conf[2], 0.5, 1e-15); /* tied for first: half each */
    check_sums(&r, N);

    /* a large tie (all areas identical) takes the range path */
    enum { BIG = 40 };
    static double y[BIG * 2], acc[BIG * BIG];
    for (size_t q = 0; q < BIG * 2; q++)
        y[q] = 0.3;
    styr_mcda_smaa_params q = {.method = STYR_MCDA_WEIGHTED_SUM, .x = y, .n = BIG, .m = 2,
                               .samples = 100, .seed = 1, .threads = 1};
    assert_int_equal(styr_mcda_smaa(&q, acc, NULL, NULL, NULL), STYR_MCDA_OK);
    for (size_t q2 = 0; q2 < BIG * BIG; q2++)
        assert_near(acc[q2], 1.0 / BIG, 1e-14);
}

static void test_central_and_confidence(void **state)
{
    (void)state;
    double x[N * M];
    fill(x, N, M, 5);
    styr_mcda_smaa_params p = base_params(x);
    static run r;
    assert_int_equal(smaa(&p, &r), STYR_MCDA_OK);
    size_t firsts = 0;
    for (size_t i = 0; i < N; i++) {
        double sum = 0.0;
        for (size_t j = 0; j < M; j++)
            sum += r.cw[i * M + j];
        if (r.acc[i * N] > 0.0) {
            firsts++;
            assert_near(sum, 1.0, 1e-12);
            /* weighted sum: the favourable weights form a convex set, so the
             * central weights make the area first: confidence 1 */
            assert_true(r.conf[i] == 1.0);
        } else {
            assert_true(sum == 0.0);
            assert_true(r.conf[i] == 0.0);
        }
    }
    assert_true(firsts >= 2);
    /* with noise, confidence is a share in [0, 1] */
    p.value_noise = 0.2;
    p.confidence_samples = 4000;
    assert_int_equal(smaa(&p, &r), STYR_MCDA_OK);
    int between = 0;
    for (size_t i = 0; i < N; i++) {
        assert_true(r.conf[i] >= 0.0 && r.conf[i] <= 1.0);
        between |= r.conf[i] > 0.0 && r.conf[i] < 1.0;
    }
    /* ... and the noise is felt: some area is first in only part of the
     * perturbed copies (without noise every confidence is 0 or 1) */
    assert_true(between);

    /* TOPSIS: with noise far below every difference between values, the
     * perturbed copies (their ideal and anti-ideal recomputed each sample)
     * give the confidence noise 0 gives; the area best on every criterion
     * keeps confidence 1 */
    for (size_t j = 0; j < M; j++)
        x[(N - 1) * M + j] = 10.0;   /* the last area best on every criterion: its column maximum */
    p = base_params(x);
    p.method = STYR_MCDA_TOPSIS;
    static run still, shaken;
    assert_int_equal(smaa(&p, &still), STYR_MCDA_OK);
    p.value_noise = 1e-12;
    p.confidence_samples = 200;
    assert_int_equal(smaa(&p, &shaken), STYR_MCDA_OK);
    for (size_t i = 0; i < N; i++)
        assert_near(shaken.conf[i], still.conf[i], 1e-12);
    assert_near(shaken.conf[N - 1], 1.0, 1e-12);

    /* ... and the same with the first area best: the anti-ideal of each
     * perturbed column is its minimum, not its first value (which is then
     * the best area's own, leaving it no distance from the worst) */
    fill(x, N, M, 5);
    for (size_t j = 0; j < M; j++)
        x[0 * M + j] = 10.0;
    p = base_params(x);
    p.method = STYR_MCDA_TOPSIS;
    assert_int_equal(smaa(&p, &still), STYR_MCDA_OK);
    p.value_noise = 1e-12;
    p.confidence_samples = 200;
    assert_int_equal(smaa(&p, &shaken), STYR_MCDA_OK);
    for (size_t i = 0; i < N; i++)
        assert_near(shaken.conf[i], still.conf[i], 1e-12);
    assert_near(shaken.conf[0], 1.0, 1e-12);

    /* ... and the ideal is the maximum over every area, the second one's
     * too: with area 1 best and area 2 next on every criterion, an ideal
     * that left area 1 out would be area 2's values and put area 2 first */
    fill(x, N, M, 5);
    for (size_t j = 0; j < M; j++) {
        x[1 * M + j] = 10.0;
        x[2 * M + j] = 9.0;
    }
    p = base_params(x);
    p.method = STYR_MCDA_TOPSIS;
    p.value_noise = 1e-12;
    p.confidence_samples = 200;
    assert_int_equal(smaa(&p, &shaken), STYR_MCDA_OK);
    assert_near(shaken.conf[1], 1.0, 1e-12);
    assert_near(shaken.conf[2], 0.0, 1e-12);

    /* ... and noise that is felt moves TOPSIS's distances too: some area is
     * first in only part of the perturbed copies */
    fill(x, N, M, 6);
    p = base_params(x);
    p.method = STYR_MCDA_TOPSIS;
    p.value_noise = 0.2;
    p.confidence_samples = 4000;
    assert_int_equal(smaa(&p, &shaken), STYR_MCDA_OK);
    between = 0;
    for (size_t i = 0; i < N; i++) {
        assert_true(shaken.conf[i] >= 0.0 && shaken.conf[i] <= 1.0);
        between |= shaken.conf[i] > 0.0 && shaken.conf[i] < 1.0;
    }
    assert_true(between);
}

static void test_inactive_and_spread(void **state)
{
    (void)state;
    double x[N * M];
    fill(x, N, M, 6);
    bool active[M] = {true, false, true, true};
    styr_mcda_smaa_params p = base_params(x);
    p.active = active;
    static run r;
    assert_int_equal(smaa(&p, &r), STYR_MCDA_OK);
    for (size_t i = 0; i < N; i++)
        assert_true(r.cw[i * M + 1] == 0.0);

    /* spread 0: every sample is the central weights, so ranks are certain */
    const double central[M] = {1, 2, 3, 4};
    p.active = NULL;
    p.sampling = STYR_MCDA_SAMPLE_SPREAD;
    p.central = central;
    p.spread = 0.0;
    assert_int_equal(smaa(&p, &r), STYR_MCDA_OK);
    double w[M] = {0.1, 0.2, 0.3, 0.4}, s[N];
    size_t rank[N];
    assert_int_equal(styr_mcda_weighted_sum(x, N, M, w, s, NULL, NULL), STYR_MCDA_OK);
    assert_int_equal(styr_mcda_rank(s, N, NULL, STYR_MCDA_TIE_RTOL, NULL, rank, NULL),
                     STYR_MCDA_OK);
    for (size_t i = 0; i < N; i++)
        assert_true(r.acc[i * N + rank[i] - 1] == 1.0);

    /* a spread keeps the mean weights near the central ones */
    p.spread = 0.05;
    assert_int_equal(smaa(&p, &r), STYR_MCDA_OK);
    double mean[M] = {0};
    for (size_t i = 0; i < N; i++)
        for (size_t j = 0; j < M; j++)
            mean[j] += r.cw[i * M + j] * r.acc[i * N];
    for (size_t j = 0; j < M; j++)
        assert_near(mean[j], w[j], 0.005);
    check_sums(&r, N);
}

/* Seeding writes the generator's four words and nothing beside them. */
static void test_rng_seed_stays_in_its_state(void **state)
{
    (void)state;
    struct {
        uint64_t before;
        styr_mcda_rng r;
        uint64_t after;
    } g;
    for (uint64_t seed = 0; seed < 50; seed++) {
        g.before = g.after = 0x5AFEC0DE5AFEC0DEull;
        styr_mcda_rng_seed(&g.r, seed, seed * 7);
        assert_true(g.before == 0x5AFEC0DE5AFEC0DEull && g.after == 0x5AFEC0DE5AFEC0DEull);
        assert_true(g.r.s[0] | g.r.s[1] | g.r.s[2] | g.r.s[3]);
    }
    /* A Dirichlet draw writes its m weights and nothing after them. */
    for (size_t m = 1; m <= 8; m++) {
        double w[10];
        for (size_t j = 0; j < 10; j++)
            w[j] = -7.0;
        styr_mcda_dirichlet1(&g.r, m, NULL, w);
        double sum = 0;
        for (size_t j = 0; j < m; j++)
            sum += w[j];
        assert_near(sum, 1.0, 1e-12);
        assert_true(w[m] == -7.0 && w[9] == -7.0);
    }
}

static void test_dirichlet_uniform_on_simplex(void **state)
{
    (void)state;
    styr_mcda_rng r;
    styr_mcda_rng_seed(&r, 2024, 0);
    enum { DRAWS = 200000 };
    size_t above = 0;
    double mean[3] = {0};
    for (int k = 0; k < DRAWS; k++) {
        double w[3];
        styr_mcda_dirichlet1(&r, 3, NULL, w);
        assert_near(w[0] + w[1] + w[2], 1.0, 1e-15);
        above += w[0] > 0.5;
        for (int j = 0; j < 3; j++)
            mean[j] += w[j] / DRAWS;
    }
    /* uniform on the 2-simplex: P(w1 > 1/2) = (1/2)^2 = 0.25; "uniform then
     * normalise" would give about 0.19 */
    assert_near((double)above / DRAWS, 0.25, 0.005);
    for (int j = 0; j < 3; j++)
        assert_near(mean[j], 1.0 / 3, 0.005);
    bool act[3] = {false, true, false};
    double w[3];
    styr_mcda_dirichlet1(&r, 3, act, w);
    assert_true(w[0] == 0.0 && w[1] == 1.0 && w[2] == 0.0);
    /* No criteria: nothing to draw, and the call returns (it would redraw
     * an all-zero sum for ever) */
    styr_mcda_dirichlet1(&r, 0, NULL, w);
}

typedef struct prog {
    int calls;
    uint64_t last_done, total;
    pthread_t caller;
    bool other_thread;
    int cancel_at;
} prog;

static int on_progress(void *ud, uint64_t done, uint64_t total)
{
    prog *p = ud;
    p->calls++;
    assert_true(done > p->last_done);
    p->last_done = done;
    p->total = total;
    if (!pthread_equal(pthread_self(), p->caller))
        p->other_thread = true;
    return p->cancel_at && p->calls >= p->cancel_at;
}

static void test_progress_and_cancel(void **state)
{
    (void)state;
    double x[N * M];
    fill(x, N, M, 7);
    styr_mcda_smaa_params p = base_params(x);
    p.samples = 100000;
    p.threads = 2;
    prog pr = {.caller = pthread_self()};
    p.progress = on_progress;
    p.progress_ud = &pr;
    static run r;
    assert_int_equal(smaa(&p, &r), STYR_MCDA_OK);
    assert_true(pr.calls >= 2 && pr.calls <= 21);
    assert_true(pr.last_done == pr.total);
    assert_false(pr.other_thread);
    prog pc = {.caller = pthread_self(), .cancel_at = 3};
    p.progress_ud = &pc;
    styr_error err;
    assert_int_equal(styr_mcda_smaa(&p, r.acc, NULL, NULL, &err), STYR_MCDA_E_CANCELLED);
    assert_int_equal(pc.calls, 3);
    /* Cancelled while sampling weights with confidence asked for: the run
     * stops there, though the confidence stage (one unperturbed evaluation,
     * no value noise) reports no progress that could cancel it again. */
    prog pq = {.caller = pthread_self(), .cancel_at = 1};
    p.progress_ud = &pq;
    static double conf[N];
    assert_int_equal(styr_mcda_smaa(&p, r.acc, NULL, conf, &err), STYR_MCDA_E_CANCELLED);
    assert_int_equal(pq.calls, 1);
}

static void test_bad_params(void **state)
{
    (void)state;
    double x[N * M];
    fill(x, N, M, 8);
    static run r;
    styr_mcda_smaa_params p = base_params(x);
    bool none[M] = {false, false, false, false};
    p.active = none;
    assert_int_equal(smaa(&p, &r), STYR_MCDA_E_ARG);
    p = base_params(x);
    p.samples = 0;
    assert_int_equal(smaa(&p, &r), STYR_MCDA_E_ARG);
    p = base_params(x);
    p.sampling = STYR_MCDA_SAMPLE_SPREAD; /* no central weights */
    assert_int_equal(smaa(&p, &r), STYR_MCDA_E_ARG);
    styr_error why;
    assert_int_equal(styr_mcda_smaa(&p, r.acc, NULL, NULL, &why), STYR_MCDA_E_ARG);
    assert_non_null(strstr(why.message, "spread sampling needs central weights"));
    const double even[M] = {0.25, 0.25, 0.25, 0.25};
    p.central = even;
    p.spread = -0.1;   /* a spread below 0, or not finite, is refused before sampling */
    assert_int_equal(styr_mcda_smaa(&p, r.acc, NULL, NULL, &why), STYR_MCDA_E_ARG);
    assert_non_null(strstr(why.message, "spread must be finite and >= 0"));
    p.spread = INFINITY;
    assert_int_equal(styr_mcda_smaa(&p, r.acc, NULL, NULL, &why), STYR_MCDA_E_ARG);
    p = base_params(x);
    p.sampling = STYR_MCDA_SAMPLE_SPREAD;
    const double zero[M] = {0};
    p.central = zero;
    assert_int_equal(smaa(&p, &r), STYR_MCDA_E_WEIGHTS);
    p = base_params(x);
    p.value_noise = -1;
    assert_int_equal(smaa(&p, &r), STYR_MCDA_E_ARG);
    p = base_params(x);
    p.method = (styr_mcda_method)7;   /* neither weighted sum nor TOPSIS */
    assert_int_equal(smaa(&p, &r), STYR_MCDA_E_ARG);
    /* the most samples taken is 2^62 - 1: that many pass the count's
     * check and meet the method's; one more is refused as a count */
    p.samples = UINT64_MAX >> 2;
    assert_int_equal(styr_mcda_smaa(&p, r.acc, NULL, NULL, &why), STYR_MCDA_E_ARG);
    assert_non_null(strstr(why.message, "unknown method"));
    p.samples = (UINT64_MAX >> 2) + 1;
    assert_int_equal(styr_mcda_smaa(&p, r.acc, NULL, NULL, &why), STYR_MCDA_E_ARG);
    assert_non_null(strstr(why.message, "the sample count must be positive"));
    /* no area, or no criterion, is refused on its own */
    p = base_params(x);
    p.n = 0;
    assert_int_equal(smaa(&p, &r), STYR_MCDA_E_ARG);
    p = base_params(x);
    p.m = 0;
    assert_int_equal(smaa(&p, &r), STYR_MCDA_E_ARG);
    p = base_params(x);
    x[0] = NAN;   /* the very first value is checked too */
    assert_int_equal(styr_mcda_smaa(&p, r.acc, NULL, NULL, NULL), STYR_MCDA_E_ARG);
    x[0] = 1.0;
    x[3] = NAN;
    styr_error err;
    assert_int_equal(styr_mcda_smaa(&p, r.acc, NULL, NULL, &err), STYR_MCDA_E_ARG);
    assert_int_equal(styr_mcda_smaa(NULL, r.acc, NULL, NULL, NULL), STYR_MCDA_E_ARG);
    /* the size bound: a million criteria is the most taken, one more is not */
    enum { BIG_M = 1000000 };
    double *wide = calloc(BIG_M + 1, sizeof *wide);
    assert_non_null(wide);
    double one_acc[1];
    styr_mcda_smaa_params q = {.method = STYR_MCDA_WEIGHTED_SUM, .x = wide, .n = 1, .m = BIG_M,
                               .sampling = STYR_MCDA_SAMPLE_DIRICHLET, .samples = 1, .seed = 1, .threads = 1};
    assert_int_equal(styr_mcda_smaa(&q, one_acc, NULL, NULL, NULL), STYR_MCDA_OK);
    q.m = BIG_M + 1;
    assert_int_equal(styr_mcda_smaa(&q, one_acc, NULL, NULL, NULL), STYR_MCDA_E_ARG);
    free(wide);
}

static void test_constant_column(void **state)
{
    (void)state;
    double x[N * M];
    fill(x, N, M, 9);
    for (size_t i = 0; i < N; i++)
        x[i * M + 2] = 0.0; /* zero column: TOPSIS vector norm 0 */
    for (int method = 0; method < 2; method++) {
        styr_mcda_smaa_params p = base_params(x);
        p.method = method ? STYR_MCDA_TOPSIS : STYR_MCDA_WEIGHTED_SUM;
        static run r;
        assert_int_equal(smaa(&p, &r), STYR_MCDA_OK);
        for (size_t q = 0; q < N * N; q++)
            assert_false(isnan(r.acc[q]));
        check_sums(&r, N);
    }
    /* every area the same on every criterion: TOPSIS puts each at the same
     * distance 0 from both ideals, scores it 0.5 (not 0/0) and so ties all:
     * each rank is shared equally */
    for (size_t i = 0; i < N * M; i++)
        x[i] = 3.0;
    styr_mcda_smaa_params p = base_params(x);
    p.method = STYR_MCDA_TOPSIS;
    static run same;
    assert_int_equal(smaa(&p, &same), STYR_MCDA_OK);
    for (size_t q = 0; q < N * N; q++)
        assert_true(fabs(same.acc[q] - 1.0 / N) < 1e-9);
}

/* One criterion, and 39 areas bunched far below the first: they share one
 * bucket of the ranking's bucket sort, more than it insertion-sorts, so the
 * heapsort orders them. With one criterion every sample ranks the same way:
 * area 0 first, then the others by value, each at its rank in every sample. */
static void test_one_criterion_big_bucket(void **state)
{
    (void)state;
    enum { B = 40 };
    static double x[B], acc[B * B];
    x[0] = 1.0;
    for (size_t i = 1; i < B; i++)
        x[i] = (double)((i * 17) % B) * 1e-5;   /* distinct, in a shuffled order */
    styr_mcda_smaa_params p = {
        .method = STYR_MCDA_WEIGHTED_SUM, .x = x, .n = B, .m = 1,
        .sampling = STYR_MCDA_SAMPLE_DIRICHLET, .samples = 100, .seed = 1, .threads = 1,
    };
    assert_int_equal(styr_mcda_smaa(&p, acc, NULL, NULL, NULL), STYR_MCDA_OK);
    for (size_t i = 0; i < B; i++) {
        size_t rank = 0;   /* how many areas score above area i */
        for (size_t j = 0; j < B; j++)
            rank += x[j] > x[i];
        if (acc[i * B + rank] != 1.0)
            fail_msg("area %zu: acceptability %g at rank %zu", i, acc[i * B + rank], rank + 1);
    }
}

/* The same with the big bucket at the top: 39 areas bunched just below the
 * best and one far below, so the first bucket is the one heapsorted (its
 * first area in index order is not its best). */
static void test_one_criterion_big_top_bucket(void **state)
{
    (void)state;
    enum { B = 40 };
    static double x[B], acc[B * B];
    x[0] = 0.0;
    for (size_t i = 1; i < B; i++)
        x[i] = 1.0 - (double)((i * 17) % B) * 1e-5;   /* distinct, in a shuffled order */
    styr_mcda_smaa_params p = {
        .method = STYR_MCDA_WEIGHTED_SUM, .x = x, .n = B, .m = 1,
        .sampling = STYR_MCDA_SAMPLE_DIRICHLET, .samples = 100, .seed = 1, .threads = 1,
    };
    assert_int_equal(styr_mcda_smaa(&p, acc, NULL, NULL, NULL), STYR_MCDA_OK);
    for (size_t i = 0; i < B; i++) {
        size_t rank = 0;
        for (size_t j = 0; j < B; j++)
            rank += x[j] > x[i];
        if (acc[i * B + rank] != 1.0)
            fail_msg("area %zu: acceptability %g at rank %zu", i, acc[i * B + rank], rank + 1);
    }
}

/* Beside a big bucket (heapsorted), a bucket of just two areas whose first
 * in index order is the lower: the pair is sorted too (area 40 above 39). */
static void test_one_criterion_pair_beside_a_big_bucket(void **state)
{
    (void)state;
    enum { B = 42 };
    static double x[B], acc[B * B];
    for (size_t i = 0; i < 39; i++)
        x[i] = (double)((i * 17) % 39) * 1e-5;   /* the big bucket, at the bottom */
    x[39] = 0.5001;
    x[40] = 0.5002;   /* the same bucket as area 39, and above it */
    x[41] = 1.0;
    styr_mcda_smaa_params p = {
        .method = STYR_MCDA_WEIGHTED_SUM, .x = x, .n = B, .m = 1,
        .sampling = STYR_MCDA_SAMPLE_DIRICHLET, .samples = 100, .seed = 1, .threads = 1,
    };
    assert_int_equal(styr_mcda_smaa(&p, acc, NULL, NULL, NULL), STYR_MCDA_OK);
    for (size_t i = 0; i < B; i++) {
        size_t rank = 0;
        for (size_t j = 0; j < B; j++)
            rank += x[j] > x[i];
        if (acc[i * B + rank] != 1.0)
            fail_msg("area %zu: acceptability %g at rank %zu", i, acc[i * B + rank], rank + 1);
    }
    assert_true(acc[40 * B + 1] == 1.0 && acc[39 * B + 2] == 1.0);
}

/* Every value of a perturbed copy is perturbed, the first one too: area 0,
 * ahead only by its value on the first criterion, stays first in every
 * copy under noise far below that lead (a copy that left its first value
 * unwritten put area 0 last). */
static void test_confidence_perturbs_every_value(void **state)
{
    (void)state;
    double x[N * M];
    for (size_t q = 0; q < N * M; q++)
        x[q] = 0.5;
    x[0] = 1.0;   /* area 0, criterion 0 */
    styr_mcda_smaa_params p = base_params(x);
    p.value_noise = 1e-9;
    p.confidence_samples = 200;
    static run r;
    assert_int_equal(smaa(&p, &r), STYR_MCDA_OK);
    assert_near(r.conf[0], 1.0, 1e-12);
    for (size_t i = 1; i < N; i++)
        assert_near(r.conf[i], 0.0, 1e-12);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reproducible),
        cmocka_unit_test(test_threads_identical),
        cmocka_unit_test(test_threads_capped),
        cmocka_unit_test(test_chunk_edges),
        cmocka_unit_test(test_dominating_area),
        cmocka_unit_test(test_topsis_cost_matches_plain_topsis),
        cmocka_unit_test(test_ties_shared),
        cmocka_unit_test(test_central_and_confidence),
        cmocka_unit_test(test_inactive_and_spread),
        cmocka_unit_test(test_rng_seed_stays_in_its_state),
        cmocka_unit_test(test_dirichlet_uniform_on_simplex),
        cmocka_unit_test(test_progress_and_cancel),
        cmocka_unit_test(test_bad_params),
        cmocka_unit_test(test_constant_column),
        cmocka_unit_test(test_confidence_perturbs_every_value),
        cmocka_unit_test(test_one_criterion_big_bucket),
        cmocka_unit_test(test_one_criterion_big_top_bucket),
        cmocka_unit_test(test_one_criterion_pair_beside_a_big_bucket),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
