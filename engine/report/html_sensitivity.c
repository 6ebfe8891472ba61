/* html_sensitivity.c - section 6 of the HTML page: rank acceptability as a
 * heat table, with central weights and confidence. */
#include "internal/html.h"

/* ---- 6. rank acceptability -------------------------------------------------- */

/* Background (and text colour) of a probability: white to Okabe-Ito blue
 * (0, 114, 178) by the square root, so that 5 % and 30 % look different. */
static void heat_colour(char *buf, size_t cap, double v)
{
    double s = sqrt(v < 0 ? 0 : v > 1 ? 1 : v);
    snprintf(buf, cap, "background:#%02x%02x%02x%s", (int)lround(255 * (1 - s)), (int)lround(255 - (255 - 114) * s),
             (int)lround(255 - (255 - 178) * s), s > 0.55 ? ";color:#fff" : "");
}

/* Whether sv holds a sampled scenario to show. */
int html_sensitivity_shown(const styr_sensitivity *sv)
{
    return sv && sv->base && sv->base->table && sv->base->rs && sv->base->rs->model && sv->base->sc &&
           sv->scenario < sv->base->nsc && sv->base->sc[sv->scenario].scored && sv->acceptability && sv->confidence &&
           sv->base->table->n > 0;
}

/* One scenario's sensitivity: its sampling, the heat table, central weights. */
static void one_scenario(page *p, const styr_sensitivity *sv)
{
    FILE *out = p->out;
    const styr_score_report *r = sv->base;
    const styr_area_table *t = r->table;
    const styr_scenario_run *sr = &r->sc[sv->scenario];
    size_t n = t->n, m = t->m, cols = n > MAX_RANK_COLUMNS ? MAX_RANK_COLUMNS : n;
    fputs("<div class=\"sens-scenario\" data-scenario=\"", out);
    html_esc(out, html_scenario_name(sr));
    fprintf(out, "\" data-scenario-index=\"%zu\">\n<h3>", sv->scenario);
    fputs("Scenario ", out);
    html_esc(out, html_scenario_name(sr));
    if (sr->title) {
        fputs(": ", out);
        html_esc(out, sr->title);
    }
    fputs("</h3>\n<p>", out);
    fprintf(out, word(p->o, "Känslighet för scenario ", "Sensitivity of scenario "));
    html_esc(out, html_scenario_name(sr));
    fprintf(out, word(p->o, ": %llu viktvektorer (frö %llu), %s", ": %llu weight samples (seed %llu), %s"),
            (unsigned long long)sv->samples, (unsigned long long)sv->seed,
            sv->spread < 0 ? word(p->o, "likformigt över alla viktningar av scenariots kriterier",
                                  "uniform over all weightings of the scenario's criteria")
                           : word(p->o, "inom \xC2\xB1 spridning kring scenariots vikter", "within \xC2\xB1 spread around the scenario's weights"));
    if (sv->spread >= 0)
    {
        styr_numtext num;
        fprintf(out, word(p->o, " (spridning %s)", " (spread %s)"), styr_num(&num, sv->spread, 3, p->o->lang));
    }
    fputs(".</p>\n", out);
    fprintf(out, "<p class=\"note\">%s", word(p->o, "Färg efter sannolikhet:", "Shade by probability:"));
    static const double marks[] = {0.01, 0.05, 0.1, 0.25, 0.5, 1};
    for (size_t k = 0; k < sizeof marks / sizeof *marks; k++) {
        char bg[32];
        heat_colour(bg, sizeof bg, marks[k]);
        styr_numtext num;
        fprintf(out, " <span class=\"swatch\" style=\"%s\">%s\xC2\xA0%%</span>", bg, styr_num_g(&num, 100 * marks[k], 6, p->o->lang));
    }
    fputs(".</p>\n", out);
    unsigned id = ++p->fig;
    fprintf(out, "<div class=\"scroll\"><table id=\"tbl%u\" class=\"heat\" data-table=\"acceptability\" data-scenario=\"", id);
    html_esc(out, html_scenario_name(sr));
    fprintf(out, "\" data-samples=\"%llu\" data-seed=\"%llu\"><caption>", (unsigned long long)sv->samples,
            (unsigned long long)sv->seed);
    fputs(word(p->o, "Sannolikhet (%) för varje rang; områdena i scenariots ordning", "Probability (%) of each rank; areas in the scenario's order"), out);
    fprintf(out, "</caption>\n<thead><tr><th scope=\"col\" rowspan=\"2\">%s</th><th scope=\"colgroup\" colspan=\"%zu\">%s</th>",
            word(p->o, "Område", "Area"), cols + (n > cols), word(p->o, "Rang", "Rank"));
    fprintf(out, "<th scope=\"col\" rowspan=\"2\" class=\"num\">%s</th></tr>\n<tr>", word(p->o, "Konfidens", "Confidence"));
    for (size_t c = 0; c < cols; c++)
        fprintf(out, "<th scope=\"col\" class=\"num\">%zu</th>", c + 1);
    if (n > cols)
        fprintf(out, "<th scope=\"col\" class=\"num\">%s</th>", word(p->o, "övriga", "rest"));
    fputs("</tr></thead>\n<tbody>\n", out);
    for (size_t q = 0; q < n; q++) {
        size_t i = sr->s.order[q];
        fputs("<tr data-area=\"", out);
        html_esc(out, t->ids[i]);
        fputs("\"><th scope=\"row\">", out);
        html_area_cell(out, t, i);
        fputs("</th>", out);
        double rest = 0;
        for (size_t c = 0; c < n; c++) {
            double v = sv->acceptability[i * n + c];
            if (c >= cols) {
                rest += v;
                continue;
            }
            char bg[32];
            heat_colour(bg, sizeof bg, v);
            fprintf(out, "<td class=\"p%s\" style=\"%s\" data-key=\"acceptability\" data-rank=\"%zu\" data-value=\"",
                    v > 0 ? "" : " zero", bg, c + 1);
            html_raw(out, v);
            styr_numtext num;
            fprintf(out, "\">%s</td>", styr_num(&num, 100 * v, 1, p->o->lang));
        }
        if (n > cols) {
            fputs("<td class=\"p\" data-key=\"rest\" data-value=\"", out);
            html_raw(out, rest);
            styr_numtext num;
            fprintf(out, "\">%s</td>", styr_num(&num, 100 * rest, 1, p->o->lang));
        }
        fputs("<td class=\"num\" data-key=\"confidence\" data-value=\"", out);
        html_raw(out, sv->confidence[i]);
        styr_numtext num;
        fprintf(out, "\">%s</td></tr>\n", styr_num(&num, sv->confidence[i], 2, p->o->lang));
    }
    fputs("</tbody></table></div>\n", out);
    if (!sv->central) {
        fputs("</div>\n", out);
        return;
    }
    /* Central weights of the areas that can be first. */
    fprintf(out, "<div class=\"scroll\"><table id=\"tbl%u\" class=\"central sortable\" data-table=\"central\"><caption>%s</caption>\n"
                 "<thead><tr><th scope=\"col\">%s</th>",
            ++p->fig, word(p->o, "Centrala vikter (typisk viktning som gör området bäst)",
                           "Central weights (the typical weighting that makes the area best)"),
            word(p->o, "Område", "Area"));
    for (size_t j = 0; j < m; j++)
        if (sr->s.weights.w[j] > 0) {
            fputs("<th scope=\"col\" class=\"num\" data-criterion=\"", out);
            html_esc(out, r->rs->model->crit[j].id);
            fputs("\">", out);
            html_esc(out, html_crit_label(p, r->rs, j));
            fputs("</th>", out);
        }
    fputs("</tr></thead>\n<tbody>\n", out);
    for (size_t q = 0; q < n; q++) {
        size_t i = sr->s.order[q];
        if (sv->acceptability[i * n] <= 0)
            continue;
        fputs("<tr data-area=\"", out);
        html_esc(out, t->ids[i]);
        fputs("\"><th scope=\"row\">", out);
        html_area_cell(out, t, i);
        fputs("</th>", out);
        for (size_t j = 0; j < m; j++) {
            if (sr->s.weights.w[j] <= 0)
                continue;
            html_criterion_cell(out, "central", r->rs->model->crit[j].id, sv->central[i * m + j], 2, p->o->lang);
        }
        fputs("</tr>\n", out);
    }
    fputs("</tbody></table></div>\n</div>\n", out);
}

void html_sec_sensitivity(page *p)
{
    FILE *out = p->out;
    const styr_html_input *in = p->in;
    size_t ns = in->nsensitivity ? in->nsensitivity : 1;
    fprintf(out, "<section id=\"acceptability\" aria-labelledby=\"acceptability-h\">\n<h2 id=\"acceptability-h\">%s</h2>\n",
            word(p->o, "Rangacceptans", "Rank acceptability"));
    /* What the numbers mean, before any of them, in the words a board uses. */
    fprintf(out, "<p class=\"explain\" data-explain=\"acceptability\">%s</p>\n",
            word(p->o, "Hur säker är rangordningen? Vikterna dras slumpvis många gånger, och för varje område räknas hur "
                       "ofta det hamnar på varje plats. Ett område som nästan alltid blir etta är ett robust val; ett som "
                       "sprids över många platser beror på exakt hur kriterierna vägs.",
                 "How certain is the ranking? The weights are drawn at random many times, and for each area we count how "
                 "often it ends up in each place. An area that is nearly always first is a robust choice; one spread over "
                 "many places depends on exactly how the criteria are weighed."));
    fprintf(out, "<p class=\"explain\" data-explain=\"confidence\">%s</p>\n",
            word(p->o, "Konfidensfaktorn (0\xE2\x80\x93" "1) gäller områden som kan bli etta: om styrgruppen väger kriterierna ungefär "
                       "så som gör området bäst (dess centrala vikter), hur ofta blir det då verkligen etta? 1,00 betyder "
                       "alltid, 0,50 hälften av gångerna, 0,00 aldrig (området blir inte etta med någon viktning som prövades).",
                 "The confidence factor (0\xE2\x80\x93" "1) is about areas that can come first: if the board weighs the criteria "
                 "roughly as makes the area best (its central weights), how often does it then really come first? 1.00 "
                 "means always, 0.50 half the time, 0.00 never (no weighting tried made it first)."));
    for (size_t k = 0; k < ns; k++)
        if (html_sensitivity_shown(&in->sensitivity[k]))
            one_scenario(p, &in->sensitivity[k]);
    fputs("</section>\n", out);
}

