/* map_index.h - the hash index of large mappings, shared by the loader
 * (doc_load.c) and the tree (doc.c) and by nothing else: private to doc/. */
#ifndef STYR_MAP_INDEX_H
#define STYR_MAP_INDEX_H

#include <stddef.h>
#include <stdint.h>

#include "doc.h"

/* Loader internals. A mapping of more than 16 entries carries a hash index
 * right after its 2*count item pointers, so styr_map_get stays O(1) on big
 * mappings; small ones are scanned. Alias copies share the items and so
 * the index too. */

/* Seeded hash of len bytes of s, shared by the loader and styr_map_get. */
uint64_t styr_key_hash(const char *s, size_t len, uint64_t seed);

/* Bytes the loader reserves after a mapping's 2*count item pointers for its
 * lookup index: 0 for a small mapping. */
size_t styr_map_index_size(uint32_t count);

/* Builds the lookup index of map in the space reserved after its items
 * (count and items already set, keys distinct) using hash seed. */
void styr_map_index_build(styr_node *map, uint64_t seed);

/* Sets up map's index header in the reserved space and returns its *nslots
 * empty slots (a power of two), for a caller that places each entry e as
 * e + 1 by linear probing from styr_key_hash(key) & (*nslots - 1). */
uint32_t *styr_map_index_slots(styr_node *map, uint64_t seed, size_t *nslots);

#endif
