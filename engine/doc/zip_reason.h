/* zip_reason.h - why libzip could not open or read a workbook, in the run's
 * language: zip_error_strerror() speaks English ("No password provided"),
 * and a coordinator working in Swedish should read "arbetsboken är
 * lösenordsskyddad". */
#ifndef STYR_ZIP_REASON_H
#define STYR_ZIP_REASON_H

#include <stddef.h>
#include <zip.h>

/* The reason ze holds: in Swedish unless english (libzip's own words), with
 * the system's reason after it for libzip's system errors (a read that
 * failed). Written into buf (cap bytes, cut if need be); returns buf. */
const char *styr_zip_reason(zip_error_t *ze, int english, char *buf, size_t cap);

#endif
