/* text.c - UTF-8 text helpers: validation, code point counting, the name
 * folding used for registry matching, and the bounded edit distance behind
 * "did you mean" hints. Plain C, no allocation except in the distance. */
#include "text.h"
#include "termsafe.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

/* Marks a byte that is not part of valid UTF-8; such bytes are compared as
 * their own symbols, never equal to a real code point. */
#define INVALID_BASE 0x110000u

/* Decodes one code point at s[i..len). Returns its byte length and stores it
 * in *cp, or returns 0 when the sequence there is invalid (overlong,
 * surrogate, above U+10FFFF, truncated, or a stray continuation byte). */
static size_t decode(const unsigned char *s, size_t len, size_t i, uint32_t *cp)
{
    unsigned c = s[i];
    size_t n;
    uint32_t v, min;

    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2; v = c & 0x1F; min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3; v = c & 0x0F; min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4; v = c & 0x07; min = 0x10000;
    } else {
        return 0;   /* continuation byte, C0/C1 (always overlong) or F5..FF */
    }
    if (len - i < n)
        return 0;
    for (size_t k = 1; k < n; k++) {
        unsigned b = s[i + k];
        if ((b & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (b & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return n;
}

/* Like decode, but an invalid byte becomes a one-byte pseudo code point. */
static size_t next_symbol(const unsigned char *s, size_t len, size_t i, uint32_t *cp)
{
    size_t n = decode(s, len, i, cp);
    if (n == 0) {
        *cp = INVALID_BASE + s[i];
        n = 1;
    }
    return n;
}

static size_t encode(uint32_t cp, unsigned char *buf)
{
    if (cp < 0x80) {
        buf[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        buf[0] = (unsigned char)(0xC0 | (cp >> 6));
        buf[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        buf[0] = (unsigned char)(0xE0 | (cp >> 12));
        buf[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        buf[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    buf[0] = (unsigned char)(0xF0 | (cp >> 18));
    buf[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    buf[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    buf[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

/* 1 when s[0..len) is valid UTF-8; else 0 and the first bad offset. */
int styr_utf8_valid(const char *s, size_t len, size_t *bad_offset)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    uint32_t cp;

    while (i < len) {
        size_t n = decode(u, len, i, &cp);
        if (n == 0) {
            if (bad_offset)
                *bad_offset = i;
            return 0;
        }
        i += n;
    }
    return 1;
}

void styr_utf8_cut_partial(char *s)
{
    size_t len = strlen(s);
    for (size_t back = 1; back <= 3 && back <= len; back++) {
        unsigned char c = (unsigned char)s[len - back];
        if ((c & 0xc0) == 0x80)
            continue;   /* a continuation byte: its lead is further back */
        size_t need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
        if (need > back)
            s[len - back] = '\0';   /* the lead and what followed it: less than the character */
        return;
    }
}

void styr_utf8_copy(char *dst, size_t cap, const char *src)
{
    size_t n = strlen(src);
    if (n >= cap)
        n = cap - 1;
    memcpy(dst, src, n);
    dst[n] = '\0';
    styr_utf8_cut_partial(dst);
}

/* Code points in s[0..len); an invalid byte counts as one. */
size_t styr_utf8_length(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0, count = 0;
    uint32_t cp;

    /* Invalid bytes count as one each, so the result is defined for any input. */
    while (i < len) {
        i += next_symbol(u, len, i, &cp);
        count++;
    }
    return count;
}

/* White space for folding: ASCII, NBSP and the Unicode space separators
 * that turn up when names are pasted from word processors. */
static int is_space(uint32_t cp)
{
    switch (cp) {
    case 0x09: case 0x0A: case 0x0B: case 0x0C: case 0x0D: case 0x20:
    case 0x85: case 0xA0: case 0x1680: case 0x2028: case 0x2029:
    case 0x202F: case 0x205F: case 0x3000:
        return 1;
    default:
        return cp >= 0x2000 && cp <= 0x200A;
    }
}

/* Simple lower-case mapping for ASCII, Latin-1 Supplement and Latin
 * Extended-A; everything else is returned unchanged. */
static uint32_t lower(uint32_t cp)
{
    if (cp >= 'A' && cp <= 'Z')
        return cp + 32;
    if (cp < 0xC0)
        return cp;
    if (cp <= 0xDE)
        return cp == 0xD7 ? cp : cp + 32;   /* U+00D7 is the multiplication sign */
    if (cp < 0x100 || cp > 0x17E)
        return cp;
    if (cp == 0x130)
        return 'i';                          /* capital I with dot above */
    if (cp == 0x178)
        return 0xFF;                         /* Y with diaeresis */
    /* Pairs start on an even code point in 0100..0137 and 014A..0177, on an
     * odd one in 0139..0148 and 0179..017E; 0138 and 0149 have no case. */
    if ((cp <= 0x137 || (cp >= 0x14A && cp <= 0x177)) && cp % 2 == 0)
        return cp + 1;
    if (((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E)) && cp % 2 == 1)
        return cp + 1;
    return cp;
}

/* snprintf-like: folded s (already NFC) into out, returns the full folded length. */
static size_t fold_nfc(const char *s, size_t len, char *out, size_t cap)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0, need = 0, written = 0;
    int pending_space = 0, full = (cap == 0);

    while (i < len) {
        unsigned char buf[4];
        size_t n, m;
        uint32_t cp;

        n = decode(u, len, i, &cp);
        if (n == 0) {
            buf[0] = u[i];   /* invalid byte: copied as is */
            m = 1;
            n = 1;
        } else if (is_space(cp)) {
            pending_space = need > 0;   /* leading space is trimmed */
            i += n;
            continue;
        } else {
            m = encode(lower(cp), buf);
        }
        i += n;
        for (int pass = pending_space ? 0 : 1; pass < 2; pass++) {
            const unsigned char *piece = pass == 0 ? (const unsigned char *)" " : buf;
            size_t plen = pass == 0 ? 1 : m;
            /* Never write part of a code point: stop at the first one that
             * does not fit, as a truncated name should still be UTF-8. */
            if (!full && written + plen <= cap - 1) {
                memcpy(out + written, piece, plen);
                written += plen;
            } else {
                full = 1;
            }
            need += plen;
        }
        pending_space = 0;
    }
    if (cap > 0)
        out[written] = '\0';
    return need;
}

/* NFC first (utf8proc), so that a name typed in decomposed form ("o" and a
 * combining diaeresis, as some macOS and web forms send it) folds to the
 * same key as the precomposed one. Text below U+0300 (ASCII, Latin-1, Latin
 * Extended: no byte from 0xCC up) is NFC already - every such code point
 * has NFC_Quick_Check=Yes and combining class 0 - so the common case skips
 * utf8proc and its allocation. Invalid UTF-8 is folded as it is (utf8proc
 * would reject it). */
size_t styr_fold(const char *s, size_t len, char *out, size_t cap)
{
    size_t i = 0;
    while (i < len && (unsigned char)s[i] < 0xCC)
        i++;
    if (i == len || !styr_utf8_valid(s, len, NULL))
        return fold_nfc(s, len, out, cap);
    utf8proc_uint8_t *nfc = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &nfc,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (n < 0)   /* out of memory, or a code point utf8proc does not take */
        return fold_nfc(s, len, out, cap);
    size_t need = fold_nfc((const char *)nfc, (size_t)n, out, cap);
    free(nfc);
    return need;
}

int styr_display_width(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    int width = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = decode(u, len, i, &cp);
        if (n == 0) {
            width += 1;   /* an invalid byte shows as one replacement character */
            i++;
            continue;
        }
        i += n;
        int w = utf8proc_charwidth((utf8proc_int32_t)cp);
        /* Control characters count 0 in utf8proc; a terminal shows nothing
         * sensible for them either, so they take no column. */
        width += w > 0 ? w : 0;
    }
    return width;
}

/* Control characters from an input file are shown escaped, never sent to
 * the terminal raw (termsafe.c); such a text is padded by what it shows. */
void styr_pad(FILE *out, const char *s, int width)
{
    const char *t = s ? s : "";
    if (styr_needs_escape(t)) {
        styr_fput_safe_padded(out, t, width > 0 ? (size_t)width : 0);
        return;
    }
    fputs(t, out);
    for (int w = styr_display_width(t, strlen(t)); w < width; w++)
        putc(' ', out);
}

void styr_pad_left(FILE *out, const char *s, int width)
{
    const char *t = s ? s : "";
    if (styr_needs_escape(t)) {
        putc(' ', out);
        styr_fput_safe(out, t);
        return;
    }
    for (int w = styr_display_width(t, strlen(t)); w < width; w++)
        putc(' ', out);
    fputs(t, out);
}

/* Rows of this many cells or fewer live on the stack. */
#define SMALL_ROW 64

/* OSA distance in code points, or max+1 once it is known to exceed max. */
size_t styr_edit_distance(const char *a, size_t alen, const char *b, size_t blen,
                          size_t max)
{
    const unsigned char *ua = (const unsigned char *)a, *ub = (const unsigned char *)b;
    size_t la = styr_utf8_length(a, alen), lb = styr_utf8_length(b, blen);
    size_t result;

    /* Keep the shorter string (in code points) as the columns, so memory is
     * O(min(la, lb)); the longer one is decoded as a stream of rows. */
    if (lb > la) {
        const unsigned char *tu = ua; ua = ub; ub = tu;
        size_t t = alen; alen = blen; blen = t;
        t = la; la = lb; lb = t;
    }
    if (la - lb > max)
        return max + 1;
    if (lb == 0)
        return la;
    /* The distance never exceeds la, so a larger max only costs work. */
    if (max > la)
        max = la;
    const size_t inf = max + 1;

    uint32_t small_cols[SMALL_ROW];
    size_t small_rows[3 * (SMALL_ROW + 1)];
    uint32_t *cols = small_cols;
    size_t *rows = small_rows;
    if (lb > SMALL_ROW) {
        cols = malloc(lb * sizeof *cols);
        rows = malloc(3 * (lb + 1) * sizeof *rows);
        if (!cols || !rows) {
            free(cols);
            free(rows);
            return max + 1;   /* no memory: report "not near" */
        }
    }
    for (size_t j = 0, k = 0; k < lb; k++)
        j += next_symbol(ub, blen, j, &cols[k]);

    size_t *prev2 = rows, *prev = rows + (lb + 1), *cur = rows + 2 * (lb + 1);
    for (size_t j = 0; j <= lb; j++)
        prev[j] = j <= max ? j : inf;

    uint32_t ca = 0, ca_prev = 0;
    size_t pos = 0;
    result = inf;
    for (size_t i = 1; i <= la; i++) {
        ca_prev = ca;
        pos += next_symbol(ua, alen, pos, &ca);

        /* Only cells with |i - j| <= max can hold a distance <= max (Ukkonen's
         * band); the cells just outside it are set to inf so the next row
         * reads no stale values. */
        size_t lo = i > max ? i - max : 1;
        size_t hi = i + max < lb ? i + max : lb;
        size_t row_min = inf;
        cur[lo - 1] = lo == 1 && i <= max ? i : inf;
        for (size_t j = lo; j <= hi; j++) {
            size_t cost = ca == cols[j - 1] ? 0 : 1;
            size_t d = prev[j - 1] + cost;
            if (prev[j] + 1 < d)
                d = prev[j] + 1;
            if (cur[j - 1] + 1 < d)
                d = cur[j - 1] + 1;
            if (i > 1 && j > 1 && ca == cols[j - 2] && ca_prev == cols[j - 1] &&
                prev2[j - 2] + 1 < d)
                d = prev2[j - 2] + 1;
            if (d > inf)
                d = inf;
            cur[j] = d;
            if (d < row_min)
                row_min = d;
        }
        if (hi < lb)
            cur[hi + 1] = inf;
        /* Row minima never decrease (also with transpositions), so once a
         * whole row is beyond max the answer is too. */
        if (row_min > max)
            goto done;
        size_t *t = prev2; prev2 = prev; prev = cur; cur = t;
    }
    result = prev[lb];
done:
    if (cols != small_cols) {
        free(cols);
        free(rows);
    }
    return result > max ? max + 1 : result;
}

/* Folded strings longer than this are never suggested or matched: names are
 * short, and it bounds the work one hint can cost. */
#define NEAREST_MAX_BYTES 1024

/* Returns 1 when the shorter of x, y is a prefix of the longer. */
static int is_prefix(const char *x, size_t xl, const char *y, size_t yl)
{
    size_t n = xl < yl ? xl : yl;
    return memcmp(x, y, n) == 0;
}

/* Index of the nearest near-enough candidate to s, or -1. */
long styr_nearest(const char *s, size_t len, const char *const *candidates,
                  size_t ncandidates)
{
    char fs[NEAREST_MAX_BYTES + 1], fc[NEAREST_MAX_BYTES + 1];
    size_t fsl = styr_fold(s, len, fs, sizeof fs);
    long best = -1;
    size_t best_score = 0;

    if (fsl == 0 || fsl > NEAREST_MAX_BYTES)
        return -1;
    /* A candidate that cannot fold to NEAREST_MAX_BYTES is never near; its
     * length is measured only that far, so 10,000 long candidates cost
     * 10,000 short scans, not 10,000 whole ones. */
    const size_t measure = 4 * NEAREST_MAX_BYTES + 1;
    size_t sl = styr_utf8_length(fs, fsl);
    for (size_t k = 0; k < ncandidates; k++) {
        if (!candidates[k])
            continue;
        size_t clen = strnlen(candidates[k], measure);
        if (clen == measure)
            continue;
        size_t fcl = styr_fold(candidates[k], clen, fc, sizeof fc);
        if (fcl == 0 || fcl > NEAREST_MAX_BYTES)
            continue;
        size_t cl = styr_utf8_length(fc, fcl);
        size_t longer = sl > cl ? sl : cl, shorter = sl < cl ? sl : cl;
        size_t limit = longer / 3 > 1 ? longer / 3 : 1;
        size_t score;

        if (shorter >= 3 && is_prefix(fs, fsl, fc, fcl))
            score = longer - shorter;   /* the distance to a prefix is the length gap */
        else {
            score = styr_edit_distance(fs, fsl, fc, fcl, limit);
            if (score > limit)
                continue;
        }
        if (best < 0 || score < best_score) {
            best = (long)k;
            best_score = score;
        }
    }
    return best;
}

int styr_is_blank(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < len; i++) {
        if (u[i] == ' ' || u[i] == '\t' || u[i] == '\r' || u[i] == '\n')
            continue;
        if (u[i] == 0xc2 && i + 1 < len && u[i + 1] == 0xa0) {   /* U+00A0 */
            i++;
            continue;
        }
        return 0;
    }
    return 1;
}

const char *styr_trim(const char *s, size_t *len)
{
    size_t n = *len;
    while (n && (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')) {
        s++;
        n--;
    }
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
        n--;
    *len = n;
    return s;
}
