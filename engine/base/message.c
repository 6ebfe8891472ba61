/* message.c - placeholder filling shared by rule messages and engine messages. */
#include "message.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct { char *buf; size_t len, cap; int failed, cut, dry; } sbuf;

static void put(sbuf *b, const char *s, size_t n)
{
    if (b->failed || b->dry)   /* dry: only the look-ups, no text built */
        return;
    /* A message is for people: past STYR_MESSAGE_MAX nothing more is kept
     * (so a value of a megabyte costs no more than a line). */
    if (b->len + n > STYR_MESSAGE_MAX) {
        b->cut = 1;
        n = b->len < STYR_MESSAGE_MAX ? STYR_MESSAGE_MAX - b->len : 0;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;   /* not inside a UTF-8 character */
    }
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 128;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *p = realloc(b->buf, cap);
        if (!p) {
            b->failed = 1;
            return;
        }
        b->buf = p;
        b->cap = cap;
    }
    memcpy(b->buf + b->len, s, n);
    b->len += n;
    b->buf[b->len] = '\0';
}

static char *fill(const char *tmpl, styr_message_lookup lookup, void *ud, int dry)
{
    sbuf b = {NULL, 0, 0, 0, 0, dry};
    put(&b, "", 0);
    const char *p = tmpl;
    while (*p) {
        const char *open = strchr(p, '{');
        const char *close = open ? strchr(open, '}') : NULL;
        /* the innermost braces are the placeholder: in "{year: {first}}"
         * (an example written in YAML's flow style) it is {first} */
        for (const char *in; close && (in = memchr(open + 1, '{', (size_t)(close - open - 1))) != NULL;)
            open = in;
        if (!open || !close) {
            put(&b, p, strlen(p));
            break;
        }
        if (close - open > 64) {
            /* too long for a name: text (a YAML example), and placeholders
             * after it are still filled */
            put(&b, p, (size_t)(open + 1 - p));
            p = open + 1;
            continue;
        }
        put(&b, p, (size_t)(open - p));
        char name[72];
        size_t nlen = (size_t)(close - open - 1), vlen = 0;
        memcpy(name, open + 1, nlen);
        name[nlen] = '\0';
        const char *v = lookup ? lookup(ud, name, &vlen) : NULL;
        if (v)
            put(&b, v, vlen);
        else
            put(&b, open, (size_t)(close - open + 1));
        p = close + 1;
    }
    if (b.failed) {
        free(b.buf);
        return NULL;
    }
    if (b.cut) {
        static const char ellipsis[] = "\u2026";
        char *g = b.cap < b.len + sizeof ellipsis ? realloc(b.buf, b.len + sizeof ellipsis) : b.buf;
        if (!g) {
            free(b.buf);
            return NULL;
        }
        b.buf = g;
        memcpy(b.buf + b.len, ellipsis, sizeof ellipsis);
    }
    return b.buf;
}

char *styr_message_format(const char *tmpl, styr_message_lookup lookup, void *ud)
{
    return fill(tmpl, lookup, ud, 0);
}

void styr_message_scan(const char *tmpl, styr_message_lookup lookup, void *ud)
{
    free(fill(tmpl, lookup, ud, 1));   /* NULL when dry: nothing is allocated */
}

int styr_message_is_name(const char *s, size_t n)
{
    if (n == 0 || n > 64)
        return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (i > 0 && c >= '0' && c <= '9'))
            continue;
        /* a two-byte letter (å, ä, ö, é, ...): a lead 0xC3-0xDF, one continuation */
        if (c >= 0xC3 && c <= 0xDF && i + 1 < n && ((unsigned char)s[i + 1] & 0xC0) == 0x80) {
            i++;
            continue;
        }
        return 0;
    }
    return 1;
}

void styr_format_thousands(char *buf, size_t cap, double v, const char *sep)
{
    char digits[400];
    snprintf(digits, sizeof digits, "%.0f", fabs(v));
    size_t n = strlen(digits), k = 0, sl = strlen(sep);
    if (cap == 0)
        return;
    /* a minus only before something that is not zero: -0.5 rounds (to even)
     * to 0, which is "0", not "-0" */
    if (v < 0 && strcmp(digits, "0") != 0 && k + 1 < cap)
        buf[k++] = '-';
    for (size_t i = 0; i < n; i++) {
        size_t need = 1 + ((i && (n - i) % 3 == 0) ? sl : 0);
        if (k + need >= cap)
            break;
        if (i && (n - i) % 3 == 0) {
            memcpy(buf + k, sep, sl);
            k += sl;
        }
        buf[k++] = digits[i];
    }
    buf[k] = '\0';
}
