/* common.c - what every command of the CLI uses: loading the ruleset (with
 * the search path of the executable), colours, and the rule profile. */
/* realpath() is XSI. */
#define _XOPEN_SOURCE 700

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "cli_lang.h"
#include "error.h"
#include "number_text.h"
#include "validate.h"

/* The folders a ruleset NAME is looked up in, in order: rules/ beside the
 * executable (the build tree, where CMake links the source's rules/ there),
 * then the library's default: the installed data folder, found relative to
 * the executable and at the configured prefix. */
static const char *const *search_path(void)
{
    static char beside[PATH_MAX + 8];
    static const char *path[8];
    size_t n = 0;
    char exe[PATH_MAX];
    ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (len > 0) {
        exe[len] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            snprintf(beside, sizeof beside, "%s/rules", exe);
            path[n++] = beside;
        }
    }
    for (const char *const *d = styr_ruleset_default_path(); *d && n < 7; d++)
        path[n++] = *d;
    path[n] = NULL;
    return path;
}

/* A name lookup that passes over ./rules/NAME in the working folder is a
 * surprise worth a note: the user may be editing that copy. */
static void note_local_copy(const options *o, const styr_ruleset *rs)
{
    if (strchr(o->rules, '/'))
        return;
    char local[PATH_MAX];
    snprintf(local, sizeof local, "rules/%s", o->rules);
    struct stat st;
    if (stat(local, &st) != 0 || !S_ISDIR(st.st_mode))
        return;
    char *a = realpath(local, NULL), *b = realpath(rs->dir, NULL);
    if (a && b && strcmp(a, b) != 0)
        fprintf(stderr,
                o->lang == STYR_LANG_EN
                    ? "styr: note: the ruleset '%s' comes from %s; ./%s is not used (give --rules ./%s to use it)\n"
                    : "styr: obs: regeluppsättningen '%s' hämtas från %s; ./%s används inte (ange --rules ./%s för "
                      "att använda den)\n",
                o->rules, rs->dir, local, local);
    free(a);
    free(b);
}

styr_ruleset *cli_load_ruleset(options *o)
{
    styr_ruleset *rs = NULL;
    styr_error err;
    styr_error_clear(&err);
    styr_check_init();
    if (styr_ruleset_load_from(o->rules, search_path(), &o->lim, &rs, &err) != STYR_OK) {
        styr_error_print(&err, stderr, cli_english());
        return NULL;
    }
    note_local_copy(o, rs);
    styr_run_opts_default(&o->run);
    o->run.lang = o->lang;
    o->run.threads = o->threads;
    if (o->profile && !(o->run.stats = calloc(rs->nrules ? rs->nrules : 1, sizeof *o->run.stats))) {
        styr_ruleset_free(rs);
        fputs(CLI_SV("styr: minnet tog slut\n", "styr: out of memory\n"), stderr);
        return NULL;
    }
    return rs;
}

int cli_use_color(const options *o)
{
    const char *nc = getenv("NO_COLOR");
    const char *term = getenv("TERM");
    return !o->output && isatty(STDOUT_FILENO) && !(nc && *nc) && term && strcmp(term, "dumb") != 0;
}

static const styr_rule_stats *sort_stats;

static int by_time(const void *a, const void *b)
{
    double x = sort_stats[*(const size_t *)a].seconds, y = sort_stats[*(const size_t *)b].seconds;
    return (x < y) - (x > y);
}

void cli_print_profile(const styr_ruleset *rs, const styr_rule_stats *stats)
{
    size_t *order = malloc((rs->nrules ? rs->nrules : 1) * sizeof *order);
    if (!order || !stats) {
        free(order);
        return;
    }
    double total = 0;
    for (size_t i = 0; i < rs->nrules; i++) {
        order[i] = i;
        total += stats[i].seconds;
    }
    sort_stats = stats;
    qsort(order, rs->nrules, sizeof *order, by_time);
    int lang = cli_english() ? STYR_LANG_EN : STYR_LANG_SV;   /* 2,62 ms in Swedish */
    if (lang == STYR_LANG_EN)
        fprintf(stderr, "%-42s %10s %10s %9s  %s\n", "rule", "calls", "ms", "us/call", "declared in");
    else   /* µ is two bytes and one column */
        fprintf(stderr, "%-42s %10s %10s %10s  %s\n", "regel", "anrop", "ms", "µs/anrop", "deklarerad i");
    for (size_t k = 0; k < rs->nrules && stats[order[k]].calls; k++) {
        const styr_rule *r = &rs->rules[order[k]];
        const styr_rule_stats *st = &stats[order[k]];
        styr_numtext ms, us;
        styr_num(&ms, st->seconds * 1e3, 2, lang);
        styr_num(&us, st->seconds * 1e6 / (double)st->calls, 2, lang);
        fprintf(stderr, "%-42s %10lu %10s %9s  %s:%u\n", r->id, st->calls, ms.s, us.s, r->file ? r->file : "", r->line);
    }
    styr_numtext all;
    styr_num(&all, total * 1e3, 2, lang);
    fprintf(stderr, "%-42s %10s %10s\n", CLI_SV("alla regler", "all rules"), "", all.s);
    free(order);
}

/* Counts toward the exit code: errors (or --fail-on) in a file's findings. */
void cli_tell_in_workbook_runs(const options *o, const styr_file_result *r)
{
    /* A workbook cannot be read in the terminal: what makes the run exit 2
     * is said on standard error too, as well as in the workbook. */
    if (o->quiet || strcmp(o->format, "xlsx") != 0)
        return;
    if (r->failed)
        styr_error_print(&r->failure, stderr, cli_english());
    for (size_t i = 0; i < r->nrule_errors; i++)
        styr_error_print(&r->rule_errors[i], stderr, cli_english());
}

void cli_judge_exit(const options *o, const styr_file_result *r, int *rc)
{
    if (r->nrule_errors)
        cli_worse(rc, EXIT_FAILED);
    size_t c[3];
    styr_findings_count(&r->findings, c);
    for (int sv = o->fail_on; sv <= STYR_SEV_ERROR; sv++)
        if (c[sv])
            cli_worse(rc, EXIT_FINDINGS);
}
