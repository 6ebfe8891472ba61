/* failalloc.so: makes one chosen allocation of a process fail, for the
 * out-of-memory sweep (tests/faultinject/sweep.py). Loaded with LD_PRELOAD;
 * glibc documents that a preloaded malloc, calloc and realloc replace its
 * own for every caller, libc's internal ones included.
 *
 *   STYR_FAIL_ALLOC=N        the N-th allocation (1-based) returns NULL
 *                            with errno ENOMEM; 0 or unset: none fails
 *   STYR_FAIL_ALLOC_ALL=1    every allocation from the N-th on fails too
 *                            (memory gone for good, not a passing spike)
 *   STYR_FAIL_ALLOC_COUNT=F  at exit, the number of allocations made is
 *                            written to file F (how far a sweep must go)
 *   STYR_FAIL_ALLOC_SIZE=S   only allocations of exactly S bytes are
 *                            counted (and fail): e.g. every copy of a file's
 *                            name, a needle the sampled sweeps can miss
 *
 * Only calls that ask for memory are counted (size 0 and realloc to 0 are
 * frees). The count is atomic, but which thread makes the N-th call is
 * not fixed: sweeps run styr with --threads 1. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern void *__libc_malloc(size_t n);
extern void *__libc_calloc(size_t n, size_t size);
extern void *__libc_realloc(void *p, size_t n);

static atomic_ulong calls;
static unsigned long fail_at;   /* 0: never */
static int fail_all;
static size_t only_size;   /* 0: every size */

/* getenv and strtoul allocate nothing, so reading the settings here cannot
 * recurse into malloc. */
__attribute__((constructor)) static void failalloc_init(void)
{
    const char *at = getenv("STYR_FAIL_ALLOC");
    const char *all = getenv("STYR_FAIL_ALLOC_ALL");
    const char *size = getenv("STYR_FAIL_ALLOC_SIZE");
    fail_at = at ? strtoul(at, NULL, 10) : 0;
    fail_all = all && strcmp(all, "1") == 0;
    only_size = size ? strtoul(size, NULL, 10) : 0;
}

/* Written with write(2) and a stack buffer: exit handlers may run after
 * stdio is torn down, and this must not allocate. */
__attribute__((destructor)) static void failalloc_report(void)
{
    const char *path = getenv("STYR_FAIL_ALLOC_COUNT");
    if (!path)
        return;
    char text[32];
    int len = snprintf(text, sizeof text, "%lu\n", atomic_load(&calls));
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0)
        return;
    if (len > 0 && write(fd, text, (size_t)len) < 0)
        len = 0;   /* nothing to do: the sweep sees no count and says so */
    close(fd);
}

static int fails_now(size_t n)
{
    if (only_size && n != only_size)
        return 0;
    unsigned long k = atomic_fetch_add(&calls, 1) + 1;
    if (fail_at && (k == fail_at || (fail_all && k > fail_at))) {
        errno = ENOMEM;
        return 1;
    }
    return 0;
}

void *malloc(size_t n)
{
    return n && fails_now(n) ? NULL : __libc_malloc(n);
}

void *calloc(size_t n, size_t size)
{
    return n && size && fails_now(n * size) ? NULL : __libc_calloc(n, size);
}

void *realloc(void *p, size_t n)
{
    return n && fails_now(n) ? NULL : __libc_realloc(p, n);
}
