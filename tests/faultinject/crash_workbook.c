/* crash_workbook.so: libxlsxwriter's workbook_close, replaced (LD_PRELOAD)
 * by one that crashes, as the real one does when an allocation of its own
 * fails (tests/faultinject/README.md). child_crash.sh uses it to check that
 * the crash stays in the child that writes the workbook. */
#include <signal.h>
#include <xlsxwriter.h>

lxw_error workbook_close(lxw_workbook *workbook)
{
    (void)workbook;
    raise(SIGSEGV);
    return LXW_NO_ERROR;
}
