/* number_text.h - a decimal number as the run's language writes it, for
 * the figures people read (text, Markdown, the HTML page's shown text, the
 * messages of the engine):
 * "0,606" and "8,3 %" in Swedish, "0.606" and "8.3%" in English. The
 * machine-read outputs (JSON, SARIF, data-value attributes, SVG geometry)
 * keep the decimal point; the CSV has its own dialect (csv_dialect.h). */
#ifndef STYR_NUMBER_TEXT_H
#define STYR_NUMBER_TEXT_H

/* Room for any double in %f with up to 9 decimals, and a unit. */
typedef struct styr_numtext {
    char s[352];
} styr_numtext;

/* v with exactly `decimals` decimals (printf's rounding), a decimal comma
 * unless lang is STYR_LANG_EN (1; 0 is Swedish, as run_limits.h's lang).
 * Returns b->s, so it can stand in a printf's
 * arguments; each figure of one call needs its own buffer. */
const char *styr_num(styr_numtext *b, double v, int decimals, int lang);

/* v as %.<digits>g writes it (a user's raw value: "3", "1500000", "2.5"),
 * with the language's decimal sign. */
const char *styr_num_g(styr_numtext *b, double v, int digits, int lang);

/* A share in per cent, 100 * fraction with `decimals` decimals and the sign
 * after it: "8,3 %" in Swedish (a space before %, as Swedish writes it; sep
 * is that space, " " or a no-break space for HTML), "8.3%" in English. */
const char *styr_pct(styr_numtext *b, double fraction, int decimals, int lang, const char *sep);

#endif
