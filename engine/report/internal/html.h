/* html.h - what the files of the HTML page share, private to report/: the
 * page being written, the text helpers, the chart kit and the sections.
 * report_html.c writes the page and calls the sections in order. */
#ifndef STYR_REPORT_INTERNAL_HTML_H
#define STYR_REPORT_INTERNAL_HTML_H

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "number_text.h"
#include "json.h"
#include "message.h"
#include "mcda.h"
#include "model.h"
#include "report_html.h"
#include "score.h"
#include "strmap.h"
#include "text.h"
#include "validate.h"

/* The Swedish or English text; a macro so printf formats stay literal. */
#define word(o, sv, en) ((o)->lang == STYR_LANG_EN ? (en) : (sv))

/* Rows a findings table shows, bars the findings chart draws, rank columns
 * of the acceptability table: beyond these the page says what it left out. */
#define MAX_FINDING_ROWS 2000
#define MAX_BARS 60
#define MAX_RANK_COLUMNS 30
#define MAX_GRID_COLUMNS 40
/* Budgets of the efficient frontier: 0 .. sum of costs in this many steps. */
#define FRONTIER_STEPS 20

typedef struct page {
    FILE *out;
    const styr_report_opts *o;
    const styr_html_input *in;
    unsigned fig;            /* figures and tables so far: unique ids */
} page;

/* ---- charts ---------------------------------------------------------------- */

typedef struct axis {
    double min, max, step;
    int dec;                 /* decimals of the tick labels */
} axis;

/* Legend entries laid out in rows within width; returns the height used. */
typedef struct legend_item {
    const char *label;
    char paint[64];
    int shape;               /* 0 square, 1 hollow circle, 2 filled circle, 3 dashed line */
} legend_item;

/* Palettes (html_chart.c). */
extern const char *const html_crit_fill[8];
extern const char *const html_line_colour[7];
extern const char *const html_line_dash[3];
extern const char *const html_sev_colour[4];

/* ---- the chart kit: axes, legends, palettes, SVG frames (html_chart.c) */

/* An axis from 0 to at least max in about `ticks` round steps (1, 2, 2.5, 5). */
axis html_nice_axis(double max, int ticks, int integral);

/* An axis over [lo, hi] (lo >= 0), starting at a round value below lo when
 * that leaves more room to the data than starting at 0. */
axis html_nice_range(double lo, double hi, int ticks);

/* Where v falls on the axis, from 0 to 1. */
double html_axis_at(const axis *a, double v);

/* A unit for money axes: millions, thousands or kronor. */
double html_money_unit(double max);

const char *html_money_axis_title(const page *p, double unit);

/* Opens a figure: <figure>, caption, and an <svg role="img"> titled and
 * described by the table of the same numbers (table_id). */
void html_svg_open(page *p, unsigned id, double w, double h, const char *cls, const char *title,
                     const char *title_extra, const char *table_id);

void html_svg_close(page *p);

/* Fill of criterion j: its colour, or a hatch pattern defined by crit_defs. */
void html_crit_paint(char *buf, size_t cap, unsigned fig, size_t j);

void html_crit_defs(page *p, unsigned fig, size_t m);

/* Vertical grid lines and tick labels of a horizontal value axis. */
void html_x_axis(page *p, const axis *a, double x0, double w, double top, double bottom, double scale_div,
                   const char *title);

/* Horizontal grid lines and tick labels of a vertical value axis. */
void html_y_axis(page *p, const axis *a, double x0, double x1, double top, double h, double scale_div,
                   const char *title);

double html_legend_height(const legend_item *it, size_t k, double width);

void html_legend(page *p, const legend_item *it, size_t k, double x0, double y0, double width);


/* ---- section 7: cost against score (html_cost.c) */

void html_sec_cost(page *p);


/* ---- section 2: the plan's findings (html_findings.c) */

void html_problem_position(FILE *out, const char *file, unsigned line, unsigned col);

void html_sec_findings(page *p);


/* ---- section 3: the plan's links (html_links.c) */

void html_sec_links(page *p);


/* ---- sections 4 and 5: scores, scenarios compared (html_scores.c) */

void html_sec_scores(page *p);

/* Each area of a scenario with a feasible budget, in or out and why. */
void html_portfolio_table(page *p, const styr_score_report *r, const styr_scenario_run *sr);

/* ---- 5. scenarios compared -------------------------------------------------- */
void html_sec_compare(page *p);


/* ---- section 6: rank acceptability (html_sensitivity.c) */

void html_sec_sensitivity(page *p);

/* Whether sv holds a sampled scenario the page can show. */
int html_sensitivity_shown(const styr_sensitivity *sv);


/* ---- text: escaping, widths, numbers and names (html_text.c) */

/* Writes s[0..len) HTML-escaped (for text and attribute values alike), at
 * most maxcp code points (0: all) with an ellipsis when cut. Invalid UTF-8
 * and control characters become U+FFFD. */
void html_esc_span(FILE *out, const char *s, size_t len, size_t maxcp);

void html_esc(FILE *out, const char *s);

void html_esc_cut(FILE *out, const char *s, size_t maxcp);

/* Estimated width in pixels of a label (at most maxcp code points) in a
 * sans-serif font of the given size; generous, so labels never collide. */
double html_text_w(const char *s, size_t len, size_t maxcp, double size);

double html_text_ws(const char *s, size_t maxcp, double size);

/* A raw value as the JSON reports write it, for data-value. */
void html_raw(FILE *out, double v);

/* A number cell of one criterion: the raw value for the checks, the
 * rounded one (to `decimals` places) for the reader. */
void html_criterion_cell(FILE *out, const char *key, const char *criterion, double v, int decimals, int lang);

/* 1234567 -> "1 234 567" with no-break spaces, which never break a number. */
void html_money(char *buf, size_t cap, double v);

const char *html_kind_name(const page *p, const char *kind);

/* The same, as a heading word. */
const char *html_kind_title(const page *p, const char *kind);

const char *html_sev_word(const page *p, int s);

const char *html_crit_label(const page *p, const styr_ruleset *rs, size_t j);

const char *html_scenario_name(const styr_scenario_run *sr);

/* What a person reads for area i: its title, or its id when it has none
 * (chart labels). */
const char *html_area_label(const styr_area_table *t, size_t i);

/* A table cell's text for area i: the title with the id beside it in a
 * <span class="area-id">, or the id alone. */
void html_area_cell(FILE *out, const styr_area_table *t, size_t i);

/* "Title (id)" escaped, for tooltips and prose; the id alone without a title. */
void html_area_named(FILE *out, const styr_area_table *t, size_t i);

/* Text of a scalar node (trimmed, with its length), or NULL. */
const char *html_scalar_text(const styr_node *n, size_t *len);

const styr_node *html_map_get(const styr_node *map, const char *key);

const styr_node *html_seq_get(const styr_node *map, const char *key);


/* ---- the page (report_html.c) */

int html_plan_has_links(const styr_doc *doc);

/* ---- the decision first, for a steering group (html_decision.c) */

void html_sec_decision(page *p);

/* ---- the what-if weights (html_whatif.c) */

/* Whether the page can offer what-if weights: areas scored under a scenario. */
int html_whatif_shown(const styr_score_report *r);

/* The section: a slider per criterion, the live ranking and its script. */
void html_sec_whatif(page *p);

#endif
