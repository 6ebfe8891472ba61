/* followup.h - judging a follow-up report (kind: follow-up, FORMATS.md
 * section 11) against the plan it follows up.
 *
 * The engine works out the facts of each action of the plan (its planned
 * end, the forecast, the delay in days, the money budgeted and spent, the
 * overspend); the `followup.` rules in Lua judge them with the thresholds
 * of the ruleset's settings. An action is escalated (to the body the plan's
 * follow_up.escalate_to names) when a rule whose id starts with
 * `followup.escalate.` reports on it; the findings' messages are the reasons.
 */
#ifndef STYR_FOLLOWUP_H
#define STYR_FOLLOWUP_H

#include <lua.h>
#include <stddef.h>
#include <stdint.h>

#include "doc.h"
#include "ruleset.h"
#include "validate.h"

/* The rule id prefix that makes a finding an escalation. */
#define STYR_FOLLOWUP_ESCALATE_PREFIX "followup.escalate."

/* One action of the plan, as the follow-up left it. */
typedef struct styr_followup_action {
    char *id;                   /* the plan's id */
    const char *strategy, *title, *owner;   /* the plan's texts, or NULL */
    const styr_node *entry;     /* the follow-up's entry for it, or NULL */
    const char *status;         /* the entry's status text, or NULL */
    const char *comment;        /* the entry's comment, or NULL */
    int has_start, has_end;     /* planned timeline (the plan period stands in) */
    int64_t start, end;         /* day ordinals */
    int has_forecast;
    int64_t forecast_end;
    int has_delay;
    int64_t delay_days;         /* >= 0 */
    int has_budget;             /* some financing entry has amount_sek */
    int budget_partial;         /* ... and some other has none (money not known) */
    double budget_sek;          /* the sum of the financing amounts */
    int has_spent;
    double spent_sek;
    int has_overspend;          /* spent and budget known (0 kr: all spent is over) */
    double overspend_sek;       /* >= 0 */
    int escalate;
    char **reasons;             /* messages of the escalating findings */
    size_t nreasons;
} styr_followup_action;

typedef struct styr_followup {
    styr_doc *doc;              /* the follow-up file */
    styr_doc *plan_doc;         /* the plan it follows up */
    char *plan_path;            /* the plan's path as opened (relative to the follow-up file) */
    const char *report;         /* UR2, UR4, ... or NULL */
    const char *as_of_text;     /* as written, or NULL */
    int have_as_of;
    int64_t as_of;              /* day ordinal */
    int illustrative;           /* the follow-up or its plan says illustrative: true */
    const char *plan_title;     /* document.title of the plan, or NULL */
    const char *escalate_to;    /* follow_up.escalate_to of the plan, or NULL */
    int have_period;
    int64_t period_from, period_to;
    styr_file_result res;       /* the follow-up's findings */
    styr_file_result plan_res;  /* the plan judged by the same ruleset (counted, not listed) */
    styr_followup_action *actions;  /* the plan's actions, in plan order */
    size_t nactions;
    size_t nescalations;
} styr_followup;

/* Whether doc is a follow-up (its top-level kind is "follow-up"). */
int styr_followup_is(const styr_doc *doc);

/* The path of the plan a follow-up document at path names (relative to
 * path's folder unless absolute), malloc'd; NULL when doc names none. Lets
 * a caller vet the file before styr_followup_load opens it. */
char *styr_followup_plan_path(const char *path, const styr_doc *doc);

/* Loads the follow-up at path and the plan it names (relative to path's
 * folder), judges the plan and then the follow-up with rs. On STYR_OK fu
 * holds the facts and findings (rule crashes in fu->res.rule_errors). A file
 * that cannot be read or judged at all gives an error with file, line and
 * column. fu must be freed with styr_followup_free either way. */
styr_status styr_followup_load(styr_ruleset *rs, const styr_run_opts *opts, const char *path, const styr_limits *lim,
                               styr_followup *fu, styr_error *err);

void styr_followup_free(styr_followup *fu);

/* The action with this id, or NULL. */
const styr_followup_action *styr_followup_find(const styr_followup *fu, const char *id, size_t len);

/* Writes a day ordinal as YYYY-MM-DD into buf (at least 16 bytes). */
void styr_day_text(int64_t day, char *buf);

/* Lua: followup.facts(id) -> {status, delay_days, budget_sek, budget_partial,
 * spent_sek, overspend_sek, planned_end, forecast_end} (absent facts are nil;
 * budget_partial is true when some financing row has no amount), or nil
 * for an id the plan does not have. Registered by styr_check_init. */
int styr_followup_api_facts(lua_State *L);

/* Lua: followup.as_of() -> the follow-up's date as a day number, or nil. */
int styr_followup_api_as_of(lua_State *L);

#endif
