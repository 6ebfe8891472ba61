/* mem_budget.h - one memory budget for a whole run, shared by every Lua state
 * that runs rules (the main state and the helper state of the two-core
 * path) and charged with the C-side memory a rule makes the engine keep
 * (findings, rule{} texts). Without it each state had a full cap of its own,
 * so the same plan stopped on one core and passed on two, and copies made
 * in C on a rule's behalf were not counted at all.
 *
 * Each state publishes its own usage to a slot when it has moved by more
 * than STYR_BUDGET_SLACK, so an allocation reads the others' usage without
 * contention; the total is exact to that slack a state. */
#ifndef STYR_MEM_BUDGET_H
#define STYR_MEM_BUDGET_H

#include <stdatomic.h>
#include <stddef.h>

#define STYR_BUDGET_STATES 2
#define STYR_BUDGET_SLACK (256u * 1024)

typedef struct styr_membudget {
    size_t cap;
    _Atomic size_t state_used[STYR_BUDGET_STATES];
    _Atomic size_t charged;        /* C-side bytes kept on rules' behalf */
    _Atomic int refs;
    _Atomic int next_slot;
} styr_membudget;

/* A new budget of cap bytes with one reference, or NULL. */
styr_membudget *styr_membudget_new(size_t cap);
/* Another reference (for a second state); returns b. */
styr_membudget *styr_membudget_ref(styr_membudget *b);
void styr_membudget_unref(styr_membudget *b);
/* A slot for a new state (0, 1; further states share the last one). */
int styr_membudget_slot(styr_membudget *b);
/* Bytes in use by every state but slot, plus the C-side charges. */
size_t styr_membudget_others(const styr_membudget *b, int slot);
/* Charges bytes kept in C outside any state (PCRE2's code and match frames)
 * when the run's total stays within the cap: 0, or -1 (nothing charged). */
int styr_membudget_take(styr_membudget *b, size_t bytes);
/* Gives back what styr_membudget_take charged. */
void styr_membudget_give(styr_membudget *b, size_t bytes);

#endif
