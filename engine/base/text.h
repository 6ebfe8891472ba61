/* text.h - UTF-8 text helpers: validation, the folding used to match names,
 * and the edit distance behind "did you mean". */
#ifndef STYR_TEXT_H
#define STYR_TEXT_H

#include <stddef.h>
#include <stdio.h>

/* Returns 1 when s[0..len) is valid UTF-8 (no overlongs, no surrogates, no
 * code point above U+10FFFF), else 0 and, if bad_offset is not NULL, the byte
 * offset of the first invalid sequence. */
int styr_utf8_valid(const char *s, size_t len, size_t *bad_offset);

/* Cuts from s a character left incomplete at its end (a snprintf into a
 * fixed buffer cuts by bytes: "…\xC3" of an "å"), so text cut to fit
 * stays UTF-8. */
void styr_utf8_cut_partial(char *s);

/* Copies src into dst[0..cap) (cap > 0), cut at a character's edge when it
 * does not fit. */
void styr_utf8_copy(char *dst, size_t cap, const char *src);

/* Number of code points in valid UTF-8 s[0..len). */
size_t styr_utf8_length(const char *s, size_t len);

/* Folds a name for matching: normalises to NFC (Unicode canonical
 * composition, with utf8proc), trims surrounding white space, collapses inner
 * runs of white space to one space, and lower-cases ASCII, Latin-1 and
 * Latin Extended-A letters (so "  BRG " == "brg", "ÖSTRA" == "östra").
 * Writes at most cap-1 bytes plus NUL into out and returns the length the
 * whole result needs (like snprintf). Invalid UTF-8 bytes are copied as is.
 * White space is ASCII white space, U+0085, U+00A0 and the Unicode space
 * separators; a truncated result never ends inside a code point. */
size_t styr_fold(const char *s, size_t len, char *out, size_t cap);

/* Columns s[0..len) takes in a terminal (utf8proc's character widths): 2
 * for wide East Asian characters and emoji, 0 for combining marks and
 * control characters, 1 for each invalid byte. */
int styr_display_width(const char *s, size_t len);

/* Writes s (NULL: nothing) and pads it with spaces to width display
 * columns; a wider s is written whole. For text tables, where printf's
 * %-*s would count bytes. */
void styr_pad(FILE *out, const char *s, int width);
/* The same, right-aligned: the spaces first. */
void styr_pad_left(FILE *out, const char *s, int width);

/* Levenshtein distance between a and b counted in code points, with an
 * adjacent transposition costing 1 (optimal string alignment). Stops early
 * and returns max+1 once the distance is known to exceed max. Work is
 * O(len * min(2*max+1, shorter len)) and memory O(shorter len); each invalid
 * UTF-8 byte counts as one code point of its own. Returns max+1 when out of
 * memory. */
size_t styr_edit_distance(const char *a, size_t alen, const char *b, size_t blen,
                          size_t max);

/* Picks the candidate nearest to s (both compared folded) for a
 * "did you mean" hint. A candidate is near enough when its distance is at
 * most max(1, len/3) code points of the longer string, or when one folded
 * string is a prefix of the other with at least 3 code points. Returns the
 * index of the best candidate (ties: the earliest), or -1. A prefix match
 * scores its length gap. NULL candidates are skipped; an empty s, and any
 * string whose folded form exceeds 1024 bytes, is never near anything. */
long styr_nearest(const char *s, size_t len, const char *const *candidates,
                  size_t ncandidates);

/* Trims surrounding ASCII white space: sets *len and returns the start. */
const char *styr_trim(const char *s, size_t *len);

/* Whether s[0..len) is nothing but white space (spaces, tabs, line breaks,
 * U+00A0): a text that says nothing, which rules read as absent. */
int styr_is_blank(const char *s, size_t len);

#endif
