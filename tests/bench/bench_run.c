/* bench_run.c - runs a command N times and prints its median wall time and
 * the largest peak RSS, so benchmark scripts need no external timing tool.
 * usage: bench_run N command [args...]   (the command's output is discarded)
 * prints: median_seconds max_rss_kib exit_code */
#define _DEFAULT_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: bench_run N command [args...]\n");
        return 2;
    }
    int n = atoi(argv[1]);
    if (n < 1)
        n = 1;
    double *t = calloc((size_t)n, sizeof *t);
    long max_rss = 0;
    int code = 0;
    for (int i = 0; i < n; i++) {
        struct timespec a, b;
        clock_gettime(CLOCK_MONOTONIC, &a);
        pid_t pid = fork();
        if (pid == 0) {
            int fd = open("/dev/null", O_WRONLY);
            dup2(fd, 1);
            dup2(fd, 2);
            execvp(argv[2], argv + 2);
            _exit(127);
        }
        int status;
        struct rusage ru;
        wait4(pid, &status, 0, &ru);
        clock_gettime(CLOCK_MONOTONIC, &b);
        t[i] = (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9;
        if (ru.ru_maxrss > max_rss)
            max_rss = ru.ru_maxrss;
        code = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
    }
    qsort(t, (size_t)n, sizeof *t, cmp);
    printf("%.6f %ld %d\n", t[n / 2], max_rss, code);
    free(t);
    return 0;
}
