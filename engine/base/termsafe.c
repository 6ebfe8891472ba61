/* termsafe.c - writing untrusted text for a terminal. */
#include "termsafe.h"

#include <stdint.h>

/* Length of the valid UTF-8 sequence at p (1..4) with its code point in
 * *cp, or 0 when p does not start one. */
static size_t utf8_seq(const unsigned char *p, uint32_t *cp)
{
    if (p[0] < 0x80) {
        *cp = p[0];
        return 1;
    }
    size_t n;
    uint32_t c, min;
    if ((p[0] & 0xE0) == 0xC0) n = 2, c = p[0] & 0x1F, min = 0x80;
    else if ((p[0] & 0xF0) == 0xE0) n = 3, c = p[0] & 0x0F, min = 0x800;
    else if ((p[0] & 0xF8) == 0xF0) n = 4, c = p[0] & 0x07, min = 0x10000;
    else return 0;
    for (size_t i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80)   /* also stops at the terminating NUL */
            return 0;
        c = (c << 6) | (p[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    *cp = c;
    return n;
}

static int dangerous(uint32_t cp)
{
    return (cp < 0x20 && cp != '\t') || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) ||
           (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

size_t styr_control_at(const char *s)
{
    uint32_t cp;
    size_t n = s && *s ? utf8_seq((const unsigned char *)s, &cp) : 0;
    return n && dangerous(cp) ? n : 0;
}

int styr_needs_escape(const char *s)
{
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    while (*p) {
        uint32_t cp;
        size_t n = utf8_seq(p, &cp);
        if (!n || dangerous(cp))
            return 1;
        p += n;
    }
    return 0;
}

size_t styr_fput_safe_char(FILE *out, const char *s, size_t *shown)
{
    const unsigned char *p = (const unsigned char *)s;
    uint32_t cp;
    size_t n = utf8_seq(p, &cp), w;
    if (!n) {
        w = (size_t)fprintf(out, "\\x%02X", *p);
        n = 1;
    } else if (!dangerous(cp)) {
        fwrite(p, 1, n, out);
        w = n;
    } else if (cp == '\n') {
        fputs("\\n", out);
        w = 2;
    } else if (cp == '\r') {
        fputs("\\r", out);
        w = 2;
    } else if (cp < 0x80) {
        w = (size_t)fprintf(out, "\\x%02X", (unsigned)cp);
    } else {
        w = (size_t)fprintf(out, "\\u{%04X}", (unsigned)cp);
    }
    if (shown)
        *shown += w;
    return n;
}

size_t styr_fput_safe(FILE *out, const char *s)
{
    size_t shown = 0;
    for (const char *p = s ? s : ""; *p;)
        p += styr_fput_safe_char(out, p, &shown);
    return shown;
}

void styr_put_safe(FILE *out, const char *s)
{
    styr_fput_safe(out, s);
}

size_t styr_fput_safe_lines(FILE *out, const char *s)
{
    size_t shown = 0;
    for (const char *p = s ? s : ""; *p;) {
        if (*p == '\n') {
            /* A continuation line is indented, so it can never pass for a
             * line of its own (a forged summary starts at column 0). */
            fputc('\n', out);
            p++;
            if (*p != ' ')
                fputs("  ", out);
            continue;
        }
        p += styr_fput_safe_char(out, p, &shown);
    }
    return shown;
}

void styr_fput_safe_padded(FILE *out, const char *s, size_t width)
{
    for (size_t shown = styr_fput_safe(out, s); shown < width; shown++)
        putc(' ', out);
}
