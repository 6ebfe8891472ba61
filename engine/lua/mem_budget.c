/* mem_budget.c - the run's shared memory budget. */
#include "mem_budget.h"

#include <stdlib.h>

styr_membudget *styr_membudget_new(size_t cap)
{
    styr_membudget *b = calloc(1, sizeof *b);
    if (!b)
        return NULL;
    b->cap = cap;
    atomic_store(&b->refs, 1);
    return b;
}

styr_membudget *styr_membudget_ref(styr_membudget *b)
{
    atomic_fetch_add(&b->refs, 1);
    return b;
}

void styr_membudget_unref(styr_membudget *b)
{
    if (b && atomic_fetch_sub(&b->refs, 1) == 1)
        free(b);
}

int styr_membudget_slot(styr_membudget *b)
{
    int s = atomic_fetch_add(&b->next_slot, 1);
    return s < STYR_BUDGET_STATES ? s : STYR_BUDGET_STATES - 1;
}

int styr_membudget_take(styr_membudget *b, size_t bytes)
{
    size_t used = styr_membudget_others(b, -1);
    if (bytes > b->cap || used > b->cap - bytes)
        return -1;
    atomic_fetch_add(&b->charged, bytes);
    return 0;
}

void styr_membudget_give(styr_membudget *b, size_t bytes)
{
    atomic_fetch_sub(&b->charged, bytes);
}

size_t styr_membudget_others(const styr_membudget *b, int slot)
{
    size_t sum = atomic_load(&b->charged);
    for (int i = 0; i < STYR_BUDGET_STATES; i++)
        if (i != slot)
            sum += atomic_load(&b->state_used[i]);
    return sum;
}
