/* rule_text.c - plain and positional forms of a rule's message template
 * (see rule_text.h). */
#include "rule_text.h"
#include "report_lost.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct { char *buf; size_t len, cap; int failed; } tbuf;

static void tput(tbuf *b, const char *s, size_t n)
{
    if (b->failed)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 128;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *p = realloc(b->buf, cap);
        if (!p) {
            b->failed = 1;
            styr_report_lost();
            return;
        }
        b->buf = p;
        b->cap = cap;
    }
    memcpy(b->buf + b->len, s, n);
    b->len += n;
    b->buf[b->len] = '\0';
}

static char *tdone(tbuf *b)
{
    if (b->failed) {
        free(b->buf);
        return NULL;
    }
    if (!b->buf)
        tput(b, "", 0);
    return b->failed ? NULL : b->buf;
}

static int ident_start(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; }
static int ident_char(char c) { return ident_start(c) || (c >= '0' && c <= '9'); }

/* Length of the placeholder at p ("{name}"), or 0 when p holds none. */
static size_t placeholder_at(const char *p)
{
    if (p[0] != '{' || !ident_start(p[1]))
        return 0;
    size_t n = 2;
    while (n < 66 && ident_char(p[n]))
        n++;
    return p[n] == '}' ? n + 1 : 0;
}

/* Whether text ending at s[len) ends in a word a placeholder is glued to:
 * an ASCII letter or digit, a Latin letter (UTF-8 lead byte C3..C5, so
 * "områdesfilen{hint}" but not "{low}–{high}"), or a closing quote. */
static int glued_to_word(const char *s, size_t len)
{
    if (!len)
        return 0;
    unsigned char c = (unsigned char)s[len - 1];
    if (c < 0x80) {
        if (ident_char((char)c))
            return 1;
        /* A quote closes a word when something other than a space precedes it. */
        return (c == '\'' || c == '"') && len >= 2 && s[len - 2] != ' ' && s[len - 2] != '(';
    }
    size_t k = len - 1;
    while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
        k--;
    unsigned char lead = (unsigned char)s[k];
    return lead >= 0xC3 && lead <= 0xC5;
}

char *styr_template_plain(const char *tmpl)
{
    tbuf b = {NULL, 0, 0, 0};
    for (const char *p = tmpl ? tmpl : ""; *p;) {
        size_t n = placeholder_at(p);
        if (!n) {
            /* Collapse white space (a dropped placeholder may leave two spaces). */
            if (*p == ' ' && b.len && b.buf[b.len - 1] == ' ') {
                p++;
                continue;
            }
            tput(&b, p, 1);
            p++;
            continue;
        }
        /* A suffix ("registry{hint}", "'{target}'{why}") carries optional
         * extra text: drop it. */
        int glued = glued_to_word(b.buf, b.len);
        if (!glued)
            tput(&b, "\u2026", strlen("\u2026"));
        p += n;
    }
    return tdone(&b);
}

char *styr_template_positional(const char *tmpl, const char **names, size_t *name_lens, size_t *nnames)
{
    tbuf b = {NULL, 0, 0, 0};
    *nnames = 0;
    for (const char *p = tmpl ? tmpl : ""; *p;) {
        size_t n = placeholder_at(p);
        if (n) {
            size_t k = 0;
            while (k < *nnames && !(name_lens[k] == n - 2 && memcmp(names[k], p + 1, n - 2) == 0))
                k++;
            if (k == *nnames && k < STYR_TEMPLATE_MAX_ARGS) {
                names[k] = p + 1;
                name_lens[k] = n - 2;
                (*nnames)++;
            }
            if (k < *nnames) {
                char num[16];
                int len = snprintf(num, sizeof num, "{%zu}", k);
                tput(&b, num, (size_t)len);
                p += n;
                continue;
            }
        }
        if (*p == '{' || *p == '}')
            tput(&b, p, 1);   /* a literal brace is doubled */
        tput(&b, p, 1);
        p++;
    }
    return tdone(&b);
}
