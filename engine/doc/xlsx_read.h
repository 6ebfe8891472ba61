/* xlsx_read.h - the cells of an .xlsx workbook, read with libzip and expat.
 *
 * An .xlsx file is a zip archive of XML parts (ECMA-376). This reads the
 * workbook's sheet names, its shared strings and the cells of the sheets
 * asked for, within bounds that hold however hostile the file: the archive
 * (entries; each part's declared size and how many times it inflates its
 * packed size; and the bytes really inflated, since a header may lie), the
 * shared-string table (count and bytes), the cells, one value's length, and
 * the XML's depth; a DOCTYPE (and so any entity) is refused.
 */
#ifndef STYR_XLSX_READ_H
#define STYR_XLSX_READ_H

#include <stddef.h>
#include <stdint.h>

#include "run_limits.h"
#include "error.h"

/* Limits beyond styr_limits (which give file size, depth and value size). */
#define STYR_XLSX_MAX_ENTRIES 10000u          /* entries in the archive */
#define STYR_XLSX_MAX_SHARED 1000000u         /* shared strings */
#define STYR_XLSX_MAX_CELLS 2000000u          /* cells kept over all sheets read */
#define STYR_XLSX_MAX_ROW 1048576u            /* Excel's own limits */
#define STYR_XLSX_MAX_COL 16384u
#define STYR_XLSX_MAX_RATIO 500u              /* declared inflated : packed size of a part over 1 MB */

typedef struct styr_xlsx_cell {
    uint32_t row, col;      /* 1-based */
    int number;             /* a numeric cell: text is its value as written in the file */
    char *text;             /* NUL-terminated UTF-8; booleans are "TRUE"/"FALSE" */
} styr_xlsx_cell;

typedef struct styr_xlsx_sheet {
    char *name;
    int read;               /* its cells were read (it was asked for) */
    styr_xlsx_cell *cells;  /* in file order: by row, then column */
    size_t ncells;
} styr_xlsx_sheet;

typedef struct styr_xlsx_book {
    styr_xlsx_sheet *sheets;
    size_t nsheets;
} styr_xlsx_book;

/* Reads the workbook at path: every sheet's name, and the cells of those
 * whose name is in `wanted` (NULL-terminated; NULL reads every sheet). On
 * failure err says why (STYR_E_IO unreadable, STYR_E_SYNTAX not an .xlsx or
 * broken XML, STYR_E_LIMIT a bound exceeded) and book is empty. */
styr_status styr_xlsx_read_file(const char *path, const styr_limits *lim, const char *const *wanted,
                                styr_xlsx_book *book, styr_error *err);

/* As styr_xlsx_read_file, from memory; name is used in messages. */
styr_status styr_xlsx_read_buffer(const char *name, const void *buf, size_t len, const styr_limits *lim,
                                  const char *const *wanted, styr_xlsx_book *book, styr_error *err);

void styr_xlsx_book_free(styr_xlsx_book *book);

/* The sheet called name, or NULL. */
const styr_xlsx_sheet *styr_xlsx_sheet_named(const styr_xlsx_book *book, const char *name);

/* Writes a cell reference ("E12") for 1-based row and col into buf. */
void styr_xlsx_cell_ref(char *buf, size_t cap, uint32_t row, uint32_t col);

/* Parses "E12" (column letters, then row digits); returns 0 when malformed
 * or beyond Excel's limits. */
int styr_xlsx_parse_ref(const char *ref, uint32_t *row, uint32_t *col);

#endif
