/* alloc_watch.c - counts the allocations that failed, so that the child
 * process writing a workbook (cmd_sheets.c) can tell when libxlsxwriter
 * lost something. libxlsxwriter 1.1.4 skips, without a word and still
 * returning success, what it could not allocate in places: a frozen pane's
 * <selection> element, and a cell text holding & < or > (its escaped copy
 * is dropped and the cell is written empty). A count taken around the
 * write tells the child that the workbook may be short.
 *
 * malloc, calloc and realloc defined in the executable stand in for
 * glibc's for every caller, libraries included (glibc's manual, "Replacing
 * malloc"); free stays glibc's. Each passes the call on to the next
 * definition after the executable (dlsym RTLD_NEXT): glibc's own, or a
 * preloaded one such as the out-of-memory sweeps' failalloc.so or
 * valgrind's. Not built with the sanitizers, whose runtime owns malloc. */
#define _GNU_SOURCE   /* RTLD_NEXT */
#include "alloc_watch.h"

#ifdef STYR_NO_ALLOC_WATCH
unsigned long styr_alloc_failures(void) { return 0; }
#else
#include <dlfcn.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdlib.h>   /* the prototypes being replaced */

extern void *__libc_malloc(size_t n);
extern void *__libc_calloc(size_t n, size_t size);
extern void *__libc_realloc(void *p, size_t n);

static atomic_ulong failures;

/* The next definitions, found on first use. dlsym may allocate while it
 * looks (its error record), so a call made meanwhile goes straight to
 * glibc: the same heap, so glibc's free takes it back either way. */
static void *(*next_malloc)(size_t);
static void *(*next_calloc)(size_t, size_t);
static void *(*next_realloc)(void *, size_t);
static atomic_int resolving;

static int resolve(void)
{
    if (next_malloc && next_calloc && next_realloc)
        return 1;
    if (atomic_exchange(&resolving, 1))
        return 0;
    void *m = dlsym(RTLD_NEXT, "malloc"), *c = dlsym(RTLD_NEXT, "calloc"), *r = dlsym(RTLD_NEXT, "realloc");
    /* POSIX lets a data pointer from dlsym be converted to a function pointer */
    next_malloc = m ? (void *(*)(size_t))m : __libc_malloc;
    next_calloc = c ? (void *(*)(size_t, size_t))c : __libc_calloc;
    next_realloc = r ? (void *(*)(void *, size_t))r : __libc_realloc;
    atomic_store(&resolving, 0);
    return 1;
}

static void *counted(void *p, int asked)
{
    if (!p && asked)
        atomic_fetch_add(&failures, 1);
    return p;
}

/* Visible to the libraries (the build hides symbols by default), so that
 * theirs bind here too. */
#define REPLACES __attribute__((visibility("default")))

/* NOLINTBEGIN(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp): replacing malloc is the point */
REPLACES void *malloc(size_t n)
{
    return counted(resolve() ? next_malloc(n) : __libc_malloc(n), n > 0);
}

REPLACES void *calloc(size_t n, size_t size)
{
    return counted(resolve() ? next_calloc(n, size) : __libc_calloc(n, size), n > 0 && size > 0);
}

REPLACES void *realloc(void *p, size_t n)
{
    return counted(resolve() ? next_realloc(p, n) : __libc_realloc(p, n), n > 0);
}
/* NOLINTEND(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp) */

unsigned long styr_alloc_failures(void)
{
    return atomic_load(&failures);
}
#endif
