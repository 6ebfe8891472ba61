/* main.c - the styr command line: finds the command, parses its options
 * with its own table (options.c), runs it and returns its exit code. The
 * only place that decides the process's exit status. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cli_lang.h"
#include "options.h"
#include "styr.h"
#include "text.h"

static void print_usage_all(FILE *out)
{
    for (int i = 0; cli_commands[i]; i++)
        cli_print_usage(cli_commands[i], out);
    fputs(CLI_SV("användning: styr --version | styr help [KOMMANDO]\n", "usage: styr --version | styr help [COMMAND]\n"), out);
}

/* styr help [COMMAND] (and --help, -h). A --lang among the words (already
 * read by cli_lang_of_args) is not a command: "styr help --lang en score";
 * a --lang without sv or en is a usage mistake, as for every command. */
static int cmd_help(int argc, char **argv, int first)
{
    char *words[8];
    int n = first;
    for (int i = 0; i < first && i < 8; i++)
        words[i] = argv[i];
    for (int i = first; i < argc; i++) {
        int is_lang = strcmp(argv[i], "--lang") == 0 || strncmp(argv[i], "--lang=", 7) == 0;
        if (!is_lang) {
            if (n == 8) {   /* more words than any help takes: said, not dropped */
                fprintf(stderr,
                        CLI_SV("styr: help visar ett kommando i taget: '%s' blev över\n",
                               "styr: help shows one command at a time: '%s' is left over\n"),
                        argv[i]);
                return EXIT_FAILED;
            }
            words[n++] = argv[i];
            continue;
        }
        /* its value checked as a command's --lang is */
        const char *lang = argv[i][6] == '=' ? argv[i] + 7 : i + 1 < argc ? argv[++i] : NULL;
        if (!lang) {
            fputs(CLI_SV("styr: alternativet '--lang' behöver ett värde\n", "styr: option '--lang' needs a value\n"), stderr);
            return EXIT_FAILED;
        }
        if (cli_lang_value(lang) < 0) {
            fprintf(stderr, CLI_SV("styr: --lang tar sv eller en, inte '%s'\n", "styr: --lang takes sv or en, not '%s'\n"), lang);
            return EXIT_FAILED;
        }
    }
    argc = n;
    argv = words;
    if (first >= argc) {
        printf(CLI_SV("styr %s - granskar handlingsplaner och prioriterar innovationsområden\n\n",
                      "styr %s - validates municipal action plans and prioritises innovation areas\n\n"),
               STYR_VERSION_STRING);
        print_usage_all(stdout);
        puts(CLI_SV("\nKör 'styr help KOMMANDO' (validate, score, sensitivity, report, budget,\n"
                    "followup, diff, template, convert, rules) för ett kommandos val.\n"
                    "Med --lang en på engelska.",
                    "\nRun 'styr help COMMAND' (validate, score, sensitivity, report, budget,\n"
                    "followup, diff, template, convert, rules) for a command's options.\n"
                    "With --lang sv in Swedish."));
        return EXIT_CLEAN;
    }
    if (strcmp(argv[first], "--man-synopsis") == 0) {   /* for docs/styr.1 (tests/cli/man_synopsis.sh) */
        cli_print_man_synopsis(stdout);
        return EXIT_CLEAN;
    }
    /* "styr rules help list", "styr help rules --help list": the words
     * that ask for help again are not commands */
    if (strcmp(argv[first], "rules") == 0) {
        int k = first + 1;
        while (k < argc && (strcmp(argv[k], "help") == 0 || strcmp(argv[k], "--help") == 0 || strcmp(argv[k], "-h") == 0))
            k++;
        if (k > first + 1) {
            for (int i = k; i <= argc; i++)
                argv[i - (k - first - 1)] = i < argc ? argv[i] : NULL;
            argc -= k - first - 1;
        }
    }
    int used = 0;
    const cli_command *cmd = cli_find_command(argc - first + 1, argv + first - 1, &used);
    if (cmd) {
        if (first + used < argc) {   /* "styr help validate score": one command at a time */
            fprintf(stderr,
                    CLI_SV("styr: help visar ett kommando i taget: '%s' blev över (styr help %s)\n",
                           "styr: help shows one command at a time: '%s' is left over (styr help %s)\n"),
                    argv[first + used], cmd->name);
            return EXIT_FAILED;
        }
        cli_print_help(cmd, stdout);
        return EXIT_CLEAN;
    }
    if (strcmp(argv[first], "rules") == 0 && first + 1 < argc) {   /* "styr help rules bogus" */
        fprintf(stderr,
                CLI_SV("styr: ingen hjälp finns för 'rules %s' (prova styr help rules list, test eller doc)\n",
                       "styr: no help for 'rules %s' (try: styr help rules list, test or doc)\n"),
                argv[first + 1]);
        return EXIT_FAILED;
    }
    if (strcmp(argv[first], "rules") == 0) {
        for (int i = 0; cli_commands[i]; i++)
            if (strncmp(cli_commands[i]->name, "rules ", 6) == 0) {
                cli_print_help(cli_commands[i], stdout);
                putchar('\n');
            }
        return EXIT_CLEAN;
    }
    fprintf(stderr, CLI_SV("styr: ingen hjälp finns för '%s'\n", "styr: no help for '%s'\n"), argv[first]);
    print_usage_all(stderr);
    return EXIT_FAILED;
}

/* An unknown command: the nearest one, or the usage of all. */
static int unknown_command(const char *name)
{
    static const char *const names[] = {"validate", "score", "sensitivity", "report", "budget", "followup",
                                        "diff", "template", "convert", "rules", "help", NULL};
    long near = styr_nearest(name, strlen(name), names, 11);
    if (near >= 0) {
        fprintf(stderr, CLI_SV("styr: okänt kommando '%s' (menade du '%s'?)\n", "styr: unknown command '%s' (did you mean '%s'?)\n"),
                name, names[near]);
        return EXIT_FAILED;
    }
    fprintf(stderr, CLI_SV("styr: okänt kommando '%s'\n", "styr: unknown command '%s'\n"), name);
    print_usage_all(stderr);
    return EXIT_FAILED;
}

/* How many words of --lang options start at argv[i] ("--lang en" two,
 * "--lang=en" one, as many as follow each other). */
static int lang_words_at(int argc, char **argv, int i)
{
    int k = 0;
    while (i + k < argc) {
        const char *w = argv[i + k];
        if (strcmp(w, "--lang") == 0 && i + k + 1 < argc)
            k += 2;
        else if (strncmp(w, "--lang=", 7) == 0)
            k += 1;
        else
            break;
    }
    return k;
}

/* "styr --lang en validate ..." and "styr rules --lang en list": a --lang
 * before the command word (or between "rules" and its subcommand) is moved
 * to just after the command (and subcommand), as if written there: an
 * option left without its value further on ("validate p.yaml -o") still
 * has none, and a --lang written later still wins. words holds argc + 1
 * pointers. Returns the new argc. */
static int lang_after_command(int argc, char **argv, char **words)
{
    int lead = lang_words_at(argc, argv, 1);
    if (1 + lead < argc && strcmp(argv[1 + lead], "--lang") == 0 && 2 + lead == argc) {
        words[0] = argv[0];   /* "styr --lang": run() says the value is missing */
        words[1] = argv[1 + lead];
        words[2] = NULL;
        return 2;
    }
    if (lead && 1 + lead == argc) {   /* a language and no command: "a command is needed" */
        words[0] = argv[0];
        words[1] = NULL;
        return 1;
    }
    int cmd = 1 + lead;   /* the command word, if any */
    int rules = cmd < argc && strcmp(argv[cmd], "rules") == 0;
    int mid = rules ? lang_words_at(argc, argv, cmd + 1) : 0;
    int sub = rules && cmd + 1 + mid < argc ? cmd + 1 + mid : -1;   /* "list", after any --lang */
    int n = 0;
    words[n++] = argv[0];
    if (cmd < argc)
        words[n++] = argv[cmd];
    if (sub >= 0)
        words[n++] = argv[sub];
    for (int i = 1; i < cmd; i++)
        words[n++] = argv[i];
    for (int i = cmd + 1; i <= cmd + mid; i++)
        words[n++] = argv[i];
    for (int i = sub >= 0 ? sub + 1 : cmd + 1 + mid; i < argc; i++)
        words[n++] = argv[i];
    words[n] = NULL;
    return n;
}

static int run(int argc, char **argv);

int main(int argc, char **argv)
{
    cli_lang_set(cli_lang_of_args(argc, argv, 1));
    char **words = malloc(((size_t)argc + 1) * sizeof *words);
    if (!words) {
        fputs(CLI_SV("styr: minnet tog slut\n", "styr: out of memory\n"), stderr);
        return EXIT_FAILED;
    }
    int rc = run(lang_after_command(argc, argv, words), words);
    free(words);
    return rc;
}

/* The command named by argv[1], run; its exit code. */
static int run(int argc, char **argv)
{
    if (argc < 2) {
        fputs(CLI_SV("styr: ett kommando behövs\n", "styr: a command is needed\n"), stderr);
        print_usage_all(stderr);
        return EXIT_FAILED;
    }
    const char *word = argv[1];
    if (strcmp(word, "--lang") == 0 && argc == 2) {
        fputs(CLI_SV("styr: alternativet '--lang' behöver ett värde\n", "styr: option '--lang' needs a value\n"), stderr);
        return EXIT_FAILED;
    }
    if (strcmp(word, "--version") == 0 || strcmp(word, "version") == 0) {
        printf("styr %s\n", STYR_VERSION_STRING);
        return EXIT_CLEAN;
    }
    if (strcmp(word, "help") == 0 || strcmp(word, "--help") == 0 || strcmp(word, "-h") == 0)
        return cmd_help(argc, argv, 2);
    int used = 0;
    const cli_command *cmd = cli_find_command(argc, argv, &used);
    if (!cmd) {
        if (strcmp(word, "rules") != 0)
            return unknown_command(word);
        const char *sub = argc > 2 ? argv[2] : "";
        if (strncmp(sub, "--lang", 6) == 0)   /* "styr rules --lang en": moved here, no subcommand after it */
            sub = "";
        if (strcmp(sub, "--help") == 0 || strcmp(sub, "-h") == 0 || strcmp(sub, "help") == 0)
            return cmd_help(argc, argv, 1);
        if (!*sub)
            fputs(CLI_SV("styr: 'rules' behöver ett kommando: styr rules list, test eller doc\n",
                         "styr: 'rules' needs a command: styr rules list, test or doc\n"),
                  stderr);
        else
            fprintf(stderr,
                    CLI_SV("styr: okänt 'rules'-kommando '%s' (prova styr rules list, test eller doc)\n",
                           "styr: unknown 'rules' command '%s' (try: styr rules list, test or doc)\n"),
                    sub);
        return EXIT_FAILED;
    }
    options o;
    int parsed = cli_parse(cmd, argc, argv, 1 + used, &o);
    int rc = parsed < 0 ? EXIT_FAILED : parsed > 0 ? EXIT_CLEAN : cmd->run(&o);
    cli_options_free(&o);
    return rc;
}
