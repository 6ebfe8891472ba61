/* cli.h - what the command files of the styr command line share: the parsed
 * options of one command, its table entry, exit codes and small helpers.
 * Only the CLI decides the process's exit status (FORMATS.md section 5). */
#ifndef STYR_CLI_H
#define STYR_CLI_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "findings.h"
#include "ruleset.h"
#include "run.h"
#include "run_limits.h"

enum { EXIT_CLEAN = 0, EXIT_FINDINGS = 1, EXIT_FAILED = 2 };

struct cli_command;

/* The options of one command line, after parsing. */
typedef struct options {
    const struct cli_command *cmd;
    const char *rules;
    const char *format;
    const char *output;
    styr_severity fail_on;
    int lang;                    /* STYR_LANG_*: --lang, or LANG/LC_MESSAGES */
    int lang_given;              /* --lang was on the command line */
    int quiet;
    styr_limits lim;
    const char **files;          /* the operands, in order */
    size_t nfiles;
    const char **scenarios;      /* --scenario (repeatable) */
    size_t nscenarios;
    int explain;
    int profile;                 /* --profile-rules: time each rule, on stderr */
    uint64_t samples, seed;
    double spread;               /* < 0: sample uniformly on the simplex */
    unsigned threads;
    const char *previous;        /* validate --previous: a plan, or a follow-up of it */
    int audience;                /* report --audience: STYR_AUDIENCE_DEFAULT or _BOARD */
    int no_remediation;          /* --no-remediation: no "what to do" line under a finding */
    int format_given;            /* --format was given (template picks by -o's extension otherwise) */
    int sarif_waived;            /* validate --sarif-waived: STYR_SARIF_WAIVED_* (0: suppress) */
    styr_run_opts run;           /* what every run of the command is told */
} options;

/* Prints "styr: <what>" and the command's usage line on stderr; returns the
 * exit code of bad usage. */
int cli_usage_error(const options *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Loads the ruleset of --rules (a name is looked up beside the executable,
 * then in the installed data folder) and sets o->run from the options.
 * Notes on stderr when a ./rules/NAME folder is passed over. NULL after
 * printing why. */
styr_ruleset *cli_load_ruleset(options *o);

/* --profile-rules: where the rules' time went, slowest first, on stderr. */
void cli_print_profile(const styr_ruleset *rs, const styr_rule_stats *stats);

/* ANSI colours: standard output is a terminal, no -o, no NO_COLOR. */
int cli_use_color(const options *o);

/* Raises *rc for a file's findings: 2 for a crashed rule, 1 for a finding at
 * or above --fail-on. */
void cli_judge_exit(const options *o, const styr_file_result *r, int *rc);

/* With --format xlsx, prints r's failure and crashed rules on standard
 * error (a text report carries them itself). */
void cli_tell_in_workbook_runs(const options *o, const styr_file_result *r);

/* Raises *rc to code when code is worse. */
static inline void cli_worse(int *rc, int code)
{
    if (code > *rc)
        *rc = code;
}

/* The commands, one file a family. */
int cmd_validate(options *o);
int cmd_score(options *o);
int cmd_sensitivity(options *o);
int cmd_report(options *o);
int cmd_budget(options *o);
int cmd_template(options *o);
int cmd_convert(options *o);

/* Writes a workbook with fn to -o's file (a temporary file renamed over it)
 * or to standard output (not a terminal). Returns an exit code. */
typedef styr_status (*cli_xlsx_writer)(const char *path, void *ctx, styr_error *err);
int cli_write_workbook(const char *output, cli_xlsx_writer fn, void *ctx);

struct styr_report_format;
struct styr_report_opts;
/* Writes data as the report of table (report_dispatch.h) in --format to
 * -o or standard output: a stream format through the sink (output.h), xlsx
 * through cli_write_workbook. Returns an exit code. */
int cli_write_report(const options *o, const struct styr_report_format *table, const void *data,
                     const struct styr_report_opts *ro);
int cmd_followup(options *o);
int cmd_diff(options *o);
int cmd_rules_list(options *o);
int cmd_rules_test(options *o);
int cmd_rules_doc(options *o);

#endif
