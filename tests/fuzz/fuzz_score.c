/* fuzz_score.c - the areas and scenario loaders of `styr score`: the input
 * is judged as an innovation-areas file and scored under a bundled scenario,
 * and as a scenario over the bundled areas. */
#include <string.h>

#include "doc.h"
#include "fuzz_common.h"
#include "score.h"
#include "validate.h"

/* Every run of these tests: English messages, default threads. */
static styr_run_opts run_opts = {STYR_LANG_SV, 0, NULL, NULL};

#ifndef STYR_SOURCE_DIR
#define STYR_SOURCE_DIR "."
#endif

static styr_doc *load_bundled(const char *name)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/scenarios/%s", STYR_SOURCE_DIR, name);
    styr_limits lim;
    styr_limits_default(&lim);
    styr_doc *doc = NULL;
    styr_error err;
    if (styr_doc_load_file(path, &lim, &doc, &err) != STYR_OK) {
        fprintf(stderr, "fuzz: cannot load %s: %s\n", path, err.message);
        abort();
    }
    return doc;
}

static void score_one(styr_ruleset *rs, styr_doc *areas, styr_doc *scenario)
{
    styr_file_result ares, sres;
    styr_error err;
    memset(&ares, 0, sizeof ares);
    memset(&sres, 0, sizeof sres);
    if (styr_validate_doc(rs, &run_opts, areas, &ares, &err) != STYR_OK || strcmp(ares.kind, "innovation-areas") != 0)
        goto done;
    styr_area_table t;
    if (styr_area_table_build(rs, &run_opts, areas, &ares, &t, &err) != STYR_OK)
        goto done;
    const styr_node *list = styr_map_get(areas->root, "areas", 5);
    if (styr_validate_doc_with_areas(rs, &run_opts, scenario, list, &sres, &err) == STYR_OK &&
        strcmp(sres.kind, "scenario") == 0) {
        size_t c[3];
        styr_findings_count(&sres.findings, c);
        styr_scored s;
        if (!c[STYR_SEV_ERROR] && styr_score_scenario(rs, &run_opts, &t, scenario->root, "fuzz.yaml", &s, &err) == STYR_OK)
            styr_scored_free(&s);
    }
    styr_area_table_free(&t);
done:
    styr_file_result_free(&ares);
    styr_file_result_free(&sres);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static styr_doc *areas, *scenario;
    styr_ruleset *rs = fuzz_ruleset();
    if (!areas) {
        areas = load_bundled("goteborg-areas.yaml");
        scenario = load_bundled("kostnadsmedveten.yaml");
    }
    styr_doc *doc = NULL;
    styr_error err;
    if (styr_doc_load_buffer("fuzz.yaml", (const char *)data, size, &rs->lim, &doc, &err) != STYR_OK)
        return 0;
    if (doc->root) {
        score_one(rs, doc, scenario);   /* the input as areas */
        score_one(rs, areas, doc);      /* the input as a scenario */
    }
    styr_doc_free(doc);
    return 0;
}
