/* report_budget_html.c - `styr budget --format html`: one self-contained page
 * (no network, no script) with the plan's money and staff a year as stacked
 * bars, the gap marked, the actions' timeline, and the tables of the text
 * report with the owners over capacity marked. */
#include "report_budget.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal/budget_words.h"
#include "report_timeline.h"
#include "message.h"
#include "ruleset.h"
#include "internal/html.h"   /* html_esc: one escaper, control characters and bad UTF-8 included */
#include "report_lost.h"

static void sek(char *buf, size_t cap, double v)
{
    styr_format_thousands(buf, cap, v, "\xC2\xA0");
}

static void fte(char *buf, size_t cap, double v, const styr_report_opts *o)
{
    budget_decimal(buf, cap, v, o);
}

typedef struct segment {
    double value;
    const char *cls;      /* CSS class: its colour */
    const char *label;
} segment;

/* One chart: a stacked bar a year of nseg segments (values[y * nseg + k]),
 * the last segment drawn as the gap (hatched, outlined in red). */
static void chart(FILE *out, const styr_budget *b, const char *title, const char *unit, const segment *legend,
                  size_t nseg, const double *values, int money, const styr_report_opts *o)
{
    double max = 0;
    for (size_t y = 0; y < b->nyears; y++) {
        double t = 0;
        for (size_t k = 0; k < nseg; k++)
            t += values[y * nseg + k];
        if (t > max)
            max = t;
    }
    const int bar = 56, gapx = 28, left = 16, top = 16, h = 180;
    int width = left * 2 + (int)b->nyears * (bar + gapx);
    fprintf(out, "<figure><figcaption>");
    html_esc(out, title);
    fprintf(out, "</figcaption>\n<svg role=\"img\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\">\n", width, h + top + 40,
            width, h + top + 40);
    for (size_t y = 0; y < b->nyears; y++) {
        int x = left + (int)y * (bar + gapx);
        double acc = 0;
        fprintf(out, "<g class=\"year\" data-year=\"%d\">", b->years[y].year);
        for (size_t k = 0; k < nseg; k++) {
            double v = values[y * nseg + k];
            if (!(v > 0) || !(max > 0))
                continue;
            double y0 = top + h - (acc + v) / max * h, hh = v / max * h;
            char num[64];
            if (money)
                sek(num, sizeof num, v);
            else
                fte(num, sizeof num, v, o);
            fprintf(out, "<rect class=\"%s\" x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\"%s><title>%d: ", legend[k].cls, x,
                    y0, bar, hh, k + 1 == nseg ? " data-gap=\"1\"" : "", b->years[y].year);
            html_esc(out, legend[k].label);
            fprintf(out, " %s %s</title></rect>", num, unit);
            acc += v;
        }
        fprintf(out, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%d</text></g>\n", x + bar / 2, top + h + 18,
                b->years[y].year);
    }
    fputs("</svg>\n<p class=\"legend\">", out);
    for (size_t k = 0; k < nseg; k++) {
        fprintf(out, "<span><i class=\"%s\"></i>", legend[k].cls);
        html_esc(out, legend[k].label);
        fputs("</span> ", out);
    }
    fputs("</p></figure>\n", out);
}

void styr_report_budget_html(FILE *out, const styr_budget *b, const styr_report_opts *o)
{
    fprintf(out, "<!DOCTYPE html>\n<html lang=\"%s\"><head><meta charset=\"utf-8\">\n"
                 "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
                 "<title>", word(o, "sv", "en"));
    fputs("Budget: ", out);
    html_esc(out, b->plan);
    fputs("</title>\n<style>\n"
          "body{font-family:system-ui,sans-serif;margin:2rem;color:#1a1a1a;max-width:70rem}\n"
          "table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #bbb;padding:.25rem .5rem}"
          "td.n{text-align:right}\n"
          "figure{display:inline-block;margin:0 2rem 1rem 0}figcaption{font-weight:600}\n"
          ".decided{fill:#2b6cb0;background:#2b6cb0}.requested{fill:#ed8936;background:#ed8936}"
          ".conditional{fill:#ecc94b;background:#ecc94b}.reprioritised{fill:#2f855a;background:#2f855a}"
          ".external{fill:#805ad5;background:#805ad5}\n"
          ".gap{fill:#fed7d7;stroke:#c53030;stroke-width:2;stroke-dasharray:5 3;background:#fed7d7;outline:2px dashed #c53030}\n"
          ".legend span{margin-right:1rem}.legend i{display:inline-block;width:.9rem;height:.9rem;margin-right:.3rem;"
          "vertical-align:-2px}\n.gapnote{color:#9b2c2c;font-weight:600}\n"
          ".illustrative{background:#fff4ce;border:1px solid #e0c060;padding:.6rem 1rem;border-radius:4px}\n"
          "td.over{background:#fed7d7;color:#9b2c2c;font-weight:600}.overnote{color:#9b2c2c}\n"
          "</style></head><body>\n<h1>", out);
    fputs(word(o, "Budget år för år", "Budget year by year"), out);
    fputs("</h1>\n<p>", out);
    html_esc(out, b->plan);
    fprintf(out, word(o, ": planperioden %d–%d.</p>\n", ": plan period %d–%d.</p>\n"), b->from, b->to);
    if (b->illustrative) {
        fputs("<p class=\"illustrative\" id=\"illustrative\">", out);
        html_esc(out, styr_budget_illustrative_note(o));
        fputs("</p>\n", out);
    }

    double *sekv = calloc(b->nyears * 4, sizeof *sekv), *ftev = calloc(b->nyears * 3, sizeof *ftev);
    if (sekv && ftev) {
        for (size_t y = 0; y < b->nyears; y++) {
            const styr_budget_year *yr = &b->years[y];
            sekv[y * 4 + 0] = yr->sek.decided;
            sekv[y * 4 + 1] = yr->sek.requested;
            sekv[y * 4 + 2] = yr->sek.conditional;
            sekv[y * 4 + 3] = yr->gap_sek;
            ftev[y * 3 + 0] = yr->has_budget ? yr->budget_fte_reprioritised : yr->fte_own;
            ftev[y * 3 + 1] = yr->has_budget ? yr->budget_fte_external : yr->fte_external;
            ftev[y * 3 + 2] = yr->gap_fte;
        }
        const segment money_legend[] = {{0, "decided", word(o, "beslutat", "decided")},
                                        {0, "requested", word(o, "begärt", "requested")},
                                        {0, "conditional", word(o, "villkorat", "conditional")},
                                        {0, "gap", word(o, "glapp", "gap")}};
        const segment fte_legend[] = {{0, "reprioritised", word(o, "eget/omprioriterat", "own/reprioritised")},
                                      {0, "external", word(o, "externt finansierat", "externally financed")},
                                      {0, "gap", word(o, "glapp", "gap")}};
        chart(out, b, word(o, "Kronor per år (insatsernas finansiering)", "SEK a year (the actions' financing)"),
              word(o, "kr", "SEK"), money_legend, 4, sekv, 1, o);
        chart(out, b, word(o, "Årsarbetskrafter per år (budgetblocket)", "FTE a year (the budget block)"),
              word(o, "åa", "FTE"), fte_legend, 3, ftev, 0, o);
    } else if (b->nyears) {
        styr_report_lost();
    }
    free(sekv);
    free(ftev);

    char s[64], f1[32], f2[32];
    for (size_t y = 0; y < b->nyears; y++) {
        const styr_budget_year *yr = &b->years[y];
        if (yr->gap_fte > 0 || yr->gap_sek > 0) {
            char gap[128];   /* only the parts that are missing, as the text report says it */
            budget_gap_text(gap, sizeof gap, yr, "\xC2\xA0", o);
            fprintf(out, word(o, "<p class=\"gapnote\" data-gap-year=\"%d\">%d: glapp på %s",
                              "<p class=\"gapnote\" data-gap-year=\"%d\">%d: a gap of %s"),
                    yr->year, yr->year, gap);
            char sources[2048];
            if (budget_gap_sources(sources, sizeof sources, b, o->lang == STYR_LANG_EN)) {
                fputs(word(o, " (finansieringen från ", " (the money from "), out);
                html_esc(out, sources);
                fputs(word(o, " upphör och ersätts inte)", " ends and is not replaced)"), out);
            }
            fputs(".</p>\n", out);
        }
    }

    /* When the actions run and when their money ends: the timeline of the
     * validate, follow-up and report pages (report_timeline.c). */
    styr_timeline tl;
    int built = b->root ? styr_timeline_build(b->root, NULL, &tl) : 1;
    if (built < 0)
        styr_report_lost();
    if (built == 0) {
        if (tl.nrows)
            fprintf(out, "<h2 id=\"timeline-h\">%s</h2>\n", word(o, "Tidplan", "Timeline"));
        styr_timeline_svg(out, &tl, "budget", o);
        styr_timeline_free(&tl);
    }

    fputs(word(o, "<h2>År</h2>\n<table><tr><th>År</th><th>Beslutat kr</th><th>Begärt kr</th><th>Villkorat kr</th>"
                  "<th>Externt kr</th><th>Eget kr</th><th>Budget kr</th><th>Budgetstatus</th><th>Glapp åa</th><th>Glapp kr</th></tr>\n",
               "<h2>Years</h2>\n<table><tr><th>Year</th><th>Decided SEK</th><th>Requested SEK</th><th>Conditional SEK</th>"
               "<th>External SEK</th><th>Own SEK</th><th>Budget SEK</th><th>Budget status</th><th>Gap FTE</th><th>Gap SEK</th></tr>\n"),
          out);
    for (size_t y = 0; y < b->nyears; y++) {
        const styr_budget_year *yr = &b->years[y];
        const double v[] = {yr->sek.decided, yr->sek.requested, yr->sek.conditional, yr->sek.external, yr->sek.own};
        fprintf(out, "<tr><td>%d</td>", yr->year);
        for (int k = 0; k < 5; k++) {
            sek(s, sizeof s, v[k]);
            fprintf(out, "<td class=\"n\">%s</td>", s);
        }
        sek(s, sizeof s, yr->budget_sek);
        fprintf(out, "<td class=\"n\">%s</td><td>", yr->has_budget_sek ? s : "–");
        html_esc(out, yr->has_budget ? budget_status_word(yr->budget_status, o) : word(o, "ingen budget", "no budget"));
        fte(f1, sizeof f1, yr->gap_fte, o);
        sek(s, sizeof s, yr->gap_sek);
        fprintf(out, "</td><td class=\"n\">%s</td><td class=\"n\">%s</td></tr>\n", f1, s);
    }
    fputs("</table>\n", out);
    fputs(word(o, "<h2>Per ansvarig</h2>\n<table><tr><th>Ansvarig</th><th>Insatser</th>",
               "<h2>Per owner</h2>\n<table><tr><th>Owner</th><th>Actions</th>"), out);
    int capacities = budget_any_capacity(b);
    for (size_t y = 0; y < b->nyears; y++)
        fprintf(out, word(o, "<th>%d insatser</th><th>%d kr</th><th>%d åa</th>", "<th>%d actions</th><th>%d SEK</th><th>%d FTE</th>"),
                b->years[y].year, b->years[y].year, b->years[y].year);
    if (capacities)
        fputs(word(o, "<th>Kapacitet per år</th>", "<th>Capacity a year</th>"), out);
    fputs("</tr>\n", out);
    for (size_t i = 0; i < b->nowners; i++) {
        const styr_budget_owner *ow = &b->owners[i];
        fputs("<tr data-owner=\"", out);
        html_esc(out, ow->owner ? ow->owner : "");
        fprintf(out, "\" data-over-capacity=\"%s\"><td>", ow->over ? "true" : "false");
        html_esc(out, budget_owner_name(ow->owner, o->lang == STYR_LANG_EN));
        fprintf(out, "</td><td class=\"n\">%u</td>", ow->actions);
        for (size_t y = 0; y < b->nyears; y++) {
            const styr_budget_owner_year *oy = &ow->years[y];
            sek(s, sizeof s, oy->sek);
            fte(f2, sizeof f2, oy->fte, o);
            /* a measure over capacity in the year: its cell marked */
            fprintf(out, "<td class=\"n%s\">%u</td><td class=\"n%s\">%s</td><td class=\"n%s\">%s</td>",
                    oy->over[STYR_CAP_ACTIONS] ? " over" : "", oy->actions, oy->over[STYR_CAP_SEK] ? " over" : "", s,
                    oy->over[STYR_CAP_FTE] ? " over" : "", f2);
        }
        if (capacities) {
            char text[200];
            budget_capacity_text(text, sizeof text, &ow->capacity, "\xC2\xA0", o);
            fputs("<td>", out);
            html_esc(out, text[0] ? text : "–");
            fputs("</td>", out);
        }
        fputs("</tr>\n", out);
    }
    fputs("</table>\n", out);
    /* Who is over capacity, in words (the table marks the cells). */
    for (size_t i = 0; i < b->nowners; i++) {
        const styr_budget_owner *ow = &b->owners[i];
        for (size_t y = 0; ow->over && y < b->nyears; y++) {
            char over[64];
            budget_over_text(over, sizeof over, &ow->years[y], o);
            if (!over[0])
                continue;
            fprintf(out, "<p class=\"overnote\" data-over-owner=\"");
            html_esc(out, ow->owner ? ow->owner : "");
            fprintf(out, "\" data-over-year=\"%d\">", ow->years[y].year);
            html_esc(out, budget_owner_name(ow->owner, o->lang == STYR_LANG_EN));
            fprintf(out, word(o, " %d: över kapaciteten (%s).</p>\n", " %d: over capacity (%s).</p>\n"), ow->years[y].year, over);
        }
    }
    fputs(word(o, "<h2>Per finansiär</h2>\n<table><tr><th>Finansiär</th><th>Bidrag</th><th>Kr</th><th>Till och med</th></tr>\n",
               "<h2>Per funder</h2>\n<table><tr><th>Funder</th><th>Grant</th><th>SEK</th><th>Until</th></tr>\n"), out);
    for (size_t i = 0; i < b->nfunders; i++) {
        const styr_budget_funder *fu = &b->funders[i];
        sek(s, sizeof s, fu->sek);
        fputs("<tr><td>", out);
        html_esc(out, budget_funder_name(fu->funder, o->lang == STYR_LANG_EN));
        fprintf(out, "</td><td>%s</td><td class=\"n\">%s</td><td>%s</td></tr>\n",
                fu->external ? word(o, "ja", "yes") : word(o, "nej", "no"), s, fu->until[0] ? fu->until : "–");
    }
    fputs("</table>\n</body></html>\n", out);
}
