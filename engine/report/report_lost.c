/* report_lost.c - the record of a report part lost to memory (report_lost.h). */
#include "report_lost.h"

static _Thread_local int lost;

void styr_report_lost(void)
{
    lost = 1;
}

int styr_report_take_lost(void)
{
    int was = lost;
    lost = 0;
    return was;
}
