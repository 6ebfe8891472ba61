/* mcda_select.c - exact budget selection (a knapsack with force-in,
 * force-out, requires and excludes) by branch and bound, its infeasibility
 * explanations, and the efficient frontier over several budgets.
 *
 * The search: every decision (area in or out) is propagated at once: in
 * pulls in what the area requires and pushes out what it conflicts with; out
 * pushes out what requires it. An assignment closed under propagation, with
 * every undecided area left out, is always a feasible selection, so each
 * node is a candidate solution. Only areas of positive score are branched
 * on. The bound is Lagrangian: each "a requires b" (x_a <= x_b) and each
 * conflict (x_a + x_b <= 1) moves into the objective with a multiplier >= 0
 * (score moves from a to b, or a penalty on both plus a constant), and what
 * is left is a plain fractional knapsack, solved by ratio order. For any
 * multipliers this is >= the best feasible completion, so pruning by it is
 * exact; the multipliers are chosen once at the root by subgradient descent
 * so that the bound is nearly the LP bound with the constraints. Before the
 * search two greedy passes give an incumbent, and every area whose
 * inclusion (or exclusion) cannot beat it by the bound is fixed the other
 * way. The depth-first search is iterative (no recursion) and stops after
 * max_nodes nodes, reporting "not proven optimal". */
#include "mcda.h"
#include "message.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define UNKNOWN (-1)

/* Why an area got its value (kept for the infeasibility messages). */
enum {
    WHY_NONE,
    WHY_FORCED_IN,   /* in the include list */
    WHY_FORCED_OUT,  /* in the exclude list */
    WHY_SELF,        /* conflicts with itself */
    WHY_REQUIRED_BY, /* from requires it and from is in */
    WHY_EXCLUDED_BY, /* it conflicts with from, which is in */
    WHY_NEEDS,       /* it requires from, which is out */
    WHY_SEARCH       /* a decision of the search */
};

/* What undo restores: the trail length and the running sums. */
typedef struct snap {
    size_t mark;
    double used, value, lvalue;
} snap;

typedef struct level {
    size_t pos, item, first;
    snap at;
    int stage; /* 0: the "in" branch is being explored, 1: the "out" branch */
} level;

typedef struct sel {
    size_t n;
    const double *cost, *score;
    const char *const *ids;
    const styr_mcda_select_problem *p;
    double budget;
    bool check_budget;
    size_t *req_off, *req; /* areas that i requires */
    size_t *dep_off, *dep; /* areas that require i */
    size_t *exc_off, *exc; /* areas i conflicts with */
    bool *self_conflict;
    signed char *val;
    unsigned char *why;
    size_t *from;
    size_t *trail;
    size_t ntrail;
    double used, value; /* cost and score of the areas decided in */
    double lvalue;      /* their Lagrangian scores */
    double *lscore;     /* score adjusted by the multipliers (see lagrange) */
    double lconst;      /* the multipliers' constant term */
    /* the last conflict: assigning cval to cvar for (cwhy, cfrom) failed */
    size_t cvar, cfrom;
    int cval;
    unsigned char cwhy;
    bool over;
    size_t *ord;
    size_t nord;
    unsigned char *best;
    double best_value;
    level *lv;
    size_t *chain; /* scratch for messages */
    double *mult;  /* multipliers: needs first, then conflicts; then the best ones */
    double *xfrac; /* the relaxation's solution during the multiplier search */
} sel;

/* ------------------------------------------------------------ propagation */

static bool set_var(sel *s, size_t i, int v, unsigned char why, size_t from)
{
    if (s->val[i] == v)
        return true;
    if (s->val[i] != UNKNOWN) {
        s->cvar = i;
        s->cval = v;
        s->cwhy = why;
        s->cfrom = from;
        s->over = false;
        return false;
    }
    s->val[i] = (signed char)v;
    s->why[i] = why;
    s->from[i] = from;
    s->trail[s->ntrail++] = i;
    if (v == 1) {
        s->used += s->cost[i];
        s->value += s->score[i];
        s->lvalue += s->lscore[i];
        if (s->check_budget && s->used > s->budget) {
            s->over = true;
            return false;
        }
    }
    return true;
}

/* Propagates every assignment on the trail from head on; false on conflict. */
static bool propagate(sel *s, size_t head)
{
    while (head < s->ntrail) {
        size_t i = s->trail[head++];
        if (s->val[i] == 1) {
            for (size_t k = s->req_off[i]; k < s->req_off[i + 1]; k++)
                if (!set_var(s, s->req[k], 1, WHY_REQUIRED_BY, i))
                    return false;
            for (size_t k = s->exc_off[i]; k < s->exc_off[i + 1]; k++)
                if (!set_var(s, s->exc[k], 0, WHY_EXCLUDED_BY, i))
                    return false;
        } else {
            for (size_t k = s->dep_off[i]; k < s->dep_off[i + 1]; k++)
                if (!set_var(s, s->dep[k], 0, WHY_NEEDS, i))
                    return false;
        }
    }
    return true;
}

static snap save(const sel *s)
{
    return (snap){s->ntrail, s->used, s->value, s->lvalue};
}

static void undo(sel *s, snap at)
{
    while (s->ntrail > at.mark)
        s->val[s->trail[--s->ntrail]] = UNKNOWN;
    s->used = at.used;
    s->value = at.value;
    s->lvalue = at.lvalue;
}

/* Decides i = v and propagates; false (with the state unchanged) on conflict. */
static bool decide(sel *s, size_t i, int v)
{
    snap at = save(s);
    if (set_var(s, i, v, WHY_SEARCH, i) && propagate(s, at.mark))
        return true;
    undo(s, at);
    return false;
}

/* ----------------------------------------------------------------- messages */

typedef struct sbuf {
    char b[900];
    size_t len;
    bool full;   /* cut: later parts add nothing */
} sbuf;

__attribute__((format(printf, 2, 3))) static void sb_add(sbuf *sb, const char *fmt, ...)
{
    if (sb->full)
        return;
    va_list ap;
    va_start(ap, fmt);
    int w = vsnprintf(sb->b + sb->len, sizeof sb->b - sb->len, fmt, ap);
    va_end(ap);
    if (w < 0)
        return;
    if (sb->len + (size_t)w < sizeof sb->b) {   /* it fits with its NUL */
        sb->len += (size_t)w;
        return;
    }
    /* Cut: say so with "...", never inside a character (an id may hold å or an emoji). */
    size_t at = sizeof sb->b - 4;
    while (at > 0 && ((unsigned char)sb->b[at] & 0xC0) == 0x80)
        at--;
    memcpy(sb->b + at, "...", 4);
    sb->len = at + 3;
    sb->full = true;
}

static const char *area_name(const sel *s, size_t i, char *buf, size_t cap)
{
    if (s->ids && s->ids[i])
        return s->ids[i];
    snprintf(buf, cap, "#%zu", i);
    return buf;
}

#define NAME(i) area_name(s, (i), nb, sizeof nb)
/* A message part in the language the caller asked for. */
#define SV(sv, en) (s->p->swedish ? (sv) : (en))

/* "'a' is forced in and requires 'b', which requires 'x'" for x = 1. */
static void describe_in(const sel *s, sbuf *sb, size_t x, unsigned char why, size_t from)
{
    char nb[32];
    size_t len = 0;
    s->chain[len++] = x;
    while (why == WHY_REQUIRED_BY && len <= s->n) {
        s->chain[len++] = from;
        why = s->why[from];
        from = s->from[from];
    }
    size_t root = s->chain[len - 1];
    sb_add(sb, why == WHY_FORCED_IN ? SV("'%s' tvingas in", "'%s' is forced in") : SV("'%s' väljs", "'%s' is chosen"),
           NAME(root));
    for (size_t k = len - 1; k-- > 0;) {
        /* long chains: the two links after the root and the last three */
        if (len > 8 && k < len - 3 && k > 2) {
            if (k == len - 4)
                sb_add(sb, SV(", ... (%zu till)", ", ... (%zu more)"), len - 6);
            continue;
        }
        sb_add(sb, k == len - 2 ? SV(" och kräver '%s'", " and requires '%s'") : SV(", som kräver '%s'", ", which requires '%s'"),
               NAME(s->chain[k]));
    }
}

/* Why x cannot be chosen, following "requires an area that is out" links. */
static void describe_out(const sel *s, sbuf *sb, size_t x, unsigned char why, size_t from)
{
    char nb[32];
    for (size_t steps = 0; steps <= s->n; steps++) {
        switch (why) {
        case WHY_FORCED_OUT:
            sb_add(sb, SV("'%s' tvingas ut", "'%s' is forced out"), NAME(x));
            return;
        case WHY_SELF:
            sb_add(sb, SV("'%s' anges utesluta sig själv", "'%s' is declared to exclude itself"), NAME(x));
            return;
        case WHY_EXCLUDED_BY:
            sb_add(sb, SV("'%s' kan inte väljas tillsammans med ", "'%s' cannot be chosen together with "), NAME(x));
            sb_add(sb, SV("'%s', och ", "'%s', and "), NAME(from));
            describe_in(s, sb, from, s->why[from], s->from[from]);
            return;
        case WHY_NEEDS:
            if (steps < 6) {
                sb_add(sb, SV("'%s' kräver ", "'%s' requires "), NAME(x));
                sb_add(sb, "'%s'; ", NAME(from));
            } else if (steps == 6) {
                sb_add(sb, "...; ");
            }
            x = from;
            why = s->why[x];
            from = s->from[x];
            break;
        default:
            sb_add(sb, SV("'%s' lämnas utanför", "'%s' is left out"), NAME(x));
            return;
        }
    }
}

static styr_mcda_status conflict_message(const sel *s, styr_error *err)
{
    char nb[32];
    sbuf sb = {.len = 0};
    size_t x = s->cvar;
    unsigned char in_why = s->cval == 1 ? s->cwhy : s->why[x];
    size_t in_from = s->cval == 1 ? s->cfrom : s->from[x];
    unsigned char out_why = s->cval == 1 ? s->why[x] : s->cwhy;
    size_t out_from = s->cval == 1 ? s->from[x] : s->cfrom;
    if (in_why == WHY_FORCED_IN && out_why == WHY_FORCED_OUT) {
        sb_add(&sb, SV("'%s' tvingas både in (include) och ut (exclude)", "'%s' is both included and excluded"), NAME(x));
    } else {
        sb_add(&sb, SV("'%s' måste väljas (", "'%s' must be chosen ("), NAME(x));
        describe_in(s, &sb, x, in_why, in_from);
        sb_add(&sb, SV(") men kan inte väljas (", ") but cannot be ("));
        describe_out(s, &sb, x, out_why, out_from);
        sb_add(&sb, ")");
    }
    return styr_mcda_fail(err, STYR_MCDA_E_INFEASIBLE, SV("omöjligt urval: %s", "impossible selection: %s"), sb.b);
}

/* SEK amounts: whole kronor when whole, else with öre; in Swedish as a
 * Swedish reader writes them ("2 500 000 kr", "1 250,50 kr"). */
static void sb_sek(const sel *s, sbuf *sb, double v)
{
    int whole = v == floor(v) && fabs(v) < 1e15;
    if (!s->p->swedish) {
        sb_add(sb, whole ? "%.0f SEK" : "%.2f SEK", v);
        return;
    }
    char buf[64];
    double ore = whole ? 0 : round(v * 100);   /* in öre, so 0.995 rounds up into the krona */
    styr_format_thousands(buf, sizeof buf, whole ? v : floor(ore / 100), "\xC2\xA0");
    if (whole)
        sb_add(sb, "%s kr", buf);
    else
        sb_add(sb, "%s,%02d kr", buf, (int)fmod(ore, 100));
}

static styr_mcda_status budget_message(const sel *s, styr_error *err)
{
    char nb[32];
    sbuf sb = {.len = 0};
    sb_add(&sb, SV("områdena som måste väljas kostar ", "the areas that must be chosen cost "));
    sb_sek(s, &sb, s->used);
    sb_add(&sb, SV(", mer än budgeten på ", ", more than the budget of "));
    sb_sek(s, &sb, s->budget);
    for (int pass = 0; pass < 2; pass++) {
        unsigned char want = pass == 0 ? WHY_FORCED_IN : WHY_REQUIRED_BY;
        size_t shown = 0, total = 0;
        for (size_t i = 0; i < s->n; i++)
            if (s->val[i] == 1 && s->why[i] == want) {
                if (shown < 8) {
                    if (shown == 0)
                        sb_add(&sb, pass == 0 ? SV(": tvingas in ", ": forced in ") : SV("; som de kräver ", "; required by them "));
                    sb_add(&sb, "%s'%s'", shown ? ", " : "", NAME(i));
                    shown++;
                }
                total++;
            }
        if (total > shown)
            sb_add(&sb, SV(" och %zu till", " and %zu more"), total - shown);
    }
    return styr_mcda_fail(err, STYR_MCDA_E_INFEASIBLE, SV("omöjligt urval: %s", "impossible selection: %s"), sb.b);
}

/* ------------------------------------------------------------ set-up */

static void sel_free(sel *s)
{
    free(s->req_off);
    free(s->req);
    free(s->dep_off);
    free(s->dep);
    free(s->exc_off);
    free(s->exc);
    free(s->self_conflict);
    free(s->val);
    free(s->why);
    free(s->from);
    free(s->trail);
    free(s->ord);
    free(s->best);
    free(s->lv);
    free(s->chain);
    free(s->lscore);
    free(s->mult);
    free(s->xfrac);
    memset(s, 0, sizeof *s);   /* a second sel_free is harmless */
}

/* CSR adjacency from pairs (a, b): forward adds a -> b, backward b -> a.
 * Self pairs are skipped. */
static bool build_csr(size_t n, const styr_mcda_pair *pr, size_t np, bool forward, bool backward,
                      size_t **off_out, size_t **adj_out)
{
    size_t *off = calloc(n + 2, sizeof *off);
    size_t total = 0;
    if (!off)
        return false;
    for (size_t k = 0; k < np; k++) {
        if (pr[k].a == pr[k].b)
            continue;
        if (forward) {
            off[pr[k].a + 2]++;
            total++;
        }
        if (backward) {
            off[pr[k].b + 2]++;
            total++;
        }
    }
    for (size_t i = 0; i < n; i++)
        off[i + 2] += off[i + 1];
    size_t *adj = malloc((total ? total : 1) * sizeof *adj);
    if (!adj) {
        free(off);
        return false;
    }
    for (size_t k = 0; k < np; k++) {
        if (pr[k].a == pr[k].b)
            continue;
        if (forward)
            adj[off[pr[k].a + 1]++] = pr[k].b;
        if (backward)
            adj[off[pr[k].b + 1]++] = pr[k].a;
    }
    /* off[i + 1] is now the end of i's list and so off[i] its start */
    *off_out = off;
    *adj_out = adj;
    return true;
}

static styr_mcda_status sel_init(sel *s, const styr_mcda_select_problem *p, styr_error *err)
{
    memset(s, 0, sizeof *s);
    if (!p)
        return styr_mcda_fail(err, STYR_MCDA_E_ARG, "selection: NULL problem");
    const size_t n = p->n;
    if (n > 0 && (!p->cost || !p->score))
        return styr_mcda_fail(err, STYR_MCDA_E_ARG, "selection: NULL cost or score");
    if ((p->n_include && !p->include) || (p->n_exclude && !p->exclude) ||
        (p->n_needs && !p->needs) || (p->n_conflicts && !p->conflicts))
        return styr_mcda_fail(err, STYR_MCDA_E_ARG, "selection: NULL constraint list");
    s->n = n;
    s->p = p;
    s->cost = p->cost;
    s->score = p->score;
    s->ids = p->ids;
    char nb[32];
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(p->cost[i]) || p->cost[i] < 0.0)
            return styr_mcda_fail(err, STYR_MCDA_E_ARG,
                                  "area '%s': cost %g must be a finite number >= 0", NAME(i),
                                  p->cost[i]);
        if (!isfinite(p->score[i]) || p->score[i] < 0.0)
            return styr_mcda_fail(err, STYR_MCDA_E_ARG,
                                  "area '%s': score %g must be a finite number >= 0", NAME(i),
                                  p->score[i]);
    }
    for (size_t k = 0; k < p->n_include; k++)
        if (p->include[k] >= n)
            return styr_mcda_fail(err, STYR_MCDA_E_ARG, "include: area index %zu out of range",
                                  p->include[k]);
    for (size_t k = 0; k < p->n_exclude; k++)
        if (p->exclude[k] >= n)
            return styr_mcda_fail(err, STYR_MCDA_E_ARG, "exclude: area index %zu out of range",
                                  p->exclude[k]);
    for (size_t k = 0; k < p->n_needs; k++)
        if (p->needs[k].a >= n || p->needs[k].b >= n)
            return styr_mcda_fail(err, STYR_MCDA_E_ARG, "requires: area index out of range");
    for (size_t k = 0; k < p->n_conflicts; k++)
        if (p->conflicts[k].a >= n || p->conflicts[k].b >= n)
            return styr_mcda_fail(err, STYR_MCDA_E_ARG, "excludes: area index out of range");
    const size_t nn = n ? n : 1;
    bool ok = build_csr(n, p->needs, p->n_needs, true, false, &s->req_off, &s->req) &&
              build_csr(n, p->needs, p->n_needs, false, true, &s->dep_off, &s->dep) &&
              build_csr(n, p->conflicts, p->n_conflicts, true, true, &s->exc_off, &s->exc);
    s->self_conflict = calloc(nn, sizeof *s->self_conflict);
    s->val = malloc(nn * sizeof *s->val);
    s->why = malloc(nn * sizeof *s->why);
    s->from = malloc(nn * sizeof *s->from);
    s->trail = malloc(nn * sizeof *s->trail);
    s->ord = malloc(nn * sizeof *s->ord);
    s->best = malloc(nn * sizeof *s->best);
    s->lv = malloc((nn + 1) * sizeof *s->lv);
    s->chain = malloc((nn + 1) * sizeof *s->chain);
    s->lscore = malloc(nn * sizeof *s->lscore);
    s->xfrac = malloc(nn * sizeof *s->xfrac);
    s->mult = malloc((p->n_needs + p->n_conflicts + 1) * 2 * sizeof *s->mult);
    if (!ok || !s->self_conflict || !s->val || !s->why || !s->from || !s->trail || !s->ord ||
        !s->best || !s->lv || !s->chain || !s->lscore || !s->xfrac || !s->mult) {
        sel_free(s);
        return styr_mcda_fail(err, STYR_MCDA_E_NOMEM, "selection: out of memory");
    }
    for (size_t k = 0; k < p->n_conflicts; k++)
        if (p->conflicts[k].a == p->conflicts[k].b)
            s->self_conflict[p->conflicts[k].a] = true;
    return STYR_MCDA_OK;
}

/* ------------------------------------------------------------ the search */

/* Subgradient steps spent on the multipliers at the root. */
#define LAGRANGE_ITER 100

typedef struct ratio_item {
    double ratio;
    size_t index;
} ratio_item;

static int cmp_ratio(const void *pa, const void *pb)
{
    const ratio_item *a = pa, *b = pb;
    if (a->ratio != b->ratio)
        return a->ratio > b->ratio ? -1 : 1;
    return (a->index > b->index) - (a->index < b->index);
}

static double ratio_of(double v, double c)
{
    if (c > 0.0)
        return v / c;
    return v > 0.0 ? INFINITY : v < 0.0 ? -INFINITY : 0.0;
}

/* s->ord = the undecided areas by v/cost, best first (ties by index). */
static void order_by(sel *s, const double *v, ratio_item *ri)
{
    s->nord = 0;
    for (size_t i = 0; i < s->n; i++)
        if (s->val[i] == UNKNOWN) {
            ri[s->nord].ratio = ratio_of(v[i], s->cost[i]);
            ri[s->nord].index = i;
            s->nord++;
        }
    qsort(ri, s->nord, sizeof *ri, cmp_ratio);
    for (size_t k = 0; k < s->nord; k++)
        s->ord[k] = ri[k].index;
}

/* The bound: the multipliers' constant, the Lagrangian scores of what is
 * decided in, and the fractional knapsack of the undecided areas from
 * ord[from] on (every undecided area before it must be decided). With
 * x_a <= x_b (a requires b) and x_a + x_b <= 1 (conflicts) moved into the
 * objective with multipliers >= 0, it is >= the score of every feasible
 * completion. xfrac (may be NULL) gets the relaxation's solution. */
static double bound(const sel *s, size_t from, double *xfrac)
{
    double cap = s->budget - s->used, b = s->lconst + s->lvalue;
    size_t k = from;
    for (; k < s->nord; k++) {
        size_t i = s->ord[k];
        if (s->val[i] != UNKNOWN)
            continue;
        double ls = s->lscore[i], c = s->cost[i];
        if (!(ls > 0.0))
            break; /* ord is by ratio: nothing after this adds */
        if (c <= cap) {
            cap -= c;
            b += ls;
            if (xfrac)
                xfrac[i] = 1.0;
        } else {
            b += ls * (cap / c); /* c > cap >= 0 */
            if (xfrac)
                xfrac[i] = cap / c;
            k++;
            break;
        }
    }
    if (xfrac)
        for (; k < s->nord; k++)
            xfrac[s->ord[k]] = 0.0;
    return b;
}

/* Improvements below a relative 1e-12 are rounding, not better selections. */
static bool improves(double v, double best)
{
    return v > best + 1e-12 * best;
}

static void save_incumbent(sel *s)
{
    s->best_value = s->value;
    for (size_t i = 0; i < s->n; i++)
        s->best[i] = s->val[i] == 1;
}

/* Greedy in ord order: take every area of positive score that still fits
 * with what it requires; keep the result if it beats the incumbent. */
static void greedy(sel *s)
{
    snap at = save(s);
    for (size_t k = 0; k < s->nord; k++)
        if (s->val[s->ord[k]] == UNKNOWN && s->score[s->ord[k]] > 0.0)
            decide(s, s->ord[k], 1);
    if (improves(s->value, s->best_value))
        save_incumbent(s);
    undo(s, at);
}

/* Lagrangian scores for multipliers mu (needs, then conflicts); a pair
 * counts only when both its areas are undecided and distinct. */
static void apply_multipliers(sel *s, const double *mu)
{
    const styr_mcda_select_problem *p = s->p;
    memcpy(s->lscore, s->score, s->n * sizeof *s->lscore);
    s->lconst = 0.0;
    for (size_t k = 0; k < p->n_needs; k++) {
        size_t a = p->needs[k].a, b = p->needs[k].b;
        if (a != b && s->val[a] == UNKNOWN && s->val[b] == UNKNOWN) {
            s->lscore[a] -= mu[k]; /* mu * (x_b - x_a) >= 0 when feasible */
            s->lscore[b] += mu[k];
        }
    }
    for (size_t k = 0; k < p->n_conflicts; k++) {
        size_t a = p->conflicts[k].a, b = p->conflicts[k].b;
        double nu = mu[p->n_needs + k];
        if (a != b && s->val[a] == UNKNOWN && s->val[b] == UNKNOWN) {
            s->lscore[a] -= nu; /* nu * (1 - x_a - x_b) >= 0 when feasible */
            s->lscore[b] -= nu;
            s->lconst += nu;
        }
    }
}

/* The slack of pair k (needs first, then conflicts) at the relaxation's
 * solution xfrac, its subgradient: x_b - x_a for "a needs b", 1 - x_a - x_b
 * for "a excludes b". False when the pair is fixed or names one area twice,
 * so it has no multiplier to move. */
static bool pair_slack(const sel *s, size_t k, double *g)
{
    const styr_mcda_select_problem *p = s->p;
    bool need = k < p->n_needs;
    const styr_mcda_pair *pr = need ? &p->needs[k] : &p->conflicts[k - p->n_needs];
    if (pr->a == pr->b || s->val[pr->a] != UNKNOWN || s->val[pr->b] != UNKNOWN)
        return false;
    *g = need ? s->xfrac[pr->b] - s->xfrac[pr->a] : 1.0 - s->xfrac[pr->a] - s->xfrac[pr->b];
    return true;
}

/* Chooses multipliers that lower the root bound by subgradient descent
 * (Polyak steps towards the incumbent), leaves the best ones applied and
 * ord sorted by them; returns the root bound. */
static double lagrange(sel *s, ratio_item *ri)
{
    const styr_mcda_select_problem *p = s->p;
    const size_t nm = p->n_needs + p->n_conflicts;
    double *mu = s->mult, *best = s->mult + nm;
    for (size_t k = 0; k < nm; k++)
        mu[k] = best[k] = 0.0;
    double best_bound = INFINITY, theta = 1.0;
    int stall = 0;
    for (int it = 0; it < LAGRANGE_ITER && nm > 0; it++) {
        apply_multipliers(s, mu);
        order_by(s, s->lscore, ri);
        double L = bound(s, 0, s->xfrac);
        if (it == 0 || L < best_bound - 1e-12 * fabs(best_bound)) {
            best_bound = L;
            memcpy(best, mu, nm * sizeof *mu);
            stall = 0;
        } else if (++stall >= 5) {
            theta *= 0.5;
            stall = 0;
        }
        if (!improves(best_bound, s->best_value) || theta < 1e-4)
            break;
        double norm2 = 0.0, g;
        for (size_t k = 0; k < nm; k++)
            if (pair_slack(s, k, &g) && (g < 0.0 || mu[k] > 0.0)) /* only moves that can change mu */
                norm2 += g * g;
        if (norm2 == 0.0)
            break; /* the relaxation meets every pair: nothing to gain */
        double step = theta * (L - s->best_value) / norm2;
        for (size_t k = 0; k < nm; k++) {
            if (!pair_slack(s, k, &g))
                continue;
            double v = mu[k] - step * g;
            mu[k] = v > 0.0 ? v : 0.0;
        }
    }
    apply_multipliers(s, best);
    order_by(s, s->lscore, ri);
    double L = bound(s, 0, NULL);
    return L < best_bound ? L : best_bound;
}

/* Root propagation; on infeasibility *budget_only tells whether a larger
 * budget would help. */
static styr_mcda_status root(sel *s, double budget, bool *budget_only, styr_error *err)
{
    const styr_mcda_select_problem *p = s->p;
    *budget_only = false;
    s->budget = budget;
    s->check_budget = false;
    s->ntrail = 0;
    s->used = s->value = s->lvalue = s->lconst = 0.0;
    for (size_t i = 0; i < s->n; i++) {
        s->val[i] = UNKNOWN;
        s->why[i] = WHY_NONE;
        s->from[i] = i;
        s->lscore[i] = s->score[i];
    }
    for (size_t i = 0; i < s->n; i++)
        if (s->self_conflict[i])
            set_var(s, i, 0, WHY_SELF, i);
    for (size_t k = 0; k < p->n_exclude; k++)
        set_var(s, p->exclude[k], 0, WHY_FORCED_OUT, p->exclude[k]);
    for (size_t k = 0; k < p->n_include; k++)
        if (!set_var(s, p->include[k], 1, WHY_FORCED_IN, p->include[k]))
            return conflict_message(s, err);
    if (!propagate(s, 0))
        return conflict_message(s, err);
    if (s->used > s->budget) {
        *budget_only = true;
        return budget_message(s, err);
    }
    s->check_budget = true;
    return STYR_MCDA_OK;
}

static styr_mcda_status solve(sel *s, double budget, unsigned char *chosen,
                              styr_mcda_selection *out, bool *budget_only, styr_error *err)
{
    if (isnan(budget) || budget < 0.0)
        return styr_mcda_fail(err, STYR_MCDA_E_ARG, "budget %g must be a number >= 0", budget);
    styr_mcda_status st = root(s, budget, budget_only, err);
    if (st != STYR_MCDA_OK)
        return st;
    const uint64_t max_nodes = s->p->max_nodes ? s->p->max_nodes : STYR_MCDA_SELECT_MAX_NODES;
    uint64_t nodes = 0;
    bool proven = true;
    ratio_item *ri = malloc((s->n ? s->n : 1) * sizeof *ri);
    if (!ri)
        return styr_mcda_fail(err, STYR_MCDA_E_NOMEM, "selection: out of memory");
    const snap root_at = save(s);

    /* Incumbent: the forced areas alone, then greedy by score/cost. */
    save_incumbent(s);
    order_by(s, s->score, ri);
    greedy(s);
    /* Multipliers for requires and excludes tighten the bound; the greedy
     * in their order often finds a better incumbent too. */
    double root_bound = lagrange(s, ri);
    greedy(s);
    bool done = !improves(root_bound, s->best_value);

    /* Root fixing by the bound: an area whose inclusion cannot beat the
     * incumbent is left out; one whose exclusion cannot is taken. */
    for (size_t k = 0; k < s->nord && !done; k++) {
        size_t i = s->ord[k];
        if (s->val[i] != UNKNOWN || !(s->score[i] > 0.0))
            continue;
        snap at = save(s);
        bool can_in = decide(s, i, 1);
        double b1 = can_in ? bound(s, 0, NULL) : 0.0;
        undo(s, at);
        if (!can_in || !improves(b1, s->best_value)) {
            decide(s, i, 0); /* cannot fail: nothing decided in requires i */
            continue;
        }
        bool can_out = decide(s, i, 0);
        double b0 = can_out ? bound(s, 0, NULL) : 0.0;
        undo(s, at);
        if (!can_out || !improves(b0, s->best_value))
            if (!decide(s, i, 1))
                done = true; /* neither way beats the incumbent: it is optimal */
    }

    /* Depth-first branch and bound; lv[] is the explicit stack. `start` is
     * where the next branching area is looked for, `first` the first
     * undecided area of ord (both only grow down the tree). */
    size_t depth = 0, start = 0, first = 0;
    bool descend = !done;
    while (descend || depth > 0) {
        if (descend) {
            if (++nodes > max_nodes) {
                proven = false;
                break;
            }
            if (improves(s->value, s->best_value))
                save_incumbent(s);
            while (first < s->nord && s->val[s->ord[first]] != UNKNOWN)
                first++;
            size_t pos = start;
            while (pos < s->nord &&
                   (s->val[s->ord[pos]] != UNKNOWN || !(s->score[s->ord[pos]] > 0.0)))
                pos++;
            if (pos == s->nord || !improves(bound(s, first, NULL), s->best_value)) {
                descend = false;
                continue;
            }
            level *l = &s->lv[depth++];
            l->pos = pos;
            l->item = s->ord[pos];
            l->first = first;
            l->at = save(s);
            l->stage = 0;
            start = pos + 1;
            if (decide(s, l->item, 1))
                continue;
            l->stage = 1;
            if (decide(s, l->item, 0))
                continue;
            depth--;
            descend = false;
        } else {
            level *l = &s->lv[depth - 1];
            undo(s, l->at);
            if (l->stage == 0) {
                l->stage = 1;
                if (decide(s, l->item, 0)) {
                    start = l->pos + 1;
                    first = l->first;
                    descend = true;
                    continue;
                }
            }
            depth--;
        }
    }
    undo(s, root_at);
    free(ri);

    double tc = 0.0, ts = 0.0;
    size_t cnt = 0;
    for (size_t i = 0; i < s->n; i++) {
        if (chosen)
            chosen[i] = s->best[i];
        if (s->best[i]) {
            tc += s->cost[i];
            ts += s->score[i];
            cnt++;
        }
    }
    out->total_cost = tc;
    out->total_score = ts;
    out->n_chosen = cnt;
    out->proven_optimal = proven;
    out->nodes = nodes;
    return STYR_MCDA_OK;
}

styr_mcda_status styr_mcda_select(const styr_mcda_select_problem *p, double budget,
                                  unsigned char *chosen, styr_mcda_selection *sel_out,
                                  styr_error *err)
{
    if (!sel_out || (p && p->n > 0 && !chosen))
        return styr_mcda_fail(err, STYR_MCDA_E_ARG, "selection: NULL output");
    sel s;
    styr_mcda_status st = sel_init(&s, p, err);
    if (st != STYR_MCDA_OK)
        return st;
    bool budget_only;
    st = solve(&s, budget, chosen, sel_out, &budget_only, err);
    sel_free(&s);
    return st;
}

styr_mcda_status styr_mcda_select_frontier(const styr_mcda_select_problem *p,
                                           const double *budgets, size_t k,
                                           styr_mcda_frontier_point *pts, styr_error *err)
{
    if (k > 0 && (!budgets || !pts))
        return styr_mcda_fail(err, STYR_MCDA_E_ARG, "frontier: NULL budgets or points");
    sel s;
    styr_mcda_status st = sel_init(&s, p, err);
    if (st != STYR_MCDA_OK)
        return st;
    for (size_t q = 0; q < k && st == STYR_MCDA_OK; q++) {
        styr_mcda_selection out = {0};
        bool budget_only = false;
        styr_error local;
        st = solve(&s, budgets[q], NULL, &out, &budget_only, &local);
        pts[q].budget = budgets[q];
        pts[q].total_score = out.total_score;
        pts[q].total_cost = out.total_cost;
        pts[q].n_chosen = out.n_chosen;
        pts[q].proven_optimal = out.proven_optimal;
        pts[q].feasible = st == STYR_MCDA_OK;
        if (st == STYR_MCDA_E_INFEASIBLE && budget_only)
            st = STYR_MCDA_OK; /* too small a budget is a point, not an error */
        else if (st != STYR_MCDA_OK && err)
            *err = local;
    }
    sel_free(&s);
    return st;
}
