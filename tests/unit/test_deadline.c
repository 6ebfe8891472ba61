/* test_deadline.c - unit tests of engine/lua/deadline.c, the watchdog
 * behind per-call time limits: a call that burns its limit and grace in CPU
 * time inside C ends the process with exit 2 and the rule's file:line; a
 * call that is only slow in wall time (it waits, as on a busy machine where
 * ctest runs four tests on two cores) does not, and the limit itself is
 * counted in CPU time. The cases that end the process run in a child. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "deadline.h"

/* Runs body in a child with stderr in a pipe; returns its exit code and
 * fills out with what it wrote. */
static int in_child(void (*body)(void), char *out, size_t cap)
{
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    fflush(NULL);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        dup2(fds[1], 2);
        close(fds[0]);
        body();
        _exit(0);
    }
    close(fds[1]);
    size_t n = 0;
    ssize_t r;
    while (n + 1 < cap && (r = read(fds[0], out + n, cap - 1 - n)) > 0)
        n += (size_t)r;
    out[n] = '\0';
    close(fds[0]);
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

static volatile uint64_t sink;

/* A C loop the hook never sees, for up to 30 s of wall time. */
static void burn(void)
{
    static styr_deadline d;
    styr_deadline_init(&d, 0.2, NULL, NULL);
    styr_deadline_blame(&d, "plan.test.stuck", "rules/test.lua", 7);
    styr_deadline_arm(&d);
    int64_t until = styr_now_ns() + 30 * 1000000000LL;
    while (styr_now_ns() < until)
        for (int i = 0; i < 1000000; i++)
            sink += (uint64_t)i * 2654435761u;
}

/* A call that waits 2.5 s (past 0.2 s + 1 s of grace) without using a core. */
static void wait_only(void)
{
    static styr_deadline d;
    styr_deadline_init(&d, 0.2, NULL, NULL);
    styr_deadline_arm(&d);
    struct timespec t = {2, 500 * 1000 * 1000};
    while (nanosleep(&t, &t) != 0)
        ;
    styr_deadline_disarm(&d);
}

static void test_stuck_in_c_ends_the_run(void **state)
{
    (void)state;
    char out[1024];
    assert_int_equal(in_child(burn, out, sizeof out), 2);
    if (!strstr(out, "rules/test.lua:7: error: rule plan.test.stuck ran for"))
        fail_msg("stderr: %s", out);
}

static void test_waiting_is_not_stuck(void **state)
{
    (void)state;
    char out[1024];
    assert_int_equal(in_child(wait_only, out, sizeof out), 0);
    assert_string_equal(out, "");
}

/* The limit is CPU time: 0.5 s of waiting does not pass 0.2 s, 0.2 s of
 * work does. */
static void test_limit_is_cpu_time(void **state)
{
    (void)state;
    static styr_deadline d;
    styr_deadline_init(&d, 0.2, NULL, NULL);
    styr_deadline_arm(&d);
    struct timespec t = {0, 500 * 1000 * 1000};
    while (nanosleep(&t, &t) != 0)
        ;
    assert_false(styr_deadline_passed(&d));
    int64_t until = styr_now_ns() + 30 * 1000000000LL;
    while (!styr_deadline_passed(&d) && styr_now_ns() < until)
        for (int i = 0; i < 100000; i++)
            sink += (uint64_t)i * 2654435761u;
    assert_true(styr_deadline_passed(&d));
    styr_deadline_disarm(&d);
    styr_deadline_destroy(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        /* The children first: a fork keeps no watchdog thread of the parent's. */
        cmocka_unit_test(test_stuck_in_c_ends_the_run),
        cmocka_unit_test(test_waiting_is_not_stuck),
        cmocka_unit_test(test_limit_is_cpu_time),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
