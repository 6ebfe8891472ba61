/* date.c - plan dates: parsing YYYY, YYYY-MM and YYYY-MM-DD into a day at
 * the start or end of the named period, day ordinals and formatting. Month
 * and day must have two digits ("2018-3-5" is rejected with a reason). */
#include "date.h"
#include "termsafe.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *const month_names[2][12] = {
    {"January", "February", "March", "April", "May", "June", "July",
     "August", "September", "October", "November", "December"},
    {"januari", "februari", "mars", "april", "maj", "juni", "juli",
     "augusti", "september", "oktober", "november", "december"},
};

/* A reason in the run's language (sv_ set in the function): a rule quotes
 * it in a finding. */
#define T(en, sv) (sv_ ? (sv) : (en))

const char *styr_date_expected(int swedish)
{
    return swedish ? "skriv ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD" : "expected YYYY, YYYY-MM or YYYY-MM-DD";
}

static int is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
    static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Writes a reason (if there is room for one) and returns 0 for failure. */
static int fail(char *why, size_t whycap, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int fail(char *why, size_t whycap, const char *fmt, ...)
{
    if (why && whycap > 0) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(why, whycap, fmt, ap);
        va_end(ap);
    }
    return 0;
}

/* Counts the digits at t[*i..n) and reads them (at most 4 matter). */
static size_t read_digits(const char *t, size_t n, size_t *i, int *value)
{
    size_t start = *i;
    int v = 0;
    while (*i < n && is_digit(t[*i])) {
        if (*i - start < 4)
            v = v * 10 + (t[*i] - '0');
        (*i)++;
    }
    *value = v;
    return *i - start;
}

int styr_date_parse(const char *text, size_t len, styr_date_edge edge,
                    styr_date *out, char *why, size_t whycap)
{
    return styr_date_parse_in(text, len, edge, out, why, whycap, 0);
}

/* 1 and *out for a valid plan date at `edge`; 0 and a reason otherwise. */
int styr_date_parse_in(const char *text, size_t len, styr_date_edge edge,
                       styr_date *out, char *why, size_t whycap, int swedish)
{
    const int sv_ = swedish != 0;
    const char *expected = styr_date_expected(sv_);
    size_t b = 0, e = text ? len : 0, i;
    int year, month = 0, day = 0;
    styr_date_precision prec = STYR_DATE_YEAR;

    while (b < e && is_space(text[b]))
        b++;
    while (e > b && is_space(text[e - 1]))
        e--;
    if (b == e)
        return fail(why, whycap, T("empty date; %s", "tomt datum; %s"), expected);

    i = b;
    size_t nd = read_digits(text, e, &i, &year);
    if (nd == 0)
        return fail(why, whycap, "%s", expected);
    if (nd != 4)
        return fail(why, whycap, T("the year must have four digits; %s", "året ska ha fyra siffror; %s"), expected);
    if (year < 1000)
        return fail(why, whycap, T("year %04d is before 1000", "år %04d är före år 1000"), year);

    if (i < e && text[i] == '-') {
        i++;
        nd = read_digits(text, e, &i, &month);
        if (nd == 0)
            return fail(why, whycap, "%s", expected);
        if (nd != 2)
            return fail(why, whycap, T("the month must have two digits, as in %04d-03", "månaden ska ha två siffror, som i %04d-03"), year);
        if (month < 1 || month > 12)
            return fail(why, whycap, T("month %02d does not exist", "månad %02d finns inte"), month);
        prec = STYR_DATE_MONTH;
        if (i < e && text[i] == '-') {
            i++;
            nd = read_digits(text, e, &i, &day);
            if (nd == 0)
                return fail(why, whycap, "%s", expected);
            if (nd != 2)
                return fail(why, whycap,
                            T("the day must have two digits, as in %04d-%02d-05",
                              "dagen ska ha två siffror, som i %04d-%02d-05"), year, month);
            prec = STYR_DATE_DAY;
        }
    }
    if (i < e) {
        /* Name what was read so far, so "2018-03-05T10:00" reads well. */
        if (prec == STYR_DATE_YEAR)
            return fail(why, whycap, T("unexpected text after %04d; %s", "oväntad text efter %04d; %s"), year, expected);
        if (prec == STYR_DATE_MONTH)
            return fail(why, whycap, T("unexpected text after %04d-%02d; %s", "oväntad text efter %04d-%02d; %s"),
                        year, month, expected);
        return fail(why, whycap, T("unexpected text after %04d-%02d-%02d; %s", "oväntad text efter %04d-%02d-%02d; %s"),
                    year, month, day, expected);
    }
    if (prec == STYR_DATE_DAY) {
        int dim = days_in_month(year, month);
        if (day < 1)
            return fail(why, whycap, "%s", T("day 00 does not exist", "dag 00 finns inte"));
        if (day > dim)
            return fail(why, whycap, T("%s %04d has %d days", "%s %04d har %d dagar"), month_names[sv_][month - 1], year, dim);
    }

    if (out) {
        if (prec == STYR_DATE_YEAR)
            month = edge == STYR_DATE_START ? 1 : 12;
        if (prec != STYR_DATE_DAY)
            day = edge == STYR_DATE_START ? 1 : days_in_month(year, month);
        out->year = year;
        out->month = month;
        out->day = day;
        out->precision = prec;
    }
    return 1;
}

/* Days since 1970-01-01 in the proleptic Gregorian calendar. */
int64_t styr_date_ordinal(const styr_date *d)
{
    /* Howard Hinnant's days_from_civil: March-based years make the leap day
     * the last day of the year, so month lengths follow a fixed pattern. */
    int64_t y = (int64_t)d->year - (d->month <= 2);
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;                                   /* [0, 399] */
    int64_t mp = (d->month + 9) % 12;                              /* March = 0 */
    int64_t doy = (153 * mp + 2) / 5 + d->day - 1;                 /* [0, 365] */
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;           /* [0, 146096] */
    return era * 146097 + doe - 719468;
}

/* Writes v as exactly `width` decimal digits (v taken modulo 10^width). */
static char *put_digits(char *p, int v, int width)
{
    unsigned u = v < 0 ? (unsigned)-(long)v : (unsigned)v;
    for (int k = width - 1; k >= 0; k--) {
        p[k] = (char)('0' + u % 10);
        u /= 10;
    }
    return p + width;
}

/* Writes YYYY-MM-DD and a NUL (11 bytes) into buf. */
void styr_date_format(const styr_date *d, char *buf)
{
    /* By hand rather than snprintf: the output is always exactly 10 bytes. */
    char *p = put_digits(buf, d->year, 4);
    *p++ = '-';
    p = put_digits(p, d->month, 2);
    *p++ = '-';
    p = put_digits(p, d->day, 2);
    *p = '\0';
}

/* Howard Hinnant's civil_from_days, the inverse of days_from_civil. */
int styr_date_from_ordinal(int64_t z, styr_date *out)
{
    const int64_t limit = INT64_C(365250000);   /* about a million years each way */
    if (z < -limit || z > limit)
        return 0;
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    out->day = (int)(doy - (153 * mp + 2) / 5 + 1);
    out->month = (int)(mp < 10 ? mp + 3 : mp - 9);
    out->year = (int)(yoe + era * 400 + (out->month <= 2));
    out->precision = STYR_DATE_DAY;
    return 1;
}

int styr_report_today(char *buf)
{
    const char *env = getenv("SOURCE_DATE_EPOCH");
    int64_t secs = -1;
    if (env && *env && strlen(env) <= 18) {
        secs = 0;
        for (const char *p = env; *p && secs >= 0; p++)
            secs = *p >= '0' && *p <= '9' ? secs * 10 + (*p - '0') : -1;
    }
    /* A date past 9999-12-31 has no YYYY-MM-DD; such a value is as unusable
     * as one that is not a number, and the clock is read instead. */
    if (secs > INT64_C(253402300799))
        secs = -1;
    if (env && *env && secs < 0) {
        static int said;   /* once a process: a typo would otherwise go unseen */
        if (!said++) {
            fputs("styr: SOURCE_DATE_EPOCH='", stderr);
            styr_fput_safe(stderr, env);   /* whatever it holds, never raw to a terminal */
            fputs("' is not seconds since 1970 up to year 9999; the report shows today's date\n", stderr);
        }
    }
    int fixed = secs >= 0;
    if (!fixed)
        secs = (int64_t)time(NULL);
    styr_date d;
    if (!styr_date_from_ordinal(secs / 86400, &d)) {
        snprintf(buf, 11, "%s", "0000-00-00");
        return fixed;
    }
    styr_date_format(&d, buf);
    return fixed;
}
