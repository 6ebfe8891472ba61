/* scenario.c - turning a scenario's weights or pairwise judgements into one
 * normalised weight per criterion of the model (FORMATS.md section 3). */
#include "scenario.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static double number_of(const styr_node *n, int *ok)
{
    *ok = n && n->kind == STYR_NODE_SCALAR && !(n->flags & STYR_NODE_INVALID) &&
          (n->stype == STYR_SCALAR_INT || n->stype == STYR_SCALAR_FLOAT);
    if (!*ok)
        return 0;
    return n->stype == STYR_SCALAR_INT ? (double)n->v.i : n->v.f;
}

/* A judgement's value: a number, or a fraction as Saaty's scale is written
 * ("1/3", which YAML reads as a text): digits, '/', digits, spaces around. */
static double judgement_value(const styr_node *n, int *ok)
{
    double v = number_of(n, ok);
    if (*ok || !n || n->kind != STYR_NODE_SCALAR || n->stype != STYR_SCALAR_STRING || (n->flags & STYR_NODE_INVALID))
        return v;
    const char *s = n->u.text, *end = s + n->count;
    unsigned long part[2] = {0, 0};
    for (int k = 0; k < 2; k++) {
        while (s < end && *s == ' ')
            s++;
        const char *digits = s;
        while (s < end && *s >= '0' && *s <= '9' && s - digits < 6)
            part[k] = part[k] * 10 + (unsigned long)(*s++ - '0');
        if (s == digits)
            return 0;
        while (s < end && *s == ' ')
            s++;
        if (k == 0 && (s == end || *s++ != '/'))
            return 0;
    }
    if (s != end || part[0] == 0 || part[1] == 0)
        return 0;
    *ok = 1;
    return (double)part[0] / (double)part[1];
}

static styr_status at(styr_error *err, const char *file, const styr_node *n, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Fills err with an input problem at node n. */
static styr_status at(styr_error *err, const char *file, const styr_node *n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    styr_error_setv(err, STYR_E_INPUT, file, n ? n->line : 0, n ? n->column : 0, fmt, ap);
    va_end(ap);
    return STYR_E_INPUT;
}

static styr_status from_weights(const styr_model *model, const styr_node *map, const char *file,
                                double *raw, styr_error *err)
{
    if (map->kind != STYR_NODE_MAP)
        return at(err, file, map, "weights must map criteria to numbers");
    for (uint32_t i = 0; i < map->count; i++) {
        const styr_node *k = styr_map_key(map, i), *v = styr_map_value(map, i);
        long c = styr_model_criterion(model, k->u.text, k->count);
        if (c < 0)
            return at(err, file, k, "the model has no criterion '%s'", k->u.text);
        int ok;
        double x = number_of(v, &ok);
        if (!ok || !isfinite(x) || x < 0)
            return at(err, file, v, "the weight of '%s' must be a number >= 0", k->u.text);
        raw[c] = x;
    }
    return STYR_OK;
}

static styr_status from_pairwise(const styr_model *model, const styr_node *list, const char *file,
                                 double *raw, styr_weights *out, styr_error *err)
{
    if (list->kind != STYR_NODE_SEQ || list->count == 0)
        return at(err, file, list, "pairwise must be a list of [a, b, how many times more important]");
    size_t m = model->ncrit;
    long *local = malloc(m * sizeof *local);      /* model criterion -> matrix index */
    size_t *global = malloc(m * sizeof *global);  /* matrix index -> model criterion */
    styr_mcda_judgement *js = malloc(list->count * sizeof *js);
    const char **names = malloc(m * sizeof *names);
    double *a = NULL, *w = NULL;
    styr_mcda_pair *missing = NULL;
    styr_status st = STYR_OK;
    if (!local || !global || !js || !names) {
        st = styr_error_set(err, STYR_E_NOMEM, NULL, 0, 0, "out of memory");
        goto done;
    }
    for (size_t i = 0; i < m; i++)
        local[i] = -1;
    size_t n = 0;
    for (uint32_t i = 0; i < list->count; i++) {
        const styr_node *e = styr_seq_item(list, i);
        if (e->kind != STYR_NODE_SEQ || e->count != 3) {
            st = at(err, file, e, "each judgement is [a, b, v]: a is v times as important as b");
            goto done;
        }
        long c[2];
        for (int k = 0; k < 2; k++) {
            const styr_node *name = styr_seq_item(e, (uint32_t)k);
            c[k] = name->kind == STYR_NODE_SCALAR ? styr_model_criterion(model, name->u.text, name->count) : -1;
            if (c[k] < 0) {
                st = at(err, file, name, "the model has no criterion '%s'",
                        name->kind == STYR_NODE_SCALAR ? name->u.text : "?");
                goto done;
            }
            if (local[c[k]] < 0) {
                local[c[k]] = (long)n;
                global[n] = (size_t)c[k];
                names[n++] = model->crit[c[k]].id;
            }
        }
        int ok;
        double v = judgement_value(styr_seq_item(e, 2), &ok);
        if (!ok || !isfinite(v) || v <= 0 || c[0] == c[1]) {
            st = at(err, file, e, "judgement must compare two different criteria with a number > 0");
            goto done;
        }
        js[i] = (styr_mcda_judgement){(size_t)local[c[0]], (size_t)local[c[1]], v};
    }
    out->ahp_n = n;
    if (n < 2) {   /* one criterion needs no matrix */
        if (n == 1)
            raw[global[0]] = 1;
        goto done;
    }
    a = malloc(n * n * sizeof *a);
    w = malloc(n * sizeof *w);
    size_t pairs = n * (n - 1) / 2, nmissing = 0;
    missing = malloc(pairs * sizeof *missing);
    if (!a || !w || !missing) {
        st = styr_error_set(err, STYR_E_NOMEM, NULL, 0, 0, "out of memory");
        goto done;
    }
    styr_error merr;
    styr_error_clear(&merr);
    styr_mcda_status ms = styr_mcda_ahp_matrix(n, js, list->count, names, a, missing, pairs, &nmissing, &merr);
    if (ms == STYR_MCDA_OK)
        ms = styr_mcda_ahp(a, n, STYR_MCDA_AHP_RECIPROCITY_TOL, names, w, &out->ahp, &merr);
    if (ms == STYR_MCDA_E_NOMEM) {   /* not the judgements' fault: never a finding about them */
        st = styr_error_set(err, STYR_E_NOMEM, NULL, 0, 0, "out of memory");
        goto done;
    }
    if (ms != STYR_MCDA_OK) {
        st = at(err, file, list, "%s", merr.message);
        goto done;
    }
    for (size_t i = 0; i < n; i++)
        raw[global[i]] = w[i];
    if (out->ahp.cr > STYR_MCDA_AHP_CR_WARN) {
        /* Name the one judgement to revisit, the way the file writes it. */
        styr_mcda_ahp_fix fix;
        bool found = false;
        styr_mcda_status fs = styr_mcda_ahp_best_fix(a, n, &fix, &found, &merr);
        if (fs == STYR_MCDA_E_NOMEM) {   /* the judgement to revisit would be missing without a word */
            st = styr_error_set(err, STYR_E_NOMEM, NULL, 0, 0, "out of memory");
            goto done;
        }
        if (fs == STYR_MCDA_OK && found)
            for (uint32_t q = 0; q < list->count; q++) {
                int same = js[q].i == fix.i && js[q].j == fix.j, flipped = js[q].i == fix.j && js[q].j == fix.i;
                if (!same && !flipped)
                    continue;
                out->has_fix = true;
                out->fix_a = global[js[q].i];
                out->fix_b = global[js[q].j];
                out->fix_from = js[q].value;
                out->fix_to = same ? fix.to : 1.0 / fix.to;
                out->fix_cr = fix.cr_after;
                break;
            }
    }
done:
    free(local);
    free(global);
    free(js);
    free(names);
    free(a);
    free(w);
    free(missing);
    return st;
}

styr_status styr_scenario_weights(const styr_model *model, const styr_node *root, const char *file,
                                  styr_weights *out, styr_error *err)
{
    memset(out, 0, sizeof *out);
    size_t m = model->ncrit;
    double *raw = calloc(m, sizeof *raw);
    out->w = malloc(m * sizeof *out->w);
    out->m = m;
    if (!raw || !out->w) {
        free(raw);
        styr_weights_free(out);
        return styr_error_set(err, STYR_E_NOMEM, NULL, 0, 0, "out of memory");
    }
    const styr_node *weights = styr_map_get(root, "weights", 7);
    const styr_node *pairwise = styr_map_get(root, "pairwise", 8);
    styr_status st = STYR_OK;
    if (weights && pairwise && !styr_node_is_null(weights) && !styr_node_is_null(pairwise)) {
        st = at(err, file, pairwise, "give either weights or pairwise, not both");
    } else if (pairwise && !styr_node_is_null(pairwise)) {
        out->source = STYR_WEIGHTS_PAIRWISE;
        st = from_pairwise(model, pairwise, file, raw, out, err);
    } else if (weights && !styr_node_is_null(weights)) {
        out->source = STYR_WEIGHTS_GIVEN;
        st = from_weights(model, weights, file, raw, err);
    } else {
        out->source = STYR_WEIGHTS_DEFAULT;
        for (size_t j = 0; j < m; j++)
            raw[j] = model->crit[j].default_weight;
    }
    if (st == STYR_OK) {
        /* Divide by the largest first, so weights near DBL_MAX cannot
         * overflow the sum (only their ratios matter). */
        double top = 0;
        for (size_t j = 0; j < m; j++)
            if (raw[j] > top)
                top = raw[j];
        for (size_t j = 0; top > 0 && j < m; j++)
            raw[j] /= top;
        styr_error merr;
        if (styr_mcda_weights_normalise(raw, m, out->w, &merr) != STYR_MCDA_OK)
            st = at(err, file, weights ? weights : pairwise ? pairwise : root,
                    "the weights are all zero; give at least one criterion a weight above 0");
    }
    free(raw);
    if (st != STYR_OK)
        styr_weights_free(out);
    return st;
}

void styr_weights_free(styr_weights *w)
{
    if (!w)
        return;
    free(w->w);
    w->w = NULL;
}
