/* cli_lang.h - the language of the command line's own messages (a usage
 * mistake, a file that cannot be written): Swedish first, English with
 * --lang en or an English locale, as the ruleset's messages are. One run
 * has one language, so it is kept for the process. */
#ifndef STYR_CLI_LANG_H
#define STYR_CLI_LANG_H

/* The language the environment asks for (STYR_LANG_*): the first of
 * LC_ALL, LC_MESSAGES and LANG that is set and not empty; "en..." is
 * English, anything else Swedish. */
int cli_lang_from_env(void);

/* The language of a command line: its --lang (as "--lang en" or
 * "--lang=en", wherever it stands before "--"), else the environment's.
 * Known before the options are parsed, so that a mistake in an option
 * before --lang is told in the language asked for. */
int cli_lang_of_args(int argc, char *const *argv, int first);

/* The language a --lang value names (STYR_LANG_SV for "sv", STYR_LANG_EN
 * for "en"), or -1 for anything else: the one place that reads it. */
int cli_lang_value(const char *v);

/* Sets and reads the language of the process's messages. */
void cli_lang_set(int lang);
int cli_english(void);

/* The Swedish or the English text, by the run's language. */
#define CLI_SV(sv, en) (cli_english() ? (en) : (sv))

/* Why a file could not be opened or written, in the run's language. */
const char *cli_errno_text(int errnum);

#endif
