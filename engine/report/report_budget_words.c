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

const char *budget_owner_name(const char *owner, int english)
{
    return owner ? owner : english ? "(no owner given)" : "(ingen ansvarig angiven)";
}

const char *budget_funder_name(const char *funder, int english)
{
    return funder ? funder : english ? "(no source given)" : "(ingen källa angiven)";
}

const char *budget_gap_sources(char *buf, size_t cap, const styr_budget *b, int english)
{
    if (!b->gap_sources && !b->gap_unnamed)
        return NULL;
    snprintf(buf, cap, "%s%s%s", b->gap_sources ? b->gap_sources : "", b->gap_sources && b->gap_unnamed ? ", " : "",
             !b->gap_unnamed ? "" : english ? "a source not named" : "en källa som inte anges");
    return buf;
}

const char *budget_status_word(const char *s, const styr_report_opts *o)
{
    if (!s || strcmp(s, "decided") == 0) return word(o, "beslutad", "decided");
    if (strcmp(s, "requested") == 0) return word(o, "begärd", "requested");
    if (strcmp(s, "conditional") == 0) return word(o, "villkorad", "conditional");
    if (strcmp(s, "projected") == 0) return word(o, "bedömning", "projected");
    return s;
}

int budget_any_capacity(const styr_budget *b)
{
    for (size_t i = 0; i < b->nowners; i++)
        for (int m = 0; m < STYR_CAP_COUNT; m++)
            if (b->owners[i].capacity.set[m])
                return 1;
    return 0;
}

void budget_capacity_text(char *buf, size_t cap, const styr_capacity *c, const char *sep, const styr_report_opts *o)
{
    size_t used = 0;
    buf[0] = '\0';
    for (int m = 0; m < STYR_CAP_COUNT && used < cap; m++) {
        if (!c->set[m])
            continue;
        char num[64];
        if (m == STYR_CAP_SEK)
            styr_format_thousands(num, sizeof num, c->max[m], sep);
        else
            budget_decimal(num, sizeof num, c->max[m], o);
        const char *unit = m == STYR_CAP_ACTIONS ? (c->max[m] == 1 ? word(o, "insats", "action") : word(o, "insatser", "actions"))
                         : m == STYR_CAP_SEK ? word(o, "kr", "SEK") : word(o, "åa", "FTE");
        int n = snprintf(buf + used, cap - used, "%s%s %s", used ? ", " : "", num, unit);
        used += n > 0 ? (size_t)n : 0;
    }
}

void budget_over_text(char *buf, size_t cap, const styr_budget_owner_year *y, const styr_report_opts *o)
{
    static const char *const sv[] = {"insatser", "kr", "åa"}, *const en[] = {"actions", "SEK", "FTE"};
    size_t used = 0;
    buf[0] = '\0';
    for (int m = 0; m < STYR_CAP_COUNT && used < cap; m++) {
        if (!y->over[m])
            continue;
        int n = snprintf(buf + used, cap - used, "%s%s", used ? ", " : "", o->lang == STYR_LANG_EN ? en[m] : sv[m]);
        used += n > 0 ? (size_t)n : 0;
    }
}

void budget_gap_text(char *buf, size_t cap, const styr_budget_year *y, const char *sep, const styr_report_opts *o)
{
    char f[32] = "", k[64] = "";
    if (y->gap_fte > 0)
        budget_decimal(f, sizeof f, y->gap_fte, o);
    if (y->gap_sek > 0)
        styr_format_thousands(k, sizeof k, y->gap_sek, sep);
    /* "1 årsarbetskraft", "1,25 årsarbetskrafter" */
    snprintf(buf, cap, "%s%s%s%s%s", f, *f ? strcmp(f, "1") == 0 ? word(o, " årsarbetskraft", " FTE")
                                           : word(o, " årsarbetskrafter", " FTE") : "",
             *f && *k ? word(o, " och ", " and ") : "", k, *k ? word(o, " kr", " SEK") : "");
}
