/* termsafe.h - text from inputs and rules, written so that a terminal shows
 * it and never obeys it. A value holding ESC, CR, BEL, a line break or a
 * bidirectional override could otherwise erase lines, forge a summary line
 * or reorder what the reader sees. */
#ifndef STYR_TERMSAFE_H
#define STYR_TERMSAFE_H

#include <stddef.h>
#include <stdio.h>

/* Writes s (NULL is "") with every control character shown as an escape:
 * \n, \r, \xNN for the other C0 controls and DEL, \u{NNNN} for C1 controls
 * and the bidirectional embeddings, overrides and isolates (U+202A..U+202E,
 * U+2066..U+2069), \xNN for bytes that are not UTF-8. Tabs stay. Returns the
 * number of bytes written (for padding, which counts bytes like printf's
 * %-*s). */
size_t styr_fput_safe(FILE *out, const char *s);

/* styr_fput_safe without its count: the plain-text escaper for writers that
 * take one as a void (*)(FILE *, const char *) beside Markdown's and HTML's. */
void styr_put_safe(FILE *out, const char *s);

/* Writes the one character at s (which is not at its terminating NUL) as
 * styr_fput_safe would; returns the bytes of s it consumed and adds the bytes
 * written to *shown (if not NULL). For writers with escapes of their own. */
size_t styr_fput_safe_char(FILE *out, const char *s, size_t *shown);

/* The same, then spaces up to width bytes. */
void styr_fput_safe_padded(FILE *out, const char *s, size_t width);

/* As styr_fput_safe, but a line break is kept, and the line after it
 * indented: for the engine's own messages of more than one line (a YAML
 * mistake explained, then libyaml's words). */
size_t styr_fput_safe_lines(FILE *out, const char *s);

/* The length in bytes of the character at s when it is one styr_fput_safe
 * shows as an escape (a control character or a bidirectional embedding,
 * override or isolate), else 0 (also for bytes that are not UTF-8, and at
 * the terminating NUL). For escapers of other formats: HTML shows the same
 * characters as U+FFFD. */
size_t styr_control_at(const char *s);

/* 1 when s holds anything styr_fput_safe would escape. */
int styr_needs_escape(const char *s);

#endif
