/* budget.c - the run's shared memory budget. */
#include "budget.h"

#include <stdlib.h>

styr_budget *styr_budget_new(size_t cap)
{
    styr_budget *b = calloc(1, sizeof *b);
    if (!b)
        return NULL;
    b->cap = cap;
    atomic_store(&b->refs, 1);
    return b;
}

styr_budget *styr_budget_ref(styr_budget *b)
{
    atomic_fetch_add(&b->refs, 1);
    return b;
}

void styr_budget_unref(styr_budget *b)
{
    if (b && atomic_fetch_sub(&b->refs, 1) == 1)
        free(b);
}

int styr_budget_slot(styr_budget *b)
{
    int s = atomic_fetch_add(&b->next_slot, 1);
    return s < STYR_BUDGET_STATES ? s : STYR_BUDGET_STATES - 1;
}

size_t styr_budget_others(const styr_budget *b, int slot)
{
    size_t sum = atomic_load(&b->charged);
    for (int i = 0; i < STYR_BUDGET_STATES; i++)
        if (i != slot)
            sum += atomic_load(&b->state_used[i]);
    return sum;
}
