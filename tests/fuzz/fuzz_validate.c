/* fuzz_validate.c - `styr validate` with the goteborg ruleset on arbitrary
 * input: schema, every rule and the waivers run on whatever parses. */
#include <string.h>

#include "doc.h"
#include "fuzz_common.h"
#include "validate.h"

/* Every run of these tests: English messages, default threads. */
static styr_run_opts run_opts = {STYR_LANG_SV, 0, NULL, NULL};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    styr_ruleset *rs = fuzz_ruleset();
    styr_doc *doc = NULL;
    styr_error err;
    if (styr_doc_load_buffer("fuzz.yaml", (const char *)data, size, &rs->lim, &doc, &err) != STYR_OK)
        return 0;
    styr_file_result res;
    if (styr_validate_doc(rs, &run_opts, doc, &res, &err) == STYR_OK) {
        /* The built-in rules never crash, whatever the input. */
        if (res.nrule_errors) {
            fprintf(stderr, "rule crashed: %s:%u: %s\n", res.rule_errors[0].file, res.rule_errors[0].line,
                    res.rule_errors[0].message);
            abort();
        }
    }
    styr_file_result_free(&res);
    styr_doc_free(doc);
    return 0;
}
