/* csv_dialect.h - CSV as the reader's spreadsheet wants it (FORMATS.md
 * section 14): Swedish Excel (--lang sv) reads ';' between fields, a
 * decimal comma and a UTF-8 byte order mark; English (--lang en) ',' and a
 * decimal point. A text that would start with =, +, - or @ is written so
 * that no spreadsheet takes it for a formula. */
#ifndef STYR_CSV_DIALECT_H
#define STYR_CSV_DIALECT_H

#include <stdio.h>

typedef struct styr_csv {
    FILE *out;
    char sep;          /* ';' or ',' */
    char decimal;      /* ',' or '.' */
    int first;         /* no field written yet on this row */
} styr_csv;

/* Starts a CSV file in the dialect of lang (STYR_LANG_SV: 0, STYR_LANG_EN: 1);
 * Swedish writes the byte order mark. */
void styr_csv_begin(styr_csv *c, FILE *out, int lang);

/* A text field: quoted (RFC 4180) when it holds the separator, a quote or a
 * line break; a leading =, +, - or @ (or tab or CR) is preceded by ' so that
 * it stays text. Inside the quotes a CR alone becomes CR LF (a terminal
 * could otherwise write over a line with it); other control characters
 * are shown as escapes (termsafe.h). NULL is an empty field. */
void styr_csv_text(styr_csv *c, const char *s);

/* The same field without a separator before it, for the writers that lay
 * out their own rows (budget, follow-up): one guard for every CSV styr
 * writes. */
void styr_csv_field(FILE *out, const char *s, char sep);

/* A number with `decimals` digits after the decimal separator. */
void styr_csv_number(styr_csv *c, double v, int decimals);

/* A whole number. */
void styr_csv_count(styr_csv *c, size_t v);

/* Ends the row. */
void styr_csv_end_row(styr_csv *c);

#endif
