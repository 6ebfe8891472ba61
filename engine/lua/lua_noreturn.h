/* lua_noreturn.h - tells the static analyser that Lua's error functions do
 * not return (they longjmp out of the C function), so it does not follow a
 * path past a raised error. Lua's headers do not say so; the compiler's own
 * code generation is unchanged. */
#ifndef STYR_LUA_NORETURN_H
#define STYR_LUA_NORETURN_H

#include <lauxlib.h>
#include <lua.h>

#ifdef __clang_analyzer__
__attribute__((noreturn)) LUA_API int lua_error(lua_State *L);
__attribute__((noreturn)) LUALIB_API int luaL_error(lua_State *L, const char *fmt, ...);
__attribute__((noreturn)) LUALIB_API int luaL_argerror(lua_State *L, int arg, const char *extramsg);
__attribute__((noreturn)) LUALIB_API int luaL_typeerror(lua_State *L, int arg, const char *tname);
#endif

#endif
