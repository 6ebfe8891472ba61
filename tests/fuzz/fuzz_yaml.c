/* fuzz_yaml.c - the YAML loader on arbitrary bytes: it must return a tree or
 * an error with a position, never crash, hang or leak. */
#include <string.h>

#include "doc.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    styr_limits lim;
    fuzz_limits(&lim);
    styr_doc *doc = NULL;
    styr_error err;
    styr_status st = styr_doc_load_buffer("fuzz.yaml", (const char *)data, size, &lim, &doc, &err);
    if (st == STYR_OK) {
        /* Walk what was built: every node's path must be computable. */
        char path[256];
        if (doc->root)
            styr_node_path(doc->root, path, sizeof path);
        styr_doc_free(doc);
    } else if (doc != NULL || err.message[0] == '\0') {
        abort();   /* a failure must say why and leave nothing behind */
    }
    return 0;
}
