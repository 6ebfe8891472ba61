/* test_mcda_rank.c - unit tests of mcda_rank.c: competition ranking,
 * tolerance ties, display order by id, and that ranks are not argsort. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <math.h>
#include <string.h>

#include "mcda.h"

static void test_competition_1224(void **state)
{
    (void)state;
    const double s[] = {0.9, 0.5, 0.5, 0.1};
    size_t rank[4], order[4];
    assert_int_equal(styr_mcda_rank(s, 4, NULL, STYR_MCDA_TIE_RTOL, order, rank, NULL),
                     STYR_MCDA_OK);
    const size_t want[] = {1, 2, 2, 4};
    assert_memory_equal(rank, want, sizeof want);
    const size_t wo[] = {0, 1, 2, 3};
    assert_memory_equal(order, wo, sizeof wo);
}

static void test_not_argsort(void **state)
{
    (void)state;
    const double s[] = {0.1, 0.9, 0.5, 0.7};
    size_t rank[4], order[4];
    assert_int_equal(styr_mcda_rank(s, 4, NULL, STYR_MCDA_TIE_RTOL, order, rank, NULL),
                     STYR_MCDA_OK);
    const size_t want_rank[] = {4, 1, 3, 2};  /* rank of each area */
    const size_t want_order[] = {1, 3, 2, 0}; /* areas best first */
    assert_memory_equal(rank, want_rank, sizeof want_rank);
    assert_memory_equal(order, want_order, sizeof want_order);
    /* the order alone, without the ranks */
    size_t only[4] = {9, 9, 9, 9};
    assert_int_equal(styr_mcda_rank(s, 4, NULL, STYR_MCDA_TIE_RTOL, only, NULL, NULL), STYR_MCDA_OK);
    assert_memory_equal(only, want_order, sizeof want_order);
}

static void test_tolerance(void **state)
{
    (void)state;
    const double s[] = {0.5, 0.5 * (1 + 1e-12), 0.5 * (1 - 1e-6), 0.0, 0.0};
    size_t rank[5];
    assert_int_equal(styr_mcda_rank(s, 5, NULL, STYR_MCDA_TIE_RTOL, NULL, rank, NULL),
                     STYR_MCDA_OK);
    assert_int_equal(rank[0], 1);
    assert_int_equal(rank[1], 1);
    assert_int_equal(rank[2], 3);
    assert_int_equal(rank[3], 4);
    assert_int_equal(rank[4], 4); /* exact zeros tie */
    assert_true(styr_mcda_tied(1.0, 1.0 + 1e-10, STYR_MCDA_TIE_RTOL));
    assert_false(styr_mcda_tied(1.0, 1.0 + 1e-8, STYR_MCDA_TIE_RTOL));
    assert_true(styr_mcda_tied(0.0, 0.0, STYR_MCDA_TIE_RTOL));
    assert_false(styr_mcda_tied(0.0, 1e-300, STYR_MCDA_TIE_RTOL));
    assert_true(styr_mcda_tied(-2.0, -2.0 * (1 + 1e-10), STYR_MCDA_TIE_RTOL));
}

/* Scores tied within the tolerance but not equal are shown by id too, not
 * by their (meaningless) last digits. */
static void test_tolerance_ties_by_id(void **state)
{
    (void)state;
    const double s[] = {0.5 * (1 + 1e-12), 0.5, 0.9};
    const char *const ids[] = {"smart-cities", "innovationsrad", "testarena"};
    size_t rank[3], order[3];
    assert_int_equal(styr_mcda_rank(s, 3, ids, STYR_MCDA_TIE_RTOL, order, rank, NULL), STYR_MCDA_OK);
    const size_t want_order[] = {2, 1, 0};   /* testarena, then the tie by id */
    const size_t want_rank[] = {2, 2, 1};
    assert_memory_equal(order, want_order, sizeof want_order);
    assert_memory_equal(rank, want_rank, sizeof want_rank);
    /* the same id twice (the engine refuses that, a caller of the library
     * may not): a tie by tolerance goes by index, not by the higher score */
    const double d[] = {0.5, 0.5 * (1 + 1e-12)};
    const char *const same[] = {"a", "a"};
    assert_int_equal(styr_mcda_rank(d, 2, same, STYR_MCDA_TIE_RTOL, order, rank, NULL), STYR_MCDA_OK);
    assert_int_equal(order[0], 0);
    assert_int_equal(order[1], 1);
}

static void test_leader_groups(void **state)
{
    (void)state;
    /* each step is within tolerance of its neighbour, but the third is not
     * within tolerance of the first: it starts a new group */
    const double s[] = {1.0 - 1.2e-9, 1.0, 1.0 - 0.6e-9};
    size_t rank[3];
    assert_int_equal(styr_mcda_rank(s, 3, NULL, STYR_MCDA_TIE_RTOL, NULL, rank, NULL),
                     STYR_MCDA_OK);
    assert_int_equal(rank[1], 1);
    assert_int_equal(rank[2], 1);
    assert_int_equal(rank[0], 3);
}

static void test_display_by_id(void **state)
{
    (void)state;
    const char *const ids[] = {"testarena", "innovationssluss", "zeta", "alfa", "mitt"};
    const double s[] = {0.5, 0.5, 0.7, 0.5 * (1 + 1e-12), 0.1};
    size_t rank[5], order[5];
    assert_int_equal(styr_mcda_rank(s, 5, ids, STYR_MCDA_TIE_RTOL, order, rank, NULL),
                     STYR_MCDA_OK);
    const size_t want_order[] = {2, 3, 1, 0, 4}; /* zeta; alfa, innovationssluss, testarena; mitt */
    assert_memory_equal(order, want_order, sizeof want_order);
    const size_t want_rank[] = {2, 2, 1, 2, 5};
    assert_memory_equal(rank, want_rank, sizeof want_rank);

    /* the same areas in another order give the same display and ranks */
    const char *const ids2[] = {"mitt", "alfa", "zeta", "innovationssluss", "testarena"};
    const double s2[] = {0.1, 0.5 * (1 + 1e-12), 0.7, 0.5, 0.5};
    size_t rank2[5], order2[5];
    assert_int_equal(styr_mcda_rank(s2, 5, ids2, STYR_MCDA_TIE_RTOL, order2, rank2, NULL),
                     STYR_MCDA_OK);
    for (size_t k = 0; k < 5; k++)
        assert_string_equal(ids2[order2[k]], ids[order[k]]);
    for (size_t i = 0; i < 5; i++)
        for (size_t q = 0; q < 5; q++)
            if (strcmp(ids[i], ids2[q]) == 0)
                assert_int_equal(rank[i], rank2[q]);
}

static void test_bad_input(void **state)
{
    (void)state;
    const double s[] = {0.1, NAN};
    size_t rank[2];
    styr_error err;
    assert_int_equal(styr_mcda_rank(s, 2, NULL, STYR_MCDA_TIE_RTOL, NULL, rank, &err),
                     STYR_MCDA_E_ARG);
    assert_non_null(strstr(err.message, "area 1"));
    assert_int_equal(styr_mcda_rank(s, 1, NULL, -1.0, NULL, rank, NULL), STYR_MCDA_E_ARG);
    /* only the n scores asked for are read: the NaN after the first is
     * none of rank's business when n is 1 */
    assert_int_equal(styr_mcda_rank(s, 1, NULL, STYR_MCDA_TIE_RTOL, NULL, rank, NULL), STYR_MCDA_OK);
    assert_int_equal(rank[0], 1);
    assert_int_equal(styr_mcda_rank(NULL, 0, NULL, STYR_MCDA_TIE_RTOL, NULL, NULL, NULL),
                     STYR_MCDA_OK);
}

static void test_all_tied(void **state)
{
    (void)state;
    double s[100];
    size_t rank[100];
    for (int i = 0; i < 100; i++)
        s[i] = 0.25;
    assert_int_equal(styr_mcda_rank(s, 100, NULL, STYR_MCDA_TIE_RTOL, NULL, rank, NULL),
                     STYR_MCDA_OK);
    for (int i = 0; i < 100; i++)
        assert_int_equal(rank[i], 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_competition_1224),
        cmocka_unit_test(test_not_argsort),
        cmocka_unit_test(test_tolerance),
        cmocka_unit_test(test_leader_groups),
        cmocka_unit_test(test_display_by_id),
        cmocka_unit_test(test_bad_input),
        cmocka_unit_test(test_tolerance_ties_by_id),
        cmocka_unit_test(test_all_tied),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
