/* error.h - the one error record every failing styr call fills in.
 *
 * A failing function returns a non-zero styr_status and fills a
 * styr_error with the file, 1-based line and column (0 when unknown) and a
 * message in English that says what is wrong and, where it helps, what to do.
 */
#ifndef STYR_ERROR_H
#define STYR_ERROR_H

#include <stdarg.h>
#include <stdio.h>

typedef enum styr_status {
    STYR_OK = 0,
    STYR_E_IO,        /* a file could not be read or written */
    STYR_E_SYNTAX,    /* malformed YAML, or a Lua syntax error */
    STYR_E_INPUT,     /* well-formed but unusable input (duplicate key, bad merge, ...) */
    STYR_E_LIMIT,     /* a configured limit was exceeded */
    STYR_E_RULE,      /* a rule crashed, ran too long or used too much memory */
    STYR_E_RULESET,   /* a ruleset does not load */
    STYR_E_USAGE,     /* bad command-line usage */
    STYR_E_NOMEM      /* out of memory */
} styr_status;

typedef struct styr_error {
    styr_status code;
    char file[1024];
    unsigned line;    /* 1-based; 0 when there is no position */
    unsigned column;  /* 1-based; 0 when there is no position */
    char message[1024];
} styr_error;

/* Clears err (code STYR_OK, empty strings). err may be NULL. */
void styr_error_clear(styr_error *err);

/* Fills err (if not NULL) and returns code. file may be NULL. */
styr_status styr_error_set(styr_error *err, styr_status code, const char *file,
                           unsigned line, unsigned column, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
#ifdef __clang_analyzer__
/* The static analyser does not look into other files: tell it what the
 * function returns, or it follows error paths as if they succeeded. */
#define styr_error_set(err, code, ...) (styr_error_set((err), (code), __VA_ARGS__), (code))
#endif

styr_status styr_error_setv(styr_error *err, styr_status code, const char *file,
                            unsigned line, unsigned column, const char *fmt,
                            va_list ap) __attribute__((format(printf, 6, 0)));

/* Tells running out of memory ("out of memory", Lua's "not enough
 * memory") in Swedish unless english, wherever in the message it stands;
 * the rest of the message is left as it is. */
void styr_error_localise(styr_error *err, int english);

/* Writes "file:line:col: fel: message" (omitting absent parts; "error:"
 * when english) and a newline; an out-of-memory error localised. */
void styr_error_print(const styr_error *err, FILE *out, int english);

#endif
