/* test_mcda_select.c - unit tests of mcda_select.c: exact budget selection
 * against brute force on random instances with requires, excludes, include
 * and exclude (feasible and not), against dynamic programming on 800 areas,
 * the infeasibility messages, the node cap and the efficient frontier. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "assert_near.h"
#include "mcda.h"


enum { MAXA = 20, MAXP = 64 };

typedef struct inst {
    size_t n;
    double cost[MAXA], score[MAXA];
    size_t inc[4], exc[4];
    size_t ninc, nexc;
    styr_mcda_pair needs[MAXP], conflicts[MAXP];
    size_t nneeds, nconflicts;
    double budget;
    bool swedish;
} inst;

static styr_mcda_select_problem problem(const inst *in, const char *const *ids)
{
    return (styr_mcda_select_problem){
        .n = in->n, .cost = in->cost, .score = in->score, .ids = ids,
        .include = in->inc, .n_include = in->ninc, .exclude = in->exc, .n_exclude = in->nexc,
        .needs = in->needs, .n_needs = in->nneeds,
        .conflicts = in->conflicts, .n_conflicts = in->nconflicts, .swedish = in->swedish,
    };
}

static size_t rnd(styr_mcda_rng *r, size_t k)
{
    return (size_t)(styr_mcda_rng_next(r) % k);
}

static void random_instance(styr_mcda_rng *r, inst *in)
{
    memset(in, 0, sizeof *in);
    in->n = rnd(r, MAXA + 1);
    double total = 0.0;
    for (size_t i = 0; i < in->n; i++) {
        size_t kind = rnd(r, 10);
        in->cost[i] = kind == 0 ? 0.0 : (double)(rnd(r, 100) + 1) * 10000.0; /* SEK */
        in->score[i] = kind == 1 ? 0.0 : floor(styr_mcda_rng_uniform(r) * 1000.0) / 1000.0;
        total += in->cost[i];
    }
    if (in->n == 0)
        return;
    for (size_t i = 0; i < in->n && in->nneeds < MAXP; i++)
        if (rnd(r, 10) < 3) {
            size_t k = 1 + rnd(r, 2);
            for (size_t q = 0; q < k && in->nneeds < MAXP; q++)
                in->needs[in->nneeds++] = (styr_mcda_pair){i, rnd(r, in->n)};
        }
    size_t nc = rnd(r, in->n / 2 + 1);
    for (size_t q = 0; q < nc && in->nconflicts < MAXP; q++)
        in->conflicts[in->nconflicts++] = (styr_mcda_pair){rnd(r, in->n), rnd(r, in->n)};
    if (rnd(r, 10) < 3)
        for (size_t q = 0, k = 1 + rnd(r, 2); q < k; q++)
            in->inc[in->ninc++] = rnd(r, in->n);
    if (rnd(r, 10) < 3)
        for (size_t q = 0, k = 1 + rnd(r, 2); q < k; q++)
            in->exc[in->nexc++] = rnd(r, in->n);
    size_t b = rnd(r, 10);
    in->budget = b == 0 ? 0.0 : b == 9 ? total : floor(total * styr_mcda_rng_uniform(r) * 0.8);
}

/* Whether a selection meets every constraint. */
static bool feasible(const inst *in, const unsigned char *chosen)
{
    double c = 0.0;
    for (size_t i = 0; i < in->n; i++)
        if (chosen[i])
            c += in->cost[i];
    if (c > in->budget)
        return false;
    for (size_t q = 0; q < in->ninc; q++)
        if (!chosen[in->inc[q]])
            return false;
    for (size_t q = 0; q < in->nexc; q++)
        if (chosen[in->exc[q]])
            return false;
    for (size_t q = 0; q < in->nneeds; q++)
        if (chosen[in->needs[q].a] && !chosen[in->needs[q].b])
            return false;
    for (size_t q = 0; q < in->nconflicts; q++)
        if (chosen[in->conflicts[q].a] && chosen[in->conflicts[q].b])
            return false;
    return true;
}

/* The message of instance in, infeasible, with its first area named by
 * namelen letters 'a' (the others as in the tests below); static storage. */
static const char *infeasible_with_first_name(const inst *in, size_t namelen)
{
    static char longname[1024];
    static styr_error err;
    assert_true(namelen < sizeof longname);
    memset(longname, 'a', namelen);
    longname[namelen] = '\0';
    const char *const long_ids[] = {longname, "sluss", "plattform", "labb"};
    styr_mcda_select_problem q = problem(in, long_ids);
    unsigned char ch[8];
    styr_mcda_selection sel;
    styr_error_clear(&err);
    assert_int_equal(styr_mcda_select(&q, in->budget, ch, &sel, &err), STYR_MCDA_E_INFEASIBLE);
    return err.message;
}

/* Best total score over all subsets, or -1 when none is feasible. */
static double brute_force(const inst *in)
{
    uint32_t req[MAXA] = {0}, con[MAXA] = {0}, inc = 0, exc = 0;
    for (size_t q = 0; q < in->nneeds; q++)
        req[in->needs[q].a] |= 1u << in->needs[q].b;
    for (size_t q = 0; q < in->nconflicts; q++) {
        con[in->conflicts[q].a] |= 1u << in->conflicts[q].b;
        con[in->conflicts[q].b] |= 1u << in->conflicts[q].a;
    }
    for (size_t q = 0; q < in->ninc; q++)
        inc |= 1u << in->inc[q];
    for (size_t q = 0; q < in->nexc; q++)
        exc |= 1u << in->exc[q];
    double best = -1.0;
    for (uint32_t s = 0; s < (1u << in->n); s++) {
        if ((s & inc) != inc || (s & exc))
            continue;
        double c = 0.0, v = 0.0;
        bool ok = true;
        for (size_t i = 0; i < in->n && ok; i++)
            if (s >> i & 1u) {
                if ((req[i] & ~s) || (con[i] & s))
                    ok = false;
                c += in->cost[i];
                v += in->score[i];
            }
        if (ok && c <= in->budget && v > best)
            best = v;
    }
    return best;
}

static void test_brute_force(void **state)
{
    (void)state;
    styr_mcda_rng r;
    styr_mcda_rng_seed(&r, 31337, 0);
    int infeasible = 0, feasible_count = 0;
    for (int round = 0; round < 300; round++) {
        inst in;
        random_instance(&r, &in);
        styr_mcda_select_problem p = problem(&in, NULL);
        unsigned char chosen[MAXA + 1];
        styr_mcda_selection sel;
        styr_error err;
        styr_error_clear(&err);
        styr_mcda_status st = styr_mcda_select(&p, in.budget, chosen, &sel, &err);
        double best = brute_force(&in);
        if (best < 0.0) {
            if (st != STYR_MCDA_E_INFEASIBLE)
                print_error("round %d: expected infeasible, got %s\n", round,
                            styr_mcda_status_name(st));
            assert_int_equal(st, STYR_MCDA_E_INFEASIBLE);
            assert_true(strlen(err.message) > 10);
            infeasible++;
            continue;
        }
        if (st != STYR_MCDA_OK)
            print_error("round %d: %s: %s\n", round, styr_mcda_status_name(st), err.message);
        assert_int_equal(st, STYR_MCDA_OK);
        assert_true(sel.proven_optimal);
        assert_true(feasible(&in, chosen));
        double c = 0.0, v = 0.0;
        size_t k = 0;
        for (size_t i = 0; i < in.n; i++)
            if (chosen[i]) {
                c += in.cost[i];
                v += in.score[i];
                k++;
            }
        assert_true(c == sel.total_cost);
        assert_true(v == sel.total_score);
        assert_int_equal(k, sel.n_chosen);
        assert_near(sel.total_score, best, 1e-9 * (best > 1 ? best : 1));
        feasible_count++;
    }
    /* the generator must exercise both outcomes */
    assert_true(infeasible >= 20);
    assert_true(feasible_count >= 200);
}

static void test_not_greedy(void **state)
{
    (void)state;
    inst in = {.n = 3, .cost = {6, 5, 5}, .score = {6.6, 5, 5}, .budget = 10};
    styr_mcda_select_problem p = problem(&in, NULL);
    unsigned char ch[3];
    styr_mcda_selection sel;
    assert_int_equal(styr_mcda_select(&p, in.budget, ch, &sel, NULL), STYR_MCDA_OK);
    assert_true(!ch[0] && ch[1] && ch[2]);
    assert_near(sel.total_score, 10.0, 0);
    assert_true(sel.proven_optimal);
}

static void test_requires_excludes_cycles(void **state)
{
    (void)state;
    const char *const ids[] = {"a", "b", "c"};
    /* a needs the expensive, worthless b */
    inst in = {.n = 3, .cost = {1, 8, 5}, .score = {10, 0, 6}, .needs = {{0, 1}}, .nneeds = 1};
    styr_mcda_select_problem p = problem(&in, ids);
    unsigned char ch[3];
    styr_mcda_selection sel;
    assert_int_equal(styr_mcda_select(&p, 9, ch, &sel, NULL), STYR_MCDA_OK);
    assert_true(ch[0] && ch[1] && !ch[2]);
    assert_int_equal(styr_mcda_select(&p, 8, ch, &sel, NULL), STYR_MCDA_OK);
    assert_true(!ch[0] && !ch[1] && ch[2]);
    /* b is not taken for nothing when a is not */
    assert_int_equal(styr_mcda_select(&p, 100, ch, &sel, NULL), STYR_MCDA_OK);
    assert_true(ch[0] && ch[1] && ch[2]);

    /* conflicts */
    inst ex = {.n = 3, .cost = {5, 5, 5}, .score = {10, 9, 1}, .conflicts = {{0, 1}},
               .nconflicts = 1};
    p = problem(&ex, ids);
    assert_int_equal(styr_mcda_select(&p, 10, ch, &sel, NULL), STYR_MCDA_OK);
    assert_true(ch[0] && !ch[1] && ch[2]);

    /* a cycle means all or none */
    inst cy = {.n = 3, .cost = {5, 5, 6}, .score = {1, 1, 1.5}, .needs = {{0, 1}, {1, 0}},
               .nneeds = 2};
    p = problem(&cy, ids);
    assert_int_equal(styr_mcda_select(&p, 10, ch, &sel, NULL), STYR_MCDA_OK);
    assert_true(ch[0] && ch[1] && !ch[2]);
    assert_int_equal(styr_mcda_select(&p, 9, ch, &sel, NULL), STYR_MCDA_OK);
    assert_true(!ch[0] && !ch[1] && ch[2]);

    /* zero cost is always worth taking; zero score never on its own */
    inst z = {.n = 3, .cost = {0, 1, 1}, .score = {0.5, 0, 1}};
    p = problem(&z, ids);
    assert_int_equal(styr_mcda_select(&p, 5, ch, &sel, NULL), STYR_MCDA_OK);
    assert_true(ch[0] && !ch[1] && ch[2]);
}

static void expect_infeasible(const inst *in, const char *const *ids, const char *const *needles)
{
    styr_mcda_select_problem p = problem(in, ids);
    unsigned char ch[8];
    styr_mcda_selection sel;
    styr_error err;
    styr_error_clear(&err);
    assert_int_equal(styr_mcda_select(&p, in->budget, ch, &sel, &err), STYR_MCDA_E_INFEASIBLE);
    assert_int_equal(err.code, STYR_E_INPUT);
    for (size_t k = 0; needles[k]; k++)
        if (!strstr(err.message, needles[k])) {
            print_error("message \"%s\" lacks \"%s\"\n", err.message, needles[k]);
            fail();
        }
}

static void test_infeasible_messages(void **state)
{
    (void)state;
    const char *const ids[] = {"testarena", "sluss", "plattform", "labb"};
    inst in = {.n = 4, .cost = {100, 200, 300, 400}, .score = {1, 1, 1, 1}, .budget = 10000};

    inst a = in; /* included and excluded */
    a.inc[a.ninc++] = 0;
    a.exc[a.nexc++] = 0;
    expect_infeasible(&a, ids, (const char *[]){"'testarena' is both included and excluded", 0});
    {   /* a part that fills the 900-byte message buffer exactly (a name of
         * 868 bytes) does not fit with its NUL: it is cut, and says so */
        const char *msg = infeasible_with_first_name(&a, 868);
        size_t len = strlen(msg);
        assert_true(len > 3);
        assert_string_equal(msg + len - 3, "...");
        assert_null(strstr(msg, "excluded"));
    }
    {   /* one byte shorter (899 and its NUL) fits whole: not cut */
        const char *msg = infeasible_with_first_name(&a, 867);
        size_t len = strlen(msg);
        assert_true(len > 30);
        assert_string_equal(msg + len - 30, " is both included and excluded");   /* whole, no "..." */
    }

    inst b = in; /* forced in requires (through another) a forced out */
    b.inc[b.ninc++] = 0;
    b.needs[b.nneeds++] = (styr_mcda_pair){0, 1};
    b.needs[b.nneeds++] = (styr_mcda_pair){1, 2};
    b.exc[b.nexc++] = 2;
    expect_infeasible(&b, ids,
                      (const char *[]){"'testarena'", "'sluss'", "'plattform' is forced out", 0});

    inst c = in; /* forced-ins exclude each other */
    c.inc[c.ninc++] = 0;
    c.inc[c.ninc++] = 3;
    c.conflicts[c.nconflicts++] = (styr_mcda_pair){3, 0};
    expect_infeasible(&c, ids, (const char *[]){"'testarena'", "'labb'", "forced in", 0});

    inst d = in; /* forced in over budget, with what it requires */
    d.inc[d.ninc++] = 3;
    d.needs[d.nneeds++] = (styr_mcda_pair){3, 2};
    d.budget = 500;
    expect_infeasible(&d, ids,
                      (const char *[]){"700 SEK", "budget of 500 SEK", "forced in 'labb'",
                                       "required by them 'plattform'", 0});

    {   /* a budget of exactly 1e15 SEK is past the whole-krona form: written with two decimals */
        inst t = in;
        t.inc[t.ninc++] = 3;
        t.cost[3] = 1e15 + 2;
        t.budget = 1e15;
        expect_infeasible(&t, ids, (const char *[]){"budget of 1000000000000000.00 SEK", 0});
    }

    {   /* the areas required are named once */
        styr_mcda_select_problem q = problem(&d, ids);
        unsigned char chd[8];
        styr_mcda_selection seld;
        styr_error errd;
        assert_int_equal(styr_mcda_select(&q, d.budget, chd, &seld, &errd), STYR_MCDA_E_INFEASIBLE);
        const char *first = strstr(errd.message, "required by them");
        assert_non_null(first);
        assert_null(strstr(first + 1, "required by them"));
    }

    {   /* more than eight areas required: eight are named, then how many more */
        const char *const many[] = {"bas", "k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8", "k9", "k10"};
        inst m = {.n = 11, .budget = 500};
        for (size_t i = 0; i < 11; i++)
            m.cost[i] = 100, m.score[i] = 1;
        m.inc[m.ninc++] = 0;
        for (size_t i = 1; i < 11; i++)
            m.needs[m.nneeds++] = (styr_mcda_pair){0, i};
        styr_mcda_select_problem q = problem(&m, many);
        unsigned char chm[11];
        styr_mcda_selection selm;
        styr_error errm;
        assert_int_equal(styr_mcda_select(&q, m.budget, chm, &selm, &errm), STYR_MCDA_E_INFEASIBLE);
        const char *req = strstr(errm.message, "required by them 'k1', 'k2', 'k3', 'k4', 'k5', 'k6', 'k7', 'k8' and 2 more");
        if (!req)
            fail_msg("%s", errm.message);
        assert_null(strstr(errm.message, "'k9'"));
    }

    inst d2 = d; /* the same with öre: amounts that are not whole kronor keep them */
    d2.budget = 500.25;
    expect_infeasible(&d2, ids, (const char *[]){"700 SEK", "budget of 500.25 SEK", 0});

    inst e = in; /* an area that excludes itself, forced in */
    e.inc[e.ninc++] = 1;
    e.conflicts[e.nconflicts++] = (styr_mcda_pair){1, 1};
    expect_infeasible(&e, ids, (const char *[]){"'sluss'", "itself", 0});

    inst f = in; /* forced in requires an area that conflicts with another forced in */
    f.inc[f.ninc++] = 0;
    f.inc[f.ninc++] = 3;
    f.needs[f.nneeds++] = (styr_mcda_pair){0, 1};
    f.conflicts[f.nconflicts++] = (styr_mcda_pair){1, 3};
    expect_infeasible(&f, ids, (const char *[]){"'sluss'", "'labb'", "'testarena'", 0});

    /* a long chain of requirements is shortened: its first links, "...
     * (N more)" and its last */
    {
        inst chain = {.n = 20, .budget = 100};
        for (size_t i = 0; i < 20; i++) {
            chain.cost[i] = 1;
            chain.score[i] = 1;
        }
        for (size_t i = 0; i + 1 < 20; i++)
            chain.needs[chain.nneeds++] = (styr_mcda_pair){i, i + 1};
        chain.inc[chain.ninc++] = 0;
        chain.exc[chain.nexc++] = 19;
        expect_infeasible(&chain, NULL,
                          (const char *[]){"('#0' is forced in and requires '#1', which requires '#2', ... (4 more), which "
                                           "requires '#7', which requires '#8', which requires '#9')",
                                           "'#14' requires '#15'; ...; '#19' is forced out", 0});
    }
    /* a chain of nine is the shortest shortened: "... (3 more)" */
    {
        inst chain = {.n = 18, .budget = 100};
        for (size_t i = 0; i < 18; i++) {
            chain.cost[i] = 1;
            chain.score[i] = 1;
        }
        for (size_t i = 0; i + 1 < 18; i++)
            chain.needs[chain.nneeds++] = (styr_mcda_pair){i, i + 1};
        chain.inc[chain.ninc++] = 0;
        chain.exc[chain.nexc++] = 17;
        expect_infeasible(&chain, NULL,
                          (const char *[]){"('#0' is forced in and requires '#1', which requires '#2', ... (3 more), which "
                                           "requires '#6', which requires '#7', which requires '#8')", 0});
    }

    /* The same in Swedish, amounts as a Swedish reader writes them (a
     * no-break space between thousands, a decimal comma, "kr"). */
    a.swedish = b.swedish = c.swedish = d.swedish = d2.swedish = e.swedish = true;
    expect_infeasible(&a, ids, (const char *[]){"omöjligt urval: 'testarena' tvingas både in (include) och ut (exclude)", 0});
    expect_infeasible(&b, ids, (const char *[]){"'sluss' måste väljas ('testarena' tvingas in och kräver 'sluss')", ") men kan inte väljas (",
                                                "'sluss' kräver 'plattform'", "'plattform' tvingas ut", 0});
    expect_infeasible(&c, ids, (const char *[]){"kan inte väljas tillsammans med", "tvingas in", 0});
    expect_infeasible(&d, ids, (const char *[]){"områdena som måste väljas kostar 700 kr, mer än budgeten på 500 kr",
                                                ": tvingas in 'labb'", "; som de kräver 'plattform'", 0});
    expect_infeasible(&d2, ids, (const char *[]){"budgeten på 500,25 kr", 0});
    inst big = d;
    big.cost[3] = 2500000;
    big.budget = 1000000.995;   /* öre rounded into the krona */
    expect_infeasible(&big, ids, (const char *[]){"kostar 2\xC2\xA0" "500\xC2\xA0" "300 kr", "budgeten på 1\xC2\xA0" "000\xC2\xA0" "001,00 kr", 0});
    expect_infeasible(&e, ids, (const char *[]){"'sluss' anges utesluta sig själv", 0});

    /* a message too long for its buffer is cut with "...", never inside a
     * character: ids of many 'å' (two bytes each) */
    {
        static char longids[10][400];
        const char *lids[10];
        inst many = {.n = 10, .budget = 1};
        for (size_t i = 0; i < 10; i++) {
            size_t at = (size_t)snprintf(longids[i], sizeof longids[i], "x");
            for (int k = 0; k < 150; k++)
                at += (size_t)snprintf(longids[i] + at, sizeof longids[i] - at, "\xc3\xa5");
            snprintf(longids[i] + at, sizeof longids[i] - at, "%zu", i);
            lids[i] = longids[i];
            many.cost[i] = 100;
            many.score[i] = 1;
        }
        for (size_t i = 0; i < 4; i++)
            many.inc[many.ninc++] = i;   /* four forced in, 1,200 bytes of names */
        styr_mcda_select_problem q = problem(&many, lids);
        unsigned char chq[10];
        styr_mcda_selection selq;
        styr_error errq;
        assert_int_equal(styr_mcda_select(&q, many.budget, chq, &selq, &errq), STYR_MCDA_E_INFEASIBLE);
        size_t len = strlen(errq.message);
        assert_true(len > 3 && strcmp(errq.message + len - 3, "...") == 0);
        /* ... and only the end is cut: the first name is there whole, and
         * the message fills its buffer but for the last character's bytes */
        assert_non_null(strstr(errq.message, lids[0]));
        assert_true(len > 880);
        /* the byte before the dots ends a character: not a lead byte, and a
         * continuation byte only as the second of 'å' */
        unsigned char before = (unsigned char)errq.message[len - 4];
        assert_true(before < 0x80 || (before == 0xa5 && (unsigned char)errq.message[len - 5] == 0xc3));
    }

    /* without ids, areas are named by index */
    styr_mcda_select_problem p = problem(&a, NULL);
    unsigned char ch[4];
    styr_mcda_selection sel;
    styr_error err;
    assert_int_equal(styr_mcda_select(&p, a.budget, ch, &sel, &err), STYR_MCDA_E_INFEASIBLE);
    assert_non_null(strstr(err.message, "'#0'"));
}

static void test_bad_input(void **state)
{
    (void)state;
    inst in = {.n = 2, .cost = {1, -1}, .score = {1, 1}};
    styr_mcda_select_problem p = problem(&in, NULL);
    unsigned char ch[2];
    styr_mcda_selection sel;
    assert_int_equal(styr_mcda_select(&p, 10, ch, &sel, NULL), STYR_MCDA_E_ARG);
    in.cost[1] = 1;
    in.score[0] = NAN;
    assert_int_equal(styr_mcda_select(&p, 10, ch, &sel, NULL), STYR_MCDA_E_ARG);
    in.score[0] = 1;
    assert_int_equal(styr_mcda_select(&p, NAN, ch, &sel, NULL), STYR_MCDA_E_ARG);
    assert_int_equal(styr_mcda_select(&p, -1, ch, &sel, NULL), STYR_MCDA_E_ARG);
    in.inc[in.ninc++] = 2;
    p = problem(&in, NULL);
    assert_int_equal(styr_mcda_select(&p, 10, ch, &sel, NULL), STYR_MCDA_E_ARG);
    /* every index list is checked against n: exclude, and each side of a
     * requires or excludes pair */
    static const struct { int list; size_t a, b; } beyond[] = {{0, 2, 0}, {1, 2, 0}, {1, 0, 2}, {2, 2, 0}, {2, 0, 2}};
    for (size_t k = 0; k < sizeof beyond / sizeof *beyond; k++) {
        inst bad = {.n = 2, .cost = {1, 1}, .score = {1, 1}};
        if (beyond[k].list == 0)
            bad.exc[bad.nexc++] = beyond[k].a;
        else if (beyond[k].list == 1)
            bad.needs[bad.nneeds++] = (styr_mcda_pair){beyond[k].a, beyond[k].b};
        else
            bad.conflicts[bad.nconflicts++] = (styr_mcda_pair){beyond[k].a, beyond[k].b};
        p = problem(&bad, NULL);
        assert_int_equal(styr_mcda_select(&p, 10, ch, &sel, NULL), STYR_MCDA_E_ARG);
    }
    /* cost and score are both needed: either one missing is refused */
    {
        double one_cost = 1, one_score = 1;
        styr_mcda_select_problem half = {.n = 1, .cost = NULL, .score = &one_score};
        assert_int_equal(styr_mcda_select(&half, 10, ch, &sel, NULL), STYR_MCDA_E_ARG);
        half = (styr_mcda_select_problem){.n = 1, .cost = &one_cost, .score = NULL};
        assert_int_equal(styr_mcda_select(&half, 10, ch, &sel, NULL), STYR_MCDA_E_ARG);
    }
    /* a constraint list that is counted must be there, each on its own */
    {
        inst two = {.n = 2, .cost = {1, 1}, .score = {1, 1}};
        styr_mcda_select_problem q = problem(&two, NULL);
        q.n_needs = 1;
        q.needs = NULL;
        assert_int_equal(styr_mcda_select(&q, 10, ch, &sel, NULL), STYR_MCDA_E_ARG);
        q = problem(&two, NULL);
        q.n_conflicts = 1;
        q.conflicts = NULL;
        assert_int_equal(styr_mcda_select(&q, 10, ch, &sel, NULL), STYR_MCDA_E_ARG);
        q = problem(&two, NULL);
        q.n_include = 1;
        q.include = NULL;
        assert_int_equal(styr_mcda_select(&q, 10, ch, &sel, NULL), STYR_MCDA_E_ARG);
    }
    /* and the selection somewhere to go */
    assert_int_equal(styr_mcda_select(&p, 10, ch, NULL, NULL), STYR_MCDA_E_ARG);
    /* one area needs somewhere to say whether it is chosen */
    inst one = {.n = 1, .cost = {1}, .score = {1}};
    p = problem(&one, NULL);
    assert_int_equal(styr_mcda_select(&p, 10, NULL, &sel, NULL), STYR_MCDA_E_ARG);
    /* no areas: an empty selection */
    inst none = {0};
    p = problem(&none, NULL);
    assert_int_equal(styr_mcda_select(&p, 10, NULL, &sel, NULL), STYR_MCDA_OK);
    assert_int_equal(sel.n_chosen, 0);
    /* unlimited budget takes every area of positive score */
    inst all = {.n = 2, .cost = {1e9, 2e9}, .score = {1, 0.5}};
    p = problem(&all, NULL);
    assert_int_equal(styr_mcda_select(&p, INFINITY, ch, &sel, NULL), STYR_MCDA_OK);
    assert_int_equal(sel.n_chosen, 2);
}

/* 0/1 knapsack by dynamic programming over integer costs. */
static double knapsack_dp(const int *cost, const double *score, size_t n, int budget)
{
    double *best = calloc((size_t)budget + 1, sizeof *best);
    assert_non_null(best);
    for (size_t i = 0; i < n; i++)
        for (int b = budget; b >= cost[i]; b--)
            if (best[b - cost[i]] + score[i] > best[b])
                best[b] = best[b - cost[i]] + score[i];
    double v = best[budget];
    free(best);
    return v;
}

static void test_800_against_dp(void **state)
{
    (void)state;
    enum { BIG = 800 };
    static double cost[BIG], score[BIG];
    static int icost[BIG];
    static unsigned char ch[BIG];
    styr_mcda_rng r;
    styr_mcda_rng_seed(&r, 800, 0);
    for (int round = 0; round < 3; round++) {
        int total = 0;
        for (size_t i = 0; i < BIG; i++) {
            icost[i] = 1 + (int)rnd(&r, 100);
            cost[i] = icost[i];
            score[i] = styr_mcda_rng_uniform(&r);
            total += icost[i];
        }
        int budget = total * (round + 1) / 5;
        styr_mcda_select_problem p = {.n = BIG, .cost = cost, .score = score};
        styr_mcda_selection sel;
        assert_int_equal(styr_mcda_select(&p, budget, ch, &sel, NULL), STYR_MCDA_OK);
        assert_true(sel.proven_optimal);
        /* Work, not time: fixing areas at the root by the bound proves these
         * within 300-810 nodes; without it they take 2,400-4,300. */
        if (sel.nodes > 2000)
            fail_msg("round %d took %llu nodes", round, (unsigned long long)sel.nodes);
        assert_true(sel.total_cost <= budget);
        assert_near(sel.total_score, knapsack_dp(icost, score, BIG, budget), 1e-9);
    }
}

static void test_node_cap(void **state)
{
    (void)state;
    /* strongly correlated knapsack: score = cost + 10, the hard kind */
    enum { K = 60 };
    double cost[K], score[K];
    unsigned char ch[K];
    styr_mcda_rng r;
    styr_mcda_rng_seed(&r, 5, 0);
    double total = 0.0;
    for (size_t i = 0; i < K; i++) {
        cost[i] = (double)(1 + rnd(&r, 1000));
        score[i] = cost[i] + 10.0;
        total += cost[i];
    }
    styr_mcda_select_problem p = {.n = K, .cost = cost, .score = score, .max_nodes = 5};
    styr_mcda_selection sel;
    assert_int_equal(styr_mcda_select(&p, floor(total / 2) + 0.5, ch, &sel, NULL), STYR_MCDA_OK);
    assert_false(sel.proven_optimal);
    assert_true(sel.nodes <= 6);
    assert_true(sel.total_cost <= floor(total / 2) + 0.5);
    assert_true(sel.total_score > 0.0);
    /* with the default cap the same instance is proven */
    p.max_nodes = 0;
    styr_mcda_selection full;
    assert_int_equal(styr_mcda_select(&p, floor(total / 2) + 0.5, ch, &full, NULL),
                     STYR_MCDA_OK);
    assert_true(full.proven_optimal);
    assert_true(full.total_score >= sel.total_score);
}

static void test_frontier(void **state)
{
    (void)state;
    styr_mcda_rng r;
    styr_mcda_rng_seed(&r, 77, 0);
    inst in;
    do
        random_instance(&r, &in);
    while (in.n < 12 || in.nexc || in.nconflicts == 0);
    in.ninc = 1;
    in.inc[0] = 0;
    in.cost[0] = 50000;
    styr_mcda_select_problem p = problem(&in, NULL);
    /* one budget needs both its value and a place for its point */
    double a_budget = 100000;
    styr_mcda_frontier_point pt;
    assert_int_equal(styr_mcda_select_frontier(&p, NULL, 1, &pt, NULL), STYR_MCDA_E_ARG);
    assert_int_equal(styr_mcda_select_frontier(&p, &a_budget, 1, NULL, NULL), STYR_MCDA_E_ARG);
    const double budgets[] = {0, 10000, 50000, 200000, 500000, 1e9};
    styr_mcda_frontier_point pts[6];
    styr_mcda_status st = styr_mcda_select_frontier(&p, budgets, 6, pts, NULL);
    assert_int_equal(st, STYR_MCDA_OK); /* the seed gives a feasible instance */
    double last = -1.0;
    for (int k = 0; k < 6; k++) {
        unsigned char ch[MAXA];
        styr_mcda_selection sel;
        styr_mcda_status one = styr_mcda_select(&p, budgets[k], ch, &sel, NULL);
        assert_true(pts[k].feasible == (one == STYR_MCDA_OK));
        assert_near(pts[k].budget, budgets[k], 0);
        if (!pts[k].feasible)
            continue;
        assert_true(pts[k].total_score == sel.total_score);
        assert_true(pts[k].total_cost <= budgets[k]);
        assert_true(pts[k].total_score >= last);
        last = pts[k].total_score;
    }
    assert_false(pts[0].feasible);
    assert_true(pts[5].feasible);

    /* impossible at any budget: the whole call fails */
    in.exc[in.nexc++] = 0;
    p = problem(&in, NULL);
    assert_int_equal(styr_mcda_select_frontier(&p, budgets, 6, pts, NULL),
                     STYR_MCDA_E_INFEASIBLE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_brute_force),
        cmocka_unit_test(test_not_greedy),
        cmocka_unit_test(test_requires_excludes_cycles),
        cmocka_unit_test(test_infeasible_messages),
        cmocka_unit_test(test_bad_input),
        cmocka_unit_test(test_800_against_dp),
        cmocka_unit_test(test_node_cap),
        cmocka_unit_test(test_frontier),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
