/* json.h - the small JSON writer every JSON report uses. */
#ifndef STYR_JSON_H
#define STYR_JSON_H

#include <stdio.h>

/* Writes s as a JSON string literal (quotes included), escaping control
 * characters, quotes and backslashes; NULL is written as null. Invalid
 * UTF-8 bytes are replaced by U+FFFD so the output is always valid JSON. */
void styr_json_string(FILE *out, const char *s);
/* Writes a number, or null when it is not finite (JSON has no NaN). */
void styr_json_number(FILE *out, double v);

#endif
