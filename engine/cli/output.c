/* output.c - where a report goes: standard output, or -o FILE written to
 * a temporary file beside it and renamed over it only when complete, so an
 * interrupted run leaves an earlier report intact. */
#include "output.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Opens stdout, or a temporary file next to path so that an interrupted run
 * leaves an earlier report intact. */
int sink_open(sink *s, const char *path)
{
    s->f = stdout;
    s->tmp = NULL;
    s->final = path;
    if (!path || strcmp(path, "-") == 0)
        return 0;
    size_t n = strlen(path);
    s->tmp = malloc(n + 16);
    if (!s->tmp)
        return -1;
    snprintf(s->tmp, n + 16, "%s.tmp-XXXXXX", path);
    int fd = mkstemp(s->tmp);
    if (fd >= 0) {
        /* mkstemp makes 0600; give the report the mode a new file (or the
         * report it replaces) would have. */
        struct stat st;
        mode_t mask = umask(0);
        umask(mask);
        fchmod(fd, stat(path, &st) == 0 ? (st.st_mode & 07777) : (0666 & ~mask));
    }
    if (fd < 0 || !(s->f = fdopen(fd, "w"))) {
        fprintf(stderr, "styr: cannot write %s: %s\n", path, strerror(errno));
        if (fd >= 0) {
            close(fd);
            unlink(s->tmp);
        }
        free(s->tmp);
        s->tmp = NULL;
        return -1;
    }
    return 0;
}

int sink_close(sink *s)
{
    if (!s->tmp)
        return fflush(stdout) == 0 ? 0 : -1;
    int bad = ferror(s->f);
    bad |= fflush(s->f) != 0;
    bad |= fsync(fileno(s->f)) != 0;
    bad |= fclose(s->f) != 0;
    if (bad || rename(s->tmp, s->final) != 0) {
        fprintf(stderr, "styr: cannot write %s: %s\n", s->final, strerror(errno));
        unlink(s->tmp);
        free(s->tmp);
        return -1;
    }
    free(s->tmp);
    return 0;
}
