/* sandbox.c - the Lua state rules run in: allocator cap, instruction budget,
 * per-file environments, blocked functions, and the protected call that
 * blames a rule's file and line. The only place that calls lua_pcall. */
#include "sandbox.h"

#include <errno.h>
#include <fcntl.h>
#include <lauxlib.h>
#include <lualib.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lua_patterns.h"
#include "lua_words.h"
#include "errno_text.h"
#include "mem_budget.h"
#include "deadline.h"
#include "inputs.h"
#include "number_text.h"
#include "termsafe.h"
#include "text.h"

#include "strmap.h"

/* The count hook runs every HOOK_STEP instructions while a budget lasts. */
#define HOOK_STEP 1000
/* Past the cap, growth is still granted up to this much, so that the hook -
 * which knows the rule's file and line - is the one to stop the rule; a
 * single request beyond it fails at once (a Lua memory error). */
#define CAP_HEADROOM (8u * 1024 * 1024)
/* What print() may write in one run, so a rule cannot flood the terminal. */
#define PRINT_BUDGET (1024u * 1024)
/* Steps of library work (lua_patterns.h, and the byte counts charged
 * by the sandbox) that cost one instruction of the call's budget: a step is a
 * character tested or a byte copied, several times cheaper than a VM
 * instruction. */
#define STEPS_PER_INSTRUCTION 4


enum { ALIVE = 0, DYING_BUDGET, DYING_MEMORY, DYING_TIME, DYING_WORK };

struct styr_sandbox {
    lua_State *L;
    styr_limits lim;
    size_t used, peak, cap;
    int64_t budget;          /* instructions left in the current call */
    int dying;               /* why the current call is being stopped */
    int mem_exceeded;        /* the allocator refused a request */
    char kill_src[512];      /* where the budget/memory stop hit */
    int kill_line;
    char err_src[512];       /* where the error of the current call was raised */
    int err_line;
    size_t printed;          /* bytes print() wrote this run */
    unsigned long epoch;     /* the current run's number (styr_sandbox_epoch) */
    styr_deadline deadline;  /* the current call's time limit */
    int sys_oom;             /* realloc itself failed during the current call */
    styr_membudget *shared;     /* the run's memory budget, shared with its other states */
    int slot;                /* this state's slot in it */
    size_t published;        /* the usage last written to the slot */
    int last_stop;           /* why the last call was stopped (ALIVE: it was not) */
    styr_strmap *covered;    /* "source\nline" of every Lua line run, or NULL (rules test only) */
    const void *last_read;   /* the plan's value a rule read last (luadoc.c) */
    int own_error;           /* the call ended in a message the rule raised itself (error, assert) */
};

/* Registry key of the last message a rule raised itself with error() or
 * assert(v, message): its author's words, never translated as Lua's. */
static const char raised_key = 0;

/* What the run uses if this state grows to `mine` bytes. */
static size_t run_total(const styr_sandbox *sb, size_t mine)
{
    return mine + styr_membudget_others(sb->shared, sb->slot);
}

static void publish_usage(styr_sandbox *sb)
{
    size_t d = sb->used > sb->published ? sb->used - sb->published : sb->published - sb->used;
    if (d > STYR_BUDGET_SLACK) {
        atomic_store(&sb->shared->state_used[sb->slot], sb->used);
        sb->published = sb->used;
    }
}

static void remember_alloc_site(styr_sandbox *sb);

static void *sandbox_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    styr_sandbox *sb = ud;
    size_t old = ptr ? osize : 0;
    if (nsize == 0) {
        free(ptr);
        sb->used -= old;
        if (sb->shared)
            publish_usage(sb);
        return NULL;
    }
    /* Only growth is capped: Lua assumes shrinking never fails. The cap is
     * the run's: this state, the others and the C-side charges together. */
    size_t total = nsize > old ? run_total(sb, sb->used - old + nsize) : 0;
    if (nsize > old && total > sb->cap) {
        sb->mem_exceeded = 1;
        if (sb->dying || total > sb->cap + CAP_HEADROOM) {
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
    publish_usage(sb);
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
        styr_utf8_cut_partial(sb->kill_src);   /* a long path cut between letters */
        sb->kill_line = ar->currentline;
    }
}

/* The innermost Lua frame with a line: the rule line that called into C. */
static void remember_caller_site(styr_sandbox *sb, lua_State *L)
{
    lua_Debug ar;
    for (int level = 0; lua_getstack(L, level, &ar); level++)
        if (lua_getinfo(L, "Sl", &ar) && ar.currentline > 0) {
            remember_kill_site(sb, L, &ar);
            return;
        }
}

static void remember_alloc_site(styr_sandbox *sb)
{
    lua_Debug ar;
    for (int level = 0; lua_getstack(sb->L, level, &ar); level++)
        if (lua_getinfo(sb->L, "Sl", &ar) && ar.currentline > 0) {
            snprintf(sb->kill_src, sizeof sb->kill_src, "%s", ar.source[0] == '@' ? ar.source + 1 : ar.short_src);
            styr_utf8_cut_partial(sb->kill_src);   /* a long path cut between letters */
            sb->kill_line = ar.currentline;
            return;
        }
}

/* Once a budget is spent the hook fires on every instruction, so a rule
 * that catches the error with pcall is stopped again at once. The allocator
 * then refuses all growth too: the error becomes a memory error, for which
 * Lua calls no message handler, so an xpcall handler that loops cannot hold
 * the stop up either. */
/* Coverage: remembers the line about to run (the key is copied). */
static void record_line(styr_sandbox *sb, lua_State *L, lua_Debug *ar)
{
    char key[600];
    if (!lua_getinfo(L, "S", ar) || ar->source[0] != '@')
        return;
    int n = snprintf(key, sizeof key, "%s\n%d", ar->source + 1, ar->currentline);
    if (n > 0 && (size_t)n < sizeof key)
        styr_strmap_put(sb->covered, key, (size_t)n, sb, NULL);
}

static void sandbox_hook(lua_State *L, lua_Debug *ar)
{
    styr_sandbox *sb = styr_sandbox_of(L);
    if (ar->event == LUA_HOOKLINE) {
        if (sb->dying == ALIVE && sb->covered)
            record_line(sb, L, ar);
        return;
    }
    if (sb->dying == ALIVE && !styr_deadline_armed(&sb->deadline)) {
        /* A poke from the watchdog that came as a call ended. */
        lua_sethook(L, NULL, 0, 0);
        return;
    }
    if (sb->dying == ALIVE && ar->event == LUA_HOOKCALL) {
        /* A call hook (set by the poke): a C loop calling functions, such
         * as table.sort with a C comparator, stops at its next call. */
        if (!sb->mem_exceeded && !styr_deadline_passed(&sb->deadline))
            return;
        sb->dying = sb->mem_exceeded ? DYING_MEMORY : DYING_TIME;
        remember_caller_site(sb, L);
        sb->cap = 0;
        lua_sethook(L, sandbox_hook, LUA_MASKCOUNT | LUA_MASKCALL, 1);
    } else if (sb->dying == ALIVE) {
        if (sb->mem_exceeded) {
            sb->dying = DYING_MEMORY;
        } else if (styr_deadline_passed(&sb->deadline)) {
            sb->dying = DYING_TIME;
        } else {
            sb->budget -= HOOK_STEP;
            if (sb->budget > 0)
                return;
            sb->dying = DYING_BUDGET;
        }
        remember_kill_site(sb, L, ar);
        sb->cap = 0;
        lua_sethook(L, sandbox_hook, LUA_MASKCOUNT | LUA_MASKCALL, 1);
    }
    luaL_error(L, "stopped");
}

/* The watchdog's poke for a call past its time limit: the hook fires at the
 * next instruction and stops the rule. (lua_sethook may be called
 * asynchronously, as from a signal handler: lua.c does so for SIGINT.) */
static void poke_state(void *ud)
{
    styr_sandbox *sb = ud;
    lua_sethook(sb->L, sandbox_hook, LUA_MASKCOUNT | LUA_MASKCALL, 1);
}

/* Stops the running call from inside a C function, for `why`: the rule's
 * line (the innermost Lua frame), all growth refused, the hook on every
 * instruction and call, and an error no pcall of the rule can keep. */
static int stop_from_c(styr_sandbox *sb, lua_State *L, int why)
{
    if (sb->dying == ALIVE)
        sb->dying = why;
    remember_caller_site(sb, L);
    sb->cap = 0;
    lua_sethook(L, sandbox_hook, LUA_MASKCOUNT | LUA_MASKCALL, 1);
    return luaL_error(L, "stopped");
}

void styr_sandbox_check_time(lua_State *L)
{
    styr_sandbox *sb = styr_sandbox_of(L);
    if (sb->dying != ALIVE || !styr_deadline_passed(&sb->deadline))
        return;
    stop_from_c(sb, L, DYING_TIME);
}

void styr_sandbox_spend(lua_State *L, uint64_t steps)
{
    styr_sandbox *sb = styr_sandbox_of(L);
    if (!styr_deadline_armed(&sb->deadline))
        return;   /* not inside a rule call (the engine's own use) */
    if (sb->dying != ALIVE)
        stop_from_c(sb, L, sb->dying);
    uint64_t cost = steps / STEPS_PER_INSTRUCTION + 1;
    if ((uint64_t)(sb->budget > 0 ? sb->budget : 0) <= cost)
        stop_from_c(sb, L, DYING_WORK);
    sb->budget -= (int64_t)cost;
    if (styr_deadline_passed(&sb->deadline))
        stop_from_c(sb, L, DYING_TIME);
}

void styr_sandbox_blame(styr_sandbox *sb, const char *who, const char *file, unsigned line)
{
    styr_deadline_blame(&sb->deadline, who, file, line);
}

/* The Swedish or the English text, by the language of the run the state
 * judges for: a rule author's mistake is told as every other message is.
 * lim.lang is 1 for English (STYR_LANG_EN, run.h, a layer above). */
#define SB_ENGLISH(sb) ((sb)->lim.lang == 1)
#define SB_SV(sb, sv, en) (SB_ENGLISH(sb) ? (en) : (sv))

int styr_sandbox_english(const styr_sandbox *sb) { return SB_ENGLISH(sb); }

static int blocked_call(lua_State *L)
{
    return luaL_error(L, SB_SV(styr_sandbox_of(L), "'%s' är inte tillåtet i regler: %s", "'%s' is not allowed in rules: %s"),
                      lua_tostring(L, lua_upvalueindex(1)), lua_tostring(L, lua_upvalueindex(2)));
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
    return luaL_error(L, SB_SV(styr_sandbox_of(L), "'%s.%s' är inte tillåtet i regler: %s", "'%s.%s' is not allowed in rules: %s"),
                      lib, key, lua_tostring(L, lua_upvalueindex(2)));
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
    return luaL_error(L, SB_SV(styr_sandbox_of(L), "okänt namn '%s' (felstavat? varje regelfil har sina egna globala namn)",
                               "undefined name '%s' (misspelled? each rule file has its own globals)"), key);
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
        if (len > 4096) {
            lua_pushlstring(L, text, 4096);
            text = lua_tostring(L, -1);
        }
        /* One line, with control characters shown, not obeyed. */
        styr_fput_safe(stderr, text);
        fputc('\n', stderr);
        if (sb->printed >= PRINT_BUDGET)
            fprintf(stderr, "(print: more than %u bytes; the rest of the rules' print output is left out)\n",
                    PRINT_BUDGET);
    }
    return 0;
}

/* Calls the wrapped original (upvalue 1) with the arguments on the stack.
 * Called from C, the original has no name of its own, so its argument
 * errors said "bad argument #2 to '?'": they are given the name Lua would
 * have written (upvalue 2, "string.format" -> 'format'). Every error goes
 * on as it came, a stop of the call's limits too. */
static int call_original(lua_State *L, int nresults)
{
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    if (lua_pcall(L, lua_gettop(L) - 1, nresults, 0) == LUA_OK)
        return lua_gettop(L);
    const char *msg = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
    if (msg && strstr(msg, " to '?'")) {
        const char *full = lua_tostring(L, lua_upvalueindex(2));
        const char *dot = full ? strrchr(full, '.') : NULL;
        lua_pushfstring(L, " to '%s'", dot ? dot + 1 : full ? full : "?");
        luaL_gsub(L, msg, " to '?'", lua_tostring(L, -1));
        lua_remove(L, -2);   /* the replacement */
        lua_remove(L, -2);   /* the old message */
    }
    return lua_error(L);
}

/* setmetatable() without finalizers: a __gc would run outside any rule
 * call (even while the state closes), where no budget applies. The field is
 * read raw: a metatable with an __index of its own could otherwise plant
 * __gc while the guard reads it and get the finalizer armed. (Lua marks an
 * object for finalization only if __gc is present when the metatable is
 * set, so a __gc added later never runs.) */
static int safe_setmetatable(lua_State *L)
{
    if (lua_type(L, 2) == LUA_TTABLE) {
        lua_pushliteral(L, "__gc");
        lua_rawget(L, 2);
        if (!lua_isnil(L, -1))
            return luaL_error(L, "%s",
                              SB_SV(styr_sandbox_of(L), "'__gc' är inte tillåtet i regler: avslutare körs utanför regelns gränser",
                                    "'__gc' is not allowed in rules: finalizers run outside the rule's limits"));
        lua_pop(L, 1);
    }
    return call_original(L, LUA_MULTRET);
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
    if (n > 0 && (double)(len + slen) * (double)n > (double)sb->lim.lua_max_bytes) {
        styr_numtext mib;   /* "1 024,0" in Swedish, as the run writes figures */
        styr_num(&mib, (double)(len + slen) * (double)n / (1024.0 * 1024.0), 1, sb->lim.lang);
        return luaL_error(L,
                          SB_SV(sb, "string.rep skulle göra %s MiB, mer än de %d MiB reglerna får använda",
                                "string.rep would make %s MiB, more than the %d MiB rules may use"),
                          mib.s, (int)(sb->lim.lua_max_bytes / (1024 * 1024)));
    }
    /* Also by count: rep("", math.maxinteger) makes nothing, but loops
     * math.maxinteger times inside one C call. */
    if (n > 0 && (double)n > (double)sb->lim.lua_max_bytes)
        return luaL_error(L,
                          SB_SV(sb, "string.rep %I gånger: fler upprepningar än de %d MiB reglerna får använda skulle rymma",
                                "string.rep %I times: more repetitions than the %d MiB rules may use could hold"),
                          (lua_Integer)n, (int)(sb->lim.lua_max_bytes / (1024 * 1024)));
    /* Within both: the repetitions (a loop turn each) and the bytes copied
     * (memcpy, cheap) cost steps, so rep("", 5e8) is refused before it runs. */
    if (n > 0)
        styr_sandbox_spend(L, (uint64_t)n / 8 + (uint64_t)(len + slen) * (uint64_t)n / 16);
    return call_original(L, 1);
}

/* Charges a library call's input size to the call's budget before it runs:
 * string.upper/lower/reverse/format and utf8.len/codepoint loop over their
 * whole input inside one C call (a step a byte: each byte goes through a
 * function such as toupper or a UTF-8 decoder, and into a new string). */
static int charged_call(lua_State *L)
{
    uint64_t bytes = 0;
    for (int i = 1, n = lua_gettop(L); i <= n; i++)
        if (lua_type(L, i) == LUA_TSTRING)
            bytes += lua_rawlen(L, i);
    styr_sandbox_spend(L, bytes);
    return call_original(L, LUA_MULTRET);
}

static const styr_luapat_hooks pattern_hooks = {styr_sandbox_spend};

/* table.move(a, f, e, t) and table.concat(t, sep, i, j), refused when the
 * range holds more slots than a rule call may execute instructions: each
 * slot can call a metamethod, inside one C call the hook never interrupts
 * (table.move over 2^62 slots). */
static int safe_range_call(lua_State *L)
{
    int concat = strcmp(lua_tostring(L, lua_upvalueindex(2)), "table.concat") == 0;
    int fi = concat ? 3 : 2, ei = concat ? 4 : 3;
    lua_Integer f = concat ? luaL_optinteger(L, fi, 1) : luaL_checkinteger(L, fi);
    lua_Integer e = concat ? (lua_isnoneornil(L, ei) ? (lua_Integer)luaL_len(L, 1) : luaL_checkinteger(L, ei))
                           : luaL_checkinteger(L, ei);
    styr_sandbox *sb = styr_sandbox_of(L);
    if (e >= f && (lua_Unsigned)e - (lua_Unsigned)f >= (lua_Unsigned)sb->lim.lua_max_instructions)
        return luaL_error(L,
                          SB_SV(sb, "%s över %I platser är mer än ett regelanrop får göra (%I instruktioner)",
                                "%s over %I slots is more than one rule call may do (%I instructions)"),
                          lua_tostring(L, lua_upvalueindex(2)), (lua_Integer)((lua_Unsigned)e - (lua_Unsigned)f + 1),
                          (lua_Integer)sb->lim.lua_max_instructions);
    return call_original(L, LUA_MULTRET);
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

/* why[0]: Swedish, why[1]: English (SB_ENGLISH) */
static const struct { const char *name, *why[2]; } blocked_globals[] = {
    {"require", {"regler kan inte ladda moduler", "rules cannot load modules"}},
    {"load", {"regler kan inte kompilera kod medan de körs", "rules cannot compile code at run time"}},
    {"loadstring", {"regler kan inte kompilera kod medan de körs", "rules cannot compile code at run time"}},
    {"loadfile", {"regler kan inte läsa filer", "rules cannot read files"}},
    {"dofile", {"regler kan inte läsa filer", "rules cannot read files"}},
    {"collectgarbage", {"motorn sköter minnet", "the engine manages memory"}},
    {"module", {"regler kan inte ladda moduler", "rules cannot load modules"}},
    {"setfenv", {"regler kan inte byta miljö", "rules cannot change environments"}},
    {"getfenv", {"regler kan inte byta miljö", "rules cannot change environments"}},
    {NULL, {NULL, NULL}}};

static const struct { const char *name, *why[2]; } blocked_libs[] = {
    {"io", {"regler kommer inte åt filer", "rules have no file access"}},
    {"os", {"regler kommer inte åt processer, klockan eller miljön", "rules have no process, clock or environment access"}},
    {"debug", {"debugbiblioteket finns inte för regler", "the debug library is not available to rules"}},
    {"package", {"regler kan inte ladda moduler", "rules cannot load modules"}},
    {"coroutine", {"korutiner finns inte för regler", "coroutines are not available to rules"}},
    {NULL, {NULL, NULL}}};

/* Library functions left out of the copies a rule sees. */
static const struct { const char *lib, *name, *why[2]; } blocked_members[] = {
    {"string", "dump", {"regler kan inte skapa bytekod", "rules cannot produce bytecode"}},
    {"math", "random", {"regler måste ge samma resultat varje gång", "rules must give the same result on every run"}},
    {"math", "randomseed", {"regler måste ge samma resultat varje gång", "rules must give the same result on every run"}},
    {NULL, NULL, {NULL, NULL}}};

/* error(message [, level]) as Lua's own (lbaselib.c), noting the message
 * as the rule's: a rule's "stack overflow" or "table index is nil" is its
 * author's text, not Lua's to translate. */
static int rule_error(lua_State *L)
{
    int level = (int)luaL_optinteger(L, 2, 1);
    lua_settop(L, 1);
    if (lua_type(L, 1) == LUA_TSTRING && level > 0) {
        luaL_where(L, level);
        lua_pushvalue(L, 1);
        lua_concat(L, 2);
    }
    lua_pushvalue(L, -1);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &raised_key);
    return lua_error(L);
}

/* assert(v [, message]) as Lua's own; a message given is the rule's. */
static int rule_assert(lua_State *L)
{
    if (lua_toboolean(L, 1))
        return lua_gettop(L);
    luaL_checkany(L, 1);
    lua_remove(L, 1);
    int own = !lua_isnone(L, 1);
    lua_pushliteral(L, "assertion failed!");
    lua_settop(L, 1);
    if (own) {
        lua_pushvalue(L, 1);
        lua_rawsetp(L, LUA_REGISTRYINDEX, &raised_key);
    }
    return lua_error(L);
}

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
    lua_pushcfunction(L, rule_error);
    lua_setfield(L, env, "error");
    lua_pushcfunction(L, rule_assert);
    lua_setfield(L, env, "assert");
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
            push_blocked(L, full, blocked_members[j].why[SB_ENGLISH(sb)]);
            lua_setfield(L, -2, blocked_members[j].name);
        }
        lua_setfield(L, env, copied_libs[i]);
        lua_pop(L, 1);                                 /* env G */
    }
    lua_pop(L, 1);                                     /* env */
    for (int i = 0; blocked_globals[i].name; i++) {
        push_blocked(L, blocked_globals[i].name, blocked_globals[i].why[SB_ENGLISH(sb)]);
        lua_setfield(L, env, blocked_globals[i].name);
    }
    for (int i = 0; blocked_libs[i].name; i++) {
        push_blocked_lib(L, blocked_libs[i].name, blocked_libs[i].why[SB_ENGLISH(sb)]);
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

/* Lua calls this for an error outside any protected call - an allocation
 * that fails while the engine itself works the state after a rule used up
 * the memory. Lua would abort() next; instead say where the rules were and
 * exit 2, as for any rule that breaks a limit. */
static int sandbox_panic(lua_State *L)
{
    styr_sandbox *sb = styr_sandbox_of(L);
    const char *msg = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "error outside a rule call";
    const char *src = sb->kill_src[0] ? sb->kill_src : sb->err_src[0] ? sb->err_src : SB_SV(sb, "(reglerna)", "(rules)");
    int line = sb->kill_src[0] ? sb->kill_line : sb->err_line;
    int memory = strcmp(msg, "not enough memory") == 0;
    fflush(stdout);
    styr_fput_safe(stderr, src);
    fprintf(stderr, SB_SV(sb, ":%d: fel: reglernas Lua-tillstånd föll utanför ett regelanrop (%s); körningen stoppas",
                          ":%d: error: the rules' Lua state failed outside a rule call (%s); the run stops"),
            line > 0 ? line : 1,
            memory ? SB_SV(sb, "minnet tog slut", "out of memory") : SB_SV(sb, "ett fel", "an error"));
    /* the rules' own cap is worth raising; the machine's memory is not ours to raise */
    if (!sb->sys_oom)
        fputs(SB_SV(sb, " (höj --max-rule-memory om reglerna är rätt)", " (raise --max-rule-memory if the rules are right)"),
              stderr);
    fputc('\n', stderr);
    _exit(2);
}

styr_sandbox *styr_sandbox_new(const styr_limits *lim, styr_error *err)
{
    styr_sandbox *sb = calloc(1, sizeof *sb);
    if (!sb) {
        styr_error_set(err, STYR_E_NOMEM, NULL, 0, 0, "out of memory");
        return NULL;
    }
    sb->lim = *lim;
    sb->shared = lim->budget ? styr_membudget_ref(lim->budget) : styr_membudget_new(lim->lua_max_bytes);
    if (!sb->shared) {
        free(sb);
        styr_error_set(err, STYR_E_NOMEM, NULL, 0, 0, "out of memory");
        return NULL;
    }
    sb->slot = styr_membudget_slot(sb->shared);
    sb->lim.lua_max_bytes = sb->shared->cap;   /* a shared budget's cap is the run's */
    sb->lim.budget = NULL;
    sb->cap = sb->lim.lua_max_bytes;
    sb->epoch = 1;
    styr_deadline_init(&sb->deadline, lim->lua_max_seconds > 0 ? lim->lua_max_seconds : 10, poke_state, sb);
    sb->L = lua_newstate(sandbox_alloc, sb);
    if (!sb->L) {
        styr_deadline_destroy(&sb->deadline);
        styr_membudget_unref(sb->shared);
        free(sb);
        styr_error_set(err, STYR_E_NOMEM, NULL, 0, 0, "out of memory");
        return NULL;
    }
    lua_State *L = sb->L;
    *(styr_sandbox **)lua_getextraspace(L) = sb;
#ifdef STYR_MUTATION_COVERAGE
    /* Only in the mutation driver's coverage build (tests/mutation): record
     * the Lua lines each test runs, written out by styr_sandbox_free. */
    if (getenv("STYR_LUA_LINES"))
        (void)styr_sandbox_coverage_on(sb);
#endif
    lua_atpanic(L, sandbox_panic);
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
    /* Patterns: a matcher that counts its steps against the call's budget. */
    styr_luapat_register(L, str, &pattern_hooks);
    static const char *const charged[] = {"upper", "lower", "reverse", "format", NULL};
    for (int i = 0; charged[i]; i++)
        wrap_field(L, str, charged[i], charged[i], charged_call);
    lua_pop(L, 1);
    lua_getglobal(L, "utf8");
    wrap_field(L, lua_gettop(L), "len", "utf8.len", charged_call);
    wrap_field(L, lua_gettop(L), "codepoint", "utf8.codepoint", charged_call);
    lua_pop(L, 1);
    lua_getglobal(L, "table");
    wrap_field(L, lua_gettop(L), "move", "table.move", safe_range_call);
    wrap_field(L, lua_gettop(L), "concat", "table.concat", safe_range_call);
    lua_pop(L, 1);
    /* The guarded functions are what every rule file's copies start from. */
    lua_pushglobaltable(L);
    wrap_field(L, lua_gettop(L), "setmetatable", "setmetatable", safe_setmetatable);
    lua_pop(L, 1);
    return sb;
}

#ifdef STYR_MUTATION_COVERAGE
/* Appends "source\tline" of every line run to $STYR_LUA_LINES (one write a
 * line with O_APPEND, so two threads or processes do not interleave). */
static void dump_lines(const styr_strmap *covered)
{
    const char *path = getenv("STYR_LUA_LINES");
    int fd = path ? open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600) : -1;
    if (fd < 0)
        return;
    for (size_t i = 0; i < covered->cap; i++) {
        const styr_strmap_slot *s = &covered->slots[i];
        char line[700];
        const char *nl = s->key ? memchr(s->key, '\n', s->len) : NULL;
        int n = nl ? snprintf(line, sizeof line, "%.*s\t%.*s\n", (int)(nl - s->key), s->key,
                              (int)(s->len - (size_t)(nl - s->key) - 1), nl + 1) : 0;
        if (n > 0 && (size_t)n < sizeof line && write(fd, line, (size_t)n) < 0)
            break;
    }
    close(fd);
}
#endif

void styr_sandbox_free(styr_sandbox *sb)
{
    if (!sb)
        return;
    if (sb->L) {
        /* No finalizer can be armed by a rule (safe_setmetatable); should one
         * be all the same, it is stopped at its first instruction instead of
         * running unbounded while the state closes. */
        sb->dying = DYING_BUDGET;
        sb->cap = 0;
        lua_sethook(sb->L, sandbox_hook, LUA_MASKCOUNT, 1);
        lua_close(sb->L);
    }
    styr_deadline_destroy(&sb->deadline);
    atomic_store(&sb->shared->state_used[sb->slot], 0);
    styr_membudget_unref(sb->shared);
    if (sb->covered) {
#ifdef STYR_MUTATION_COVERAGE
        dump_lines(sb->covered);
#endif
        styr_strmap_free(sb->covered);
        free(sb->covered);
    }
    free(sb);
}

styr_membudget *styr_sandbox_budget(styr_sandbox *sb) { return sb->shared; }

int styr_sandbox_stopped_for_memory(const styr_sandbox *sb)
{
    return sb->last_stop == DYING_MEMORY && !sb->sys_oom;
}

size_t styr_sandbox_cap(const styr_sandbox *sb) { return sb->lim.lua_max_bytes; }

static void begin_memory_stop(styr_sandbox *sb, lua_State *L);

int styr_sandbox_charge(lua_State *L, size_t bytes)
{
    styr_sandbox *sb = styr_sandbox_of(L);
    if (sb->dying == ALIVE && run_total(sb, sb->used) + bytes <= sb->cap) {
        atomic_fetch_add(&sb->shared->charged, bytes);
        return 0;
    }
    begin_memory_stop(sb, L);
    return -1;
}

int styr_sandbox_memory_stop(lua_State *L)
{
    begin_memory_stop(styr_sandbox_of(L), L);
    return luaL_error(L, "stopped");
}

static void begin_memory_stop(styr_sandbox *sb, lua_State *L)
{
    /* The same stop as when the allocator refuses: the rule's line, all
     * growth refused from now on, and (styr_sandbox_stop) an error no pcall
     * of the rule can keep. */
    sb->mem_exceeded = 1;
    if (sb->dying == ALIVE)
        sb->dying = DYING_MEMORY;
    if (!sb->kill_src[0])
        remember_alloc_site(sb);
    sb->cap = 0;
    lua_sethook(L, sandbox_hook, LUA_MASKCOUNT | LUA_MASKCALL, 1);
}

int styr_sandbox_stop(lua_State *L)
{
    return luaL_error(L, "stopped");
}

int styr_sandbox_raise_nomem(lua_State *L)
{
    styr_sandbox *sb = styr_sandbox_of(L);
    sb->sys_oom = 1;
    return luaL_error(L, "%s", SB_SV(sb, "minnet tog slut", "out of memory"));
}

int styr_sandbox_coverage_on(styr_sandbox *sb)
{
    if (!sb->covered && (sb->covered = malloc(sizeof *sb->covered)))
        styr_strmap_init(sb->covered);
    return sb->covered ? 0 : -1;
}

int styr_sandbox_line_run(const styr_sandbox *sb, const char *file, int line)
{
    char key[600];
    int n = snprintf(key, sizeof key, "%s\n%d", file, line);
    return sb->covered && n > 0 && (size_t)n < sizeof key && styr_strmap_get(sb->covered, key, (size_t)n) != NULL;
}

lua_State *styr_sandbox_lua(styr_sandbox *sb) { return sb->L; }
size_t styr_sandbox_memory(const styr_sandbox *sb) { return sb->used; }
unsigned long styr_sandbox_epoch(const styr_sandbox *sb) { return sb->epoch; }
void styr_sandbox_end_epoch(styr_sandbox *sb) { sb->epoch++; }
size_t styr_sandbox_peak_memory(const styr_sandbox *sb) { return sb->peak; }

styr_status styr_sandbox_load(styr_sandbox *sb, const char *path, int env_index,
                              styr_error *err)
{
    lua_State *L = sb->L;
    env_index = lua_absindex(L, env_index);
    /* O_NONBLOCK: opening a FIFO must not wait for a writer. O_NOFOLLOW: a
     * link could lead out of the ruleset folder (and its target's text
     * would show in messages). Only a regular
     * file of at most the rules' memory is read: not /dev/zero (endless), not
     * a FIFO (blocks), not a file the state could not hold anyway (the
     * reading happens outside a protected call). */
    int fd;
    do
        fd = open(path, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC);
    while (fd < 0 && errno == EINTR);
    struct stat st;
    if (fd < 0 && errno == ELOOP)
        return styr_error_set(err, STYR_E_RULESET, path, 1, 0, "%s",
                              SB_SV(sb, "en regelfil måste vara en vanlig fil i regeluppsättningens mapp, inte en symbolisk länk",
                                    "a rule file must be a regular file in the ruleset folder, not a symbolic link"));
    if (fd < 0) {
        int e = errno;
        return styr_error_set(err, STYR_E_RULESET, path, 1, 0,
                              SB_SV(sb, "regelfilen kan inte läsas: %s", "cannot read rule file: %s"),
                              styr_errno_text(e, SB_ENGLISH(sb)));
    }
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return styr_error_set(err, STYR_E_RULESET, path, 1, 0, "%s",
                              SB_SV(sb, "en regelfil måste vara en vanlig fil", "a rule file must be a regular file"));
    }
    if ((uintmax_t)st.st_size > (uintmax_t)sb->lim.lua_max_bytes / 4) {
        close(fd);
        return styr_error_set(err, STYR_E_RULESET, path, 1, 0,
                              SB_SV(sb, "regelfilen är %jd byte, mer än en fjärdedel av reglernas minne (%zu MiB, "
                                        "--max-rule-memory)",
                                    "rule file is %jd bytes, more than a quarter of the rules' memory (%zu MiB, "
                                    "--max-rule-memory)"),
                              (intmax_t)st.st_size, sb->lim.lua_max_bytes / (1024 * 1024));
    }
    FILE *f = fdopen(fd, "rb");
    if (!f) {
        int e = errno;   /* ENOMEM: fdopen allocates */
        close(fd);
        return styr_error_set(err, e == ENOMEM ? STYR_E_NOMEM : STYR_E_RULESET, path, 1, 0,
                              SB_SV(sb, "regelfilen kan inte läsas: %s", "cannot read rule file: %s"),
                              styr_errno_text(e, SB_ENGLISH(sb)));
    }
    styr_inputs_note_fd(fd, path);
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    char chunk[8192];
    size_t n, total = 0;
    while (total <= (size_t)st.st_size && (n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        luaL_addlstring(&b, chunk, n);   /* a file that grows while read is cut */
        total += n;
    }
    int rd_err = ferror(f) || total > (size_t)st.st_size;
    fclose(f);
    luaL_pushresult(&b);                               /* src */
    if (rd_err) {
        lua_pop(L, 1);
        return styr_error_set(err, STYR_E_RULESET, path, 0, 0, "%s",
                              SB_SV(sb, "regelfilen kan inte läsas", "cannot read rule file"));
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
        const char *rest = msg ? msg : SB_SV(sb, "kan inte laddas", "cannot load");
        size_t plen = strlen(path);
        /* Lua prefixes "path:line: "; split it into the position. */
        if (msg && strncmp(msg, path, plen) == 0 && msg[plen] == ':') {
            char *end;
            line = (unsigned)strtoul(msg + plen + 1, &end, 10);
            if (*end == ':')
                rest = end + 1 + (end[1] == ' ');
        }
        char sv[1024];
        if (strstr(rest, "attempt to load a binary chunk"))
            rest = SB_SV(sb, "förkompilerade (binära) Lua-block godtas inte; ge regeln som källtext",
                         "precompiled (binary) Lua chunks are not accepted; give the rule as source text");
        else
            rest = styr_lua_words(rest, sb->lim.lang, 1, sv, sizeof sv);   /* Lua's syntax error, in the run's language */
        styr_error_set(err, STYR_E_RULESET, path, line, 0, "%s", rest);
        lua_pop(L, 1);
        return STYR_E_RULESET;
    }
    lua_pushvalue(L, env_index);
    if (!lua_setupvalue(L, -2, 1))                     /* _ENV is upvalue 1 of a main chunk */
        lua_pop(L, 1);
    return STYR_OK;
}

/* Message handler: turns any error value into a message string, and notes
 * where it was raised - the innermost Lua frame, as the engine sees it - in
 * sb->err_src/err_line. The position never comes from the message text: a
 * rule could write another file's position there (error("core.lua:4: x", 0)).
 * The prefix Lua itself put on the message (the same frame) is removed. */
static int sandbox_msgh(lua_State *L)
{
    styr_sandbox *sb = styr_sandbox_of(L);
    lua_rawgetp(L, LUA_REGISTRYINDEX, &raised_key);   /* the rule's own message, raised as it is? */
    sb->own_error = !lua_isnil(L, -1) && lua_rawequal(L, 1, -1);
    lua_pop(L, 1);
    lua_Debug ar;
    char short_src[LUA_IDSIZE + 16] = "";
    sb->err_src[0] = '\0';
    sb->err_line = 0;
    for (int level = 0; lua_getstack(L, level, &ar); level++)
        if (lua_getinfo(L, "Sl", &ar) && ar.currentline > 0) {
            snprintf(sb->err_src, sizeof sb->err_src, "%s", ar.source[0] == '@' ? ar.source + 1 : ar.short_src);
            styr_utf8_cut_partial(sb->err_src);   /* a long path cut between letters */
            snprintf(short_src, sizeof short_src, "%s", ar.short_src);
            sb->err_line = ar.currentline;
            break;
        }
    if (lua_type(L, 1) == LUA_TSTRING) {
        const char *msg = lua_tostring(L, 1);
        if (sb->err_src[0]) {
            const char *srcs[2] = {sb->err_src, short_src};
            for (int i = 0; i < 2; i++) {
                char prefix[600];
                int n = snprintf(prefix, sizeof prefix, "%s:%d:", srcs[i], sb->err_line);
                if (n > 0 && (size_t)n < sizeof prefix && strncmp(msg, prefix, (size_t)n) == 0) {
                    msg += n + (msg[n] == ' ');
                    break;
                }
            }
        }
        lua_pushstring(L, msg);
        return 1;
    }
    if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING)
        return 1;
    if (SB_ENGLISH(sb))
        lua_pushfstring(L, "error raised with a %s value instead of a message", luaL_typename(L, 1));
    else
        lua_pushfstring(L, "error() fick %s i stället för ett meddelande", styr_lua_type_sv(luaL_typename(L, 1)));
    return 1;
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
    sb->err_src[0] = '\0';
    sb->err_line = 0;
    sb->sys_oom = 0;
    sb->last_read = NULL;   /* each() of a text names a value this call read, never an earlier file's */
    sb->own_error = 0;
    lua_pushnil(L);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &raised_key);
    sb->cap = sb->lim.lua_max_bytes;
    lua_sethook(L, sandbox_hook, LUA_MASKCOUNT | (sb->covered ? LUA_MASKLINE : 0), HOOK_STEP);
    styr_deadline_arm(&sb->deadline);
    int rc = lua_pcall(L, nargs, nresults, base);
    styr_deadline_disarm(&sb->deadline);
    lua_sethook(L, NULL, 0, 0);
    lua_remove(L, base);
    int dying = sb->dying ? sb->dying : (sb->mem_exceeded ? DYING_MEMORY : ALIVE);
    sb->last_stop = dying;
    sb->cap = sb->lim.lua_max_bytes;
    if (rc == LUA_OK && dying == ALIVE)
        return STYR_OK;
    if (rc == LUA_OK)
        lua_pop(L, nresults);
    styr_error_clear(err);
    if (err)
        err->code = sb->sys_oom ? STYR_E_NOMEM : STYR_E_RULE;   /* the machine's memory is no fault of the rule */
    if (dying != ALIVE || rc == LUA_ERRMEM) {
        if (rc != LUA_OK)
            lua_pop(L, 1);
        if (err) {
            snprintf(err->file, sizeof err->file, "%s", sb->kill_src);
            err->line = (unsigned)sb->kill_line;
            int en = SB_ENGLISH(sb);
            char who_text[300] = "";
            styr_numtext secs;
            if (who)
                snprintf(who_text, sizeof who_text, en ? "rule %s crashed: " : "regeln %s kraschade: ", who);
            styr_num(&secs, (double)sb->deadline.limit_ns / 1e9, 1, sb->lim.lang);
            if (sb->sys_oom && dying != DYING_BUDGET)
                snprintf(err->message, sizeof err->message,
                         SB_SV(sb, "%sstoppad: datorn fick slut på minne medan reglerna använde %zu MiB",
                               "%sstopped: the machine ran out of memory while the rules used %zu MiB"),
                         who_text, sb->used / (1024 * 1024));
            else if (dying == DYING_TIME)
                snprintf(err->message, sizeof err->message,
                         SB_SV(sb, "%sstoppad efter %s s (ett anrop som tar för lång tid); höj --max-rule-seconds om regeln är rätt",
                               "%sstopped after %s s (a call that runs too long); raise --max-rule-seconds if the rule is right"),
                         who_text, secs.s);
            else if (dying == DYING_WORK)
                snprintf(err->message, sizeof err->message,
                         SB_SV(sb, "%sstoppad: dess biblioteksanrop gjorde arbete motsvarande mer än %llu instruktioner "
                                   "(ett mönster som backar, eller långa texter som söks igenom om och om igen?); "
                                   "höj --max-instructions om regeln är rätt",
                               "%sstopped: its library calls did the work of more than %llu instructions "
                               "(a pattern that backtracks, or long texts scanned again and again?); "
                               "raise --max-instructions if the rule is right"),
                         who_text, (unsigned long long)sb->lim.lua_max_instructions);
            else if (dying == DYING_BUDGET)
                snprintf(err->message, sizeof err->message,
                         SB_SV(sb, "%sstoppad efter %llu instruktioner (en oändlig slinga?); höj --max-instructions om regeln är rätt",
                               "%sstopped after %llu instructions (an endless loop?); raise --max-instructions if the rule is right"),
                         who_text, (unsigned long long)sb->lim.lua_max_instructions);
            else
                snprintf(err->message, sizeof err->message,
                         SB_SV(sb, "%sstoppad: reglerna använde mer än %zu MiB minne; höj --max-rule-memory om regeln är rätt",
                               "%sstopped: the rules used more than %zu MiB of memory; raise --max-rule-memory if the rule is right"),
                         who_text, sb->lim.lua_max_bytes / (1024 * 1024));
        }
        lua_gc(L, LUA_GCCOLLECT, 0);
        return STYR_E_RULE;
    }
    char sv[1024];
    /* Lua's words in the run's language; a rule's own stay as written */
    const char *msg = sb->own_error ? lua_tostring(L, -1) : styr_lua_words(lua_tostring(L, -1), sb->lim.lang, 0, sv, sizeof sv);
    if (err) {
        snprintf(err->file, sizeof err->file, "%s", sb->err_src);
        err->line = (unsigned)sb->err_line;
        if (who)
            snprintf(err->message, sizeof err->message, SB_SV(sb, "regeln %s kraschade: %s", "rule %s crashed: %s"), who,
                     msg ? msg : SB_SV(sb, "okänt fel", "unknown error"));
        else
            snprintf(err->message, sizeof err->message, "%s", msg ? msg : SB_SV(sb, "okänt fel", "unknown error"));
        styr_utf8_cut_partial(err->message);   /* a rule's long message, cut at a character's edge */
    }
    lua_pop(L, 1);
    return STYR_E_RULE;
}
