/* fail_memstream.so: open_memstream, replaced (LD_PRELOAD) by one that fails
 * for lack of memory, so that a report writer that builds a part in a memory
 * stream (a GitHub summary's finding row, a diff's value) loses that part
 * every time; lost_part.sh checks that such a report fails the run instead
 * of passing for complete (report_lost.h). */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>

FILE *open_memstream(char **ptr, size_t *sizeloc)
{
    (void)ptr;
    (void)sizeloc;
    errno = ENOMEM;
    return NULL;
}
