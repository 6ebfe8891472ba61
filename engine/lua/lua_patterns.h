/* lua_patterns.h - string.find, string.match, string.gmatch and string.gsub
 * with Lua 5.4's pattern semantics, re-implemented so that the work done
 * inside one of these C calls is counted.
 *
 * Lua's own matcher backtracks inside one C call, where the instruction hook
 * never fires: `("a"):rep(4e6):find("a*b")` or `%b()` over open brackets is
 * quadratic, a plain find of a long needle is a product of both lengths.
 * Here every step of the matcher (a position tried, a character tested, a
 * byte compared or copied) is counted, and every STYR_LUAPAT_REPORT steps the
 * count goes to the caller's `spend` function, which may raise a Lua error
 * (the sandbox charges it to the rule call's instruction budget and checks
 * its deadline). A plain find is glibc's memmem, linear in both lengths.
 * Results are those of Lua 5.4's string library, byte for byte
 * (tests/unit/test_lua_patterns.c compares them). */
#ifndef STYR_LUA_PATTERNS_H
#define STYR_LUA_PATTERNS_H

#include <stdint.h>

#include <lua.h>

#define STYR_LUAPAT_REPORT 4096

typedef struct styr_luapat_hooks {
    /* Called with the steps done since the last call; may raise an error.
     * NULL: nothing is counted. */
    void (*spend)(lua_State *L, uint64_t steps);
} styr_luapat_hooks;

/* Sets find, match, gmatch and gsub of the table at index t to the counted
 * versions. hooks must outlive the state. [-0, +0] */
void styr_luapat_register(lua_State *L, int t, const styr_luapat_hooks *hooks);

#endif
