/* number_text.c - decimal numbers in the run's language (number_text.h). */
#include "number_text.h"

#include <stdio.h>
#include <string.h>

/* The value of STYR_LANG_EN (run.h, a layer above; run_limits.h's lang). */
#define ENGLISH 1

/* printf writes a decimal point in the C locale styr runs in; Swedish
 * writes a comma. The first '.' is the only decimal sign: %f and %g write
 * no grouping, and %g's exponent ("1.5e+20") follows the sign. */
static const char *localise(styr_numtext *b, int lang)
{
    if (lang != ENGLISH) {
        char *dot = strchr(b->s, '.');
        if (dot)
            *dot = ',';
    }
    return b->s;
}

/* b is written, never read, before the snprintf: callers pass a fresh
 * buffer, which cppcheck's whole-program check takes for a read of an
 * uninitialised variable (ctuuninitvar). */
const char *styr_num(styr_numtext *b, double v, int decimals, int lang)
{
    // cppcheck-suppress ctuuninitvar
    snprintf(b->s, sizeof b->s, "%.*f", decimals, v);
    return localise(b, lang);
}

const char *styr_num_g(styr_numtext *b, double v, int digits, int lang)
{
    // cppcheck-suppress ctuuninitvar
    snprintf(b->s, sizeof b->s, "%.*g", digits, v);
    return localise(b, lang);
}

const char *styr_pct(styr_numtext *b, double fraction, int decimals, int lang, const char *sep)
{
    if (lang == ENGLISH)
        snprintf(b->s, sizeof b->s, "%.*f%%", decimals, 100 * fraction);
    else
        snprintf(b->s, sizeof b->s, "%.*f%s%%", decimals, 100 * fraction, sep ? sep : " ");
    return localise(b, lang);
}
