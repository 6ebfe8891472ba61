/* doc.h - the document tree: every YAML node with its 1-based position.
 *
 * A styr_doc owns all its nodes (in one arena). Nodes are immutable once
 * loaded, except for the INVALID flag set by schema checking. An alias
 * becomes its own node (kind, value and children of the anchored node, but
 * the alias's own position and parent); merged keys (<<) appear as ordinary
 * entries of the mapping that merges them and keep the positions of where
 * they were written.
 */
#ifndef STYR_DOC_H
#define STYR_DOC_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "error.h"
#include "run_limits.h"

typedef enum styr_node_kind {
    STYR_NODE_SCALAR = 0,
    STYR_NODE_SEQ,
    STYR_NODE_MAP
} styr_node_kind;

/* The resolved type of a scalar (YAML 1.2 core schema; quoted scalars and
 * scalars tagged !!str are always strings). */
typedef enum styr_scalar_type {
    STYR_SCALAR_NULL = 0,   /* ~, null, Null, NULL, or empty plain scalar */
    STYR_SCALAR_BOOL,       /* true/false in any of True, TRUE, ... */
    STYR_SCALAR_INT,        /* fits int64 */
    STYR_SCALAR_FLOAT,      /* includes .inf, -.inf, .nan, and integers too big for int64 */
    STYR_SCALAR_STRING
} styr_scalar_type;

enum {
    STYR_NODE_QUOTED = 1u << 0,  /* scalar was single/double quoted or a block scalar */
    STYR_NODE_ALIAS = 1u << 1,   /* node stands for an alias (*name) */
    STYR_NODE_MERGED = 1u << 2,  /* map entry came from a merge key (<<) */
    STYR_NODE_INVALID = 1u << 3  /* value has the wrong type; rules see it as absent */
};

typedef struct styr_node styr_node;
struct styr_node {
    uint8_t kind;        /* styr_node_kind */
    uint8_t stype;       /* styr_scalar_type, scalars only */
    uint16_t flags;
    uint32_t line;       /* 1-based */
    uint32_t column;     /* 1-based, in characters */
    uint32_t index;      /* position in parent: item index, or entry index for a map value/key */
    uint32_t count;      /* scalar: byte length of text; seq: items; map: entries */
    styr_node *parent;   /* the containing seq or map; NULL for the root */
    union {
        const char *text;     /* scalar: NUL-terminated (may contain NUL bytes? never: rejected) */
        styr_node **items;    /* seq: count items; map: 2*count nodes, key then value */
    } u;
    union {
        int64_t i;       /* STYR_SCALAR_INT, and BOOL as 0/1 */
        double f;        /* STYR_SCALAR_FLOAT */
    } v;                 /* unused by strings and nulls (a short text may live here) */
};

typedef struct styr_doc {
    styr_arena arena;
    styr_node *root;     /* NULL when the stream holds no document */
    char *file;          /* the name used in messages (malloc'd) */
    size_t node_count;
    size_t bytes;        /* input size */
    /* SHA-256 of the input's bytes (the workbook file for .xlsx), so a report
     * can say which version of a file its numbers come from. */
    unsigned char sha256[32];
    int has_sha256;
    /* A plan read from an .xlsx workbook (plan_sheets.c): its nodes' line is
     * (sheet << STYR_SHEET_SHIFT) | row, sheet 1-based into sheets (names in
     * the arena); column is the cell's column. NULL and 0 for YAML. */
    const char **sheets;
    size_t nsheets;
} styr_doc;

/* Lines of a workbook's nodes: a sheet number above Excel's 2^20 rows. */
#define STYR_SHEET_SHIFT 21u
static inline unsigned styr_sheet_of_line(unsigned line) { return line >> STYR_SHEET_SHIFT; }
static inline unsigned styr_row_of_line(unsigned line) { return line & ((1u << STYR_SHEET_SHIFT) - 1u); }

/* Parses a whole file ("-": standard input, named "<stdin>" in messages).
 * On success *out is a new document (root NULL for an
 * empty stream or one of only comments); the caller frees it with
 * styr_doc_free. On failure *out is NULL and err says where and why:
 * STYR_E_IO unreadable, STYR_E_SYNTAX malformed YAML (libyaml's own words),
 * STYR_E_INPUT duplicate key (reported at the second key), unknown alias,
 * bad merge value, complex key, several documents in one stream;
 * STYR_E_LIMIT a bound of lim exceeded (lim NULL means the defaults). */
styr_status styr_doc_load_file(const char *path, const styr_limits *lim,
                               styr_doc **out, styr_error *err);

/* As styr_doc_load_file, from memory; name is used in messages. */
styr_status styr_doc_load_buffer(const char *name, const char *buf, size_t len,
                                 const styr_limits *lim, styr_doc **out,
                                 styr_error *err);

/* Frees doc and every node; accepts NULL. */
void styr_doc_free(styr_doc *doc);

/* The value stored under key (len bytes) in map, or NULL if absent or map
 * is not a mapping. Keys compare byte for byte. */
const styr_node *styr_map_get(const styr_node *map, const char *key, size_t len);
/* Entry i of a mapping (0 <= i < count). */
static inline const styr_node *styr_map_key(const styr_node *map, uint32_t i) { return map->u.items[2 * i]; }
static inline const styr_node *styr_map_value(const styr_node *map, uint32_t i) { return map->u.items[2 * i + 1]; }
/* Item i of a sequence (0 <= i < count). */
static inline const styr_node *styr_seq_item(const styr_node *seq, uint32_t i) { return seq->u.items[i]; }

/* Writes the node's path from the root, e.g. "actions[3].financing[0].until",
 * into buf (always NUL-terminated, truncated to cap). Returns the length it
 * needed. A value's path ends in its key; a key node's path is its value's. */
size_t styr_node_path(const styr_node *node, char *buf, size_t cap);

/* True for a scalar whose resolved type is null, and for NULL. */
static inline int styr_node_is_null(const styr_node *n) { return !n || (n->kind == STYR_NODE_SCALAR && n->stype == STYR_SCALAR_NULL); }

#endif
