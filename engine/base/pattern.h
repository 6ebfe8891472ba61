/* pattern.h - named regular expressions (PCRE2, 8-bit, UTF mode) with
 * bounded matching: a pathological pattern or subject stops at the match
 * limit instead of hanging. The only file that includes pcre2.h is pattern.c. */
#ifndef STYR_PATTERN_H
#define STYR_PATTERN_H

#include <stddef.h>

#include "error.h"

typedef struct styr_pattern styr_pattern;

/* Where a pattern's memory comes from: its compiled code, its match data
 * (the interpreter keeps its backtracking frames there, growing as a match
 * needs) and its JIT stack all come from alloc, which may refuse (NULL): a
 * match then fails with STYR_E_NOMEM. (JIT-compiled machine code comes from
 * PCRE2's own executable-memory allocator, bounded by the pattern's length.)
 * heap_limit_kib caps the frames of one match (0: the default, 64 MiB). */
typedef struct styr_pattern_mem {
    void *(*alloc)(size_t size, void *ud);
    void (*release)(void *ptr, void *ud);
    void *ud;
    unsigned heap_limit_kib;
} styr_pattern_mem;

/* Compiles re (UTF, and JIT where available). On failure returns NULL and
 * err says where in the pattern and why (PCRE2's own words), naming `name`. */
styr_pattern *styr_pattern_compile(const char *name, const char *re, size_t len,
                                   styr_error *err);
/* As styr_pattern_compile, with memory from mem (NULL: malloc). mem must
 * outlive the pattern. */
styr_pattern *styr_pattern_compile_in(const char *name, const char *re, size_t len,
                                      const styr_pattern_mem *mem, styr_error *err);
/* Frees p and everything it owns; NULL is accepted. */
void styr_pattern_free(styr_pattern *p);

/* Number of capture groups. */
int styr_pattern_captures(const styr_pattern *p);

/* The name given at compile time ("(unnamed)" when it was NULL or empty). */
const char *styr_pattern_name(const styr_pattern *p);

typedef struct styr_match {
    size_t start, end;   /* byte offsets of the whole match in the subject */
} styr_match;

/* Matches p against subject[0..len) starting at byte offset `from`.
 * Returns 1 and fills groups[0..ngroups) (group 0 is the whole match; an
 * unset group has start == end == (size_t)-1) when it matches, 0 when it
 * does not, and -1 when matching failed (limit hit, bad UTF-8) with the
 * reason in err. Groups past the pattern's own are set unset. A pattern
 * keeps one reusable match buffer, so do not match the same pattern from two
 * threads at once. */
int styr_pattern_match(const styr_pattern *p, const char *subject, size_t len,
                       size_t from, styr_match *groups, int ngroups,
                       styr_error *err);

/* As styr_pattern_match for a subject already checked as valid UTF-8, with
 * `from` on a character boundary (after a first styr_pattern_match). */
int styr_pattern_match_utf_checked(const styr_pattern *p, const char *subject, size_t len,
                                   size_t from, styr_match *groups, int ngroups,
                                   styr_error *err);

#endif
