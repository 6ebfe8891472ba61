/* fuzz_common.h - what the fuzz targets share: the goteborg ruleset, loaded
 * once per process (as the CLI does per run), and small limits so that a
 * fuzzer's input cannot legitimately take long. */
#ifndef STYR_FUZZ_COMMON_H
#define STYR_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "ruleset.h"
#include "validate.h"

/* The source tree's rulesets: the library never looks there by itself. */
static const char *const bundled_rules[] = {STYR_SOURCE_DIR "/rules", NULL};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Limits for fuzzing: generous for real plans, quick to hit for junk. */
static inline void fuzz_limits(styr_limits *lim)
{
    styr_limits_default(lim);
    lim->max_file_bytes = 1024 * 1024;
    lim->max_alias_nodes = 100000;
    lim->lua_max_instructions = 2000000;
    lim->lua_max_bytes = 256u * 1024 * 1024;
}

/* The default ruleset, loaded on first use and kept for the process. */
static inline styr_ruleset *fuzz_ruleset(void)
{
    static styr_ruleset *rs;
    if (!rs) {
        styr_limits lim;
        fuzz_limits(&lim);
        styr_error err;
        styr_check_init();
        if (styr_ruleset_load_from("goteborg", bundled_rules, &lim, &rs, &err) != STYR_OK) {
            fprintf(stderr, "fuzz: cannot load the goteborg ruleset: %s\n", err.message);
            abort();
        }
    }
    return rs;
}

#endif
