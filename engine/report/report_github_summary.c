/* report_github_summary.c - `styr validate --format github-summary`:
 * Markdown for a GitHub Actions step summary ($GITHUB_STEP_SUMMARY). A table
 * of counts a file, then each file's findings in a collapsible section.
 * GitHub keeps at most 1 MiB of a step's summary, so past a budget the rows
 * stop and the summary says how many were left out and where they are. */
#include "report.h"
#include "report_lost.h"
#include "internal/md.h"
#include "internal/html.h"   /* html_esc */

#include <stdlib.h>
#include <string.h>

#define word(o, sv, en) ((o)->lang == STYR_LANG_EN ? (en) : (sv))

/* GitHub's cap is 1 MiB a step; the rest of the budget is the closing text. */
#define SUMMARY_BUDGET (1024 * 1024 - 4096)

static const char *severity_word(const styr_finding *fi, const styr_report_opts *o)
{
    if (fi->waiver_reason)
        return word(o, "undantagen", "waived");
    return fi->severity == STYR_SEV_ERROR ? word(o, "fel", "error")
           : fi->severity == STYR_SEV_WARNING ? word(o, "varning", "warning") : "info";
}

/* One finding's row, written to a memory buffer first so that its size is
 * known before it is counted against the budget. */
static char *finding_row(const styr_finding *fi, const styr_report_opts *o, size_t *len)
{
    char *buf = NULL;
    FILE *m = open_memstream(&buf, len);
    if (!m) {
        styr_report_lost();
        return NULL;
    }
    fprintf(m, "| %u:%u | %s | `", fi->line, fi->column, severity_word(fi, o));
    md_code_cell(m, fi->rule);
    fputs("` | ", m);
    md_text(m, fi->action ? fi->action : "");
    fputs(" | ", m);
    md_text(m, fi->message);
    if (fi->waiver_reason) {
        fputs(word(o, " *(skäl: ", " *(reason: "), m);
        md_text(m, fi->waiver_reason);
        fputs(")*", m);
    }
    fputs(" |\n", m);
    if (fclose(m) != 0) {
        styr_report_lost();
        free(buf);
        return NULL;
    }
    return buf;
}

void styr_report_github_summary(FILE *out, const styr_file_result *res, size_t n, const styr_report_opts *o)
{
    size_t used = 0, left_out = 0, total[3] = {0, 0, 0}, waived_all = 0, failed = 0;
    fputs(word(o, "## styr: granskning\n\n", "## styr: validation\n\n"), out);
    fputs(word(o, "| Fil | Fel | Varningar | Info | Undantagna | Resultat |\n",
               "| File | Errors | Warnings | Info | Waived | Result |\n"), out);
    fputs("|---|---:|---:|---:|---:|---|\n", out);
    for (size_t f = 0; f < n; f++) {
        const styr_file_result *r = &res[f];
        fputs("| ", out);
        md_text(out, r->file);
        if (r->failed) {
            failed++;
            fputs(word(o, " | – | – | – | – | kunde inte bedömas", " | – | – | – | – | could not be judged"), out);
            if (r->failure.line)
                fprintf(out, " (%u:%u)", r->failure.line, r->failure.column);
            fputs(": ", out);
            md_text(out, r->failure.message);
            fputs(" |\n", out);
            continue;
        }
        size_t c[3], waived = 0;
        styr_findings_count(&r->findings, c);
        for (size_t i = 0; i < r->findings.count; i++)
            waived += r->findings.items[i].waiver_reason != NULL;
        for (int k = 0; k < 3; k++)
            total[k] += c[k];
        waived_all += waived;
        const char *verdict = r->nrule_errors ? word(o, "regel kraschade", "a rule crashed")
                              : c[2] ? word(o, "fel att rätta", "errors to fix")
                              : c[1] ? word(o, "varningar", "warnings") : word(o, "godkänd", "passed");
        fprintf(out, " | %zu | %zu | %zu | %zu | %s |\n", c[2], c[1], c[0], waived, verdict);
    }
    if (o->lang == STYR_LANG_EN)
        fprintf(out, "\n**%zu error%s, %zu warning%s, %zu info, %zu waived** in %zu file%s",
                total[2], total[2] == 1 ? "" : "s", total[1], total[1] == 1 ? "" : "s", total[0], waived_all, n,
                n == 1 ? "" : "s");
    else
        fprintf(out, "\n**%zu fel, %zu varning%s, %zu info, %zu undantagna** i %zu fil%s", total[2], total[1],
                total[1] == 1 ? "" : "ar", total[0], waived_all, n, n == 1 ? "" : "er");
    if (failed)
        fprintf(out, word(o, "; %zu kunde inte bedömas", "; %zu could not be judged"), failed);
    fputs(".\n", out);
    for (size_t f = 0; f < n; f++) {
        const styr_file_result *r = &res[f];
        if (r->failed || (!r->findings.count && !r->nrule_errors))
            continue;
        fputs("\n<details><summary>", out);
        html_esc(out, r->file);   /* inside HTML, where Markdown's backslashes would show */
        fprintf(out, word(o, " (%zu fynd)", r->findings.count == 1 ? " (%zu finding)" : " (%zu findings)"),
                r->findings.count);
        fputs("</summary>\n\n", out);
        /* English has one word for an action and an area; Swedish names the one the file holds */
        const char *item = !r->kind || strcmp(r->kind, "action-plan") == 0 ? "Insats"
                           : strcmp(r->kind, "innovation-areas") == 0  ? "Område"
                                                                       : "Del";
        if (o->lang == STYR_LANG_EN)
            fputs("| Line:col | Severity | Rule | Item | Message |\n", out);
        else
            fprintf(out, "| Rad:kol | Allvar | Regel | %s | Meddelande |\n", item);
        fputs("|---:|---|---|---|---|\n", out);
        for (size_t i = 0; i < r->findings.count; i++) {
            size_t len = 0;
            char *row = finding_row(&r->findings.items[i], o, &len);
            if (!row || used + len > SUMMARY_BUDGET) {
                free(row);
                left_out += r->findings.count - i;
                break;
            }
            fwrite(row, 1, len, out);
            used += len;
            free(row);
        }
        if (r->findings.dropped)
            fprintf(out, word(o, "\n%zu fynd till räknades men sparades inte (höj --max-findings för att se dem).\n",
                              "\n%zu more findings were counted but not kept (raise --max-findings to see them).\n"),
                    r->findings.dropped);
        for (size_t i = 0; i < r->nrule_errors; i++) {
            fputs(word(o, "\n**Regel kraschade:** ", "\n**Rule crashed:** "), out);
            md_text(out, r->rule_errors[i].file);
            fprintf(out, ":%u: ", r->rule_errors[i].line);
            md_text(out, r->rule_errors[i].message);
            fputs("\n", out);
        }
        fputs("\n</details>\n", out);
    }
    if (left_out)
        fprintf(out, word(o, "\n%zu fynd får inte plats (GitHub sparar 1 MiB av ett stegs sammanfattning); "
                             "alla finns i SARIF-filen (--format sarif) och i stegets logg.\n",
                          "\n%zu findings do not fit (GitHub keeps 1 MiB of a step's summary); "
                          "all of them are in the SARIF file (--format sarif) and in the step's log.\n"),
                left_out);
}
