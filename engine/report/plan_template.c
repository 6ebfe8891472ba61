/* plan_template.c - the empty plan of `styr template` and the names of the
 * ruleset offered for its fields (see plan_template.h). */
#include "plan_template.h"
#include "report_lost.h"

#include <stdlib.h>
#include <string.h>

static const styr_node *get(const styr_node *map, const char *key)
{
    return map && map->kind == STYR_NODE_MAP ? styr_map_get(map, key, strlen(key)) : NULL;
}

static void add_name(styr_name_list *l, const char *s)
{
    if (!s || !*s)
        return;
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->names[i], s) == 0)
            return;
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 32;
        const char **g = realloc(l->names, cap * sizeof *g);
        if (!g) {
            styr_report_lost();
            return;
        }
        l->names = g;
        l->cap = cap;
    }
    l->names[l->n++] = s;
}

/* Every registry.yaml of the ruleset and its parents, parents first. */
static void registry_names(const styr_ruleset *rs, const char *list, styr_name_list *out)
{
    for (size_t d = 0; rs && d < rs->ndocs; d++) {
        const styr_node *root = rs->docs[d]->root, *kind = get(root, "kind");
        if (!kind || kind->kind != STYR_NODE_SCALAR || strcmp(kind->u.text, "registry") != 0)
            continue;
        const styr_node *entries = get(root, list);
        for (uint32_t i = 0; entries && entries->kind == STYR_NODE_SEQ && i < entries->count; i++) {
            /* an entry is a mapping with a name, or the name alone (as
             * ruleset.c's registry index reads it) */
            const styr_node *e = styr_seq_item(entries, i), *name = e->kind == STYR_NODE_SCALAR ? e : get(e, "name");
            if (name && name->kind == STYR_NODE_SCALAR)
                add_name(out, name->u.text);
        }
    }
}

static void setting_names(const styr_ruleset *rs, const char *setting, styr_name_list *out)
{
    const styr_node *v = rs ? styr_ruleset_setting(rs, setting) : NULL;
    for (uint32_t i = 0; v && v->kind == STYR_NODE_SEQ && i < v->count; i++)
        if (styr_seq_item(v, i)->kind == STYR_NODE_SCALAR)
            add_name(out, styr_seq_item(v, i)->u.text);
}

void styr_plan_list_names(const styr_ruleset *rs, const char *list, styr_name_list *out)
{
    memset(out, 0, sizeof *out);
    if (strcmp(list, "owner") == 0)
        registry_names(rs, "owners", out);
    else if (strcmp(list, "funder") == 0)
        registry_names(rs, "funders", out);
    else if (strcmp(list, "program") == 0)
        registry_names(rs, "programs", out);
    else if (strcmp(list, "financing_type") == 0)
        setting_names(rs, "financing_types", out);
    else if (strcmp(list, "status") == 0)
        setting_names(rs, "statuses", out);
}

static void comment_names(FILE *out, const styr_ruleset *rs, const char *list, const char *what)
{
    styr_name_list l;
    styr_plan_list_names(rs, list, &l);
    if (l.n) {
        fprintf(out, "# %s:", what);
        size_t col = strlen(what) + 3;
        for (size_t i = 0; i < l.n; i++) {
            size_t len = strlen(l.names[i]) + 2;
            if (col + len > 78) {
                fputs("\n#  ", out);
                col = 3;
            }
            fprintf(out, " %s%s", l.names[i], i + 1 < l.n ? "," : "");
            col += len;
        }
        fputc('\n', out);
    }
    free(l.names);
}

int styr_plan_template_yaml(FILE *out, const styr_ruleset *rs)
{
    fputs("# Handlingsplan: fyll i fälten och kontrollera med `styr validate PLAN.yaml`.\n"
          "# Sätt texter som innehåller ': ' inom citattecken. Belopp i hela kronor.\n", out);
    comment_names(out, rs, "owner", "Ansvariga (owner)");
    comment_names(out, rs, "funder", "Finansiärer (source)");
    comment_names(out, rs, "program", "Program (links.programs)");
    comment_names(out, rs, "financing_type", "Finansieringstyper (type)");
    comment_names(out, rs, "status", "Status");
    fputs("kind: action-plan\n"
          "version: 1\n"
          "id:                      # valfritt, t.ex. goteborg-innovation-2018-2019\n"
          "document:\n"
          "  title:                 # dokumentets titel\n"
          "  type: plan             # dokumentsort\n"
          "  decided_by:            # beslutad av, t.ex. Kommunfullmäktige\n"
          "  decision:              # datum och paragraf för beslutet\n"
          "  applies_to: []         # gäller för\n"
          "  reference:             # diarienummer, t.ex. \"1580/17\"\n"
          "  valid_from:            # ÅÅÅÅ-MM-DD\n"
          "  valid_until:           # ÅÅÅÅ-MM-DD\n"
          "  last_revised:          # ÅÅÅÅ-MM-DD\n"
          "  responsible:           # dokumentansvarig\n"
          "  implements: []         # styrande dokument planen genomför\n"
          "period:                  # planperioden, t.ex. 2018 till 2019\n"
          "  from:\n"
          "  to:\n"
          "follow_up:\n"
          "  reports: []            # t.ex. [UR2, UR4]\n"
          "  escalate_to:           # dit stora avvikelser lyfts\n"
          "strategies:\n"
          "  - id: \"1\"\n"
          "    title:\n"
          "actions:\n"
          "  - id: \"1.1\"\n"
          "    strategy: \"1\"\n"
          "    title:\n"
          "    description:\n"
          "    owner:\n"
          "    partners: []\n"
          "    timeline:\n"
          "      start:             # ÅÅÅÅ-MM\n"
          "      end:\n"
          "    financing:\n"
          "      - source:\n"
          "        type:\n"
          "        amount_sek:\n"
          "        fte:\n"
          "        until:\n"
          "    links:\n"
          "      programs: []\n"
          "      actions: []\n",
          out);
    return ferror(out) ? -1 : 0;
}
