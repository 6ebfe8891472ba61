/* html_cost.c - section 7 of the HTML page: cost against score, the chosen
 * portfolio and the efficient frontier. */
#include "internal/html.h"
#include "report_lost.h"

/* ---- 7. cost against score --------------------------------------------------- */

typedef struct box {
    double x, y, w, h;
} box;

static int overlaps(const box *a, const box *b)
{
    return a->x < b->x + b->w && b->x < a->x + a->w && a->y < b->y + b->h && b->y < a->y + a->h;
}

/* The scenario's include or exclude list as table indexes (as score.c's
 * select_portfolio reads it); *left_out gets an id that names a left-out area. */
static size_t id_indexes(const styr_area_table *t, const styr_node *list, size_t *outv, const char **left_out,
                         size_t *left_len)
{
    size_t k = 0;
    for (uint32_t i = 0; list && i < list->count; i++) {
        size_t len;
        const char *id = html_scalar_text(styr_seq_item(list, i), &len);
        if (!id)
            continue;
        long x = styr_area_table_find(t, id, len);
        if (x >= 0) {
            outv[k++] = (size_t)x;
            continue;
        }
        for (size_t e = 0; e < t->nexcluded; e++)
            if (strlen(t->excluded[e].area) == len && memcmp(t->excluded[e].area, id, len) == 0) {
                *left_out = id;
                *left_len = len;
            }
    }
    return k;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* The efficient frontier figure. Long on purpose (about 170 lines): an SVG
 * is written top to bottom, and the scales, points and labels computed at
 * the top are used all the way down; one sequence reads as the figure does. */
static void frontier(page *p, const styr_score_report *r, const styr_scenario_run *sr)
{
    FILE *out = p->out;
    const styr_area_table *t = r->table;
    const styr_scored *s = &sr->s;
    size_t n = t->n;
    fprintf(out, "<h3>%s</h3>\n", word(p->o, "Effektiv front", "Efficient frontier"));
    size_t *inc = malloc((n + 1) * sizeof *inc), *exc = malloc((n + t->nblocked + 1) * sizeof *exc);
    double *budgets = malloc((FRONTIER_STEPS + 2) * sizeof *budgets);
    styr_mcda_frontier_point *pts = calloc(FRONTIER_STEPS + 2, sizeof *pts);
    if (!inc || !exc || !budgets || !pts) {
        styr_report_lost();
        goto done;
    }
    const styr_node *root = sr->doc ? sr->doc->root : NULL;
    const char *left = NULL;
    size_t left_len = 0, ninc = 0, nexc = 0;
    ninc = id_indexes(t, html_seq_get(root, "include"), inc, &left, &left_len);
    const char *ignore = NULL;
    size_t ignore_len = 0;
    nexc = id_indexes(t, html_seq_get(root, "exclude"), exc, &ignore, &ignore_len);
    if (t->nblocked)
        memcpy(exc + nexc, t->blocked, t->nblocked * sizeof *exc);
    nexc += t->nblocked;
    if (left) {
        fputs("<p class=\"problem\">", out);
        fputs(word(p->o, "Ingen front kan ritas: ", "No frontier can be drawn: "), out);
        fputs("<code>", out);
        html_esc_span(out, left, left_len, 0);
        fputs(word(p->o, "</code> tvingas in (include), men området är uteslutet ur rangordningen.",
                   "</code> is forced in (include), but it is left out of the ranking."), out);
        fputs("</p>\n", out);
        goto done;
    }
    /* The frontier counts cost as the scenario's selection does (cost_basis). */
    const double *cost = s->cost_used ? s->cost_used : t->cost;
    double total = 0;
    for (size_t i = 0; i < n; i++)
        total += cost[i];
    size_t k = 0;
    for (int q = 0; q <= FRONTIER_STEPS; q++) {
        budgets[k++] = total * q / FRONTIER_STEPS;
        if (total <= 0)
            break;
    }
    int budget_in = 0;
    if (s->has_budget && isfinite(s->budget) && s->budget >= 0) {
        budget_in = 1;
        for (size_t q = 0; q < k; q++)
            if (budgets[q] == s->budget)
                budget_in = 0;
        if (budget_in)
            budgets[k++] = s->budget;
        qsort(budgets, k, sizeof *budgets, cmp_double);
    }
    styr_mcda_select_problem prob = {n, cost, s->score, (const char *const *)t->ids, inc, ninc, exc, nexc,
                                     t->needs, t->nneeds, t->conflicts, t->nconflicts, 0, p->o->lang != STYR_LANG_EN};
    styr_error e;
    styr_error_clear(&e);
    styr_mcda_status st = styr_mcda_select_frontier(&prob, budgets, k, pts, &e);
    if (st == STYR_MCDA_E_NOMEM) {
        styr_report_lost();
        goto done;
    }
    if (st != STYR_MCDA_OK) {
        fputs("<p class=\"problem\">", out);
        fputs(word(p->o, "Ingen front kan ritas: ", "No frontier can be drawn: "), out);
        html_esc(out, e.message);
        fputs("</p>\n", out);
        goto done;
    }
    size_t feasible = 0;
    double maxb = 0, maxsc = 0;
    for (size_t q = 0; q < k; q++) {
        if (pts[q].budget > maxb)
            maxb = pts[q].budget;
        if (pts[q].feasible) {
            feasible++;
            if (pts[q].total_score > maxsc)
                maxsc = pts[q].total_score;
        }
    }
    fprintf(out, "<p class=\"note\">%s</p>\n",
            word(p->o, "Den bästa totala poängen som ryms i varje budget, med scenariots include, exclude och "
                       "områdenas requires och excludes (samma problem som portföljvalet).",
                 "The best total score that fits each budget, with the scenario's include and exclude and the "
                 "areas' requires and excludes (the same problem as the portfolio selection)."));
    unsigned id = ++p->fig;
    char tid[32];
    snprintf(tid, sizeof tid, "tbl%u", id);
    if (feasible) {
        double unit = html_money_unit(maxb);
        axis ax = html_nice_axis(maxb / unit, 6, 0), ay = html_nice_axis(maxsc, 5, 0);
        double left_m = 64, top = 16, plotw = 560, ploth = 240, width = left_m + plotw + 40, height = top + ploth + 46;
        html_svg_open(p, id, width, height, "frontier", word(p->o, "Effektiv front:", "Efficient frontier:"), html_scenario_name(sr), tid);
        html_x_axis(p, &ax, left_m, plotw, top, top + ploth, 1, html_money_axis_title(p, unit));
        html_y_axis(p, &ay, left_m, left_m + plotw, top, ploth, 1, word(p->o, "Bästa totalpoäng", "Best total score"));
#define FX(b) (left_m + (b) / unit / ax.max * plotw)
#define FY(v) (top + ploth - (v) / ay.max * ploth)
        fputs("<path fill=\"none\" stroke=\"#0072B2\" stroke-width=\"2.5\" d=\"", out);
        int started = 0;
        for (size_t q = 0; q < k; q++) {
            if (!pts[q].feasible)
                continue;
            if (!started)
                fprintf(out, "M%.1f %.1f", FX(pts[q].budget), FY(pts[q].total_score));
            else
                fprintf(out, " H%.1f V%.1f", FX(pts[q].budget), FY(pts[q].total_score));
            started = 1;
        }
        fputs("\"/>\n", out);
        for (size_t q = 0; q < k; q++)
            if (pts[q].feasible) {
                char money[64];
                styr_numtext score;
                html_money(money, sizeof money, pts[q].budget);
                fprintf(out, word(p->o, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#0072B2\"><title>%s kr: %s</title></circle>",
                                  "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#0072B2\"><title>%s SEK: %s</title></circle>"),
                        FX(pts[q].budget), FY(pts[q].total_score), money, styr_num(&score, pts[q].total_score, 3, p->o->lang));
            }
        fputs("\n", out);
        if (s->has_budget) {
            char b[64];
            html_money(b, sizeof b, s->budget);
            double bx = FX(s->budget);
            fprintf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#D55E00\" stroke-width=\"1.5\" "
                         "stroke-dasharray=\"5 4\"/>", bx, top, bx, top + ploth);
            int right = bx < left_m + plotw * 0.6;
            fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"%s\" fill=\"#A0410A\">", right ? bx + 6 : bx - 6,
                    top + 12, right ? "start" : "end");
            fprintf(out, word(p->o, "budget %s kr", "budget %s SEK"), b);
            fputs("</text>\n", out);
            if (!s->infeasible) {
                styr_numtext score;
                styr_num(&score, s->sel.total_score, 3, p->o->lang);
                fprintf(out, "<path d=\"M%.1f %.1f l7 7 l-7 7 l-7 -7 z\" fill=\"#D55E00\" stroke=\"#000\"><title>%s</title></path>"
                             "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"%s\">%s</text>\n",
                        bx, FY(s->sel.total_score) - 7, score.s, right ? bx + 10 : bx - 10,
                        FY(s->sel.total_score) + 16, right ? "start" : "end", score.s);
            }
        }
        fprintf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"axis\"/>"
                     "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"axis\"/>\n",
                left_m, top, left_m, top + ploth, left_m, top + ploth, left_m + plotw, top + ploth);
#undef FX
#undef FY
        html_svg_close(p);
    } else {
        fprintf(out, "<p>%s</p>\n", word(p->o, "Ingen budget i intervallet räcker till det som måste väljas.",
                                        "No budget in the range pays for what must be chosen."));
    }
    fprintf(out, "<div class=\"scroll\"><table id=\"%s\" class=\"frontier sortable\" data-table=\"frontier\" data-scenario=\"", tid);
    html_esc(out, html_scenario_name(sr));
    fprintf(out, "\"><caption>%s</caption>\n<thead><tr><th scope=\"col\" class=\"num\">%s</th><th scope=\"col\" class=\"num\">%s</th>"
                 "<th scope=\"col\" class=\"num\">%s</th><th scope=\"col\" class=\"num\">%s</th><th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
            word(p->o, "Bästa totalpoäng per budget", "Best total score by budget"), word(p->o, "Budget (kr)", "Budget (SEK)"),
            word(p->o, "Bästa totalpoäng", "Best total score"), word(p->o, "Kostnad (kr)", "Cost (SEK)"),
            word(p->o, "Antal valda", "Areas chosen"), word(p->o, "Optimalt", "Optimal"));
    for (size_t q = 0; q < k; q++) {
        char b[64], c[64];
        html_money(b, sizeof b, pts[q].budget);
        html_money(c, sizeof c, pts[q].total_cost);
        int is_budget = s->has_budget && pts[q].budget == s->budget;
        fprintf(out, "<tr%s><td class=\"num\" data-key=\"budget\" data-value=\"", is_budget ? " class=\"chosen\" data-scenario-budget=\"1\"" : "");
        html_raw(out, pts[q].budget);
        fprintf(out, "\">%s%s</td>", b, is_budget ? word(p->o, " (scenariots budget)", " (the scenario's budget)") : "");
        if (!pts[q].feasible) {
            fprintf(out, "<td colspan=\"4\" data-key=\"feasible\" data-value=\"0\">%s</td></tr>\n",
                    word(p->o, "räcker inte till det som måste väljas", "does not pay for what must be chosen"));
            continue;
        }
        fputs("<td class=\"num\" data-key=\"total_score\" data-value=\"", out);
        html_raw(out, pts[q].total_score);
        styr_numtext num;
        fprintf(out, "\">%s</td><td class=\"num\" data-key=\"total_cost\" data-value=\"",
                styr_num(&num, pts[q].total_score, 3, p->o->lang));
        html_raw(out, pts[q].total_cost);
        fprintf(out, "\">%s</td><td class=\"num\" data-key=\"n_chosen\" data-value=\"%zu\">%zu</td><td data-key=\"optimal\" "
                     "data-value=\"%d\">%s</td></tr>\n",
                c, pts[q].n_chosen, pts[q].n_chosen, pts[q].proven_optimal ? 1 : 0,
                pts[q].proven_optimal ? word(p->o, "ja", "yes") : word(p->o, "ej bevisat", "not proven"));
    }
    fputs("</tbody></table></div>\n", out);
done:
    free(inc);
    free(exc);
    free(budgets);
    free(pts);
}

/* Section 7. Long on purpose (about 195 lines): the scatter of cost against
 * score is one SVG written top to bottom (axes, portfolio, labels placed
 * without overlap, legend), then its table; see frontier() for why. */
void html_sec_cost(page *p)
{
    FILE *out = p->out;
    const styr_score_report *r = p->in->score;
    const styr_area_table *t = r->table;
    const styr_scenario_run *sr = NULL;
    for (size_t k = 0; k < r->nsc && !sr; k++)
        if (r->sc[k].scored && r->sc[k].s.has_budget)
            sr = &r->sc[k];
    for (size_t k = 0; k < r->nsc && !sr; k++)
        if (r->sc[k].scored)
            sr = &r->sc[k];
    if (!sr)
        return;   /* nothing was scored: no costs to set against scores */
    const styr_scored *s = &sr->s;
    /* the cost the scenario's budget counts (cost_basis) */
    const double *cost = s->cost_used ? s->cost_used : t->cost;
    size_t n = t->n;
    int budget = s->has_budget && !s->infeasible && s->chosen;
    fprintf(out, "<section id=\"cost\" aria-labelledby=\"cost-h\">\n<h2 id=\"cost-h\">%s</h2>\n<p>",
            word(p->o, "Kostnad mot poäng", "Cost against score"));
    fputs("Scenario ", out);
    html_esc(out, html_scenario_name(sr));
    if (s->has_budget) {
        char b[64];
        html_money(b, sizeof b, s->budget);
        fprintf(out, word(p->o, " med budget %s kr", " with a budget of %s SEK"), b);
        if (s->net_cost)
            fputs(word(p->o, " (nettokostnad: kostnaden minus extern finansiering)",
                       " (net cost: the cost minus external funding)"), out);
    }
    fputs(".</p>\n", out);
    double maxc = 0, maxs = 0, mins = n ? s->score[0] : 0;
    for (size_t i = 0; i < n; i++) {
        if (cost[i] > maxc)
            maxc = cost[i];
        if (s->score[i] > maxs)
            maxs = s->score[i];
        if (s->score[i] < mins)
            mins = s->score[i];
    }
    double unit = html_money_unit(maxc);
    axis ax = html_nice_axis(maxc / unit, 6, 0), ay = html_nice_range(mins, maxs, 5);
    double left_m = 64, top = 34, plotw = 720, ploth = 420, extra = 150;
    double width = left_m + plotw + extra, height = top + ploth + 48;
    unsigned id = ++p->fig;
    char tid[32];
    snprintf(tid, sizeof tid, "tbl%u", id);
    html_svg_open(p, id, width, height, "scatter", word(p->o, "Kostnad och poäng per område:", "Cost and score by area:"),
             html_scenario_name(sr), tid);
    legend_item li[2];
    memset(li, 0, sizeof li);
    size_t nli = 0;
    if (budget) {
        li[nli].label = word(p->o, "vald inom budgeten", "chosen within the budget");
        snprintf(li[nli].paint, sizeof li[nli].paint, "#D55E00");
        li[nli++].shape = 2;
    }
    li[nli].label = budget ? word(p->o, "inte vald", "not chosen") : word(p->o, "område", "area");
    snprintf(li[nli].paint, sizeof li[nli].paint, "#0072B2");
    li[nli++].shape = 1;
    html_legend(p, li, nli, left_m, 8, plotw);
    html_x_axis(p, &ax, left_m, plotw, top, top + ploth, 1, html_money_axis_title(p, unit));
    html_y_axis(p, &ay, left_m, left_m + plotw, top, ploth, 1, word(p->o, "Poäng", "Score"));
    fprintf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"axis\"/>"
                 "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"axis\"/>\n",
            left_m, top, left_m, top + ploth, left_m, top + ploth, left_m + plotw, top + ploth);
    /* Points first, then labels placed greedily (chosen areas, then by rank)
     * where they overlap no point and no other label. */
    box *boxes = calloc(2 * n + 1, sizeof *boxes);
    double *px = calloc(n + 1, sizeof *px), *py = calloc(n + 1, sizeof *py);
    size_t *unlabelled = calloc(n + 1, sizeof *unlabelled);
    if (!boxes || !px || !py || !unlabelled) {
        styr_report_lost();
        free(boxes);
        free(px);
        free(py);
        free(unlabelled);
        html_svg_close(p);
        fputs("</section>\n", out);
        return;
    }
    size_t nb = 0, nun = 0;
    for (size_t i = 0; i < n; i++) {
        double fx = html_axis_at(&ax, cost[i] / unit), fy = html_axis_at(&ay, s->score[i]);
        px[i] = left_m + (fx < 0 ? 0 : fx) * plotw;
        py[i] = top + ploth - (fy < 0 ? 0 : fy) * ploth;
        boxes[nb++] = (box){px[i] - 7, py[i] - 7, 14, 14};
    }
    for (int pass = 0; pass < 2; pass++)
        for (size_t q = 0; q < n; q++) {
            size_t i = s->order[q];
            int chosen = budget && s->chosen[i];
            if ((pass == 0) != (chosen != 0))
                continue;
            double w = html_text_ws(html_area_label(t, i), 32, 11), h = 13, r0 = 7;
            int placed = 0;
            box b = {0, 0, 0, 0};
            double lx = 0, ly = 0;   /* leader line end */
            int anchor = 0;          /* the text starts (0), ends (1) or is centred (2) at the point's side */
            /* right, left, above, below, the diagonals, then between them;
             * each nearest first, then further out with a leader line */
            static const double dirs[16][2] = {
                {1, 0}, {-1, 0}, {0, -1}, {0, 1}, {.71, -.71}, {.71, .71}, {-.71, -.71}, {-.71, .71},
                {.92, -.38}, {.92, .38}, {-.92, -.38}, {-.92, .38}, {.38, -.92}, {.38, .92}, {-.38, -.92}, {-.38, .92}};
            for (int dist = 0; dist < 8 && !placed; dist++) {
                double d = dist * 10.0;
                for (int di = 0; di < 16 && !placed; di++) {
                    double dx = dirs[di][0], dy = dirs[di][1];
                    double ax0 = px[i] + dx * (r0 + 2 + d), ay0 = py[i] + dy * (r0 + 2 + d);
                    b.w = w;
                    b.h = h;
                    b.x = dx > 0.3 ? ax0 : dx < -0.3 ? ax0 - w : ax0 - w / 2;
                    b.y = dy > 0.3 ? ay0 : dy < -0.3 ? ay0 - h : ay0 - h / 2;
                    if (b.x < left_m + 2 || b.x + b.w > left_m + plotw + extra - 4 || b.y < top - 2 ||
                        b.y + b.h > top + ploth - 2)
                        continue;
                    int clash = 0;
                    for (size_t z = 0; z < nb && !clash; z++)
                        clash = overlaps(&b, &boxes[z]);
                    if (!clash) {
                        placed = 1;
                        anchor = dx > 0.3 ? 0 : dx < -0.3 ? 1 : 2;
                        lx = dist ? ax0 : px[i];
                        ly = dist ? ay0 : py[i];
                    }
                }
            }
            if (!placed) {
                unlabelled[nun++] = i;
                continue;
            }
            boxes[nb++] = b;
            if (lx != px[i] || ly != py[i])
                fprintf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#666\" stroke-width=\"1\"/>",
                        px[i], py[i], lx, ly);
            /* the box is an upper bound of the text's width: keep the text
             * against the side that faces its point */
            fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\"%s%s>",
                    anchor == 0 ? b.x : anchor == 1 ? b.x + b.w : b.x + b.w / 2, b.y + h - 3,
                    anchor == 0 ? "" : anchor == 1 ? " text-anchor=\"end\"" : " text-anchor=\"middle\"",
                    chosen ? " font-weight=\"700\"" : "");
            html_esc_cut(out, html_area_label(t, i), 32);
            fputs("</text>\n", out);
        }
    for (size_t q = n; q-- > 0;) {
        size_t i = s->order[q];
        char c[64];
        html_money(c, sizeof c, cost[i]);
        int chosen = budget && s->chosen[i];
        fputs("<g><title>", out);
        html_area_named(out, t, i);
        styr_numtext num;
        fprintf(out, word(p->o, ": %s kr, %s", ": %s SEK, %s"), c, styr_num(&num, s->score[i], 3, p->o->lang));
        fputs("</title>", out);
        if (chosen)
            fprintf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"6\" fill=\"#D55E00\" stroke=\"#000\"/>", px[i], py[i]);
        else
            fprintf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"#fff\" stroke=\"#0072B2\" stroke-width=\"2\"/>",
                    px[i], py[i]);
        fputs("</g>\n", out);
    }
    html_svg_close(p);
    if (nun) {
        fputs(word(p->o, "<p class=\"note\">Utan etikett i diagrammet (för tätt): ", "<p class=\"note\">Without a label in the chart (too close): "), out);
        for (size_t z = 0; z < nun; z++) {
            fputs(z ? ", " : "", out);
            html_area_named(out, t, unlabelled[z]);
        }
        fputs(".</p>\n", out);
    }
    free(boxes);
    free(px);
    free(py);
    free(unlabelled);
    fprintf(out, "<div class=\"scroll\"><table id=\"%s\" class=\"cost sortable\" data-table=\"cost\" data-scenario=\"", tid);
    html_esc(out, html_scenario_name(sr));
    fprintf(out, "\"><caption>%s</caption>\n<thead><tr><th scope=\"col\">%s</th><th scope=\"col\" class=\"num\">%s</th>"
                 "<th scope=\"col\" class=\"num\">%s</th>",
            word(p->o, "Kostnad och poäng per område", "Cost and score by area"), word(p->o, "Område", "Area"),
            word(p->o, "Kostnad (kr)", "Cost (SEK)"), word(p->o, "Poäng", "Score"));
    if (budget)
        fprintf(out, "<th scope=\"col\">%s</th>", word(p->o, "Vald", "Chosen"));
    fputs("</tr></thead>\n<tbody>\n", out);
    for (size_t q = 0; q < n; q++) {
        size_t i = s->order[q];
        char c[64];
        html_money(c, sizeof c, cost[i]);
        fputs("<tr data-area=\"", out);
        html_esc(out, t->ids[i]);
        fputs("\"><th scope=\"row\">", out);
        html_area_cell(out, t, i);
        fputs("</th><td class=\"num\" data-key=\"cost\" data-value=\"", out);
        html_raw(out, cost[i]);
        fprintf(out, "\">%s</td><td class=\"num\" data-key=\"score\" data-value=\"", c);
        html_raw(out, s->score[i]);
        styr_numtext num;
        fprintf(out, "\">%s</td>", styr_num(&num, s->score[i], 3, p->o->lang));
        if (budget)
            fprintf(out, "<td data-key=\"chosen\" data-value=\"%d\">%s</td>", s->chosen[i] ? 1 : 0,
                    s->chosen[i] ? "\xE2\x9C\x93" : "");
        fputs("</tr>\n", out);
    }
    fputs("</tbody></table></div>\n", out);
    frontier(p, r, sr);
    fputs("</section>\n", out);
}

