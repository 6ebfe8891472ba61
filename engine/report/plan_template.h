/* plan_template.h - an empty action plan for a coordinator to fill in, and
 * the names a ruleset offers for its fields (the registry's owners, funders
 * and programmes, the financing types and statuses of its settings). */
#ifndef STYR_PLAN_TEMPLATE_H
#define STYR_PLAN_TEMPLATE_H

#include <stdio.h>

#include "ruleset.h"

typedef struct styr_name_list {
    const char **names;      /* owned by the ruleset; the array is malloc'd */
    size_t n, cap;
} styr_name_list;

/* The names of a drop-down list: "owner", "funder", "program" (the
 * registry's entries, without aliases), "financing_type" (setting
 * financing_types) or "status" (setting statuses); each once, in the order
 * the ruleset gives them. Free out->names with free(). */
void styr_plan_list_names(const styr_ruleset *rs, const char *list, styr_name_list *out);

/* Writes an empty plan in YAML with every field of FORMATS.md section 1 and,
 * as comments, the names the ruleset accepts. Returns 0, or -1 on a write
 * error. */
int styr_plan_template_yaml(FILE *out, const styr_ruleset *rs);

#endif
