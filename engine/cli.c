/* cli.c - the styr command line: parses arguments, runs a command, picks a
 * report writer and maps the outcome to an exit code (FORMATS.md section 5).
 * The only place that decides the process's exit status. */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "doc.h"
#include "json.h"
#include "report.h"
#include "ruleset.h"
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
} options;

static const char *const usage_text =
    "usage: styr validate PLAN.yaml... [--rules NAME|DIR] [--format text|json]\n"
    "                     [--fail-on error|warning|info] [--lang sv|en] [-o FILE]\n"
    "       styr rules list|test [--rules NAME|DIR] [--format text|json] [--lang sv|en]\n"
    "       styr --version | styr help [COMMAND]\n";

static const char *const help_validate =
    "styr validate PLAN.yaml... [options]\n"
    "\n"
    "Checks action plans (kind: action-plan) - and innovation-areas or scenario\n"
    "files - against a ruleset and prints every finding with file, line and column.\n"
    "\n"
    "  --rules NAME|DIR   ruleset to use (default: goteborg)\n"
    "  --format FMT       text (default) or json\n"
    "  --fail-on LEVEL    lowest severity that makes the exit code 1: error (default),\n"
    "                     warning or info\n"
    "  --lang sv|en       language of the messages (default: sv)\n"
    "  -o FILE            write the report to FILE (replaced only when complete)\n"
    "  -q, --quiet        print nothing; only the exit code tells\n"
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
    "\n"
    "list: the rules of a ruleset (with those it extends): id, severity in force,\n"
    "what the rule applies to, the ruleset that declares it, and its message.\n"
    "test: runs the fixtures under each ruleset's tests/ folder. A fixture's first\n"
    "comment lines say what must happen:\n"
    "  # styr-test: fires RULE-ID...    each of these rules reports something\n"
    "  # styr-test: quiet RULE-ID...    none of them does (quiet * : no finding at all)\n"
    "  # styr-test: fails TEXT          the file cannot be judged, with TEXT in the message\n"
    "Every rule must fire in one fixture and stay quiet in another. Exit 0 when all\n"
    "pass, 1 when one fails.\n";

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
    if (!o->files)
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
            "--max-rule-memory", "--max-instructions", NULL};
        int known = 0;
        for (int k = 0; with_value[k]; k++)
            known |= strcmp(name, with_value[k]) == 0;
        if (!known) {
            long near = styr_nearest(name, strlen(name), with_value, 13);
            fprintf(stderr, "styr: unknown option '%s'%s%s%s\n", name, near >= 0 ? " (did you mean " : "",
                    near >= 0 ? with_value[near] : "", near >= 0 ? "?)" : "");
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
    }
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
    return rs;
}

/* ---- validate ---------------------------------------------------------- */

static int cmd_validate(options *o)
{
    if (o->nfiles == 0)
        return usage_error("validate needs at least one file");
    if (strcmp(o->format, "text") != 0 && strcmp(o->format, "json") != 0)
        return usage_error("unknown format '%s' (validate writes text or json)", o->format);
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
        styr_status st = styr_doc_load_file(o->files[i], &o->lim, &docs[i], &err);
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
        if (res[i].nrule_errors)
            rc = EXIT_FAILED;
        size_t c[3];
        styr_findings_count(&res[i].findings, c);
        for (int s = o->fail_on; s <= STYR_SEV_ERROR; s++)
            if (c[s] && rc == EXIT_CLEAN)
                rc = EXIT_FINDINGS;
    }
    if (!o->quiet) {
        sink out;
        if (sink_open(&out, o->output) < 0) {
            rc = EXIT_FAILED;
            goto done;
        }
        styr_report_opts ro = {o->lang, use_color(o), rs->name, STYR_VERSION};
        if (strcmp(o->format, "json") == 0)
            styr_report_json(out.f, res, o->nfiles, &ro);
        else
            styr_report_text(out.f, res, o->nfiles, &ro);
        if (sink_close(&out) < 0)
            rc = EXIT_FAILED;
    }
done:
    for (size_t i = 0; res && docs && i < o->nfiles; i++) {
        styr_file_result_free(&res[i]);
        styr_doc_free(docs[i]);
    }
    free(res);
    free(docs);
    styr_ruleset_free(rs);
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

/* ---- main -------------------------------------------------------------- */

static int cmd_help(const char *topic)
{
    if (!topic) {
        printf("styr %s - validates municipal action plans and prioritises innovation areas\n\n%s"
               "\nRun 'styr help validate' or 'styr help rules' for a command's options.\n",
               STYR_VERSION, usage_text);
        return EXIT_CLEAN;
    }
    if (strcmp(topic, "validate") == 0) {
        fputs(help_validate, stdout);
        return EXIT_CLEAN;
    }
    if (strcmp(topic, "rules") == 0) {
        fputs(help_rules, stdout);
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
    if (strcmp(cmd, "validate") == 0) {
        for (int i = 2; i < argc; i++)
            if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
                return cmd_help("validate");
        rc = parse_options(argc, argv, 2, &o) < 0 ? EXIT_FAILED : cmd_validate(&o);
    } else if (strcmp(cmd, "rules") == 0) {
        const char *sub = argc > 2 ? argv[2] : "";
        if (strcmp(sub, "--help") == 0 || strcmp(sub, "-h") == 0)
            return cmd_help("rules");
        if (strcmp(sub, "list") != 0 && strcmp(sub, "test") != 0)
            return usage_error("unknown 'rules' command '%s' (try: styr rules list, styr rules test)", sub);
        rc = parse_options(argc, argv, 3, &o) < 0 ? EXIT_FAILED
             : strcmp(sub, "list") == 0 ? cmd_rules_list(&o) : cmd_rules_test(&o);
    } else {
        static const char *const cmds[] = {"validate", "rules", "help", NULL};
        long near = styr_nearest(cmd, strlen(cmd), cmds, 3);
        if (near >= 0) {
            fprintf(stderr, "styr: unknown command '%s' (did you mean '%s'?)\n", cmd, cmds[near]);
            return EXIT_FAILED;
        }
        return usage_error("unknown command '%s'", cmd);
    }
    free(o.files);
    return rc;
}
