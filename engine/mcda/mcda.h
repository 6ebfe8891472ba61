/* mcda.h - the numeric kernels of prioritisation: normalisation, weighted
 * sum, TOPSIS, AHP, ranking, SMAA sensitivity and budget selection.
 *
 * Plain C over flat arrays, testable without Lua. Conventions for every
 * function below:
 * - A decision matrix is n areas x m criteria, row-major: x[i*m + j].
 * - Each function returns a styr_mcda_status; results go to arrays or
 *   structs the caller provides. On failure the outputs are unspecified and
 *   err (which may be NULL) gets an English message naming the offending
 *   area, criterion or pair; err->code is STYR_E_NOMEM for
 *   STYR_MCDA_E_NOMEM, STYR_E_LIMIT for STYR_MCDA_E_RANGE and STYR_E_INPUT
 *   otherwise.
 * - NaN and infinities are rejected (STYR_MCDA_E_ARG); a pointer may be NULL
 *   only where the contract says so or when its length is 0.
 * - No global state: calls on distinct outputs may run in parallel.
 * Implementation: mcda_norm.c, mcda_aggregate.c, mcda_ahp.c, mcda_rank.c,
 * mcda_smaa.c, mcda_select.c.
 */
#ifndef STYR_MCDA_H
#define STYR_MCDA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"

/* ------------------------------------------------------------------ status */

typedef enum styr_mcda_status {
    STYR_MCDA_OK = 0,
    STYR_MCDA_E_ARG,        /* NULL pointer, bad size, non-finite number, index out of range */
    STYR_MCDA_E_WEIGHTS,    /* weights negative, non-finite or all zero */
    STYR_MCDA_E_SCALE,      /* a declared scale with hi <= lo */
    STYR_MCDA_E_MATRIX,     /* pairwise matrix not positive, not reciprocal, or judged twice differently */
    STYR_MCDA_E_INCOMPLETE, /* pairwise judgements missing for some pairs */
    STYR_MCDA_E_RANGE,      /* more criteria than the random-index table covers */
    STYR_MCDA_E_INFEASIBLE, /* the selection constraints cannot all hold */
    STYR_MCDA_E_CANCELLED,  /* the progress callback asked to stop */
    STYR_MCDA_E_NOMEM       /* out of memory */
} styr_mcda_status;

/* Returns a short constant name for st ("ok", "infeasible", ...); never NULL. */
const char *styr_mcda_status_name(styr_mcda_status st);

/* Fills err (if not NULL) with code mapped from st and the message; returns st. */
styr_mcda_status styr_mcda_fail(styr_error *err, styr_mcda_status st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
#ifdef __clang_analyzer__
/* The static analyser does not look into other files: tell it what the
 * function returns, or it follows error paths as if they succeeded. */
#define styr_mcda_fail(err, st, ...) (styr_mcda_fail((err), (st), __VA_ARGS__), (st))
#endif

/* ----------------------------------------------------------- normalisation */

/* Value given to every area by min-max when all areas have the same value on
 * a criterion (or there is one area). 0.5 because it is the only constant
 * that cost inversion (1 - v) leaves unchanged: a criterion that does not
 * discriminate then scores the same whether declared benefit or cost, and
 * as a constant it never changes a ranking. */
#define STYR_MCDA_CONSTANT_COLUMN 0.5

/* How one criterion is normalised by styr_mcda_normalise. */
typedef struct styr_mcda_criterion {
    const char *name; /* for messages; may be NULL */
    bool has_scale;   /* true: declared scale [lo, hi]; false: min-max over the areas */
    double lo, hi;    /* the declared scale; hi must be > lo */
    bool cost;        /* true: lower is better, inverted (1 - v) after normalising */
} styr_mcda_criterion;

/* Column j: out[i*m+j] = (x[i*m+j] - lo) / (hi - lo), not clamped (values
 * outside the scale are an upstream input error; they map outside [0, 1]).
 * hi <= lo gives STYR_MCDA_E_SCALE. out may equal x. */
styr_mcda_status styr_mcda_norm_scale(const double *x, size_t n, size_t m, size_t j,
                                      double lo, double hi, double *out, styr_error *err);

/* Column j: min-max over the n areas into [0, 1]; a constant column (or
 * n == 1) gives STYR_MCDA_CONSTANT_COLUMN. out may equal x. */
styr_mcda_status styr_mcda_norm_minmax(const double *x, size_t n, size_t m, size_t j,
                                       double *out, styr_error *err);

/* Column j: vector normalisation x / sqrt(sum of squares) as TOPSIS uses it;
 * an all-zero column gives 0. The sum is taken over the sorted squares so the
 * result does not depend on the order of the areas. out may equal x. */
styr_mcda_status styr_mcda_norm_vector(const double *x, size_t n, size_t m, size_t j,
                                       double *out, styr_error *err);

/* Column j in place: v = 1 - v (cost inversion, a separate step). */
styr_mcda_status styr_mcda_norm_invert(double *nx, size_t n, size_t m, size_t j, styr_error *err);

/* Every column by crit[j]: scale or min-max, then inversion for cost
 * criteria. out (n*m) may equal x. */
styr_mcda_status styr_mcda_normalise(const double *x, size_t n, size_t m,
                                     const styr_mcda_criterion *crit, double *out,
                                     styr_error *err);

/* ------------------------------------------------------------- aggregation */

/* out[j] = w[j] / sum(w); any negative or non-finite weight, or a sum of 0,
 * gives STYR_MCDA_E_WEIGHTS. out may equal w. */
styr_mcda_status styr_mcda_weights_normalise(const double *w, size_t m, double *out,
                                             styr_error *err);

/* score[i] = sum_j wn[j]*nx[i*m+j] with wn the normalised weights (so any
 * positive multiple of w gives the same scores); contrib (n*m, may be NULL)
 * gets each term wn[j]*nx[i*m+j], summed in j order into score. */
styr_mcda_status styr_mcda_weighted_sum(const double *nx, size_t n, size_t m, const double *w,
                                        double *score, double *contrib, styr_error *err);

/* TOPSIS on raw values x: vector normalisation per column (zero column -> 0),
 * weighted by the normalised w, ideal/anti-ideal per column by direction
 * (cost[j] true: lower is better; cost may be NULL = all benefit), Euclidean
 * distances d+ and d-, closeness d-/(d+ + d-) in [0, 1]. When d+ + d- == 0
 * (every area identical on every weighted criterion) closeness is 0.5, the
 * same neutral value as a constant min-max column. d_plus, d_minus (n) and
 * weighted (n*m, the weighted normalised values) may be NULL. */
styr_mcda_status styr_mcda_topsis(const double *x, size_t n, size_t m, const double *w,
                                  const bool *cost, double *closeness, double *d_plus,
                                  double *d_minus, double *weighted, styr_error *err);

/* --------------------------------------------------------------------- AHP */

#define STYR_MCDA_AHP_CR_WARN 0.10      /* CR above this is reported as a warning */
#define STYR_MCDA_AHP_RECIPROCITY_TOL 1e-6 /* default |a_ij*a_ji - 1| and |a_ii - 1| allowed */
#define STYR_MCDA_AHP_EPS 1e-12         /* power iteration stops when no weight moves more */
#define STYR_MCDA_AHP_MAX_ITER 10000    /* power iteration cap (reported as not converged) */

/* One judgement: criterion i is `value` times as important as criterion j. */
typedef struct styr_mcda_judgement {
    size_t i, j;
    double value;
} styr_mcda_judgement;

/* An ordered pair of indices (AHP pairs; selection requires/excludes). */
typedef struct styr_mcda_pair {
    size_t a, b;
} styr_mcda_pair;

typedef struct styr_mcda_ahp_result {
    double lambda_max; /* principal eigenvalue */
    double ci;         /* (lambda_max - n) / (n - 1), 0 for n <= 2, never below 0 */
    double ri;         /* random index for n (0 for n <= 2) */
    double cr;         /* ci / ri, 0 for n <= 2 */
    unsigned iterations;
    bool converged;    /* false: the iteration cap was hit; weights are the last iterate */
} styr_mcda_ahp_result;

/* Largest n the random-index table covers (15). */
size_t styr_mcda_ri_max(void);

/* *ri = random index for n criteria; n == 0 or n > styr_mcda_ri_max() gives
 * STYR_MCDA_E_RANGE. */
styr_mcda_status styr_mcda_ri(size_t n, double *ri, styr_error *err);

/* The published source of the random-index table, for reports. */
const char *styr_mcda_ri_source(void);

/* Checks the n*n row-major matrix a (a[i*n+j]: how much more important i is
 * than j): every entry finite and > 0, diagonal 1 and a_ij*a_ji = 1 within
 * tol (relative). The first offending pair goes to *bad (may be NULL) and
 * the message, with names[] (may be NULL) for the criteria. */
styr_mcda_status styr_mcda_ahp_check(const double *a, size_t n, double tol,
                                     const char *const *names, styr_mcda_pair *bad,
                                     styr_error *err);

/* AHP weights w (n, sum 1): checks a as styr_mcda_ahp_check, then the
 * principal right eigenvector by power iteration; fills res. n above the
 * random-index table gives STYR_MCDA_E_RANGE (nothing computed). */
styr_mcda_status styr_mcda_ahp(const double *a, size_t n, double tol, const char *const *names,
                               double *w, styr_mcda_ahp_result *res, styr_error *err);

/* Builds the reciprocal matrix a (n*n) from k judgements: a[i][j] = value,
 * a[j][i] = 1/value, diagonal 1. Every pair i<j needs a judgement (either
 * orientation); nothing is completed silently. Missing pairs give
 * STYR_MCDA_E_INCOMPLETE: *n_missing gets their count and missing (may be
 * NULL) the first missing_cap of them, in (i<j) order. A pair judged twice
 * inconsistently, i == j with a value other than 1, or a value <= 0 give
 * STYR_MCDA_E_MATRIX / STYR_MCDA_E_ARG. */
styr_mcda_status styr_mcda_ahp_matrix(size_t n, const styr_mcda_judgement *js, size_t k,
                                      const char *const *names, double *a,
                                      styr_mcda_pair *missing, size_t missing_cap,
                                      size_t *n_missing, styr_error *err);

/* The one judgement whose change lowers CR most (a hint for an
 * inconsistent matrix): a_ij (i < j) now `from`, suggested `to`, a value of
 * Saaty's scale 1/9, 1/8, ..., 1/2, 1, 2, ..., 9; CR `cr_before` becomes
 * `cr_after`. */
typedef struct styr_mcda_ahp_fix {
    size_t i, j;
    double from, to;
    double cr_before, cr_after;
} styr_mcda_ahp_fix;

/* For every pair i < j, tries every value of Saaty's scale in place of a_ij
 * (and its reciprocal in a_ji) and keeps the change that gives the lowest
 * CR; ties go to the first pair (row order), then the first value in scale
 * order. *found is false when no change lowers CR (n <= 2, or CR already as
 * low as one change can make it). a is checked as styr_mcda_ahp does. */
styr_mcda_status styr_mcda_ahp_best_fix(const double *a, size_t n, styr_mcda_ahp_fix *fix, bool *found,
                                        styr_error *err);

/* ----------------------------------------------------------------- ranking */

/* Scores within this relative distance of each other rank equal. */
#define STYR_MCDA_TIE_RTOL 1e-9

/* True when |a - b| <= rtol * max(|a|, |b|). */
bool styr_mcda_tied(double a, double b, double rtol);

/* Competition ranking ("1224"). Areas are sorted by score descending; a tie
 * group is every area whose score is tied (styr_mcda_tied) with the group's
 * highest score; all members get the rank 1 + (areas before the group).
 * order[k] (n, may be NULL) is the area shown at position k: by score, and
 * inside a tie group by strcmp of ids (ids may be NULL: by index), then by
 * index. rank[i] (n, may be NULL) is area i's rank, 1-based. */
styr_mcda_status styr_mcda_rank(const double *score, size_t n, const char *const *ids,
                                double rtol, size_t *order, size_t *rank, styr_error *err);

/* -------------------------------------------------------------------- SMAA */

/* Samples are processed in chunks of this many, each chunk with its own
 * random stream (seed, chunk index): the results depend on seed and sample
 * count only, never on the number of threads. */
#define STYR_MCDA_SMAA_CHUNK 2048
#define STYR_MCDA_SMAA_MAX_THREADS 8

typedef enum styr_mcda_method {
    STYR_MCDA_WEIGHTED_SUM = 0,
    STYR_MCDA_TOPSIS = 1
} styr_mcda_method;

typedef enum styr_mcda_sampling {
    /* Uniform on the simplex of the active criteria (Dirichlet(1), drawn as
     * normalised exponentials); inactive criteria weigh 0. */
    STYR_MCDA_SAMPLE_DIRICHLET = 0,
    /* Around central weights (normalised to sum 1 first): each active weight
     * uniform in [w - spread, w + spread] clipped at 0, inactive weights kept,
     * then all renormalised to sum 1 (so a weight may end slightly outside
     * the band). A draw whose weights are all 0 is redrawn (64 tries, then
     * the central weights are used). */
    STYR_MCDA_SAMPLE_SPREAD = 1
} styr_mcda_sampling;

/* Called from the calling thread about every 5% (at most ~21 times per
 * run); return non-zero to stop the run with STYR_MCDA_E_CANCELLED. */
typedef int (*styr_mcda_progress_fn)(void *ud, uint64_t done, uint64_t total);

typedef struct styr_mcda_smaa_params {
    styr_mcda_method method;
    const double *x;   /* n*m: normalised values (weighted sum) or raw values (TOPSIS) */
    size_t n, m;       /* n >= 1 areas, m >= 1 criteria */
    const bool *cost;  /* TOPSIS only: m directions (true = lower is better); NULL = all benefit */
    styr_mcda_sampling sampling;
    const bool *active;     /* m, or NULL = every criterion varies */
    const double *central;  /* m relative weights (SPREAD only) */
    double spread;          /* SPREAD: >= 0, in units of normalised weight */
    double value_noise;     /* >= 0: confidence factors perturb normalised values by U(-v, v) */
    uint64_t samples;       /* >= 1 weight samples */
    uint64_t confidence_samples; /* with value_noise > 0; 0 = same as samples */
    uint64_t seed;
    unsigned threads;       /* 0 = online CPUs (capped at STYR_MCDA_SMAA_MAX_THREADS) */
    double rtol;            /* tie tolerance inside a sample; <= 0 = STYR_MCDA_TIE_RTOL */
    styr_mcda_progress_fn progress; /* may be NULL */
    void *progress_ud;
} styr_mcda_smaa_params;

/* Rank acceptability analysis. Outputs (caller-provided):
 * - acceptability (n*n, required): [i*n + r] = share of samples in which area
 *   i holds rank r+1. Areas tied in a sample share their ranks equally (a
 *   group of t tied areas from rank r each get 1/t of ranks r..r+t-1), so
 *   every row and every column sums to 1.
 * - central (n*m, may be NULL): mean weight vector of the samples in which
 *   area i ranked first (weighted by its share of a tied first place); a
 *   zero row if it never did.
 * - confidence (n, may be NULL): share of evaluations in which area i is
 *   first when its central weights are used and the (normalised) values are
 *   perturbed by U(-value_noise, value_noise) per entry; with value_noise 0
 *   a single unperturbed evaluation, so 1 or 0 (1/t if tied for first).
 *   Areas never first get 0.
 * Memory is O(threads * n*n). */
styr_mcda_status styr_mcda_smaa(const styr_mcda_smaa_params *p, double *acceptability,
                                double *central, double *confidence, styr_error *err);

/* The seeded generator (xoshiro256**, seeded through splitmix64). */
typedef struct styr_mcda_rng {
    uint64_t s[4];
} styr_mcda_rng;

/* Seeds r for the given seed and independent stream number. */
void styr_mcda_rng_seed(styr_mcda_rng *r, uint64_t seed, uint64_t stream);

/* Next 64 random bits. */
uint64_t styr_mcda_rng_next(styr_mcda_rng *r);

/* Uniform double in [0, 1) with 53 random bits. */
double styr_mcda_rng_uniform(styr_mcda_rng *r);

/* w (m) = a Dirichlet(1) draw over the active criteria (active NULL = all),
 * 0 for inactive ones; at least one criterion must be active. */
void styr_mcda_dirichlet1(styr_mcda_rng *r, size_t m, const bool *active, double *w);

/* --------------------------------------------------------- budget selection */

/* Default node cap of the branch and bound (see styr_mcda_select). */
#define STYR_MCDA_SELECT_MAX_NODES 2000000u

typedef struct styr_mcda_select_problem {
    size_t n;
    const double *cost;  /* n, finite, >= 0 (SEK) */
    const double *score; /* n, finite, >= 0 */
    const char *const *ids; /* n names for messages; may be NULL (#index) */
    const size_t *include; size_t n_include; /* forced in */
    const size_t *exclude; size_t n_exclude; /* forced out */
    const styr_mcda_pair *needs; size_t n_needs;         /* area a requires area b */
    const styr_mcda_pair *conflicts; size_t n_conflicts; /* a and b never both chosen */
    uint64_t max_nodes; /* 0 = STYR_MCDA_SELECT_MAX_NODES */
    bool swedish;       /* why a selection is impossible, in Swedish (else English) */
} styr_mcda_select_problem;

typedef struct styr_mcda_selection {
    double total_score;  /* sum of score of the chosen areas, in index order */
    double total_cost;   /* sum of cost of the chosen areas, in index order */
    size_t n_chosen;
    bool proven_optimal; /* false: the node cap was hit; the best found is returned */
    uint64_t nodes;      /* branch-and-bound nodes visited */
} styr_mcda_selection;

/* Chooses the areas of maximal total score with total cost <= budget,
 * honouring include, exclude, needs (transitively; cycles mean all-or-none)
 * and conflicts. Exact: depth-first branch and bound over the areas of
 * positive score, every decision propagated through needs and conflicts,
 * bounded by a fractional knapsack with Lagrangian multipliers for needs and
 * conflicts (a valid relaxation for any multipliers; they are tuned at the
 * root by subgradient steps), with root fixing by that bound. Hitting
 * max_nodes stops the search deterministically with proven_optimal false. Optimal within a
 * relative 1e-12 of the total score; among equal selections the first found
 * wins, which depends on area order for exact ties (pass areas sorted by id
 * for an order-free answer). chosen (n) gets 1 for chosen areas, else 0.
 * Impossible constraints give STYR_MCDA_E_INFEASIBLE with a message naming
 * the areas and why (forced in and out, a forced-in area requiring a
 * forced-out one or conflicting with another, or the areas that must be
 * chosen costing more than the budget). */
styr_mcda_status styr_mcda_select(const styr_mcda_select_problem *p, double budget,
                                  unsigned char *chosen, styr_mcda_selection *sel,
                                  styr_error *err);

typedef struct styr_mcda_frontier_point {
    double budget;
    double total_score, total_cost;
    size_t n_chosen;
    bool feasible;       /* false: what must be chosen costs more than this budget */
    bool proven_optimal;
} styr_mcda_frontier_point;

/* Efficient frontier: the best selection at each of k budgets (any order),
 * as styr_mcda_select; a budget too small for the forced areas gives a
 * point with feasible false, while constraints impossible at any budget give
 * STYR_MCDA_E_INFEASIBLE for the whole call. */
styr_mcda_status styr_mcda_select_frontier(const styr_mcda_select_problem *p,
                                           const double *budgets, size_t k,
                                           styr_mcda_frontier_point *pts, styr_error *err);

#endif
