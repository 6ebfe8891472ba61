/* swedish_number.c - numbers as Swedes write them (see swedish_number.h). */
#include "swedish_number.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Length of a grouping space at s (ASCII space, U+00A0, U+202F, U+2009), or 0. */
static size_t group_space(const unsigned char *s, const unsigned char *e)
{
    if (s < e && *s == ' ')
        return 1;
    if (e - s >= 2 && s[0] == 0xc2 && s[1] == 0xa0)
        return 2;
    if (e - s >= 3 && s[0] == 0xe2 && s[1] == 0x80 && (s[2] == 0xaf || s[2] == 0x89))
        return 3;
    return 0;
}

static const unsigned char *skip_spaces(const unsigned char *s, const unsigned char *e)
{
    size_t n;
    while (s < e && ((n = group_space(s, e)) > 0 || *s == '\t'))
        s += n ? n : 1;
    return s;
}

/* The multiplier of a unit (ASCII, compared without case), or 0. */
static double unit_factor(const unsigned char *s, size_t len)
{
    static const struct { const char *name; double factor; } units[] = {
        {"kr", 1}, {"kr.", 1}, {"kronor", 1}, {"sek", 1}, {":-", 1},
        {"tkr", 1e3}, {"tsek", 1e3}, {"ksek", 1e3}, {"tusen", 1e3}, {"tusen kr", 1e3}, {"tusen kronor", 1e3},
        {"mkr", 1e6}, {"mnkr", 1e6}, {"mn kr", 1e6}, {"msek", 1e6}, {"milj", 1e6}, {"milj.", 1e6},
        {"milj kr", 1e6}, {"milj. kr", 1e6}, {"miljon", 1e6}, {"miljoner", 1e6}, {"miljoner kr", 1e6},
        {"miljoner kronor", 1e6}, {"miljon kronor", 1e6},
        {"mdkr", 1e9}, {"mdr", 1e9}, {"mdr kr", 1e9}, {"miljard", 1e9}, {"miljarder", 1e9},
        {"miljarder kronor", 1e9}, {"miljard kronor", 1e9},
    };
    char low[24];
    size_t n = 0;
    /* fold ASCII case; runs of spaces of any kind become one space */
    for (const unsigned char *p = s, *e = s + len; p < e && n + 1 < sizeof low;) {
        size_t sp = group_space(p, e);
        if (sp) {
            if (n && low[n - 1] != ' ')
                low[n++] = ' ';
            p += sp;
            continue;
        }
        if (*p >= 0x80)
            return 0;
        low[n++] = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
        p++;
    }
    while (n && low[n - 1] == ' ')
        n--;
    low[n] = '\0';
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
        if (strcmp(low, units[i].name) == 0)
            return units[i].factor;
    return 0;
}

int styr_read_swedish_number(const char *text, size_t len, int units, double *out)
{
    const unsigned char *s = (const unsigned char *)text, *e = s + len;
    char digits[64];
    size_t nd = 0, group = 0;
    int negative = 0, grouped = 0, decimal = 0;
    char dsep = 0;
    size_t ndec = 0;

    s = skip_spaces(s, e);
    while (e > s && (e[-1] == ' ' || e[-1] == '\t' || (e - s >= 2 && e[-2] == 0xc2 && e[-1] == 0xa0)))
        e -= e[-1] == 0xa0 ? 2 : 1;
    if (s < e && *s == '-') {
        negative = 1;
        s++;
    } else if (e - s >= 3 && s[0] == 0xe2 && s[1] == 0x88 && s[2] == 0x92) {   /* U+2212 minus */
        negative = 1;
        s += 3;
    }
    if (s >= e || *s < '0' || *s > '9')
        return 0;
    while (s < e) {
        if (*s >= '0' && *s <= '9') {
            if (nd + 2 >= sizeof digits)
                return 0;
            digits[nd++] = (char)*s++;
            if (decimal)
                ndec++;
            else
                group++;
            continue;
        }
        size_t sp = group_space(s, e);
        if (sp && !decimal && s + sp < e && s[sp] >= '0' && s[sp] <= '9') {
            /* a grouping space: the group before has 1-3 digits (3 after the first) and the next has 3 */
            const unsigned char *q = s + sp;
            size_t next = 0;
            while (q + next < e && q[next] >= '0' && q[next] <= '9')
                next++;
            if (next != 3 || group > 3 || (grouped && group != 3))
                return 0;
            grouped = 1;
            group = 0;
            s += sp;
            continue;
        }
        if ((*s == ',' || *s == '.') && !decimal && s + 1 < e && s[1] >= '0' && s[1] <= '9') {
            if (grouped && group != 3)
                return 0;
            decimal = 1;
            dsep = (char)*s;
            digits[nd++] = '.';
            s++;
            continue;
        }
        break;
    }
    if (grouped && !decimal && group != 3)
        return 0;
    /* "1.500" or "1,500" could be a thousands separator in other conventions;
     * a comma is Swedish for decimals, a point before exactly three digits is not clear */
    if (decimal && dsep == '.' && ndec == 3 && !grouped)
        return 0;
    digits[nd] = '\0';
    double factor = 1;
    const unsigned char *rest = skip_spaces(s, e);
    if (rest < e) {
        if (!units)
            return 0;
        factor = unit_factor(rest, (size_t)(e - rest));
        if (factor == 0)
            return 0;
    }
    double v = strtod(digits, NULL) * factor;
    if (!isfinite(v) || fabs(v) > 1e15)
        return 0;
    /* "1,5 MSEK" is exactly 1500000: round away the binary fraction a factor leaves */
    if (factor > 1)
        v = round(v * 1e6 / factor) * (factor / 1e6);
    *out = negative ? -v : v;
    return 1;
}

void styr_format_plain_number(char *buf, size_t cap, double v)
{
    if (cap == 0)
        return;
    if (v == floor(v) && fabs(v) <= 1e15) {   /* up to the largest amount read: in digits */
        snprintf(buf, cap, "%.0f", v);
        return;
    }
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(buf, cap, "%.*g", prec, v);
        if (strtod(buf, NULL) == v)
            return;
    }
}
