/* strmap.c - open addressing with linear probing, FNV-1a hashing from a
 * per-process random seed: ids are chosen by whoever writes the input, and
 * with a fixed seed they could be crafted to collide into one long probe
 * chain (quadratic inserts). */
#include "strmap.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

static size_t seed;
static pthread_once_t seed_once = PTHREAD_ONCE_INIT;

static void make_seed(void)
{
    uint64_t s;
    if (getrandom(&s, sizeof s, GRND_NONBLOCK) != (ssize_t)sizeof s) {
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        s = (uint64_t)ts.tv_nsec * 0x9E3779B97F4A7C15ull ^ (uint64_t)ts.tv_sec ^ ((uint64_t)getpid() << 32);
    }
    seed = (size_t)s;
}

static size_t hash_bytes(const char *s, size_t len)
{
    pthread_once(&seed_once, make_seed);
    size_t h = (size_t)1469598103934665603ull ^ seed;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)s[i];
        h *= (size_t)1099511628211ull;
    }
    /* FNV-1a's low bits (the slot index) mix poorly: finish with a
     * multiply-xorshift so that the seed reaches every bit. */
    h ^= h >> 29;
    h *= (size_t)0xBF58476D1CE4E5B9ull;
    h ^= h >> 32;
    return h;
}

void styr_strmap_init(styr_strmap *m) { m->slots = NULL; m->cap = m->count = 0; }

static styr_strmap_slot *find_slot(styr_strmap_slot *slots, size_t cap, const char *key,
                                   size_t len, size_t h)
{
    size_t i = h & (cap - 1);
    while (slots[i].key && !(slots[i].hash == h && slots[i].len == len &&
                             memcmp(slots[i].key, key, len) == 0))
        i = (i + 1) & (cap - 1);
    return &slots[i];
}

void *styr_strmap_get(const styr_strmap *m, const char *key, size_t len)
{
    if (!m->cap)
        return NULL;
    styr_strmap_slot *s = find_slot(m->slots, m->cap, key, len, hash_bytes(key, len));
    return s->key ? s->value : NULL;
}

static int grow(styr_strmap *m)
{
    size_t cap = m->cap ? m->cap * 2 : 16;
    styr_strmap_slot *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return -1;
    for (size_t i = 0; i < m->cap; i++)
        if (m->slots[i].key)
            *find_slot(slots, cap, m->slots[i].key, m->slots[i].len, m->slots[i].hash) = m->slots[i];
    free(m->slots);
    m->slots = slots;
    m->cap = cap;
    return 0;
}

int styr_strmap_put(styr_strmap *m, const char *key, size_t len, void *value, void **existing)
{
    if ((m->count + 1) * 4 > m->cap * 3 && grow(m) < 0)
        return -1;
    size_t h = hash_bytes(key, len);
    styr_strmap_slot *s = find_slot(m->slots, m->cap, key, len, h);
    if (s->key) {
        if (existing)
            *existing = s->value;
        return 0;
    }
    char *copy = malloc(len + 1);
    if (!copy)
        return -1;
    memcpy(copy, key, len);
    copy[len] = '\0';
    *s = (styr_strmap_slot){copy, len, h, value};
    m->count++;
    /* The slot owns the copy now; styr_strmap_free releases it. */
    // cppcheck-suppress memleak
    return 1;
}

int styr_strmap_slot_set(styr_strmap *m, const char *key, size_t len, void *value)
{
    if (!m->cap)
        return -1;
    styr_strmap_slot *s = find_slot(m->slots, m->cap, key, len, hash_bytes(key, len));
    if (!s->key)
        return -1;
    s->value = value;
    return 0;
}

void styr_strmap_free(styr_strmap *m)
{
    for (size_t i = 0; i < m->cap; i++)
        free(m->slots[i].key);
    free(m->slots);
    styr_strmap_init(m);
}
