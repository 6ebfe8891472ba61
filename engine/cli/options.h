/* options.h - one option table per command. A command's table drives the
 * parsing of its command line (getopt_long), its `--help`, its usage line
 * and the man page's synopsis, so the four cannot drift apart. */
#ifndef STYR_CLI_OPTIONS_H
#define STYR_CLI_OPTIONS_H

#include <stdio.h>

#include "cli.h"

/* Every option any command takes; a command lists the ones it accepts. */
typedef enum cli_opt {
    OPT_END = 0,
    OPT_RULES = 256, OPT_FORMAT, OPT_OUTPUT, OPT_FAIL_ON, OPT_LANG, OPT_QUIET, OPT_PROFILE, OPT_THREADS,
    OPT_SCENARIO, OPT_EXPLAIN, OPT_SAMPLES, OPT_SEED, OPT_SPREAD,
    OPT_MAX_FILE_SIZE, OPT_MAX_DEPTH, OPT_MAX_ALIAS_NODES, OPT_MAX_SCALAR_SIZE, OPT_MAX_FINDINGS,
    OPT_MAX_RULE_MEMORY, OPT_MAX_INSTRUCTIONS, OPT_MAX_RULE_SECONDS, OPT_PREVIOUS, OPT_SARIF_WAIVED, OPT_NO_REMEDIATION, OPT_AUDIENCE, OPT_HELP
} cli_opt;

/* A help text in both languages, Swedish first as every message of styr:
 * `styr help` speaks the run's language (--lang, else the locale). */
typedef struct cli_words {
    const char *sv;
    const char *en;
} cli_words;

/* One option a command accepts; help {NULL, NULL} means the catalogue's line. */
typedef struct cli_use {
    cli_opt id;
    cli_words help;
} cli_use;

typedef struct cli_command {
    const char *name;            /* "validate", or "rules list" */
    const char *operands;        /* the synopsis' operands, e.g. "PLAN.yaml..." */
    const char *required;        /* options the synopsis shows as required, or NULL */
    cli_words about;             /* what the command does (help) */
    const char *const *formats;  /* --format's values, the first the default; NULL: no --format */
    const cli_use *uses;         /* the options it takes, OPT_END-terminated */
    cli_words closing;           /* exit codes and notes at the end of --help */
    size_t min_files, max_files; /* operands; max 0 = any number */
    int (*run)(options *o);
} cli_command;

/* The commands, in the order help lists them; NULL-terminated. */
extern const cli_command *const cli_commands[];

/* The command named by argv[1] (and argv[2] for "rules"), or NULL. *used
 * is how many words named it. */
const cli_command *cli_find_command(int argc, char **argv, int *used);

/* Parses argv[first..] for cmd into o (defaults first). Returns 0, 1 when
 * --help was asked for (already printed), or -1 after a usage error. */
int cli_parse(const cli_command *cmd, int argc, char **argv, int first, options *o);

/* Frees what cli_parse allocated. */
void cli_options_free(options *o);

/* `styr CMD --help`. */
void cli_print_help(const cli_command *cmd, FILE *out);

/* One usage line per command ("usage: styr validate PLAN.yaml... [...]"). */
void cli_print_usage(const cli_command *cmd, FILE *out);

/* Every command's synopsis as roff, for the man page's SYNOPSIS. */
void cli_print_man_synopsis(FILE *out);

#endif
