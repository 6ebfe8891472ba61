/* json.h - the small JSON writer every JSON report uses. */
#ifndef STYR_JSON_H
#define STYR_JSON_H

#include <stddef.h>
#include <stdio.h>

/* Writes s as a JSON string literal (quotes included), escaping control
 * characters, quotes and backslashes; NULL is written as null. Invalid
 * UTF-8 bytes are replaced by U+FFFD so the output is always valid JSON. */
void styr_json_string(FILE *out, const char *s);
/* The same for the len bytes at s (no NUL needed). */
void styr_json_string_n(FILE *out, const char *s, size_t len);
/* Writes a number, or null when it is not finite (JSON has no NaN). The
 * text reads back as the same double: a whole number below 1e15 as an
 * integer, anything else in the fewest significant digits (15 to 17) that
 * round-trip. */
void styr_json_number(FILE *out, double v);

/* The round-trip text of a finite v (the non-integer branch of
 * styr_json_number) into buf; cap of 32 is always enough. */
void styr_json_number_text(char *buf, size_t cap, double v);

#endif
