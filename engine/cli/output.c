/* output.c - opening and finishing the report file of -o. */
#define _GNU_SOURCE   /* fopencookie: the stream that remembers why a write failed */
#include "output.h"
#include "cli_lang.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "inputs.h"
#include "report_lost.h"
#include "termsafe.h"

/* The temporary file being written, removed if a signal ends the run. */
static char *volatile pending_tmp;

static void remove_pending(int sig)
{
    char *t = pending_tmp;
    if (t)
        unlink(t);
    signal(sig, SIG_DFL);
    raise(sig);
}

static void watch_signals(char *tmp)
{
    pending_tmp = tmp;
    if (!tmp)
        return;
    static const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        struct sigaction sa, old;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = remove_pending;
        sigemptyset(&sa.sa_mask);
        /* Keep an ignored signal ignored (nohup, background jobs). */
        if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
            sigaction(sigs[i], &sa, NULL);
    }
    /* Past `ulimit -f`, write() fails with EFBIG and the temporary file is
     * removed, instead of SIGXFSZ ending the process and leaving it. */
    signal(SIGXFSZ, SIG_IGN);
}

/* path with its symbolic links followed (the final component too, even if
 * the link dangles): the file that a rename must replace. malloc'd. */
static char *resolve_links(const char *path)
{
    char *cur = strdup(path);
    for (int hops = 0; cur && hops < 40; hops++) {
        struct stat st;
        if (lstat(cur, &st) != 0 || !S_ISLNK(st.st_mode))
            return cur;
        char link[PATH_MAX];
        ssize_t n = readlink(cur, link, sizeof link - 1);
        if (n < 0) {
            free(cur);
            return NULL;
        }
        link[n] = '\0';
        char *next;
        const char *slash = strrchr(cur, '/');
        if (link[0] == '/' || !slash) {
            next = strdup(link);
        } else {
            size_t dir = (size_t)(slash - cur) + 1;
            next = malloc(dir + (size_t)n + 1);
            if (next) {
                memcpy(next, cur, dir);
                memcpy(next + dir, link, (size_t)n + 1);
            }
        }
        free(cur);
        cur = next;
    }
    if (cur)
        errno = ELOOP;
    free(cur);
    return NULL;
}

/* The report is written through this instead of fdopen's stream: stdio
 * remembers only that a write failed, and a full disk would be reported
 * as "Input/output error" at the end instead of "No space left on device". */
typedef struct sink_cookie {
    int fd;
    int *err;   /* the sink's write_errno: the first write's errno */
} sink_cookie;

static ssize_t cookie_write(void *c, const char *buf, size_t n)
{
    sink_cookie *k = c;
    size_t done = 0;
    while (done < n) {
        ssize_t w = write(k->fd, buf + done, n - done);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            if (!*k->err)
                *k->err = w < 0 ? errno : EIO;
            return done ? (ssize_t)done : -1;
        }
        done += (size_t)w;
    }
    return (ssize_t)done;
}

static int cookie_close(void *c)
{
    sink_cookie *k = c;
    int rc = close(k->fd);
    if (rc != 0 && !*k->err)
        *k->err = errno;
    free(k);
    return rc;
}

/* A stream writing to fd (taken over: closed with the stream), or NULL. */
static FILE *sink_stream(styr_sink *s, int fd)
{
    sink_cookie *k = malloc(sizeof *k);
    if (!k) {
        errno = ENOMEM;
        return NULL;
    }
    k->fd = fd;
    k->err = &s->write_errno;
    cookie_io_functions_t io = {.read = NULL, .write = cookie_write, .seek = NULL, .close = cookie_close};
    FILE *f = fopencookie(k, "w", io);
    if (!f)
        free(k);
    else
        s->fd = fd;
    return f;
}

static void print_failure(const char *path, const char *why)
{
    fputs(CLI_SV("styr: kan inte skriva ", "styr: cannot write "), stderr);
    styr_fput_safe(stderr, path);
    fputs(": ", stderr);
    styr_fput_safe(stderr, why);
    fputc('\n', stderr);
}

static int fail(styr_sink *s, const char *path, const char *why)
{
    print_failure(path, why);
    free(s->tmp);
    free(s->target);
    s->tmp = s->target = NULL;
    s->f = NULL;
    return -1;
}

int styr_sink_open(styr_sink *s, const char *path)
{
    memset(s, 0, sizeof *s);
    styr_report_take_lost();   /* what an earlier report lost is not this one's */
    s->f = stdout;
    if (!path || strcmp(path, "-") == 0)
        return 0;
    if (!(s->target = resolve_links(path)))
        return fail(s, path, cli_errno_text(errno ? errno : ENOMEM));
    struct stat st;
    int exists = stat(s->target, &st) == 0;
    if (!exists && errno != ENOENT)
        return fail(s, path, cli_errno_text(errno));
    if (exists) {
        const char *input = styr_inputs_find(st.st_dev, st.st_ino);
        if (input) {
            char why[PATH_MAX + 128];
            snprintf(why, sizeof why,
                     CLI_SV("det är %s, som körningen läser; inget skrevs (välj en annan fil att skriva till)",
                            "it is %s, an input of this run; nothing was written (choose another output file)"),
                     input);
            return fail(s, path, why);
        }
        if (S_ISDIR(st.st_mode))
            return fail(s, path, CLI_SV("det är en mapp", "it is a folder"));
        if (!S_ISREG(st.st_mode)) {
            /* A device or FIFO: write into it; never replace it. */
            int fd;
            do
                fd = open(s->target, O_WRONLY | O_NOCTTY | O_CLOEXEC);
            while (fd < 0 && errno == EINTR);
            if (fd < 0 || !(s->f = sink_stream(s, fd))) {
                int e = errno;
                if (fd >= 0)
                    close(fd);
                return fail(s, path, cli_errno_text(e));
            }
            s->direct = 1;
            signal(SIGXFSZ, SIG_IGN);
            return 0;
        }
    }
    size_t n = strlen(s->target);
    if (!(s->tmp = malloc(n + 16)))
        return fail(s, path, cli_errno_text(ENOMEM));
    snprintf(s->tmp, n + 16, "%s.tmp-XXXXXX", s->target);
    int fd = mkstemp(s->tmp);
    if (fd < 0)
        return fail(s, path, cli_errno_text(errno));
    watch_signals(s->tmp);
    /* mkstemp makes 0600; give the report the mode a new file (or the
     * report it replaces) would have. */
    mode_t mask = umask(0);
    umask(mask);
    if (fchmod(fd, exists ? (st.st_mode & 07777) : (0666 & ~mask)) != 0 || !(s->f = sink_stream(s, fd))) {
        int e = errno;
        close(fd);
        unlink(s->tmp);
        watch_signals(NULL);
        return fail(s, path, cli_errno_text(e));
    }
    return 0;
}

int styr_sink_close(styr_sink *s)
{
    /* A report that lacks a part because memory ran out (report_lost.h) is
     * no report: the file keeps what it held, and the run exits 2. */
    int lost = styr_report_take_lost();
    if (!s->target) {
        /* Standard output is stdio's own stream: a failed write before the
         * end leaves only its error flag; the flush at the end has errno. */
        int e = fflush(stdout) != 0 ? errno : lost ? ENOMEM : 0;
        if (!e && !ferror(stdout))
            return 0;
        print_failure(CLI_SV("standard ut", "standard output"), e ? cli_errno_text(e) : CLI_SV("en skrivning misslyckades", "a write failed"));
        return -1;
    }
    int e = lost ? ENOMEM : 0;
    if (ferror(s->f) && !e)
        e = s->write_errno ? s->write_errno : EIO;
    if (fflush(s->f) != 0 && !e)
        e = s->write_errno ? s->write_errno : errno;
    if (!s->direct && !e && fsync(s->fd) != 0)
        e = errno;
    if (fclose(s->f) != 0 && !e)
        e = s->write_errno ? s->write_errno : errno;
    if (!e && s->tmp && rename(s->tmp, s->target) != 0)
        e = errno;
    if (e) {
        print_failure(s->target, cli_errno_text(e));
        if (s->tmp)
            unlink(s->tmp);
    }
    watch_signals(NULL);
    free(s->tmp);
    free(s->target);
    s->tmp = s->target = NULL;
    s->f = NULL;
    return e ? -1 : 0;
}

void styr_sink_abandon(styr_sink *s)
{
    if (!s->target) {
        fflush(stdout);
        return;
    }
    fclose(s->f);
    if (s->tmp)
        unlink(s->tmp);
    watch_signals(NULL);
    free(s->tmp);
    free(s->target);
    s->tmp = s->target = NULL;
    s->f = NULL;
}
