/* report_followup.c - the follow-up report in text, JSON (FORMATS.md section
 * 11), Markdown, CSV and HTML. Every writer reads the same styr_followup, so
 * the numbers agree between formats. */
#include "report_followup.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "csv_dialect.h"
#include "json.h"
#include "message.h"
#include "report_timeline.h"
#include "internal/html.h"   /* html_esc: one escaper, control characters and bad UTF-8 included */
#include "report_lost.h"
#include "termsafe.h"
#include "internal/md.h"

static const struct { const char *status, *sv, *en; } statuses[] = {
    {"done", "klar", "done"},
    {"on-track", "enligt plan", "on track"},
    {"delayed", "försenad", "delayed"},
    {"not-started", "ej påbörjad", "not started"},
    {"cancelled", "avbruten", "cancelled"},
};
#define NSTATUS (sizeof statuses / sizeof statuses[0])

const char *styr_followup_status_word(const char *status, int lang)
{
    if (!status)
        return lang == STYR_LANG_EN ? "no status" : "utan status";
    for (size_t i = 0; i < NSTATUS; i++)
        if (strcmp(status, statuses[i].status) == 0)
            return lang == STYR_LANG_EN ? statuses[i].en : statuses[i].sv;
    return status;
}

static const char *escalate_to(const styr_followup *fu, const styr_report_opts *o)
{
    return fu->escalate_to ? fu->escalate_to : word(o, "beslutande organ", "the deciding body");
}

static const char *illustrative_note(const styr_report_opts *o)
{
    return word(o, "Illustrativt exempel: uppgifterna är påhittade för att visa verktyget, inte Göteborgs Stads beslut.",
                "Illustrative example: the data are made up to show the tool, not Göteborg's decisions.");
}

/* "1 234 567" (sv) or "1,234,567" (en), rounded to whole kronor. */
static void money(FILE *out, double v, const styr_report_opts *o)
{
    if (!isfinite(v)) {   /* no amount a rule accepts, but never undefined */
        fprintf(out, "%g", v);
        return;
    }
    char buf[512];   /* any finite double in whole kronor, grouped (1e19 too) */
    styr_format_thousands(buf, sizeof buf, v, o->lang == STYR_LANG_EN ? "," : " ");
    fputs(buf, out);
}

/* Counts of actions per status (index NSTATUS: no status, NSTATUS+1: other). */
static void count_statuses(const styr_followup *fu, size_t counts[NSTATUS + 2])
{
    memset(counts, 0, (NSTATUS + 2) * sizeof *counts);
    for (size_t i = 0; i < fu->nactions; i++) {
        const char *s = fu->actions[i].status;
        size_t k = NSTATUS + 1;
        if (!s)
            k = NSTATUS;
        for (size_t j = 0; s && j < NSTATUS; j++)
            if (strcmp(s, statuses[j].status) == 0)
                k = j;
        counts[k]++;
    }
}

/* The heading; each value from the files goes through put, the format's
 * own escaper (text, Markdown or HTML). */
static void heading(FILE *out, const styr_followup *fu, const styr_report_opts *o, void (*put)(FILE *, const char *))
{
    fprintf(out, "%s ", word(o, "Uppföljning", "Follow-up"));
    put(out, fu->report ? fu->report : "?");
    fprintf(out, " %s ", word(o, "per", "as of"));
    put(out, fu->as_of_text ? fu->as_of_text : "?");
    fprintf(out, " %s ", word(o, "av", "of"));
    put(out, fu->plan_title ? fu->plan_title : fu->plan_path);
}

/* ---- text ---------------------------------------------------------------- */

void styr_report_followup_text(FILE *out, const styr_followup *fu, const styr_report_opts *o)
{
    heading(out, fu, o, styr_put_safe);
    fputs(" (", out);
    styr_fput_safe(out, fu->plan_path);
    fputs(")\n", out);
    if (fu->illustrative)
        fprintf(out, "%s\n", illustrative_note(o));
    size_t counts[NSTATUS + 2];
    count_statuses(fu, counts);
    fputs("Status:", out);
    int first = 1;
    for (size_t k = 0; k < NSTATUS + 2; k++) {
        if (!counts[k])
            continue;
        const char *w = k < NSTATUS ? (o->lang == STYR_LANG_EN ? statuses[k].en : statuses[k].sv)
                        : k == NSTATUS ? styr_followup_status_word(NULL, o->lang) : word(o, "okänd status", "unknown status");
        fprintf(out, "%s %zu %s", first ? "" : ",", counts[k], w);
        first = 0;
    }
    fprintf(out, "%s (%zu %s)\n", first ? " -" : "", fu->nactions, word(o, "insatser i planen", "actions in the plan"));
    fprintf(out, "\n%s ", word(o, "Lyfts till", "Escalated to"));
    styr_fput_safe(out, escalate_to(fu, o));
    fprintf(out, " (%zu):\n", fu->nescalations);
    if (!fu->nescalations)
        fprintf(out, "  %s\n", word(o, "inget", "nothing"));
    for (size_t i = 0; i < fu->nactions; i++) {
        const styr_followup_action *a = &fu->actions[i];
        if (!a->escalate)
            continue;
        fputs("  ", out);
        styr_fput_safe_padded(out, a->id, 5);
        fputc(' ', out);
        styr_fput_safe(out, a->title ? a->title : "");
        fprintf(out, " (%s)\n", styr_followup_status_word(a->status, o->lang));
        for (size_t k = 0; k < a->nreasons; k++) {
            fputs("        - ", out);
            styr_fput_safe(out, a->reasons[k]);
            fputc('\n', out);
        }
    }
    fputc('\n', out);
    styr_report_opts fo = *o;
    fo.findings_only = 1;
    styr_report_text(out, &fu->res, 1, &fo);
    size_t c[3];
    styr_findings_count(&fu->res.findings, c);
    styr_fput_safe(out, fu->res.file);
    fprintf(out, ": %zu %s, %zu %s, %zu info; %zu %s\n", c[2], word(o, "fel", c[2] == 1 ? "error" : "errors"),
            c[1], o->lang == STYR_LANG_EN ? (c[1] == 1 ? "warning" : "warnings") : (c[1] == 1 ? "varning" : "varningar"),
            c[0], fu->nescalations, word(o, fu->nescalations == 1 ? "insats lyfts" : "insatser lyfts",
                                         fu->nescalations == 1 ? "action escalated" : "actions escalated"));
    size_t pc[3];
    styr_findings_count(&fu->plan_res.findings, pc);
    if (pc[2] || pc[1]) {
        styr_fput_safe(out, fu->plan_path);
        fprintf(out, ": %zu %s, %zu %s (%s)\n", pc[2], word(o, "fel", pc[2] == 1 ? "error" : "errors"), pc[1],
                o->lang == STYR_LANG_EN ? (pc[1] == 1 ? "warning" : "warnings") : (pc[1] == 1 ? "varning" : "varningar"),
                word(o, "planens egna fynd: styr validate visar dem", "the plan's own findings: styr validate shows them"));
    }
}

/* ---- JSON ---------------------------------------------------------------- */

static void json_day(FILE *out, int have, int64_t day)
{
    if (!have) {
        fputs("null", out);
        return;
    }
    char buf[16];
    styr_day_text(day, buf);
    styr_json_string(out, buf);
}

static void json_opt_number(FILE *out, int have, double v)
{
    if (have)
        styr_json_number(out, v);
    else
        fputs("null", out);
}

void styr_report_followup_json(FILE *out, const styr_followup *fu, const styr_report_opts *o)
{
    styr_report_json_head(out, o);   /* format_version, tool, ruleset, ruleset_path */
    fputs(", \"file\": ", out);
    styr_json_string(out, fu->res.file);
    fputs(", \"plan\": ", out);
    styr_json_string(out, fu->plan_path);
    fputs(", \"report\": ", out);
    styr_json_string(out, fu->report);
    fputs(", \"as_of\": ", out);
    styr_json_string(out, fu->as_of_text);
    fprintf(out, ", \"illustrative\": %s", fu->illustrative ? "true" : "false");
    fputs(", \"escalate_to\": ", out);
    styr_json_string(out, fu->escalate_to);
    fputs(",\n\"actions\": [", out);
    for (size_t i = 0; i < fu->nactions; i++) {
        const styr_followup_action *a = &fu->actions[i];
        fputs(i ? ",\n  {\"id\": " : "\n  {\"id\": ", out);
        styr_json_string(out, a->id);
        fputs(", \"strategy\": ", out);
        styr_json_string(out, a->strategy);
        fputs(", \"title\": ", out);
        styr_json_string(out, a->title);
        fputs(", \"status\": ", out);
        styr_json_string(out, a->status);
        fputs(", \"planned_start\": ", out);
        json_day(out, a->has_start, a->start);
        fputs(", \"planned_end\": ", out);
        json_day(out, a->has_end, a->end);
        fputs(", \"forecast_end\": ", out);
        json_day(out, a->has_forecast, a->forecast_end);
        fputs(", \"delay_days\": ", out);
        json_opt_number(out, a->has_delay, (double)a->delay_days);
        fputs(", \"budget_sek\": ", out);
        json_opt_number(out, a->has_budget, a->budget_sek);
        fputs(", \"spent_sek\": ", out);
        json_opt_number(out, a->has_spent, a->spent_sek);
        fputs(", \"overspend_sek\": ", out);
        json_opt_number(out, a->has_overspend, a->overspend_sek);
        fprintf(out, ", \"escalate\": %s, \"reasons\": [", a->escalate ? "true" : "false");
        for (size_t k = 0; k < a->nreasons; k++) {
            if (k)
                fputs(", ", out);
            styr_json_string(out, a->reasons[k]);
        }
        fputs("]}", out);
    }
    fputs("\n],\n\"escalations\": [", out);
    int first = 1;
    for (size_t i = 0; i < fu->nactions; i++)
        if (fu->actions[i].escalate) {
            if (!first)
                fputs(", ", out);
            styr_json_string(out, fu->actions[i].id);
            first = 0;
        }
    fputs("],\n\"findings\": [", out);
    for (size_t i = 0; i < fu->res.findings.count; i++) {
        fputs(i ? ",\n  " : "\n  ", out);
        styr_report_json_finding(out, &fu->res.findings.items[i], "action", fu->res.file);
    }
    size_t c[3], pc[3];
    styr_findings_count(&fu->res.findings, c);
    styr_findings_count(&fu->plan_res.findings, pc);
    fprintf(out, "%s],\n\"summary\": {\"error\": %zu, \"warning\": %zu, \"info\": %zu},\n", fu->res.findings.count ? "\n" : "",
            c[2], c[1], c[0]);
    /* Rules that crashed (the run exits 2): the follow-up's own, then the
     * plan's, so that a reader of the JSON alone knows the report is not
     * whole. */
    const styr_file_result *sides[2] = {&fu->res, &fu->plan_res};
    for (int s = 0; s < 2; s++) {
        fputs(s ? "\"plan_rule_errors\": [" : "\"rule_errors\": [", out);
        for (size_t i = 0; i < sides[s]->nrule_errors; i++) {
            fputs(i ? ", " : "", out);
            styr_report_json_error(out, &sides[s]->rule_errors[i], sides[s]->file);
        }
        fputs("],\n", out);
    }
    fprintf(out, "\"plan_summary\": {\"error\": %zu, \"warning\": %zu, \"info\": %zu}}\n", pc[2], pc[1], pc[0]);
}

/* ---- Markdown ------------------------------------------------------------ */


void styr_report_followup_markdown(FILE *out, const styr_followup *fu, const styr_report_opts *o)
{
    fputs("# ", out);
    heading(out, fu, o, md_text);
    fputs("\n\n", out);
    if (fu->illustrative)
        fprintf(out, "> %s\n\n", illustrative_note(o));
    fprintf(out, "## %s ", word(o, "Lyfts till", "Escalated to"));
    md_text(out, escalate_to(fu, o));
    fprintf(out, " (%zu)\n\n", fu->nescalations);
    if (!fu->nescalations)
        fprintf(out, "%s\n", word(o, "Inget.", "Nothing."));
    for (size_t i = 0; i < fu->nactions; i++) {
        const styr_followup_action *a = &fu->actions[i];
        if (!a->escalate)
            continue;
        fputs("- **", out);
        md_text(out, a->id);
        fputs("** ", out);
        md_text(out, a->title);
        fprintf(out, " (%s)\n", styr_followup_status_word(a->status, o->lang));
        for (size_t k = 0; k < a->nreasons; k++) {
            fputs("  - ", out);
            md_text(out, a->reasons[k]);
            fputc('\n', out);
        }
    }
    fprintf(out, "\n## %s\n\n", word(o, "Insatser", "Actions"));
    fputs(word(o, "| Insats | Rubrik | Status | Planerat slut | Prognos | Försening (dagar) | Budget (kr) | Förbrukat (kr) | Över budget (kr) | Lyfts |\n",
               "| Action | Title | Status | Planned end | Forecast | Delay (days) | Budget (SEK) | Spent (SEK) | Over budget (SEK) | Escalated |\n"),
          out);
    fputs("|---|---|---|---|---|---:|---:|---:|---:|---|\n", out);
    for (size_t i = 0; i < fu->nactions; i++) {
        const styr_followup_action *a = &fu->actions[i];
        char end[16] = "", fc[16] = "";
        if (a->has_end)
            styr_day_text(a->end, end);
        if (a->has_forecast)
            styr_day_text(a->forecast_end, fc);
        fputs("| ", out);
        md_text(out, a->id);
        fputs(" | ", out);
        md_text(out, a->title);
        fprintf(out, " | %s | %s | %s | ", styr_followup_status_word(a->status, o->lang), end, fc);
        if (a->has_delay)
            fprintf(out, "%lld", (long long)a->delay_days);
        fputs(" | ", out);
        if (a->has_budget)
            money(out, a->budget_sek, o);
        fputs(" | ", out);
        if (a->has_spent)
            money(out, a->spent_sek, o);
        fputs(" | ", out);
        if (a->has_overspend)
            money(out, a->overspend_sek, o);
        fprintf(out, " | %s |\n", a->escalate ? word(o, "**ja**", "**yes**") : "");
    }
    fprintf(out, "\n## %s\n\n", word(o, "Fynd", "Findings"));
    styr_report_markdown(out, &fu->res, 1, o);
}

/* ---- CSV ----------------------------------------------------------------- */

static void csv_number(FILE *out, int have, double v, const styr_report_opts *o)
{
    if (!have)
        return;
    char buf[64];
    snprintf(buf, sizeof buf, "%.15g", v == 0 ? 0.0 : v);   /* -0.0 is "0", not "-0" */
    if (o->lang != STYR_LANG_EN)
        for (char *p = buf; *p; p++)
            if (*p == '.')
                *p = ',';
    fputs(buf, out);
}

void styr_report_followup_csv(FILE *out, const styr_followup *fu, const styr_report_opts *o)
{
    char sep = o->lang == STYR_LANG_EN ? ',' : ';';
    if (o->lang != STYR_LANG_EN)
        fputs("\xEF\xBB\xBF", out);
    static const char *const cols[] = {"id", "strategy", "title", "owner", "status", "planned_end", "forecast_end",
                                       "delay_days", "budget_sek", "spent_sek", "overspend_sek", "escalate", "reasons",
                                       "illustrative", NULL};
    for (int k = 0; cols[k]; k++) {
        if (k)
            putc(sep, out);
        fputs(cols[k], out);
    }
    fputs("\r\n", out);
    for (size_t i = 0; i < fu->nactions; i++) {
        const styr_followup_action *a = &fu->actions[i];
        char end[16] = "", fc[16] = "";
        if (a->has_end)
            styr_day_text(a->end, end);
        if (a->has_forecast)
            styr_day_text(a->forecast_end, fc);
        const char *texts[] = {a->id, a->strategy, a->title, a->owner, a->status, end, fc};
        for (int k = 0; k < 7; k++) {
            if (k)
                putc(sep, out);
            styr_csv_field(out, texts[k], sep);
        }
        putc(sep, out);
        csv_number(out, a->has_delay, (double)a->delay_days, o);
        putc(sep, out);
        csv_number(out, a->has_budget, a->budget_sek, o);
        putc(sep, out);
        csv_number(out, a->has_spent, a->spent_sek, o);
        putc(sep, out);
        csv_number(out, a->has_overspend, a->overspend_sek, o);
        putc(sep, out);
        fputs(a->escalate ? "1" : "0", out);
        putc(sep, out);
        size_t len = 0;
        for (size_t k = 0; k < a->nreasons; k++)
            len += strlen(a->reasons[k]) + 3;
        char *joined = malloc(len + 1);
        if (joined) {
            joined[0] = '\0';
            for (size_t k = 0; k < a->nreasons; k++) {
                if (k)
                    strcat(joined, " | ");
                strcat(joined, a->reasons[k]);
            }
            styr_csv_field(out, joined, sep);
            free(joined);
        } else {
            styr_report_lost();
        }
        putc(sep, out);
        fputs(fu->illustrative ? "true" : "false", out);   /* on every row, as in the score CSV */
        fputs("\r\n", out);
    }
}

/* ---- HTML ---------------------------------------------------------------- */

static const char *const page_css =
    "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1b1b1b}"
    "h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem}h3{font-size:1rem;margin:1.2rem 0 .4rem}"
    "table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}"
    "td.num{text-align:right;font-variant-numeric:tabular-nums}"
    ".illustrative{background:#fff4ce;border:1px solid #e0c060;padding:.6rem 1rem;border-radius:4px}"
    ".chip{display:inline-block;padding:.1rem .5rem;border-radius:.8rem;font-size:.85rem;white-space:nowrap}"
    ".status-done{background:#cfe8d5;color:#0b4d1e}.status-on-track{background:#d6e6f5;color:#0d3c6e}"
    ".status-delayed{background:#fde2b8;color:#7a4300}.status-not-started{background:#e6e6e6;color:#333}"
    ".status-cancelled{background:#f6c9c9;color:#7d1010}.status-none{background:#fff;color:#7d1010;border:1px dashed #7d1010}"
    ".status-other{background:#eee;color:#333}"
    "tr.escalate td:first-child{border-left:4px solid #b00020}"
    ".sev-error{color:#b00020}.sev-warning{color:#7a4300}"
    ".problem{background:#fde8e8;border:1px solid #b00020;padding:.6rem 1rem;border-radius:4px}";

/* The CSS class of a status: status-<name>, status-none or status-other. */
static const char *status_class(const char *status)
{
    if (!status)
        return "status-none";
    for (size_t i = 0; i < NSTATUS; i++)
        if (strcmp(status, statuses[i].status) == 0)
            return status[0] == 'd' ? (status[1] == 'o' ? "status-done" : "status-delayed")
                   : status[0] == 'o' ? "status-on-track"
                   : status[0] == 'n' ? "status-not-started" : "status-cancelled";
    return "status-other";
}

static void html_chip(FILE *out, const char *status, int lang)
{
    fprintf(out, "<span class=\"chip %s\">", status_class(status));
    html_esc(out, styr_followup_status_word(status, lang));
    fputs("</span>", out);
}

static void html_action_row(FILE *out, const styr_followup_action *a, const styr_report_opts *o)
{
    char end[16] = "", fc[16] = "";
    if (a->has_end)
        styr_day_text(a->end, end);
    if (a->has_forecast)
        styr_day_text(a->forecast_end, fc);
    fputs("<tr data-action=\"", out);
    html_esc(out, a->id);
    fputs("\" data-status=\"", out);
    html_esc(out, a->status ? a->status : "none");
    fprintf(out, "\" data-escalate=\"%s\"%s><td>", a->escalate ? "true" : "false", a->escalate ? " class=\"escalate\"" : "");
    html_esc(out, a->id);
    fputs("</td><td>", out);
    html_esc(out, a->title);
    fputs("</td><td>", out);
    html_esc(out, a->owner);
    fputs("</td><td>", out);
    html_chip(out, a->status, o->lang);
    fprintf(out, "</td><td>%s</td><td>%s</td><td class=\"num\">", end, fc);
    if (a->has_delay)
        fprintf(out, "%lld", (long long)a->delay_days);
    fputs("</td><td class=\"num\">", out);
    if (a->has_budget)
        money(out, a->budget_sek, o);
    fputs("</td><td class=\"num\">", out);
    if (a->has_spent)
        money(out, a->spent_sek, o);
    fputs("</td><td class=\"num\">", out);
    if (a->has_overspend)
        money(out, a->overspend_sek, o);
    fputs("</td><td>", out);
    html_esc(out, a->comment);
    fputs("</td></tr>\n", out);
}

void styr_report_followup_html(FILE *out, const styr_followup *fu, const styr_report_opts *o)
{
    fprintf(out, "<!DOCTYPE html>\n<html lang=\"%s\"><head><meta charset=\"utf-8\">"
                 "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                 "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\"><title>",
            o->lang == STYR_LANG_EN ? "en" : "sv");
    fprintf(out, "%s ", word(o, "Uppföljning", "Follow-up"));
    html_esc(out, fu->report);
    fprintf(out, "</title><style>%s</style></head><body>\n<h1>", page_css);
    heading(out, fu, o, html_esc);
    fputs("</h1>\n", out);
    if (fu->illustrative) {
        fputs("<p class=\"illustrative\" id=\"illustrative\">", out);
        html_esc(out, illustrative_note(o));
        fputs("</p>\n", out);
    }
    /* Rules that crashed (the run exits 2): said first, so that no reader
     * takes the page for the whole judgement. */
    const styr_file_result *sides[2] = {&fu->res, &fu->plan_res};
    for (int s = 0; s < 2; s++)
        for (size_t i = 0; i < sides[s]->nrule_errors; i++) {
            const styr_error *e = &sides[s]->rule_errors[i];
            fputs("<p class=\"problem\" data-rule-error>", out);
            html_problem_position(out, e->file[0] ? e->file : sides[s]->file, e->line, e->column);
            html_esc(out, e->message);
            fputs("</p>\n", out);
        }
    size_t counts[NSTATUS + 2];
    count_statuses(fu, counts);
    fputs("<p id=\"status-counts\">", out);
    for (size_t k = 0; k < NSTATUS + 1; k++) {
        if (!counts[k])
            continue;
        const char *s = k < NSTATUS ? statuses[k].status : NULL;
        fprintf(out, "<span data-count-status=\"%s\">", s ? s : "none");
        html_chip(out, s, o->lang);
        fprintf(out, " %zu</span> ", counts[k]);
    }
    fputs("</p>\n", out);

    styr_timeline tl;
    int built = fu->plan_doc ? styr_timeline_build(fu->plan_doc->root, fu, &tl) : 1;
    if (built < 0)
        styr_report_lost();
    if (built == 0) {
        if (tl.nrows) /* a plan with no actions has no timeline to head */
            fprintf(out, "<h2 id=\"timeline\">%s</h2>\n", word(o, "Tidplan och status", "Timeline and status"));
        styr_timeline_svg(out, &tl, "followup", o);
        styr_timeline_free(&tl);
    }
    fprintf(out, "<h2 id=\"escalations\">%s ", word(o, "Lyfts till", "Escalated to"));
    html_esc(out, escalate_to(fu, o));
    fprintf(out, " (%zu)</h2>\n", fu->nescalations);
    if (!fu->nescalations)
        fprintf(out, "<p>%s</p>\n", word(o, "Inget.", "Nothing."));
    else
        fputs("<ul>\n", out);
    for (size_t i = 0; i < fu->nactions; i++) {
        const styr_followup_action *a = &fu->actions[i];
        if (!a->escalate)
            continue;
        fputs("<li data-escalation=\"", out);
        html_esc(out, a->id);
        fputs("\"><strong>", out);
        html_esc(out, a->id);
        fputs("</strong> ", out);
        html_esc(out, a->title);
        fputs(" ", out);
        html_chip(out, a->status, o->lang);
        fputs("<ul>", out);
        for (size_t k = 0; k < a->nreasons; k++) {
            fputs("<li>", out);
            html_esc(out, a->reasons[k]);
            fputs("</li>", out);
        }
        fputs("</ul></li>\n", out);
    }
    if (fu->nescalations)
        fputs("</ul>\n", out);

    fprintf(out, "<h2 id=\"actions\">%s</h2>\n", word(o, "Planens insatser", "The plan's actions"));
    if (!fu->nactions)
        fprintf(out, "<p>%s</p>\n", word(o, "Planen har inga insatser.", "The plan has no actions."));
    const char *last_strategy = "\x01";
    int open = 0;
    for (size_t i = 0; i < fu->nactions; i++) {
        const styr_followup_action *a = &fu->actions[i];
        const char *st = a->strategy ? a->strategy : "";
        if (strcmp(st, last_strategy) != 0) {
            if (open)
                fputs("</tbody></table>\n", out);
            fprintf(out, "<h3>%s ", word(o, "Strategi", "Strategy"));
            html_esc(out, st);
            fprintf(out, "</h3>\n<table data-strategy=\"");
            html_esc(out, st);
            fprintf(out, "\"><thead><tr><th>%s</th><th>%s</th><th>%s</th><th>Status</th><th>%s</th><th>%s</th>"
                         "<th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr></thead><tbody>\n",
                    word(o, "Insats", "Action"), word(o, "Rubrik", "Title"), word(o, "Ansvarig", "Owner"),
                    word(o, "Planerat slut", "Planned end"), word(o, "Prognos", "Forecast"),
                    word(o, "Försening (dagar)", "Delay (days)"), word(o, "Budget (kr)", "Budget (SEK)"),
                    word(o, "Förbrukat (kr)", "Spent (SEK)"), word(o, "Över budget (kr)", "Over budget (SEK)"),
                    word(o, "Kommentar", "Comment"));
            open = 1;
            last_strategy = st;
        }
        html_action_row(out, a, o);
    }
    if (open)
        fputs("</tbody></table>\n", out);

    fprintf(out, "<h2 id=\"findings\">%s</h2>\n", word(o, "Fynd", "Findings"));
    if (!fu->res.findings.count)
        fprintf(out, "<p>%s</p>\n", word(o, "Inga fynd.", "No findings."));
    else
        fprintf(out, "<table><thead><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr></thead><tbody>\n",
                word(o, "Rad", "Line"), word(o, "Allvar", "Severity"), word(o, "Insats", "Action"),
                word(o, "Meddelande", "Message"), word(o, "Regel", "Rule"));
    for (size_t i = 0; i < fu->res.findings.count; i++) {
        const styr_finding *f = &fu->res.findings.items[i];
        const char *sev = f->severity == STYR_SEV_ERROR ? word(o, "fel", "error")
                          : f->severity == STYR_SEV_WARNING ? word(o, "varning", "warning") : "info";
        fprintf(out, "<tr data-rule=\"%s\"><td>%u</td><td class=\"sev-%s\">%s</td><td>", f->rule, f->line,
                styr_severity_name(f->severity), sev);
        html_esc(out, f->action);
        fputs("</td><td>", out);
        html_esc(out, f->message);
        fprintf(out, "</td><td><code>%s</code></td></tr>\n", f->rule);
    }
    if (fu->res.findings.count)
        fputs("</tbody></table>\n", out);
    fprintf(out, "<p><small>styr %s, %s %s</small></p>\n</body></html>\n", o->version, word(o, "regeluppsättning", "ruleset"),
            o->ruleset);
}
