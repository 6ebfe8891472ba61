/* mcda_rank.c - competition ranking ("1224") of scores with a relative tie
 * tolerance, and the display order inside tie groups by id. */
#include "mcda.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

bool styr_mcda_tied(double a, double b, double rtol)
{
    double fa = fabs(a), fb = fabs(b);
    return fabs(a - b) <= rtol * (fa > fb ? fa : fb);
}

typedef struct rank_item {
    double score;
    const char *id;
    size_t index;
} rank_item;

/* Score descending, then id, then index: a total order, so qsort is exact. */
static int cmp_score(const void *pa, const void *pb)
{
    const rank_item *a = pa, *b = pb;
    if (a->score != b->score)
        return a->score > b->score ? -1 : 1;
    if (a->id && b->id) {
        int c = strcmp(a->id, b->id);
        if (c)
            return c;
    }
    return (a->index > b->index) - (a->index < b->index);
}

/* Id, then index: the display order inside a tie group. */
static int cmp_id(const void *pa, const void *pb)
{
    const rank_item *a = pa, *b = pb;
    if (a->id && b->id) {
        int c = strcmp(a->id, b->id);
        if (c)
            return c;
    }
    return (a->index > b->index) - (a->index < b->index);
}

styr_mcda_status styr_mcda_rank(const double *score, size_t n, const char *const *ids,
                                double rtol, size_t *order, size_t *rank, styr_error *err)
{
    if (n == 0)
        return STYR_MCDA_OK;
    if (!score)
        return styr_mcda_fail(err, STYR_MCDA_E_ARG, "rank: NULL scores");
    if (!(rtol >= 0.0) || !isfinite(rtol))
        return styr_mcda_fail(err, STYR_MCDA_E_ARG, "rank: tolerance must be finite and >= 0");
    for (size_t i = 0; i < n; i++)
        if (!isfinite(score[i]))
            return styr_mcda_fail(err, STYR_MCDA_E_ARG, "rank: score of area %zu is not finite",
                                  i);
    rank_item *it = malloc(n * sizeof *it);
    if (!it)
        return styr_mcda_fail(err, STYR_MCDA_E_NOMEM, "rank: out of memory");
    for (size_t i = 0; i < n; i++) {
        it[i].score = score[i];
        it[i].id = ids ? ids[i] : NULL;
        it[i].index = i;
    }
    qsort(it, n, sizeof *it, cmp_score);
    /* Tie groups: everything tied with the group's first (highest) score.
     * Comparing with the leader, not the neighbour, keeps a chain of tiny
     * steps from merging scores that are far apart. */
    for (size_t k = 0; k < n;) {
        size_t e = k + 1;
        while (e < n && styr_mcda_tied(it[k].score, it[e].score, rtol))
            e++;
        if (e - k > 1)
            qsort(it + k, e - k, sizeof *it, cmp_id);
        for (size_t q = k; q < e; q++) {
            if (order)
                order[q] = it[q].index;
            if (rank)
                rank[it[q].index] = k + 1;
        }
        k = e;
    }
    free(it);
    return STYR_MCDA_OK;
}
