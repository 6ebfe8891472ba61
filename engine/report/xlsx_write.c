/* xlsx_write.c - plans, templates and findings as .xlsx (see xlsx_write.h),
 * written with libxlsxwriter. The sheets and their columns are those of
 * plan_sheets.c, so that what is written here reads back into the same
 * document tree. */
#include "xlsx_write.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "plan_sheets.h"
#include "plan_template.h"
#include "xlsx_book.h"
#include "xlsx_read.h"

#define TEMPLATE_ROWS 500     /* rows the drop-down lists cover in a template */

#if defined(__SANITIZE_ADDRESS__)
/* libxlsxwriter 1.1.4 (Debian 12) never frees the formula it copies for a
 * list data validation (one small block a drop-down list): not styr's
 * memory. LeakSanitizer reads this hook; tests/valgrind.supp says the same
 * to valgrind. The library is built without frame pointers, so the stack
 * ends in its lxw_strdup: only strings the library copies for itself are
 * suppressed, never styr's own allocations. */
const char *__lsan_default_suppressions(void);
/* Default visibility: the sanitizer runtime looks the hook up by name, and
 * the build hides every other symbol (CMAKE_C_VISIBILITY_PRESET). */
__attribute__((visibility("default"))) const char *__lsan_default_suppressions(void)
{
    return "leak:lxw_strdup\n";
}

/* ...and says nothing about it, so that a report's output stays the same. */
const char *__lsan_default_options(void);
__attribute__((visibility("default"))) const char *__lsan_default_options(void)
{
    return "print_suppressions=0";
}
#endif

typedef struct writer {
    lxw_workbook *wb;
    lxw_format *bold, *wrap, *text;
    styr_error *err;
    const char *path;
    int failed;
    int en;   /* English messages */
} writer;

static const styr_node *get(const styr_node *map, const char *key)
{
    return map && map->kind == STYR_NODE_MAP ? styr_map_get(map, key, strlen(key)) : NULL;
}

/* The node at a dotted path ("timeline.start") under map. */
static const styr_node *get_path(const styr_node *map, const char *path)
{
    char head[64];
    const char *dot = strchr(path, '.');
    if (!dot)
        return get(map, path);
    snprintf(head, sizeof head, "%.*s", (int)(dot - path), path);
    return get_path(get(map, head), dot + 1);
}

static void check(writer *w, lxw_error e)
{
    if (e == LXW_NO_ERROR || w->failed)
        return;
    w->failed = 1;
    styr_xlsx_fail(w->err, w->path, e, w->en);
}

static void put_text(writer *w, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *s)
{
    if (s && *s)
        check(w, styr_xlsx_write_text(ws, row, col, s, w->text));
}

/* A list as one cell: "a; b; c". */
static char *join_list(const styr_node *seq)
{
    size_t len = 1;
    for (uint32_t i = 0; i < seq->count; i++)
        if (styr_seq_item(seq, i)->kind == STYR_NODE_SCALAR)
            len += styr_seq_item(seq, i)->count + 2;
    char *s = malloc(len), *p = s;
    if (!s)
        return NULL;
    for (uint32_t i = 0; i < seq->count; i++) {
        const styr_node *it = styr_seq_item(seq, i);
        if (it->kind != STYR_NODE_SCALAR || it->stype == STYR_SCALAR_NULL)
            continue;
        if (p != s) {
            memcpy(p, "; ", 2);
            p += 2;
        }
        memcpy(p, it->u.text, it->count);
        p += it->count;
    }
    *p = '\0';
    return s;
}

/* Writes a value of the plan as a cell: numbers as numbers, texts as texts,
 * lists joined with "; ". */
static void put_node(writer *w, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const styr_node *n)
{
    if (!n || styr_node_is_null(n))
        return;
    if (n->kind == STYR_NODE_SEQ) {
        char *s = join_list(n);
        if (!s) {
            check(w, LXW_ERROR_MEMORY_MALLOC_FAILED);
            return;
        }
        put_text(w, ws, row, col, s);
        free(s);
        return;
    }
    if (n->kind != STYR_NODE_SCALAR)
        return;
    switch (n->stype) {
    case STYR_SCALAR_INT:
        check(w, worksheet_write_number(ws, row, col, (double)n->v.i, NULL));
        break;
    case STYR_SCALAR_FLOAT:
        check(w, worksheet_write_number(ws, row, col, n->v.f, NULL));
        break;
    case STYR_SCALAR_BOOL:
        check(w, worksheet_write_boolean(ws, row, col, (int)n->v.i, NULL));
        break;
    default:
        put_text(w, ws, row, col, n->u.text);
    }
}

static lxw_worksheet *header_sheet(writer *w, const char *name, const styr_plan_column *cols)
{
    lxw_worksheet *ws = workbook_add_worksheet(w->wb, name);
    if (!ws) {
        check(w, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return NULL;
    }
    for (lxw_col_t c = 0; cols[c].header; c++) {
        check(w, worksheet_write_string(ws, 0, c, cols[c].header, w->bold));
        check(w, worksheet_set_column(ws, c, c, cols[c].kind == STYR_CELL_TEXT && c > 1 ? 28 : 16, w->text));
    }
    worksheet_freeze_panes(ws, 1, 0);
    return ws;
}

/* Rows of a simple sheet: one item of list a row. */
static void simple_sheet(writer *w, const char *name, const styr_plan_column *cols, const styr_node *list)
{
    lxw_worksheet *ws = header_sheet(w, name, cols);
    if (!ws || !list || list->kind != STYR_NODE_SEQ)
        return;
    for (uint32_t i = 0; i < list->count; i++)
        for (lxw_col_t c = 0; cols[c].header; c++)
            put_node(w, ws, (lxw_row_t)(i + 1), c, get_path(styr_seq_item(list, i), cols[c].path));
}

/* Lists on the hidden sheet Listor, one column each, and a drop-down in
 * Insatser's column for each. A name a list does not hold is a warning in
 * Excel, not a refusal: aliases and new names stay possible. */
static void drop_downs(writer *w, lxw_worksheet *actions, const styr_ruleset *rs)
{
    static const struct { const char *list, *title; } lists[] = {
        {"owner", "Ansvarig"}, {"funder", "Finansiär"}, {"program", "Program"},
        {"financing_type", "Finansieringstyp"}, {"status", "Status"}};
    lxw_worksheet *ws = workbook_add_worksheet(w->wb, "Listor");
    if (!ws) {
        check(w, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    const lxw_col_t nlists = (lxw_col_t)(sizeof lists / sizeof lists[0]);
    for (lxw_col_t k = 0; k < nlists; k++) {
        styr_name_list l;
        styr_plan_list_names(rs, lists[k].list, &l);
        check(w, worksheet_write_string(ws, 0, k, lists[k].title, w->bold));
        for (size_t i = 0; i < l.n; i++)
            put_text(w, ws, (lxw_row_t)(i + 1), k, l.names[i]);
        check(w, worksheet_set_column(ws, k, k, 30, NULL));
        lxw_col_t target = 0;
        while (styr_plan_action_columns[target].header &&
               !(styr_plan_action_columns[target].list && strcmp(styr_plan_action_columns[target].list, lists[k].list) == 0))
            target++;
        if (l.n && styr_plan_action_columns[target].header) {
            char formula[64], letter[8];
            styr_xlsx_cell_ref(letter, sizeof letter, 1, k + 1);
            letter[strcspn(letter, "0123456789")] = '\0';
            snprintf(formula, sizeof formula, "=Listor!$%s$2:$%s$%zu", letter, letter, l.n + 1);
            lxw_data_validation dv;
            memset(&dv, 0, sizeof dv);
            dv.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
            dv.value_formula = formula;
            dv.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
            check(w, worksheet_data_validation_range(actions, 1, target, TEMPLATE_ROWS, target, &dv));
        }
        free(l.names);
    }
    worksheet_hide(ws);
}

/* ---- the plan ---- */

static void action_sheet(writer *w, lxw_worksheet *ws, const styr_node *actions)
{
    lxw_row_t row = 1;
    for (uint32_t a = 0; actions && actions->kind == STYR_NODE_SEQ && a < actions->count; a++) {
        const styr_node *act = styr_seq_item(actions, a), *fin = get(act, "financing");
        uint32_t nfin = fin && fin->kind == STYR_NODE_SEQ ? fin->count : 0;
        /* one row an action, and one more for each further financing entry */
        for (uint32_t k = 0; k < (nfin ? nfin : 1); k++, row++) {
            for (lxw_col_t c = 0; styr_plan_action_columns[c].header; c++) {
                const char *path = styr_plan_action_columns[c].path;
                if (strncmp(path, "financing.", 10) == 0)
                    put_node(w, ws, row, c, nfin ? get_path(styr_seq_item(fin, k), path + 10) : NULL);
                else if (k == 0 || strcmp(path, "id") == 0)
                    put_node(w, ws, row, c, get_path(act, path));
            }
        }
    }
}

static void document_sheet(writer *w, const styr_node *root)
{
    lxw_worksheet *ws = workbook_add_worksheet(w->wb, "Dokument");
    if (!ws) {
        check(w, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    check(w, worksheet_write_string(ws, 0, 0, "Fält", w->bold));
    check(w, worksheet_write_string(ws, 0, 1, "Värde", w->bold));
    check(w, worksheet_write_string(ws, 0, 2, "Förklaring", w->bold));
    check(w, worksheet_set_column(ws, 0, 0, 24, NULL));
    check(w, worksheet_set_column(ws, 1, 1, 50, w->text));
    check(w, worksheet_set_column(ws, 2, 2, 60, NULL));
    const styr_node *doc = get(root, "document");
    lxw_row_t row = 1;
    for (const styr_plan_field *f = styr_plan_document_fields; f->field; f++, row++) {
        int plan_level = styr_plan_field_at_root(f->field);
        check(w, worksheet_write_string(ws, row, 0, f->field, NULL));
        put_node(w, ws, row, 1, plan_level ? get_path(root, f->field) : get(doc, f->field));
        check(w, worksheet_write_string(ws, row, 2, f->help_sv, NULL));
    }
    /* the format's version, when it is not the 1 a reader assumes */
    const styr_node *ver = get(root, "version");
    if (ver && !(ver->kind == STYR_NODE_SCALAR && ver->stype == STYR_SCALAR_INT && ver->v.i == 1)) {
        check(w, worksheet_write_string(ws, row, 0, "version", NULL));
        put_node(w, ws, row++, 1, ver);
    }
    /* fields of document: the list above does not name, so that none is lost */
    for (uint32_t i = 0; doc && doc->kind == STYR_NODE_MAP && i < doc->count; i++) {
        const char *key = styr_map_key(doc, i)->u.text;
        int known = 0;
        for (const styr_plan_field *f = styr_plan_document_fields; f->field; f++)
            known |= strcmp(f->field, key) == 0;
        if (known)
            continue;
        check(w, styr_xlsx_write_text(ws, row, 0, key, NULL));
        put_node(w, ws, row++, 1, styr_map_value(doc, i));
    }
}

static lxw_workbook *open_book(writer *w, const char *path, int english, styr_error *err)
{
    memset(w, 0, sizeof *w);
    w->err = err;
    w->path = path;
    w->en = english;
    styr_error_clear(err);
    w->wb = workbook_new(path);
    if (!w->wb) {
        styr_xlsx_fail(err, path, LXW_NO_ERROR, english);
        return NULL;
    }
    w->bold = workbook_add_format(w->wb);
    format_set_bold(w->bold);
    w->text = workbook_add_format(w->wb);
    format_set_num_format(w->text, "@");   /* dates such as 2018-03 stay texts */
    format_set_text_wrap(w->text);
    format_set_align(w->text, LXW_ALIGN_VERTICAL_TOP);
    return w->wb;
}

static styr_status close_book(writer *w)
{
    lxw_error e = workbook_close(w->wb);
    if (e != LXW_NO_ERROR && !w->failed) {
        w->failed = 1;
        styr_xlsx_fail(w->err, w->path, e, w->en);
    }
    return w->failed ? w->err->code : STYR_OK;
}

styr_status styr_xlsx_write_plan(const char *path, const styr_doc *plan, const styr_ruleset *rs, styr_error *err)
{
    writer w;
    if (!open_book(&w, path, rs && rs->lim.lang == STYR_LANG_EN, err))
        return err->code;
    const styr_node *root = plan ? plan->root : NULL;
    lxw_worksheet *actions = header_sheet(&w, "Insatser", styr_plan_action_columns);
    if (actions && root)
        action_sheet(&w, actions, get(root, "actions"));
    document_sheet(&w, root);
    simple_sheet(&w, "Strategier", styr_plan_strategy_columns, get(root, "strategies"));
    simple_sheet(&w, "Budget", styr_plan_budget_columns, get(root, "budget"));
    simple_sheet(&w, "Undantag", styr_plan_waiver_columns, get(root, "waivers"));
    if (actions)
        drop_downs(&w, actions, rs);
    return close_book(&w);
}

/* ---- findings ---- */

styr_status styr_xlsx_write_findings(const char *path, const styr_file_result *res, size_t n,
                                     const styr_report_opts *o, styr_error *err)
{
    int en = o->lang == STYR_LANG_EN;
    writer w;
    if (!open_book(&w, path, en, err))
        return err->code;
    lxw_worksheet *sum = workbook_add_worksheet(w.wb, en ? "Summary" : "Sammanfattning");
    lxw_worksheet *fnd = workbook_add_worksheet(w.wb, en ? "Findings" : "Fynd");
    if (!sum || !fnd) {
        check(&w, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return close_book(&w);
    }
    static const char *const sum_sv[] = {"Fil", "Sort", "Insatser/områden", "Fel", "Varningar", "Info", "Undantagna",
                                         "Kunde inte bedömas", NULL};
    static const char *const sum_en[] = {"File", "Kind", "Actions/areas", "Errors", "Warnings", "Info", "Waived",
                                         "Could not be judged", NULL};
    static const char *const fnd_sv[] = {"Fil", "Blad", "Cell", "Rad", "Kolumn", "Allvarlighet", "Regel",
                                         "Insats/område", "Meddelande", "Åtgärd", "Undantagen (skäl)", NULL};
    static const char *const fnd_en[] = {"File", "Sheet", "Cell", "Line", "Column", "Severity", "Rule",
                                         "Action/area", "Message", "What to do", "Waived (reason)", NULL};
    const char *const *sh = en ? sum_en : sum_sv, *const *fh = en ? fnd_en : fnd_sv;
    for (lxw_col_t c = 0; sh[c]; c++)
        check(&w, worksheet_write_string(sum, 0, c, sh[c], w.bold));
    for (lxw_col_t c = 0; fh[c]; c++)
        check(&w, worksheet_write_string(fnd, 0, c, fh[c], w.bold));
    check(&w, worksheet_set_column(fnd, 8, 9, 60, NULL));
    check(&w, worksheet_set_column(fnd, 0, 0, 30, NULL));
    worksheet_freeze_panes(fnd, 1, 0);
    check(&w, worksheet_set_column(sum, 0, 0, 40, NULL));
    lxw_row_t frow = 1;
    for (size_t f = 0; f < n; f++) {
        const styr_file_result *r = &res[f];
        lxw_row_t srow = (lxw_row_t)(f + 1);
        put_text(&w, sum, srow, 0, r->file);
        if (r->failed) {
            put_text(&w, sum, srow, 7, r->failure.message);
            put_text(&w, fnd, frow, 0, r->file);
            if (r->failure.line) {
                check(&w, worksheet_write_number(fnd, frow, 3, r->failure.line, NULL));
                check(&w, worksheet_write_number(fnd, frow, 4, r->failure.column, NULL));
            }
            put_text(&w, fnd, frow, 5, en ? "error" : "fel");
            put_text(&w, fnd, frow++, 8, r->failure.message);
            continue;
        }
        size_t c[3], waived = 0;
        styr_findings_count(&r->findings, c);
        put_text(&w, sum, srow, 1, r->kind);
        check(&w, worksheet_write_number(sum, srow, 2, (double)r->actions, NULL));
        check(&w, worksheet_write_number(sum, srow, 3, (double)c[2], NULL));
        check(&w, worksheet_write_number(sum, srow, 4, (double)c[1], NULL));
        check(&w, worksheet_write_number(sum, srow, 5, (double)c[0], NULL));
        for (size_t i = 0; i < r->findings.count && !w.failed; i++, frow++) {
            const styr_finding *fi = &r->findings.items[i];
            waived += fi->waiver_reason != NULL;
            put_text(&w, fnd, frow, 0, r->file);
            if (fi->sheet) {
                char cell[16];
                styr_xlsx_cell_ref(cell, sizeof cell, fi->line, fi->column);
                put_text(&w, fnd, frow, 1, fi->sheet);
                put_text(&w, fnd, frow, 2, cell);
            }
            check(&w, worksheet_write_number(fnd, frow, 3, fi->line, NULL));
            check(&w, worksheet_write_number(fnd, frow, 4, fi->column, NULL));
            const char *sev = fi->severity == STYR_SEV_ERROR ? (en ? "error" : "fel")
                              : fi->severity == STYR_SEV_WARNING ? (en ? "warning" : "varning") : "info";
            put_text(&w, fnd, frow, 5, sev);
            put_text(&w, fnd, frow, 6, fi->rule);
            put_text(&w, fnd, frow, 7, fi->action);
            put_text(&w, fnd, frow, 8, fi->message);
            put_text(&w, fnd, frow, 9, fi->waiver_reason ? NULL : fi->remediation);
            put_text(&w, fnd, frow, 10, fi->waiver_reason);
        }
        check(&w, worksheet_write_number(sum, srow, 6, (double)waived, NULL));
        /* Rules that crashed: the run exits 2, and the workbook says why,
         * one row each, where the text report puts them. */
        for (size_t i = 0; i < r->nrule_errors && !w.failed; i++, frow++) {
            const styr_error *e = &r->rule_errors[i];
            put_text(&w, fnd, frow, 0, e->file[0] ? e->file : r->file);
            if (e->line)
                check(&w, worksheet_write_number(fnd, frow, 3, e->line, NULL));
            put_text(&w, fnd, frow, 5, en ? "error" : "fel");
            put_text(&w, fnd, frow, 8, e->message);
        }
        if (r->nrule_errors) {
            char said[96];
            snprintf(said, sizeof said,
                     en ? (r->nrule_errors == 1 ? "%zu rule crashed (see Findings)" : "%zu rules crashed (see Findings)")
                        : (r->nrule_errors == 1 ? "%zu regel kraschade (se Fynd)" : "%zu regler kraschade (se Fynd)"),
                     r->nrule_errors);
            put_text(&w, sum, srow, 7, said);
        }
    }
    return close_book(&w);
}

int styr_xlsx_copy_out(const char *tmp_path, FILE *out)
{
    FILE *in = fopen(tmp_path, "rb");
    /* Pieces smaller than the stream's own buffer: a piece larger than it
     * goes straight to write(), and when that fails (a full disk) glibc
     * copies the rest byte by byte and flushes bytes of its buffer it never
     * filled (valgrind saw it with -o /dev/full). */
    char buf[4096];
    size_t n;
    int bad = !in;
    /* Stops at the first write that fails (a full disk): writing on after it
     * would only repeat the failure, and glibc's stream, once a write of
     * its buffer has failed, may hand later writes bytes it never filled. */
    while (in && !bad && (n = fread(buf, 1, sizeof buf, in)) > 0)
        bad |= fwrite(buf, 1, n, out) != n;
    if (in) {
        bad |= ferror(in);
        fclose(in);
    }
    unlink(tmp_path);
    return bad ? -1 : 0;
}
