/* report_budget_words.c - the words and figures the writers of `styr
 * budget` share (internal/budget_words.h). */
#include "internal/budget_words.h"

#include <stdio.h>
#include <string.h>

#include "message.h"

void budget_decimal(char *buf, size_t cap, double v, const styr_report_opts *o)
{
    snprintf(buf, cap, "%.2f", v);
    char *dot = strchr(buf, '.');
    if (!dot)
        return;
    char *end = buf + strlen(buf);
    while (end > dot + 1 && end[-1] == '0')
        *--end = '\0';
    if (end == dot + 1)
        *dot = '\0';
    else if (o->lang != STYR_LANG_EN)
        *dot = ',';
}

const char *budget_status_word(const char *s, const styr_report_opts *o)
{
    if (!s || strcmp(s, "decided") == 0) return word(o, "beslutad", "decided");
    if (strcmp(s, "requested") == 0) return word(o, "begärd", "requested");
    if (strcmp(s, "conditional") == 0) return word(o, "villkorad", "conditional");
    if (strcmp(s, "projected") == 0) return word(o, "bedömning", "projected");
    return s;
}
