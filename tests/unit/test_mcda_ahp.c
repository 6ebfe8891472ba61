/* test_mcda_ahp.c - unit tests of mcda_ahp.c: Saaty's published vectors,
 * the random-index table, matrix checks (transposition, positivity) and the
 * matrix built from judgements. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <math.h>
#include <string.h>

#include "assert_near.h"
#include "mcda.h"


/* Saaty (2004), criteria with respect to the goal. */
static const char *const city[] = {"Culture", "Family", "Housing", "Job", "Transportation"};
static const double saaty[25] = {
    1,       1.0 / 5, 3,       1.0 / 2, 5,
    5,       1,       7,       1,       7,
    1.0 / 3, 1.0 / 7, 1,       1.0 / 4, 3,
    2,       1,       4,       1,       7,
    1.0 / 5, 1.0 / 7, 1.0 / 3, 1.0 / 7, 1,
};

static void test_saaty_2004(void **state)
{
    (void)state;
    double w[5];
    styr_mcda_ahp_result res;
    assert_int_equal(styr_mcda_ahp(saaty, 5, STYR_MCDA_AHP_RECIPROCITY_TOL, city, w, &res, NULL),
                     STYR_MCDA_OK);
    const double want[] = {0.152, 0.433, 0.072, 0.305, 0.038};
    for (int i = 0; i < 5; i++)
        assert_near(w[i], want[i], 0.0005); /* to 3 decimals */
    assert_near(w[0] + w[1] + w[2] + w[3] + w[4], 1.0, 1e-15);
    assert_near(res.lambda_max, 5.2252, 0.00005);
    assert_near(res.ci, 0.0563, 0.00005);
    assert_near(res.cr, 0.0503, 0.00005);
    assert_near(res.ri, 1.12, 0);
    assert_true(res.converged);
    assert_true(res.cr <= STYR_MCDA_AHP_CR_WARN);
}

static void test_consistent(void **state)
{
    (void)state;
    const double a[9] = {1, 2, 4, 0.5, 1, 2, 0.25, 0.5, 1};
    double w[3];
    styr_mcda_ahp_result res;
    assert_int_equal(styr_mcda_ahp(a, 3, STYR_MCDA_AHP_RECIPROCITY_TOL, NULL, w, &res, NULL),
                     STYR_MCDA_OK);
    assert_near(w[0], 4.0 / 7, 1e-12);
    assert_near(w[1], 2.0 / 7, 1e-12);
    assert_near(w[2], 1.0 / 7, 1e-12);
    assert_near(res.lambda_max, 3.0, 1e-12);
    assert_true(res.ci >= 0.0);
    assert_near(res.cr, 0.0, 1e-12);
    assert_true(res.converged);
    /* the first step from equal weights lands on the eigenvector, the
     * second moves nothing: two iterations, counted from one */
    assert_int_equal(res.iterations, 2);
}

static void test_small_n(void **state)
{
    (void)state;
    const double a2[4] = {1, 3, 1.0 / 3, 1};
    double w[2];
    styr_mcda_ahp_result res;
    assert_int_equal(styr_mcda_ahp(a2, 2, STYR_MCDA_AHP_RECIPROCITY_TOL, NULL, w, &res, NULL),
                     STYR_MCDA_OK);
    assert_near(w[0], 0.75, 1e-12);
    assert_near(w[1], 0.25, 1e-12);
    assert_near(res.cr, 0.0, 0);
    assert_near(res.ci, 0.0, 0);
    /* a tolerance of 0 asks for exact reciprocals, which 1/2 and 2 are */
    const double exact[4] = {1, 2, 0.5, 1};
    assert_int_equal(styr_mcda_ahp(exact, 2, 0.0, NULL, w, &res, NULL), STYR_MCDA_OK);
    assert_int_equal(styr_mcda_ahp(exact, 2, -1e-9, NULL, w, &res, NULL), STYR_MCDA_E_ARG);
    /* either output missing is refused, not written through */
    assert_int_equal(styr_mcda_ahp(exact, 2, 0.0, NULL, NULL, &res, NULL), STYR_MCDA_E_ARG);
    assert_int_equal(styr_mcda_ahp(exact, 2, 0.0, NULL, w, NULL, NULL), STYR_MCDA_E_ARG);
    const double a1[1] = {1};
    assert_int_equal(styr_mcda_ahp(a1, 1, STYR_MCDA_AHP_RECIPROCITY_TOL, NULL, w, &res, NULL),
                     STYR_MCDA_OK);
    assert_near(w[0], 1.0, 0);
    assert_near(res.cr, 0.0, 0);
}

static void test_transposition_detected(void **state)
{
    (void)state;
    /* Filled by transposing the upper triangle instead of taking reciprocals. */
    double half[25];
    for (int i = 0; i < 5; i++)
        for (int j = 0; j < 5; j++)
            half[i * 5 + j] = i <= j ? saaty[i * 5 + j] : saaty[j * 5 + i];
    styr_error err;
    styr_mcda_pair bad = {99, 99};
    double w[5];
    styr_mcda_ahp_result res;
    assert_int_equal(styr_mcda_ahp_check(half, 5, STYR_MCDA_AHP_RECIPROCITY_TOL, city, &bad, &err),
                     STYR_MCDA_E_MATRIX);
    assert_int_equal(bad.a, 0);
    assert_int_equal(bad.b, 1);
    assert_non_null(strstr(err.message, "(Culture, Family)"));
    assert_non_null(strstr(err.message, "(Family, Culture)"));
    assert_int_equal(styr_mcda_ahp(half, 5, STYR_MCDA_AHP_RECIPROCITY_TOL, city, w, &res, NULL),
                     STYR_MCDA_E_MATRIX);

    /* The orientation is a[i][j] = "i over j": the transposed (still
     * reciprocal) matrix must not give Saaty's weights; Family drops. */
    double tr[25];
    for (int i = 0; i < 5; i++)
        for (int j = 0; j < 5; j++)
            tr[i * 5 + j] = saaty[j * 5 + i];
    assert_int_equal(styr_mcda_ahp(tr, 5, STYR_MCDA_AHP_RECIPROCITY_TOL, city, w, &res, NULL),
                     STYR_MCDA_OK);
    assert_true(w[1] < w[4]); /* Family now below Transportation */

    /* Judgements say "i is v times as important as j" and land in row i. */
    styr_mcda_judgement js[10];
    size_t k = 0;
    for (size_t i = 0; i < 5; i++)
        for (size_t j = i + 1; j < 5; j++) {
            /* give half of them in the other orientation */
            if ((i + j) % 2)
                js[k++] = (styr_mcda_judgement){j, i, saaty[j * 5 + i]};
            else
                js[k++] = (styr_mcda_judgement){i, j, saaty[i * 5 + j]};
        }
    double a[25], w2[5];
    size_t nm = 99;
    assert_int_equal(styr_mcda_ahp_matrix(5, js, k, city, a, NULL, 0, &nm, NULL), STYR_MCDA_OK);
    assert_int_equal(nm, 0);
    assert_near(a[1 * 5 + 0], 5.0, 0);
    assert_near(a[0 * 5 + 1], 0.2, 1e-15);
    assert_int_equal(styr_mcda_ahp(a, 5, STYR_MCDA_AHP_RECIPROCITY_TOL, city, w2, &res, NULL),
                     STYR_MCDA_OK);
    assert_near(w2[1], 0.433, 0.0005);
}

static void test_positivity(void **state)
{
    (void)state;
    double a[9] = {1, 2, 4, 0.5, 1, 2, 0.25, 0.5, 1};
    styr_error err;
    styr_mcda_pair bad;
    a[5] = 0.0;
    assert_int_equal(styr_mcda_ahp_check(a, 3, 1e-6, NULL, &bad, &err), STYR_MCDA_E_MATRIX);
    assert_int_equal(bad.a, 1);
    assert_int_equal(bad.b, 2);
    assert_non_null(strstr(err.message, "(#1, #2)"));
    assert_non_null(strstr(err.message, "positive"));
    a[5] = -2.0;
    assert_int_equal(styr_mcda_ahp_check(a, 3, 1e-6, NULL, &bad, NULL), STYR_MCDA_E_MATRIX);
    a[5] = 2.0;
    a[4] = 2.0; /* diagonal */
    assert_int_equal(styr_mcda_ahp_check(a, 3, 1e-6, NULL, &bad, &err), STYR_MCDA_E_MATRIX);
    assert_non_null(strstr(err.message, "diagonal"));
    a[4] = 1.0;
    a[7] = NAN;
    assert_int_equal(styr_mcda_ahp_check(a, 3, 1e-6, NULL, &bad, NULL), STYR_MCDA_E_MATRIX);
    assert_int_equal(bad.a, 2);
    assert_int_equal(bad.b, 1);
    a[7] = 0.5;
    assert_int_equal(styr_mcda_ahp_check(a, 3, 1e-6, NULL, &bad, NULL), STYR_MCDA_OK);
    /* the first column is checked like every other: its diagonal entry,
     * and a value that is no positive number where its mirror is fine */
    a[0] = 2.0;
    assert_int_equal(styr_mcda_ahp_check(a, 3, 1e-6, NULL, &bad, &err), STYR_MCDA_E_MATRIX);
    assert_non_null(strstr(err.message, "diagonal"));
    a[0] = 1.0;
    a[6] = -0.25;
    assert_int_equal(styr_mcda_ahp_check(a, 3, 1e-6, NULL, &bad, &err), STYR_MCDA_E_MATRIX);
    assert_int_equal(bad.a, 2);
    assert_int_equal(bad.b, 0);
    assert_non_null(strstr(err.message, "positive"));
    a[6] = 0.25;
    /* 1/3 typed as 0.333 passes with a loose tolerance only */
    double b[4] = {1, 3, 0.333, 1};
    assert_int_equal(styr_mcda_ahp_check(b, 2, 1e-6, NULL, NULL, NULL), STYR_MCDA_E_MATRIX);
    assert_int_equal(styr_mcda_ahp_check(b, 2, 1e-2, NULL, NULL, NULL), STYR_MCDA_OK);
    /* a diagonal entry within the tolerance is fine; it is not its own
     * mirror (1.008 x 1.008 is 1.016, past 0.01, yet nothing is wrong) */
    b[0] = 1.008;
    assert_int_equal(styr_mcda_ahp_check(b, 2, 1e-2, NULL, NULL, NULL), STYR_MCDA_OK);
}

static void test_random_index(void **state)
{
    (void)state;
    /* The whole table, exactly: Saaty (1980), n = 1..15. n = 12..15 are the
     * values from the same table (1.48 below 1.51 is Saaty's, not a typo);
     * a different table would silently move every CR past or below 0.10. */
    const double saaty_ri[] = {0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59};
    const size_t nri = sizeof saaty_ri / sizeof saaty_ri[0];
    assert_int_equal(styr_mcda_ri_max(), nri);
    for (size_t n = 1; n <= nri; n++) {
        double ri = -1;
        assert_int_equal(styr_mcda_ri(n, &ri, NULL), STYR_MCDA_OK);
        assert_near(ri, saaty_ri[n - 1], 0);
    }
    double ri;
    styr_error err;
    assert_int_equal(styr_mcda_ri(styr_mcda_ri_max() + 1, &ri, &err), STYR_MCDA_E_RANGE);
    assert_int_equal(err.code, STYR_E_LIMIT);
    assert_non_null(strstr(err.message, "16 criteria"));
    assert_int_equal(styr_mcda_ri(0, &ri, NULL), STYR_MCDA_E_RANGE);
    assert_non_null(strstr(styr_mcda_ri_source(), "Saaty"));

    /* n = 15 works, n = 16 is refused before any computing */
    double a[16 * 16];
    for (int i = 0; i < 16 * 16; i++)
        a[i] = 1.0;
    double w[16];
    styr_mcda_ahp_result res;
    assert_int_equal(styr_mcda_ahp(a, 15, 1e-6, NULL, w, &res, NULL), STYR_MCDA_OK);
    assert_near(w[0], 1.0 / 15, 1e-12);
    assert_near(res.ri, 1.59, 0);
    assert_int_equal(styr_mcda_ahp(a, 16, 1e-6, NULL, w, &res, &err), STYR_MCDA_E_RANGE);
}

static void test_inconsistent(void **state)
{
    (void)state;
    /* a > b > c > a: circular judgements */
    const double a[9] = {1, 9, 1.0 / 9, 1.0 / 9, 1, 9, 9, 1.0 / 9, 1};
    double w[3];
    styr_mcda_ahp_result res;
    assert_int_equal(styr_mcda_ahp(a, 3, 1e-6, NULL, w, &res, NULL), STYR_MCDA_OK);
    assert_true(res.converged);
    assert_true(res.cr > STYR_MCDA_AHP_CR_WARN);
    assert_near(w[0], 1.0 / 3, 1e-9);
    assert_near(STYR_MCDA_AHP_CR_WARN, 0.10, 0);
}

static void test_judgements(void **state)
{
    (void)state;
    const char *const names[] = {"a", "b", "c", "d"};
    styr_mcda_judgement js[] = {
        {0, 1, 3}, {0, 2, 5}, {1, 2, 2}, {3, 0, 0.5},
    };
    double a[16];
    styr_mcda_pair miss[8];
    size_t nm = 0;
    styr_error err;
    assert_int_equal(styr_mcda_ahp_matrix(4, js, 4, names, a, miss, 8, &nm, &err),
                     STYR_MCDA_E_INCOMPLETE);
    assert_int_equal(nm, 2);
    assert_int_equal(miss[0].a, 1);
    assert_int_equal(miss[0].b, 3);
    assert_int_equal(miss[1].a, 2);
    assert_int_equal(miss[1].b, 3);
    /* exactly the missing pairs, none of those judged */
    assert_non_null(strstr(err.message, "2 of 6 pairs: (b, d), (c, d);"));
    /* a cap smaller than the count still reports the count, and only the
     * first missing_cap pairs are written: miss[1] is left as it was */
    miss[0] = miss[1] = (styr_mcda_pair){99, 99};
    assert_int_equal(styr_mcda_ahp_matrix(4, js, 4, names, a, miss, 1, &nm, NULL),
                     STYR_MCDA_E_INCOMPLETE);
    assert_int_equal(nm, 2);
    assert_int_equal(miss[0].a, 1);
    assert_int_equal(miss[0].b, 3);
    assert_int_equal(miss[1].a, 99);
    assert_int_equal(miss[1].b, 99);
    /* no judgement at all among five criteria: the message names the first
     * six of the ten pairs, then "...", and counts all ten */
    const char *const five[] = {"a", "b", "c", "d", "e"};
    double a5[25];
    assert_int_equal(styr_mcda_ahp_matrix(5, NULL, 0, five, a5, NULL, 0, &nm, &err), STYR_MCDA_E_INCOMPLETE);
    assert_int_equal(nm, 10);
    assert_non_null(strstr(err.message, "10 of 10 pairs: (a, b), (a, c), (a, d), (a, e), (b, c), (b, d), ...;"));

    /* a pair whose names fill the 600-byte list exactly (with no room for
     * its NUL) is not counted as shown: the message still says "..." */
    {
        static char la[298], lb[300];
        memset(la, 'x', sizeof la - 1);
        memset(lb, 'y', sizeof lb - 1);
        const char *const longn[] = {la, lb};   /* "(" 297 ", " 299 ")": 600 bytes */
        double a2[4];
        assert_int_equal(styr_mcda_ahp_matrix(2, NULL, 0, longn, a2, NULL, 0, &nm, &err), STYR_MCDA_E_INCOMPLETE);
        assert_int_equal(nm, 1);
        /* and the part of it that fitted is not shown: no cut name */
        if (!strstr(err.message, "1 of 1 pairs: ...; every pair of criteria needs a judgement") || strstr(err.message, "xxxx"))
            fail_msg("%s", err.message);
        /* a short pair first, then one too long: the first whole, the
         * second left to "...", and no later pair after the cut */
        static char lc[595];   /* ", (b, " 594 ")": 601 bytes after "(a, b)" */
        memset(lc, 'z', sizeof lc - 1);
        const char *const three[] = {"a", "b", lc};
        double a3[9];
        styr_mcda_judgement ab[] = {{0, 2, 3}};   /* (a, c) judged; (a, b) and (b, c) missing */
        assert_int_equal(styr_mcda_ahp_matrix(3, ab, 1, three, a3, NULL, 0, &nm, &err), STYR_MCDA_E_INCOMPLETE);
        assert_int_equal(nm, 2);
        if (!strstr(err.message, "2 of 3 pairs: (a, b), ...; every pair") || strstr(err.message, "zzzz"))
            fail_msg("%s", err.message);
        const char *const longer[] = {la, lb, "c"};   /* (la, lb) too long; (la, c) fits */
        styr_mcda_judgement none[] = {{1, 2, 3}};
        assert_int_equal(styr_mcda_ahp_matrix(3, none, 1, longer, a3, NULL, 0, &nm, &err), STYR_MCDA_E_INCOMPLETE);
        if (!strstr(err.message, "2 of 3 pairs: ...; every pair") || strstr(err.message, "xxxx") || strstr(err.message, "(c"))
            fail_msg("%s", err.message);
    }

    /* no matrix to fill: an error of the caller, for one criterion too
     * (whose matrix is the single 1 on its diagonal) */
    assert_int_equal(styr_mcda_ahp_matrix(1, NULL, 0, five, NULL, NULL, 0, &nm, &err), STYR_MCDA_E_ARG);
    assert_non_null(strstr(err.message, "NULL array"));
    assert_int_equal(styr_mcda_ahp_matrix(0, NULL, 0, five, NULL, NULL, 0, &nm, &err), STYR_MCDA_OK);

    /* the same pair twice: fine when consistent, an error when not */
    styr_mcda_judgement twice[] = {{0, 1, 3}, {1, 0, 1.0 / 3}, {0, 0, 1}};
    assert_int_equal(styr_mcda_ahp_matrix(2, twice, 3, names, a, NULL, 0, &nm, NULL),
                     STYR_MCDA_OK);
    twice[1].value = 3;
    assert_int_equal(styr_mcda_ahp_matrix(2, twice, 3, names, a, NULL, 0, &nm, &err),
                     STYR_MCDA_E_MATRIX);
    assert_non_null(strstr(err.message, "judged twice"));
    styr_mcda_judgement self[] = {{0, 0, 2}};
    assert_int_equal(styr_mcda_ahp_matrix(2, self, 1, names, a, NULL, 0, &nm, &err),
                     STYR_MCDA_E_MATRIX);
    assert_non_null(strstr(err.message, "compares a with itself; only 1 is allowed"));   /* not "judged twice" */
    styr_mcda_judgement zero[] = {{0, 1, 0}};
    assert_int_equal(styr_mcda_ahp_matrix(2, zero, 1, names, a, NULL, 0, &nm, NULL),
                     STYR_MCDA_E_ARG);
    /* a NULL matrix or judgements where there is something to hold: refused */
    assert_int_equal(styr_mcda_ahp_matrix(2, twice, 1, names, NULL, NULL, 0, &nm, NULL), STYR_MCDA_E_ARG);
    assert_int_equal(styr_mcda_ahp_matrix(1, NULL, 0, names, NULL, NULL, 0, &nm, NULL), STYR_MCDA_E_ARG);   /* one cell */
    assert_int_equal(styr_mcda_ahp_matrix(2, NULL, 1, names, a, NULL, 0, &nm, NULL), STYR_MCDA_E_ARG);
    /* no criterion at all: nothing to judge, no error (and no division by 0) */
    assert_int_equal(styr_mcda_ahp_matrix(0, NULL, 0, names, a, NULL, 0, &nm, NULL), STYR_MCDA_OK);
    styr_mcda_judgement edge[] = {{0, 2, 2}};   /* index n itself is past the last criterion */
    assert_int_equal(styr_mcda_ahp_matrix(2, edge, 1, names, a, NULL, 0, &nm, NULL), STYR_MCDA_E_ARG);
    styr_mcda_judgement out[] = {{0, 5, 2}};
    assert_int_equal(styr_mcda_ahp_matrix(2, out, 1, names, a, NULL, 0, &nm, NULL),
                     STYR_MCDA_E_ARG);
}

/* CR of a 3x3 reciprocal matrix, in closed form: with p = a12 a23 / a13,
 * lambda_max = 1 + p^(1/3) + p^(-1/3), CI = (lambda_max - 3) / 2, RI = 0.58. */
static double cr3(double p)
{
    return (cbrt(p) + 1 / cbrt(p) - 2) / 2 / 0.58;
}

/* The judgement whose change lowers CR most, checked by hand: for a 3x3
 * matrix CR depends only on p = a12 a23 / a13 and is least at p = 1, the
 * same for p and 1/p. a12 = 3, a13 = 5, a23 = 7 give p = 4.2. On Saaty's
 * scale the best a12 is 1 (p = 1.4), the best a13 is 9 (p = 2.33), the best
 * a23 is 2 (p = 1.2): so a23, from 7 to 2. */
static void test_best_fix(void **state)
{
    (void)state;
    const double a[9] = {1, 3, 5, 1.0 / 3, 1, 7, 1.0 / 5, 1.0 / 7, 1};
    styr_mcda_ahp_fix fix;
    bool found;
    assert_int_equal(styr_mcda_ahp_best_fix(a, 3, &fix, &found, NULL), STYR_MCDA_OK);
    assert_true(found);
    assert_int_equal(fix.i, 1);
    assert_int_equal(fix.j, 2);
    assert_near(fix.from, 7, 1e-12);
    assert_near(fix.to, 2, 1e-12);
    assert_near(fix.cr_before, cr3(4.2), 1e-9);
    assert_near(fix.cr_after, cr3(1.2), 1e-9);
    assert_true(fix.cr_before > STYR_MCDA_AHP_CR_WARN && fix.cr_after < STYR_MCDA_AHP_CR_WARN);
    /* no place for the answer: refused, nothing written */
    styr_error err;
    assert_int_equal(styr_mcda_ahp_best_fix(a, 3, NULL, &found, &err), STYR_MCDA_E_ARG);
    assert_non_null(strstr(err.message, "NULL output"));
    assert_int_equal(styr_mcda_ahp_best_fix(a, 3, &fix, NULL, NULL), STYR_MCDA_E_ARG);

    /* a12 = 2, a13 = 4, a23 = 1/2: p = 1/4, CR 0.187. Three single changes
     * make it consistent (a12 = 8, a13 = 1, a23 = 2); the first pair wins. */
    const double b[9] = {1, 2, 4, 0.5, 1, 0.5, 0.25, 2, 1};
    assert_int_equal(styr_mcda_ahp_best_fix(b, 3, &fix, &found, NULL), STYR_MCDA_OK);
    assert_true(found);
    assert_near(fix.cr_before, cr3(0.25), 1e-9);
    assert_near(fix.cr_before, 0.18738, 1e-4);
    assert_int_equal(fix.i, 0);
    assert_int_equal(fix.j, 1);
    assert_near(fix.to, 8, 1e-12);
    assert_true(fix.cr_after < 1e-9);

    /* a matrix AHP refuses (a12 = a21 = 2, not reciprocal): no fix is
     * suggested, the refusal is passed on */
    const double bad[9] = {1, 2, 4, 2, 1, 0.5, 0.25, 2, 1};
    assert_int_equal(styr_mcda_ahp_best_fix(bad, 3, &fix, &found, NULL), STYR_MCDA_E_MATRIX);
    assert_false(found);

    /* Consistent already, or two criteria: nothing to suggest. */
    const double c[9] = {1, 2, 4, 0.5, 1, 2, 0.25, 0.5, 1};
    assert_int_equal(styr_mcda_ahp_best_fix(c, 3, &fix, &found, NULL), STYR_MCDA_OK);
    assert_false(found);
    const double d[4] = {1, 9, 1.0 / 9, 1};
    assert_int_equal(styr_mcda_ahp_best_fix(d, 2, &fix, &found, NULL), STYR_MCDA_OK);
    assert_false(found);
    /* Not reciprocal: refused as styr_mcda_ahp refuses it. */
    const double e[9] = {1, 2, 4, 2, 1, 2, 0.25, 0.5, 1};
    assert_int_equal(styr_mcda_ahp_best_fix(e, 3, &fix, &found, NULL), STYR_MCDA_E_MATRIX);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_saaty_2004),
        cmocka_unit_test(test_consistent),
        cmocka_unit_test(test_small_n),
        cmocka_unit_test(test_transposition_detected),
        cmocka_unit_test(test_positivity),
        cmocka_unit_test(test_random_index),
        cmocka_unit_test(test_inconsistent),
        cmocka_unit_test(test_judgements),
        cmocka_unit_test(test_best_fix),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
