/* diff.c - compares two versions of a plan: pairs the actions by what they
 * say, lists the fields that changed, and sets the findings of the two
 * versions against each other (see diff.h). */
#include "diff.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "strmap.h"
#include "text.h"
#include "plan_sheets.h"

static const styr_node *get(const styr_node *map, const char *key)
{
    return map && map->kind == STYR_NODE_MAP ? styr_map_get(map, key, strlen(key)) : NULL;
}

static const char *text_of(const styr_node *n)
{
    if (!n || n->kind != STYR_NODE_SCALAR || styr_node_is_null(n))
        return NULL;
    return n->u.text;
}

/* ---- similarity ----------------------------------------------------------- */

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

/* The distinct trigrams of " folded text " (one space each side), sorted;
 * punctuation counts as space so that "(SLK)" and "SLK" agree. */
static uint32_t *trigrams(const char *s, size_t len, size_t *n)
{
    size_t cap = len * 2 + 8;
    char *f = malloc(cap);
    if (!f)
        return NULL;
    size_t flen = styr_fold(s, len, f + 1, cap - 2);
    if (flen > cap - 3)
        flen = cap - 3;
    f[0] = ' ';
    for (size_t i = 1; i <= flen; i++) {
        unsigned char c = (unsigned char)f[i];
        if (c < 0x80 && !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
            f[i] = ' ';
    }
    f[flen + 1] = ' ';
    /* One space for every run of space (punctuation made more). */
    size_t total = 0;
    for (size_t i = 0; i < flen + 2; i++)
        if (!(f[i] == ' ' && total && f[total - 1] == ' '))
            f[total++] = f[i];
    uint32_t *t = malloc((total > 2 ? total - 2 : 1) * sizeof *t);
    size_t k = 0;
    for (size_t i = 0; t && i + 2 < total; i++) {
        t[k++] = (uint32_t)(unsigned char)f[i] << 16 | (uint32_t)(unsigned char)f[i + 1] << 8 | (unsigned char)f[i + 2];
    }
    free(f);
    if (!t)
        return NULL;
    qsort(t, k, sizeof *t, cmp_u32);
    size_t u = 0;
    for (size_t i = 0; i < k; i++)
        if (!u || t[u - 1] != t[i])
            t[u++] = t[i];
    *n = u;
    return t;
}

/* Dice's coefficient of two sorted trigram sets. */
static double dice(const uint32_t *ta, size_t na, const uint32_t *tb, size_t nb)
{
    if (!na || !nb)
        return 0;
    size_t i = 0, j = 0, both = 0;
    while (i < na && j < nb) {
        if (ta[i] == tb[j]) {
            both++;
            i++;
            j++;
        } else if (ta[i] < tb[j]) {
            i++;
        } else {
            j++;
        }
    }
    return 2.0 * (double)both / (double)(na + nb);
}

double styr_diff_similarity(const char *a, size_t alen, const char *b, size_t blen)
{
    size_t na = 0, nb = 0;
    uint32_t *ta = trigrams(a, alen, &na), *tb = trigrams(b, blen, &nb);
    double sim = ta && tb ? dice(ta, na, tb, nb) : 0;
    free(ta);
    free(tb);
    return sim;
}

/* An action's title and description as trigram sets, computed once for all
 * its pairings. */
typedef struct grams {
    uint32_t *title, *desc;      /* NULL when the action has no such text */
    size_t ntitle, ndesc;
} grams;

static int grams_of(const styr_node *item, grams *g)
{
    memset(g, 0, sizeof *g);
    const char *tt = text_of(get(item, "title")), *dt = text_of(get(item, "description"));
    if (tt && !(g->title = trigrams(tt, get(item, "title")->count, &g->ntitle)))
        return -1;
    if (dt && !(g->desc = trigrams(dt, get(item, "description")->count, &g->ndesc)))
        return -1;
    return 0;
}

/* How alike two actions are: their titles, and their descriptions when both
 * have one (a title reworded while the text stays is still the action). A
 * pair whose title sets differ too much in size to reach `need` is not
 * merged (Dice is at most 2 min / (a + b)). */
static double grams_similarity(const grams *a, const grams *b, double need)
{
    int ht = a->title != NULL && b->title != NULL, hd = a->desc != NULL && b->desc != NULL;
    if (ht && !hd && a->ntitle + b->ntitle) {
        size_t lo = a->ntitle < b->ntitle ? a->ntitle : b->ntitle;
        if (2.0 * (double)lo / (double)(a->ntitle + b->ntitle) < need)
            return 0;
    }
    double t = ht ? dice(a->title, a->ntitle, b->title, b->ntitle) : -1;
    double d = hd ? dice(a->desc, a->ndesc, b->desc, b->ndesc) : -1;
    if (t < 0)
        return d < 0 ? 0 : d;
    if (d < 0)
        return t;
    double mixed = 0.7 * t + 0.3 * d;
    return mixed > t ? mixed : t;
}

/* ---- values --------------------------------------------------------------- */

static int number_of(const styr_node *n, double *out)
{
    if (!n || n->kind != STYR_NODE_SCALAR)
        return 0;
    if (n->stype == STYR_SCALAR_INT)
        *out = (double)n->v.i;
    else if (n->stype == STYR_SCALAR_FLOAT)
        *out = n->v.f;
    else
        return 0;
    return 1;
}

static int same_value(const styr_node *a, const styr_node *b)
{
    double x, y;
    if (number_of(a, &x) && number_of(b, &y))
        return x == y || (x != x && y != y);
    if (a->kind != STYR_NODE_SCALAR || b->kind != STYR_NODE_SCALAR)
        return 0;
    if (a->stype == STYR_SCALAR_BOOL || b->stype == STYR_SCALAR_BOOL)
        return a->stype == b->stype && a->v.i == b->v.i;
    return a->count == b->count && memcmp(a->u.text, b->u.text, a->count) == 0;
}

void styr_diff_json_value(FILE *out, const styr_node *v)
{
    if (!v || styr_node_is_null(v)) {
        fputs("null", out);
        return;
    }
    if (v->kind == STYR_NODE_SEQ) {
        fputc('[', out);
        for (uint32_t i = 0; i < v->count; i++) {
            if (i)
                fputs(", ", out);
            styr_diff_json_value(out, styr_seq_item(v, i));
        }
        fputc(']', out);
        return;
    }
    if (v->kind == STYR_NODE_MAP) {
        fputc('{', out);
        for (uint32_t i = 0; i < v->count; i++) {
            if (i)
                fputs(", ", out);
            styr_json_string(out, styr_map_key(v, i)->u.text);
            fputs(": ", out);
            styr_diff_json_value(out, styr_map_value(v, i));
        }
        fputc('}', out);
        return;
    }
    if (v->stype == STYR_SCALAR_BOOL)
        fputs(v->v.i ? "true" : "false", out);
    else if (v->stype == STYR_SCALAR_INT)
        fprintf(out, "%lld", (long long)v->v.i);
    else if (v->stype == STYR_SCALAR_FLOAT)
        styr_json_number(out, v->v.f);
    else
        styr_json_string(out, v->u.text);
}

char *styr_diff_json_text(const styr_node *v)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    if (!m)
        return NULL;
    styr_diff_json_value(m, v);
    if (fclose(m) != 0) {
        free(buf);
        return NULL;
    }
    return buf;
}

/* ---- field by field ------------------------------------------------------- */

static int add_field(styr_diff_field **fields, size_t *n, const char *path, const styr_node *old,
                     const styr_node *new_)
{
    styr_diff_field *grown = realloc(*fields, (*n + 1) * sizeof *grown);
    if (!grown)
        return -1;
    *fields = grown;
    char *p = strdup(path);
    if (!p)
        return -1;
    grown[*n] = (styr_diff_field){p, old, new_};
    (*n)++;
    /* The field list owns the path now; the diff's free releases it. */
    // cppcheck-suppress memleak
    return 0;
}

static int diff_at(const styr_node *old, const styr_node *new_, char *path, size_t plen, size_t cap,
                   styr_diff_field **fields, size_t *n)
{
    if (styr_node_is_null(old))
        old = NULL;
    if (styr_node_is_null(new_))
        new_ = NULL;
    if (!old && !new_)
        return 0;
    if (!old || !new_ || old->kind != new_->kind)
        return add_field(fields, n, path, old, new_);
    if (old->kind == STYR_NODE_SCALAR)
        return same_value(old, new_) ? 0 : add_field(fields, n, path, old, new_);
    if (old->kind == STYR_NODE_SEQ) {
        uint32_t count = old->count > new_->count ? old->count : new_->count;
        for (uint32_t i = 0; i < count; i++) {
            snprintf(path + plen, cap - plen, "[%u]", i);
            size_t sub = plen + strlen(path + plen);
            if (diff_at(i < old->count ? styr_seq_item(old, i) : NULL, i < new_->count ? styr_seq_item(new_, i) : NULL,
                        path, sub, cap, fields, n) < 0)
                return -1;
        }
        path[plen] = '\0';
        return 0;
    }
    /* Two mappings: the old keys in order, then the keys only the new one has. */
    for (int side = 0; side < 2; side++) {
        const styr_node *m = side ? new_ : old, *other = side ? old : new_;
        for (uint32_t i = 0; i < m->count; i++) {
            const styr_node *k = styr_map_key(m, i);
            const styr_node *there = styr_map_get(other, k->u.text, k->count);
            if (side && there)
                continue;   /* compared on the first pass */
            snprintf(path + plen, cap - plen, "%s%s", plen ? "." : "", k->u.text);
            size_t sub = plen + strlen(path + plen);
            const styr_node *a = side ? there : styr_map_value(m, i), *b = side ? styr_map_value(m, i) : there;
            if (diff_at(a, b, path, sub, cap, fields, n) < 0)
                return -1;
        }
    }
    path[plen] = '\0';
    return 0;
}

int styr_diff_nodes(const styr_node *old, const styr_node *new_, const char *prefix, styr_diff_field **fields,
                    size_t *n)
{
    char path[1024];
    snprintf(path, sizeof path, "%s", prefix ? prefix : "");
    return diff_at(old, new_, path, strlen(path), sizeof path, fields, n);
}

/* The fields of two actions that differ, the id left out (a new id is a renumbering). */
static int diff_items(const styr_node *old, const styr_node *new_, styr_diff_field **fields, size_t *n)
{
    if (diff_at(old, new_, (char[1024]){0}, 0, 1024, fields, n) < 0)
        return -1;
    size_t k = 0;
    for (size_t i = 0; i < *n; i++) {
        if (strcmp((*fields)[i].path, "id") == 0)
            free((*fields)[i].path);
        else
            (*fields)[k++] = (*fields)[i];
    }
    *n = k;
    return 0;
}

/* ---- pairing -------------------------------------------------------------- */

typedef struct pair {
    double sim;
    uint32_t old, new_;
    int same_id;
} pair;

static int by_similarity(const void *a, const void *b)
{
    const pair *x = a, *y = b;
    if (x->sim != y->sim)
        return x->sim < y->sim ? 1 : -1;
    if (x->same_id != y->same_id)
        return y->same_id - x->same_id;
    if (x->old != y->old)
        return x->old < y->old ? -1 : 1;
    return (x->new_ > y->new_) - (x->new_ < y->new_);
}

static const styr_node *items_of(const styr_doc *doc, const char *kind)
{
    const styr_node *s = get(doc->root, strcmp(kind, "action-plan") == 0 ? "actions" : "areas");
    return s && s->kind == STYR_NODE_SEQ ? s : NULL;
}

static int ids_equal(const styr_node *a, const styr_node *b)
{
    size_t la, lb;
    const char *x = styr_item_id(a, &la), *y = styr_item_id(b, &lb);
    return x && y && la == lb && memcmp(x, y, la) == 0;
}

/* Copies an item's id into *to (NULL for an item without one). Returns -1
 * when memory ran out: a NULL there would print an old id as "?" and the
 * run would still pass as complete. */
static int id_dup(const styr_node *item, char **to)
{
    size_t len;
    const char *id = styr_item_id(item, &len);
    *to = id ? strndup(id, len) : NULL;
    return id && !*to ? -1 : 0;
}

static void money_of(const styr_node *item, int areas, int *have, double *sum)
{
    *have = 0;
    *sum = 0;
    if (!item)
        return;
    double v;
    if (areas) {
        if (number_of(get(item, "cost_sek"), &v) && isfinite(v)) {
            *have = 1;
            *sum = v;
        }
        return;
    }
    const styr_node *fin = get(item, "financing");
    for (uint32_t j = 0; fin && fin->kind == STYR_NODE_SEQ && j < fin->count; j++)
        if (number_of(get(styr_seq_item(fin, j), "amount_sek"), &v) && isfinite(v)) {
            *have = 1;
            *sum += v;
        }
}

/* Takes the pairs best first (pass 0: similar enough; pass 1: an id kept
 * with a rewritten title). */
static void assign(pair *pairs, size_t npairs, char *old_taken, int64_t *match_of_new, double *sim_of_new)
{
    if (npairs)
        qsort(pairs, npairs, sizeof *pairs, by_similarity);
    for (int pass = 0; pass < 2; pass++)
        for (size_t k = 0; k < npairs; k++) {
            pair *p = &pairs[k];
            if (old_taken[p->old] || match_of_new[p->new_] >= 0)
                continue;
            if (pass == 0 ? p->sim < STYR_DIFF_SAME : !p->same_id)
                continue;
            old_taken[p->old] = 1;
            match_of_new[p->new_] = p->old;
            sim_of_new[p->new_] = p->sim;
        }
}

static int add_pair(pair **pairs, size_t *n, size_t *cap, pair p)
{
    if (*n == *cap) {
        size_t c = *cap ? *cap * 2 : 64;
        pair *grown = realloc(*pairs, c * sizeof *grown);
        if (!grown)
            return -1;
        *pairs = grown;
        *cap = c;
    }
    (*pairs)[(*n)++] = p;
    return 0;
}

/* Pairs the old actions with the new: first the ones whose titles are the
 * same text (found by hashing, so a long plan that mostly keeps its titles
 * costs little), then every remaining pair by similarity. */
static int pair_up(const styr_node *os, uint32_t no, const styr_node *ns, uint32_t nn, char *old_taken,
                   int64_t *match_of_new, double *sim_of_new)
{
    grams *og = calloc((size_t)no + 1, sizeof *og), *ng = calloc((size_t)nn + 1, sizeof *ng);
    uint32_t *next_same = calloc((size_t)no + 1, sizeof *next_same);   /* chain of equal titles, index + 1 */
    uint32_t *head = calloc((size_t)no + 1, sizeof *head);
    pair *pairs = NULL;
    size_t npairs = 0, cap = 0;
    styr_strmap titles;
    styr_strmap_init(&titles);
    int rc = -1;
    if (!og || !ng || !next_same || !head)
        goto out;
    for (uint32_t i = 0; i < no; i++)
        if (styr_seq_item(os, i)->kind == STYR_NODE_MAP && grams_of(styr_seq_item(os, i), &og[i]) < 0)
            goto out;
    for (uint32_t j = 0; j < nn; j++)
        if (styr_seq_item(ns, j)->kind == STYR_NODE_MAP && grams_of(styr_seq_item(ns, j), &ng[j]) < 0)
            goto out;
    /* Equal titles chain from the first in file order: the map holds the
     * last one seen of a title, head[] the first of its chain. */
    for (uint32_t i = no; i-- > 0;) {
        if (!og[i].title || !og[i].ntitle)
            continue;
        void *seen = NULL;
        int put = styr_strmap_put(&titles, (const char *)og[i].title, og[i].ntitle * sizeof *og[i].title,
                                  (void *)(uintptr_t)(i + 1), &seen);
        if (put < 0)
            goto out;
        uint32_t f = put ? i : (uint32_t)((uintptr_t)seen - 1);
        next_same[i] = put ? 0 : head[f];
        head[f] = i + 1;
    }
    for (uint32_t j = 0; j < nn; j++) {
        if (!ng[j].title || !ng[j].ntitle)
            continue;
        uintptr_t f = (uintptr_t)styr_strmap_get(&titles, (const char *)ng[j].title, ng[j].ntitle * sizeof *ng[j].title);
        for (uint32_t at = f ? head[f - 1] : 0; at; at = next_same[at - 1]) {
            uint32_t i = (uint32_t)(at - 1);
            pair p = {grams_similarity(&og[i], &ng[j], 0), i, j, ids_equal(styr_seq_item(os, i), styr_seq_item(ns, j))};
            if (add_pair(&pairs, &npairs, &cap, p) < 0)
                goto out;
        }
    }
    assign(pairs, npairs, old_taken, match_of_new, sim_of_new);
    npairs = 0;
    for (uint32_t i = 0; i < no; i++) {
        const styr_node *a = styr_seq_item(os, i);
        if (a->kind != STYR_NODE_MAP || old_taken[i])
            continue;
        for (uint32_t j = 0; j < nn; j++) {
            const styr_node *b = styr_seq_item(ns, j);
            if (b->kind != STYR_NODE_MAP || match_of_new[j] >= 0)
                continue;
            int same = ids_equal(a, b);
            double s = grams_similarity(&og[i], &ng[j], same ? STYR_DIFF_SAME_ID : STYR_DIFF_SAME);
            /* The same id and no words to compare on one side or both (no
             * title, or one of punctuation only, "---"): the same action.
             * Words on one side alone cannot gainsay the id: a placeholder
             * title given its words is a change, not a removal. */
            int wordless = (!og[i].title || !og[i].ntitle) || (!ng[j].title || !ng[j].ntitle);
            if (s < STYR_DIFF_SAME && !(same && s >= STYR_DIFF_SAME_ID) && !(same && wordless))
                continue;
            if (add_pair(&pairs, &npairs, &cap, (pair){s, i, j, same}) < 0)
                goto out;
        }
    }
    assign(pairs, npairs, old_taken, match_of_new, sim_of_new);
    rc = 0;
out:
    for (uint32_t i = 0; og && i < no; i++) {
        free(og[i].title);
        free(og[i].desc);
    }
    for (uint32_t j = 0; ng && j < nn; j++) {
        free(ng[j].title);
        free(ng[j].desc);
    }
    free(og);
    free(ng);
    free(next_same);
    free(head);
    free(pairs);
    styr_strmap_free(&titles);
    return rc;
}

static styr_status pair_items(styr_diff *d, styr_error *err)
{
    const styr_node *os = items_of(d->old_doc, d->kind), *ns = items_of(d->new_doc, d->kind);
    uint32_t no = os ? os->count : 0, nn = ns ? ns->count : 0;
    int areas = strcmp(d->kind, "innovation-areas") == 0;
    int64_t *match_of_new = malloc((nn + 1) * sizeof *match_of_new);
    double *sim_of_new = calloc(nn + 1, sizeof *sim_of_new);
    char *old_taken = calloc(no + 1, 1);
    if (!match_of_new || !sim_of_new || !old_taken)
        goto nomem;
    for (uint32_t j = 0; j < nn; j++)
        match_of_new[j] = -1;
    if (pair_up(os, no, ns, nn, old_taken, match_of_new, sim_of_new) < 0)
        goto nomem;
    d->items = calloc((size_t)no + nn + 1, sizeof *d->items);
    if (!d->items)
        goto nomem;
    for (uint32_t j = 0; j < nn; j++) {
        const styr_node *b = styr_seq_item(ns, j);
        if (b->kind != STYR_NODE_MAP)
            continue;
        styr_diff_item *it = &d->items[d->nitems++];
        it->new_ = b;
        if (id_dup(b, &it->new_id) < 0)
            goto nomem;
        money_of(b, areas, &it->has_money_new, &it->money_new);
        if (match_of_new[j] < 0) {
            it->kind = STYR_DIFF_ADDED;
            continue;
        }
        it->old = styr_seq_item(os, (uint32_t)match_of_new[j]);
        if (id_dup(it->old, &it->old_id) < 0)
            goto nomem;
        it->similarity = sim_of_new[j];
        money_of(it->old, areas, &it->has_money_old, &it->money_old);
        if (diff_items(it->old, b, &it->fields, &it->nfields) < 0)
            goto nomem;
        it->kind = !ids_equal(it->old, b) ? STYR_DIFF_RENUMBERED : it->nfields ? STYR_DIFF_CHANGED : STYR_DIFF_UNCHANGED;
    }
    for (uint32_t i = 0; i < no; i++) {
        const styr_node *a = styr_seq_item(os, i);
        if (a->kind != STYR_NODE_MAP || old_taken[i])
            continue;
        styr_diff_item *it = &d->items[d->nitems++];
        it->kind = STYR_DIFF_REMOVED;
        it->old = a;
        if (id_dup(a, &it->old_id) < 0)
            goto nomem;
        money_of(a, areas, &it->has_money_old, &it->money_old);
    }
    free(match_of_new);
    free(sim_of_new);
    free(old_taken);
    return STYR_OK;
nomem:
    free(match_of_new);
    free(sim_of_new);
    free(old_taken);
    return styr_error_set(err, STYR_E_NOMEM, NULL, 0, 0, "out of memory");
}

/* ---- findings new and fixed ----------------------------------------------- */

/* A finding's identity across versions: its rule, the action it is about (in
 * the new version's numbering) and its path within the action. Returns
 * NULL with *gone set for a finding of an action that was removed (it left
 * with it), and NULL with *gone clear when memory ran out: the two must
 * not be confused, or an old finding drops out and its twin reads as new. */
static char *finding_key(const styr_diff *d, const styr_finding *f, int old_side, int *gone)
{
    const char *action = f->action;
    *gone = 0;
    if (action && old_side) {
        action = NULL;
        for (size_t i = 0; i < d->nitems; i++)
            if (d->items[i].old_id && strcmp(d->items[i].old_id, f->action) == 0) {
                if (d->items[i].kind == STYR_DIFF_REMOVED) {
                    *gone = 1;
                    return NULL;
                }
                action = d->items[i].new_id;
                break;
            }
        if (!action)
            action = f->action;
    }
    const char *path = f->path ? f->path : "";
    if (f->action && path[0] && (strncmp(path, "actions[", 8) == 0 || strncmp(path, "areas[", 6) == 0)) {
        const char *close = strchr(path, ']');
        path = close ? close + 1 : path;
    }
    size_t n = strlen(f->rule) + (action ? strlen(action) : 0) + strlen(path) + 4;
    char *key = malloc(n);
    if (key)
        snprintf(key, n, "%s\x1f%s\x1f%s", f->rule, action ? action : "", path);
    return key;
}

static styr_status compare_findings(styr_diff *d, styr_error *err)
{
    const styr_findings *of = &d->old_res.findings, *nf = &d->new_res.findings;
    styr_strmap keys;
    styr_strmap_init(&keys);
    size_t *left = calloc(of->count + 1, sizeof *left);        /* per distinct key: old findings not yet met */
    char *old_seen = calloc(of->count + 1, 1);
    d->found_new = calloc(nf->count + 1, sizeof *d->found_new);
    d->found_fixed = calloc(of->count + 1, sizeof *d->found_fixed);
    size_t nkeys = 0;
    if (!left || !old_seen || !d->found_new || !d->found_fixed)
        goto nomem;
    /* Count the old findings by key; remember which slot each uses. */
    size_t *slot_of_old = calloc(of->count + 1, sizeof *slot_of_old);
    if (!slot_of_old)
        goto nomem;
    for (size_t i = 0; i < of->count; i++) {
        slot_of_old[i] = SIZE_MAX;
        if (of->items[i].waiver_reason)
            continue;
        int gone;
        char *k = finding_key(d, &of->items[i], 1, &gone);
        if (!k && gone)
            continue;
        if (!k) {
            free(slot_of_old);
            goto nomem;
        }
        void *existing = NULL;
        int put = styr_strmap_put(&keys, k, strlen(k), (void *)(uintptr_t)(nkeys + 1), &existing);
        free(k);
        if (put < 0) {
            free(slot_of_old);
            goto nomem;
        }
        size_t slot = put ? nkeys++ : (size_t)(uintptr_t)existing - 1;
        left[slot]++;
        slot_of_old[i] = slot;
    }
    for (size_t i = 0; i < nf->count; i++) {
        if (nf->items[i].waiver_reason)
            continue;
        int gone;
        char *k = finding_key(d, &nf->items[i], 0, &gone);
        if (!k) {   /* the new side's actions are never gone: memory */
            free(slot_of_old);
            goto nomem;
        }
        void *v = styr_strmap_get(&keys, k, strlen(k));
        free(k);
        size_t slot = v ? (size_t)(uintptr_t)v - 1 : SIZE_MAX;
        if (slot != SIZE_MAX && left[slot]) {
            left[slot]--;
            continue;
        }
        d->found_new[d->nfound_new++] = &nf->items[i];
    }
    /* The old findings whose key ran out of matches are fixed: the last ones
     * of each key, in file order. */
    for (size_t i = of->count; i-- > 0;) {
        size_t slot = slot_of_old[i];
        if (slot == SIZE_MAX || !left[slot])
            continue;
        left[slot]--;
        old_seen[i] = 1;
    }
    for (size_t i = 0; i < of->count; i++)
        if (old_seen[i])
            d->found_fixed[d->nfound_fixed++] = &of->items[i];
    free(slot_of_old);
    free(left);
    free(old_seen);
    styr_strmap_free(&keys);
    return STYR_OK;
nomem:
    free(left);
    free(old_seen);
    styr_strmap_free(&keys);
    return styr_error_set(err, STYR_E_NOMEM, NULL, 0, 0, "out of memory");
}

/* ---- the whole comparison ------------------------------------------------- */

static int is_true(const styr_node *n)
{
    return n && n->kind == STYR_NODE_SCALAR && n->stype == STYR_SCALAR_BOOL && n->v.i;
}

static styr_status load_side(styr_ruleset *rs, const styr_run_opts *opts, const char *path, const styr_limits *lim,
                             styr_doc **doc, styr_file_result *res, styr_error *err)
{
    styr_status st = styr_doc_load_any(path, lim, doc, err);   /* a plan may be a workbook */
    if (st != STYR_OK)
        return st;
    return styr_validate_doc(rs, opts, *doc, res, err);
}

styr_status styr_diff_load(styr_ruleset *rs, const styr_run_opts *opts, const char *old_path, const char *new_path, const styr_limits *lim,
                           styr_diff *d, styr_error *err)
{
    memset(d, 0, sizeof *d);
    styr_status st = load_side(rs, opts, old_path, lim, &d->old_doc, &d->old_res, err);
    if (st == STYR_OK)
        st = load_side(rs, opts, new_path, lim, &d->new_doc, &d->new_res, err);
    if (st != STYR_OK)
        return st;
    if (strcmp(d->old_res.kind, d->new_res.kind) != 0 || strcmp(d->old_res.kind, "scenario") == 0) {
        const styr_node *k = get(d->new_doc->root, "kind");
        return styr_error_set(err, STYR_E_INPUT, new_path, k ? k->line : 1, k ? k->column : 1,
                              "styr diff compares two action plans or two areas files, not %s with %s",
                              d->old_res.kind, d->new_res.kind);
    }
    d->kind = d->new_res.kind;
    d->illustrative_old = is_true(get(d->old_doc->root, "illustrative"));
    d->illustrative_new = is_true(get(d->new_doc->root, "illustrative"));
    if ((st = pair_items(d, err)) != STYR_OK)
        return st;
    /* Everything outside the action list, key by key. */
    const char *list = strcmp(d->kind, "action-plan") == 0 ? "actions" : "areas";
    const styr_node *ro = d->old_doc->root, *rn = d->new_doc->root;
    for (int side = 0; side < 2; side++) {
        const styr_node *m = side ? rn : ro, *other = side ? ro : rn;
        for (uint32_t i = 0; i < m->count; i++) {
            const styr_node *k = styr_map_key(m, i);
            if (strcmp(k->u.text, list) == 0 || (side && styr_map_get(other, k->u.text, k->count)))
                continue;
            const styr_node *there = styr_map_get(other, k->u.text, k->count);
            const styr_node *a = side ? there : styr_map_value(m, i), *b = side ? styr_map_value(m, i) : there;
            if (styr_diff_nodes(a, b, k->u.text, &d->top, &d->ntop) < 0)
                return styr_error_set(err, STYR_E_NOMEM, NULL, 0, 0, "out of memory");
        }
    }
    return compare_findings(d, err);
}

size_t styr_diff_count(const styr_diff *d, styr_diff_kind kind)
{
    size_t n = 0;
    for (size_t i = 0; i < d->nitems; i++)
        n += d->items[i].kind == kind;
    return n;
}

static void free_fields(styr_diff_field *f, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(f[i].path);
    free(f);
}

void styr_diff_free(styr_diff *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->nitems; i++) {
        free(d->items[i].old_id);
        free(d->items[i].new_id);
        free_fields(d->items[i].fields, d->items[i].nfields);
    }
    free(d->items);
    free_fields(d->top, d->ntop);
    free(d->found_new);
    free(d->found_fixed);
    styr_file_result_free(&d->old_res);
    styr_file_result_free(&d->new_res);
    styr_doc_free(d->old_doc);
    styr_doc_free(d->new_doc);
    memset(d, 0, sizeof *d);
}
