/* test_xlsx.c - unit tests of engine/xlsx_read.c and engine/plan_sheets.c.
 *
 * Workbooks are made in memory with libzip (an archive of hand-written XML
 * parts, to control every byte a hostile file could hold) and read back:
 * cells and their types, shared strings, the plan tree with its positions,
 * and every bound: a zip bomb, a huge shared-string table, deep XML, a
 * DOCTYPE with entities, broken archives and references out of range. */
#define _GNU_SOURCE   /* memmem */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <zip.h>

#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#include "plan_sheets.h"
#include "xlsx_read.h"
#include "yaml_explain.h"

static const char *const WB =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
    "<sheet name=\"Insatser\" sheetId=\"1\" r:id=\"rId1\"/><sheet name=\"Dokument\" sheetId=\"2\" r:id=\"rId2\"/>"
    "</sheets></workbook>";
static const char *const RELS =
    "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"ws\" Target=\"worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"ws\" Target=\"/xl/worksheets/sheet2.xml\"/></Relationships>";

typedef struct part {
    const char *name;
    const char *data;
    size_t len;   /* 0: strlen(data) */
} part;

/* An archive of parts, in memory (malloc'd; *len its size). */
static void *make_zip(const part *parts, size_t n, size_t *len)
{
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
    assert_non_null(src);
    zip_source_keep(src);
    zip_t *z = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
    assert_non_null(z);
    for (size_t i = 0; i < n; i++) {
        size_t l = parts[i].len ? parts[i].len : strlen(parts[i].data);
        zip_source_t *s = zip_source_buffer(z, parts[i].data, l, 0);
        assert_non_null(s);
        assert_true(zip_file_add(z, parts[i].name, s, ZIP_FL_OVERWRITE) >= 0);
    }
    assert_int_equal(zip_close(z), 0);
    zip_stat_t st;
    assert_int_equal(zip_source_stat(src, &st), 0);
    assert_int_equal(zip_source_open(src), 0);
    void *buf = malloc(st.size);
    assert_non_null(buf);
    assert_int_equal(zip_source_read(src, buf, st.size), (zip_int64_t)st.size);
    zip_source_close(src);
    zip_source_free(src);
    zip_error_fini(&ze);
    *len = st.size;
    return buf;
}

/* Reads the archive of parts with lim (or the defaults) in language lang. */
static styr_status read_parts_in(const part *parts, size_t n, const styr_limits *lim, int lang, styr_xlsx_book *book,
                                 styr_error *err)
{
    styr_limits l;
    if (lim)
        l = *lim;
    else
        styr_limits_default(&l);
    l.lang = lang;
    size_t len;
    void *buf = make_zip(parts, n, &len);
    styr_status st = styr_xlsx_read_buffer("t.xlsx", buf, len, &l, NULL, book, err);
    free(buf);
    return st;
}

/* The tests below pin the English messages (--lang en); the Swedish ones,
 * the default, are pinned by test_swedish_messages. */
static styr_status read_parts(const part *parts, size_t n, const styr_limits *lim, styr_xlsx_book *book,
                              styr_error *err)
{
    return read_parts_in(parts, n, lim, STYR_EXPLAIN_EN, book, err);
}

/* A worksheet part around rows (four buffers in turn: a test may use two at once). */
static const char *sheet1(const char *rows)
{
    static char buf[4][1 << 15];
    static int next;
    char *b = buf[next++ % 4];
    snprintf(b, sizeof buf[0], "<worksheet xmlns=\"x\"><sheetData>%s</sheetData></worksheet>", rows);
    return b;
}

static void assert_fails(const part *parts, size_t n, const styr_limits *lim, styr_status code, const char *text)
{
    styr_xlsx_book book;
    styr_error err;
    assert_int_equal(read_parts(parts, n, lim, &book, &err), code);
    if (!strstr(err.message, text))
        fail_msg("'%s' not in '%s'", text, err.message);
    assert_int_equal(book.nsheets, 0);
}

/* ---- cells ---- */

static void test_refs(void **state)
{
    (void)state;
    char buf[16];
    uint32_t r, c;
    styr_xlsx_cell_ref(buf, sizeof buf, 12, 5);
    assert_string_equal(buf, "E12");
    styr_xlsx_cell_ref(buf, sizeof buf, 1, 27);
    assert_string_equal(buf, "AA1");
    styr_xlsx_cell_ref(buf, sizeof buf, 1048576, 16384);
    assert_string_equal(buf, "XFD1048576");
    assert_true(styr_xlsx_parse_ref("XFD1048576", &r, &c));
    assert_int_equal(r, 1048576);
    assert_int_equal(c, 16384);
    assert_true(styr_xlsx_parse_ref("AB7", &r, &c));
    assert_int_equal(c, 28);
    assert_false(styr_xlsx_parse_ref("XFE1", &r, &c));
    assert_false(styr_xlsx_parse_ref("A1048577", &r, &c));
    assert_false(styr_xlsx_parse_ref("A0", &r, &c));
    assert_false(styr_xlsx_parse_ref("12", &r, &c));
    assert_false(styr_xlsx_parse_ref("a1", &r, &c));
    assert_false(styr_xlsx_parse_ref("A1x", &r, &c));
}

static void test_cells(void **state)
{
    (void)state;
    const char *sst = "<sst><si><t>Insats</t></si><si><r><t>Kommun</t></r><r><t>styrelsen</t></r>"
                      "<rPh><t>IGNORED</t></rPh></si></sst>";
    part parts[] = {{"xl/workbook.xml", WB, 0}, {"xl/_rels/workbook.xml.rels", RELS, 0},
                    {"xl/sharedStrings.xml", sst, 0},
                    {"xl/worksheets/sheet1.xml",
                     sheet1("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"C1\" t=\"s\"><v>1</v></c></row>"
                            "<row r=\"3\"><c r=\"B3\"><v>1500000</v></c><c t=\"inlineStr\"><is><t>inline</t></is></c>"
                            "<c t=\"b\"><v>1</v></c><c r=\"F3\" t=\"str\"><f>A1</f><v>formula</v></c>"
                            "<c r=\"G3\" s=\"1\"/></row>"
                            "<row r=\"4\"><c><v>7</v></c></row>"), 0},
                    {"xl/worksheets/sheet2.xml", sheet1(""), 0}};
    styr_xlsx_book book;
    styr_error err;
    assert_int_equal(read_parts(parts, 5, NULL, &book, &err), STYR_OK);
    assert_int_equal(book.nsheets, 2);
    const styr_xlsx_sheet *s = styr_xlsx_sheet_named(&book, "Insatser");
    assert_non_null(s);
    assert_int_equal(s->ncells, 7);   /* the empty G3 is no cell */
    assert_string_equal(s->cells[0].text, "Insats");
    assert_string_equal(s->cells[1].text, "Kommunstyrelsen");   /* rich text joined, phonetic left out */
    assert_int_equal(s->cells[1].col, 3);
    assert_int_equal(s->cells[2].row, 3);
    assert_true(s->cells[2].number);
    assert_string_equal(s->cells[2].text, "1500000");
    assert_string_equal(s->cells[3].text, "inline");
    assert_int_equal(s->cells[3].col, 3);    /* no r: the column after the last */
    assert_string_equal(s->cells[4].text, "TRUE");
    assert_string_equal(s->cells[5].text, "formula");   /* the value, not the formula */
    assert_int_equal(s->cells[6].row, 4);   /* a row's first cell without r is in column A */
    assert_int_equal(s->cells[6].col, 1);
    assert_null(styr_xlsx_sheet_named(&book, "Strategier"));
    styr_xlsx_book_free(&book);
    /* a phonetic run ends with its </rPh>: the shared string after it is read */
    part after[] = {{"xl/workbook.xml", WB, 0}, {"xl/_rels/workbook.xml.rels", RELS, 0},
                    {"xl/sharedStrings.xml", "<sst><si><t>a</t><rPh><t>X</t></rPh></si><si><t>Efter</t></si></sst>", 0},
                    {"xl/worksheets/sheet1.xml", sheet1("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>1</v></c></row>"), 0},
                    {"xl/worksheets/sheet2.xml", sheet1(""), 0}};
    assert_int_equal(read_parts(after, 5, NULL, &book, &err), STYR_OK);
    s = styr_xlsx_sheet_named(&book, "Insatser");
    assert_non_null(s);
    assert_int_equal(s->ncells, 1);
    assert_string_equal(s->cells[0].text, "Efter");
    styr_xlsx_book_free(&book);
}

/* XFD, column 16384, is the last a sheet has: a cell there is read; the
 * cell after it (no r: the column after the last) is refused. */
static void test_last_column(void **state)
{
    (void)state;
    part parts[] = {{"xl/workbook.xml", WB, 0}, {"xl/_rels/workbook.xml.rels", RELS, 0},
                    {"xl/worksheets/sheet1.xml", sheet1("<row r=\"1\"><c r=\"XFD1\"><v>7</v></c></row>"), 0},
                    {"xl/worksheets/sheet2.xml", sheet1(""), 0}};
    styr_xlsx_book book;
    styr_error err;
    assert_int_equal(read_parts(parts, 4, NULL, &book, &err), STYR_OK);
    const styr_xlsx_sheet *s = styr_xlsx_sheet_named(&book, "Insatser");
    assert_non_null(s);
    assert_int_equal(s->ncells, 1);
    assert_int_equal(s->cells[0].col, 16384);
    styr_xlsx_book_free(&book);
    parts[2].data = sheet1("<row r=\"1\"><c r=\"XFD1\"><v>7</v></c><c><v>8</v></c></row>");
    assert_fails(parts, 4, NULL, STYR_E_SYNTAX, "column beyond 16384");
}

/* A value of exactly --max-scalar-size bytes is read; one byte more is
 * refused. */
static void test_value_at_the_limit(void **state)
{
    (void)state;
    part parts[] = {{"xl/workbook.xml", WB, 0}, {"xl/_rels/workbook.xml.rels", RELS, 0},
                    {"xl/worksheets/sheet1.xml",
                     sheet1("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>abcde</t></is></c></row>"), 0},
                    {"xl/worksheets/sheet2.xml", sheet1(""), 0}};
    styr_limits lim;
    styr_limits_default(&lim);
    lim.max_scalar_bytes = 5;
    styr_xlsx_book book;
    styr_error err;
    assert_int_equal(read_parts(parts, 4, &lim, &book, &err), STYR_OK);
    assert_string_equal(styr_xlsx_sheet_named(&book, "Insatser")->cells[0].text, "abcde");
    styr_xlsx_book_free(&book);
    lim.max_scalar_bytes = 4;
    assert_fails(parts, 4, &lim, STYR_E_LIMIT, "longer than 4 bytes");
}

/* Only the sheets asked for are read: a broken sheet nobody asked for does
 * not stop the workbook (and is not in the book). */
static void test_only_wanted_sheets(void **state)
{
    (void)state;
    part parts[] = {{"xl/workbook.xml", WB, 0}, {"xl/_rels/workbook.xml.rels", RELS, 0},
                    {"xl/worksheets/sheet1.xml", sheet1("<row r=\"1\"><c r=\"A1\"><v>7</v></c></row>"), 0},
                    {"xl/worksheets/sheet2.xml", "<worksheet><sheetData><row", 0}};
    size_t len;
    void *buf = make_zip(parts, 4, &len);
    static const char *const insatser[] = {"Insatser", NULL};
    styr_xlsx_book book;
    styr_error err;
    assert_int_equal(styr_xlsx_read_buffer("t.xlsx", buf, len, NULL, insatser, &book, &err), STYR_OK);
    assert_int_equal(styr_xlsx_sheet_named(&book, "Insatser")->ncells, 1);
    const styr_xlsx_sheet *doc = styr_xlsx_sheet_named(&book, "Dokument");
    assert_true(!doc || doc->ncells == 0);
    styr_xlsx_book_free(&book);
    /* asked for every sheet (NULL), the broken one is read and refused */
    assert_int_not_equal(styr_xlsx_read_buffer("t.xlsx", buf, len, NULL, NULL, &book, &err), STYR_OK);
    free(buf);
}

/* A text is an inline string only inside <is>: a stray <t> in a later cell
 * (no OOXML writer makes one) is no value, as it would not be in the first. */
static void test_t_outside_is(void **state)
{
    (void)state;
    part parts[] = {{"xl/workbook.xml", WB, 0}, {"xl/_rels/workbook.xml.rels", RELS, 0},
                    {"xl/worksheets/sheet1.xml",
                     sheet1("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>inne</t></is></c>"
                            "<c r=\"B1\"><t>utanf\xc3\xb6r</t></c></row>"), 0},
                    {"xl/worksheets/sheet2.xml", sheet1(""), 0}};
    styr_xlsx_book book;
    styr_error err;
    assert_int_equal(read_parts(parts, 4, NULL, &book, &err), STYR_OK);
    const styr_xlsx_sheet *s = styr_xlsx_sheet_named(&book, "Insatser");
    assert_non_null(s);
    assert_int_equal(s->ncells, 1);
    assert_string_equal(s->cells[0].text, "inne");
    styr_xlsx_book_free(&book);
}

/* Texts with "_xHHHH_" escapes (ECMA-376 ST_Xstring), as Excel writes a
 * carriage return or a Word line break and libxlsxwriter a control
 * character: read as the character, in shared and inline strings alike. */
static void test_xstring_escapes(void **state)
{
    (void)state;
    const char *sst = "<sst><si><t>Rad ett_x000D_\nrad tv_x00e5_</t></si>"   /* CR; lower-case hex */
                      "<si><t>_x005F_x0041_ och _x0041_</t></si>"            /* an escaped '_': a literal _x0041_ */
                      "<si><t>_xD83D__xDE00_ glad</t></si>"                  /* a surrogate pair: U+1F600 */
                      "<si><t>_xD800_ _x0000_ _x41_ _x00G1_ _x0041</t></si>" /* none of them an escape */
                      "<si><t>_x20AC_ _x0080_ _x007F_ _x07FF_ _x0800_</t></si>" /* the edges of 1, 2 and 3 bytes */
                      "<si><t>_xE000_ _xDFFF_</t></si>"   /* the first code point past the surrogates; the last of them */
                      "<si><t>_xD800__xDC00_ glad _xD83D__xDE00_</t></si>"   /* U+10000, the first of 4 bytes; a pair at the end */
                      "</sst>";
    part parts[] = {{"xl/workbook.xml", WB, 0}, {"xl/_rels/workbook.xml.rels", RELS, 0},
                    {"xl/sharedStrings.xml", sst, 0},
                    {"xl/worksheets/sheet1.xml",
                     sheet1("<row r=\"1\"><c t=\"s\"><v>0</v></c><c t=\"s\"><v>1</v></c><c t=\"s\"><v>2</v></c>"
                            "<c t=\"s\"><v>3</v></c><c t=\"inlineStr\"><is><t>Rubrik_x000B_med radbrytning</t></is></c>"
                            "<c t=\"str\"><f>A1</f><v>a_x0009_b</v></c><c><v>1_x0031_</v></c>"
                            "<c t=\"s\"><v>4</v></c><c t=\"s\"><v>5</v></c><c t=\"s\"><v>6</v></c></row>"), 0},
                    {"xl/worksheets/sheet2.xml", sheet1(""), 0}};
    styr_xlsx_book book;
    styr_error err;
    assert_int_equal(read_parts(parts, 5, NULL, &book, &err), STYR_OK);
    const styr_xlsx_sheet *s = styr_xlsx_sheet_named(&book, "Insatser");
    assert_non_null(s);
    assert_int_equal(s->ncells, 10);
    assert_string_equal(s->cells[0].text, "Rad ett\r\nrad tv\xc3\xa5");
    assert_string_equal(s->cells[1].text, "_x0041_ och A");
    assert_string_equal(s->cells[2].text, "\xf0\x9f\x98\x80 glad");
    assert_string_equal(s->cells[3].text, "_xD800_ _x0000_ _x41_ _x00G1_ _x0041");
    assert_string_equal(s->cells[4].text, "Rubrik\vmed radbrytning");
    assert_string_equal(s->cells[5].text, "a\tb");
    assert_string_equal(s->cells[6].text, "1_x0031_");   /* a number cell's <v> is no text */
    assert_string_equal(s->cells[7].text, "\xe2\x82\xac \xc2\x80 \x7f \xdf\xbf \xe0\xa0\x80");
    assert_string_equal(s->cells[8].text, "\xee\x80\x80 _xDFFF_");
    assert_string_equal(s->cells[9].text, "\xf0\x90\x80\x80 glad \xf0\x9f\x98\x80");
    styr_xlsx_book_free(&book);
}

/* A shared-string cell must name one of the strings by its number: "1x",
 * "" and "2" (of two) are refused with the cell's text. */
/* A formula no spreadsheet program has computed (no <v>) is refused, a text
 * result too; one computed to an empty text is an empty cell, and so is a
 * cell typed as a shared string with no value at all (Excel writes styled
 * empty cells so). */
static void test_formulas_and_empty_cells(void **state)
{
    (void)state;
    static const char *const refused[] = {"<c r=\"A1\"><f>B1</f></c>", "<c r=\"A1\" t=\"str\"><f>B1</f></c>"};
    for (size_t k = 0; k < 2; k++) {
        char row[128];
        snprintf(row, sizeof row, "<row r=\"1\">%s</row>", refused[k]);
        part parts[] = {{"xl/workbook.xml", WB, 0}, {"xl/_rels/workbook.xml.rels", RELS, 0},
                        {"xl/worksheets/sheet1.xml", sheet1(row), 0}, {"xl/worksheets/sheet2.xml", sheet1(""), 0}};
        assert_fails(parts, 4, NULL, STYR_E_INPUT, "Insatser!A1 holds a formula with no computed value");
    }
    part parts[] = {{"xl/workbook.xml", WB, 0}, {"xl/_rels/workbook.xml.rels", RELS, 0},
                    {"xl/worksheets/sheet1.xml",
                     sheet1("<row r=\"1\"><c r=\"A1\" t=\"str\"><f>B1</f><v></v></c><c r=\"B1\" t=\"s\" s=\"2\"/>"
                            "<c r=\"C1\"><v>5</v></c></row>"), 0},
                    {"xl/worksheets/sheet2.xml", sheet1(""), 0}};
    styr_xlsx_book book;
    styr_error err;
    if (read_parts(parts, 4, NULL, &book, &err) != STYR_OK)
        fail_msg("%s", err.message);
    const styr_xlsx_sheet *sh = styr_xlsx_sheet_named(&book, "Insatser");
    assert_non_null(sh);
    assert_int_equal(sh->ncells, 1);   /* only C1 */
    assert_string_equal(sh->cells[0].text, "5");
    styr_xlsx_book_free(&book);
    /* an inline string in runs: only the <t> texts count, not the spaces
     * between a run's tags */
    part runs[] = {{"xl/workbook.xml", WB, 0}, {"xl/_rels/workbook.xml.rels", RELS, 0},
                   {"xl/worksheets/sheet1.xml",
                    sheet1("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><r> <rPr> </rPr><t>ab</t></r>"
                           "<r> <t>c</t></r></is></c></row>"), 0},
                   {"xl/worksheets/sheet2.xml", sheet1(""), 0}};
    if (read_parts(runs, 4, NULL, &book, &err) != STYR_OK)
        fail_msg("%s", err.message);
    sh = styr_xlsx_sheet_named(&book, "Insatser");
    assert_int_equal(sh->ncells, 1);
    assert_string_equal(sh->cells[0].text, "abc");
    styr_xlsx_book_free(&book);
}

static void test_shared_string_refs(void **state)
{
    (void)state;
    static const char *const bad[] = {"1x", "", "2", "-1"};
    for (size_t k = 0; k < 4; k++) {
        char row[128];
        snprintf(row, sizeof row, "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>%s</v></c></row>", bad[k]);
        part parts[] = {{"xl/workbook.xml", WB, 0}, {"xl/_rels/workbook.xml.rels", RELS, 0},
                        {"xl/sharedStrings.xml", "<sst><si><t>a</t></si><si><t>b</t></si></sst>", 0},
                        {"xl/worksheets/sheet1.xml", sheet1(row), 0}, {"xl/worksheets/sheet2.xml", sheet1(""), 0}};
        char want[64];
        snprintf(want, sizeof want, "refers to shared string '%s', which does not exist", bad[k]);
        assert_fails(parts, 5, NULL, STYR_E_SYNTAX, want);
    }
}

/* XML that is not well-formed is refused at its part, line and column. */
static void test_malformed_xml_position(void **state)
{
    (void)state;
    part parts[] = {{"xl/workbook.xml", WB, 0}, {"xl/_rels/workbook.xml.rels", RELS, 0},
                    {"xl/worksheets/sheet1.xml", "<worksheet>\n  <sheetData><row></sheetData>", 0},
                    {"xl/worksheets/sheet2.xml", sheet1(""), 0}};
    assert_fails(parts, 4, NULL, STYR_E_SYNTAX, "xl/worksheets/sheet1.xml: broken XML at line 2, column 21: mismatched tag");
}

/* ---- hostile workbooks ---- */

static void test_broken_archives(void **state)
{
    (void)state;
    styr_xlsx_book book;
    styr_error err;
    const char junk[] = "PK\x03\x04 this is not really a zip archive at all";
    assert_int_equal(styr_xlsx_read_buffer("t.xlsx", junk, sizeof junk, NULL, NULL, &book, &err), STYR_E_SYNTAX);
    assert_non_null(strstr(err.message, "inte en .xlsx-arbetsbok"));   /* Swedish without limits */
    /* the reason is the archive itself, not a part missing from it */
    assert_non_null(strstr(err.message, "filen är inget zip-arkiv"));
    assert_int_equal(styr_xlsx_read_buffer("t.xlsx", "", 0, NULL, NULL, &book, &err), STYR_E_SYNTAX);
    /* a real archive cut in half */
    part parts[] = {{"xl/workbook.xml", WB, 0}, {"xl/_rels/workbook.xml.rels", RELS, 0},
                    {"xl/worksheets/sheet1.xml", sheet1(""), 0}, {"xl/worksheets/sheet2.xml", sheet1(""), 0}};
    size_t len;
    char *buf = make_zip(parts, 4, &len);
    assert_int_not_equal(styr_xlsx_read_buffer("t.xlsx", buf, len / 2, NULL, NULL, &book, &err), STYR_OK);
    /* a byte of compressed data flipped: the CRC or the inflater notices */
    char *entry = memmem(buf, len, "xl/workbook.xml", 15);
    assert_non_null(entry);
    entry[40] ^= 0x55;
    styr_status st = styr_xlsx_read_buffer("t.xlsx", buf, len, NULL, NULL, &book, &err);
    assert_true(st == STYR_E_SYNTAX || st == STYR_OK);
    if (st == STYR_OK)
        styr_xlsx_book_free(&book);
    free(buf);
    /* an archive without a workbook part */
    part none[] = {{"hello.txt", "hi", 0}};
    assert_fails(none, 1, NULL, STYR_E_SYNTAX, "has no xl/workbook.xml");
    /* a sheet whose part is missing */
    assert_fails(parts, 2, NULL, STYR_E_SYNTAX, "xl/worksheets/sheet1.xml");
    /* broken XML */
    part bad[] = {{"xl/workbook.xml", "<workbook><sheets>", 0}, {"xl/_rels/workbook.xml.rels", RELS, 0}};
    assert_fails(bad, 2, NULL, STYR_E_SYNTAX, "broken XML");
}

/* An entry whose compression method libzip cannot unpack (1, "shrunk",
 * patched into the archive's headers): the part cannot be read from the
 * archive, and that is what is said, not that memory ran out. */
static void test_entry_not_unpackable(void **state)
{
    (void)state;
    part parts[] = {{"xl/workbook.xml", WB, 0}, {"xl/_rels/workbook.xml.rels", RELS, 0},
                    {"xl/worksheets/sheet1.xml", sheet1(""), 0}};
    size_t len;
    unsigned char *buf = make_zip(parts, 3, &len);
    int patched = 0;
    for (size_t i = 0; i + 46 < len; i++) {
        if (memcmp(buf + i, "PK\1\2", 4) == 0 && memcmp(buf + i + 46, "xl/workbook.xml", 15) == 0) {
            buf[i + 10] = 1, buf[i + 11] = 0;   /* the central directory's method */
            uint32_t local = (uint32_t)buf[i + 42] | (uint32_t)buf[i + 43] << 8 | (uint32_t)buf[i + 44] << 16 |
                             (uint32_t)buf[i + 45] << 24;
            buf[local + 8] = 1, buf[local + 9] = 0;   /* the local header's */
            patched++;
        }
    }
    assert_int_equal(patched, 1);
    styr_limits lim;
    styr_limits_default(&lim);
    lim.lang = STYR_EXPLAIN_EN;
    styr_xlsx_book book;
    styr_error err;
    assert_int_equal(styr_xlsx_read_buffer("t.xlsx", buf, len, &lim, NULL, &book, &err), STYR_E_SYNTAX);
    if (!strstr(err.message, "xl/workbook.xml: cannot be read from the archive: "))
        fail_msg("%s", err.message);
    free(buf);
}

static void test_zip_bomb(void **state)
{
    (void)state;
    /* 3 MB of spaces inflate from a few kB; the limit here is 1 MB */
    size_t big = 3u << 20;
    char *spaces = malloc(big + 64);
    assert_non_null(spaces);
    memcpy(spaces, "<worksheet>", 11);
    memset(spaces + 11, ' ', big);
    memcpy(spaces + 11 + big, "</worksheet>", 12);
    part parts[] = {{"xl/workbook.xml", WB, 0}, {"xl/_rels/workbook.xml.rels", RELS, 0},
                    {"xl/worksheets/sheet1.xml", spaces, big + 23}};
    styr_limits lim;
    styr_limits_default(&lim);
    lim.max_file_bytes = 1u << 20;
    lim.lang = STYR_EXPLAIN_EN;
    size_t len;
    void *buf = make_zip(parts, 3, &len);
    assert_true(len < lim.max_file_bytes / 10);
    styr_xlsx_book book;
    styr_error err;
    assert_int_equal(styr_xlsx_read_buffer("bomb.xlsx", buf, len, &lim, NULL, &book, &err), STYR_E_LIMIT);
    assert_non_null(strstr(err.message, "inflates to 3145751 bytes; the limit is 1048576"));
    free(buf);
    /* parts each within the bound, together beyond twice it: the bytes really
     * inflated are counted (as they are when a header lies about a size) */
    char *letters = malloc(900000);
    assert_non_null(letters);
    uint32_t x = 7;
    for (size_t i = 0; i < 899999; i++) {   /* four letters: packs about 4:1, the archive under 1 MB */
        x = x * 1103515245u + 12345u;
        letters[i] = (char)('a' + (x >> 16) % 4);
    }
    letters[899999] = '\0';
    char *shared = malloc(900100), *s1 = malloc(900100), *s2 = malloc(900100);
    assert_true(shared && s1 && s2);
    snprintf(shared, 900100, "<sst><si><t>%s</t></si></sst>", letters + 100);
    snprintf(s1, 900100, "<worksheet><!--%s--></worksheet>", letters + 50);
    snprintf(s2, 900100, "<worksheet><!--%s--></worksheet>", letters);
    part three[] = {{"xl/workbook.xml", WB, 0}, {"xl/_rels/workbook.xml.rels", RELS, 0},
                    {"xl/sharedStrings.xml", shared, 0}, {"xl/worksheets/sheet1.xml", s1, 0},
                    {"xl/worksheets/sheet2.xml", s2, 0}};
    lim.max_file_bytes = 1u << 20;
    lim.max_scalar_bytes = 1u << 20;
    assert_fails(three, 5, &lim, STYR_E_LIMIT, "inflates to more than 2097152 bytes");
    free(letters);
    free(shared);
    free(s1);
    free(s2);
    /* within the size bound, but packed more than 500 times */
    lim.max_file_bytes = 64u << 20;
    buf = make_zip(parts, 3, &len);
    assert_int_equal(styr_xlsx_read_buffer("bomb.xlsx", buf, len, &lim, NULL, &book, &err), STYR_E_LIMIT);
    assert_non_null(strstr(err.message, "inflates more than 500 times its packed size"));
    free(buf);
    free(spaces);
}

/* A workbook in memory bigger than --max-file-size is refused before it is
 * opened, as a file of that size is; one byte less than the file is enough. */
/* A part that inflates to exactly --max-file-size bytes (as its header
 * says) is read; with the limit one byte lower it is refused unread. */
static void test_part_at_the_limit(void **state)
{
    (void)state;
    char rows[2200], text[2001];
    memset(text, 'x', 2000);
    text[2000] = '\0';
    snprintf(rows, sizeof rows, "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>%s</t></is></c></row>", text);
    part parts[] = {{"xl/workbook.xml", WB, 0}, {"xl/_rels/workbook.xml.rels", RELS, 0},
                    {"xl/worksheets/sheet1.xml", sheet1(rows), 0}, {"xl/worksheets/sheet2.xml", sheet1(""), 0}};
    const size_t big = strlen(parts[2].data);   /* the largest part by far */
    size_t len;
    void *buf = make_zip(parts, 4, &len);
    assert_true(len < big);
    styr_limits lim;
    styr_limits_default(&lim);
    lim.lang = STYR_EXPLAIN_EN;
    lim.max_file_bytes = big;
    styr_xlsx_book book;
    styr_error err;
    assert_int_equal(styr_xlsx_read_buffer("edge.xlsx", buf, len, &lim, NULL, &book, &err), STYR_OK);
    assert_int_equal(styr_xlsx_sheet_named(&book, "Insatser")->ncells, 1);
    styr_xlsx_book_free(&book);
    lim.max_file_bytes = big - 1;
    assert_int_equal(styr_xlsx_read_buffer("edge.xlsx", buf, len, &lim, NULL, &book, &err), STYR_E_LIMIT);
    char want[128];
    snprintf(want, sizeof want, "inflates to %zu bytes; the limit is %zu", big, big - 1);
    if (!strstr(err.message, want))
        fail_msg("message: %s", err.message);
    free(buf);
}

static void test_buffer_over_file_limit(void **state)
{
    (void)state;
    part parts[] = {{"xl/workbook.xml", WB, 0}, {"xl/_rels/workbook.xml.rels", RELS, 0},
                    {"xl/worksheets/sheet1.xml", sheet1(""), 0}, {"xl/worksheets/sheet2.xml", sheet1(""), 0}};
    size_t len;
    void *buf = make_zip(parts, 4, &len);
    styr_limits lim;
    styr_limits_default(&lim);
    lim.max_file_bytes = len - 1;
    styr_xlsx_book book;
    styr_error err;
    assert_int_equal(styr_xlsx_read_buffer("big.xlsx", buf, len, &lim, NULL, &book, &err), STYR_E_LIMIT);
    char want[128];
    snprintf(want, sizeof want, "filen är %zu byte; gränsen är %zu (--max-file-size)", len, len - 1);
    if (!strstr(err.message, want))
        fail_msg("message: %s", err.message);
    lim.lang = STYR_EXPLAIN_EN;
    assert_int_equal(styr_xlsx_read_buffer("big.xlsx", buf, len, &lim, NULL, &book, &err), STYR_E_LIMIT);
    snprintf(want, sizeof want, "file is %zu bytes; the limit is %zu (--max-file-size)", len, len - 1);
    if (!strstr(err.message, want))
        fail_msg("message: %s", err.message);
    lim.max_file_bytes = len;   /* exactly the limit: read */
    if (styr_xlsx_read_buffer("big.xlsx", buf, len, &lim, NULL, &book, &err) != STYR_OK)
        fail_msg("at the limit: %s", err.message);
    styr_xlsx_book_free(&book);
    free(buf);
}

static void test_shared_strings_bounded(void **state)
{
    (void)state;
    /* more entries than the table may hold (a few MB of XML, far below the size bound) */
    size_t n = STYR_XLSX_MAX_SHARED + 1, cap = n * 40 + 64, o = 0;
    char *sst = malloc(cap);
    assert_non_null(sst);
    o += (size_t)snprintf(sst + o, cap - o, "<sst>");
    for (size_t i = 0; i < n; i++)   /* distinct, so that it does not pack like a bomb */
        o += (size_t)snprintf(sst + o, cap - o, "<si><t>%zx</t></si>", i * 2654435761u);
    o += (size_t)snprintf(sst + o, cap - o, "</sst>");
    part parts[] = {{"xl/workbook.xml", WB, 0}, {"xl/_rels/workbook.xml.rels", RELS, 0},
                    {"xl/sharedStrings.xml", sst, o}};
    assert_fails(parts, 3, NULL, STYR_E_LIMIT, "more than 1000000 shared strings");
    /* one long shared string used by many cells: the cells' text is bounded too */
    styr_limits lim;
    styr_limits_default(&lim);
    lim.max_file_bytes = 1u << 20;
    char *one = malloc(600000);
    assert_non_null(one);
    memcpy(one, "<sst><si><t>", 12);
    uint32_t x = 12345;
    for (size_t i = 0; i < 500000; i++) {   /* letters that do not pack like a bomb */
        x = x * 1103515245u + 12345u;
        one[12 + i] = (char)('a' + (x >> 16) % 26);
    }
    strcpy(one + 500012, "</t></si></sst>");
    char rows[2000] = "<row>";
    for (int i = 0; i < 10; i++)
        strcat(rows, "<c t=\"s\"><v>0</v></c>");
    strcat(rows, "</row>");
    part amp[] = {{"xl/workbook.xml", WB, 0}, {"xl/_rels/workbook.xml.rels", RELS, 0},
                  {"xl/sharedStrings.xml", one, 0}, {"xl/worksheets/sheet1.xml", sheet1(rows), 0},
                  {"xl/worksheets/sheet2.xml", sheet1(""), 0}};
    assert_fails(amp, 5, &lim, STYR_E_LIMIT, "cells add up to more than");
    free(one);
    /* one string longer than --max-scalar-size */
    lim.max_file_bytes = 64u << 20;
    lim.max_scalar_bytes = 1000;
    char *longs = malloc(3000);
    assert_non_null(longs);
    memcpy(longs, "<sst><si><t>", 12);
    memset(longs + 12, 'x', 2000);
    strcpy(longs + 2012, "</t></si></sst>");
    part p2[] = {{"xl/workbook.xml", WB, 0}, {"xl/_rels/workbook.xml.rels", RELS, 0},
                 {"xl/sharedStrings.xml", longs, 0}};
    assert_fails(p2, 3, &lim, STYR_E_LIMIT, "longer than 1000 bytes");
    /* a reference past the table */
    part p3[] = {{"xl/workbook.xml", WB, 0}, {"xl/_rels/workbook.xml.rels", RELS, 0},
                 {"xl/sharedStrings.xml", "<sst><si><t>a</t></si></sst>", 0},
                 {"xl/worksheets/sheet1.xml", sheet1("<row><c t=\"s\"><v>7</v></c></row>"), 0},
                 {"xl/worksheets/sheet2.xml", sheet1(""), 0}};
    assert_fails(p3, 5, NULL, STYR_E_SYNTAX, "shared string '7', which does not exist");
    free(longs);
    free(sst);
}

static void test_deep_xml_and_entities(void **state)
{
    (void)state;
    char deep[4000] = "<worksheet>";
    for (int i = 0; i < 100; i++)
        strcat(deep, "<a>");
    part parts[] = {{"xl/workbook.xml", WB, 0}, {"xl/_rels/workbook.xml.rels", RELS, 0},
                    {"xl/worksheets/sheet1.xml", deep, 0}};
    assert_fails(parts, 3, NULL, STYR_E_LIMIT, "deeper than 64 levels");
    const char *laughs = "<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY a \"aaaaaaaaaa\">"
                         "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><workbook>&b;</workbook>";
    part p2[] = {{"xl/workbook.xml", laughs, 0}, {"xl/_rels/workbook.xml.rels", RELS, 0}};
    assert_fails(p2, 2, NULL, STYR_E_SYNTAX, "DOCTYPE");
    /* rows and columns beyond Excel's */
    part p3[] = {{"xl/workbook.xml", WB, 0}, {"xl/_rels/workbook.xml.rels", RELS, 0},
                 {"xl/worksheets/sheet1.xml", sheet1("<row r=\"2000000\"><c><v>1</v></c></row>"), 0}};
    assert_fails(p3, 3, NULL, STYR_E_SYNTAX, "row number 2000000 is out of range");
    part p4[] = {{"xl/workbook.xml", WB, 0}, {"xl/_rels/workbook.xml.rels", RELS, 0},
                 {"xl/worksheets/sheet1.xml", sheet1("<row><c r=\"ZZZZ1\"><v>1</v></c></row>"), 0}};
    assert_fails(p4, 3, NULL, STYR_E_SYNTAX, "is not a cell reference");
    /* two faults: the first is the one named, not overwritten by the next */
    part p5[] = {{"xl/workbook.xml", WB, 0}, {"xl/_rels/workbook.xml.rels", RELS, 0},
                 {"xl/worksheets/sheet1.xml", sheet1("<row><c r=\"ZZZZ1\"><v>1</v></c><c r=\"QQQQ2\"><v>2</v></c></row>"), 0}};
    assert_fails(p5, 3, NULL, STYR_E_SYNTAX, "'ZZZZ1' is not a cell reference");
}

/* ---- the plan ---- */

static styr_doc *plan_of(const char *actions_rows, const char *document_rows, styr_error *err, styr_status want)
{
    char s1[1 << 15];
    snprintf(s1, sizeof s1, "%s", sheet1(actions_rows));
    part parts[] = {{"xl/workbook.xml", WB, 0}, {"xl/_rels/workbook.xml.rels", RELS, 0},
                    {"xl/worksheets/sheet1.xml", s1, 0}, {"xl/worksheets/sheet2.xml", sheet1(document_rows), 0}};
    styr_xlsx_book book;
    assert_int_equal(read_parts(parts, 4, NULL, &book, err), STYR_OK);
    styr_doc *doc = NULL;
    assert_int_equal(styr_plan_from_book(&book, "p.xlsx", 1, &doc, err), want);
    styr_xlsx_book_free(&book);
    return doc;
}

#define IS(ref, text) "<c r=\"" ref "\" t=\"inlineStr\"><is><t>" text "</t></is></c>"
#define NUM(ref, v) "<c r=\"" ref "\"><v>" v "</v></c>"

static const styr_node *at(const styr_node *n, const char *path)
{
    char key[64];
    while (*path && n) {
        size_t k = strcspn(path, ".");
        snprintf(key, sizeof key, "%.*s", (int)k, path);
        if (n->kind == STYR_NODE_SEQ)
            n = styr_seq_item(n, (uint32_t)atoi(key));
        else
            n = styr_map_get(n, key, strlen(key));
        path += k + (path[k] == '.');
    }
    return n;
}

/* A workbook is known by its extension alone, in any case. */
static void test_xlsx_path(void **state)
{
    (void)state;
    assert_true(styr_is_xlsx_path("a.xlsx"));   /* the shortest name with a stem */
    assert_true(styr_is_xlsx_path("plan.XLSX"));
    assert_false(styr_is_xlsx_path(".xlsx"));
    assert_false(styr_is_xlsx_path("a.xls"));
    assert_false(styr_is_xlsx_path("a.yaml"));
}

/* Rows stored out of order (Excel never does, a hand-made workbook may): a
 * data row before the header row in the file is still an action. */
static void test_plan_rows_out_of_order(void **state)
{
    (void)state;
    styr_error err;
    styr_doc *doc = plan_of("<row r=\"2\">" IS("A2", "1.1") IS("B2", "Modell") "</row>"
                            "<row r=\"1\">" IS("A1", "Insats") IS("B1", "Rubrik") "</row>",
                            "<row r=\"1\">" IS("A1", "Fält") IS("B1", "Värde") "</row>", &err, STYR_OK);
    assert_non_null(doc);
    assert_string_equal(at(doc->root, "actions.0.id")->u.text, "1.1");
    assert_string_equal(at(doc->root, "actions.0.title")->u.text, "Modell");
    styr_doc_free(doc);
}

/* A title row above the header: the list of actions is at the header's row
 * of Insatser (what a finding about the list names), not at row 1. */
static void test_plan_header_below_a_title(void **state)
{
    (void)state;
    styr_error err;
    styr_doc *doc = plan_of("<row r=\"1\">" IS("A1", "Handlingsplan") "</row>"
                            "<row r=\"2\">" IS("A2", "Insats") IS("B2", "Rubrik") "</row>"
                            "<row r=\"3\">" IS("A3", "1.1") IS("B3", "Modell") "</row>",
                            "<row r=\"1\">" IS("A1", "Fält") IS("B1", "Värde") "</row>", &err, STYR_OK);
    assert_non_null(doc);
    const styr_node *actions = at(doc->root, "actions");
    assert_non_null(actions);
    assert_int_equal(styr_sheet_of_line(actions->line), STYR_SHEET_INSATSER);
    assert_int_equal(styr_row_of_line(actions->line), 2);
    assert_string_equal(at(doc->root, "actions.0.id")->u.text, "1.1");
    styr_doc_free(doc);
}

static void test_plan_tree(void **state)
{
    (void)state;
    styr_error err;
    styr_doc *doc = plan_of(
        "<row r=\"1\">" IS("A1", "Insats") IS("B1", "Rubrik") IS("C1", "Finansiär") IS("D1", "Belopp (kr)")
        IS("E1", " Start  ") IS("F1", "Partner") IS("G1", "Okänd kolumn") IS("H1", "Slut") IS("I1", "Årsarbetare") "</row>"
        "<row r=\"2\">" NUM("A2", "1.1") IS("B2", "Modell") IS("C2", "Vinnova") IS("D2", "1,5 MSEK")
        NUM("E2", "43101") IS("F2", "BRG; Intraservice;") IS("G2", "ignored") NUM("H2", "43465") NUM("I2", "1.25") "</row>"
        "<row r=\"3\">" IS("A3", "1.1") IS("B3", "not read: a further row adds financing only")
        IS("C3", "Tillväxtverket") NUM("D3", "250000") "</row>"
        "<row r=\"5\">" IS("A5", "1.2") NUM("E5", "2018") NUM("H5", "43190") "</row>"
        "<row r=\"6\">" IS("A6", "1.3") NUM("E6", "43343") NUM("H6", "43890") "</row>"
        "<row r=\"7\">" IS("A7", "1.4") NUM("E7", "1") NUM("H7", "2958466") "</row>"
        "<row r=\"8\">" IS("A8", "1.5") NUM("E8", "59") NUM("H8", "61") "</row>"
        "<row r=\"9\">" IS("A9", "1.6") IS("E9", "2019") IS("H9", "20190") "</row>",
        "<row r=\"1\">" IS("A1", "Fält") IS("B1", "Värde") "</row>"
        "<row r=\"2\">" IS("A2", "title") IS("B2", "Plan") "</row>"
        "<row r=\"3\">" IS("A3", "period.from") NUM("B3", "2018") "</row>"
        "<row r=\"4\">" IS("A4", "applies_to") IS("B4", "BRG;Intraservice") "</row>"
        "<row r=\"5\">" IS("A5", "document.reference") IS("B5", "1580/17") "</row>"
        "<row r=\"6\">" IS("A6", "anteckning") NUM("B6", "12") "</row>"
        "<row r=\"7\">" IS("A7", " ") IS("B7", "a value with no field") "</row>",
        &err, STYR_OK);
    assert_non_null(doc);
    assert_non_null(doc->sheets);
    const styr_node *r = doc->root;
    assert_string_equal(at(r, "kind")->u.text, "action-plan");
    assert_int_equal(at(r, "version")->v.i, 1);
    assert_string_equal(at(r, "document.title")->u.text, "Plan");
    assert_int_equal(at(r, "document.applies_to")->count, 2);
    assert_string_equal(at(r, "document.reference")->u.text, "1580/17");   /* "document." may be written */
    /* a field the format does not name is read as text (the schema then says it is unknown) */
    assert_int_equal(at(r, "document.anteckning")->stype, STYR_SCALAR_STRING);
    assert_string_equal(at(r, "document.anteckning")->u.text, "12");
    /* a value beside an empty field name is no field */
    assert_null(styr_map_get(at(r, "document"), "", 0));
    assert_null(styr_map_get(r, "", 0));
    assert_int_equal(at(r, "period.from")->stype, STYR_SCALAR_INT);
    const styr_node *a = at(r, "actions");
    assert_int_equal(a->count, 6);
    /* a numeric id is a text, as written */
    assert_int_equal(at(r, "actions.0.id")->stype, STYR_SCALAR_STRING);
    assert_string_equal(at(r, "actions.0.id")->u.text, "1.1");
    assert_string_equal(at(r, "actions.0.title")->u.text, "Modell");
    /* the Swedish amount stays a text here: the schema reads it (swedish_number.c) */
    assert_string_equal(at(r, "actions.0.financing.0.amount_sek")->u.text, "1,5 MSEK");
    assert_int_equal(at(r, "actions.0.financing.1.amount_sek")->v.i, 250000);
    /* a number that is not whole stays a decimal */
    assert_int_equal(at(r, "actions.0.financing.0.fte")->stype, STYR_SCALAR_FLOAT);
    assert_true(at(r, "actions.0.financing.0.fte")->v.f == 1.25);
    assert_string_equal(at(r, "actions.0.financing.1.source")->u.text, "Tillväxtverket");
    /* an Excel date serial in a date column: 43101 is 2018-01-01 (under a
     * heading written " Start  ": spaces around a heading go) */
    assert_string_equal(at(r, "actions.0.timeline.start")->u.text, "2018-01-01");
    /* and 43465 is 2018-12-31 (a month past February takes the other branch) */
    assert_string_equal(at(r, "actions.0.timeline.end")->u.text, "2018-12-31");
    /* a year typed as a number stays a year */
    assert_int_equal(at(r, "actions.1.timeline.start")->v.i, 2018);
    /* the last day of a 31-day month stays in its month (March 31 and
     * August 31 are where day-of-year to month is one off at a boundary),
     * and a leap day is a day */
    assert_string_equal(at(r, "actions.1.timeline.end")->u.text, "2018-03-31");
    assert_string_equal(at(r, "actions.2.timeline.start")->u.text, "2018-08-31");
    assert_string_equal(at(r, "actions.2.timeline.end")->u.text, "2020-02-29");
    /* the serials' range: 1 is 1900-01-01, the first day; 2958466 would be
     * 10000-01-01, past 9999-12-31, so it stays the text written (which the
     * date rules then call no date) */
    assert_string_equal(at(r, "actions.3.timeline.start")->u.text, "1900-01-01");
    assert_int_equal(at(r, "actions.3.timeline.end")->stype, STYR_SCALAR_STRING);
    assert_string_equal(at(r, "actions.3.timeline.end")->u.text, "2958466");
    /* around Excel's 29 February 1900 that never was (60): 59 is 28 February,
     * 61 the first of March */
    assert_string_equal(at(r, "actions.4.timeline.start")->u.text, "1900-02-28");
    assert_string_equal(at(r, "actions.4.timeline.end")->u.text, "1900-03-01");
    /* a year typed as text in a date column is a year too; five digits are not */
    assert_int_equal(at(r, "actions.5.timeline.start")->stype, STYR_SCALAR_INT);
    assert_int_equal(at(r, "actions.5.timeline.start")->v.i, 2019);
    assert_int_equal(at(r, "actions.5.timeline.end")->stype, STYR_SCALAR_STRING);
    assert_int_equal(at(r, "actions.0.partners")->count, 2);
    /* positions: sheet in the line's high bits, row below, column as is */
    const styr_node *amount = at(r, "actions.0.financing.1.amount_sek");
    assert_int_equal(styr_sheet_of_line(amount->line), STYR_SHEET_INSATSER);
    assert_int_equal(styr_row_of_line(amount->line), 3);
    assert_int_equal(amount->column, 4);
    const styr_node *title = at(r, "document.title");
    assert_int_equal(styr_sheet_of_line(title->line), STYR_SHEET_DOKUMENT);
    assert_int_equal(styr_row_of_line(title->line), 2);
    assert_int_equal(title->column, 2);
    char path[128];
    styr_node_path(amount, path, sizeof path);
    assert_string_equal(path, "actions[0].financing[1].amount_sek");
    styr_doc_free(doc);
}

static void test_plan_errors(void **state)
{
    (void)state;
    styr_error err;
    plan_of("<row>" IS("A1", "Insats") IS("B1", "Rubrik") IS("C1", "Rubrik") "</row>", "", &err, STYR_E_INPUT);
    assert_non_null(strstr(err.message, "Insatser!C1: column 'Rubrik' is given twice"));
    plan_of("<row>" IS("A1", "Insats") "</row>",
            "<row r=\"2\">" IS("A2", "title") IS("B2", "a") "</row><row r=\"7\">" IS("A7", "title") IS("B7", "b") "</row>",
            &err, STYR_E_INPUT);
    assert_non_null(strstr(err.message, "Dokument!A7: field 'title' is given twice (first in row 2)"));
    plan_of("<row>" IS("A1", "Insats") "</row>",
            "<row r=\"2\">" IS("A2", "title") IS("B2", "a") "</row><row r=\"3\">" IS("A3", "document.title") IS("B3", "b") "</row>",
            &err, STYR_E_INPUT);
    assert_non_null(strstr(err.message, "Dokument!A3: field 'title' is given twice (first in row 2)"));
    plan_of("<row>" IS("A1", "Rubrik") "</row>", "", &err, STYR_E_INPUT);
    assert_non_null(strstr(err.message, "first column's header must be 'Insats'"));
    /* a workbook without the plan's sheets */
    styr_xlsx_book book = {NULL, 0};
    styr_doc *doc;
    assert_int_equal(styr_plan_from_book(&book, "x.xlsx", 1, &doc, &err), STYR_E_INPUT);
    assert_non_null(strstr(err.message, "no sheet 'Insatser'"));
}

/* A text in a number column becomes a number only when it is a decimal
 * number in YAML's grammar: ".5", "+7" and "1e3" are numbers, as in a YAML
 * plan; "0x10" and "inf" stay the text written (the schema then names the
 * cell), never 16 or infinity, so a quoted YAML "0x10" converts to a
 * workbook and back as the same text. */
static void test_number_cells_plain_only(void **state)
{
    (void)state;
    styr_error err;
    styr_doc *doc = plan_of(
        "<row r=\"1\">" IS("A1", "Insats") IS("B1", "Belopp (kr)") IS("C1", "Årsarbetare") "</row>"
        "<row r=\"2\">" IS("A2", "1.1") IS("B2", "0x10") IS("C2", ".5") "</row>"
        "<row r=\"3\">" IS("A3", "1.2") IS("B3", "inf") IS("C3", "-2.5") "</row>"
        "<row r=\"4\">" IS("A4", "1.3") IS("B4", "+7") IS("C4", "1e3") "</row>"
        "<row r=\"5\">" IS("A5", "1.4") IS("B5", "5e") IS("C5", "2e+") "</row>",
        "<row r=\"1\">" IS("A1", "Fält") IS("B1", "Värde") "</row>", &err, STYR_OK);
    assert_non_null(doc);
    const styr_node *r = doc->root;
    /* an exponent needs digits: "5e" and "2e+" stay texts */
    static const char *const texts[][2] = {{"actions.0.financing.0.amount_sek", "0x10"},
                                           {"actions.1.financing.0.amount_sek", "inf"},
                                           {"actions.3.financing.0.amount_sek", "5e"},
                                           {"actions.3.financing.0.fte", "2e+"}};
    for (size_t i = 0; i < 4; i++) {
        assert_int_equal(at(r, texts[i][0])->stype, STYR_SCALAR_STRING);
        assert_string_equal(at(r, texts[i][0])->u.text, texts[i][1]);
    }
    assert_int_equal(at(r, "actions.0.financing.0.fte")->stype, STYR_SCALAR_FLOAT);
    assert_true(at(r, "actions.0.financing.0.fte")->v.f == 0.5);
    assert_true(at(r, "actions.1.financing.0.fte")->v.f == -2.5);
    assert_int_equal(at(r, "actions.2.financing.0.amount_sek")->v.i, 7);
    assert_int_equal(at(r, "actions.2.financing.0.fte")->v.i, 1000);   /* a whole number, as the cells' 1000 */
    styr_doc_free(doc);
}

/* A number written as text with a signed exponent ("1e-3", "2E+2") is a
 * number as YAML reads it; a Boolean cell (Excel's TRUE) is true. */
static void test_exponent_and_boolean_cells(void **state)
{
    (void)state;
    styr_error err;
    styr_doc *doc = plan_of(
        "<row r=\"1\">" IS("A1", "Insats") IS("B1", "Belopp (kr)") IS("C1", "Årsarbetare") "</row>"
        "<row r=\"2\">" IS("A2", "1.1") IS("B2", "2E+2") IS("C2", "1e-3") "</row>",
        "<row r=\"1\">" IS("A1", "Fält") IS("B1", "Värde") "</row>"
        "<row r=\"2\">" IS("A2", "illustrative") "<c r=\"B2\" t=\"b\"><v>1</v></c></row>", &err, STYR_OK);
    assert_non_null(doc);
    const styr_node *r = doc->root;
    assert_int_not_equal(at(r, "actions.0.financing.0.amount_sek")->stype, STYR_SCALAR_STRING);
    assert_int_equal(at(r, "actions.0.financing.0.fte")->stype, STYR_SCALAR_FLOAT);
    assert_true(at(r, "actions.0.financing.0.fte")->v.f == 0.001);
    assert_int_equal(at(r, "illustrative")->stype, STYR_SCALAR_BOOL);
    assert_string_equal(at(r, "illustrative")->u.text, "true");
    styr_doc_free(doc);
}

/* The workbook's problems in the run's language: Swedish by default (and
 * without limits), English with --lang en; the sheet and cell lead either
 * way, and a missing file gives the system's reason in Swedish. */
static void in_both(const part *parts, size_t n, styr_status code, const char *sv, const char *en)
{
    styr_xlsx_book book;
    styr_error err;
    assert_int_equal(read_parts_in(parts, n, NULL, STYR_EXPLAIN_SV, &book, &err), code);
    if (!strstr(err.message, sv))
        fail_msg("'%s' not in '%s'", sv, err.message);
    assert_int_equal(read_parts_in(parts, n, NULL, STYR_EXPLAIN_EN, &book, &err), code);
    if (!strstr(err.message, en))
        fail_msg("'%s' not in '%s'", en, err.message);
}

static void test_swedish_messages(void **state)
{
    (void)state;
    part formula[] = {{"xl/workbook.xml", WB, 0}, {"xl/_rels/workbook.xml.rels", RELS, 0},
                      {"xl/worksheets/sheet1.xml", sheet1("<row r=\"3\"><c r=\"B3\"><f>A1</f></c></row>"), 0},
                      {"xl/worksheets/sheet2.xml", sheet1(""), 0}};
    in_both(formula, 4, STYR_E_INPUT,
            "Insatser!B3 har en formel utan beräknat värde; öppna arbetsboken i Excel (eller LibreOffice) och spara den",
            "Insatser!B3 holds a formula with no computed value; open the workbook in Excel");
    part none[] = {{"hello.txt", "hi", 0}};
    in_both(none, 1, STYR_E_SYNTAX, "inte en .xlsx-arbetsbok: arkivet saknar xl/workbook.xml",
            "not an .xlsx workbook: the archive has no xl/workbook.xml");
    part bad[] = {{"xl/workbook.xml", "<workbook><sheets>", 0}, {"xl/_rels/workbook.xml.rels", RELS, 0}};
    in_both(bad, 2, STYR_E_SYNTAX, "xl/workbook.xml: trasig XML på rad 1, kolumn 19:",
            "xl/workbook.xml: broken XML at line 1, column 19:");
    part missing[] = {{"xl/workbook.xml", WB, 0}, {"xl/_rels/workbook.xml.rels", RELS, 0}};
    in_both(missing, 2, STYR_E_SYNTAX, "inte en .xlsx-arbetsbok: arkivet saknar xl/worksheets/sheet1.xml",
            "not an .xlsx workbook: the archive has no xl/worksheets/sheet1.xml");
    part norel[] = {{"xl/workbook.xml", WB, 0}, {"xl/_rels/workbook.xml.rels", "<Relationships/>", 0}};
    in_both(norel, 2, STYR_E_SYNTAX, "bladet 'Insatser' har ingen del i arkivet",
            "sheet 'Insatser' has no part in the archive");
    part ref[] = {{"xl/workbook.xml", WB, 0}, {"xl/_rels/workbook.xml.rels", RELS, 0},
                  {"xl/worksheets/sheet1.xml", sheet1("<row><c r=\"ZZZZ1\"><v>1</v></c></row>"), 0}};
    in_both(ref, 3, STYR_E_SYNTAX, "'ZZZZ1' är ingen cellreferens", "'ZZZZ1' is not a cell reference");
    part doctype[] = {{"xl/workbook.xml", "<!DOCTYPE w><workbook/>", 0}, {"xl/_rels/workbook.xml.rels", RELS, 0}};
    in_both(doctype, 2, STYR_E_SYNTAX, "en DOCTYPE-deklaration är inte tillåten i en arbetsbok",
            "a DOCTYPE declaration is not allowed in a workbook");

    /* the plan's sheets: styr_plan_from_book takes the language itself */
    part twice[] = {{"xl/workbook.xml", WB, 0}, {"xl/_rels/workbook.xml.rels", RELS, 0},
                    {"xl/worksheets/sheet1.xml",
                     sheet1("<row>" IS("A1", "Insats") IS("B1", "Rubrik") IS("C1", "Rubrik") "</row>"), 0},
                    {"xl/worksheets/sheet2.xml",
                     sheet1("<row r=\"2\">" IS("A2", "title") IS("B2", "a") "</row><row r=\"7\">" IS("A7", "title")
                            IS("B7", "b") "</row>"), 0}};
    styr_xlsx_book book;
    styr_error err;
    styr_doc *doc = NULL;
    assert_int_equal(read_parts(twice, 4, NULL, &book, &err), STYR_OK);
    assert_int_equal(styr_plan_from_book(&book, "p.xlsx", 0, &doc, &err), STYR_E_INPUT);
    assert_non_null(strstr(err.message, "Dokument!A7: fältet 'title' finns två gånger (första gången på rad 2)"));
    styr_xlsx_book_free(&book);
    twice[3].data = sheet1("");
    assert_int_equal(read_parts(twice, 4, NULL, &book, &err), STYR_OK);
    assert_int_equal(styr_plan_from_book(&book, "p.xlsx", 0, &doc, &err), STYR_E_INPUT);
    assert_non_null(strstr(err.message, "Insatser!C1: kolumnen 'Rubrik' finns två gånger"));
    styr_xlsx_book_free(&book);
    twice[2].data = sheet1("<row>" IS("A1", "Rubrik") "</row>");
    assert_int_equal(read_parts(twice, 4, NULL, &book, &err), STYR_OK);
    assert_int_equal(styr_plan_from_book(&book, "p.xlsx", 0, &doc, &err), STYR_E_INPUT);
    assert_non_null(strstr(err.message, "ingen rubrikrad: den första kolumnens rubrik ska vara 'Insats'"));
    styr_xlsx_book_free(&book);
    styr_xlsx_book empty = {NULL, 0};
    assert_int_equal(styr_plan_from_book(&empty, "x.xlsx", 0, &doc, &err), STYR_E_INPUT);
    assert_non_null(strstr(err.message, "arbetsboken har inget blad 'Insatser': en handlingsplan i Excel har bladen "
                                        "Insatser, Dokument och Strategier (styr template --format xlsx skriver en sådan)"));
    assert_null(doc);
    /* Insatser without Dokument is refused as well, naming the sheet missing */
    assert_int_equal(read_parts(twice, 4, NULL, &book, &err), STYR_OK);
    book.nsheets = 1;
    assert_int_equal(styr_plan_from_book(&book, "p.xlsx", 0, &doc, &err), STYR_E_INPUT);
    assert_non_null(strstr(err.message, "arbetsboken har inget blad 'Dokument'"));
    assert_null(doc);
    book.nsheets = 2;
    styr_xlsx_book_free(&book);

    /* a file that is not there: the system's reason, in the run's language */
    styr_limits lim;
    styr_limits_default(&lim);
    assert_int_equal(styr_xlsx_read_file("/nonexistent/plan.xlsx", &lim, NULL, &book, &err), STYR_E_IO);
    assert_string_equal(err.message, "kan inte öppnas: filen finns inte");
    lim.lang = STYR_EXPLAIN_EN;
    assert_int_equal(styr_xlsx_read_file("/nonexistent/plan.xlsx", &lim, NULL, &book, &err), STYR_E_IO);
    assert_string_equal(err.message, "cannot open: No such file or directory");
    /* nor is a path through a file (libzip's read error, ENOTDIR): the
     * system's reason too, not libzip's English "Read error" */
    lim.lang = STYR_EXPLAIN_SV;
    assert_int_equal(styr_xlsx_read_file("/dev/null/plan.xlsx", &lim, NULL, &book, &err), STYR_E_IO);
    assert_string_equal(err.message, "kan inte läsas: en del av sökvägen är ingen mapp");
    lim.lang = STYR_EXPLAIN_EN;
    assert_int_equal(styr_xlsx_read_file("/dev/null/plan.xlsx", &lim, NULL, &book, &err), STYR_E_IO);
    assert_string_equal(err.message, "cannot read: Not a directory");
}

/* A workbook plan read from a file speaks the run's language: a sheet
 * without its header row is refused in Swedish by default and in English
 * with --lang en (styr_doc_load_xlsx hands the language on to
 * styr_plan_from_book). */
static void test_load_xlsx_in_the_runs_language(void **state)
{
    (void)state;
    part noheader[] = {{"xl/workbook.xml", WB, 0}, {"xl/_rels/workbook.xml.rels", RELS, 0},
                       {"xl/worksheets/sheet1.xml", sheet1("<row>" IS("A1", "Rubrik") "</row>"), 0},
                       {"xl/worksheets/sheet2.xml", sheet1(""), 0}};
    size_t len;
    void *buf = make_zip(noheader, 4, &len);
    char path[] = "/tmp/styr-test-xlsx-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, buf, len), (ssize_t)len);
    close(fd);
    free(buf);
    styr_limits lim;
    styr_limits_default(&lim);
    styr_doc *doc = NULL;
    styr_error err;
    assert_int_equal(styr_doc_load_xlsx(path, &lim, &doc, &err), STYR_E_INPUT);
    assert_null(doc);
    assert_non_null(strstr(err.message, "ingen rubrikrad: den första kolumnens rubrik ska vara 'Insats'"));
    lim.lang = STYR_EXPLAIN_EN;
    assert_int_equal(styr_doc_load_xlsx(path, &lim, &doc, &err), STYR_E_INPUT);
    assert_null(doc);
    assert_non_null(strstr(err.message, "no header row: the first column's header must be 'Insats'"));
    unlink(path);
}

/* A workbook that is there but that the system will not open (here no file
 * descriptor is left: fopen fails with EMFILE after the file was found) is
 * said with the system's reason in the run's language, not with libzip's
 * English "Can't open file". */
static void test_open_refused(void **state)
{
    (void)state;
    char path[] = "/tmp/styr-test-xlsx-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    struct rlimit old, low;
    assert_int_equal(getrlimit(RLIMIT_NOFILE, &old), 0);
    low = old;
    low.rlim_cur = 16;
    assert_int_equal(setrlimit(RLIMIT_NOFILE, &low), 0);
    int held[16];
    size_t nheld = 0;
    for (int f; nheld < 16 && (f = open("/dev/null", O_RDONLY)) >= 0;)
        held[nheld++] = f;
    styr_limits lim;
    styr_limits_default(&lim);
    styr_xlsx_book book;
    styr_error err;
    char msg[2][sizeof err.message];
    styr_status st[2];
    st[0] = styr_xlsx_read_file(path, &lim, NULL, &book, &err);
    snprintf(msg[0], sizeof msg[0], "%s", err.message);
    lim.lang = STYR_EXPLAIN_EN;
    st[1] = styr_xlsx_read_file(path, &lim, NULL, &book, &err);
    snprintf(msg[1], sizeof msg[1], "%s", err.message);
    while (nheld)
        close(held[--nheld]);
    setrlimit(RLIMIT_NOFILE, &old);
    unlink(path);
    assert_int_equal(st[0], STYR_E_IO);
    assert_string_equal(msg[0], "kan inte läsas: för många öppna filer");
    assert_int_equal(st[1], STYR_E_IO);
    assert_string_equal(msg[1], "cannot read: Too many open files");
}

/* What a cell cannot hold is named, never cut silently: a text past the
 * 32 767 UTF-16 units of a cell (an emoji counts two) in a value, in a
 * list's joined cell, in a true/false field, and in a field name; and the
 * message about it is itself whole UTF-8 with the length in it. */
typedef struct losses { char msg[8][512]; size_t n; } losses;

static void collect(void *ud, const styr_node *n, const char *why)
{
    (void)n;
    losses *l = ud;
    if (l->n < 8)
        snprintf(l->msg[l->n++], sizeof l->msg[0], "%s", why);
}

static size_t losses_of(const char *yaml, losses *l)
{
    styr_limits lim;
    styr_limits_default(&lim);
    lim.max_scalar_bytes = 1 << 20;   /* texts longer than a cell, as --max-scalar-size allows */
    styr_doc *doc = NULL;
    styr_error err;
    if (styr_doc_load_buffer("p.yaml", yaml, strlen(yaml), &lim, &doc, &err) != STYR_OK)
        fail_msg("the plan does not load: %s", err.message);
    memset(l, 0, sizeof *l);
    size_t n = styr_plan_sheet_losses(doc, 1, collect, l);
    styr_doc_free(doc);
    return n;
}

static char *repeat(const char *unit, size_t times)
{
    size_t u = strlen(unit);
    char *s = malloc(u * times + 1);
    assert_non_null(s);
    for (size_t i = 0; i < times; i++)
        memcpy(s + i * u, unit, u);
    s[u * times] = '\0';
    return s;
}

static void test_too_long_for_a_cell(void **state)
{
    (void)state;
    /* each plan: head, the long text, [between, the long text again,] tail */
    static const struct { const char *head, *between, *tail, *unit; size_t times; const char *says; } cases[] = {
        /* exactly a cell: kept whole, nothing said */
        {"kind: action-plan\nversion: 1\nactions:\n  - id: '1'\n    description: '", NULL, "'\n", "a", 32767, NULL},
        {"kind: action-plan\nversion: 1\nactions:\n  - id: '1'\n    description: '", NULL, "'\n", "a", 32768,
         "the value of 'description' is 32768 characters long"},
        /* 16 384 emoji are 32 768 units */
        {"kind: action-plan\nversion: 1\nactions:\n  - id: '1'\n    description: '", NULL, "'\n",
         "\xf0\x9f\x98\x80", 16384, "the value of 'description' is 32768 characters long"},
        /* two programmes of 20 000: the cell "A; B" is 40 002 */
        {"kind: action-plan\nversion: 1\nactions:\n  - id: '1'\n    links:\n      programs:\n        - '",
         "'\n        - '", "'\n", "p", 20000, "the list 'programs' is 40002 characters long"},
        {"kind: action-plan\nversion: 1\nillustrative: '", NULL, "'\n", "y", 40000,
         "the value of 'illustrative' is 40000 characters long"},
        /* a key this long is written as an explicit key (? ...) */
        {"kind: action-plan\nversion: 1\ndocument:\n  ? '", NULL, "'\n  : x\n", "\xc3\xb6", 40000,
         "the field name '\xc3\xb6\xc3\xb6"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        char *value = repeat(cases[k].unit, cases[k].times);
        size_t cap = strlen(cases[k].head) + 2 * strlen(value) + 64;
        char *yaml = malloc(cap);
        assert_non_null(yaml);
        strcpy(yaml, cases[k].head);
        strcat(yaml, value);
        if (cases[k].between) {
            strcat(yaml, cases[k].between);
            strcat(yaml, value);
        }
        strcat(yaml, cases[k].tail);
        losses l;
        size_t n = losses_of(yaml, &l);
        if (!cases[k].says) {
            if (n)
                fail_msg("case %zu: %zu losses, the first '%.200s'", k, n, l.msg[0]);
        } else {
            assert_true(n >= 1);
            if (!strstr(l.msg[0], cases[k].says))
                fail_msg("case %zu: '%.200s' lacks '%s'", k, l.msg[0], cases[k].says);
            /* the message ends whole: its last byte is no part of a longer character */
            size_t len = strlen(l.msg[0]);
            assert_true((unsigned char)l.msg[0][len - 1] < 0x80);
        }
        free(yaml);
        free(value);
    }
}

/* A loss's message has room for 399 bytes: one of 399 is whole, one of
 * exactly 400 is cut and says so with "..." (a field name of 361 and 362
 * bytes in "field '%s' has no column in the workbook"). */
static void test_loss_message_at_its_limit(void **state)
{
    (void)state;
    for (size_t klen = 361; klen <= 362; klen++) {
        char *key = repeat("z", klen);
        char yaml[600];
        snprintf(yaml, sizeof yaml, "kind: action-plan\nversion: 1\nactions:\n  - id: '1'\n    %s: x\n", key);
        losses l;
        assert_int_equal(losses_of(yaml, &l), 1);
        size_t len = strlen(l.msg[0]);
        assert_int_equal(len, 399);
        const char *end = klen == 361 ? "in the workbook" : "in the work...";
        if (strcmp(l.msg[0] + len - strlen(end), end) != 0)
            fail_msg("key of %zu: the message ends '%s'", klen, l.msg[0] + len - 20);
        free(key);
    }
}

/* A workbook may hold 10000 relationships (its two sheets' and fillers);
 * one more is refused. */
static void test_relationships_bounded(void **state)
{
    (void)state;
    for (size_t n = 10000; n <= 10001; n++) {
        size_t cap = n * 80 + 512, o = 0;
        char *rels = malloc(cap);
        assert_non_null(rels);
        o += (size_t)snprintf(rels + o, cap - o,
                              "<?xml version=\"1.0\"?><Relationships>"
                              "<Relationship Id=\"rId1\" Type=\"ws\" Target=\"worksheets/sheet1.xml\"/>"
                              "<Relationship Id=\"rId2\" Type=\"ws\" Target=\"worksheets/sheet2.xml\"/>");
        for (size_t i = 2; i < n; i++)
            o += (size_t)snprintf(rels + o, cap - o, "<Relationship Id=\"x%zu\" Type=\"t\" Target=\"n%zu.xml\"/>", i, i);
        o += (size_t)snprintf(rels + o, cap - o, "</Relationships>");
        part parts[] = {{"xl/workbook.xml", WB, 0}, {"xl/_rels/workbook.xml.rels", rels, o},
                        {"xl/worksheets/sheet1.xml", sheet1(""), 0}, {"xl/worksheets/sheet2.xml", sheet1(""), 0}};
        if (n == 10000) {
            styr_xlsx_book book;
            styr_error err;
            if (read_parts(parts, 4, NULL, &book, &err) != STYR_OK)
                fail_msg("10000 relationships: %s", err.message);
            styr_xlsx_book_free(&book);
        } else {
            assert_fails(parts, 4, NULL, STYR_E_LIMIT, "more than 10000 relationships");
        }
        free(rels);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_refs),
        cmocka_unit_test(test_entry_not_unpackable),
        cmocka_unit_test(test_xlsx_path),
        cmocka_unit_test(test_cells),
        cmocka_unit_test(test_xstring_escapes),
        cmocka_unit_test(test_last_column),
        cmocka_unit_test(test_t_outside_is),
        cmocka_unit_test(test_part_at_the_limit),
        cmocka_unit_test(test_only_wanted_sheets),
        cmocka_unit_test(test_value_at_the_limit),
        cmocka_unit_test(test_shared_string_refs),
        cmocka_unit_test(test_malformed_xml_position),
        cmocka_unit_test(test_broken_archives),
        cmocka_unit_test(test_zip_bomb),
        cmocka_unit_test(test_shared_strings_bounded),
        cmocka_unit_test(test_relationships_bounded),
        cmocka_unit_test(test_deep_xml_and_entities),
        cmocka_unit_test(test_buffer_over_file_limit),
        cmocka_unit_test(test_formulas_and_empty_cells),
        cmocka_unit_test(test_plan_tree),
        cmocka_unit_test(test_plan_rows_out_of_order),
        cmocka_unit_test(test_plan_header_below_a_title),
        cmocka_unit_test(test_plan_errors),
        cmocka_unit_test(test_number_cells_plain_only),
        cmocka_unit_test(test_exponent_and_boolean_cells),
        cmocka_unit_test(test_swedish_messages),
        cmocka_unit_test(test_load_xlsx_in_the_runs_language),
        cmocka_unit_test(test_open_refused),
        cmocka_unit_test(test_too_long_for_a_cell),
        cmocka_unit_test(test_loss_message_at_its_limit),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
