/* report_timeline.h - a Gantt-style SVG of a plan's actions for the HTML
 * pages: one row an action, grouped by strategy; a bar from start to end
 * (hatched across the plan period when the action has no timeline of its
 * own), a marker where each grant ends, a red segment where the action
 * outlives a grant, and the follow-up's status as the bar's colour.
 *
 * Every bar carries data-action, data-start and data-end (YYYY-MM-DD, the
 * same days the follow-up JSON gives as planned_start and planned_end),
 * data-own ("true"/"false") and data-status; grant markers data-grant-until,
 * red segments data-unfunded-from and data-unfunded-to, the dashed
 * extension of a late action data-forecast-end (the follow-up's forecast).
 */
#ifndef STYR_REPORT_TIMELINE_H
#define STYR_REPORT_TIMELINE_H

#include <stdint.h>
#include <stdio.h>

#include "doc.h"
#include "report.h"

struct styr_followup;

typedef struct styr_timeline_row {
    char *id;                    /* trimmed, owned */
    const char *strategy, *title;
    const char *status;          /* from a follow-up, or NULL */
    int own;                     /* the action's own timeline (else the plan period) */
    int64_t start, end;          /* day ordinals */
    int64_t grant_until[8];      /* when its grants end (at most 8 drawn) */
    size_t ngrants;
    int late;                    /* the follow-up forecasts an end after the planned one: */
    int64_t forecast_end;        /* drawn as a dashed extension of the bar */
    int unfunded;                /* a grant ends before the action does: */
    int64_t unfunded_from;       /* red from the earliest such end to the action's end */
} styr_timeline_row;

typedef struct styr_timeline {
    styr_timeline_row *rows;
    size_t nrows;
    int64_t from, to;            /* the axis: the plan period, widened to every bar */
    int with_status;             /* colour by follow-up status */
    const styr_node *strategies; /* the plan's strategies[] for group titles, or NULL */
} styr_timeline;

/* Builds the rows of plan (a plan's root). Actions without dates of their
 * own take the plan period; an action with neither, or with an end before
 * its start, is left out. fu, when not NULL, gives each row its status.
 * Returns 0, or -1 when out of memory (t is then empty). */
int styr_timeline_build(const styr_node *plan, const struct styr_followup *fu, styr_timeline *t);

/* Writes the chart as a <figure> with an inline <svg>; uid makes its
 * element ids unique in the page. Writes nothing for a timeline without rows. */
void styr_timeline_svg(FILE *out, const styr_timeline *t, const char *uid, const styr_report_opts *o);

void styr_timeline_free(styr_timeline *t);

#endif
