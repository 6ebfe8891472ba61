/* yaml_explain.h - YAML mistakes explained to a plan writer.
 *
 * libyaml says "mapping values are not allowed in this context"; a
 * coordinator needs "the title has a colon in it: put the title in quotes".
 * When the loader meets a syntax error it hands the whole input and
 * libyaml's words to styr_yaml_explain, which finds the likely cause (a tab,
 * an unclosed quote, a no-break space or typographic quote pasted from Word,
 * a colon in an unquoted value, indentation that is off), points at the
 * line where the cause stands and says what to do, in Swedish or English.
 * libyaml's own text stays as the message's second line, for experts.
 *
 * Pure text analysis: no libyaml here, so each class is unit-tested alone.
 */
#ifndef STYR_YAML_EXPLAIN_H
#define STYR_YAML_EXPLAIN_H

#include <stddef.h>
#include <stdint.h>

#include "error.h"

/* Language of the explanations: the values of STYR_LANG_SV and STYR_LANG_EN. */
enum { STYR_EXPLAIN_SV = 0, STYR_EXPLAIN_EN = 1 };

/* What libyaml said, and where. */
typedef struct styr_yaml_syntax {
    const char *problem;          /* libyaml's words */
    const char *context;          /* e.g. "while parsing a block mapping", or NULL */
    unsigned line, column;        /* where libyaml stopped (1-based) */
    unsigned context_line, context_column;   /* where the context began; 0 without one */
} styr_yaml_syntax;

/* A character that looks like something else: invisible spaces and
 * typographic quotes, with the lines it stands on. */
#define STYR_ODD_LINES 8
typedef struct styr_odd_char {
    uint32_t cp;                  /* the code point, e.g. 0x00A0 */
    size_t count;                 /* how many times it stands in the text */
    unsigned first_line, first_column;
    unsigned lines[STYR_ODD_LINES];   /* the first distinct lines, ascending */
    size_t nlines;                /* distinct lines in all (may exceed STYR_ODD_LINES) */
    unsigned last_line;           /* the last line it stands on */
} styr_odd_char;

/* The Swedish or English name of an odd character ("hårt mellanslag"), or
 * NULL when cp is not one styr looks for. */
const char *styr_odd_char_name(uint32_t cp, int lang);

/* True for a typographic quote (U+2018, U+2019, U+201A, U+201C, U+201D,
 * U+201E, U+00AB, U+00BB). */
int styr_is_typographic_quote(uint32_t cp);

/* Finds every odd character in text[0, len) (valid UTF-8; a leading BOM is
 * not odd), one entry a code point in order of first appearance. Writes at
 * most cap entries and returns how many distinct code points there are. */
size_t styr_yaml_odd_chars(const char *text, size_t len, styr_odd_char *out, size_t cap);

/* Replaces err's message (and its line and column, to point at the cause)
 * with an explanation of the syntax error s in text[0, len), in lang, and
 * libyaml's own words on a second line. text may be NULL (the input cannot
 * be read again): then only the words change. err->code is kept. */
void styr_yaml_explain(const char *text, size_t len, const styr_yaml_syntax *s, int lang,
                       styr_error *err);

/* For lang Swedish, puts a Swedish sentence before styr's message about
 * input libyaml's reader refused (invalid UTF-8, a control character, a NUL
 * byte; the loader's words in English or Swedish), which stays as the second
 * line; English is left as it is. */
void styr_yaml_explain_reader(int lang, styr_error *err);

#endif
