/* xlsx_book.c - shared cells and sheets of the report workbooks (see
 * xlsx_book.h). */
#include "xlsx_book.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "xlsx_read.h"

styr_status styr_xlsx_fail(styr_error *err, const char *path, lxw_error e, int english)
{
    /* libxlsxwriter says "Error finding internal string index" when its
     * string table could not grow, and cannot tell why zlib failed to pack
     * a part: errno, set by the allocator, says whether memory ran out. */
    if (e == LXW_NO_ERROR || e == LXW_ERROR_MEMORY_MALLOC_FAILED || e == LXW_ERROR_SHARED_STRING_INDEX_NOT_FOUND ||
        errno == ENOMEM)
        return styr_error_set(err, STYR_E_NOMEM, path, 0, 0, "%s",
                              english ? "cannot write the workbook: out of memory"
                                      : "arbetsboken kan inte skrivas: minnet tog slut");
    return styr_error_set(err, e == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED ? STYR_E_LIMIT : STYR_E_IO, path, 0, 0,
                          english ? "cannot write the workbook: %s" : "arbetsboken kan inte skrivas: %s", lxw_strerror(e));
}

void styr_book_check(styr_book *b, lxw_error e)
{
    if (e == LXW_NO_ERROR || b->failed)
        return;
    b->failed = 1;
    styr_xlsx_fail(b->err, b->path, e, b->en);
}

#define check styr_book_check

int styr_book_open(styr_book *b, const char *path, const styr_report_opts *o, styr_error *err)
{
    memset(b, 0, sizeof *b);
    b->err = err;
    b->path = path;
    b->en = o->lang == STYR_LANG_EN;
    styr_error_clear(err);
    b->wb = workbook_new(path);
    if (!b->wb) {
        styr_xlsx_fail(err, path, LXW_NO_ERROR, b->en);
        return -1;
    }
    b->bold = workbook_add_format(b->wb);
    format_set_bold(b->bold);
    return 0;
}

styr_status styr_book_close(styr_book *b)
{
    lxw_error e = workbook_close(b->wb);
    if (e != LXW_NO_ERROR && !b->failed) {
        b->failed = 1;
        styr_xlsx_fail(b->err, b->path, e, b->en);
    }
    return b->failed ? b->err->code : STYR_OK;
}

lxw_worksheet *styr_book_sheet(styr_book *b, const char *sv, const char *en, const char *const *sv_cols,
                               const char *const *en_cols)
{
    lxw_worksheet *ws = workbook_add_worksheet(b->wb, b->en ? en : sv);
    if (!ws) {
        check(b, LXW_ERROR_MEMORY_MALLOC_FAILED);   /* sheet names here are fixed and valid */
        return NULL;
    }
    const char *const *cols = b->en ? en_cols : sv_cols;
    for (lxw_col_t c = 0; cols[c]; c++)
        check(b, worksheet_write_string(ws, 0, c, cols[c], b->bold));
    worksheet_freeze_panes(ws, 1, 0);
    return ws;
}

/* Excel's limit, in UTF-16 units (libxlsxwriter checks characters, which
 * is never more): a character outside the Basic Multilingual Plane (a
 * four-byte sequence, an emoji) takes two. */
#define CELL_MAX_UNITS 32767

lxw_error styr_xlsx_write_text(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *s, lxw_format *f)
{
    size_t units = 0, at = 0;
    while (s[at]) {
        unsigned char lead = (unsigned char)s[at];
        size_t need = lead >= 0xF0 ? 2 : 1;
        if (units + need > CELL_MAX_UNITS)
            break;
        units += need;
        at++;
        while (((unsigned char)s[at] & 0xC0) == 0x80)
            at++;   /* the rest of the character */
    }
    if (!s[at])
        return worksheet_write_string(ws, r, c, s, f);
    char *cut = strndup(s, at);
    if (!cut)
        return LXW_ERROR_MEMORY_MALLOC_FAILED;
    lxw_error e = worksheet_write_string(ws, r, c, cut, f);
    free(cut);
    return e;
}

void styr_book_text(styr_book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *s)
{
    if (ws && s && *s)
        check(b, styr_xlsx_write_text(ws, r, c, s, NULL));
}

void styr_book_number(styr_book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, double v)
{
    if (ws)
        check(b, worksheet_write_number(ws, r, c, v, NULL));
}

const char *styr_book_severity(const styr_book *b, styr_severity s)
{
    return s == STYR_SEV_ERROR ? (b->en ? "error" : "fel") : s == STYR_SEV_WARNING ? (b->en ? "warning" : "varning") : "info";
}

lxw_worksheet *styr_book_findings_sheet(styr_book *b, const char *first_sv, const char *first_en)
{
    static const char *const sv[] = {"Fil", "Blad", "Cell", "Rad", "Kolumn", "Allvarlighet", "Regel",
                                     "Insats/område", "Meddelande", "Åtgärd", "Undantagen (skäl)", NULL};
    static const char *const en[] = {"File", "Sheet", "Cell", "Line", "Column", "Severity", "Rule",
                                     "Action/area", "Message", "What to do", "Waived (reason)", NULL};
    if (!first_sv)
        return styr_book_sheet(b, "Fynd", "Findings", sv, en);
    const char *sv2[13] = {first_sv}, *en2[13] = {first_en};
    for (size_t i = 0; sv[i]; i++) {
        sv2[i + 1] = sv[i];
        en2[i + 1] = en[i];
    }
    return styr_book_sheet(b, "Fynd", "Findings", sv2, en2);
}

void styr_book_rule_error(styr_book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c0, const char *file,
                          const styr_error *e)
{
    styr_book_text(b, ws, r, c0, e->file[0] ? e->file : file);
    if (e->line)
        styr_book_number(b, ws, r, c0 + 3, e->line);
    styr_book_text(b, ws, r, c0 + 5, b->en ? "error" : "fel");
    styr_book_text(b, ws, r, c0 + 8, e->message);
}

void styr_book_finding(styr_book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c0, const char *file,
                       const styr_finding *f)
{
    styr_book_text(b, ws, r, c0, file);
    if (f->sheet) {
        char cell[16];
        styr_xlsx_cell_ref(cell, sizeof cell, f->line, f->column);
        styr_book_text(b, ws, r, c0 + 1, f->sheet);
        styr_book_text(b, ws, r, c0 + 2, cell);
    }
    styr_book_number(b, ws, r, c0 + 3, f->line);
    styr_book_number(b, ws, r, c0 + 4, f->column);
    styr_book_text(b, ws, r, c0 + 5, styr_book_severity(b, f->severity));
    styr_book_text(b, ws, r, c0 + 6, f->rule);
    styr_book_text(b, ws, r, c0 + 7, f->action);
    styr_book_text(b, ws, r, c0 + 8, f->message);
    styr_book_text(b, ws, r, c0 + 9, f->waiver_reason ? NULL : f->remediation);
    styr_book_text(b, ws, r, c0 + 10, f->waiver_reason);
}
