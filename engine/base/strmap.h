/* strmap.h - a small open-addressing hash map from byte strings to pointers.
 * Keys are copied; values are borrowed. Used for id indexes and lookups. */
#ifndef STYR_STRMAP_H
#define STYR_STRMAP_H

#include <stddef.h>

typedef struct styr_strmap_slot { char *key; size_t len; size_t hash; void *value; } styr_strmap_slot;
typedef struct styr_strmap { styr_strmap_slot *slots; size_t cap, count; } styr_strmap;

void styr_strmap_init(styr_strmap *m);
/* The value under key, or NULL. */
void *styr_strmap_get(const styr_strmap *m, const char *key, size_t len);
/* Stores value under key unless the key is present. Returns 1 when stored,
 * 0 when the key was already there (*existing gets its value if not NULL),
 * -1 when out of memory. */
int styr_strmap_put(styr_strmap *m, const char *key, size_t len, void *value, void **existing);
/* Replaces the value under a present key; returns 0, or -1 if absent. */
int styr_strmap_slot_set(styr_strmap *m, const char *key, size_t len, void *value);
void styr_strmap_free(styr_strmap *m);

#endif
