/* deadline.c - per-call time limits and the watchdog behind them. */
#include "deadline.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "termsafe.h"

enum { MAX_WATCHED = 64 };

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static styr_deadline *watched[MAX_WATCHED];
static int watchdog_started;

int64_t styr_now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* Ends the process for a call stuck in C code past its limit and grace. */
static void stuck(const styr_deadline *d, int64_t ran_ns)
{
    const char *who = atomic_load(&d->who), *file = atomic_load(&d->file);
    unsigned line = atomic_load(&d->line);
    fflush(stdout);
    styr_fput_safe(stderr, file ? file : "(rules)");
    fprintf(stderr, ":%u: error: %s%s%sran for %.1f s inside one library or API call, past its limit of %.1f s; "
                    "the run stops (simplify the call, or raise --max-rule-seconds if the rule is right)\n",
            line ? line : 1, who ? "rule " : "", who ? who : "", who ? " " : "", (double)ran_ns / 1e9,
            (double)d->limit_ns / 1e9);
    _exit(2);
}

/* CPU nanoseconds of the thread that armed d, or -1. */
static int64_t cpu_ns(const styr_deadline *d)
{
    struct timespec ts;
    if (!atomic_load(&d->have_cpu_clock) || clock_gettime(d->cpu_clock, &ts) != 0)
        return -1;
    return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* The first look at an armed call (the watchdog's, under its lock: the only
 * writer): where its CPU time is counted from. The pair is tagged with the
 * call's start, so a look that races with the next call's arming is a look
 * at a call that has ended and is never used. */
static void first_look(styr_deadline *d, int64_t start)
{
    if (atomic_load(&d->cpu_for_ns) == start)
        return;
    int64_t cpu = cpu_ns(d);
    atomic_store(&d->start_cpu_ns, cpu);
    atomic_store(&d->cpu_for_ns, start);
}

/* The CPU time the armed call `start` is counted from, or -1 when it has no
 * CPU clock, or -2 before the first look. */
static int64_t counted_from(const styr_deadline *d, int64_t start)
{
    if (!atomic_load(&d->lazy))
        return atomic_load(&d->start_cpu_ns);
    if (atomic_load(&d->cpu_for_ns) != start)
        return -2;
    int64_t cpu = atomic_load(&d->start_cpu_ns);
    /* written before its tag; a later pair would carry another start */
    return atomic_load(&d->cpu_for_ns) == start ? cpu : -2;
}

static void *watchdog(void *arg)
{
    (void)arg;
    for (;;) {
        struct timespec tick = {0, 100 * 1000 * 1000};
        nanosleep(&tick, NULL);
        int64_t now = styr_now_ns();
        pthread_mutex_lock(&lock);
        for (int i = 0; i < MAX_WATCHED; i++) {
            styr_deadline *d = watched[i];
            int64_t start = d ? atomic_load(&d->start_ns) : 0;
            if (start && atomic_load(&d->lazy))
                first_look(d, start);
            int64_t grace = d && d->limit_ns > STYR_DEADLINE_GRACE_NS ? d->limit_ns : STYR_DEADLINE_GRACE_NS;
            if (start && now - start > d->limit_ns + grace) {
                /* Past its limit and grace in wall time; stuck only if the
                 * thread spent that long on a core (a busy machine only
                 * makes it wait). Without a CPU clock, wall time decides. */
                int64_t cpu = cpu_ns(d), cpu_start = counted_from(d, start);
                if (cpu < 0 || cpu_start == -1 || (cpu_start >= 0 && cpu - cpu_start > d->limit_ns + grace))
                    stuck(d, now - start);
            }
            if (start && d->poke && atomic_load(&d->poked_ns) != start && styr_deadline_passed(d)) {
                atomic_store(&d->poked_ns, start);
                d->poke(d->poke_ud);
            }
        }
        pthread_mutex_unlock(&lock);
    }
    return NULL;
}

/* A child of fork() has no watchdog: its deadlines read their clock at
 * arming again, and it starts a watchdog of its own at its next init. The
 * lock is held across the fork so that the child's copy is not left locked. */
static void before_fork(void) { pthread_mutex_lock(&lock); }
static void after_fork_parent(void) { pthread_mutex_unlock(&lock); }
static void after_fork_child(void)
{
    watchdog_started = 0;
    for (int i = 0; i < MAX_WATCHED; i++)
        if (watched[i])
            atomic_store(&watched[i]->lazy, 0);
    pthread_mutex_unlock(&lock);
}
static pthread_once_t fork_once = PTHREAD_ONCE_INIT;
static void watch_forks(void) { pthread_atfork(before_fork, after_fork_parent, after_fork_child); }

void styr_deadline_init(styr_deadline *d, double limit_s, void (*poke)(void *ud), void *ud)
{
    pthread_once(&fork_once, watch_forks);
    atomic_store(&d->start_ns, 0);
    atomic_store(&d->poked_ns, 0);
    atomic_store(&d->have_cpu_clock, 0);
    atomic_store(&d->start_cpu_ns, -1);
    atomic_store(&d->cpu_for_ns, 0);
    atomic_store(&d->lazy, 0);
    d->poke = poke;
    d->poke_ud = ud;
    d->limit_ns = (int64_t)(limit_s * 1e9);
    atomic_store(&d->who, NULL);
    atomic_store(&d->file, NULL);
    atomic_store(&d->line, 0);
    pthread_mutex_lock(&lock);
    int placed = 0;
    for (int i = 0; i < MAX_WATCHED; i++)
        if (!watched[i]) {
            watched[i] = d;
            placed = 1;
            break;
        }
    if (!watchdog_started) {
        pthread_t t;
        pthread_attr_t attr;
        pthread_attr_init(&attr);
        pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
        pthread_attr_setstacksize(&attr, 64 * 1024);
        if (pthread_create(&t, &attr, watchdog, NULL) == 0)
            watchdog_started = 1;
        pthread_attr_destroy(&attr);
    }
    /* Without a watchdog nobody looks, so each call reads its clock at
     * arming; so too when the table is full (more than MAX_WATCHED states at
     * once): the limit still holds, only a call stuck in C goes unseen. */
    atomic_store(&d->lazy, watchdog_started && placed);
    pthread_mutex_unlock(&lock);
}

void styr_deadline_destroy(styr_deadline *d)
{
    pthread_mutex_lock(&lock);
    for (int i = 0; i < MAX_WATCHED; i++)
        if (watched[i] == d)
            watched[i] = NULL;
    pthread_mutex_unlock(&lock);
}

void styr_deadline_blame(styr_deadline *d, const char *who, const char *file, unsigned line)
{
    atomic_store(&d->who, who);
    atomic_store(&d->file, file);
    atomic_store(&d->line, line);
}

void styr_deadline_arm(styr_deadline *d)
{
    /* The thread's CPU clock: the same thread arms every call of a state,
     * but a helper state lives on another thread, so it is read each time. */
    clockid_t c;
    if (pthread_getcpuclockid(pthread_self(), &c) == 0) {   /* no system call */
        d->cpu_clock = c;
        atomic_store(&d->have_cpu_clock, 1);
        if (!atomic_load(&d->lazy))
            atomic_store(&d->start_cpu_ns, cpu_ns(d));
    } else {
        atomic_store(&d->have_cpu_clock, 0);
        atomic_store(&d->start_cpu_ns, -1);
    }
    atomic_store(&d->start_ns, styr_now_ns());
}

void styr_deadline_disarm(styr_deadline *d)
{
    atomic_store(&d->start_ns, 0);
}

int styr_deadline_armed(const styr_deadline *d)
{
    return atomic_load(&d->start_ns) != 0;
}

int styr_deadline_passed(const styr_deadline *d)
{
    int64_t start = atomic_load(&d->start_ns);
    if (!start || styr_now_ns() - start <= d->limit_ns)
        return 0;   /* the cheap test first: CPU time never runs ahead of wall time */
    int64_t cpu_start = counted_from(d, start);
    if (cpu_start == -2)
        return 0;   /* the watchdog has not looked yet: it will within a tick */
    int64_t cpu = cpu_ns(d);
    return cpu < 0 || cpu_start < 0 || cpu - cpu_start > d->limit_ns;
}
