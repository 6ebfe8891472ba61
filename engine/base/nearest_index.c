/* nearest_index.c - bounded "did you mean" over many candidates (see
 * nearest_index.h). */
#include "nearest_index.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"

/* As text.c's bound: a longer folded text is never near anything. */
#define KEY_MAX 1024

static int by_key(const void *a, const void *b)
{
    const styr_nearest_key *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    return c ? c : (x->cand > y->cand) - (x->cand < y->cand);
}

static char *reversed(const char *s, size_t n)
{
    char *r = malloc(n + 1);
    if (r) {
        for (size_t i = 0; i < n; i++)
            r[i] = s[n - 1 - i];
        r[n] = '\0';
    }
    return r;
}

int styr_nearest_index_build(styr_nearest_index *idx, const char *const *cands, size_t n)
{
    memset(idx, 0, sizeof *idx);
    idx->cands = cands;
    idx->n = n;
    if (n <= STYR_NEAREST_FULL)
        return 0;   /* few enough to compare them all */
    idx->fwd = calloc(n, sizeof *idx->fwd);
    idx->rev = calloc(n, sizeof *idx->rev);
    if (!idx->fwd || !idx->rev)
        goto nomem;
    for (size_t i = 0; i < n; i++) {
        if (!cands[i])
            continue;
        /* A candidate too long to fold within KEY_MAX is never near (as in
         * styr_nearest); strnlen does not read it whole. */
        size_t len = strnlen(cands[i], 4 * KEY_MAX + 1);
        char buf[KEY_MAX + 1];
        size_t fl = len > 4 * KEY_MAX ? 0 : styr_fold(cands[i], len, buf, sizeof buf);
        if (fl == 0 || fl > KEY_MAX)
            continue;
        char *k = malloc(fl + 1), *r = reversed(buf, fl);
        if (!k || !r) {
            free(k);
            free(r);
            goto nomem;
        }
        memcpy(k, buf, fl);
        k[fl] = '\0';
        idx->fwd[idx->m] = (styr_nearest_key){k, i};
        idx->rev[idx->m] = (styr_nearest_key){r, i};
        idx->m++;
    }
    qsort(idx->fwd, idx->m, sizeof *idx->fwd, by_key);
    qsort(idx->rev, idx->m, sizeof *idx->rev, by_key);
    return 0;
nomem:
    styr_nearest_index_free(idx);
    return -1;
}

/* The first entry of keys[0..m) not below key. */
static size_t lower_bound(const styr_nearest_key *keys, size_t m, const char *key)
{
    size_t lo = 0, hi = m;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(keys[mid].key, key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static int by_index(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return (x > y) - (x < y);
}

/* Adds the candidates within the window around key's place in keys. */
static size_t gather(const styr_nearest_key *keys, size_t m, const char *key, size_t *out, size_t nout)
{
    size_t at = lower_bound(keys, m, key);
    size_t from = at > STYR_NEAREST_WINDOW ? at - STYR_NEAREST_WINDOW : 0;
    size_t to = at + STYR_NEAREST_WINDOW < m ? at + STYR_NEAREST_WINDOW : m;
    for (size_t i = from; i < to; i++)
        out[nout++] = keys[i].cand;
    return nout;
}

long styr_nearest_index_find(const styr_nearest_index *idx, const char *s, size_t len, size_t *examined)
{
    if (!idx->fwd) {
        if (examined)
            *examined = idx->n;
        return styr_nearest(s, len, idx->cands, idx->n);
    }
    if (examined)
        *examined = 0;
    char key[KEY_MAX + 1];
    size_t kl = styr_fold(s, len, key, sizeof key);
    if (kl == 0 || kl > KEY_MAX)
        return -1;
    key[kl] = '\0';
    size_t picked[STYR_NEAREST_FULL];
    size_t np = gather(idx->fwd, idx->m, key, picked, 0);
    for (size_t i = 0; i < kl / 2; i++) {
        char t = key[i];
        key[i] = key[kl - 1 - i];
        key[kl - 1 - i] = t;
    }
    np = gather(idx->rev, idx->m, key, picked, np);
    /* In the candidates' own order, without repeats, so that ties go to
     * the earliest as in styr_nearest. */
    qsort(picked, np, sizeof *picked, by_index);
    const char *sub[STYR_NEAREST_FULL];
    size_t map[STYR_NEAREST_FULL] = {0}, ns = 0;
    for (size_t i = 0; i < np; i++)
        if (i == 0 || picked[i] != picked[i - 1]) {
            map[ns] = picked[i];
            sub[ns++] = idx->cands[picked[i]];
        }
    if (examined)
        *examined = ns;
    long best = styr_nearest(s, len, sub, ns);
    return best < 0 ? -1 : (long)map[best];
}

void styr_nearest_index_free(styr_nearest_index *idx)
{
    for (size_t i = 0; i < idx->m; i++) {   /* m > 0 only when both lists exist */
        if (idx->fwd)
            free(idx->fwd[i].key);
        if (idx->rev)
            free(idx->rev[i].key);
    }
    free(idx->fwd);
    free(idx->rev);
    memset(idx, 0, sizeof *idx);
}
