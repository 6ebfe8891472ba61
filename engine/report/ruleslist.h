/* ruleslist.h - `styr rules list`: a ruleset's rules as text or JSON. */
#ifndef STYR_RULESLIST_H
#define STYR_RULESLIST_H

#include <stdio.h>

#include "ruleset.h"

/* One line (text) or one object (json) a rule: id, severity in force, scope,
 * the ruleset that declares it, its message in lang, where it is declared.
 * The JSON carries format_version, ruleset and ruleset_path (FORMATS.md 9). */
void styr_report_rules_list(FILE *out, const styr_ruleset *rs, int lang, int json);

#endif
