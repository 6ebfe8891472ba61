/* waivers.c - a plan's `waivers:` (FORMATS.md section 1): a finding the plan
 * waives on purpose keeps its place in every report, with the reason, and
 * no longer counts towards the exit code. */
#include "waivers.h"

#include <string.h>

#include "text.h"

static const styr_node *get(const styr_node *map, const char *key)
{
    return map && map->kind == STYR_NODE_MAP ? styr_map_get(map, key, strlen(key)) : NULL;
}

/* Does a waiver's rule text name finding rule `id`? "x.*" waives a family. */
static int waiver_matches_rule(const char *pat, size_t plen, const char *id)
{
    if (plen >= 2 && pat[plen - 1] == '*' && pat[plen - 2] == '.')
        return strncmp(id, pat, plen - 1) == 0;
    return strlen(id) == plen && memcmp(id, pat, plen) == 0;
}

void styr_waivers_apply(const styr_node *root, styr_findings *f)
{
    const styr_node *waivers = get(root, "waivers");
    if (!waivers || waivers->kind != STYR_NODE_SEQ || (waivers->flags & STYR_NODE_INVALID))
        return;
    for (uint32_t w = 0; w < waivers->count; w++) {
        const styr_node *wv = styr_seq_item(waivers, w);
        const styr_node *rule = get(wv, "rule"), *action = get(wv, "action"), *reason = get(wv, "reason");
        if (!rule || rule->kind != STYR_NODE_SCALAR || (rule->flags & STYR_NODE_INVALID))
            continue;
        /* A waiver without a reason waives nothing; a rule says so. A reason
         * of only white space is none (rules read it as absent too). */
        if (!reason || reason->kind != STYR_NODE_SCALAR || styr_node_is_null(reason) ||
            (reason->flags & STYR_NODE_INVALID) || styr_is_blank(reason->u.text, reason->count))
            continue;
        size_t rlen = rule->count, alen = 0;
        const char *rid = styr_trim(rule->u.text, &rlen);
        const char *aid = NULL;
        if (action && !styr_node_is_null(action)) {
            /* An action written as a list, a mapping or blank text is a
             * mistake the schema reports; the waiver then waives nothing,
             * never the rule for every action. */
            if (action->kind != STYR_NODE_SCALAR || (action->flags & STYR_NODE_INVALID))
                continue;
            if (styr_is_blank(action->u.text, action->count))
                continue;
            alen = action->count;
            aid = styr_trim(action->u.text, &alen);
        }
        for (size_t i = 0; i < f->count; i++) {
            styr_finding *fi = &f->items[i];
            if (fi->waiver_reason || strncmp(fi->rule, "plan.waiver.", 12) == 0)
                continue;
            if (!waiver_matches_rule(rid, rlen, fi->rule))
                continue;
            if (aid && !(fi->action && strlen(fi->action) == alen && memcmp(fi->action, aid, alen) == 0))
                continue;
            fi->waiver_reason = reason->u.text;
        }
    }
}
