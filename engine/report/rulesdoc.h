/* rulesdoc.h - `styr rules doc`: Markdown documentation of a ruleset. */
#ifndef STYR_RULESDOC_H
#define STYR_RULESDOC_H

#include <stdio.h>

#include "ruleset.h"

/* Writes a Markdown page: the ruleset chain, then a section a part of the
 * plan with every rule's id, severity, scope, where it is declared, its
 * description, its Swedish and English messages and its remediation; and,
 * with a model, the criteria of the prioritisation model. */
void styr_rules_doc(const styr_ruleset *rs, FILE *out);

#endif
