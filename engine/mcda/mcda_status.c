/* mcda_status.c - the status names and the error helper that every mcda_*.c
 * kernel shares. */
#include "mcda.h"

#include <stdarg.h>

const char *styr_mcda_status_name(styr_mcda_status st)
{
    switch (st) {
    case STYR_MCDA_OK: return "ok";
    case STYR_MCDA_E_ARG: return "bad argument";
    case STYR_MCDA_E_WEIGHTS: return "bad weights";
    case STYR_MCDA_E_SCALE: return "bad scale";
    case STYR_MCDA_E_MATRIX: return "bad pairwise matrix";
    case STYR_MCDA_E_INCOMPLETE: return "incomplete judgements";
    case STYR_MCDA_E_RANGE: return "out of range";
    case STYR_MCDA_E_INFEASIBLE: return "infeasible";
    case STYR_MCDA_E_CANCELLED: return "cancelled";
    case STYR_MCDA_E_NOMEM: return "out of memory";
    }
    return "unknown status";
}

styr_mcda_status (styr_mcda_fail)(styr_error *err, styr_mcda_status st, const char *fmt, ...)
{
    styr_status code = STYR_E_INPUT;
    if (st == STYR_MCDA_E_NOMEM)
        code = STYR_E_NOMEM;
    else if (st == STYR_MCDA_E_RANGE)
        code = STYR_E_LIMIT;
    va_list ap;
    va_start(ap, fmt);
    styr_error_setv(err, code, NULL, 0, 0, fmt, ap);
    va_end(ap);
    return st;
}
