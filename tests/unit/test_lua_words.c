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
 * error at run time); "" if it runs. */
static const char *lua_says(const char *code, char *buf, size_t cap)
{
    lua_State *L = luaL_newstate();
    luaL_openlibs(L);
    buf[0] = '\0';
    if (luaL_loadbufferx(L, code, strlen(code), "=rule.lua", "t") != LUA_OK || lua_pcall(L, 0, 0, 0) != LUA_OK)
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
    {"for i = 1, 'x' do end", "rule.lua:1: gränsen i 'for' ska vara ett tal, men är text"},
    {"for i = {}, 2 do end", "rule.lua:1: startvärdet i 'for' ska vara ett tal, men är tabell"},
    {"for i = 1, 2, true do end", "rule.lua:1: steget i 'for' ska vara ett tal, men är sanningsvärde"},
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
        lua_says(cases[i].code, en, sizeof en);
        const char *got = styr_lua_words(en, 0, sv, sizeof sv);
        if (strcmp(got, cases[i].sv) != 0) {
            print_error("code: %s\nLua:  %s\ngot:  %s\nwant: %s\n", cases[i].code, en, got, cases[i].sv);
            wrong++;
        }
    }
    assert_int_equal(wrong, 0);
}

/* "%%" in a template is one percent sign in the output. */
static void percent_sign(void **state)
{
    (void)state;
    char sv[128];
    assert_string_equal(styr_lua_words("attempt to perform 'n%0'", 0, sv, sizeof sv), "rest vid division med noll ('n%0')");
}

static void english_is_untouched(void **state)
{
    (void)state;
    char sv[256];
    const char *msg = "attempt to index a nil value (field 'owner')";
    assert_ptr_equal(styr_lua_words(msg, 1, sv, sizeof sv), msg);
}

/* A rule's own error("...") text is its author's, in whatever language. */
static void unknown_text_is_kept(void **state)
{
    (void)state;
    char sv[256];
    const char *own[] = {"Insatsen saknar ägare", "rule.lua:4: kaboom", "", "attempt to index", "bad argument",
                         "rule.lua:x: attempt to index a nil value"};
    for (size_t i = 0; i < sizeof own / sizeof *own; i++)
        assert_ptr_equal(styr_lua_words(own[i], 0, sv, sizeof sv), own[i]);
    assert_null(styr_lua_words(NULL, 0, sv, sizeof sv));
}

/* The Swedish is cut to the buffer, terminated; a zero-size buffer leaves
 * the message as it is. */
static void cut_to_the_buffer(void **state)
{
    (void)state;
    char sv[12];
    memset(sv, 'X', sizeof sv);
    const char *got = styr_lua_words("attempt to index a nil value (field 'owner')", 0, sv, sizeof sv);
    assert_ptr_equal(got, sv);
    assert_int_equal(strlen(sv), sizeof sv - 1);
    assert_memory_equal(sv, "försök at", 10);
    const char *msg = "unexpected symbol near ','";
    assert_ptr_equal(styr_lua_words(msg, 0, sv, 0), msg);
}

/* A long message is a rule's own (Lua's are short): left as it is, so the
 * matcher's search cannot be made to grow with what a rule raises. A message
 * built to make the slots backtrack, within the bound, still comes back. */
static void long_and_hostile_messages(void **state)
{
    (void)state;
    static char msg[4096], sv[2048];
    size_t n = 0;
    while (n + 21 < sizeof msg - 1) {
        memcpy(msg + n, " expected (to close ", 20);
        n += 20;
    }
    msg[n] = '\0';
    assert_ptr_equal(styr_lua_words(msg, 0, sv, sizeof sv), msg);   /* over 1024 bytes */
    msg[1000] = '\0';
    assert_ptr_equal(styr_lua_words(msg, 0, sv, sizeof sv), msg);   /* no template fits */
    char ok[1100];
    snprintf(ok, sizeof ok, "'%.*s' expected near '<eof>'", 900, msg);
    assert_ptr_equal(styr_lua_words(ok, 0, sv, sizeof sv), sv);
    assert_non_null(strstr(sv, "' väntades vid '<eof>'"));
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
        cmocka_unit_test(every_case_in_swedish), cmocka_unit_test(percent_sign),
        cmocka_unit_test(english_is_untouched),  cmocka_unit_test(unknown_text_is_kept),
        cmocka_unit_test(cut_to_the_buffer),     cmocka_unit_test(long_and_hostile_messages),
        cmocka_unit_test(type_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
