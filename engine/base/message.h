/* message.h - filling {name} placeholders of a rule's message template. */
#ifndef STYR_MESSAGE_H
#define STYR_MESSAGE_H

#include <stddef.h>

/* Longest message in bytes; a longer one ends in "…" after this many. */
#define STYR_MESSAGE_MAX 2000

/* Looks a placeholder up: returns its text (and length) or NULL if unknown. */
typedef const char *(*styr_message_lookup)(void *ud, const char *name, size_t *len);

/* Returns a malloc'd copy of tmpl with each {name} replaced by what lookup
 * gives; unknown placeholders stay as written. Longer than STYR_MESSAGE_MAX bytes, it
 * is cut there and ends in an ellipsis. NULL when out of memory. */
char *styr_message_format(const char *tmpl, styr_message_lookup lookup, void *ud);

/* Looks up each placeholder of tmpl as styr_message_format would, building
 * no text (to see that every name has a value). */
void styr_message_scan(const char *tmpl, styr_message_lookup lookup, void *ud);

/* Whether the n bytes at s are a placeholder's name ("owner", "ägare"): a
 * word of letters (ASCII, or two-byte ones such as å), '_' and digits, not
 * starting with a digit, at most 64 bytes. So "{year: 2018}" in a remedy (a
 * YAML example), "{4}" in a pattern and "{...}" are text, not placeholders. */
int styr_message_is_name(const char *s, size_t n);

/* Writes a whole amount with sep between groups of three digits
 * ("1 234 567"), always NUL-terminated within cap. */
void styr_format_thousands(char *buf, size_t cap, double v, const char *sep);

#endif
