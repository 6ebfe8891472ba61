/* report_text.c - the human-readable report: one line a finding in the form
 * compilers use (editors jump to file:line:col), then a summary a file; and
 * the gnu format, the same lines in the words editors and CI parse. */
#include "report.h"

#include <string.h>

#include "termsafe.h"
#include "xlsx_read.h"

static const char *const sev_color[] = {"\033[36m", "\033[33m", "\033[31m"};
#define BOLD "\033[1m"
#define DIM "\033[2m"
#define RESET "\033[0m"

static const char *word(const styr_report_opts *o, const char *sv, const char *en)
{
    return o->lang == STYR_LANG_EN ? en : sv;
}

static void position(FILE *out, const char *file, unsigned line, unsigned col, int color)
{
    fputs(color ? BOLD : "", out);
    styr_fput_safe(out, file);
    if (line)
        fprintf(out, col ? ":%u:%u" : ":%u", line, col);
    fprintf(out, ":%s ", color ? RESET : "");
}

/* A workbook plan's finding: file:Sheet!E12: */
static void sheet_position(FILE *out, const char *file, const styr_finding *fi, int color)
{
    char cell[16];
    styr_xlsx_cell_ref(cell, sizeof cell, fi->line, fi->column);
    fprintf(out, "%s%s:%s!%s:%s ", color ? BOLD : "", file, fi->sheet, cell, color ? RESET : "");
}

void styr_report_text_header(FILE *out, const styr_report_opts *o)
{
    /* Which rules judged the files: the folder loaded, which a name lookup
     * may have found elsewhere than the user's ./rules/NAME. */
    fprintf(out, "%s%s ", o->color ? DIM : "", word(o, "Regeluppsättning", "Ruleset"));
    styr_fput_safe(out, o->ruleset);
    fputs(word(o, " från ", " from "), out);
    styr_fput_safe(out, o->ruleset_path);
    fprintf(out, "%s\n", o->color ? RESET : "");
}

static void plural(FILE *out, size_t n, const char *one, const char *many)
{
    fprintf(out, "%zu %s", n, n == 1 ? one : many);
}

void styr_report_text(FILE *out, const styr_file_result *res, size_t n, const styr_report_opts *o)
{
    for (size_t f = 0; f < n; f++) {
        const styr_file_result *r = &res[f];
        if (r->failed) {
            position(out, r->failure.file[0] ? r->failure.file : r->file, r->failure.line, r->failure.column, o->color);
            /* labelled as a finding of severity error is, in the report's language */
            fprintf(out, "%s%s%s ", o->color ? sev_color[2] : "", word(o, "fel:", "error:"), o->color ? RESET : "");
            styr_fput_safe_lines(out, r->failure.message);
            fputc('\n', out);
            continue;
        }
        size_t waived = 0;
        for (size_t i = 0; i < r->findings.count; i++) {
            const styr_finding *fi = &r->findings.items[i];
            if (fi->sheet)
                sheet_position(out, r->file, fi, o->color);
            else
                position(out, r->file, fi->line, fi->column, o->color);
            if (fi->waiver_reason) {
                waived++;
                fprintf(out, "%s%s ", o->color ? DIM : "", word(o, "undantagen:", "waived:"));
                styr_fput_safe(out, fi->message);
                fputs(" [", out);
                styr_fput_safe(out, fi->rule);
                fprintf(out, "] (%s ", word(o, "skäl:", "reason:"));
                styr_fput_safe(out, fi->waiver_reason);
                fprintf(out, ")%s\n", o->color ? RESET : "");
                continue;
            }
            const char *sev = fi->severity == STYR_SEV_ERROR ? word(o, "fel", "error")
                              : fi->severity == STYR_SEV_WARNING ? word(o, "varning", "warning")
                                                                : "info";
            fprintf(out, "%s%s:%s ", o->color ? sev_color[fi->severity] : "", sev, o->color ? RESET : "");
            styr_fput_safe(out, fi->message);
            fprintf(out, " %s[", o->color ? DIM : "");
            styr_fput_safe(out, fi->rule);
            fprintf(out, "]%s\n", o->color ? RESET : "");
            if (fi->remediation && !o->no_remediation) {
                fprintf(out, "    %s%s%s ", o->color ? DIM : "", word(o, "Åtgärd:", "What to do:"), o->color ? RESET : "");
                styr_fput_safe(out, fi->remediation);
                fputc('\n', out);
            }
        }
        if (r->findings.dropped) {
            position(out, r->file, r->findings.dropped_line, r->findings.dropped_column, o->color);
            fprintf(out,
                    o->lang == STYR_LANG_EN
                        ? "%serror:%s more than %zu findings: %zu more were counted but not kept, the first "
                          "of them here (raise --max-findings to see them)\n"
                        : "%sfel:%s fler än %zu fynd: %zu till räknades men sparades inte, det första av dem här "
                          "(höj --max-findings för att se dem)\n",
                    o->color ? sev_color[2] : "", o->color ? RESET : "", r->findings.max_kept, r->findings.dropped);
        }
        for (size_t i = 0; i < r->nrule_errors; i++) {
            const styr_error *e = &r->rule_errors[i];
            position(out, e->file[0] ? e->file : r->file, e->line, e->column, o->color);
            fprintf(out, "%s%s%s ", o->color ? sev_color[2] : "", word(o, "fel:", "error:"), o->color ? RESET : "");
            styr_fput_safe(out, e->message);
            fputc('\n', out);
        }
        if (o->findings_only)
            continue;
        size_t c[3];
        styr_findings_count(&r->findings, c);
        position(out, r->file, 0, 0, o->color);
        int plan = strcmp(r->kind, "action-plan") == 0;
        if (strcmp(r->kind, "scenario") != 0) {
            plural(out, r->actions, plan ? word(o, "insats", "action") : word(o, "område", "area"),
                   plan ? word(o, "insatser", "actions") : word(o, "områden", "areas"));
            fputs(", ", out);
        }
        plural(out, c[2], word(o, "fel", "error"), word(o, "fel", "errors"));
        fputs(", ", out);
        plural(out, c[1], word(o, "varning", "warning"), word(o, "varningar", "warnings"));
        fprintf(out, ", %zu info", c[0]);
        if (waived)
            fprintf(out, ", %zu %s", waived, word(o, "undantagna", "waived"));
        if (r->findings.dropped)
            fprintf(out, " (%zu %s --max-findings)", r->findings.dropped,
                    word(o, "visas inte, se", "not shown, see"));
        if (r->nrule_errors)
            fprintf(out, "; %zu %s", r->nrule_errors,
                    r->nrule_errors == 1 ? word(o, "regel kraschade", "rule crashed")
                                         : word(o, "regler kraschade", "rules crashed"));
        fputc('\n', out);
    }
}

void styr_report_gnu(FILE *out, const styr_file_result *res, size_t n, const styr_report_opts *o)
{
    static const char *const sev_word[] = {"note", "warning", "error"};
    for (size_t f = 0; f < n; f++) {
        const styr_file_result *r = &res[f];
        if (r->failed) {
            position(out, r->failure.file[0] ? r->failure.file : r->file, r->failure.line, r->failure.column, 0);
            fputs("error: ", out);
            styr_fput_safe(out, r->failure.message);   /* one line, as editors read them */
            fputc('\n', out);
            continue;
        }
        for (size_t i = 0; i < r->findings.count; i++) {
            const styr_finding *fi = &r->findings.items[i];
            if (fi->waiver_reason)
                continue;   /* waived on purpose: nothing for an editor to mark */
            position(out, r->file, fi->line, fi->column, 0);
            /* One line each, as editors read them: a line break or ESC in
             * a message is shown, never obeyed (it could forge a line). */
            fprintf(out, "%s: ", sev_word[fi->severity]);
            styr_fput_safe(out, fi->message);
            fputs(" [", out);
            styr_fput_safe(out, fi->rule);
            fputs("]\n", out);
        }
        if (r->findings.dropped) {
            position(out, r->file, r->findings.dropped_line, r->findings.dropped_column, 0);
            fprintf(out, "error: %zu more findings were counted but not kept (raise --max-findings) [styr]\n",
                    r->findings.dropped);
        }
        for (size_t i = 0; i < r->nrule_errors; i++) {
            const styr_error *e = &r->rule_errors[i];
            position(out, e->file[0] ? e->file : r->file, e->line, e->column, 0);
            fputs("error: ", out);
            styr_fput_safe(out, e->message);
            fputs(" [styr]\n", out);
        }
    }
}
