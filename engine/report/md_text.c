/* md_text.c - the Markdown escapers every Markdown writer shares (md.h). */
#include "internal/md.h"

#include <string.h>

#include "termsafe.h"

/* An ASCII letter or digit: an underscore between two can neither open nor
 * close emphasis. (Not any byte of a multi-byte character: « and " are
 * punctuation to GitHub, and "«_x_»" is emphasis.) */
static int wordish(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

void md_text(FILE *out, const char *s)
{
    const char *start = s ? s : "";
    for (const char *p = start; *p;) {
        if (*p == '\n' || *p == '\r') fputc(' ', out);
        else if (*p == '<') fputs("&lt;", out);
        else if (*p == '&') fputs("&amp;", out);
        else if (*p == '_' && p > start && wordish(p[-1]) && wordish(p[1]))
            fputc('_', out);   /* benefit_residents stays readable */
        else if (strchr("|\\`*_[~#", *p)) {   /* '#': a heading's closing run */
            fputc('\\', out);
            fputc(*p, out);
        } else {
            p += styr_fput_safe_char(out, p, NULL);
            continue;
        }
        p++;
    }
}

static void code(FILE *out, const char *s, int cell)
{
    for (const char *p = s ? s : ""; *p;) {
        if (*p == '|' && cell) fputs("\\|", out);
        else if (*p == '`') fputc('\'', out);
        else if (*p == '\n' || *p == '\r') fputc(' ', out);
        else {
            p += styr_fput_safe_char(out, p, NULL);
            continue;
        }
        p++;
    }
}

void md_code(FILE *out, const char *s)
{
    code(out, s, 0);
}

void md_code_cell(FILE *out, const char *s)
{
    code(out, s, 1);
}
