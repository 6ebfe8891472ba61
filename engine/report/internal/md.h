/* md.h - text from plans and rules written into Markdown (the Markdown
 * reports, the GitHub summary, the rules' documentation), private to
 * report/. One escaper for all of them, so that a title reads the same
 * in every report and none of them lets a plan's text become markup. */
#ifndef STYR_REPORT_INTERNAL_MD_H
#define STYR_REPORT_INTERNAL_MD_H

#include <stdio.h>

/* Writes s (NULL is "") as Markdown text for a table cell, a heading or a
 * list item: '|' would split a cell and a line break end the row (a line
 * break becomes a space); '<' and '&' would open HTML or an entity; '\',
 * '`', '*', '_', '[' and '~' would start code, emphasis, a link or image
 * or a strikethrough, and '#' end a heading; all are escaped, except an
 * underscore between two ASCII letters or digits, which GitHub's Markdown
 * never reads as emphasis. Other control characters are shown as escapes
 * (termsafe.h), never obeyed. */
void md_text(FILE *out, const char *s);

/* Writes s as the inside of a code span (`...`), where a backslash escapes
 * nothing: a backtick would end the span and becomes "'", a line break
 * becomes a space, control characters are shown as escapes. */
void md_code(FILE *out, const char *s);

/* The same for a code span in a table cell, where '|' would still split
 * the cell: it becomes "\|", which GitHub's tables read as a bar there
 * (and only there: elsewhere the backslash would show). */
void md_code_cell(FILE *out, const char *s);

#endif
