/* doc.c - reading the document tree: key lookup (with the hash index of big
 * mappings), node paths for messages, and freeing a document.
 * Building the tree is doc_load.c's job.
 */
#include "doc.h"
#include "internal/map_index.h"

#include <stdlib.h>
#include <string.h>

/* Mappings with more entries than this carry a hash index; below it a linear
 * scan of a few short keys beats hashing. */
#define MAP_INDEX_MIN 16u

/* The index header sits right after the 2*count item pointers and is
 * followed by mask+1 slots, each 0 (empty) or entry index + 1. */
typedef struct map_index {
    uint64_t seed;
    uint64_t mask;
} map_index;

void styr_doc_free(styr_doc *doc)
{
    if (!doc)
        return;
    styr_arena_free(&doc->arena);
    free(doc->file);
    free(doc);
}

static uint64_t rotl64(uint64_t x, unsigned r)
{
    return (x << r) | (x >> (64 - r));
}

static uint64_t mix64(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    return x;
}

uint64_t styr_key_hash(const char *s, size_t len, uint64_t seed)
{
    const uint64_t k1 = 0x87c37b91114253d5ULL, k2 = 0x4cf5ad432745937fULL;
    uint64_t h = seed ^ ((uint64_t)len * 0x9e3779b97f4a7c15ULL);
    uint64_t w;

    while (len >= 8) {
        memcpy(&w, s, 8);
        h ^= rotl64(w * k1, 31) * k2;
        h = rotl64(h, 27) * 5 + 0x52dce729;
        s += 8;
        len -= 8;
    }
    if (len) {
        w = 0;
        memcpy(&w, s, len);
        h ^= rotl64(w * k1, 31) * k2;
    }
    return mix64(h ^ seed);
}

size_t styr_map_index_size(uint32_t count)
{
    size_t cap = 1;

    if (count <= MAP_INDEX_MIN)
        return 0;
    /* At most half full, so probes stay short. */
    while (cap < 2 * (size_t)count)
        cap <<= 1;
    return sizeof(map_index) + cap * sizeof(uint32_t);
}

static map_index *index_of(const styr_node *map)
{
    return (map_index *)(void *)(map->u.items + 2 * (size_t)map->count);
}

static int key_equals(const styr_node *k, const char *key, size_t len)
{
    return k->count == len && (len == 0 || memcmp(k->u.text, key, len) == 0);
}

uint32_t *styr_map_index_slots(styr_node *map, uint64_t seed, size_t *nslots)
{
    size_t size = styr_map_index_size(map->count);
    map_index *idx;

    *nslots = 0;
    if (!size)
        return NULL;
    idx = index_of(map);
    idx->seed = seed;
    idx->mask = (size - sizeof(map_index)) / sizeof(uint32_t) - 1;
    *nslots = (size_t)idx->mask + 1;
    return (uint32_t *)(void *)(idx + 1);
}

void styr_map_index_build(styr_node *map, uint64_t seed)
{
    size_t nslots, mask;
    uint32_t *slots = styr_map_index_slots(map, seed, &nslots);
    uint32_t e;

    if (!slots)
        return;
    mask = nslots - 1;
    memset(slots, 0, nslots * sizeof(uint32_t));
    for (e = 0; e < map->count; e++) {
        const styr_node *k = map->u.items[2 * (size_t)e];
        size_t i = (size_t)styr_key_hash(k->u.text, k->count, seed) & mask;
        while (slots[i])
            i = (i + 1) & mask;
        slots[i] = e + 1;
    }
}

const styr_node *styr_map_get(const styr_node *map, const char *key, size_t len)
{
    uint32_t e;

    if (!map || map->kind != STYR_NODE_MAP || (!key && len))
        return NULL;
    if (map->count > MAP_INDEX_MIN) {
        const map_index *idx = index_of(map);
        const uint32_t *slots = (const uint32_t *)(const void *)(idx + 1);
        uint64_t i = styr_key_hash(key, len, idx->seed) & idx->mask;
        while ((e = slots[i]) != 0) {
            if (key_equals(map->u.items[2 * (size_t)(e - 1)], key, len))
                return map->u.items[2 * (size_t)(e - 1) + 1];
            i = (i + 1) & idx->mask;
        }
        return NULL;
    }
    for (e = 0; e < map->count; e++)
        if (key_equals(map->u.items[2 * (size_t)e], key, len))
            return map->u.items[2 * (size_t)e + 1];
    return NULL;
}

/* ---- paths ---- */

/* Writes characters at logical offsets into buf, keeping only what fits
 * before the terminating NUL; with buf NULL it only counts. */
typedef struct path_out {
    char *buf;
    size_t cap;
    size_t pos;
} path_out;

static void out_char(path_out *o, char c)
{
    if (o->buf && o->pos + 1 < o->cap)
        o->buf[o->pos] = c;
    o->pos++;
}

static void out_str(path_out *o, const char *s)
{
    while (*s)
        out_char(o, *s++);
}

static int is_plain_key(const styr_node *k)
{
    uint32_t i;

    if (k->count == 0)
        return 0;
    for (i = 0; i < k->count; i++) {
        unsigned char c = (unsigned char)k->u.text[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '-'))
            return 0;
    }
    return 1;
}

/* Writes s as the inside of a JSON string. */
static void out_json(path_out *o, const char *s, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    size_t i;

    for (i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '"': out_str(o, "\\\""); break;
        case '\\': out_str(o, "\\\\"); break;
        case '\b': out_str(o, "\\b"); break;
        case '\f': out_str(o, "\\f"); break;
        case '\n': out_str(o, "\\n"); break;
        case '\r': out_str(o, "\\r"); break;
        case '\t': out_str(o, "\\t"); break;
        default:
            if (c < 0x20 || c == 0x7f) {
                out_str(o, "\\u00");
                out_char(o, hex[c >> 4]);
                out_char(o, hex[c & 15]);
            } else {
                out_char(o, (char)c);
            }
        }
    }
}

/* Writes the path component that leads from n's parent to n: "[3]", ".key",
 * "key" (first component) or "[\"odd key\"]". */
static void out_component(path_out *o, const styr_node *n)
{
    const styr_node *p = n->parent;
    int first = p->parent == NULL;

    if (p->kind == STYR_NODE_SEQ) {
        char num[16];
        unsigned v = n->index;
        int k = 0;
        out_char(o, '[');
        do {
            num[k++] = (char)('0' + v % 10);
            v /= 10;
        } while (v);
        while (k)
            out_char(o, num[--k]);
        out_char(o, ']');
        return;
    }
    if (n->index < p->count && p->u.items[2 * (size_t)n->index + 1] == n) {
        const styr_node *k = p->u.items[2 * (size_t)n->index];
        if (is_plain_key(k)) {
            if (!first)
                out_char(o, '.');
            out_json(o, k->u.text, k->count);
        } else {
            out_str(o, "[\"");
            out_json(o, k->u.text, k->count);
            out_str(o, "\"]");
        }
        return;
    }
    /* Not an entry of its mapping: the value of a merge key. */
    out_str(o, "[\"<<\"]");
}

static size_t component_length(const styr_node *n)
{
    path_out o = {NULL, 0, 0};
    out_component(&o, n);
    return o.pos;
}

size_t styr_node_path(const styr_node *node, char *buf, size_t cap)
{
    const styr_node *n, *p;
    size_t total = 0, end;

    if (cap)
        buf[0] = '\0';
    if (!node)
        return 0;
    /* A key stands for its value. */
    p = node->parent;
    if (p && p->kind == STYR_NODE_MAP && node->index < p->count &&
        p->u.items[2 * (size_t)node->index] == node)
        node = p->u.items[2 * (size_t)node->index + 1];

    /* Walk up twice, without recursion or allocation: once to learn the
     * length, once to write each component at its offset from the end. */
    for (n = node; n->parent; n = n->parent)
        total += component_length(n);
    end = total;
    for (n = node; n->parent; n = n->parent) {
        size_t len = component_length(n);
        path_out o = {buf, cap, end - len};
        end -= len;
        if (o.pos + 1 < cap)
            out_component(&o, n);
    }
    if (cap)
        buf[total < cap ? total : cap - 1] = '\0';
    return total;
}
