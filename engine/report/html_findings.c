/* html_findings.c - section 2 of the HTML page: the plan's findings, as a
 * chart per action and a table. */
#include "internal/html.h"
#include "report_timeline.h"
#include "xlsx_read.h"
#include "report_lost.h"

/* ---- 2. plan findings ------------------------------------------------------ */

typedef struct bar_row {
    const char *id;
    size_t len;
    size_t c[4];             /* info, warning, error (styr_severity), waived */
    size_t pos;              /* order of first appearance */
    int keep;
} bar_row;

static size_t row_total(const bar_row *r)
{
    return r->c[0] + r->c[1] + r->c[2] + r->c[3];
}

static int by_total_desc(const void *a, const void *b)
{
    const bar_row *x = *(const bar_row *const *)a, *y = *(const bar_row *const *)b;
    size_t tx = row_total(x), ty = row_total(y);
    if (tx != ty)
        return tx > ty ? -1 : 1;
    return x->pos < y->pos ? -1 : x->pos > y->pos;
}

/* The stacked bars of findings per action. Long on purpose (about 165
 * lines): one SVG written top to bottom from the counts made at the top. */
static void findings_chart(page *p, const styr_file_result *r, const styr_doc *doc)
{
    FILE *out = p->out;
    int plan = r->kind && strcmp(r->kind, "action-plan") == 0;
    const styr_node *items = doc ? html_seq_get(doc->root, plan ? "actions" : "areas") : NULL;
    size_t cap = 1 + (items ? items->count : 0) + r->findings.count;
    bar_row *rows = calloc(cap, sizeof *rows);
    bar_row **sorted = calloc(cap, sizeof *sorted);
    styr_strmap map;
    styr_strmap_init(&map);
    if (!rows || !sorted) {
        styr_report_lost();
        goto done;
    }
    size_t nrows = 1;
    rows[0].id = word(p->o, "(dokumentet)", "(the document)");
    rows[0].len = strlen(rows[0].id);
    for (uint32_t i = 0; items && i < items->count; i++) {
        size_t len;
        const char *id = styr_item_id(styr_seq_item(items, i), &len);
        if (!id)
            continue;
        int st = styr_strmap_put(&map, id, len, (void *)(uintptr_t)nrows, NULL);
        if (st < 0) {
            styr_report_lost();
            goto done;
        }
        if (st == 1) {
            rows[nrows].id = id;
            rows[nrows].len = len;
            rows[nrows].pos = nrows;
            nrows++;
        }
    }
    for (size_t i = 0; i < r->findings.count; i++) {
        const styr_finding *fi = &r->findings.items[i];
        if (fi->severity > STYR_SEV_ERROR)
            continue;
        size_t k = 0;
        if (fi->action) {
            size_t len = strlen(fi->action);
            void *v = styr_strmap_get(&map, fi->action, len);
            if (v) {
                k = (size_t)(uintptr_t)v;
            } else {
                if (styr_strmap_put(&map, fi->action, len, (void *)(uintptr_t)nrows, NULL) < 0) {
                    styr_report_lost();
                    goto done;
                }
                k = nrows;
                rows[k].id = fi->action;
                rows[k].len = len;
                rows[k].pos = k;
                nrows++;
            }
        }
        rows[k].c[fi->waiver_reason ? 3 : fi->severity]++;
    }
    /* Which rows to draw: every item, or the MAX_BARS with most findings. */
    size_t items_n = nrows - 1, shown = 0, left = 0;
    for (size_t k = 1; k < nrows; k++)
        sorted[k - 1] = &rows[k];
    if (items_n > MAX_BARS) {
        qsort(sorted, items_n, sizeof *sorted, by_total_desc);
        for (size_t k = 0; k < MAX_BARS && row_total(sorted[k]) > 0; k++)
            sorted[k]->keep = 1;
    } else {
        for (size_t k = 1; k < nrows; k++)
            rows[k].keep = 1;
    }
    rows[0].keep = row_total(&rows[0]) > 0;
    size_t maxtot = 0;
    double labw = 40;
    for (size_t k = 0; k < nrows; k++) {
        if (!rows[k].keep) {
            left += row_total(&rows[k]) > 0;
            continue;
        }
        shown++;
        if (row_total(&rows[k]) > maxtot)
            maxtot = row_total(&rows[k]);
        double w = html_text_w(rows[k].id, rows[k].len, 28, 12);
        if (w > labw)
            labw = w;
    }
    if (!shown)
        goto done;
    const char *sevs[4] = {"info", word(p->o, "varningar", "warnings"),
                           word(p->o, "fel", "errors"), word(p->o, "undantagna", "waived")};
    const int stack[4] = {STYR_SEV_ERROR, STYR_SEV_WARNING, STYR_SEV_INFO, 3};
    legend_item li[4];
    size_t nli = 0;
    size_t any[4] = {0, 0, 0, 0};
    for (size_t k = 0; k < nrows; k++)
        for (int s = 0; s < 4; s++)
            any[s] += rows[k].keep ? rows[k].c[s] : 0;
    for (int q = 0; q < 4; q++)
        if (any[stack[q]]) {
            li[nli].label = sevs[stack[q]];
            snprintf(li[nli].paint, sizeof li[nli].paint, "%s", html_sev_colour[stack[q]]);
            li[nli].shape = 0;
            nli++;
        }
    unsigned id = ++p->fig;
    axis ax = html_nice_axis((double)maxtot, 5, 1);
    double rowh = 20, plotw = 520, x0 = labw + 14, width = x0 + plotw + 48;
    double top = 10 + html_legend_height(li, nli, width - 20) + 10, bottom = top + (double)shown * rowh;
    double height = bottom + 40;
    char tid[32];
    snprintf(tid, sizeof tid, "tbl%u", id);
    html_svg_open(p, id, width, height, "bars",
             plan ? word(p->o, "Fynd per insats", "Findings per action") : word(p->o, "Fynd per område", "Findings per area"),
             NULL, tid);
    html_legend(p, li, nli, 10, 10, width - 20);
    html_x_axis(p, &ax, x0, plotw, top - 4, bottom, 1, word(p->o, "Antal fynd", "Number of findings"));
    size_t row = 0;
    for (size_t k = 0; k < nrows; k++) {
        if (!rows[k].keep)
            continue;
        double y = top + (double)row * rowh, x = x0;
        fputs("<g><title>", out);
        html_esc_span(out, rows[k].id, rows[k].len, 0);
        /* Each count agrees with its noun: "1 varning", "1 error". */
        const size_t *n = rows[k].c;
        fprintf(out, ": %zu %s, %zu %s, %zu info, %zu %s</title>", n[2], n[2] == 1 ? word(p->o, "fel", "error") : sevs[2],
                n[1], n[1] == 1 ? word(p->o, "varning", "warning") : sevs[1], n[0],
                n[3], n[3] == 1 ? word(p->o, "undantagen", "waived") : sevs[3]);
        fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" text-anchor=\"end\">", x0 - 6, y + 14);
        html_esc_span(out, rows[k].id, rows[k].len, 28);
        fputs("</text>", out);
        for (int q = 0; q < 4; q++) {
            size_t c = rows[k].c[stack[q]];
            if (!c)
                continue;
            double w = (double)c / ax.max * plotw;
            fprintf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"14\" fill=\"%s\" stroke=\"#fff\" "
                         "stroke-width=\".6\"/>", x, y + 3, w, html_sev_colour[stack[q]]);
            x += w;
        }
        fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\">%zu</text></g>\n", x + 4, y + 14,
                row_total(&rows[k]));
        row++;
    }
    fprintf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"axis\"/>\n", x0, top - 4, x0, bottom);
    html_svg_close(p);
    if (left)
        fprintf(out, word(p->o, "<p class=\"note\">Diagrammet visar de %d %s som har flest fynd; %zu till har fynd.</p>\n",
                          "<p class=\"note\">The chart shows the %d %s with most findings; %zu more have findings.</p>\n"),
                MAX_BARS, plan ? word(p->o, "insatser", "actions") : word(p->o, "områden", "areas"), left);
    /* The same numbers as a table. */
    fprintf(out, "<details><summary>%s</summary>\n<table id=\"%s\" class=\"sortable\" data-table=\"findings-per-item\">"
                 "<caption>%s</caption>\n<thead><tr><th scope=\"col\">%s</th>",
            word(p->o, "Diagrammets siffror som tabell", "The chart's numbers as a table"), tid,
            plan ? word(p->o, "Fynd per insats", "Findings per action") : word(p->o, "Fynd per område", "Findings per area"),
            plan ? word(p->o, "Insats", "Action") : word(p->o, "Område", "Area"));
    for (int q = 0; q < 4; q++)
        fprintf(out, "<th scope=\"col\" class=\"num\">%s</th>", sevs[stack[q]]);
    fprintf(out, "<th scope=\"col\" class=\"num\">%s</th></tr></thead>\n<tbody>\n", word(p->o, "Summa", "Total"));
    for (size_t k = 0; k < nrows; k++) {
        if (!rows[k].keep)
            continue;
        fputs("<tr><th scope=\"row\">", out);
        html_esc_span(out, rows[k].id, rows[k].len, 0);
        fputs("</th>", out);
        for (int q = 0; q < 4; q++)
            fprintf(out, "<td class=\"num\" data-value=\"%zu\">%zu</td>", rows[k].c[stack[q]], rows[k].c[stack[q]]);
        fprintf(out, "<td class=\"num\" data-value=\"%zu\">%zu</td></tr>\n", row_total(&rows[k]), row_total(&rows[k]));
    }
    fputs("</tbody></table></details>\n", out);
done:
    styr_strmap_free(&map);
    free(rows);
    free(sorted);
}

static void findings_table(page *p, const styr_file_result *r, size_t f)
{
    FILE *out = p->out;
    int plan = r->kind && strcmp(r->kind, "action-plan") == 0;
    size_t n = r->findings.count, shown = n > MAX_FINDING_ROWS ? MAX_FINDING_ROWS : n;
    unsigned id = ++p->fig;
    fprintf(out, "<div class=\"scroll\"><table id=\"tbl%u\" class=\"findings sortable\" data-table=\"findings\" "
                 "data-file-index=\"%zu\"><caption>", id, f);
    fprintf(out, word(p->o, "Fynd (%zu)", "Findings (%zu)"), n);
    fprintf(out, "</caption>\n<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                 "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
            word(p->o, "Fil:rad:kolumn", "File:line:column"), word(p->o, "Allvarlighet", "Severity"),
            word(p->o, "Regel", "Rule"), word(p->o, "Meddelande", "Message"),
            plan ? word(p->o, "Insats", "Action") : word(p->o, "Område", "Area"),
            word(p->o, "Undantagen (skäl)", "Waived (reason)"));
    for (size_t i = 0; i < shown; i++) {
        const styr_finding *fi = &r->findings.items[i];
        int sev = fi->severity > STYR_SEV_ERROR ? STYR_SEV_INFO : (int)fi->severity;
        fprintf(out, "<tr data-line=\"%u\" data-column=\"%u\" data-severity=\"%s\" data-rule=\"", fi->line, fi->column,
                styr_severity_name(fi->severity));
        html_esc(out, fi->rule);
        fprintf(out, "\"%s><td class=\"pos\" data-sort=\"%.0f\">", fi->waiver_reason ? " data-waived=\"1\"" : "",
                (double)fi->line * 1e6 + fi->column);
        html_esc(out, r->file);
        if (fi->sheet) {   /* a workbook plan: its sheet and cell */
            char cell[16];
            styr_xlsx_cell_ref(cell, sizeof cell, fi->line, fi->column);
            fputc(':', out);
            html_esc(out, fi->sheet);
            fprintf(out, "!%s", cell);
        } else {
            fprintf(out, ":%u:%u", fi->line, fi->column);
        }
        fprintf(out, "</td><td data-sort=\"%d\"><span class=\"sev sev-%d\">%s</span></td><td><code>",
                fi->waiver_reason ? -1 : sev, fi->waiver_reason ? 3 : sev,
                fi->waiver_reason ? html_sev_word(p, 3) : html_sev_word(p, sev));
        html_esc(out, fi->rule);
        fputs("</code></td><td class=\"msg\">", out);
        html_esc(out, fi->message);
        if (fi->remediation && !fi->waiver_reason) {
            fprintf(out, "<div class=\"fix\">%s ", word(p->o, "Åtgärd:", "What to do:"));
            html_esc(out, fi->remediation);
            fputs("</div>", out);
        }
        fputs("</td><td>", out);
        html_esc(out, fi->action);
        fputs("</td><td>", out);
        if (fi->waiver_reason) {
            fprintf(out, "%s: ", html_sev_word(p, sev));
            html_esc(out, fi->waiver_reason);
        }
        fputs("</td></tr>\n", out);
    }
    fputs("</tbody></table></div>\n", out);
    if (shown < n)
        fprintf(out, word(p->o, "<p class=\"note\">Tabellen visar de första %zu av %zu fynd; <code>styr validate</code> visar alla.</p>\n",
                          "<p class=\"note\">The table shows the first %zu of %zu findings; <code>styr validate</code> shows all.</p>\n"),
                shown, n);
}

void html_problem_position(FILE *out, const char *file, unsigned line, unsigned col)
{
    fputs("<code>", out);
    html_esc(out, file);
    if (line)
        fprintf(out, col ? ":%u:%u" : ":%u", line, col);
    fputs("</code>: ", out);
}

/* The plan's actions on a timeline (report_timeline.c), for an action plan. */
static void plan_timeline(page *p, const styr_file_result *r, size_t f)
{
    const styr_doc *doc = p->in->plan_docs ? p->in->plan_docs[f] : NULL;
    styr_timeline tl;
    if (!doc || !doc->root || strcmp(r->kind, "action-plan") != 0)
        return;
    if (styr_timeline_build(doc->root, NULL, &tl) < 0) {
        styr_report_lost();
        return;
    }
    char uid[32];
    snprintf(uid, sizeof uid, "file%zu", f);
    styr_timeline_svg(p->out, &tl, uid, p->o);
    styr_timeline_free(&tl);
}

void html_sec_findings(page *p)
{
    FILE *out = p->out;
    const styr_html_input *in = p->in;
    fprintf(out, "<section id=\"findings\" aria-labelledby=\"findings-h\">\n<h2 id=\"findings-h\">%s</h2>\n",
            word(p->o, "Fynd i planen", "Plan findings"));
    unsigned id = ++p->fig;
    fprintf(out, "<div class=\"scroll\"><table id=\"tbl%u\" class=\"summary\" data-table=\"summary\"><caption>%s</caption>\n"
                 "<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\" class=\"num\">%s</th>"
                 "<th scope=\"col\" class=\"num\">%s</th><th scope=\"col\" class=\"num\">%s</th><th scope=\"col\" class=\"num\">info</th>"
                 "<th scope=\"col\" class=\"num\">%s</th><th scope=\"col\" class=\"num\">%s</th></tr></thead>\n<tbody>\n",
            id, word(p->o, "Sammanfattning", "Summary"), word(p->o, "Fil", "File"), word(p->o, "Typ", "Kind"),
            word(p->o, "Insatser/områden", "Actions/areas"), word(p->o, "Fel", "Errors"),
            word(p->o, "Varningar", "Warnings"), word(p->o, "Undantagna", "Waived"),
            word(p->o, "Ej sparade", "Not kept"));
    for (size_t f = 0; f < in->nplans; f++) {
        const styr_file_result *r = &in->plans[f];
        fprintf(out, "<tr data-file-index=\"%zu\"><th scope=\"row\"><a href=\"#file%zu\">", f, f);
        html_esc(out, r->file);
        fputs("</a></th>", out);
        if (r->failed) {
            fprintf(out, "<td colspan=\"7\" data-failed=\"1\">%s</td></tr>\n",
                    word(p->o, "kunde inte bedömas (se nedan)", "could not be judged (see below)"));
            continue;
        }
        size_t c[3], waived = 0;
        styr_findings_count(&r->findings, c);
        for (size_t i = 0; i < r->findings.count; i++)
            waived += r->findings.items[i].waiver_reason != NULL;
        fprintf(out, "<td>%s</td><td class=\"num\" data-key=\"items\" data-value=\"%zu\">%zu</td>"
                     "<td class=\"num\" data-key=\"error\" data-value=\"%zu\">%zu</td>"
                     "<td class=\"num\" data-key=\"warning\" data-value=\"%zu\">%zu</td>"
                     "<td class=\"num\" data-key=\"info\" data-value=\"%zu\">%zu</td>"
                     "<td class=\"num\" data-key=\"waived\" data-value=\"%zu\">%zu</td>"
                     "<td class=\"num\" data-key=\"not_shown\" data-value=\"%zu\">%zu</td></tr>\n",
                html_kind_name(p, r->kind), r->actions, r->actions, c[2], c[2], c[1], c[1], c[0], c[0], waived, waived,
                r->findings.dropped, r->findings.dropped);
    }
    fputs("</tbody></table></div>\n", out);
    for (size_t f = 0; f < in->nplans; f++) {
        const styr_file_result *r = &in->plans[f];
        fprintf(out, "<section class=\"file\" id=\"file%zu\" data-file-index=\"%zu\">\n<h3><code>", f, f);
        html_esc(out, r->file);
        fputs("</code>", out);
        if (!r->failed) {
            fputs(" (", out);
            html_esc(out, html_kind_name(p, r->kind));
            fputs(")", out);
        }
        fputs("</h3>\n", out);
        if (r->failed) {
            fputs("<p class=\"problem\">", out);
            html_problem_position(out, r->failure.file[0] ? r->failure.file : r->file, r->failure.line, r->failure.column);
            html_esc(out, r->failure.message);
            fputs("</p>\n</section>\n", out);
            continue;
        }
        for (size_t i = 0; i < r->nrule_errors; i++) {
            const styr_error *e = &r->rule_errors[i];
            fputs("<p class=\"problem\">", out);
            html_problem_position(out, e->file[0] ? e->file : r->file, e->line, e->column);
            html_esc(out, e->message);
            fputs("</p>\n", out);
        }
        if (r->findings.dropped) {
            fputs("<p class=\"problem\">", out);
            html_problem_position(out, r->file, r->findings.dropped_line, r->findings.dropped_column);
            fprintf(out, word(p->o, "mer än %zu fynd: %zu till räknades men sparades inte (höj --max-findings för att se dem).",
                              "more than %zu findings: %zu more were counted but not kept (raise --max-findings to see them)."),
                    r->findings.max_kept, r->findings.dropped);
            fputs("</p>\n", out);
        }
        plan_timeline(p, r, f);
        if (r->findings.count == 0) {
            fprintf(out, "<p>%s</p>\n</section>\n", word(p->o, "Inga fynd.", "No findings."));
            continue;
        }
        findings_chart(p, r, p->in->plan_docs ? p->in->plan_docs[f] : NULL);
        findings_table(p, r, f);
        fputs("</section>\n", out);
    }
    fputs("</section>\n", out);
}

