/* error.c - filling and printing the styr_error record. */
#include "error.h"

#include <string.h>

#include "termsafe.h"
#include "text.h"

void styr_error_clear(styr_error *err)
{
    if (!err)
        return;
    err->code = STYR_OK;
    err->file[0] = '\0';
    err->line = 0;
    err->column = 0;
    err->message[0] = '\0';
}

styr_status styr_error_setv(styr_error *err, styr_status code, const char *file,
                            unsigned line, unsigned column, const char *fmt,
                            va_list ap)
{
    if (!err)
        return code;
    err->code = code;
    snprintf(err->file, sizeof err->file, "%s", file ? file : "");
    err->line = line;
    err->column = column;
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    styr_utf8_cut_partial(err->message);   /* a long message is cut at a character's edge */
    return code;
}

styr_status (styr_error_set)(styr_error *err, styr_status code, const char *file,
                           unsigned line, unsigned column, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    styr_error_setv(err, code, file, line, column, fmt, ap);
    va_end(ap);
    return code;
}

void styr_error_localise(styr_error *err, int english)
{
    /* Out-of-memory errors come from deep in the engine, where no run and
     * so no language is at hand: they are written in English there and
     * told in Swedish here, where the message is kept or shown. */
    static const char en[] = "out of memory", compiling[] = " compiling pattern ";
    if (!err || english || err->code != STYR_E_NOMEM || strncmp(err->message, en, sizeof en - 1) != 0)
        return;
    const char *rest = err->message + sizeof en - 1;
    char sv[sizeof err->message];
    if (strncmp(rest, compiling, sizeof compiling - 1) == 0)
        snprintf(sv, sizeof sv, "minnet tog slut när mönstret %s kompilerades", rest + sizeof compiling - 1);
    else
        snprintf(sv, sizeof sv, "minnet tog slut%s", rest);
    styr_utf8_cut_partial(sv);
    memcpy(err->message, sv, sizeof sv);
}

void styr_error_print(const styr_error *given, FILE *out, int english)
{
    styr_error copy = *given, *err = &copy;
    styr_error_localise(err, english);
    if (err->file[0]) {
        styr_fput_safe(out, err->file);
        if (err->line)
            fprintf(out, err->column ? ":%u:%u" : ":%u", err->line, err->column);
        fputs(": ", out);
    }
    fputs(english ? "error: " : "fel: ", out);
    styr_fput_safe_lines(out, err->message);
    fputc('\n', out);
}
