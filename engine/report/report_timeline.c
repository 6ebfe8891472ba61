/* report_timeline.c - the Gantt-style SVG of a plan's actions (see
 * report_timeline.h). */
#include "report_timeline.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "internal/html.h"   /* html_esc: one escaper, control characters and bad UTF-8 included */
#include "followup.h"
#include "validate.h"
#include "report_lost.h"

static const styr_node *get(const styr_node *map, const char *key)
{
    return map && map->kind == STYR_NODE_MAP ? styr_map_get(map, key, strlen(key)) : NULL;
}

static const char *text_of(const styr_node *n)
{
    if (!n || n->kind != STYR_NODE_SCALAR || styr_node_is_null(n) || (n->flags & STYR_NODE_INVALID))
        return NULL;
    return n->u.text;
}

static int day_of(const styr_node *n, styr_date_edge edge, int64_t *out)
{
    const char *t = text_of(n);
    styr_date d;
    if (!t || (n->stype != STYR_SCALAR_STRING && n->stype != STYR_SCALAR_INT) ||
        !styr_date_parse(t, n->count, edge, &d, NULL, 0))
        return 0;
    *out = styr_date_ordinal(&d);
    return 1;
}

int styr_timeline_build(const styr_node *plan, const struct styr_followup *fu, styr_timeline *t)
{
    memset(t, 0, sizeof *t);
    const styr_node *period = get(plan, "period");
    int64_t pf = 0, pt = 0;
    int have_period = day_of(get(period, "from"), STYR_DATE_START, &pf) && day_of(get(period, "to"), STYR_DATE_END, &pt) &&
                      pf <= pt;
    const styr_node *acts = get(plan, "actions");
    t->strategies = get(plan, "strategies");
    t->with_status = fu != NULL;
    t->from = pf;
    t->to = pt;
    if (!acts || acts->kind != STYR_NODE_SEQ || !acts->count)
        return 0;
    t->rows = calloc(acts->count, sizeof *t->rows);
    if (!t->rows)
        return -1;
    int axis_set = have_period;
    for (uint32_t i = 0; i < acts->count; i++) {
        const styr_node *a = styr_seq_item(acts, i);
        size_t len;
        /* An action without an id (id: ~) is drawn too, as "(utan id)". */
        const char *id = styr_item_id(a, &len);
        styr_timeline_row *r = &t->rows[t->nrows];
        const styr_node *tl = get(a, "timeline");
        if (tl && (tl->flags & STYR_NODE_INVALID))
            tl = NULL;
        int hs = day_of(get(tl, "start"), STYR_DATE_START, &r->start);
        int he = day_of(get(tl, "end"), STYR_DATE_END, &r->end);
        r->own = hs || he;
        if (!hs && have_period)
            r->start = pf, hs = 1;
        if (!he && have_period)
            r->end = pt, he = 1;
        if (!hs || !he || r->start > r->end)
            continue;
        r->id = id ? strndup(id, len) : NULL;
        if (id && !r->id) {
            styr_timeline_free(t);
            return -1;
        }
        r->strategy = text_of(get(a, "strategy"));
        r->title = text_of(get(a, "title"));
        if (fu && id) {
            const styr_followup_action *fa = styr_followup_find(fu, id, len);
            r->status = fa ? fa->status : NULL;
            if (fa && fa->has_forecast && fa->forecast_end > r->end && !(fa->status && strcmp(fa->status, "cancelled") == 0)) {
                r->late = 1;
                r->forecast_end = fa->forecast_end;
            }
        }
        const styr_node *fin = get(a, "financing");
        for (uint32_t j = 0; fin && fin->kind == STYR_NODE_SEQ && !(fin->flags & STYR_NODE_INVALID) && j < fin->count; j++) {
            const styr_node *e = styr_seq_item(fin, j);
            const char *type = text_of(get(e, "type"));
            int64_t until;
            if (!type || strcmp(type, "external-grant") != 0 || !day_of(get(e, "until"), STYR_DATE_END, &until))
                continue;
            if (r->ngrants < sizeof r->grant_until / sizeof r->grant_until[0])
                r->grant_until[r->ngrants++] = until;
            if (until < r->end && (!r->unfunded || until + 1 < r->unfunded_from)) {
                r->unfunded = 1;
                r->unfunded_from = until + 1;
            }
        }
        if (!axis_set) {
            t->from = r->start;
            t->to = r->end;
            axis_set = 1;
        }
        if (r->start < t->from)
            t->from = r->start;
        if (r->end > t->to)
            t->to = r->end;
        if (r->late && r->forecast_end > t->to)
            t->to = r->forecast_end;
        for (size_t g = 0; g < r->ngrants; g++) {
            if (r->grant_until[g] < t->from)
                t->from = r->grant_until[g];
            if (r->grant_until[g] > t->to)
                t->to = r->grant_until[g];
        }
        t->nrows++;
    }
    return 0;
}

void styr_timeline_free(styr_timeline *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->nrows; i++)
        free(t->rows[i].id);
    free(t->rows);
    memset(t, 0, sizeof *t);
}

/* ---- drawing ------------------------------------------------------------- */

static const char *status_fill(const char *status)
{
    if (!status) return "#ffffff";
    if (strcmp(status, "done") == 0) return "#2e7d32";
    if (strcmp(status, "on-track") == 0) return "#1565c0";
    if (strcmp(status, "delayed") == 0) return "#ef8f00";
    if (strcmp(status, "not-started") == 0) return "#9e9e9e";
    if (strcmp(status, "cancelled") == 0) return "#b00020";
    return "#bdbdbd";
}

#define W 960.0
#define LABEL 300.0
#define ROW 18.0
#define TOP 28.0

typedef struct scale {
    int64_t from, to;
} scale;

static double x_of(const scale *s, int64_t day, int end_of_day)
{
    double span = (double)(s->to - s->from + 1);
    return LABEL + (W - LABEL - 10) * ((double)(day - s->from) + (end_of_day ? 1 : 0)) / span;
}

static const char *strategy_title(const styr_timeline *t, const char *id)
{
    const styr_node *ss = t->strategies;
    for (uint32_t i = 0; id && ss && ss->kind == STYR_NODE_SEQ && i < ss->count; i++) {
        size_t len;
        const char *sid = styr_item_id(styr_seq_item(ss, i), &len);
        if (sid && strlen(id) == len && memcmp(sid, id, len) == 0)
            return text_of(get(styr_seq_item(ss, i), "title"));
    }
    return NULL;
}

static void day_text(int64_t day, char *buf)
{
    styr_day_text(day, buf);
}

/* The action's id as the reader sees it; an action without one (or with
 * one of only spaces) is named so. */
static void row_label(FILE *out, const styr_timeline_row *r, int en)
{
    if (r->id && r->id[strspn(r->id, " \t")])
        html_esc(out, r->id);
    else
        fputs(en ? "(no id)" : "(utan id)", out);
}

/* The chart's numbers as a table (for screen readers and for copying). */
static void timeline_table(FILE *out, const styr_timeline *t, const size_t *order, const char *uid,
                           const styr_report_opts *o)
{
    int en = o->lang == STYR_LANG_EN;
    fprintf(out, "<details><summary>%s</summary><table id=\"timeline-%s-table\" data-table=\"timeline\"><thead><tr>"
                 "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                 "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>",
            en ? "The timeline as a table" : "Tidplanen som tabell", uid, en ? "Action" : "Insats", "Start",
            en ? "End" : "Slut", en ? "Own timeline" : "Egen tidplan", en ? "Grants until" : "Bidrag till och med",
            en ? "Runs on without its grant from" : "Utan bidrag från");
    if (t->with_status)
        fprintf(out, "<th scope=\"col\">Status</th><th scope=\"col\">%s</th>", en ? "Forecast end" : "Prognos för slut");
    fputs("</tr></thead><tbody>\n", out);
    for (size_t n = 0; n < t->nrows; n++) {
        const styr_timeline_row *r = &t->rows[order[n]];
        char sd[16], ed[16];
        day_text(r->start, sd);
        day_text(r->end, ed);
        fputs("<tr data-timeline-action=\"", out);
        html_esc(out, r->id);
        fputs("\"><th scope=\"row\">", out);
        row_label(out, r, en);
        fprintf(out, "</th><td>%s</td><td>%s</td><td>%s</td><td>", sd, ed, r->own ? (en ? "yes" : "ja") : (en ? "no" : "nej"));
        for (size_t g = 0; g < r->ngrants; g++) {
            char gu[16];
            day_text(r->grant_until[g], gu);
            fprintf(out, "%s%s", g ? ", " : "", gu);
        }
        fputs("</td><td>", out);
        if (r->unfunded) {
            char uf[16];
            day_text(r->unfunded_from, uf);
            fputs(uf, out);
        }
        fputs("</td>", out);
        if (t->with_status) {
            fputs("<td>", out);
            html_esc(out, r->status);
            fputs("</td><td>", out);
            if (r->late) {
                char fe[16];
                day_text(r->forecast_end, fe);
                fputs(fe, out);
            }
            fputs("</td>", out);
        }
        fputs("</tr>\n", out);
    }
    fputs("</tbody></table></details>\n", out);
}

void styr_timeline_svg(FILE *out, const styr_timeline *t, const char *uid, const styr_report_opts *o)
{
    if (!t->nrows)
        return;
    int en = o->lang == STYR_LANG_EN;
    /* Rows grouped by strategy, groups in order of first appearance. */
    size_t *order = malloc(t->nrows * sizeof *order);
    size_t nheads = 0;
    if (!order) {
        styr_report_lost();
        return;
    }
    size_t k = 0;
    char *done = calloc(t->nrows, 1);
    if (!done) {
        styr_report_lost();
        free(order);
        return;
    }
    for (size_t i = 0; i < t->nrows; i++) {
        if (done[i])
            continue;
        const char *g = t->rows[i].strategy ? t->rows[i].strategy : "";
        nheads++;
        for (size_t j = i; j < t->nrows; j++)
            if (!done[j] && strcmp(t->rows[j].strategy ? t->rows[j].strategy : "", g) == 0) {
                order[k++] = j;
                done[j] = 1;
            }
    }
    free(done);
    double h = TOP + ROW * (double)(t->nrows + nheads) + 30 + (t->with_status ? 16 : 0);
    scale s = {t->from, t->to};
    fprintf(out, "<figure class=\"timeline\" id=\"timeline-%s\" data-from=\"", uid);
    char a[16], b[16];
    day_text(t->from, a);
    day_text(t->to, b);
    fprintf(out, "%s\" data-to=\"%s\">\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %.0f %.0f\" width=\"100%%\" "
                 "role=\"img\" aria-labelledby=\"timeline-%s-t\" aria-describedby=\"timeline-%s-table\" "
                 "style=\"max-width:%.0fpx;font:11px system-ui,sans-serif\">"
                 "<title id=\"timeline-%s-t\">%s</title>\n",
            a, b, W, h, uid, uid, W, uid, en ? "Timeline of the actions" : "Insatsernas tidplan");
    fprintf(out, "<desc>%s</desc>\n",
            en ? "Timeline of the actions: a bar from start to end; hatched: no timeline of its own (the plan period); "
                 "a black mark where a grant ends; red where the action outlives a grant; dashed: a follow-up's later forecast end."
               : "Tidplan för insatserna: en stapel från start till slut; streckad: ingen egen tidplan (planperioden); "
                 "ett svart streck där ett bidrag tar slut; rött där insatsen pågår efter att bidraget tagit slut; streckat: uppföljningens senare prognos för slut.");
    fprintf(out, "<defs><pattern id=\"timeline-%s-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
                 "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#e8eef6\"></rect>"
                 "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#7a8ca5\" stroke-width=\"2\"></line></pattern></defs>\n",
            uid);
    /* Year lines and labels. */
    int y0, y1;
    {
        char buf[16];
        day_text(t->from, buf);
        y0 = (int)strtol(buf, NULL, 10);   /* "YYYY-MM-DD": the year */
        day_text(t->to, buf);
        y1 = (int)strtol(buf, NULL, 10);
    }
    for (int y = y0; y <= y1 + 1; y++) {
        styr_date first = {y, 1, 1, STYR_DATE_DAY};
        int64_t day = styr_date_ordinal(&first);
        if (day < t->from || day > t->to + 1)
            continue;
        double x = x_of(&s, day, 0);
        fprintf(out, "<line class=\"year\" x1=\"%.1f\" y1=\"%.0f\" x2=\"%.1f\" y2=\"%.0f\" stroke=\"#ccc\"></line>", x, TOP - 14, x,
                h - 20);
        if (y <= y1)
            fprintf(out, "<text x=\"%.1f\" y=\"%.0f\" fill=\"#444\">%d</text>\n", x + 3, TOP - 4, y);
    }
    double y = TOP;
    const char *last = NULL;
    for (size_t n = 0; n < t->nrows; n++) {
        const styr_timeline_row *r = &t->rows[order[n]];
        const char *g = r->strategy ? r->strategy : "";
        if (!last || strcmp(last, g) != 0) {
            fprintf(out, "<text class=\"group\" x=\"4\" y=\"%.0f\" font-weight=\"bold\">%s ", y + 13, en ? "Strategy" : "Strategi");
            html_esc(out, g);
            const char *st = strategy_title(t, r->strategy);
            if (st) {
                fputs(": ", out);
                html_esc_cut(out, st, 81);   /* 80 and "…" */
            }
            fputs("</text>\n", out);
            y += ROW;
            last = g;
        }
        char sd[16], ed[16];
        day_text(r->start, sd);
        day_text(r->end, ed);
        fprintf(out, "<g class=\"row\" data-action=\"");
        html_esc(out, r->id);
        fputs("\"><text x=\"12\" y=\"", out);
        fprintf(out, "%.0f\"><tspan font-weight=\"bold\">", y + 13);
        row_label(out, r, en);
        fputs("</tspan> ", out);
        html_esc_cut(out, r->title, 41);   /* 40 and "…" */
        fputs("</text>", out);
        double x1 = x_of(&s, r->start, 0), x2 = x_of(&s, r->end, 1);
        const char *fill = t->with_status ? status_fill(r->status) : "#5b7fa8";
        fprintf(out, "<rect class=\"bar\" data-action=\"");
        html_esc(out, r->id);
        fprintf(out, "\" data-start=\"%s\" data-end=\"%s\" data-own=\"%s\" data-status=\"", sd, ed, r->own ? "true" : "false");
        html_esc(out, r->status ? r->status : (t->with_status ? "none" : ""));
        fprintf(out, "\" x=\"%.2f\" y=\"%.0f\" width=\"%.2f\" height=\"%.0f\" fill=\"%s\" stroke=\"#333\" stroke-width=\"0.5\">",
                x1, y + 3, x2 - x1 > 1 ? x2 - x1 : 1, ROW - 6,
                r->own || (t->with_status && r->status) ? fill : "none");
        fputs("<title>", out);
        row_label(out, r, en);
        fprintf(out, ": %s – %s%s", sd, ed, r->own ? "" : (en ? " (no timeline: the plan period)" : " (ingen tidplan: planperioden)"));
        if (r->status) {
            fputs(", ", out);
            html_esc(out, r->status);
        }
        fputs("</title></rect>", out);
        if (!r->own)
            fprintf(out, "<rect class=\"hatch\" x=\"%.2f\" y=\"%.0f\" width=\"%.2f\" height=\"%.0f\" fill=\"url(#timeline-%s-hatch)\" "
                         "opacity=\"%s\"></rect>",
                    x1, y + 3, x2 - x1 > 1 ? x2 - x1 : 1, ROW - 6, uid, t->with_status && r->status ? "0.6" : "1");
        if (r->late) {
            char fe[16];
            day_text(r->forecast_end, fe);
            double f2 = x_of(&s, r->forecast_end, 1);
            fprintf(out, "<rect class=\"forecast\" data-forecast-end=\"%s\" x=\"%.2f\" y=\"%.0f\" width=\"%.2f\" height=\"%.0f\" "
                         "fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\" stroke-dasharray=\"4 2\"><title>",
                    fe, x2, y + 3, f2 - x2 > 1 ? f2 - x2 : 1, ROW - 6, status_fill(r->status));
            row_label(out, r, en);
            fprintf(out, ": %s %s</title></rect>", en ? "forecast end" : "prognos för slut", fe);
        }
        if (r->unfunded) {
            char uf[16];
            day_text(r->unfunded_from, uf);
            double u1 = x_of(&s, r->unfunded_from, 0);
            fprintf(out, "<rect class=\"unfunded\" data-unfunded-from=\"%s\" data-unfunded-to=\"%s\" x=\"%.2f\" y=\"%.0f\" "
                         "width=\"%.2f\" height=\"4\" fill=\"#d32f2f\"></rect>",
                    uf, ed, u1, y + ROW - 5, x2 - u1 > 1 ? x2 - u1 : 1);
        }
        for (size_t gi = 0; gi < r->ngrants; gi++) {
            char gu[16];
            day_text(r->grant_until[gi], gu);
            double gx = x_of(&s, r->grant_until[gi], 1);
            fprintf(out, "<line class=\"grant\" data-grant-until=\"%s\" x1=\"%.2f\" y1=\"%.0f\" x2=\"%.2f\" y2=\"%.0f\" "
                         "stroke=\"#000\" stroke-width=\"2\"></line>",
                    gu, gx, y + 1, gx, y + ROW - 1);
        }
        fputs("</g>\n", out);
        y += ROW;
    }
    /* The legend. */
    fprintf(out, "<g class=\"legend\"><rect x=\"%.0f\" y=\"%.0f\" width=\"18\" height=\"10\" fill=\"url(#timeline-%s-hatch)\"></rect>"
                 "<text x=\"%.0f\" y=\"%.0f\">%s</text>"
                 "<line x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\" stroke=\"#000\" stroke-width=\"2\"></line><text x=\"%.0f\" y=\"%.0f\">%s</text>"
                 "<rect x=\"%.0f\" y=\"%.0f\" width=\"18\" height=\"4\" fill=\"#d32f2f\"></rect><text x=\"%.0f\" y=\"%.0f\">%s</text></g>\n",
            LABEL, h - 16, uid, LABEL + 22, h - 7, en ? "no timeline of its own" : "ingen egen tidplan",
            LABEL + 180, h - 17, LABEL + 180, h - 5, LABEL + 186, h - 7, en ? "a grant ends" : "bidrag tar slut",
            LABEL + 300, h - 12, LABEL + 322, h - 7, en ? "runs on after its grant" : "pågår efter bidraget");
    if (t->with_status) {
        static const struct { const char *status, *sv, *en; } st[] = {
            {"done", "klar", "done"}, {"on-track", "enligt plan", "on track"}, {"delayed", "försenad", "delayed"},
            {"not-started", "ej påbörjad", "not started"}, {"cancelled", "avbruten", "cancelled"}, {NULL, "utan status", "no status"}};
        fputs("<g class=\"legend-status\">", out);
        for (size_t i = 0; i < sizeof st / sizeof st[0]; i++) {
            double lx = LABEL + 110.0 * (double)i;
            fprintf(out, "<rect x=\"%.0f\" y=\"%.0f\" width=\"18\" height=\"10\" fill=\"%s\" stroke=\"#333\" stroke-width=\"0.5\">"
                         "</rect><text x=\"%.0f\" y=\"%.0f\">%s</text>",
                    lx, h - 32, status_fill(st[i].status), lx + 22, h - 23, en ? st[i].en : st[i].sv);
        }
        fputs("</g>\n", out);
    }
    fputs("</svg>\n", out);
    timeline_table(out, t, order, uid, o);
    fputs("</figure>\n", out);
    free(order);
}
