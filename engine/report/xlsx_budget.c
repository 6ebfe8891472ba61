/* xlsx_budget.c - `styr budget --format xlsx`: the summary, and the tables
 * of the text report as sheets (the year by year money and FTE against the
 * budget, per owner and year, per funder), with the numbers of the JSON
 * (FORMATS.md section 13) as number cells. */
#include "report_budget.h"

#include <string.h>

#include "internal/budget_words.h"
#include "xlsx_book.h"

static const char *status_word(const styr_book *b, const char *s)
{
    static const struct { const char *key, *sv, *en; } words[] = {
        {"decided", "beslutad", "decided"}, {"requested", "begärd", "requested"},
        {"conditional", "villkorad", "conditional"}, {"projected", "bedömning", "projected"}};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strcmp(s, words[i].key) == 0)
            return b->en ? words[i].en : words[i].sv;
    return s;
}

static void summary(styr_book *b, const styr_budget *bu)
{
    static const char *const sv[] = {"Plan", "Från år", "Till år", "Glapp (kr)", "Glapp (årsarbetskrafter)",
                                     "Glappet: finansiering som upphör", "Illustrativt", NULL};
    static const char *const en[] = {"Plan", "From year", "To year", "Gap (SEK)", "Gap (FTE)",
                                     "The gap: money that ends", "Illustrative", NULL};
    lxw_worksheet *ws = styr_book_sheet(b, "Sammanfattning", "Summary", sv, en);
    double gap_sek = 0, gap_fte = 0;
    for (size_t y = 0; y < bu->nyears; y++) {
        gap_sek += bu->years[y].gap_sek;
        gap_fte += bu->years[y].gap_fte;
    }
    styr_book_text(b, ws, 1, 0, bu->plan);
    styr_book_number(b, ws, 1, 1, bu->from);
    styr_book_number(b, ws, 1, 2, bu->to);
    styr_book_number(b, ws, 1, 3, gap_sek);
    styr_book_number(b, ws, 1, 4, gap_fte);
    char sources[2048];
    styr_book_text(b, ws, 1, 5, budget_gap_sources(sources, sizeof sources, bu, b->en));
    /* made-up figures say so, as the diff workbook's "Illustrativt" does */
    styr_book_text(b, ws, 1, 6, bu->illustrative ? (b->en ? "yes" : "ja") : (b->en ? "no" : "nej"));
    if (ws)
        styr_book_check(b, worksheet_set_column(ws, 0, 0, 40, NULL));
}

static void years(styr_book *b, const styr_budget *bu)
{
    static const char *const sv[] = {"År", "Beslutat (kr)", "Begärt (kr)", "Villkorat (kr)", "Externt (kr)",
                                      "Eget (kr)", "Egna årsarbetskrafter", "Externa årsarbetskrafter",
                                      "Budget (kr)", "Budget: omprioriterade årsarbetskrafter",
                                      "Budget: externa årsarbetskrafter", "Budgetens status", "Glapp (kr)",
                                      "Glapp (årsarbetskrafter)", NULL};
    static const char *const en[] = {"Year", "Decided (SEK)", "Requested (SEK)", "Conditional (SEK)",
                                      "External (SEK)", "Own (SEK)", "Own FTE", "External FTE", "Budget (SEK)",
                                      "Budget: reprioritised FTE", "Budget: external FTE", "Budget status",
                                      "Gap (SEK)", "Gap (FTE)", NULL};
    lxw_worksheet *ws = styr_book_sheet(b, "År", "Years", sv, en);
    for (size_t y = 0; y < bu->nyears; y++) {
        const styr_budget_year *yr = &bu->years[y];
        lxw_row_t r = (lxw_row_t)(y + 1);
        const double v[] = {yr->year, yr->sek.decided, yr->sek.requested, yr->sek.conditional, yr->sek.external,
                            yr->sek.own, yr->fte_own, yr->fte_external};
        for (lxw_col_t c = 0; c < 8; c++)
            styr_book_number(b, ws, r, c, v[c]);
        if (yr->has_budget_sek)   /* as written: a year that leaves it out says nothing */
            styr_book_number(b, ws, r, 8, yr->budget_sek);
        if (yr->has_budget) {
            styr_book_number(b, ws, r, 9, yr->budget_fte_reprioritised);
            styr_book_number(b, ws, r, 10, yr->budget_fte_external);
            styr_book_text(b, ws, r, 11, status_word(b, yr->budget_status ? yr->budget_status : "decided"));
        }
        styr_book_number(b, ws, r, 12, yr->gap_sek);
        styr_book_number(b, ws, r, 13, yr->gap_fte);
    }
}

static void owners(styr_book *b, const styr_budget *bu)
{
    static const char *const sv[] = {"Ansvarig", "Insatser", "År", "Insatser under året", "Kronor",
                                     "Årsarbetskrafter", NULL};
    static const char *const en[] = {"Owner", "Actions", "Year", "Actions in the year", "SEK", "FTE", NULL};
    lxw_worksheet *ws = styr_book_sheet(b, "Per ansvarig", "Per owner", sv, en);
    lxw_row_t r = 1;
    for (size_t i = 0; i < bu->nowners; i++)
        for (size_t y = 0; y < bu->nyears; y++, r++) {
            const styr_budget_owner *ow = &bu->owners[i];
            styr_book_text(b, ws, r, 0, budget_owner_name(ow->owner, b->en));
            styr_book_number(b, ws, r, 1, ow->actions);
            styr_book_number(b, ws, r, 2, ow->years[y].year);
            styr_book_number(b, ws, r, 3, ow->years[y].actions);
            styr_book_number(b, ws, r, 4, ow->years[y].sek);
            styr_book_number(b, ws, r, 5, ow->years[y].fte);
        }
    if (ws)
        styr_book_check(b, worksheet_set_column(ws, 0, 0, 40, NULL));
}

static void funders(styr_book *b, const styr_budget *bu)
{
    static const char *const sv[] = {"Finansiär", "Bidrag", "Till och med", "Kronor", NULL};
    static const char *const en[] = {"Funder", "Grant", "Until", "SEK", NULL};
    lxw_worksheet *ws = styr_book_sheet(b, "Per finansiär", "Per funder", sv, en);
    for (size_t i = 0; i < bu->nfunders; i++) {
        const styr_budget_funder *f = &bu->funders[i];
        lxw_row_t r = (lxw_row_t)(i + 1);
        styr_book_text(b, ws, r, 0, budget_funder_name(f->funder, b->en));
        styr_book_text(b, ws, r, 1, f->external ? (b->en ? "yes" : "ja") : (b->en ? "no" : "nej"));
        styr_book_text(b, ws, r, 2, f->until);
        styr_book_number(b, ws, r, 3, f->sek);
    }
    if (ws)
        styr_book_check(b, worksheet_set_column(ws, 0, 0, 40, NULL));
}

styr_status styr_report_budget_xlsx(const char *path, const styr_budget *bu, const styr_report_opts *o, styr_error *err)
{
    styr_book b;
    if (styr_book_open(&b, path, o, err) < 0)
        return err->code;
    summary(&b, bu);
    years(&b, bu);
    owners(&b, bu);
    funders(&b, bu);
    return styr_book_close(&b);
}
