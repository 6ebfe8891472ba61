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
    /* Out-of-memory errors come from deep in the engine and from Lua
     * ("not enough memory"), where no run and so no language is at hand:
     * they are written in English there and told in Swedish here, where
     * the message is kept or shown, whatever the error's code. */
    static const char *const en[] = {"out of memory", "not enough memory"};
    static const char compiling[] = " compiling pattern ";
    if (!err || english)
        return;
    char sv[sizeof err->message];
    size_t o = 0;
    const char *m = err->message;
    while (*m && o + 1 < sizeof sv) {
        size_t k = 0, len = 0;
        for (; k < 2; k++)
            if (strncmp(m, en[k], len = strlen(en[k])) == 0)
                break;
        if (k == 2) {
            sv[o++] = *m++;
            continue;
        }
        m += len;
        int pattern = strncmp(m, compiling, sizeof compiling - 1) == 0;
        int w = pattern ? snprintf(sv + o, sizeof sv - o, "minnet tog slut när mönstret %s kompilerades",
                                   m + sizeof compiling - 1)
                        : snprintf(sv + o, sizeof sv - o, "minnet tog slut");
        o = w < 0 ? o : o + (size_t)w >= sizeof sv ? sizeof sv - 1 : o + (size_t)w;
        if (pattern)
            m += strlen(m);
    }
    sv[o] = '\0';
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
