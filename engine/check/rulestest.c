/* rulestest.c - the fixture runner behind `styr rules test` (see rulestest.h). */
#define _XOPEN_SOURCE 700   /* realpath() is XSI */
#include "rulestest.h"

#include <dirent.h>
#include <errno.h>
#include <lauxlib.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "capacity.h"
#include "doc.h"
#include "continuity.h"
#include "errno_text.h"
#include "followup.h"
#include "inputs.h"
#include "run_limits.h"
#include "termsafe.h"
#include "validate.h"

typedef struct coverage {
    int *fires, *quiet;       /* per rule: fixtures that proved it */
    int *quiet_named;         /* per rule: fixtures that name it in "quiet" (not "quiet *") */
    styr_doc **kept;          /* fixtures' settings: kept to the end, as a rule may
                                 hold a view of a setting (ruleset.setting) */
    size_t nkept;
} coverage;

typedef struct tally {
    int passed, failed;
    int english;              /* the run's language: what the lines say is read by
                                 whoever changes the rules, Swedish first */
    int unsafe;               /* fixture files refused (not regular, outside the folder, too big) */
    int out_of_memory;        /* memory ran out: the run stops and exits 2, no fixture is blamed */
    const char *root;         /* the ruleset folder being tested, resolved (realpath) */
    size_t max_bytes;         /* the largest fixture file read */
} tally;

/* The words of a line in the run's language (both literals, so a format
 * stays checkable). */
#define T(t, sv, en) ((t)->english ? (en) : (sv))

/* Refuses a file a fixture run would read unless it is a regular file (not
 * a symbolic link, FIFO or device) in a folder inside the ruleset's folder
 * and within the input size limit: a link could lead out of the folder (its
 * target's text would show in messages), a FIFO blocks, a device never
 * ends. Prints "path:1: error: why" and returns 0 when refused. */
static int fixture_file_ok(tally *t, const char *path)
{
    char why[240] = "";
    struct stat st;
    char *dir_real = NULL;
    if (lstat(path, &st) != 0)
        return 1;   /* missing: the loader says so with its own message */
    if (S_ISLNK(st.st_mode))
        snprintf(why, sizeof why, "%s",
                 T(t, "ett testfall måste vara en vanlig fil i regeluppsättningens mapp, inte en symbolisk länk",
                   "a fixture file must be a regular file in the ruleset folder, not a symbolic link"));
    else if (!S_ISREG(st.st_mode))
        snprintf(why, sizeof why, "%s",
                 T(t, "ett testfall måste vara en vanlig fil (inte en FIFO, en enhet eller en mapp)",
                   "a fixture file must be a regular file (not a FIFO, device or folder)"));
    else if ((uintmax_t)st.st_size > (uintmax_t)t->max_bytes)
        snprintf(why, sizeof why,
                 T(t, "testfallet är %jd byte, mer än de %zu MiB en indatafil får vara",
                   "fixture file is %jd bytes, more than the %zu MiB an input may have"),
                 (intmax_t)st.st_size, t->max_bytes / (1024 * 1024));
    else {
        /* Its folder, resolved, must lie inside the ruleset's: "../" in a
         * with-areas FILE, or a linked folder on the way, leads out. */
        const char *slash = strrchr(path, '/');
        char *dir = slash ? strndup(path, (size_t)(slash - path)) : strdup(".");
        errno = 0;
        dir_real = dir ? realpath(dir, NULL) : NULL;
        if (!dir || (!dir_real && errno == ENOMEM)) {
            free(dir);
            t->out_of_memory = 1;   /* not "outside the folder": nothing is known of where it lies */
            return 0;
        }
        free(dir);
        size_t rl = t->root ? strlen(t->root) : 0;
        if (!dir_real || !t->root || strncmp(dir_real, t->root, rl) != 0 || (dir_real[rl] != '/' && dir_real[rl]))
            snprintf(why, sizeof why, "%s",
                     T(t, "ett testfall måste ligga i regeluppsättningens mapp", "a fixture file must be inside the ruleset folder"));
    }
    free(dir_real);
    if (!why[0])
        return 1;
    fflush(stdout);
    styr_fput_safe(stderr, path);
    fprintf(stderr, T(t, ":1: fel: %s\n", ":1: error: %s\n"), why);
    t->unsafe++;
    return 0;
}

/* A follow-up names its plan by path, and that file is read too: it is held
 * to the same rule as the fixture files. Returns 0 when refused. */
static int followup_plan_ok(tally *t, const char *path, const styr_doc *doc)
{
    if (!styr_followup_is(doc))
        return 1;
    char *plan = styr_followup_plan_path(path, doc);
    int ok = !plan || fixture_file_ok(t, plan);
    free(plan);
    return ok;
}

static void result(FILE *out, tally *t, int ok, const char *file, const char *what, int verbose)
{
    if (ok)
        t->passed++;
    else
        t->failed++;
    if (!ok || verbose)
        fprintf(out, "%s %s: %s\n", ok ? T(t, "OK", "PASS") : T(t, "FEL", "FAIL"), file, what);
}

static int has_finding(const styr_file_result *r, const char *rule)
{
    for (size_t i = 0; i < r->findings.count; i++)
        if (!r->findings.items[i].waiver_reason && strcmp(r->findings.items[i].rule, rule) == 0)
            return 1;
    return 0;
}

/* Fails the fixture for each finding whose report() left a placeholder of
 * its message or remedy, in either language, without a value: the user
 * would read "{hint}". report() notes the first such name (a value that is
 * itself "{owner}" fills, so it is no fault); the text shown is the one
 * whose template holds it. */
static void check_filled(styr_ruleset *rs, int lang, const styr_file_result *res, const char *path, tally *t, FILE *out,
                         int verbose)
{
    for (size_t i = 0; i < res->findings.count; i++) {
        const styr_finding *fi = &res->findings.items[i];
        const styr_rule *r = fi->unfilled ? styr_ruleset_rule(rs, fi->rule, strlen(fi->rule)) : NULL;
        if (!r)
            continue;
        const char *remedy = fi->remedy ? fi->remedy : fi->remediation;   /* the filled one */
        /* which template holds it: the run's language first, message first */
        const char *tmpl[4] = {r->message[lang], r->remediation[lang], r->message[!lang], r->remediation[!lang]};
        int k = 0;
        while (k < 4 && !(tmpl[k] && strstr(tmpl[k], fi->unfilled)))
            k++;
        int in_remedy = (k == 1 || k == 3) && remedy;
        /* the template of the other language holds it: say which */
        const char *other = k >= 2 && k < 4 ? (lang == STYR_LANG_EN ? T(t, " på svenska", " in Swedish")
                                                                   : T(t, " på engelska", " in English"))
                                            : "";
        char what[1600];
        snprintf(what, sizeof what, T(t, "%s lämnar %s utan värde i %s%s: %s", "%s leaves %s without a value in its %s%s: %s"),
                 fi->rule, fi->unfilled, in_remedy ? T(t, "åtgärden", "remedy") : T(t, "meddelandet", "message"),
                 other, in_remedy ? remedy : fi->message);
        result(out, t, 0, path, what, verbose);
    }
}

/* "says RULE TEXT": RULE fires and one of its findings' messages (in the
 * run's language) contains TEXT. A rule's message is what the user reads,
 * so a fixture can pin a number or a word at a boundary, not only that the
 * rule fired. rest is what follows the verb; failed is the load error, if any. */
static void says(styr_ruleset *rs, const styr_file_result *res, const char *failed, char *rest,
                 const char *path, coverage *cov, tally *t, FILE *out, int verbose)
{
    char empty[1] = "";
    char *p = rest ? rest + strspn(rest, " \t") : empty;
    size_t idlen = strcspn(p, " \t\r\n");
    char *text = p + idlen + strspn(p + idlen, " \t");
    size_t tlen = strcspn(text, "\r\n");
    while (tlen && (text[tlen - 1] == ' ' || text[tlen - 1] == '\t'))
        tlen--;   /* TEXT ends where the line's last word does */
    text[tlen] = '\0';
    styr_rule *r = idlen ? styr_ruleset_rule(rs, p, idlen) : NULL;
    const char *why = !idlen || (r && !*text) ? T(t, "skriv says REGEL TEXT", "write says RULE TEXT")
                      : !r                    ? T(t, "ingen sådan regel", "no such rule")
                                              : NULL;
    const char *got = NULL, *waived = NULL;
    int ok = 0;
    for (size_t i = 0; !why && !failed && i < res->findings.count && !ok; i++) {
        const styr_finding *fi = &res->findings.items[i];
        if (strcmp(fi->rule, r->id) != 0 || !fi->message)
            continue;
        if (fi->waiver_reason) {
            waived = waived ? waived : fi->message;
            continue;
        }
        got = got ? got : fi->message;
        if (strstr(fi->message, text)) {
            ok = 1;
            got = fi->message;
        }
    }
    /* The line can be as long as the fixture's: sized to what it holds. */
    size_t cap = idlen + strlen(text) + strlen(failed ? failed : "") + strlen(got ? got : waived ? waived : "") + 96;
    char *what = malloc(cap);
    if (!what) {
        t->out_of_memory = 1;
        return;
    }
    if (why)
        snprintf(what, cap, "says %.*s: %s", (int)idlen, p, why);
    else if (failed)
        snprintf(what, cap, T(t, "says %s: filen kunde inte bedömas: %s", "says %s: the file could not be judged: %s"), r->id,
                 failed);
    else
        snprintf(what, cap, T(t, "%s ska säga \"%s\" (fick: %s%s)", "%s says \"%s\" (got: %s%s)"), r->id, text,
                 got || !waived ? "" : T(t, "bara ett undantaget fynd: ", "only a waived finding: "),
                 got ? got : waived ? waived : T(t, "inget fynd", "no finding"));
    result(out, t, ok, path, what, verbose);
    free(what);
    if (ok)
        cov->fires[r - rs->rules]++;
}

/* Reads the "# styr-test:" lines at the top of path into a malloc'd buffer
 * of NUL-separated directives. */
static char *read_directives(const char *path, tally *t)
{
    errno = 0;
    FILE *f = fopen(path, "r");
    if (!f) {
        if (errno == ENOMEM)
            t->out_of_memory = 1;   /* fopen's own FILE could not be made: not "no directive" */
        return NULL;
    }
    styr_inputs_note_fd(fileno(f), path);
    size_t cap = 1024, len = 0;
    char *buf = malloc(cap);
    if (!buf) {
        fclose(f);
        t->out_of_memory = 1;
        return NULL;
    }
    char *line = NULL;   /* getline: a directive is as long as its line (a long "says" text) */
    size_t linecap = 0;
    ssize_t got;
    errno = 0;
    while ((got = getline(&line, &linecap, f)) > 0) {
        if (line[0] != '#')
            break;
        const char *tag = "# styr-test:";
        if (strncmp(line, tag, strlen(tag)) != 0)
            continue;
        size_t n = strlen(line + strlen(tag));
        if (len + n + 2 > cap) {
            char *g = realloc(buf, cap = (len + n + 2) * 2);
            if (!g) {
                free(buf);
                buf = NULL;
                t->out_of_memory = 1;
                break;
            }
            buf = g;
        }
        memcpy(buf + len, line + strlen(tag), n + 1);
        len += n + 1;
        errno = 0;
    }
    if (got < 0 && errno == ENOMEM)
        t->out_of_memory = 1;   /* a line getline could not hold: not "no directive" */
    free(line);
    fclose(f);
    if (buf)
        buf[len] = '\0';
    return buf;
}

/* Reads "settings {YAML}" (text: what follows the word) and puts the map
 * over rs's settings until the fixture ends. */
static styr_status add_settings(styr_ruleset *rs, const char *path, const char *text, coverage *cov, const tally *t,
                                styr_error *err)
{
    styr_doc *doc = NULL;
    styr_status st = styr_doc_load_buffer(path, text, strcspn(text, "\r\n"), &rs->lim, &doc, err);
    if (st != STYR_OK)
        return st;
    styr_doc **kept = realloc(cov->kept, (cov->nkept + 1) * sizeof *kept);
    if (!kept) {
        styr_doc_free(doc);
        return styr_error_set(err, STYR_E_NOMEM, NULL, 0, 0, "%s", T(t, "slut på minne", "out of memory"));
    }
    cov->kept = kept;
    cov->kept[cov->nkept++] = doc;
    if (!doc->root || doc->root->kind != STYR_NODE_MAP)
        return styr_error_set(err, STYR_E_INPUT, path, 1, 1, "%s",
                              T(t, "'settings' tar en mappning, t.ex. # styr-test: settings {overlap_threshold: 0.3}",
                                "'settings' takes a mapping, e.g. # styr-test: settings {overlap_threshold: 0.3}"));
    if ((st = styr_capacity_check_settings(rs, doc, doc->root, err)) != STYR_OK)
        return st;
    const styr_node **s = realloc(rs->settings, (rs->nsettings + 1) * sizeof *s);
    if (!s)
        return styr_error_set(err, STYR_E_NOMEM, NULL, 0, 0, "%s", T(t, "slut på minne", "out of memory"));
    rs->settings = s;
    rs->settings[rs->nsettings++] = doc->root;
    return STYR_OK;
}

static void run_fixture(styr_ruleset *rs, const styr_run_opts *opts, const char *path, coverage *cov, tally *t, FILE *out, int verbose)
{
    char *dirs = read_directives(path, t);
    if (t->out_of_memory) {
        free(dirs);
        return;
    }
    if (!dirs || !*dirs) {
        result(out, t, 0, path,
               T(t, "ingen '# styr-test:'-rad säger vad som ska hända", "no '# styr-test:' line says what to expect"), verbose);
        free(dirs);
        return;
    }
    styr_doc *doc = NULL, *areas = NULL;
    styr_file_result res;
    memset(&res, 0, sizeof res);
    styr_error err;
    styr_error_clear(&err);
    styr_status st = STYR_OK;
    /* "with-areas FILE": a scenario judged together with an areas file, as
     * `styr score` does (FILE is relative to the fixture's folder). */
    for (char *d = dirs; *d && st == STYR_OK; d += strlen(d) + 1) {
        const char *p = d + strspn(d, " \t");
        if (strncmp(p, "with-areas", 10) != 0)
            continue;
        p += 10 + strspn(p + 10, " \t");
        char file[1024];
        snprintf(file, sizeof file, "%.*s", (int)strcspn(p, " \t\r\n"), p);
        char apath[2200];
        const char *slash = strrchr(path, '/');
        snprintf(apath, sizeof apath, "%.*s%s", slash ? (int)(slash - path + 1) : 0, path, file);
        if (!fixture_file_ok(t, apath)) {
            free(dirs);
            return;
        }
        st = styr_doc_load_file(apath, &rs->lim, &areas, &err);
    }
    /* "with-previous FILE": judged as `styr validate --previous FILE` (FILE
     * relative to the fixture's folder: a plan or a follow-up of it). */
    styr_previous prev;
    memset(&prev, 0, sizeof prev);
    styr_run_opts fopts = *opts;   /* this fixture's: with its previous plan, if any */
    for (char *d = dirs; *d && st == STYR_OK; d += strlen(d) + 1) {
        const char *p = d + strspn(d, " \t");
        if (strncmp(p, "with-previous", 13) != 0)
            continue;
        p += 13 + strspn(p + 13, " \t");
        char ppath[2200];
        const char *slash = strrchr(path, '/');
        snprintf(ppath, sizeof ppath, "%.*s%.*s", slash ? (int)(slash - path + 1) : 0, path,
                 (int)strcspn(p, " \t\r\n"), p);
        styr_doc *pdoc = NULL;   /* a follow-up as the previous version: its plan is read too */
        styr_error perr;
        int refused = !fixture_file_ok(t, ppath) ||
                      (styr_doc_load_file(ppath, &rs->lim, &pdoc, &perr) == STYR_OK && !followup_plan_ok(t, ppath, pdoc));
        styr_doc_free(pdoc);
        if (refused) {
            styr_previous_free(&prev);
            styr_doc_free(areas);
            free(dirs);
            return;
        }
        if ((st = styr_previous_load(rs, opts, ppath, &rs->lim, &prev, &err)) == STYR_OK)
            fopts.previous = &prev;
    }
    /* "settings {YAML}": settings of this fixture over the ruleset's, as a
     * ruleset that extends it would set them (a flow mapping on one line). */
    size_t nsettings = rs->nsettings;
    for (char *d = dirs; *d && st == STYR_OK; d += strlen(d) + 1) {
        const char *p = d + strspn(d, " \t");
        if (strncmp(p, "settings", 8) != 0 || (p[8] != ' ' && p[8] != '\t'))
            continue;
        st = add_settings(rs, path, p + 8 + strspn(p + 8, " \t"), cov, t, &err);   /* "settings\t{...}" too */
    }
    if (st == STYR_OK)
        st = styr_doc_load_file(path, &rs->lim, &doc, &err);
    styr_followup fu;
    memset(&fu, 0, sizeof fu);
    if (st == STYR_OK && styr_followup_is(doc) && !followup_plan_ok(t, path, doc)) {
        st = styr_error_set(&err, STYR_E_INPUT, path, 1, 0, "%s",
                            T(t, "planen den namnger är inte en fil i regeluppsättningens mapp",
                              "the plan it names is not a file of the ruleset folder"));
    } else if (st == STYR_OK && styr_followup_is(doc)) {
        /* A follow-up is judged with the plan it names, as `styr followup` does. */
        st = styr_followup_load(rs, &fopts, path, &rs->lim, &fu, &err);
        res = fu.res;
        memset(&fu.res, 0, sizeof fu.res);
    } else if (st == STYR_OK)
        st = styr_validate_doc_with_areas(rs, &fopts, doc, areas && areas->root ? styr_map_get(areas->root, "areas", 5) : NULL,
                                          &res, &err);
    if (st == STYR_E_NOMEM || (st != STYR_OK && err.code == STYR_E_NOMEM))
        t->out_of_memory = 1;   /* no directive is judged: the run stops with the reason */
    for (size_t i = 0; i < res.nrule_errors; i++)
        if (res.rule_errors[i].code == STYR_E_NOMEM)
            t->out_of_memory = 1;   /* a rule stopped by the machine's memory, not by its own fault */
    for (char *d = dirs, *next; *d && !t->out_of_memory; d = next) {
        next = d + strlen(d) + 1;   /* before strtok_r cuts d up */
        char *save = NULL;
        char *verb = strtok_r(d, " \t\r\n", &save);
        if (!verb)
            continue;
        if (strcmp(verb, "with-areas") == 0 || strcmp(verb, "with-previous") == 0 || strcmp(verb, "settings") == 0)
            continue;   /* read above */
        if (strcmp(verb, "fails") == 0) {
            char empty[1] = "";   /* writable: the line end is cut below */
            char *text = save ? save + strspn(save, " \t") : empty;
            text[strcspn(text, "\r\n")] = '\0';
            char what[1400];
            snprintf(what, sizeof what, T(t, "ska misslyckas med \"%s\" (fick: %s)", "fails with \"%s\" (got: %s)"), text,
                     st == STYR_OK ? T(t, "inget fel", "no failure") : err.message);
            result(out, t, st != STYR_OK && strstr(err.message, text) != NULL, path, what, verbose);
            continue;
        }
        if (strcmp(verb, "says") == 0) {
            says(rs, &res, st == STYR_OK ? NULL : err.message, save, path, cov, t, out, verbose);
            continue;
        }
        int fires = strcmp(verb, "fires") == 0;
        if (!fires && strcmp(verb, "quiet") != 0) {
            result(out, t, 0, path,
                   T(t, "okänt direktiv (fires, quiet, says, fails, with-areas, with-previous eller settings)",
                     "unknown directive (fires, quiet, says, fails, with-areas, with-previous or settings)"),
                   verbose);
            continue;
        }
        for (char *id; (id = strtok_r(NULL, " \t\r\n,", &save));) {
            char what[1600];
            if (st != STYR_OK) {
                snprintf(what, sizeof what, T(t, "%s %s: filen kunde inte bedömas: %s", "%s %s: the file could not be judged: %s"),
                         verb, id, err.message);
                result(out, t, 0, path, what, verbose);
                continue;
            }
            if (strcmp(id, "*") == 0 && !fires) {
                int clean = res.nrule_errors == 0;
                for (size_t i = 0; i < res.findings.count; i++)
                    clean &= res.findings.items[i].waiver_reason != NULL;
                snprintf(what, sizeof what, T(t, "inga fynd alls (fick %zu, det första: %s)", "no finding at all (got %zu, first: %s)"),
                         res.findings.count, res.findings.count ? res.findings.items[0].rule : "-");
                result(out, t, clean, path, what, verbose);
                for (size_t i = 0; clean && i < rs->nrules; i++)
                    cov->quiet[i]++;
                continue;
            }
            styr_rule *r = styr_ruleset_rule(rs, id, strlen(id));
            if (!r) {
                snprintf(what, sizeof what, T(t, "%s %s: ingen sådan regel", "%s %s: no such rule"), verb, id);
                result(out, t, 0, path, what, verbose);
                continue;
            }
            int seen = has_finding(&res, id);
            int ok = fires ? seen : !seen;
            if (fires)
                snprintf(what, sizeof what, T(t, "%s ska slå till", "fires %s"), id);
            else
                snprintf(what, sizeof what, T(t, "%s ska vara tyst", "stays quiet: %s"), id);
            result(out, t, ok, path, what, verbose);
            if (ok)
                (fires ? cov->fires : cov->quiet)[r - rs->rules]++;
            if (ok && !fires)
                cov->quiet_named[r - rs->rules]++;
        }
    }
    /* Once a fixture, whatever its lines ask ("says" as much as "fires"). */
    if (st == STYR_OK)
        check_filled(rs, opts->lang, &res, path, t, out, verbose);
    if (st == STYR_OK && res.nrule_errors) {
        char what[1400];
        /* the message says it: "regeln R kraschade: ..." */
        snprintf(what, sizeof what, "%s", res.rule_errors[0].message);
        result(out, t, 0, path, what, verbose);
    }
    free(dirs);
    rs->nsettings = nsettings;
    styr_file_result_free(&res);
    styr_followup_free(&fu);
    styr_previous_free(&prev);
    styr_doc_free(doc);
    styr_doc_free(areas);
}

static int cmp_int(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }

/* Which lines of each rule's check() the fixtures ran (the sandbox counted
 * them): warns about a rule with lines no fixture reaches, and with verbose
 * reports every rule's reach. The function's first and last lines are left
 * out (its header, and the implicit return a rule that returns early never
 * reaches), and so are rules the ruleset switches off. Returns how many
 * rules have unreached lines. */
static int report_reach(styr_ruleset *rs, const tally *t, FILE *out, int verbose)
{
    lua_State *L = styr_sandbox_lua(rs->sb);
    int warned = 0;
    for (size_t i = 0; i < rs->nrules; i++) {
        const styr_rule *r = &rs->rules[i];
        /* A rule switched off never runs here; a ruleset that switches it
         * on (tests/cli/rulesets/house-policy) proves its lines. */
        if (r->fn == LUA_NOREF || r->severity == STYR_SEV_OFF)
            continue;
        lua_rawgeti(L, LUA_REGISTRYINDEX, r->fn);
        lua_Debug ar;
        if (!lua_isfunction(L, -1) || !lua_getinfo(L, ">SL", &ar) || ar.source[0] != '@' || !lua_istable(L, -1)) {
            lua_settop(L, lua_gettop(L) - 1);
            continue;
        }
        int lines[512] = {0}, n = 0, missed[512], nmissed = 0;
        lua_pushnil(L);
        while (lua_next(L, -2)) {
            int line = (int)lua_tointeger(L, -2);
            if (n < 512 && line > ar.linedefined && line < ar.lastlinedefined)
                lines[n++] = line;
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
        qsort(lines, (size_t)n, sizeof *lines, cmp_int);
        for (int k = 0; k < n; k++)
            if (!styr_sandbox_line_run(rs->sb, ar.source + 1, lines[k]))
                missed[nmissed++] = lines[k];
        if (nmissed) {
            warned++;
            fprintf(out,
                    T(t, "VARNING %s:%d: %s: %d av %d rader i check() når inget testfall: rad",
                      "WARN %s:%d: %s: %d of %d lines of check() no fixture reaches: line"),
                    ar.source + 1, missed[0], r->id, nmissed, n);
            for (int k = 0; k < nmissed; k++)
                fprintf(out, "%s %d", k ? "," : (nmissed > 1 ? T(t, "er", "s") : ""), missed[k]);
            fputc('\n', out);
        } else if (verbose && n == 0) {   /* check() on one line: nothing between its first and last */
            fprintf(out, T(t, "NÅDD %s: check() står på en enda rad\n", "REACH %s: check() is written on one line\n"), r->id);
        } else if (verbose && n == 2) {
            fprintf(out, T(t, "NÅDD %s: båda raderna i check() kördes i ett testfall\n",
                           "REACH %s: both lines of check() ran in a fixture\n"),
                    r->id);
        } else if (verbose && n == 1) {
            fprintf(out, T(t, "NÅDD %s: den enda raden i check() kördes i ett testfall\n",
                           "REACH %s: the one line of check() ran in a fixture\n"),
                    r->id);
        } else if (verbose) {
            fprintf(out, T(t, "NÅDD %s: alla %d rader i check() kördes i ett testfall\n",
                           "REACH %s: every one of the %d lines of check() ran in a fixture\n"),
                    r->id, n);
        }
    }
    return warned;
}

static int cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Runs the fixtures in dir and its subfolders, in name order. */
static int run_dir(styr_ruleset *rs, const styr_run_opts *opts, const char *dir, coverage *cov, tally *t, FILE *out, int verbose, int depth)
{
    /* A linked folder is not followed: it could lead out of the ruleset. */
    struct stat dst;
    if (lstat(dir, &dst) != 0)
        return 0;
    if (!S_ISDIR(dst.st_mode)) {
        fflush(stdout);
        styr_fput_safe(stderr, dir);
        fprintf(stderr,
                T(t, ":1: fel: en mapp med testfall måste vara en mapp i regeluppsättningens mapp%s\n",
                  ":1: error: a folder of fixtures must be a folder in the ruleset folder%s\n"),
                S_ISLNK(dst.st_mode) ? T(t, ", inte en symbolisk länk", ", not a symbolic link") : "");
        t->unsafe++;
        return 0;
    }
    /* A bound on the walk; a fixture below it is said, never silently left out. */
    if (depth > 4) {
        fflush(stdout);
        styr_fput_safe(stderr, dir);
        fputs(T(t, ":1: fel: testfall läses högst fyra mappar under testmappen; flytta upp den här mappen\n",
                ":1: error: fixtures are read at most four folders below the fixtures folder; move this folder up\n"),
              stderr);
        t->unsafe++;
        return 0;
    }
    DIR *d = opendir(dir);
    if (!d) {
        fflush(stdout);
        styr_fput_safe(stderr, dir);
        int e = errno;
        fprintf(stderr, T(t, ":1: fel: mappen med testfall kan inte läsas: %s\n", ":1: error: the folder of fixtures cannot be read: %s\n"),
                styr_errno_text(e, t->english));
        t->unsafe++;
        return 0;
    }
    char **names = NULL;
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char **g = realloc(names, (n + 1) * sizeof *g);
        if (!g) {
            t->out_of_memory = 1;
            break;
        }
        names = g;
        size_t len = strlen(dir) + strlen(e->d_name) + 2;
        if (!(names[n] = malloc(len))) {
            t->out_of_memory = 1;
            break;
        }
        snprintf(names[n++], len, "%s/%s", dir, e->d_name);
    }
    closedir(d);
    if (n > 1)
        qsort(names, n, sizeof *names, cmp);
    int found = 0;
    for (size_t i = 0; i < n; i++) {
        if (t->out_of_memory) {
            free(names[i]);
            continue;
        }
        size_t len = strlen(names[i]);
        struct stat est;
        if (len > 5 && strcmp(names[i] + len - 5, ".yaml") == 0) {
            if (fixture_file_ok(t, names[i]))
                run_fixture(rs, opts, names[i], cov, t, out, verbose);
            found++;
        } else if (lstat(names[i], &est) == 0 && (S_ISDIR(est.st_mode) || S_ISLNK(est.st_mode))) {
            found += run_dir(rs, opts, names[i], cov, t, out, verbose, depth + 1);
        }
        free(names[i]);
    }
    free(names);
    return found;
}

int styr_rules_test(styr_ruleset *rs, const styr_run_opts *opts, FILE *out, int verbose)
{
    coverage cov = {calloc(rs->nrules + 1, sizeof(int)), calloc(rs->nrules + 1, sizeof(int)),
                    calloc(rs->nrules + 1, sizeof(int)), NULL, 0};
    tally t = {0, 0, opts->lang == STYR_LANG_EN, 0, 0, NULL, rs->lim.max_file_bytes};
    int found = 0;
    if (!cov.fires || !cov.quiet || !cov.quiet_named || styr_sandbox_coverage_on(rs->sb) != 0) {
        free(cov.fires);
        free(cov.quiet);
        free(cov.quiet_named);
        return -1;
    }
    for (size_t i = 0; i < rs->nchain; i++) {
        size_t len = strlen(rs->chain_dirs[i]) + 8;
        char *dir = malloc(len);
        if (!dir) {
            t.out_of_memory = 1;
            break;
        }
        snprintf(dir, len, "%s/tests", rs->chain_dirs[i]);
        errno = 0;
        char *root = realpath(rs->chain_dirs[i], NULL);
        if (!root && errno == ENOMEM) {
            free(dir);
            t.out_of_memory = 1;
            break;
        }
        t.root = root;
        struct stat tst;
        if (lstat(dir, &tst) == 0)
            found += run_dir(rs, opts, dir, &cov, &t, out, verbose, 0);
        t.root = NULL;
        free(root);
        free(dir);
    }
    if (t.out_of_memory) {
        /* What ran so far would read as the run's result: rules without a
         * fixture, failures no fixture earned. Nothing more is said. */
        free(cov.fires);
        free(cov.quiet);
        free(cov.quiet_named);
        for (size_t i = 0; i < cov.nkept; i++)
            styr_doc_free(cov.kept[i]);
        free(cov.kept);
        return -3;
    }
    for (size_t i = 0; found && i < rs->nrules; i++) {
        const styr_rule *r = &rs->rules[i];
        if (r->severity == STYR_SEV_OFF)
            continue;   /* switched off by the ruleset: it never runs, so nothing can prove it */
        char what[300];
        snprintf(what, sizeof what,
                 T(&t, "%s ska ha ett testfall där den slår till och ett där den är tyst",
                   "%s should have a fixture where it fires and one where it stays quiet"),
                 r->id);
        result(out, &t, cov.fires[i] > 0 && cov.quiet[i] > 0, r->file ? r->file : rs->name, what, verbose);
    }
    /* "quiet *" proves a clean file clean, not that a rule holds back at
     * its edge: a rule no fixture names in "quiet" gets a warning (the
     * bundled rulesets' ctest fails on it). A rule switched off is left
     * out, as above. */
    int only_star = 0;
    for (size_t i = 0; found && i < rs->nrules; i++)
        if (rs->rules[i].severity != STYR_SEV_OFF && cov.quiet[i] > 0 && cov.quiet_named[i] == 0) {
            only_star++;
            fprintf(out,
                    T(&t, "VARNING %s: %s är tyst bara i testfall med 'quiet *'; inget testfall namnger den i 'quiet'\n",
                      "WARN %s: %s stays quiet only in 'quiet *' fixtures; no fixture names it in 'quiet'\n"),
                    rs->rules[i].file ? rs->rules[i].file : rs->name, rs->rules[i].id);
        }
    if (only_star == 1)
        fputs(T(&t, "1 regel utan ett eget testfall där den är tyst (en varning)\n",
                "1 rule without a quiet fixture of its own (a warning)\n"),
              out);
    else if (only_star)
        fprintf(out, T(&t, "%d regler utan ett eget testfall där de är tysta (en varning)\n",
                       "%d rules without a quiet fixture of their own (a warning)\n"),
                only_star);
    free(cov.fires);
    free(cov.quiet);
    free(cov.quiet_named);
    for (size_t i = 0; i < cov.nkept; i++)
        styr_doc_free(cov.kept[i]);
    free(cov.kept);
    int unreached = found ? report_reach(rs, &t, out, verbose) : 0;
    if (unreached == 1)
        fputs(T(&t, "1 regel med rader som inget testfall når (en varning: lägg till testfall för de grenarna)\n",
                "1 rule with lines no fixture reaches (a warning: add fixtures for those branches)\n"),
              out);
    else if (unreached)
        fprintf(out,
                T(&t, "%d regler med rader som inget testfall når (en varning: lägg till testfall för de grenarna)\n",
                  "%d rules with lines no fixture reaches (a warning: add fixtures for those branches)\n"),
                unreached);
    if (found)
        fprintf(out, T(&t, "%d gick igenom, %d misslyckades\n", "%d passed, %d failed\n"), t.passed, t.failed);
    if (t.unsafe)
        return -2;
    return found ? t.failed : -1;
}
