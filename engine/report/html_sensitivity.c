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

void html_sec_sensitivity(page *p)
{
    FILE *out = p->out;
    const styr_sensitivity *sv = p->in->sensitivity;
    const styr_score_report *r = sv->base;
    const styr_area_table *t = r->table;
    const styr_scenario_run *sr = &r->sc[0];
    size_t n = t->n, m = t->m, cols = n > MAX_RANK_COLUMNS ? MAX_RANK_COLUMNS : n;
    fprintf(out, "<section id=\"acceptability\" aria-labelledby=\"acceptability-h\">\n<h2 id=\"acceptability-h\">%s</h2>\n<p>",
            word(p->o, "Rangacceptans", "Rank acceptability"));
    fprintf(out, word(p->o, "Känslighet för scenario ", "Sensitivity of scenario "));
    html_esc(out, html_scenario_name(sr));
    fprintf(out, word(p->o, ": %llu viktvektorer (frö %llu), %s", ": %llu weight samples (seed %llu), %s"),
            (unsigned long long)sv->samples, (unsigned long long)sv->seed,
            sv->spread < 0 ? word(p->o, "likformigt över alla viktningar av scenariots kriterier",
                                  "uniform over all weightings of the scenario's criteria")
                           : word(p->o, "inom \xC2\xB1 spridning kring scenariots vikter", "within \xC2\xB1 spread around the scenario's weights"));
    if (sv->spread >= 0)
        fprintf(out, word(p->o, " (spridning %.3f)", " (spread %.3f)"), sv->spread);
    fputs(".</p>\n", out);
    fprintf(out, "<p class=\"note\">%s", word(p->o, "Färg efter sannolikhet:", "Shade by probability:"));
    static const double marks[] = {0.01, 0.05, 0.1, 0.25, 0.5, 1};
    for (size_t k = 0; k < sizeof marks / sizeof *marks; k++) {
        char bg[32];
        heat_colour(bg, sizeof bg, marks[k]);
        fprintf(out, " <span class=\"swatch\" style=\"%s\">%g\xC2\xA0%%</span>", bg, 100 * marks[k]);
    }
    fprintf(out, ". %s</p>\n", word(p->o, "Konfidens: andelen gånger området blir först med sina centrala vikter.",
                                    "Confidence: the share of evaluations in which the area is first with its central weights."));
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
            fprintf(out, "\">%.1f</td>", 100 * v);
        }
        if (n > cols) {
            fputs("<td class=\"p\" data-key=\"rest\" data-value=\"", out);
            html_raw(out, rest);
            fprintf(out, "\">%.1f</td>", 100 * rest);
        }
        fputs("<td class=\"num\" data-key=\"confidence\" data-value=\"", out);
        html_raw(out, sv->confidence[i]);
        fprintf(out, "\">%.2f</td></tr>\n", sv->confidence[i]);
    }
    fputs("</tbody></table></div>\n", out);
    if (!sv->central) {
        fputs("</section>\n", out);
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
            html_criterion_cell(out, "central", r->rs->model->crit[j].id, sv->central[i * m + j], 2);
        }
        fputs("</tr>\n", out);
    }
    fputs("</tbody></table></div>\n</section>\n", out);
}

