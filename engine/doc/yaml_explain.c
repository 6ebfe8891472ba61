/* yaml_explain.c - turns libyaml's syntax errors into the cause and the fix,
 * in the plan writer's language (see yaml_explain.h).
 *
 * The order of the checks is the order of likelihood for a plan written in
 * Word or Excel and pasted into YAML: a tab, an unclosed quote, an odd
 * character near the error, a colon inside an unquoted value, and then
 * indentation. Whatever is found, every odd character in the file is named
 * with its lines, so that one run shows all of them.
 */
#include "yaml_explain.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* ---- characters ---- */

typedef struct odd_info {
    uint32_t cp;
    const char *sv, *en;
    int kind;                 /* ODD_SPACE, ODD_INVISIBLE or ODD_QUOTE */
} odd_info;

enum { ODD_SPACE, ODD_INVISIBLE, ODD_QUOTE };

static const odd_info odd_table[] = {
    {0x00A0, "hårt mellanslag", "no-break space", ODD_SPACE},
    {0x2007, "siffermellanslag", "figure space", ODD_SPACE},
    {0x2009, "smalt mellanslag", "thin space", ODD_SPACE},
    {0x202F, "smalt hårt mellanslag", "narrow no-break space", ODD_SPACE},
    {0x3000, "brett mellanslag", "ideographic space", ODD_SPACE},
    {0x200B, "osynligt mellanslag utan bredd", "zero-width space", ODD_INVISIBLE},
    {0x200C, "osynligt tecken (zero-width non-joiner)", "zero-width non-joiner", ODD_INVISIBLE},
    {0x200D, "osynligt tecken (zero-width joiner)", "zero-width joiner", ODD_INVISIBLE},
    {0x2060, "osynligt ordfogningstecken", "word joiner", ODD_INVISIBLE},
    {0xFEFF, "osynlig byteordningsmarkering", "zero-width no-break space (BOM)", ODD_INVISIBLE},
    {0x00AD, "mjukt bindestreck", "soft hyphen", ODD_INVISIBLE},
    {0x201C, "typografiskt citattecken \xe2\x80\x9c", "typographic quote \xe2\x80\x9c", ODD_QUOTE},
    {0x201D, "typografiskt citattecken \xe2\x80\x9d", "typographic quote \xe2\x80\x9d", ODD_QUOTE},
    {0x201E, "typografiskt citattecken \xe2\x80\x9e", "typographic quote \xe2\x80\x9e", ODD_QUOTE},
    {0x2018, "typografisk apostrof \xe2\x80\x98", "typographic quote \xe2\x80\x98", ODD_QUOTE},
    {0x2019, "typografisk apostrof \xe2\x80\x99", "typographic quote \xe2\x80\x99", ODD_QUOTE},
    {0x201A, "typografisk apostrof \xe2\x80\x9a", "typographic quote \xe2\x80\x9a", ODD_QUOTE},
    {0x00AB, "citattecken \xc2\xab", "guillemet \xc2\xab", ODD_QUOTE},
    {0x00BB, "citattecken \xc2\xbb", "guillemet \xc2\xbb", ODD_QUOTE},
};

static const odd_info *odd_find(uint32_t cp)
{
    for (size_t i = 0; i < sizeof odd_table / sizeof odd_table[0]; i++)
        if (odd_table[i].cp == cp)
            return &odd_table[i];
    return NULL;
}

const char *styr_odd_char_name(uint32_t cp, int lang)
{
    const odd_info *o = odd_find(cp);
    return o ? (lang == STYR_EXPLAIN_EN ? o->en : o->sv) : NULL;
}

int styr_is_typographic_quote(uint32_t cp)
{
    const odd_info *o = odd_find(cp);
    return o && o->kind == ODD_QUOTE;
}

/* Decodes the code point at s[0..n) (n >= 1); sets *len. Invalid bytes
 * decode as themselves, one byte long. */
static uint32_t decode(const unsigned char *s, size_t n, size_t *len)
{
    unsigned char c = s[0];
    *len = 1;
    if (c < 0x80)
        return c;
    if ((c & 0xe0) == 0xc0 && n >= 2 && (s[1] & 0xc0) == 0x80) {
        *len = 2;
        return (uint32_t)(c & 0x1f) << 6 | (s[1] & 0x3f);
    }
    if ((c & 0xf0) == 0xe0 && n >= 3 && (s[1] & 0xc0) == 0x80 && (s[2] & 0xc0) == 0x80) {
        *len = 3;
        return (uint32_t)(c & 0x0f) << 12 | (uint32_t)(s[1] & 0x3f) << 6 | (s[2] & 0x3f);
    }
    if ((c & 0xf8) == 0xf0 && n >= 4 && (s[1] & 0xc0) == 0x80 && (s[2] & 0xc0) == 0x80 && (s[3] & 0xc0) == 0x80) {
        *len = 4;
        return (uint32_t)(c & 0x07) << 18 | (uint32_t)(s[1] & 0x3f) << 12 | (uint32_t)(s[2] & 0x3f) << 6 |
               (s[3] & 0x3f);
    }
    return c;
}

/* Length of a leading UTF-8 BOM (libyaml skips it and does not count it). */
static size_t bom_len(const char *text, size_t len)
{
    return len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
}

size_t styr_yaml_odd_chars(const char *text, size_t len, styr_odd_char *out, size_t cap)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = bom_len(text, len), distinct = 0;
    unsigned line = 1, col = 1;
    unsigned char seen[sizeof odd_table / sizeof odd_table[0]] = {0};

    while (i < len) {
        size_t n;
        if (s[i] == '\n' || s[i] == '\r') {
            i += s[i] == '\r' && i + 1 < len && s[i + 1] == '\n' ? 2 : 1;
            line++;
            col = 1;
            continue;
        }
        uint32_t cp = decode(s + i, len - i, &n);
        const odd_info *o = cp >= 0xA0 ? odd_find(cp) : NULL;
        if (o) {
            size_t t = (size_t)(o - odd_table), k;
            if (!seen[t]) {
                seen[t] = 1;
                if (distinct < cap) {
                    memset(&out[distinct], 0, sizeof out[distinct]);
                    out[distinct].cp = cp;
                    out[distinct].first_line = line;
                    out[distinct].first_column = col;
                }
                distinct++;
            }
            for (k = 0; k < distinct && k < cap && out[k].cp != cp; k++)
                ;
            if (k < cap && k < distinct) {
                styr_odd_char *e = &out[k];
                e->count++;
                if (e->last_line != line) {
                    if (e->nlines < STYR_ODD_LINES)
                        e->lines[e->nlines] = line;
                    e->nlines++;
                    e->last_line = line;
                }
            }
        }
        i += n;
        col++;
    }
    return distinct;
}

/* ---- lines ---- */

typedef struct line_ref {
    const char *b, *e;        /* the line's text without its line break */
} line_ref;

/* Finds 1-based line n; returns 0 when the text has fewer lines. */
static int get_line(const char *text, size_t len, unsigned n, line_ref *out)
{
    const char *p = text + bom_len(text, len), *end = text + len;
    unsigned l = 1;

    if (n == 0)
        return 0;
    while (l < n) {
        while (p < end && *p != '\n' && *p != '\r')
            p++;
        if (p == end)
            return 0;
        p += *p == '\r' && p + 1 < end && p[1] == '\n' ? 2 : 1;
        l++;
    }
    out->b = p;
    while (p < end && *p != '\n' && *p != '\r')
        p++;
    out->e = p;
    return 1;
}

/* The line after l (within text[0, len)); returns 0 at the end. Walking
 * lines this way keeps every scan linear, however long the file. */
static int next_line(const char *text, size_t len, line_ref *l)
{
    const char *p = l->e, *end = text + len;
    if (p >= end)
        return 0;
    p += *p == '\r' && p + 1 < end && p[1] == '\n' ? 2 : 1;
    l->b = p;
    while (p < end && *p != '\n' && *p != '\r')
        p++;
    l->e = p;
    return 1;
}

/* The line before l, or 0 at the start (a CR LF pair is one break). */
static int prev_line(const char *text, size_t len, line_ref *l)
{
    const char *start = text + bom_len(text, len), *p = l->b;
    if (p <= start)
        return 0;
    p--;                                  /* the break before l */
    if (*p == '\n' && p > start && p[-1] == '\r')
        p--;
    l->e = p;
    while (p > start && p[-1] != '\n' && p[-1] != '\r')
        p--;
    l->b = p;
    return 1;
}

/* The character at 1-based column col of a line, or NULL past its end. */
static const char *at_column(const line_ref *l, unsigned col)
{
    const char *p = l->b;
    for (unsigned c = 1; c < col && p < l->e; c++) {
        p++;
        while (p < l->e && ((unsigned char)*p & 0xc0) == 0x80)
            p++;
    }
    return p < l->e ? p : NULL;
}

/* The 1-based column of p in a line. */
static unsigned column_of(const line_ref *l, const char *p)
{
    unsigned c = 1;
    for (const char *q = l->b; q < p; q++)
        if (((unsigned char)*q & 0xc0) != 0x80)
            c++;
    return c;
}

static unsigned indent_of(const line_ref *l)
{
    const char *p = l->b;
    while (p < l->e && *p == ' ')
        p++;
    return (unsigned)(p - l->b);
}

/* A line with something on it besides spaces and a comment. */
static int has_content(const line_ref *l)
{
    const char *p = l->b;
    while (p < l->e && (*p == ' ' || *p == '\t'))
        p++;
    return p < l->e && *p != '#';
}

/* Skips the indentation and any "- " list markers. */
static const char *after_markers(const line_ref *l)
{
    const char *p = l->b;
    for (;;) {
        while (p < l->e && *p == ' ')
            p++;
        if (p < l->e && *p == '-' && (p + 1 == l->e || p[1] == ' '))
            p++;
        else
            return p;
    }
}

/* Past the quoted text that starts at p (a quote), or NULL when it does not
 * end on this line. */
static const char *skip_quoted(const char *p, const char *e)
{
    char q = *p++;
    while (p < e) {
        if (q == '"' && *p == '\\' && p + 1 < e) {
            p += 2;
            continue;
        }
        if (*p == q) {
            if (q == '\'' && p + 1 < e && p[1] == '\'') {
                p += 2;
                continue;
            }
            return p + 1;
        }
        p++;
    }
    return NULL;
}

/* Where a mapping key on line l ends: its ':' (followed by a space or the
 * end of the line), or NULL when the line has no key. */
static const char *key_colon(const line_ref *l)
{
    const char *p = after_markers(l);
    if (p < l->e && (*p == '"' || *p == '\'')) {
        p = skip_quoted(p, l->e);
        if (!p)
            return NULL;
    }
    for (; p < l->e; p++) {
        if (*p == '#' && p > l->b && p[-1] == ' ')
            return NULL;
        if (*p == ':' && (p + 1 == l->e || p[1] == ' ' || p[1] == '\t'))
            return p;
    }
    return NULL;
}

/* The quote that opens a value on line l and is not closed on it, or NULL.
 * Values start after "key: " or "- ", and flow items after '[', '{' or ','. */
static const char *unclosed_quote(const line_ref *l)
{
    const char *colon = key_colon(l);
    const char *p = colon ? colon + 1 : after_markers(l);
    int token_start = 1;

    for (; p < l->e; p++) {
        if (*p == ' ' || *p == '\t')
            continue;
        if (*p == '#' && p > l->b && p[-1] == ' ')   /* a comment (never read before the line) */
            return NULL;
        if ((*p == '"' || *p == '\'') && token_start) {
            const char *end = skip_quoted(p, l->e);
            if (!end)
                return p;
            p = end - 1;
            token_start = 0;
            continue;
        }
        token_start = *p == '[' || *p == '{' || *p == ',';
    }
    return NULL;
}

/* ---- the message ---- */

typedef struct msg {
    char *buf;
    size_t cap, len;
} msg;

__attribute__((format(printf, 2, 3)))
static void put(msg *m, const char *fmt, ...)
{
    va_list ap;
    if (m->len + 1 >= m->cap)
        return;
    va_start(ap, fmt);
    int n = vsnprintf(m->buf + m->len, m->cap - m->len, fmt, ap);
    va_end(ap);
    if (n > 0)
        m->len = m->len + (size_t)n < m->cap ? m->len + (size_t)n : m->cap - 1;
}

#define L10N(sv, en) (lang == STYR_EXPLAIN_EN ? (en) : (sv))

/* "U+00A0 (no-break space) on lines 5, 9; U+201D (...) on line 7" */
static void put_odd_list(msg *m, const styr_odd_char *odd, size_t n, int lang)
{
    for (size_t i = 0; i < n; i++) {
        const styr_odd_char *o = &odd[i];
        put(m, "%sU+%04X (%s) %s ", i ? "; " : "", (unsigned)o->cp, styr_odd_char_name(o->cp, lang),
            lang == STYR_EXPLAIN_EN ? (o->nlines == 1 ? "on line" : "on lines") : "på rad");
        for (size_t k = 0; k < o->nlines && k < STYR_ODD_LINES; k++)
            put(m, "%s%u", k ? ", " : "", o->lines[k]);
        if (o->nlines == STYR_ODD_LINES + 1)
            put(m, "%s", L10N(" och 1 rad till", " and 1 more line"));
        else if (o->nlines > STYR_ODD_LINES)
            put(m, L10N(" och %zu rader till", " and %zu more lines"), o->nlines - STYR_ODD_LINES);
    }
}

/* What to do about the odd characters present. */
static void put_odd_fix(msg *m, const styr_odd_char *odd, size_t n, int lang)
{
    int kinds[3] = {0, 0, 0}, first = 1;
    for (size_t i = 0; i < n; i++)
        kinds[odd_find(odd[i].cp)->kind] = 1;
    if (kinds[ODD_SPACE]) {
        put(m, "%s", L10N(" Byt de udda mellanslagen mot vanliga mellanslag",
                          " Replace the odd spaces with ordinary spaces"));
        first = 0;
    }
    if (kinds[ODD_INVISIBLE]) {
        put(m, "%s", first ? L10N(" Ta bort de osynliga tecknen", " Delete the invisible characters")
                           : L10N(", ta bort de osynliga tecknen", ", delete the invisible characters"));
        first = 0;
    }
    if (kinds[ODD_QUOTE])
        put(m, "%s", first ? L10N(" Byt de typografiska citattecknen mot raka (\" eller ')",
                                  " Replace the typographic quotes with straight ones (\" or ')")
                           : L10N(" och byt de typografiska citattecknen mot raka (\" eller ')",
                                  " and replace the typographic quotes with straight ones (\" or ')"));
    put(m, ".");
}

/* The column of the first odd character on a line, or 0. */
static unsigned first_odd_on_line(const char *text, size_t len, unsigned line)
{
    line_ref l;
    if (line == 0 || !get_line(text, len, line, &l))
        return 0;
    for (const char *p = l.b; p < l.e;) {
        size_t n;
        uint32_t cp = decode((const unsigned char *)p, (size_t)(l.e - p), &n);
        if (cp >= 0xA0 && odd_find(cp))
            return column_of(&l, p);
        p += n;
    }
    return 0;
}

/* An odd character on the error's line, where its block began, or on the
 * line above (in that order): the likely cause. Sets *line and *col. */
static int odd_near(const char *text, size_t len, const styr_yaml_syntax *s, unsigned *line, unsigned *col)
{
    unsigned near[3] = {s->line, s->context_line, s->line > 1 ? s->line - 1 : 0};
    for (int k = 0; k < 3; k++) {
        unsigned c = first_odd_on_line(text, len, near[k]);
        if (c) {
            *line = near[k];
            *col = c;
            return 1;
        }
    }
    return 0;
}

static int problem_is(const styr_yaml_syntax *s, const char *what)
{
    return s->problem && strstr(s->problem, what) != NULL;
}

/* Tab: at the error, or in the indentation of the error's line. */
static int explain_tab(const char *text, size_t len, const styr_yaml_syntax *s, int lang, msg *m,
                       unsigned *line, unsigned *col)
{
    line_ref l;
    if (!get_line(text, len, s->line, &l))
        return 0;
    const char *p = at_column(&l, s->column), *tab = NULL;
    if (p && *p == '\t')
        tab = p;
    for (const char *q = l.b; !tab && q < l.e && (*q == ' ' || *q == '\t'); q++)
        if (*q == '\t')
            tab = q;
    if (!tab)
        return 0;
    *line = s->line;
    *col = column_of(&l, tab);
    int in_indent = 1;
    for (const char *q = l.b; q < tab; q++)
        in_indent &= *q == ' ' || *q == '\t';
    if (in_indent)
        put(m, L10N("Rad %u är indragen med en tabb. YAML drar in med mellanslag, aldrig med tabbar: byt "
                    "tabben mot mellanslag, lika många som raderna på samma nivå har.",
                    "Line %u is indented with a tab. YAML indents with spaces, never with tabs: replace the "
                    "tab with spaces, as many as the lines at the same level have."),
            s->line);
    else
        put(m, L10N("Rad %u har en tabb i kolumn %u där YAML inte tillåter den: byt den mot ett mellanslag.",
                    "Line %u has a tab in column %u where YAML does not allow one: replace it with a space."),
            s->line, *col);
    /* Every other line indented with a tab, so that one run finds them all. */
    unsigned others[STYR_ODD_LINES], nothers = 0, more = 0;
    int have = get_line(text, len, 1, &l);
    for (unsigned n = 1; have; n++, have = next_line(text, len, &l)) {
        if (n == s->line)
            continue;
        for (const char *q = l.b; q < l.e && (*q == ' ' || *q == '\t'); q++)
            if (*q == '\t') {
                if (nothers < STYR_ODD_LINES)
                    others[nothers++] = n;
                else
                    more++;
                break;
            }
    }
    if (nothers) {
        put(m, "%s", L10N(" Tabbar i indraget står också på rad ", " Tabs in the indentation also stand on line"));
        if (lang == STYR_EXPLAIN_EN)
            put(m, "%s", nothers > 1 ? "s " : " ");
        for (unsigned k = 0; k < nothers; k++)
            put(m, "%s%u", k ? ", " : "", others[k]);
        if (more == 1)
            put(m, "%s", L10N(" och 1 rad till", " and 1 more line"));
        else if (more)
            put(m, L10N(" och %u rader till", " and %u more lines"), more);
        put(m, ".");
    }
    return 1;
}

/* Unclosed quote: libyaml says so itself (context "while scanning a quoted
 * scalar"), or a quote opened between where the block began and the error
 * is never closed on its line (the last such line is the likely one). */
static int explain_quote(const char *text, size_t len, const styr_yaml_syntax *s, int lang, msg *m,
                         unsigned *line, unsigned *col)
{
    line_ref l;
    unsigned at = 0, at_col = 0;
    char q = '"';
    if (s->context && strstr(s->context, "quoted scalar") && get_line(text, len, s->context_line, &l)) {
        const char *p = at_column(&l, s->context_column);
        at = s->context_line;
        at_col = s->context_column;
        if (p)
            q = *p;
    } else if (problem_is(s, "did not find expected") || problem_is(s, "could not find expected") ||
               problem_is(s, "mapping values are not allowed") || problem_is(s, "end of the stream")) {
        unsigned lo = s->context_line ? s->context_line : (s->line > 20 ? s->line - 20 : 1);
        int have = get_line(text, len, lo, &l);
        for (unsigned n = lo; n <= s->line && have; n++, have = next_line(text, len, &l)) {
            const char *p = unclosed_quote(&l);
            if (p) {
                at = n;
                at_col = column_of(&l, p);
                q = *p;
            }
        }
    }
    if (!at)
        return 0;
    *line = at;
    *col = at_col;
    put(m, L10N("Citattecknet %c som börjar värdet på rad %u, kolumn %u avslutas aldrig, så det som följer "
                "läses som en del av texten. Sätt ett avslutande %c i slutet av värdet på rad %u.",
                "The quote %c that opens the value on line %u, column %u is never closed, so what follows is "
                "read as part of the text. Put a closing %c at the end of the value on line %u."),
        q, at, at_col, q, at);
    return 1;
}

/* "key: value: more" -> the value needs quotes. */
static int explain_colon(const char *text, size_t len, const styr_yaml_syntax *s, int lang, msg *m,
                         unsigned *line, unsigned *col)
{
    line_ref l;
    if (!problem_is(s, "mapping values are not allowed") || !get_line(text, len, s->line, &l))
        return 0;
    const char *colon = key_colon(&l), *bad = at_column(&l, s->column);
    if (!colon || !bad || bad <= colon)
        return 0;
    const char *k = after_markers(&l), *v = colon + 1, *ve = l.e;
    while (v < ve && (*v == ' ' || *v == '\t'))   /* key_colon takes a tab after ':' too */
        v++;
    for (const char *c = v; c + 1 < ve; c++)
        if (c[0] == ' ' && c[1] == '#') {
            ve = c;
            break;
        }
    while (ve > v && (ve[-1] == ' ' || ve[-1] == '\t'))
        ve--;
    int klen = (int)(colon - k), vlen = (int)(ve - v);
    int title = klen == 5 && memcmp(k, "title", 5) == 0;
    *line = s->line;
    *col = s->column;
    if (title)
        put(m, L10N("Rubriken (title) på rad %u innehåller ett kolon följt av mellanslag, och då tror YAML att "
                    "en ny nyckel börjar. Sätt rubriken inom citattecken",
                    "The title on line %u has a colon followed by a space, which YAML takes for the start of "
                    "a new key. Put the title in quotes"),
            s->line);
    else
        put(m, L10N("Värdet av '%.*s' på rad %u innehåller ett kolon följt av mellanslag, och då tror YAML att "
                    "en ny nyckel börjar. Sätt värdet inom citattecken",
                    "The value of '%.*s' on line %u has a colon followed by a space, which YAML takes for the "
                    "start of a new key. Put the value in quotes"),
            klen > 60 ? 60 : klen, k, s->line);
    if (vlen > 0 && vlen <= 160 && klen <= 60 && !memchr(v, '"', (size_t)vlen) && !memchr(v, '\\', (size_t)vlen))
        put(m, ": %.*s: \"%.*s\"", klen, k, vlen, v);
    put(m, ".");
    return 1;
}

/* Indentation that is off, or a line that is not "key: value". */
static void explain_indent(const char *text, size_t len, const styr_yaml_syntax *s, int lang, msg *m,
                           unsigned *line, unsigned *col)
{
    line_ref l, prev;
    unsigned n = s->line, pn = 0;

    if (problem_is(s, "could not find expected ':'") && s->context_line &&
        get_line(text, len, s->context_line, &l)) {
        *line = s->context_line;
        *col = indent_of(&l) + 1;
        put(m, L10N("Rad %u är varken 'nyckel: värde' eller ett listelement ('- '). Saknas ett ':' efter "
                    "nyckeln? Hör texten till värdet på raden ovanför, dra in den längre än nyckeln eller "
                    "sätt hela värdet inom citattecken.",
                    "Line %u is neither 'key: value' nor a list item ('- '). Is a ':' missing after the key? "
                    "If the text belongs to the value on the line above, indent it further than the key or "
                    "put the whole value in quotes."),
            s->context_line);
        return;
    }
    if (!get_line(text, len, n, &l)) {
        *line = s->line;
        *col = s->column;
        put(m, L10N("YAML-filen tar slut mitt i en struktur: kontrollera de sista raderna.",
                    "The YAML file ends in the middle of a structure: check its last lines."));
        return;
    }
    prev = l;
    for (unsigned k = n - 1; k >= 1 && prev_line(text, len, &prev); k--)
        if (has_content(&prev)) {
            pn = k;
            break;
        }
    *line = n;
    *col = indent_of(&l) + 1;
    if (!pn) {
        put(m, L10N("Rad %u passar inte in där den står: kontrollera dess indrag.",
                    "Line %u does not fit where it stands: check its indentation."),
            n);
        return;
    }
    unsigned in = indent_of(&l), ip = indent_of(&prev);
    if (in != ip) {
        put(m, L10N("Indraget på rad %u stämmer inte: raden börjar i kolumn %u, raden ovanför (rad %u) i "
                    "kolumn %u. Rader på samma nivå ska börja i samma kolumn: flytta rad %u så att den linjerar "
                    "med raden den hör ihop med.",
                    "The indentation of line %u is off: it starts in column %u, the line above (line %u) in "
                    "column %u. Lines at the same level start in the same column: move line %u to line up with "
                    "the line it belongs with."),
            n, in + 1, pn, ip + 1, n);
        return;
    }
    int prev_item = after_markers(&prev) != prev.b + ip, this_item = after_markers(&l) != l.b + in;
    if (prev_item != this_item)
        put(m, L10N("Rad %u passar inte in där den står: den har samma indrag som rad %u, men den ena är ett "
                    "listelement ('- ') och den andra inte. Hör rad %u till listelementet ovanför, dra in den "
                    "till samma kolumn som texten efter '- '.",
                    "Line %u does not fit where it stands: it has the indentation of line %u, but one of them "
                    "is a list item ('- ') and the other is not. If line %u belongs to the list item above, "
                    "indent it to the column of the text after '- '."),
            n, pn, n);
    else
        put(m, L10N("Rad %u passar inte in där den står: kontrollera indraget på den och raderna ovanför. Rader på "
                    "samma nivå ska börja i samma kolumn.",
                    "Line %u does not fit where it stands: check its indentation and that of the lines above. "
                    "Lines at the same level start in the same column."),
            n);
}

/* "[a, b" or "{a: 1" never closed. */
static int explain_flow(const styr_yaml_syntax *s, int lang, msg *m, unsigned *line, unsigned *col)
{
    int seq = problem_is(s, "expected ',' or ']'"), map = problem_is(s, "expected ',' or '}'");
    if ((!seq && !map) || !s->context_line)
        return 0;
    *line = s->context_line;
    *col = s->context_column;
    put(m, L10N("%s som börjar på rad %u, kolumn %u avslutas aldrig med '%c', eller så saknas ett kommatecken "
                "mellan två av dess delar. Stäng den på samma rad, eller skriv den som en lista med '- ' på "
                "varsin rad.",
                "The %s that starts on line %u, column %u is never closed with '%c', or a comma is missing "
                "between two of its items. Close it on the same line, or write it as a list with '- ' on "
                "lines of their own."),
        seq ? L10N("Listan inom hakparenteser", "list in brackets") : L10N("Mappningen inom klammerparenteser", "mapping in braces"),
        s->context_line, s->context_column, seq ? ']' : '}');
    return 1;
}

static int indentation_problem(const styr_yaml_syntax *s)
{
    return problem_is(s, "did not find expected key") || problem_is(s, "did not find expected '-'") ||
           problem_is(s, "mapping values are not allowed") || problem_is(s, "could not find expected ':'") ||
           problem_is(s, "block sequence entries are not allowed");
}

void styr_yaml_explain(const char *text, size_t len, const styr_yaml_syntax *s, int lang, styr_error *err)
{
    char tail[400], head[sizeof err->message];
    msg m = {head, sizeof head, 0};
    unsigned line = s->line, col = s->column;
    styr_odd_char odd[sizeof odd_table / sizeof odd_table[0]];
    size_t nodd = 0;
    int listed = 0;             /* the odd characters are named already */

    /* libyaml's own words, for experts, with where it stopped. */
    if (s->context && s->context_line)
        snprintf(tail, sizeof tail, "\n  libyaml: %s %s (started at line %u, column %u), at line %u, column %u",
                 s->problem ? s->problem : "", s->context, s->context_line, s->context_column, s->line, s->column);
    else
        snprintf(tail, sizeof tail, "\n  libyaml: %s, at line %u, column %u", s->problem ? s->problem : "",
                 s->line, s->column);
    m.cap = sizeof head - strlen(tail);

    if (text) {
        nodd = styr_yaml_odd_chars(text, len, odd, sizeof odd / sizeof odd[0]);
        if (nodd > sizeof odd / sizeof odd[0])
            nodd = sizeof odd / sizeof odd[0];
    }
    unsigned near_line = 0, near_col = 0;
    int near = nodd && odd_near(text, len, s, &near_line, &near_col);
    if (!text) {
        put(&m, L10N("YAML-filen kan inte läsas vid rad %u, kolumn %u.", "The YAML file cannot be read at line %u, column %u."),
            line, col);
    /* The explainers are tried in order of how sure they are; two branches
       are empty because the explainer already wrote its text. */
    // NOLINTNEXTLINE(bugprone-branch-clone)
    } else if (explain_tab(text, len, s, lang, &m, &line, &col) || explain_quote(text, len, s, lang, &m, &line, &col)) {
        /* explained */
    } else if (near) {
        line = near_line;
        col = near_col;
        put(&m, "%s", L10N("Filen innehåller tecken som ser ut som vanliga men inte är det (ofta inklistrade från "
                           "Word), och YAML läser dem inte som du tänkt: ",
                           "The file holds characters that look like ordinary ones but are not (often pasted from "
                           "Word), and YAML does not read them as you meant: "));
        put_odd_list(&m, odd, nodd, lang);
        put(&m, ".");
        put_odd_fix(&m, odd, nodd, lang);
        listed = 1;
    } else if (explain_colon(text, len, s, lang, &m, &line, &col) || explain_flow(s, lang, &m, &line, &col)) {
        /* explained */
    } else if (indentation_problem(s)) {
        explain_indent(text, len, s, lang, &m, &line, &col);
    } else {
        put(&m, L10N("YAML-filen kan inte läsas vid rad %u, kolumn %u. Kontrollera raden och raden ovanför: "
                     "indrag, kolon och citattecken.",
                     "The YAML file cannot be read at line %u, column %u. Check this line and the one above: "
                     "indentation, colons and quotes."),
            line, col);
    }
    if (nodd && !listed) {
        put(&m, "%s", L10N(" Filen innehåller också tecken som ser ut som vanliga men inte är det: ",
                           " The file also holds characters that look like ordinary ones but are not: "));
        put_odd_list(&m, odd, nodd, lang);
        put(&m, ".");
        put_odd_fix(&m, odd, nodd, lang);
    }
    size_t hl = strlen(head), tl = strlen(tail);
    if (hl + tl >= sizeof err->message)
        hl = sizeof err->message - 1 - tl;
    memcpy(err->message, head, hl);
    memcpy(err->message + hl, tail, tl + 1);
    err->line = line;
    err->column = col;
}

void styr_yaml_explain_reader(int lang, styr_error *err)
{
    if (lang == STYR_EXPLAIN_EN || err->code != STYR_E_SYNTAX)
        return;
    /* The loader's words, English or (the default) Swedish: doc_load.c's
     * reader_error speaks the run's language. */
    const char *m = err->message, *sv;
    if (strstr(m, "NUL byte") || strstr(m, "NUL-byte"))
        sv = "Filen innehåller NUL-tecken: är det en binärfil, eller sparad som UTF-16? Spara den som text i UTF-8.";
    else if (strstr(m, "UTF-8") || strstr(m, "UTF-16"))
        sv = "Filen är inte sparad som UTF-8 (kanske som Latin-1 eller Windows-1252, t.ex. från Excel eller "
             "Anteckningar). Spara den som UTF-8 och kör igen.";
    else if (strstr(m, "control character") || strstr(m, "is not allowed in YAML") ||
             strstr(m, "inte tillåtet i YAML"))
        sv = "Filen innehåller ett osynligt styrtecken som YAML inte tillåter här; ta bort det (ofta inklistrat "
             "från ett annat program).";
    else
        return;
    char detail[sizeof err->message];
    snprintf(detail, sizeof detail, "%s", m);
    snprintf(err->message, sizeof err->message, "%s\n  (%.*s)", sv, (int)(sizeof err->message - strlen(sv) - 8), detail);
}
