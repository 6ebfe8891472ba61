/* html_decision.c - the first section of the page for a steering group
 * (`styr report --audience board`): for each scored scenario the decision it
 * points to (the portfolio within the budget, the ranking by title) and how
 * robust that is (how often the leading areas come first when the weights
 * vary), before any table of rules and findings. */
#include "internal/html.h"
#include "report_lost.h"

/* The leading areas of scenario k and how often each is first. */
static void robustness(page *p, const styr_score_report *r, const styr_scenario_run *sr, size_t k)
{
    FILE *out = p->out;
    const styr_html_input *in = p->in;
    size_t ns = in->sensitivity ? (in->nsensitivity ? in->nsensitivity : 1) : 0;
    const styr_sensitivity *sv = NULL;
    for (size_t q = 0; q < ns; q++)
        if (in->sensitivity[q].scenario == k && html_sensitivity_shown(&in->sensitivity[q]))
            sv = &in->sensitivity[q];
    if (!sv) {
        fprintf(out, "<p class=\"note\">%s</p>\n",
                word(p->o, "Ingen känslighetsanalys för det här scenariot.", "No sensitivity analysis for this scenario."));
        return;
    }
    const styr_area_table *t = r->table;
    size_t n = t->n, shown = 0;
    fprintf(out, "<p class=\"robustness\" data-scenario=\"");
    html_esc(out, html_scenario_name(sr));
    fprintf(out, "\"><strong>%s</strong> ", word(p->o, "Robusthet:", "Robustness:"));
    /* Up to three areas, most often first; past the first, only those first
     * in at least 5 % of the weightings. */
    size_t *idx = malloc((n ? n : 1) * sizeof *idx);
    if (!idx) {
        styr_report_lost();
        fputs("</p>\n", out);
        return;
    }
    for (size_t q = 0; q < n; q++)
        idx[q] = sr->s.order[q];
    for (size_t a = 0; a < n; a++)   /* a stable insertion sort: ties keep the scenario's order */
        for (size_t b = a; b > 0 && sv->acceptability[idx[b] * n] > sv->acceptability[idx[b - 1] * n]; b--) {
            size_t tmp = idx[b];
            idx[b] = idx[b - 1];
            idx[b - 1] = tmp;
        }
    for (size_t q = 0; q < n && shown < 3; q++) {
        size_t i = idx[q];
        double a = sv->acceptability[i * n];
        if (a < 0.05 && shown)
            break;
        fputs(shown ? "; " : "", out);
        html_area_named(out, t, i);
        fputs(word(p->o, " blir etta i <span data-area=\"", " comes first in <span data-area=\""), out);
        html_esc(out, t->ids[i]);
        fputs("\" data-first=\"", out);
        html_raw(out, a);
        styr_numtext share, conf;
        fprintf(out, word(p->o, "\">%s</span> av viktningarna (konfidens %s)",
                          "\">%s</span> of the weightings (confidence %s)"),
                styr_pct(&share, a, 1, p->o->lang, "\xC2\xA0"), styr_num(&conf, sv->confidence[i], 2, p->o->lang));
        shown++;
    }
    free(idx);
    fprintf(out, ". <a href=\"#acceptability\">%s</a></p>\n", word(p->o, "Mer om känsligheten", "More on the sensitivity"));
}

static void one_scenario(page *p, const styr_score_report *r, const styr_scenario_run *sr, size_t k)
{
    FILE *out = p->out;
    const styr_area_table *t = r->table;
    const styr_scored *s = &sr->s;
    fprintf(out, "<div class=\"decision-scenario\" data-scenario=\"");
    html_esc(out, html_scenario_name(sr));
    fputs("\">\n<h3>", out);
    html_esc(out, sr->title ? sr->title : html_scenario_name(sr));
    if (sr->title) {
        fputs(" <span class=\"area-id\">", out);
        html_esc(out, html_scenario_name(sr));
        fputs("</span>", out);
    }
    fputs("</h3>\n", out);
    char warn[1024];
    styr_report_ahp_warning(warn, sizeof warn, r->rs, &s->weights, p->o);
    if (*warn) {
        fputs("<p class=\"problem cr-warning\" role=\"alert\">", out);
        html_esc(out, warn);
        fputs("</p>\n", out);
    }
    if (s->has_budget) {
        char b[64], c[64];
        html_money(b, sizeof b, s->budget);
        if (s->infeasible) {
            fprintf(out, "<p class=\"problem\">");
            fprintf(out, word(p->o, "Budget %s kr: ingen möjlig portfölj: ", "Budget %s SEK: no possible portfolio: "), b);
            html_esc(out, s->infeasible_reason);
            fputs("</p>\n", out);
        } else {
            html_money(c, sizeof c, s->sel.total_cost);
            fprintf(out, "<p class=\"proposal\"><strong>%s</strong> ", word(p->o, "Föreslagen portfölj:", "Proposed portfolio:"));
            int any = 0;
            for (size_t q = 0; q < t->n; q++)
                if (s->chosen[s->order[q]]) {
                    fputs(any++ ? ", " : "", out);
                    html_area_named(out, t, s->order[q]);
                }
            if (!any)   /* a budget too small for any area: said, not left blank */
                fputs(word(p->o, "inga områden", "no area"), out);
            fprintf(out, word(p->o, ". Kostnad %s kr av budgeten %s kr.</p>\n", ". Cost %s SEK of the budget of %s SEK.</p>\n"),
                    c, b);
            html_portfolio_table(p, r, sr);
        }
    }
    /* the ranking by title, the first five */
    size_t top = t->n < 5 ? t->n : 5;
    fprintf(out, "<p><strong>%s</strong></p>\n<ol class=\"top-ranking\">\n",
            word(p->o, "Högst rangordnade:", "Ranked highest:"));
    for (size_t q = 0; q < top; q++) {
        size_t i = s->order[q];
        fputs("<li data-area=\"", out);
        html_esc(out, t->ids[i]);
        fprintf(out, "\" data-rank=\"%zu\">", s->rank[i]);
        html_area_cell(out, t, i);
        styr_numtext num;
        fprintf(out, word(p->o, " \xE2\x80\x93 poäng %s</li>\n", " \xE2\x80\x93 score %s</li>\n"),
                styr_num(&num, s->score[i], 3, p->o->lang));
    }
    fputs("</ol>\n", out);
    robustness(p, r, sr, k);
    fputs("</div>\n", out);
}

void html_sec_decision(page *p)
{
    FILE *out = p->out;
    const styr_score_report *r = p->in->score;
    fprintf(out, "<section id=\"decision\" aria-labelledby=\"decision-h\">\n<h2 id=\"decision-h\">%s</h2>\n",
            word(p->o, "Beslutsunderlag", "The decision"));
    fprintf(out, "<p class=\"explain\">%s</p>\n",
            word(p->o, "Per scenario: vilka områden som ryms i budgeten och varför, vilka som rangordnas högst, och hur "
                       "säker rangordningen är när vikterna varierar. Detaljerna och planens fynd följer längre ned.",
                 "For each scenario: which areas fit in the budget and why, which rank highest, and how certain the "
                 "ranking is when the weights vary. The details and the plan's findings follow further down."));
    for (size_t k = 0; k < r->nsc; k++)
        if (r->sc[k].scored)
            one_scenario(p, r, &r->sc[k], k);
    fputs("</section>\n", out);
}
