/* budget.h - an action plan's money and staff year by year (FORMATS.md
 * section 13, `styr budget`): what its actions' financing adds up to per year,
 * per owner and per funder, against the plan's budget block, and the gap left
 * when money that ends during the period is not replaced.
 *
 * The gap follows the same reading as the rule plan.budget.gap
 * (rules/core/budget.lua): the first budget year is the base; in a later year,
 * when every grant of the plan has ended, the base year's external FTE (and
 * the grants' money for the base year) is lost, and what that year's budget
 * adds over the base replaces it. A budget field a year leaves out keeps the
 * base year's level. */
#ifndef STYR_BUDGET_H
#define STYR_BUDGET_H

#include <stddef.h>

#include "capacity.h"
#include "doc.h"
#include "error.h"
#include "ruleset.h"

typedef struct styr_budget_sek {
    double decided, requested, conditional;   /* by the financing's status */
    double external, own;                     /* grants, and everything else */
} styr_budget_sek;

typedef struct styr_budget_year {
    int year;
    styr_budget_sek sek;          /* the actions' financing for the year */
    double fte_own, fte_external;
    int has_budget;               /* the budget block has an entry for the year */
    int has_budget_sek;           /* ... with funding_sek */
    double budget_sek;            /* funding_sek; when the year leaves it out, the base
                                     year's (used by the gap; the reports show it as not stated) */
    double budget_fte_reprioritised, budget_fte_external;
    const char *budget_status;    /* decided | requested | conditional | projected, or NULL */
    double gap_sek, gap_fte;      /* money and FTE that ended and were not replaced */
} styr_budget_year;

typedef struct styr_budget_owner_year {
    int year;
    unsigned actions;             /* actions of this owner running in the year */
    double sek, fte;
    int over[STYR_CAP_COUNT];     /* more than the capacity (capacity.h) */
} styr_budget_owner_year;

typedef struct styr_budget_owner {
    char *owner;                  /* the registry's name; as written when unknown;
                                     NULL: no owner given and no default owner */
    unsigned actions;             /* actions it carries, the plan's default owner applied */
    styr_budget_owner_year *years;   /* one per year of the period */
    styr_capacity capacity;       /* the ruleset's workload_capacity for it */
    int over;                     /* some year is over some capacity */
    char *first_action;           /* the id of its first action, or NULL */
} styr_budget_owner;

/* An action as the projection reads it: who carries it and when it runs (the
 * same days the HTML timeline draws: its own start and end, the plan period
 * for what it leaves out). */
typedef struct styr_budget_action {
    const char *id;               /* trimmed: id_len bytes of the plan's text
                                     (borrowed, as root; not NUL-terminated) */
    size_t id_len;
    const char *owner;            /* the owner it is counted under (owners[].owner, or NULL) */
    int has_span;                 /* start and end known, start <= end */
    char start[11], end[11];      /* YYYY-MM-DD */
    int own;                      /* the action gives a date of its own */
} styr_budget_action;

typedef struct styr_budget_funder {
    char *funder;                 /* NULL: money without a source (own money) */
    char until[11];               /* YYYY-MM-DD, or "" when its money has no end */
    double sek;
    int external;                 /* a grant */
} styr_budget_funder;

typedef struct styr_budget {
    char *plan;                   /* the file */
    const styr_node *root;        /* the plan itself, borrowed from the doc given
                                     (the page draws its timeline) */
    int from, to;                 /* the period's years */
    size_t nyears;
    styr_budget_year *years;
    size_t nowners;
    styr_budget_owner *owners;
    size_t nfunders;
    styr_budget_funder *funders;
    size_t nactions;
    styr_budget_action *actions;  /* the plan's actions with an id, in plan order */
    char *gap_sources;            /* the grants whose end makes the gap, ", "-joined, or NULL */
    int gap_unnamed;              /* ... and among them a grant that names no source */
    int illustrative;             /* the plan says illustrative: true (made-up data):
                                     every output of it says so */
} styr_budget;

/* Projects the plan in doc (an action plan) with the registry and the
 * workload_capacity of rs. Fails
 * with STYR_E_INPUT when the plan has no valid period (of at most 100 years). */
styr_status styr_budget_compute(const styr_ruleset *rs, const styr_doc *doc, const char *file,
                                styr_budget *out, styr_error *err);
void styr_budget_free(styr_budget *b);

#endif
