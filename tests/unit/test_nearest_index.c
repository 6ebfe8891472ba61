/* test_nearest_index.c - unit tests of engine/base/nearest_index.c: the
 * bounded "did you mean" over many candidates. With few candidates it is
 * styr_nearest itself; with 10,000 it still finds typos early and late in a
 * name, and every query compares at most STYR_NEAREST_FULL candidates
 * (counted work, not time: 100,000 queries against 10,000 strategies). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "nearest_index.h"
#include "text.h"

static long find(const styr_nearest_index *idx, const char *s, size_t *examined)
{
    return styr_nearest_index_find(idx, s, strlen(s), examined);
}

/* Up to STYR_NEAREST_FULL candidates: the same answers as styr_nearest. */
static void test_few_is_styr_nearest(void **state)
{
    (void)state;
    const char *const cands[] = {"Kommunstyrelsen", "Intraservice", NULL, "BRG", "Business Region Göteborg",
                                 "Inköp och upphandling", "1", "2", "3", "strategi"};
    const size_t n = sizeof cands / sizeof *cands;
    const char *const queries[] = {"kommunstyrelsn", "INTRASERVICE", "brg", "Business Region", "inköp",
                                   "4", "stategi", "xyz", "", "Göteborg"};
    styr_nearest_index idx;
    assert_int_equal(styr_nearest_index_build(&idx, cands, n), 0);
    for (size_t i = 0; i < sizeof queries / sizeof *queries; i++) {
        size_t examined;
        assert_int_equal(find(&idx, queries[i], &examined),
                         styr_nearest(queries[i], strlen(queries[i]), cands, n));
        assert_int_equal(examined, n);
    }
    styr_nearest_index_free(&idx);
}

typedef struct many {
    char (*names)[40];   /* room for any size_t: no truncation to warn of */
    const char **cands;
    size_t n;
} many;

/* n strategy ids like "strategi-4711-grön" (every thousandth NULL). */
static many make_many(size_t n)
{
    many m = {calloc(n, sizeof *m.names), calloc(n, sizeof *m.cands), n};
    assert_non_null(m.names);
    assert_non_null(m.cands);
    for (size_t i = 0; i < n; i++) {
        snprintf(m.names[i], sizeof m.names[i], "strategi-%zu-grön", i);
        m.cands[i] = i % 1000 == 999 ? NULL : m.names[i];
    }
    return m;
}

static void free_many(many *m)
{
    free(m->names);
    free(m->cands);
}

static void test_many_finds_typos(void **state)
{
    (void)state;
    many m = make_many(10000);
    styr_nearest_index idx;
    assert_int_equal(styr_nearest_index_build(&idx, m.cands, m.n), 0);
    static const struct { const char *q; long want; } cases[] = {
        {"strategi-4711-grön", 4711},    /* exact */
        {"Strategi-4711-Grön", 4711},    /* case */
        {"strategi-4711-grn", 4711},     /* a letter missing late */
        {"trategi-4711-grön", 4711},     /* a letter missing first */
        {"xstrategi-4711-grön", 4711},   /* one too many first */
        {"strategi-4711-gröön", 4711},   /* one too many late */
        {"strategi-17-grön", 17},
        {"qqqqqqqqqqqqqqqqqqqqqqqqqqqq", -1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        size_t examined;
        long got = find(&idx, cases[i].q, &examined);
        if (got != cases[i].want)
            fail_msg("'%s': got %ld, want %ld", cases[i].q, got, cases[i].want);
        assert_true(examined <= STYR_NEAREST_FULL);
        /* the exact name stands in both windows (forward and reversed keys):
         * it is compared once, so fewer than the two full windows are */
        if (cases[i].want == 4711 && i == 0)
            assert_true(examined < STYR_NEAREST_FULL);
    }
    styr_nearest_index_free(&idx);
    free_many(&m);
}

/* Names that differ only at the start and share a long end: a typo in the
 * first letter is found through the reversed keys alone, so the whole key
 * must be reversed, its second half too (which orders these names). */
static void test_typo_first_with_a_long_common_end(void **state)
{
    (void)state;
    enum { N = 1000 };
    static char names[N][64];
    static const char *cands[N];
    for (size_t i = 0; i < N; i++) {
        snprintf(names[i], sizeof names[i], "%zu-innovationsarbete", i);
        cands[i] = names[i];
    }
    styr_nearest_index idx;
    assert_int_equal(styr_nearest_index_build(&idx, cands, N), 0);
    assert_non_null(idx.fwd);
    static const struct { const char *q; long want; } cases[] = {
        {"x471-innovationsarbete", 471},   /* one too many first */
        {"x70-innovationsarbete", 70},
        {"a999-innovationsarbete", 999},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        long got = find(&idx, cases[i].q, NULL);
        if (got != cases[i].want)
            fail_msg("'%s': got %ld, want %ld", cases[i].q, got, cases[i].want);
        assert_int_equal(styr_nearest(cases[i].q, strlen(cases[i].q), cands, N), cases[i].want);
    }
    styr_nearest_index_free(&idx);
}

/* The window starts exactly STYR_NEAREST_WINDOW keys before the query's
 * place: the one near name there, first in forward order and far from the
 * query in reversed order, is found (a place found one too far would leave
 * it out). */
static void test_window_edge(void **state)
{
    (void)state;
    enum { N = 1 + (STYR_NEAREST_WINDOW - 1) + 60 };
    static char names[N][40];
    static const char *cands[N];
    snprintf(names[0], sizeof names[0], "abcdefgh");
    for (size_t i = 1; i < STYR_NEAREST_WINDOW; i++)   /* between it and the query, far from both */
        snprintf(names[i], sizeof names[i], "abcdefgh%02zuqqqqqqqqqq", i);
    for (size_t i = STYR_NEAREST_WINDOW; i < N; i++)    /* after the query in both orders */
        snprintf(names[i], sizeof names[i], "y%02zuy", i);
    for (size_t i = 0; i < N; i++)
        cands[i] = names[i];
    styr_nearest_index idx;
    assert_int_equal(styr_nearest_index_build(&idx, cands, N), 0);
    assert_non_null(idx.fwd);
    assert_int_equal(find(&idx, "abcdefghzz", NULL), 0);
    assert_int_equal(styr_nearest("abcdefghzz", 10, cands, N), 0);
    styr_nearest_index_free(&idx);
}

/* Candidates that fold to nothing or past KEY_MAX are left out of the index,
 * never copied (a 3,000-byte fold is longer than the key buffer: ASan would
 * see the copy), and are never an answer, as in styr_nearest. */
static void test_empty_and_overlong_candidates(void **state)
{
    (void)state;
    many m = make_many(200);
    static char longer[3001], longest[5001];
    memset(longer, 'a', sizeof longer - 1);
    memset(longest, 'b', sizeof longest - 1);
    m.cands[3] = "";
    m.cands[4] = " \t ";
    m.cands[5] = longer;    /* folds to 3,000 bytes: past KEY_MAX */
    m.cands[6] = longest;   /* past 4 * KEY_MAX: not even folded */
    styr_nearest_index idx;
    assert_int_equal(styr_nearest_index_build(&idx, m.cands, m.n), 0);
    assert_int_equal(idx.m, 200 - 4);
    assert_int_equal(find(&idx, "strategi-7-grön", NULL), 7);
    assert_int_equal(find(&idx, longer, NULL), -1);
    assert_int_equal(find(&idx, "", NULL), -1);
    /* nothing to look up: nothing compared, and the count says so */
    size_t examined = 99;
    assert_int_equal(find(&idx, " \t ", &examined), -1);
    assert_int_equal(examined, 0);
    examined = 99;
    assert_int_equal(find(&idx, longer, &examined), -1);
    assert_int_equal(examined, 0);
    assert_int_equal(styr_nearest(longer, strlen(longer), m.cands, m.n), -1);
    styr_nearest_index_free(&idx);
    free_many(&m);
}

/* Up to STYR_NEAREST_FULL candidates are all compared, without an index;
 * one more, and the index's windows decide which are. */
static void test_full_bound(void **state)
{
    (void)state;
    for (size_t n = STYR_NEAREST_FULL; n <= STYR_NEAREST_FULL + 1; n++) {
        many m = make_many(n);
        styr_nearest_index idx;
        assert_int_equal(styr_nearest_index_build(&idx, m.cands, m.n), 0);
        size_t examined;
        find(&idx, "0", &examined);
        if (n == STYR_NEAREST_FULL) {
            assert_null(idx.fwd);
            assert_int_equal(examined, n);
        } else {
            assert_non_null(idx.fwd);
            assert_true(examined < n);
        }
        styr_nearest_index_free(&idx);
        free_many(&m);
    }
}

/* The bounds are inclusive: a candidate of exactly 4 * KEY_MAX bytes is
 * still folded (here to a short key: spaces fold away), one that folds to
 * exactly KEY_MAX bytes is still a key; and a name that sorts before every
 * key in both orders is compared with the window's candidates only. */
static void test_bounds(void **state)
{
    (void)state;
    many m = make_many(200);
    static char padded[4097], exact[1025];
    memset(padded, ' ', sizeof padded - 1);
    memcpy(padded, "strategi-7-grön", strlen("strategi-7-grön"));
    memset(exact, 'c', sizeof exact - 1);
    m.cands[7] = padded;   /* 4,096 bytes, folds to "strategi-7-grön" */
    m.cands[8] = exact;    /* folds to 1,024 bytes */
    static char over[4098];   /* one byte more: never folded, though its fold would be short */
    memset(over, ' ', sizeof over - 1);
    memcpy(over, "strategi-9-grön", strlen("strategi-9-grön"));
    m.cands[9] = over;
    styr_nearest_index idx;
    assert_int_equal(styr_nearest_index_build(&idx, m.cands, m.n), 0);
    assert_int_equal(idx.m, 199);
    assert_int_not_equal(find(&idx, "strategi-9-grön", NULL), 9);
    assert_int_not_equal(styr_nearest("strategi-9-grön", strlen("strategi-9-grön"), m.cands, m.n), 9);
    assert_int_equal(find(&idx, "strategi-7-grön", NULL), 7);
    assert_int_equal(styr_nearest("strategi-7-grön", strlen("strategi-7-grön"), m.cands, m.n), 7);
    assert_int_equal(find(&idx, exact, NULL), 8);
    size_t examined;
    find(&idx, "0", &examined);
    /* "0" sorts first in both orders: the window is the first
     * STYR_NEAREST_WINDOW keys of each, compared once each */
    size_t want = 0;
    for (size_t k = 0; k < 2 * STYR_NEAREST_WINDOW; k++) {
        const styr_nearest_key *e = k < STYR_NEAREST_WINDOW ? &idx.fwd[k] : &idx.rev[k - STYR_NEAREST_WINDOW];
        int seen = 0;
        for (size_t j = 0; j < STYR_NEAREST_WINDOW && !seen && k >= STYR_NEAREST_WINDOW; j++)
            seen = idx.fwd[j].cand == e->cand;
        for (size_t j = STYR_NEAREST_WINDOW; j < k && !seen; j++)
            seen = idx.rev[j - STYR_NEAREST_WINDOW].cand == e->cand;
        want += !seen;
    }
    assert_int_equal(examined, want);
    styr_nearest_index_free(&idx);
    free_many(&m);
}

/* The benchmark's shape as counted work: 100,000 actions, each naming an
 * unknown strategy among 10,000, compare at most 64 candidates each (the
 * list scan compared all 10,000: a billion). */
static void test_work_is_bounded(void **state)
{
    (void)state;
    many m = make_many(10000);
    styr_nearest_index idx;
    assert_int_equal(styr_nearest_index_build(&idx, m.cands, m.n), 0);
    unsigned long long total = 0;
    for (size_t i = 0; i < 100000; i++) {
        char q[48];
        snprintf(q, sizeof q, "x%zu-okänd", i * 7919);
        size_t examined;
        find(&idx, q, &examined);
        assert_true(examined <= STYR_NEAREST_FULL);
        total += examined;
    }
    assert_true(total <= 100000ull * STYR_NEAREST_FULL);
    assert_true(total > 0);
    styr_nearest_index_free(&idx);
    free_many(&m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_few_is_styr_nearest),
        cmocka_unit_test(test_many_finds_typos),
        cmocka_unit_test(test_typo_first_with_a_long_common_end),
        cmocka_unit_test(test_window_edge),
        cmocka_unit_test(test_empty_and_overlong_candidates),
        cmocka_unit_test(test_bounds),
        cmocka_unit_test(test_full_bound),
        cmocka_unit_test(test_work_is_bounded),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
