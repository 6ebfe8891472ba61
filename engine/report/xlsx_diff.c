/* xlsx_diff.c - `styr diff --format xlsx`: a summary sheet, one row a
 * changed field (an added or removed action is one row without a field;
 * what changed outside the actions has the change "plan"), and one row a
 * finding the new version adds or fixes (FORMATS.md section 12). */
#include "report_diff.h"

#include <stdlib.h>
#include <string.h>

#include "xlsx_book.h"
#include "report_lost.h"

static void summary(styr_book *b, const styr_diff *d)
{
    static const char *const sv[] = {"Gammal version", "Ny version", "Sort", "Illustrativt", "Nya", "Borttagna",
                                     "Omnumrerade", "Ändrade", "Oförändrade", "Pengar före (kr)",
                                     "Pengar efter (kr)", "Förändring (kr)", "Nya fynd", "Åtgärdade fynd", NULL};
    static const char *const en[] = {"Old version", "New version", "Kind", "Illustrative", "Added", "Removed",
                                     "Renumbered", "Changed", "Unchanged", "Money before (SEK)",
                                     "Money after (SEK)", "Change (SEK)", "New findings", "Fixed findings", NULL};
    lxw_worksheet *ws = styr_book_sheet(b, "Sammanfattning", "Summary", sv, en);
    double mo = 0, mn = 0;
    for (size_t i = 0; i < d->nitems; i++) {
        mo += d->items[i].money_old;
        mn += d->items[i].money_new;
    }
    styr_book_text(b, ws, 1, 0, d->old_res.file);
    styr_book_text(b, ws, 1, 1, d->new_res.file);
    styr_book_text(b, ws, 1, 2, d->kind);
    styr_book_text(b, ws, 1, 3, d->illustrative_old || d->illustrative_new ? (b->en ? "yes" : "ja") : (b->en ? "no" : "nej"));
    const double v[] = {(double)styr_diff_count(d, STYR_DIFF_ADDED), (double)styr_diff_count(d, STYR_DIFF_REMOVED),
                        (double)styr_diff_count(d, STYR_DIFF_RENUMBERED), (double)styr_diff_count(d, STYR_DIFF_CHANGED),
                        (double)styr_diff_count(d, STYR_DIFF_UNCHANGED), mo, mn, mn - mo,
                        (double)d->nfound_new, (double)d->nfound_fixed};
    for (lxw_col_t k = 0; k < 10; k++)
        styr_book_number(b, ws, 1, (lxw_col_t)(4 + k), v[k]);
    if (ws)
        styr_book_check(b, worksheet_set_column(ws, 0, 1, 36, NULL));
}

/* A value as a cell: a number as a number, a text as itself, a list or a
 * mapping as its JSON; nothing for no value. */
static void value(styr_book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const styr_node *v)
{
    if (!v || styr_node_is_null(v))
        return;
    if (v->kind == STYR_NODE_SCALAR && v->stype == STYR_SCALAR_INT) {
        styr_book_number(b, ws, r, c, (double)v->v.i);
        return;
    }
    if (v->kind == STYR_NODE_SCALAR && v->stype == STYR_SCALAR_FLOAT) {
        styr_book_number(b, ws, r, c, v->v.f);
        return;
    }
    if (v->kind == STYR_NODE_SCALAR && v->stype != STYR_SCALAR_BOOL) {
        styr_book_text(b, ws, r, c, v->u.text);
        return;
    }
    char *buf = styr_diff_json_text(v);
    if (!buf) {
        styr_report_lost();   /* the cell would be empty where the value changed */
        return;
    }
    styr_book_text(b, ws, r, c, buf);
    free(buf);
}

static const char *kind_word(const styr_book *b, styr_diff_kind k)
{
    static const char *const sv[] = {"oförändrad", "ändrad", "omnumrerad", "ny", "borttagen"};
    static const char *const en[] = {"unchanged", "changed", "renumbered", "added", "removed"};
    return b->en ? en[k] : sv[k];
}

static const char *title_of(const styr_diff_item *it)
{
    const styr_node *n = it->new_ ? it->new_ : it->old;
    const styr_node *t = n && n->kind == STYR_NODE_MAP ? styr_map_get(n, "title", 5) : NULL;
    return t && t->kind == STYR_NODE_SCALAR && !styr_node_is_null(t) ? t->u.text : NULL;
}

static void changes(styr_book *b, const styr_diff *d)
{
    static const char *const sv[] = {"Ändring", "Gammalt id", "Nytt id", "Rubrik", "Likhet", "Fält", "Före",
                                     "Efter", NULL};
    static const char *const en[] = {"Change", "Old id", "New id", "Title", "Similarity", "Field", "Before",
                                     "After", NULL};
    lxw_worksheet *ws = styr_book_sheet(b, "Ändringar", "Changes", sv, en);
    lxw_row_t r = 1;
    for (size_t i = 0; i < d->nitems; i++) {
        const styr_diff_item *it = &d->items[i];
        if (it->kind == STYR_DIFF_UNCHANGED)
            continue;
        for (size_t k = 0; k < (it->nfields ? it->nfields : 1); k++, r++) {
            styr_book_text(b, ws, r, 0, kind_word(b, it->kind));
            styr_book_text(b, ws, r, 1, it->old_id);
            styr_book_text(b, ws, r, 2, it->new_id);
            styr_book_text(b, ws, r, 3, title_of(it));
            if (it->old && it->new_)
                styr_book_number(b, ws, r, 4, it->similarity);
            if (!it->nfields)
                continue;
            styr_book_text(b, ws, r, 5, it->fields[k].path);
            value(b, ws, r, 6, it->fields[k].old);
            value(b, ws, r, 7, it->fields[k].new_);
        }
    }
    for (size_t k = 0; k < d->ntop; k++, r++) {
        styr_book_text(b, ws, r, 0, b->en ? "plan" : "planen");
        styr_book_text(b, ws, r, 5, d->top[k].path);
        value(b, ws, r, 6, d->top[k].old);
        value(b, ws, r, 7, d->top[k].new_);
    }
    if (ws) {
        styr_book_check(b, worksheet_set_column(ws, 3, 3, 50, NULL));
        styr_book_check(b, worksheet_set_column(ws, 5, 7, 30, NULL));
    }
}

styr_status styr_report_diff_xlsx(const char *path, const styr_diff *d, const styr_report_opts *o, styr_error *err)
{
    styr_book b;
    if (styr_book_open(&b, path, o, err) < 0)
        return err->code;
    summary(&b, d);
    changes(&b, d);
    lxw_worksheet *ws = styr_book_findings_sheet(&b, "Ny eller åtgärdad", "New or fixed");
    lxw_row_t r = 1;
    for (size_t i = 0; i < d->nfound_new; i++, r++) {
        styr_book_text(&b, ws, r, 0, b.en ? "new" : "ny");
        styr_book_finding(&b, ws, r, 1, d->new_res.file, d->found_new[i]);
    }
    for (size_t i = 0; i < d->nfound_fixed; i++, r++) {
        styr_book_text(&b, ws, r, 0, b.en ? "fixed" : "åtgärdad");
        styr_book_finding(&b, ws, r, 1, d->old_res.file, d->found_fixed[i]);
    }
    for (size_t i = 0; i < d->old_res.nrule_errors; i++)
        styr_book_rule_error(&b, ws, r++, 1, d->old_res.file, &d->old_res.rule_errors[i]);
    for (size_t i = 0; i < d->new_res.nrule_errors; i++)
        styr_book_rule_error(&b, ws, r++, 1, d->new_res.file, &d->new_res.rule_errors[i]);
    return styr_book_close(&b);
}
