/* rule_text.h - a rule's message template turned into the other shapes
 * reports need: a plain sentence without placeholders (a SARIF rule's
 * shortDescription, a heading), and a SARIF message string with numbered
 * placeholders ({0}, {1}, ...; SARIF 2.1.0 section 3.11.5). */
#ifndef STYR_RULE_TEXT_H
#define STYR_RULE_TEXT_H

#include <stddef.h>

/* Upper bound of distinct placeholders styr_template_positional numbers. */
#define STYR_TEMPLATE_MAX_ARGS 32

/* A placeholder is {name} with name an identifier ([A-Za-z_][A-Za-z0-9_]*,
 * at most 64 bytes), as styr_message_format fills it; any other brace is
 * literal text (e.g. "{from: YYYY, to: YYYY}" in an example).
 *
 * styr_template_plain: the template read as a sentence about any case. A
 * placeholder glued to the word before it (a suffix such as "{hint}" in
 * "registry{hint}") is dropped; any other is replaced by "…". Runs of white
 * space left behind collapse. Returns a malloc'd string, or NULL when out
 * of memory. */
char *styr_template_plain(const char *tmpl);

/* styr_template_positional: the template with each placeholder replaced by
 * its number in order of first appearance ({action} ... {owner} ...
 * {action} -> {0} ... {1} ... {0}) and every literal brace doubled ("{{",
 * "}}"), as a SARIF message string needs. names[] receives pointers into
 * tmpl and name_lens[] their lengths (at most STYR_TEMPLATE_MAX_ARGS; later
 * new names stay literal, doubled). *nnames gets the count. Returns a
 * malloc'd string, or NULL when out of memory. */
char *styr_template_positional(const char *tmpl, const char **names, size_t *name_lens, size_t *nnames);

#endif
