/* nearest_index.h - "did you mean" over many candidates at a bounded cost a
 * query.
 *
 * styr_nearest compares a text with every candidate: fine for the handful
 * of names a hint usually chooses from, but a plan with 10,000 strategies
 * and 100,000 actions naming unknown ones made that a billion comparisons.
 * The index sorts the candidates' folded texts twice - as they are, and
 * reversed - once, in O(n log n). A query then looks only at the
 * STYR_NEAREST_WINDOW candidates on each side of its place in both orders
 * (a typo late in a name keeps it beside its neighbours in the first order,
 * a typo early in it in the second) and picks among them as styr_nearest
 * does. Up to STYR_NEAREST_FULL candidates are all compared, so a hint
 * among a plan's usual few strategies is exactly styr_nearest's. */
#ifndef STYR_NEAREST_INDEX_H
#define STYR_NEAREST_INDEX_H

#include <stddef.h>

#define STYR_NEAREST_WINDOW 16
#define STYR_NEAREST_FULL (4 * STYR_NEAREST_WINDOW)

typedef struct styr_nearest_key {
    char *key;                  /* folded text (fwd) or the same byte-reversed (rev) */
    size_t cand;                /* index in cands */
} styr_nearest_key;

typedef struct styr_nearest_index {
    const char *const *cands;   /* borrowed; NULL entries are never named */
    size_t n;
    styr_nearest_key *fwd, *rev;   /* the foldable candidates, sorted both ways */
    size_t m;                   /* entries of fwd and rev (0: compare all n) */
} styr_nearest_index;

/* Builds the index over cands[0..n) (borrowed: they must outlive it).
 * 0, or -1 when out of memory (idx is then empty and safe to free). */
int styr_nearest_index_build(styr_nearest_index *idx, const char *const *cands, size_t n);
/* The index of the candidate to suggest for s, or -1, as styr_nearest.
 * *examined (if not NULL) is set to the number of candidates compared: at
 * most STYR_NEAREST_FULL whatever n is. */
long styr_nearest_index_find(const styr_nearest_index *idx, const char *s, size_t len, size_t *examined);
void styr_nearest_index_free(styr_nearest_index *idx);

#endif
