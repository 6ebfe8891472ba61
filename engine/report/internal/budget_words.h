/* budget_words.h - what the writers of `styr budget` (report_budget.c: text,
 * JSON, Markdown, CSV; report_budget_html.c: the page) share, private to
 * report/: their words and how they write a figure. */
#ifndef STYR_REPORT_INTERNAL_BUDGET_WORDS_H
#define STYR_REPORT_INTERNAL_BUDGET_WORDS_H

#include <stddef.h>

#include "budget.h"
#include "report.h"

/* The Swedish or English text; a macro so printf formats stay literal. */
#define word(o, sv, en) ((o)->lang == STYR_LANG_EN ? (en) : (sv))

/* A figure with at most two decimals (trailing zeros dropped), a decimal
 * comma in Swedish: FTE, and the CSV's numbers. */
void budget_decimal(char *buf, size_t cap, double v, const styr_report_opts *o);

/* An owner or funder as people read it: its name, or in words that none
 * was given (the JSON writes null); english: the report's language. */
const char *budget_owner_name(const char *owner, int english);
const char *budget_funder_name(const char *funder, int english);

/* The grants whose end makes the gap, for people: "Vinnova, Tillväxtverket",
 * with "en källa som inte anges" ("a source not named") for a grant that
 * names none; in buf, or NULL when no grant's end makes a gap. */
const char *budget_gap_sources(char *buf, size_t cap, const styr_budget *b, int english);

/* A budget block's status in words (decided when not given). */
const char *budget_status_word(const char *status, const styr_report_opts *o);

/* Whether any owner has a capacity (the writers add its columns only then). */
int budget_any_capacity(const styr_budget *b);

/* An owner's capacity in words, "4 insatser, 1 500 000 kr, 2 åa" (what is
 * set; thousands separated by sep), in buf. */
void budget_capacity_text(char *buf, size_t cap, const styr_capacity *c, const char *sep, const styr_report_opts *o);

/* A year's gap in words, only what is missing: "1,25 årsarbetskrafter och
 * 200 000 kr" (thousands separated by sep), in buf; "" when there is none. */
void budget_gap_text(char *buf, size_t cap, const styr_budget_year *y, const char *sep, const styr_report_opts *o);

/* The measures over in a year in words, "insatser, åa", or "" when none. */
void budget_over_text(char *buf, size_t cap, const styr_budget_owner_year *y, const styr_report_opts *o);

#endif
