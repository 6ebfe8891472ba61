/* report_score.c - the reports of `styr score` (text and the JSON of
 * FORMATS.md section 6) and of `styr sensitivity`. Every score is shown with
 * the parts it is made of, so a board can see why an area ranks where it does. */
#include "report_score.h"

#include "csv_dialect.h"

#include <math.h>
#include <string.h>

#include "number_text.h"
#include "json.h"
#include "text.h"
#include "message.h"
#include "termsafe.h"
#include "internal/md.h"

/* The Swedish or English text; a macro so that printf formats stay literal
 * and the compiler checks both. */
#define word(o, sv, en) ((o)->lang == STYR_LANG_EN ? (en) : (sv))

/* 1234567 -> "1 234 567" (Swedish and SI thousands separator). */
static void money(char *buf, size_t cap, double v)
{
    styr_format_thousands(buf, cap, v, " ");
}

/* The line every text and Markdown output carries for made-up data; the
 * file's name goes through the format's escaper (put). */
static void illustrative_line(FILE *out, const styr_score_report *r, const styr_report_opts *o, const char *prefix,
                              void (*put)(FILE *, const char *))
{
    if (!r->illustrative)
        return;
    fprintf(out, word(o, "%sOBS: ", "%sNOTE: "), prefix);
    put(out, r->areas && r->areas->file ? r->areas->file : "areas");
    fputs(word(o, " är illustrativa data (illustrative: true), inte stadens bedömningar eller kostnader.\n",
               " holds illustrative data (illustrative: true), not the city's assessments or costs.\n"),
          out);
}

void styr_report_ranked_count(char *buf, size_t cap, size_t ranked, size_t left_out, const styr_report_opts *o)
{
    snprintf(buf, cap, "%zu %s, %zu %s", ranked,
             ranked == 1 ? word(o, "område rangordnat", "area ranked") : word(o, "områden rangordnade", "areas ranked"),
             left_out, left_out == 1 ? word(o, "uteslutet", "left out") : word(o, "uteslutna", "left out"));
}

static void print_findings(FILE *out, const styr_score_report *r, const styr_report_opts *o)
{
    styr_report_opts fo = *o;
    fo.findings_only = 1;
    if (r->areas && (r->areas->findings.count || r->areas->nrule_errors))
        styr_report_text(out, r->areas, 1, &fo);
    for (size_t k = 0; k < r->nsc; k++)
        if (r->sc[k].failed || r->sc[k].res.findings.count || r->sc[k].res.nrule_errors) {
            if (r->sc[k].failed) {
                styr_file_result fr;
                memset(&fr, 0, sizeof fr);
                fr.file = (char *)r->sc[k].file;
                fr.failed = 1;
                fr.failure = r->sc[k].failure;
                styr_report_text(out, &fr, 1, &fo);
            } else {
                styr_report_text(out, &r->sc[k].res, 1, &fo);
            }
        }
    for (size_t i = 0; r->table && i < r->table->nrule_errors; i++) {
        const styr_error *e = &r->table->rule_errors[i];
        styr_fput_safe(out, e->file);
        if (e->line)
            fprintf(out, ":%u", e->line);
        fputs(word(o, ": fel: ", ": error: "), out);
        styr_fput_safe(out, e->message);
        fputc('\n', out);
    }
}

/* A value of Saaty's scale as people write it: 3, 1/3 (else %g). */
static void saaty_text(char *buf, size_t cap, double v)
{
    double inv = 1 / v;
    if (v < 1 && fabs(inv - round(inv)) < 1e-9)
        snprintf(buf, cap, "1/%.0f", inv);
    else
        snprintf(buf, cap, "%g", v);
}

void styr_report_ahp_warning(char *buf, size_t cap, const styr_ruleset *rs, const styr_weights *w,
                             const styr_report_opts *o)
{
    buf[0] = '\0';
    styr_numtext cr;
    if (w->source != STYR_WEIGHTS_PAIRWISE || !(w->ahp.cr > STYR_MCDA_AHP_CR_WARN))
        return;
    int n = snprintf(buf, cap, word(o, "Varning: de parvisa jämförelserna är inkonsistenta (CR %s, över 0,10): vikterna "
                                       "vilar på bedömningar som motsäger varandra.",
                                    "Warning: the pairwise judgements are inconsistent (CR %s, above 0.10): the weights "
                                    "rest on judgements that contradict each other."),
                     styr_num(&cr, w->ahp.cr, 3, o->lang));
    if (!w->has_fix || n < 0 || (size_t)n >= cap || !rs->model)
        return;
    char from[32], to[32];
    saaty_text(from, sizeof from, w->fix_from);
    /* The judgement to write, as a scenario can hold it: a value below 1 is
     * the pair turned round with its inverse (a scenario takes 9, not 1/9). */
    const char *a = rs->model->crit[w->fix_a].id, *b = rs->model->crit[w->fix_b].id;
    int turn = w->fix_to < 1;
    saaty_text(to, sizeof to, turn ? 1 / w->fix_to : w->fix_to);
    snprintf(buf + n, cap - (size_t)n,
             word(o, " Mest hjälper att ompröva [%s, %s, %s]: skriv [%s, %s, %s] i stället, så blir CR %s.",
                  " Revisiting [%s, %s, %s] helps most: write [%s, %s, %s] instead, and CR becomes %s."),
             a, b, from, turn ? b : a, turn ? a : b, to, styr_num(&cr, w->fix_cr, 3, o->lang));
}

styr_why styr_portfolio_why(const styr_area_table *t, const styr_scored *s, size_t i)
{
    if (!s->chosen)   /* callers ask only of a feasible budget scenario; be safe */
        return (styr_why){STYR_WHY_NO_GAIN, 0, 0};
    styr_why w = {STYR_WHY_CHOSEN, s->chosen[i] != 0, 0};
    unsigned char f = s->forced ? s->forced[i] : 0;
    if (w.in) {
        w.kind = f == STYR_FORCED_IN ? STYR_WHY_FORCED_IN : STYR_WHY_CHOSEN;
        for (size_t k = 0; w.kind == STYR_WHY_CHOSEN && k < t->nneeds; k++)
            if (t->needs[k].b == i && s->chosen[t->needs[k].a]) {
                w.kind = STYR_WHY_REQUIRED_BY;
                w.other = t->needs[k].a;
            }
        return w;
    }
    if (f == STYR_FORCED_OUT || f == STYR_FORCED_BLOCKED) {
        w.kind = f == STYR_FORCED_OUT ? STYR_WHY_FORCED_OUT : STYR_WHY_BLOCKED;
        return w;
    }
    for (size_t k = 0; k < t->nconflicts; k++) {
        const styr_mcda_pair *c = &t->conflicts[k];
        size_t other = c->a == i ? c->b : c->b == i ? c->a : i;
        if (other != i && s->chosen[other]) {
            w.kind = STYR_WHY_CONFLICT;
            w.other = other;
            return w;
        }
    }
    for (size_t k = 0; k < t->nneeds; k++)
        if (t->needs[k].a == i && !s->chosen[t->needs[k].b]) {
            w.kind = STYR_WHY_NEEDS;
            w.other = t->needs[k].b;
            return w;
        }
    const double *cost = s->cost_used ? s->cost_used : t->cost;
    w.kind = cost[i] > styr_portfolio_left(s) ? STYR_WHY_TOO_DEAR : STYR_WHY_NO_GAIN;
    return w;
}

double styr_portfolio_left(const styr_scored *s)
{
    double left = s->budget - s->sel.total_cost;
    return left > 0 ? left : 0;
}

void styr_portfolio_why_text(char *buf, size_t cap, const styr_area_table *t, const styr_scored *s, size_t i,
                             const styr_report_opts *o)
{
    styr_why w = styr_portfolio_why(t, s, i);
    const double *cost = s->cost_used ? s->cost_used : t->cost;
    char c[64], left[64];
    money(c, sizeof c, cost[i]);
    money(left, sizeof left, styr_portfolio_left(s));
    /* score per million kronor: what the budget buys */
    char per[512];
    styr_numtext num;
    if (cost[i] > 0)
        snprintf(per, sizeof per, word(o, "%s poäng per miljon kr", "%s points per million SEK"),
                 styr_num(&num, s->score[i] / cost[i] * 1e6, 3, o->lang));
    else
        snprintf(per, sizeof per, "%s", word(o, "kostar inget", "costs nothing"));
    const char *other = w.kind == STYR_WHY_CONFLICT || w.kind == STYR_WHY_NEEDS || w.kind == STYR_WHY_REQUIRED_BY
                            ? t->ids[w.other] : "";
    switch (w.kind) {
    case STYR_WHY_CHOSEN:
        snprintf(buf, cap, word(o, "med: poäng %s för %s kr (%s) ger mest total poäng inom budgeten",
                                "in: score %s for %s SEK (%s) gives the most total score within the budget"),
                 styr_num(&num, s->score[i], 3, o->lang), c, per);
        break;
    case STYR_WHY_REQUIRED_BY:
        snprintf(buf, cap, word(o, "med: %s, som är med, kräver det (requires); %s kr (%s)",
                                "in: %s, which is in, requires it (requires); %s SEK (%s)"), other, c, per);
        break;
    case STYR_WHY_FORCED_IN:
        snprintf(buf, cap, word(o, "med: scenariot tvingar in det (include); %s kr", "in: the scenario forces it in (include); %s SEK"), c);
        break;
    case STYR_WHY_FORCED_OUT:
        snprintf(buf, cap, "%s", word(o, "ute: scenariot utesluter det (exclude)", "out: the scenario excludes it (exclude)"));
        break;
    case STYR_WHY_BLOCKED:
        snprintf(buf, cap, "%s", word(o, "ute: kräver (requires) ett område som inte rangordnas",
                                      "out: it requires an area that is left out of the ranking"));
        break;
    case STYR_WHY_CONFLICT:
        snprintf(buf, cap, word(o, "ute: kan inte väljas tillsammans med %s (excludes), som är med",
                                "out: cannot be chosen together with %s (excludes), which is in"), other);
        break;
    case STYR_WHY_NEEDS:
        snprintf(buf, cap, word(o, "ute: kräver %s (requires), som inte är med; båda tillsammans ger mindre total poäng",
                                "out: requires %s (requires), which is not in; both together give less total score"), other);
        break;
    case STYR_WHY_TOO_DEAR:
        snprintf(buf, cap, word(o, "ute: kostar %s kr (%s), mer än de %s kr som är kvar; att byta ut valda områden ger mindre total poäng",
                                "out: costs %s SEK (%s), more than the %s SEK left; swapping chosen areas for it gives less total score"),
                 c, per, left);
        break;
    case STYR_WHY_NO_GAIN:
        snprintf(buf, cap, word(o, "ute: ryms i budgeten men höjer inte den totala poängen (%s)",
                                "out: fits in the budget but does not raise the total score (%s)"), per);
        break;
    }
}

static int id_width(const styr_area_table *t);

/* Each area, in rank order, in or out of the portfolio and why. */
static void portfolio_text(FILE *out, const styr_score_report *r, const styr_scored *s, const styr_report_opts *o)
{
    const styr_area_table *t = r->table;
    char b[64], c[64], l[64];
    money(b, sizeof b, s->budget);
    money(c, sizeof c, s->sel.total_cost);
    money(l, sizeof l, styr_portfolio_left(s));
    fprintf(out, word(o, "  Portföljen förklarad (kostnad %s): budget %s kr, valda %s kr, kvar %s kr\n",
                      "  The portfolio explained (%s cost): budget %s SEK, chosen %s SEK, left %s SEK\n"),
            s->net_cost ? word(o, "netto, minus extern finansiering", "net, external funding taken off")
                        : word(o, "brutto", "gross"), b, c, l);
    for (size_t q = 0; q < t->n; q++) {
        size_t i = s->order[q];
        char why[512];
        styr_portfolio_why_text(why, sizeof why, t, s, i, o);
        fprintf(out, "  %4zu  ", s->rank[i]);
        styr_pad(out, t->ids[i], id_width(t));
        fputs("  ", out);
        styr_fput_safe(out, why);
        fputc('\n', out);
    }
}

static const char *method_name(const styr_scored *s, const styr_report_opts *o)
{
    return s->method == STYR_MCDA_TOPSIS ? "TOPSIS" : word(o, "viktad summa", "weighted sum");
}

static void explain_area(FILE *out, const styr_score_report *r, const styr_scored *s, size_t i,
                         const styr_report_opts *o)
{
    const styr_area_table *t = r->table;
    for (size_t j = 0; j < t->m; j++) {
        if (s->weights.w[j] <= 0)
            continue;
        const styr_criterion *c = &r->rs->model->crit[j];
        fputs("        ", out);
        styr_pad(out, c->id, 20);
        styr_numtext x, nv, wv, cv;
        fprintf(out, " %12s -> %s%s x %s = %s\n", styr_num_g(&x, t->x[i * t->m + j], 10, o->lang),
                styr_num(&nv, s->norm[i * t->m + j], 3, o->lang), c->cost && s->method == STYR_MCDA_WEIGHTED_SUM
                                           ? word(o, " (kostnad, inverterad)", " (cost, inverted)") : "",
                styr_num(&wv, s->weights.w[j], 3, o->lang), styr_num(&cv, s->contrib[i * t->m + j], 4, o->lang));
    }
}

/* Width of the id column: the longest id, at least "Område". */
static int id_width(const styr_area_table *t)
{
    int w = 6;   /* "Område" */
    for (size_t i = 0; i < t->n; i++) {
        int d = styr_display_width(t->ids[i], strlen(t->ids[i]));
        if (d > w)
            w = d;
    }
    return w > 60 ? 60 : w;
}

/* Titles are cut to this many columns in text tables (the id beside them
 * stays whole, so a cut title is never ambiguous). */
#define TITLE_COLUMNS 40

/* s cut to at most maxw display columns, with "…" when cut. */
static void cut_text(char *buf, size_t cap, const char *s, int maxw)
{
    size_t len = strlen(s);
    if (styr_display_width(s, len) <= maxw) {
        snprintf(buf, cap, "%s", s);
        return;
    }
    size_t k = 0;
    int w = 0;
    while (k < len) {
        size_t step = 1;
        while (k + step < len && ((unsigned char)s[k + step] & 0xC0) == 0x80)
            step++;
        int cw = styr_display_width(s + k, step);
        if (w + cw > maxw - 1 || k + step + 4 > cap)
            break;
        w += cw;
        k += step;
    }
    snprintf(buf, cap, "%.*s\xE2\x80\xA6", (int)k, s);
}

static int any_title(const styr_area_table *t)
{
    for (size_t i = 0; t->titles && i < t->n; i++)
        if (t->titles[i])
            return 1;
    return 0;
}

/* Width of the title column (0: no area has a title, only ids are shown). */
static int title_width(const styr_area_table *t)
{
    if (!any_title(t))
        return 0;
    int w = 6;   /* "Område", the column's heading ("Area" in English is narrower) */
    for (size_t i = 0; i < t->n; i++) {
        const char *s = t->titles[i] ? t->titles[i] : t->ids[i];
        int d = styr_display_width(s, strlen(s));
        if (d > w)
            w = d;
    }
    return w > TITLE_COLUMNS ? TITLE_COLUMNS : w;
}

/* The area columns of a text table: the title (cut; the id when there is
 * none) when any area has one, then the id. */
static void area_head(FILE *out, const styr_area_table *t, const styr_report_opts *o)
{
    int tw = title_width(t);
    if (tw) {
        styr_pad(out, word(o, "Område", "Area"), tw);
        fputc(' ', out);
        styr_pad(out, "Id", id_width(t));
    } else {
        styr_pad(out, word(o, "Område", "Area"), id_width(t));
    }
}

static void area_cells(FILE *out, const styr_area_table *t, size_t i)
{
    int tw = title_width(t);
    if (tw) {
        char cut[4 * TITLE_COLUMNS + 8];
        cut_text(cut, sizeof cut, t->titles[i] ? t->titles[i] : t->ids[i], tw);
        styr_pad(out, cut, tw);
        fputc(' ', out);
    }
    styr_pad(out, t->ids[i], id_width(t));
}

static void scenario_text(FILE *out, const styr_score_report *r, const styr_scenario_run *sr,
                          const styr_report_opts *o)
{
    const styr_scored *s = &sr->s;
    const styr_area_table *t = r->table;
    styr_numtext num;
    fprintf(out, "\n%s ", "Scenario");
    styr_fput_safe(out, sr->id ? sr->id : sr->file);
    fputs(sr->title ? ": " : "", out);
    styr_fput_safe(out, sr->title);
    fprintf(out, " (%s)\n", method_name(s, o));
    fputs(word(o, "  Vikter:", "  Weights:"), out);
    for (size_t j = 0; j < t->m; j++)
        if (s->weights.w[j] > 0)
        {
            fputc(' ', out);
            styr_fput_safe(out, r->rs->model->crit[j].id);
            fprintf(out, " %s", styr_pct(&num, s->weights.w[j], 1, o->lang, " "));
        }
    fputc('\n', out);
    if (s->weights.source == STYR_WEIGHTS_PAIRWISE && s->weights.ahp_n > 2)
        fprintf(out, word(o, "  Parvisa jämförelser (AHP): CR = %s%s\n", "  Pairwise judgements (AHP): CR = %s%s\n"),
                styr_num(&num, s->weights.ahp.cr, 3, o->lang), s->weights.ahp.cr > STYR_MCDA_AHP_CR_WARN
                                       ? word(o, " (över 0,10: inkonsistent)", " (above 0.10: inconsistent)") : "");
    char warn[1024];
    styr_report_ahp_warning(warn, sizeof warn, r->rs, &s->weights, o);
    if (*warn) {
        fputs("  ", out);
        styr_fput_safe(out, warn);
        fputc('\n', out);
    }
    if (t->n == 0)   /* every area left out (above, with why): no empty table */
        fprintf(out, "  %s\n", word(o, "Inget område kunde rangordnas.", "No area could be ranked."));
    else {
        fprintf(out, "  %4s  ", word(o, "Rang", "Rank"));
        area_head(out, t, o);
        fputc(' ', out);
        styr_pad_left(out, word(o, "Poäng", "Score"), 7);
        fprintf(out, "  %s\n", word(o, "Största bidrag", "Largest contributions"));
    }
    for (size_t k = 0; k < t->n; k++) {
        size_t i = s->order[k];
        fprintf(out, "  %4zu  ", s->rank[i]);
        area_cells(out, t, i);
        fprintf(out, " %7s ", styr_num(&num, s->score[i], 3, o->lang));
        /* the three largest contributions */
        int shown[3] = {-1, -1, -1};
        for (int p = 0; p < 3; p++) {
            double best = 0;
            for (size_t j = 0; j < t->m; j++) {
                double v = s->contrib[i * t->m + j];
                if (v > best && (int)j != shown[0] && (int)j != shown[1]) {
                    best = v;
                    shown[p] = (int)j;
                }
            }
            if (shown[p] >= 0) {
                fputs(p ? " · " : " ", out);
                styr_fput_safe(out, r->rs->model->crit[shown[p]].id);
                fprintf(out, " %s", styr_num(&num, best, 3, o->lang));
            }
        }
        fputc('\n', out);
        if (r->explain)
            explain_area(out, r, s, i, o);
    }
    if (s->has_budget) {
        char b[64], c[64];
        money(b, sizeof b, s->budget);
        if (s->infeasible) {
            fprintf(out, word(o, "  Budget %s kr: ingen möjlig portfölj: ", "  Budget %s SEK: no possible portfolio: "), b);
            styr_fput_safe(out, s->infeasible_reason);
            fputc('\n', out);
        } else {
            money(c, sizeof c, s->sel.total_cost);
            fprintf(out, word(o, "  Budget %s kr: valda", "  Budget %s SEK: chosen"), b);
            int any = 0;
            for (size_t k = 0; k < t->n; k++)
                if (s->chosen[s->order[k]]) {
                    fputc(' ', out);
                    styr_fput_safe(out, t->ids[s->order[k]]);
                    any = 1;
                }
            if (!any)   /* a budget too small for any area: said, not left blank */
                fputs(word(o, " inga områden", " no area"), out);
            fprintf(out, word(o, "; kostnad %s kr, poäng %s (%s)\n", "; cost %s SEK, score %s (%s)\n"), c,
                    styr_num(&num, s->sel.total_score, 3, o->lang), s->sel.proven_optimal ? word(o, "optimalt", "optimal")
                                                              : word(o, "bästa funna, ej bevisat optimalt", "best found, not proven optimal"));
            portfolio_text(out, r, s, o);
        }
    }
}

void styr_report_score_text(FILE *out, const styr_score_report *r, const styr_report_opts *o)
{
    print_findings(out, r, o);
    const styr_area_table *t = r->table;
    if (!t)
        return;
    styr_fput_safe(out, r->areas ? r->areas->file : "areas");
    char count[160];
    styr_report_ranked_count(count, sizeof count, t->n, t->nexcluded, o);
    fprintf(out, ": %s\n", count);
    illustrative_line(out, r, o, "", styr_put_safe);
    for (size_t e = 0; e < t->nexcluded; e++) {
        fputs(word(o, "  uteslutet: ", "  left out: "), out);
        if (t->excluded[e].title) {
            styr_fput_safe(out, t->excluded[e].title);
            fputs(" (", out);
            styr_fput_safe(out, t->excluded[e].area);
            fputc(')', out);
        } else {
            styr_fput_safe(out, t->excluded[e].area);
        }
        fputs(": ", out);
        styr_fput_safe(out, t->excluded[e].reason);
        fputc('\n', out);
    }
    const styr_scenario_run *first = NULL;
    size_t scored = 0;
    for (size_t k = 0; k < r->nsc; k++) {
        if (!r->sc[k].scored) {
            fputs("\nScenario ", out);
            styr_fput_safe(out, r->sc[k].file);
            fputs(word(o, " poängsattes inte: rätta felen ovan.\n", " was not scored: fix the errors above.\n"), out);
            continue;
        }
        scenario_text(out, r, &r->sc[k], o);
        if (!first)
            first = &r->sc[k];
        scored++;
    }
    if (scored < 2 || t->n == 0)
        return;
    fputs(word(o, "\nRang per scenario (förändring mot ", "\nRank by scenario (change against "), out);
    styr_fput_safe(out, first->id ? first->id : first->file);
    fputs("):\n", out);
    fputs("  ", out);
    area_head(out, t, o);
    for (size_t k = 0; k < r->nsc; k++)
        if (r->sc[k].scored) {
            fputc(' ', out);
            styr_pad_left(out, r->sc[k].id ? r->sc[k].id : r->sc[k].file, 20);
        }
    fputc('\n', out);
    for (size_t q = 0; q < t->n; q++) {
        size_t i = first->s.order[q];
        fputs("  ", out);
        area_cells(out, t, i);
        for (size_t k = 0; k < r->nsc; k++) {
            if (!r->sc[k].scored)
                continue;
            long move = (long)first->s.rank[i] - (long)r->sc[k].s.rank[i];
            char cell[32];
            if (&r->sc[k] == first || move == 0)
                snprintf(cell, sizeof cell, "%zu", r->sc[k].s.rank[i]);
            else
                snprintf(cell, sizeof cell, "%zu (%+ld)", r->sc[k].s.rank[i], move);
            fprintf(out, " %20s", cell);
        }
        fputc('\n', out);
    }
}

static void json_findings(FILE *out, const styr_score_report *r)
{
    fputs("  \"findings\": [", out);
    int any = 0;
    if (r->areas)
        for (size_t i = 0; i < r->areas->findings.count; i++) {
            fputs(any++ ? ",\n    " : "\n    ", out);
            styr_report_json_finding(out, &r->areas->findings.items[i], "area", r->areas->file);
        }
    for (size_t k = 0; k < r->nsc; k++)
        for (size_t i = 0; i < r->sc[k].res.findings.count; i++) {
            fputs(any++ ? ",\n    " : "\n    ", out);
            styr_report_json_finding(out, &r->sc[k].res.findings.items[i], "area", r->sc[k].file);
        }
    fputs(any ? "\n  ],\n" : "],\n", out);
    fputs("  \"errors\": [", out);
    any = 0;
    for (size_t k = 0; k < r->nsc; k++)
        if (r->sc[k].failed) {
            fputs(any++ ? ", " : "", out);
            fputs("{\"file\": ", out);
            styr_json_string(out, r->sc[k].failure.file[0] ? r->sc[k].failure.file : r->sc[k].file);
            fprintf(out, ", \"line\": %u, \"column\": %u, \"message\": ", r->sc[k].failure.line, r->sc[k].failure.column);
            styr_json_string(out, r->sc[k].failure.message);
            fputc('}', out);
        }
    for (size_t i = 0; r->table && i < r->table->nrule_errors; i++) {
        const styr_error *e = &r->table->rule_errors[i];
        fputs(any++ ? ", " : "", out);
        fputs("{\"file\": ", out);
        styr_json_string(out, e->file);
        fprintf(out, ", \"line\": %u, \"column\": %u, \"message\": ", e->line, e->column);
        styr_json_string(out, e->message);
        fputc('}', out);
    }
    fputs("],\n", out);
    fputs("  \"excluded\": [", out);
    for (size_t e = 0; r->table && e < r->table->nexcluded; e++) {
        fputs(e ? ",\n    {\"area\": " : "\n    {\"area\": ", out);
        styr_json_string(out, r->table->excluded[e].area);
        fputs(", \"title\": ", out);
        styr_json_string(out, r->table->excluded[e].title);
        fputs(", \"reason\": ", out);
        styr_json_string(out, r->table->excluded[e].reason);
        fputc('}', out);
    }
    fputs(r->table && r->table->nexcluded ? "\n  ]" : "]", out);
}

static void json_weights(FILE *out, const styr_ruleset *rs, const double *w, size_t m)
{
    fputc('{', out);
    for (size_t j = 0; j < m; j++) {
        fputs(j ? ", " : "", out);
        styr_json_string(out, rs->model->crit[j].id);
        fputs(": ", out);
        styr_json_number(out, w[j]);
    }
    fputc('}', out);
}

static void json_header(FILE *out, const styr_score_report *r, const styr_report_opts *o)
{
    styr_report_json_head(out, o);
    fputs(",\n  \"model\": ", out);
    styr_json_string(out, r->rs->model ? r->rs->model->id : NULL);
    fputs(",\n  \"areas_file\": ", out);
    styr_json_string(out, r->areas ? r->areas->file : NULL);
    fprintf(out, ",\n  \"illustrative\": %s", r->illustrative ? "true" : "false");
    fputs(",\n", out);
}

void styr_report_score_json(FILE *out, const styr_score_report *r, const styr_report_opts *o)
{
    json_header(out, r, o);
    json_findings(out, r);
    fputs(",\n  \"scenarios\": [", out);
    const styr_area_table *t = r->table;
    const styr_scenario_run *first = NULL;
    int any = 0;
    for (size_t k = 0; k < r->nsc; k++) {
        const styr_scenario_run *sr = &r->sc[k];
        if (!sr->scored || !t)
            continue;
        if (!first)
            first = sr;
        const styr_scored *s = &sr->s;
        fputs(any++ ? ",\n    {" : "\n    {", out);
        fputs("\"id\": ", out);
        styr_json_string(out, sr->id);
        fputs(", \"title\": ", out);
        styr_json_string(out, sr->title);
        fputs(", \"file\": ", out);
        styr_json_string(out, sr->file);
        fprintf(out, ", \"method\": \"%s\",\n      \"weights\": ", s->method == STYR_MCDA_TOPSIS ? "topsis" : "weighted-sum");
        json_weights(out, r->rs, s->weights.w, t->m);
        fputs(",\n      \"consistency_ratio\": ", out);
        if (s->weights.source == STYR_WEIGHTS_PAIRWISE)
            styr_json_number(out, s->weights.ahp.cr);
        else
            fputs("null", out);
        if (s->weights.has_fix) {
            /* the judgement whose change lowers CR most, as the file writes it */
            fputs(",\n      \"consistency_hint\": {\"judgement\": [", out);
            styr_json_string(out, r->rs->model->crit[s->weights.fix_a].id);
            fputs(", ", out);
            styr_json_string(out, r->rs->model->crit[s->weights.fix_b].id);
            fputs(", ", out);
            styr_json_number(out, s->weights.fix_from);
            fputs("], \"suggested\": ", out);
            styr_json_number(out, s->weights.fix_to);
            fputs(", \"consistency_ratio_after\": ", out);
            styr_json_number(out, s->weights.fix_cr);
            fputc('}', out);
        }
        fputs(",\n      \"ranking\": [", out);
        for (size_t q = 0; q < t->n; q++) {
            size_t i = s->order[q];
            fprintf(out, "%s{\"rank\": %zu, \"area\": ", q ? ",\n        " : "\n        ", s->rank[i]);
            styr_json_string(out, t->ids[i]);
            fputs(", \"title\": ", out);
            styr_json_string(out, t->titles ? t->titles[i] : NULL);
            fputs(", \"score\": ", out);
            styr_json_number(out, s->score[i]);
            fputs(", \"contributions\": ", out);
            json_weights(out, r->rs, s->contrib + i * t->m, t->m);
            if (first != sr)
                fprintf(out, ", \"movement\": %ld", (long)first->s.rank[i] - (long)s->rank[i]);
            if (r->explain) {
                fputs(", \"explain\": {", out);
                for (size_t j = 0; j < t->m; j++) {
                    fputs(j ? ", " : "", out);
                    styr_json_string(out, r->rs->model->crit[j].id);
                    fputs(": {\"value\": ", out);
                    styr_json_number(out, t->x[i * t->m + j]);
                    fputs(", \"normalised\": ", out);
                    styr_json_number(out, s->norm[i * t->m + j]);
                    fputs(", \"weight\": ", out);
                    styr_json_number(out, s->weights.w[j]);
                    fputs(", \"contribution\": ", out);
                    styr_json_number(out, s->contrib[i * t->m + j]);
                    fputc('}', out);
                }
                fputc('}', out);
            }
            fputc('}', out);
        }
        fputs(t->n ? "\n      ]" : "]", out);
        if (s->has_budget) {
            fputs(",\n      \"selection\": {\"budget_sek\": ", out);
            styr_json_number(out, s->budget);
            fprintf(out, ", \"cost_basis\": \"%s\"", s->net_cost ? "net" : "gross");
            if (s->infeasible) {
                fputs(", \"feasible\": false, \"reason\": ", out);
                styr_json_string(out, s->infeasible_reason);
                fputs(", \"selected\": []", out);
            } else {
                fputs(", \"feasible\": true, \"selected\": [", out);
                int c = 0;
                for (size_t q = 0; q < t->n; q++)
                    if (s->chosen[s->order[q]]) {
                        fputs(c++ ? ", " : "", out);
                        styr_json_string(out, t->ids[s->order[q]]);
                    }
                fputs("], \"total_cost_sek\": ", out);
                styr_json_number(out, s->sel.total_cost);
                fputs(", \"total_score\": ", out);
                styr_json_number(out, s->sel.total_score);
                fprintf(out, ", \"optimal\": %s", s->sel.proven_optimal ? "true" : "false");
            }
            fputc('}', out);
        }
        fputs("\n    }", out);
    }
    fputs(any ? "\n  ]\n}\n" : "]\n}\n", out);
}

/* ---- sensitivity ------------------------------------------------------- */

void styr_report_sensitivity_text(FILE *out, const styr_sensitivity *s, const styr_report_opts *o)
{
    const styr_score_report *r = s->base;
    print_findings(out, r, o);
    const styr_area_table *t = r->table;
    const styr_scenario_run *sr = &r->sc[s->scenario];
    if (!t || !sr->scored || !s->acceptability)
        return;
    size_t n = t->n, cols = n < 8 ? n : 8;
    styr_numtext num;
    illustrative_line(out, r, o, "", styr_put_safe);
    fputs(word(o, "Känslighet för scenario ", "Sensitivity of scenario "), out);
    styr_fput_safe(out, sr->id ? sr->id : sr->file);
    fprintf(out, word(o, ": %llu viktvektorer (frö %llu), %s\n", ": %llu weight samples (seed %llu), %s\n"),
            (unsigned long long)s->samples, (unsigned long long)s->seed,
            s->spread < 0 ? word(o, "likformigt över alla viktningar av scenariots kriterier",
                                 "uniform over all weightings of the scenario's criteria")
                          : word(o, "inom ± spridning kring scenariots vikter", "within ± spread around the scenario's weights"));
    if (s->spread >= 0)
        fprintf(out, word(o, "  spridning: %s\n", "  spread: %s\n"), styr_num(&num, s->spread, 3, o->lang));
    fputs(word(o, "Sannolikhet (%) för varje rang; områdena i scenariots ordning:\n",
               "Probability (%) of each rank; areas in the scenario's order:\n"), out);
    fputs("  ", out);
    area_head(out, t, o);
    for (size_t c = 0; c < cols; c++)
        fprintf(out, " %5zu", c + 1);
    if (n > cols) {
        fputc(' ', out);
        styr_pad_left(out, word(o, "övriga", "rest"), 6);
    }
    fprintf(out, "  %s\n", word(o, "konfidens", "confidence"));
    for (size_t q = 0; q < n; q++) {
        size_t i = sr->s.order[q];
        fputs("  ", out);
        area_cells(out, t, i);
        double rest = 0;
        for (size_t c = 0; c < n; c++) {
            double p = s->acceptability[i * n + c];
            if (c < cols)
                fprintf(out, " %5s", styr_num(&num, 100 * p, 1, o->lang));
            else
                rest += p;
        }
        if (n > cols)
            fprintf(out, " %6s", styr_num(&num, 100 * rest, 1, o->lang));
        fprintf(out, "  %5s\n", styr_num(&num, s->confidence[i], 2, o->lang));
    }
    fputs(word(o, "Centrala vikter (typisk viktning som gör området bäst):\n",
               "Central weights (the typical weighting that makes the area best):\n"), out);
    for (size_t q = 0; q < n; q++) {
        size_t i = sr->s.order[q];
        if (s->acceptability[i * n] <= 0)
            continue;
        fputs("  ", out);
        area_cells(out, t, i);
        for (size_t j = 0; j < t->m; j++)
            if (s->central[i * t->m + j] >= 0.005) {
                fputc(' ', out);
                styr_fput_safe(out, r->rs->model->crit[j].id);
                fprintf(out, " %s", styr_num(&num, s->central[i * t->m + j], 2, o->lang));
            }
        fputc('\n', out);
    }
}

void styr_report_sensitivity_json(FILE *out, const styr_sensitivity *s, const styr_report_opts *o)
{
    const styr_score_report *r = s->base;
    const styr_area_table *t = r->table;
    const styr_scenario_run *sr = &r->sc[s->scenario];
    json_header(out, r, o);
    json_findings(out, r);
    fprintf(out, ",\n  \"samples\": %llu,\n  \"seed\": %llu,\n  \"scenario\": ", (unsigned long long)s->samples,
            (unsigned long long)s->seed);
    styr_json_string(out, sr->id);
    fprintf(out, ",\n  \"sampling\": \"%s\"", s->spread < 0 ? "simplex" : "spread");
    if (s->spread >= 0) {
        fputs(", \"spread\": ", out);
        styr_json_number(out, s->spread);
    }
    fputs(",\n  \"rank_acceptability\": {", out);
    size_t n = t && sr->scored && s->acceptability ? t->n : 0;
    for (size_t q = 0; q < n; q++) {
        size_t i = sr->s.order[q];
        fputs(q ? ",\n    " : "\n    ", out);
        styr_json_string(out, t->ids[i]);
        fputs(": [", out);
        for (size_t c = 0; c < n; c++) {
            fputs(c ? ", " : "", out);
            styr_json_number(out, s->acceptability[i * n + c]);
        }
        fputc(']', out);
    }
    fputs(n ? "\n  },\n  \"central_weights\": {" : "},\n  \"central_weights\": {", out);
    for (size_t q = 0; q < n; q++) {
        size_t i = sr->s.order[q];
        fputs(q ? ",\n    " : "\n    ", out);
        styr_json_string(out, t->ids[i]);
        fputs(": ", out);
        json_weights(out, r->rs, s->central + i * t->m, t->m);
    }
    fputs(n ? "\n  },\n  \"confidence\": {" : "},\n  \"confidence\": {", out);
    for (size_t q = 0; q < n; q++) {
        size_t i = sr->s.order[q];
        fputs(q ? ", " : "", out);
        styr_json_string(out, t->ids[i]);
        fputs(": ", out);
        styr_json_number(out, s->confidence[i]);
    }
    /* What a person reads beside each id (null: the area has no title). */
    fputs("},\n  \"titles\": {", out);
    for (size_t q = 0; q < n; q++) {
        size_t i = sr->s.order[q];
        fputs(q ? ", " : "", out);
        styr_json_string(out, t->ids[i]);
        fputs(": ", out);
        styr_json_string(out, t->titles ? t->titles[i] : NULL);
    }
    fputs("}\n}\n", out);
}

/* ---- Markdown and CSV --------------------------------------------------- */

/* "Title (id)" in a Markdown cell, or the id alone. */
static void md_area(FILE *out, const styr_area_table *t, size_t i)
{
    if (t->titles && t->titles[i]) {
        md_text(out, t->titles[i]);
        fputs(" (", out);
        md_text(out, t->ids[i]);
        fputc(')', out);
    } else {
        md_text(out, t->ids[i]);
    }
}

void styr_report_score_markdown(FILE *out, const styr_score_report *r, const styr_report_opts *o)
{
    const styr_area_table *t = r->table;
    fprintf(out, "# %s\n\n", word(o, "Prioritering av innovationsområden", "Prioritising innovation areas"));
    if (!t)
        return;
    char count[160];
    styr_report_ranked_count(count, sizeof count, t->n, t->nexcluded, o);
    fprintf(out, "%s.\n", count);
    illustrative_line(out, r, o, "\n> ", md_text);
    for (size_t e = 0; e < t->nexcluded; e++) {
        fputs("- **", out);
        if (t->excluded[e].title) {
            md_text(out, t->excluded[e].title);
            fputs(" (", out);
            md_text(out, t->excluded[e].area);
            fputc(')', out);
        } else {
            md_text(out, t->excluded[e].area);
        }
        fputs("**: ", out);
        md_text(out, t->excluded[e].reason);
        fputc('\n', out);
    }
    for (size_t k = 0; k < r->nsc; k++) {
        const styr_scenario_run *sr = &r->sc[k];
        fputs("\n## ", out);
        md_text(out, sr->id ? sr->id : sr->file);
        if (sr->title) {
            fputs(": ", out);
            md_text(out, sr->title);
        }
        fputs("\n\n", out);
        if (!sr->scored) {
            fputs(word(o, "Poängsattes inte (se fynden).\n", "Not scored (see the findings).\n"), out);
            continue;
        }
        const styr_scored *s = &sr->s;
        styr_numtext num;
        fprintf(out, "%s: %s.", word(o, "Metod", "Method"), method_name(s, o));
        fputs(word(o, " Vikter:", " Weights:"), out);
        for (size_t j = 0; j < t->m; j++)
            if (s->weights.w[j] > 0)
            {
                fputc(' ', out);
                md_text(out, r->rs->model->crit[j].id);
                fprintf(out, " %s", styr_pct(&num, s->weights.w[j], 1, o->lang, " "));
            }
        fputs("\n\n", out);
        fprintf(out, "| %s | %s | %s |", word(o, "Rang", "Rank"), word(o, "Område", "Area"), word(o, "Poäng", "Score"));
        for (size_t j = 0; j < t->m; j++)
            if (s->weights.w[j] > 0)
            {
                fputc(' ', out);
                md_text(out, r->rs->model->crit[j].id);
                fputs(" |", out);
            }
        fputs("\n|---:|---|---:|", out);
        for (size_t j = 0; j < t->m; j++)
            if (s->weights.w[j] > 0)
                fputs("---:|", out);
        fputc('\n', out);
        for (size_t q = 0; q < t->n; q++) {
            size_t i = s->order[q];
            const char *bold = s->has_budget && s->chosen && s->chosen[i] ? "**" : "";
            fprintf(out, "| %zu | %s", s->rank[i], bold);
            md_area(out, t, i);
            fprintf(out, "%s | %s |", bold, styr_num(&num, s->score[i], 3, o->lang));
            for (size_t j = 0; j < t->m; j++)
                if (s->weights.w[j] > 0)
                    fprintf(out, " %s |", styr_num(&num, s->contrib[i * t->m + j], 3, o->lang));
            fputc('\n', out);
        }
        if (s->has_budget) {
            if (s->infeasible) {
                fprintf(out, word(o, "\nBudget: ingen möjlig portfölj: ", "\nBudget: no possible portfolio: "));
                md_text(out, s->infeasible_reason);
                fputc('\n', out);
            } else {
                char b[64], c[64];
                money(b, sizeof b, s->budget);
                money(c, sizeof c, s->sel.total_cost);
                fprintf(out, word(o, "\nInom budgeten %s kr väljs de **fetstilta** områdena: kostnad %s kr, poäng %s.\n",
                                  "\nWithin the budget of %s SEK the areas in **bold** are chosen: cost %s SEK, score %s.\n"),
                        b, c, styr_num(&num, s->sel.total_score, 3, o->lang));
                /* why each area is in or out */
                fprintf(out, "\n| %s | %s | %s |\n|---:|---|---|\n", word(o, "Rang", "Rank"), word(o, "Område", "Area"),
                        word(o, "Varför med eller ute", "Why in or out"));
                for (size_t q = 0; q < t->n; q++) {
                    size_t i = s->order[q];
                    char why[512];
                    styr_portfolio_why_text(why, sizeof why, t, s, i, o);
                    fprintf(out, "| %zu | ", s->rank[i]);
                    md_area(out, t, i);
                    fputs(" | ", out);
                    md_text(out, why);
                    fputs(" |\n", out);
                }
            }
        }
    }
}

void styr_report_score_csv(FILE *out, const styr_score_report *r, const styr_report_opts *o)
{
    const styr_area_table *t = r->table;
    if (!t || !r->rs->model)
        return;
    styr_csv c;
    styr_csv_begin(&c, out, o->lang);   /* ';' and a decimal comma for Swedish Excel */
    static const char *const head[] = {"scenario", "rank", "area", "score", "selected", NULL};
    for (int h = 0; head[h]; h++)
        styr_csv_text(&c, head[h]);
    for (size_t j = 0; j < t->m; j++)
        styr_csv_text(&c, r->rs->model->crit[j].id);
    styr_csv_text(&c, "illustrative");   /* every row says whether its data are made up */
    styr_csv_text(&c, "title");          /* last, so that the columns before it keep their places */
    styr_csv_end_row(&c);
    for (size_t k = 0; k < r->nsc; k++) {
        const styr_scenario_run *sr = &r->sc[k];
        if (!sr->scored)
            continue;
        const styr_scored *s = &sr->s;
        for (size_t q = 0; q < t->n; q++) {
            size_t i = s->order[q];
            styr_csv_text(&c, sr->id ? sr->id : sr->file);
            styr_csv_count(&c, s->rank[i]);
            styr_csv_text(&c, t->ids[i]);
            styr_csv_number(&c, s->score[i], 6);
            styr_csv_text(&c, s->has_budget && !s->infeasible ? (s->chosen[i] ? "1" : "0") : "");
            for (size_t j = 0; j < t->m; j++)
                styr_csv_number(&c, s->contrib[i * t->m + j], 6);
            styr_csv_text(&c, r->illustrative ? "true" : "false");
            styr_csv_text(&c, t->titles ? t->titles[i] : NULL);
            styr_csv_end_row(&c);
        }
    }
}

void styr_report_sensitivity_markdown(FILE *out, const styr_sensitivity *s, const styr_report_opts *o)
{
    const styr_score_report *r = s->base;
    const styr_area_table *t = r->table;
    const styr_scenario_run *sr = &r->sc[s->scenario];
    fprintf(out, "# %s ", word(o, "Känslighet för scenario", "Sensitivity of scenario"));
    md_text(out, sr->id ? sr->id : sr->file);
    fputs("\n\n", out);
    if (r->illustrative) {
        illustrative_line(out, r, o, "> ", md_text);
        fputc('\n', out);
    }
    if (!t || !sr->scored || !s->acceptability)
        return;
    size_t n = t->n;
    styr_numtext num;
    fprintf(out, word(o, "%llu viktvektorer, frö %llu. Sannolikhet (%%) för varje rang.\n\n",
                      "%llu weight samples, seed %llu. Probability (%%) of each rank.\n\n"),
            (unsigned long long)s->samples, (unsigned long long)s->seed);
    fprintf(out, "| %s |", word(o, "Område", "Area"));
    for (size_t c = 0; c < n; c++)
        fprintf(out, " %zu |", c + 1);
    fprintf(out, " %s |\n|---|", word(o, "Konfidens", "Confidence"));
    for (size_t c = 0; c <= n; c++)
        fputs("---:|", out);
    fputc('\n', out);
    for (size_t q = 0; q < n; q++) {
        size_t i = sr->s.order[q];
        fputs("| ", out);
        md_area(out, t, i);
        fputs(" |", out);
        for (size_t c = 0; c < n; c++)
            fprintf(out, " %s |", styr_num(&num, 100 * s->acceptability[i * n + c], 1, o->lang));
        fprintf(out, " %s |\n", styr_num(&num, s->confidence[i], 2, o->lang));
    }
}

void styr_report_sensitivity_csv(FILE *out, const styr_sensitivity *s, const styr_report_opts *o)
{
    const styr_score_report *r = s->base;
    const styr_area_table *t = r->table;
    const styr_scenario_run *sr = &r->sc[s->scenario];
    if (!t || !sr->scored || !s->acceptability)
        return;
    size_t n = t->n;
    styr_csv c;
    char name[160];
    styr_csv_begin(&c, out, o->lang);
    styr_csv_text(&c, "area");
    styr_csv_text(&c, "confidence");
    for (size_t k = 0; k < n; k++) {
        snprintf(name, sizeof name, "rank_%zu", k + 1);
        styr_csv_text(&c, name);
    }
    for (size_t j = 0; j < t->m; j++) {
        snprintf(name, sizeof name, "central_%s", r->rs->model->crit[j].id);
        styr_csv_text(&c, name);
    }
    styr_csv_text(&c, "illustrative");
    styr_csv_text(&c, "title");
    styr_csv_end_row(&c);
    for (size_t q = 0; q < n; q++) {
        size_t i = sr->s.order[q];
        styr_csv_text(&c, t->ids[i]);
        styr_csv_number(&c, s->confidence[i], 6);
        for (size_t k = 0; k < n; k++)
            styr_csv_number(&c, s->acceptability[i * n + k], 6);
        for (size_t j = 0; j < t->m; j++)
            styr_csv_number(&c, s->central[i * t->m + j], 6);
        styr_csv_text(&c, r->illustrative ? "true" : "false");
        styr_csv_text(&c, t->titles ? t->titles[i] : NULL);
        styr_csv_end_row(&c);
    }
}
