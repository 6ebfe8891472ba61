/* embed.c - a program that embeds styr the way a user's program would:
 * only through the installed styr.h and library. It validates the plan it is
 * given with the installed goteborg ruleset (the default search path) and
 * prints the counts, so the package tests can compare them with the CLI.
 *   embed PLAN.yaml */
#include <stdio.h>
#include <string.h>

#include <styr.h>

int main(int argc, char **argv)
{
    if (argc != 2) {
        fputs("usage: embed PLAN.yaml\n", stderr);
        return 2;
    }
    styr_problem why;
    styr_rules *rules = styr_rules_load("goteborg", "en", &why);
    if (!rules) {
        fprintf(stderr, "%s\n", why.message);
        return 2;
    }
    styr_report *r = styr_validate_file(rules, argv[1], &why);
    if (!r) {
        fprintf(stderr, "%s:%u: %s\n", why.file, why.line, why.message);
        styr_rules_free(rules);
        return 2;
    }
    /* The report owns its strings: read them after the rules are gone. */
    styr_rules_free(rules);
    size_t n = styr_report_count(r), named = 0;
    for (size_t i = 0; i < n; i++)
        named += strchr(styr_report_finding(r, i).rule, '.') != NULL;
    printf("styr %s (%d.%d.%d): %zu findings, %zu errors, %zu named\n", styr_version(), STYR_VERSION_MAJOR,
           STYR_VERSION_MINOR, STYR_VERSION_PATCH, n, styr_report_total(r, "error"), named);
    styr_report_free(r);
    return 0;
}
