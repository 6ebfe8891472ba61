/* xlsx_score.c - `styr score --format xlsx`: the ranking of every scenario,
 * the findings of the areas file and the scenarios (one row each, with what
 * to do) and a summary sheet, written with libxlsxwriter. */
#include "xlsx_score.h"

#include <string.h>

#include <xlsxwriter.h>

#include "xlsx_book.h"

typedef struct book {
    lxw_workbook *wb;
    lxw_format *bold;
    styr_error *err;
    const char *path;
    int failed;
    int en;   /* English messages */
} book;

static void check(book *b, lxw_error e)
{
    if (e == LXW_NO_ERROR || b->failed)
        return;
    b->failed = 1;
    styr_xlsx_fail(b->err, b->path, e, b->en);
}

static void text(book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *s)
{
    if (s && *s)
        check(b, styr_xlsx_write_text(ws, r, c, s, NULL));
}

static void number(book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, double v)
{
    check(b, worksheet_write_number(ws, r, c, v, NULL));
}

static void header(book *b, lxw_worksheet *ws, const char *const *names)
{
    for (lxw_col_t c = 0; names[c]; c++)
        check(b, worksheet_write_string(ws, 0, c, names[c], b->bold));
    worksheet_freeze_panes(ws, 1, 0);
}

/* The findings of one file, from row *row on. */
static void findings_rows(book *b, lxw_worksheet *ws, lxw_row_t *row, const styr_file_result *r, int en)
{
    if (r->failed) {
        text(b, ws, *row, 0, r->file);
        text(b, ws, *row, 3, en ? "error" : "fel");
        text(b, ws, (*row)++, 6, r->failure.message);
        return;
    }
    for (size_t i = 0; i < r->findings.count; i++, (*row)++) {
        const styr_finding *f = &r->findings.items[i];
        text(b, ws, *row, 0, r->file);
        number(b, ws, *row, 1, f->line);
        number(b, ws, *row, 2, f->column);
        text(b, ws, *row, 3, f->severity == STYR_SEV_ERROR ? (en ? "error" : "fel")
                             : f->severity == STYR_SEV_WARNING ? (en ? "warning" : "varning") : "info");
        text(b, ws, *row, 4, f->rule);
        text(b, ws, *row, 5, f->action);
        text(b, ws, *row, 6, f->message);
        text(b, ws, *row, 7, f->waiver_reason ? NULL : f->remediation);
    }
    /* Rules that crashed: the run exits 2, and the workbook says why. */
    for (size_t i = 0; i < r->nrule_errors; i++, (*row)++) {
        const styr_error *e = &r->rule_errors[i];
        text(b, ws, *row, 0, e->file[0] ? e->file : r->file);
        if (e->line)
            number(b, ws, *row, 1, e->line);
        text(b, ws, *row, 3, en ? "error" : "fel");
        text(b, ws, *row, 6, e->message);
    }
}

/* A scenario that failed after it was judged (its scoring), as a row. */
static void failure_row(book *b, lxw_worksheet *ws, lxw_row_t *row, const styr_scenario_run *sr, int en)
{
    if (!sr->failed || sr->res.failed)
        return;   /* not failed, or failed where findings_rows says so */
    text(b, ws, *row, 0, sr->failure.file[0] ? sr->failure.file : sr->file);
    text(b, ws, *row, 3, en ? "error" : "fel");
    text(b, ws, (*row)++, 6, sr->failure.message);
}

styr_status styr_xlsx_write_score(const char *path, const styr_score_report *r, const styr_report_opts *o,
                                  styr_error *err)
{
    int en = o->lang == STYR_LANG_EN;
    book b = {NULL, NULL, err, path, 0, en};
    styr_error_clear(err);
    b.wb = workbook_new(path);
    if (!b.wb)
        return styr_xlsx_fail(err, path, LXW_NO_ERROR, en);
    b.bold = workbook_add_format(b.wb);
    format_set_bold(b.bold);
    lxw_worksheet *sum = workbook_add_worksheet(b.wb, en ? "Summary" : "Sammanfattning");
    lxw_worksheet *rank = workbook_add_worksheet(b.wb, en ? "Ranking" : "Rangordning");
    lxw_worksheet *fnd = workbook_add_worksheet(b.wb, en ? "Findings" : "Fynd");
    const styr_area_table *t = r->table;
    static const char *const sum_sv[] = {"Scenario", "Titel", "Poängsatt", "Områden", "Budget (kr)", "Valda områden",
                                         "Kostnad (kr)", "Fel", "Varningar", NULL};
    static const char *const sum_en[] = {"Scenario", "Title", "Scored", "Areas", "Budget (SEK)", "Areas chosen",
                                         "Cost (SEK)", "Errors", "Warnings", NULL};
    static const char *const fnd_sv[] = {"Fil", "Rad", "Kolumn", "Allvarlighet", "Regel", "Område", "Meddelande",
                                         "Åtgärd", NULL};
    static const char *const fnd_en[] = {"File", "Line", "Column", "Severity", "Rule", "Area", "Message",
                                         "What to do", NULL};
    header(&b, sum, en ? sum_en : sum_sv);
    header(&b, fnd, en ? fnd_en : fnd_sv);
    check(&b, worksheet_write_string(rank, 0, 0, "Scenario", b.bold));
    check(&b, worksheet_write_string(rank, 0, 1, en ? "Rank" : "Rang", b.bold));
    check(&b, worksheet_write_string(rank, 0, 2, en ? "Area" : "Område", b.bold));
    check(&b, worksheet_write_string(rank, 0, 3, en ? "Score" : "Poäng", b.bold));
    check(&b, worksheet_write_string(rank, 0, 4, en ? "Chosen" : "Vald", b.bold));
    for (size_t j = 0; t && r->rs->model && j < t->m; j++)
        check(&b, worksheet_write_string(rank, 0, (lxw_col_t)(5 + j), r->rs->model->crit[j].id, b.bold));
    /* The title after the criteria, so every column before it keeps its place. */
    lxw_col_t title_col = (lxw_col_t)(5 + (t && r->rs->model ? t->m : 0));
    check(&b, worksheet_write_string(rank, 0, title_col, en ? "Title" : "Titel", b.bold));
    check(&b, worksheet_set_column(rank, title_col, title_col, 50, NULL));
    worksheet_freeze_panes(rank, 1, 0);
    check(&b, worksheet_set_column(fnd, 6, 7, 60, NULL));
    lxw_row_t rrow = 1, frow = 1;
    if (r->areas)
        findings_rows(&b, fnd, &frow, r->areas, en);
    for (size_t k = 0; k < r->nsc; k++) {
        const styr_scenario_run *sr = &r->sc[k];
        const char *name = sr->id ? sr->id : sr->file;
        lxw_row_t srow = (lxw_row_t)(k + 1);
        size_t c[3] = {0, 0, 0};
        if (!sr->failed)
            styr_findings_count(&sr->res.findings, c);
        text(&b, sum, srow, 0, name);
        text(&b, sum, srow, 1, sr->title);
        text(&b, sum, srow, 2, sr->scored ? (en ? "yes" : "ja") : (en ? "no" : "nej"));
        number(&b, sum, srow, 7, (double)c[2]);
        number(&b, sum, srow, 8, (double)c[1]);
        findings_rows(&b, fnd, &frow, &sr->res, en);
        failure_row(&b, fnd, &frow, sr, en);
        if (!sr->scored || !t)
            continue;
        const styr_scored *s = &sr->s;
        number(&b, sum, srow, 3, (double)t->n);
        if (s->has_budget) {
            number(&b, sum, srow, 4, s->budget);
            if (!s->infeasible) {
                size_t chosen = 0;
                for (size_t i = 0; i < t->n; i++)
                    chosen += s->chosen[i] != 0;
                number(&b, sum, srow, 5, (double)chosen);
                number(&b, sum, srow, 6, s->sel.total_cost);
            }
        }
        for (size_t q = 0; q < t->n; q++, rrow++) {
            size_t i = s->order[q];
            text(&b, rank, rrow, 0, name);
            number(&b, rank, rrow, 1, (double)s->rank[i]);
            text(&b, rank, rrow, 2, t->ids[i]);
            number(&b, rank, rrow, 3, s->score[i]);
            if (s->has_budget && !s->infeasible)
                text(&b, rank, rrow, 4, s->chosen[i] ? (en ? "yes" : "ja") : (en ? "no" : "nej"));
            for (size_t j = 0; j < t->m; j++)
                number(&b, rank, rrow, (lxw_col_t)(5 + j), s->contrib[i * t->m + j]);
            if (t->titles && t->titles[i])
                text(&b, rank, rrow, title_col, t->titles[i]);
        }
    }
    lxw_error e = workbook_close(b.wb);
    if (e != LXW_NO_ERROR && !b.failed)
        return styr_xlsx_fail(err, path, e, en);
    return b.failed ? err->code : STYR_OK;
}
