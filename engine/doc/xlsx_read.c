/* xlsx_read.c - reads the cells of an .xlsx workbook (see xlsx_read.h).
 *
 * libzip opens the archive and inflates one part at a time in chunks, each
 * chunk fed straight to an expat parser, so no part is ever held whole and
 * the bytes really inflated are counted (a zip bomb is stopped when it
 * passes the bound, whatever its header claims). Parts read: the workbook
 * and its relationships (sheet names and where their XML lives), the
 * shared strings, and the sheets asked for.
 */
#include "xlsx_read.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <expat.h>
#include <zip.h>
#include <zlib.h>   /* Z_MEM_ERROR, as libzip passes zlib's errors on */

#include "errno_text.h"
#include "zip_reason.h"
#include "yaml_explain.h"

#define CHUNK 65536

typedef struct text_buf {
    char *s;
    size_t len, cap;
} text_buf;

typedef struct reader {
    zip_t *zip;
    const char *name;
    const styr_limits *lim;
    styr_limits default_lim;
    styr_error *err;
    int failed;
    size_t inflated;         /* bytes inflated over all parts */
    size_t kept;             /* bytes of shared strings kept */
    size_t cell_bytes;       /* bytes of cell text kept (a shared string counts each time it is used) */
    size_t cells;            /* cells kept over all sheets */
    /* shared strings */
    char **shared;
    size_t nshared, capshared;
    /* sheets: names, relationship ids, part paths */
    char **rel_ids;          /* per sheet, its r:id */
    char **rel_keys, **rel_targets;   /* workbook relationships */
    size_t nrels;
    styr_xlsx_book *book;
} reader;

__attribute__((format(printf, 3, 4)))
static styr_status fail(reader *r, styr_status code, const char *fmt, ...)
{
    va_list ap;
    if (r->failed)
        return r->err->code;
    r->failed = 1;
    va_start(ap, fmt);
    styr_error_setv(r->err, code, r->name, 0, 0, fmt, ap);
    va_end(ap);
    return code;
}

/* A message in the run's language: Swedish first, English with --lang en
 * (a coordinator reads the workbook's problems in the language of the
 * plan). libzip's and expat's own details stay as they give them. */
#define SV(r, sv, en) ((r)->lim->lang == STYR_EXPLAIN_EN ? (en) : (sv))
#define NOMEM(r) SV(r, "minnet tog slut", "out of memory")

static int buf_add(text_buf *b, const char *s, size_t n, size_t max)
{
    if (b->len + n > max)
        return -1;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 64;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *p = realloc(b->s, cap);
        if (!p)
            return -2;
        b->s = p;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
    return 0;
}

/* The code unit of an escape "_xHHHH_" at s[0, n) (ECMA-376 ST_Xstring:
 * how Excel and libxlsxwriter write a character XML cannot hold, such as a
 * carriage return or a Word line break, U+000B), or -1. */
static long xstring_unit(const char *s, size_t n)
{
    if (n < 7 || s[0] != '_' || s[1] != 'x' || s[6] != '_')
        return -1;
    long v = 0;
    for (int i = 2; i < 6; i++) {
        char c = s[i];
        if (c >= '0' && c <= '9')
            v = v * 16 + (c - '0');
        else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
            v = v * 16 + ((c | 0x20) - 'a' + 10);
        else
            return -1;
    }
    return v;
}

/* Decodes the "_xHHHH_" escapes of a text in place (it only gets shorter):
 * "_x000D_" is a carriage return, "_x005F_" the '_' of a literal "_x...".
 * A surrogate pair of two escapes is one character; a lone surrogate and
 * NUL, which no text can hold, stay as written. */
static void xstring_decode(text_buf *b)
{
    if (!b->s || !memchr(b->s, '_', b->len))
        return;
    size_t in = 0, out = 0;
    while (in < b->len) {
        long u = xstring_unit(b->s + in, b->len - in), lo = -1;
        uint32_t cp = 0;
        size_t used = 7;
        if (u >= 0xD800 && u <= 0xDBFF)
            lo = xstring_unit(b->s + in + 7, b->len - in - 7);
        if ((u > 0 && u < 0xD800) || u >= 0xE000)
            cp = (uint32_t)u;
        else if (lo >= 0xDC00 && lo <= 0xDFFF) {
            cp = 0x10000u + (((uint32_t)u - 0xD800u) << 10) + ((uint32_t)lo - 0xDC00u);
            used = 14;
        }
        if (!cp) {
            b->s[out++] = b->s[in++];
            continue;
        }
        if (cp < 0x80) {
            b->s[out++] = (char)cp;
        } else if (cp < 0x800) {
            b->s[out++] = (char)(0xC0 | (cp >> 6));
            b->s[out++] = (char)(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            b->s[out++] = (char)(0xE0 | (cp >> 12));
            b->s[out++] = (char)(0x80 | ((cp >> 6) & 0x3F));
            b->s[out++] = (char)(0x80 | (cp & 0x3F));
        } else {
            b->s[out++] = (char)(0xF0 | (cp >> 18));
            b->s[out++] = (char)(0x80 | ((cp >> 12) & 0x3F));
            b->s[out++] = (char)(0x80 | ((cp >> 6) & 0x3F));
            b->s[out++] = (char)(0x80 | (cp & 0x3F));
        }
        in += used;
    }
    b->len = out;
    b->s[out] = '\0';
}

static const char *local_name(const char *name)
{
    const char *c = strrchr(name, ':');
    return c ? c + 1 : name;
}

static const char *attr(const char **atts, const char *name)
{
    for (size_t i = 0; atts[i]; i += 2)
        if (strcmp(local_name(atts[i]), name) == 0)
            return atts[i + 1];
    return NULL;
}

/* ---- one XML part ---- */

typedef struct part part;
struct part {
    reader *r;
    const char *entry;
    XML_Parser xp;
    unsigned depth;
    int collecting;
    text_buf text;
    void (*start)(part *p, const char *name, const char **atts);
    void (*end)(part *p, const char *name);
    void *ud;
};

static void stop(part *p)
{
    XML_StopParser(p->xp, XML_FALSE);
}

static void XMLCALL on_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    part *p = ud;
    if (++p->depth > p->r->lim->max_depth) {
        fail(p->r, STYR_E_LIMIT, SV(p->r, "%s: XML-koden är nästlad djupare än %u nivåer (--max-depth)", "%s: XML nests deeper than %u levels (--max-depth)"), p->entry, p->r->lim->max_depth);
        stop(p);
        return;
    }
    if (p->start)
        p->start(p, local_name(name), atts);
    if (p->r->failed)
        stop(p);
}

static void XMLCALL on_end(void *ud, const XML_Char *name)
{
    part *p = ud;
    if (p->end)
        p->end(p, local_name(name));
    p->depth--;
    if (p->r->failed)
        stop(p);
}

static void XMLCALL on_text(void *ud, const XML_Char *s, int len)
{
    part *p = ud;
    if (!p->collecting || p->r->failed)
        return;
    int rc = buf_add(&p->text, s, (size_t)len, p->r->lim->max_scalar_bytes);
    if (rc == -1)
        fail(p->r, STYR_E_LIMIT, SV(p->r, "%s: ett värde är längre än %zu byte (--max-scalar-size)", "%s: a value is longer than %zu bytes (--max-scalar-size)"), p->entry,
             p->r->lim->max_scalar_bytes);
    else if (rc == -2)
        fail(p->r, STYR_E_NOMEM, "%s", NOMEM(p->r));
    if (p->r->failed)
        stop(p);
}

/* A DOCTYPE has no place in an .xlsx part; refusing it refuses every entity. */
static void XMLCALL on_doctype(void *ud, const XML_Char *name, const XML_Char *sysid, const XML_Char *pubid,
                               int has_internal)
{
    part *p = ud;
    (void)name, (void)sysid, (void)pubid, (void)has_internal;
    fail(p->r, STYR_E_SYNTAX, SV(p->r, "%s: en DOCTYPE-deklaration är inte tillåten i en arbetsbok", "%s: a DOCTYPE declaration is not allowed in a workbook"), p->entry);
    stop(p);
}

static void XMLCALL on_entity(void *ud, const XML_Char *name, int is_param, const XML_Char *value, int len,
                              const XML_Char *base, const XML_Char *sysid, const XML_Char *pubid,
                              const XML_Char *notation)
{
    part *p = ud;
    (void)name, (void)is_param, (void)value, (void)len, (void)base, (void)sysid, (void)pubid, (void)notation;
    fail(p->r, STYR_E_SYNTAX, SV(p->r, "%s: entitetsdeklarationer är inte tillåtna i en arbetsbok", "%s: entity declarations are not allowed in a workbook"), p->entry);
    stop(p);
}

/* libzip's error for memory running out: its own, or zlib's (Z_MEM_ERROR
 * arrives as ZIP_ER_ZLIB with zlib's code beside it, and would otherwise
 * read as a damaged archive, in libzip's English). */
static int zip_out_of_memory(zip_error_t *ze)
{
    int code = zip_error_code_zip(ze);
    return code == ZIP_ER_MEMORY || (code == ZIP_ER_ZLIB && zip_error_code_system(ze) == Z_MEM_ERROR);
}

/* Parses the archive entry `entry` with p's handlers. A missing entry is an
 * error when required, else nothing. */
static styr_status parse_part(reader *r, const char *entry, part *p, int required)
{
    zip_int64_t idx = zip_name_locate(r->zip, entry, ZIP_FL_NOCASE);
    if (idx < 0) {
        if (required)
            return fail(r, STYR_E_SYNTAX, SV(r, "inte en .xlsx-arbetsbok: arkivet saknar %s", "not an .xlsx workbook: the archive has no %s"), entry);
        return STYR_OK;
    }
    zip_stat_t zs;
    zip_stat_init(&zs);
    size_t packed = zip_stat_index(r->zip, (zip_uint64_t)idx, 0, &zs) == 0 && (zs.valid & ZIP_STAT_COMP_SIZE)
                        ? (size_t)zs.comp_size : 0;
    /* What the archive declares: too big, or packed too tightly (spreadsheet
     * XML compresses 10 to 50 times). A header may lie: the bytes really
     * inflated are counted below as well. */
    if (zs.valid & ZIP_STAT_SIZE) {
        if (zs.size > r->lim->max_file_bytes)
            return fail(r, STYR_E_LIMIT, SV(r, "%s packas upp till %llu byte; gränsen är %zu (--max-file-size; en zip-bomb?)", "%s inflates to %llu bytes; the limit is %zu (--max-file-size; a zip bomb?)"),
                        entry, (unsigned long long)zs.size, r->lim->max_file_bytes);
        if (zs.size > (1u << 20) && zs.size / STYR_XLSX_MAX_RATIO > packed)
            return fail(r, STYR_E_LIMIT, SV(r, "%s packas upp till mer än %u gånger sin packade storlek (en zip-bomb?)", "%s inflates more than %u times its packed size (a zip bomb?)"), entry,
                        STYR_XLSX_MAX_RATIO);
    }
    zip_file_t *zf = zip_fopen_index(r->zip, (zip_uint64_t)idx, 0);
    if (!zf && zip_out_of_memory(zip_get_error(r->zip)))
        return fail(r, STYR_E_NOMEM, "%s", NOMEM(r));
    if (!zf) {
        char why[256];
        return fail(r, STYR_E_SYNTAX, SV(r, "%s: kan inte läsas ur arkivet: %s", "%s: cannot be read from the archive: %s"), entry,
                    styr_zip_reason(zip_get_error(r->zip), r->lim->lang == STYR_EXPLAIN_EN, why, sizeof why));
    }
    p->r = r;
    p->entry = entry;
    p->depth = 0;
    p->collecting = 0;
    p->xp = XML_ParserCreate("UTF-8");
    char *chunk = malloc(CHUNK);
    if (!p->xp || !chunk) {
        free(chunk);
        if (p->xp)
            XML_ParserFree(p->xp);
        zip_fclose(zf);
        return fail(r, STYR_E_NOMEM, "%s", NOMEM(r));
    }
    XML_SetUserData(p->xp, p);
    XML_SetElementHandler(p->xp, on_start, on_end);
    XML_SetCharacterDataHandler(p->xp, on_text);
    XML_SetStartDoctypeDeclHandler(p->xp, on_doctype);
    XML_SetEntityDeclHandler(p->xp, on_entity);
    size_t part_bytes = 0;
    for (;;) {
        zip_int64_t n = zip_fread(zf, chunk, CHUNK);
        if (n < 0 && zip_out_of_memory(zip_file_get_error(zf))) {
            fail(r, STYR_E_NOMEM, "%s", NOMEM(r));
            break;
        }
        if (n < 0) {
            char why[256];
            fail(r, STYR_E_SYNTAX, SV(r, "%s: arkivet är trasigt: %s", "%s: the archive is broken: %s"), entry,
                 styr_zip_reason(zip_file_get_error(zf), r->lim->lang == STYR_EXPLAIN_EN, why, sizeof why));
            break;
        }
        part_bytes += (size_t)n;
        r->inflated += (size_t)n;
        if (part_bytes > r->lim->max_file_bytes || r->inflated > 2 * r->lim->max_file_bytes) {
            fail(r, STYR_E_LIMIT,
                 SV(r, "%s packas upp till mer än %zu byte (en zip-bomb?); gränsen är --max-file-size för varje del "
                       "och det dubbla för hela arbetsboken",
                    "%s inflates to more than %zu bytes (a zip bomb?); the limit is --max-file-size for each part "
                    "and twice that for the whole workbook"),
                 entry, part_bytes > r->lim->max_file_bytes ? r->lim->max_file_bytes : 2 * r->lim->max_file_bytes);
            break;
        }
        if (XML_Parse(p->xp, chunk, (int)n, n == 0) == XML_STATUS_ERROR) {
            if (!r->failed)
                fail(r, STYR_E_SYNTAX, SV(r, "%s: trasig XML på rad %lu, kolumn %lu: %s", "%s: broken XML at line %lu, column %lu: %s"), entry,
                     (unsigned long)XML_GetCurrentLineNumber(p->xp),
                     (unsigned long)XML_GetCurrentColumnNumber(p->xp) + 1,
                     XML_ErrorString(XML_GetErrorCode(p->xp)));
            break;
        }
        if (r->failed || n == 0)
            break;
    }
    free(chunk);
    free(p->text.s);
    p->text.s = NULL;
    p->text.len = p->text.cap = 0;
    XML_ParserFree(p->xp);
    zip_fclose(zf);
    return r->failed ? r->err->code : STYR_OK;
}

/* ---- workbook: sheet names and their parts ---- */

static char *dup_or_fail(reader *r, const char *s)
{
    char *d = strdup(s ? s : "");
    if (!d)
        fail(r, STYR_E_NOMEM, "%s", NOMEM(r));
    return d;
}

static void workbook_start(part *p, const char *name, const char **atts)
{
    reader *r = p->r;
    if (strcmp(name, "sheet") != 0)
        return;
    styr_xlsx_book *b = r->book;
    if (b->nsheets >= 1000) {
        fail(r, STYR_E_LIMIT, SV(r, "arbetsboken har fler än 1000 blad", "the workbook has more than 1000 sheets"));
        return;
    }
    styr_xlsx_sheet *grown = realloc(b->sheets, (b->nsheets + 1) * sizeof *grown);
    char **ids = realloc(r->rel_ids, (b->nsheets + 1) * sizeof *ids);
    if (grown)
        b->sheets = grown;
    if (ids)
        r->rel_ids = ids;
    if (!grown || !ids) {
        fail(r, STYR_E_NOMEM, "%s", NOMEM(r));
        return;
    }
    memset(&b->sheets[b->nsheets], 0, sizeof b->sheets[0]);
    b->sheets[b->nsheets].name = dup_or_fail(r, attr(atts, "name"));
    r->rel_ids[b->nsheets] = dup_or_fail(r, attr(atts, "id"));
    b->nsheets++;
}

static void rels_start(part *p, const char *name, const char **atts)
{
    reader *r = p->r;
    if (strcmp(name, "Relationship") != 0)
        return;
    if (r->nrels >= 10000) {
        fail(r, STYR_E_LIMIT, SV(r, "arbetsboken har fler än 10000 relationer", "the workbook has more than 10000 relationships"));
        return;
    }
    char **k = realloc(r->rel_keys, (r->nrels + 1) * sizeof *k);
    if (k)
        r->rel_keys = k;
    char **t = realloc(r->rel_targets, (r->nrels + 1) * sizeof *t);
    if (t)
        r->rel_targets = t;
    if (!k || !t) {
        fail(r, STYR_E_NOMEM, "%s", NOMEM(r));
        return;
    }
    r->rel_keys[r->nrels] = dup_or_fail(r, attr(atts, "Id"));
    r->rel_targets[r->nrels] = dup_or_fail(r, attr(atts, "Target"));
    r->nrels++;
}

/* ---- shared strings ---- */

typedef struct sst_state {
    int in_si, in_phonetic;
} sst_state;

static void sst_start(part *p, const char *name, const char **atts)
{
    sst_state *s = p->ud;
    (void)atts;
    if (strcmp(name, "si") == 0) {
        s->in_si = 1;
        p->text.len = 0;
        if (p->text.s)
            p->text.s[0] = '\0';
    } else if (strcmp(name, "rPh") == 0) {
        s->in_phonetic = 1;
    } else if (strcmp(name, "t") == 0 && s->in_si && !s->in_phonetic) {
        p->collecting = 1;
    }
}

static void sst_end(part *p, const char *name)
{
    sst_state *s = p->ud;
    reader *r = p->r;
    if (strcmp(name, "t") == 0) {
        p->collecting = 0;
    } else if (strcmp(name, "rPh") == 0) {
        s->in_phonetic = 0;
    } else if (strcmp(name, "si") == 0) {
        s->in_si = 0;
        if (r->nshared >= STYR_XLSX_MAX_SHARED) {
            fail(r, STYR_E_LIMIT, SV(r, "arbetsboken har fler än %u delade texter", "the workbook has more than %u shared strings"), STYR_XLSX_MAX_SHARED);
            return;
        }
        xstring_decode(&p->text);
        r->kept += p->text.len;
        if (r->kept > r->lim->max_file_bytes) {
            fail(r, STYR_E_LIMIT, SV(r, "arbetsbokens text är sammanlagt mer än %zu byte (--max-file-size)", "the workbook's text adds up to more than %zu bytes (--max-file-size)"),
                 r->lim->max_file_bytes);
            return;
        }
        if (r->nshared == r->capshared) {
            size_t cap = r->capshared ? r->capshared * 2 : 256;
            char **g = realloc(r->shared, cap * sizeof *g);
            if (!g) {
                fail(r, STYR_E_NOMEM, "%s", NOMEM(r));
                return;
            }
            r->shared = g;
            r->capshared = cap;
        }
        r->shared[r->nshared] = strndup(p->text.s ? p->text.s : "", p->text.len);
        if (!r->shared[r->nshared]) {
            fail(r, STYR_E_NOMEM, "%s", NOMEM(r));
            return;
        }
        r->nshared++;
    }
}

/* ---- a sheet's cells ---- */

typedef struct sheet_state {
    styr_xlsx_sheet *sheet;
    size_t cap;
    uint32_t row, col;       /* the current row, the last column seen */
    int in_cell, in_is;
    char type[12];
    int has_value, has_formula;
} sheet_state;

static void sheet_start(part *p, const char *name, const char **atts)
{
    sheet_state *s = p->ud;
    reader *r = p->r;
    if (strcmp(name, "row") == 0) {
        const char *rr = attr(atts, "r");
        unsigned long v = rr ? strtoul(rr, NULL, 10) : s->row + 1ul;
        if (v == 0 || v > STYR_XLSX_MAX_ROW) {
            fail(r, STYR_E_SYNTAX, SV(r, "%s: radnumret %s ligger utanför det tillåtna", "%s: row number %s is out of range"), p->entry, rr ? rr : "?");
            return;
        }
        s->row = (uint32_t)v;
        s->col = 0;
    } else if (strcmp(name, "c") == 0) {
        const char *ref = attr(atts, "r"), *t = attr(atts, "t");
        uint32_t row = s->row ? s->row : 1, col = s->col + 1;
        if (ref && !styr_xlsx_parse_ref(ref, &row, &col)) {
            fail(r, STYR_E_SYNTAX, SV(r, "%s: '%.40s' är ingen cellreferens", "%s: '%.40s' is not a cell reference"), p->entry, ref);
            return;
        }
        if (col > STYR_XLSX_MAX_COL) {
            fail(r, STYR_E_SYNTAX, SV(r, "%s: en kolumn bortom %u", "%s: column beyond %u"), p->entry, STYR_XLSX_MAX_COL);
            return;
        }
        s->row = row;
        s->col = col;
        s->in_cell = 1;
        s->has_value = 0;
        s->has_formula = 0;
        snprintf(s->type, sizeof s->type, "%s", t ? t : "n");
        p->text.len = 0;
        if (p->text.s)
            p->text.s[0] = '\0';
    } else if (s->in_cell && strcmp(name, "is") == 0) {
        s->in_is = 1;
    } else if (s->in_cell && strcmp(name, "f") == 0) {
        s->has_formula = 1;
    } else if (s->in_cell && (strcmp(name, "v") == 0 || (s->in_is && strcmp(name, "t") == 0))) {
        p->collecting = 1;
        s->has_value = 1;
    }
}

static void sheet_end(part *p, const char *name)
{
    sheet_state *s = p->ud;
    reader *r = p->r;
    if (strcmp(name, "v") == 0 || strcmp(name, "t") == 0) {
        p->collecting = 0;
        return;
    }
    if (strcmp(name, "is") == 0) {
        s->in_is = 0;
        return;
    }
    if (strcmp(name, "c") != 0 || !s->in_cell)
        return;
    s->in_cell = 0;
    /* styr reads what the spreadsheet program last computed; a formula no
     * program has computed (no <v>, or openpyxl's empty <v></v> on a cell
     * that is not a text result) would read as an empty cell and lose its
     * value without a word. */
    if (s->has_formula && (!s->has_value || (!(p->text.s && p->text.s[0]) && strcmp(s->type, "str") != 0))) {
        char ref[16];
        styr_xlsx_cell_ref(ref, sizeof ref, s->row, s->col);
        fail(r, STYR_E_INPUT,
             SV(r, "%s!%s har en formel utan beräknat värde; öppna arbetsboken i Excel (eller LibreOffice) "
                   "och spara den, eller skriv in själva värdet",
                "%s!%s holds a formula with no computed value; open the workbook in Excel "
                "(or LibreOffice) and save it, or write the value itself"),
             s->sheet && s->sheet->name ? s->sheet->name : p->entry, ref);
        return;
    }
    if (!s->has_value)
        return;
    if (strcmp(s->type, "inlineStr") == 0 || strcmp(s->type, "str") == 0)
        xstring_decode(&p->text);   /* a text of its own, as a shared string is */
    const char *text = p->text.s ? p->text.s : "";
    int number = 0;
    if (strcmp(s->type, "s") == 0) {
        char *end;
        errno = 0;
        unsigned long i = strtoul(text, &end, 10);
        if (end == text || *end || errno || i >= r->nshared) {
            fail(r, STYR_E_SYNTAX, SV(r, "%s: en cell hänvisar till den delade texten '%.20s', som inte finns", "%s: a cell refers to shared string '%.20s', which does not exist"), p->entry, text);
            return;
        }
        text = r->shared[i];
    } else if (strcmp(s->type, "b") == 0) {
        text = strcmp(text, "1") == 0 ? "TRUE" : "FALSE";
    } else if (strcmp(s->type, "n") == 0) {
        number = 1;
    }
    if (!*text)
        return;
    styr_xlsx_sheet *sh = s->sheet;
    if (r->cells >= STYR_XLSX_MAX_CELLS) {
        fail(r, STYR_E_LIMIT, SV(r, "arbetsboken har fler än %u celler med värden i de blad styr läser", "the workbook has more than %u cells with values in the sheets styr reads"),
             STYR_XLSX_MAX_CELLS);
        return;
    }
    size_t len = strlen(text);
    r->cell_bytes += len;
    if (r->cell_bytes > r->lim->max_file_bytes) {
        fail(r, STYR_E_LIMIT, SV(r, "arbetsbokens celler har sammanlagt mer än %zu byte text (--max-file-size)", "the workbook's cells add up to more than %zu bytes of text (--max-file-size)"),
             r->lim->max_file_bytes);
        return;
    }
    if (sh->ncells == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 64;
        styr_xlsx_cell *g = realloc(sh->cells, cap * sizeof *g);
        if (!g) {
            fail(r, STYR_E_NOMEM, "%s", NOMEM(r));
            return;
        }
        sh->cells = g;
        s->cap = cap;
    }
    char *copy = strndup(text, len);
    if (!copy) {
        fail(r, STYR_E_NOMEM, "%s", NOMEM(r));
        return;
    }
    sh->cells[sh->ncells++] = (styr_xlsx_cell){s->row, s->col, number, copy};
    r->cells++;
}

/* ---- the whole workbook ---- */

/* The archive path of sheet i's XML, from its relationship. */
static int sheet_entry(const reader *r, size_t i, char *out, size_t cap)
{
    for (size_t k = 0; k < r->nrels; k++) {
        if (strcmp(r->rel_keys[k], r->rel_ids[i]) != 0)
            continue;
        const char *t = r->rel_targets[k];
        if (t[0] == '/')
            snprintf(out, cap, "%s", t + 1);
        else
            snprintf(out, cap, "xl/%s", t);
        return 1;
    }
    return 0;
}

static int wanted_sheet(const char *name, const char *const *wanted)
{
    if (!wanted)
        return 1;
    for (; *wanted; wanted++)
        if (strcmp(*wanted, name) == 0)
            return 1;
    return 0;
}

static styr_status read_book(reader *r, const char *const *wanted)
{
    if (zip_get_num_entries(r->zip, 0) > (zip_int64_t)STYR_XLSX_MAX_ENTRIES)
        return fail(r, STYR_E_LIMIT, SV(r, "arkivet har fler än %u delar", "the archive has more than %u entries"), STYR_XLSX_MAX_ENTRIES);
    part p;
    memset(&p, 0, sizeof p);
    p.start = workbook_start;
    if (parse_part(r, "xl/workbook.xml", &p, 1) != STYR_OK)
        return r->err->code;
    memset(&p, 0, sizeof p);
    p.start = rels_start;
    if (parse_part(r, "xl/_rels/workbook.xml.rels", &p, 1) != STYR_OK)
        return r->err->code;
    sst_state sst = {0, 0};
    memset(&p, 0, sizeof p);
    p.start = sst_start;
    p.end = sst_end;
    p.ud = &sst;
    if (parse_part(r, "xl/sharedStrings.xml", &p, 0) != STYR_OK)
        return r->err->code;
    for (size_t i = 0; i < r->book->nsheets; i++) {
        styr_xlsx_sheet *sh = &r->book->sheets[i];
        if (!wanted_sheet(sh->name, wanted))
            continue;
        char entry[1024];
        if (!sheet_entry(r, i, entry, sizeof entry))
            return fail(r, STYR_E_SYNTAX, SV(r, "bladet '%s' har ingen del i arkivet", "sheet '%s' has no part in the archive"), sh->name);
        sheet_state st;
        memset(&st, 0, sizeof st);
        st.sheet = sh;
        memset(&p, 0, sizeof p);
        p.start = sheet_start;
        p.end = sheet_end;
        p.ud = &st;
        if (parse_part(r, entry, &p, 1) != STYR_OK)
            return r->err->code;
        sh->read = 1;
    }
    return STYR_OK;
}

static void reader_free(reader *r)
{
    for (size_t i = 0; i < r->nshared; i++)
        free(r->shared[i]);
    free(r->shared);
    for (size_t i = 0; r->rel_ids && i < r->book->nsheets; i++)
        free(r->rel_ids[i]);
    free(r->rel_ids);
    for (size_t i = 0; i < r->nrels; i++) {
        free(r->rel_keys[i]);
        free(r->rel_targets[i]);
    }
    free(r->rel_keys);
    free(r->rel_targets);
    if (r->zip)
        zip_discard(r->zip);
}

static styr_status run_reader(reader *r, const char *const *wanted, styr_xlsx_book *book)
{
    styr_status st = read_book(r, wanted);
    reader_free(r);
    if (st != STYR_OK)
        styr_xlsx_book_free(book);
    return st;
}

static void reader_init(reader *r, const char *name, const styr_limits *lim, styr_xlsx_book *book, styr_error *err)
{
    memset(r, 0, sizeof *r);
    memset(book, 0, sizeof *book);
    if (!lim) {
        styr_limits_default(&r->default_lim);
        lim = &r->default_lim;
    }
    r->lim = lim;
    r->name = name;
    r->err = err;
    r->book = book;
    styr_error_clear(err);
}

/* sys_errno: errno right after the failed open. libzip reports an
 * allocation that failed while it read the central directory as "not a
 * zip archive" or "inconsistent"; the allocator's ENOMEM tells them apart. */
static styr_status open_failed(reader *r, zip_error_t *ze, int sys_errno)
{
    int code = zip_error_code_zip(ze);
    if ((code == ZIP_ER_NOZIP || code == ZIP_ER_INCONS) && sys_errno == ENOMEM)
        code = ZIP_ER_MEMORY;
    int english = r->lim->lang == STYR_EXPLAIN_EN;
    /* Why a file cannot be opened is the system's reason, in the run's
     * language like the YAML loader's; a file that is no zip archive gets
     * libzip's detail. */
    if (code == ZIP_ER_MEMORY)
        return fail(r, STYR_E_NOMEM, "%s", NOMEM(r));
    if (code == ZIP_ER_NOENT)
        return fail(r, STYR_E_IO, SV(r, "kan inte öppnas: %s", "cannot open: %s"), styr_errno_text(ENOENT, english));
    if ((code == ZIP_ER_OPEN || code == ZIP_ER_READ) && zip_error_code_system(ze) != 0)
        return fail(r, STYR_E_IO, SV(r, "kan inte läsas: %s", "cannot read: %s"),
                    styr_errno_text(zip_error_code_system(ze), english));
    char why[256];
    if (code == ZIP_ER_OPEN || code == ZIP_ER_READ)
        return fail(r, STYR_E_IO, SV(r, "kan inte läsas: %s", "cannot read: %s"), styr_zip_reason(ze, english, why, sizeof why));
    if (code == ZIP_ER_NOZIP && !english)   /* libzip's "Not a zip archive", said with what to do */
        return fail(r, STYR_E_SYNTAX, "inte en .xlsx-arbetsbok: filen är inget zip-arkiv (spara den i Excel som "
                                      "Excel-arbetsbok, .xlsx)");
    return fail(r, STYR_E_SYNTAX, SV(r, "inte en .xlsx-arbetsbok (ett zip-arkiv): %s", "not an .xlsx workbook (a zip archive): %s"),
                styr_zip_reason(ze, english, why, sizeof why));
}

styr_status styr_xlsx_read_file(const char *path, const styr_limits *lim, const char *const *wanted,
                                styr_xlsx_book *book, styr_error *err)
{
    reader r;
    reader_init(&r, path, lim, book, err);
    /* libzip calls a folder "operation not supported"; say what it is, as
     * the YAML loader does. */
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
        return fail(&r, STYR_E_IO, "%s", SV(&r, "är en mapp, inte en .xlsx-arbetsbok", "is a directory, not an .xlsx workbook"));
    int code = 0;
    errno = 0;
    r.zip = zip_open(path, ZIP_RDONLY | ZIP_CHECKCONS, &code);
    if (!r.zip) {
        int sys_errno = errno;
        zip_error_t ze;
        zip_error_init_with_code(&ze, code);
        open_failed(&r, &ze, sys_errno);
        zip_error_fini(&ze);
        return err->code;
    }
    return run_reader(&r, wanted, book);
}

styr_status styr_xlsx_read_buffer(const char *name, const void *buf, size_t len, const styr_limits *lim,
                                  const char *const *wanted, styr_xlsx_book *book, styr_error *err)
{
    reader r;
    reader_init(&r, name, lim, book, err);
    if (len > r.lim->max_file_bytes)
        return fail(&r, STYR_E_LIMIT, SV(&r, "filen är %zu byte; gränsen är %zu (--max-file-size)", "file is %zu bytes; the limit is %zu (--max-file-size)"), len,
                    r.lim->max_file_bytes);
    zip_error_t ze;
    zip_error_init(&ze);
    errno = 0;
    zip_source_t *src = zip_source_buffer_create(buf, len, 0, &ze);
    if (src)
        r.zip = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze);
    if (!r.zip) {
        int sys_errno = errno;
        if (src)
            zip_source_free(src);
        open_failed(&r, &ze, sys_errno);
        zip_error_fini(&ze);
        return err->code;
    }
    zip_error_fini(&ze);
    return run_reader(&r, wanted, book);
}

void styr_xlsx_book_free(styr_xlsx_book *book)
{
    if (!book)
        return;
    for (size_t i = 0; i < book->nsheets; i++) {
        for (size_t k = 0; k < book->sheets[i].ncells; k++)
            free(book->sheets[i].cells[k].text);
        free(book->sheets[i].cells);
        free(book->sheets[i].name);
    }
    free(book->sheets);
    memset(book, 0, sizeof *book);
}

const styr_xlsx_sheet *styr_xlsx_sheet_named(const styr_xlsx_book *book, const char *name)
{
    for (size_t i = 0; i < book->nsheets; i++)
        if (book->sheets[i].name && strcmp(book->sheets[i].name, name) == 0)
            return &book->sheets[i];
    return NULL;
}

void styr_xlsx_cell_ref(char *buf, size_t cap, uint32_t row, uint32_t col)
{
    char letters[8];
    size_t n = 0;
    while (col > 0 && n < sizeof letters) {
        col--;
        letters[n++] = (char)('A' + col % 26);
        col /= 26;
    }
    char rev[8] = {0};
    for (size_t i = 0; i < n; i++)
        rev[i] = letters[n - 1 - i];
    snprintf(buf, cap, "%.*s%u", (int)n, rev, row);
}

int styr_xlsx_parse_ref(const char *ref, uint32_t *row, uint32_t *col)
{
    uint32_t c = 0, r = 0;
    const char *p = ref;
    while (*p >= 'A' && *p <= 'Z') {
        c = c * 26 + (uint32_t)(*p - 'A' + 1);
        if (c > STYR_XLSX_MAX_COL)
            return 0;
        p++;
    }
    if (p == ref || *p < '1' || *p > '9')
        return 0;
    while (*p >= '0' && *p <= '9') {
        r = r * 10 + (uint32_t)(*p - '0');
        if (r > STYR_XLSX_MAX_ROW)
            return 0;
        p++;
    }
    if (*p)
        return 0;
    *row = r;
    *col = c;
    return 1;
}
