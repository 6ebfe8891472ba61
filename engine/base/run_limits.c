/* run_limits.c - the default limits. */
#include "run_limits.h"

void styr_limits_default(styr_limits *lim)
{
    lim->max_file_bytes = 64u * 1024 * 1024;
    lim->max_depth = 64;
    lim->max_alias_nodes = 1000000;
    lim->max_scalar_bytes = 1024 * 1024;
    lim->max_findings = 100000;
    lim->lua_max_bytes = 512u * 1024 * 1024;
    lim->lua_max_instructions = 10000000;
    lim->lua_max_seconds = 10;
    lim->budget = NULL;
    lim->lang = 0;
}
