/* test_doc.c - unit tests of the document tree (engine/doc.c, engine/arena.c)
 * and its YAML loader (engine/doc_load.c): positions, scalar typing,
 * duplicate keys, anchors, aliases and merge keys, every limit, hostile and
 * malformed input, paths, and lookup in big mappings. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>

#include <cmocka.h>

#include "doc.h"
#include "sha256.h"
#include "internal/map_index.h"
#include "yaml_explain.h"

/* ---- helpers ---- */

static styr_limits default_limits(void)
{
    styr_limits lim;
    styr_limits_default(&lim);
    lim.lang = STYR_EXPLAIN_EN;   /* the English messages (--lang en); test_swedish_messages pins Swedish */
    return lim;
}

/* Loads len bytes of text with lim; fails the test on error. */
static styr_doc *load_len_lim(const char *text, size_t len, const styr_limits *lim)
{
    styr_doc *doc = NULL;
    styr_error err;
    styr_status st = styr_doc_load_buffer("t.yaml", text, len, lim, &doc, &err);
    if (st != STYR_OK)
        fail_msg("load failed (%d) at %u:%u: %s", (int)st, err.line, err.column, err.message);
    assert_non_null(doc);
    return doc;
}

static styr_doc *load(const char *text)
{
    styr_limits lim = default_limits();
    return load_len_lim(text, strlen(text), &lim);
}

/* Loads and expects failure with code at line:col and a message containing part. */
static void expect_error_len_lim(const char *text, size_t len, const styr_limits *lim, styr_status code,
                                 unsigned line, unsigned col, const char *part)
{
    styr_doc *doc = (styr_doc *)1;
    styr_error err;
    styr_status st = styr_doc_load_buffer("t.yaml", text, len, lim, &doc, &err);
    assert_null(doc);
    if (st != code || err.code != code || err.line != line || err.column != col || !strstr(err.message, part))
        fail_msg("got status %d at %u:%u '%s'; expected %d at %u:%u containing '%s'", (int)st, err.line,
                 err.column, err.message, (int)code, line, col, part);
    assert_string_equal(err.file, "t.yaml");
}

static void expect_error(const char *text, styr_status code, unsigned line, unsigned col, const char *part)
{
    styr_limits lim = default_limits();
    expect_error_len_lim(text, strlen(text), &lim, code, line, col, part);
}

static const styr_node *get(const styr_node *map, const char *key)
{
    const styr_node *v = styr_map_get(map, key, strlen(key));
    if (!v)
        fail_msg("no key '%s'", key);
    return v;
}

static void assert_pos(const styr_node *n, unsigned line, unsigned col)
{
    assert_non_null(n);
    if (n->line != line || n->column != col)
        fail_msg("node at %u:%u, expected %u:%u", n->line, n->column, line, col);
}

static void assert_text(const styr_node *n, const char *text)
{
    assert_int_equal(n->kind, STYR_NODE_SCALAR);
    assert_int_equal(n->count, strlen(text));
    assert_string_equal(n->u.text, text);
}

static void assert_path(const styr_node *n, const char *want)
{
    char buf[256];
    size_t len = styr_node_path(n, buf, sizeof buf);
    assert_string_equal(buf, want);
    assert_int_equal(len, strlen(want));
}

/* Writes text to a new temporary file; returns its malloc'd path. */
static char *temp_file(const void *text, size_t len)
{
    const char *dir = getenv("TMPDIR");
    char *path = malloc(4096);
    FILE *f;
    int fd;
    assert_non_null(path);
    snprintf(path, 4096, "%s/styr_test_doc_XXXXXX", dir && *dir ? dir : "/tmp");
    fd = mkstemp(path);
    assert_true(fd >= 0);
    f = fdopen(fd, "wb");
    assert_non_null(f);
    if (len)
        assert_int_equal(fwrite(text, 1, len, f), len);
    fclose(f);
    return path;
}

/* CPU seconds of the process: a bound on work that a busy machine does not
 * change (the wall clock would). */
static double cpu_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---- arena ---- */

/* The workbook reader builds a big mapping's index after the fact
 * (styr_map_index_build): every key is found, also those placed after a
 * collision, and an absent key is not, whatever the hash seed. */
static void test_map_index_build(void **state)
{
    (void)state;
    enum { N = 40 };
    static char names[N][8];
    static styr_node keys[N], vals[N];
    size_t extra = styr_map_index_size(N);
    assert_true(extra > 0);
    assert_int_equal(styr_map_index_size(16), 0);   /* 16 entries are scanned */
    styr_node **items = malloc(2 * N * sizeof *items + extra);
    assert_non_null(items);
    for (int i = 0; i < N; i++) {
        snprintf(names[i], sizeof names[i], "k%d", i);
        memset(&keys[i], 0, sizeof keys[i]);
        keys[i].kind = STYR_NODE_SCALAR;
        keys[i].u.text = names[i];
        keys[i].count = (uint32_t)strlen(names[i]);
        vals[i] = keys[i];
        items[2 * i] = &keys[i];
        items[2 * i + 1] = &vals[i];
    }
    styr_node map;
    memset(&map, 0, sizeof map);
    map.kind = STYR_NODE_MAP;
    map.count = N;
    map.u.items = items;
    for (uint64_t seed = 0; seed < 8; seed++) {
        styr_map_index_build(&map, seed);
        for (int i = 0; i < N; i++)
            assert_ptr_equal(styr_map_get(&map, names[i], strlen(names[i])), &vals[i]);
        assert_null(styr_map_get(&map, "k40", 3));
        assert_null(styr_map_get(&map, "k", 1));
    }
    free(items);
}

/* Mappings of 15, 16 and 17 keys: 16 and fewer are scanned, more go
 * through the index; every key is found on both sides of the edge. */
static void test_map_sizes_at_the_index_edge(void **state)
{
    (void)state;
    for (int n = 15; n <= 17; n++) {
        char text[1024];
        size_t len = 0;
        for (int i = 0; i < n; i++)
            len += (size_t)snprintf(text + len, sizeof text - len, "key%d: %d\n", i, i);
        styr_doc *d = load(text);
        assert_non_null(d);
        assert_int_equal(d->root->count, n);
        for (int i = 0; i < n; i++) {
            char k[16];
            snprintf(k, sizeof k, "key%d", i);
            const styr_node *v = styr_map_get(d->root, k, strlen(k));
            assert_non_null(v);
            assert_int_equal(v->v.i, i);
        }
        assert_null(styr_map_get(d->root, "key99", 5));
        styr_doc_free(d);
    }
}

static void test_arena(void **state)
{
    styr_arena a;
    size_t i;
    (void)state;
    styr_arena_init(&a);
    for (i = 1; i < 5000; i += 7) {
        char *p = styr_arena_alloc(&a, i);
        assert_non_null(p);
        assert_int_equal((uintptr_t)p % 16, 0);
        memset(p, 0xab, i);
    }
    {
        /* a request bigger than any block gets its own */
        char *big = styr_arena_alloc(&a, 5u * 1024 * 1024);
        char *after = styr_arena_alloc(&a, 8);
        assert_non_null(big);
        assert_non_null(after);
        memset(big, 1, 5u * 1024 * 1024);
        /* a size whose padding would wrap around is refused, not cut short */
        assert_null(styr_arena_alloc(&a, SIZE_MAX));
        assert_null(styr_arena_alloc(&a, SIZE_MAX - 8));
        /* and so is a copy whose length + 1 for the NUL would wrap to 0 */
        assert_null(styr_arena_strndup(&a, "x", SIZE_MAX));
    }
    {
        char *s = styr_arena_strndup(&a, "hello world", 5);
        char *e = styr_arena_strndup(&a, "", 0);
        void *p4 = styr_arena_alloc_aligned(&a, 3, 4);
        assert_string_equal(s, "hello");
        assert_string_equal(e, "");
        assert_int_equal((uintptr_t)p4 % 4, 0);
    }
    {
        /* a big request gets a block of its own: the current block keeps
         * filling, so the next small request lies right after the last */
        styr_arena c;
        styr_arena_init(&c);
        char *first = styr_arena_alloc(&c, 8);
        assert_non_null(styr_arena_alloc(&c, 512u * 1024));
        char *next = styr_arena_alloc(&c, 8);
        assert_true(next == first + 16);
        styr_arena_free(&c);
        /* a first request too big for a block opens the arena with a block
         * of its own, and the next small one gets a block */
        styr_arena b;
        styr_arena_init(&b);
        char *big = styr_arena_alloc(&b, 2u * 1024 * 1024);
        assert_non_null(big);
        memset(big, 2, 2u * 1024 * 1024);
        assert_non_null(styr_arena_alloc(&b, 8));
        styr_arena_free(&b);
        /* alignment 1 packs bytes side by side; 0 means the default 16 */
        styr_arena_init(&b);
        char *x = styr_arena_alloc_aligned(&b, 1, 1);
        char *y = styr_arena_alloc_aligned(&b, 1, 1);
        char *z = styr_arena_alloc_aligned(&b, 1, 0);
        assert_non_null(x);
        assert_ptr_equal(y, x + 1);
        assert_non_null(z);
        assert_int_equal((uintptr_t)z % 16, 0);
        styr_arena_free(&b);
    }
    assert_true(a.used > 5u * 1024 * 1024);
    styr_arena_free(&a);
    assert_null(a.head);
    assert_int_equal(a.used, 0);
    styr_arena_free(&a); /* twice is harmless */
}

/* ---- positions ---- */

static void test_positions_block(void **state)
{
    const char *text =
        "kind: action-plan\n"
        "actions:\n"
        "  - id: \"1.1\"\n"
        "    owner: Kommunstyrelsen\n"
        "    financing:\n"
        "      - source: Vinnova\n"
        "        until: 2018-12\n"
        "    title: Göteborgs plan\n";
    styr_doc *doc = load(text);
    const styr_node *root = doc->root, *actions, *a0, *fin, *f0;
    (void)state;
    assert_int_equal(root->kind, STYR_NODE_MAP);
    assert_pos(root, 1, 1);
    assert_null(root->parent);
    assert_int_equal(root->count, 2);
    assert_pos(styr_map_key(root, 0), 1, 1);
    assert_pos(styr_map_value(root, 0), 1, 7);
    assert_pos(styr_map_key(root, 1), 2, 1);
    actions = get(root, "actions");
    assert_int_equal(actions->kind, STYR_NODE_SEQ);
    assert_pos(actions, 3, 3);
    assert_ptr_equal(actions->parent, root);
    assert_int_equal(actions->index, 1);
    assert_ptr_equal(styr_map_key(root, 1)->parent, root);
    assert_int_equal(styr_map_key(root, 1)->index, 1);
    a0 = styr_seq_item(actions, 0);
    assert_pos(a0, 3, 5);
    assert_ptr_equal(a0->parent, actions);
    assert_int_equal(a0->index, 0);
    assert_pos(styr_map_key(a0, 0), 3, 5);
    assert_pos(get(a0, "id"), 3, 9);
    assert_int_equal(get(a0, "id")->flags & STYR_NODE_QUOTED, STYR_NODE_QUOTED);
    assert_pos(styr_map_key(a0, 1), 4, 5);
    assert_pos(get(a0, "owner"), 4, 12);
    fin = get(a0, "financing");
    assert_pos(fin, 6, 7);
    f0 = styr_seq_item(fin, 0);
    assert_pos(f0, 6, 9);
    assert_pos(styr_map_key(f0, 1), 7, 9);
    assert_pos(get(f0, "until"), 7, 16);
    assert_text(get(f0, "until"), "2018-12");
    assert_int_equal(get(f0, "until")->stype, STYR_SCALAR_STRING);
    /* columns count characters, not bytes */
    assert_pos(styr_map_key(a0, 3), 8, 5);
    assert_pos(get(a0, "title"), 8, 12);
    assert_text(get(a0, "title"), "Göteborgs plan");
    assert_int_equal(doc->bytes, strlen(text));
    assert_int_equal(doc->node_count, 19);
    assert_string_equal(doc->file, "t.yaml");
    styr_doc_free(doc);
}

static void test_positions_flow(void **state)
{
    styr_doc *doc = load("period: {from: 2018, to: 2019}\n"
                         "list: [a, \"b\",  3, {x: y}]\n"
                         "empty:\n"
                         "next: {}\n");
    const styr_node *p, *l, *e;
    (void)state;
    p = get(doc->root, "period");
    assert_pos(p, 1, 9);
    assert_pos(styr_map_key(p, 0), 1, 10);
    assert_pos(styr_map_value(p, 0), 1, 16);
    assert_pos(styr_map_key(p, 1), 1, 22);
    assert_pos(styr_map_value(p, 1), 1, 26);
    assert_int_equal(styr_map_value(p, 1)->index, 1);
    assert_int_equal(styr_map_key(p, 1)->index, 1);
    l = get(doc->root, "list");
    assert_int_equal(l->count, 4);
    assert_pos(styr_seq_item(l, 0), 2, 8);
    assert_pos(styr_seq_item(l, 1), 2, 11);
    assert_pos(styr_seq_item(l, 2), 2, 17);
    assert_int_equal(styr_seq_item(l, 2)->index, 2);
    assert_pos(styr_seq_item(l, 3), 2, 20);
    assert_pos(styr_map_key(styr_seq_item(l, 3), 0), 2, 21);
    /* an empty value sits right after its colon */
    e = get(doc->root, "empty");
    assert_true(styr_node_is_null(e));
    assert_pos(e, 3, 7);
    assert_int_equal(get(doc->root, "next")->count, 0);
    assert_int_equal(get(doc->root, "next")->kind, STYR_NODE_MAP);
    styr_doc_free(doc);
}

/* ---- scalar typing ---- */

typedef struct scalar_case {
    const char *text;
    styr_scalar_type type;
    int64_t i;
    double f;
} scalar_case;

static void test_scalar_types(void **state)
{
    static const scalar_case cases[] = {
        {"~", STYR_SCALAR_NULL, 0, 0}, {"null", STYR_SCALAR_NULL, 0, 0}, {"Null", STYR_SCALAR_NULL, 0, 0},
        {"NULL", STYR_SCALAR_NULL, 0, 0}, {"", STYR_SCALAR_NULL, 0, 0}, {"nULL", STYR_SCALAR_STRING, 0, 0},
        {"none", STYR_SCALAR_STRING, 0, 0}, {"~x", STYR_SCALAR_STRING, 0, 0},
        {"0x1=", STYR_SCALAR_STRING, 0, 0},   /* '=' is no hex digit, though it sorts just below 'A' */
        {"true", STYR_SCALAR_BOOL, 1, 0}, {"True", STYR_SCALAR_BOOL, 1, 0}, {"TRUE", STYR_SCALAR_BOOL, 1, 0},
        {"false", STYR_SCALAR_BOOL, 0, 0}, {"False", STYR_SCALAR_BOOL, 0, 0}, {"FALSE", STYR_SCALAR_BOOL, 0, 0},
        {"tRUE", STYR_SCALAR_STRING, 0, 0}, {"yes", STYR_SCALAR_STRING, 0, 0}, {"on", STYR_SCALAR_STRING, 0, 0},
        {"0", STYR_SCALAR_INT, 0, 0}, {"-0", STYR_SCALAR_INT, 0, 0}, {"42", STYR_SCALAR_INT, 42, 0},
        {"+42", STYR_SCALAR_INT, 42, 0}, {"-17", STYR_SCALAR_INT, -17, 0}, {"007", STYR_SCALAR_INT, 7, 0},
        {"0o17", STYR_SCALAR_INT, 15, 0}, {"0x1F", STYR_SCALAR_INT, 31, 0}, {"0xff", STYR_SCALAR_INT, 255, 0},
        {"0xa", STYR_SCALAR_INT, 10, 0}, {"0xAf", STYR_SCALAR_INT, 175, 0}, {"0x90", STYR_SCALAR_INT, 144, 0},
        {"0o8", STYR_SCALAR_STRING, 0, 0}, {"0x", STYR_SCALAR_STRING, 0, 0}, {"0xg", STYR_SCALAR_STRING, 0, 0},
        {"-0x1", STYR_SCALAR_STRING, 0, 0}, {"1_000", STYR_SCALAR_STRING, 0, 0},
        {"1.5", STYR_SCALAR_FLOAT, 0, 1.5}, {"-1.5", STYR_SCALAR_FLOAT, 0, -1.5}, {".5", STYR_SCALAR_FLOAT, 0, 0.5},
        {"+.5", STYR_SCALAR_FLOAT, 0, 0.5}, {"1.", STYR_SCALAR_FLOAT, 0, 1.0}, {"1e3", STYR_SCALAR_FLOAT, 0, 1000.0},
        {"2.25E-2", STYR_SCALAR_FLOAT, 0, 0.0225}, {"1e+2", STYR_SCALAR_FLOAT, 0, 100.0},
        {".", STYR_SCALAR_STRING, 0, 0}, {"1e", STYR_SCALAR_STRING, 0, 0}, {"e3", STYR_SCALAR_STRING, 0, 0},
        {"1.2.3", STYR_SCALAR_STRING, 0, 0}, {"+", STYR_SCALAR_STRING, 0, 0}, {"-x", STYR_SCALAR_STRING, 0, 0},
        {"1,5", STYR_SCALAR_STRING, 0, 0}, {"2018-12-31", STYR_SCALAR_STRING, 0, 0},
        {"1580/17", STYR_SCALAR_STRING, 0, 0}, {"5.2", STYR_SCALAR_FLOAT, 0, 5.2},
        {".inf", STYR_SCALAR_FLOAT, 0, INFINITY}, {".Inf", STYR_SCALAR_FLOAT, 0, INFINITY},
        {"+.INF", STYR_SCALAR_FLOAT, 0, INFINITY}, {"-.inf", STYR_SCALAR_FLOAT, 0, -INFINITY},
        {".iNf", STYR_SCALAR_STRING, 0, 0}, {"-.nan", STYR_SCALAR_STRING, 0, 0}, {".nAn", STYR_SCALAR_STRING, 0, 0},
        {"9223372036854775807", STYR_SCALAR_INT, INT64_MAX, 0},
        {"-9223372036854775808", STYR_SCALAR_INT, INT64_MIN, 0},
        {"-9223372036854775807", STYR_SCALAR_INT, -INT64_MAX, 0},   /* one above INT64_MIN: negated, not clamped */
        {"9223372036854775808", STYR_SCALAR_FLOAT, 0, 9223372036854775808.0},
        {"-9223372036854775809", STYR_SCALAR_FLOAT, 0, -9223372036854775809.0},
        {"99999999999999999999", STYR_SCALAR_FLOAT, 0, 1e20},
        {"0x7fffffffffffffff", STYR_SCALAR_INT, INT64_MAX, 0},
        {"0x8000000000000000", STYR_SCALAR_FLOAT, 0, 9223372036854775808.0},
        {"0x1ffffffffffffffff", STYR_SCALAR_FLOAT, 0, 36893488147419103231.0},
        /* 2^64 + 1 wraps to 1 in 64 bits: the overflow must be seen, not wrapped */
        {"0x10000000000000001", STYR_SCALAR_FLOAT, 0, 18446744073709551617.0},
        {"1e400", STYR_SCALAR_FLOAT, 0, INFINITY},
        {"hello", STYR_SCALAR_STRING, 0, 0}, {"Kommunstyrelsen", STYR_SCALAR_STRING, 0, 0},
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char text[128];
        styr_doc *doc;
        const styr_node *v;
        snprintf(text, sizeof text, "v: %s\n", cases[i].text);
        doc = load(text);
        v = get(doc->root, "v");
        if (v->stype != cases[i].type)
            fail_msg("'%s' resolved to type %d, expected %d", cases[i].text, v->stype, (int)cases[i].type);
        assert_text(v, cases[i].text);
        assert_int_equal(v->flags, 0);
        if (cases[i].type == STYR_SCALAR_INT || cases[i].type == STYR_SCALAR_BOOL) {
            if (v->v.i != cases[i].i)
                fail_msg("'%s' is %lld", cases[i].text, (long long)v->v.i);
        }
        if (cases[i].type == STYR_SCALAR_FLOAT && v->v.f != cases[i].f)
            fail_msg("'%s' is %.17g, expected %.17g", cases[i].text, v->v.f, cases[i].f);
        styr_doc_free(doc);
    }
    {
        styr_doc *doc = load("a: .nan\nb: .NaN\nc: .NAN\n");
        assert_true(isnan(get(doc->root, "a")->v.f));
        assert_true(isnan(get(doc->root, "b")->v.f));
        assert_true(isnan(get(doc->root, "c")->v.f));
        assert_int_equal(get(doc->root, "c")->stype, STYR_SCALAR_FLOAT);
        styr_doc_free(doc);
    }
}

static void test_quoted_and_tags(void **state)
{
    styr_doc *doc = load("a: \"123\"\n"
                         "b: 'true'\n"
                         "c: |\n  line one\n  line two\n"
                         "d: >-\n  folded\n  text\n"
                         "e: !!str 123\n"
                         "f: !!int \"5\"\n"
                         "g: !custom 5\n"
                         "h: ! 12\n"
                         "i: ''\n"
                         "j: \"tab\\there\"\n");
    const styr_node *r = doc->root;
    (void)state;
    assert_int_equal(get(r, "a")->stype, STYR_SCALAR_STRING);
    assert_int_equal(get(r, "a")->flags, STYR_NODE_QUOTED);
    assert_text(get(r, "a"), "123");
    assert_int_equal(get(r, "b")->stype, STYR_SCALAR_STRING);
    assert_int_equal(get(r, "c")->flags, STYR_NODE_QUOTED);
    assert_text(get(r, "c"), "line one\nline two\n");
    assert_text(get(r, "d"), "folded text");
    assert_int_equal(get(r, "d")->flags, STYR_NODE_QUOTED);
    assert_int_equal(get(r, "e")->stype, STYR_SCALAR_STRING);
    assert_int_equal(get(r, "e")->flags, 0);
    assert_int_equal(get(r, "f")->stype, STYR_SCALAR_STRING);
    assert_int_equal(get(r, "g")->stype, STYR_SCALAR_INT);
    assert_int_equal(get(r, "g")->v.i, 5);
    assert_int_equal(get(r, "h")->stype, STYR_SCALAR_STRING);
    assert_int_equal(get(r, "i")->stype, STYR_SCALAR_STRING);
    assert_int_equal(get(r, "i")->count, 0);
    assert_false(styr_node_is_null(get(r, "i")));
    assert_text(get(r, "j"), "tab\there");
    styr_doc_free(doc);
}

/* ---- duplicate and complex keys ---- */

static void test_duplicate_keys(void **state)
{
    (void)state;
    expect_error("a: 1\n"
                 "b:\n"
                 "  owner: x\n"
                 "  c: 2\n"
                 "  owner: y\n",
                 STYR_E_INPUT, 5, 3, "duplicate key 'owner' (first at line 3, column 3)");
    expect_error("p: {a: 1, b: 2, a: 3}\n", STYR_E_INPUT, 1, 17, "duplicate key 'a' (first at line 1, column 5)");
    /* a space in a key is shown as written, not escaped */
    expect_error("a b: 1\na b: 2\n", STYR_E_INPUT, 2, 1, "duplicate key 'a b' (first at line 1, column 1)");
    /* keys compare by their text */
    expect_error("1: a\n\"1\": b\n", STYR_E_INPUT, 2, 1, "duplicate key '1'");
    /* the message shows odd keys safely */
    expect_error("\"it's\": 1\n\"it's\": 2\n", STYR_E_INPUT, 2, 1, "duplicate key 'it\\'s'");
    /* a key of 61 characters is shown whole; one of 62 is cut after 61 with "..." */
    {
        char k61[62], k62[63], yaml[200], want[120];
        memset(k61, 'k', 61);
        k61[61] = '\0';
        memset(k62, 'k', 62);
        k62[62] = '\0';
        snprintf(yaml, sizeof yaml, "%s: 1\n%s: 2\n", k61, k61);
        snprintf(want, sizeof want, "duplicate key '%s' (first", k61);
        expect_error(yaml, STYR_E_INPUT, 2, 1, want);
        snprintf(yaml, sizeof yaml, "%s: 1\n%s: 2\n", k62, k62);
        snprintf(want, sizeof want, "duplicate key '%s...' (first", k61);
        expect_error(yaml, STYR_E_INPUT, 2, 1, want);
    }
    /* different keys in different maps are fine */
    styr_doc_free(load("a: {x: 1}\nb: {x: 1}\nx: 2\n"));
    /* a hashed map (over 16 keys) half full, its table 64 slots for 32
     * keys: a repeated key that had to move past a taken slot is found
     * all the same. The hash is seeded anew for each load, so many loads
     * repeat the later keys (more likely moved) to meet such a key. */
    for (int round = 0; round < 128; round++) {
        char yaml[512], want[64];
        size_t len = 0;
        int again = 16 + round % 16;
        for (int i = 0; i < 32; i++)
            len += (size_t)snprintf(yaml + len, sizeof yaml - len, "k%d: %d\n", i, i);
        snprintf(yaml + len, sizeof yaml - len, "k%d: again\n", again);
        snprintf(want, sizeof want, "duplicate key 'k%d' (first at line %d, column 1)", again, again + 1);
        expect_error(yaml, STYR_E_INPUT, 33, 1, want);
    }
}

static void test_complex_keys(void **state)
{
    (void)state;
    expect_error("? [a, b]\n: 1\n", STYR_E_INPUT, 1, 3, "complex mapping keys are not supported");
    expect_error("{{a: 1}: 2}\n", STYR_E_INPUT, 1, 2, "complex mapping keys are not supported");
    expect_error("a: &m {x: 1}\n*m : 2\n", STYR_E_INPUT, 2, 1, "complex mapping keys are not supported");
    {
        /* an alias to a scalar is a fine key */
        styr_doc *doc = load("a: &k name\n*k : 2\n");
        assert_int_equal(get(doc->root, "name")->v.i, 2);
        assert_int_equal(styr_map_key(doc->root, 1)->flags & STYR_NODE_ALIAS, STYR_NODE_ALIAS);
        styr_doc_free(doc);
    }
}

/* ---- anchors and aliases ---- */

static void test_aliases(void **state)
{
    styr_doc *doc = load("base: &b\n"
                         "  x: 1\n"
                         "  y: [1, 2]\n"
                         "use: *b\n"
                         "s: &s \"hello\"\n"
                         "list: [*s, *b]\n"
                         "again: &b 7\n"
                         "late: *b\n");
    const styr_node *r = doc->root, *base = get(r, "base"), *use = get(r, "use"), *list, *a;
    (void)state;
    assert_int_equal(base->flags, 0);
    assert_int_equal(use->kind, STYR_NODE_MAP);
    assert_int_equal(use->flags, STYR_NODE_ALIAS);
    assert_pos(use, 4, 6);
    assert_ptr_equal(use->parent, r);
    assert_int_equal(use->index, 1);
    assert_int_equal(use->count, 2);
    /* children are shared */
    assert_ptr_equal(use->u.items, base->u.items);
    assert_ptr_equal(get(use, "x"), get(base, "x"));
    list = get(r, "list");
    a = styr_seq_item(list, 0);
    assert_text(a, "hello");
    assert_int_equal(a->flags, STYR_NODE_ALIAS | STYR_NODE_QUOTED);
    assert_int_equal(a->stype, STYR_SCALAR_STRING);
    assert_pos(a, 6, 8);
    assert_ptr_equal(a->parent, list);
    assert_int_equal(a->index, 0);
    a = styr_seq_item(list, 1);
    assert_pos(a, 6, 12);
    assert_int_equal(a->index, 1);
    assert_int_equal(a->kind, STYR_NODE_MAP);
    /* an anchor may be redefined; later aliases see the new node */
    assert_int_equal(get(r, "late")->stype, STYR_SCALAR_INT);
    assert_int_equal(get(r, "late")->v.i, 7);
    assert_path(get(r, "use"), "use");
    assert_path(get(get(r, "use"), "y"), "base.y");  /* shared child: where it was written */
    styr_doc_free(doc);
}

/* Many anchors: the anchor table grows (64, 128, 256, 512 slots) and every
 * anchor must still be found by its alias afterwards. */
static void test_many_anchors(void **state)
{
    (void)state;
    enum { N = 300 };
    size_t cap = (size_t)N * 48 + 64, len = 0;
    char *text = malloc(cap);
    assert_non_null(text);
    len += (size_t)snprintf(text + len, cap - len, "defs:\n");
    for (int i = 0; i < N; i++)
        len += (size_t)snprintf(text + len, cap - len, "  k%d: &anchor%d value%d\n", i, i, i);
    len += (size_t)snprintf(text + len, cap - len, "uses:\n");
    for (int i = N - 1; i >= 0; i--)
        len += (size_t)snprintf(text + len, cap - len, "  - *anchor%d\n", i);
    styr_doc *doc = load_len_lim(text, len, NULL);
    free(text);
    assert_non_null(doc);
    const styr_node *uses = get(doc->root, "uses");
    assert_non_null(uses);
    assert_int_equal(uses->count, N);
    for (int i = 0; i < N; i++) {
        char want[32];
        snprintf(want, sizeof want, "value%d", N - 1 - i);
        assert_text(styr_seq_item(uses, (uint32_t)i), want);
    }
    styr_doc_free(doc);
}

static void test_unknown_alias(void **state)
{
    (void)state;
    expect_error("a: 1\nb: *nope\n", STYR_E_INPUT, 2, 4, "unknown alias '*nope'");
    /* inside an anchored node, an alias to another, unknown anchor is unknown, not recursive */
    expect_error("a: &x [1, *nope]\n", STYR_E_INPUT, 1, 11, "unknown alias '*nope'");
    expect_error("a: &x [1, *x]\n", STYR_E_INPUT, 1, 11, "alias '*x' refers to a node that contains it");
    expect_error("&r [1, *r]\n", STYR_E_INPUT, 1, 8, "alias '*r' refers to a node that contains it");   /* the root */
    expect_error("a: *x\nb: &x 1\n", STYR_E_INPUT, 1, 4, "unknown alias '*x'");
}

static void test_alias_bomb(void **state)
{
    const char *bomb =
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
        "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
        "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
        "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
        "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
        "g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
        "h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\n"
        "i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n";
    styr_limits lim = default_limits();
    double t0 = cpu_seconds();
    (void)state;
    /* a is 10 nodes, b 91, c 820, d 7381, e 66430, f 597871: aliases up to f
     * sum to 672588, so the first *f in g crosses 1000000 */
    expect_error(bomb, STYR_E_LIMIT, 7, 8,
                 "aliases expand to more than 1000000 nodes (billion laughs?); raise --max-alias-nodes "
                 "if this is intended");
    assert_true(cpu_seconds() - t0 < 1.0);
    lim.max_alias_nodes = 7;
    expect_error_len_lim("a: &a [1, 2, 3]\nb: *a\nc: *a\n", 28, &lim, STYR_E_LIMIT, 3, 4,
                         "more than 7 nodes");
    lim.max_alias_nodes = 8;
    styr_doc_free(load_len_lim("a: &a [1, 2, 3]\nb: *a\nc: *a\n", 28, &lim));
}

static void test_alias_depth(void **state)
{
    styr_limits lim = default_limits();
    const char *text = "a: &a [[[1]]]\nb: [[*a]]\n";
    (void)state;
    lim.max_depth = 5;
    expect_error_len_lim(text, strlen(text), &lim, STYR_E_LIMIT, 2, 6,
                         "nesting deeper than 5 levels (through alias '*a')");
    lim.max_depth = 6;
    styr_doc_free(load_len_lim(text, strlen(text), &lim));
    /* the anchored list's height is its deepest item's, not its last one's */
    text = "a: &a [[[1]], 2]\nb: [[*a]]\n";
    lim.max_depth = 5;
    expect_error_len_lim(text, strlen(text), &lim, STYR_E_LIMIT, 2, 6,
                         "nesting deeper than 5 levels (through alias '*a')");
}

/* ---- merge keys ---- */

static void test_merge_single(void **state)
{
    styr_doc *doc = load("defaults: &d\n"
                         "  type: budget\n"
                         "  fte: 1\n"
                         "a:\n"
                         "  source: X\n"
                         "  <<: *d\n"
                         "  fte: 2\n");
    const styr_node *a = get(doc->root, "a"), *k;
    (void)state;
    assert_int_equal(a->count, 3);
    assert_null(styr_map_get(a, "<<", 2));
    assert_text(styr_map_key(a, 0), "source");
    assert_text(styr_map_key(a, 1), "fte");
    assert_int_equal(get(a, "fte")->v.i, 2); /* explicit wins although written after */
    assert_pos(get(a, "fte"), 7, 8);
    assert_int_equal(styr_map_key(a, 1)->flags & STYR_NODE_MERGED, 0);
    k = styr_map_key(a, 2);
    assert_text(k, "type");
    assert_int_equal(k->flags & STYR_NODE_MERGED, STYR_NODE_MERGED);
    assert_pos(k, 2, 3);   /* where it was written */
    assert_ptr_equal(k->parent, a);
    assert_int_equal(k->index, 2);
    assert_text(get(a, "type"), "budget");
    assert_ptr_equal(get(a, "type")->parent, a);
    assert_int_equal(get(a, "type")->index, 2);
    assert_pos(get(a, "type"), 2, 9);
    assert_path(get(a, "type"), "a.type");
    styr_doc_free(doc);
}

static void test_merge_list(void **state)
{
    styr_doc *doc = load("one: &one {k: 1, a: 1}\n"
                         "two: &two {k: 2, b: 2}\n"
                         "m:\n"
                         "  <<: [*one, *two, {c: 3, k: 9}]\n"
                         "  z: 0\n"
                         "chain: &chain {<<: *one, d: 4}\n"
                         "n: {<<: *chain}\n"
                         "q: {\"<<\": literal}\n");
    const styr_node *m = get(doc->root, "m"), *n;
    (void)state;
    assert_int_equal(m->count, 5);
    assert_text(styr_map_key(m, 0), "z");
    assert_text(styr_map_key(m, 1), "k");
    assert_text(styr_map_key(m, 2), "a");
    assert_text(styr_map_key(m, 3), "b");
    assert_text(styr_map_key(m, 4), "c");
    assert_int_equal(get(m, "k")->v.i, 1); /* the earlier merged map wins */
    assert_int_equal(get(m, "c")->v.i, 3);
    n = get(doc->root, "n");
    assert_int_equal(n->count, 3);
    assert_int_equal(get(n, "k")->v.i, 1);
    assert_int_equal(get(n, "d")->v.i, 4);
    /* a quoted << is an ordinary key */
    assert_text(get(get(doc->root, "q"), "<<"), "literal");
    styr_doc_free(doc);
}

static void test_merge_bad(void **state)
{
    (void)state;
    expect_error("a:\n  <<: 5\n", STYR_E_INPUT, 2, 7, "merge key '<<' needs a mapping or a list of mappings");
    expect_error("a:\n  <<:\n", STYR_E_INPUT, 2, 6, "merge key '<<' needs a mapping");
    expect_error("d: &d {x: 1}\na: {<<: [*d, 3]}\n", STYR_E_INPUT, 2, 14, "merge key '<<' needs a mapping");
    expect_error("d: &d [1]\na: {<<: *d}\n", STYR_E_INPUT, 2, 9, "merge key '<<' needs a mapping");
    /* explicit duplicates stay errors with a merge around */
    expect_error("d: &d {x: 1}\na: {<<: *d, y: 1, y: 2}\n", STYR_E_INPUT, 2, 19, "duplicate key 'y'");
    expect_error("d: &d {x: 1}\na: {x: 0, <<: *d, x: 2}\n", STYR_E_INPUT, 2, 19, "duplicate key 'x'");
    expect_error("d: &d {x: 1}\na:\n  <<: *d\n  <<: *d\n", STYR_E_INPUT, 4, 3, "duplicate key '<<'");
}

/* ---- limits ---- */

static void test_depth_limit(void **state)
{
    enum { LEVELS = 10000 };
    char *text = malloc(2 * LEVELS + 2);
    styr_limits lim = default_limits();
    styr_doc *doc;
    const styr_node *n;
    size_t i, depth = 0;
    char path[64];
    (void)state;
    assert_non_null(text);
    for (i = 0; i < LEVELS; i++) {
        text[i] = '[';
        text[LEVELS + i] = ']';
    }
    text[2 * LEVELS] = '\n';
    text[2 * LEVELS + 1] = '\0';
    expect_error(text, STYR_E_LIMIT, 1, 65, "nesting deeper than 64 levels");
    /* with the limit raised the tree is built without recursion */
    lim.max_depth = 20000;
    doc = load_len_lim(text, strlen(text), &lim);
    for (n = doc->root; n->kind == STYR_NODE_SEQ && n->count; n = styr_seq_item(n, 0))
        depth++;
    assert_int_equal(depth, LEVELS - 1);
    assert_int_equal(styr_node_path(n, path, sizeof path), 3 * (LEVELS - 1));
    assert_string_equal(path, "[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]");
    styr_doc_free(doc);
    lim.max_depth = 3;
    expect_error_len_lim("a:\n  b:\n    c: [1]\n", 19, &lim, STYR_E_LIMIT, 3, 8, "deeper than 3");
    free(text);
}

static void test_scalar_limit(void **state)
{
    styr_limits lim = default_limits();
    (void)state;
    lim.max_scalar_bytes = 10;
    expect_error_len_lim("a: 12345678901\n", 15, &lim, STYR_E_LIMIT, 1, 4,
                         "scalar is 11 bytes; the limit is 10 (--max-scalar-size)");
    expect_error_len_lim("abcdefghijkl: 1\n", 16, &lim, STYR_E_LIMIT, 1, 1, "scalar is 12 bytes");
    styr_doc_free(load_len_lim("a: 1234567890\n", 14, &lim));
}

static void test_file_size_limit(void **state)
{
    char text[100];
    char *path;
    styr_limits lim = default_limits();
    styr_doc *doc = (styr_doc *)1;
    styr_error err;
    (void)state;
    memset(text, ' ', sizeof text);
    memcpy(text, "a: 1", 4);
    text[99] = '\n';
    path = temp_file(text, sizeof text);
    lim.max_file_bytes = 50;
    assert_int_equal(styr_doc_load_file(path, &lim, &doc, &err), STYR_E_LIMIT);
    assert_null(doc);
    assert_int_equal(err.line, 0);
    assert_string_equal(err.message, "file is 100 bytes; the limit is 50 (--max-file-size)");
    assert_string_equal(err.file, path);
    expect_error_len_lim(text, sizeof text, &lim, STYR_E_LIMIT, 0, 0, "file is 100 bytes; the limit is 50");
    lim.max_file_bytes = 100;
    assert_int_equal(styr_doc_load_file(path, &lim, &doc, &err), STYR_OK);
    assert_int_equal(doc->bytes, 100);
    styr_doc_free(doc);
    doc = load_len_lim(text, sizeof text, &lim);   /* a buffer of exactly the limit is read too */
    assert_int_equal(get(doc->root, "a")->kind, STYR_NODE_SCALAR);
    styr_doc_free(doc);
    unlink(path);
    free(path);
}

/* ---- streams and files ---- */

static void test_empty_streams(void **state)
{
    static const char *const empty[] = {"", "# only a comment\n# and another\n", "   \n\n\t\n", "\xef\xbb\xbf"};
    size_t i;
    (void)state;
    for (i = 0; i < sizeof empty / sizeof empty[0]; i++) {
        styr_doc *doc = load(empty[i]);
        assert_null(doc->root);
        styr_doc_free(doc);
    }
    {
        styr_doc *doc = load("---\n");
        assert_non_null(doc->root);
        assert_true(styr_node_is_null(doc->root));
        styr_doc_free(doc);
    }
    {
        styr_doc *doc = load("a: 1\n...\n");
        assert_int_equal(doc->root->kind, STYR_NODE_MAP);
        styr_doc_free(doc);
    }
    {
        styr_limits lim = default_limits();
        styr_doc *doc = NULL;
        styr_error err;
        assert_int_equal(styr_doc_load_buffer("n", NULL, 0, &lim, &doc, &err), STYR_OK);
        assert_null(doc->root);
        styr_doc_free(doc);
        /* no buffer but a length: the caller's mistake, said, never read */
        doc = NULL;
        assert_int_equal(styr_doc_load_buffer("n", NULL, 5, &lim, &doc, &err), STYR_E_USAGE);
        assert_null(doc);
        assert_non_null(strstr(err.message, "no input buffer"));
    }
    styr_doc_free(NULL);
}

static void test_several_documents(void **state)
{
    (void)state;
    expect_error("a: 1\n---\nb: 2\n", STYR_E_INPUT, 2, 1,
                 "several YAML documents in one stream; put each plan in its own file");
    expect_error("---\na: 1\n...\n---\nb: 2\n", STYR_E_INPUT, 4, 1, "several YAML documents");
    expect_error("a: 1\n...\n--- b\n", STYR_E_INPUT, 3, 1, "several YAML documents");
}

static void test_file_api(void **state)
{
    const char *text = "kind: action-plan\nversion: 1\n";
    char *path = temp_file(text, strlen(text));
    styr_limits lim = default_limits();
    styr_doc *doc = (styr_doc *)1;
    styr_error err;
    char dir[] = "/tmp/styr_test_dir_XXXXXX";
    (void)state;
    assert_int_equal(styr_doc_load_file(path, &lim, &doc, &err), STYR_OK);
    assert_string_equal(doc->file, path);
    assert_int_equal(doc->bytes, strlen(text));
    assert_int_equal(get(doc->root, "version")->v.i, 1);
    styr_doc_free(doc);
    unlink(path);
    free(path);

    doc = (styr_doc *)1;
    assert_int_equal(styr_doc_load_file("/nonexistent/plan.yaml", &lim, &doc, &err), STYR_E_IO);
    assert_null(doc);
    assert_string_equal(err.file, "/nonexistent/plan.yaml");
    assert_non_null(strstr(err.message, "No such file"));

    assert_non_null(mkdtemp(dir));
    assert_int_equal(styr_doc_load_file(dir, &lim, &doc, &err), STYR_E_IO);
    assert_non_null(strstr(err.message, "directory"));
    rmdir(dir);

    /* an empty file is an empty stream */
    path = temp_file("", 0);
    assert_int_equal(styr_doc_load_file(path, &lim, &doc, &err), STYR_OK);
    assert_null(doc->root);
    styr_doc_free(doc);
    unlink(path);
    free(path);

    /* comments after a tab are an empty stream too (libyaml refuses the
     * tab), but not when a NUL byte follows past the reader's first chunk:
     * that file is not blank, and the tab is reported */
    {
        size_t n = 5 + 2 * 12000;
        char *t = malloc(n + 2);
        assert_non_null(t);
        memcpy(t, "\t# x\n", 5);
        for (size_t i = 5; i < n; i += 2)
            memcpy(t + i, "#\n", 2);
        assert_int_equal(styr_doc_load_buffer("t.yaml", t, n, &lim, &doc, &err), STYR_OK);
        assert_null(doc->root);
        styr_doc_free(doc);
        memcpy(t + n, "\0\n", 2);
        expect_error_len_lim(t, n + 2, &lim, STYR_E_SYNTAX, 1, 1, "indented with a tab");
        free(t);
    }

    /* reader errors get a position from the file too */
    path = temp_file("a: 1\nb: x\xff\n", 11);
    assert_int_equal(styr_doc_load_file(path, &lim, &doc, &err), STYR_E_SYNTAX);
    assert_int_equal(err.line, 2);
    assert_int_equal(err.column, 5);
    assert_non_null(strstr(err.message, "invalid UTF-8"));
    unlink(path);
    free(path);

    /* a file error in a big file: the position is past the first chunk */
    {
        size_t n = 100000, i;
        char *big = malloc(n + 16);
        assert_non_null(big);
        for (i = 0; i + 8 <= n; i += 8)
            memcpy(big + i, "- item\r\n", 8);
        memcpy(big + n, "- \xc3(x\n", 6);
        path = temp_file(big, n + 6);
        assert_int_equal(styr_doc_load_file(path, &lim, &doc, &err), STYR_E_SYNTAX);
        assert_int_equal(err.line, n / 8 + 1);
        assert_int_equal(err.column, 3);
        unlink(path);
        free(path);
        free(big);
    }
}

/* Loads text written into a pipe through /dev/fd (not seekable, no size
 * known in advance). */
static styr_status load_pipe(const char *text, size_t len, const styr_limits *lim, styr_doc **doc,
                             styr_error *err)
{
    int fds[2];
    char path[64];
    styr_status st;
    assert_int_equal(pipe(fds), 0);
    assert_true(len < 4096); /* fits the pipe buffer: no writer thread needed */
    assert_int_equal(write(fds[1], text, len), (long)len);
    close(fds[1]);
    snprintf(path, sizeof path, "/dev/fd/%d", fds[0]);
    st = styr_doc_load_file(path, lim, doc, err);
    close(fds[0]);
    return st;
}

static void test_pipe_input(void **state)
{
    styr_limits lim = default_limits();
    styr_doc *doc = NULL;
    styr_error err;
    char big[200];
    (void)state;
    if (access("/dev/fd/0", F_OK) != 0)
        skip();
    assert_int_equal(load_pipe("a: [1, 2]\n", 10, &lim, &doc, &err), STYR_OK);
    assert_int_equal(get(doc->root, "a")->count, 2);
    assert_int_equal(doc->bytes, 10);
    styr_doc_free(doc);
    /* the size limit holds while reading, without a size to stat */
    memset(big, '#', sizeof big);
    big[sizeof big - 1] = '\n';
    lim.max_file_bytes = 50;
    assert_int_equal(load_pipe(big, sizeof big, &lim, &doc, &err), STYR_E_LIMIT);
    assert_null(doc);
    assert_string_equal(err.message, "file is more than 50 bytes; the limit is 50 (--max-file-size)");
    /* a reader error in a pipe: no position, but still a clear message */
    lim.max_file_bytes = 1000;
    assert_int_equal(load_pipe("a: \xff\n", 5, &lim, &doc, &err), STYR_E_SYNTAX);
    assert_int_equal(err.line, 0);
    assert_non_null(strstr(err.message, "invalid UTF-8"));
    /* scanner errors keep libyaml's own position */
    assert_int_equal(load_pipe("a: [1\n", 6, &lim, &doc, &err), STYR_E_SYNTAX);
    assert_int_equal(err.line, 2);
}

static void test_default_limits(void **state)
{
    styr_doc *doc = NULL;
    styr_error err;
    char *text = malloc(70 * 2 + 2);
    int i;
    (void)state;
    assert_int_equal(styr_doc_load_buffer("x", "a: 1\n", 5, NULL, &doc, &err), STYR_OK);
    styr_doc_free(doc);
    assert_non_null(text);
    for (i = 0; i < 70; i++) {
        text[i] = '[';
        text[70 + i] = ']';
    }
    text[140] = '\0';
    assert_int_equal(styr_doc_load_buffer("x", text, 140, NULL, &doc, &err), STYR_E_LIMIT);
    assert_non_null(strstr(err.message, "nästlat i fler än 64 nivåer"));   /* Swedish by default */
    free(text);
}

/* ---- malformed and hostile input ---- */

static void test_malformed(void **state)
{
    (void)state;
    expect_error("a: 1\nb: 2\nc:\n  - x\n  y: 2\n", STYR_E_SYNTAX, 5, 3,
                 "did not find expected '-' indicator while parsing a block collection (started at line 4, column 3)");
    /* an unclosed flow list is reported where it opens */
    expect_error("x: 1\ny: [1, 2\nz: 3\n", STYR_E_SYNTAX, 2, 4,
                 "did not find expected ',' or ']' while parsing a flow sequence (started at line 2, column 4)");
    /* an unclosed quote is reported where the quote opens (libyaml stops at the end) */
    expect_error("a: 'unterminated\n", STYR_E_SYNTAX, 1, 4, "found unexpected end of stream while scanning a quoted scalar");
    styr_limits sv = default_limits();
    sv.lang = STYR_EXPLAIN_SV;
    expect_error_len_lim("a:\n\t- x\n", 7, &sv, STYR_E_SYNTAX, 2, 1, "indragen med en tabb");
    expect_error("a: 1\n\t\nb: 2\n", STYR_E_SYNTAX, 2, 1, "found a tab character");
    expect_error("a: 1\nb: ~\n@x\n", STYR_E_SYNTAX, 3, 1, "found character that cannot start any token");
    expect_error("a: b: c\n", STYR_E_SYNTAX, 1, 5, "mapping values are not allowed in this context");
    expect_error("top:\n  a: 1\n b: 2\n", STYR_E_SYNTAX, 3, 2,
                 "did not find expected key while parsing a block mapping (started at line 1, column 1)");
}

static void test_invalid_utf8(void **state)
{
    (void)state;
    expect_error("a: \xff\n", STYR_E_SYNTAX, 1, 4, "invalid UTF-8: byte 0xFF cannot start a character");
    /* Latin-1 'ö': points at the broken character, not at the byte after it */
    expect_error("a: 1\nowner: G\xf6teborg\n", STYR_E_SYNTAX, 2, 9, "invalid UTF-8");
    expect_error("a: x\xc3", STYR_E_SYNTAX, 1, 5, "invalid UTF-8: the input ends inside a character");
    expect_error("a: x\xc3\n", STYR_E_SYNTAX, 1, 5, "invalid UTF-8: a character is cut short (byte 0x0A");
    expect_error("a: \xc0\xaf\n", STYR_E_SYNTAX, 1, 4, "invalid UTF-8: overlong");
    expect_error("a: \xed\xa0\x80\n", STYR_E_SYNTAX, 1, 4, "invalid UTF-8: U+D800 is not a Unicode character");
    expect_error("a: \xef\xbf\xbe\n", STYR_E_SYNTAX, 1, 4, "character U+FFFE is not allowed");
    /* the C1 controls U+0080-U+009F (but U+0085, a line break) are control characters, the last too */
    expect_error("a: \xc2\x80\n", STYR_E_SYNTAX, 1, 4, "control character U+0080 is not allowed");
    expect_error("a: \x7f\n", STYR_E_SYNTAX, 1, 4, "control character U+007F is not allowed");   /* DEL */
    expect_error("a: \xc2\x9f\n", STYR_E_SYNTAX, 1, 4, "control character U+009F is not allowed");
    expect_error("\xef\xbb\xbf" "ab: \xff\n", STYR_E_SYNTAX, 1, 5, "invalid UTF-8");
    /* UTF-16 with a broken surrogate: said to be UTF-16 */
    {
        static const char u16[] = "\xff\xfe" "a\0:\0 \0\0\xdc\n\0";
        styr_limits lim = default_limits();
        expect_error_len_lim(u16, sizeof u16 - 1, &lim, STYR_E_SYNTAX, 1, 9, "invalid UTF-16: unexpected low surrogate");
    }
    /* a file that starts with a line break counts it as a line */
    expect_error("\na: \xff\n", STYR_E_SYNTAX, 2, 4, "invalid UTF-8");
}

static void test_nul_and_control(void **state)
{
    styr_limits lim = default_limits();
    (void)state;
    expect_error_len_lim("a: 1\nb: \0x\n", 10, &lim, STYR_E_SYNTAX, 2, 4, "control character (NUL byte)");
    expect_error_len_lim("\0\0\0a", 4, &lim, STYR_E_SYNTAX, 1, 1, "NUL byte");
    expect_error("a: \x07\n", STYR_E_SYNTAX, 1, 4, "control character U+0007 is not allowed in YAML");
    /* an escaped NUL inside a quoted scalar */
    expect_error("a: \"x\\0y\"\n", STYR_E_INPUT, 1, 4, "NUL byte");
}

static void test_bom_and_crlf(void **state)
{
    styr_doc *doc = load("\xef\xbb\xbf" "a: 1\nb: text\n");
    (void)state;
    assert_pos(styr_map_key(doc->root, 0), 1, 1);
    assert_pos(get(doc->root, "b"), 2, 4);
    styr_doc_free(doc);

    doc = load("a: 1\r\nb:\r\n  - x\r\n  - |\r\n    two\r\n    lines\r\nc: end\r\n");
    assert_pos(get(doc->root, "a"), 1, 4);
    assert_pos(styr_map_key(doc->root, 1), 2, 1);
    assert_pos(styr_seq_item(get(doc->root, "b"), 0), 3, 5);
    assert_text(styr_seq_item(get(doc->root, "b"), 0), "x");
    assert_text(styr_seq_item(get(doc->root, "b"), 1), "two\nlines\n");
    assert_pos(get(doc->root, "c"), 7, 4);
    assert_text(get(doc->root, "c"), "end");
    styr_doc_free(doc);
}

/* Every prefix and many corruptions of a rich document load or fail cleanly
 * (the sanitizer build checks for leaks and bad accesses). */
static void test_robustness(void **state)
{
    const char *text =
        "kind: action-plan\n"
        "defaults: &d {type: budget, fte: 1.25}\n"
        "actions:\n"
        "  - id: \"1.1\"\n"
        "    <<: *d\n"
        "    financing:\n"
        "      - {source: Vinnova, amount_sek: 500000, years: [2018, 2019]}\n"
        "    description: >-\n"
        "      Utveckla en modell, se insats 5.2\n"
        "  - &x {id: '1.2', links: {actions: [\"1.1\"]}}\n"
        "  - *x\n"
        "period: {from: 2018, to: 2019}\n";
    size_t len = strlen(text), i;
    char *buf = malloc(len + 1);
    styr_limits lim = default_limits();
    unsigned seed = 12345;
    static const char junk[] = "[]{}:,-*&!|>'\"#\n \t?<\0\x80\xff" "0.~";
    (void)state;
    assert_non_null(buf);
    for (i = 0; i <= len; i++) {
        styr_doc *doc = NULL;
        styr_error err;
        styr_status st = styr_doc_load_buffer("p", text, i, &lim, &doc, &err);
        assert_true(st == STYR_OK || st == STYR_E_SYNTAX || st == STYR_E_INPUT);
        assert_true((st == STYR_OK) == (doc != NULL));
        styr_doc_free(doc);
    }
    for (i = 0; i < 3000; i++) {
        styr_doc *doc = NULL;
        styr_error err;
        styr_status st;
        int k, edits = 1 + (int)(i % 4);
        memcpy(buf, text, len + 1);
        for (k = 0; k < edits; k++) {
            seed = seed * 1103515245u + 12345u;
            buf[(seed >> 8) % len] = junk[(seed >> 20) % (sizeof junk - 1)];
        }
        st = styr_doc_load_buffer("p", buf, len, &lim, &doc, &err);
        assert_true(st == STYR_OK || st == STYR_E_SYNTAX || st == STYR_E_INPUT);
        if (st == STYR_OK) {
            char path[128];
            assert_non_null(doc);
            if (doc->root)
                styr_node_path(doc->root, path, sizeof path);
        } else {
            assert_null(doc);
            assert_true(err.message[0] != '\0');
        }
        styr_doc_free(doc);
    }
    free(buf);
}

/* ---- paths ---- */

static void test_paths(void **state)
{
    styr_doc *doc = load("actions:\n"
                         "  - id: x\n"
                         "    financing:\n"
                         "      - until: 2018\n"
                         "\"odd key\": {\"a\\\"b\": 1, 'x.y': 2, \"t\\tq\": 3, \"\": 4, _ok-1: 5, \"c\\x01d\": 6, \"\\x7f\": 7}\n"
                         "d: &d {m: 1}\n"
                         "e: {<<: {n: {deep: 1}}}\n");
    const styr_node *r = doc->root, *until, *odd, *n;
    char small[10];
    (void)state;
    until = get(styr_seq_item(get(styr_seq_item(get(r, "actions"), 0), "financing"), 0), "until");
    assert_path(until, "actions[0].financing[0].until");
    assert_path(styr_map_key(until->parent, 0), "actions[0].financing[0].until"); /* a key's path is its value's */
    assert_path(r, "");
    assert_path(get(r, "actions"), "actions");
    assert_path(styr_seq_item(get(r, "actions"), 0), "actions[0]");
    odd = get(r, "odd key");
    assert_path(odd, "[\"odd key\"]");
    assert_path(get(odd, "a\"b"), "[\"odd key\"][\"a\\\"b\"]");
    assert_path(get(odd, "x.y"), "[\"odd key\"][\"x.y\"]");
    assert_path(get(odd, "t\tq"), "[\"odd key\"][\"t\\tq\"]");
    assert_path(styr_map_get(odd, "", 0), "[\"odd key\"][\"\"]");
    assert_path(get(odd, "_ok-1"), "[\"odd key\"]._ok-1");
    /* control characters and DEL are written as JSON escapes */
    assert_path(get(odd, "c\x01" "d"), "[\"odd key\"][\"c\\u0001d\"]");
    assert_path(get(odd, "\x7f"), "[\"odd key\"][\"\\u007f\"]");
    /* truncation keeps the start and reports the full length */
    assert_int_equal(styr_node_path(until, small, sizeof small), strlen("actions[0].financing[0].until"));
    assert_string_equal(small, "actions[0");
    assert_int_equal(styr_node_path(until, NULL, 0), strlen("actions[0].financing[0].until"));
    assert_int_equal(styr_node_path(NULL, small, sizeof small), 0);
    assert_string_equal(small, "");
    /* a merged entry is in its new map; the merge source itself is under "<<" */
    n = get(get(r, "e"), "n");
    assert_path(n, "e.n");
    assert_path(get(n, "deep"), "e[\"<<\"].n.deep");
    styr_doc_free(doc);

    doc = load("- a\n- [b, {c: d}]\n");
    assert_path(styr_seq_item(doc->root, 0), "[0]");
    assert_path(get(styr_seq_item(styr_seq_item(doc->root, 1), 1), "c"), "[1][1].c");
    styr_doc_free(doc);
}

/* ---- lookup ---- */

static void test_map_get(void **state)
{
    styr_doc *doc = load("a: 1\nb: 2\nlist: [1]\ns: x\n");
    (void)state;
    assert_null(styr_map_get(NULL, "a", 1));
    assert_null(styr_map_get(doc->root, "c", 1));
    assert_null(styr_map_get(doc->root, "ab", 2));
    assert_null(styr_map_get(doc->root, "", 0));
    assert_null(styr_map_get(get(doc->root, "list"), "a", 1));
    assert_null(styr_map_get(get(doc->root, "s"), "a", 1));
    assert_int_equal(styr_map_get(doc->root, "a", 1)->v.i, 1);
    assert_int_equal(styr_map_get(doc->root, "bxyz", 1)->v.i, 2); /* len bytes only */
    styr_doc_free(doc);
}

static void test_huge_map(void **state)
{
    enum { KEYS = 100000 };
    size_t cap = (size_t)KEYS * 32, len = 0, i;
    char *text = malloc(cap);
    styr_doc *doc;
    const styr_node *r;
    double t0;
    (void)state;
    assert_non_null(text);
    for (i = 0; i < KEYS; i++)
        len += (size_t)snprintf(text + len, cap - len, "key_%zu: %zu\n", i, i);
    t0 = cpu_seconds();
    doc = load_len_lim(text, len, &(styr_limits){.max_file_bytes = cap, .max_depth = 64,
                                                   .max_alias_nodes = 1000, .max_scalar_bytes = 100});
    r = doc->root;
    assert_int_equal(r->count, KEYS);
    for (i = 0; i < KEYS; i += 97) {
        char key[32];
        int n = snprintf(key, sizeof key, "key_%zu", i);
        const styr_node *v = styr_map_get(r, key, (size_t)n);
        assert_non_null(v);
        assert_int_equal(v->v.i, (int64_t)i);
        assert_int_equal(v->index, i);
    }
    assert_null(styr_map_get(r, "key_100000", 10));
    assert_null(styr_map_get(r, "key_", 4));
    styr_doc_free(doc);

    /* a duplicate at the very end is found, at its own line */
    len += (size_t)snprintf(text + len, cap - len, "key_4711: again\n");
    expect_error_len_lim(text, len, &(styr_limits){.max_file_bytes = cap, .max_depth = 64,
                                                   .max_alias_nodes = 1000, .max_scalar_bytes = 100,
                                                   .lang = STYR_EXPLAIN_EN},
                         STYR_E_INPUT, KEYS + 1, 1, "duplicate key 'key_4711' (first at line 4712, column 1)");
    /* both loads together stay far from quadratic: a plain duplicate check
     * comparing each key with every earlier one (5 * 10^9 compares) took
     * 7 s of CPU a load here, 14 s for both. Counted in CPU time, so a busy
     * machine does not matter; 6 s leaves room for a sanitizer build (all
     * of test_doc takes 0.2 s of CPU in a normal one). */
    double spent = cpu_seconds() - t0;
    if (!(spent < 6.0))
        fail_msg("two loads of %d keys took %.1f s of CPU: quadratic?", KEYS, spent);

    /* merging a big map into another uses the hash set too */
    len = (size_t)snprintf(text, cap, "base: &b\n");
    for (i = 0; i < 5000; i++)
        len += (size_t)snprintf(text + len, cap - len, "  k%zu: %zu\n", i, i);
    len += (size_t)snprintf(text + len, cap - len, "m:\n  k17: own\n  <<: *b\n");
    doc = load_len_lim(text, len, &(styr_limits){.max_file_bytes = cap, .max_depth = 64,
                                                  .max_alias_nodes = 100000, .max_scalar_bytes = 100});
    r = get(doc->root, "m");
    assert_int_equal(r->count, 5000);
    for (i = 0; i < r->count; i++) {
        const styr_node *k = styr_map_key(r, (uint32_t)i);
        assert_ptr_equal(styr_map_get(r, k->u.text, k->count), styr_map_value(r, (uint32_t)i));
    }
    for (i = 17; i < 40; i++) {
        /* every size around the switch from scanning to hashing */
        size_t j, l = 0;
        styr_doc *d;
        for (j = 0; j < i; j++)
            l += (size_t)snprintf(text + l, cap - l, "%sk%zu: %zu", j ? ", " : "{", j, j);
        l += (size_t)snprintf(text + l, cap - l, "}\n");
        d = load_len_lim(text, l, &(styr_limits){.max_file_bytes = cap, .max_depth = 64,
                                                  .max_alias_nodes = 10, .max_scalar_bytes = 100});
        for (j = 0; j < i; j++) {
            const styr_node *k = styr_map_key(d->root, (uint32_t)j);
            assert_ptr_equal(styr_map_get(d->root, k->u.text, k->count), styr_map_value(d->root, (uint32_t)j));
        }
        assert_null(styr_map_get(d->root, "k", 1));
        styr_doc_free(d);
    }
    assert_text(get(r, "k17"), "own");
    assert_int_equal(get(r, "k4999")->v.i, 4999);
    assert_int_equal(get(r, "k4999")->index, 4999);
    styr_doc_free(doc);
    free(text);
}

/* Swedish first: the default language explains each mistake in Swedish,
 * with the same position and the same values as the English message. */
static void test_swedish_messages(void **state)
{
    (void)state;
    styr_limits lim = default_limits();
    lim.lang = STYR_EXPLAIN_SV;
    static const struct {
        const char *text;
        const char *part;
    } cases[] = {
        {"a: 1\nb: 2\na: 3\n", "nyckeln 'a' finns två gånger (första gången på rad 1, kolumn 1)"},
        {"a: *x\n", "okänt alias '*x' (inget ankare '&x' före det)"},
        {"? [a]\n: 1\n", "en lista eller mappning som nyckel"},
        {"a: 1\n---\nb: 2\n", "flera YAML-dokument i samma fil"},
        {"a: \"x\\0y\"\n", "värdet innehåller en NUL-byte"},
        {"a: &a [*a]\n", "aliaset '*a' pekar på något som innehåller aliaset självt"},
        {"a: 1\n<<: 2\n", "nyckeln '<<' behöver en mappning"},
        {"a: \xff\n", "ogiltig UTF-8: byten 0xFF kan inte inleda ett tecken"},
        {"a: \x01\n", "styrtecknet U+0001 är inte tillåtet i YAML"},
        {"a: \x01\n", "Filen innehåller ett osynligt styrtecken som YAML inte tillåter här"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        styr_doc *doc = NULL;
        styr_error err;
        if (styr_doc_load_buffer("t.yaml", cases[k].text, strlen(cases[k].text), &lim, &doc, &err) == STYR_OK)
            fail_msg("case %zu loads", k);
        if (!strstr(err.message, cases[k].part))
            fail_msg("case %zu: %s", k, err.message);
    }
    lim.max_depth = 2;
    styr_doc *doc = NULL;
    styr_error err;
    /* a raw NUL byte: the Swedish explanation of a NUL byte, not of a file
     * saved in another encoding (the loader's words name UTF-16) */
    assert_int_equal(styr_doc_load_buffer("t.yaml", "a: 1\nb: \0x\n", 10, &lim, &doc, &err), STYR_E_SYNTAX);
    if (!strstr(err.message, "Filen innehåller NUL-tecken") || strstr(err.message, "inte sparad som UTF-8"))
        fail_msg("NUL: %s", err.message);
    assert_int_not_equal(styr_doc_load_buffer("t.yaml", "a:\n  b:\n    c: 1\n", 17, &lim, &doc, &err), STYR_OK);
    if (!strstr(err.message, "nästlat i fler än 2 nivåer"))
        fail_msg("depth: %s", err.message);
    lim.max_file_bytes = 4;
    assert_int_equal(styr_doc_load_buffer("t.yaml", "a: 12\n", 6, &lim, &doc, &err), STYR_E_LIMIT);
    assert_non_null(strstr(err.message, "filen är 6 byte; gränsen är 4 (--max-file-size)"));
    /* a file that is not there, and a folder */
    lim = default_limits();
    lim.lang = STYR_EXPLAIN_SV;
    assert_int_equal(styr_doc_load_file("/nonexistent/plan.yaml", &lim, &doc, &err), STYR_E_IO);
    assert_string_equal(err.message, "kan inte öppnas: filen finns inte");
    assert_int_equal(styr_doc_load_file("/", &lim, &doc, &err), STYR_E_IO);
    assert_string_equal(err.message, "är en mapp, inte en YAML-fil");
    lim.lang = STYR_EXPLAIN_EN;
    assert_int_equal(styr_doc_load_file("/nonexistent/plan.yaml", &lim, &doc, &err), STYR_E_IO);
    assert_string_equal(err.message, "cannot open: No such file or directory");
}

/* A text loaded from memory is hashed whole, like a file: the digest is
 * `sha256sum` of its bytes (what an HTML report shows beside it). */
static void test_buffer_hash(void **state)
{
    (void)state;
    styr_doc *doc = load("a: 1\n");
    assert_true(doc->has_sha256);
    char hex[65];
    styr_sha256_hex(doc->sha256, hex);
    assert_string_equal(hex, "37b128c59f1f5097f73f82691cb519f1f568667faab5ced1b4ab979d36837eae");
    styr_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_swedish_messages),
        cmocka_unit_test(test_arena),
        cmocka_unit_test(test_buffer_hash),
        cmocka_unit_test(test_map_index_build),
        cmocka_unit_test(test_map_sizes_at_the_index_edge),
        cmocka_unit_test(test_positions_block),
        cmocka_unit_test(test_positions_flow),
        cmocka_unit_test(test_scalar_types),
        cmocka_unit_test(test_quoted_and_tags),
        cmocka_unit_test(test_duplicate_keys),
        cmocka_unit_test(test_complex_keys),
        cmocka_unit_test(test_aliases),
        cmocka_unit_test(test_many_anchors),
        cmocka_unit_test(test_unknown_alias),
        cmocka_unit_test(test_alias_bomb),
        cmocka_unit_test(test_alias_depth),
        cmocka_unit_test(test_merge_single),
        cmocka_unit_test(test_merge_list),
        cmocka_unit_test(test_merge_bad),
        cmocka_unit_test(test_depth_limit),
        cmocka_unit_test(test_scalar_limit),
        cmocka_unit_test(test_file_size_limit),
        cmocka_unit_test(test_empty_streams),
        cmocka_unit_test(test_several_documents),
        cmocka_unit_test(test_file_api),
        cmocka_unit_test(test_pipe_input),
        cmocka_unit_test(test_default_limits),
        cmocka_unit_test(test_malformed),
        cmocka_unit_test(test_invalid_utf8),
        cmocka_unit_test(test_nul_and_control),
        cmocka_unit_test(test_bom_and_crlf),
        cmocka_unit_test(test_robustness),
        cmocka_unit_test(test_paths),
        cmocka_unit_test(test_map_get),
        cmocka_unit_test(test_huge_map),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
