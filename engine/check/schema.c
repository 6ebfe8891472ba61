/* schema.c - walks a document along schema.yaml's types (see schema.h).
 *
 * Schema shape (rules/core/schema.yaml):
 *   types:  name -> {part: action, fields: {field: SPEC, ...}}
 *   SPEC:   text | number | integer | date | boolean | any | <type name>
 *           | {list: SPEC} | {map: SPEC}
 *   labels: text|number|integer|date|boolean|list|map -> {sv, en}
 *   messages: type / unknown-key / hint -> {sv, en}
 * The walk follows the schema, not the input, so its depth is bounded by
 * the schema however deep the input nests.
 */
#include "schema.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "message.h"
#include "swedish_number.h"
#include "text.h"

#define MAX_SCHEMA_DEPTH 16

typedef struct walk {
    styr_run *run;
    const styr_node *types;     /* the last schema's `types:` */
    const styr_node *labels;    /* schema `labels:` */
    const styr_node *messages;  /* schema `messages:` */
    styr_error *err;
    const char *schema_file;
    const styr_node *const *schemas;   /* every schema's `types:`, parents first */
    size_t nschemas;
    const char *root_part;      /* the part of the file's own type: plan, area, scenario */
    unsigned quotes_line;       /* the last line typographic quotes were reported on */
    unsigned quotes_column;     /* and column, in a workbook (0 in YAML) */
    int nomem;                  /* a finding could not be kept: the check fails */
} walk;

/* A type's definition in the schema at index k, or NULL. */
static const styr_node *type_in(const walk *w, size_t k, const char *name, size_t len)
{
    const styr_node *t = styr_map_get(w->schemas[k], name, len);
    return t && t->kind == STYR_NODE_MAP ? t : NULL;
}

/* A field's spec in type `name`: a child's schema first, then its parents'
 * (types and fields merge; a child's spec of a field replaces its parent's). */
static const styr_node *field_spec(const walk *w, const char *type, const char *key, size_t klen)
{
    for (size_t k = w->nschemas; k-- > 0;) {
        const styr_node *t = type_in(w, k, type, strlen(type));
        const styr_node *fields = t ? styr_map_get(t, "fields", 6) : NULL;
        const styr_node *spec = fields && fields->kind == STYR_NODE_MAP ? styr_map_get(fields, key, klen) : NULL;
        if (spec)
            return spec;
    }
    return NULL;
}

/* A type's part, from the nearest schema that names one. */
static const char *type_part(const walk *w, const char *type)
{
    for (size_t k = w->nschemas; k-- > 0;) {
        const styr_node *t = type_in(w, k, type, strlen(type));
        const styr_node *p = t ? styr_map_get(t, "part", 4) : NULL;
        if (p && p->kind == STYR_NODE_SCALAR)
            return p->u.text;
    }
    return "plan";
}

/* Is `name` a type of any schema? */
static int type_known(const walk *w, const char *name, size_t len)
{
    for (size_t k = 0; k < w->nschemas; k++)
        if (type_in(w, k, name, len))
            return 1;
    return 0;
}

static const char *lang_text(const walk *w, const styr_node *m)
{
    if (!m || m->kind != STYR_NODE_MAP)
        return NULL;
    const char *key = w->run->opts->lang == STYR_LANG_EN ? "en" : "sv";
    const styr_node *v = styr_map_get(m, key, 2);
    if (!v)
        v = styr_map_get(m, "sv", 2);
    return v && v->kind == STYR_NODE_SCALAR ? v->u.text : NULL;
}

static const char *label(const walk *w, const char *name)
{
    const char *t = lang_text(w, w->labels ? styr_map_get(w->labels, name, strlen(name)) : NULL);
    return t ? t : name;
}

typedef struct { const char *names[6]; const char *values[6]; int n; } args;

static const char *lookup(void *ud, const char *name, size_t *len)
{
    args *a = ud;
    for (int i = 0; i < a->n; i++)
        if (strcmp(a->names[i], name) == 0) {
            *len = strlen(a->values[i]);
            return a->values[i];
        }
    return NULL;
}

/* Reports rule <part>.<suffix> at `at`, with the rule's message, or with
 * `tmpl` (in the run's language) when it is not NULL. */
static void emit_with(walk *w, const char *part, const char *suffix, const char *tmpl, const styr_node *at,
                      const styr_node *path_node, const char *path_key, args *a)
{
    char id[160];
    snprintf(id, sizeof id, "%s.%s", part, suffix);
    styr_rule *rule = styr_ruleset_rule(w->run->rs, id, strlen(id));
    if (!rule || rule->severity == STYR_SEV_OFF)
        return;
    if (!tmpl)
        tmpl = rule->message[w->run->opts->lang] ? rule->message[w->run->opts->lang] : rule->message[0];
    size_t idlen = 0;
    const char *item = styr_item_id(styr_run_item_of(w->run, path_node), &idlen);
    char action[256] = "";
    if (item)
        snprintf(action, sizeof action, "%.*s", (int)(idlen < 255 ? idlen : 255), item);
    styr_utf8_cut_partial(action);   /* a long id is cut between letters, not inside one */
    if (item && a->n < 6) {
        a->names[a->n] = "action";
        a->values[a->n++] = action;
    }
    char path[600];
    size_t n = styr_node_path(path_node, path, sizeof path);
    if (path_key && n < sizeof path)
        snprintf(path + n, sizeof path - n, "%s%s", n && path_key[0] != '[' ? "." : "", path_key);   /* kf[2][0] */
    char *msg = styr_message_format(tmpl, lookup, a);
    char *p = strdup(path);
    char *act = item ? strdup(action) : NULL;
    /* a finding lost to memory would pass the plan: the check fails instead */
    if (!msg || !p || (item && !act)) {
        free(msg);
        free(p);
        free(act);
        w->nomem = 1;
        return;
    }
    if (styr_findings_add(&w->run->res->findings, rule->id, rule->severity, msg, act, p, at->line, at->column) < 0)
        w->nomem = 1;
}

static void emit(walk *w, const char *part, const char *suffix, const styr_node *at,
                 const styr_node *path_node, const char *path_key, args *a)
{
    emit_with(w, part, suffix, NULL, at, path_node, path_key, a);
}

static const char *found_label(const walk *w, const styr_node *v)
{
    if (v->kind == STYR_NODE_SEQ) return label(w, "list");
    if (v->kind == STYR_NODE_MAP) return label(w, "map");
    switch (v->stype) {
    case STYR_SCALAR_BOOL: return label(w, "boolean");
    case STYR_SCALAR_INT:
    case STYR_SCALAR_FLOAT: return label(w, "number");
    default: return label(w, "text");
    }
}

/* Does scalar/container v fit the primitive `prim`? -1 when prim is not a primitive. */
static int fits_primitive(const char *prim, const styr_node *v)
{
    int scalar = v->kind == STYR_NODE_SCALAR;
    if (strcmp(prim, "any") == 0) return 1;
    if (strcmp(prim, "text") == 0)
        return scalar && v->stype != STYR_SCALAR_BOOL;
    if (strcmp(prim, "number") == 0)
        return scalar && (v->stype == STYR_SCALAR_INT || v->stype == STYR_SCALAR_FLOAT);
    if (strcmp(prim, "integer") == 0)
        return scalar && v->stype == STYR_SCALAR_INT;
    if (strcmp(prim, "date") == 0)
        return scalar && (v->stype == STYR_SCALAR_INT || v->stype == STYR_SCALAR_STRING);
    if (strcmp(prim, "boolean") == 0)
        return scalar && v->stype == STYR_SCALAR_BOOL;
    return -1;
}

/* Where a value sits: under key in parent, and within that value's list or
 * map when it is an element (elem_index >= 0, elem_key for a map). The text
 * is only put together when there is something to report. */
typedef struct place {
    const styr_node *parent;
    const char *key;
    long elem_index;
    const char *elem_key;
} place;

static styr_status check_value(walk *w, const styr_node *spec, styr_node *v, const char *part,
                               const place *at, int depth);

static styr_status schema_error(walk *w, const styr_node *at, const char *what)
{
    return styr_error_set(w->err, STYR_E_RULESET, w->schema_file, at ? at->line : 0,
                          at ? at->column : 0, "schema: %s", what);
}

static void field_name(const place *at, char *field, size_t cap)
{
    if (at->elem_index >= 0 && at->elem_key)
        snprintf(field, cap, "%s.%s", at->key ? at->key : "", at->elem_key);
    else if (at->elem_index >= 0)
        snprintf(field, cap, "%s[%ld]", at->key ? at->key : "", at->elem_index);
    else
        snprintf(field, cap, "%s", at->key ? at->key : "");
}

static void type_finding(walk *w, const char *part, styr_node *v, const place *at, const char *expected)
{
    char field[300];
    field_name(at, field, sizeof field);
    args a = {{"field", "expected", "found"}, {field, expected, found_label(w, v)}, 3};
    v->flags |= STYR_NODE_INVALID;
    emit(w, part, "type", v, at->parent, field[0] ? field : NULL, &a);
}

/* A text where a number belongs that reads as a number the Swedish way
 * ("1,5 MSEK", "1 500 tkr", "0,5"): with the ruleset setting
 * `swedish_numbers: accept` the value is taken as meant and an info finding
 * <part>.number-read says so; otherwise <part>.type quotes the text and
 * gives the exact rewrite. Returns 0 when the text does not read as one. */
static int swedish_number(walk *w, const char *part, const char *prim, styr_node *v, const place *at)
{
    if (v->kind != STYR_NODE_SCALAR || v->stype != STYR_SCALAR_STRING)
        return 0;
    int integer = strcmp(prim, "integer") == 0;
    if (!integer && strcmp(prim, "number") != 0)
        return 0;
    /* currency units only where the field holds kronor */
    size_t klen = at->key ? strlen(at->key) : 0;
    int units = at->elem_index < 0 && klen > 4 && strcmp(at->key + klen - 4, "_sek") == 0;
    double x;
    if (!styr_read_swedish_number(v->u.text, v->count, units, &x))
        return 0;
    if (integer && (x != floor(x) || fabs(x) > 9e15))
        return 0;
    char field[300], plain[64], value[160];
    field_name(at, field, sizeof field);
    styr_format_plain_number(plain, sizeof plain, x);
    snprintf(value, sizeof value, "%.*s", (int)(v->count < 150 ? v->count : 150), v->u.text);
    const styr_node *setting = styr_ruleset_setting(w->run->rs, "swedish_numbers");
    int accept = setting && setting->kind == STYR_NODE_SCALAR && strcmp(setting->u.text, "accept") == 0;
    if (accept) {
        if (x == floor(x) && fabs(x) < 9e15) {
            v->stype = STYR_SCALAR_INT;
            v->v.i = (int64_t)x;
        } else {
            v->stype = STYR_SCALAR_FLOAT;
            v->v.f = x;
        }
        args a = {{"field", "value", "read"}, {field, value, plain}, 3};
        emit(w, part, "number-read", v, at->parent, field[0] ? field : NULL, &a);
        return 1;
    }
    args a = {{"field", "expected", "found", "value", "rewrite"},
              {field, label(w, prim), found_label(w, v), value, plain}, 5};
    v->flags |= STYR_NODE_INVALID;
    emit_with(w, part, "type", lang_text(w, w->messages ? styr_map_get(w->messages, "number-text", 11) : NULL), v,
              at->parent, field[0] ? field : NULL, &a);
    return 1;
}

static styr_status check_object(walk *w, const char *type, styr_node *v, const place *at, int depth)
{
    const char *part = type_part(w, type);
    if (v->kind != STYR_NODE_MAP) {
        type_finding(w, part, v, at, label(w, "map"));
        return STYR_OK;
    }
    size_t nfields = 0;
    for (size_t k = 0; k < w->nschemas; k++) {
        const styr_node *t = type_in(w, k, type, strlen(type));
        const styr_node *fields = t ? styr_map_get(t, "fields", 6) : NULL;
        if (t && (!fields || fields->kind != STYR_NODE_MAP))
            return schema_error(w, t, "a type needs 'fields'");
        nfields += fields ? fields->count : 0;
    }
    for (uint32_t i = 0; i < v->count; i++) {
        const styr_node *k = styr_map_key(v, i);
        styr_node *val = v->u.items[2 * i + 1];
        const styr_node *spec = field_spec(w, type, k->u.text, k->count);
        if (!spec) {
            /* Merged entries come from elsewhere and are judged there. */
            const char **names = malloc((nfields ? nfields : 1) * sizeof *names);
            char hint[300] = "";
            if (names) {
                size_t n = 0;
                for (size_t s = 0; s < w->nschemas; s++) {
                    const styr_node *t = type_in(w, s, type, strlen(type));
                    const styr_node *fields = t ? styr_map_get(t, "fields", 6) : NULL;
                    for (uint32_t j = 0; fields && j < fields->count; j++)
                        names[n++] = styr_map_key(fields, j)->u.text;
                }
                long near = styr_nearest(k->u.text, k->count, names, n);
                const char *htmpl = lang_text(w, styr_map_get(w->messages, "hint", 4));
                if (near >= 0 && htmpl) {
                    args ha = {{"suggestion"}, {names[near]}, 1};
                    char *h = styr_message_format(htmpl, lookup, &ha);
                    if (h)
                        snprintf(hint, sizeof hint, "%s", h);
                    free(h);
                }
                free(names);
            }
            args a = {{"key", "hint"}, {k->u.text, hint}, 2};
            /* the key's own path (a key stands for its value), so that an odd
             * key is quoted as the loader quotes it: actions[0]["två grupper"] */
            emit(w, part, "unknown-key", k, k, NULL, &a);
            continue;
        }
        if (styr_node_is_null(val))
            continue;   /* an empty value reads as absent; rules say if it is needed */
        place sub = {v, k->u.text, -1, NULL};
        styr_status st = check_value(w, spec, val, part, &sub, depth + 1);
        if (st != STYR_OK)
            return st;
    }
    return STYR_OK;
}

/* The length of a typographic quote at s[0, len), or 0. */
static size_t quote_at(const char *s, size_t len, uint32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    if (len >= 3 && u[0] == 0xe2 && u[1] == 0x80 && (u[2] == 0x98 || u[2] == 0x99 || u[2] == 0x9a || u[2] == 0x9c ||
                                                      u[2] == 0x9d || u[2] == 0x9e)) {
        *cp = 0x2000u | ((uint32_t)(u[1] & 0x3f) << 6) | (u[2] & 0x3f);
        return 3;
    }
    if (len >= 2 && u[0] == 0xc2 && (u[1] == 0xab || u[1] == 0xbb)) {
        *cp = u[1];
        return 2;
    }
    return 0;
}

/* A text Word wrapped in typographic quotes (”1”, “Text”): read without
 * them, so that ”1” names strategy 1 instead of a cascade of "unknown"
 * findings, and said once a line (<root part>.typographic-quotes). */
static void typographic_quotes(walk *w, styr_node *v)
{
    uint32_t open_cp = 0, close_cp = 0;
    size_t first = quote_at(v->u.text, v->count, &open_cp);
    if (!first || v->count < first + 2)
        return;
    size_t last = 0;
    for (size_t k = 2; k <= 3 && !last; k++)
        if (v->count >= first + k && quote_at(v->u.text + v->count - k, k, &close_cp) == k)
            last = k;
    if (!last)
        return;
    /* "“Modell” och ”mer”" is prose with quoted words: left as written */
    for (size_t i = first; i + last < v->count; i++) {
        uint32_t inner;
        if (quote_at(v->u.text + i, v->count - last - i, &inner))
            return;
    }
    char value[200], read[200], cps[40];
    snprintf(value, sizeof value, "%.*s", (int)(v->count < 190 ? v->count : 190), v->u.text);
    /* the node's text lives in the document's arena: shorten it in place */
    char *text = (char *)v->u.text;
    size_t n = v->count - first - last;
    memmove(text, text + first, n);
    text[n] = '\0';
    v->count = (uint32_t)n;
    snprintf(read, sizeof read, "%.*s", (int)(n < 190 ? n : 190), text);
    if (open_cp == close_cp)
        snprintf(cps, sizeof cps, "U+%04X", (unsigned)open_cp);
    else
        snprintf(cps, sizeof cps, "U+%04X, U+%04X", (unsigned)open_cp, (unsigned)close_cp);
    /* once a line of YAML; once a cell of a workbook, whose rows are its lines */
    unsigned column = w->run->doc && w->run->doc->sheets ? v->column : 0;
    if ((v->line == w->quotes_line && column == w->quotes_column) || !w->root_part)
        return;
    w->quotes_line = v->line;
    w->quotes_column = column;
    args a = {{"value", "read", "codepoints"}, {value, read, cps}, 3};
    emit(w, w->root_part, "typographic-quotes", v, v, NULL, &a);
}

static styr_status check_value(walk *w, const styr_node *spec, styr_node *v, const char *part,
                               const place *at, int depth)
{
    if (depth > MAX_SCHEMA_DEPTH)
        return schema_error(w, spec, "types nest deeper than 16 levels (a type that contains itself?)");
    if (spec->kind == STYR_NODE_SCALAR) {
        int fit = fits_primitive(spec->u.text, v);
        if (fit > 0 && v->kind == STYR_NODE_SCALAR && v->stype == STYR_SCALAR_STRING)
            typographic_quotes(w, v);
        if (fit >= 0) {
            if (!fit && !swedish_number(w, part, spec->u.text, v, at))
                type_finding(w, part, v, at, label(w, spec->u.text));
            return STYR_OK;
        }
        if (!type_known(w, spec->u.text, spec->count)) {
            char what[200];
            snprintf(what, sizeof what, "unknown type '%.60s' (a field type is text, number, integer, date, boolean, "
                     "any or a type under types:)", spec->u.text);
            return schema_error(w, spec, what);
        }
        return check_object(w, spec->u.text, v, at, depth);
    }
    if (spec->kind != STYR_NODE_MAP || spec->count != 1)
        return schema_error(w, spec, "a field type is a name, {list: TYPE} or {map: TYPE}");
    const styr_node *how = styr_map_key(spec, 0), *inner = styr_map_value(spec, 0);
    int is_list = strcmp(how->u.text, "list") == 0;
    if (!is_list && strcmp(how->u.text, "map") != 0)
        return schema_error(w, how, "expected 'list' or 'map'");
    if (v->kind != (is_list ? STYR_NODE_SEQ : STYR_NODE_MAP)) {
        type_finding(w, part, v, at, label(w, is_list ? "list" : "map"));
        return STYR_OK;
    }
    for (uint32_t i = 0; i < v->count; i++) {
        styr_node *item = is_list ? v->u.items[i] : v->u.items[2 * i + 1];
        if (styr_node_is_null(item))
            continue;
        place sub = {at->parent, at->key, (long)i, is_list ? NULL : styr_map_key(v, i)->u.text};
        styr_status st = check_value(w, inner, item, part, &sub, depth + 1);
        if (st != STYR_OK)
            return st;
    }
    return STYR_OK;
}

styr_status styr_schema_check(styr_run *run, styr_node *root, const char *type_name,
                              styr_error *err)
{
    const styr_ruleset *rs = run->rs;
    if (!rs->schema)
        return STYR_OK;   /* a ruleset without schema.yaml checks no types */
    walk w = {run, rs->schema, NULL, NULL, err, NULL, rs->schemas, rs->nschemas, NULL, 0, 0, 0};
    /* labels/messages sit beside types in the same document: the nearest
     * schema that has them (a child's schema may add fields only). */
    for (size_t k = rs->nschemas; k-- > 0;) {
        const styr_node *top = rs->schemas[k]->parent;
        if (!w.labels)
            w.labels = styr_map_get(top, "labels", 6);
        if (!w.messages)
            w.messages = styr_map_get(top, "messages", 8);
    }
    const styr_node *top = rs->schema->parent;
    for (size_t i = 0; i < rs->ndocs; i++)
        if (rs->docs[i]->root == top)
            w.schema_file = rs->docs[i]->file;
    if (!type_known(&w, type_name, strlen(type_name)))
        return styr_error_set(err, STYR_E_RULESET, w.schema_file, 0, 0,
                              run->opts->lang == STYR_LANG_EN ? "schema.yaml has no type '%s'"
                                                              : "schema.yaml har ingen typ '%s'",
                              type_name);
    w.root_part = type_part(&w, type_name);
    place at_root = {root, NULL, -1, NULL};
    styr_status st = check_object(&w, type_name, root, &at_root, 0);
    if (st == STYR_OK && w.nomem)
        return styr_error_set(err, STYR_E_NOMEM, NULL, 0, 0, "out of memory");
    return st;
}

int styr_schema_not_a_list(styr_run *run, const styr_node *v)
{
    const styr_ruleset *rs = run->rs;
    if ((v->flags & STYR_NODE_INVALID) || !rs->schema)
        return 0;
    walk w = {run, rs->schema, NULL, NULL, NULL, NULL, rs->schemas, rs->nschemas, NULL, 0, 0, 0};
    for (size_t k = rs->nschemas; k-- > 0;) {
        if (!w.labels)
            w.labels = styr_map_get(rs->schemas[k]->parent, "labels", 6);
        if (!w.messages)
            w.messages = styr_map_get(rs->schemas[k]->parent, "messages", 8);
    }
    /* the part the running rule judges: action, strategy, area, plan, scenario */
    static const char *const parts[STYR_SCOPE_COUNT] = {"plan", "strategy", "action", "area", "area", "scenario",
                                                        "followup", "followup", "plan"};
    const char *part = run->rule && (unsigned)run->rule->scope < STYR_SCOPE_COUNT ? parts[run->rule->scope] : "plan";
    const styr_node *parent = v->parent;
    place at = {parent, NULL, -1, NULL};
    char within[300];   /* a list's place under its owner: "nested[0]" for a list in a list */
    if (parent && parent->kind == STYR_NODE_MAP)
        at.key = styr_map_key(parent, v->index)->u.text;
    else if (parent && parent->kind == STYR_NODE_SEQ) {
        at.elem_index = (long)v->index;
        /* an item of a list under a key: named 'financing[0]' under the
         * list's owner, as the schema's own walk names list items; in a list
         * of lists, 'nested[0][1]' under the nearest mapping */
        const styr_node *owner = parent->parent;
        while (owner && owner->kind == STYR_NODE_SEQ)
            owner = owner->parent;
        if (owner && owner->kind == STYR_NODE_MAP) {
            char full[600], base[600];
            size_t nf = styr_node_path(parent, full, sizeof full), nb = styr_node_path(owner, base, sizeof base);
            if (nf < sizeof full && nb < nf && strncmp(full, base, nb) == 0) {
                snprintf(within, sizeof within, "%s", full + nb + (nb && full[nb] == '.'));
                at.parent = owner;
                at.key = within;
            }
        }
    }
    type_finding(&w, part, (styr_node *)v, &at, label(&w, "list"));   /* marks it INVALID, as the schema does */
    return w.nomem ? -1 : 0;
}
