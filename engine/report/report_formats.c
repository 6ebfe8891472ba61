/* report_formats.c - `styr validate` reports for other tools: JUnit XML
 * (CI test views), GitHub workflow annotations, and Markdown (pull requests,
 * documents). SARIF is in report_sarif.c. */
#include "report.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "json.h"
#include "strmap.h"
#include "termsafe.h"
#include "xlsx_read.h"
#include "report_lost.h"
#include "internal/md.h"

#define word(o, sv, en) ((o)->lang == STYR_LANG_EN ? (en) : (sv))

/* ---- JUnit XML --------------------------------------------------------- */

/* Length of the UTF-8 sequence at p that XML 1.0 allows as a character
 * (#x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]),
 * or 0: a control character, U+FFFE, U+FFFF, a surrogate or a byte that is
 * not UTF-8 would make the document ill-formed. */
static size_t xml_char(const unsigned char *p)
{
    if (p[0] < 0x80)
        return p[0] >= 0x20 || p[0] == '\t' || p[0] == '\n' || p[0] == '\r';
    size_t n = (p[0] & 0xE0) == 0xC0 ? 2 : (p[0] & 0xF0) == 0xE0 ? 3 : (p[0] & 0xF8) == 0xF0 ? 4 : 0;
    if (!n)
        return 0;
    unsigned long c = p[0] & (0x7F >> n);
    for (size_t i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (p[i] & 0x3F);
    }
    static const unsigned long min[] = {0, 0, 0x80, 0x800, 0x10000};
    if (c < min[n] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF) || c == 0xFFFE || c == 0xFFFF)
        return 0;
    return n;
}

static void xml_text(FILE *out, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p;) {
        size_t n = 1;
        switch (*p) {
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '&': fputs("&amp;", out); break;
        case '"': fputs("&quot;", out); break;
        case '\'': fputs("&apos;", out); break;
        case '\r': fputs("&#13;", out); break;
        default:
            if ((n = xml_char(p)) != 0) {
                fwrite(p, 1, n, out);
            } else {
                fputs("&#xFFFD;", out);   /* U+FFFD REPLACEMENT CHARACTER */
                n = 1;
            }
        }
        p += n;
    }
}

/* When the report is written, as the Ant schema wants it (no time zone; UTC):
 * SOURCE_DATE_EPOCH, when set, stands for now (reproducible output). */
static void junit_timestamp(char *buf, size_t cap)
{
    time_t now = time(NULL);
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    if (sde && *sde) {
        char *end;
        long long v = strtoll(sde, &end, 10);
        if (!*end && v >= 0)
            now = (time_t)v;
    }
    struct tm tm;
    if (!gmtime_r(&now, &tm) || !strftime(buf, cap, "%Y-%m-%dT%H:%M:%S", &tm))
        snprintf(buf, cap, "1970-01-01T00:00:00");
}

/* A test case's name: the action (or area) and the path within it, so that
 * GitLab and Jenkins, which key a test by classname and name, keep its
 * history when it moves to another line. A second case with the same rule
 * and name gets " #2", and so on, in report order (counted in seen, keyed
 * by rule and name; counts has room for one counter a finding). */
static void junit_case_name(FILE *out, const styr_finding *fi, styr_strmap *seen, size_t *counts, size_t *nused)
{
    const char *path = styr_finding_item_path(fi);
    const char *name = *path ? path : fi->action ? "" : "document";
    if (fi->action) {
        xml_text(out, fi->action);
        if (*path)
            putc(' ', out);
    }
    xml_text(out, name);
    if (!counts)
        return;   /* out of memory (recorded where counts was allocated): names without numbers */
    size_t n = strlen(fi->rule) + (fi->action ? strlen(fi->action) : 0) + strlen(name) + 3;
    char *key = malloc(n);
    if (!key) {
        styr_report_lost();
        return;
    }
    int len = snprintf(key, n, "%s\037%s\037%s", fi->rule, fi->action ? fi->action : "", name);
    size_t *c = styr_strmap_get(seen, key, (size_t)len);
    if (!c) {
        c = &counts[(*nused)++];
        *c = 0;
        if (styr_strmap_put(seen, key, (size_t)len, c, NULL) < 0) {
            styr_report_lost();
            c = NULL;
        }
    }
    free(key);
    if (c && ++*c > 1)
        fprintf(out, " #%zu", *c);
}

void styr_report_junit(FILE *out, const styr_file_result *res, size_t n, styr_severity fail_on,
                       const styr_report_opts *o)
{
    /* Valid against both the Ant schema (strict: required attributes, a
     * fixed order of properties, test cases, system-out, system-err, and no
     * attributes on testsuites) and Jenkins' junit-10 schema. styr does not
     * time findings one by one, so every time is 0. */
    char stamp[32], host[256];
    junit_timestamp(stamp, sizeof stamp);
    if (gethostname(host, sizeof host) != 0 || !host[0])
        snprintf(host, sizeof host, "localhost");
    host[sizeof host - 1] = '\0';
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n", out);
    for (size_t f = 0; f < n; f++) {
        const styr_file_result *r = &res[f];
        size_t ft, ff = 0, fs = 0;
        for (size_t i = 0; !r->failed && i < r->findings.count; i++) {
            const styr_finding *fi = &r->findings.items[i];
            fs += fi->waiver_reason != NULL;
            ff += !fi->waiver_reason && fi->severity >= fail_on && fi->severity <= STYR_SEV_ERROR;
        }
        /* one test case a finding and a crashed rule, or the one "no findings" */
        ft = r->failed ? 1 : r->findings.count + r->nrule_errors ? r->findings.count + r->nrule_errors : 1;
        fputs("  <testsuite name=\"", out);
        xml_text(out, r->file);
        fprintf(out, "\" package=\"styr\" id=\"%zu\" tests=\"%zu\" failures=\"%zu\" errors=\"%zu\" skipped=\"%zu\" "
                     "time=\"0\" timestamp=\"%s\" hostname=\"",
                f, ft, ff, r->failed ? (size_t)1 : r->nrule_errors, fs, stamp);
        xml_text(out, host);
        fputs("\">\n    <properties>\n      <property name=\"ruleset\" value=\"", out);
        xml_text(out, o->ruleset);
        fputs("\"/>\n      <property name=\"styr.version\" value=\"", out);
        xml_text(out, o->version);
        fprintf(out, "\"/>\n      <property name=\"fail-on\" value=\"%s\"/>\n    </properties>\n",
                styr_severity_name(fail_on));
        if (r->failed) {
            fputs("    <testcase classname=\"styr\" name=\"", out);
            xml_text(out, r->file);
            fputs("\" time=\"0\">\n      <error type=\"input\" message=\"", out);
            xml_text(out, r->failure.message);
            fputs("\">", out);
            xml_text(out, r->failure.file[0] ? r->failure.file : r->file);
            fprintf(out, ":%u:%u: ", r->failure.line, r->failure.column);
            xml_text(out, r->failure.message);
            fputs("</error>\n    </testcase>\n    <system-out></system-out>\n    <system-err></system-err>\n"
                  "  </testsuite>\n", out);
            continue;
        }
        if (!r->findings.count && !r->nrule_errors) {
            fputs("    <testcase classname=\"styr\" name=\"", out);
            xml_text(out, word(o, "inga fynd", "no findings"));
            fputs("\" time=\"0\"/>\n", out);
        }
        /* Below --fail-on a finding passes; its message goes to system-out
         * (the Ant schema allows no output inside a test case). */
        int passing = 0;
        styr_strmap seen;
        styr_strmap_init(&seen);
        size_t *counts = malloc((r->findings.count ? r->findings.count : 1) * sizeof *counts), nused = 0;
        if (!counts)
            styr_report_lost();
        for (size_t i = 0; i < r->findings.count; i++) {
            const styr_finding *fi = &r->findings.items[i];
            fputs("    <testcase classname=\"", out);
            xml_text(out, fi->rule);
            fputs("\" name=\"", out);
            junit_case_name(out, fi, &seen, counts, &nused);
            fputs("\" time=\"0\">", out);
            if (fi->waiver_reason) {
                fputs("<skipped message=\"", out);
                xml_text(out, fi->waiver_reason);
                fputs("\"/>", out);
            } else if (fi->severity >= fail_on && fi->severity <= STYR_SEV_ERROR) {
                fprintf(out, "<failure type=\"%s\" message=\"", styr_severity_name(fi->severity));
                xml_text(out, fi->message);
                fputs("\">", out);
                xml_text(out, r->file);
                fprintf(out, ":%u:%u: ", fi->line, fi->column);
                xml_text(out, fi->message);
                fputs("</failure>", out);
            } else {
                passing = 1;
            }
            fputs("</testcase>\n", out);
        }
        styr_strmap_free(&seen);
        free(counts);
        for (size_t i = 0; i < r->nrule_errors; i++) {
            const styr_error *e = &r->rule_errors[i];
            fputs("    <testcase classname=\"styr.rules\" name=\"", out);
            xml_text(out, e->file);
            fprintf(out, ":%u\" time=\"0\"><error type=\"rule-crash\" message=\"", e->line);
            xml_text(out, e->message);
            fputs("\"/></testcase>\n", out);
        }
        fputs("    <system-out>", out);
        for (size_t i = 0; passing && i < r->findings.count; i++) {
            const styr_finding *fi = &r->findings.items[i];
            if (fi->waiver_reason || (fi->severity >= fail_on && fi->severity <= STYR_SEV_ERROR))
                continue;
            xml_text(out, r->file);
            fprintf(out, ":%u:%u: %s: ", fi->line, fi->column, styr_severity_name(fi->severity));
            xml_text(out, fi->message);
            fputs(" [", out);
            xml_text(out, fi->rule);
            fputs("]\n", out);
        }
        fputs("</system-out>\n    <system-err></system-err>\n  </testsuite>\n", out);
    }
    fputs("</testsuites>\n", out);
}

/* ---- GitHub workflow annotations --------------------------------------- */

/* Escaping of the workflow command format: data, and properties (which
 * also escape ':' and ','). */
static void gh_escape(FILE *out, const char *s, int property)
{
    for (const char *p = s ? s : ""; *p;) {
        if (*p == '%') fputs("%25", out);
        else if (*p == '\r') fputs("%0D", out);
        else if (*p == '\n') fputs("%0A", out);
        else if (property && *p == ':') fputs("%3A", out);
        else if (property && *p == ',') fputs("%2C", out);
        else {
            /* Other control characters (ESC, ...) are shown, not obeyed. */
            p += styr_fput_safe_char(out, p, NULL);
            continue;
        }
        p++;
    }
}

/* GitHub shows this many annotations of each kind (error, warning,
 * notice) per step and drops the rest without a word. */
#define GH_PER_KIND 10

typedef struct gh_budget {
    size_t cap[3];        /* by kind: 0 notice, 1 warning, 2 error */
    size_t shown[3], hidden[3];
} gh_budget;

/* Starts an annotation of kind k, or, past GitHub's limit, a plain log line
 * (kept in the log, counted for the closing notice). */
static int gh_open(FILE *out, gh_budget *b, int k)
{
    static const char *const cmd[] = {"notice", "warning", "error"};
    if (b->shown[k] < b->cap[k]) {
        b->shown[k]++;
        fprintf(out, "::%s ", cmd[k]);
        return 1;
    }
    b->hidden[k]++;
    fprintf(out, "styr %s (not annotated): ", cmd[k]);
    return 0;
}

void styr_report_github(FILE *out, const styr_file_result *res, size_t n, const styr_report_opts *o)
{
    /* Count first: past a limit, one notice slot is kept for the closing
     * notice that says how many were not shown. */
    size_t want[3] = {0, 0, 0};
    for (size_t f = 0; f < n; f++) {
        if (res[f].failed) {
            want[2]++;
            continue;
        }
        for (size_t i = 0; i < res[f].findings.count; i++)
            if (!res[f].findings.items[i].waiver_reason)
                want[res[f].findings.items[i].severity > STYR_SEV_ERROR ? 0 : res[f].findings.items[i].severity]++;
        want[2] += res[f].nrule_errors;
    }
    int over = want[0] > GH_PER_KIND || want[1] > GH_PER_KIND || want[2] > GH_PER_KIND;
    gh_budget b = {{over ? GH_PER_KIND - 1 : GH_PER_KIND, GH_PER_KIND, GH_PER_KIND}, {0}, {0}};
    for (size_t f = 0; f < n; f++) {
        const styr_file_result *r = &res[f];
        if (r->failed) {
            const char *file = r->failure.file[0] ? r->failure.file : r->file;
            unsigned col = r->failure.column ? r->failure.column : 1;
            if (gh_open(out, &b, 2)) {
                fputs("file=", out);
                gh_escape(out, file, 1);
                if (r->failure.line)
                    fprintf(out, ",line=%u,col=%u", r->failure.line, col);
                fputs(",title=styr::", out);
            } else {
                gh_escape(out, file, 0);   /* escaped: a line break in a name must not start a command */
                if (r->failure.line)
                    fprintf(out, ":%u:%u", r->failure.line, col);
                fputs(": ", out);
            }
            gh_escape(out, r->failure.message, 0);
            fputc('\n', out);
            continue;
        }
        for (size_t i = 0; i < r->findings.count; i++) {
            const styr_finding *fi = &r->findings.items[i];
            if (fi->waiver_reason)
                continue;   /* waived on purpose: no annotation */
            int k = fi->severity > STYR_SEV_ERROR ? 0 : (int)fi->severity;
            if (gh_open(out, &b, k)) {
                fputs("file=", out);
                gh_escape(out, r->file, 1);
                fprintf(out, ",line=%u,col=%u,title=", fi->line, fi->column);
                gh_escape(out, fi->rule, 1);
                fputs("::", out);
            } else {
                gh_escape(out, r->file, 0);
                fprintf(out, ":%u:%u: [", fi->line, fi->column);
                gh_escape(out, fi->rule, 0);
                fputs("] ", out);
            }
            gh_escape(out, fi->message, 0);
            fputc('\n', out);
        }
        for (size_t i = 0; i < r->nrule_errors; i++) {
            const styr_error *e = &r->rule_errors[i];
            if (gh_open(out, &b, 2)) {
                fputs("file=", out);
                gh_escape(out, e->file, 1);
                fprintf(out, ",line=%u,title=styr rule crashed::", e->line);
            } else {
                gh_escape(out, e->file, 0);
                fprintf(out, ":%u: rule crashed: ", e->line);
            }
            gh_escape(out, e->message, 0);
            fputc('\n', out);
        }
    }
    size_t hidden = b.hidden[0] + b.hidden[1] + b.hidden[2], dropped = 0;
    for (size_t f = 0; f < n; f++)
        dropped += res[f].failed ? 0 : res[f].findings.dropped;
    if (!hidden)
        return;   /* nothing hidden, so nothing dropped either: that takes --max-findings findings */
    fputs("::notice title=styr::", out);
    if (o->lang == STYR_LANG_EN)
        fprintf(out, "%zu of %zu findings are not shown as annotations (%zu errors, %zu warnings, %zu info): "
                     "GitHub shows %d of each kind per step. All of them are in this step's log, "
                     "in SARIF (styr validate --format sarif, for code scanning) and in the step summary "
                     "(styr validate --format github-summary >> $GITHUB_STEP_SUMMARY).",
                hidden, hidden + b.shown[0] + b.shown[1] + b.shown[2], b.hidden[2], b.hidden[1], b.hidden[0],
                GH_PER_KIND);
    else
        fprintf(out, "%zu av %zu fynd visas inte som anteckningar (%zu fel, %zu varningar, %zu info): "
                     "GitHub visar %d av varje slag per steg. Alla finns i stegets logg, "
                     "i SARIF (styr validate --format sarif, för code scanning) och i stegets sammanfattning "
                     "(styr validate --format github-summary >> $GITHUB_STEP_SUMMARY).",
                hidden, hidden + b.shown[0] + b.shown[1] + b.shown[2], b.hidden[2], b.hidden[1], b.hidden[0],
                GH_PER_KIND);
    if (dropped)
        fprintf(out, word(o, " Dessutom räknades %zu fynd utöver --max-findings utan att sparas.",
                          " Besides, %zu findings past --max-findings were counted but not kept."), dropped);
    fputc('\n', out);
}

/* ---- Markdown ----------------------------------------------------------- */

void styr_report_markdown(FILE *out, const styr_file_result *res, size_t n, const styr_report_opts *o)
{
    for (size_t f = 0; f < n; f++) {
        const styr_file_result *r = &res[f];
        fputs(f ? "\n## " : "## ", out);
        md_text(out, r->file);
        fputs("\n\n", out);
        if (r->failed) {
            fprintf(out, "**%s** %u:%u: ", word(o, "Kunde inte bedömas:", "Could not be judged:"), r->failure.line,
                    r->failure.column);
            md_text(out, r->failure.message);
            fputs("\n", out);
            continue;
        }
        size_t c[3], waived = 0;
        styr_findings_count(&r->findings, c);
        for (size_t i = 0; i < r->findings.count; i++)
            waived += r->findings.items[i].waiver_reason != NULL;
        if (o->lang == STYR_LANG_EN)
            fprintf(out, "**%zu error%s, %zu warning%s, %zu info**", c[2], c[2] == 1 ? "" : "s", c[1],
                    c[1] == 1 ? "" : "s", c[0]);
        else
            fprintf(out, "**%zu fel, %zu varning%s, %zu info**", c[2], c[1], c[1] == 1 ? "" : "ar", c[0]);
        if (waived)
            fprintf(out, word(o, ", %zu undantagna", ", %zu waived"), waived);
        fputs("\n", out);
        if (!r->findings.count && !r->nrule_errors) {
            fputs(word(o, "\nInga fynd.\n", "\nNo findings.\n"), out);
            continue;
        }
        fputs(word(o, "\n| Rad:kol | Allvar | Regel | Insats | Meddelande | Åtgärd |\n",
                   "\n| Line:col | Severity | Rule | Item | Message | What to do |\n"), out);
        fputs("|---:|---|---|---|---|---|\n", out);
        for (size_t i = 0; i < r->findings.count; i++) {
            const styr_finding *fi = &r->findings.items[i];
            const char *sev = fi->waiver_reason ? word(o, "undantagen", "waived")
                              : fi->severity == STYR_SEV_ERROR ? word(o, "fel", "error")
                              : fi->severity == STYR_SEV_WARNING ? word(o, "varning", "warning") : "info";
            if (fi->sheet) {   /* a workbook plan: its sheet and cell */
                char cell[16];
                styr_xlsx_cell_ref(cell, sizeof cell, fi->line, fi->column);
                fputs("| ", out);
                md_text(out, fi->sheet);
                fprintf(out, "!%s | %s | `", cell, sev);
            } else
                fprintf(out, "| %u:%u | %s | `", fi->line, fi->column, sev);
            md_code_cell(out, fi->rule);
            fputs("` | ", out);
            md_text(out, fi->action ? fi->action : "");
            fputs(" | ", out);
            md_text(out, fi->message);
            if (fi->waiver_reason) {
                fputs(word(o, " *(skäl: ", " *(reason: "), out);
                md_text(out, fi->waiver_reason);
                fputs(")*", out);
            }
            fputs(" | ", out);
            if (fi->remediation && !fi->waiver_reason)
                md_text(out, fi->remediation);
            fputs(" |\n", out);
        }
        for (size_t i = 0; i < r->nrule_errors; i++) {
            fputs(word(o, "\n**Regel kraschade:** ", "\n**Rule crashed:** "), out);
            md_text(out, r->rule_errors[i].file);
            fprintf(out, ":%u: ", r->rule_errors[i].line);
            md_text(out, r->rule_errors[i].message);
            fputs("\n", out);
        }
    }
}
