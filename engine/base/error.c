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

void styr_error_print(const styr_error *err, FILE *out, int english)
{
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
