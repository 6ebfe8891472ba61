/* report_html.h - one self-contained HTML page (no network, inline SVG
 * charts) for boards and browsers: the plan's findings, the scores and their
 * parts, the scenarios compared, rank acceptability, cost against score with
 * the chosen portfolio and the efficient frontier, and the plan's links. */
#ifndef STYR_REPORT_HTML_H
#define STYR_REPORT_HTML_H

#include <stdio.h>

#include "report.h"
#include "report_score.h"

typedef struct styr_html_input {
    const styr_ruleset *rs;
    const styr_file_result *plans;   /* validated files (action plans, areas, scenarios); may be 0 */
    const styr_doc *const *plan_docs;/* their documents, same order (NULL entries for failed files) */
    size_t nplans;
    const styr_score_report *score;  /* NULL when no areas were scored */
    const styr_sensitivity *sensitivity; /* NULL when not computed; else an array of nsensitivity */
    size_t nsensitivity;             /* one a sampled scenario (0 with a non-NULL sensitivity: 1) */
    int audience;                    /* STYR_AUDIENCE_* */
} styr_html_input;

/* Who the page is for: the default (findings first, as it always was) or a
 * steering group (`--audience board`: the decision first, the findings last). */
#define STYR_AUDIENCE_DEFAULT 0
#define STYR_AUDIENCE_BOARD 1

/* Writes the whole page. Every number shown in a table also appears, with
 * the same rounding, in the JSON reports (the browser test compares them). */
void styr_report_html(FILE *out, const styr_html_input *in, const styr_report_opts *o);

#endif
