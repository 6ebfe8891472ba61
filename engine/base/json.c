/* json.c - JSON string and number output. */
#include "json.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

void styr_json_string(FILE *out, const char *s)
{
    styr_json_string_n(out, s, s ? strlen(s) : 0);
}

void styr_json_string_n(FILE *out, const char *s, size_t len)
{
    if (!s) {
        fputs("null", out);
        return;
    }
    putc('"', out);
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') {
            putc('\\', out);
            putc(c, out);
            i++;
        } else if (c < 0x20) {
            switch (c) {
            case '\n': fputs("\\n", out); break;
            case '\t': fputs("\\t", out); break;
            case '\r': fputs("\\r", out); break;
            default: fprintf(out, "\\u%04x", c); break;
            }
            i++;
        } else if (c == 0x7F) {
            fputs("\\u007f", out);   /* DEL: the same data, never raw on a terminal */
            i++;
        } else if (c < 0x80) {
            putc(c, out);
            i++;
        } else if (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] >= 0x80 && (unsigned char)s[i + 1] <= 0x9F) {
            /* A C1 control (U+0080..U+009F; U+009B is a terminal's CSI). */
            fprintf(out, "\\u%04x", (unsigned char)s[i + 1]);
            i += 2;
        } else {
            /* Copy one whole valid UTF-8 sequence, or replace one bad byte. */
            size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
            if (i + n <= len && n > 1 && styr_utf8_valid(s + i, n, NULL)) {
                fwrite(s + i, 1, n, out);
                i += n;
            } else {
                fputs("\\ufffd", out);
                i++;
            }
        }
    }
    putc('"', out);
}

void styr_json_number(FILE *out, double v)
{
    if (!isfinite(v)) {
        fputs("null", out);
        return;
    }
    if (fabs(v) < 1e15 && v == (double)(long long)v) {
        fprintf(out, "%lld", (long long)v);
        return;
    }
    char buf[40];
    styr_json_number_text(buf, sizeof buf, v);
    fputs(buf, out);
}

void styr_json_number_text(char *buf, size_t cap, double v)
{
    /* The shortest of %.15g, %.16g and %.17g that strtod reads back as the
     * same double; %.17g always does (IEEE 754 binary64). */
    for (int digits = 15; digits <= 17; digits++) {
        snprintf(buf, cap, "%.*g", digits, v);
        if (digits == 17 || strtod(buf, NULL) == v)
            break;
    }
}
