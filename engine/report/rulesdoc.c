/* rulesdoc.c - Markdown documentation of a ruleset (see rulesdoc.h). */
#include "rulesdoc.h"
#include "internal/md.h"

#include <string.h>


static const char *const parts[] = {"document.", "plan.", "strategy.", "action.", "area.", "scenario.", NULL};
static const char *const part_titles[] = {
    "Document (styrande dokument)", "Plan", "Strategies", "Actions (insatser)",
    "Innovation areas (innovationsområden)", "Scenarios"};

static void one_rule(FILE *out, const styr_rule *r)
{
    fputs("### `", out);
    md_code(out, r->id);
    fputs("`\n\n", out);
    fprintf(out, "- Severity: **%s**%s\n", styr_severity_name(r->severity),
            r->severity != r->declared ? " (changed by the ruleset)" : "");
    fprintf(out, "- Applies to: %s\n", r->scope == STYR_SCOPE_ENGINE ? "every value (checked by the schema)"
                                                                     : styr_scope_name(r->scope));
    fputs("- Declared in: ", out);
    md_text(out, r->ruleset);
    if (r->file) {
        fputs(" (`", out);
        md_code(out, r->file);
        fprintf(out, ":%u`)", r->line);
    }
    fputc('\n', out);
    fputs("- Source: ", out);
    md_text(out, r->source ? r->source : "(not stated)");
    fputc('\n', out);
    if (r->description[1] || r->description[0]) {
        fputs("- Description: ", out);
        md_text(out, r->description[1] ? r->description[1] : r->description[0]);
        fputc('\n', out);
    }
    fputs("- Message (sv): ", out);
    md_text(out, r->message[0]);
    fputs("\n- Message (en): ", out);
    md_text(out, r->message[1] ? r->message[1] : r->message[0]);
    fputc('\n', out);
    if (r->remediation[0] || r->remediation[1]) {
        fputs("- What to do (sv): ", out);
        md_text(out, r->remediation[0] ? r->remediation[0] : r->remediation[1]);
        fputs("\n- What to do (en): ", out);
        md_text(out, r->remediation[1] ? r->remediation[1] : r->remediation[0]);
        fputc('\n', out);
    }
    fputc('\n', out);
}

static const char *scalar(const styr_node *n)
{
    return n && n->kind == STYR_NODE_SCALAR && n->stype != STYR_SCALAR_NULL ? n->u.text : NULL;
}

/* The registries of the chain: every entry with where it comes from. */
static void registry_doc(const styr_ruleset *rs, FILE *out)
{
    static const char *const lists[] = {"owners", "boards", "programs", "funders", "reports", NULL};
    for (size_t d = 0; d < rs->ndocs; d++) {
        const styr_node *root = rs->docs[d]->root;
        const char *kind = root && root->kind == STYR_NODE_MAP ? scalar(styr_map_get(root, "kind", 4)) : NULL;
        if (!kind || strcmp(kind, "registry") != 0)
            continue;
        fputs("## Registry `", out);
        md_code(out, rs->docs[d]->file);
        fputs("`\n\n| List | Name | Level or type | Source |\n|---|---|---|---|\n", out);
        for (int l = 0; lists[l]; l++) {
            const styr_node *list = styr_map_get(root, lists[l], strlen(lists[l]));
            for (uint32_t i = 0; list && list->kind == STYR_NODE_SEQ && i < list->count; i++) {
                const styr_node *e = styr_seq_item(list, i);
                const char *name = e->kind == STYR_NODE_MAP ? scalar(styr_map_get(e, "name", 4)) : scalar(e);
                if (!name)
                    continue;
                const char *level = e->kind == STYR_NODE_MAP ? scalar(styr_map_get(e, "level", 5)) : NULL;
                const char *type = e->kind == STYR_NODE_MAP ? scalar(styr_map_get(e, "type", 4)) : NULL;
                const char *src = e->kind == STYR_NODE_MAP ? scalar(styr_map_get(e, "source", 6)) : NULL;
                fprintf(out, "| %s | ", lists[l]);
                md_text(out, name);
                fputs(" | ", out);
                md_text(out, level ? level : type ? type : "");
                fputs(" | ", out);
                md_text(out, src ? src : "(not stated)");
                fputs(" |\n", out);
            }
        }
        fputc('\n', out);
    }
}

void styr_rules_doc(const styr_ruleset *rs, FILE *out)
{
    fputs("# Ruleset `", out);
    md_code(out, rs->name);
    fputs("`\n\n", out);
    fputs("Loaded in this order (a later ruleset overrides an earlier one): ", out);
    for (size_t i = 0; i < rs->nchain; i++)
    {
        fputs(i ? ", `" : "`", out);
        md_code(out, rs->chain[i]);
        fputc('`', out);
    }
    fprintf(out, ".\n\n%zu rules. Severities: error makes `styr validate` exit 1; warning and info "
                 "are shown but do not (unless `--fail-on` says so).\n\n", rs->nrules);
    for (int p = 0; parts[p]; p++) {
        size_t plen = strlen(parts[p]);
        int any = 0;
        for (size_t i = 0; i < rs->nrules; i++) {
            const styr_rule *r = &rs->rules[i];
            if (strncmp(r->id, parts[p], plen) != 0)
                continue;
            if (!any++)
                fprintf(out, "## %s\n\n", part_titles[p]);
            one_rule(out, r);
        }
    }
    registry_doc(rs, out);
    const styr_model *m = rs->model;
    if (!m)
        return;
    fputs("## Prioritisation model `", out);
    md_code(out, m->id);
    /* After a label, never at a line's start: there '#', '-', '>' or "1."
     * would make the title a heading, a list or a quote. */
    fputs("`\n\nTitle: ", out);
    md_text(out, m->title[1] ? m->title[1] : m->title[0]);
    fputs("\n\n| Criterion | Label (sv) | Label (en) | Scale | Direction | Value | Default weight |\n"
          "|---|---|---|---|---|---|---:|\n", out);
    for (size_t j = 0; j < m->ncrit; j++) {
        const styr_criterion *c = &m->crit[j];
        fputs("| `", out);
        md_code_cell(out, c->id);
        fputs("` | ", out);
        md_text(out, c->label[0]);
        fputs(" | ", out);
        md_text(out, c->label[1]);
        if (c->has_scale)
            fprintf(out, " | %g–%g", c->lo, c->hi);
        else
            fputs(" | min–max over the areas", out);
        fprintf(out, " | %s | %s | %g |\n", c->cost ? "cost (lower is better)" : "benefit",
                c->assessed ? "assessed" : "computed", c->default_weight);
    }
    for (size_t g = 0; g < m->ngates; g++) {
        fputs(g ? "- Gate `" : "\nGates (an area failing one is left out):\n\n- Gate `", out);
        md_code(out, m->gates[g].id);
        fputs("`: an area that ", out);
        md_text(out, m->gates[g].message[1] ? m->gates[g].message[1] : m->gates[g].message[0]);
        fputs(" is left out.\n", out);
    }
}
