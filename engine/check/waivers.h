/* waivers.h - applying a plan's waivers to its findings. */
#ifndef STYR_WAIVERS_H
#define STYR_WAIVERS_H

#include "doc.h"
#include "findings.h"

/* Marks every finding of f that a `waivers:` entry of the plan root names
 * (rule id exactly, or a family "x.*"; only the named action's findings
 * when it names one) as waived, with the entry's reason (borrowed from the
 * document). An entry without a reason waives nothing (plan.waiver rules
 * say so), and findings about waivers are never waived. */
void styr_waivers_apply(const styr_node *root, styr_findings *f);

#endif
