/* report_followup.h - writers for `styr followup` (FORMATS.md section 11):
 * text, JSON, Markdown, CSV, a self-contained HTML page and xlsx. */
#ifndef STYR_REPORT_FOLLOWUP_H
#define STYR_REPORT_FOLLOWUP_H

#include <stdio.h>

#include "error.h"
#include "followup.h"
#include "report.h"

void styr_report_followup_text(FILE *out, const styr_followup *fu, const styr_report_opts *o);
void styr_report_followup_json(FILE *out, const styr_followup *fu, const styr_report_opts *o);
void styr_report_followup_markdown(FILE *out, const styr_followup *fu, const styr_report_opts *o);
/* One row a plan action. With --lang sv: ';', decimal comma and a UTF-8 BOM
 * (Swedish Excel); with en: ',' and a decimal point (FORMATS.md section 14). */
void styr_report_followup_csv(FILE *out, const styr_followup *fu, const styr_report_opts *o);
/* The plan's actions grouped by strategy, coloured by status, with the
 * escalations and the findings. Each action row carries data-action,
 * data-status (or "none") and data-escalate. */
void styr_report_followup_html(FILE *out, const styr_followup *fu, const styr_report_opts *o);
/* A workbook at path: a summary sheet, one row a plan action (status in
 * the report's language, delay, money, escalated, reasons) and one row a
 * finding with its position. */
styr_status styr_report_followup_xlsx(const char *path, const styr_followup *fu, const styr_report_opts *o,
                                      styr_error *err);

/* The status's words in the report's language ("försenad", "delayed"); the
 * text itself for an unknown one, and "utan status"/"no status" for NULL. */
const char *styr_followup_status_word(const char *status, int lang);

#endif
