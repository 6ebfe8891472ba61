/* cli.c - the styr command line: parses arguments, runs a command, picks a
 * report writer and maps the outcome to an exit code (FORMATS.md section 5).
 * The only place that decides the process's exit status. */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "doc.h"
#include "plan_sheets.h"
#include "plan_template.h"
#include "xlsx_score.h"
#include "xlsx_write.h"
#include "yaml_write.h"
#include "json.h"
#include "report.h"
#include "report_html.h"
#include "report_score.h"
#include "score.h"
#include "ruleset.h"
#include "rulesdoc.h"
#include "rulestest.h"
#include "text.h"
#include "validate.h"

#include "styr.h"

#ifndef STYR_VERSION
#define STYR_VERSION STYR_VERSION_STRING
#endif

enum { EXIT_CLEAN = 0, EXIT_FINDINGS = 1, EXIT_FAILED = 2 };

typedef struct options {
    const char *rules;
    const char *format;
    const char *output;
    styr_severity fail_on;
    int lang;
    int quiet;
    styr_limits lim;
    const char **files;
    size_t nfiles;
    const char **scenarios;      /* score, sensitivity: --scenario (repeatable) */
    size_t nscenarios;
    int explain;
    int profile;                 /* validate: time each rule, report on stderr */
    int no_remediation;          /* text: no "what to do" line under each finding */
    int score_xlsx_ok;           /* the command writes --format xlsx (score) */
    uint64_t samples, seed;
    double spread;               /* < 0: sample uniformly on the simplex */
    unsigned threads;
} options;

static const char *const usage_text =
    "usage: styr validate PLAN.yaml... [--rules NAME|DIR] [--format FORMAT]\n"
    "                     [--fail-on error|warning|info] [--lang sv|en] [-o FILE]\n"
    "       styr score AREAS.yaml --scenario S.yaml [--scenario T.yaml ...] [--explain]\n"
    "                  [--format text|json] [--rules NAME|DIR] [--lang sv|en] [-o FILE]\n"
    "       styr sensitivity AREAS.yaml --scenario S.yaml [--samples N] [--seed N]\n"
    "                  [--spread X] [--threads N] [--format text|json] [-o FILE]\n"
    "       styr report PLAN.yaml AREAS.yaml --scenario S.yaml [...] [-o FILE.html]\n"
    "       styr rules list|test|doc [--rules NAME|DIR] [--format text|json] [--lang sv|en]\n"    "       styr template [--format yaml|xlsx] [--rules NAME|DIR] [-o FILE]\n"
    "       styr convert PLAN.yaml|PLAN.xlsx -o OUT.xlsx|OUT.yaml\n"
    "       styr --version | styr help [COMMAND]\n";

static const char *const help_validate =
    "styr validate PLAN.yaml... [options]\n"
    "\n"
    "Checks action plans (kind: action-plan) - and innovation-areas or scenario\n"
    "files - against a ruleset and prints every finding with file, line and column.\n"
    "A plan may be an Excel workbook (PLAN.xlsx, FORMATS.md section 14): its findings\n"
    "then name the sheet and cell (plan.xlsx:Insatser!E12).\n"
    "\n"
    "  --rules NAME|DIR   ruleset to use (default: goteborg)\n"
    "  --format FMT       text (default), json, sarif (SARIF 2.1.0), junit (JUnit XML),\n"
    "                     github (workflow annotations), markdown, html or xlsx (a\n"
    "                     workbook: a summary sheet and one row a finding; needs -o\n"
    "                     or a pipe)\n"
    "  --fail-on LEVEL    lowest severity that makes the exit code 1: error (default),\n"
    "                     warning or info\n"
    "  --lang sv|en       language of the messages (default: sv)\n"
    "  -o FILE            write the report to FILE (replaced only when complete)\n"
    "  -q, --quiet        print nothing; only the exit code tells\n"
    "  --no-remediation   text: one line a finding, without the indented line that\n"
    "                     says what to do (-q prints nothing at all)\n"
    "  --profile-rules    after the report, show on standard error how long each\n"
    "                     rule took (for rule authors: which rule is slow)\n"
    "  --threads N        1 judges on one core; by default a plan of 2000 actions or\n"
    "                     more is judged on two (the report is the same)\n"
    "\n"
    "Limits (exceeding one is an error with file:line:col and exit code 2):\n"
    "  --max-file-size BYTES     input file size (default 64M; K, M and G suffixes)\n"
    "  --max-depth N             nesting of lists and mappings (default 64)\n"
    "  --max-alias-nodes N       nodes reachable through YAML aliases (default 1000000)\n"
    "  --max-scalar-size BYTES   one value's length (default 1M)\n"
    "  --max-findings N          findings kept per file; more are counted (default 100000)\n"
    "  --max-rule-memory BYTES   memory of all rules together (default 512M)\n"
    "  --max-instructions N      Lua instructions per rule call (default 10000000)\n"
    "\n"
    "Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it;\n"
    "2 the run failed (bad usage, unreadable or malformed input, a ruleset that does\n"
    "not load, a rule that crashed, ran too long or used too much memory).\n";

static const char *const help_rules =
    "styr rules list [--rules NAME|DIR] [--format text|json] [--lang sv|en]\n"
    "\n"
    "styr rules test [--rules NAME|DIR] [-q]\n"
    "styr rules doc [--rules NAME|DIR] [-o FILE]\n"
    "\n"
    "list: the rules of a ruleset (with those it extends): id, severity in force,\n"
    "what the rule applies to, the ruleset that declares it, and its message.\n"
    "test: runs the fixtures under each ruleset's tests/ folder. A fixture's first\n"
    "comment lines say what must happen:\n"
    "  # styr-test: fires RULE-ID...    each of these rules reports something\n"
    "  # styr-test: quiet RULE-ID...    none of them does (quiet * : no finding at all)\n"
    "  # styr-test: fails TEXT          the file cannot be judged, with TEXT in the message\n"
    "Every rule must fire in one fixture and stay quiet in another. Exit 0 when all\n"
    "pass, 1 when one fails.\n"
    "doc: Markdown documentation of the ruleset: each rule's id, severity, scope,\n"
    "description, Swedish and English messages and what to do; and the model.\n";

static const char *const help_score =
    "styr score AREAS.yaml --scenario S.yaml [--scenario T.yaml ...] [options]\n"
    "\n"
    "Ranks the innovation areas of AREAS.yaml under each scenario, with the model of\n"
    "the ruleset (model.lua): every score is shown with each criterion's part. The\n"
    "areas file and the scenarios are judged first (area. and scenario. rules); an\n"
    "area with errors, or one that fails a gate of the model, is left out with the\n"
    "reason; a scenario with errors is not scored. With several scenarios, the ranks\n"
    "are compared side by side. A scenario with budget_sek also gets the best\n"
    "portfolio within the budget (exact, honouring include, exclude, requires and\n"
    "excludes).\n"
    "\n"
    "  --explain          show how every score was built: value, normalised value,\n"
    "                     weight and contribution of each criterion\n"
    "  --format FMT       text (default), json, markdown, csv (';' and a decimal comma\n"
    "                     with --lang sv, for Swedish Excel) or xlsx (a workbook:\n"
    "                     summary, ranking and findings sheets; needs -o or a pipe)\n"
    "  --rules, --lang, --fail-on, -o, -q and the limits: as for validate\n"
    "\n"
    "Exit codes: 0 scored without errors; 1 errors in the areas or scenarios;\n"
    "2 the run failed.\n";

static const char *const help_sensitivity =
    "styr sensitivity AREAS.yaml --scenario S.yaml [options]\n"
    "\n"
    "How robust is the scenario's ranking? Samples weightings of the criteria the\n"
    "scenario weighs and reports, for each area, the share of samples in which it\n"
    "lands at each rank (SMAA rank acceptability), the typical weighting that makes\n"
    "it best (central weights) and whether it wins with those (confidence factor).\n"
    "\n"
    "  --samples N        weight samples (default 10000)\n"
    "  --seed N           seed of the random numbers: the same seed gives the same\n"
    "                     result (default 1)\n"
    "  --spread X         sample each weight within +-X around the scenario's weights\n"
    "                     (weights sum to 1); without it, every weighting of the\n"
    "                     scenario's criteria is equally likely\n"
    "  --threads N        threads to use (default: the machine's cores); the result\n"
    "                     does not depend on it\n"
    "  --format FMT       text (default), json, markdown, csv or html\n";

static const char *const help_report =
    "styr report PLAN.yaml AREAS.yaml --scenario S.yaml [--scenario T.yaml ...] [options]\n"
    "\n"
    "Writes one self-contained HTML page (no network, charts drawn inline) for a\n"
    "board: the plan's findings per action and its strategy x programme links, each\n"
    "area's score split by criterion, the scenarios' ranks compared, the rank\n"
    "acceptability of the first scenario, and cost against score with the chosen\n"
    "portfolio and the efficient frontier.\n"
    "\n"
    "  -o FILE            write the page to FILE (default: standard output)\n"
    "  --samples N, --seed N, --spread X: as for sensitivity (default 10000 samples)\n"
    "  --rules, --lang, --fail-on and the limits: as for validate\n";

static const char *const help_template =
    "styr template [--format yaml|xlsx] [--rules NAME|DIR] [-o FILE]\n"
    "\n"
    "Writes an empty action plan to fill in: YAML with every field and, as comments,\n"
    "the names the ruleset accepts; or an Excel workbook (FORMATS.md section 14) with\n"
    "the sheets Insatser, Dokument, Strategier, Budget and Undantag, and the ruleset's\n"
    "owners, funders, programmes, financing types and statuses as drop-down lists.\n"
    "\n"
    "  --format FMT       yaml (default, or when -o ends in .yaml) or xlsx (default\n"
    "                     when -o ends in .xlsx)\n"
    "  -o FILE            write to FILE (default: standard output; a workbook is not\n"
    "                     written to a terminal)\n";

static const char *const help_convert =
    "styr convert PLAN.yaml|PLAN.xlsx -o OUT.xlsx|OUT.yaml\n"
    "\n"
    "Converts an action plan between YAML and an Excel workbook (FORMATS.md section 14)\n"
    "without losing a field: YAML -> xlsx -> YAML gives the same plan and the same\n"
    "findings. The output's format follows its extension. The plan is not judged:\n"
    "run styr validate on either file.\n"
    "\n"
    "What a workbook cannot hold - a misspelled key, a mapping where a text belongs,\n"
    "true/false, a second action with the same id - is named on standard error\n"
    "(file:line:col: not converted: ...); the workbook is written all the same and\n"
    "the exit code is 1. Exit code 2: the plan could not be read or written.\n";

static int usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Prints "styr: <what>" and the usage; returns the exit code for bad usage. */
static int usage_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("styr: ", stderr);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputs("\n", stderr);
    fputs(usage_text, stderr);
    return EXIT_FAILED;
}

/* Parses "123", "64K", "64M", "1G". */
static int parse_size(const char *s, size_t *out)
{
    errno = 0;
    char *end;
    unsigned long long v = strtoull(s, &end, 10);
    if (end == s || errno || *s == '-')
        return 0;
    unsigned long long mult = 1;
    if (*end == 'K' || *end == 'k') mult = 1024ull, end++;
    else if (*end == 'M' || *end == 'm') mult = 1024ull * 1024, end++;
    else if (*end == 'G' || *end == 'g') mult = 1024ull * 1024 * 1024, end++;
    if (*end || v > SIZE_MAX / mult || v == 0)
        return 0;
    *out = (size_t)(v * mult);
    return 1;
}

/* Parses the options shared by every command; positional arguments go to
 * o->files. Returns -1 after printing a usage error. */
static int parse_options(int argc, char **argv, int first, options *o)
{
    o->rules = "goteborg";
    o->format = "text";
    o->output = NULL;
    o->fail_on = STYR_SEV_ERROR;
    o->lang = STYR_LANG_SV;
    o->quiet = 0;
    styr_limits_default(&o->lim);
    o->files = calloc((size_t)argc, sizeof *o->files);
    o->nfiles = 0;
    o->scenarios = calloc((size_t)argc, sizeof *o->scenarios);
    o->nscenarios = 0;
    o->explain = 0;
    o->profile = 0;
    o->no_remediation = 0;
    o->score_xlsx_ok = 0;
    o->samples = 10000;
    o->seed = 1;
    o->spread = -1;
    o->threads = 0;
    if (!o->files || !o->scenarios)
        return -1;
    for (int i = first; i < argc; i++) {
        const char *a = argv[i];
        if (a[0] != '-' || strcmp(a, "-") == 0) {
            o->files[o->nfiles++] = a;
            continue;
        }
        if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) {
            o->quiet = 1;
            continue;
        }
        if (strcmp(a, "--explain") == 0) {
            o->explain = 1;
            continue;
        }
        if (strcmp(a, "--profile-rules") == 0) {
            o->profile = 1;
            continue;
        }
        if (strcmp(a, "--no-remediation") == 0) {
            o->no_remediation = 1;
            continue;
        }
        const char *eq = strchr(a, '=');
        char name[64];
        size_t nlen = eq ? (size_t)(eq - a) : strlen(a);
        if (nlen >= sizeof name) {
            usage_error("unknown option '%s'", a);
            return -1;
        }
        memcpy(name, a, nlen);
        name[nlen] = '\0';
        const char *val = eq ? eq + 1 : (i + 1 < argc ? argv[i + 1] : NULL);
        static const char *const with_value[] = {
            "--rules", "--format", "-o", "--output", "--fail-on", "--lang", "--max-file-size",
            "--max-depth", "--max-alias-nodes", "--max-scalar-size", "--max-findings",
            "--max-rule-memory", "--max-instructions", "--scenario", "--samples", "--seed",
            "--spread", "--threads", NULL};
        int known = 0;
        for (int k = 0; with_value[k]; k++)
            known |= strcmp(name, with_value[k]) == 0;
        if (!known) {
            static const char *const all[] = {
                "--rules", "--format", "--output", "--fail-on", "--lang", "--max-file-size",
                "--max-depth", "--max-alias-nodes", "--max-scalar-size", "--max-findings",
                "--max-rule-memory", "--max-instructions", "--scenario", "--samples", "--seed",
                "--spread", "--threads", "--explain", "--quiet", "--profile-rules", "--no-remediation", NULL};
            long near = styr_nearest(name, strlen(name), all, 21);
            fprintf(stderr, "styr: unknown option '%s'%s%s%s\n", name, near >= 0 ? " (did you mean " : "",
                    near >= 0 ? all[near] : "", near >= 0 ? "?)" : "");
            fputs(usage_text, stderr);
            return -1;
        }
        if (!val) {
            usage_error("option '%s' needs a value", name);
            return -1;
        }
        if (!eq)
            i++;
        size_t n;
        if (strcmp(name, "--rules") == 0) o->rules = val;
        else if (strcmp(name, "--scenario") == 0) o->scenarios[o->nscenarios++] = val;
        else if (strcmp(name, "--spread") == 0) {
            char *end;
            o->spread = strtod(val, &end);
            if (*end || !(o->spread >= 0 && o->spread <= 1)) {
                usage_error("--spread takes a number from 0 to 1 (a share of the total weight), not '%s'", val);
                return -1;
            }
        } else if (strcmp(name, "--seed") == 0) {
            char *end;
            errno = 0;
            o->seed = strtoull(val, &end, 10);
            if (*end || errno || *val == '-') {
                usage_error("--seed takes a whole number from 0, not '%s'", val);
                return -1;
            }
        }
        else if (strcmp(name, "--format") == 0) o->format = val;
        else if (strcmp(name, "-o") == 0 || strcmp(name, "--output") == 0) o->output = val;
        else if (strcmp(name, "--fail-on") == 0) {
            if (!styr_severity_parse(val, &o->fail_on) || o->fail_on == STYR_SEV_OFF) {
                usage_error("--fail-on takes error, warning or info, not '%s'", val);
                return -1;
            }
        } else if (strcmp(name, "--lang") == 0) {
            if (strcmp(val, "sv") == 0) o->lang = STYR_LANG_SV;
            else if (strcmp(val, "en") == 0) o->lang = STYR_LANG_EN;
            else {
                usage_error("--lang takes sv or en, not '%s'", val);
                return -1;
            }
        } else if (!parse_size(val, &n)) {
            fprintf(stderr, "styr: %s takes a positive number (K, M, G allowed), not '%s'\n", name, val);
            return -1;
        } else if (strcmp(name, "--max-file-size") == 0) o->lim.max_file_bytes = n;
        else if (strcmp(name, "--max-depth") == 0) o->lim.max_depth = n > 100000 ? 100000 : (unsigned)n;
        else if (strcmp(name, "--max-alias-nodes") == 0) o->lim.max_alias_nodes = n;
        else if (strcmp(name, "--max-scalar-size") == 0) o->lim.max_scalar_bytes = n;
        else if (strcmp(name, "--max-findings") == 0) o->lim.max_findings = n;
        else if (strcmp(name, "--max-rule-memory") == 0) o->lim.lua_max_bytes = n;
        else if (strcmp(name, "--max-instructions") == 0) o->lim.lua_max_instructions = n;
        else if (strcmp(name, "--samples") == 0) o->samples = n;
        else if (strcmp(name, "--threads") == 0) o->threads = n > 8 ? 8 : (unsigned)n;
    }
    o->lim.lang = o->lang;   /* YAML mistakes are explained in the run's language */
    return 0;
}

/* ---- output ------------------------------------------------------------ */

typedef struct sink {
    FILE *f;
    char *tmp;          /* the temporary file renamed over -o at the end */
    const char *final;
} sink;

/* Opens stdout, or a temporary file next to path so that an interrupted run
 * leaves an earlier report intact. */
static int sink_open(sink *s, const char *path)
{
    s->f = stdout;
    s->tmp = NULL;
    s->final = path;
    if (!path || strcmp(path, "-") == 0)
        return 0;
    size_t n = strlen(path);
    s->tmp = malloc(n + 16);
    if (!s->tmp)
        return -1;
    snprintf(s->tmp, n + 16, "%s.tmp-XXXXXX", path);
    int fd = mkstemp(s->tmp);
    if (fd >= 0) {
        /* mkstemp makes 0600; give the report the mode a new file (or the
         * report it replaces) would have. */
        struct stat st;
        mode_t mask = umask(0);
        umask(mask);
        fchmod(fd, stat(path, &st) == 0 ? (st.st_mode & 07777) : (0666 & ~mask));
    }
    if (fd < 0 || !(s->f = fdopen(fd, "w"))) {
        fprintf(stderr, "styr: cannot write %s: %s\n", path, strerror(errno));
        if (fd >= 0) {
            close(fd);
            unlink(s->tmp);
        }
        free(s->tmp);
        s->tmp = NULL;
        return -1;
    }
    return 0;
}

static int sink_close(sink *s)
{
    if (!s->tmp)
        return fflush(stdout) == 0 ? 0 : -1;
    int bad = ferror(s->f);
    bad |= fflush(s->f) != 0;
    bad |= fsync(fileno(s->f)) != 0;
    bad |= fclose(s->f) != 0;
    if (bad || rename(s->tmp, s->final) != 0) {
        fprintf(stderr, "styr: cannot write %s: %s\n", s->final, strerror(errno));
        unlink(s->tmp);
        free(s->tmp);
        return -1;
    }
    free(s->tmp);
    return 0;
}

static int one_of(const char *s, const char *const *list)
{
    for (; *list; list++)
        if (strcmp(s, *list) == 0)
            return 1;
    return 0;
}

static int use_color(const options *o)
{
    const char *nc = getenv("NO_COLOR");
    return !o->output && isatty(STDOUT_FILENO) && !(nc && *nc) && getenv("TERM") &&
           strcmp(getenv("TERM"), "dumb") != 0;
}

static styr_ruleset *load_ruleset(const options *o)
{
    styr_ruleset *rs = NULL;
    styr_error err;
    styr_error_clear(&err);
    if (styr_ruleset_load(o->rules, &o->lim, &rs, &err) != STYR_OK) {
        styr_error_print(&err, stderr);
        return NULL;
    }
    rs->lang = o->lang;
    rs->profile = o->profile;
    rs->threads = o->threads;
    return rs;
}

static int by_time(const void *a, const void *b)
{
    double x = (*(const styr_rule *const *)a)->seconds, y = (*(const styr_rule *const *)b)->seconds;
    return (x < y) - (x > y);
}

/* --profile-rules: where the rules' time went, slowest first, on stderr. */
static void print_profile(const styr_ruleset *rs)
{
    const styr_rule **order = malloc(rs->nrules * sizeof *order);
    if (!order)
        return;
    double total = 0;
    for (size_t i = 0; i < rs->nrules; i++) {
        order[i] = &rs->rules[i];
        total += rs->rules[i].seconds;
    }
    qsort(order, rs->nrules, sizeof *order, by_time);
    fprintf(stderr, "%-42s %10s %10s %8s  %s\n", "rule", "calls", "ms", "us/call", "declared in");
    for (size_t i = 0; i < rs->nrules && order[i]->calls; i++)
        fprintf(stderr, "%-42s %10lu %10.2f %8.2f  %s:%u\n", order[i]->id, order[i]->calls, order[i]->seconds * 1e3,
                order[i]->seconds * 1e6 / (double)order[i]->calls, order[i]->file ? order[i]->file : "", order[i]->line);
    fprintf(stderr, "%-42s %10s %10.2f\n", "all rules", "", total * 1e3);
    free(order);
}

/* ---- workbooks ---------------------------------------------------------- */

/* libxlsxwriter writes to a file name: a temporary file beside -o (renamed
 * over it when complete) or in TMPDIR (copied to standard output, which must
 * not be a terminal). The writer fills err; returns an exit code. */
typedef styr_status (*xlsx_writer)(const char *path, void *ctx, styr_error *err);

static int write_workbook(const char *output, xlsx_writer fn, void *ctx)
{
    if ((!output || strcmp(output, "-") == 0) && isatty(STDOUT_FILENO)) {
        fputs("styr: a workbook is not written to a terminal; give -o FILE.xlsx\n", stderr);
        return EXIT_FAILED;
    }
    const char *dir_of = output && strcmp(output, "-") != 0 ? output : NULL;
    const char *tmpdir = getenv("TMPDIR");
    size_t n = (dir_of ? strlen(dir_of) : strlen(tmpdir && *tmpdir ? tmpdir : "/tmp")) + 32;
    char *tmp = malloc(n);
    if (!tmp)
        return EXIT_FAILED;
    if (dir_of)
        snprintf(tmp, n, "%s.tmp-XXXXXX", dir_of);
    else
        snprintf(tmp, n, "%s/styr-XXXXXX", tmpdir && *tmpdir ? tmpdir : "/tmp");
    int fd = mkstemp(tmp);
    if (fd < 0) {
        fprintf(stderr, "styr: cannot write %s: %s\n", output ? output : tmp, strerror(errno));
        free(tmp);
        return EXIT_FAILED;
    }
    close(fd);
    styr_error err;
    styr_error_clear(&err);
    int rc = EXIT_CLEAN;
    if (fn(tmp, ctx, &err) != STYR_OK) {
        styr_error_print(&err, stderr);
        unlink(tmp);
        rc = EXIT_FAILED;
    } else if (dir_of) {
        struct stat st;
        mode_t mask = umask(0);
        umask(mask);
        chmod(tmp, stat(dir_of, &st) == 0 ? (st.st_mode & 07777) : (0666 & ~mask));
        if (rename(tmp, dir_of) != 0) {
            fprintf(stderr, "styr: cannot write %s: %s\n", dir_of, strerror(errno));
            unlink(tmp);
            rc = EXIT_FAILED;
        }
    } else if (styr_xlsx_copy_out(tmp, stdout) < 0 || fflush(stdout) != 0) {
        fputs("styr: cannot write the workbook to standard output\n", stderr);
        rc = EXIT_FAILED;
    }
    free(tmp);
    return rc;
}

typedef struct findings_book {
    const styr_file_result *res;
    size_t n;
    const styr_report_opts *ro;
} findings_book;

static styr_status write_findings_book(const char *path, void *ctx, styr_error *err)
{
    findings_book *b = ctx;
    return styr_xlsx_write_findings(path, b->res, b->n, b->ro, err);
}

typedef struct plan_book {
    const styr_doc *plan;
    const styr_ruleset *rs;
} plan_book;

static styr_status write_plan_book(const char *path, void *ctx, styr_error *err)
{
    plan_book *b = ctx;
    return styr_xlsx_write_plan(path, b->plan, b->rs, err);
}

/* ---- template and convert ---------------------------------------------- */

static int cmd_template(options *o)
{
    if (o->nfiles)
        return usage_error("template takes no file; write it with -o FILE");
    int xlsx = strcmp(o->format, "xlsx") == 0 ||
               (strcmp(o->format, "text") == 0 && o->output && styr_is_xlsx_path(o->output));
    if (!xlsx && strcmp(o->format, "yaml") != 0 && strcmp(o->format, "text") != 0)
        return usage_error("unknown format '%s' (template writes yaml or xlsx)", o->format);
    styr_ruleset *rs = load_ruleset(o);
    if (!rs)
        return EXIT_FAILED;
    int rc = EXIT_CLEAN;
    if (xlsx) {
        plan_book b = {NULL, rs};
        rc = write_workbook(o->output, write_plan_book, &b);
    } else {
        sink out;
        if (sink_open(&out, o->output) < 0)
            rc = EXIT_FAILED;
        else if (styr_plan_template_yaml(out.f, rs) < 0 || sink_close(&out) < 0)
            rc = EXIT_FAILED;
    }
    styr_ruleset_free(rs);
    return rc;
}

/* convert: a value the workbook cannot keep, on standard error. */
static void report_loss(void *ud, const styr_node *n, const char *why)
{
    const styr_doc *doc = ud;
    fprintf(stderr, "%s:%u:%u: not converted: %s\n", doc->file, n->line, n->column, why);
}

static int cmd_convert(options *o)
{
    if (o->nfiles != 1 || !o->output || strcmp(o->output, "-") == 0)
        return usage_error("convert needs one plan and -o OUT.xlsx or -o OUT.yaml");
    styr_doc *doc = NULL;
    styr_error err;
    styr_error_clear(&err);
    if (styr_doc_load_any(o->files[0], &o->lim, &doc, &err) != STYR_OK) {
        styr_error_print(&err, stderr);
        return EXIT_FAILED;
    }
    const styr_node *kind = doc->root && doc->root->kind == STYR_NODE_MAP ? styr_map_get(doc->root, "kind", 4) : NULL;
    if (!kind || kind->kind != STYR_NODE_SCALAR || strcmp(kind->u.text, "action-plan") != 0) {
        fprintf(stderr, "styr: %s: convert takes an action plan (kind: action-plan)\n", o->files[0]);
        styr_doc_free(doc);
        return EXIT_FAILED;
    }
    int rc = EXIT_CLEAN;
    if (styr_is_xlsx_path(o->output) && styr_plan_sheet_losses(doc, report_loss, doc) > 0)
        rc = EXIT_FINDINGS;   /* written all the same, with what is not kept said above */
    if (styr_is_xlsx_path(o->output)) {
        styr_ruleset *rs = load_ruleset(o);   /* its names become the drop-down lists */
        plan_book b = {doc, rs};
        int wrc = rs ? write_workbook(o->output, write_plan_book, &b) : EXIT_FAILED;
        if (wrc > rc)
            rc = wrc;
        styr_ruleset_free(rs);
    } else {
        sink out;
        char header[1200];
        snprintf(header, sizeof header, "Converted by styr %s from %s.", STYR_VERSION, o->files[0]);
        if (sink_open(&out, o->output) < 0 || styr_yaml_write(out.f, doc, header) < 0 || sink_close(&out) < 0)
            rc = EXIT_FAILED;
    }
    styr_doc_free(doc);
    return rc;
}

/* ---- validate ---------------------------------------------------------- */

static int cmd_validate(options *o)
{
    if (o->nfiles == 0)
        return usage_error("validate needs at least one file");
    static const char *const formats[] = {"text", "json", "sarif", "junit", "github", "markdown", "html", "xlsx", NULL};
    if (!one_of(o->format, formats))
        return usage_error("unknown format '%s' (validate writes text, json, sarif, junit, github, markdown, html or xlsx)",
                           o->format);
    styr_ruleset *rs = load_ruleset(o);
    if (!rs)
        return EXIT_FAILED;
    styr_file_result *res = calloc(o->nfiles, sizeof *res);
    styr_doc **docs = calloc(o->nfiles, sizeof *docs);
    int rc = EXIT_CLEAN;
    if (!res || !docs) {
        fputs("styr: out of memory\n", stderr);
        rc = EXIT_FAILED;
        goto done;
    }
    for (size_t i = 0; i < o->nfiles; i++) {
        styr_error err;
        styr_error_clear(&err);
        styr_status st = styr_doc_load_any(o->files[i], &o->lim, &docs[i], &err);   /* YAML or .xlsx */
        if (st == STYR_OK)
            st = styr_validate_doc(rs, docs[i], &res[i], &err);
        else
            res[i].file = strdup(o->files[i]);
        if (st != STYR_OK) {
            res[i].failed = 1;
            res[i].failure = err;
            rc = EXIT_FAILED;
            continue;
        }
        if (res[i].nrule_errors || res[i].findings.dropped)
            rc = EXIT_FAILED;   /* a crashed rule, or more findings than --max-findings keeps */
        size_t c[3];
        styr_findings_count(&res[i].findings, c);
        for (int s = o->fail_on; s <= STYR_SEV_ERROR; s++)
            if (c[s] && rc == EXIT_CLEAN)
                rc = EXIT_FINDINGS;
    }
    if (!o->quiet && strcmp(o->format, "xlsx") == 0) {
        styr_report_opts ro = {o->lang, 0, rs->name, STYR_VERSION, 0, 0};
        findings_book b = {res, o->nfiles, &ro};
        int wrc = write_workbook(o->output, write_findings_book, &b);
        if (wrc > rc)
            rc = wrc;
    } else if (!o->quiet) {
        sink out;
        if (sink_open(&out, o->output) < 0) {
            rc = EXIT_FAILED;
            goto done;
        }
        styr_report_opts ro = {o->lang, use_color(o), rs->name, STYR_VERSION, 0, 0};
        ro.no_remediation = o->no_remediation;
        if (strcmp(o->format, "json") == 0)
            styr_report_json(out.f, res, o->nfiles, &ro);
        else if (strcmp(o->format, "sarif") == 0)
            styr_report_sarif(out.f, res, o->nfiles, rs, &ro);
        else if (strcmp(o->format, "junit") == 0)
            styr_report_junit(out.f, res, o->nfiles, o->fail_on, &ro);
        else if (strcmp(o->format, "github") == 0)
            styr_report_github(out.f, res, o->nfiles, &ro);
        else if (strcmp(o->format, "markdown") == 0)
            styr_report_markdown(out.f, res, o->nfiles, &ro);
        else if (strcmp(o->format, "html") == 0) {
            styr_html_input in = {rs, res, (const styr_doc *const *)docs, o->nfiles, NULL, NULL};
            styr_report_html(out.f, &in, &ro);
        } else
            styr_report_text(out.f, res, o->nfiles, &ro);
        if (sink_close(&out) < 0)
            rc = EXIT_FAILED;
    }
done:
    if (o->profile && rs)
        print_profile(rs);
    for (size_t i = 0; res && docs && i < o->nfiles; i++) {
        styr_file_result_free(&res[i]);
        styr_doc_free(docs[i]);
    }
    free(res);
    free(docs);
    styr_ruleset_free(rs);
    return rc;
}

/* ---- score and sensitivity --------------------------------------------- */

typedef struct score_ctx {
    styr_ruleset *rs;
    styr_prioritisation p;
    styr_score_report report;   /* what the writers read of p */
    int rc;
} score_ctx;

static void worse(int *rc, int code)
{
    if (code > *rc)
        *rc = code;
}

/* Counts toward the exit code: errors (or --fail-on) in a file's findings. */
static void judge_exit(const options *o, const styr_file_result *r, int *rc)
{
    if (r->nrule_errors)
        worse(rc, EXIT_FAILED);
    size_t c[3];
    styr_findings_count(&r->findings, c);
    for (int sv = o->fail_on; sv <= STYR_SEV_ERROR; sv++)
        if (c[sv])
            worse(rc, EXIT_FINDINGS);
}

/* Loads and judges the areas file and every scenario, builds the table and
 * scores each scenario without errors. Returns 0, or -1 after printing why
 * the run cannot go on (ctx->rc is then 2). */
static int prepare_score(options *o, const char *areas_file, score_ctx *c)
{
    memset(c, 0, sizeof *c);
    c->rc = EXIT_CLEAN;
    if (!areas_file) {
        usage_error("give one areas file (kind: innovation-areas), then --scenario FILE");
        c->rc = EXIT_FAILED;
        return -1;
    }
    if (o->nscenarios == 0) {
        usage_error("give at least one --scenario FILE");
        c->rc = EXIT_FAILED;
        return -1;
    }
    static const char *const formats[] = {"text", "json", "markdown", "csv", "html", NULL};
    if (!one_of(o->format, formats) && !(o->score_xlsx_ok && strcmp(o->format, "xlsx") == 0)) {
        usage_error("unknown format '%s' (text, json, markdown, csv or html%s)", o->format,
                    o->score_xlsx_ok ? ", or xlsx" : "");
        c->rc = EXIT_FAILED;
        return -1;
    }
    c->rs = load_ruleset(o);
    if (!c->rs) {
        c->rc = EXIT_FAILED;
        return -1;
    }
    if (!c->rs->model) {
        fprintf(stderr, "styr: the ruleset '%s' has no model.lua; it cannot score areas\n", c->rs->name);
        c->rc = EXIT_FAILED;
        return -1;
    }
    styr_error err;
    styr_error_clear(&err);
    if (styr_prioritise(c->rs, areas_file, (const char *const *)o->scenarios, o->nscenarios, &o->lim, &c->p,
                        &err) != STYR_OK) {
        styr_error_print(&err, stderr);
        c->rc = EXIT_FAILED;
        return -1;
    }
    judge_exit(o, &c->p.areas, &c->rc);
    if (c->p.table.nrule_errors)
        worse(&c->rc, EXIT_FAILED);
    for (size_t k = 0; k < c->p.nsc; k++) {
        const styr_scenario_run *sr = &c->p.sc[k];
        if (sr->failed)
            worse(&c->rc, EXIT_FAILED);
        else
            judge_exit(o, &sr->res, &c->rc);
        if (sr->scored && sr->s.infeasible)
            worse(&c->rc, EXIT_FINDINGS);   /* an impossible portfolio is a problem to act on */
    }
    c->report = (styr_score_report){c->rs, &c->p.areas, &c->p.table, c->p.sc, c->p.nsc, 0};
    return 0;
}

static void free_score(score_ctx *c)
{
    styr_prioritisation_free(&c->p);
    styr_ruleset_free(c->rs);
}

typedef struct score_book {
    const styr_score_report *r;
    const styr_report_opts *ro;
} score_book;

static styr_status write_score_book(const char *path, void *ctx, styr_error *err)
{
    score_book *b = ctx;
    return styr_xlsx_write_score(path, b->r, b->ro, err);
}

static int cmd_score(options *o)
{
    score_ctx c;
    o->score_xlsx_ok = 1;
    if (prepare_score(o, o->nfiles == 1 ? o->files[0] : NULL, &c) < 0) {
        free_score(&c);
        return c.rc;
    }
    int rc = c.rc;
    if (!o->quiet && strcmp(o->format, "xlsx") == 0) {
        styr_report_opts ro = {o->lang, 0, c.rs->name, STYR_VERSION, 0, 0};
        score_book b = {&c.report, &ro};
        worse(&rc, write_workbook(o->output, write_score_book, &b));
    } else if (!o->quiet) {
        sink out;
        if (sink_open(&out, o->output) < 0) {
            free_score(&c);
            return EXIT_FAILED;
        }
        styr_score_report *r = &c.report;
        r->explain = o->explain;
        styr_report_opts ro = {o->lang, use_color(o), c.rs->name, STYR_VERSION, 0, 0};
        ro.no_remediation = o->no_remediation;
        if (strcmp(o->format, "json") == 0)
            styr_report_score_json(out.f, r, &ro);
        else if (strcmp(o->format, "markdown") == 0)
            styr_report_score_markdown(out.f, r, &ro);
        else if (strcmp(o->format, "csv") == 0)
            styr_report_score_csv(out.f, r, &ro);
        else if (strcmp(o->format, "html") == 0) {
            styr_html_input in = {c.rs, NULL, NULL, 0, r, NULL};
            styr_report_html(out.f, &in, &ro);
        } else
            styr_report_score_text(out.f, r, &ro);
        if (sink_close(&out) < 0)
            worse(&rc, EXIT_FAILED);
    }
    free_score(&c);
    return rc;
}

typedef struct progress_state { int shown; } progress_state;

/* Shows how far sampling has come, on a terminal only. */
static int show_progress(void *ud, uint64_t done, uint64_t total)
{
    progress_state *p = ud;
    fprintf(stderr, "\rstyr: sampling %3d%%", total ? (int)(100 * done / total) : 100);
    p->shown = 1;
    return 0;
}

/* Runs SMAA for the first scenario of c (if it was scored) into sens, whose
 * base is c's report.
 * Returns 0, or -1 after printing why it failed. */
static int run_sensitivity(const options *o, score_ctx *c, styr_sensitivity *sens)
{
    progress_state ps = {0};
    styr_sensitivity_opts so = {
        .samples = o->samples, .seed = o->seed, .spread = o->spread, .threads = o->threads,
        .progress = isatty(STDERR_FILENO) && o->samples >= 200000 ? show_progress : NULL, .progress_ud = &ps};
    styr_error err;
    styr_error_clear(&err);
    styr_status st = styr_sensitivity_run(c->rs, &c->p, &so, sens, &err);
    sens->base = &c->report;
    if (ps.shown)
        fputs("\r                      \r", stderr);
    if (st != STYR_OK) {
        fprintf(stderr, "styr: %s\n", err.message);
        return -1;
    }
    return 0;
}

static int cmd_sensitivity(options *o)
{
    if (o->nscenarios > 1)
        return usage_error("sensitivity takes one --scenario");
    score_ctx c;
    if (prepare_score(o, o->nfiles == 1 ? o->files[0] : NULL, &c) < 0) {
        free_score(&c);
        return c.rc;
    }
    int rc = c.rc;
    styr_sensitivity sens;
    if (run_sensitivity(o, &c, &sens) < 0)
        worse(&rc, EXIT_FAILED);
    if (!o->quiet) {
        sink out;
        if (sink_open(&out, o->output) < 0) {
            rc = EXIT_FAILED;
        } else {
            styr_report_opts ro = {o->lang, use_color(o), c.rs->name, STYR_VERSION, 0, 0};
            if (strcmp(o->format, "json") == 0)
                styr_report_sensitivity_json(out.f, &sens, &ro);
            else if (strcmp(o->format, "markdown") == 0)
                styr_report_sensitivity_markdown(out.f, &sens, &ro);
            else if (strcmp(o->format, "csv") == 0)
                styr_report_sensitivity_csv(out.f, &sens, &ro);
            else if (strcmp(o->format, "html") == 0) {
                styr_html_input in = {c.rs, NULL, NULL, 0, &c.report, &sens};
                styr_report_html(out.f, &in, &ro);
            } else
                styr_report_sensitivity_text(out.f, &sens, &ro);
            if (sink_close(&out) < 0)
                rc = EXIT_FAILED;
        }
    }
    styr_sensitivity_free(&sens);
    free_score(&c);
    return rc;
}

/* styr report PLAN AREAS --scenario S...: the plan judged, the areas scored
 * under every scenario, the first scenario's sensitivity, in one HTML page. */
static int cmd_report(options *o)
{
    if (o->nfiles != 2)
        return usage_error("report takes the plan, then the areas file, then --scenario FILE...");
    const char *plan_file = o->files[0];
    score_ctx c;
    o->format = "text";   /* prepare_score checks it; the page is always HTML */
    if (prepare_score(o, o->files[1], &c) < 0) {
        free_score(&c);
        return c.rc;
    }
    int rc = c.rc;
    styr_doc *plan_doc = NULL;
    styr_file_result plan;
    memset(&plan, 0, sizeof plan);
    styr_error err;
    styr_error_clear(&err);
    if (styr_doc_load_file(plan_file, &o->lim, &plan_doc, &err) != STYR_OK ||
        styr_validate_doc(c.rs, plan_doc, &plan, &err) != STYR_OK) {
        if (!plan.file)
            plan.file = strdup(plan_file);
        plan.failed = 1;
        plan.failure = err;
        worse(&rc, EXIT_FAILED);
    } else {
        judge_exit(o, &plan, &rc);
    }
    styr_sensitivity sens;
    if (run_sensitivity(o, &c, &sens) < 0)
        worse(&rc, EXIT_FAILED);
    if (!o->quiet) {
        sink out;
        if (sink_open(&out, o->output) < 0) {
            rc = EXIT_FAILED;
        } else {
            styr_report_opts ro = {o->lang, 0, c.rs->name, STYR_VERSION, 0, 0};
            const styr_doc *docs[1] = {plan_doc};
            styr_html_input in = {c.rs, &plan, docs, 1, &c.report, sens.acceptability ? &sens : NULL};
            styr_report_html(out.f, &in, &ro);
            if (sink_close(&out) < 0)
                rc = EXIT_FAILED;
        }
    }
    styr_sensitivity_free(&sens);
    styr_file_result_free(&plan);
    styr_doc_free(plan_doc);
    free_score(&c);
    return rc;
}

/* ---- rules ------------------------------------------------------------- */

static int cmd_rules_list(options *o)
{
    if (strcmp(o->format, "text") != 0 && strcmp(o->format, "json") != 0)
        return usage_error("unknown format '%s' (rules list writes text or json)", o->format);
    styr_ruleset *rs = load_ruleset(o);
    if (!rs)
        return EXIT_FAILED;
    sink out;
    if (sink_open(&out, o->output) < 0) {
        styr_ruleset_free(rs);
        return EXIT_FAILED;
    }
    int json = strcmp(o->format, "json") == 0;
    if (json) {
        fputs("{\"ruleset\": ", out.f);
        styr_json_string(out.f, rs->name);
        fputs(", \"rules\": [", out.f);
    }
    for (size_t i = 0; i < rs->nrules; i++) {
        const styr_rule *r = &rs->rules[i];
        const char *msg = r->message[o->lang] ? r->message[o->lang] : r->message[0];
        if (json) {
            fputs(i ? ",\n  {" : "\n  {", out.f);
            fputs("\"id\": ", out.f);
            styr_json_string(out.f, r->id);
            fputs(", \"severity\": ", out.f);
            styr_json_string(out.f, styr_severity_name(r->severity));
            fputs(", \"applies_to\": ", out.f);
            styr_json_string(out.f, styr_scope_name(r->scope));
            fputs(", \"ruleset\": ", out.f);
            styr_json_string(out.f, r->ruleset);
            fputs(", \"message\": ", out.f);
            styr_json_string(out.f, msg);
            fputs(", \"file\": ", out.f);
            styr_json_string(out.f, r->file);
            fprintf(out.f, ", \"line\": %u}", r->line);
        } else {
            fprintf(out.f, "%-40s %-8s %-9s %-9s %s\n", r->id, styr_severity_name(r->severity),
                    styr_scope_name(r->scope), r->ruleset ? r->ruleset : "", msg ? msg : "");
        }
    }
    if (json)
        fputs("\n]}\n", out.f);
    int rc = sink_close(&out) < 0 ? EXIT_FAILED : EXIT_CLEAN;
    styr_ruleset_free(rs);
    return rc;
}

static int cmd_rules_test(options *o)
{
    styr_ruleset *rs = load_ruleset(o);
    if (!rs)
        return EXIT_FAILED;
    int failed = styr_rules_test(rs, stdout, !o->quiet);
    styr_ruleset_free(rs);
    if (failed < 0) {
        fprintf(stderr, "styr: the ruleset has no fixtures (put them under tests/ in its folder)\n");
        return EXIT_FAILED;
    }
    return failed ? EXIT_FINDINGS : EXIT_CLEAN;
}

static int cmd_rules_doc(options *o)
{
    styr_ruleset *rs = load_ruleset(o);
    if (!rs)
        return EXIT_FAILED;
    sink out;
    int rc = EXIT_CLEAN;
    if (sink_open(&out, o->output) < 0) {
        rc = EXIT_FAILED;
    } else {
        styr_rules_doc(rs, out.f);
        if (sink_close(&out) < 0)
            rc = EXIT_FAILED;
    }
    styr_ruleset_free(rs);
    return rc;
}

/* ---- main -------------------------------------------------------------- */

static int cmd_help(const char *topic)
{
    if (!topic) {
        printf("styr %s - validates municipal action plans and prioritises innovation areas\n\n%s"
               "\nRun 'styr help COMMAND' (validate, score, sensitivity, report, rules, template, convert) for a command's options.\n",
               STYR_VERSION, usage_text);
        return EXIT_CLEAN;
    }
    static const struct { const char *topic, *text; } pages[] = {
        {"validate", help_validate}, {"rules", help_rules}, {"score", help_score},
        {"sensitivity", help_sensitivity}, {"report", help_report}, {"template", help_template},
        {"convert", help_convert}, {NULL, NULL}};
    for (int i = 0; pages[i].topic; i++)
        if (strcmp(topic, pages[i].topic) == 0) {
            fputs(pages[i].text, stdout);
            return EXIT_CLEAN;
        }
    return usage_error("no help for '%s'", topic);
}

int main(int argc, char **argv)
{
    if (argc < 2)
        return usage_error("a command is needed");
    const char *cmd = argv[1];
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "version") == 0) {
        printf("styr %s\n", STYR_VERSION);
        return EXIT_CLEAN;
    }
    if (strcmp(cmd, "help") == 0 || strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0)
        return cmd_help(argc > 2 ? argv[2] : NULL);
    options o;
    int rc;
    if (strcmp(cmd, "score") == 0 || strcmp(cmd, "sensitivity") == 0 || strcmp(cmd, "report") == 0) {
        for (int i = 2; i < argc; i++)
            if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
                return cmd_help(cmd);
        rc = parse_options(argc, argv, 2, &o) < 0 ? EXIT_FAILED
             : strcmp(cmd, "score") == 0 ? cmd_score(&o)
             : strcmp(cmd, "report") == 0 ? cmd_report(&o) : cmd_sensitivity(&o);
    } else if (strcmp(cmd, "validate") == 0) {
        for (int i = 2; i < argc; i++)
            if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
                return cmd_help("validate");
        rc = parse_options(argc, argv, 2, &o) < 0 ? EXIT_FAILED : cmd_validate(&o);
    } else if (strcmp(cmd, "template") == 0 || strcmp(cmd, "convert") == 0) {
        for (int i = 2; i < argc; i++)
            if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
                return cmd_help(cmd);
        rc = parse_options(argc, argv, 2, &o) < 0 ? EXIT_FAILED
             : strcmp(cmd, "template") == 0 ? cmd_template(&o) : cmd_convert(&o);
    } else if (strcmp(cmd, "rules") == 0) {
        const char *sub = argc > 2 ? argv[2] : "";
        if (strcmp(sub, "--help") == 0 || strcmp(sub, "-h") == 0)
            return cmd_help("rules");
        if (strcmp(sub, "list") != 0 && strcmp(sub, "test") != 0 && strcmp(sub, "doc") != 0)
            return usage_error("unknown 'rules' command '%s' (try: styr rules list, test or doc)", sub);
        rc = parse_options(argc, argv, 3, &o) < 0 ? EXIT_FAILED
             : strcmp(sub, "list") == 0 ? cmd_rules_list(&o)
             : strcmp(sub, "doc") == 0  ? cmd_rules_doc(&o) : cmd_rules_test(&o);
    } else {
        static const char *const cmds[] = {"validate", "score", "sensitivity", "report", "rules", "help",
                                           "template", "convert", NULL};
        long near = styr_nearest(cmd, strlen(cmd), cmds, 8);
        if (near >= 0) {
            fprintf(stderr, "styr: unknown command '%s' (did you mean '%s'?)\n", cmd, cmds[near]);
            return EXIT_FAILED;
        }
        return usage_error("unknown command '%s'", cmd);
    }
    free(o.files);
    free(o.scenarios);
    return rc;
}
