/* run_limits.h - the bounds every run works within (FORMATS.md section 7).
 * Defaults are generous for real plans and small enough that hostile input
 * fails fast; the CLI lets a user override each of them. */
#ifndef STYR_RUN_LIMITS_H
#define STYR_RUN_LIMITS_H

#include <stddef.h>
#include <stdint.h>

typedef struct styr_limits {
    size_t max_file_bytes;       /* input file size */
    unsigned max_depth;          /* nesting of mappings and sequences */
    size_t max_alias_nodes;      /* nodes reachable through aliases, summed */
    size_t max_scalar_bytes;     /* one scalar's length */
    size_t max_findings;         /* findings kept per file; more are counted */
    size_t lua_max_bytes;        /* memory of the whole Lua state */
    uint64_t lua_max_instructions; /* VM instructions per rule call */
    double lua_max_seconds;      /* wall time per rule call, C calls included (0: the default) */
    struct styr_membudget *budget;  /* memory budget to share (mem_budget.h), or NULL: a new one of lua_max_bytes */
    int lang;                    /* language of the loader's explanations of YAML
                                    mistakes: STYR_LANG_SV (0, the default) or STYR_LANG_EN */
} styr_limits;

/* Fills lim with the defaults documented in the README. */
void styr_limits_default(styr_limits *lim);

#endif
