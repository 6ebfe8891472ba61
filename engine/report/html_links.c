/* html_links.c - section 3 of the HTML page: the plan's strategy x
 * programme links. */
#include "internal/html.h"
#include "report_lost.h"

/* ---- 3. the plan's links ---------------------------------------------------- */

typedef struct name_ref {
    const char *s;
    size_t len;
    const char *title;       /* strategies: their title */
    size_t tlen;
} name_ref;

typedef struct col_total {
    size_t total, idx;
} col_total;

static int by_total_then_index(const void *a, const void *b)
{
    const col_total *x = a, *y = b;
    if (x->total != y->total)
        return x->total > y->total ? -1 : 1;
    return x->idx < y->idx ? -1 : x->idx > y->idx;
}

static int by_index(const void *a, const void *b)
{
    const col_total *x = a, *y = b;
    return x->idx < y->idx ? -1 : x->idx > y->idx;
}

/* The strategy x programme grid of one plan. Long on purpose (about 230
 * lines): it gathers the names, counts the links, orders rows and columns,
 * then writes one figure and its table from those arrays, all freed at one
 * label; the steps share every array. */
static void plan_links(page *p, const styr_file_result *r, const styr_doc *doc, size_t f)
{
    FILE *out = p->out;
    const styr_node *strategies = html_seq_get(doc->root, "strategies");
    const styr_node *actions = html_seq_get(doc->root, "actions");
    size_t nstr_max = (strategies ? strategies->count : 0) + 1, nact = actions ? actions->count : 0;
    size_t nprog_max = 0;
    for (uint32_t i = 0; i < nact; i++) {
        const styr_node *progs = html_seq_get(html_map_get(styr_seq_item(actions, i), "links"), "programs");
        nprog_max += progs ? progs->count : 0;
    }
    name_ref *rows = calloc(nstr_max, sizeof *rows);
    name_ref *cols = calloc(nprog_max ? nprog_max : 1, sizeof *cols);
    size_t *last = calloc(nprog_max ? nprog_max : 1, sizeof *last);
    size_t *count = NULL, *gcol = NULL;
    col_total *coltot = NULL;
    styr_strmap smap, pmap;
    styr_strmap_init(&smap);
    styr_strmap_init(&pmap);
    if (!rows || !cols || !last) {
        styr_report_lost();
        goto done;
    }
    size_t nrows = 0, ncols = 0;
    for (uint32_t i = 0; strategies && i < strategies->count; i++) {
        const styr_node *s = styr_seq_item(strategies, i);
        size_t len, tlen = 0;
        const char *sid = html_scalar_text(html_map_get(s, "id"), &len);
        if (!sid)
            continue;
        int st = styr_strmap_put(&smap, sid, len, (void *)(uintptr_t)(nrows + 1), NULL);
        if (st < 0) {
            styr_report_lost();
            goto done;
        }
        if (st == 0)
            continue;
        const char *title = html_scalar_text(html_map_get(s, "title"), &tlen);
        rows[nrows++] = (name_ref){sid, len, title, title ? tlen : 0};
    }
    for (uint32_t i = 0; i < nact; i++) {
        const styr_node *progs = html_seq_get(html_map_get(styr_seq_item(actions, i), "links"), "programs");
        for (uint32_t k = 0; progs && k < progs->count; k++) {
            size_t len;
            const char *name = html_scalar_text(styr_seq_item(progs, k), &len);
            if (!name || !len)
                continue;
            int st = styr_strmap_put(&pmap, name, len, (void *)(uintptr_t)(ncols + 1), NULL);
            if (st < 0) {
                styr_report_lost();
                goto done;
            }
            if (st == 1)
                cols[ncols++] = (name_ref){name, len, NULL, 0};
        }
    }
    /* rows[nrows]: actions whose strategy is not one of the plan's */
    count = calloc((nrows + 1) * (ncols ? ncols : 1), sizeof *count);
    if (!count) {
        styr_report_lost();
        goto done;
    }
    size_t linked_actions = 0;
    int other = 0;
    for (uint32_t i = 0; i < nact; i++) {
        const styr_node *a = styr_seq_item(actions, i);
        const styr_node *progs = html_seq_get(html_map_get(a, "links"), "programs");
        if (!progs)
            continue;
        size_t len, row = nrows;
        const char *sid = html_scalar_text(html_map_get(a, "strategy"), &len);
        void *v = sid ? styr_strmap_get(&smap, sid, len) : NULL;
        if (v)
            row = (size_t)(uintptr_t)v - 1;
        int any = 0;
        for (uint32_t k = 0; k < progs->count; k++) {
            size_t plen;
            const char *name = html_scalar_text(styr_seq_item(progs, k), &plen);
            void *c = name && plen ? styr_strmap_get(&pmap, name, plen) : NULL;
            if (!c)
                continue;
            size_t col = (size_t)(uintptr_t)c - 1;
            if (last[col] == (size_t)i + 1)
                continue;   /* the same programme twice in one action counts once */
            last[col] = (size_t)i + 1;
            count[row * ncols + col]++;
            any = 1;
            if (row == nrows)
                other = 1;
        }
        linked_actions += any;
    }
    if (other) {
        rows[nrows].s = word(p->o, "(utan känd strategi)", "(no known strategy)");
        rows[nrows].len = strlen(rows[nrows].s);
    }
    size_t nr = nrows + (other ? 1 : 0);
    if (p->in->nplans > 1) {
        fputs("<h3><code>", out);
        html_esc(out, r->file);
        fputs("</code></h3>\n", out);
    }
    if (ncols == 0) {
        fprintf(out, "<p>%s</p>\n", word(p->o, "Ingen insats nämner något annat program (links.programs).",
                                         "No action names another programme (links.programs)."));
        goto done;
    }
    fprintf(out, word(p->o, "<p>%zu av %zu insatser nämner minst ett av %zu program.</p>\n",
                      "<p>%zu of %zu actions name at least one of %zu programmes.</p>\n"),
            linked_actions, nact, ncols);
    size_t maxc = 1;
    for (size_t k = 0; k < nr * ncols; k++)
        if (count[k] > maxc)
            maxc = count[k];
    /* The grid shows at most MAX_GRID_COLUMNS programmes, the most named
     * ones (in the order they first appear); the table shows them all. */
    size_t ng = ncols;
    gcol = malloc(ncols * sizeof *gcol);
    coltot = calloc(ncols, sizeof *coltot);
    if (!gcol || !coltot) {
        styr_report_lost();
        goto done;
    }
    for (size_t c = 0; c < ncols; c++) {
        coltot[c].idx = c;
        for (size_t k = 0; k < nr; k++)
            coltot[c].total += count[k * ncols + c];
    }
    if (ncols > MAX_GRID_COLUMNS) {
        qsort(coltot, ncols, sizeof *coltot, by_total_then_index);
        ng = MAX_GRID_COLUMNS;
        qsort(coltot, ng, sizeof *coltot, by_index);
    }
    for (size_t g = 0; g < ng; g++)
        gcol[g] = coltot[g].idx;
    double cell = 34, rowlab = 0, collab = 0;
    for (size_t k = 0; k < nr; k++) {
        double w = html_text_w(rows[k].s, rows[k].len, 0, 12) + (rows[k].title ? 8 + html_text_w(rows[k].title, rows[k].tlen, 42, 12) : 0);
        if (w > rowlab)
            rowlab = w;
    }
    for (size_t g = 0; g < ng; g++) {
        double w = html_text_w(cols[gcol[g]].s, cols[gcol[g]].len, 40, 11);
        if (w > collab)
            collab = w;
    }
    double x0 = rowlab + 16, diag = collab * 0.7071 + 8, top = diag + 14;
    double width = x0 + cell * (double)ng + diag + 10, height = top + cell * (double)nr + 12;
    unsigned id = ++p->fig;
    char tid[32];
    snprintf(tid, sizeof tid, "tbl%u", id);
    html_svg_open(p, id, width, height, "grid", word(p->o, "Strategi \xC3\x97 program: antal insatser",
                                                "Strategy \xC3\x97 programme: number of actions"), NULL, tid);
    for (size_t g = 0; g < ng; g++) {
        size_t c = gcol[g];
        double x = x0 + cell * ((double)g + 0.5);
        fprintf(out, "<text transform=\"translate(%.1f,%.1f) rotate(-45)\" font-size=\"11\"><title>", x + 3, top - 6);
        html_esc_span(out, cols[c].s, cols[c].len, 0);
        fputs("</title>", out);
        html_esc_span(out, cols[c].s, cols[c].len, 40);
        fputs("</text>\n", out);
    }
    for (size_t k = 0; k < nr; k++) {
        double y = top + cell * (double)k;
        fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" text-anchor=\"end\"><title>", x0 - 8, y + cell / 2 + 4);
        html_esc_span(out, rows[k].s, rows[k].len, 0);
        if (rows[k].title) {
            fputs(" ", out);
            html_esc_span(out, rows[k].title, rows[k].tlen, 0);
        }
        fputs("</title><tspan font-weight=\"600\">", out);
        html_esc_span(out, rows[k].s, rows[k].len, 0);
        fputs("</tspan>", out);
        if (rows[k].title) {
            fputs(" ", out);
            html_esc_span(out, rows[k].title, rows[k].tlen, 42);
        }
        fputs("</text>\n", out);
        for (size_t g = 0; g < ng; g++) {
            size_t v = count[k * ncols + gcol[g]];
            double x = x0 + cell * (double)g, t = (double)v / (double)maxc;
            char fill[16];
            if (v == 0) {
                snprintf(fill, sizeof fill, "#f3f5f7");
            } else {
                double s = 0.3 + 0.7 * t;   /* white to Okabe-Ito bluish green (0, 158, 115) */
                snprintf(fill, sizeof fill, "#%02x%02x%02x", (int)lround(255 * (1 - s)),
                         (int)lround(255 - (255 - 158) * s), (int)lround(255 - (255 - 115) * s));
            }
            fprintf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\" stroke=\"#fff\" stroke-width=\"2\"/>",
                    x, y, cell, cell, fill);
            fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" text-anchor=\"middle\"%s>%zu</text>\n",
                    x + cell / 2, y + cell / 2 + 4,
                    v == 0 ? " fill=\"#b0b8c0\"" : 0.3 + 0.7 * t > 0.6 ? " class=\"inv\"" : "", v);
        }
    }
    html_svg_close(p);
    if (ng < ncols)
        fprintf(out, word(p->o, "<p class=\"note\">Rutnätet visar de %zu program som flest insatser nämner; tabellen visar alla %zu.</p>\n",
                          "<p class=\"note\">The grid shows the %zu programmes most actions name; the table shows all %zu.</p>\n"),
                ng, ncols);
    /* The table: programmes as rows (their names are long), strategies as columns. */
    fprintf(out, "<div class=\"scroll\"><table id=\"%s\" class=\"links sortable\" data-table=\"links\" data-file-index=\"%zu\">"
                 "<caption>%s</caption>\n<thead><tr><th scope=\"col\">%s</th>",
            tid, f, word(p->o, "Antal insatser per strategi som nämner programmet", "Actions of each strategy that name the programme"),
            word(p->o, "Program", "Programme"));
    for (size_t k = 0; k < nr; k++) {
        fputs("<th scope=\"col\" class=\"num\">", out);
        html_esc_span(out, rows[k].s, rows[k].len, 0);
        if (rows[k].title) {
            fputs(" ", out);
            html_esc_span(out, rows[k].title, rows[k].tlen, 0);
        }
        fputs("</th>", out);
    }
    fprintf(out, "<th scope=\"col\" class=\"num\">%s</th></tr></thead>\n<tbody>\n", word(p->o, "Summa", "Total"));
    for (size_t c = 0; c < ncols; c++) {
        fputs("<tr><th scope=\"row\">", out);
        html_esc_span(out, cols[c].s, cols[c].len, 0);
        fputs("</th>", out);
        size_t sum = 0;
        for (size_t k = 0; k < nr; k++) {
            size_t v = count[k * ncols + c];
            sum += v;
            fprintf(out, "<td class=\"num\" data-value=\"%zu\">%zu</td>", v, v);
        }
        fprintf(out, "<td class=\"num\" data-value=\"%zu\">%zu</td></tr>\n", sum, sum);
    }
    fputs("</tbody></table></div>\n", out);
done:
    styr_strmap_free(&smap);
    styr_strmap_free(&pmap);
    free(rows);
    free(cols);
    free(last);
    free(count);
    free(gcol);
    free(coltot);
}

void html_sec_links(page *p)
{
    FILE *out = p->out;
    fprintf(out, "<section id=\"links\" aria-labelledby=\"links-h\">\n<h2 id=\"links-h\">%s</h2>\n",
            word(p->o, "Planens kopplingar", "The plan's links"));
    fprintf(out, "<p class=\"note\">%s</p>\n",
            word(p->o, "Rader: planens strategier. Kolumner: programmen som insatserna nämner (links.programs). "
                       "Varje ruta: antal insatser i strategin som nämner programmet.",
                 "Rows: the plan's strategies. Columns: the programmes the actions name (links.programs). "
                 "Each cell: the number of actions of the strategy that name the programme."));
    for (size_t f = 0; f < p->in->nplans; f++)
        if (!p->in->plans[f].failed && p->in->plan_docs && html_plan_has_links(p->in->plan_docs[f]))
            plan_links(p, &p->in->plans[f], p->in->plan_docs[f], f);
    fputs("</section>\n", out);
}

