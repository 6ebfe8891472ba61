/* rulestest.h - `styr rules test`: runs a ruleset's own fixtures. */
#ifndef STYR_RULESTEST_H
#define STYR_RULESTEST_H

#include <stdio.h>

#include "ruleset.h"

/* Runs every fixture under <dir>/tests/ of each ruleset in rs's chain.
 *
 * A fixture is an input file whose leading comment lines state what must
 * happen:   # styr-test: fires RULE-ID...   (each fires at least once)
 *           # styr-test: quiet RULE-ID...   (none of them fires; * = no finding at all)
 *           # styr-test: fails TEXT         (the file cannot be judged; message contains TEXT)
 *           # styr-test: with-areas FILE    (a scenario judged with this areas file, as by score)
 *           # styr-test: settings {YAML}    (settings over the ruleset's for this fixture)
 * Every rule of the ruleset must fire in some fixture and stay quiet in
 * another. Prints a line per check and "N passed, M failed"; returns M (or
 * -1 when no fixture was found, -2 when a fixture file or folder was refused:
 * every file a fixture run reads must be a regular file inside the ruleset
 * folder, within the input size limit, and no linked folder is followed;
 * -3 when memory ran out, before the summary: no fixture is blamed). */
int styr_rules_test(styr_ruleset *rs, const styr_run_opts *opts, FILE *out, int verbose);

#endif
