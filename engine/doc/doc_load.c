/* doc_load.c - builds the styr_doc node tree from libyaml's parser events.
 *
 * The only file that includes <yaml.h>. One pass over the events, no
 * recursion: open containers live on an explicit frame stack and their items
 * on one scratch stack, copied into the document's arena once per container.
 * Here are resolved scalar types (YAML 1.2 core schema), anchors and aliases
 * (with the alias-bomb bound), merge keys, duplicate keys, the limits of
 * styr_limits, and the translation of libyaml's errors into styr_error.
 */
#include "doc.h"
#include "internal/map_index.h"
#include "sha256.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <yaml.h>

#include "errno_text.h"
#include "inputs.h"
#include "yaml_explain.h"

/* Maps with up to this many keys find duplicates by a linear scan. */
#define SMALL_MAP 16u

#define TAG_STR "tag:yaml.org,2002:str"
#define TAG_MERGE "tag:yaml.org,2002:merge"

/* An open sequence or mapping. */
typedef struct frame {
    styr_node *node;
    size_t start;            /* its first item on the scratch stack */
    size_t size;             /* nodes below it, an alias counting as its target's size */
    uint32_t height;         /* levels of containers below it */
    const char *anchor;      /* its anchor (in the loader's tmp arena) or NULL */
    size_t anchor_len;
    /* mappings only */
    int expect_key;
    int merge_pending;       /* the last key was '<<': the next value is a merge source */
    styr_node *merge_key;
    styr_node *merge_value;
    uint64_t key_hash;       /* hash of the key waiting for its value (hash set in use) */
    uint64_t *tab;           /* key hash set: low 32 bits of the key's hash << 32 | entry + 1 */
    size_t tab_alloc;        /* slots allocated; kept when the frame is reused */
    size_t tab_mask;         /* slots in use - 1; 0 while the map is small */
} frame;

/* An anchor known so far, with what an alias to it costs. */
typedef struct anchor {
    const char *name;        /* NULL for an empty slot */
    size_t len;
    uint64_t hash;
    styr_node *node;
    size_t size;             /* nodes in the anchored subtree */
    uint32_t height;         /* container levels of the anchored subtree */
} anchor;

typedef struct loader {
    const styr_limits *lim;
    styr_limits default_lim;  /* used when the caller passes no limits */
    styr_doc *doc;
    styr_error *err;
    yaml_parser_t parser;
    frame *frames;
    size_t depth, frames_alloc;
    styr_node **stack;       /* items of every open container, innermost last */
    size_t top, stack_alloc;
    anchor *anchors;         /* open addressing, mask+1 slots */
    size_t anchors_used, anchors_mask;
    styr_arena tmp;          /* lives as long as the load: anchor names */
    size_t alias_nodes;      /* nodes reached through aliases so far */
    uint64_t seed;
    int documents;
    int parser_ready;
    /* input: a buffer, or a file descriptor read in chunks */
    const char *buf;
    size_t len;
    int fd;
    size_t bytes_read;
    int read_errno;
    int too_big;
    styr_sha256 hash;        /* of every byte read */
} loader;

/* A message in the run's language: Swedish first (the default), English with
 * --lang en. Both are format strings with the same arguments. */
#define SV_OF(l, sv, en) ((l)->lim->lang == STYR_EXPLAIN_EN ? (en) : (sv))
#define SV(sv, en) SV_OF(L, sv, en)

__attribute__((format(printf, 5, 6)))
static styr_status fail(loader *L, styr_status code, size_t line, size_t column,
                        const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    styr_error_setv(L->err, code, L->doc->file, (unsigned)line, (unsigned)column, fmt, ap);
    va_end(ap);
    return code;
}

static styr_status fail_nomem(loader *L)
{
    return fail(L, STYR_E_NOMEM, 0, 0, SV("minnet tog slut när dokumentet lästes (%zu byte används)",
                                                "out of memory while loading the document (%zu bytes in use)"),
                L->doc->arena.used);
}

/* Writes key text for a message: quoted-safe, at most about 60 bytes. */
static const char *show_text(const char *s, size_t len, char *out, size_t cap)
{
    static const char hex[] = "0123456789abcdef";
    size_t i, o = 0;

    for (i = 0; i < len && o + 8 < cap; i++) {
        unsigned char c = (unsigned char)s[i];
        if (o > 60) {
            memcpy(out + o, "...", 3);
            o += 3;
            break;
        }
        if (c < 0x20 || c == 0x7f || c == '\'' || c == '\\') {
            out[o++] = '\\';
            if (c == '\'' || c == '\\') {
                out[o++] = (char)c;
            } else {
                out[o++] = 'x';
                out[o++] = hex[c >> 4];
                out[o++] = hex[c & 15];
            }
        } else {
            out[o++] = (char)c;
        }
    }
    out[o] = '\0';
    return out;
}

/* ---- scalar resolution (YAML 1.2 core schema, plain scalars only) ---- */

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static int eq3(const char *s, const char *a, const char *b, const char *c, size_t n)
{
    return !memcmp(s, a, n) || !memcmp(s, b, n) || !memcmp(s, c, n);
}

static int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* 0o... and 0x...: an int, a float when beyond int64, else leaves a string. */
static void resolve_radix(styr_node *n, const char *s, size_t len, unsigned radix)
{
    uint64_t acc = 0;
    double d = 0;
    int big = 0;
    size_t i;

    for (i = 2; i < len; i++) {
        int v = hex_value(s[i]);
        if (v < 0 || (unsigned)v >= radix)
            return;
        if (acc > (UINT64_MAX - (unsigned)v) / radix)
            big = 1;
        acc = acc * radix + (unsigned)v;
        d = d * radix + v;
    }
    if (!big && acc <= (uint64_t)INT64_MAX) {
        n->stype = STYR_SCALAR_INT;
        n->v.i = (int64_t)acc;
    } else {
        n->stype = STYR_SCALAR_FLOAT;
        n->v.f = d;
    }
}

/* Numbers and the special floats; anything else stays a string. */
static void resolve_number(styr_node *n, const char *s, size_t len)
{
    const char *p = s, *end = s + len, *q;
    int neg = 0;
    size_t d1 = 0, d2 = 0;

    if (*p == '+' || *p == '-') {
        neg = *p == '-';
        p++;
    }
    if (p == end)
        return;
    if (*p == '.' && end - p == 4) {
        if (eq3(p + 1, "inf", "Inf", "INF", 3)) {
            n->stype = STYR_SCALAR_FLOAT;
            n->v.f = neg ? -INFINITY : INFINITY;
            return;
        }
        if (p == s && eq3(p + 1, "nan", "NaN", "NAN", 3)) {
            n->stype = STYR_SCALAR_FLOAT;
            n->v.f = NAN;
            return;
        }
    }
    if (p == s && len > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'o')) {
        resolve_radix(n, s, len, s[1] == 'x' ? 16 : 8);
        return;
    }
    for (q = p; q < end && is_digit(*q); q++)
        d1++;
    if (q == end) {
        /* [-+]?[0-9]+ */
        uint64_t acc = 0, max = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
        for (q = p; q < end; q++) {
            unsigned v = (unsigned)(*q - '0');
            if (acc > (max - v) / 10)
                goto as_float;
            acc = acc * 10 + v;
        }
        n->stype = STYR_SCALAR_INT;
        if (!neg)
            n->v.i = (int64_t)acc;
        else
            n->v.i = acc > (uint64_t)INT64_MAX ? INT64_MIN : -(int64_t)acc;
        return;
    }
    /* [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)? */
    if (*q == '.') {
        for (q++; q < end && is_digit(*q); q++)
            d2++;
    }
    if (d1 == 0 && d2 == 0)
        return;
    if (q < end && (*q == 'e' || *q == 'E')) {
        size_t de = 0;
        q++;
        if (q < end && (*q == '+' || *q == '-'))
            q++;
        for (; q < end && is_digit(*q); q++)
            de++;
        if (!de)
            return;
    }
    if (q != end)
        return;
as_float:
    /* The text is NUL-terminated; strtod rounds correctly (C locale). */
    n->stype = STYR_SCALAR_FLOAT;
    n->v.f = strtod(s, NULL);
}

static void resolve_plain(styr_node *n, const char *s, size_t len)
{
    n->stype = STYR_SCALAR_STRING;
    if (len == 0) {
        n->stype = STYR_SCALAR_NULL;
        return;
    }
    switch (s[0]) {
    case '~':
        if (len == 1)
            n->stype = STYR_SCALAR_NULL;
        return;
    case 'n': case 'N':
        if (len == 4 && eq3(s, "null", "Null", "NULL", 4))
            n->stype = STYR_SCALAR_NULL;
        return;
    case 't': case 'T':
        if (len == 4 && eq3(s, "true", "True", "TRUE", 4)) {
            n->stype = STYR_SCALAR_BOOL;
            n->v.i = 1;
        }
        return;
    case 'f': case 'F':
        if (len == 5 && eq3(s, "false", "False", "FALSE", 5)) {
            n->stype = STYR_SCALAR_BOOL;
            n->v.i = 0;
        }
        return;
    case '.': case '+': case '-':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
        resolve_number(n, s, len);
        return;
    default:
        return;
    }
}

/* ---- stacks and tables ---- */

static styr_status push_item(loader *L, styr_node *n)
{
    if (L->top == L->stack_alloc) {
        size_t cap = L->stack_alloc ? 2 * L->stack_alloc : 1024;
        styr_node **s = realloc(L->stack, cap * sizeof *s);
        if (!s)
            return fail_nomem(L);
        L->stack = s;
        L->stack_alloc = cap;
    }
    L->stack[L->top++] = n;
    return STYR_OK;
}

static styr_node *new_node(loader *L, size_t extra, const yaml_mark_t *mark)
{
    styr_node *n = styr_arena_alloc_aligned(&L->doc->arena, sizeof *n + extra, _Alignof(styr_node));
    if (!n)
        return NULL;
    memset(n, 0, sizeof *n);
    n->line = (uint32_t)(mark->line + 1);
    n->column = (uint32_t)(mark->column + 1);
    L->doc->node_count++;
    return n;
}

static styr_node *copy_node(loader *L, const styr_node *from)
{
    styr_node *n = styr_arena_alloc_aligned(&L->doc->arena, sizeof *n, _Alignof(styr_node));
    if (!n)
        return NULL;
    *n = *from;
    L->doc->node_count++;
    return n;
}

static size_t add_sat(size_t a, size_t b)
{
    return a > SIZE_MAX - b ? SIZE_MAX : a + b;
}

/* Entry e of the open map f. */
static styr_node *entry_key(const loader *L, const frame *f, size_t e)
{
    return L->stack[f->start + 2 * e];
}

/* A hash set slot: the hash's low 32 bits find the home slot, and keep
 * most collisions and every rebuild away from the key nodes. */
static uint64_t slot_make(uint64_t h, size_t e)
{
    return (uint64_t)(uint32_t)h << 32 | (uint64_t)(e + 1);
}

static void keyset_place(frame *f, uint64_t slot)
{
    size_t i = (size_t)(slot >> 32) & f->tab_mask;
    while (f->tab[i])
        i = (i + 1) & f->tab_mask;
    f->tab[i] = slot;
}

/* Grows (or first builds) f's key hash set to the smallest power of two
 * holding n keys at most half full, the size styr_map_index_size uses. */
static styr_status keyset_build(loader *L, frame *f, size_t n)
{
    size_t cap = 64, e, old_cap = f->tab_mask ? f->tab_mask + 1 : 0;
    uint64_t *old = NULL;

    while (cap < 2 * n)
        cap <<= 1;
    if (old_cap) {
        /* Keep the old slots to re-place them: their hashes are stored. */
        old = malloc(old_cap * sizeof *old);
        if (!old)
            return fail_nomem(L);
        memcpy(old, f->tab, old_cap * sizeof *old);
    }
    if (cap > f->tab_alloc) {
        uint64_t *t = realloc(f->tab, cap * sizeof *t);
        if (!t) {
            free(old);
            return fail_nomem(L);
        }
        f->tab = t;
        f->tab_alloc = cap;
    }
    f->tab_mask = cap - 1;
    memset(f->tab, 0, cap * sizeof *f->tab);
    if (old) {
        for (e = 0; e < old_cap; e++)
            if (old[e])
                keyset_place(f, old[e]);
        free(old);
    } else {
        size_t count = (L->top - f->start) / 2;
        for (e = 0; e < count; e++) {
            const styr_node *k = entry_key(L, f, e);
            keyset_place(f, slot_make(styr_key_hash(k->u.text, k->count, L->seed), e));
        }
    }
    return STYR_OK;
}

/* The key of f equal to k's text, or NULL; *hash gets k's hash when f's
 * hash set is in use. */
static styr_node *keyset_find(const loader *L, const frame *f, const styr_node *k, uint64_t *hash)
{
    size_t n = (L->top - f->start) / 2, e;

    if (f->tab_mask) {
        uint64_t h = styr_key_hash(k->u.text, k->count, L->seed), s;
        uint32_t tag = (uint32_t)h;
        size_t i = (size_t)tag & f->tab_mask;
        *hash = h;
        while ((s = f->tab[i]) != 0) {
            if ((uint32_t)(s >> 32) == tag) {
                styr_node *o = entry_key(L, f, (size_t)(uint32_t)s - 1);
                if (o->count == k->count && !memcmp(o->u.text, k->u.text, k->count))
                    return o;
            }
            i = (i + 1) & f->tab_mask;
        }
        return NULL;
    }
    for (e = 0; e < n; e++) {
        styr_node *o = entry_key(L, f, e);
        if (o->count == k->count && !memcmp(o->u.text, k->u.text, k->count))
            return o;
    }
    return NULL;
}

/* Pushes key k (hash h, if keyset_find computed it) and value v as a new
 * entry of the open map f. */
static styr_status add_entry(loader *L, frame *f, styr_node *k, styr_node *v, uint64_t h)
{
    size_t e = (L->top - f->start) / 2;
    styr_status st;

    if (e >= UINT32_MAX - 1)
        return fail(L, STYR_E_LIMIT, k->line, k->column, SV("fler än %u fält i en och samma mappning",
                                                             "more than %u entries in one mapping"), UINT32_MAX - 2);
    if ((st = push_item(L, k)) != STYR_OK || (st = push_item(L, v)) != STYR_OK)
        return st;
    if (f->tab_mask == 0) {
        if (e + 1 > SMALL_MAP)
            return keyset_build(L, f, e + 1);
    } else if (2 * (e + 1) > f->tab_mask + 1) {
        if ((st = keyset_build(L, f, e + 1)) != STYR_OK)
            return st;
        keyset_place(f, slot_make(h, e));
    } else {
        keyset_place(f, slot_make(h, e));
    }
    return STYR_OK;
}

/* Fills the lookup index of the finished map n from f's hash set, which
 * uses the same hash and size, so the slots carry over as they are. */
static void index_from_keyset(loader *L, frame *f, styr_node *n)
{
    size_t nslots, i;
    uint32_t *slots = styr_map_index_slots(n, L->seed, &nslots);

    if (!slots)
        return;
    if (!f->tab_mask || nslots != f->tab_mask + 1) {
        styr_map_index_build(n, L->seed);
        return;
    }
    for (i = 0; i < nslots; i++)
        slots[i] = (uint32_t)f->tab[i];
}

static uint64_t anchor_hash(const char *name, size_t len)
{
    return styr_key_hash(name, len, 0x6a09e667f3bcc909ULL);
}

static anchor *anchor_find(const loader *L, const char *name, size_t len, uint64_t h)
{
    size_t i;

    if (!L->anchors)
        return NULL;
    for (i = h & L->anchors_mask; L->anchors[i].name; i = (i + 1) & L->anchors_mask) {
        anchor *a = &L->anchors[i];
        if (a->hash == h && a->len == len && !memcmp(a->name, name, len))
            return a;
    }
    return NULL;
}

/* Defines (or redefines, as YAML allows) anchor name; name must outlive the load. */
static styr_status anchor_define(loader *L, const char *name, size_t len, styr_node *node,
                                 size_t size, uint32_t height)
{
    uint64_t h = anchor_hash(name, len);
    anchor *a = anchor_find(L, name, len, h);
    size_t i;

    if (!a) {
        if (!L->anchors || 2 * (L->anchors_used + 1) > L->anchors_mask + 1) {   /* keep it half empty */
            size_t cap = L->anchors ? 2 * (L->anchors_mask + 1) : 64, j;
            anchor *t = calloc(cap, sizeof *t);
            if (!t)
                return fail_nomem(L);
            for (j = 0; L->anchors && j <= L->anchors_mask; j++) {
                if (!L->anchors[j].name)
                    continue;
                for (i = L->anchors[j].hash & (cap - 1); t[i].name; i = (i + 1) & (cap - 1))
                    ;
                t[i] = L->anchors[j];
            }
            free(L->anchors);
            L->anchors = t;
            L->anchors_mask = cap - 1;
        }
        for (i = h & L->anchors_mask; L->anchors[i].name; i = (i + 1) & L->anchors_mask)
            ;
        a = &L->anchors[i];
        a->name = name;
        a->len = len;
        a->hash = h;
        L->anchors_used++;
    }
    a->node = node;
    a->size = size;
    a->height = height;
    return STYR_OK;
}

/* ---- building ---- */

static int merge_source_ok(const styr_node *v, const styr_node **bad)
{
    uint32_t i;

    *bad = v;
    if (v->kind == STYR_NODE_MAP)
        return 1;
    if (v->kind != STYR_NODE_SEQ)
        return 0;
    for (i = 0; i < v->count; i++) {
        if (v->u.items[i]->kind != STYR_NODE_MAP) {
            /* Inside an aliased list, blame the alias the user wrote here. */
            if (!(v->flags & STYR_NODE_ALIAS))
                *bad = v->u.items[i];
            return 0;
        }
    }
    return 1;
}

/* Hangs a finished node (size nodes, height container levels) under the
 * innermost open container, or makes it the root. */
static styr_status attach(loader *L, styr_node *n, size_t size, uint32_t height, int merge_key)
{
    frame *f;

    if (L->depth == 0) {
        L->doc->root = n;
        return STYR_OK;
    }
    f = &L->frames[L->depth - 1];
    f->size = add_sat(f->size, size);
    if (height > f->height)
        f->height = height;
    n->parent = f->node;
    if (f->node->kind == STYR_NODE_SEQ) {
        size_t i = L->top - f->start;
        if (i >= UINT32_MAX - 1)
            return fail(L, STYR_E_LIMIT, n->line, n->column, SV("fler än %u delar i en och samma lista",
                                                                 "more than %u items in one sequence"), UINT32_MAX - 2);
        n->index = (uint32_t)i;
        return push_item(L, n);
    }

    n->index = (uint32_t)((L->top - f->start) / 2);
    if (f->expect_key) {
        styr_node *first;
        char shown[80];
        if (n->kind != STYR_NODE_SCALAR)
            return fail(L, STYR_E_INPUT, n->line, n->column, SV("en lista eller mappning som nyckel ('? ...') stöds inte; skriv nyckeln som text",
                           "complex mapping keys are not supported"));
        f->expect_key = 0;
        if (merge_key) {
            if (f->merge_key)
                return fail(L, STYR_E_INPUT, n->line, n->column,
                            SV("nyckeln '<<' finns två gånger (första gången på rad %u, kolumn %u); slå ihop flera "
                               "mappningar med en lista, som i '<<: [*a, *b]'",
                               "duplicate key '<<' (first at line %u, column %u); merge several "
                               "mappings with one list, as in '<<: [*a, *b]'"),
                            (unsigned)f->merge_key->line, (unsigned)f->merge_key->column);
            f->merge_key = n;
            f->merge_pending = 1;
            n->index = UINT32_MAX;
            return STYR_OK;
        }
        first = keyset_find(L, f, n, &f->key_hash);
        if (first)
            return fail(L, STYR_E_INPUT, n->line, n->column, SV("nyckeln '%s' finns två gånger (första gången på rad %u, kolumn %u); ta bort "
                           "den ena, eller slå ihop dem",
                           "duplicate key '%s' (first at line %u, column %u)"),
                        show_text(n->u.text, n->count, shown, sizeof shown),
                        (unsigned)first->line, (unsigned)first->column);
        /* The value completes the entry; keep the key on the stack meanwhile. */
        return push_item(L, n);
    }

    f->expect_key = 1;
    if (f->merge_pending) {
        const styr_node *bad;
        f->merge_pending = 0;
        n->index = UINT32_MAX;
        if (!merge_source_ok(n, &bad))
            return fail(L, STYR_E_INPUT, bad->line, bad->column,
                        SV("nyckeln '<<' behöver en mappning eller en lista av mappningar",
                           "merge key '<<' needs a mapping or a list of mappings"));
        f->merge_value = n;
        return STYR_OK;
    }
    /* The key is on top of the stack; pop it and add the whole entry. */
    L->top--;
    return add_entry(L, f, L->stack[L->top], n, f->key_hash);
}

static styr_status open_container(loader *L, yaml_event_t *ev, styr_node_kind kind)
{
    const yaml_char_t *anchor_name = kind == STYR_NODE_MAP ? ev->data.mapping_start.anchor
                                                           : ev->data.sequence_start.anchor;
    frame *f;
    styr_node *n;

    if (L->depth && L->frames[L->depth - 1].node->kind == STYR_NODE_MAP && L->frames[L->depth - 1].expect_key)
        return fail(L, STYR_E_INPUT, ev->start_mark.line + 1, ev->start_mark.column + 1,
                    SV("en lista eller mappning som nyckel ('? ...') stöds inte; skriv nyckeln som text",
                           "complex mapping keys are not supported"));
    if (L->depth + 1 > L->lim->max_depth)
        return fail(L, STYR_E_LIMIT, ev->start_mark.line + 1, ev->start_mark.column + 1,
                    SV("nästlat i fler än %u nivåer", "nesting deeper than %u levels"), L->lim->max_depth);
    if (L->depth == L->frames_alloc) {
        size_t cap = L->frames_alloc ? 2 * L->frames_alloc : 32;
        frame *t = realloc(L->frames, cap * sizeof *t);
        if (!t)
            return fail_nomem(L);
        memset(t + L->frames_alloc, 0, (cap - L->frames_alloc) * sizeof *t);
        L->frames = t;
        L->frames_alloc = cap;
    }
    n = new_node(L, 0, &ev->start_mark);
    if (!n)
        return fail_nomem(L);
    n->kind = (uint8_t)kind;

    f = &L->frames[L->depth++];
    f->node = n;
    f->start = L->top;
    f->size = 0;
    f->height = 0;
    f->anchor = NULL;
    f->anchor_len = 0;
    f->expect_key = kind == STYR_NODE_MAP;
    f->merge_pending = 0;
    f->merge_key = NULL;
    f->merge_value = NULL;
    f->tab_mask = 0;
    if (anchor_name) {
        f->anchor_len = strlen((const char *)anchor_name);
        f->anchor = styr_arena_strndup(&L->tmp, (const char *)anchor_name, f->anchor_len);
        if (!f->anchor)
            return fail_nomem(L);
    }
    return STYR_OK;
}

/* Appends the entries of the merge sources that f does not have yet; an
 * earlier source wins over a later one, explicit keys over all. */
static styr_status apply_merge(loader *L, frame *f)
{
    const styr_node *v = f->merge_value;
    uint32_t nsrc = v->kind == STYR_NODE_MAP ? 1 : v->count, s, e;
    styr_status st;

    for (s = 0; s < nsrc; s++) {
        const styr_node *src = v->kind == STYR_NODE_MAP ? v : v->u.items[s];
        for (e = 0; e < src->count; e++) {
            const styr_node *k = src->u.items[2 * (size_t)e];
            styr_node *nk, *nv;
            uint64_t h = 0;
            if (keyset_find(L, f, k, &h))
                continue;
            nk = copy_node(L, k);
            nv = nk ? copy_node(L, src->u.items[2 * (size_t)e + 1]) : NULL;
            if (!nv)
                return fail_nomem(L);
            nk->flags |= STYR_NODE_MERGED;
            nv->flags |= STYR_NODE_MERGED;
            nk->parent = nv->parent = f->node;
            nk->index = nv->index = (uint32_t)((L->top - f->start) / 2);
            if ((st = add_entry(L, f, nk, nv, h)) != STYR_OK)
                return st;
        }
    }
    return STYR_OK;
}

static styr_status close_container(loader *L)
{
    frame *f = &L->frames[L->depth - 1];
    styr_node *n = f->node;
    size_t items = L->top - f->start, extra = 0, size;
    uint32_t height;
    styr_status st;

    if (n->kind == STYR_NODE_MAP) {
        if (f->merge_value && (st = apply_merge(L, f)) != STYR_OK)
            return st;
        items = L->top - f->start;
        n->count = (uint32_t)(items / 2);
        extra = styr_map_index_size(n->count);
    } else {
        n->count = (uint32_t)items;
    }
    if (items) {
        n->u.items = styr_arena_alloc_aligned(&L->doc->arena, items * sizeof(styr_node *) + extra,
                                              _Alignof(styr_node *));
        if (!n->u.items)
            return fail_nomem(L);
        memcpy(n->u.items, L->stack + f->start, items * sizeof(styr_node *));
        if (extra)
            index_from_keyset(L, f, n);
    }
    L->top = f->start;
    size = add_sat(f->size, 1);
    height = f->height + 1;
    if (f->anchor && (st = anchor_define(L, f->anchor, f->anchor_len, n, size, height)) != STYR_OK)
        return st;
    L->depth--;
    return attach(L, n, size, height, 0);
}

/* Sets n's type, flags and value from its text (NUL-terminated, len bytes);
 * *merge_key tells whether it is a merge key '<<'. */
static void classify_scalar(styr_node *n, const char *text, size_t len, const yaml_event_t *ev, int *merge_key)
{
    const char *tag = (const char *)ev->data.scalar.tag;

    n->v.i = 0;
    *merge_key = 0;
    if (ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE) {
        n->stype = STYR_SCALAR_STRING;
        n->flags = STYR_NODE_QUOTED;
    } else if (tag && (!strcmp(tag, TAG_STR) || !strcmp(tag, "!"))) {
        n->stype = STYR_SCALAR_STRING;
    } else {
        resolve_plain(n, text, len);
        *merge_key = len == 2 && text[0] == '<' && text[1] == '<' && (!tag || !strcmp(tag, TAG_MERGE));
    }
}

static styr_status on_scalar(loader *L, yaml_event_t *ev)
{
    size_t len = ev->data.scalar.length;
    const char *value = (const char *)ev->data.scalar.value;
    const yaml_char_t *anchor_name = ev->data.scalar.anchor;
    int merge_key;
    styr_node *n;

    if (len > L->lim->max_scalar_bytes || len >= UINT32_MAX)
        return fail(L, STYR_E_LIMIT, ev->start_mark.line + 1, ev->start_mark.column + 1,
                    SV("värdet är %zu byte; gränsen är %zu (--max-scalar-size)",
                       "scalar is %zu bytes; the limit is %zu (--max-scalar-size)"), len, L->lim->max_scalar_bytes);
    /* The reader rejects raw NUL bytes; only an escape can make one. */
    if (ev->data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE && len && memchr(value, '\0', len))
        return fail(L, STYR_E_INPUT, ev->start_mark.line + 1, ev->start_mark.column + 1,
                    SV("värdet innehåller en NUL-byte (en escape som \\0); NUL-byte stöds inte",
                       "scalar contains a NUL byte (an escape such as \\0); NUL bytes are not supported"));
    if (len < sizeof n->v) {
        /* A short string needs no room of its own: its text lives in the
         * node's value field, which strings do not use. */
        styr_node r;
        char small[sizeof n->v];
        int in_node;
        memset(small, 0, sizeof small);
        if (len)
            memcpy(small, value, len);
        r.flags = 0;
        classify_scalar(&r, small, len, ev, &merge_key);
        in_node = r.stype == STYR_SCALAR_STRING || r.stype == STYR_SCALAR_NULL;
        n = new_node(L, in_node ? 0 : len + 1, &ev->start_mark);
        if (!n)
            return fail_nomem(L);
        if (in_node) {
            memcpy(&n->v, small, sizeof small);
            n->u.text = (const char *)&n->v;
        } else {
            memcpy(n + 1, small, len + 1);
            n->u.text = (const char *)(n + 1);
            n->v = r.v;
        }
        n->stype = r.stype;
        n->flags = r.flags;
    } else {
        /* The text lives right after its node: one allocation, one copy. */
        char *text;
        n = new_node(L, len + 1, &ev->start_mark);
        if (!n)
            return fail_nomem(L);
        text = (char *)(n + 1);
        memcpy(text, value, len);
        text[len] = '\0';
        n->u.text = text;
        classify_scalar(n, text, len, ev, &merge_key);
    }
    n->kind = STYR_NODE_SCALAR;
    n->count = (uint32_t)len;
    if (anchor_name) {
        size_t alen = strlen((const char *)anchor_name);
        char *name = styr_arena_strndup(&L->tmp, (const char *)anchor_name, alen);
        styr_status st;
        if (!name)
            return fail_nomem(L);
        if ((st = anchor_define(L, name, alen, n, 1, 0)) != STYR_OK)
            return st;
    }
    return attach(L, n, 1, 0, merge_key);
}

static styr_status on_alias(loader *L, yaml_event_t *ev)
{
    const char *name = (const char *)ev->data.alias.anchor;
    size_t len = strlen(name);
    const anchor *a = anchor_find(L, name, len, anchor_hash(name, len));
    const yaml_mark_t *m = &ev->start_mark;
    char shown[80];
    styr_node *n;
    size_t i;

    if (!a) {
        for (i = 0; i < L->depth; i++)
            if (L->frames[i].anchor && L->frames[i].anchor_len == len && !memcmp(L->frames[i].anchor, name, len))
                return fail(L, STYR_E_INPUT, m->line + 1, m->column + 1,
                            SV("aliaset '*%s' pekar på något som innehåller aliaset självt; rekursiva strukturer stöds inte",
                           "alias '*%s' refers to a node that contains it; recursive structures are not supported"),
                            show_text(name, len, shown, sizeof shown));
        return fail(L, STYR_E_INPUT, m->line + 1, m->column + 1, SV("okänt alias '*%s' (inget ankare '&%s' före det)", "unknown alias '*%s'%.0s"),
                    show_text(name, len, shown, sizeof shown), shown);
    }
    L->alias_nodes = add_sat(L->alias_nodes, a->size);
    if (L->alias_nodes > L->lim->max_alias_nodes)
        return fail(L, STYR_E_LIMIT, m->line + 1, m->column + 1,
                    SV("aliasen blir fler än %zu noder när de läses ut (en \"billion laughs\"-attack?); höj "
                       "--max-alias-nodes om det är meningen",
                       "aliases expand to more than %zu nodes (billion laughs?); raise --max-alias-nodes "
                       "if this is intended"), L->lim->max_alias_nodes);
    /* Aliases must not smuggle in nesting the depth limit would refuse. */
    if (L->depth + a->height > L->lim->max_depth)
        return fail(L, STYR_E_LIMIT, m->line + 1, m->column + 1,
                    SV("nästlat i fler än %u nivåer (genom aliaset '*%s')",
                       "nesting deeper than %u levels (through alias '*%s')"), L->lim->max_depth,
                    show_text(name, len, shown, sizeof shown));
    n = copy_node(L, a->node);
    if (!n)
        return fail_nomem(L);
    n->flags = (uint16_t)((a->node->flags & STYR_NODE_QUOTED) | STYR_NODE_ALIAS);
    n->line = (uint32_t)(m->line + 1);
    n->column = (uint32_t)(m->column + 1);
    n->parent = NULL;
    n->index = 0;
    return attach(L, n, a->size, a->height, 0);
}

static styr_status on_event(loader *L, yaml_event_t *ev)
{
    switch (ev->type) {
    case YAML_DOCUMENT_START_EVENT:
        if (L->documents++)
            return fail(L, STYR_E_INPUT, ev->start_mark.line + 1, ev->start_mark.column + 1,
                        SV("flera YAML-dokument i samma fil ('---'); lägg varje plan i en egen fil",
                           "several YAML documents in one stream; put each plan in its own file"));
        return STYR_OK;
    case YAML_SCALAR_EVENT:
        return on_scalar(L, ev);
    case YAML_ALIAS_EVENT:
        return on_alias(L, ev);
    case YAML_SEQUENCE_START_EVENT:
        return open_container(L, ev, STYR_NODE_SEQ);
    case YAML_MAPPING_START_EVENT:
        return open_container(L, ev, STYR_NODE_MAP);
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT:
        return close_container(L);
    default:
        return STYR_OK;
    }
}

/* ---- errors from libyaml ---- */

/* Walks the input again from its start, byte by byte, after libyaml has
 * failed: from the buffer, or from the file with pread (not for pipes). */
typedef struct input_walk {
    loader *L;
    size_t off;              /* offset of the next byte */
    size_t n, i;             /* bytes in chunk, next one */
    int failed;              /* the input cannot be read again */
    unsigned char chunk[16384];
} input_walk;

static void walk_init(input_walk *w, loader *L)
{
    w->L = L;
    w->off = w->n = w->i = 0;
    w->failed = !L->buf && L->fd < 0;
}

/* The next byte, or -1 at the end (or when the input cannot be read again). */
static int walk_next(input_walk *w)
{
    if (w->L->buf) {
        if (w->off >= w->L->len)
            return -1;
        return (unsigned char)w->L->buf[w->off++];
    }
    if (w->i == w->n) {
        ssize_t r;
        if (w->failed)
            return -1;
        do
            r = pread(w->L->fd, w->chunk, sizeof w->chunk, (off_t)w->off);
        while (r < 0 && errno == EINTR);
        if (r <= 0) {
            w->failed = r < 0;
            return -1;
        }
        w->n = (size_t)r;
        w->i = 0;
    }
    w->off++;
    return w->chunk[w->i++];
}

/* Skips a leading UTF-8 BOM, which libyaml does not count as a column. */
static int walk_first(input_walk *w)
{
    int c = walk_next(w);
    if (c == 0xef) {
        int c2 = walk_next(w), c3 = c2 == 0xbb ? walk_next(w) : -1;
        if (c2 == 0xbb && c3 == 0xbf)
            return walk_next(w);
        /* Not a BOM: start over without skipping. */
        walk_init(w, w->L);
        return walk_next(w);
    }
    return c;
}

/* Moves (line, col) past byte c the way libyaml counts: columns in
 * characters, CR LF one line break. */
static void advance_pos(int c, int *prev_cr, size_t *line, size_t *col)
{
    if (c == '\n') {
        if (!*prev_cr) {
            (*line)++;
            *col = 1;
        }
    } else if (c == '\r') {
        (*line)++;
        *col = 1;
    } else if ((c & 0xc0) != 0x80) {
        (*col)++;
    }
    *prev_cr = c == '\r';
}

/* Where libyaml's reader failed: it only knows a byte offset. */
static void reader_position(loader *L, size_t off, size_t *line, size_t *col)
{
    input_walk w;
    int c, prev_cr = 0;

    *line = 1;
    *col = 1;
    walk_init(&w, L);
    for (c = walk_first(&w); c >= 0 && w.off - 1 < off; c = walk_next(&w))
        advance_pos(c, &prev_cr, line, col);
    if (w.failed)
        *line = *col = 0;   /* a pipe: no position to give */
}

/* True when the input holds nothing but white space and comments, which
 * libyaml rejects if a line has tabs but which is just an empty stream. */
static int input_is_blank(loader *L)
{
    input_walk w;
    int c;

    walk_init(&w, L);
    for (c = walk_first(&w); c >= 0; c = walk_next(&w)) {
        if (c == '#') {
            while (c >= 0 && c != '\n' && c != '\r')
                c = walk_next(&w);
            if (c < 0)
                break;
        } else if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
            return 0;
        }
    }
    return !w.failed;
}

/* The whole input again, for an explanation: the buffer itself, or the file
 * read into *owned (NULL when it cannot be read again, e.g. a pipe). */
static const char *whole_input(loader *L, char **owned, size_t *len)
{
    *owned = NULL;
    *len = 0;
    if (L->buf) {
        *len = L->len;
        return L->buf;
    }
    if (L->fd < 0)
        return NULL;
    struct stat sb;
    if (fstat(L->fd, &sb) != 0 || !S_ISREG(sb.st_mode) || (uintmax_t)sb.st_size > L->lim->max_file_bytes)
        return NULL;
    char *text = malloc((size_t)sb.st_size + 1);
    size_t got = 0;
    while (text && got < (size_t)sb.st_size) {
        ssize_t r = pread(L->fd, text + got, (size_t)sb.st_size - got, (off_t)got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        got += (size_t)r;
    }
    if (!text || got != (size_t)sb.st_size) {
        free(text);
        return NULL;
    }
    *owned = text;
    *len = got;
    return text;
}

/* A scanner or parser error: libyaml's words, explained for a plan writer
 * in the run's language (yaml_explain.c) with libyaml's text kept. */
static styr_status explained_syntax_error(loader *L)
{
    yaml_parser_t *p = &L->parser;
    styr_yaml_syntax s;
    char *owned;
    size_t len;

    s.problem = p->problem ? p->problem : "malformed YAML";
    s.context = p->context;
    s.line = (unsigned)p->problem_mark.line + 1;
    s.column = (unsigned)p->problem_mark.column + 1;
    s.context_line = p->context ? (unsigned)p->context_mark.line + 1 : 0;
    s.context_column = p->context ? (unsigned)p->context_mark.column + 1 : 0;
    fail(L, STYR_E_SYNTAX, s.line, s.column, "%s", s.problem);
    const char *text = whole_input(L, &owned, &len);
    styr_yaml_explain(text, len, &s, L->lim->lang, L->err);
    free(owned);
    return STYR_E_SYNTAX;
}

static styr_status reader_error(loader *L);

static styr_status parser_error(loader *L)
{
    switch (L->parser.error) {
    case YAML_MEMORY_ERROR:
        return fail_nomem(L);
    case YAML_READER_ERROR: {
        styr_status st = reader_error(L);
        styr_yaml_explain_reader(L->lim->lang, L->err);   /* Swedish first, the detail kept */
        return st;
    }
    case YAML_SCANNER_ERROR:
    case YAML_PARSER_ERROR:
    default:
        return explained_syntax_error(L);
    }
}

/* libyaml's reader refused the input: its words made precise. */
static styr_status reader_error(loader *L)
{
    yaml_parser_t *p = &L->parser;
    size_t line, col;
    const char *pr = p->problem ? p->problem : "unreadable input";
    int v = p->problem_value;
    if (!strcmp(pr, "input error")) {
        if (L->too_big)
            return fail(L, STYR_E_LIMIT, 0, 0, SV("filen är större än %zu byte; gränsen är %zu (--max-file-size)",
                           "file is more than %zu bytes; the limit is %zu (--max-file-size)"),
                        L->lim->max_file_bytes, L->lim->max_file_bytes);
        return fail(L, STYR_E_IO, 0, 0, SV("kan inte läsas: %s", "cannot read: %s"), styr_errno_text(L->read_errno, L->lim->lang == STYR_EXPLAIN_EN));
    }
    reader_position(L, p->problem_offset, &line, &col);
    if (!strcmp(pr, "control characters are not allowed")) {
        if (v == 0)
            return fail(L, STYR_E_SYNTAX, line, col,
                        SV("styrtecken (NUL-byte) i filen; är det en binärfil eller en UTF-16-fil?",
                           "control character (NUL byte) in the input; is this a binary or UTF-16 file?"));
        if (v < 0x20 || (v >= 0x7f && v <= 0x9f))
            return fail(L, STYR_E_SYNTAX, line, col,
                        SV("styrtecknet U+%04X är inte tillåtet i YAML", "control character U+%04X is not allowed in YAML"),
                        (unsigned)v);
        return fail(L, STYR_E_SYNTAX, line, col, SV("tecknet U+%04X är inte tillåtet i YAML",
                                                              "character U+%04X is not allowed in YAML"), (unsigned)v);
    }
    if (!strcmp(pr, "invalid leading UTF-8 octet"))
        return fail(L, STYR_E_SYNTAX, line, col,
                    SV("ogiltig UTF-8: byten 0x%02X kan inte inleda ett tecken; spara filen som UTF-8 "
                       "(är den sparad som Latin-1 eller Windows-1252?)",
                       "invalid UTF-8: byte 0x%02X cannot start a character; save the file as UTF-8 "
                       "(is it Latin-1 or Windows-1252?)"), (unsigned)v & 0xffu);
    if (!strcmp(pr, "invalid trailing UTF-8 octet"))
        /* libyaml points at the bad byte; the broken character starts one column before it. */
        return fail(L, STYR_E_SYNTAX, line, col > 1 ? col - 1 : col,
                    SV("ogiltig UTF-8: ett tecken tar slut för tidigt (byten 0x%02X kan inte fortsätta det); "
                       "spara filen som UTF-8 (är den sparad som Latin-1 eller Windows-1252?)",
                       "invalid UTF-8: a character is cut short (byte 0x%02X cannot continue it); save the "
                       "file as UTF-8 (is it Latin-1 or Windows-1252?)"), (unsigned)v & 0xffu);
    if (!strcmp(pr, "incomplete UTF-8 octet sequence"))
        return fail(L, STYR_E_SYNTAX, line, col, SV("ogiltig UTF-8: filen tar slut mitt i ett tecken",
                                                        "invalid UTF-8: the input ends inside a character"));
    if (!strcmp(pr, "invalid length of a UTF-8 sequence"))
        return fail(L, STYR_E_SYNTAX, line, col, SV("ogiltig UTF-8: ett tecken är kodat med för många byte",
                                                        "invalid UTF-8: overlong encoding of a character"));
    if (!strcmp(pr, "invalid Unicode character"))
        return fail(L, STYR_E_SYNTAX, line, col,
                    SV("ogiltig UTF-8: U+%04X är inget Unicode-tecken (surrogat eller utanför området)",
                       "invalid UTF-8: U+%04X is not a Unicode character (surrogate or out of range)"), (unsigned)v);
    if (strstr(pr, "UTF-16") || strstr(pr, "surrogate"))
        return fail(L, STYR_E_SYNTAX, line, col, SV("ogiltig UTF-16: %s", "invalid UTF-16: %s"), pr);
    return fail(L, STYR_E_SYNTAX, line, col, "%s", pr);
}

/* ---- entry points ---- */

static int read_fd(void *data, unsigned char *buffer, size_t size, size_t *size_read)
{
    loader *L = data;
    ssize_t r;

    do
        r = read(L->fd, buffer, size);
    while (r < 0 && errno == EINTR);
    if (r < 0) {
        L->read_errno = errno;
        return 0;
    }
    L->bytes_read += (size_t)r;
    styr_sha256_update(&L->hash, buffer, (size_t)r);
    /* The file may have grown since stat, or not be a regular file at all. */
    if (L->bytes_read > L->lim->max_file_bytes) {
        L->too_big = 1;
        return 0;
    }
    *size_read = (size_t)r;
    return 1;
}

static uint64_t load_seed(const void *p)
{
    struct timespec ts = {0, 0};
    uint64_t x;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    x = (uint64_t)(uintptr_t)p ^ ((uint64_t)ts.tv_nsec << 21) ^ (uint64_t)ts.tv_sec;
    return styr_key_hash((const char *)&x, sizeof x, 0x510e527fade682d1ULL);
}

/* Sets up L and an empty document named name. */
static styr_status loader_init(loader *L, const char *name, const styr_limits *lim, styr_error *err)
{
    memset(L, 0, sizeof *L);
    if (!lim) {
        styr_limits_default(&L->default_lim);
        lim = &L->default_lim;
    }
    L->lim = lim;
    L->err = err;
    L->fd = -1;
    styr_sha256_init(&L->hash);
    styr_arena_init(&L->tmp);
    L->doc = calloc(1, sizeof *L->doc);
    if (!L->doc)
        return styr_error_set(err, STYR_E_NOMEM, name, 0, 0, "out of memory");
    styr_arena_init(&L->doc->arena);
    L->doc->file = strdup(name ? name : "");
    if (!L->doc->file)
        return styr_error_set(err, STYR_E_NOMEM, name, 0, 0, "out of memory");
    L->seed = load_seed(L->doc);
    if (!yaml_parser_initialize(&L->parser))
        return styr_error_set(err, STYR_E_NOMEM, name, 0, 0, "out of memory");
    L->parser_ready = 1;
    return STYR_OK;
}

/* Pulls every event; on success hands the document to *out. */
static styr_status loader_run(loader *L, styr_doc **out)
{
    yaml_event_t ev;
    styr_status st;
    int end;

    for (;;) {
        if (!yaml_parser_parse(&L->parser, &ev)) {
            if (L->documents == 0 && L->parser.error == YAML_SCANNER_ERROR && input_is_blank(L))
                break;   /* only blanks and comments: an empty stream */
            return parser_error(L);
        }
        st = on_event(L, &ev);
        end = ev.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&ev);
        if (st != STYR_OK)
            return st;
        if (end)
            break;
    }
    L->doc->bytes = L->buf ? L->len : L->bytes_read;
    if (L->buf)
        styr_sha256_update(&L->hash, L->buf, L->len);
    else   /* libyaml stops at the stream's end; the hash covers the whole file */
        for (;;) {
            unsigned char rest[4096];
            size_t got = 0;
            if (!read_fd(L, rest, sizeof rest, &got) || got == 0)
                break;
        }
    styr_sha256_final(&L->hash, L->doc->sha256);
    L->doc->has_sha256 = !L->read_errno && !L->too_big;
    *out = L->doc;
    L->doc = NULL;
    return STYR_OK;
}

static void loader_free(loader *L)
{
    size_t i;

    for (i = 0; i < L->frames_alloc; i++)
        free(L->frames[i].tab);
    free(L->frames);
    free(L->stack);
    free(L->anchors);
    styr_arena_free(&L->tmp);
    if (L->parser_ready)
        yaml_parser_delete(&L->parser);
    styr_doc_free(L->doc);
    if (L->fd >= 0)
        close(L->fd);
}

styr_status styr_doc_load_buffer(const char *name, const char *buf, size_t len,
                                 const styr_limits *lim, styr_doc **out,
                                 styr_error *err)
{
    loader L;
    styr_status st;

    *out = NULL;
    styr_error_clear(err);
    if ((st = loader_init(&L, name, lim, err)) != STYR_OK)
        goto cleanup;
    if (!buf && len) {
        st = fail(&L, STYR_E_USAGE, 0, 0, SV_OF(&L, "ingen indata", "no input buffer"));
        goto cleanup;
    }
    if (len > L.lim->max_file_bytes) {
        st = fail(&L, STYR_E_LIMIT, 0, 0, SV_OF(&L, "filen är %zu byte; gränsen är %zu (--max-file-size)",
                                              "file is %zu bytes; the limit is %zu (--max-file-size)"), len,
                  L.lim->max_file_bytes);
        goto cleanup;
    }
    L.buf = buf ? buf : "";
    L.len = len;
    yaml_parser_set_input_string(&L.parser, (const unsigned char *)L.buf, len);
    st = loader_run(&L, out);
cleanup:
    loader_free(&L);
    return st;
}

styr_status styr_doc_load_file(const char *path, const styr_limits *lim,
                               styr_doc **out, styr_error *err)
{
    loader L;
    styr_status st;
    struct stat sb;

    *out = NULL;
    styr_error_clear(err);
    int from_stdin = strcmp(path, "-") == 0;
    if ((st = loader_init(&L, from_stdin ? "<stdin>" : path, lim, err)) != STYR_OK)
        goto cleanup;
    if (from_stdin)
        L.fd = fcntl(STDIN_FILENO, F_DUPFD_CLOEXEC, 0);   /* closed with the loader; stdin stays open */
    else
        do
            L.fd = open(path, O_RDONLY | O_CLOEXEC);
        while (L.fd < 0 && errno == EINTR);
    if (L.fd < 0) {
        st = fail(&L, STYR_E_IO, 0, 0, SV_OF(&L, "kan inte öppnas: %s", "cannot open: %s"), styr_errno_text(errno, L.lim->lang == STYR_EXPLAIN_EN));
        goto cleanup;
    }
    styr_inputs_note_fd(L.fd, path);
    if (fstat(L.fd, &sb) != 0) {
        st = fail(&L, STYR_E_IO, 0, 0, SV_OF(&L, "kan inte läsas: %s", "cannot read: %s"), styr_errno_text(errno, L.lim->lang == STYR_EXPLAIN_EN));
        goto cleanup;
    }
    if (S_ISDIR(sb.st_mode)) {
        st = fail(&L, STYR_E_IO, 0, 0, SV_OF(&L, "är en mapp, inte en YAML-fil", "is a directory, not a YAML file"));
        goto cleanup;
    }
    if (S_ISREG(sb.st_mode) && (uintmax_t)sb.st_size > (uintmax_t)L.lim->max_file_bytes) {
        st = fail(&L, STYR_E_LIMIT, 0, 0, SV_OF(&L, "filen är %jd byte; gränsen är %zu (--max-file-size)",
                     "file is %jd bytes; the limit is %zu (--max-file-size)"),
                  (intmax_t)sb.st_size, L.lim->max_file_bytes);
        goto cleanup;
    }
    yaml_parser_set_input(&L.parser, read_fd, &L);
    st = loader_run(&L, out);
cleanup:
    loader_free(&L);
    return st;
}
