/* schema.h - type checking a document against the ruleset's schema.yaml.
 *
 * A value of the wrong type becomes one `<part>.type` finding and is
 * flagged INVALID, so rules read it as absent and do not report it again;
 * an unknown key becomes a `<part>.unknown-key` warning with a suggestion.
 */
#ifndef STYR_SCHEMA_H
#define STYR_SCHEMA_H

#include "run.h"
#include "ruleset.h"

/* Checks root against the schema type named type_name. Returns STYR_OK, or
 * STYR_E_RULESET when the schema itself is unusable (err says where). */
styr_status styr_schema_check(styr_run *run, styr_node *root, const char *type_name,
                              styr_error *err);

/* A rule asked for the items of v (each()), but v is not a list: reports
 * `<part>.type` ("must be a list") once, for the part the running rule
 * judges, and flags v INVALID, so that a rule meeting a value the schema
 * does not know gets a finding instead of a crash. Returns -1 when memory
 * ran out before the finding was kept (the rule must then fail). */
int styr_schema_not_a_list(styr_run *run, const styr_node *v);

#endif
