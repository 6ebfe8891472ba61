/* plan_sheets.c - a workbook's cells become the document tree of an action
 * plan (see plan_sheets.h), with every value at its sheet and cell.
 *
 * The tree is first built as a small intermediate tree (growable, malloc'd)
 * and then frozen into the document's arena in the shape yaml_load.c gives:
 * the rules and report writers cannot tell a workbook plan from a YAML one,
 * except by its positions.
 */
#include "plan_sheets.h"
#include "sha256.h"
#include "yaml_explain.h"
#include "internal/map_index.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdarg.h>
#include <string.h>
#include <strings.h>
#include <time.h>

const char *const styr_plan_sheet_names[STYR_SHEET_COUNT] = {NULL, "Insatser", "Dokument", "Strategier", "Budget",
                                                             "Undantag"};

const styr_plan_column styr_plan_action_columns[] = {
    {"Insats", "id", STYR_CELL_TEXT, NULL},
    {"Strategi", "strategy", STYR_CELL_TEXT, NULL},
    {"Rubrik", "title", STYR_CELL_TEXT, NULL},
    {"Beskrivning", "description", STYR_CELL_TEXT, NULL},
    {"Ansvarig", "owner", STYR_CELL_TEXT, "owner"},
    {"Partner", "partners", STYR_CELL_LIST, NULL},
    {"Start", "timeline.start", STYR_CELL_DATE, NULL},
    {"Slut", "timeline.end", STYR_CELL_DATE, NULL},
    {"Finansiär", "financing.source", STYR_CELL_TEXT, "funder"},
    {"Finansieringstyp", "financing.type", STYR_CELL_TEXT, "financing_type"},
    {"Status", "status", STYR_CELL_TEXT, "status"},
    {"Belopp (kr)", "financing.amount_sek", STYR_CELL_NUMBER, NULL},
    {"Årsarbetare", "financing.fte", STYR_CELL_NUMBER, NULL},
    {"Till och med", "financing.until", STYR_CELL_DATE, NULL},
    {"Program", "links.programs", STYR_CELL_LIST, "program"},
    {"Länkade insatser", "links.actions", STYR_CELL_LIST, NULL},
    {"Indikatorer", "indicators", STYR_CELL_LIST, NULL},
    /* beyond FORMATS.md section 14, so that a conversion loses no field */
    {"Föregående insats", "previous", STYR_CELL_TEXT, NULL},
    {"År", "financing.years", STYR_CELL_YEARS, NULL},
    {"Referens", "financing.reference", STYR_CELL_TEXT, NULL},
    {"Finansieringsstatus", "financing.status", STYR_CELL_TEXT, NULL},
    {"Finansieringsbeslut", "financing.decision", STYR_CELL_TEXT, NULL},
    {NULL, NULL, STYR_CELL_TEXT, NULL},
};

const styr_plan_column styr_plan_strategy_columns[] = {
    {"Strategi", "id", STYR_CELL_TEXT, NULL},
    {"Rubrik", "title", STYR_CELL_TEXT, NULL},
    {"Beskrivning", "description", STYR_CELL_TEXT, NULL},
    {NULL, NULL, STYR_CELL_TEXT, NULL},
};

const styr_plan_column styr_plan_budget_columns[] = {
    {"År", "year", STYR_CELL_NUMBER, NULL},
    {"Finansiering (kr)", "funding_sek", STYR_CELL_NUMBER, NULL},
    {"Omprioriterade årsarbetare", "fte_reprioritised", STYR_CELL_NUMBER, NULL},
    {"Externa årsarbetare", "fte_external", STYR_CELL_NUMBER, NULL},
    {"Status", "status", STYR_CELL_TEXT, NULL},
    {NULL, NULL, STYR_CELL_TEXT, NULL},
};

const styr_plan_column styr_plan_waiver_columns[] = {
    {"Regel", "rule", STYR_CELL_TEXT, NULL},
    {"Insats", "action", STYR_CELL_TEXT, NULL},
    {"Skäl", "reason", STYR_CELL_TEXT, NULL},
    {NULL, NULL, STYR_CELL_TEXT, NULL},
};

const styr_plan_field styr_plan_document_fields[] = {
    {"id", STYR_CELL_TEXT, "Planens id (valfritt), t.ex. goteborg-innovation-2018-2019"},
    {"owner", STYR_CELL_TEXT, "Planens ansvariga för insatser utan egen Ansvarig, t.ex. Kommunstyrelsen"},
    {"goal", STYR_CELL_TEXT, "Planens målbild"},
    {"aims", STYR_CELL_LIST, "Planens mål (semikolon mellan flera)"},
    {"illustrative", STYR_CELL_BOOL, "SANT när planens uppgifter är påhittade (illustrativa), annars tomt"},
    {"title", STYR_CELL_TEXT, "Dokumentets titel"},
    {"type", STYR_CELL_TEXT, "Dokumentsort: plan, program, policy, riktlinje ..."},
    {"decided_by", STYR_CELL_TEXT, "Beslutad av, t.ex. Kommunfullmäktige"},
    {"decision", STYR_CELL_TEXT, "Datum och paragraf för beslutet"},
    {"applies_to", STYR_CELL_LIST, "Gäller för (flera skiljs med semikolon)"},
    {"reference", STYR_CELL_TEXT, "Diarienummer, t.ex. 1580/17"},
    {"valid_from", STYR_CELL_DATE, "Giltig från (ÅÅÅÅ-MM-DD)"},
    {"valid_until", STYR_CELL_DATE, "Giltig till (ÅÅÅÅ-MM-DD)"},
    {"last_revised", STYR_CELL_DATE, "Senast reviderad (ÅÅÅÅ-MM-DD)"},
    {"responsible", STYR_CELL_TEXT, "Dokumentansvarig"},
    {"implements", STYR_CELL_LIST, "Styrande dokument planen genomför (semikolon mellan flera)"},
    {"conditions", STYR_CELL_LIST, "Villkor för genomförandet (semikolon mellan flera)"},
    {"period.from", STYR_CELL_DATE, "Planperiodens första år"},
    {"period.to", STYR_CELL_DATE, "Planperiodens sista år"},
    {"follow_up.reports", STYR_CELL_LIST, "Uppföljningsrapporter, t.ex. UR2; UR4"},
    {"follow_up.escalate_to", STYR_CELL_TEXT, "Dit stora avvikelser i tid och pengar lyfts"},
    {"follow_up.revision.by", STYR_CELL_DATE, "När planen senast ska revideras (ÅÅÅÅ-MM)"},
    {"follow_up.revision.what", STYR_CELL_TEXT, "Vad revideringen omfattar"},
    {NULL, STYR_CELL_TEXT, NULL},
};

int styr_plan_field_at_root(const char *field)
{
    return strcmp(field, "id") == 0 || strcmp(field, "owner") == 0 || strcmp(field, "goal") == 0 ||
           strcmp(field, "aims") == 0 || strcmp(field, "illustrative") == 0 || strchr(field, '.') != NULL;
}

/* ---- the intermediate tree ---- */

typedef struct bnode bnode;
struct bnode {
    uint8_t kind, stype;
    uint32_t line, column;
    char *text;
    size_t len;
    int64_t i;
    double f;
    bnode **kids;            /* seq: items; map: key, value, key, value ... */
    size_t n, cap;
};

typedef struct builder {
    const char *name;
    styr_error *err;
    int failed;
    int english;   /* messages in English (--lang en), else Swedish */
} builder;

/* A message in the run's language, Swedish first (B: a builder or a loss walk). */
#define SV(B, sv, en) ((B)->english ? (en) : (sv))

static void bfree(bnode *b)
{
    if (!b)
        return;
    for (size_t i = 0; i < b->n; i++)
        bfree(b->kids[i]);
    free(b->kids);
    free(b->text);
    free(b);
}

static uint32_t line_of(int sheet, uint32_t row)
{
    return ((uint32_t)sheet << STYR_SHEET_SHIFT) | row;
}

static bnode *bnew(builder *B, styr_node_kind kind, uint32_t line, uint32_t col)
{
    bnode *b = calloc(1, sizeof *b);
    if (!b) {
        B->failed = 1;
        styr_error_set(B->err, STYR_E_NOMEM, B->name, 0, 0, "%s", SV(B, "minnet tog slut", "out of memory"));
        return NULL;
    }
    b->kind = (uint8_t)kind;
    b->line = line;
    b->column = col;
    return b;
}

static bnode *bstring(builder *B, const char *s, size_t len, uint32_t line, uint32_t col)
{
    bnode *b = bnew(B, STYR_NODE_SCALAR, line, col);
    if (!b)
        return NULL;
    b->stype = STYR_SCALAR_STRING;
    b->text = strndup(s, len);
    b->len = len;
    if (!b->text) {
        free(b);
        B->failed = 1;
        styr_error_set(B->err, STYR_E_NOMEM, B->name, 0, 0, "%s", SV(B, "minnet tog slut", "out of memory"));
        return NULL;
    }
    return b;
}

static int badd(builder *B, bnode *parent, bnode *kid)
{
    if (!kid || !parent)
        return -1;
    if (parent->n == parent->cap) {
        size_t cap = parent->cap ? parent->cap * 2 : 8;
        bnode **g = realloc(parent->kids, cap * sizeof *g);
        if (!g) {
            bfree(kid);
            B->failed = 1;
            styr_error_set(B->err, STYR_E_NOMEM, B->name, 0, 0, "%s", SV(B, "minnet tog slut", "out of memory"));
            return -1;
        }
        parent->kids = g;
        parent->cap = cap;
    }
    parent->kids[parent->n++] = kid;
    return 0;
}

static bnode *bget(bnode *map, const char *key)
{
    for (size_t i = 0; map && i + 1 < map->n; i += 2)
        if (strcmp(map->kids[i]->text, key) == 0)
            return map->kids[i + 1];
    return NULL;
}

/* Adds key: value to map (the key at the value's position). */
static int bput(builder *B, bnode *map, const char *key, bnode *value)
{
    if (!value)
        return -1;
    bnode *k = bstring(B, key, strlen(key), value->line, value->column);
    if (!k) {
        bfree(value);
        return -1;
    }
    if (badd(B, map, k) < 0) {
        bfree(value);
        return -1;
    }
    return badd(B, map, value);
}

/* The map under key in map, made (at line:col) when absent. */
static bnode *bsubmap(builder *B, bnode *map, const char *key, uint32_t line, uint32_t col)
{
    bnode *m = bget(map, key);
    if (m)
        return m;
    m = bnew(B, STYR_NODE_MAP, line, col);
    return bput(B, map, key, m) < 0 ? NULL : m;
}

/* ---- cell values ---- */

static const char *trim(const char *s, size_t *len)
{
    size_t n = strlen(s);
    while (n && isspace((unsigned char)*s)) {
        s++;
        n--;
    }
    while (n && isspace((unsigned char)s[n - 1]))
        n--;
    *len = n;
    return s;
}

/* True when s is a decimal number in the YAML loader's grammar
 * (doc_load.c, resolve_number): [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?.
 * Not YAML's 0x/0o forms nor .inf/.nan: a workbook holds a number as a
 * number cell, so a text cell "0x10" is a text (a quoted YAML "0x10"
 * converts there and back as one); strtod() alone took it as 16. */
static int decimal_number_text(const char *s)
{
    size_t d1 = 0, d2 = 0;
    if (*s == '-' || *s == '+')
        s++;
    for (; isdigit((unsigned char)*s); s++)
        d1++;
    if (*s == '.')
        for (s++; isdigit((unsigned char)*s); s++)
            d2++;
    if (d1 == 0 && d2 == 0)
        return 0;
    if (*s == 'e' || *s == 'E') {
        size_t de = 0;
        s++;
        if (*s == '-' || *s == '+')
            s++;
        for (; isdigit((unsigned char)*s); s++)
            de++;
        if (!de)
            return 0;
    }
    return *s == '\0';
}

/* A plain decimal number, the whole text: sets the node to it. */
static int as_number(bnode *b, const char *s, size_t len)
{
    char buf[64], *end;
    if (len == 0 || len >= sizeof buf)
        return 0;
    memcpy(buf, s, len);
    buf[len] = '\0';
    if (!decimal_number_text(buf))
        return 0;
    errno = 0;
    double v = strtod(buf, &end);
    if (*end || errno || !isfinite(v))
        return 0;
    if (v == floor(v) && fabs(v) < 9e15) {
        b->stype = STYR_SCALAR_INT;
        b->i = (int64_t)v;
    } else {
        b->stype = STYR_SCALAR_FLOAT;
        b->f = v;
    }
    return 1;
}

/* Excel's day number (1900 date system) as YYYY-MM-DD. Excel counts a
 * 29 February 1900 that never was (day 60), so days from 61 on are one
 * more than the calendar's. */
static void serial_date(double serial, char *out, size_t cap)
{
    long n = (long)floor(serial);
    long days = n - (n >= 61 ? 25569 : 25568);   /* days since 1970-01-01 */
    /* civil_from_days (Howard Hinnant) */
    long z = days + 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp < 10 ? mp + 3 : mp - 9;
    if (m <= 2)
        y++;
    snprintf(out, cap, "%04d-%02d-%02d", (int)y, (int)m, (int)d);   /* y <= 9999: the caller bounds serial */
}

static bnode *cell_value(builder *B, const styr_xlsx_cell *c, styr_cell_kind kind, int sheet);

/* A list cell: its items as a sequence at the cell. */
static bnode *cell_list(builder *B, const styr_xlsx_cell *c, int sheet, styr_cell_kind item_kind)
{
    uint32_t line = line_of(sheet, c->row);
    bnode *seq = bnew(B, STYR_NODE_SEQ, line, c->col);
    const char *p = c->text;
    while (seq && *p) {
        size_t n = strcspn(p, ";\n");
        char *item = strndup(p, n);
        if (!item) {
            bfree(seq);
            B->failed = 1;
            styr_error_set(B->err, STYR_E_NOMEM, B->name, 0, 0, "%s", SV(B, "minnet tog slut", "out of memory"));
            return NULL;
        }
        size_t len;
        const char *t = trim(item, &len);
        if (len) {
            styr_xlsx_cell one = {c->row, c->col, 0, (char *)t};
            char save = t[len];
            ((char *)t)[len] = '\0';
            if (badd(B, seq, cell_value(B, &one, item_kind, sheet)) < 0) {
                ((char *)t)[len] = save;
                free(item);
                bfree(seq);
                return NULL;
            }
        }
        free(item);
        p += n;
        if (*p)
            p++;
    }
    return seq;
}

static bnode *cell_value(builder *B, const styr_xlsx_cell *c, styr_cell_kind kind, int sheet)
{
    uint32_t line = line_of(sheet, c->row);
    const char *text = c->text ? c->text : "";   /* the reader gives every cell a text; be sure */
    size_t len;
    const char *t = trim(text, &len);
    switch (kind) {
    case STYR_CELL_LIST:
        return cell_list(B, c, sheet, STYR_CELL_TEXT);
    case STYR_CELL_YEARS:
        return cell_list(B, c, sheet, STYR_CELL_NUMBER);
    case STYR_CELL_NUMBER: {
        bnode *b = bstring(B, text, strlen(text), line, c->col);
        if (b)
            as_number(b, t, len);
        return b;
    }
    case STYR_CELL_DATE: {
        if (c->number) {
            double v = strtod(text, NULL);
            if (v == floor(v) && v >= 1000 && v <= 9999) {
                bnode *b = bstring(B, t, len, line, c->col);
                if (b)
                    as_number(b, t, len);
                return b;
            }
            if (v >= 1 && v < 2958466) {   /* up to 9999-12-31 */
                char date[48];
                serial_date(v, date, sizeof date);
                return bstring(B, date, strlen(date), line, c->col);
            }
        }
        bnode *b = bstring(B, t, len, line, c->col);
        /* a year written as text reads as YAML reads 2018: a whole number */
        if (b && len == 4 && strspn(t, "0123456789") == 4)
            as_number(b, t, len);
        return b;
    }
    case STYR_CELL_BOOL: {
        bnode *b = bstring(B, t, len, line, c->col);
        int yes = len == 4 && strncasecmp(t, "true", 4) == 0, no = len == 5 && strncasecmp(t, "false", 5) == 0;
        if (b && (yes || no)) {
            free(b->text);
            b->text = strdup(yes ? "true" : "false");
            b->len = strlen(yes ? "true" : "false");
            b->stype = STYR_SCALAR_BOOL;
            b->i = yes;
            if (!b->text) {
                free(b);
                B->failed = 1;
                styr_error_set(B->err, STYR_E_NOMEM, B->name, 0, 0, "%s", SV(B, "minnet tog slut", "out of memory"));
                return NULL;
            }
        } else if (b) {
            as_number(b, t, len);   /* another value reads as a number cell does */
        }
        return b;
    }
    case STYR_CELL_TEXT:
    default:
        return bstring(B, c->number ? t : text, c->number ? len : strlen(text), line, c->col);
    }
}

/* ---- sheets ---- */

__attribute__((format(printf, 5, 6)))
static styr_status sheet_error(builder *B, int sheet, uint32_t row, uint32_t col, const char *fmt, ...)
{
    char ref[16], msg[900];
    va_list ap;
    styr_xlsx_cell_ref(ref, sizeof ref, row, col);
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    B->failed = 1;
    return styr_error_set(B->err, STYR_E_INPUT, B->name, row, col, "%s!%s: %s", styr_plan_sheet_names[sheet], ref, msg);
}

/* The column definition of each column number of a sheet, from its header row
 * (the first row that names the first column); returns the header row or 0. */
static uint32_t header_map(builder *B, const styr_xlsx_sheet *sh, int sheet, const styr_plan_column *cols,
                           const styr_plan_column ***by_col, uint32_t *ncols)
{
    uint32_t header = 0, maxcol = 0;
    for (size_t i = 0; i < sh->ncells; i++) {
        size_t len;
        const char *t = trim(sh->cells[i].text, &len);
        if (len == strlen(cols[0].header) && strncmp(t, cols[0].header, len) == 0) {
            header = sh->cells[i].row;
            break;
        }
    }
    if (!header)
        return 0;
    for (size_t i = 0; i < sh->ncells; i++)
        if (sh->cells[i].row == header && sh->cells[i].col > maxcol)
            maxcol = sh->cells[i].col;
    *by_col = calloc((size_t)maxcol + 1, sizeof **by_col);
    *ncols = maxcol;
    if (!*by_col) {
        styr_error_set(B->err, STYR_E_NOMEM, B->name, 0, 0, "%s", SV(B, "minnet tog slut", "out of memory"));
        B->failed = 1;
        return 0;
    }
    for (size_t i = 0; i < sh->ncells; i++) {
        const styr_xlsx_cell *c = &sh->cells[i];
        if (c->row != header)
            continue;
        size_t len;
        const char *t = trim(c->text, &len);
        for (const styr_plan_column *k = cols; k->header; k++) {
            if (strlen(k->header) != len || strncmp(t, k->header, len) != 0)
                continue;
            for (uint32_t j = 1; j <= maxcol; j++)
                if ((*by_col)[j] == k) {
                    sheet_error(B, sheet, header, c->col, SV(B, "kolumnen '%s' finns två gånger", "column '%s' is given twice"), k->header);
                    free(*by_col);
                    *by_col = NULL;
                    return 0;
                }
            (*by_col)[c->col] = k;
        }
    }
    return header;
}

/* Puts a row's value for path ("a", or "a.b" into submap a) into item. */
static int put_path(builder *B, bnode *item, const char *path, bnode *v)
{
    const char *dot = strchr(path, '.');
    if (!dot)
        return bput(B, item, path, v);
    char head[64];
    snprintf(head, sizeof head, "%.*s", (int)(dot - path), path);
    bnode *sub = bsubmap(B, item, head, v ? v->line : item->line, v ? v->column : item->column);
    if (!sub) {
        bfree(v);
        return -1;
    }
    return put_path(B, sub, dot + 1, v);   /* "follow_up.revision.by" has two levels */
}

/* Rows of a simple sheet (strategies, budget, waivers): one item a row. */
static bnode *simple_rows(builder *B, const styr_xlsx_book *book, int sheet, const styr_plan_column *cols)
{
    const styr_xlsx_sheet *sh = styr_xlsx_sheet_named(book, styr_plan_sheet_names[sheet]);
    if (!sh || !sh->ncells)
        return NULL;
    const styr_plan_column **by_col = NULL;
    uint32_t ncols = 0, header = header_map(B, sh, sheet, cols, &by_col, &ncols);
    if (!header)
        return NULL;
    bnode *seq = bnew(B, STYR_NODE_SEQ, line_of(sheet, header), 1);
    bnode *item = NULL;
    uint32_t row = 0;
    for (size_t i = 0; seq && i < sh->ncells && !B->failed; i++) {
        const styr_xlsx_cell *c = &sh->cells[i];
        if (c->row <= header || c->col > ncols || !by_col[c->col])
            continue;
        if (c->row != row) {
            row = c->row;
            item = bnew(B, STYR_NODE_MAP, line_of(sheet, row), 1);
            if (badd(B, seq, item) < 0)
                break;
        }
        put_path(B, item, by_col[c->col]->path, cell_value(B, c, by_col[c->col]->kind, sheet));
    }
    free(by_col);
    if (seq && seq->n == 0) {
        bfree(seq);   /* a sheet with only its header: the plan has none */
        return NULL;
    }
    return seq;
}

/* The fields of an action that come from one of its financing rows. */
static int is_financing(const char *path)
{
    return strncmp(path, "financing.", 10) == 0;
}

static bnode *action_rows(builder *B, const styr_xlsx_sheet *sh)
{
    const int sheet = STYR_SHEET_INSATSER;
    const styr_plan_column **by_col = NULL;
    uint32_t ncols = 0, header = header_map(B, sh, sheet, styr_plan_action_columns, &by_col, &ncols);
    if (!header) {
        if (!B->failed)
            sheet_error(B, sheet, 1, 1, SV(B, "ingen rubrikrad: den första kolumnens rubrik ska vara 'Insats'",
                                         "no header row: the first column's header must be 'Insats'"));
        return NULL;
    }
    bnode *seq = bnew(B, STYR_NODE_SEQ, line_of(sheet, header), 1);
    size_t i = 0;
    while (seq && i < sh->ncells && !B->failed) {
        uint32_t row = sh->cells[i].row;
        size_t end = i;
        while (end < sh->ncells && sh->cells[end].row == row)
            end++;
        if (row <= header) {
            i = end;
            continue;
        }
        /* the row's action: a new one, or the earlier one with this id */
        const char *id = NULL;
        for (size_t k = i; k < end; k++)
            if (sh->cells[k].col <= ncols && by_col[sh->cells[k].col] && strcmp(by_col[sh->cells[k].col]->path, "id") == 0)
                id = sh->cells[k].text;
        bnode *action = NULL;
        for (size_t a = 0; id && a < seq->n; a++) {
            bnode *aid = bget(seq->kids[a], "id");
            size_t l1 = 0, l2 = 0;
            const char *t1 = aid ? trim(aid->text, &l1) : NULL, *t2 = trim(id, &l2);
            if (t1 && l1 == l2 && strncmp(t1, t2, l1) == 0)
                action = seq->kids[a];
        }
        int continuation = action != NULL;
        if (!action) {
            action = bnew(B, STYR_NODE_MAP, line_of(sheet, row), 1);
            if (badd(B, seq, action) < 0)
                break;
        }
        bnode *fin = NULL;
        for (size_t k = i; k < end && !B->failed; k++) {
            const styr_xlsx_cell *c = &sh->cells[k];
            const styr_plan_column *col = c->col <= ncols ? by_col[c->col] : NULL;
            if (!col || (continuation && !is_financing(col->path)))
                continue;   /* a further row of an action adds financing only */
            bnode *v = cell_value(B, c, col->kind, sheet);
            if (!is_financing(col->path)) {
                put_path(B, action, col->path, v);
                continue;
            }
            if (!fin) {
                bnode *list = bget(action, "financing");
                if (!list) {
                    list = bnew(B, STYR_NODE_SEQ, line_of(sheet, row), c->col);
                    if (bput(B, action, "financing", list) < 0) {
                        bfree(v);
                        break;
                    }
                }
                fin = bnew(B, STYR_NODE_MAP, line_of(sheet, row), c->col);
                if (badd(B, list, fin) < 0) {
                    bfree(v);
                    break;
                }
            }
            bput(B, fin, col->path + 10, v);
        }
        i = end;
    }
    free(by_col);
    return seq;
}

/* Dokument: (field, value) rows into the root and its document map. */
static int document_rows(builder *B, const styr_xlsx_sheet *sh, bnode *root)
{
    const int sheet = STYR_SHEET_DOKUMENT;
    uint32_t first_row[64] = {0};
    const char *seen[64];
    size_t nseen = 0;
    for (size_t i = 0; i < sh->ncells && !B->failed; i++) {
        const styr_xlsx_cell *k = &sh->cells[i];
        if (k->col != 1)
            continue;
        const styr_xlsx_cell *v = i + 1 < sh->ncells && sh->cells[i + 1].row == k->row && sh->cells[i + 1].col == 2
                                      ? &sh->cells[i + 1] : NULL;
        size_t klen;
        const char *key = trim(k->text, &klen);
        if (!v || klen == 0 || (klen == strlen("Fält") && strncmp(key, "Fält", klen) == 0))
            continue;   /* the header row, or a field without a value */
        char name[128];
        snprintf(name, sizeof name, "%.*s", (int)(klen < 120 ? klen : 120), key);
        if (strncmp(name, "document.", 9) == 0)
            memmove(name, name + 9, strlen(name + 9) + 1);
        for (size_t s = 0; s < nseen && !B->failed; s++)
            if (strcmp(seen[s], name) == 0)
                sheet_error(B, sheet, k->row, 1, SV(B, "fältet '%s' finns två gånger (första gången på rad %u)",
                                   "field '%s' is given twice (first in row %u)"), name, first_row[s]);
        if (B->failed)
            break;
        if (nseen < 64) {
            first_row[nseen] = k->row;
            seen[nseen] = strdup(name);
            if (!seen[nseen]) {
                B->failed = 1;
                styr_error_set(B->err, STYR_E_NOMEM, B->name, 0, 0, "%s", SV(B, "minnet tog slut", "out of memory"));
                break;
            }
            nseen++;
        }
        styr_cell_kind kind = strcmp(name, "version") == 0 ? STYR_CELL_NUMBER : STYR_CELL_TEXT;
        for (const styr_plan_field *f = styr_plan_document_fields; f->field; f++)
            if (strcmp(f->field, name) == 0)
                kind = f->kind;
        bnode *val = cell_value(B, v, kind, sheet);
        /* key nodes of Dokument stand in column A */
        if (strcmp(name, "version") == 0) {
            /* the format's version when it is not 1 (the default the reader adds) */
            bnode *ver = bget(root, "version");
            if (ver && val) {
                free(ver->text);
                *ver = *val;
                val->text = NULL;
                val->kids = NULL;
                bfree(val);
            } else {
                bfree(val);
            }
        } else if (styr_plan_field_at_root(name))
            put_path(B, root, name, val);
        else
            put_path(B, bsubmap(B, root, "document", line_of(sheet, 1), 1), name, val);
    }
    for (size_t s = 0; s < nseen; s++)
        free((char *)seen[s]);
    return B->failed ? -1 : 0;
}

/* ---- freezing into the arena ---- */

static styr_node *freeze(styr_doc *doc, const bnode *b, styr_node *parent, uint32_t index, uint64_t seed)
{
    styr_node *n = styr_arena_alloc_aligned(&doc->arena, sizeof *n, 8);
    if (!n)
        return NULL;
    memset(n, 0, sizeof *n);
    n->kind = b->kind;
    n->stype = b->stype;
    n->line = b->line;
    n->column = b->column;
    n->parent = parent;
    n->index = index;
    doc->node_count++;
    if (b->kind == STYR_NODE_SCALAR) {
        n->flags = b->stype == STYR_SCALAR_STRING ? STYR_NODE_QUOTED : 0;
        char *t = styr_arena_strndup(&doc->arena, b->text ? b->text : "", b->len);
        if (!t)
            return NULL;
        n->u.text = t;
        n->count = (uint32_t)b->len;
        if (b->stype == STYR_SCALAR_INT || b->stype == STYR_SCALAR_BOOL)
            n->v.i = b->i;
        else if (b->stype == STYR_SCALAR_FLOAT)
            n->v.f = b->f;
        return n;
    }
    uint32_t count = (uint32_t)(b->kind == STYR_NODE_MAP ? b->n / 2 : b->n);
    size_t extra = b->kind == STYR_NODE_MAP ? styr_map_index_size(count) : 0;
    styr_node **items = styr_arena_alloc(&doc->arena, b->n * sizeof *items + extra + 1);
    if (!items)
        return NULL;
    n->u.items = items;
    n->count = count;
    for (size_t i = 0; i < b->n; i++) {
        items[i] = freeze(doc, b->kids[i], n, (uint32_t)(b->kind == STYR_NODE_MAP ? i / 2 : i), seed);
        if (!items[i])
            return NULL;
    }
    if (extra)
        styr_map_index_build(n, seed);
    return n;
}

/* ---- what a workbook cannot hold ---- */

typedef struct loss_walk {
    void (*lost)(void *ud, const styr_node *n, const char *why);
    void *ud;
    size_t count;
    int english;   /* the reasons in English (--lang en), else Swedish */
} loss_walk;

__attribute__((format(printf, 3, 4)))
static void lose(loss_walk *L, const styr_node *n, const char *fmt, ...)
{
    char why[400];
    va_list ap;
    va_start(ap, fmt);
    int w = vsnprintf(why, sizeof why, fmt, ap);
    va_end(ap);
    if (w >= (int)sizeof why) {   /* cut: never inside a character, and say so */
        size_t at = sizeof why - 4;
        while (at > 0 && ((unsigned char)why[at] & 0xC0) == 0x80)
            at--;
        memcpy(why + at, "...", 4);
    }
    L->lost(L->ud, n, why);
    L->count++;
}

/* Scalar texts equal once trimmed, as the reader matches ids. */
static int same_trimmed(const char *a, const char *b)
{
    size_t la, lb;
    const char *ta = trim(a, &la), *tb = trim(b, &lb);
    return la == lb && strncmp(ta, tb, la) == 0;
}

/* Does value v fit a cell of this kind? */
/* Excel holds at most 32 767 characters in a cell, counted in UTF-16
 * units (xlsx_book.c cuts a longer text there when it writes one). */
#define CELL_MAX_UNITS 32767

/* The UTF-16 units of UTF-8 text[0, len): one a character, two for one
 * outside the Basic Multilingual Plane (a four-byte sequence, an emoji). */
static size_t text_units(const char *text, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)text[i];
        n += (c & 0xC0) != 0x80;
        n += c >= 0xF0;
    }
    return n;
}

/* A field name as a message shows it: at most 60 characters, cut whole. */
static const char *shown_name(const char *key, char *buf, size_t cap)
{
    size_t i = 0, chars = 0;
    while (key[i] && chars < 60) {
        chars++;
        i++;
        while (((unsigned char)key[i] & 0xC0) == 0x80)
            i++;
    }
    snprintf(buf, cap, "%.*s%s", (int)i, key, key[i] ? "…" : "");
    return buf;
}

static void lose_too_long(loss_walk *L, const styr_node *n, const char *what, const char *key, size_t units)
{
    lose(L, n,
         SV(L, "%s '%s' har %zu tecken; en cell i Excel rymmer 32 767, så arbetsboken behåller bara de första "
               "32 767",
            "%s '%s' is %zu characters long; an Excel cell holds 32 767, so the workbook keeps only the first 32 767"),
         what, key, units);
}

static void check_cell(loss_walk *L, const styr_node *v, styr_cell_kind kind, const char *name)
{
    if (styr_node_is_null(v))
        return;
    char key[256];
    shown_name(name, key, sizeof key);
    if (kind == STYR_CELL_LIST || kind == STYR_CELL_YEARS) {
        if (v->kind != STYR_NODE_SEQ) {
            lose(L, v, SV(L, "'%s' är ingen lista; en arbetsbok kan bara ha en lista här",
                          "'%s' is not a list; a workbook keeps only a list here"), key);
            return;
        }
        size_t units = 0, items = 0;   /* the cell's text: the items joined with "; " */
        for (uint32_t i = 0; i < v->count; i++) {
            const styr_node *it = styr_seq_item(v, i);
            if (it->kind != STYR_NODE_SCALAR)
                lose(L, it, SV(L, "en del av '%s' är inte ett enda värde", "an item of '%s' is not a single value"), key);
            else if (strpbrk(it->u.text, ";\n"))
                lose(L, it, SV(L, "en del av '%s' innehåller ';' eller en radbrytning, som skiljer delarna åt i en cell",
                                "an item of '%s' has ';' or a line break in it, which separate items in a cell"), key);
            else if (!styr_node_is_null(it))
                units += text_units(it->u.text, it->count) + (items++ ? 2 : 0);
        }
        if (units > CELL_MAX_UNITS)
            lose_too_long(L, v, SV(L, "listan", "the list"), key, units);
        return;
    }
    if (v->kind != STYR_NODE_SCALAR)
        lose(L, v, SV(L, "'%s' är en lista eller en mappning; dess cell rymmer ett värde",
                      "'%s' is a list or a mapping; its cell holds one value"), key);
    else if (v->stype == STYR_SCALAR_STRING && text_units(v->u.text, v->count) > CELL_MAX_UNITS)
        lose_too_long(L, v, SV(L, "värdet av", "the value of"), key, text_units(v->u.text, v->count));
    else if (kind == STYR_CELL_BOOL && v->stype == STYR_SCALAR_STRING &&
             (strcasecmp(v->u.text, "true") == 0 || strcasecmp(v->u.text, "false") == 0))
        lose(L, v, SV(L, "'%s' är texten '%s', som dess cell läses tillbaka som sant eller falskt",
                      "'%s' is the text '%s', which its cell reads back as true or false"), key, v->u.text);
    else if (kind == STYR_CELL_BOOL)
        return;   /* true, false, or another value kept as it is */
    else if (v->stype == STYR_SCALAR_BOOL)
        lose(L, v, SV(L, "'%s' är sant eller falskt, vilket en cell här inte behåller",
                      "'%s' is true or false, which a cell here does not keep"), key);
    else if (v->stype == STYR_SCALAR_FLOAT && !isfinite(v->v.f))
        lose(L, v, SV(L, "'%s' är inget ändligt tal, vilket en cell inte kan rymma",
                      "'%s' is not a finite number, which a cell cannot hold"), key);
}

/* The columns of path prefix `under` ("" for the item itself, "financing."). */
static void check_item(loss_walk *L, const styr_node *item, const styr_plan_column *cols, const char *under)
{
    if (!item || item->kind != STYR_NODE_MAP) {
        if (item && !styr_node_is_null(item))
            lose(L, item, "%s",
                 SV(L, "en del som inte är en mappning har ingen rad i arbetsboken",
                    "an item that is not a mapping has no row in the workbook"));
        return;
    }
    size_t ulen = strlen(under);
    for (uint32_t i = 0; i < item->count; i++) {
        const styr_node *k = styr_map_key(item, i), *v = styr_map_value(item, i);
        const styr_plan_column *col = NULL;
        int submap = 0;
        for (const styr_plan_column *c = cols; c->header && !col; c++) {
            if (strncmp(c->path, under, ulen) != 0)
                continue;
            const char *rest = c->path + ulen;
            size_t klen = strlen(k->u.text);
            if (strcmp(rest, k->u.text) == 0)
                col = c;
            else if (strncmp(rest, k->u.text, klen) == 0 && rest[klen] == '.')
                submap = 1;
        }
        if (col) {
            check_cell(L, v, col->kind, k->u.text);
        } else if (submap && !ulen && strcmp(k->u.text, "financing") == 0) {
            if (styr_node_is_null(v))
                continue;
            if (v->kind != STYR_NODE_SEQ) {
                lose(L, v, "%s", SV(L, "'financing' är ingen lista", "'financing' is not a list"));
                continue;
            }
            for (uint32_t f = 0; f < v->count; f++)
                check_item(L, styr_seq_item(v, f), cols, "financing.");
        } else if (submap) {
            char sub[64];
            snprintf(sub, sizeof sub, "%s%s.", under, k->u.text);
            check_item(L, v, cols, sub);
        } else {
            lose(L, k, SV(L, "fältet '%s' har ingen kolumn i arbetsboken", "field '%s' has no column in the workbook"), k->u.text);
        }
    }
}

static void check_rows(loss_walk *L, const styr_node *list, const styr_plan_column *cols, const char *name)
{
    if (styr_node_is_null(list))
        return;
    if (list->kind != STYR_NODE_SEQ) {
        lose(L, list, SV(L, "'%s' är ingen lista", "'%s' is not a list"), name);
        return;
    }
    for (uint32_t i = 0; i < list->count; i++)
        check_item(L, styr_seq_item(list, i), cols, "");
}

/* The kind of Dokument field `field`; 0 when Dokument has no such row. */
static int field_kind(const char *field, styr_cell_kind *kind)
{
    for (const styr_plan_field *pf = styr_plan_document_fields; pf->field; pf++)
        if (strcmp(pf->field, field) == 0) {
            *kind = pf->kind;
            return 1;
        }
    return 0;
}

/* The fields of map (document: when prefix is "", else period, follow_up or
 * follow_up.revision) against the rows of Dokument. Any field of document:
 * has a row (the writer adds rows for those the list does not name); a
 * mapping under a field is checked against the rows below it. */
static void check_fields(loss_walk *L, const styr_node *map, const char *prefix)
{
    for (uint32_t f = 0; f < map->count; f++) {
        char field[160];
        const styr_node *fk = styr_map_key(map, f), *fv = styr_map_value(map, f);
        snprintf(field, sizeof field, "%s%s%s", prefix, *prefix ? "." : "", fk->u.text);
        styr_cell_kind kind = STYR_CELL_TEXT;
        size_t flen = strlen(field);
        int below = 0;
        for (const styr_plan_field *pf = styr_plan_document_fields; pf->field; pf++)
            below |= strncmp(pf->field, field, flen) == 0 && pf->field[flen] == '.';
        size_t kunits = text_units(fk->u.text, fk->count);
        if (kunits > CELL_MAX_UNITS) {
            char shown[256];
            lose_too_long(L, fk, SV(L, "fältnamnet", "the field name"), shown_name(fk->u.text, shown, sizeof shown), kunits);
        }
        if (!*prefix && styr_plan_field_at_root(field))
            lose(L, fk,
                 SV(L, "fältet 'document.%s' har ingen rad i bladet Dokument (raden '%s' är planens egen)",
                    "field 'document.%s' has no row in the sheet Dokument (its row '%s' is the plan's own)"),
                 field, field);
        else if (field_kind(field, &kind) || !*prefix)
            check_cell(L, fv, kind, fk->u.text);
        else if (below && fv->kind == STYR_NODE_MAP)
            check_fields(L, fv, field);
        else if (below && !styr_node_is_null(fv))
            lose(L, fv, SV(L, "'%s' är ingen mappning", "'%s' is not a mapping"), field);
        else if (!below)
            lose(L, fk, SV(L, "fältet '%s' har ingen rad i bladet Dokument", "field '%s' has no row in the sheet Dokument"), field);
    }
}

size_t styr_plan_sheet_losses(const styr_doc *doc, int english,
                              void (*lost)(void *ud, const styr_node *n, const char *why), void *ud)
{
    loss_walk L = {lost, ud, 0, english};
    const styr_node *root = doc->root;
    if (!root || root->kind != STYR_NODE_MAP)
        return 0;
    for (uint32_t i = 0; i < root->count; i++) {
        const styr_node *k = styr_map_key(root, i), *v = styr_map_value(root, i);
        const char *key = k->u.text;
        styr_cell_kind kind;
        if (strcmp(key, "kind") == 0 || strcmp(key, "version") == 0) {
            check_cell(&L, v, STYR_CELL_TEXT, key);
        } else if (field_kind(key, &kind)) {   /* id, owner, goal, aims: rows of Dokument */
            check_cell(&L, v, kind, key);
        } else if (strcmp(key, "document") == 0 || strcmp(key, "period") == 0 || strcmp(key, "follow_up") == 0) {
            if (styr_node_is_null(v))
                continue;
            if (v->kind != STYR_NODE_MAP) {
                lose(&L, v, SV(&L, "'%s' är ingen mappning", "'%s' is not a mapping"), key);
                continue;
            }
            check_fields(&L, v, strcmp(key, "document") == 0 ? "" : key);
        } else if (strcmp(key, "strategies") == 0) {
            check_rows(&L, v, styr_plan_strategy_columns, key);
        } else if (strcmp(key, "budget") == 0) {
            check_rows(&L, v, styr_plan_budget_columns, key);
        } else if (strcmp(key, "waivers") == 0) {
            check_rows(&L, v, styr_plan_waiver_columns, key);
        } else if (strcmp(key, "actions") == 0) {
            check_rows(&L, v, styr_plan_action_columns, key);
            /* a second action with an id already used would become financing rows of the first */
            for (uint32_t a = 0; v && v->kind == STYR_NODE_SEQ && a < v->count; a++) {
                const styr_node *id = styr_map_get(styr_seq_item(v, a), "id", 2);
                if (!id || id->kind != STYR_NODE_SCALAR || styr_seq_item(v, a)->kind != STYR_NODE_MAP)
                    continue;
                for (uint32_t b = 0; b < a; b++) {
                    const styr_node *other = styr_seq_item(v, b)->kind == STYR_NODE_MAP
                                                 ? styr_map_get(styr_seq_item(v, b), "id", 2) : NULL;
                    if (other && other->kind == STYR_NODE_SCALAR && same_trimmed(other->u.text, id->u.text)) {
                        lose(&L, id,
                             SV(&L, "insatsens id '%s' används två gånger; i arbetsboken skulle den andra insatsens "
                                    "rader läggas till som finansiering av den första",
                                "action id '%s' is used twice; in the workbook the second action's rows would add "
                                "financing to the first"),
                             id->u.text);
                        break;
                    }
                }
            }
        } else {
            lose(&L, k, SV(&L, "fältet '%s' har ingen plats i arbetsboken", "field '%s' has no place in the workbook"), key);
        }
    }
    return L.count;
}

/* ---- entry points ---- */

styr_status styr_plan_from_book(const styr_xlsx_book *book, const char *name, int english, styr_doc **out,
                                styr_error *err)
{
    builder B = {name, err, 0, english};
    *out = NULL;
    styr_error_clear(err);
    const styr_xlsx_sheet *actions = styr_xlsx_sheet_named(book, "Insatser");
    const styr_xlsx_sheet *document = styr_xlsx_sheet_named(book, "Dokument");
    if (!actions || !document)
        return styr_error_set(err, STYR_E_INPUT, name, 0, 0,
                              SV(&B, "arbetsboken har inget blad '%s': en handlingsplan i Excel har bladen Insatser, "
                                     "Dokument och Strategier (styr template --format xlsx skriver en sådan)",
                                 "the workbook has no sheet '%s': an action plan in Excel has the sheets Insatser, "
                                 "Dokument and Strategier (styr template --format xlsx writes one)"),
                              !actions ? "Insatser" : "Dokument");
    uint32_t top = line_of(STYR_SHEET_DOKUMENT, 1);
    bnode *root = bnew(&B, STYR_NODE_MAP, top, 1);
    if (!root)
        return err->code;
    bnode *kind = bstring(&B, "action-plan", 11, top, 1), *version = bnew(&B, STYR_NODE_SCALAR, top, 1);
    if (version) {
        version->stype = STYR_SCALAR_INT;
        version->i = 1;
        version->text = strdup("1");
        version->len = 1;
    }
    bput(&B, root, "kind", kind);
    bput(&B, root, "version", version);
    if (!B.failed)
        document_rows(&B, document, root);
    bnode *list;
    if (!B.failed && (list = simple_rows(&B, book, STYR_SHEET_BUDGET, styr_plan_budget_columns)))
        bput(&B, root, "budget", list);
    if (!B.failed && (list = simple_rows(&B, book, STYR_SHEET_STRATEGIER, styr_plan_strategy_columns)))
        bput(&B, root, "strategies", list);
    if (!B.failed && (list = action_rows(&B, actions)))
        bput(&B, root, "actions", list);
    if (!B.failed && (list = simple_rows(&B, book, STYR_SHEET_UNDANTAG, styr_plan_waiver_columns)))
        bput(&B, root, "waivers", list);
    if (B.failed) {
        bfree(root);
        return err->code ? err->code : STYR_E_NOMEM;
    }
    styr_doc *doc = calloc(1, sizeof *doc);
    if (!doc) {
        bfree(root);
        return styr_error_set(err, STYR_E_NOMEM, name, 0, 0, "%s", SV(&B, "minnet tog slut", "out of memory"));
    }
    styr_arena_init(&doc->arena);
    doc->file = strdup(name);
    const char **sheets = styr_arena_alloc(&doc->arena, STYR_SHEET_COUNT * sizeof *sheets);
    uint64_t seed = (uint64_t)(uintptr_t)doc ^ (uint64_t)time(NULL) * 0x9e3779b97f4a7c15ULL;
    doc->root = doc->file && sheets ? freeze(doc, root, NULL, 0, seed) : NULL;
    bfree(root);
    if (!doc->root) {
        styr_doc_free(doc);
        return styr_error_set(err, STYR_E_NOMEM, name, 0, 0, "%s", SV(&B, "minnet tog slut", "out of memory"));
    }
    for (int s = 0; s < STYR_SHEET_COUNT; s++)
        sheets[s] = styr_plan_sheet_names[s];
    doc->sheets = sheets;
    doc->nsheets = STYR_SHEET_COUNT;
    *out = doc;
    return STYR_OK;
}

styr_status styr_doc_load_xlsx(const char *path, const styr_limits *lim, styr_doc **out, styr_error *err)
{
    static const char *const wanted[] = {"Insatser", "Dokument", "Strategier", "Budget", "Undantag", NULL};
    styr_xlsx_book book;
    *out = NULL;
    styr_status st = styr_xlsx_read_file(path, lim, wanted, &book, err);
    if (st != STYR_OK)
        return st;
    st = styr_plan_from_book(&book, path, lim && lim->lang == STYR_EXPLAIN_EN, out, err);
    styr_xlsx_book_free(&book);
    if (st == STYR_OK && *out)   /* the workbook's bytes, as a reader's sha256sum gives them */
        (*out)->has_sha256 = styr_sha256_file(path, (*out)->sha256) == 0;
    return st;
}

int styr_is_xlsx_path(const char *path)
{
    size_t n = strlen(path);
    return n > 5 && strcasecmp(path + n - 5, ".xlsx") == 0;
}

styr_status styr_doc_load_any(const char *path, const styr_limits *lim, styr_doc **out, styr_error *err)
{
    if (styr_is_xlsx_path(path))
        return styr_doc_load_xlsx(path, lim, out, err);
    return styr_doc_load_file(path, lim, out, err);
}
