/* test_yaml_explain.c - unit tests of engine/yaml_explain.c: the inventory
 * of odd characters and each class of explained YAML mistake, in Swedish
 * and English, without libyaml (the syntax error is given as libyaml would
 * report it). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "yaml_explain.h"

#define S(lit) (lit), (sizeof(lit) - 1)

static styr_error explain(const char *text, size_t len, const char *problem, const char *context, unsigned line,
                          unsigned col, unsigned cline, unsigned ccol, int lang)
{
    styr_error err;
    styr_yaml_syntax s = {problem, context, line, col, cline, ccol};
    styr_error_set(&err, STYR_E_SYNTAX, "plan.yaml", line, col, "%s", problem);
    styr_yaml_explain(text, len, &s, lang, &err);
    assert_int_equal(err.code, STYR_E_SYNTAX);
    return err;
}

static void assert_has(const styr_error *e, const char *want)
{
    if (!strstr(e->message, want))
        fail_msg("'%s' not in '%s'", want, e->message);
}

/* ---- inventory ---- */

static void test_odd_chars_every_line(void **state)
{
    (void)state;
    /* U+00A0 on lines 1, 3 (twice), 4; U+201D on 2; a leading BOM is not odd */
    const char text[] = "\xef\xbb\xbf" "a:\xc2\xa0" "1\nb: \xe2\x80\x9dx\xe2\x80\x9d\nc: \xc2\xa0\xc2\xa0\r\nd: \xc2\xa0\n";
    styr_odd_char odd[4];
    size_t n = styr_yaml_odd_chars(S(text), odd, 4);
    assert_int_equal(n, 2);
    assert_int_equal(odd[0].cp, 0xA0);
    assert_int_equal(odd[0].count, 4);
    assert_int_equal(odd[0].nlines, 3);
    assert_int_equal(odd[0].lines[0], 1);
    assert_int_equal(odd[0].lines[1], 3);
    assert_int_equal(odd[0].lines[2], 4);
    assert_int_equal(odd[0].first_line, 1);
    assert_int_equal(odd[0].first_column, 3);   /* columns in characters, BOM not counted */
    assert_int_equal(odd[1].cp, 0x201D);
    assert_int_equal(odd[1].count, 2);
    assert_int_equal(odd[1].nlines, 1);
    assert_int_equal(odd[1].first_column, 4);
}

/* Line numbers count "\r\n" as one line end and "\n\n" as two. */
static void test_odd_chars_line_ends(void **state)
{
    (void)state;
    const char text[] = "a: 1\n\nb: 2\r\n\r\nc: \xc2\xa0\n\n\nd: \xc2\xa0\r\re: \xc2\xa0\n";
    styr_odd_char odd[1];
    assert_int_equal(styr_yaml_odd_chars(S(text), odd, 1), 1);
    assert_int_equal(odd[0].count, 3);
    assert_int_equal(odd[0].nlines, 3);
    assert_int_equal(odd[0].lines[0], 5);
    assert_int_equal(odd[0].lines[1], 8);
    assert_int_equal(odd[0].lines[2], 10);
    /* a "\r\n" at the very start is one line end too */
    const char first[] = "\r\na: \xc2\xa0\n";
    assert_int_equal(styr_yaml_odd_chars(S(first), odd, 1), 1);
    assert_int_equal(odd[0].lines[0], 2);
}

static void test_odd_chars_bounds(void **state)
{
    (void)state;
    /* more lines than are kept, more code points than cap: counted, not written */
    char text[2000];
    size_t len = 0;
    for (int i = 0; i < 20; i++)
        len += (size_t)snprintf(text + len, sizeof text - len, "k%d: \xe2\x80\x8b\n", i);
    len += (size_t)snprintf(text + len, sizeof text - len, "x: \xe2\x80\x9c\xc2\xad\n");
    styr_odd_char odd[2], guard;
    memset(&odd[1], 0x5A, sizeof odd[1]);   /* past cap: must stay as it is */
    memcpy(&guard, &odd[1], sizeof guard);
    size_t n = styr_yaml_odd_chars(text, len, odd, 1);
    assert_int_equal(n, 3);
    assert_memory_equal(&odd[1], &guard, sizeof guard);
    assert_int_equal(odd[0].cp, 0x200B);
    assert_int_equal(odd[0].nlines, 20);
    assert_int_equal(odd[0].lines[STYR_ODD_LINES - 1], STYR_ODD_LINES);
    assert_int_equal(odd[0].last_line, 20);
    /* ordinary text and invalid UTF-8 hold nothing odd */
    assert_int_equal(styr_yaml_odd_chars(S("a: Göteborg \xff\xc3\n"), odd, 1), 0);
    assert_int_equal(styr_yaml_odd_chars(S(""), odd, 1), 0);
    /* an invalid byte is one byte long: the hard space right after it is seen */
    assert_int_equal(styr_yaml_odd_chars(S("a: \xe9\xc2\xa0 b\n"), odd, 1), 1);
    assert_int_equal(odd[0].cp, 0xA0);
    assert_int_equal(odd[0].first_column, 5);
    /* a character that ends the text is read whole (two and three bytes) */
    assert_int_equal(styr_yaml_odd_chars(S("a: x\xc2\xa0"), odd, 1), 1);
    assert_int_equal(odd[0].cp, 0xA0);
    assert_int_equal(odd[0].first_column, 5);
    assert_int_equal(styr_yaml_odd_chars(S("a: vi s\xc3\xa0"), odd, 1), 0);   /* à's second byte is no U+00A0 */
    /* nor is an emoji's last byte (U+1F620 ends in 0xA0), nor after it a column off */
    assert_int_equal(styr_yaml_odd_chars(S("a: arg \xf0\x9f\x98\xa0"), odd, 1), 0);
    assert_int_equal(styr_yaml_odd_chars(S("a: \xf0\x9f\x98\xa0\xc2\xa0"), odd, 1), 1);
    assert_int_equal(odd[0].first_column, 5);
    /* a file that is only a byte order mark holds nothing odd either */
    assert_int_equal(styr_yaml_odd_chars(S("\xef\xbb\xbf"), odd, 1), 0);
    assert_int_equal(styr_yaml_odd_chars(S("a: x\xe2\x80\x8b"), odd, 1), 1);
    assert_int_equal(odd[0].cp, 0x200B);
    assert_int_equal(odd[0].first_column, 5);
    /* a byte order mark inside the text is odd: its middle byte (0xBB)
     * carries bits of the code point, unlike the 0x80 of U+200B */
    assert_int_equal(styr_yaml_odd_chars(S("a: x\xef\xbb\xbfy\n"), odd, 1), 1);
    assert_int_equal(odd[0].cp, 0xFEFF);
    assert_int_equal(odd[0].first_column, 5);
}

static void test_names(void **state)
{
    (void)state;
    assert_string_equal(styr_odd_char_name(0xA0, STYR_EXPLAIN_SV), "hårt mellanslag");
    assert_string_equal(styr_odd_char_name(0xA0, STYR_EXPLAIN_EN), "no-break space");
    assert_null(styr_odd_char_name('a', STYR_EXPLAIN_EN));
    assert_true(styr_is_typographic_quote(0x201C));
    assert_true(styr_is_typographic_quote(0x2019));
    assert_false(styr_is_typographic_quote(0xA0));
    assert_false(styr_is_typographic_quote('"'));
}

/* ---- classes ---- */

static void test_colon_in_title(void **state)
{
    (void)state;
    const char t[] = "actions:\n  - id: \"1\"\n    title: Mål: bättre liv\n";
    styr_error e = explain(S(t), "mapping values are not allowed in this context", NULL, 3, 15, 0, 0, STYR_EXPLAIN_SV);
    assert_int_equal(e.line, 3);
    assert_int_equal(e.column, 15);
    assert_has(&e, "Sätt rubriken inom citattecken: title: \"Mål: bättre liv\".");
    assert_has(&e, "\n  libyaml: mapping values are not allowed in this context, at line 3, column 15");
    e = explain(S(t), "mapping values are not allowed in this context", NULL, 3, 15, 0, 0, STYR_EXPLAIN_EN);
    assert_has(&e, "Put the title in quotes: title: \"Mål: bättre liv\".");
    /* a value with a double quote in it gets the advice without a rewrite that would be wrong */
    const char q[] = "a: say \"x\": y\n";
    e = explain(S(q), "mapping values are not allowed in this context", NULL, 1, 11, 0, 0, STYR_EXPLAIN_EN);
    assert_has(&e, "Put the value in quotes.");
    /* a quoted key is read past its closing quote, to the colon right after it */
    const char qk[] = "\"title\": Mål: bättre liv\n";
    e = explain(S(qk), "mapping values are not allowed in this context", NULL, 1, 13, 0, 0, STYR_EXPLAIN_EN);
    assert_has(&e, "Put the value in quotes: \"title\": \"Mål: bättre liv\".");
    /* a colon inside a quoted key is the key's own */
    const char ck[] = "\"a: b\": c: d\n";
    e = explain(S(ck), "mapping values are not allowed in this context", NULL, 1, 11, 0, 0, STYR_EXPLAIN_EN);
    assert_has(&e, "Put the value in quotes: \"a: b\": \"c: d\".");
    /* a comment after the value is left out of the rewrite; a '#' inside a
     * word is the value's own */
    const char cm[] = "    title: Mål: plan#2 # utkast\n";
    e = explain(S(cm), "mapping values are not allowed in this context", NULL, 1, 15, 0, 0, STYR_EXPLAIN_EN);
    assert_has(&e, "Put the title in quotes: title: \"Mål: plan#2\".");
    /* a line with no key before the colon (it is in a comment) gets no advice about one */
    const char nokey[] = "- a # b: c\n";
    e = explain(S(nokey), "mapping values are not allowed in this context", NULL, 1, 8, 0, 0, STYR_EXPLAIN_EN);
    assert_null(strstr(e.message, "quotes"));
    /* only the key 'title' gets the title's advice, not any key of five letters */
    const char own[] = "owner: Mål: x\n";
    e = explain(S(own), "mapping values are not allowed in this context", NULL, 1, 11, 0, 0, STYR_EXPLAIN_EN);
    assert_has(&e, "The value of 'owner' on line 1 has a colon");
    assert_has(&e, "Put the value in quotes: owner: \"Mål: x\".");
    /* a quoted key ending in an escaped backslash ends at the quote after it */
    const char bs[] = "\"x\\\\\": a: b\n";
    e = explain(S(bs), "mapping values are not allowed in this context", NULL, 1, 10, 0, 0, STYR_EXPLAIN_EN);
    assert_has(&e, "Put the value in quotes: \"x\\\\\": \"a: b\".");
    /* blanks after the value, and a tab after the key's colon, are not part
     * of the value that goes in quotes */
    const char tr[] = "a: b: c  \t \n";
    e = explain(S(tr), "mapping values are not allowed in this context", NULL, 1, 5, 0, 0, STYR_EXPLAIN_EN);
    assert_has(&e, "Put the value in quotes: a: \"b: c\".");
    const char tab[] = "a:\tb: c\n";
    e = explain(S(tab), "mapping values are not allowed in this context", NULL, 1, 5, 0, 0, STYR_EXPLAIN_EN);
    assert_has(&e, "Put the value in quotes: a: \"b: c\".");
    /* a value that is the colon alone is one character, and still rewritten */
    const char one[] = "namn: : \n";
    e = explain(S(one), "mapping values are not allowed in this context", NULL, 1, 7, 0, 0, STYR_EXPLAIN_EN);
    assert_has(&e, "Put the value in quotes: namn: \":\".");
    /* a comment mark as the line's last character is a comment too */
    const char hs[] = "a: b: c #\n";
    e = explain(S(hs), "mapping values are not allowed in this context", NULL, 1, 5, 0, 0, STYR_EXPLAIN_EN);
    assert_has(&e, "Put the value in quotes: a: \"b: c\".");
    /* a single-quoted key ending in a doubled quote ('') ends at the quote after it */
    const char sq[] = "'a''': b: c\n";
    e = explain(S(sq), "mapping values are not allowed in this context", NULL, 1, 9, 0, 0, STYR_EXPLAIN_EN);
    assert_has(&e, "Put the value in quotes: 'a''': \"b: c\".");
}

/* Two lines at the same indentation that libyaml will not take as one level
 * (as it reports them): a list item under keys, or neither an item. */
static void test_same_indent(void **state)
{
    (void)state;
    /* a lone '-' at the end of its line is a list item too */
    const char dash[] = "a:\n  b: 1\n  -\n";
    styr_error e = explain(S(dash), "did not find expected key", "while parsing a block mapping", 3, 3, 2, 3,
                           STYR_EXPLAIN_EN);
    assert_int_equal(e.line, 3);
    assert_has(&e, "Line 3 does not fit where it stands: it has the indentation of line 2, but one of them is a "
                   "list item ('- ') and the other is not.");
    /* neither is an item (text after a closed quote): no word of list items */
    const char quote[] = "a: 1\nb: \"y\" z\n";
    e = explain(S(quote), "did not find expected key", "while parsing a block mapping", 2, 8, 1, 1, STYR_EXPLAIN_SV);
    assert_int_equal(e.line, 2);
    assert_has(&e, "Rad 2 passar inte in där den står: kontrollera indraget på den och raderna ovanför.");
    if (strstr(e.message, "listelement"))
        fail_msg("'%s' speaks of list items", e.message);
}

static void test_tab(void **state)
{
    (void)state;
    const char t[] = "a:\n\t- x\nb:\n\t- y\n\t- z\n";
    styr_error e = explain(S(t), "found character that cannot start any token", "while scanning for the next token",
                           2, 1, 2, 1, STYR_EXPLAIN_EN);
    assert_int_equal(e.line, 2);
    assert_int_equal(e.column, 1);
    assert_has(&e, "Line 2 is indented with a tab");
    assert_has(&e, "also stand on lines 4, 5.");
    /* ten lines with a tab: the error's, eight listed, and one more line */
    const char ten[] = "a:\n\t- 1\n\t- 2\n\t- 3\n\t- 4\n\t- 5\n\t- 6\n\t- 7\n\t- 8\n\t- 9\n\t- 10\n";
    e = explain(S(ten), "found character that cannot start any token", "while scanning for the next token", 2, 1, 2, 1,
                STYR_EXPLAIN_EN);
    assert_has(&e, "also stand on lines 3, 4, 5, 6, 7, 8, 9, 10 and 1 more line.");
    e = explain(S(ten), "found character that cannot start any token", "while scanning for the next token", 2, 1, 2, 1,
                STYR_EXPLAIN_SV);
    assert_has(&e, "står också på rad 3, 4, 5, 6, 7, 8, 9, 10 och 1 rad till.");
    /* a tab inside a line, not in its indentation */
    const char u[] = "a: [1,\t\n";
    e = explain(S(u), "found character that cannot start any token", NULL, 1, 7, 0, 0, STYR_EXPLAIN_SV);
    assert_has(&e, "Rad 1 har en tabb i kolumn 7");
    /* a tab inside another line's text is no indentation: not listed */
    const char w[] = "a:\n\t- x\nbc\td\n";
    e = explain(S(w), "found character that cannot start any token", "while scanning for the next token",
                2, 1, 2, 1, STYR_EXPLAIN_EN);
    assert_has(&e, "Line 2 is indented with a tab");
    if (strstr(e.message, "also"))
        fail_msg("'%s' lists a tab that is not indentation", e.message);
    /* spaces then a tab before the first character: still the indentation */
    const char v[] = "a:\n  \t- x\n";
    e = explain(S(v), "found character that cannot start any token", "while scanning for the next token",
                2, 3, 2, 3, STYR_EXPLAIN_EN);
    assert_has(&e, "Line 2 is indented with a tab");
    /* the error placed past the tab (at the x): the tab in the indentation is found */
    e = explain(S(v), "found character that cannot start any token", "while scanning for the next token",
                2, 6, 2, 6, STYR_EXPLAIN_EN);
    assert_has(&e, "Line 2 is indented with a tab");
    assert_int_equal(e.column, 3);
}

static void test_unclosed_quote(void **state)
{
    (void)state;
    const char t[] = "- id: \"1\"\n  title: 'Lisa''s plan\n  owner: x\n- id: \"2\"\n";
    styr_error e = explain(S(t), "did not find expected key", "while parsing a block mapping", 4, 8, 1, 3,
                           STYR_EXPLAIN_SV);
    assert_int_equal(e.line, 2);
    assert_int_equal(e.column, 10);
    assert_has(&e, "Citattecknet ' som börjar värdet på rad 2, kolumn 10 avslutas aldrig");
    /* a value that ends in an escaped quote (\") is not closed by it */
    const char esc[] = "kind: action-plan\nversion: 1\nactions:\n  - id: \"1\"\n    title: \"Lisa \\\"\n"
                       "    owner: x\n  - id: \"2\"\n";
    e = explain(S(esc), "did not find expected key", "while parsing a block mapping", 7, 10, 4, 5,
                STYR_EXPLAIN_SV);
    assert_has(&e, "Citattecknet \" som börjar värdet på rad 5, kolumn 12 avslutas aldrig");
    /* nor one that ends in a doubled single quote ('' is a quote in the text) */
    const char dbl[] = "kind: action-plan\nversion: 1\nactions:\n  - id: '1'\n    title: 'Lisa''\n"
                       "    owner: x\n  - id: '2'\n";
    e = explain(S(dbl), "did not find expected key", "while parsing a block mapping", 7, 10, 4, 5,
                STYR_EXPLAIN_SV);
    assert_has(&e, "Citattecknet ' som börjar värdet på rad 5, kolumn 12 avslutas aldrig");
    /* libyaml's column counts characters: the quote after 'mål' is column 6, byte 7 */
    const char sv[] = "kind: action-plan\nm\xc3\xa5l: 'öppen text\n";
    e = explain(S(sv), "found unexpected end of stream", "while scanning a quoted scalar", 3, 1, 2, 6,
                STYR_EXPLAIN_SV);
    assert_has(&e, "Citattecknet ' som börjar värdet på rad 2, kolumn 6 avslutas aldrig");
    assert_has(&e, "Sätt ett avslutande ' i slutet av värdet på rad 2.");
    /* quotes closed on their lines, with escapes and doubled quotes, are not blamed */
    const char ok[] = "a: \"x \\\" y\"\nb: 'it''s'\nc: [\"p\", 'q']\nd: e f g\n";
    e = explain(S(ok), "did not find expected key", "while parsing a block mapping", 4, 1, 1, 1, STYR_EXPLAIN_EN);
    assert_null(strstr(e.message, "quote"));
    /* in a flow list, the quote after a closed one and a comma is found */
    const char fl[] = "a: ['x','y\nb: 2\n";
    e = explain(S(fl), "did not find expected ',' or ']'", "while parsing a flow sequence", 2, 1, 1, 4,
                STYR_EXPLAIN_EN);
    assert_int_equal(e.line, 1);
    assert_int_equal(e.column, 9);
    /* with no context line, the search starts 20 lines above the error:
     * an error on line 20 still looks from line 1 */
    const char twenty[] = "a: 'open\nb: 1\nb: 1\nb: 1\nb: 1\nb: 1\nb: 1\nb: 1\nb: 1\nb: 1\n"
                       "b: 1\nb: 1\nb: 1\nb: 1\nb: 1\nb: 1\nb: 1\nb: 1\nb: 1\nb: 1\n";
    e = explain(S(twenty), "did not find expected key", "while parsing a block mapping", 20, 1, 0, 0,
                STYR_EXPLAIN_EN);
    assert_int_equal(e.line, 1);
    assert_int_equal(e.column, 4);
    /* CR LF is one line break: the quote is on line 2, not 3 */
    const char crlf[] = "a: 1\r\nb: 'open\r\nc: 1\r\n";
    e = explain(S(crlf), "did not find expected key", "while parsing a block mapping", 3, 1, 0, 0, STYR_EXPLAIN_EN);
    assert_int_equal(e.line, 2);
    assert_int_equal(e.column, 4);
    /* a colon and a quote inside a comment are not a key and its value */
    const char c[] = "- f # see: \"g\n- h\n";
    e = explain(S(c), "did not find expected '-' indicator", "while parsing a block collection", 2, 1, 1, 1,
                STYR_EXPLAIN_EN);
    assert_null(strstr(e.message, "quote"));
    /* nor a quote that opens a list inside a comment ("# ['g"), where a
     * quote after '[' would start a value outside one */
    const char c2[] = "- f # ['g\n- h\n";
    e = explain(S(c2), "did not find expected '-' indicator", "while parsing a block collection", 2, 1, 1, 1,
                STYR_EXPLAIN_EN);
    assert_null(strstr(e.message, "quote"));
    /* a key whose colon ends its line holds its quote inside a plain
     * scalar ('a, "b' is the key): no value is opened there */
    const char k[] = "a, \"b:\n  x: 1\n y: 2\n";
    e = explain(S(k), "did not find expected key", "while parsing a block mapping", 3, 2, 1, 1, STYR_EXPLAIN_EN);
    assert_null(strstr(e.message, "never closed"));
    /* a quoted scalar's start past its line's end (a column libyaml would
     * not give, but the text may have changed since) names the double quote */
    const char far[] = "kind: action-plan\nm: 'x\n";
    e = explain(S(far), "found unexpected end of stream", "while scanning a quoted scalar", 3, 1, 2, 60,
                STYR_EXPLAIN_EN);
    assert_has(&e, "The quote \" that opens the value on line 2, column 60 is never closed");
    /* a quote closed at the very end of the text is closed, whatever byte
     * follows the text in memory (here a quote that would double it) */
    char end[32] = "a: 1\nb: 'x''";
    e = explain(end, strlen(end) - 1, "did not find expected key", "while parsing a block mapping", 2, 1, 1, 1,
                STYR_EXPLAIN_EN);
    assert_null(strstr(e.message, "quote"));
}

static void test_invisible_near_error(void **state)
{
    (void)state;
    /* on exactly as many lines as are listed (STYR_ODD_LINES, 8): all of
     * them, and no "and 0 more lines" */
    char eight[200];
    size_t n8 = 0;
    for (int i = 1; i <= STYR_ODD_LINES; i++)
        n8 += (size_t)snprintf(eight + n8, sizeof eight - n8, "k%d:\xc2\xa0%d\n", i, i);
    n8 += (size_t)snprintf(eight + n8, sizeof eight - n8, "z: 9\n");
    styr_error e8 = explain(eight, n8, "could not find expected ':'", "while scanning a simple key", 9, 1, 8, 1,
                            STYR_EXPLAIN_EN);
    assert_has(&e8, "U+00A0 (no-break space) on lines 1, 2, 3, 4, 5, 6, 7, 8.");
    /* on one line more: the eight listed, then how many more */
    char nine[200];
    size_t n9 = 0;
    for (int i = 1; i <= STYR_ODD_LINES + 1; i++)
        n9 += (size_t)snprintf(nine + n9, sizeof nine - n9, "k%d:\xc2\xa0%d\n", i, i);
    n9 += (size_t)snprintf(nine + n9, sizeof nine - n9, "z: 9\n");
    styr_error e9 = explain(nine, n9, "could not find expected ':'", "while scanning a simple key", 10, 1, 9, 1,
                            STYR_EXPLAIN_EN);
    assert_has(&e9, "U+00A0 (no-break space) on lines 1, 2, 3, 4, 5, 6, 7, 8 and 1 more line.");
    e9 = explain(nine, n9, "could not find expected ':'", "while scanning a simple key", 10, 1, 9, 1, STYR_EXPLAIN_SV);
    assert_has(&e9, "U+00A0 (hårt mellanslag) på rad 1, 2, 3, 4, 5, 6, 7, 8 och 1 rad till.");
    /* on two lines more: the count, plural in both languages */
    char ten[220];
    size_t n10 = 0;
    for (int i = 1; i <= STYR_ODD_LINES + 2; i++)
        n10 += (size_t)snprintf(ten + n10, sizeof ten - n10, "k%d:\xc2\xa0%d\n", i, i);
    n10 += (size_t)snprintf(ten + n10, sizeof ten - n10, "z: 9\n");
    styr_error e10 = explain(ten, n10, "could not find expected ':'", "while scanning a simple key", 11, 1, 10, 1,
                             STYR_EXPLAIN_EN);
    assert_has(&e10, "U+00A0 (no-break space) on lines 1, 2, 3, 4, 5, 6, 7, 8 and 2 more lines.");
    e10 = explain(ten, n10, "could not find expected ':'", "while scanning a simple key", 11, 1, 10, 1, STYR_EXPLAIN_SV);
    assert_has(&e10, "U+00A0 (hårt mellanslag) på rad 1, 2, 3, 4, 5, 6, 7, 8 och 2 rader till.");
    /* the no-break space two lines above is named with the one on the error's
     * line, and the error points at the one nearest the error */
    const char t[] = "a:\xc2\xa0" "1\nb: 2\nc:\xc2\xa0" "3\nd: 4\n";
    styr_error e = explain(S(t), "could not find expected ':'", "while scanning a simple key", 4, 1, 3, 1,
                           STYR_EXPLAIN_EN);
    assert_int_equal(e.line, 3);
    assert_int_equal(e.column, 3);
    assert_has(&e, "U+00A0 (no-break space) on lines 1, 3.");
    /* only no-break spaces: nothing said of quotes */
    if (strstr(e.message, "quotes"))
        fail_msg("'%s' speaks of quotes", e.message);
    /* an odd character far from the error is only mentioned, after the cause */
    const char far[] = "a: \xe2\x80\x9cx\xe2\x80\x9d\nb: 1\nc: 2\nd:\n\t- x\n";
    e = explain(S(far), "found character that cannot start any token", NULL, 5, 1, 0, 0, STYR_EXPLAIN_SV);
    assert_has(&e, "Rad 5 är indragen med en tabb");
    assert_has(&e, "Filen innehåller också tecken som ser ut som vanliga men inte är det: U+201C");
    /* invisible characters and typographic quotes: one sentence says both */
    const char both[] = "a: \xe2\x80\x8bx \xe2\x80\x9cy\xe2\x80\x9d\nb: 1\nc: 2\nd:\n\t- x\n";
    e = explain(S(both), "found character that cannot start any token", NULL, 5, 1, 0, 0, STYR_EXPLAIN_EN);
    assert_has(&e, ". Delete the invisible characters and replace the typographic quotes with straight ones (\" or ').");
    e = explain(S(both), "found character that cannot start any token", NULL, 5, 1, 0, 0, STYR_EXPLAIN_SV);
    assert_has(&e, ". Ta bort de osynliga tecknen och byt de typografiska citattecknen mot raka (\" eller ').");
    /* bytes that are no character are no odd character either: a stray
     * continuation byte followed by three more is not a 4-byte U+200B */
    styr_odd_char odd[2];
    assert_int_equal(styr_yaml_odd_chars(S("a: \x80\x82\x80\x8b\n"), odd, 2), 0);
}

static void test_indentation(void **state)
{
    (void)state;
    /* no line with content above (only a comment): nothing to compare with */
    const char lone[] = "# note\n  b: 2\n";
    styr_error l = explain(S(lone), "did not find expected key", "while parsing a block mapping", 2, 3, 1, 1,
                           STYR_EXPLAIN_EN);
    assert_string_equal(l.message, "Line 2 does not fit where it stands: check its indentation.\n  libyaml: did not find "
                                   "expected key while parsing a block mapping (started at line 1, column 1), at line 2, "
                                   "column 3");
    const char t[] = "top:\n  a: 1\n\n  # note\n b: 2\n";
    styr_error e = explain(S(t), "did not find expected key", "while parsing a block mapping", 5, 2, 1, 1,
                           STYR_EXPLAIN_EN);
    assert_int_equal(e.line, 5);
    assert_int_equal(e.column, 2);
    /* blank and comment lines are skipped to find the line above */
    assert_has(&e, "it starts in column 2, the line above (line 2) in column 3");
    const char stray[] = "a: 1\nplain words\nb: 2\n";
    e = explain(S(stray), "could not find expected ':'", "while scanning a simple key", 3, 1, 2, 1, STYR_EXPLAIN_SV);
    assert_int_equal(e.line, 2);
    assert_has(&e, "Rad 2 är varken 'nyckel: värde'");
}

/* A line past the end of the text (the text is a slice of a larger buffer
 * here, so nothing past it is read by chance) is no line: the file ends in
 * the middle of a structure. */
static void test_line_past_the_end(void **state)
{
    (void)state;
    char buf[64] = "top:\n  a: 1\n";
    styr_error e = explain(buf, strlen(buf), "did not find expected key", "while parsing a block mapping", 5, 1, 1, 1,
                           STYR_EXPLAIN_EN);
    assert_int_equal(e.line, 5);
    assert_int_equal(e.column, 1);
    assert_has(&e, "The YAML file ends in the middle of a structure: check its last lines.");
}

static void test_without_text_and_unknown(void **state)
{
    (void)state;
    /* a pipe cannot be read again: the words change, the position stays */
    styr_error e = explain(NULL, 0, "did not find expected key", "while parsing a block mapping", 7, 3, 1, 1,
                           STYR_EXPLAIN_EN);
    assert_int_equal(e.line, 7);
    assert_int_equal(e.column, 3);
    assert_has(&e, "The YAML file cannot be read at line 7, column 3.");
    assert_has(&e, "libyaml: did not find expected key while parsing a block mapping (started at line 1, column 1)");
    const char t[] = "a: 1\n@x\n";
    e = explain(S(t), "found character that cannot start any token", NULL, 2, 1, 0, 0, STYR_EXPLAIN_SV);
    assert_has(&e, "YAML-filen kan inte läsas vid rad 2, kolumn 1.");
}

static void test_message_bounded(void **state)
{
    (void)state;
    /* every odd character on many lines, and a very long value: the message
     * stays within its buffer and keeps libyaml's line at the end */
    size_t cap = 200000, len = 0;
    char *t = malloc(cap);
    assert_non_null(t);
    for (int i = 0; i < 1000; i++)
        len += (size_t)snprintf(t + len, cap - len,
                                "k%d: \xc2\xa0\xe2\x80\x87\xe2\x80\x89\xe2\x80\xaf\xe3\x80\x80\xe2\x80\x8b\xe2\x80\x8c"
                                "\xe2\x80\x8d\xe2\x81\xa0\xef\xbb\xbf\xc2\xad\xe2\x80\x9c\xe2\x80\x9d\xe2\x80\x9e"
                                "\xe2\x80\x98\xe2\x80\x99\xe2\x80\x9a\xc2\xab\xc2\xbb\n", i);
    styr_error e = explain(t, len, "mapping values are not allowed in this context", NULL, 1000, 5, 0, 0,
                           STYR_EXPLAIN_SV);
    assert_true(strlen(e.message) < sizeof e.message);
    assert_non_null(strstr(e.message, "\n  libyaml: mapping values are not allowed in this context, at line 1000"));
    free(t);
}

static void test_reader_errors(void **state)
{
    (void)state;
    styr_error e;
    styr_error_set(&e, STYR_E_SYNTAX, "p.yaml", 2, 9, "invalid UTF-8: byte 0xF6 cannot start a character");
    styr_yaml_explain_reader(STYR_EXPLAIN_SV, &e);
    assert_has(&e, "Filen är inte sparad som UTF-8");
    assert_has(&e, "\n  (invalid UTF-8: byte 0xF6 cannot start a character)");
    assert_int_equal(e.line, 2);
    styr_error_set(&e, STYR_E_SYNTAX, "p.yaml", 1, 1, "control character (NUL byte) in the input");
    styr_yaml_explain_reader(STYR_EXPLAIN_SV, &e);
    assert_has(&e, "NUL-tecken");
    styr_error_set(&e, STYR_E_SYNTAX, "p.yaml", 1, 4, "control character U+0007 is not allowed in YAML");
    styr_yaml_explain_reader(STYR_EXPLAIN_SV, &e);
    assert_has(&e, "styrtecken");
    /* a character that is no control character but still refused (U+FFFE) */
    styr_error_set(&e, STYR_E_SYNTAX, "p.yaml", 1, 4, "character U+FFFE is not allowed in YAML");
    styr_yaml_explain_reader(STYR_EXPLAIN_SV, &e);
    assert_has(&e, "osynligt styrtecken som YAML inte tillåter");
    /* The loader's own Swedish words (its default): a NUL byte is a NUL
     * byte, not "not saved as UTF-8", though the message names UTF-16 */
    styr_error_set(&e, STYR_E_SYNTAX, "p.yaml", 4, 1,
                   "styrtecken (NUL-byte) i filen; är det en binärfil eller en UTF-16-fil?");
    styr_yaml_explain_reader(STYR_EXPLAIN_SV, &e);
    assert_has(&e, "Filen innehåller NUL-tecken");
    assert_null(strstr(e.message, "inte sparad som UTF-8"));
    assert_has(&e, "\n  (styrtecken (NUL-byte) i filen; är det en binärfil eller en UTF-16-fil?)");
    styr_error_set(&e, STYR_E_SYNTAX, "p.yaml", 1, 4, "styrtecknet U+0007 är inte tillåtet i YAML");
    styr_yaml_explain_reader(STYR_EXPLAIN_SV, &e);
    assert_has(&e, "Filen innehåller ett osynligt styrtecken");
    assert_has(&e, "\n  (styrtecknet U+0007 är inte tillåtet i YAML)");
    styr_error_set(&e, STYR_E_SYNTAX, "p.yaml", 1, 4, "ogiltig UTF-8: byten 0xF6 kan inte inleda ett tecken");
    styr_yaml_explain_reader(STYR_EXPLAIN_SV, &e);
    assert_has(&e, "Filen är inte sparad som UTF-8");
    /* a syntax error the reader did not give is not touched */
    styr_error_set(&e, STYR_E_SYNTAX, "p.yaml", 1, 4, "nyckeln 'a' finns två gånger");
    styr_yaml_explain_reader(STYR_EXPLAIN_SV, &e);
    assert_string_equal(e.message, "nyckeln 'a' finns två gånger");
    /* English stays as written; other errors are not touched */
    styr_error_set(&e, STYR_E_SYNTAX, "p.yaml", 1, 4, "invalid UTF-8: overlong");
    styr_yaml_explain_reader(STYR_EXPLAIN_EN, &e);
    assert_string_equal(e.message, "invalid UTF-8: overlong");
    styr_error_set(&e, STYR_E_IO, "p.yaml", 0, 0, "cannot read: No such file");
    styr_yaml_explain_reader(STYR_EXPLAIN_SV, &e);
    assert_string_equal(e.message, "cannot read: No such file");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_odd_chars_every_line),
        cmocka_unit_test(test_odd_chars_line_ends),
        cmocka_unit_test(test_odd_chars_bounds),
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_colon_in_title),
        cmocka_unit_test(test_same_indent),
        cmocka_unit_test(test_tab),
        cmocka_unit_test(test_unclosed_quote),
        cmocka_unit_test(test_invisible_near_error),
        cmocka_unit_test(test_indentation), cmocka_unit_test(test_line_past_the_end),
        cmocka_unit_test(test_without_text_and_unknown),
        cmocka_unit_test(test_message_bounded),
        cmocka_unit_test(test_reader_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
