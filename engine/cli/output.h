/* output.h - the report's destination (see output.c). */
#ifndef STYR_CLI_OUTPUT_H
#define STYR_CLI_OUTPUT_H

#include <stdio.h>

typedef struct sink {
    FILE *f;
    char *tmp;          /* the temporary file renamed over -o at the end */
    const char *final;
} sink;

/* Opens standard output (path NULL or "-") or a temporary file beside path.
 * Returns 0, or -1 after printing why. */
int sink_open(sink *s, const char *path);

/* Flushes, and renames the temporary file over path. Returns 0, or -1
 * after printing why (the temporary file is removed). */
int sink_close(sink *s);

#endif
