/* budget.c - an action plan's money and staff year by year (see budget.h). */
#include "budget.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "swedish_number.h"
#include "text.h"

#define MAX_YEARS 100

/* ---- reading the plan ---------------------------------------------------- */

static const styr_node *get(const styr_node *map, const char *key)
{
    return map && map->kind == STYR_NODE_MAP ? styr_map_get(map, key, strlen(key)) : NULL;
}

static const char *text_of(const styr_node *n)
{
    return n && n->kind == STYR_NODE_SCALAR && n->stype != STYR_SCALAR_NULL && !(n->flags & STYR_NODE_INVALID)
               ? n->u.text : NULL;
}

/* A name the plan gives (an owner, a source): a text with more than white
 * space in it, or NULL (none given: blank, a list, a number written as a
 * mapping ...), which the projection counts under no name. */
static const char *name_of(const styr_node *n)
{
    const char *t = text_of(n);
    for (const char *p = t; p && *p; p++)
        if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
            return t;
    return NULL;
}

/* number_of's swedish argument for a field in kronor, where "1,5 MSEK" is read */
#define SEK_FIELD 2

/* Whether the ruleset reads numbers written the Swedish way ("1,5 MSEK",
 * "0,5") as validate's schema does (the setting swedish_numbers: accept):
 * the budget must count the money validate says it reads. */
static int swedish_numbers(const styr_ruleset *rs)
{
    const styr_node *s = rs ? styr_ruleset_setting(rs, "swedish_numbers") : NULL;
    return s && s->kind == STYR_NODE_SCALAR && strcmp(s->u.text, "accept") == 0;
}

/* A finite number >= 0 (ints and floats; a Swedish text too when swedish,
 * with currency units for a field in kronor), or 0 with *ok = 0. */
static double number_of(const styr_node *n, int swedish, int *ok)
{
    double v = 0;
    int good = 0;
    if (n && n->kind == STYR_NODE_SCALAR && !(n->flags & STYR_NODE_INVALID)) {
        if (n->stype == STYR_SCALAR_INT) v = (double)n->v.i, good = 1;
        else if (n->stype == STYR_SCALAR_FLOAT) v = n->v.f, good = 1;
        else if (swedish && n->stype == STYR_SCALAR_STRING)
            good = styr_read_swedish_number(n->u.text, n->count, swedish == SEK_FIELD, &v);
    }
    if (good && !(isfinite(v) && v >= 0))
        good = 0, v = 0;
    if (ok)
        *ok = good;
    return good ? v : 0;
}

/* A year: a whole number, or (when swedish) a text that reads as one
 * ("2018"), as validate's schema reads an integer field. */
static int year_of(const styr_node *n, int swedish, long long *y)
{
    if (!n || n->kind != STYR_NODE_SCALAR || (n->flags & STYR_NODE_INVALID))
        return 0;
    if (n->stype == STYR_SCALAR_INT) {
        *y = (long long)n->v.i;
        return 1;
    }
    double v;
    if (!swedish || n->stype != STYR_SCALAR_STRING || !styr_read_swedish_number(n->u.text, n->count, 0, &v) ||
        v != floor(v) || fabs(v) > 1e9)
        return 0;
    *y = (long long)v;
    return 1;
}

/* A date node (a YAML int 2018 or a text) as a day ordinal at edge. */
static int date_of(const styr_node *n, styr_date_edge edge, int64_t *day, styr_date *out)
{
    if (!n || n->kind != STYR_NODE_SCALAR || (n->flags & STYR_NODE_INVALID))
        return 0;
    char buf[32];
    const char *s = NULL;
    size_t len = 0;
    if (n->stype == STYR_SCALAR_INT) {
        len = (size_t)snprintf(buf, sizeof buf, "%lld", (long long)n->v.i);
        s = buf;
    } else if (n->stype == STYR_SCALAR_STRING) {
        s = n->u.text;
        len = n->count;
    }
    styr_date d;
    if (!s || !styr_date_parse(s, len, edge, &d, NULL, 0))
        return 0;
    if (day)
        *day = styr_date_ordinal(&d);
    if (out)
        *out = d;
    return 1;
}

static int64_t year_start(int y)
{
    styr_date d = {y, 1, 1, STYR_DATE_DAY};
    return styr_date_ordinal(&d);
}

/* ---- the registry ---------------------------------------------------------- */

static const styr_node *registry_lookup(const styr_ruleset *rs, const char *kind, const char *name, size_t len)
{
    return styr_ruleset_registry(rs, kind, name, len);
}

/* The registry entry for a name; a yearly entry also for "<name> YYYY". */
static const styr_node *registry_entry(const styr_ruleset *rs, const char *kind, const char *name)
{
    if (!name)
        return NULL;
    size_t len = strlen(name);
    const styr_node *e = registry_lookup(rs, kind, name, len);
    if (e || len < 6)
        return e;
    const char *y = name + len - 4;
    if (y[-1] == ' ' && y[0] >= '0' && y[0] <= '9' && y[1] >= '0' && y[1] <= '9' && y[2] >= '0' &&
        y[2] <= '9' && y[3] >= '0' && y[3] <= '9') {
        e = registry_lookup(rs, kind, name, len - 5);
        const styr_node *yearly = get(e, "yearly");
        if (e && yearly && yearly->stype == STYR_SCALAR_BOOL && yearly->v.i)
            return e;
    }
    return NULL;
}

/* ---- the projection ------------------------------------------------------ */

typedef struct grant {
    int64_t ends;                 /* INT64_MAX: no end known */
    double base_sek;              /* its money for the base year */
    const char *source;
} grant;

static char *dup_text(const char *s)
{
    return strdup(s ? s : "");
}

/* Two names of the projection the same; NULL (none given) only as NULL. */
static int same_name(const char *a, const char *b)
{
    return a && b ? strcmp(a, b) == 0 : a == b;
}

/* The slot of an owner or funder: name NULL (none given) is a slot of its
 * own, shown in words by the writers and as null in JSON. */
static styr_budget_owner *owner_slot(styr_budget *b, const char *name, int *fail)
{
    for (size_t i = 0; i < b->nowners; i++)
        if (same_name(b->owners[i].owner, name))
            return &b->owners[i];
    styr_budget_owner *o = realloc(b->owners, (b->nowners + 1) * sizeof *o);
    if (!o)
        return *fail = 1, NULL;
    b->owners = o;
    o = &b->owners[b->nowners];
    memset(o, 0, sizeof *o);
    o->owner = name ? strdup(name) : NULL;
    o->years = calloc(b->nyears, sizeof *o->years);
    if ((name && !o->owner) || !o->years) {
        free(o->owner);
        free(o->years);
        return *fail = 1, NULL;
    }
    for (size_t y = 0; y < b->nyears; y++)
        o->years[y].year = b->from + (int)y;
    b->nowners++;
    return o;
}

/* Marks each owner's years over its capacity (capacity.h). */
static void apply_capacity(const styr_ruleset *rs, styr_budget *b)
{
    for (size_t i = 0; i < b->nowners; i++) {
        styr_budget_owner *o = &b->owners[i];
        if (!styr_capacity_of(rs, o->owner, &o->capacity))
            continue;
        for (size_t y = 0; y < b->nyears; y++) {
            styr_budget_owner_year *oy = &o->years[y];
            const double v[STYR_CAP_COUNT] = {oy->actions, oy->sek, oy->fte};
            for (int m = 0; m < STYR_CAP_COUNT; m++) {
                /* equal is within capacity; sums of shares of an amount may
                   differ from it in the last bits */
                oy->over[m] = o->capacity.set[m] && v[m] - o->capacity.max[m] > 1e-9 * fmax(1, o->capacity.max[m]);
                o->over |= oy->over[m];
            }
        }
    }
}

/* Money without a source has two slots, grants and own money, so that the
 * one is never shown as the other. */
static styr_budget_funder *funder_slot(styr_budget *b, const char *name, int external, int *fail)
{
    for (size_t i = 0; i < b->nfunders; i++)
        if (same_name(b->funders[i].funder, name) && (name || b->funders[i].external == external))
            return &b->funders[i];
    styr_budget_funder *f = realloc(b->funders, (b->nfunders + 1) * sizeof *f);
    if (!f)
        return *fail = 1, NULL;
    b->funders = f;
    f = &b->funders[b->nfunders];
    memset(f, 0, sizeof *f);
    f->funder = name ? strdup(name) : NULL;
    if (name && !f->funder)
        return *fail = 1, NULL;
    f->external = external;
    b->nfunders++;
    return f;
}

static const char *canonical(const styr_node *entry, const char *as_written)
{
    const char *n = text_of(get(entry, "name"));
    return n ? n : as_written;
}

void styr_budget_free(styr_budget *b)
{
    if (!b)
        return;
    free(b->plan);
    free(b->years);
    for (size_t i = 0; i < b->nowners; i++) {
        free(b->owners[i].owner);
        free(b->owners[i].years);
        free(b->owners[i].first_action);
    }
    free(b->actions);
    free(b->owners);
    for (size_t i = 0; i < b->nfunders; i++)
        free(b->funders[i].funder);
    free(b->funders);
    free(b->gap_sources);
    memset(b, 0, sizeof *b);
}

static void add_action(styr_budget *b, const char *id, size_t len, const char *owner, const styr_date *start,
                       const styr_date *end, int own)
{
    styr_budget_action *a = &b->actions[b->nactions];   /* room for every action: see the caller */
    memset(a, 0, sizeof *a);
    a->id = id;   /* borrowed: a plan's ids may be large, and many */
    a->id_len = len;
    a->owner = owner;
    a->own = own;
    if (start) {
        a->has_span = 1;
        styr_date_format(start, a->start);
        styr_date_format(end, a->end);
    }
    b->nactions++;
}

/* The budget block's gap (see budget.h). */
static int compute_gap(styr_budget *b, const grant *grants, size_t ngrants)
{
    styr_budget_year *base = &b->years[0];
    if (!base->has_budget || ngrants == 0)
        return 0;
    size_t cap = 256, used = 0, nnamed = 0;
    b->gap_sources = calloc(1, cap);
    const char **named = calloc(ngrants, sizeof *named);   /* each source once, by its exact name */
    if (!b->gap_sources || !named) {
        free(named);
        return -1;
    }
    for (size_t y = 1; y < b->nyears; y++) {
        styr_budget_year *yr = &b->years[y];
        int64_t start = year_start(yr->year);
        int continuing = 0;
        double lost_sek = 0;
        for (size_t g = 0; g < ngrants; g++) {
            if (grants[g].ends >= start) {
                continuing = 1;
                continue;
            }
            lost_sek += grants[g].base_sek;
            if (!grants[g].source) {   /* named in words by the writers */
                b->gap_unnamed = 1;
                continue;
            }
            const char *src = grants[g].source;
            size_t k = 0;
            while (k < nnamed && strcmp(named[k], src) != 0)
                k++;
            if (k < nnamed)
                continue;   /* named already ("EU" is not in "EU:s strukturfonder") */
            named[nnamed++] = src;
            if (used + strlen(src) + 3 > cap) {
                size_t grown = (used + strlen(src) + 3) * 2;
                char *g2 = realloc(b->gap_sources, grown);
                if (!g2) {
                    free(named);
                    return -1;
                }
                b->gap_sources = g2;
                cap = grown;
            }
            used += (size_t)snprintf(b->gap_sources + used, cap - used, "%s%s", used ? ", " : "", src);
        }
        double lost_fte = continuing ? 0 : base->budget_fte_external;
        double own_fte = yr->has_budget ? yr->budget_fte_reprioritised : base->budget_fte_reprioritised;
        double funding = yr->has_budget ? yr->budget_sek : base->budget_sek;
        double need_fte = base->budget_fte_reprioritised + base->budget_fte_external - own_fte;
        double need_sek = base->budget_sek + lost_sek - funding;
        yr->gap_fte = fmin(lost_fte, need_fte > 0 ? need_fte : 0);
        yr->gap_sek = fmin(lost_sek, need_sek > 0 ? need_sek : 0);
    }
    free(named);
    if (!used) {
        free(b->gap_sources);
        b->gap_sources = NULL;
    }
    return 0;
}

styr_status styr_budget_compute(const styr_ruleset *rs, const styr_doc *doc, const char *file,
                                styr_budget *out, styr_error *err)
{
    memset(out, 0, sizeof *out);
    const styr_node *root = doc->root;
    const styr_node *period = get(root, "period");
    styr_date from, to;
    if (!date_of(get(period, "from"), STYR_DATE_START, NULL, &from) ||
        !date_of(get(period, "to"), STYR_DATE_END, NULL, &to) || to.year < from.year ||
        to.year - from.year >= MAX_YEARS)
        return styr_error_set(err, STYR_E_INPUT, file, period ? period->line : 0, period ? period->column : 0,
                              "the plan needs a valid period of at most %d years (period: {from: 2018, to: 2019})",
                              MAX_YEARS);
    const int sw = swedish_numbers(rs);
    out->from = from.year;
    out->to = to.year;
    out->nyears = (size_t)to.year - (size_t)from.year + 1;   /* to >= from, checked above */
    out->plan = dup_text(file);
    out->root = root;
    const styr_node *ill = get(root, "illustrative");
    out->illustrative = ill && ill->kind == STYR_NODE_SCALAR && ill->stype == STYR_SCALAR_BOOL && ill->v.i &&
                        !(ill->flags & STYR_NODE_INVALID);
    out->years = calloc(out->nyears, sizeof *out->years);
    grant *grants = NULL;
    size_t ngrants = 0;
    int fail = !out->plan || !out->years;
    for (size_t y = 0; !fail && y < out->nyears; y++)
        out->years[y].year = out->from + (int)y;

    /* The budget block: the first entry of a year counts. A later year
     * without an amount or FTE has the first year's, so the first year's
     * entry is read first (pass 0), wherever the block lists it. */
    const styr_node *budget = get(root, "budget");
    for (int pass = 0; pass < 2; pass++) {
        for (uint32_t i = 0; !fail && budget && budget->kind == STYR_NODE_SEQ && i < budget->count; i++) {
            const styr_node *e = styr_seq_item(budget, i);
            long long year;
            if (!year_of(get(e, "year"), sw, &year) || year < out->from || year > out->to)
                continue;
            if ((year == out->from) != (pass == 0))
                continue;
            styr_budget_year *yr = &out->years[year - out->from];
            if (yr->has_budget)
                continue;
            yr->has_budget = 1;
            const styr_budget_year *base = &out->years[0];
            int ok;
            double v = number_of(get(e, "funding_sek"), sw ? SEK_FIELD : 0, &ok);
            yr->has_budget_sek = ok;
            yr->budget_sek = ok ? v : (yr != base && base->has_budget ? base->budget_sek : 0);
            v = number_of(get(e, "fte_reprioritised"), sw, &ok);
            yr->budget_fte_reprioritised = ok ? v : (yr != base && base->has_budget ? base->budget_fte_reprioritised : 0);
            v = number_of(get(e, "fte_external"), sw, &ok);
            yr->budget_fte_external = ok ? v : (yr != base && base->has_budget ? base->budget_fte_external : 0);
            yr->budget_status = text_of(get(e, "status"));
        }
    }

    const char *default_owner = text_of(get(root, "owner"));
    const styr_node *actions = get(root, "actions");
    if (!fail && actions && actions->kind == STYR_NODE_SEQ && actions->count &&
        !(out->actions = calloc(actions->count, sizeof *out->actions)))
        fail = 1;
    for (uint32_t i = 0; !fail && actions && actions->kind == STYR_NODE_SEQ && i < actions->count; i++) {
        const styr_node *a = styr_seq_item(actions, i);
        if (a->kind != STYR_NODE_MAP)
            continue;
        /* When the action runs: its own start and end, the plan period for
         * what it leaves out (as the HTML timeline draws it); counted in the
         * years of the period it touches, or in all of them when its dates
         * make no span. */
        int y1 = out->from, y2 = out->to;
        const styr_node *t = get(a, "timeline");
        if (t && (t->flags & STYR_NODE_INVALID))
            t = NULL;
        styr_date ts = from, te = to;
        int own_start = date_of(get(t, "start"), STYR_DATE_START, NULL, &ts);
        int own_end = date_of(get(t, "end"), STYR_DATE_END, NULL, &te);
        int span = styr_date_ordinal(&ts) <= styr_date_ordinal(&te);
        if (span && (own_start || own_end)) {
            y1 = ts.year < out->from ? out->from : ts.year > out->to ? out->to + 1 : ts.year;
            y2 = te.year > out->to ? out->to : te.year < out->from ? out->from - 1 : te.year;
        }
        const char *written = name_of(get(a, "owner"));
        if (!written)
            written = default_owner;
        const char *oname = written ? canonical(registry_entry(rs, "owner", written), written) : NULL;
        styr_budget_owner *o = owner_slot(out, oname, &fail);
        if (!o)
            break;
        o->actions++;
        for (int y = y1; y <= y2; y++)
            o->years[y - out->from].actions++;
        size_t idlen;
        const char *id = styr_item_id(a, &idlen);
        if (id && !o->first_action && !(o->first_action = strndup(id, idlen)))
            fail = 1;
        if (id && !fail)
            add_action(out, id, idlen, o->owner, span ? &ts : NULL, &te, own_start || own_end);

        const styr_node *fin = get(a, "financing");
        for (uint32_t j = 0; !fail && fin && fin->kind == STYR_NODE_SEQ && j < fin->count; j++) {
            const styr_node *f = styr_seq_item(fin, j);
            if (f->kind != STYR_NODE_MAP)
                continue;
            const char *src = name_of(get(f, "source"));
            const styr_node *fe = registry_entry(rs, "funder", src);
            const styr_node *oe = fe ? NULL : registry_entry(rs, "owner", src);
            const char *type = text_of(get(f, "type"));
            const char *ftype = text_of(get(fe, "type"));
            int external = (type && strcmp(type, "external-grant") == 0) || (ftype && strcmp(ftype, "external-grant") == 0);
            const char *status = text_of(get(f, "status"));
            int amount_ok, fte_ok;
            double amount = number_of(get(f, "amount_sek"), sw ? SEK_FIELD : 0, &amount_ok);
            double fte = number_of(get(f, "fte"), sw, &fte_ok);
            /* When the money ends: the entry's own until, else the registry's. */
            int64_t ends = INT64_MAX;
            styr_date until;
            if (!date_of(get(f, "until"), STYR_DATE_END, &ends, &until) &&
                !date_of(get(fe, "until"), STYR_DATE_END, &ends, &until))
                ends = INT64_MAX;
            /* The years the money is for: `years`, or the action's. */
            int in[MAX_YEARS] = {0};
            unsigned listed = 0;
            const styr_node *ys = get(f, "years");
            if (ys && ys->kind == STYR_NODE_SEQ && ys->count > 0) {
                for (uint32_t k = 0; k < ys->count; k++) {
                    long long year;
                    if (!year_of(styr_seq_item(ys, k), sw, &year))
                        continue;
                    listed++;
                    if (year >= out->from && year <= out->to)
                        in[year - out->from] = 1;
                }
            } else {
                for (int y = y1; y <= y2; y++, listed++)
                    in[y - out->from] = 1;
            }
            double per_year = amount_ok && listed ? amount / listed : 0;
            for (size_t y = 0; y < out->nyears; y++) {
                if (!in[y])
                    continue;
                styr_budget_year *yr = &out->years[y];
                if (status && strcmp(status, "requested") == 0) yr->sek.requested += per_year;
                else if (status && strcmp(status, "conditional") == 0) yr->sek.conditional += per_year;
                else yr->sek.decided += per_year;
                if (external) {
                    yr->sek.external += per_year;
                    yr->fte_external += fte;
                } else {
                    yr->sek.own += per_year;
                    yr->fte_own += fte;
                }
                o->years[y].sek += per_year;
                o->years[y].fte += fte;
            }
            const char *fname = src ? canonical(fe ? fe : oe, src) : NULL;
            styr_budget_funder *fs = funder_slot(out, fname, external, &fail);
            if (!fs)
                break;
            fs->sek += amount_ok ? amount : 0;
            fs->external |= external;
            if (ends != INT64_MAX) {
                char d[11];
                styr_date_format(&until, d);
                if (!fs->until[0] || strcmp(d, fs->until) > 0)
                    memcpy(fs->until, d, sizeof d);
            }
            if (external) {
                grant *g = realloc(grants, (ngrants + 1) * sizeof *g);
                if (!g) {
                    fail = 1;
                    break;
                }
                grants = g;
                grants[ngrants++] = (grant){ends, in[0] && listed ? per_year : 0, fname};
            }
        }
    }
    if (!fail && compute_gap(out, grants, ngrants) < 0)
        fail = 1;
    if (!fail)
        apply_capacity(rs, out);
    free(grants);
    if (fail) {
        styr_budget_free(out);
        return styr_error_set(err, STYR_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    return STYR_OK;
}
