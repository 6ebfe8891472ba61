/* report_lost.h - a report that had to leave something out because memory
 * ran out says so, instead of passing for complete.
 *
 * The report writers print to a stream and return nothing; a part they
 * could not build (a chart, a table, a sort order) would otherwise just be
 * missing. Each such place calls styr_report_lost(); whoever finishes the
 * report (the CLI's sink) asks styr_report_take_lost() and then fails the
 * run (exit 2, "minnet tog slut") instead of handing over a shorter report.
 * The flag is per thread: a report is written by one thread, start to end. */
#ifndef STYR_REPORT_LOST_H
#define STYR_REPORT_LOST_H

/* Records that the report being written lacks a part. */
void styr_report_lost(void);

/* Whether a part was lost since the last call; clears the record. */
int styr_report_take_lost(void);

#endif
