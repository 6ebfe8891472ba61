/* deadline.h - a time limit on every rule call, including the time spent
 * inside one C function (a library or API call that loops internally), where
 * no instruction hook fires.
 *
 * The sandbox arms a deadline around each call; its count hook and the rule
 * API's long loops check it (styr_deadline_passed) and stop the rule with a
 * normal error. The limit is in the CPU time of the calling thread, so a
 * rule's outcome does not depend on how busy the machine is. A watchdog thread, shared by the process, looks at every
 * armed deadline ten times a second. A call past its limit is poked (the
 * sandbox makes its hook fire at the next instruction, so a loop of many
 * slow C calls stops between two of them). A call still running a grace
 * period after its limit is stuck in one C call that cannot be interrupted,
 * so the watchdog prints the rule's file:line and ends the process with
 * exit 2. "Still running" is measured in the CPU time of the thread that
 * armed the call, not in wall time: on a busy machine (ctest -j4 on two
 * cores) a bounded call can take seconds of wall time while it waits for a
 * core, and must not end the run for that; a call stuck in C burns CPU.
 *
 * The thread's CPU clock is read only when somebody looks: at the watchdog's
 * first tick during the call, which records where the call's CPU time is
 * counted from. Most calls end long before (a rule call takes microseconds;
 * reading a thread's CPU clock is a system call that cost 13 % of validate's
 * time when every call read it), so a call's CPU is counted from at most a
 * tenth of a second of wall time after it starts: a call may use its limit
 * and, at most, what it used before that first look. */
#ifndef STYR_DEADLINE_H
#define STYR_DEADLINE_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <time.h>

/* How much longer than its limit a call may run before the watchdog ends the
 * process (the hook and API checks normally stop it first): the limit once
 * more, and at least a second, so that a slow machine (or a sanitizer build)
 * gets the hook's orderly stop rather than the end of the run. */
#define STYR_DEADLINE_GRACE_NS 1000000000LL

typedef struct styr_deadline {
    _Atomic int64_t start_ns;     /* monotonic time the call started; 0: not armed */
    int64_t limit_ns;             /* the call's limit */
    _Atomic(const char *) who;    /* rule id, or NULL (stable strings) */
    _Atomic(const char *) file;   /* where the rule is declared */
    _Atomic unsigned line;
    _Atomic int64_t poked_ns;     /* the start_ns of the call last poked */
    _Atomic int64_t start_cpu_ns; /* the arming thread's CPU time at the first look */
    _Atomic int64_t cpu_for_ns;   /* the start_ns whose first look start_cpu_ns is */
    _Atomic int lazy;             /* the watchdog looks (it runs); else arm reads */
    clockid_t cpu_clock;          /* that thread's CPU-time clock */
    _Atomic int have_cpu_clock;
    void (*poke)(void *ud);       /* called (from the watchdog) once a call is late */
    void *poke_ud;
} styr_deadline;

/* Monotonic nanoseconds. */
int64_t styr_now_ns(void);

/* Registers d with the watchdog (starting it if needed); limit_s > 0. poke
 * may be NULL; it must be safe to call from another thread. */
void styr_deadline_init(styr_deadline *d, double limit_s, void (*poke)(void *ud), void *ud);
/* Unregisters d; the watchdog no longer reads it. */
void styr_deadline_destroy(styr_deadline *d);

/* Says whom the next calls belong to (kept as pointers: stable strings). */
void styr_deadline_blame(styr_deadline *d, const char *who, const char *file, unsigned line);
void styr_deadline_arm(styr_deadline *d);
void styr_deadline_disarm(styr_deadline *d);
/* 1 while a call is armed. */
int styr_deadline_armed(const styr_deadline *d);
/* 1 when the armed call has run past its limit: in the CPU time of the
 * thread that armed it since the watchdog's first look (a call waiting for a
 * core on a busy machine has not used its time; before the first look it has
 * not passed), or in wall time where there is no such clock. */
int styr_deadline_passed(const styr_deadline *d);

#endif
