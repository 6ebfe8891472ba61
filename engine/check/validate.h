/* validate.h - judging one input file with a ruleset: schema, rules, waivers. */
#ifndef STYR_VALIDATE_H
#define STYR_VALIDATE_H

#include <stddef.h>
#include <stdint.h>

#include "doc.h"
#include "findings.h"
#include "ruleset.h"
#include "strmap.h"

/* Judges doc (already loaded) with rs. On STYR_OK res holds the findings,
 * sorted, with waivers applied; rule crashes are in res->rule_errors (the run
 * goes on without the crashed rule). A file that cannot be judged at all
 * (empty, not a mapping, unknown kind) returns STYR_E_INPUT with err set.
 * rs is only read; opts (borrowed) sets the language, threads and profiling. */
/* Gives every finding its rule's remedy in the run's language (the one
 * filled with the finding's values, else the rule's text), so that each
 * report writer can show it beside the finding. */
void styr_validate_attach_remediation(const styr_ruleset *rs, int lang, styr_findings *f);

styr_status styr_validate_doc(styr_ruleset *rs, const styr_run_opts *opts, styr_doc *doc,
                              styr_file_result *res, styr_error *err);

/* As styr_validate_doc, for a scenario judged together with the areas it
 * will score: find_area() and areas_loaded() see `areas` (an areas[] list of
 * another document). areas may be NULL. */
styr_status styr_validate_doc_with_areas(styr_ruleset *rs, const styr_run_opts *opts, styr_doc *doc,
                                         const styr_node *areas, styr_file_result *res, styr_error *err);

/* Runs every rule of scope once, over the value at node_index with the view
 * at root_index as its second argument (for judges of other kinds of file,
 * such as followup.c). */
void styr_run_rules(styr_run *run, styr_scope scope, int node_index, int root_index);

/* Runs every rule of scope over each map item of seq (noun names an item in
 * crash messages). */
void styr_run_rules_over(styr_run *run, styr_scope scope, const styr_node *seq, int root_index,
                         const char *noun);

/* Adds what this layer gives rules (the Lua tables `followup` and
 * `previous`) to the rule API. Call it once before loading a ruleset whose
 * rules judge plans or follow-ups; it is safe to call again, from any
 * thread. (The CLI and the public API do.) */
void styr_check_init(void);

#endif
