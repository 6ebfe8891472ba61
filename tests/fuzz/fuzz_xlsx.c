/* fuzz_xlsx.c - the workbook reader on arbitrary bytes: the archive and XML
 * reader (xlsx_read.c), the plan built from its cells (plan_sheets.c) and
 * the rules judging that plan. It must return a plan or an error that says
 * why, never crash, hang or leak. */
#include <string.h>

#include "fuzz_common.h"
#include "plan_sheets.h"
#include "validate.h"

/* What every run is told. */
static styr_run_opts xlsx_run_opts = {STYR_LANG_SV, 0, NULL, NULL};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const wanted[] = {"Insatser", "Dokument", "Strategier", "Budget", "Undantag", NULL};
    styr_limits lim;
    fuzz_limits(&lim);
    styr_xlsx_book book;
    styr_error err;
    if (styr_xlsx_read_buffer("fuzz.xlsx", data, size, &lim, wanted, &book, &err) != STYR_OK) {
        if (err.message[0] == '\0' || book.nsheets != 0)
            abort();   /* a failure must say why and leave nothing behind */
        return 0;
    }
    styr_doc *doc = NULL;
    if (styr_plan_from_book(&book, "fuzz.xlsx", 0, &doc, &err) == STYR_OK) {
        styr_file_result res;
        memset(&res, 0, sizeof res);
        styr_error verr;
        if (styr_validate_doc(fuzz_ruleset(), &xlsx_run_opts, doc, &res, &verr) == STYR_OK)
            styr_file_result_free(&res);
        styr_doc_free(doc);
    } else if (doc != NULL || err.message[0] == '\0') {
        abort();
    }
    styr_xlsx_book_free(&book);
    return 0;
}
