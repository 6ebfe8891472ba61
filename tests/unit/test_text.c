/* test_text.c - unit tests of engine/text.c: UTF-8 validation and length,
 * name folding, the OSA edit distance and "did you mean" suggestions. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "text.h"

#define S(lit) (lit), (sizeof(lit) - 1)

/* Folds a literal and compares it to the expected folded form. */
static void check_fold(const char *in, size_t len, const char *want)
{
    char out[256];
    size_t need = styr_fold(in, len, out, sizeof out);
    assert_string_equal(out, want);
    assert_int_equal(need, strlen(want));
}

static size_t dist(const char *a, const char *b, size_t max)
{
    return styr_edit_distance(a, strlen(a), b, strlen(b), max);
}

/* ---- UTF-8 validation ---- */

static void test_valid_utf8(void **state)
{
    (void)state;
    size_t off = 99;
    assert_true(styr_utf8_valid(S(""), &off));
    assert_true(styr_utf8_valid(S("plain ascii"), NULL));
    assert_true(styr_utf8_valid(S("Business Region Göteborg"), &off));
    assert_true(styr_utf8_valid(S("\xC2\x80"), &off));              /* U+0080 */
    assert_true(styr_utf8_valid(S("\xDF\xBF"), &off));              /* U+07FF */
    assert_true(styr_utf8_valid(S("\xE0\xA0\x80"), &off));          /* U+0800 */
    assert_true(styr_utf8_valid(S("\xED\x9F\xBF"), &off));          /* U+D7FF */
    assert_true(styr_utf8_valid(S("\xEE\x80\x80"), &off));          /* U+E000 */
    assert_true(styr_utf8_valid(S("\xEF\xBF\xBF"), &off));          /* U+FFFF */
    assert_true(styr_utf8_valid(S("\xF0\x90\x80\x80"), &off));      /* U+10000 */
    assert_true(styr_utf8_valid(S("\xF4\x8F\xBF\xBF"), &off));      /* U+10FFFF */
    assert_int_equal(off, 99);   /* untouched on success */
    /* an embedded NUL is a valid code point */
    assert_true(styr_utf8_valid("a\0b", 3, &off));
}

static void expect_invalid(const char *s, size_t len, size_t want_off)
{
    size_t off = 12345;
    assert_false(styr_utf8_valid(s, len, &off));
    assert_int_equal(off, want_off);
    assert_false(styr_utf8_valid(s, len, NULL));
}

static void test_invalid_utf8(void **state)
{
    (void)state;
    expect_invalid(S("\x80"), 0);                    /* stray continuation */
    expect_invalid(S("ab\xBF"), 2);
    expect_invalid(S("\xC0\x80"), 0);                /* overlong NUL */
    expect_invalid(S("\xC1\xBF"), 0);                /* overlong 2-byte */
    expect_invalid(S("x\xE0\x80\x80"), 1);           /* overlong 3-byte */
    expect_invalid(S("\xE0\x9F\xBF"), 0);            /* overlong U+07FF */
    expect_invalid(S("\xF0\x80\x80\x80"), 0);        /* overlong 4-byte */
    expect_invalid(S("\xF0\x8F\xBF\xBF"), 0);        /* overlong U+FFFF */
    expect_invalid(S("\xED\xA0\x80"), 0);            /* U+D800 surrogate */
    expect_invalid(S("ok\xED\xBF\xBF"), 2);          /* U+DFFF surrogate */
    expect_invalid(S("\xF4\x90\x80\x80"), 0);        /* U+110000 */
    expect_invalid(S("\xF5\x80\x80\x80"), 0);        /* F5 lead byte */
    expect_invalid(S("\x80\x90\x80\x80"), 0);        /* a continuation byte before three more: no lead */
    expect_invalid(S("\xC1\x90\x80\x80"), 0);        /* C1 is no four-byte lead either */
    expect_invalid(S("\xFF"), 0);
    expect_invalid(S("\xFE"), 0);
    expect_invalid(S("G\xC3"), 1);                   /* truncated 2-byte */
    expect_invalid(S("\xE2\x82"), 0);                /* truncated 3-byte */
    expect_invalid(S("abc\xF0\x9F\x98"), 3);         /* truncated 4-byte */
    expect_invalid(S("\xC3\x28"), 0);                /* bad continuation */
    expect_invalid(S("\xE2\x28\xA1"), 0);
    /* the length bound is respected: the sequence is cut by len, not by NUL */
    expect_invalid("\xC3\xB6", 1, 0);
}

static void test_utf8_length(void **state)
{
    (void)state;
    assert_int_equal(styr_utf8_length(S("")), 0);
    assert_int_equal(styr_utf8_length(S("abc")), 3);
    assert_int_equal(styr_utf8_length(S("Göteborg")), 8);
    assert_int_equal(styr_utf8_length(S("ÅÄÖ")), 3);
    assert_int_equal(styr_utf8_length(S("\xE2\x82\xAC")), 1);       /* euro sign */
    assert_int_equal(styr_utf8_length(S("\xF0\x9F\x98\x80!")), 2);  /* emoji + ! */
    /* invalid bytes count one each */
    assert_int_equal(styr_utf8_length(S("a\xFF\xFE" "b")), 4);
}

/* ---- folding ---- */

static void test_fold_trim_and_spaces(void **state)
{
    (void)state;
    check_fold(S("  BRG "), "brg");
    check_fold(S("AZ az @[`{"), "az az @[`{");   /* both ends of A-Z, and their neighbours unchanged */
    check_fold(S(""), "");
    /* the first code point of four bytes, U+10000, and the last of three,
     * U+FFFF, are written back as they were */
    check_fold(S("a\xf0\x90\x80\x80" "b\xef\xbf\xbf"), "a\xf0\x90\x80\x80" "b\xef\xbf\xbf");
    check_fold(S("   \t\n "), "");
    check_fold(S("a  b\t\tc\r\nd"), "a b c d");
    check_fold(S("\xC2\xA0" "Intraservice\xC2\xA0\xC2\xA0" "AB\xC2\xA0"), "intraservice ab");
    check_fold(S("a \xC2\xA0\t b"), "a b");
    check_fold(S("a\xE2\x80\x83" "b"), "a b");   /* U+2003 em space */
    check_fold(S("a\xE3\x80\x80" "b"), "a b");   /* U+3000 ideographic space */
    check_fold(S("Business Region Göteborg"), "business region göteborg");
    /* styr_trim (ids, names) takes spaces, tabs and line ends off both sides */
    size_t len = 11;
    const char *t = styr_trim("\t\r\n 1.1 \t\r\n", &len);
    assert_int_equal(len, 3);
    assert_memory_equal(t, "1.1", 3);
}

static void test_fold_case(void **state)
{
    (void)state;
    check_fold(S("ÖSTRA"), "östra");
    check_fold(S("ÅÄÖÉ åäöé"), "åäöé åäöé");
    check_fold(S("ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏ"), "àáâãäåæçèéêëìíîï");
    check_fold(S("ÐÑÒÓÔÕÖØÙÚÛÜÝÞ"), "ðñòóôõöøùúûüýþ");
    check_fold(S("×"), "×");       /* U+00D7 is not a letter */
    check_fold(S("ß÷ÿ"), "ß÷ÿ");   /* no simple upper/lower pair to fold */
    check_fold(S("a\xc2\x80" "b"), "a\xc2\x80" "b");   /* U+0080, the first two-byte code point, stays two bytes */
    /* Latin Extended-A */
    check_fold(S("ĀĂĄĆČĎĐĒĚĞĢĪĮĶ"), "āăąćčďđēěğģīįķ");
    check_fold(S("İ"), "i");
    check_fold(S("ĹĻĽĿŁŃŅŇ"), "ĺļľŀłńņň");
    check_fold(S("ĸŉ"), "ĸŉ");
    check_fold(S("ŊŌŐŒŔŘŚŞŠŢŤŦŨŪŮŰŲŴŶ"), "ŋōőœŕřśşšţťŧũūůűųŵŷ");
    check_fold(S("Ÿ"), "ÿ");
    check_fold(S("ŹŻŽ"), "źżž");
    check_fold(S("ſ"), "ſ");
    check_fold(S("ąčęėįšųūž"), "ąčęėįšųūž");   /* already lower */
    check_fold(S("ΑΒΓ"), "ΑΒΓ");               /* outside the folded blocks */
    check_fold(S("Łódź"), "łódź");
    /* three- and four-byte characters pass through unchanged */
    check_fold(S("Nämnd – ’A’ € 😀"), "nämnd – ’a’ € 😀");
}

static void test_fold_swedish_names(void **state)
{
    (void)state;
    char a[128], b[128];
    styr_fold(S("Business Region Göteborg"), a, sizeof a);
    styr_fold(S("  business   region GÖTEBORG\n"), b, sizeof b);
    assert_string_equal(a, b);
    styr_fold(S("Älvstranden Utveckling AB"), a, sizeof a);
    assert_string_equal(a, "älvstranden utveckling ab");
    styr_fold(S("Stadsledningskontoret, ÖVERSIKTSPLANERING"), a, sizeof a);
    assert_string_equal(a, "stadsledningskontoret, översiktsplanering");
    /* the Unicode spaces word processors paste, the range's both ends too:
     * U+2000 (en quad) and U+200A (hair space) are spaces; U+200B (zero
     * width) is not one */
    styr_fold(S("Business\xE2\x80\x80Region\xE2\x80\x8AGöteborg"), b, sizeof b);
    styr_fold(S("Business Region Göteborg"), a, sizeof a);
    assert_string_equal(a, b);
    styr_fold(S("Business\xE2\x80\x8BRegion"), b, sizeof b);
    assert_string_equal(b, "business\xE2\x80\x8Bregion");
    /* NFC turns U+2000 into U+2002 (and U+2001 into U+2003) before the
     * spaces are read, so the line above never meets U+2000 itself; a text
     * with an invalid byte skips NFC and is folded as it is: its U+2000 is
     * still a space */
    styr_fold(S("Business\xE2\x80\x80Region\xFF"), b, sizeof b);
    assert_string_equal(b, "business region\xFF");
}

static void test_fold_invalid_bytes_copied(void **state)
{
    (void)state;
    char out[32];
    size_t n = styr_fold(S(" AB\xFF" "C\xC3 "), out, sizeof out);
    assert_int_equal(n, 5);
    assert_memory_equal(out, "ab\xFF" "c\xC3", 6);
}

static void test_fold_truncation(void **state)
{
    (void)state;
    char out[8];
    memset(out, 'x', sizeof out);
    /* like snprintf: returns the full length, writes cap-1 bytes + NUL */
    assert_int_equal(styr_fold(S("ABCDEFGHIJ"), out, sizeof out), 10);
    assert_string_equal(out, "abcdefg");
    /* cap 0 writes nothing */
    out[0] = 'Q';
    assert_int_equal(styr_fold(S("ABC"), out, 0), 3);
    assert_int_equal(out[0], 'Q');
    /* cap 1 writes only the NUL */
    assert_int_equal(styr_fold(S("ABC"), out, 1), 3);
    assert_string_equal(out, "");
    /* a code point that does not fit is left out whole */
    char small[4];
    assert_int_equal(styr_fold(S("abÖ"), small, sizeof small), 4);
    assert_string_equal(small, "ab");
    assert_true(styr_utf8_valid(small, strlen(small), NULL));
    /* the measured length matches what a big enough buffer gets */
    char big[64];
    size_t need = styr_fold(S("  Göteborgs   Stad  "), NULL, 0);
    assert_int_equal(styr_fold(S("  Göteborgs   Stad  "), big, sizeof big), need);
    assert_int_equal(strlen(big), need);
}

static void test_fold_long_input(void **state)
{
    (void)state;
    size_t n = 100000;
    char *in = malloc(n), *out = malloc(n + 1);
    assert_non_null(in);
    assert_non_null(out);
    for (size_t i = 0; i < n; i++)
        in[i] = (i % 10 < 5) ? 'A' : ' ';
    /* "AAAAA     " repeated: each space run becomes one space, tail trimmed */
    size_t need = styr_fold(in, n, out, n + 1);
    assert_int_equal(need, (n / 10) * 6 - 1);
    assert_int_equal(strlen(out), need);
    assert_memory_equal(out, "aaaaa aaaaa", 11);
    free(in);
    free(out);
}

/* ---- edit distance ---- */

static void test_distance_basics(void **state)
{
    (void)state;
    assert_int_equal(dist("", "", 10), 0);
    assert_int_equal(dist("abc", "", 10), 3);
    assert_int_equal(dist("", "abcd", 10), 4);
    assert_int_equal(dist("abc", "abc", 10), 0);
    assert_int_equal(dist("kitten", "sitting", 10), 3);
    assert_int_equal(dist("sitting", "kitten", 10), 3);
    assert_int_equal(dist("flaw", "lawn", 10), 2);
    assert_int_equal(dist("abc", "abd", 10), 1);   /* substitution */
    assert_int_equal(dist("abc", "abcd", 10), 1);  /* insertion */
    assert_int_equal(dist("abcd", "acd", 10), 1);  /* deletion */
}

static void test_distance_transposition(void **state)
{
    (void)state;
    assert_int_equal(dist("ab", "ba", 10), 1);
    assert_int_equal(dist("abcd", "acbd", 10), 1);
    assert_int_equal(dist("Intraservcie", "Intraservice", 10), 1);
    /* OSA, not full Damerau: "ca" -> "abc" is 3, not 2 */
    assert_int_equal(dist("ca", "abc", 10), 3);
    assert_int_equal(dist("öä", "äö", 10), 1);
}

static void test_distance_code_points(void **state)
{
    (void)state;
    /* one substitution of a two-byte letter is one, not two */
    assert_int_equal(dist("Göteborg", "Goteborg", 10), 1);
    assert_int_equal(dist("åäö", "aao", 10), 3);
    assert_int_equal(dist("\xF0\x9F\x98\x80", "\xF0\x9F\x98\x81", 10), 1);
    assert_int_equal(dist("Inköp- och upphandling", "Inköp och upphandling", 10), 1);
    assert_int_equal(dist("business region göteborg", "business region goteborg", 5), 1);
}

static void test_distance_case_sensitive(void **state)
{
    (void)state;
    /* the distance itself does not fold; styr_nearest does */
    assert_int_equal(dist("Business Region Göteborg", "business region göteborg", 10), 3);
}

static void test_distance_invalid_bytes(void **state)
{
    (void)state;
    /* an invalid byte is its own symbol, never equal to a code point */
    assert_int_equal(styr_edit_distance(S("a\xFF" "b"), S("ab"), 10), 1);
    assert_int_equal(styr_edit_distance(S("\xC3"), S("\xC3\xB6"), 10), 1);
    assert_int_equal(styr_edit_distance(S("\xFF"), S("\xFE"), 10), 1);
    assert_int_equal(styr_edit_distance(S("\xFF"), S("\xFF"), 10), 0);
}

static void test_distance_early_exit(void **state)
{
    (void)state;
    assert_int_equal(dist("kitten", "sitting", 2), 3);
    assert_int_equal(dist("kitten", "sitting", 3), 3);
    assert_int_equal(dist("abc", "xyz", 0), 1);
    assert_int_equal(dist("abc", "abc", 0), 0);
    assert_int_equal(dist("a", "abcdefgh", 3), 4);        /* length gap alone */
    assert_int_equal(dist("abcdefgh", "", 2), 3);
    assert_int_equal(dist("xyz", "Kommunstyrelsen", 5), 6);
    /* a huge max does not overflow */
    assert_int_equal(dist("kitten", "sitting", (size_t)-1), 3);
    assert_int_equal(dist("", "abc", (size_t)-1), 3);
    assert_int_equal(dist("", "", 0), 0);
}

/* Straightforward full-matrix OSA over bytes, to check the banded version. */
static size_t reference_osa(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    size_t *d = malloc((la + 1) * (lb + 1) * sizeof *d);
#define D(i, j) d[(i) * (lb + 1) + (j)]
    for (size_t i = 0; i <= la; i++)
        D(i, 0) = i;
    for (size_t j = 0; j <= lb; j++)
        D(0, j) = j;
    for (size_t i = 1; i <= la; i++)
        for (size_t j = 1; j <= lb; j++) {
            size_t c = a[i - 1] == b[j - 1] ? 0 : 1, v = D(i - 1, j - 1) + c;
            if (D(i - 1, j) + 1 < v) v = D(i - 1, j) + 1;
            if (D(i, j - 1) + 1 < v) v = D(i, j - 1) + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                D(i - 2, j - 2) + 1 < v)
                v = D(i - 2, j - 2) + 1;
            D(i, j) = v;
        }
    size_t r = D(la, lb);
#undef D
    free(d);
    return r;
}

static void test_distance_matches_reference(void **state)
{
    (void)state;
    char a[100], b[100];
    unsigned seed = 12345;
    for (int round = 0; round < 3000; round++) {
        /* small alphabet so that matches and transpositions are common; the
         * lengths straddle the on-stack row size */
        seed = seed * 1103515245u + 12345u;
        size_t la = (seed >> 16) % 90;
        seed = seed * 1103515245u + 12345u;
        size_t lb = (seed >> 16) % 90;
        if (round % 3 == 0)
            lb = la > 5 ? la - (seed >> 20) % 5 : la;
        for (size_t i = 0; i < la; i++) {
            seed = seed * 1103515245u + 12345u;
            a[i] = (char)('a' + (seed >> 16) % 3);
        }
        for (size_t i = 0; i < lb; i++) {
            seed = seed * 1103515245u + 12345u;
            b[i] = (char)('a' + (seed >> 16) % 3);
        }
        if (round % 3 == 0)
            memcpy(b, a, lb);   /* near copies exercise small distances */
        a[la] = b[lb] = '\0';
        size_t want = reference_osa(a, b);
        size_t maxes[] = { 0, 1, 2, 5, want, want + 1, 200 };
        for (size_t k = 0; k < sizeof maxes / sizeof maxes[0]; k++) {
            size_t m = maxes[k];
            size_t got = dist(a, b, m);
            if (want <= m)
                assert_int_equal(got, want);
            else
                assert_int_equal(got, m + 1);
        }
    }
}

static void test_distance_long_inputs(void **state)
{
    (void)state;
    size_t n = 200000;
    char *a = malloc(n + 1), *b = malloc(n + 1);
    assert_non_null(a);
    assert_non_null(b);
    for (size_t i = 0; i < n; i++)
        a[i] = b[i] = (char)('a' + (i * 7) % 26);
    a[n] = b[n] = '\0';
    b[n / 2] = '#';
    b[10] = '!';
    clock_t t0 = clock();
    /* the band keeps this at O(n * max) work */
    assert_int_equal(styr_edit_distance(a, n, b, n, 3), 2);
    assert_int_equal(styr_edit_distance(a, n, b, n, 1), 2);
    assert_int_equal(styr_edit_distance(a, n, b, n - 1000, 5), 6);   /* gap exit */
    /* totally different long strings give up after the first rows */
    memset(b, 'Z', n);
    assert_int_equal(styr_edit_distance(a, n, b, n, 10), 11);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    assert_true(secs < 5.0);
    free(a);
    free(b);
}

/* ---- suggestions ---- */

static const char *const registry[] = {
    "Kommunstyrelsen",
    "Intraservice",
    "Business Region Göteborg",
    "Inköp och upphandling",
    "Stadsledningskontoret",
    "Trafikkontoret",
    "BRG",
};
#define NREG (sizeof registry / sizeof registry[0])

static long nearest(const char *s)
{
    return styr_nearest(s, strlen(s), registry, NREG);
}

static void test_nearest_suggestions(void **state)
{
    (void)state;
    assert_int_equal(nearest("Kommunstyrelsn"), 0);
    assert_int_equal(nearest("Intraservise"), 1);
    assert_int_equal(nearest("business region göteborg"), 2);
    assert_int_equal(nearest("  BUSINESS REGION GÖTEBORG "), 2);
    assert_int_equal(nearest("Business Region Goteborg"), 2);
    assert_int_equal(nearest("Inköp- och upphandling"), 3);
    assert_int_equal(nearest("Trafikkontor"), 5);
    assert_int_equal(nearest("brg"), 6);
    assert_int_equal(nearest("xyz"), -1);
    assert_int_equal(nearest("Kulturförvaltningen"), -1);
    assert_int_equal(nearest(""), -1);
    assert_int_equal(nearest("   "), -1);
}

static void test_nearest_threshold(void **state)
{
    (void)state;
    /* len 6 -> threshold max(1, 6/3) = 2 */
    const char *const c[] = { "abcdef" };
    assert_int_equal(styr_nearest(S("abcdxy"), c, 1), 0);   /* distance 2 */
    assert_int_equal(styr_nearest(S("abxyzf"), c, 1), -1);  /* distance 3 */
    /* short strings still allow one edit */
    const char *const shortc[] = { "ab" };
    assert_int_equal(styr_nearest(S("ax"), shortc, 1), 0);
    assert_int_equal(styr_nearest(S("xy"), shortc, 1), -1);
    /* threshold counts code points, not bytes: 6 letters, 2 edits */
    const char *const sw[] = { "åäöåäö" };
    assert_int_equal(styr_nearest(S("åäöaao"), sw, 1), -1);   /* 3 edits */
    assert_int_equal(styr_nearest(S("åäöåaa"), sw, 1), 0);    /* 2 edits */
}

static void test_nearest_prefix(void **state)
{
    (void)state;
    const char *const c[] = { "Stadsledningskontoret" };
    /* far by distance, but a prefix of at least 3 code points */
    assert_int_equal(styr_nearest(S("Stadsled"), c, 1), 0);
    assert_int_equal(styr_nearest(S("STA"), c, 1), 0);
    assert_int_equal(styr_nearest(S("St"), c, 1), -1);
    /* the other way round: the input is longer than the candidate */
    const char *const d[] = { "Park" };
    assert_int_equal(styr_nearest(S("Park- och naturförvaltningen"), d, 1), 0);
    /* prefix counts code points: "Gö" is only 2 */
    const char *const g[] = { "Göteborg Energi" };
    assert_int_equal(styr_nearest(S("Gö"), g, 1), -1);
    assert_int_equal(styr_nearest(S("Göt"), g, 1), 0);
    /* a name of exactly NEAREST_MAX_BYTES (1024) still gets a suggestion;
     * one byte more is past the bound and gets none */
    static char longname[1026], shorter[1024];
    memset(longname, 'a', 1024);
    memset(shorter, 'a', 1023);
    const char *const l[] = { shorter };
    assert_int_equal(styr_nearest(longname, 1024, l, 1), 0);
    longname[1024] = 'a';
    assert_int_equal(styr_nearest(longname, 1025, l, 1), -1);
}

static void test_nearest_best_and_ties(void **state)
{
    (void)state;
    /* the closest wins, not the first near one */
    const char *const c[] = { "abcdefxy", "abcdefgx", "abcdefgh" };
    assert_int_equal(styr_nearest(S("abcdefgh"), c, 3), 2);
    /* ties go to the earliest */
    const char *const t[] = { "abcdefgx", "abcdefgy" };
    assert_int_equal(styr_nearest(S("abcdefgz"), t, 2), 0);
    /* NULL candidates and an empty list are fine */
    const char *const n[] = { NULL, "Kommunstyrelsen", NULL };
    assert_int_equal(styr_nearest(S("kommunstyrelsn"), n, 3), 1);
    assert_int_equal(styr_nearest(S("kommunstyrelsen"), NULL, 0), -1);
    const char *const e[] = { "", "   " };
    assert_int_equal(styr_nearest(S("a"), e, 2), -1);
}

static void test_nearest_long_inputs(void **state)
{
    (void)state;
    size_t n = 1 << 20;
    char *big = malloc(n + 1);
    assert_non_null(big);
    memset(big, 'K', n);
    big[n] = '\0';
    memcpy(big, "Kommunstyrelsen", 15);
    const char *const c[] = { "Kommunstyrelsen", big };
    clock_t t0 = clock();
    /* over-long strings are never near, and cost little */
    assert_int_equal(styr_nearest(big, n, registry, NREG), -1);
    assert_int_equal(styr_nearest(S("Kommunstyrelsn"), c, 2), 0);
    assert_true((double)(clock() - t0) / CLOCKS_PER_SEC < 5.0);
    free(big);
}

/* NFC before folding: a decomposed name ("o" + U+0308) folds to the key of
 * the precomposed one, so the registry finds it and "did you mean" never
 * offers a name that looks the same. */
static void test_fold_nfc(void **state)
{
    (void)state;
    check_fold(S("Social resursfo\xcc\x88rvaltning"), "social resursf\xc3\xb6rvaltning");
    check_fold(S("GO\xcc\x88" "TEBORG"), "g\xc3\xb6teborg");            /* O + diaeresis, then lower-cased */
    check_fold(S("A\xcc\x8angstro\xcc\x88m"), "\xc3\xa5ngstr\xc3\xb6m"); /* Å and ö */
    check_fold(S("e\xcc\x81"), "\xc3\xa9");                         /* é */
    /* A singleton NFC maps: U+212B ANGSTROM SIGN is U+00C5, folded to å. */
    check_fold(S("\xe2\x84\xab" "ngstr\xc3\xb6m"), "\xc3\xa5ngstr\xc3\xb6m");
    /* Text below U+0300 is NFC already and folds as before. */
    check_fold(S("\xc3\x96STRA G\xc3\x96TEBORG"), "\xc3\xb6stra g\xc3\xb6teborg");
    /* Invalid UTF-8 is folded byte by byte, as before. */
    check_fold(S("o\xcc\x88\xff"), "o\xcc\x88\xff");
    /* Near: NFD and NFC are the same name (distance 0, not a suggestion of itself). */
    const char *cands[] = {"Social resursf\xc3\xb6rvaltning", "Intraservice"};
    assert_int_equal(styr_nearest(S("Social resursfo\xcc\x88rvaltning"), cands, 2), 0);
    assert_int_equal(dist("o\xcc\x88", "\xc3\xb6", 3), 2);   /* unfolded, they differ by two code points */
}

/* A fold that NFC makes longer than the cap stays within it and says how
 * long the whole would be. */
static void test_fold_nfc_cap(void **state)
{
    (void)state;
    char out[4];
    size_t need = styr_fold(S("a\xcc\x88" "bcdef"), out, sizeof out);
    assert_int_equal(need, strlen("\xc3\xa4" "bcdef"));
    assert_string_equal(out, "\xc3\xa4" "b");
}

static void test_display_width(void **state)
{
    (void)state;
    assert_int_equal(styr_display_width(S("abc")), 3);
    assert_int_equal(styr_display_width(S("Omr\xc3\xa5" "de")), 6);               /* Område: 7 bytes, 6 columns */
    assert_int_equal(styr_display_width(S("\xe6\x9d\xb1\xe4\xba\xac")), 4);     /* 東京: wide */
    assert_int_equal(styr_display_width(S("\xf0\x9f\x9a\xb2")), 2);              /* 🚲: emoji */
    assert_int_equal(styr_display_width(S("e\xcc\x81")), 1);                      /* e + combining acute */
    assert_int_equal(styr_display_width(S("a\xff" "b")), 3);                         /* invalid byte: one column */
    assert_int_equal(styr_display_width(S("")), 0);
}

static void test_pad(void **state)
{
    (void)state;
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    assert_non_null(m);
    styr_pad(m, "\xe6\x9d\xb1\xe4\xba\xac", 6);   /* 4 columns + 2 spaces */
    fputc('|', m);
    styr_pad(m, "Omr\xc3\xa5" "de", 8);               /* 6 columns + 2 spaces */
    fputc('|', m);
    styr_pad_left(m, "\xc3\xb6vriga", 7);             /* 1 space + 6 columns */
    fputc('|', m);
    styr_pad(m, "too-wide", 3);                        /* never cut */
    fputc('|', m);
    styr_pad(m, NULL, 2);
    fputc('|', m);
    fclose(m);
    assert_string_equal(buf, "\xe6\x9d\xb1\xe4\xba\xac  |Omr\xc3\xa5" "de  | \xc3\xb6vriga|too-wide|  |");
    free(buf);
}

/* Blank: only spaces, tabs, line breaks and no-break spaces. "à" (C3 A0)
 * ends in the no-break space's second byte and is a letter, not a blank. */
static void test_is_blank(void **state)
{
    (void)state;
    assert_true(styr_is_blank(S("")));
    assert_true(styr_is_blank(S(" \t\r\n")));
    assert_true(styr_is_blank(S("\xC2\xA0 \xC2\xA0")));
    assert_false(styr_is_blank(S("\xC3\xA0")));          /* à */
    assert_false(styr_is_blank(S(" \xC3\xA0 ")));
    assert_false(styr_is_blank(S("\xC2")));              /* a lead byte cut off */
    assert_false(styr_is_blank(S("x")));
}

/* Text cut to a buffer by bytes stays UTF-8: an incomplete character at
 * the end goes, a whole one stays (two-, three- and four-byte ones). */
static void test_utf8_cut_partial(void **state)
{
    (void)state;
    static const struct {
        const char *in, *out;
    } cases[] = {
        {"", ""},          {"abc", "abc"},        {"å", "å"},           {"ab\xc3", "ab"},
        {"\xc3", ""},      {"x\xe2\x80", "x"},    {"x\xe2\x80\xa8", "x\xe2\x80\xa8"},
        {"\xf0\x9f\x98", ""}, {"y\xf0\x9f\x98\x80", "y\xf0\x9f\x98\x80"}, {"åå\xc3", "åå"},
        {"a\x80", "a\x80"},  /* a stray continuation byte is not a cut character: left for the reader's escapes */
        {"z\xe0\xa4", "z"},  /* E0, the first lead of a three-byte character (U+0900 and on), cut after two */
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char b[16];
        snprintf(b, sizeof b, "%s", cases[i].in);
        styr_utf8_cut_partial(b);
        assert_string_equal(b, cases[i].out);
    }
    /* every cut of a Swedish text by styr_utf8_copy is valid UTF-8 and as
     * long as it can be */
    const char *sv = "Kommunstyrelsen ansvarar för åtgärderna i Göteborg";
    for (size_t cap = 1; cap <= strlen(sv) + 1; cap++) {
        char b[64];
        styr_utf8_copy(b, cap, sv);
        assert_true(styr_utf8_valid(b, strlen(b), NULL));
        assert_true(strlen(b) < cap);
        assert_true(strlen(b) + 1 >= cap - 1);   /* at most one character's other byte left unused */
        assert_memory_equal(b, sv, strlen(b));
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_is_blank),
        cmocka_unit_test(test_valid_utf8),
        cmocka_unit_test(test_invalid_utf8),
        cmocka_unit_test(test_utf8_length),
        cmocka_unit_test(test_fold_trim_and_spaces),
        cmocka_unit_test(test_fold_case),
        cmocka_unit_test(test_fold_swedish_names),
        cmocka_unit_test(test_fold_invalid_bytes_copied),
        cmocka_unit_test(test_fold_truncation),
        cmocka_unit_test(test_fold_long_input),
        cmocka_unit_test(test_distance_basics),
        cmocka_unit_test(test_distance_transposition),
        cmocka_unit_test(test_distance_code_points),
        cmocka_unit_test(test_distance_case_sensitive),
        cmocka_unit_test(test_distance_invalid_bytes),
        cmocka_unit_test(test_distance_early_exit),
        cmocka_unit_test(test_distance_matches_reference),
        cmocka_unit_test(test_distance_long_inputs),
        cmocka_unit_test(test_nearest_suggestions),
        cmocka_unit_test(test_nearest_threshold),
        cmocka_unit_test(test_nearest_prefix),
        cmocka_unit_test(test_nearest_best_and_ties),
        cmocka_unit_test(test_nearest_long_inputs),
        cmocka_unit_test(test_fold_nfc),
        cmocka_unit_test(test_fold_nfc_cap),
        cmocka_unit_test(test_display_width),
        cmocka_unit_test(test_pad),
        cmocka_unit_test(test_utf8_cut_partial),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
