/* errno_text.h - why a file could not be opened or read, in the run's
 * language: strerror() speaks the C locale's English, and a coordinator
 * working in Swedish should read "filen finns inte", not "No such file or
 * directory". */
#ifndef STYR_ERRNO_TEXT_H
#define STYR_ERRNO_TEXT_H

/* The reason for errnum: in Swedish for the errors a user meets when naming
 * or opening a file, else (and with english) strerror()'s text. */
const char *styr_errno_text(int errnum, int english);

#endif
