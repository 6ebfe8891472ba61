/* swedish_number.h - reading a number as a Swede writes it in a plan.
 *
 * "1,5 MSEK", "1 500 tkr", "0,5" and "3 000 000" (with no-break spaces from
 * Word or Excel) are texts to YAML. This reads them as what they mean, so
 * that styr can say "write 1500000" or, when a ruleset allows it, take the
 * value as written with an info finding.
 */
#ifndef STYR_SWEDISH_NUMBER_H
#define STYR_SWEDISH_NUMBER_H

#include <stddef.h>

/* Reads s[0, len) as a number written the Swedish way: digits grouped in
 * threes by spaces (ordinary, no-break, narrow no-break or thin), a decimal
 * comma (or point), an optional minus sign, and - when units is true - a
 * currency unit after it: kr, kronor, SEK, :- (x1); tkr, tSEK, kSEK, tusen
 * (x1 000); mkr, mnkr, MSEK, milj, miljoner (x1 000 000); mdkr, miljarder
 * (x1 000 000 000), in any letter case. Surrounding white space is ignored.
 * Returns 1 and sets *out, or 0 when s is not such a number, when it is
 * ambiguous ("1.500": a thousand and five hundred, or one and a half?), or
 * when its value is not finite or beyond 1e15 in size. */
int styr_read_swedish_number(const char *s, size_t len, int units, double *out);

/* Writes v as YAML wants a number: "1500000", "0.5", "-2.25" (shortest form
 * that reads back the same, no grouping, no exponent below 1e15). Always
 * NUL-terminated within cap. */
void styr_format_plain_number(char *buf, size_t cap, double v);

#endif
