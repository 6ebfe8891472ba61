/* html_scores.c - sections 4 and 5 of the HTML page: each scenario's scores
 * split by criterion, and the scenarios' ranks compared. */
#include "internal/html.h"
#include "report_lost.h"

/* ---- 4. scores ------------------------------------------------------------- */

static const char *method_name(const page *p, const styr_scored *s)
{
    return s->method == STYR_MCDA_TOPSIS ? "TOPSIS" : word(p->o, "viktad summa", "weighted sum");
}

static void score_chart(page *p, const styr_score_report *r, const styr_scenario_run *sr, const char *tid)
{
    FILE *out = p->out;
    const styr_area_table *t = r->table;
    const styr_scored *s = &sr->s;
    size_t n = t->n, m = t->m;
    int topsis = s->method == STYR_MCDA_TOPSIS;
    legend_item *li = calloc(m + 1, sizeof *li);
    if (!li) {
        styr_report_lost();
        return;
    }
    unsigned id = ++p->fig;
    size_t nli = 0;
    if (!topsis)
        for (size_t j = 0; j < m; j++)
            if (s->weights.w[j] > 0) {
                li[nli].label = html_crit_label(p, r->rs, j);
                html_crit_paint(li[nli].paint, sizeof li[nli].paint, id, j);
                nli++;
            }
    double maxs = 0, labw = 60;
    for (size_t i = 0; i < n; i++) {
        if (s->score[i] > maxs)
            maxs = s->score[i];
        double w = html_text_ws(html_area_label(t, i), 40, 12);
        if (w > labw)
            labw = w;
    }
    axis ax = html_nice_axis(maxs, 5, 0);
    double rowh = 22, plotw = 600, x0 = labw + 14, width = x0 + plotw + 70;
    double top = 10 + (nli ? html_legend_height(li, nli, width - 20) + 10 : 0) + 6, bottom = top + (double)n * rowh;
    double height = bottom + 40;
    char title[256];
    snprintf(title, sizeof title, "%s", word(p->o, "Poäng och bidrag per kriterium:", "Score and contributions by criterion:"));
    html_svg_open(p, id, width, height, "bars", title, html_scenario_name(sr), tid);
    html_crit_defs(p, id, m);
    if (nli)
        html_legend(p, li, nli, 10, 10, width - 20);
    html_x_axis(p, &ax, x0, plotw, top - 4, bottom, 1, word(p->o, "Poäng", "Score"));
    for (size_t q = 0; q < n; q++) {
        size_t i = s->order[q];
        double y = top + (double)q * rowh, x = x0;
        int chosen = s->has_budget && !s->infeasible && s->chosen && s->chosen[i];
        fputs("<g><title>", out);
        html_area_named(out, t, i);
        styr_numtext num;
        fprintf(out, ": %s", styr_num(&num, s->score[i], 3, p->o->lang));
        fputs("</title>", out);
        fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" text-anchor=\"end\"%s>", x0 - 6, y + 15,
                chosen ? " font-weight=\"700\"" : "");
        html_esc_cut(out, html_area_label(t, i), 40);
        fputs("</text>", out);
        if (topsis) {
            double w = s->score[i] > 0 ? s->score[i] / ax.max * plotw : 0;
            fprintf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"15\" fill=\"#0072B2\"/>", x, y + 3, w);
            x += w;
        } else {
            for (size_t j = 0; j < m; j++) {
                double c = s->contrib[i * m + j];
                if (s->weights.w[j] <= 0 || !(c > 0))
                    continue;
                char paint[64];
                html_crit_paint(paint, sizeof paint, id, j);
                double w = c / ax.max * plotw;
                fprintf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.2f\" height=\"15\" fill=\"%s\" stroke=\"#fff\" "
                             "stroke-width=\".6\"><title>", x, y + 3, w, paint);
                html_area_named(out, t, i);
                fputs(" \xE2\x80\x93 ", out);
                html_esc(out, html_crit_label(p, r->rs, j));
                fprintf(out, ": %s</title></rect>", styr_num(&num, c, 3, p->o->lang));
                x += w;
            }
        }
        fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\">%s%s</text></g>\n", x + 5, y + 15,
                styr_num(&num, s->score[i], 3, p->o->lang),
                chosen ? " \xE2\x9C\x93" : "");
    }
    fprintf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"axis\"/>\n", x0, top - 4, x0, bottom);
    html_svg_close(p);
    if (topsis)
        fprintf(out, "<p class=\"note\">%s</p>\n",
                word(p->o, "TOPSIS: poängen är närheten till idealet, inte en summa av delar; stapeln visar poängen, "
                           "tabellen varje kriteriums viktade normaliserade värde.",
                     "TOPSIS: the score is the closeness to the ideal, not a sum of parts; the bar shows the score, "
                     "the table each criterion's weighted normalised value."));
    if (s->has_budget && !s->infeasible)
        fprintf(out, "<p class=\"note\">%s</p>\n",
                word(p->o, "\xE2\x9C\x93 och fet stil: vald inom budgeten.", "\xE2\x9C\x93 and bold: chosen within the budget."));
    free(li);
}

static void ranking_table(page *p, const styr_score_report *r, const styr_scenario_run *sr, size_t index,
                          const char *tid)
{
    FILE *out = p->out;
    const styr_area_table *t = r->table;
    const styr_scored *s = &sr->s;
    size_t n = t->n, m = t->m;
    int budget = s->has_budget && !s->infeasible && s->chosen;
    fprintf(out, "<div class=\"scroll\"><table id=\"%s\" class=\"ranking sortable\" data-table=\"ranking\" "
                 "data-scenario-index=\"%zu\" data-scenario=\"", tid, index);
    html_esc(out, html_scenario_name(sr));
    fprintf(out, "\"><caption>%s ", word(p->o, "Rangordning:", "Ranking:"));
    html_esc(out, html_scenario_name(sr));
    fprintf(out, "</caption>\n<thead><tr><th scope=\"col\" class=\"num\">%s</th><th scope=\"col\">%s</th>"
                 "<th scope=\"col\" class=\"num\">%s</th>",
            word(p->o, "Rang", "Rank"), word(p->o, "Område", "Area"), word(p->o, "Poäng", "Score"));
    if (budget)
        fprintf(out, "<th scope=\"col\">%s</th>", word(p->o, "Vald", "Chosen"));
    for (size_t j = 0; j < m; j++)
        if (s->weights.w[j] > 0) {
            fprintf(out, "<th scope=\"col\" class=\"num\" data-criterion=\"");
            html_esc(out, r->rs->model->crit[j].id);
            fputs("\">", out);
            html_esc(out, html_crit_label(p, r->rs, j));
            fputs("</th>", out);
        }
    fputs("</tr></thead>\n<tbody>\n", out);
    for (size_t q = 0; q < n; q++) {
        size_t i = s->order[q];
        fputs("<tr data-area=\"", out);
        html_esc(out, t->ids[i]);
        fprintf(out, "\"><td class=\"num\" data-key=\"rank\" data-value=\"%zu\">%zu</td><th scope=\"row\">", s->rank[i],
                s->rank[i]);
        html_area_cell(out, t, i);
        fputs("</th><td class=\"num\" data-key=\"score\" data-value=\"", out);
        html_raw(out, s->score[i]);
        styr_numtext num;
        fprintf(out, "\">%s</td>", styr_num(&num, s->score[i], 3, p->o->lang));
        if (budget)
            fprintf(out, "<td data-key=\"chosen\" data-value=\"%d\">%s</td>", s->chosen[i] ? 1 : 0,
                    s->chosen[i] ? "\xE2\x9C\x93" : "");
        for (size_t j = 0; j < m; j++) {
            if (s->weights.w[j] <= 0)
                continue;
            html_criterion_cell(out, "contribution", r->rs->model->crit[j].id, s->contrib[i * m + j], 3, p->o->lang);
        }
        fputs("</tr>\n", out);
    }
    fputs("</tbody></table></div>\n", out);
    if (s->method == STYR_MCDA_WEIGHTED_SUM)
        fprintf(out, "<p class=\"note\">%s</p>\n",
                word(p->o, "Bidrag = normaliserat värde \xC3\x97 vikt; poängen är summan. Kriterier med vikt 0 visas inte.",
                     "Contribution = normalised value \xC3\x97 weight; the score is their sum. Criteria of weight 0 are not shown."));
}

static const char *const why_key[] = {"chosen", "forced-in", "forced-out", "blocked", "conflict",
                                      "needs", "too-dear", "no-gain", "required-by"};

void html_portfolio_table(page *p, const styr_score_report *r, const styr_scenario_run *sr)
{
    FILE *out = p->out;
    const styr_area_table *t = r->table;
    const styr_scored *s = &sr->s;
    if (!s->has_budget || s->infeasible || !s->chosen || t->n == 0)
        return;
    char b[64], c[64], l[64];
    html_money(b, sizeof b, s->budget);
    html_money(c, sizeof c, s->sel.total_cost);
    html_money(l, sizeof l, styr_portfolio_left(s));
    fprintf(out, "<div class=\"scroll\"><table id=\"tbl%u\" class=\"portfolio\" data-table=\"portfolio\" data-scenario=\"", ++p->fig);
    html_esc(out, html_scenario_name(sr));
    fprintf(out, "\" data-cost-basis=\"%s\"><caption>", s->net_cost ? "net" : "gross");
    fprintf(out, word(p->o, "Portföljen förklarad: varför varje område är med eller inte (budget %s kr, valda %s kr, kvar %s kr; kostnad %s)",
                      "The portfolio explained: why each area is in or out (budget %s SEK, chosen %s SEK, left %s SEK; %s cost)"),
            b, c, l, s->net_cost ? word(p->o, "netto, minus extern finansiering", "net, external funding taken off")
                                 : word(p->o, "brutto", "gross"));
    fprintf(out, "</caption>\n<thead><tr><th scope=\"col\" class=\"num\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                 "<th scope=\"col\" class=\"num\">%s</th><th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
            word(p->o, "Rang", "Rank"), word(p->o, "Område", "Area"), word(p->o, "Med", "In"),
            word(p->o, "Poäng per miljon kr", "Score per million SEK"), word(p->o, "Varför", "Why"));
    const double *cost = s->cost_used ? s->cost_used : t->cost;
    for (size_t q = 0; q < t->n; q++) {
        size_t i = s->order[q];
        styr_why w = styr_portfolio_why(t, s, i);
        char why[512];
        styr_portfolio_why_text(why, sizeof why, t, s, i, p->o);
        fputs("<tr data-area=\"", out);
        html_esc(out, t->ids[i]);
        fprintf(out, "\" data-in=\"%d\" data-why=\"%s\"%s><td class=\"num\">%zu</td><th scope=\"row\">", w.in,
                why_key[w.kind], w.in ? " class=\"chosen\"" : "", s->rank[i]);
        html_area_cell(out, t, i);
        fprintf(out, "</th><td>%s</td><td class=\"num\" data-key=\"per-million\" data-value=\"",
                w.in ? "\xE2\x9C\x93" : "");
        if (cost[i] > 0) {
            html_raw(out, s->score[i] / cost[i] * 1e6);
            styr_numtext num;
            fprintf(out, "\">%s</td>", styr_num(&num, s->score[i] / cost[i] * 1e6, 3, p->o->lang));
        } else {
            fputs("\">\xE2\x80\x93</td>", out);
        }
        fputs("<td>", out);
        html_esc(out, why);
        fputs("</td></tr>\n", out);
    }
    fputs("</tbody></table></div>\n", out);
}

static void scenario_block(page *p, const styr_score_report *r, const styr_scenario_run *sr, size_t index)
{
    FILE *out = p->out;
    const styr_area_table *t = r->table;
    const styr_scored *s = &sr->s;
    fprintf(out, "<section class=\"scenario\" id=\"scenario%zu\" data-scenario-index=\"%zu\">\n<h3>Scenario ", index, index);
    html_esc(out, html_scenario_name(sr));
    if (sr->title) {
        fputs(": ", out);
        html_esc(out, sr->title);
    }
    fprintf(out, " <span class=\"note\">(%s)</span></h3>\n<p>%s", method_name(p, s), word(p->o, "Vikter:", "Weights:"));
    int first = 1;
    for (size_t j = 0; j < t->m; j++)
        if (s->weights.w[j] > 0) {
            fputs(first ? " " : " \xC2\xB7 ", out);
            first = 0;
            html_esc(out, html_crit_label(p, r->rs, j));
            fprintf(out, " <span data-criterion=\"");
            html_esc(out, r->rs->model->crit[j].id);
            fputs("\" data-weight=\"", out);
            html_raw(out, s->weights.w[j]);
            styr_numtext num;
            fprintf(out, "\">%s</span>", styr_pct(&num, s->weights.w[j], 1, p->o->lang, "\xC2\xA0"));
        }
    fputs("</p>\n", out);
    if (s->weights.source == STYR_WEIGHTS_PAIRWISE && s->weights.ahp_n > 2) {
        fprintf(out, word(p->o, "<p>Parvisa jämförelser (AHP): CR = <span data-value=\"", "<p>Pairwise judgements (AHP): CR = <span data-value=\""));
        html_raw(out, s->weights.ahp.cr);
        styr_numtext num;
        fprintf(out, "\">%s</span>%s</p>\n", styr_num(&num, s->weights.ahp.cr, 3, p->o->lang),
                s->weights.ahp.cr > STYR_MCDA_AHP_CR_WARN ? word(p->o, " (över 0,10: inkonsistent)", " (above 0.10: inconsistent)") : "");
        char warn[1024];
        styr_report_ahp_warning(warn, sizeof warn, r->rs, &s->weights, p->o);
        if (*warn) {
            /* Visible, not a parenthesis: the weights rest on contradicting judgements. */
            fputs("<p class=\"problem cr-warning\" role=\"alert\"", out);
            if (s->weights.has_fix) {
                fputs(" data-judgement=\"", out);
                html_esc(out, r->rs->model->crit[s->weights.fix_a].id);
                fputc(',', out);
                html_esc(out, r->rs->model->crit[s->weights.fix_b].id);
                fputs("\" data-suggested=\"", out);
                html_raw(out, s->weights.fix_to);
                fputc('"', out);
            }
            fputc('>', out);
            html_esc(out, warn);
            fputs("</p>\n", out);
        }
    }
    if (t->n == 0) {
        fprintf(out, "<p>%s</p>\n</section>\n", word(p->o, "Inga områden att rangordna.", "No areas to rank."));
        return;
    }
    unsigned tid_n = ++p->fig;
    char tid[32];
    snprintf(tid, sizeof tid, "tbl%u", tid_n);
    score_chart(p, r, sr, tid);
    ranking_table(p, r, sr, index, tid);
    if (s->has_budget) {
        char b[64], c[64];
        html_money(b, sizeof b, s->budget);
        fputs("<p class=\"budget\">", out);
        if (s->infeasible) {
            fprintf(out, word(p->o, "Budget %s kr: ingen möjlig portfölj: ", "Budget %s SEK: no possible portfolio: "), b);
            html_esc(out, s->infeasible_reason);
        } else {
            html_money(c, sizeof c, s->sel.total_cost);
            fprintf(out, word(p->o, "Budget %s kr: valda", "Budget %s SEK: chosen"), b);
            int k = 0;
            for (size_t q = 0; q < t->n; q++)
                if (s->chosen[s->order[q]]) {
                    fputs(k++ ? ", " : " ", out);
                    html_area_named(out, t, s->order[q]);
                }
            if (!k)   /* a budget too small for any area: said, not left blank */
                fputs(word(p->o, " inga områden", " no area"), out);
            fprintf(out, word(p->o, "; kostnad %s kr, poäng <span data-value=\"", "; cost %s SEK, score <span data-value=\""), c);
            html_raw(out, s->sel.total_score);
            styr_numtext num;
            fprintf(out, "\">%s</span> (%s)", styr_num(&num, s->sel.total_score, 3, p->o->lang),
                    s->sel.proven_optimal ? word(p->o, "optimalt", "optimal")
                                          : word(p->o, "bästa funna, ej bevisat optimalt", "best found, not proven optimal"));
        }
        fputs("</p>\n", out);
        html_portfolio_table(p, r, sr);
    }
    fputs("</section>\n", out);
}

void html_sec_scores(page *p)
{
    FILE *out = p->out;
    const styr_score_report *r = p->in->score;
    const styr_area_table *t = r->table;
    fprintf(out, "<section id=\"scores\" aria-labelledby=\"scores-h\">\n<h2 id=\"scores-h\">%s</h2>\n<p>",
            word(p->o, "Poäng", "Scores"));
    fputs("<code>", out);
    html_esc(out, r->areas ? r->areas->file : "areas");
    fputs("</code>: ", out);
    char count[160];
    styr_report_ranked_count(count, sizeof count, t->n, t->nexcluded, p->o);
    fputs(count, out);
    fputs("</p>\n", out);
    if (t->nexcluded) {
        fputs("<ul class=\"excluded\">\n", out);
        for (size_t e = 0; e < t->nexcluded; e++) {
            fprintf(out, "<li data-area=\"");
            html_esc(out, t->excluded[e].area);
            fprintf(out, "\">%s ", word(p->o, "uteslutet:", "left out:"));
            if (t->excluded[e].title) {
                html_esc(out, t->excluded[e].title);
                fputs(" <span class=\"area-id\">", out);
                html_esc(out, t->excluded[e].area);
                fputs("</span>: ", out);
            } else {
                fputs("<code>", out);
                html_esc(out, t->excluded[e].area);
                fputs("</code>: ", out);
            }
            html_esc(out, t->excluded[e].reason);
            fputs("</li>\n", out);
        }
        fputs("</ul>\n", out);
    }
    for (size_t i = 0; i < t->nrule_errors; i++) {
        fputs("<p class=\"problem\">", out);
        html_problem_position(out, t->rule_errors[i].file, t->rule_errors[i].line, t->rule_errors[i].column);
        html_esc(out, t->rule_errors[i].message);
        fputs("</p>\n", out);
    }
    size_t index = 0;
    for (size_t k = 0; k < r->nsc; k++) {
        const styr_scenario_run *sr = &r->sc[k];
        if (!sr->scored) {
            fputs("<p class=\"problem\">", out);
            if (sr->failed) {
                html_problem_position(out, sr->failure.file[0] ? sr->failure.file : sr->file, sr->failure.line,
                                 sr->failure.column);
                html_esc(out, sr->failure.message);
            } else {
                fputs("Scenario <code>", out);
                html_esc(out, sr->file);
                fputs(word(p->o, "</code> poängsattes inte: rätta felen i filen.", "</code> was not scored: fix the errors in the file."), out);
            }
            fputs("</p>\n", out);
            /* A rule that crashed on the scenario kept it from being scored
             * too: the page says which and why (the run exits 2). */
            for (size_t i = 0; !sr->failed && i < sr->res.nrule_errors; i++) {
                const styr_error *e = &sr->res.rule_errors[i];
                fputs("<p class=\"problem\">", out);
                html_problem_position(out, e->file[0] ? e->file : sr->file, e->line, e->column);
                html_esc(out, e->message);
                fputs("</p>\n", out);
            }
            continue;
        }
        scenario_block(p, r, sr, index++);
    }
    fputs("</section>\n", out);
}

/* ---- 5. scenarios compared -------------------------------------------------- */

/* Section 5, the bump chart of ranks across scenarios and its table: one
 * SVG written top to bottom (about 120 lines). */
void html_sec_compare(page *p)
{
    FILE *out = p->out;
    const styr_score_report *r = p->in->score;
    const styr_area_table *t = r->table;
    size_t n = t->n, ns = 0;
    const styr_scenario_run **sc = calloc(r->nsc, sizeof *sc);
    if (!sc) {
        styr_report_lost();
        return;
    }
    for (size_t k = 0; k < r->nsc; k++)
        if (r->sc[k].scored)
            sc[ns++] = &r->sc[k];
    if (ns == 0) {   /* nothing scored: nothing to compare */
        free(sc);
        return;
    }
    const styr_scenario_run *first = sc[0];
    fprintf(out, "<section id=\"scenarios\" aria-labelledby=\"scenarios-h\">\n<h2 id=\"scenarios-h\">%s</h2>\n",
            word(p->o, "Scenarier jämförda", "Scenarios compared"));
    /* The bump chart: one column a scenario, one row a rank. */
    double labw = 40, colw = 120, rowh = 24;
    for (size_t i = 0; i < n; i++) {
        double w = html_text_ws(html_area_label(t, i), 32, 12);
        if (w > labw)
            labw = w;
    }
    for (size_t k = 0; k < ns; k++) {
        double w = html_text_ws(html_scenario_name(sc[k]), 28, 12) + 16;
        if (w > colw)
            colw = w;
    }
    double rankw = 26, x0 = labw + 14 + rankw, top = 44;
    double width = x0 + colw * (double)(ns - 1) + rankw + labw + 24, height = top + rowh * (double)n + 10;
    unsigned id = ++p->fig;
    char tid[32];
    snprintf(tid, sizeof tid, "tbl%u", id);
    html_svg_open(p, id, width, height, "bump", word(p->o, "Rang per scenario", "Rank by scenario"), NULL, tid);
#define BUMP_Y(rank) (top + rowh * ((double)(rank) - 0.5))
    for (size_t k = 0; k < ns; k++) {
        double x = x0 + colw * (double)k;
        fprintf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"grid\"/>", x, top - 6, x,
                top + rowh * (double)n);
        fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" font-weight=\"600\" text-anchor=\"middle\"><title>", x, 20.0);
        html_esc(out, html_scenario_name(sc[k]));
        fputs("</title>", out);
        html_esc_cut(out, html_scenario_name(sc[k]), 28);
        fputs("</text>\n", out);
    }
    double xr = x0 + colw * (double)(ns - 1);
    fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\" fill=\"#666\">%s</text>\n",
            x0 - 10, top - 10, word(p->o, "rang", "rank"));
    const styr_scenario_run *last = sc[ns - 1];
    for (size_t q = 0; q < n; q++) {
        size_t i = first->s.order[q];
        /* the position in the last scenario's order places the right label */
        size_t qlast = 0;
        for (size_t z = 0; z < n; z++)
            if (last->s.order[z] == i)
                qlast = z;
        const char *colour = html_line_colour[q % 7], *dash = html_line_dash[(q / 7) % 3];
        fputs("<g class=\"area\"><title>", out);
        html_area_named(out, t, i);
        fputs(":", out);
        for (size_t k = 0; k < ns; k++) {
            fputs(k ? ", " : " ", out);
            html_esc(out, html_scenario_name(sc[k]));
            fprintf(out, " %zu", sc[k]->s.rank[i]);
        }
        fprintf(out, "</title><path fill=\"none\" stroke=\"%s\" stroke-width=\"2.5\"%s%s%s d=\"", colour,
                *dash ? " stroke-dasharray=\"" : "", dash, *dash ? "\"" : "");
        /* from the left label, through every scenario, to the right label */
        fprintf(out, "M%.1f %.1f L%.1f %.1f", x0 - 2 - rankw + 20, BUMP_Y(q + 1), x0, BUMP_Y(first->s.rank[i]));
        for (size_t k = 1; k < ns; k++)
            fprintf(out, " L%.1f %.1f", x0 + colw * (double)k, BUMP_Y(sc[k]->s.rank[i]));
        fprintf(out, " L%.1f %.1f\"/>", xr + rankw - 18, BUMP_Y(qlast + 1));
        for (size_t k = 0; k < ns; k++)
            fprintf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\" stroke=\"#fff\"/>",
                    x0 + colw * (double)k, BUMP_Y(sc[k]->s.rank[i]), colour);
        /* each end: the area's rank in that scenario, then its id */
        fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\" fill=\"#555\">%zu</text>",
                x0 - 10, BUMP_Y(q + 1) + 4, first->s.rank[i]);
        fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" text-anchor=\"end\">", x0 - rankw - 8, BUMP_Y(q + 1) + 4);
        html_esc_cut(out, html_area_label(t, i), 32);
        fprintf(out, "</text><text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" fill=\"#555\">%zu</text>", xr + 10,
                BUMP_Y(qlast + 1) + 4, last->s.rank[i]);
        fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\">", xr + rankw + 8, BUMP_Y(qlast + 1) + 4);
        html_esc_cut(out, html_area_label(t, i), 32);
        fputs("</text></g>\n", out);
    }
#undef BUMP_Y
    html_svg_close(p);
    fprintf(out, "<p class=\"note\">%s</p>\n",
            word(p->o, "Områdena står till vänster i första scenariots ordning och till höger i sista scenariots. "
                       "Lika poäng ger lika rang.",
                 "Areas are listed on the left in the first scenario's order and on the right in the last one's. "
                 "Equal scores share a rank."));
    /* The table of ranks, with movement against the first scenario. */
    fprintf(out, "<div class=\"scroll\"><table id=\"%s\" class=\"ranks sortable\" data-table=\"ranks\"><caption>", tid);
    fputs(word(p->o, "Rang per scenario (förändring mot ", "Rank by scenario (change against "), out);
    html_esc(out, html_scenario_name(first));
    fprintf(out, ")</caption>\n<thead><tr><th scope=\"col\">%s</th>", word(p->o, "Område", "Area"));
    for (size_t k = 0; k < ns; k++) {
        fprintf(out, "<th scope=\"col\" class=\"num\" data-scenario-index=\"%zu\">", k);
        html_esc(out, html_scenario_name(sc[k]));
        fputs("</th>", out);
    }
    fputs("</tr></thead>\n<tbody>\n", out);
    for (size_t q = 0; q < n; q++) {
        size_t i = first->s.order[q];
        fputs("<tr data-area=\"", out);
        html_esc(out, t->ids[i]);
        fputs("\"><th scope=\"row\">", out);
        html_area_cell(out, t, i);
        fputs("</th>", out);
        for (size_t k = 0; k < ns; k++) {
            long move = (long)first->s.rank[i] - (long)sc[k]->s.rank[i];
            fprintf(out, "<td class=\"num\" data-key=\"rank\" data-scenario-index=\"%zu\" data-value=\"%zu\">%zu", k,
                    sc[k]->s.rank[i], sc[k]->s.rank[i]);
            if (k && move)
                fprintf(out, " <span class=\"move\">(%+ld)</span>", move);
            fputs("</td>", out);
        }
        fputs("</tr>\n", out);
    }
    fputs("</tbody></table></div>\n</section>\n", out);
    free(sc);
}

