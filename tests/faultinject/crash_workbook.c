/* crash_workbook.so: libxlsxwriter's workbook_close, replaced (LD_PRELOAD)
 * by one that crashes, as the real one does when an allocation of its own
 * fails (tests/faultinject/README.md). child_crash.sh uses it to check that
 * the crash stays in the child that writes the workbook. STYR_CRASH_WORKBOOK
 * picks how it ends: "abrt" (SIGABRT, as a failed assertion), "term"
 * (SIGTERM, a signal sent from outside), "fail" (no crash: it returns an
 * error, which the child sends back to styr), "exit" (no crash and no
 * error record: the process exits with status 3, as a library that calls
 * exit itself would), "sleep" (a second's wait,
 * then SIGSEGV: the run is still writing when a test signals it); anything
 * else SIGSEGV. With
 * STYR_TEST_CLOSE=fail it fails as when its temporary files cannot be made
 * (a full disk): an error with a reason (errno), which the child must hand
 * back to styr through its pipe, and says so on standard error in English,
 * as libxlsxwriter 1.1 does, a line styr must not pass on; with
 * STYR_TEST_CLOSE=complain it says on standard error that an allocation
 * failed and returns success, as the real one does when it drops a part it
 * could not allocate; with STYR_TEST_CLOSE=complain-other it says another
 * [ERROR] line (then a second one) and returns success; with
 * STYR_TEST_CLOSE=complain-unended it says such a line without a newline
 * at its end and returns success; with STYR_TEST_CLOSE=zip-nomem it fails to add a part to the zip file with
 * errno ENOMEM, as when zlib could not allocate while packing a part.
 * With STYR_TEST_ZIP_OPEN=memory libzip's zip_open, when styr reads a
 * workbook, fails as when memory runs out (ZIP_ER_MEMORY); otherwise it is
 * the real one. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>
#include <xlsxwriter.h>

lxw_error workbook_close(lxw_workbook *workbook)
{
    const char *test_close = getenv("STYR_TEST_CLOSE");
    if (test_close && strcmp(test_close, "fail") == 0) {
        fprintf(stderr, "[ERROR] workbook_close(): Error creating tmpfile(s) to assemble '%s'. System error = %s\n",
                workbook->filename, strerror(ENOSPC));
        errno = ENOSPC;
        return LXW_ERROR_CREATING_TMPFILE;
    }
    if (test_close && strcmp(test_close, "complain") == 0) {
        fputs("[ERROR][packager.c:1234]: Memory allocation failed.\n", stderr);
        return LXW_NO_ERROR;
    }
    if (test_close && strcmp(test_close, "complain-other") == 0) {
        fputs("[ERROR][packager.c:99]: Error adding file to zip.\n"
              "[ERROR][packager.c:120]: Error closing zip file.\n", stderr);
        return LXW_NO_ERROR;
    }
    if (test_close && strcmp(test_close, "complain-unended") == 0) {
        fputs("[ERROR][packager.c:99]: Error adding file to zip.", stderr);
        return LXW_NO_ERROR;
    }
    if (test_close && strcmp(test_close, "zip-nomem") == 0) {
        errno = ENOMEM;
        return LXW_ERROR_ZIP_FILE_ADD;
    }
    const char *how = getenv("STYR_CRASH_WORKBOOK");
    if (how && strcmp(how, "fail") == 0)
        return LXW_ERROR_CREATING_XLSX_FILE;
    if (how && strcmp(how, "exit") == 0)
        _exit(3);
    if (how && strcmp(how, "sleep") == 0)
        sleep(1);
    raise(how && strcmp(how, "abrt") == 0 ? SIGABRT : how && strcmp(how, "term") == 0 ? SIGTERM : SIGSEGV);
    return LXW_NO_ERROR;
}

zip_t *zip_open(const char *path, int flags, int *errorp)
{
    const char *test_open = getenv("STYR_TEST_ZIP_OPEN");
    if (test_open && strcmp(test_open, "memory") == 0) {
        if (errorp)
            *errorp = ZIP_ER_MEMORY;
        return NULL;
    }
    zip_t *(*real)(const char *, int, int *) = (zip_t * (*)(const char *, int, int *)) dlsym(RTLD_NEXT, "zip_open");
    return real ? real(path, flags, errorp) : NULL;
}
