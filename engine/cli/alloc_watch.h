/* alloc_watch.h - how many allocations have failed in this process. */
#ifndef STYR_ALLOC_WATCH_H
#define STYR_ALLOC_WATCH_H

/* The number of malloc, calloc and realloc calls (asking for memory) that
 * returned NULL since the process started; 0 always in a build that does
 * not watch (the sanitizers', whose runtime owns malloc). */
unsigned long styr_alloc_failures(void);

#endif
