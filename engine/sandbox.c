/* sandbox.c - the Lua state rules run in: allocator cap, instruction budget,
 * per-file environments, blocked functions, and the protected call that
 * blames a rule's file and line. The only place that calls lua_pcall. */
#include "sandbox.h"

#include <lauxlib.h>
#include <lualib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The count hook runs every HOOK_STEP instructions while a budget lasts. */
#define HOOK_STEP 1000
/* Past the cap, growth is still granted up to this much, so that the hook -
 * which knows the rule's file and line - is the one to stop the rule; a
 * single request beyond it fails at once (a Lua memory error). */
#define CAP_HEADROOM (8u * 1024 * 1024)
/* What print() may write in one run, so a rule cannot flood the terminal. */
#define PRINT_BUDGET (1024u * 1024)
/* string.find/match/gmatch/gsub are refused when len^repetitions passes
 * this: Lua's matcher backtracks inside one C call, out of the hook's reach. */
#define PATTERN_WORK_LOG10 9.0

enum { ALIVE = 0, DYING_BUDGET, DYING_MEMORY };

struct styr_sandbox {
    lua_State *L;
    styr_limits lim;
    size_t used, peak, cap;
    int64_t budget;          /* instructions left in the current call */
    int dying;               /* why the current call is being stopped */
    int mem_exceeded;        /* the allocator refused a request */
    char kill_src[512];      /* where the budget/memory stop hit */
    int kill_line;
    size_t printed;          /* bytes print() wrote this run */
    int sys_oom;             /* realloc itself failed during the current call */
    const void *last_read;   /* the plan's value a rule read last (luadoc.c) */
};

static void remember_alloc_site(styr_sandbox *sb);

static void *sandbox_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    styr_sandbox *sb = ud;
    size_t old = ptr ? osize : 0;
    if (nsize == 0) {
        free(ptr);
        sb->used -= old;
        return NULL;
    }
    /* Only growth is capped: Lua assumes shrinking never fails. */
    if (nsize > old && sb->used - old + nsize > sb->cap) {
        sb->mem_exceeded = 1;
        if (sb->dying || sb->used - old + nsize > sb->cap + CAP_HEADROOM) {
            /* Refused: Lua raises a memory error that no hook or handler
             * sees, so note here which rule line asked. (Reading the call
             * stack allocates nothing.) */
            if (!sb->kill_src[0] && sb->L)
                remember_alloc_site(sb);
            return NULL;
        }
    }
    void *p = realloc(ptr, nsize);
    if (!p) {
        /* The machine (or a ulimit) said no before the cap did. */
        sb->sys_oom = 1;
        if (!sb->kill_src[0] && sb->L)
            remember_alloc_site(sb);
        return NULL;
    }
    sb->used = sb->used - old + nsize;
    if (sb->used > sb->peak)
        sb->peak = sb->used;
    return p;
}

styr_sandbox *styr_sandbox_of(lua_State *L)
{
    return *(styr_sandbox **)lua_getextraspace(L);
}

void styr_sandbox_note_read(lua_State *L, const void *node)
{
    styr_sandbox *sb = styr_sandbox_of(L);
    if (sb)
        sb->last_read = node;
}

const void *styr_sandbox_last_read(lua_State *L)
{
    styr_sandbox *sb = styr_sandbox_of(L);
    return sb ? sb->last_read : NULL;
}

static void remember_kill_site(styr_sandbox *sb, lua_State *L, lua_Debug *ar)
{
    if (sb->kill_src[0])
        return;
    if (lua_getinfo(L, "Sl", ar) && ar->currentline > 0) {
        snprintf(sb->kill_src, sizeof sb->kill_src, "%s", ar->source[0] == '@' ? ar->source + 1 : ar->short_src);
        sb->kill_line = ar->currentline;
    }
}

static void remember_alloc_site(styr_sandbox *sb)
{
    lua_Debug ar;
    for (int level = 0; lua_getstack(sb->L, level, &ar); level++)
        if (lua_getinfo(sb->L, "Sl", &ar) && ar.currentline > 0) {
            snprintf(sb->kill_src, sizeof sb->kill_src, "%s", ar.source[0] == '@' ? ar.source + 1 : ar.short_src);
            sb->kill_line = ar.currentline;
            return;
        }
}

/* Once a budget is spent the hook fires on every instruction, so a rule
 * that catches the error with pcall is stopped again at once. The allocator
 * then refuses all growth too: the error becomes a memory error, for which
 * Lua calls no message handler, so an xpcall handler that loops cannot hold
 * the stop up either. */
static void sandbox_hook(lua_State *L, lua_Debug *ar)
{
    styr_sandbox *sb = styr_sandbox_of(L);
    if (sb->dying == ALIVE) {
        if (sb->mem_exceeded) {
            sb->dying = DYING_MEMORY;
        } else {
            sb->budget -= HOOK_STEP;
            if (sb->budget > 0)
                return;
            sb->dying = DYING_BUDGET;
        }
        remember_kill_site(sb, L, ar);
        sb->cap = 0;
        lua_sethook(L, sandbox_hook, LUA_MASKCOUNT, 1);
    }
    luaL_error(L, "stopped");
}

static int blocked_call(lua_State *L)
{
    return luaL_error(L, "'%s' is not allowed in rules: %s", lua_tostring(L, lua_upvalueindex(1)),
                      lua_tostring(L, lua_upvalueindex(2)));
}

/* Pushes a function that raises an error naming `name`. [-0, +1] */
static void push_blocked(lua_State *L, const char *name, const char *why)
{
    lua_pushstring(L, name);
    lua_pushstring(L, why);
    lua_pushcclosure(L, blocked_call, 2);
}

static int blocked_lib_index(lua_State *L)
{
    const char *lib = lua_tostring(L, lua_upvalueindex(1));
    const char *key = lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : "?";
    return luaL_error(L, "'%s.%s' is not allowed in rules: %s", lib, key, lua_tostring(L, lua_upvalueindex(2)));
}

/* Pushes a stand-in library table whose every field raises. [-0, +1] */
static void push_blocked_lib(lua_State *L, const char *name, const char *why)
{
    lua_newtable(L);                 /* lib */
    lua_newtable(L);                 /* lib mt */
    lua_pushstring(L, name);
    lua_pushstring(L, why);
    lua_pushcclosure(L, blocked_lib_index, 2);
    lua_setfield(L, -2, "__index");
    lua_pushstring(L, name);
    lua_pushstring(L, why);
    lua_pushcclosure(L, blocked_call, 2);
    lua_setfield(L, -2, "__call");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
}

static int undefined_global(lua_State *L)
{
    const char *key = lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : luaL_typename(L, 2);
    return luaL_error(L, "undefined name '%s' (misspelled? each rule file has its own globals)", key);
}

/* print() writes to standard error, prefixed with the rule file, so that a
 * rule author can trace a rule without touching the report. */
static int sandbox_print(lua_State *L)
{
    if (styr_sandbox_of(L)->printed >= PRINT_BUDGET)
        return 0;   /* the budget is spent: do not even build the text */
    int n = lua_gettop(L);
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    luaL_addstring(&b, lua_tostring(L, lua_upvalueindex(1)));
    luaL_addstring(&b, ": ");
    for (int i = 1; i <= n; i++) {
        size_t len;
        const char *v = luaL_tolstring(L, i, &len);
        if (len > 4096) {   /* a line is for reading */
            lua_pushlstring(L, v, 4096);
            lua_remove(L, -2);
        }
        luaL_addvalue(&b);
        if (i < n)
            luaL_addchar(&b, '\t');
    }
    luaL_pushresult(&b);
    styr_sandbox *sb = styr_sandbox_of(L);
    size_t len;
    const char *text = lua_tolstring(L, -1, &len);
    if (sb->printed < PRINT_BUDGET) {
        sb->printed += len + 1;
        if (sb->printed >= PRINT_BUDGET)
            fprintf(stderr, "%.*s\n(print: more than %u bytes; the rest of the rules' print output is left out)\n",
                    (int)(len > 4096 ? 4096 : len), text, PRINT_BUDGET);
        else
            fprintf(stderr, "%s\n", text);
    }
    return 0;
}

/* setmetatable() without finalizers: a __gc would run outside any rule
 * call (even while the state closes), where no budget applies. */
static int safe_setmetatable(lua_State *L)
{
    if (lua_type(L, 2) == LUA_TTABLE) {
        lua_getfield(L, 2, "__gc");
        if (!lua_isnil(L, -1))
            return luaL_error(L, "'__gc' is not allowed in rules: finalizers run outside the rule's limits");
        lua_pop(L, 1);
    }
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
    return lua_gettop(L);
}

/* string.rep() that refuses a result larger than the rules' memory, with
 * the rule's line in the error, before asking for the memory. */
static int safe_rep(lua_State *L)
{
    size_t len, slen = 0;
    luaL_checklstring(L, 1, &len);
    lua_Integer n = luaL_checkinteger(L, 2);
    if (!lua_isnoneornil(L, 3))
        luaL_checklstring(L, 3, &slen);
    styr_sandbox *sb = styr_sandbox_of(L);
    if (n > 0 && (double)(len + slen) * (double)n > (double)sb->lim.lua_max_bytes)
        return luaL_error(L, "string.rep would make %f MiB, more than the %d MiB rules may use",
                          (double)(len + slen) * (double)n / (1024.0 * 1024.0),
                          (int)(sb->lim.lua_max_bytes / (1024 * 1024)));
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    return 1;
}

/* Number of repetition items (x*, x+, x-, x?) in a Lua pattern. */
static int pattern_repetitions(const char *p, size_t len)
{
    int k = 0;
    for (size_t i = 0; i < len; i++) {
        if (p[i] == '%' && i + 1 < len) {
            i++;
            if (p[i] == 'b' || p[i] == 'f')
                i += 2;   /* %bxy, %f[set] take operands */
        } else if (p[i] == '[') {
            for (i++; i < len && p[i] != ']'; i++)
                if (p[i] == '%')
                    i++;
        } else if (p[i] == '*' || p[i] == '+' || p[i] == '-' || p[i] == '?') {
            k++;
        }
    }
    return k;
}

/* string.find/match/gmatch/gsub, refused when the pattern could backtrack
 * for longer than a rule may run: len^k steps for k repetition items. */
static int safe_pattern_call(lua_State *L)
{
    size_t slen, plen;
    luaL_checklstring(L, 1, &slen);
    const char *p = luaL_checklstring(L, 2, &plen);
    int k = pattern_repetitions(p, plen);
    if (k >= 2 && k * log10((double)slen + 1) > PATTERN_WORK_LOG10)
        return luaL_error(L, "%s: a pattern with %d repetitions over %I characters could run for a very long "
                             "time; simplify the pattern, or use pattern.find_all with a pattern of ruleset.yaml",
                          lua_tostring(L, lua_upvalueindex(2)), k, (lua_Integer)slen);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
    return lua_gettop(L);
}

/* Replaces t[name] (t at index t) with a closure of fn over the original. */
static void wrap_field(lua_State *L, int t, const char *name, const char *full, lua_CFunction fn)
{
    lua_getfield(L, t, name);
    lua_pushstring(L, full);
    lua_pushcclosure(L, fn, 2);
    lua_setfield(L, t, name);
}

static const char *const allowed_base[] = {
    "assert", "error", "ipairs", "next", "pairs", "pcall", "select", "tonumber",
    "tostring", "type", "xpcall", "getmetatable", "setmetatable", "rawequal",
    "rawget", "rawlen", "rawset", "_VERSION", NULL};

static const char *const copied_libs[] = {"string", "table", "math", "utf8", NULL};

static const struct { const char *name, *why; } blocked_globals[] = {
    {"require", "rules cannot load modules"},
    {"load", "rules cannot compile code at run time"},
    {"loadstring", "rules cannot compile code at run time"},
    {"loadfile", "rules cannot read files"},
    {"dofile", "rules cannot read files"},
    {"collectgarbage", "the engine manages memory"},
    {"module", "rules cannot load modules"},
    {"setfenv", "rules cannot change environments"},
    {"getfenv", "rules cannot change environments"},
    {NULL, NULL}};

static const struct { const char *name, *why; } blocked_libs[] = {
    {"io", "rules have no file access"},
    {"os", "rules have no process, clock or environment access"},
    {"debug", "the debug library is not available to rules"},
    {"package", "rules cannot load modules"},
    {"coroutine", "coroutines are not available to rules"},
    {NULL, NULL}};

/* Library functions left out of the copies a rule sees. */
static const struct { const char *lib, *name, *why; } blocked_members[] = {
    {"string", "dump", "rules cannot produce bytecode"},
    {"math", "random", "rules must give the same result on every run"},
    {"math", "randomseed", "rules must give the same result on every run"},
    {NULL, NULL, NULL}};

void styr_sandbox_new_env(styr_sandbox *sb, const char *file)
{
    lua_State *L = sb->L;
    lua_newtable(L);                                   /* env */
    int env = lua_gettop(L);
    lua_pushglobaltable(L);                            /* env G */
    for (int i = 0; allowed_base[i]; i++) {
        lua_getfield(L, -1, allowed_base[i]);
        lua_setfield(L, env, allowed_base[i]);
    }
    for (int i = 0; copied_libs[i]; i++) {
        lua_getfield(L, -1, copied_libs[i]);           /* env G lib */
        lua_newtable(L);                               /* env G lib copy */
        lua_pushnil(L);
        while (lua_next(L, -3)) {
            lua_pushvalue(L, -2);
            lua_insert(L, -2);
            lua_rawset(L, -4);
        }
        for (int j = 0; blocked_members[j].lib; j++) {
            if (strcmp(blocked_members[j].lib, copied_libs[i]) != 0)
                continue;
            char full[64];
            snprintf(full, sizeof full, "%s.%s", blocked_members[j].lib, blocked_members[j].name);
            push_blocked(L, full, blocked_members[j].why);
            lua_setfield(L, -2, blocked_members[j].name);
        }
        lua_setfield(L, env, copied_libs[i]);
        lua_pop(L, 1);                                 /* env G */
    }
    lua_pop(L, 1);                                     /* env */
    for (int i = 0; blocked_globals[i].name; i++) {
        push_blocked(L, blocked_globals[i].name, blocked_globals[i].why);
        lua_setfield(L, env, blocked_globals[i].name);
    }
    for (int i = 0; blocked_libs[i].name; i++) {
        push_blocked_lib(L, blocked_libs[i].name, blocked_libs[i].why);
        lua_setfield(L, env, blocked_libs[i].name);
    }
    lua_pushstring(L, file);
    lua_pushcclosure(L, sandbox_print, 1);
    lua_setfield(L, env, "print");

    lua_pushvalue(L, env);
    lua_setfield(L, env, "_G");

    lua_newtable(L);                                   /* env mt */
    lua_pushcfunction(L, undefined_global);
    lua_setfield(L, -2, "__index");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, env);
}

styr_sandbox *styr_sandbox_new(const styr_limits *lim, styr_error *err)
{
    styr_sandbox *sb = calloc(1, sizeof *sb);
    if (!sb) {
        styr_error_set(err, STYR_E_NOMEM, NULL, 0, 0, "out of memory");
        return NULL;
    }
    sb->lim = *lim;
    sb->cap = lim->lua_max_bytes;
    sb->L = lua_newstate(sandbox_alloc, sb);
    if (!sb->L) {
        free(sb);
        styr_error_set(err, STYR_E_NOMEM, NULL, 0, 0, "out of memory");
        return NULL;
    }
    lua_State *L = sb->L;
    *(styr_sandbox **)lua_getextraspace(L) = sb;
    luaL_requiref(L, LUA_GNAME, luaopen_base, 1);
    luaL_requiref(L, LUA_STRLIBNAME, luaopen_string, 1);
    luaL_requiref(L, LUA_TABLIBNAME, luaopen_table, 1);
    luaL_requiref(L, LUA_MATHLIBNAME, luaopen_math, 1);
    luaL_requiref(L, LUA_UTF8LIBNAME, luaopen_utf8, 1);
    lua_pop(L, 5);
    /* Lock the string metatable: a rule must not redirect ("x"):method for
     * others. Methods reached through it, ("x"):rep(...), come from this
     * original string table, so it gets the same guards as the copies. */
    lua_pushliteral(L, "");
    lua_getmetatable(L, -1);
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 2);
    lua_getglobal(L, "string");
    int str = lua_gettop(L);
    lua_pushnil(L);
    lua_setfield(L, str, "dump");                      /* ("").dump(f) would make bytecode */
    wrap_field(L, str, "rep", "string.rep", safe_rep);
    wrap_field(L, str, "find", "string.find", safe_pattern_call);
    wrap_field(L, str, "match", "string.match", safe_pattern_call);
    wrap_field(L, str, "gmatch", "string.gmatch", safe_pattern_call);
    wrap_field(L, str, "gsub", "string.gsub", safe_pattern_call);
    lua_pop(L, 1);
    /* The guarded functions are what every rule file's copies start from. */
    lua_pushglobaltable(L);
    wrap_field(L, lua_gettop(L), "setmetatable", "setmetatable", safe_setmetatable);
    lua_pop(L, 1);
    return sb;
}

void styr_sandbox_free(styr_sandbox *sb)
{
    if (!sb)
        return;
    if (sb->L)
        lua_close(sb->L);
    free(sb);
}

lua_State *styr_sandbox_lua(styr_sandbox *sb) { return sb->L; }
size_t styr_sandbox_memory(const styr_sandbox *sb) { return sb->used; }
size_t styr_sandbox_peak_memory(const styr_sandbox *sb) { return sb->peak; }

styr_status styr_sandbox_load(styr_sandbox *sb, const char *path, int env_index,
                              styr_error *err)
{
    lua_State *L = sb->L;
    env_index = lua_absindex(L, env_index);
    FILE *f = fopen(path, "rb");
    if (!f)
        return styr_error_set(err, STYR_E_RULESET, path, 0, 0, "cannot read rule file");
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    char chunk[8192];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        luaL_addlstring(&b, chunk, n);
    int rd_err = ferror(f);
    fclose(f);
    luaL_pushresult(&b);                               /* src */
    if (rd_err) {
        lua_pop(L, 1);
        return styr_error_set(err, STYR_E_RULESET, path, 0, 0, "cannot read rule file");
    }
    size_t len;
    const char *src = lua_tolstring(L, -1, &len);
    char chunkname[1100];
    snprintf(chunkname, sizeof chunkname, "@%s", path);
    /* "t": text only, so precompiled (binary) chunks are refused. */
    int rc = luaL_loadbufferx(L, src, len, chunkname, "t");
    lua_remove(L, -2);                                 /* chunk|msg */
    if (rc != LUA_OK) {
        const char *msg = lua_tostring(L, -1);
        unsigned line = 0;
        const char *rest = msg ? msg : "cannot load";
        size_t plen = strlen(path);
        /* Lua prefixes "path:line: "; split it into the position. */
        if (msg && strncmp(msg, path, plen) == 0 && msg[plen] == ':') {
            char *end;
            line = (unsigned)strtoul(msg + plen + 1, &end, 10);
            if (*end == ':')
                rest = end + 1 + (end[1] == ' ');
        }
        if (strstr(rest, "attempt to load a binary chunk"))
            rest = "precompiled (binary) Lua chunks are not accepted; give the rule as source text";
        styr_error_set(err, STYR_E_RULESET, path, line, 0, "%s", rest);
        lua_pop(L, 1);
        return STYR_E_RULESET;
    }
    lua_pushvalue(L, env_index);
    if (!lua_setupvalue(L, -2, 1))                     /* _ENV is upvalue 1 of a main chunk */
        lua_pop(L, 1);
    return STYR_OK;
}

/* Lua shortens chunk names longer than LUA_IDSIZE to "...tail"; messages
 * should name the whole file, so a shortened prefix is replaced. */
static int restore_full_source(lua_State *L)
{
    lua_Debug ar;
    for (int level = 0; lua_getstack(L, level, &ar); level++) {
        if (!lua_getinfo(L, "Sl", &ar) || ar.currentline <= 0)
            continue;
        size_t slen = strlen(ar.short_src);
        const char *msg = lua_tostring(L, 1);
        if (ar.source[0] == '@' && strncmp(ar.short_src, "...", 3) == 0 &&
            strncmp(msg, ar.short_src, slen) == 0) {
            lua_pushstring(L, ar.source + 1);
            lua_pushstring(L, msg + slen);
            lua_concat(L, 2);
            return 1;
        }
        return 0;
    }
    return 0;
}

/* Whether msg starts with "something:digits:", a position Lua put there. */
static int has_position(const char *msg)
{
    const char *c = strchr(msg, ':');
    if (!c || c == msg)
        return 0;
    const char *d = c + 1;
    while (*d >= '0' && *d <= '9')
        d++;
    return d > c + 1 && *d == ':';
}

/* Pushes "file:line: " of the innermost Lua frame, or nothing. Returns 1 if pushed. */
static int push_lua_position(lua_State *L)
{
    lua_Debug ar;
    for (int level = 0; lua_getstack(L, level, &ar); level++)
        if (lua_getinfo(L, "Sl", &ar) && ar.currentline > 0) {
            lua_pushfstring(L, "%s:%d: ", ar.source[0] == '@' ? ar.source + 1 : ar.short_src, ar.currentline);
            return 1;
        }
    return 0;
}

/* Message handler: turns any error value into a string with the rule's
 * file and line (errors raised inside C functions - "C stack overflow",
 * a library call on the read-only plan - come without one). */
static int sandbox_msgh(lua_State *L)
{
    if (lua_type(L, 1) == LUA_TSTRING) {
        if (restore_full_source(L))
            return 1;
        if (!has_position(lua_tostring(L, 1)) && push_lua_position(L)) {
            lua_pushvalue(L, 1);
            lua_concat(L, 2);
        }
        return 1;
    }
    if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING)
        return 1;
    lua_pushfstring(L, "error raised with a %s value instead of a message", luaL_typename(L, 1));
    /* Blame the innermost Lua frame, which raised it. */
    if (push_lua_position(L)) {
        lua_insert(L, -2);
        lua_concat(L, 2);
    }
    return 1;
}

/* Splits "file.lua:12: message" into err's position and message. */
static void split_position(styr_error *err, const char *who, const char *msg)
{
    const char *colon = msg;
    while ((colon = strchr(colon, ':')) != NULL) {
        char *end;
        unsigned long line = strtoul(colon + 1, &end, 10);
        if (end != colon + 1 && *end == ':' && colon > msg) {
            size_t flen = (size_t)(colon - msg);
            if (flen >= sizeof err->file)
                flen = sizeof err->file - 1;
            memcpy(err->file, msg, flen);
            err->file[flen] = '\0';
            err->line = (unsigned)line;
            msg = end + 1 + (end[1] == ' ');
            break;
        }
        colon++;
        if (colon - msg > 600)
            break;
    }
    if (who)
        snprintf(err->message, sizeof err->message, "rule %s crashed: %s", who, msg);
    else
        snprintf(err->message, sizeof err->message, "%s", msg);
}

styr_status styr_sandbox_call(styr_sandbox *sb, int nargs, int nresults,
                              const char *who, styr_error *err)
{
    lua_State *L = sb->L;
    int base = lua_gettop(L) - nargs;
    lua_pushcfunction(L, sandbox_msgh);
    lua_insert(L, base);
    sb->budget = (int64_t)sb->lim.lua_max_instructions;
    sb->dying = ALIVE;
    sb->mem_exceeded = 0;
    sb->kill_src[0] = '\0';
    sb->kill_line = 0;
    sb->sys_oom = 0;
    sb->cap = sb->lim.lua_max_bytes;
    lua_sethook(L, sandbox_hook, LUA_MASKCOUNT, HOOK_STEP);
    int rc = lua_pcall(L, nargs, nresults, base);
    lua_sethook(L, NULL, 0, 0);
    lua_remove(L, base);
    int dying = sb->dying ? sb->dying : (sb->mem_exceeded ? DYING_MEMORY : ALIVE);
    sb->cap = sb->lim.lua_max_bytes;
    if (rc == LUA_OK && dying == ALIVE)
        return STYR_OK;
    if (rc == LUA_OK)
        lua_pop(L, nresults);
    styr_error_clear(err);
    if (err)
        err->code = STYR_E_RULE;
    if (dying != ALIVE || rc == LUA_ERRMEM) {
        if (rc != LUA_OK)
            lua_pop(L, 1);
        if (err) {
            snprintf(err->file, sizeof err->file, "%s", sb->kill_src);
            err->line = (unsigned)sb->kill_line;
            if (sb->sys_oom && dying != DYING_BUDGET)
                snprintf(err->message, sizeof err->message,
                         "%s%s%sstopped: the machine ran out of memory while the rules used %zu MiB",
                         who ? "rule " : "", who ? who : "", who ? " crashed: " : "",
                         sb->used / (1024 * 1024));
            else if (dying == DYING_BUDGET)
                snprintf(err->message, sizeof err->message,
                         "%s%s%sstopped after %llu instructions (an endless loop?); "
                         "raise --max-instructions if the rule is right",
                         who ? "rule " : "", who ? who : "", who ? " crashed: " : "", (unsigned long long)sb->lim.lua_max_instructions);
            else
                snprintf(err->message, sizeof err->message,
                         "%s%s%sstopped: the rules used more than %zu MiB of memory; "
                         "raise --max-rule-memory if the rule is right",
                         who ? "rule " : "", who ? who : "", who ? " crashed: " : "", sb->lim.lua_max_bytes / (1024 * 1024));
        }
        lua_gc(L, LUA_GCCOLLECT, 0);
        return STYR_E_RULE;
    }
    const char *msg = lua_tostring(L, -1);
    if (err)
        split_position(err, who, msg ? msg : "unknown error");
    lua_pop(L, 1);
    return STYR_E_RULE;
}
