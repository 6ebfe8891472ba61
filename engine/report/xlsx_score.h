/* xlsx_score.h - the workbook of `styr score --format xlsx`. */
#ifndef STYR_XLSX_SCORE_H
#define STYR_XLSX_SCORE_H

#include "error.h"
#include "report_score.h"

/* Writes a summary sheet (one row a scenario: scored, areas, budget, chosen
 * areas and their cost, errors and warnings), a ranking sheet (one row a
 * scenario and area: rank, score, chosen, each criterion's contribution)
 * and a findings sheet (one row a finding of the areas file and the
 * scenarios, with what to do). Sheet and column names follow o->lang. */
styr_status styr_xlsx_write_score(const char *path, const styr_score_report *r, const styr_report_opts *o,
                                  styr_error *err);

#endif
