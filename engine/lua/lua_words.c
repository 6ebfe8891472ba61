/* lua_words.c - Lua's own error messages in Swedish (see lua_words.h).
 *
 * Each template is Lua 5.4's format (ldebug.c, lauxlib.c, llex.c,
 * lparser.c, lvm.c) with its %s and %d as %1..%4, and the Swedish with the
 * same slots. What fills a slot is translated by its kind: a type with its
 * article ("a nil value" -> "nil", "a number value" -> "ett tal"), a bare
 * type ("number expected"), Lua's note on the variable (" (field 'x')"), or
 * kept as it is (a name, a line number, a token). */
#include "lua_words.h"

#include <string.h>

/* lim.lang's English (STYR_LANG_EN in run.h, a layer above) */
enum { LANG_EN = 1 };

typedef struct template {
    const char *en;
    const char *sv;
    const char *kinds;   /* per slot: T type with article, B bare type, V variable note, F part of a
                            'for', M a message of its own (translated), R as it is */
} template;

/* Longer forms before the shorter ones they share a start with. */
static const template templates[] = {
    {"attempt to index a %1 value%2", "försök att indexera %1%2", "TV"},
    {"attempt to call a %1 value%2", "försök att anropa %1%2", "TV"},
    {"attempt to perform arithmetic on a %1 value%2", "försök att räkna med %1%2", "TV"},
    {"attempt to concatenate a %1 value%2", "försök att foga ihop text med %1%2", "TV"},
    {"attempt to get length of a %1 value%2", "försök att ta längden av %1%2", "TV"},
    {"attempt to perform bitwise operation on a %1 value%2", "försök till en bitoperation på %1%2", "TV"},
    {"attempt to compare two %1 values", "försök att jämföra %1 med %1", "T"},
    {"attempt to compare %1 with %2", "försök att jämföra %1 med %2", "TT"},
    {"attempt to divide by zero", "division med noll", ""},
    {"attempt to perform 'n%%0'", "rest vid division med noll ('n%%0')", ""},
    {"attempt to assign to const variable '%1'", "försök att ändra konstanten '%1'", "R"},
    {"number%1 has no integer representation", "talet%1 är inget heltal", "V"},
    {"bad argument #%1 to '%2' (%3 expected, got %4)", "fel argument nr %1 till '%2' (%3 väntades, fick %4)", "RRBB"},
    {"bad argument #%1 to '%2' (%3)", "fel argument nr %1 till '%2' (%3)", "RRM"},
    {"bad 'for' %1 (number expected, got %2)", "%1 i 'for' ska vara ett tal, men är %2", "FB"},
    {"'for' step is zero", "steget i 'for' är noll", ""},
    {"C stack overflow", "stacken räckte inte (en rekursion utan slut?)", ""},
    {"stack overflow", "stacken räckte inte (en rekursion utan slut?)", ""},
    {"function arguments expected near %1", "funktionsargument väntades vid %1", "R"},
    {"%1 expected (to close %2 at line %3) near %4", "%1 väntades (för att avsluta %2 på rad %3) vid %4", "RRRR"},
    {"%1 expected near %2", "%1 väntades vid %2", "RR"},
    {"unexpected symbol near %1", "oväntad symbol vid %1", "R"},
    {"unfinished string near %1", "en text utan avslutande citattecken vid %1", "R"},
    {"unfinished long string (starting at line %1) near %2", "en lång text utan slut (från rad %1) vid %2", "RR"},
    {"unfinished long comment (starting at line %1) near %2", "en lång kommentar utan slut (från rad %1) vid %2", "RR"},
    {"malformed number near %1", "ett felskrivet tal vid %1", "R"},
    {"invalid escape sequence near %1", "en ogiltig escape-sekvens vid %1", "R"},
    {"syntax error near %1", "syntaxfel vid %1", "R"},
    {"break outside loop at line %1", "break utanför en slinga på rad %1", "R"},
};

typedef struct words {
    const char *en, *sv;
} words;

/* Lua's type names; the last is the plan's nodes' (nodeview.c's __name). */
static const words with_article[] = {
    {"nil", "nil"},
    {"number", "ett tal"},
    {"string", "en text"},
    {"table", "en tabell"},
    {"boolean", "ett sanningsvärde"},
    {"function", "en funktion"},
    {"userdata", "ett C-värde"},
    {"thread", "en korutin"},
    {"map or list of the plan", "en mappning eller lista i planen"},
};

static const words bare[] = {
    {"nil", "nil"},
    {"number", "tal"},
    {"string", "text"},
    {"table", "tabell"},
    {"boolean", "sanningsvärde"},
    {"function", "funktion"},
    {"userdata", "C-värde"},
    {"thread", "korutin"},
    {"no value", "inget värde"},
    {"integer", "heltal"},
    {"map or list of the plan", "mappning eller lista i planen"},
};

/* forprep()'s parts of a numeric for */
static const words for_parts[] = {
    {"initial value", "startvärdet"},
    {"limit", "gränsen"},
    {"step", "steget"},
};

/* varinfo()'s " (KIND 'name')": the kind before the name. */
static const words variable_kinds[] = {
    {" (field '", " (fältet '"},
    {" (local '", " (den lokala variabeln '"},
    {" (global '", " (den globala variabeln '"},
    {" (upvalue '", " (variabeln utanför funktionen '"},
    {" (method '", " (metoden '"},
    {" (constant '", " (konstanten '"},
};

typedef struct slot {
    const char *s;
    size_t n;
} slot;

/* Whether msg[0..len) matches the template from t on, filling the slots
 * (the first occurrence of what follows a slot that lets the rest match). */
static int match(const char *t, const char *msg, size_t len, slot *slots)
{
    while (*t) {
        if (t[0] == '%' && t[1] >= '1' && t[1] <= '4') {
            int k = t[1] - '1';
            const char *lit = t + 2;
            size_t litlen = 0;   /* the literal up to the next slot */
            while (lit[litlen] && !(lit[litlen] == '%' && lit[litlen + 1] >= '1' && lit[litlen + 1] <= '4'))
                litlen++;
            if (!litlen) {   /* the last slot: the rest of the message */
                slots[k] = (slot){msg, len};
                return !*lit;
            }
            for (size_t at = 0; at + litlen <= len; at++)   /* "number%1 has": a slot may be empty */
                if (memcmp(msg + at, lit, litlen) == 0 && match(lit, msg + at, len - at, slots)) {
                    slots[k] = (slot){msg, at};
                    return 1;
                }
            return 0;
        }
        if (t[0] == '%' && t[1] == '%')
            t++;   /* "%%" is a percent sign */
        if (!len || *msg != *t)
            return 0;
        t++, msg++, len--;
    }
    return len == 0;
}

typedef struct out {
    char *buf;
    size_t cap, len;
} out;

static void put(out *o, const char *s, size_t n)
{
    for (size_t i = 0; i < n && o->len + 1 < o->cap; i++)
        o->buf[o->len++] = s[i];
    o->buf[o->len] = '\0';
}

static const char *lookup(const words *w, size_t nw, slot s)
{
    for (size_t i = 0; i < nw; i++)
        if (strlen(w[i].en) == s.n && memcmp(w[i].en, s.s, s.n) == 0)
            return w[i].sv;
    return NULL;
}

static int translate(const char *prefix, size_t prefixlen, const char *msg, size_t len, out *o);

/* A slot's text in Swedish, by its kind. */
static void put_slot(out *o, char kind, slot s)
{
    if (kind == 'M') {   /* "bad argument #2 to 'rep' (number has no integer representation)" */
        char inner[512];
        out in = {inner, sizeof inner, 0};
        if (translate("", 0, s.s, s.n, &in)) {
            put(o, inner, in.len);
            return;
        }
    }
    const char *sv = kind == 'T' ? lookup(with_article, sizeof with_article / sizeof *with_article, s)
                     : kind == 'B' ? lookup(bare, sizeof bare / sizeof *bare, s)
                     : kind == 'F' ? lookup(for_parts, sizeof for_parts / sizeof *for_parts, s)
                                   : NULL;
    if (sv) {
        put(o, sv, strlen(sv));
        return;
    }
    if (kind == 'V')
        for (size_t i = 0; i < sizeof variable_kinds / sizeof *variable_kinds; i++) {
            size_t n = strlen(variable_kinds[i].en);
            if (s.n > n && memcmp(s.s, variable_kinds[i].en, n) == 0) {
                put(o, variable_kinds[i].sv, strlen(variable_kinds[i].sv));
                put(o, s.s + n, s.n - n);
                return;
            }
        }
    put(o, s.s, s.n);   /* a name, a number, a token, or a type Lua may add later */
}

/* The Swedish of msg[0..len) after prefix (prefixlen bytes), into o; 0 when
 * no template matches. */
static int translate(const char *prefix, size_t prefixlen, const char *msg, size_t len, out *o)
{
    for (size_t i = 0; i < sizeof templates / sizeof *templates; i++) {
        slot slots[4] = {{NULL, 0}};
        if (!match(templates[i].en, msg, len, slots))
            continue;
        o->len = 0;
        put(o, prefix, prefixlen);
        for (const char *t = templates[i].sv; *t; t++) {
            if (t[0] == '%' && t[1] >= '1' && t[1] <= '4') {
                int k = t[1] - '1';
                put_slot(o, templates[i].kinds[k], slots[k]);
                t++;
            } else if (t[0] == '%' && t[1] == '%') {
                put(o, "%", 1);
                t++;
            } else {
                put(o, t, 1);
            }
        }
        return 1;
    }
    return 0;
}

const char *styr_lua_type_sv(const char *type)
{
    const char *w = lookup(with_article, sizeof with_article / sizeof *with_article, (slot){type, strlen(type)});
    return w ? w : type;
}

const char *styr_lua_words(const char *msg, int lang, char *buf, size_t cap)
{
    if (!msg || lang == LANG_EN || !buf || cap == 0)
        return msg;
    out o = {buf, cap, 0};
    size_t len = strlen(msg);
    /* Lua's own messages are short; a long one is a rule's own text, and the
     * matcher's search is not to grow with what a rule can raise */
    if (len > 1024)
        return msg;
    /* "file:line: message" (a syntax error; an error raised in another file
     * than the rule's): the position is kept, the message translated */
    for (const char *c = strchr(msg, ':'); c; c = strchr(c + 1, ':')) {
        const char *d = c + 1;
        while (*d >= '0' && *d <= '9')
            d++;
        if (d > c + 1 && d[0] == ':' && d[1] == ' ') {
            size_t skip = (size_t)(d + 2 - msg);
            return translate(msg, skip, msg + skip, len - skip, &o) ? buf : msg;
        }
    }
    if (translate("", 0, msg, len, &o))
        return buf;
    return msg;
}
