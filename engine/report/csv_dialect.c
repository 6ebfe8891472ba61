/* csv_dialect.c - CSV in the reader's dialect (see csv_dialect.h). */
#include "csv_dialect.h"

#include <math.h>
#include <string.h>

#include "termsafe.h"

void styr_csv_begin(styr_csv *c, FILE *out, int lang)
{
    c->out = out;
    c->sep = lang == 1 ? ',' : ';';
    c->decimal = lang == 1 ? '.' : ',';
    c->first = 1;
    if (lang != 1)
        fputs("\xef\xbb\xbf", out);   /* Swedish Excel reads UTF-8 only with a BOM */
}

static void separator(styr_csv *c)
{
    if (!c->first)
        putc(c->sep, c->out);
    c->first = 0;
}

void styr_csv_field(FILE *out, const char *s, char sep)
{
    s = s ? s : "";
    /* =SUM(...), +1, -1+2, @cmd: a spreadsheet would run or compute them */
    int formula = *s == '=' || *s == '+' || *s == '-' || *s == '@' || *s == '\t' || *s == '\r';
    char special[5] = {sep, '"', '\r', '\n', '\0'};
    if (!formula && !strpbrk(s, special)) {
        styr_fput_safe(out, s);   /* ESC and the like shown, never obeyed */
        return;
    }
    putc('"', out);
    if (formula)
        putc('\'', out);
    while (*s) {
        if (*s == '"' || *s == '\n') {
            if (*s == '"')
                putc('"', out);
            putc(*s++, out);
        } else if (*s == '\r') {
            /* A line break stays one inside the quotes; a CR alone (an
             * old Mac's line break) becomes CR LF, which a terminal cannot
             * use to write over the line it is on. */
            fputs("\r\n", out);
            s += s[1] == '\n' ? 2 : 1;
        } else {
            s += styr_fput_safe_char(out, s, NULL);
        }
    }
    putc('"', out);
}

void styr_csv_text(styr_csv *c, const char *s)
{
    separator(c);
    styr_csv_field(c->out, s, c->sep);
}

void styr_csv_number(styr_csv *c, double v, int decimals)
{
    char buf[64];
    separator(c);
    if (!isfinite(v)) {
        fputs(isnan(v) ? "NaN" : v > 0 ? "Inf" : "-Inf", c->out);
        return;
    }
    snprintf(buf, sizeof buf, "%.*f", decimals, v);
    for (char *p = buf; *p; p++)
        if (*p == '.')
            *p = c->decimal;
    fputs(buf, c->out);
}

void styr_csv_count(styr_csv *c, size_t v)
{
    separator(c);
    fprintf(c->out, "%zu", v);
}

void styr_csv_end_row(styr_csv *c)
{
    putc('\n', c->out);
    c->first = 1;
}
