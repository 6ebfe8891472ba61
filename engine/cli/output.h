/* output.h - where a report goes: standard output, or the file of -o.
 *
 * A report file is written to FILE.tmp-XXXXXX next to it and renamed over
 * FILE only when complete, so an interrupted run leaves an earlier report
 * intact. A symbolic link is followed and its target replaced. Anything
 * that is not a regular file (a device, a FIFO) is written straight into.
 * A file this run has read (inputs.h) is never written: that is exit 2. */
#ifndef STYR_CLI_OUTPUT_H
#define STYR_CLI_OUTPUT_H

#include <stdio.h>

typedef struct styr_sink {
    FILE *f;            /* where to write */
    char *tmp;          /* the temporary file renamed over target at the end */
    char *target;       /* the file -o names, symbolic links resolved */
    int direct;         /* writing straight into a device or FIFO */
    int fd;             /* the descriptor under f (not standard output's) */
    int write_errno;    /* why the first write failed, or 0 */
} styr_sink;

/* Opens standard output (path NULL or "-") or the file path. Returns 0, or
 * -1 after printing why on standard error. */
int styr_sink_open(styr_sink *s, const char *path);

/* Finishes the report: flushes, and renames the temporary file over the
 * target. Returns 0, or -1 after printing why (no temporary file is left). */
int styr_sink_close(styr_sink *s);

/* Gives the report up: nothing replaces the target, the temporary file is
 * removed. For a writer that failed after the sink was opened. */
void styr_sink_abandon(styr_sink *s);

/* The names the command files use. */
typedef styr_sink sink;
static inline int sink_open(sink *s, const char *path) { return styr_sink_open(s, path); }
static inline int sink_close(sink *s) { return styr_sink_close(s); }

#endif
