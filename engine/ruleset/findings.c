/* findings.c - the finding list of one file. */
#include "findings.h"

#include <stdlib.h>
#include <string.h>

static const char *const severity_names[] = {"info", "warning", "error", "off"};

const char *styr_severity_name(styr_severity s)
{
    return (unsigned)s <= STYR_SEV_OFF ? severity_names[s] : "?";
}

int styr_severity_parse(const char *s, styr_severity *out)
{
    for (int i = 0; i <= STYR_SEV_OFF; i++)
        if (strcmp(s, severity_names[i]) == 0) {
            *out = (styr_severity)i;
            return 1;
        }
    if (strcmp(s, "warn") == 0) {
        *out = STYR_SEV_WARNING;
        return 1;
    }
    return 0;
}

void styr_findings_init(styr_findings *f, size_t max_kept)
{
    memset(f, 0, sizeof *f);
    f->max_kept = max_kept;
}

void styr_findings_drop(styr_findings *f, styr_severity sev, unsigned line, unsigned column)
{
    if (!f->dropped++) {
        f->dropped_line = line;
        f->dropped_column = column;
    }
    if (sev <= STYR_SEV_ERROR)
        f->dropped_by_severity[sev]++;
}

int styr_findings_add(styr_findings *f, const char *rule, styr_severity sev,
                      char *message, char *action, char *path,
                      unsigned line, unsigned column)
{
    if (f->count >= f->max_kept) {
        styr_findings_drop(f, sev, line, column);
        goto discard;
    }
    if (f->count == f->cap) {
        size_t cap = f->cap ? f->cap * 2 : 64;
        styr_finding *items = realloc(f->items, cap * sizeof *items);
        if (!items)
            goto discard;
        f->items = items;
        f->cap = cap;
    }
    f->items[f->count++] = (styr_finding){rule, sev, message, action, path, line, column, NULL, NULL, NULL, NULL, NULL};
    return 0;
discard:
    free(message);
    free(action);
    free(path);
    return f->count >= f->max_kept ? 0 : -1;
}

void styr_findings_give_remedy(styr_findings *f, size_t count_before, char *remedy)
{
    if (f->count > count_before)
        f->items[f->count - 1].remedy = remedy;
    else
        free(remedy);
}

int styr_findings_mark_unfilled(styr_findings *f, size_t count_before, const char *name)
{
    if (f->count <= count_before || !name)
        return 0;
    styr_finding *fi = &f->items[f->count - 1];
    free(fi->unfilled);
    return (fi->unfilled = strdup(name)) ? 0 : -1;
}

static int finding_cmp(const void *pa, const void *pb)
{
    const styr_finding *a = pa, *b = pb;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    if (a->column != b->column)
        return a->column < b->column ? -1 : 1;
    int c = strcmp(a->rule, b->rule);
    if (c)
        return c;
    return strcmp(a->message ? a->message : "", b->message ? b->message : "");
}

void styr_findings_sort(styr_findings *f)
{
    if (f->count > 1)
        qsort(f->items, f->count, sizeof *f->items, finding_cmp);
}

void styr_findings_count(const styr_findings *f, size_t counts[3])
{
    for (int i = 0; i < 3; i++)
        counts[i] = f->dropped_by_severity[i];
    for (size_t i = 0; i < f->count; i++)
        if (!f->items[i].waiver_reason && f->items[i].severity <= STYR_SEV_ERROR)
            counts[f->items[i].severity]++;
}

void styr_findings_free(styr_findings *f)
{
    for (size_t i = 0; i < f->count; i++) {
        free(f->items[i].message);
        free(f->items[i].action);
        free(f->items[i].path);
        free(f->items[i].remedy);
        free(f->items[i].unfilled);
    }
    free(f->items);
    memset(f, 0, sizeof *f);
}

void styr_findings_rollback(styr_findings *f, const styr_findings *mark)
{
    for (size_t i = mark->count; i < f->count; i++) {
        free(f->items[i].message);
        free(f->items[i].action);
        free(f->items[i].path);
        free(f->items[i].remedy);
        free(f->items[i].unfilled);
    }
    f->count = mark->count < f->count ? mark->count : f->count;
    f->dropped = mark->dropped;
    memcpy(f->dropped_by_severity, mark->dropped_by_severity, sizeof f->dropped_by_severity);
    f->dropped_line = mark->dropped_line;
    f->dropped_column = mark->dropped_column;
}

const char *styr_finding_item_path(const styr_finding *f)
{
    const char *p = f->path ? f->path : "";
    if (!f->action)
        return p;
    const char *rest = strncmp(p, "actions[", 8) == 0 ? p + 8 : strncmp(p, "areas[", 6) == 0 ? p + 6 : NULL;
    if (!rest || !(*rest >= '0' && *rest <= '9'))
        return p;
    while (*rest >= '0' && *rest <= '9')
        rest++;
    if (rest[0] != ']')
        return p;
    return rest[1] == '.' ? rest + 2 : rest + 1;
}
