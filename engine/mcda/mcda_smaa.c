/* mcda_smaa.c - SMAA sensitivity analysis: rank acceptability, central
 * weights and confidence factors by sampling weights (Dirichlet(1) on the
 * simplex, or a band around central weights), plus the seeded generator it
 * uses (mcda_rng.h).
 *
 * Reproducibility: samples are cut into fixed chunks of STYR_MCDA_SMAA_CHUNK,
 * chunk c draws from stream (seed, c), each chunk accumulates into zeroed
 * buffers, and the calling thread adds the chunk buffers into the totals in
 * chunk order. The floating-point sums are therefore the same whatever the
 * number of threads: threads only decide which chunk runs where.
 *
 * Per sample the work is O(n*m) for the scores and O(n) expected for the
 * ranking (a bucket sort by score; buckets larger than a few entries fall
 * back to heapsort, so the worst case is O(n log n)); never O(n^2). */
#include "mcda.h"
#include "internal/rng.h"

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* --------------------------------------------------------------- the run */

/* Ties of at most this many areas are spread over their ranks directly;
 * larger ones through a difference array, so a sample stays O(n). */
#define SMALL_TIE 16
/* Buckets up to this size are insertion-sorted, larger ones heapsorted. */
#define SMALL_BUCKET 24
_Static_assert(STYR_MCDA_SMAA_CHUNK <= UINT16_MAX, "per-chunk rank counts are 16-bit");
/* More buckets than areas: scores bunch up in the middle of their range. */
#define BUCKETS_PER_AREA 2

typedef struct smaa_shared {
    size_t n, m;
    styr_mcda_method method;
    const double *xc;  /* m*n column-major: WS normalised values, TOPSIS vector-normalised */
    const double *pc;  /* TOPSIS: m*n column-major (r - best)^2 */
    const double *qc;  /* TOPSIS: m*n column-major (r - worst)^2 */
    const bool *cost;  /* TOPSIS directions, or NULL */
    styr_mcda_sampling sampling;
    const bool *active;    /* m, never NULL here */
    const double *central; /* m normalised weights (SPREAD) */
    double spread, noise, rtol;
    uint64_t seed, samples, conf_samples;
    const size_t *cand;    /* areas ever first */
    const double *cand_w;  /* their central weights, ncand*m */
    size_t ncand;
} smaa_shared;

typedef struct smaa_slot {
    const smaa_shared *sh;
    uint64_t chunk;
    int stage;            /* 0: weight samples, 1: confidence evaluations */
    bool nomem;           /* a lazy allocation failed in the worker */
    /* the chunk's accumulators */
    double *acc;          /* n*n: tie shares, then the chunk's totals */
    uint16_t *hits;       /* n*n: untied ranks; a chunk has at most 2048 samples */
    double *diff;         /* n*(n+1), allocated on the first large tie */
    bool diff_used;
    double *cw;           /* n*m */
    double *first;        /* n */
    double *conf;         /* ncand */
    /* scratch */
    double *w, *s, *sorted, *dp, *dm, *xp, *pp, *qp;
    size_t *order, *cnt;
    uint32_t *bkt;
} smaa_slot;

static inline bool tied(double a, double b, double rtol)
{
    double fa = fabs(a), fb = fabs(b);
    return fabs(a - b) <= rtol * (fa > fb ? fa : fb);
}

/* One weight vector by the chosen sampling. */
static void draw_weights(const smaa_shared *sh, styr_mcda_rng *r, double *w)
{
    const size_t m = sh->m;
    if (sh->sampling == STYR_MCDA_SAMPLE_DIRICHLET) {
        styr_mcda_dirichlet1(r, m, sh->active, w);
        return;
    }
    for (int tries = 0; tries < 64; tries++) {
        double sum = 0.0;
        for (size_t j = 0; j < m; j++) {
            double v = sh->central[j];
            if (sh->active[j]) {
                v += sh->spread * (2.0 * rng_uniform(r) - 1.0);
                if (v < 0.0)
                    v = 0.0;
            }
            w[j] = v;
            sum += v;
        }
        if (sum > 0.0) {
            for (size_t j = 0; j < m; j++)
                w[j] /= sum;
            return;
        }
    }
    memcpy(w, sh->central, m * sizeof *w);
}

/* s = scores of all areas under weights w, from column-major data. */
static void score_all(const smaa_shared *sh, const double *xc, const double *pc,
                      const double *qc, const double *w, double *s, double *dp, double *dm)
{
    const size_t n = sh->n, m = sh->m;
    if (sh->method == STYR_MCDA_WEIGHTED_SUM) {
        for (size_t i = 0; i < n; i++)
            s[i] = 0.0;
        for (size_t j = 0; j < m; j++) {
            const double wj = w[j];
            const double *col = xc + j * n;
            if (wj == 0.0)
                continue;
            for (size_t i = 0; i < n; i++)
                s[i] += wj * col[i];
        }
        return;
    }
    /* TOPSIS: with w >= 0 the weighted ideal is w_j * best_j, so the squared
     * distances are linear in w_j^2 over precomputed squared differences. */
    for (size_t i = 0; i < n; i++)
        dp[i] = dm[i] = 0.0;
    for (size_t j = 0; j < m; j++) {
        const double w2 = w[j] * w[j];
        const double *p = pc + j * n, *q = qc + j * n;
        if (w2 == 0.0)
            continue;
        for (size_t i = 0; i < n; i++) {
            dp[i] += w2 * p[i];
            dm[i] += w2 * q[i];
        }
    }
    for (size_t i = 0; i < n; i++) {
        double a = sqrt(dp[i]), b = sqrt(dm[i]);
        s[i] = (a + b > 0.0) ? b / (a + b) : 0.5;
    }
}

/* Buckets are sorted by key descending, equal keys by index: insertion sort
 * (stable; buckets are filled in index order) when small, heapsort on the
 * total order (key, index) when large. Keys travel with the indices so that
 * comparisons read contiguous memory. */
static inline bool before(double ka, size_t ia, double kb, size_t ib)
{
    return ka > kb || (ka == kb && ia < ib);
}

static void sift_down(double *k, size_t *v, size_t root, size_t len)
{
    for (;;) {
        size_t child = 2 * root + 1;
        if (child >= len)
            return;
        /* a heap whose top is the last in order, so popping fills from the end */
        if (child + 1 < len && before(k[child], v[child], k[child + 1], v[child + 1]))
            child++;
        if (!before(k[root], v[root], k[child], v[child]))
            return;
        double tk = k[root];
        size_t tv = v[root];
        k[root] = k[child];
        v[root] = v[child];
        k[child] = tk;
        v[child] = tv;
        root = child;
    }
}

static void insertion_sort(double *k, size_t *v, size_t len)
{
    for (size_t a = 1; a < len; a++) {
        double xk = k[a];
        size_t xv = v[a], b = a;
        while (b > 0 && xk > k[b - 1]) { /* strict: stable for equal keys */
            k[b] = k[b - 1];
            v[b] = v[b - 1];
            b--;
        }
        k[b] = xk;
        v[b] = xv;
    }
}

/* Any bucket: insertion when small, heapsort (O(len log len)) when large. */
static void sort_segment(double *k, size_t *v, size_t len)
{
    if (len <= SMALL_BUCKET) {
        insertion_sort(k, v, len);
        return;
    }
    for (size_t r = len / 2; r-- > 0;)
        sift_down(k, v, r, len);
    for (size_t end = len; end-- > 1;) {
        double tk = k[0];
        size_t tv = v[0];
        k[0] = k[end];
        v[0] = v[end];
        k[end] = tk;
        v[end] = tv;
        sift_down(k, v, 0, end);
    }
}

/* order = areas by score descending (index ascending on equal scores);
 * sorted[k] = s[order[k]]. */
static void sort_desc(smaa_slot *sl, const double *s)
{
    const size_t n = sl->sh->n, nb = BUCKETS_PER_AREA * n;
    size_t *order = sl->order, *cnt = sl->cnt;
    double *sorted = sl->sorted;
    uint32_t *bkt = sl->bkt;
    double hi = s[0], lo = s[0];
    for (size_t i = 1; i < n; i++) {
        hi = s[i] > hi ? s[i] : hi;
        lo = s[i] < lo ? s[i] : lo;
    }
    if (hi == lo) {
        for (size_t i = 0; i < n; i++) {
            order[i] = i;
            sorted[i] = s[i];
        }
        return;
    }
    /* Bucket by value: (hi - s) is monotone in s, so buckets come in order. */
    const double scale = (double)nb / (hi - lo);
    memset(cnt, 0, (nb + 1) * sizeof *cnt);
    size_t biggest = 0;
    for (size_t i = 0; i < n; i++) {
        size_t b = (size_t)((hi - s[i]) * scale);
        b = b < nb ? b : nb - 1;
        bkt[i] = (uint32_t)b;
        size_t c = ++cnt[b + 1];
        biggest = c > biggest ? c : biggest;
    }
    for (size_t b = 0; b < nb; b++)
        cnt[b + 1] += cnt[b];
    for (size_t i = 0; i < n; i++) {
        size_t at = cnt[bkt[i]]++;
        order[at] = i;
        sorted[at] = s[i];
    }
    if (biggest <= SMALL_BUCKET) {
        /* Keys of different buckets are already in order, so one insertion
         * pass over everything only moves keys inside their bucket. */
        insertion_sort(sorted, order, n);
        return;
    }
    /* cnt[b] is now the end of bucket b (and the start of b + 1). */
    size_t start = 0;
    for (size_t b = 0; b < nb; b++) {
        size_t end = cnt[b];
        if (end - start > 1)
            sort_segment(sorted + start, order + start, end - start);
        start = end;
    }
}

/* Adds one sample's ranks (and first places) to the chunk accumulators. */
static bool accumulate(smaa_slot *sl, const double *w)
{
    const smaa_shared *sh = sl->sh;
    const size_t n = sh->n, m = sh->m;
    const size_t *order = sl->order;
    const double *sorted = sl->sorted;
    for (size_t k = 0; k < n;) {
        const double lead = sorted[k];
        size_t e = k + 1;
        while (e < n && tied(lead, sorted[e], sh->rtol))
            e++;
        const size_t t = e - k;
        if (t == 1) {
            sl->hits[order[k] * n + k]++; /* compact: far fewer cache misses */
        } else {
            const double share = 1.0 / (double)t;
            if (t <= SMALL_TIE) {
                for (size_t q = k; q < e; q++)
                    for (size_t r = k; r < e; r++)
                        sl->acc[order[q] * n + r] += share;
            } else {
                if (!sl->diff) {
                    sl->diff = calloc(n * (n + 1), sizeof *sl->diff);
                    if (!sl->diff)
                        return false;
                }
                sl->diff_used = true;
                for (size_t q = k; q < e; q++) {
                    sl->diff[order[q] * (n + 1) + k] += share;
                    sl->diff[order[q] * (n + 1) + e] -= share;
                }
            }
        }
        if (k == 0) {
            const double share = 1.0 / (double)t;
            for (size_t q = 0; q < e; q++) {
                size_t i = order[q];
                sl->first[i] += share;
                for (size_t j = 0; j < m; j++)
                    sl->cw[i * m + j] += share * w[j];
            }
        }
        k = e;
    }
    return true;
}

/* Stage 0: the weight samples of one chunk. */
static void run_samples(smaa_slot *sl)
{
    const smaa_shared *sh = sl->sh;
    const size_t n = sh->n, m = sh->m;
    memset(sl->acc, 0, n * n * sizeof *sl->acc);
    memset(sl->hits, 0, n * n * sizeof *sl->hits);
    memset(sl->cw, 0, n * m * sizeof *sl->cw);
    memset(sl->first, 0, n * sizeof *sl->first);
    if (sl->diff_used) {
        memset(sl->diff, 0, n * (n + 1) * sizeof *sl->diff);
        sl->diff_used = false;
    }
    styr_mcda_rng rng;
    styr_mcda_rng_seed(&rng, sh->seed, sl->chunk);
    const uint64_t begin = sl->chunk * STYR_MCDA_SMAA_CHUNK;
    uint64_t count = sh->samples - begin;
    if (count > STYR_MCDA_SMAA_CHUNK)
        count = STYR_MCDA_SMAA_CHUNK;
    for (uint64_t k = 0; k < count; k++) {
        draw_weights(sh, &rng, sl->w);
        score_all(sh, sh->xc, sh->pc, sh->qc, sl->w, sl->s, sl->dp, sl->dm);
        sort_desc(sl, sl->s);
        if (!accumulate(sl, sl->w)) {
            sl->nomem = true;
            return;
        }
    }
    for (size_t q = 0; q < n * n; q++)
        sl->acc[q] += sl->hits[q];
    if (sl->diff_used) /* prefix sums turn the range marks into shares */
        for (size_t i = 0; i < n; i++) {
            double run = 0.0;
            for (size_t r = 0; r < n; r++) {
                run += sl->diff[i * (n + 1) + r];
                sl->acc[i * n + r] += run;
            }
        }
}

/* Stage 1: confidence evaluations of one chunk, shared by all candidates. */
static void run_confidence(smaa_slot *sl)
{
    const smaa_shared *sh = sl->sh;
    const size_t n = sh->n, m = sh->m;
    memset(sl->conf, 0, sh->ncand * sizeof *sl->conf);
    styr_mcda_rng rng;
    styr_mcda_rng_seed(&rng, sh->seed, (1ull << 63) | sl->chunk);
    const uint64_t begin = sl->chunk * STYR_MCDA_SMAA_CHUNK;
    uint64_t count = sh->conf_samples - begin;
    if (count > STYR_MCDA_SMAA_CHUNK)
        count = STYR_MCDA_SMAA_CHUNK;
    for (uint64_t k = 0; k < count; k++) {
        const double *xc = sh->xc, *pc = sh->pc, *qc = sh->qc;
        if (sh->noise > 0.0) {
            for (size_t q = 0; q < n * m; q++)
                sl->xp[q] = sh->xc[q] + sh->noise * (2.0 * rng_uniform(&rng) - 1.0);
            xc = sl->xp;
            if (sh->method == STYR_MCDA_TOPSIS) {
                /* The ideal points move with the perturbed values. */
                for (size_t j = 0; j < m; j++) {
                    const double *col = sl->xp + j * n;
                    double hi = col[0], lo = col[0];
                    for (size_t i = 1; i < n; i++) {
                        if (col[i] > hi)
                            hi = col[i];
                        if (col[i] < lo)
                            lo = col[i];
                    }
                    bool c = sh->cost && sh->cost[j];
                    double b = c ? lo : hi, wo = c ? hi : lo;
                    for (size_t i = 0; i < n; i++) {
                        sl->pp[j * n + i] = (col[i] - b) * (col[i] - b);
                        sl->qp[j * n + i] = (col[i] - wo) * (col[i] - wo);
                    }
                }
                pc = sl->pp;
                qc = sl->qp;
            }
        }
        for (size_t c = 0; c < sh->ncand; c++) {
            score_all(sh, xc, pc, qc, sh->cand_w + c * m, sl->s, sl->dp, sl->dm);
            double hi = sl->s[0];
            for (size_t i = 1; i < n; i++)
                if (sl->s[i] > hi)
                    hi = sl->s[i];
            size_t t = 0;
            for (size_t i = 0; i < n; i++)
                if (tied(hi, sl->s[i], sh->rtol))
                    t++;
            if (tied(hi, sl->s[sh->cand[c]], sh->rtol))
                sl->conf[c] += 1.0 / (double)t;
        }
    }
}

static void *slot_main(void *arg)
{
    smaa_slot *sl = arg;
    if (sl->stage == 0)
        run_samples(sl);
    else
        run_confidence(sl);
    return NULL;
}

static void slot_free(smaa_slot *sl)
{
    free(sl->acc);
    free(sl->hits);
    free(sl->diff);
    free(sl->cw);
    free(sl->first);
    free(sl->conf);
    free(sl->w);
    free(sl->s);
    free(sl->sorted);
    free(sl->dp);
    free(sl->dm);
    free(sl->xp);
    free(sl->pp);
    free(sl->qp);
    free(sl->order);
    free(sl->cnt);
    free(sl->bkt);
}

static bool slot_alloc(smaa_slot *sl, const smaa_shared *sh)
{
    const size_t n = sh->n, m = sh->m;
    memset(sl, 0, sizeof *sl);
    /* The analyser takes the caller's slots[nslots] of two calls for one slot. */
    // NOLINTNEXTLINE(clang-analyzer-unix.Malloc)
    sl->sh = sh;
    sl->acc = malloc(n * n * sizeof *sl->acc);
    sl->hits = malloc(n * n * sizeof *sl->hits);
    sl->cw = malloc(n * m * sizeof *sl->cw);
    sl->first = malloc(n * sizeof *sl->first);
    sl->conf = malloc(n * sizeof *sl->conf);
    sl->w = malloc(m * sizeof *sl->w);
    sl->s = malloc(n * sizeof *sl->s);
    sl->sorted = malloc(n * sizeof *sl->sorted);
    sl->dp = malloc(n * sizeof *sl->dp);
    sl->dm = malloc(n * sizeof *sl->dm);
    sl->order = malloc(n * sizeof *sl->order);
    sl->cnt = malloc((BUCKETS_PER_AREA * n + 1) * sizeof *sl->cnt);
    sl->bkt = malloc(n * sizeof *sl->bkt);
    bool ok = sl->acc && sl->hits && sl->cw && sl->first && sl->conf && sl->w && sl->s && sl->sorted &&
              sl->dp && sl->dm &&
              sl->order && sl->cnt && sl->bkt;
    if (ok && sh->noise > 0.0) {
        sl->xp = malloc(n * m * sizeof *sl->xp);
        ok = sl->xp != NULL;
        if (ok && sh->method == STYR_MCDA_TOPSIS) {
            sl->pp = malloc(n * m * sizeof *sl->pp);
            sl->qp = malloc(n * m * sizeof *sl->qp);
            ok = sl->pp && sl->qp;
        }
    }
    return ok;
}

typedef struct progress_state {
    styr_mcda_progress_fn fn;
    void *ud;
    uint64_t done, total;
    unsigned last_step; /* 0..20 */
} progress_state;

/* Reports when another 5% is done; true when the caller asked to stop. */
static bool progress_add(progress_state *ps, uint64_t k)
{
    ps->done += k;
    if (!ps->fn)
        return false;
    unsigned step = (unsigned)((double)ps->done / (double)ps->total * 20.0);
    if (step <= ps->last_step && ps->done < ps->total)
        return false;
    if (step > 20)
        step = 20;
    ps->last_step = step;
    return ps->fn(ps->ud, ps->done, ps->total) != 0;
}

/* Runs every chunk of a stage, `nt` at a time, and merges in chunk order. */
static styr_mcda_status run_stage(smaa_slot *slots, unsigned nt, int stage, uint64_t total,
                                  double *acc, double *cw, double *first, double *conf,
                                  progress_state *ps, styr_error *err)
{
    const smaa_shared *sh = slots[0].sh;
    const size_t n = sh->n, m = sh->m;
    const uint64_t nchunks = (total + STYR_MCDA_SMAA_CHUNK - 1) / STYR_MCDA_SMAA_CHUNK;
    pthread_t tid[STYR_MCDA_SMAA_MAX_THREADS];
    for (uint64_t base = 0; base < nchunks; base += nt) {
        unsigned cnt = (unsigned)(nchunks - base < nt ? nchunks - base : nt);
        bool started[STYR_MCDA_SMAA_MAX_THREADS] = {false};
        for (unsigned t = 0; t < cnt; t++) {
            slots[t].chunk = base + t;
            slots[t].stage = stage;
        }
        for (unsigned t = 1; t < cnt; t++)
            started[t] = pthread_create(&tid[t], NULL, slot_main, &slots[t]) == 0;
        slot_main(&slots[0]);
        for (unsigned t = 1; t < cnt; t++) {
            if (started[t])
                pthread_join(tid[t], NULL);
            else
                slot_main(&slots[t]); /* no thread: same chunk, same result */
        }
        uint64_t done = 0;
        for (unsigned t = 0; t < cnt; t++) {
            const smaa_slot *sl = &slots[t];
            if (sl->nomem)
                return styr_mcda_fail(err, STYR_MCDA_E_NOMEM, "SMAA: out of memory");
            if (stage == 0) {
                for (size_t q = 0; q < n * n; q++)
                    acc[q] += sl->acc[q];
                for (size_t q = 0; q < n * m; q++)
                    cw[q] += sl->cw[q];
                for (size_t i = 0; i < n; i++)
                    first[i] += sl->first[i];
            } else {
                for (size_t c = 0; c < sh->ncand; c++)
                    conf[c] += sl->conf[c];
            }
            uint64_t b = (base + t) * STYR_MCDA_SMAA_CHUNK;
            done += (total - b < STYR_MCDA_SMAA_CHUNK) ? total - b : STYR_MCDA_SMAA_CHUNK;
        }
        if (progress_add(ps, done))
            return styr_mcda_fail(err, STYR_MCDA_E_CANCELLED, "SMAA: cancelled");
    }
    return STYR_MCDA_OK;
}

static unsigned thread_count(unsigned asked)
{
    if (asked == 0) {
        long c = sysconf(_SC_NPROCESSORS_ONLN);
        asked = c > 0 ? (unsigned)c : 1;
    }
    if (asked > STYR_MCDA_SMAA_MAX_THREADS)
        asked = STYR_MCDA_SMAA_MAX_THREADS;
    return asked;
}

static styr_mcda_status check_params(const styr_mcda_smaa_params *p, double *acceptability,
                                     styr_error *err)
{
    if (!p || !acceptability)
        return styr_mcda_fail(err, STYR_MCDA_E_ARG, "SMAA: NULL parameters or output");
    if (p->n == 0 || p->m == 0 || !p->x)
        return styr_mcda_fail(err, STYR_MCDA_E_ARG, "SMAA: needs at least one area and criterion");
    /* n*n doubles per thread must be addressable */
    if (p->n > 1000000 || p->m > 1000000 || p->n * p->m > SIZE_MAX / 64)
        return styr_mcda_fail(err, STYR_MCDA_E_ARG, "SMAA: %zu areas x %zu criteria is too large",
                              p->n, p->m);
    if (p->samples == 0 || p->samples > (UINT64_MAX >> 2))
        return styr_mcda_fail(err, STYR_MCDA_E_ARG, "SMAA: the sample count must be positive");
    if (p->method != STYR_MCDA_WEIGHTED_SUM && p->method != STYR_MCDA_TOPSIS)
        return styr_mcda_fail(err, STYR_MCDA_E_ARG, "SMAA: unknown method");
    if (p->sampling != STYR_MCDA_SAMPLE_DIRICHLET && p->sampling != STYR_MCDA_SAMPLE_SPREAD)
        return styr_mcda_fail(err, STYR_MCDA_E_ARG, "SMAA: unknown weight sampling");
    if (!isfinite(p->value_noise) || p->value_noise < 0.0)
        return styr_mcda_fail(err, STYR_MCDA_E_ARG, "SMAA: value noise must be finite and >= 0");
    if (p->sampling == STYR_MCDA_SAMPLE_SPREAD) {
        if (!p->central)
            return styr_mcda_fail(err, STYR_MCDA_E_ARG, "SMAA: spread sampling needs central weights");
        if (!isfinite(p->spread) || p->spread < 0.0)
            return styr_mcda_fail(err, STYR_MCDA_E_ARG, "SMAA: spread must be finite and >= 0");
    } else {
        bool any = false;
        for (size_t j = 0; j < p->m; j++)
            any |= !p->active || p->active[j];
        if (!any)
            return styr_mcda_fail(err, STYR_MCDA_E_ARG, "SMAA: no criterion is active");
    }
    for (size_t q = 0; q < p->n * p->m; q++)
        if (!isfinite(p->x[q]))
            return styr_mcda_fail(err, STYR_MCDA_E_ARG,
                                  "SMAA: area %zu, criterion %zu: value is not a finite number",
                                  q / p->m, q % p->m);
    return STYR_MCDA_OK;
}

/* Long on purpose (about 145 lines): the stages (set-up of the shared
 * tables, the samples, the candidates for confidence, the confidence runs,
 * the totals) share one set of buffers freed at one label; split, each
 * piece would take most of them as arguments. */
styr_mcda_status styr_mcda_smaa(const styr_mcda_smaa_params *p, double *acceptability,
                                double *central, double *confidence, styr_error *err)
{
    styr_mcda_status st = check_params(p, acceptability, err);
    if (st != STYR_MCDA_OK)
        return st;
    const size_t n = p->n, m = p->m;
    smaa_shared sh = {
        .n = n, .m = m, .method = p->method, .cost = p->cost, .sampling = p->sampling,
        .spread = p->spread, .noise = p->value_noise,
        .rtol = p->rtol > 0.0 && isfinite(p->rtol) ? p->rtol : STYR_MCDA_TIE_RTOL,
        .seed = p->seed, .samples = p->samples,
    };
    smaa_slot slots[STYR_MCDA_SMAA_MAX_THREADS];
    unsigned nslots = 0;
    const uint64_t nchunks = (p->samples + STYR_MCDA_SMAA_CHUNK - 1) / STYR_MCDA_SMAA_CHUNK;
    unsigned nt = thread_count(p->threads);
    if (nt > nchunks)
        nt = nchunks ? (unsigned)nchunks : 1;   /* always one slot: run_stage reads slots[0] */

    /* Shared, read-only data in one block. */
    double *xc = malloc(3 * n * m * sizeof *xc);
    double *tmp = malloc(n * m * sizeof *tmp);
    double *cw = calloc(n * m, sizeof *cw);   // NOLINT(clang-analyzer-optin.portability.UnixAPI): n, m >= 1 (check_params)
    double *first = calloc(n, sizeof *first);
    double *conf = calloc(n, sizeof *conf);
    double *cand_w = malloc(n * m * sizeof *cand_w);
    double *centralw = malloc(m * sizeof *centralw);
    size_t *cand = malloc(n * sizeof *cand);
    bool *active = malloc(m * sizeof *active);
    if (!xc || !tmp || !cw || !first || !conf || !cand_w || !centralw || !cand || !active) {
        st = styr_mcda_fail(err, STYR_MCDA_E_NOMEM, "SMAA: out of memory");
        goto done;
    }
    for (size_t j = 0; j < m; j++)
        active[j] = !p->active || p->active[j];
    sh.active = active;
    if (p->sampling == STYR_MCDA_SAMPLE_SPREAD) {
        st = styr_mcda_weights_normalise(p->central, m, centralw, err);
        if (st != STYR_MCDA_OK)
            goto done;
        sh.central = centralw;
    }
    /* Column-major copies make the per-sample score loops contiguous. */
    if (p->method == STYR_MCDA_WEIGHTED_SUM) {
        memcpy(tmp, p->x, n * m * sizeof *tmp);
    } else {
        for (size_t j = 0; j < m && st == STYR_MCDA_OK; j++)
            st = styr_mcda_norm_vector(p->x, n, m, j, tmp, err);
        if (st != STYR_MCDA_OK)
            goto done;
    }
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < m; j++)
            xc[j * n + i] = tmp[i * m + j];
    sh.xc = xc;
    if (p->method == STYR_MCDA_TOPSIS) {
        double *pc = xc + n * m, *qc = xc + 2 * n * m;
        for (size_t j = 0; j < m; j++) {
            const double *col = xc + j * n;
            double hi = col[0], lo = col[0];
            for (size_t i = 1; i < n; i++) {
                if (col[i] > hi)
                    hi = col[i];
                if (col[i] < lo)
                    lo = col[i];
            }
            bool c = p->cost && p->cost[j];
            double b = c ? lo : hi, wo = c ? hi : lo;
            for (size_t i = 0; i < n; i++) {
                pc[j * n + i] = (col[i] - b) * (col[i] - b);
                qc[j * n + i] = (col[i] - wo) * (col[i] - wo);
            }
        }
        sh.pc = pc;
        sh.qc = qc;
    }
    for (; nslots < nt; nslots++)
        if (!slot_alloc(&slots[nslots], &sh)) {
            slot_free(&slots[nslots]);
            st = styr_mcda_fail(err, STYR_MCDA_E_NOMEM, "SMAA: out of memory");
            goto done;
        }

    uint64_t conf_total = 0;
    if (confidence)
        conf_total = p->value_noise > 0.0
                         ? (p->confidence_samples ? p->confidence_samples : p->samples)
                         : 1;
    progress_state ps = {.fn = p->progress, .ud = p->progress_ud,
                         .total = p->samples + (p->value_noise > 0.0 ? conf_total : 0)};
    memset(acceptability, 0, n * n * sizeof *acceptability);
    st = run_stage(slots, nt, 0, p->samples, acceptability, cw, first, NULL, &ps, err);
    if (st != STYR_MCDA_OK)
        goto done;
    /* Divide, not multiply by 1/samples: a certain rank stays exactly 1. */
    for (size_t q = 0; q < n * n; q++)
        acceptability[q] /= (double)p->samples;
    /* Central weights: mean weight vector of the first places. */
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < m; j++)
            cw[i * m + j] = first[i] > 0.0 ? cw[i * m + j] / first[i] : 0.0;
    if (central)
        memcpy(central, cw, n * m * sizeof *central);

    if (confidence) {
        size_t ncand = 0;
        for (size_t i = 0; i < n; i++)
            if (first[i] > 0.0) {
                cand[ncand] = i;
                memcpy(cand_w + ncand * m, cw + i * m, m * sizeof *cand_w);
                ncand++;
            }
        sh.cand = cand;
        sh.cand_w = cand_w;
        sh.ncand = ncand;
        sh.conf_samples = conf_total;
        unsigned nt2 = nt;
        uint64_t nchunks2 = (conf_total + STYR_MCDA_SMAA_CHUNK - 1) / STYR_MCDA_SMAA_CHUNK;
        if (nt2 > nchunks2)
            nt2 = (unsigned)nchunks2;
        /* A single unperturbed evaluation is not worth a progress report. */
        progress_state quiet = {.total = conf_total};
        st = run_stage(slots, nt2, 1, conf_total, NULL, NULL, NULL, conf,
                       p->value_noise > 0.0 ? &ps : &quiet, err);
        if (st != STYR_MCDA_OK)
            goto done;
        for (size_t i = 0; i < n; i++)
            confidence[i] = 0.0;
        for (size_t c = 0; c < ncand; c++)
            confidence[cand[c]] = conf[c] / (double)conf_total;
    }

done:
    for (unsigned t = 0; t < nslots; t++)
        slot_free(&slots[t]);
    free(xc);
    free(tmp);
    free(cw);
    free(first);
    free(conf);
    free(cand_w);
    free(centralw);
    free(cand);
    free(active);
    return st;
}
