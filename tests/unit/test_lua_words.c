/* test_lua_words.c - Lua's error messages in Swedish (engine/lua/lua_words.c).
 * The English comes from Lua 5.4 itself, raised by real code, so a template
 * that drifts from Lua's wording fails here rather than leaving a Swedish
 * run with English text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>
#include <lauxlib.h>
#include <lualib.h>

#include "lua_words.h"

/* What Lua says when it loads and runs code (a syntax error at load, an
 * error at run time); "" if it runs. *at_load: the parser said it. */
static const char *lua_says(const char *code, char *buf, size_t cap, int *at_load)
{
    lua_State *L = luaL_newstate();
    luaL_openlibs(L);
    buf[0] = '\0';
    *at_load = luaL_loadbufferx(L, code, strlen(code), "=rule.lua", "t") != LUA_OK;
    if (*at_load || lua_pcall(L, 0, 0, 0) != LUA_OK)
        snprintf(buf, cap, "%s", lua_tostring(L, -1));
    lua_close(L);
    return buf;
}

typedef struct case_ {
    const char *code;
    const char *sv;   /* what a Swedish run says */
} case_;

static const case_ cases[] = {
    {"local t; return t.x", "rule.lua:1: försök att indexera nil (den lokala variabeln 't')"},
    {"local t = {start = 3}; return t.start.year", "rule.lua:1: försök att indexera ett tal (fältet 'start')"},
    {"return undefined_name()", "rule.lua:1: försök att anropa nil (den globala variabeln 'undefined_name')"},
    {"local s = 'a'; return s.x.y", "rule.lua:1: försök att indexera nil (fältet 'x')"},
    {"return {} + 1", "rule.lua:1: försök att räkna med en tabell"},
    {"local b = true; return 'x' .. b", "rule.lua:1: försök att foga ihop text med ett sanningsvärde (den lokala variabeln 'b')"},
    {"local n = 3; return #n", "rule.lua:1: försök att ta längden av ett tal (den lokala variabeln 'n')"},
    {"return {} < {}", "rule.lua:1: försök att jämföra en tabell med en tabell"},
    {"return 1 < 'x'", "rule.lua:1: försök att jämföra ett tal med en text"},
    {"return 1 // 0", "rule.lua:1: division med noll"},
    {"return 1 % 0", "rule.lua:1: rest vid division med noll ('n%0')"},
    {"local x = 1.5; return x | 1", "rule.lua:1: talet (den lokala variabeln 'x') är inget heltal"},
    {"return string.rep()", "rule.lua:1: fel argument nr 1 till 'rep' (text väntades, fick inget värde)"},
    {"return math.floor({})", "rule.lua:1: fel argument nr 1 till 'floor' (tal väntades, fick tabell)"},
    {"for i = 1, 'x' do end", "rule.lua:1: gränsen i 'for' ska vara ett tal, men är en text"},
    {"for i = {}, 2 do end", "rule.lua:1: startvärdet i 'for' ska vara ett tal, men är en tabell"},
    {"for i = 1, 2, true do end", "rule.lua:1: steget i 'for' ska vara ett tal, men är ett sanningsvärde"},
    /* met by the outside attack on the first version, still English then */
    {"local t = {}; t[nil] = 1", "rule.lua:1: ett tabellindex är nil (t[nil] = ...)"},
    {"local t = {}; t[0/0] = 1", "rule.lua:1: ett tabellindex är NaN"},
    {"return 'a' + 'b'", "rule.lua:1: försök att addera en text och en text"},
    {"return 'a' * {}", "rule.lua:1: försök att multiplicera en text och en tabell"},
    {"table.insert({}, 1, 2, 3)", "rule.lua:1: fel antal argument till 'insert'"},
    {"table.insert({}, 5, 2)", "rule.lua:1: fel argument nr 2 till 'insert' (positionen ligger utanför tabellen)"},
    {"return table.concat({1, {}, 3})", "rule.lua:1: ogiltigt värde (tabell) på plats 2 i tabellen till 'concat'"},
    {"return ('x'):find('%')", "rule.lua:1: felaktigt mönster (slutar med '%')"},
    {"return ('x'):find('[a')", "rule.lua:1: felaktigt mönster (']' saknas)"},
    {"return ('x'):find('%b')", "rule.lua:1: felaktigt mönster (argument saknas till '%b')"},
    {"return ('x'):find('%f')", "rule.lua:1: '[' saknas efter '%f' i mönstret"},
    {"return ('x'):find('(x')", "rule.lua:1: en fångst utan slut"},
    {"return ('x'):find('%1')", "rule.lua:1: ogiltigt fångstindex %1"},
    {"return ('x'):gsub('x', '%2')", "rule.lua:1: ogiltigt fångstindex %2"},
    {"return ('x'):gsub('x', '%y')", "rule.lua:1: '%' används fel i ersättningstexten"},
    {"return ('x'):gsub('x', {x = {}})", "rule.lua:1: ogiltigt ersättningsvärde (en tabell)"},
    {"return ('%y'):format(1)", "rule.lua:1: ogiltig omvandling '%y' i 'format'"},
    {"return rawlen(5)", "rule.lua:1: fel argument nr 1 till 'rawlen' (tabell eller text väntades, fick tal)"},
    {"return math.random(2, 1)", "rule.lua:1: fel argument nr 1 till 'random' (intervallet är tomt)"},
    {"return string.char(-1)", "rule.lua:1: fel argument nr 1 till 'char' (värdet ligger utanför det tillåtna)"},
    {"return ('x'):char(-1)", "rule.lua:1: 'char' anropad med fel värde före kolon (tal väntades, fick text)"},
    {"return tonumber('1', 99)", "rule.lua:1: fel argument nr 2 till 'tonumber' (talbasen utanför det tillåtna)"},
    {"return select(0, 1)", "rule.lua:1: fel argument nr 1 till 'select' (index utanför det tillåtna)"},
    {"return setmetatable({})", "rule.lua:1: fel argument nr 2 till 'setmetatable' (nil eller tabell väntades, fick inget värde)"},
    {"return ('x'):rep()", "rule.lua:1: fel argument nr 1 till 'rep' (tal väntades, fick inget värde)"},
    {"return os.date('%Ez')", "rule.lua:1: fel argument nr 1 till 'date' (ogiltig omvandling '%Ez')"},
    {"return collectgarbage('bogus')", "rule.lua:1: fel argument nr 1 till 'collectgarbage' (ogiltigt val 'bogus')"},
    /* met by the second attack */
    {"assert(false)", "rule.lua:1: assert() slog fel: villkoret var falskt eller nil"},
    {"return next({}, 'nokey')", "ogiltig nyckel till 'next'"},   /* Lua gives it no position */
    {"return string.format('%q', {})", "rule.lua:1: fel argument nr 2 till 'format' (värdet kan inte skrivas som en literal)"},
    {"goto nowhere", "rule.lua:1: ingen synlig etikett 'nowhere' för goto på rad 1"},
    {"local x <bogus> = 1", "rule.lua:1: okänt attribut 'bogus'"},
    {"for = 1", "rule.lua:1: <name> väntades vid '='"},
    {"for x do end", "rule.lua:1: '=' eller 'in' väntades vid 'do'"},
    {"local function f(a,) end", "rule.lua:1: <name> eller '...' väntades vid ')'"},
    {"for i = 1, 2, 0 do end", "rule.lua:1: steget i 'for' är noll"},
    {"local function f() return f() + 1 end; return f()", "rule.lua:1: stacken räckte inte (en rekursion utan slut?)"},
    {"return {} | 1", "rule.lua:1: försök till en bitoperation på en tabell"},
    {"return ('x'):rep(1e100)", "rule.lua:1: fel argument nr 1 till 'rep' (talet är inget heltal)"},
    {"return ('x'):rep('y')", "rule.lua:1: fel argument nr 1 till 'rep' (tal väntades, fick text)"},
    {"local x = a.b:c", "rule.lua:1: funktionsargument väntades vid <eof>"},
    {"local t = setmetatable({}, {__index = function(t, k) return t[k .. 'x'] end}); return t.x",
     "rule.lua:1: stacken räckte inte (en rekursion utan slut?)"},
    {"local x <const> = 1; x = 2", "rule.lua:1: försök att ändra konstanten 'x'"},
    /* syntax errors, at load */
    {"local a = {1,, 2}", "rule.lua:1: oväntad symbol vid ','"},
    {"if x then", "rule.lua:1: 'end' väntades vid <eof>"},
    {"function f()\n  return 1\n", "rule.lua:3: 'end' väntades (för att avsluta 'function' på rad 1) vid <eof>"},
    {"local s = 'abc", "rule.lua:1: en text utan avslutande citattecken vid <eof>"},
    {"local s = [[abc", "rule.lua:1: en lång text utan slut (från rad 1) vid <eof>"},
    {"--[[ abc", "rule.lua:1: en lång kommentar utan slut (från rad 1) vid <eof>"},
    {"local s = 'a\\q'", "rule.lua:1: en ogiltig escape-sekvens vid ''a\\q'"},
    {"local t = {}; t.x.y.z = 1", "rule.lua:1: försök att indexera nil (fältet 'x')"},
    {"local x = 1; x = -{}", "rule.lua:1: försök att räkna med en tabell"},
    {"return ('x'):rep(1, 2, 3, {})", ""},
    {"return f(", "rule.lua:1: oväntad symbol vid <eof>"},
    {"x = ", "rule.lua:1: oväntad symbol vid <eof>"},
    {"local n = 3x", "rule.lua:1: ett felskrivet tal vid '3x'"},
    {"local a b", "rule.lua:1: syntaxfel vid <eof>"},
    {"local a = 1 b", "rule.lua:1: syntaxfel vid <eof>"},
    {"break", "rule.lua:1: break utanför en slinga på rad 1"},
};

static void every_case_in_swedish(void **state)
{
    (void)state;
    int wrong = 0;   /* every case said before the test fails */
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char en[1024], sv[1024];
        int at_load;
        lua_says(cases[i].code, en, sizeof en, &at_load);
        const char *got = styr_lua_words(en, 0, at_load, sv, sizeof sv);
        if (strcmp(got, cases[i].sv) != 0) {
            print_error("code: %s\nLua:  %s\ngot:  %s\nwant: %s\n", cases[i].code, en, got, cases[i].sv);
            wrong++;
        }
        /* English: what Lua said, untouched */
        if (en[0] && styr_lua_words(en, 1, at_load, sv, sizeof sv) != en && !strstr(en, "<\\")) {
            print_error("code: %s\nEnglish changed: %s\n", cases[i].code, en);
            wrong++;
        }
    }
    assert_int_equal(wrong, 0);
}

/* The position "file:line: " is found past other colons: a file name that
 * ends in ':', a line number with a 9; and a colon that no digits follow is
 * no position. */
static void the_position_prefix(void **state)
{
    (void)state;
    char sv[256];
    assert_string_equal(styr_lua_words("x::3: attempt to index a nil value", 0, 0, sv, sizeof sv),
                        "x::3: försök att indexera nil");
    assert_string_equal(styr_lua_words("rule.lua:19: attempt to index a nil value", 0, 0, sv, sizeof sv),
                        "rule.lua:19: försök att indexera nil");
    assert_string_equal(styr_lua_words("rule.lua:9: attempt to index a nil value", 0, 0, sv, sizeof sv),
                        "rule.lua:9: försök att indexera nil");
    const char *own = "a:: attempt to index a nil value";   /* no line number: not Lua's */
    assert_ptr_equal(styr_lua_words(own, 0, 0, sv, sizeof sv), own);
}

/* "%%" in a template is one percent sign in the output. */
static void percent_sign(void **state)
{
    (void)state;
    char sv[128];
    assert_string_equal(styr_lua_words("attempt to perform 'n%0'", 0, 0, sv, sizeof sv), "rest vid division med noll ('n%0')");
}

static void english_is_untouched(void **state)
{
    (void)state;
    char sv[256];
    const char *msg = "attempt to index a nil value (field 'owner')";
    assert_ptr_equal(styr_lua_words(msg, 1, 0, sv, sizeof sv), msg);
    assert_ptr_equal(styr_lua_words(msg, 1, 1, sv, sizeof sv), msg);
}

/* A rule's own error("...") text is its author's, in whatever language,
 * even when it reads like the parser's English (the parser's templates
 * apply only at load). */
static void a_rules_own_text_is_kept(void **state)
{
    (void)state;
    char sv[256];
    const char *own[] = {"Insatsen saknar ägare", "rule.lua:4: kaboom", "", "attempt to index", "bad argument",
                         "rule.lua:x: attempt to index a nil value", "Owner expected near the title",
                         "number expected near line 3", "Owner expected (to close the plan at line 4) near the end",
                         "rule.lua:4: syntax error near the owner", "value expected"};
    for (size_t i = 0; i < sizeof own / sizeof *own; i++)
        assert_ptr_equal(styr_lua_words(own[i], 0, 0, sv, sizeof sv), own[i]);
    assert_null(styr_lua_words(NULL, 0, 0, sv, sizeof sv));
    /* the same words from the parser, at load, are its */
    assert_string_equal(styr_lua_words("rule.lua:3: 'end' expected near <eof>", 0, 1, sv, sizeof sv),
                        "rule.lua:3: 'end' väntades vid <eof>");
}

/* The Swedish is cut to the buffer at a character's edge, never inside
 * one (a cut "ö" would make the report's text not UTF-8); a zero-size
 * buffer leaves the message as it is. */
static void cut_to_the_buffer(void **state)
{
    (void)state;
    char sv[12];
    memset(sv, 'X', sizeof sv);
    const char *got = styr_lua_words("attempt to index a nil value (field 'owner')", 0, 0, sv, sizeof sv);
    assert_ptr_equal(got, sv);
    assert_string_equal(sv, "försök at");   /* 11 bytes and the NUL ("ö" is two) */
    for (size_t cap = 1; cap < 40; cap++) {   /* every cut of "försök att ... fältet" is whole characters */
        char b[40];
        styr_lua_words("attempt to index a nil value (field 'ö')", 0, 0, b, cap);
        size_t bad = 0;
        assert_true(strlen(b) < cap);
        for (const unsigned char *p = (const unsigned char *)b; *p; p++)
            if (*p >= 0xc0 && (p[1] & 0xc0) != 0x80)
                bad++;
        assert_int_equal(bad, 0);
    }
    /* a piece put whole (the position) is cut, not dropped: "rule." of
     * "rule.lua:1: " in 6 bytes */
    assert_string_equal(styr_lua_words("rule.lua:1: attempt to index a nil value", 0, 0, sv, 6), "rule.");
    /* the tokens Lua expected are copied a character at a time: a cut
     * never leaves the first byte of an "ö" alone */
    for (size_t cap = 1; cap < 40; cap++) {
        char b[40];
        styr_lua_words("rule.lua:2: 'ööö' expected near 'x'", 0, 1, b, cap);
        assert_true(strlen(b) < cap);
        for (const unsigned char *p = (const unsigned char *)b; *p; p++)
            if (*p >= 0xc0 && (p[1] & 0xc0) != 0x80)
                fail_msg("cap %zu: '%s' ends inside a character", cap, b);
    }
    char sv17[17];   /* the buffer's true size: the cap passed may never exceed it */
    assert_string_equal(styr_lua_words("rule.lua:2: 'ööö' expected near 'x'", 0, 1, sv17, sizeof sv17),
                        "rule.lua:2: 'ö");
    const char *msg = "unexpected symbol near ','";
    assert_ptr_equal(styr_lua_words(msg, 0, 1, sv, 0), msg);
}

/* A long message is a rule's own (Lua's are short): left as it is. A
 * message built to make the slots try every split is stopped at the
 * matcher's bound of work (20000 bytes compared), whatever it holds. */
static void the_work_is_bounded(void **state)
{
    (void)state;
    static char msg[4096], sv[2048];
    size_t n = 0;
    while (n + 21 < sizeof msg - 1) {
        memcpy(msg + n, " expected (to close ", 20);
        n += 20;
    }
    msg[n] = '\0';
    assert_ptr_equal(styr_lua_words(msg, 0, 1, sv, sizeof sv), msg);   /* over 1024 bytes */
    assert_int_equal(styr_lua_words_work(), 0);
    /* the attack's message: "bad argument #", then " to '" and "' (" many times */
    n = 0;
    n += (size_t)snprintf(msg + n, sizeof msg - n, "bad argument #");
    while (n < 500)
        n += (size_t)snprintf(msg + n, sizeof msg - n, " to '");
    while (n < 1020)
        n += (size_t)snprintf(msg + n, sizeof msg - n, "' (");
    assert_true(strlen(msg) <= 1024);
    assert_ptr_equal(styr_lua_words(msg, 0, 1, sv, sizeof sv), msg);
    assert_true(styr_lua_words_work() > 0);
    assert_true(styr_lua_words_work() <= 20000);
    /* the same shape that does match at the end still comes back whole or
     * not at all, within the bound */
    msg[n] = '\0';
    snprintf(msg + n, sizeof msg - n, "x)");
    const char *got = styr_lua_words(msg, 0, 1, sv, sizeof sv);
    assert_true(got == msg || strncmp(got, "fel argument nr ", 16) == 0);
    assert_true(styr_lua_words_work() <= 20000);
    /* an ordinary message costs little */
    styr_lua_words("attempt to index a nil value (field 'owner')", 0, 0, sv, sizeof sv);
    assert_true(styr_lua_words_work() < 2000);
}

/* Lua names are ASCII: "local ägare" gets a hint, in either language. */
static void a_swedish_letter_in_a_name(void **state)
{
    (void)state;
    char en[256], sv[512];
    int at_load;
    lua_says("local ägare = 1", en, sizeof en, &at_load);
    assert_true(at_load);
    assert_string_equal(styr_lua_words(en, 0, 1, sv, sizeof sv),
                        "rule.lua:1: <name> väntades vid '<\\195>' (Lua-namn får bara innehålla a–z, A–Z, 0–9 och _: "
                        "skriv agare, inte ägare)");
    assert_string_equal(styr_lua_words(en, 1, 1, sv, sizeof sv),
                        "rule.lua:1: <name> expected near '<\\195>' (Lua names hold only a-z, A-Z, 0-9 and _: write "
                        "agare, not ägare)");
    /* at run time the same text is a rule's own */
    assert_ptr_equal(styr_lua_words(en, 1, 0, sv, sizeof sv), en);
}

/* A control character in the source is shown the same way ('<\1>') but is
 * no letter: no hint, and the search goes on past it to a letter later. */
static void a_control_character_is_no_letter(void **state)
{
    (void)state;
    char en[256], sv[512];
    int at_load;
    lua_says("local x = \1", en, sizeof en, &at_load);
    assert_true(at_load);
    assert_string_equal(en, "rule.lua:1: unexpected symbol near '<\\1>'");
    assert_string_equal(styr_lua_words(en, 0, 1, sv, sizeof sv), "rule.lua:1: oväntad symbol vid '<\\1>'");
    assert_ptr_equal(styr_lua_words(en, 1, 1, sv, sizeof sv), en);
    const char *two = "rule.lua:1: unexpected symbol near '<\\1>' '<\\195>'";
    assert_string_equal(styr_lua_words(two, 1, 1, sv, sizeof sv),
                        "rule.lua:1: unexpected symbol near '<\\1>' '<\\195>' (Lua names hold only a-z, A-Z, 0-9 "
                        "and _: write agare, not ägare)");
    /* the last byte value (255) is a byte of a non-ASCII name; 256 is none */
    const char *ff = "rule.lua:1: unexpected symbol near '<\\255>'";
    assert_string_equal(styr_lua_words(ff, 1, 1, sv, sizeof sv),
                        "rule.lua:1: unexpected symbol near '<\\255>' (Lua names hold only a-z, A-Z, 0-9 "
                        "and _: write agare, not ägare)");
    const char *big = "rule.lua:1: unexpected symbol near '<\\256>'";
    assert_ptr_equal(styr_lua_words(big, 1, 1, sv, sizeof sv), big);
}

/* Only "file:line: " is a position: a rule's own text (error(msg, 0)) with
 * a colon and digits but no ": " after them is kept whole, not read as a
 * position and a Lua message after it. */
static void a_colon_without_a_line_is_no_position(void **state)
{
    (void)state;
    char sv[512];
    const char *own = "budget:1, attempt to divide by zero";
    assert_ptr_equal(styr_lua_words(own, 0, 0, sv, sizeof sv), own);
    assert_string_equal(styr_lua_words("rule.lua:7: attempt to divide by zero", 0, 0, sv, sizeof sv),
                        "rule.lua:7: division med noll");
}

/* Boundaries of the translation: a line number with a 0 is a position; a
 * message of exactly 1024 bytes is still Lua's; a type named by several
 * words with "or" inside is one name; a cut translation is a prefix of the
 * whole one (nothing put after the cut); '<\128>' is the first byte of a
 * non-ASCII name. */
static void the_edges(void **state)
{
    (void)state;
    static char sv[2048], msg[1100], want[2048];
    assert_string_equal(styr_lua_words("rule.lua:10: attempt to index a nil value", 0, 0, sv, sizeof sv),
                        "rule.lua:10: försök att indexera nil");
    /* 1024 bytes: "attempt to index a nil value (field '" + name + "')" */
    size_t head = strlen("attempt to index a nil value (field '"), name = 1024 - head - 2;
    memcpy(msg, "attempt to index a nil value (field '", head);
    memset(msg + head, 'n', name);
    memcpy(msg + head + name, "')", 3);
    assert_int_equal(strlen(msg), 1024);
    snprintf(want, sizeof want, "försök att indexera nil (fältet '%.*s')", (int)name, msg + head);
    assert_string_equal(styr_lua_words(msg, 0, 0, sv, sizeof sv), want);
    assert_string_equal(styr_lua_words("bad argument #1 to 'each' (map or list of the plan expected, got nil)", 0, 0,
                                       sv, sizeof sv),
                        "fel argument nr 1 till 'each' (mappning eller lista i planen väntades, fick nil)");
    const char *full = "rule.lua:1: försök att indexera nil (fältet 'ö')";
    for (size_t cap = 1; cap <= strlen(full) + 1; cap++) {
        char b[80];
        styr_lua_words("rule.lua:1: attempt to index a nil value (field 'ö')", 0, 0, b, cap);
        if (strncmp(b, full, strlen(b)) != 0 || strlen(b) + 2 < cap - 1)
            fail_msg("cap %zu: '%s' is not the start of '%s'", cap, b, full);
    }
    const char *b128 = "rule.lua:1: unexpected symbol near '<\\128>'";
    assert_string_equal(styr_lua_words(b128, 1, 1, sv, sizeof sv),
                        "rule.lua:1: unexpected symbol near '<\\128>' (Lua names hold only a-z, A-Z, 0-9 "
                        "and _: write agare, not ägare)");
}

static void type_names(void **state)
{
    (void)state;
    assert_string_equal(styr_lua_type_sv("table"), "en tabell");
    assert_string_equal(styr_lua_type_sv("nil"), "nil");
    assert_string_equal(styr_lua_type_sv("map or list of the plan"), "en mappning eller lista i planen");
    assert_string_equal(styr_lua_type_sv("something new"), "something new");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_edges),
        cmocka_unit_test(every_case_in_swedish),    cmocka_unit_test(percent_sign),
        cmocka_unit_test(the_position_prefix),
        cmocka_unit_test(english_is_untouched),     cmocka_unit_test(a_rules_own_text_is_kept),
        cmocka_unit_test(cut_to_the_buffer),        cmocka_unit_test(the_work_is_bounded),
        cmocka_unit_test(a_swedish_letter_in_a_name), cmocka_unit_test(type_names),
        cmocka_unit_test(a_control_character_is_no_letter), cmocka_unit_test(a_colon_without_a_line_is_no_position),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
