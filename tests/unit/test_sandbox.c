/* test_sandbox.c - unit tests of engine/sandbox.c: what a rule file can and
 * cannot reach, the instruction budget a rule's pcall cannot swallow, the
 * memory cap, text-only loading and per-file environments. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>
#include <lauxlib.h>

#include "mem_budget.h"
#include "sandbox.h"

/* The run's memory budget charges C-side bytes up to its cap exactly: a
 * charge that fills it is taken, one byte more is not, and what is given
 * back can be taken again. */
static void test_membudget_edges(void **state)
{
    (void)state;
    styr_membudget *b = styr_membudget_new(100);
    assert_non_null(b);
    assert_int_equal(styr_membudget_take(b, 100), 0);    /* exactly the cap */
    assert_int_equal(styr_membudget_take(b, 1), -1);
    styr_membudget_give(b, 100);
    assert_int_equal(styr_membudget_take(b, 101), -1);   /* more than the cap at once */
    assert_int_equal(styr_membudget_take(b, 60), 0);
    assert_int_equal(styr_membudget_take(b, 40), 0);     /* fills it to the byte */
    assert_int_equal(styr_membudget_take(b, 1), -1);
    assert_int_equal(styr_membudget_others(b, -1), 100);
    styr_membudget_give(b, 100);
    assert_int_equal(styr_membudget_others(b, -1), 0);
    styr_membudget_unref(b);
}

typedef struct fixture {
    styr_sandbox *sb;
    char path[64];
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    styr_limits lim;
    styr_limits_default(&lim);
    lim.lua_max_bytes = 32u * 1024 * 1024;
    lim.lua_max_instructions = 2000000;
    lim.lang = 1;   /* English: these tests read the messages' words (test_swedish_messages the Swedish) */
    styr_error err;
    f->sb = styr_sandbox_new(&lim, &err);
    assert_non_null(f->sb);
    snprintf(f->path, sizeof f->path, "/tmp/styr-sandbox-XXXXXX");
    int fd = mkstemp(f->path);
    assert_true(fd >= 0);
    close(fd);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    unlink(f->path);
    styr_sandbox_free(f->sb);
    free(f);
    return 0;
}

static void write_file(const char *path, const char *src, size_t len)
{
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    assert_int_equal(fwrite(src, 1, len, fp), len);
    fclose(fp);
}

/* Runs src as a rule file in a fresh environment; returns the status and
 * leaves the message in err. */
static styr_status run(fixture *f, const char *src, styr_error *err)
{
    lua_State *L = styr_sandbox_lua(f->sb);
    write_file(f->path, src, strlen(src));
    styr_sandbox_new_env(f->sb, f->path);
    styr_error_clear(err);
    styr_status st = styr_sandbox_load(f->sb, f->path, -1, err);
    if (st == STYR_OK)
        st = styr_sandbox_call(f->sb, 0, 0, "t", err);
    lua_pop(L, 1);
    assert_int_equal(lua_gettop(L), 0);   /* nothing left behind, whatever happened */
    return st;
}

static void expect_failure(fixture *f, const char *src, const char *part)
{
    styr_error err;
    assert_int_not_equal(run(f, src, &err), STYR_OK);
    if (!strstr(err.message, part))
        fail_msg("message '%s' does not contain '%s'", err.message, part);
}

static void test_plain_code_runs(void **state)
{
    fixture *f = *state;
    styr_error err;
    assert_int_equal(run(f, "local t = {} for i = 1, 100 do t[i] = string.format('%d', i) end\n"
                            "assert(#t == 100 and math.max(1, 2) == 2 and utf8.len('åäö') == 3)\n"
                            "assert(table.concat({'a', 'b'}, '-') == 'a-b')\n", &err), STYR_OK);
}

static void test_blocked_names(void **state)
{
    fixture *f = *state;
    expect_failure(f, "io.open('/etc/passwd')", "'io.open' is not allowed");
    expect_failure(f, "os.execute('true')", "'os.execute' is not allowed");
    expect_failure(f, "os.getenv('HOME')", "'os.getenv' is not allowed");
    expect_failure(f, "require('os')", "'require' is not allowed");
    expect_failure(f, "load('return 1')()", "'load' is not allowed");
    expect_failure(f, "loadstring('return 1')", "'loadstring' is not allowed");
    expect_failure(f, "dofile('/etc/passwd')", "'dofile' is not allowed");
    expect_failure(f, "loadfile('/etc/passwd')", "'loadfile' is not allowed");
    expect_failure(f, "debug.getinfo(1)", "'debug.getinfo' is not allowed");
    expect_failure(f, "coroutine.wrap(function() end)()", "'coroutine.wrap' is not allowed");
    expect_failure(f, "collectgarbage()", "'collectgarbage' is not allowed");
    expect_failure(f, "string.dump(function() end)", "'string.dump' is not allowed");
    expect_failure(f, "math.random()", "'math.random' is not allowed");
    expect_failure(f, "package.loaded.os.exit()", "'package.loaded' is not allowed");
    /* a member is blocked in its own library only: table, utf8 and math have
     * no dump, and string no random, to block */
    styr_error err;
    assert_int_equal(run(f, "assert(table.dump == nil and table.random == nil and utf8.randomseed == nil)\n"
                            "assert(math.dump == nil and string.random == nil)\n", &err), STYR_OK);
}

/* In a Swedish run (the default language) a rule author reads the
 * sandbox's words in Swedish: the crash, a misspelt name, a forbidden call,
 * a limit. */
static void test_swedish_messages(void **state)
{
    (void)state;
    styr_limits lim;
    styr_limits_default(&lim);
    lim.lua_max_bytes = 32u * 1024 * 1024;
    lim.lua_max_instructions = 2000000;
    styr_error err;
    fixture f;
    f.sb = styr_sandbox_new(&lim, &err);
    assert_non_null(f.sb);
    snprintf(f.path, sizeof f.path, "/tmp/styr-sandbox-XXXXXX");
    int fd = mkstemp(f.path);
    assert_true(fd >= 0);
    close(fd);
    static const struct { const char *src, *says; } cases[] = {
        {"reprot(1)\n", "regeln t kraschade: okänt namn 'reprot' (felstavat? varje regelfil har sina egna globala namn)"},
        {"io.open('x')\n", "regeln t kraschade: 'io.open' är inte tillåtet i regler: regler kommer inte åt filer"},
        {"require('x')\n", "'require' är inte tillåtet i regler: regler kan inte ladda moduler"},
        {"while true do end\n", "regeln t kraschade: stoppad efter 2000000 instruktioner (en oändlig slinga?); "
                                  "höj --max-instructions om regeln är rätt"},
        {"local t = {} for i = 1, 1e9 do t[i] = string.rep('x', 1000) .. i end\n",
         "stoppad: reglerna använde mer än 32 MiB minne; höj --max-rule-memory om regeln är rätt"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++)
        expect_failure(&f, cases[k].src, cases[k].says);
    unlink(f.path);
    styr_sandbox_free(f.sb);
}

/* A rule past its wall time (--max-rule-seconds) is stopped and told so,
 * in Swedish by default, with the limit it ran into: not as a rule that
 * ran out of instructions or memory. */
static void test_time_limit_message(void **state)
{
    (void)state;
    styr_limits lim;
    styr_limits_default(&lim);
    lim.lua_max_seconds = 0.2;
    lim.lua_max_instructions = 1000000000000ull;   /* far beyond 0.2 s of looping */
    styr_error err;
    fixture f;
    f.sb = styr_sandbox_new(&lim, &err);
    assert_non_null(f.sb);
    snprintf(f.path, sizeof f.path, "/tmp/styr-sandbox-XXXXXX");
    int fd = mkstemp(f.path);
    assert_true(fd >= 0);
    close(fd);
    assert_int_equal(run(&f, "while true do end\n", &err), STYR_E_RULE);
    assert_string_equal(err.message, "regeln t kraschade: stoppad efter 0,2 s (ett anrop som tar för lång tid); "
                                     "höj --max-rule-seconds om regeln är rätt");
    unlink(f.path);
    styr_sandbox_free(f.sb);
}

static void test_undefined_global_is_an_error(void **state)
{
    fixture *f = *state;
    expect_failure(f, "local x = reprot\n", "undefined name 'reprot'");
}

static void test_error_position_is_the_rule_line(void **state)
{
    fixture *f = *state;
    styr_error err;
    assert_int_equal(run(f, "local a = 1\n\nlocal b = nil + a\n", &err), STYR_E_RULE);
    assert_string_equal(err.file, f->path);
    assert_int_equal(err.line, 3);
    assert_non_null(strstr(err.message, "rule t crashed: "));
    assert_non_null(strstr(err.message, "arithmetic"));
}

static void test_error_with_table_value(void **state)
{
    fixture *f = *state;
    styr_error err;
    assert_int_equal(run(f, "\nerror({code = 1})\n", &err), STYR_E_RULE);
    assert_non_null(strstr(err.message, "error raised with a table value"));
    assert_int_equal(err.line, 2);
}

/* assert() as Lua's own: without an argument it is a bad call, not a
 * failed assertion; with a false value and no message, "assertion failed!". */
static void test_assert_needs_a_value(void **state)
{
    fixture *f = *state;
    styr_error err;
    assert_int_equal(run(f, "\nassert()\n", &err), STYR_E_RULE);
    assert_string_equal(err.message, "rule t crashed: bad argument #1 to 'assert' (value expected)");
    assert_int_equal(err.line, 2);
    assert_int_equal(run(f, "assert(false)\n", &err), STYR_E_RULE);
    assert_string_equal(err.message, "rule t crashed: assertion failed!");
}

static void test_endless_loop_stops(void **state)
{
    fixture *f = *state;
    styr_error err;
    assert_int_equal(run(f, "while true do end\n", &err), STYR_E_RULE);
    assert_non_null(strstr(err.message, "stopped after 2000000 instructions"));
    assert_int_equal(err.code, STYR_E_RULE);   /* the error says what it is, as the status does */
    assert_int_equal(err.line, 1);
}

static void test_pcall_cannot_swallow_the_stop(void **state)
{
    fixture *f = *state;
    expect_failure(f,
                   "for i = 1, 1000 do\n"
                   "  pcall(function() while true do end end)\n"
                   "end\n"
                   "return 'escaped'\n",
                   "stopped after");
    /* The same trick with xpcall and an error handler that loops. */
    expect_failure(f, "xpcall(function() while true do end end, function() while true do end end)\n",
                   "stopped after");
}

static void test_deep_recursion_is_contained(void **state)
{
    fixture *f = *state;
    /* Lua's own stack limit, or this sandbox's memory cap, whichever comes first. */
    styr_error err;
    assert_int_equal(run(f, "local function r(n) return 1 + r(n + 1) end\nr(1)\n", &err), STYR_E_RULE);
    assert_true(strstr(err.message, "stack overflow") || strstr(err.message, "more than 32 MiB"));
    assert_int_equal(run(f, "assert(1 + 1 == 2)\n", &err), STYR_OK);
}

static void test_memory_bombs_stop(void **state)
{
    fixture *f = *state;
    /* string.rep refuses a result beyond the cap before allocating it. */
    expect_failure(f, "local s = string.rep('x', 1 << 30)\n", "more than the 32 MiB rules may use");
    expect_failure(f, "local s = ('x'):rep(1 << 30)\n", "more than the 32 MiB rules may use");
    /* A result reckoned at exactly the cap (16 Mi of 'x' and 16 Mi of ','
     * less one) is not refused up front: it is the allocation that then
     * stops the rule, as memory that runs out does */
    expect_failure(f, "local s = string.rep('x', 16 * 1024 * 1024, ',')\n", "the rules used more than 32 MiB");
    /* Growth step by step is stopped by the cap, at the rule's line. */
    styr_error err;
    assert_int_equal(run(f, "local t = {}\nfor i = 1, 1e9 do t[i] = ('x'):rep(1000) .. i end\n", &err), STYR_E_RULE);
    if (!strstr(err.message, "more than 32 MiB"))
        fail_msg("message: %s", err.message);
    assert_int_equal(err.line, 2);
    assert_int_equal(run(f, "local s = 'x'\nfor i = 1, 40 do s = s .. s end\n", &err), STYR_E_RULE);
    if (!strstr(err.message, "more than 32 MiB"))
        fail_msg("message: %s", err.message);
    assert_int_equal(err.line, 2);
    /* Memory that runs out inside a library function (string.rep builds
     * each 100 kB text) is blamed on the rule's line that called it, not on
     * the C function, which has no line */
    assert_int_equal(run(f, "local t = {}\nfor i = 1, 1e9 do t[i] = string.rep('y', 100000, tostring(i)) end\n", &err),
                     STYR_E_RULE);
    if (!strstr(err.message, "more than 32 MiB"))
        fail_msg("message: %s", err.message);
    assert_int_equal(err.line, 2);
    assert_string_equal(err.file, f->path);
    /* A caught memory error is stopped again by the hook. */
    expect_failure(f, "for i = 1, 100 do pcall(function() local t = {} for j = 1, 1e9 do t[j] = ('x'):rep(1000) .. j end end) end\n",
                   "more than 32 MiB");
    /* And the state works afterwards. */
    assert_int_equal(run(f, "local s = string.rep('x', 1000)\nassert(#s == 1000)\n", &err), STYR_OK);
    /* No repetitions, or fewer than none, are an empty text and cost nothing */
    assert_int_equal(run(f, "assert(string.rep('x', 0) == '' and ('x'):rep(-3, ',') == '')\n", &err), STYR_OK);
    /* Empty texts are counted too: one repetition more than the cap in
     * bytes is refused (else a huge count loops inside one C call), as
     * many as the cap are not. */
    expect_failure(f, "local s = string.rep('', 32 * 1024 * 1024 + 1)\n", "times: more repetitions than the 32 MiB");
    assert_int_equal(run(f, "assert(string.rep('', 32 * 1024 * 1024) == '')\n", &err), STYR_OK);
    /* A range of slots too long for one call is refused up front, and the
     * message counts its slots, both ends included: 1 to 2^40 is 2^40 */
    expect_failure(f, "local s = table.concat({}, ',', 1, 1 << 40)\n",
                   "table.concat over 1099511627776 slots is more than one rule call may do");
}

/* Lua patterns backtrack inside one C call, out of the hook's reach: the
 * matcher counts its steps against the call's instruction budget, so a
 * pattern that would run for ages is stopped at the rule's line, also when
 * the rule catches the error with pcall. */
static void test_pattern_bombs_are_refused(void **state)
{
    fixture *f = *state;
    expect_failure(f, "string.find(('a'):rep(40), ('a*'):rep(40) .. 'b')\n", "library calls did the work of more than");
    expect_failure(f, "(('a'):rep(5000)):match('.-.-.-.-b')\n", "library calls did the work of more than");
    expect_failure(f, "for i = 1, 10 do pcall(string.find, ('a'):rep(1e5), 'a*b') end\n",
                   "library calls did the work of more than");
    expect_failure(f, "local s = ('('):rep(1e5)\nfor i = 1, 1e6 do s:gsub('%b()', '') end\n",
                   "library calls did the work of more than");
    /* string.upper and its kind go over their whole input in one C call:
     * the input's bytes are charged (four a step), the text in the first
     * argument too: 20 MB is 5,000,000 steps against the 2,000,000 */
    expect_failure(f, "local s = ('a'):rep(1e6)\nfor i = 1, 20 do s:upper() end\n",
                   "library calls did the work of more than");
    expect_failure(f, "local s = ('a'):rep(1e6)\nfor i = 1, 20 do string.reverse(s) end\n",
                   "library calls did the work of more than");
    styr_error err;
    assert_int_equal(run(f, "assert(('insats 5.2'):match('%d+%.%d+') == '5.2')\n"
                            "assert(select(2, ('a,b,c'):gsub(',', ';')) == 2)\n", &err), STYR_OK);
}

static void test_finalizers_are_refused(void **state)
{
    fixture *f = *state;
    expect_failure(f, "setmetatable({}, {__gc = function() while true do end end})\n", "'__gc' is not allowed");
    expect_failure(f, "local d = ('').dump\nassert(d == nil)\nd(print)\n", "attempt to call a nil value");
}

static void test_print_is_bounded(void **state)
{
    fixture *f = *state;
    styr_error err;
    /* 64 MiB, 100 times: after 1 MiB of output print stops writing. */
    assert_int_equal(run(f, "local big = string.rep('p', 8 << 20)\nfor i = 1, 100 do print(big) end\n", &err), STYR_OK);
}

typedef struct { char data[8192]; size_t len; } dump_buf;

/* print() output that sums to exactly the 1 MiB budget (each line counts
 * its "file: " prefix and its line end) is written whole, then the note
 * that the rest is left out; nothing after it. */
static void test_print_budget_exactly(void **state)
{
    fixture *f = *state;
    const size_t budget = 1024u * 1024, p = strlen(f->path) + 2;
    const size_t c = p + 2000 + 1, t = budget - (p + 5 + 1);   /* a bulk line; all but the last line */
    const size_t n = t / c - 1, filler = t - n * c - p - 1;
    char src[512];
    snprintf(src, sizeof src,
             "local a = string.rep('a', 2000)\nfor i = 1, %zu do print(a) end\n"
             "print(string.rep('b', %zu))\nprint('zzzzz')\nprint('after')\n", n, filler);
    char out[] = "/tmp/styr-print-XXXXXX";
    int fd = mkstemp(out);
    assert_true(fd >= 0);
    fflush(stderr);
    int saved = dup(2);
    dup2(fd, 2);
    styr_error err;
    styr_status st = run(f, src, &err);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    assert_int_equal(st, STYR_OK);
    off_t size = lseek(fd, 0, SEEK_END);
    char tail[256];
    const char *want = ": zzzzz\n(print: more than 1048576 bytes; the rest of the rules' print output is left out)\n";
    assert_true(size > (off_t)strlen(want));
    assert_int_equal(pread(fd, tail, strlen(want), size - (off_t)strlen(want)), (ssize_t)strlen(want));
    tail[strlen(want)] = '\0';
    close(fd);
    unlink(out);
    assert_string_equal(tail, want);
    assert_int_equal(size, (off_t)(budget + strlen(want) - strlen(": zzzzz\n")));
}

static int dump_writer(lua_State *L, const void *p, size_t sz, void *ud)
{
    (void)L;
    dump_buf *b = ud;
    if (b->len + sz > sizeof b->data)
        return 1;
    memcpy(b->data + b->len, p, sz);
    b->len += sz;
    return 0;
}

static void test_binary_chunk_refused(void **state)
{
    fixture *f = *state;
    /* Real bytecode, made in a separate, unsandboxed state. */
    lua_State *L = luaL_newstate();
    assert_int_equal(luaL_loadstring(L, "return 1"), LUA_OK);
    dump_buf b = {{0}, 0};
    assert_int_equal(lua_dump(L, dump_writer, &b, 0), 0);
    lua_close(L);
    write_file(f->path, b.data, b.len);
    styr_sandbox_new_env(f->sb, f->path);
    styr_error err;
    assert_int_equal(styr_sandbox_load(f->sb, f->path, -1, &err), STYR_E_RULESET);
    /* styr's own words, not Lua's "attempt to load a binary chunk" */
    if (!strstr(err.message, "precompiled (binary) Lua chunks are not accepted; give the rule as source text"))
        fail_msg("message: %s", err.message);
    lua_pop(styr_sandbox_lua(f->sb), 1);
}

/* A file that says it is empty but reads on (as /proc's files do, or one
 * that grows while it is read) is refused whole: nothing of it runs. */
static void test_file_longer_than_it_says(void **state)
{
    fixture *f = *state;
    struct stat st;
    if (stat("/proc/self/status", &st) != 0 || !S_ISREG(st.st_mode) || st.st_size != 0)
        skip();
    styr_sandbox_new_env(f->sb, "/proc/self/status");
    styr_error err;
    assert_int_equal(styr_sandbox_load(f->sb, "/proc/self/status", -1, &err), STYR_E_RULESET);
    assert_string_equal(err.message, "cannot read rule file");
    lua_pop(styr_sandbox_lua(f->sb), 1);
}

/* A rule file that cannot be opened (gone since the folder was listed)
 * says why, not that it is no regular file. */
static void test_missing_file_says_why(void **state)
{
    fixture *f = *state;
    char gone[80];
    snprintf(gone, sizeof gone, "%s.gone", f->path);
    styr_sandbox_new_env(f->sb, gone);
    styr_error err;
    assert_int_equal(styr_sandbox_load(f->sb, gone, -1, &err), STYR_E_RULESET);
    if (strncmp(err.message, "cannot read rule file: ", 23) != 0)
        fail_msg("message: %s", err.message);
    lua_pop(styr_sandbox_lua(f->sb), 1);
}

/* A folder opens like a file, but it is no rule file: it is refused as
 * such, not read. */
static void test_directory_is_no_rule_file(void **state)
{
    fixture *f = *state;
    styr_sandbox_new_env(f->sb, ".");
    styr_error err;
    assert_int_equal(styr_sandbox_load(f->sb, ".", -1, &err), STYR_E_RULESET);
    assert_string_equal(err.message, "a rule file must be a regular file");
    lua_pop(styr_sandbox_lua(f->sb), 1);
}

static void test_environments_are_separate(void **state)
{
    fixture *f = *state;
    styr_error err;
    assert_int_equal(run(f, "leftover = 42\nstring.format = nil\n", &err), STYR_OK);
    expect_failure(f, "assert(leftover == nil)\n", "undefined name 'leftover'");
    assert_int_equal(run(f, "assert(string.format('%d', 7) == '7')\n", &err), STYR_OK);
}

static void test_string_metatable_is_locked(void **state)
{
    fixture *f = *state;
    expect_failure(f, "getmetatable('').__index = {}\n", "attempt to index");
    expect_failure(f, "setmetatable(_G, nil)\n", "cannot change a protected metatable");
    styr_error err;
    assert_int_equal(run(f, "assert(('abc'):upper() == 'ABC')\n", &err), STYR_OK);
}

static void test_memory_is_counted(void **state)
{
    fixture *f = *state;
    assert_true(styr_sandbox_memory(f->sb) > 0);
    assert_true(styr_sandbox_peak_memory(f->sb) >= styr_sandbox_memory(f->sb));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_membudget_edges),
        cmocka_unit_test_setup_teardown(test_plain_code_runs, setup, teardown),
        cmocka_unit_test_setup_teardown(test_blocked_names, setup, teardown),
        cmocka_unit_test_setup_teardown(test_undefined_global_is_an_error, setup, teardown),
        cmocka_unit_test(test_swedish_messages),
        cmocka_unit_test(test_time_limit_message),
        cmocka_unit_test_setup_teardown(test_error_position_is_the_rule_line, setup, teardown),
        cmocka_unit_test_setup_teardown(test_error_with_table_value, setup, teardown),
        cmocka_unit_test_setup_teardown(test_assert_needs_a_value, setup, teardown),
        cmocka_unit_test_setup_teardown(test_endless_loop_stops, setup, teardown),
        cmocka_unit_test_setup_teardown(test_pcall_cannot_swallow_the_stop, setup, teardown),
        cmocka_unit_test_setup_teardown(test_deep_recursion_is_contained, setup, teardown),
        cmocka_unit_test_setup_teardown(test_memory_bombs_stop, setup, teardown),
        cmocka_unit_test_setup_teardown(test_pattern_bombs_are_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_finalizers_are_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_print_is_bounded, setup, teardown),
        cmocka_unit_test_setup_teardown(test_print_budget_exactly, setup, teardown),
        cmocka_unit_test_setup_teardown(test_binary_chunk_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_environments_are_separate, setup, teardown),
        cmocka_unit_test_setup_teardown(test_file_longer_than_it_says, setup, teardown),
        cmocka_unit_test_setup_teardown(test_missing_file_says_why, setup, teardown),
        cmocka_unit_test_setup_teardown(test_directory_is_no_rule_file, setup, teardown),
        cmocka_unit_test_setup_teardown(test_string_metatable_is_locked, setup, teardown),
        cmocka_unit_test_setup_teardown(test_memory_is_counted, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
