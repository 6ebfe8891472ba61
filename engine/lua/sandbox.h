/* sandbox.h - the Lua state every rule runs in, and the only way to call it.
 *
 * One sandbox per run. It loads only the base, string, table, math and utf8
 * libraries, caps the memory of the whole state with its own allocator, and
 * caps the VM instructions of every protected call with a count hook that a
 * rule's own pcall cannot swallow: once a budget is spent the hook fires on
 * every instruction until the call has unwound. Each rule file gets its own
 * environment table (see styr_sandbox_new_env).
 */
#ifndef STYR_SANDBOX_H
#define STYR_SANDBOX_H

#include <stddef.h>
#include <stdint.h>

#include <lua.h>

#include "error.h"
#include "run_limits.h"

typedef struct styr_sandbox styr_sandbox;

/* A new sandbox within lim's Lua bounds; NULL with err filled when out of memory. */
styr_sandbox *styr_sandbox_new(const styr_limits *lim, styr_error *err);
/* Closes the state; accepts NULL. */
void styr_sandbox_free(styr_sandbox *sb);
/* Line coverage (for `styr rules test`): from now on every Lua line that
 * runs inside styr_sandbox_call is remembered. 0, or -1 when out of memory. */
int styr_sandbox_coverage_on(styr_sandbox *sb);
/* 1 if line of file (a chunk loaded from that path) ran since coverage was on. */
int styr_sandbox_line_run(const styr_sandbox *sb, const char *file, int line);
lua_State *styr_sandbox_lua(styr_sandbox *sb);
/* The sandbox that owns L (stored in the state's extra space). */
styr_sandbox *styr_sandbox_of(lua_State *L);

/* Whether the run the state judges for speaks English (its messages to a
 * rule author follow the run's language). */
int styr_sandbox_english(const styr_sandbox *sb);

/* The value of the plan a rule read last as a plain Lua value (a text or a
 * number from `item.field`), kept so that each() can say where a text
 * stands that should have been a list. */
void styr_sandbox_note_read(lua_State *L, const void *node);
const void *styr_sandbox_last_read(lua_State *L);

/* Pushes a fresh environment table for one rule file: copies of the allowed
 * base functions and of the string, table, math and utf8 libraries, stand-ins
 * for blocked names (io, os, require, load, dofile, debug, ...) that raise an
 * error naming what was blocked, and a metatable that makes reading an
 * undefined global an error. [-0, +1] */
void styr_sandbox_new_env(styr_sandbox *sb, const char *file);

/* Loads path as Lua source only (binary chunks refused), with the table at
 * env_index as its _ENV, and pushes the chunk. Syntax errors fill err with
 * file:line. [-0, +1] on success, [-0, +0] on failure. */
styr_status styr_sandbox_load(styr_sandbox *sb, const char *path, int env_index,
                              styr_error *err);

/* Calls the function below nargs arguments on the stack under the
 * instruction budget and the memory cap, like lua_pcall. On failure pops
 * everything it was given, fills err (code STYR_E_RULE) with the rule file
 * and line where the error happened and a message saying what went wrong,
 * prefixed with "rule WHO crashed: " when who (a rule id) is not NULL, and
 * returns STYR_E_RULE.
 * [-(nargs+1), +nresults] on success. */
styr_status styr_sandbox_call(styr_sandbox *sb, int nargs, int nresults,
                              const char *who, styr_error *err);

/* Whom the following calls belong to, for the watchdog's message when one
 * is stuck inside a C function past its time limit (deadline.h). The
 * strings must outlive the calls. */
void styr_sandbox_blame(styr_sandbox *sb, const char *who, const char *file, unsigned line);

/* For API functions that loop: raises the rule's stop (an error no pcall
 * of the rule can keep) once the call has run past its time limit. */
void styr_sandbox_check_time(lua_State *L);

/* For C functions that loop: charges `steps` of work (a character tested, a
 * byte scanned or copied; 4 steps cost one instruction) to the running
 * call's instruction budget and checks its time limit; once either is spent
 * raises the rule's stop, at the rule's line. Outside a rule call it does
 * nothing. */
void styr_sandbox_spend(lua_State *L, uint64_t steps);

/* The run's memory budget (mem_budget.h), to share with a second state through
 * styr_limits.budget. */
struct styr_membudget *styr_sandbox_budget(styr_sandbox *sb);

/* Charges bytes the engine keeps in C on the running rule's behalf (a
 * finding's texts, rule{} texts) to the run's budget. Returns 0, or -1 when
 * they do not fit: the rule is then being stopped like a rule that
 * allocated too much, and the caller frees what it made and returns
 * styr_sandbox_stop(L). Never released: findings live until the run ends. */
int styr_sandbox_charge(lua_State *L, size_t bytes);
/* The memory stop of the running rule, for memory refused outside the Lua
 * state (a pattern's match frames): the rule's line, and an error no pcall
 * of the rule can keep. Does not return. */
int styr_sandbox_memory_stop(lua_State *L);
int styr_sandbox_stop(lua_State *L);
/* For a C function of the rule API whose own malloc failed: raises "minnet
 * tog slut" (the run's language) and marks the call as stopped by the
 * machine's memory, so the crash is reported as STYR_E_NOMEM, never as a
 * fault of the rule. Does not return. */
int styr_sandbox_raise_nomem(lua_State *L);

/* 1 when the last call was stopped because the rules' memory was used up. */
int styr_sandbox_stopped_for_memory(const styr_sandbox *sb);
/* The run's memory cap in bytes. */
size_t styr_sandbox_cap(const styr_sandbox *sb);

/* Bytes the Lua state uses now, and the most it used. */
size_t styr_sandbox_memory(const styr_sandbox *sb);
/* The number of the current run (document) in this state, from 1. Views of
 * a document made during a run are valid only while it lasts (luadoc.h). */
unsigned long styr_sandbox_epoch(const styr_sandbox *sb);
/* Ends the current run: views of its document become stale. */
void styr_sandbox_end_epoch(styr_sandbox *sb);
size_t styr_sandbox_peak_memory(const styr_sandbox *sb);

#endif
