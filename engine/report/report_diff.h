/* report_diff.h - writers for `styr diff` (FORMATS.md section 12): text,
 * JSON, Markdown and an HTML page for a board (changes grouped by strategy,
 * money changes summed). */
#ifndef STYR_REPORT_DIFF_H
#define STYR_REPORT_DIFF_H

#include <stdio.h>

#include "diff.h"
#include "error.h"
#include "report.h"

void styr_report_diff_text(FILE *out, const styr_diff *d, const styr_report_opts *o);
void styr_report_diff_json(FILE *out, const styr_diff *d, const styr_report_opts *o);
void styr_report_diff_markdown(FILE *out, const styr_diff *d, const styr_report_opts *o);
/* One section a strategy (of the new version; removed actions under their
 * old one) with its money before and after; each action row carries
 * data-change, data-old-id, data-new-id, data-money-old and data-money-new,
 * each section data-strategy, data-money-old and data-money-new. */
void styr_report_diff_html(FILE *out, const styr_diff *d, const styr_report_opts *o);
/* A workbook at path: a summary sheet, one row a changed field, and one
 * row a finding the new version adds or fixes. */
styr_status styr_report_diff_xlsx(const char *path, const styr_diff *d, const styr_report_opts *o, styr_error *err);

#endif
