/* date.h - plan dates: YYYY, YYYY-MM or YYYY-MM-DD, read as the start or
 * the end of the period they name (FORMATS.md, introduction). */
#ifndef STYR_DATE_H
#define STYR_DATE_H

#include <stddef.h>
#include <stdint.h>

typedef enum styr_date_edge { STYR_DATE_START, STYR_DATE_END } styr_date_edge;

typedef enum styr_date_precision {
    STYR_DATE_YEAR = 1, STYR_DATE_MONTH = 2, STYR_DATE_DAY = 3
} styr_date_precision;

typedef struct styr_date {
    int year, month, day;            /* resolved to a day by the edge */
    styr_date_precision precision;   /* how much the text said */
} styr_date;

/* Parses text[0..len) (surrounding white space ignored). "2018" as a start
 * is 2018-01-01, as an end 2018-12-31; "2018-02" as an end is 2018-02-28.
 * Years 1000..9999. Returns 1 on success; 0 on failure with a short English
 * reason in why (e.g. "month 13 does not exist", "February 2018 has 28 days"
 * for 2018-02-30, "expected YYYY, YYYY-MM or YYYY-MM-DD"). Month and day need
 * two digits ("2018-3-5" is rejected). why may be NULL; out is left alone
 * on failure. */
int styr_date_parse(const char *text, size_t len, styr_date_edge edge,
                    styr_date *out, char *why, size_t whycap);
/* The same, with the reason in Swedish when swedish is non-zero ("månad 13
 * finns inte", "februari 2018 har 28 dagar"): a rule quotes it to the user. */
int styr_date_parse_in(const char *text, size_t len, styr_date_edge edge,
                       styr_date *out, char *why, size_t whycap, int swedish);
/* The shapes a date may take, as the reasons above say it: "expected YYYY,
 * YYYY-MM or YYYY-MM-DD", or in Swedish "skriv ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD". */
const char *styr_date_expected(int swedish);

/* Days since 1970-01-01 (proleptic Gregorian), for comparing and subtracting. */
int64_t styr_date_ordinal(const styr_date *d);

/* The civil date of day number z (the inverse of styr_date_ordinal), with
 * day precision. Returns 1, or 0 when z is more than 365,250,000 days from
 * 1970-01-01 (about a million years; beyond, the year would overflow an
 * int). */
int styr_date_from_ordinal(int64_t z, styr_date *out);

/* Formats d as YYYY-MM-DD into buf (at least 11 bytes). */
void styr_date_format(const styr_date *d, char *buf);

/* The date a report is made (UTC), YYYY-MM-DD into buf (11 bytes): from
 * SOURCE_DATE_EPOCH (seconds since 1970, digits only; the reproducible-
 * builds convention) when it is set and valid, else from the clock. So the
 * same input and the same SOURCE_DATE_EPOCH give the same bytes. Returns 1
 * when SOURCE_DATE_EPOCH was used. */
int styr_report_today(char *buf);

#endif
