/* test_deadline.c - unit tests of engine/lua/deadline.c, the watchdog
 * behind per-call time limits: a call that burns its limit and grace in CPU
 * time inside C ends the process with exit 2 and the rule's file:line; a
 * call that is only slow in wall time (it waits, as on a busy machine where
 * ctest runs four tests on two cores) does not, and the limit itself is
 * counted in CPU time. The cases that end the process run in a child. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdatomic.h>
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

static int64_t thread_cpu_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* Burns CPU until d has passed (or 30 s of wall time); returns the CPU
 * nanoseconds this thread spent since `from`. */
static int64_t burn_until_passed(const styr_deadline *d, int64_t from)
{
    int64_t until = styr_now_ns() + 30 * 1000000000LL;
    while (!styr_deadline_passed(d) && styr_now_ns() < until)
        for (int i = 0; i < 100000; i++)
            sink += (uint64_t)i * 2654435761u;
    return thread_cpu_ns() - from;
}

/* The thread's CPU clock is read at the watchdog's first look, a tick (0.1 s)
 * at most after the call starts: a call burning from its start passes its
 * limit never before the limit, and at most about a tick after it (0.5 s of
 * slack for a watchdog waiting for a core on a busy machine). */
static void test_cpu_counted_from_first_look(void **state)
{
    (void)state;
    static styr_deadline d;
    styr_deadline_init(&d, 0.2, NULL, NULL);
    int64_t from = thread_cpu_ns();
    styr_deadline_arm(&d);
    int64_t used = burn_until_passed(&d, from);
    assert_true(styr_deadline_passed(&d));
    styr_deadline_disarm(&d);
    assert_false(styr_deadline_passed(&d));   /* disarmed: no call to be late */
    if (used < 200000000LL || used > 800000000LL)
        fail_msg("passed after %.3f s of CPU, limit 0.2 s", (double)used / 1e9);
    /* The next call starts afresh: the first call's look is not its own. */
    from = thread_cpu_ns();
    styr_deadline_arm(&d);
    used = burn_until_passed(&d, from);
    styr_deadline_disarm(&d);
    if (used < 200000000LL)
        fail_msg("the second call passed after %.3f s of CPU, limit 0.2 s", (double)used / 1e9);
    styr_deadline_destroy(&d);
}

/* A child of fork() has no watchdog: a deadline it inherited reads its clock
 * at arming (else it would never pass), and a deadline it makes starts a
 * watchdog of its own, which ends a call stuck in C. */
static styr_deadline inherited;

static void inherited_still_passes(void)
{
    styr_deadline_arm(&inherited);
    int64_t from = thread_cpu_ns();
    int64_t used = burn_until_passed(&inherited, from);
    _exit(styr_deadline_passed(&inherited) && used >= 150000000LL ? 0 : 1);
}

static void test_fork_child_keeps_its_limits(void **state)
{
    (void)state;
    char out[1024];
    styr_deadline_init(&inherited, 0.2, NULL, NULL);   /* the parent's watchdog runs */
    assert_int_equal(in_child(inherited_still_passes, out, sizeof out), 0);
    assert_int_equal(in_child(burn, out, sizeof out), 2);
    if (!strstr(out, "rules/test.lua:7: error: rule plan.test.stuck ran for"))
        fail_msg("stderr: %s", out);
    styr_deadline_destroy(&inherited);
}

/* Threads of this process (the entries of /proc/self/task). */
static int thread_count(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    assert_non_null(f);
    char line[256];
    int n = -1;
    while (fgets(line, sizeof line, f))
        if (sscanf(line, "Threads: %d", &n) == 1)
            break;
    fclose(f);
    return n;
}

/* One watchdog serves every deadline of the process: a second and third
 * deadline start no thread, and since a watchdog looks, arming reads no
 * CPU clock (lazy). */
static void test_one_watchdog(void **state)
{
    (void)state;
    static styr_deadline a, b, c;
    styr_deadline_init(&a, 1, NULL, NULL);
    int threads = thread_count();
    assert_true(threads >= 2);
    styr_deadline_init(&b, 1, NULL, NULL);
    styr_deadline_init(&c, 1, NULL, NULL);
    assert_int_equal(thread_count(), threads);
    assert_true(atomic_load(&b.lazy));
    styr_deadline_destroy(&a);
    styr_deadline_destroy(&b);
    styr_deadline_destroy(&c);
}

static _Atomic int poked;
static void poke_flag(void *ud)
{
    (void)ud;
    atomic_store(&poked, 1);
}

/* Every slot of the watchdog's table (deadline.c's MAX_WATCHED, 64) is
 * watched, the first too: with all 64 in use the last one made is still
 * poked by the watchdog when it passes its limit (the poke is what stops
 * a rule's Lua state; a deadline the watchdog does not watch gets none). */
static void test_every_slot_is_watched(void **state)
{
    (void)state;
    static styr_deadline d[64];
    atomic_store(&poked, 0);
    for (int i = 0; i < 64; i++)
        styr_deadline_init(&d[i], i == 63 ? 0.05 : 1, i == 63 ? poke_flag : NULL, NULL);
    styr_deadline_arm(&d[63]);
    int64_t until = styr_now_ns() + 3 * 1000000000LL;
    while (!atomic_load(&poked) && styr_now_ns() < until)
        for (int i = 0; i < 100000; i++)
            sink += (uint64_t)i * 2654435761u;
    int ok = atomic_load(&poked) && styr_deadline_passed(&d[63]);
    styr_deadline_disarm(&d[63]);
    for (int i = 0; i < 64; i++)   /* before the verdict: later tests need the table */
        styr_deadline_destroy(&d[i]);
    assert_true(ok);
}

/* A deadline made when the watchdog's table is full (a host program with
 * more than 64 engines at once) still passes its limit: nobody looks at
 * it, so its calls read their clock at arming, as without a watchdog. */
static void test_deadline_past_the_table_passes(void **state)
{
    (void)state;
    static styr_deadline d[65];
    for (int i = 0; i < 65; i++)
        styr_deadline_init(&d[i], i == 64 ? 0.05 : 1, NULL, NULL);
    styr_deadline_arm(&d[64]);
    int64_t until = styr_now_ns() + 3 * 1000000000LL;
    while (!styr_deadline_passed(&d[64]) && styr_now_ns() < until)
        for (int i = 0; i < 100000; i++)
            sink += (uint64_t)i * 2654435761u;
    int ok = styr_deadline_passed(&d[64]);
    styr_deadline_disarm(&d[64]);
    for (int i = 0; i < 65; i++)   /* before the verdict: later tests need the table */
        styr_deadline_destroy(&d[i]);
    assert_true(ok);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        /* The children first: a fork keeps no watchdog thread of the parent's. */
        cmocka_unit_test(test_one_watchdog),
        cmocka_unit_test(test_stuck_in_c_ends_the_run),
        cmocka_unit_test(test_waiting_is_not_stuck),
        cmocka_unit_test(test_limit_is_cpu_time),
        cmocka_unit_test(test_cpu_counted_from_first_look),
        cmocka_unit_test(test_every_slot_is_watched),
        cmocka_unit_test(test_deadline_past_the_table_passes),
        /* after the parent has a watchdog */
        cmocka_unit_test(test_fork_child_keeps_its_limits),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
