/* lua_words.c - Lua's own error messages in Swedish (see lua_words.h).
 *
 * Each template is Lua 5.4's format (ldebug.c, lauxlib.c, lstrlib.c,
 * ltablib.c, llex.c, lparser.c, lvm.c) with its %s and %d as %1..%4, and the
 * Swedish with the same slots. What fills a slot is translated by its kind:
 * a type with its article ("a nil value" -> "nil", "a number value" -> "ett
 * tal"), a bare type ("number expected"), Lua's note on the variable ("
 * (field 'x')"), or kept as it is (a name, a line number, a token).
 *
 * A template that starts with a slot ("%1 expected near %2") would match
 * plain English text, so the parser's templates are used only for what the
 * parser said (at load); a rule's own error("...") is never matched by them. */
#include "lua_words.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* lim.lang's English (STYR_LANG_EN in run.h, a layer above) */
enum { LANG_EN = 1 };

/* When a template applies: to what Lua says while running a rule, or to the
 * parser's syntax errors at load. */
enum { RUN = 1, LOAD = 2, INNER = 4 };   /* INNER: only inside "bad argument ... (...)" */

typedef struct template {
    int when;
    const char *en;
    const char *sv;
    const char *kinds;   /* per slot: T type with article, B bare type, V variable note, F part of a
                            'for', O arithmetic, E expected tokens, M a message of its own
                            (translated), R as it is */
} template;

/* Longer forms before the shorter ones they share a start with. */
static const template templates[] = {
    /* running */
    {RUN, "attempt to index a %1 value%2", "försök att indexera %1%2", "TV"},
    {RUN, "attempt to call a %1 value%2", "försök att anropa %1%2", "TV"},
    {RUN, "attempt to perform arithmetic on a %1 value%2", "försök att räkna med %1%2", "TV"},
    {RUN, "attempt to concatenate a %1 value%2", "försök att foga ihop text med %1%2", "TV"},
    {RUN, "attempt to get length of a %1 value%2", "försök att ta längden av %1%2", "TV"},
    {RUN, "attempt to perform bitwise operation on a %1 value%2", "försök till en bitoperation på %1%2", "TV"},
    {RUN, "attempt to compare two %1 values", "försök att jämföra %1 med %1", "T"},
    {RUN, "attempt to compare %1 with %2", "försök att jämföra %1 med %2", "TT"},
    {RUN, "attempt to divide by zero", "division med noll", ""},
    {RUN, "attempt to perform 'n%%0'", "rest vid division med noll ('n%%0')", ""},
    {RUN, "attempt to %1 a '%2' with a '%3'", "försök att %1 %2 och %3", "OTT"},   /* "a" + "b" */
    {RUN, "number%1 has no integer representation", "talet%1 är inget heltal", "V"},
    {RUN, "table index is nil", "ett tabellindex är nil (t[nil] = ...)", ""},
    {RUN, "assertion failed!", "assert() slog fel: villkoret var falskt eller nil", ""},
    {RUN, "invalid key to 'next'", "ogiltig nyckel till 'next'", ""},
    {RUN, "table index is NaN", "ett tabellindex är NaN", ""},
    {RUN, "bad argument #%1 to '%2' (%3 expected, got %4)", "fel argument nr %1 till '%2' (%3 väntades, fick %4)",
     "RRYB"},
    {RUN, "calling '%1' on bad self (%2)", "'%1' anropad med fel värde före kolon (%2)", "RM"},
    {RUN, "bad argument #%1 to '%2' (%3)", "fel argument nr %1 till '%2' (%3)", "RRM"},
    {RUN, "bad 'for' %1 (number expected, got %2)", "%1 i 'for' ska vara ett tal, men är %2", "FT"},
    {RUN, "'for' step is zero", "steget i 'for' är noll", ""},
    {RUN, "wrong number of arguments to '%1'", "fel antal argument till '%1'", "R"},
    {RUN, "invalid value (at index %1) in table for 'concat'", "ogiltigt värde (på plats %1) i tabellen till 'concat'",
     "R"},
    {RUN, "invalid value (%1) at index %2 in table for 'concat'",
     "ogiltigt värde (%1) på plats %2 i tabellen till 'concat'", "BR"},
    {RUN, "invalid conversion '%1' to 'format'", "ogiltig omvandling '%1' i 'format'", "R"},
    {RUN, "malformed pattern (ends with '%%')", "felaktigt mönster (slutar med '%%')", ""},
    {RUN, "malformed pattern (missing ']')", "felaktigt mönster (']' saknas)", ""},
    {RUN, "malformed pattern (missing arguments to '%%b')", "felaktigt mönster (argument saknas till '%%b')", ""},
    {RUN, "missing '[' after '%%f' in pattern", "'[' saknas efter '%%f' i mönstret", ""},
    {RUN, "invalid capture index %%%1", "ogiltigt fångstindex %%%1", "R"},
    {RUN, "invalid use of '%%' in replacement string", "'%%' används fel i ersättningstexten", ""},
    {RUN, "invalid replacement value (a %1)", "ogiltigt ersättningsvärde (%1)", "T"},
    {RUN, "invalid pattern capture", "ogiltig fångst i mönstret", ""},
    {RUN, "unfinished capture", "en fångst utan slut", ""},
    {RUN, "too many captures", "för många fångster", ""},
    {RUN, "pattern too complex", "mönstret är för komplext", ""},
    {RUN, "C stack overflow", "stacken räckte inte (en rekursion utan slut?)", ""},
    {RUN, "stack overflow", "stacken räckte inte (en rekursion utan slut?)", ""},
    /* the inside of "bad argument #2 to 'insert' (...)" */
    {INNER, "position out of bounds", "positionen ligger utanför tabellen", ""},
    {INNER, "value out of range", "värdet ligger utanför det tillåtna", ""},
    {INNER, "index out of range", "index utanför det tillåtna", ""},
    {INNER, "base out of range", "talbasen utanför det tillåtna", ""},
    {INNER, "value expected", "ett värde väntades", ""},
    {INNER, "invalid option '%1'", "ogiltigt val '%1'", "R"},
    {INNER, "interval is empty", "intervallet är tomt", ""},
    {INNER, "value has no literal form", "värdet kan inte skrivas som en literal", ""},
    {INNER, "invalid conversion specifier '%1'", "ogiltig omvandling '%1'", "R"},
    {INNER, "%1 expected, got %2", "%1 väntades, fick %2", "YB"},   /* "calling 'char' on bad self (...)" */
    {INNER, "%1 expected", "%1 väntades", "Y"},   /* "nil or table expected" */
    /* the parser, at load */
    {LOAD, "function arguments expected near %1", "funktionsargument väntades vid %1", "R"},
    {LOAD, "%1 expected (to close %2 at line %3) near %4", "%1 väntades (för att avsluta %2 på rad %3) vid %4", "ERRR"},
    {LOAD, "%1 expected near %2", "%1 väntades vid %2", "ER"},
    {LOAD, "unexpected symbol near %1", "oväntad symbol vid %1", "R"},
    {LOAD, "unfinished string near %1", "en text utan avslutande citattecken vid %1", "R"},
    {LOAD, "unfinished long string (starting at line %1) near %2", "en lång text utan slut (från rad %1) vid %2", "RR"},
    {LOAD, "unfinished long comment (starting at line %1) near %2", "en lång kommentar utan slut (från rad %1) vid %2",
     "RR"},
    {LOAD, "malformed number near %1", "ett felskrivet tal vid %1", "R"},
    {LOAD, "invalid escape sequence near %1", "en ogiltig escape-sekvens vid %1", "R"},
    {LOAD, "syntax error near %1", "syntaxfel vid %1", "R"},
    {LOAD, "break outside loop at line %1", "break utanför en slinga på rad %1", "R"},
    {LOAD, "no visible label '%1' for goto at line %2", "ingen synlig etikett '%1' för goto på rad %2", "RR"},
    {LOAD, "no visible label '%1' for <goto> at line %2", "ingen synlig etikett '%1' för goto på rad %2", "RR"},
    {LOAD, "unknown attribute '%1'", "okänt attribut '%1'", "R"},
    {LOAD, "attempt to assign to const variable '%1'", "försök att ändra konstanten '%1'", "R"},
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
    {"table or string", "tabell eller text"},
    {"number or string", "tal eller text"},
    {"map or list of the plan", "mappning eller lista i planen"},
    {"list of the plan", "lista i planen"},   /* each()'s own argument (rule_api.c) */
};

/* forprep()'s parts of a numeric for */
static const words for_parts[] = {
    {"initial value", "startvärdet"},
    {"limit", "gränsen"},
    {"step", "steget"},
};

/* lstrlib.c's trymt(): the arithmetic a string met ("attempt to add ...") */
static const words arithmetic[] = {
    {"add", "addera"},       {"sub", "subtrahera"},       {"mul", "multiplicera"},
    {"div", "dividera"},     {"mod", "ta resten av"},     {"pow", "upphöja"},
    {"unm", "negera"},       {"idiv", "heltalsdividera"},
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

/* The matcher's work on one message, in bytes compared: a crafted message
 * could make the slots try many splits, and a rule can raise one message a
 * call; past this the message is left as it is. */
#define MATCH_STEPS 20000

static _Thread_local long last_steps;   /* the work of this thread's last call, for the tests */

/* Whether msg[0..len) matches the template from t on, filling the slots
 * (the first occurrence of what follows a slot that lets the rest match).
 * *steps counts down the work allowed. */
static int match(const char *t, const char *msg, size_t len, slot *slots, long *steps)
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
            for (size_t at = 0; at + litlen <= len; at++) {   /* "number%1 has": a slot may be empty */
                if ((*steps -= (long)litlen) < 0)
                    return 0;
                if (memcmp(msg + at, lit, litlen) == 0 && match(lit, msg + at, len - at, slots, steps)) {
                    slots[k] = (slot){msg, at};
                    return 1;
                }
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
    int full;   /* cut once: nothing more is added after the gap */
} out;

/* Appends what fits; a character that does not fit whole is left out, so
 * the text stays UTF-8 when cut. */
static void put(out *o, const char *s, size_t n)
{
    if (o->full)
        return;
    size_t room = o->cap - 1 - o->len;
    if (n > room) {
        o->full = 1;
        n = room;
        while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
            n--;   /* s[n] continues a character: cut before its start */
    }
    memcpy(o->buf + o->len, s, n);
    o->len += n;
    o->buf[o->len] = '\0';
}

static const char *lookup(const words *w, size_t nw, slot s)
{
    if (!s.s)
        return NULL;
    for (size_t i = 0; i < nw; i++)
        if (strlen(w[i].en) == s.n && memcmp(w[i].en, s.s, s.n) == 0)
            return w[i].sv;
    return NULL;
}

#define LOOKUP(table, s) lookup((table), sizeof(table) / sizeof *(table), (s))

static int translate(int when, const char *prefix, size_t prefixlen, const char *msg, size_t len, out *o,
                     long *steps);

/* A slot's text in Swedish, by its kind. */
static void put_slot(out *o, char kind, slot s, long *steps)
{
    if (kind == 'M') {   /* "bad argument #2 to 'rep' (number has no integer representation)" */
        char inner[512];
        out in = {inner, sizeof inner, 0, 0};
        if (translate(RUN | INNER, "", 0, s.s, s.n, &in, steps)) {
            put(o, inner, in.len);
            return;
        }
    }
    if (kind == 'Y') {   /* "nil or table": each type bare, joined by "eller" */
        const char *whole = LOOKUP(bare, s);   /* "map or list of the plan" is one name */
        if (whole) {
            put(o, whole, strlen(whole));
            return;
        }
        for (size_t i = 0; i < s.n;) {
            const char *or = s.s + i;
            size_t n = 0;
            while (i + n < s.n && !(s.n - i - n >= 4 && memcmp(or + n, " or ", 4) == 0))
                n++;
            const char *sv = LOOKUP(bare, ((slot){or, n}));
            put(o, sv ? sv : or, sv ? strlen(sv) : n);
            i += n;
            if (i < s.n) {
                put(o, " eller ", 7);
                i += 4;
            }
        }
        return;
    }
    if (kind == 'E') {   /* "<name> or '...'" expected: the tokens stay, the "or" is Swedish */
        for (size_t i = 0; i < s.n;) {
            if (s.n - i >= 4 && memcmp(s.s + i, " or ", 4) == 0) {
                put(o, " eller ", 7);
                i += 4;
            } else {
                size_t n = 1;
                while (i + n < s.n && ((unsigned char)s.s[i + n] & 0xc0) == 0x80)
                    n++;
                put(o, s.s + i, n);
                i += n;
            }
        }
        return;
    }
    const char *sv = kind == 'T'   ? LOOKUP(with_article, s)
                     : kind == 'B' ? LOOKUP(bare, s)
                     : kind == 'F' ? LOOKUP(for_parts, s)
                     : kind == 'O' ? LOOKUP(arithmetic, s)
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

/* The Swedish of msg[0..len) after prefix (prefixlen bytes), into o, by the
 * templates that apply `when`; 0 when none matches. */
static int translate(int when, const char *prefix, size_t prefixlen, const char *msg, size_t len, out *o,
                     long *steps)
{
    for (size_t i = 0; i < sizeof templates / sizeof *templates; i++) {
        slot slots[4] = {{NULL, 0}, {NULL, 0}, {NULL, 0}, {NULL, 0}};
        if (!(templates[i].when & when) || !match(templates[i].en, msg, len, slots, steps))
            continue;
        o->len = 0;
        o->full = 0;
        o->buf[0] = '\0';
        put(o, prefix, prefixlen);
        for (const char *t = templates[i].sv; *t; t++) {
            if (t[0] == '%' && t[1] >= '1' && t[1] <= '4') {
                int k = t[1] - '1';
                put_slot(o, templates[i].kinds[k], slots[k], steps);
                t++;
            } else if (t[0] == '%' && t[1] == '%') {
                put(o, "%", 1);
                t++;
            } else {   /* a whole character at a time, so a cut falls between two */
                size_t n = 1;
                while (((unsigned char)t[n] & 0xc0) == 0x80)
                    n++;
                put(o, t, n);
                t += n - 1;
            }
        }
        return 1;
    }
    return 0;
}

/* Lua names are ASCII: "local ägare = 1" stops the parser at the first byte
 * of "ä", which it shows as '<\195>'. The message says where; this says
 * why. */
static int non_ascii_name(const char *msg)
{
    for (const char *p = strstr(msg, "'<\\"); p; p = strstr(p + 1, "'<\\")) {
        char *end;
        long b = strtol(p + 3, &end, 10);
        if (end != p + 3 && *end == '>' && b >= 128 && b <= 255)
            return 1;
    }
    return 0;
}

const char *styr_lua_words(const char *msg, int lang, int at_load, char *buf, size_t cap)
{
    last_steps = 0;
    if (!msg || !buf || cap == 0)
        return msg;
    size_t len = strlen(msg);
    /* Lua's own messages are short; a long one is a rule's own text */
    if (len > 1024)
        return msg;
    out o = {buf, cap, 0, 0};
    long steps = MATCH_STEPS;
    int when = at_load ? LOAD | RUN : RUN;
    int done = 0;
    if (lang != LANG_EN) {
        /* "file:line: message" (a syntax error; an error raised in another
         * file than the rule's): the position is kept, the message translated */
        const char *c = strchr(msg, ':');
        for (; c; c = strchr(c + 1, ':')) {
            const char *d = c + 1;
            while (*d >= '0' && *d <= '9')
                d++;
            if (d > c + 1 && d[0] == ':' && d[1] == ' ')
                break;
        }
        if (c) {
            const char *d = c + 1 + strspn(c + 1, "0123456789");
            size_t skip = (size_t)(d + 2 - msg);
            done = translate(when, msg, skip, msg + skip, len - skip, &o, &steps);
        } else {
            done = translate(when, "", 0, msg, len, &o, &steps);
        }
    }
    last_steps = MATCH_STEPS - (steps < 0 ? 0 : steps);
    if (at_load && non_ascii_name(msg)) {
        if (!done) {
            o.len = 0;
            o.full = 0;
            buf[0] = '\0';
            put(&o, msg, len);
        }
        const char *hint = lang == LANG_EN ? " (Lua names hold only a-z, A-Z, 0-9 and _: write agare, not ägare)"
                                           : " (Lua-namn får bara innehålla a–z, A–Z, 0–9 och _: skriv agare, inte "
                                             "ägare)";
        put(&o, hint, strlen(hint));
        return buf;
    }
    return done ? buf : msg;
}

long styr_lua_words_work(void)
{
    return last_steps;
}

const char *styr_lua_type_sv(const char *type)
{
    const char *w = LOOKUP(with_article, ((slot){type, strlen(type)}));
    return w ? w : type;
}
