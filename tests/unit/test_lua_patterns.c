/* test_lua_patterns.c - the counted pattern functions (engine/lua/lua_patterns.c)
 * against Lua 5.4's own string library, the oracle: find, match, gmatch and
 * gsub give the same results and the same errors over a grid of subjects,
 * patterns, start positions and replacements; and the work they do inside
 * one call is counted (a quadratic pattern reaches a step limit, counted in
 * steps, not in time). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>
#include <lauxlib.h>
#include <lualib.h>

#include "lua_patterns.h"

static uint64_t spent, spend_limit;

static void count_steps(lua_State *L, uint64_t steps)
{
    spent += steps;
    if (spend_limit && spent > spend_limit)
        luaL_error(L, "step limit");
}

static const styr_luapat_hooks hooks = {count_steps};

/* A plain state whose global `B` holds the counted functions. */
static lua_State *new_state(void)
{
    lua_State *L = luaL_newstate();
    luaL_openlibs(L);
    lua_newtable(L);
    styr_luapat_register(L, -1, &hooks);
    lua_setglobal(L, "B");
    return L;
}

static void run(lua_State *L, const char *code)
{
    if (luaL_dostring(L, code) != LUA_OK)
        fail_msg("%s", lua_tostring(L, -1));
}

/* Every pair of subject and pattern, with start positions and replacements:
 * the results (or error messages) of string.X and B.X must be equal. */
static const char grid[] =
    "local S = {'', 'a', 'aaa', 'hello world', '(foo(bar))baz', 'key = value; k2=v2', 'x\\0y\\0z',\n"
    "  '  trim  ', '2024-01-31', '\\195\\165\\195\\164 \\195\\133', 'a.b.c', '%d%s', '[]^$', 'THE (quick) fox', 'abab',\n"
    "  'ba b_a'}\n"
    "local P = {'', 'a', 'a*', 'a-', 'a+', 'a?', '^a', 'a$', '^$', '$', '.', '%a+', '%d+', '%s*', '%w+',\n"
    "  '(%w+)=(%w+)', '()a()', '%b()', '%f[%w]%w+', '%f[%W]', '[^%s]+', '[a-c]+', '[%]]', '(a)%1', '((a)(b))',\n"
    "  '^(%s*)(.-)(%s*)$', '%.', 'x%zy', '[%a_][%w_]*', '%', '(', ')', '[a', '%b', '%bx', '%f', '%fx', '%1', '(()',\n"
    "  'a**', '$a', '^^', '%g+', '%p', '%u%l*', '%x+', '%c', '[^]]', '[]]', '[a-]', '[-a]', '.-b', '(.)(.)',\n"
    "  '(a)(b)(c)', '%0', 'b*', '(ab)*', '[%w%-]+', '\\0', 'y\\0z', '(%d+)-(%d+)-(%d+)', 'y\\0%a', 'x\\0.',\n"
    /* frontiers whose set ends in a plain character: the character before the
     * match is tested against the whole set, its last member too */
    "  '%f[ab]', '%f[ab]%a+', '%f[^b]', '%f[%s_]%w',\n"
    /* a set cut off right after its escape: missing ']', nothing read past the pattern */
    "  '[%', '[a%', '[^%',\n"
    /* a balance followed by more of the pattern; one closed by NUL, which a
     * Lua string holds after its end but the subject does not */
    "  '%b()%a+', '%b()b', 'b%b()', '%b(\\0',\n"
    /* an optional item that does not match, then more of the pattern */
    "  'a?b', 'x?a+', 'b?a?b', '%d?-'}\n"
    "local INITS = {false, 1, 2, 3, 0, -1, -3, 100, -100}\n"
    "local R = {'%0%0', '<%1>', '%%', '%2', 'x', '', '%9', '%x', {a = 'A', b = false, hello = 1},\n"
    "  function(c) return c and c:upper() end, function() return false end, function() return {} end, 7}\n"
    "local function pack(ok, ...) local t = table.pack(ok, ...) local o = {} for i = 1, t.n do o[i] = tostring(t[i]) end return t.n .. ':' .. table.concat(o, '|') end\n"
    "local function both(name, ...)\n"
    "  local a, b = pack(pcall(string[name], ...)), pack(pcall(B[name], ...))\n"
    "  if a ~= b then error(name .. ' differs: ' .. a .. ' vs ' .. b .. ' for ' .. table.concat({...}, ',', 1, 2)) end\n"
    "  checked = checked + 1\n"
    "end\n"
    "local function all(f, s, p, i) local out = {} local ok, it = pcall(f, s, p, i) if not ok then return 'E' .. it end\n"
    "  local ok2, e = pcall(function() for a, b, c in it do out[#out + 1] = tostring(a) .. ',' .. tostring(b) .. ',' .. tostring(c) if #out > 50 then break end end end)\n"
    "  return (ok2 and '' or 'E' .. e) .. table.concat(out, ';') end\n"
    "checked = 0\n"
    "for _, s in ipairs(S) do for _, p in ipairs(P) do\n"
    "  for _, i in ipairs(INITS) do\n"
    "    if i then both('find', s, p, i) both('match', s, p, i) both('find', s, p, i, true)\n"
    "      local a, b = all(string.gmatch, s, p, i), all(B.gmatch, s, p, i)\n"
    "      if a ~= b then error('gmatch differs: ' .. a .. ' vs ' .. b) end\n"
    "    else both('find', s, p) both('match', s, p) end\n"
    "  end\n"
    "  for _, r in ipairs(R) do both('gsub', s, p, r) both('gsub', s, p, r, 1) both('gsub', s, p, r, 0) end\n"
    "end end\n";

static void test_same_as_lua(void **state)
{
    (void)state;
    lua_State *L = new_state();
    spend_limit = 0;
    run(L, grid);
    lua_getglobal(L, "checked");
    /* 16 subjects x 74 patterns x (9 starts x 3 + 13 replacements x 3) */
    assert_true(lua_tointeger(L, -1) > 50000);
    lua_close(L);
}

/* The work is counted: a pattern with one repetition over a long text is
 * quadratic in Lua's matcher; here it reaches the step limit. */
/* The number of captures is limited as in Lua (32): 32 position captures
 * are found, a 33rd is "too many captures", the same error as string.find. */
static void test_capture_limit_as_lua(void **state)
{
    (void)state;
    lua_State *L = new_state();
    spend_limit = 0;
    run(L, "for k = 31, 34 do\n"
           "  local s, p = ('a'):rep(k), ('()a'):rep(k)\n"
           "  local a, b = table.pack(pcall(string.find, s, p)), table.pack(pcall(B.find, s, p))\n"
           "  assert(a.n == b.n, k)\n"
           "  for i = 1, a.n do assert(tostring(a[i]) == tostring(b[i]), k .. ': ' .. tostring(b[i])) end\n"
           "  assert(a[1] == (k <= 32), k)\n"
           "  if not b[1] then assert(tostring(b[2]):find('too many captures', 1, true), b[2]) end\n"
           "end");
    lua_close(L);
}

/* The matcher's depth limit is Lua's to the call: around it ('a?' nested k
 * deep), the same patterns match and the same ones are too complex. */
static void test_depth_limit_as_lua(void **state)
{
    (void)state;
    lua_State *L = new_state();
    spend_limit = 0;
    run(L, "local fits, too = 0, 0\n"
           "for k = 195, 205 do\n"
           "  local s, p = ('a'):rep(k), ('a?'):rep(k)\n"
           "  local a, b = table.pack(pcall(string.find, s, p)), table.pack(pcall(B.find, s, p))\n"
           "  assert(tostring(a[1]) == tostring(b[1]) and tostring(a[2]) == tostring(b[2]), k)\n"
           "  if a[1] then fits = fits + 1 else too = too + 1 end\n"
           "end\n"
           "assert(fits > 0 and too > 0)");
    lua_close(L);
}

static void test_quadratic_counted(void **state)
{
    (void)state;
    static const char *const attacks[] = {
        "return B.find(('a'):rep(100000), 'a*b')",
        "return B.find(('a'):rep(100000), 'a-b')",
        "return B.find(('('):rep(100000), '%b()')",
        "return B.match(('a'):rep(100000), '.-.-.-b')",
        "return B.gsub(('a'):rep(100000), 'a*b', 'x')",
        "for x in B.gmatch(('a'):rep(100000), 'a*b') do end",
        "return B.find(('a'):rep(100000), '[' .. ('%a'):rep(50000) .. ']b')",
        "return B.find(('a'):rep(100000), '(a*)%1b')",
        "return B.find(('a'):rep(100000), '(.-)%1%1b')",
        NULL};
    for (int i = 0; attacks[i]; i++) {
        lua_State *L = new_state();
        spent = 0;
        spend_limit = 50u * 1000 * 1000;
        int rc = luaL_dostring(L, attacks[i]);
        if (rc == LUA_OK)
            fail_msg("not stopped: %s (%llu steps)", attacks[i], (unsigned long long)spent);
        assert_non_null(strstr(lua_tostring(L, -1), "step limit"));
        lua_close(L);
    }
    spend_limit = 0;
}

/* A plain search costs its text (a step a byte for a long needle), not the
 * product of the lengths. */
static void test_plain_find_linear(void **state)
{
    (void)state;
    lua_State *L = new_state();
    spent = 0;
    spend_limit = 0;
    run(L, "local t = ('a'):rep(1 << 20) local n = ('a'):rep(1 << 19) .. 'b' assert(B.find(t, n, 1, true) == nil)");
    assert_true(spent == (1u << 20) + (1u << 19) + 1);
    lua_close(L);
}

/* Hooks without a spend function count nothing (lua_patterns.h): the
 * functions work as string's own and never call the missing function. */
static void test_no_spend_hook(void **state)
{
    (void)state;
    static const styr_luapat_hooks none = {NULL};
    lua_State *L = luaL_newstate();
    luaL_openlibs(L);
    lua_newtable(L);
    styr_luapat_register(L, -1, &none);
    lua_setglobal(L, "B");
    run(L, "assert(B.find('hello world', 'o w') == 5)\n"
           "assert(select(2, B.gsub(string.rep('ab', 100), 'a', 'x')) == 100)\n"
           "assert(B.match('2024-01-31', '(%d+)-') == '2024')\n"
           /* a %b that does not balance ends the match: nothing after it is tried */
           "assert(B.find('(a', '%b()b') == nil and B.find('x(a)b', '%b()b') == 2)");
    lua_close(L);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_same_as_lua),
        cmocka_unit_test(test_depth_limit_as_lua),
        cmocka_unit_test(test_capture_limit_as_lua),
        cmocka_unit_test(test_no_spend_hook),
        cmocka_unit_test(test_quadratic_counted),
        cmocka_unit_test(test_plain_find_linear),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
