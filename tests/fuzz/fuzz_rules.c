/* fuzz_rules.c - rule bodies made from the rule API's functions, run over a
 * fixed plan. The input's bytes choose statements (report(), the document
 * helpers, nearest, date, pattern, registry, the string and table library,
 * metatables, pcall, error, loops) and their arguments (ids, huge and
 * negative numbers, long strings, views kept across calls); the generated
 * rule file is loaded as a ruleset of its own and the plan is judged.
 *
 * The oracle: no crash, no sanitizer report, and every rule that failed is
 * reported with a position (file:line) - the sandbox must contain whatever
 * the rule does, within the fuzzing limits (2,000,000 instructions, 64 MiB,
 * 2 s a call). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "doc.h"
#include "fuzz_common.h"
#include "validate.h"

/* What every run of the generated rules is told. */
static styr_run_opts rules_run_opts = {STYR_LANG_SV, 0, NULL, NULL};

/* Reads the input a byte at a time; past its end, zeros. */
typedef struct bytes {
    const uint8_t *p;
    size_t n, i;
} bytes;

static unsigned next(bytes *b) { return b->i < b->n ? b->p[b->i++] : 0; }

static const char *const strings[] = {
    "\"owner\"", "\"id\"", "\"1.1\"", "\"strategy\"", "\"financing\"", "\"\"", "\"ö\\0x\"",
    "string.rep('a', 100000)", "string.rep('(', 5000)", "tostring(math.maxinteger)", "\"%b()\"",
    "\"rules/core/owner.lua:4: forged\"", "\"\\27[2J\"", "kept and tostring(kept) or 'none'",
};
static const char *const numbers[] = {
    "0", "1", "-1", "2", "math.maxinteger", "math.mininteger", "1 << 62", "2932897", "-719529",
    "0.5", "1/0", "-(0/0)", "100000", "#a",
};
static const char *const views[] = {"a", "plan", "plan.actions", "a.financing", "kept", "plan.strategies"};

static void pick(bytes *b, FILE *out, const char *const *from, size_t n)
{
    fputs(from[next(b) % n], out);
}

#define PICK(b, out, arr) pick(b, out, arr, sizeof arr / sizeof arr[0])

/* One statement chosen by the next byte. */
static void statement(bytes *b, FILE *out, int depth)
{
    unsigned op = next(b) % 24;
    fputs("    ", out);
    switch (op) {
    case 0: fputs("report(", out); PICK(b, out, views); fputs(", ", out); PICK(b, out, strings); fputs(", {x = ", out); PICK(b, out, strings); fputs("})\n", out); break;
    case 1: fputs("report(", out); PICK(b, out, views); fputs(", ", out); PICK(b, out, numbers); fputs(")\n", out); break;
    case 2: fputs("local _ = text(", out); PICK(b, out, views); fputs(", ", out); PICK(b, out, strings); fputs(")\n", out); break;
    case 3: fputs("for k, v in pairs(", out); PICK(b, out, views); fputs(") do n = n + 1 end\n", out); break;
    case 4: fputs("for i, v in each(", out); PICK(b, out, views); fputs(") do n = n + 1 end\n", out); break;
    case 5: fputs("local _ = nearest(", out); PICK(b, out, strings); fputs(", {", out); PICK(b, out, strings); fputs(", ", out); PICK(b, out, strings); fputs("})\n", out); break;
    case 6: fputs("local _ = date.format(", out); PICK(b, out, numbers); fputs(")\n", out); break;
    case 7: fputs("local _ = date.parse(", out); PICK(b, out, strings); fputs(")\n", out); break;
    case 8: fputs("local _ = find_action(", out); PICK(b, out, strings); fputs(")\n", out); break;
    case 9: fputs("local _ = find_strategy(", out); PICK(b, out, strings); fputs(")\n", out); break;
    case 10: fputs("local _ = string.rep(", out); PICK(b, out, strings); fputs(", ", out); PICK(b, out, numbers); fputs(")\n", out); break;
    case 11: fputs("local _ = (", out); PICK(b, out, strings); fputs("):find(", out); PICK(b, out, strings); fputs(")\n", out); break;
    case 12: fputs("table.move({1, 2, 3}, 1, ", out); PICK(b, out, numbers); fputs(", 2, {})\n", out); break;
    case 13: fputs("setmetatable({}, setmetatable({}, {__index = function(t, k) rawset(t, '__gc', function() report(plan, nil) end) end}))\n", out); break;
    case 14: fputs("kept = ", out); PICK(b, out, views); fputs("\n", out); break;
    case 15: fputs("error(", out); PICK(b, out, strings); fputs(", ", out); PICK(b, out, numbers); fputs(")\n", out); break;
    case 16: fputs("local _ = pcall(", out); fputs(next(b) & 1 ? "error" : "report", out); fputs(", ", out); PICK(b, out, views); fputs(")\n", out); break;
    case 17: fputs("local f = pairs(", out); PICK(b, out, views); fputs("); pcall(f, ", out); PICK(b, out, numbers); fputs(")\n", out); break;
    case 18: fputs("local _ = line(", out); PICK(b, out, views); fputs(", ", out); PICK(b, out, strings); fputs(")\n", out); break;
    case 19: fputs("local _ = registry.suggest(\"owner\", ", out); PICK(b, out, strings); fputs(")\n", out); break;
    case 20: fputs("hoard[#hoard + 1] = string.rep('h', 1 << 16)\n", out); break;
    case 21: fputs("local _ = table.concat({", out); PICK(b, out, strings); fputs("}, ',', 1, ", out); PICK(b, out, numbers); fputs(")\n", out); break;
    case 22:
        if (depth < 3) {
            fputs("for i = 1, ", out);
            PICK(b, out, numbers);
            fputs(" do\n", out);
            statement(b, out, depth + 1);
            fputs("    end\n", out);
        } else {
            fputs("n = n + 1\n", out);
        }
        break;
    default: fputs("local _ = kind(", out); PICK(b, out, views); fputs(")\n", out); break;
    }
}

/* The fixed plan, loaded once. */
static styr_doc *fixed_plan(void)
{
    static styr_doc *doc;
    if (!doc) {
        styr_limits lim;
        fuzz_limits(&lim);
        styr_error err;
        if (styr_doc_load_file(STYR_SOURCE_DIR "/rules/goteborg/tests/clean.yaml", &lim, &doc, &err) != STYR_OK) {
            fprintf(stderr, "fuzz: cannot load the plan: %s\n", err.message);
            abort();
        }
    }
    return doc;
}

/* The ruleset folder the generated rule file is written to (one a process). */
static char dir[64];

static void remove_dir(void)
{
    char p[128];
    snprintf(p, sizeof p, "%s/fuzz.lua", dir);
    unlink(p);
    snprintf(p, sizeof p, "%s/ruleset.yaml", dir);
    unlink(p);
    rmdir(dir);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!dir[0]) {
        snprintf(dir, sizeof dir, "/tmp/styr-fuzz-rules.%ld", (long)getpid());
        mkdir(dir, 0700);
        atexit(remove_dir);
        char p[128];
        snprintf(p, sizeof p, "%s/ruleset.yaml", dir);
        FILE *f = fopen(p, "w");
        if (!f)
            abort();
        fputs("kind: ruleset\nversion: 1\nname: fuzz-rules\n", f);
        fclose(f);
    }
    char path[128];
    snprintf(path, sizeof path, "%s/fuzz.lua", dir);
    FILE *out = fopen(path, "w");
    if (!out)
        abort();
    bytes b = {data, size, 0};
    fputs("local kept\nlocal hoard = {}\nrule {\n  id = \"action.fuzz.body\",\n  severity = \"info\",\n"
          "  message = {sv = \"{x}\", en = \"{x}\"},\n  check = function(a, plan)\n    local n = 0\n", out);
    for (int k = 0; k < 12 && b.i < b.n; k++)
        statement(&b, out, 0);
    fputs("  end,\n}\n", out);
    fclose(out);

    styr_limits lim;
    fuzz_limits(&lim);
    lim.lua_max_bytes = 64u * 1024 * 1024;
    lim.lua_max_seconds = 2;
    styr_ruleset *rs = NULL;
    styr_error err;
    styr_check_init();
    if (styr_ruleset_load_from(dir, bundled_rules, &lim, &rs, &err) == STYR_OK) {
        styr_file_result res;
        memset(&res, 0, sizeof res);
        if (styr_validate_doc(rs, &rules_run_opts, fixed_plan(), &res, &err) == STYR_OK) {
            for (size_t i = 0; i < res.nrule_errors; i++)
                if (!res.rule_errors[i].file[0] || !res.rule_errors[i].line) {
                    fprintf(stderr, "a rule error without a position: %s\n", res.rule_errors[i].message);
                    abort();
                }
        }
        styr_file_result_free(&res);
    } else if (!err.file[0]) {
        fprintf(stderr, "a ruleset error without a file: %s\n", err.message);
        abort();
    }
    styr_ruleset_free(rs);
    return 0;
}
