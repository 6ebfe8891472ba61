/* crash_workbook.so: libxlsxwriter's workbook_close, replaced (LD_PRELOAD)
 * by one that crashes, as the real one does when an allocation of its own
 * fails (tests/faultinject/README.md). child_crash.sh uses it to check that
 * the crash stays in the child that writes the workbook. With
 * STYR_TEST_CLOSE=fail it fails instead, as when its temporary files cannot
 * be made (a full disk): an error with a reason, which the child must hand
 * back to styr through its pipe. */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

lxw_error workbook_close(lxw_workbook *workbook)
{
    (void)workbook;
    const char *how = getenv("STYR_TEST_CLOSE");
    if (how && strcmp(how, "fail") == 0) {
        errno = ENOSPC;
        return LXW_ERROR_CREATING_TMPFILE;
    }
    raise(SIGSEGV);
    return LXW_NO_ERROR;
}
