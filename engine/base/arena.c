/* arena.c - the bump allocator behind every document tree (see arena.h).
 *
 * Memory comes in blocks: the first is 64 KiB and each next one doubles up to
 * 1 MiB, so a small document costs little and a big one needs few malloc
 * calls. Once an arena holds more than 4 MiB, blocks are 8 MiB, aligned and
 * advised for transparent huge pages where the system has them: a big tree
 * is written once, front to back, and 4 KiB page faults were a third of the
 * time of building it. A request too big for a normal block gets a block of
 * its own, linked behind the current one so that block keeps filling.
 * Alignment is computed on addresses, so it does not depend on malloc's.
 */
#define _DEFAULT_SOURCE 1   /* madvise and MADV_HUGEPAGE */

#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#define ARENA_ALIGN 16u
#define ARENA_FIRST_BLOCK (64u * 1024u)
#define ARENA_MAX_BLOCK (1024u * 1024u)
#define ARENA_HUGE_AFTER (4u * 1024u * 1024u)
#define ARENA_HUGE_BLOCK (8u * 1024u * 1024u)
#define ARENA_HUGE_PAGE (2u * 1024u * 1024u)

struct styr_arena_block {
    styr_arena_block *next;
    size_t size;   /* usable bytes after the header */
    size_t used;   /* bytes of them already handed out, padding included */
};

/* The usable bytes start after the header, rounded up to ARENA_ALIGN. */
#define BLOCK_HEADER ((sizeof(styr_arena_block) + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1))

static char *block_data(styr_arena_block *b)
{
    return (char *)b + BLOCK_HEADER;
}

void styr_arena_init(styr_arena *a)
{
    a->head = NULL;
    a->used = 0;
}

/* Carves size bytes aligned to align from b, or returns NULL if they do not fit. */
static void *block_take(styr_arena_block *b, size_t size, size_t align)
{
    uintptr_t p = (uintptr_t)(block_data(b) + b->used);
    size_t pad = (size_t)(-p & (uintptr_t)(align - 1));
    size_t left = b->size - b->used;

    if (pad > left || size > left - pad)
        return NULL;
    b->used += pad + size;
    return (void *)(p + pad);
}

/* A new block of cap usable bytes; huge asks for huge-page backing. */
static styr_arena_block *block_new(size_t cap, int huge)
{
    styr_arena_block *b = NULL;

#ifdef MADV_HUGEPAGE
    if (huge) {
        void *p;
        if (posix_memalign(&p, ARENA_HUGE_PAGE, BLOCK_HEADER + cap) == 0) {
            (void)madvise(p, BLOCK_HEADER + cap, MADV_HUGEPAGE); /* only a hint */
            b = p;
        }
    }
#else
    (void)huge;
#endif
    if (!b)
        b = malloc(BLOCK_HEADER + cap);
    if (!b)
        return NULL;
    b->size = cap;
    b->used = 0;
    return b;
}

static void *arena_alloc_slow(styr_arena *a, size_t size, size_t align)
{
    styr_arena_block *b;
    size_t want, cap;
    int huge = a->used >= ARENA_HUGE_AFTER;
    void *p;

    if (size > SIZE_MAX - BLOCK_HEADER - ARENA_ALIGN)
        return NULL;
    want = size + ARENA_ALIGN;   /* room for any padding */
    if (want > (huge ? ARENA_HUGE_BLOCK : ARENA_MAX_BLOCK) / 4) {
        /* A big request gets its own block; the current block keeps filling. */
        b = block_new(want, 0);
        if (!b)
            return NULL;
        if (a->head) {
            b->next = a->head->next;
            a->head->next = b;
        } else {
            b->next = NULL;
            a->head = b;
        }
    } else {
        if (huge) {
            cap = ARENA_HUGE_BLOCK - BLOCK_HEADER;
        } else {
            cap = a->head ? a->head->size * 2 : ARENA_FIRST_BLOCK;
            if (cap > ARENA_MAX_BLOCK)
                cap = ARENA_MAX_BLOCK;
            if (cap < want)
                cap = want;
        }
        b = block_new(cap, huge);
        if (!b)
            return NULL;
        b->next = a->head;
        a->head = b;
    }
    p = block_take(b, size, align);
    a->used += size;
    return p;
}

void *styr_arena_alloc_aligned(styr_arena *a, size_t size, size_t align)
{
    void *p;

    if (align == 0 || align > ARENA_ALIGN || (align & (align - 1)))
        align = ARENA_ALIGN;
    if (a->head && (p = block_take(a->head, size, align)) != NULL) {
        a->used += size;
        return p;
    }
    return arena_alloc_slow(a, size, align);
}

void *styr_arena_alloc(styr_arena *a, size_t size)
{
    return styr_arena_alloc_aligned(a, size, ARENA_ALIGN);
}

char *styr_arena_strndup(styr_arena *a, const char *s, size_t len)
{
    char *p;

    if (len == SIZE_MAX)
        return NULL;
    p = styr_arena_alloc_aligned(a, len + 1, 1);
    if (!p)
        return NULL;
    if (len)
        memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

void styr_arena_free(styr_arena *a)
{
    styr_arena_block *b = a->head;

    while (b) {
        styr_arena_block *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
    a->used = 0;
}
