/* diff.h - two versions of a plan (or of an areas file) compared
 * (FORMATS.md section 12): actions added, removed, renumbered and changed
 * field by field, and the findings that are new or fixed.
 *
 * Actions are paired by what they say, not by their id: the similarity of
 * their titles (character trigrams of the folded text, Dice's coefficient;
 * the description counts too when both have one). Pairs at or above
 * STYR_DIFF_SAME are taken best first (an equal id breaks a tie); an action
 * that keeps its id with a rewritten title is still the same action when the
 * similarity is at least STYR_DIFF_SAME_ID. A pair with different ids is
 * renumbered; an action left unpaired is added or removed.
 */
#ifndef STYR_DIFF_H
#define STYR_DIFF_H

#include <stddef.h>
#include <stdio.h>

#include "doc.h"
#include "ruleset.h"
#include "validate.h"

#define STYR_DIFF_SAME 0.6
#define STYR_DIFF_SAME_ID 0.3

/* One field that differs: path relative to the action ("owner",
 * "timeline.end", "financing[0].amount_sek"); old or new is NULL when the
 * field is only on one side. */
typedef struct styr_diff_field {
    char *path;
    const styr_node *old, *new_;
} styr_diff_field;

typedef enum styr_diff_kind {
    STYR_DIFF_UNCHANGED = 0,
    STYR_DIFF_CHANGED,
    STYR_DIFF_RENUMBERED,     /* possibly changed too */
    STYR_DIFF_ADDED,
    STYR_DIFF_REMOVED
} styr_diff_kind;

typedef struct styr_diff_item {
    styr_diff_kind kind;
    const styr_node *old, *new_;     /* the action on each side, or NULL */
    char *old_id, *new_id;           /* trimmed ids, or NULL */
    double similarity;               /* of a pair; 0 for added and removed */
    styr_diff_field *fields;         /* what changed (the id not included) */
    size_t nfields;
    int has_money_old, has_money_new;
    double money_old, money_new;     /* financing amounts summed (cost_sek for an area) */
} styr_diff_item;

typedef struct styr_diff {
    const char *kind;                /* "action-plan" or "innovation-areas" */
    styr_doc *old_doc, *new_doc;
    styr_file_result old_res, new_res;
    int illustrative_old, illustrative_new;
    styr_diff_item *items;           /* the new file's actions in order, then the removed ones */
    size_t nitems;
    styr_diff_field *top;            /* differences outside the actions (document, period, ...) */
    size_t ntop;
    const styr_finding **found_new;  /* findings of the new file that the old one lacks */
    size_t nfound_new;
    const styr_finding **found_fixed;/* findings of the old file the new one no longer has */
    size_t nfound_fixed;
} styr_diff;

/* Loads old_path and new_path (both action plans or both areas files),
 * judges each with rs and compares them. A file that cannot be read or
 * judged, or two files of different kinds, is an error with file and line.
 * d must be freed with styr_diff_free either way. */
styr_status styr_diff_load(styr_ruleset *rs, const styr_run_opts *opts, const char *old_path, const char *new_path, const styr_limits *lim,
                           styr_diff *d, styr_error *err);

void styr_diff_free(styr_diff *d);

/* Similarity of two texts in [0, 1]: Dice's coefficient of the character
 * trigrams of their folded forms (1 for equal texts, 0 when one is empty). */
double styr_diff_similarity(const char *a, size_t alen, const char *b, size_t blen);

/* Appends to *fields (growing *n) every difference between old and new
 * (either may be NULL), with paths that start with prefix. Returns 0, or -1
 * when out of memory. */
int styr_diff_nodes(const styr_node *old, const styr_node *new_, const char *prefix, styr_diff_field **fields,
                    size_t *n);

/* Writes a value as JSON (null for NULL). */
void styr_diff_json_value(FILE *out, const styr_node *v);

/* The same JSON as a malloc'd string (NULL without memory), for writers
 * that put it in a cell or escape it. */
char *styr_diff_json_text(const styr_node *v);

/* How many items have this kind. */
size_t styr_diff_count(const styr_diff *d, styr_diff_kind kind);

#endif
