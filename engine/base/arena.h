/* arena.h - a bump allocator: many small allocations, one free.
 * The document tree lives in one arena so loading is cheap and freeing a
 * document is a handful of free() calls. */
#ifndef STYR_ARENA_H
#define STYR_ARENA_H

#include <stddef.h>

typedef struct styr_arena_block styr_arena_block;

typedef struct styr_arena {
    styr_arena_block *head;
    size_t used;   /* bytes handed out, for statistics */
} styr_arena;

void styr_arena_init(styr_arena *a);
/* Returns size bytes aligned for any object, or NULL when out of memory. */
void *styr_arena_alloc(styr_arena *a, size_t size);
/* As styr_arena_alloc with a smaller alignment (a power of two, at most 16),
 * so small objects such as tree nodes and strings pack tightly. */
void *styr_arena_alloc_aligned(styr_arena *a, size_t size, size_t align);
/* Copies len bytes of s and appends a NUL; NULL when out of memory. */
char *styr_arena_strndup(styr_arena *a, const char *s, size_t len);
/* Frees every block; the arena may be reused after styr_arena_init. */
void styr_arena_free(styr_arena *a);

#endif
