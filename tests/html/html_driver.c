/* html_driver.c - writes the HTML report (and the JSON reports of the same
 * run) through the engine API, with the prioritisation run (prioritise.h)
 * that `styr score` and `styr sensitivity` use, so tests/html/check.sh can
 * render the page in a browser and compare its numbers with the JSON.
 *
 *   html_driver [--lang sv|en] [--plan FILE]... [--no-plans] [--areas FILE]
 *               [--scenario FILE]... [--sensitivity FILE] [--samples N]
 *               [--seed N] [--no-score] [--no-sensitivity] OUTPREFIX
 *
 * Without options it uses the bundled Göteborg data: the plan, the areas,
 * all five scenarios, and the sensitivity of styrgrupp-ahp (5000 samples,
 * seed 1). It writes OUTPREFIX.html, OUTPREFIX-validate.json,
 * OUTPREFIX-score.json and OUTPREFIX-sensitivity.json; exit 0, or 2 when
 * the run fails. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "doc.h"
#include "report.h"
#include "report_html.h"
#include "report_score.h"
#include "score.h"
#include "styr.h"
#include "validate.h"

/* The source tree's rulesets: the library never looks there by itself. */
static const char *const bundled_rules[] = {STYR_SOURCE_DIR "/rules", NULL};

#ifndef STYR_SOURCE_DIR
#define STYR_SOURCE_DIR "."
#endif

#define MAX_FILES 64

static styr_limits lim;   /* the defaults */

static char *bundled(const char *name)
{
    char *path = malloc(strlen(STYR_SOURCE_DIR) + strlen(name) + 16);
    if (!path)
        return NULL;
    if (access(name, R_OK) == 0)
        strcpy(path, name);   /* relative to the working directory, as a user would type it */
    else
        sprintf(path, "%s/%s", STYR_SOURCE_DIR, name);
    return path;
}

/* What every run is told: the language of --lang. */
static styr_run_opts run_opts = {STYR_LANG_SV, 0, NULL, NULL};

/* One prioritisation run; prints why it cannot go on. */
static int prepare(styr_ruleset *rs, const char *areas, char **scen, size_t nscen, styr_prioritisation *p)
{
    styr_error err;
    styr_error_clear(&err);
    if (styr_prioritise(rs, &run_opts, areas, (const char *const *)scen, nscen, &lim, p, &err) != STYR_OK) {
        styr_error_print(&err, stderr, 1);
        return -1;
    }
    return 0;
}

static FILE *open_out(const char *prefix, const char *suffix)
{
    char path[4096];
    snprintf(path, sizeof path, "%s%s", prefix, suffix);
    FILE *f = fopen(path, "w");
    if (!f)
        fprintf(stderr, "html_driver: cannot write %s\n", path);
    return f;
}

static int close_out(FILE *f)
{
    int bad = ferror(f);
    return (fclose(f) != 0 || bad) ? -1 : 0;
}

static int usage(void)
{
    fputs("usage: html_driver [--lang sv|en] [--plan FILE]... [--no-plans] [--areas FILE] [--scenario FILE]...\n"
          "                   [--sensitivity FILE] [--samples N] [--seed N] [--no-score] [--no-sensitivity] OUTPREFIX\n",
          stderr);
    return 2;
}

int main(int argc, char **argv)
{
    char *plans[MAX_FILES], *scen[MAX_FILES], *areas = NULL, *sens_file = NULL;
    size_t nplans = 0, nscen = 0;
    int lang = STYR_LANG_SV, no_plans = 0, no_score = 0, no_sens = 0, rc = 0;
    uint64_t samples = 5000, seed = 1;
    const char *prefix = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--lang") == 0 && v) {
            lang = strcmp(v, "en") == 0 ? STYR_LANG_EN : STYR_LANG_SV;
            i++;
        } else if (strcmp(a, "--plan") == 0 && v && nplans < MAX_FILES) {
            plans[nplans++] = strdup(v);
            i++;
        } else if (strcmp(a, "--scenario") == 0 && v && nscen < MAX_FILES) {
            scen[nscen++] = strdup(v);
            i++;
        } else if (strcmp(a, "--areas") == 0 && v) {
            free(areas);
            areas = strdup(v);
            i++;
        } else if (strcmp(a, "--sensitivity") == 0 && v) {
            free(sens_file);
            sens_file = strdup(v);
            i++;
        } else if (strcmp(a, "--samples") == 0 && v) {
            samples = strtoull(v, NULL, 10);
            i++;
        } else if (strcmp(a, "--seed") == 0 && v) {
            seed = strtoull(v, NULL, 10);
            i++;
        } else if (strcmp(a, "--no-plans") == 0) {
            no_plans = 1;
        } else if (strcmp(a, "--no-score") == 0) {
            no_score = 1;
        } else if (strcmp(a, "--no-sensitivity") == 0) {
            no_sens = 1;
        } else if (a[0] != '-' && !prefix) {
            prefix = a;
        } else {
            return usage();
        }
    }
    if (!prefix)
        return usage();
    if (!nplans && !no_plans)
        plans[nplans++] = bundled("scenarios/goteborg-2018-2019.yaml");
    if (!areas)
        areas = bundled("scenarios/goteborg-areas.yaml");
    if (!nscen) {
        const char *names[] = {"balanserad", "medborgarnytta", "naringsliv-och-jobb", "kostnadsmedveten", "styrgrupp-ahp"};
        for (size_t k = 0; k < 5; k++) {
            char name[128];
            snprintf(name, sizeof name, "scenarios/%s.yaml", names[k]);
            scen[nscen++] = bundled(name);
        }
    }
    if (!sens_file)
        sens_file = bundled("scenarios/styrgrupp-ahp.yaml");

    styr_limits_default(&lim);
    styr_ruleset *rs = NULL;
    styr_error err;
    styr_error_clear(&err);
    styr_check_init();
    if (styr_ruleset_load_from("goteborg", bundled_rules, &lim, &rs, &err) != STYR_OK) {
        styr_error_print(&err, stderr, 1);
        return 2;
    }
    run_opts.lang = lang;
    styr_report_opts ro = {lang, 0, rs->name, STYR_VERSION_STRING, 0, rs->dir, 0};

    /* validate: every plan file */
    styr_file_result *res = calloc(nplans ? nplans : 1, sizeof *res);
    styr_doc **docs = calloc(nplans ? nplans : 1, sizeof *docs);
    if (!res || !docs)
        return 2;
    for (size_t i = 0; i < nplans; i++) {
        styr_error e;
        styr_error_clear(&e);
        styr_status st = styr_doc_load_file(plans[i], &lim, &docs[i], &e);
        if (st == STYR_OK)
            st = styr_validate_doc(rs, &run_opts, docs[i], &res[i], &e);
        else
            res[i].file = strdup(plans[i]);
        if (st != STYR_OK) {
            res[i].failed = 1;
            res[i].failure = e;
        }
    }

    /* score: the areas under every scenario; sensitivity: one scenario alone */
    styr_prioritisation sc_run, sens_run;
    memset(&sc_run, 0, sizeof sc_run);
    memset(&sens_run, 0, sizeof sens_run);
    int have_score = !no_score && prepare(rs, areas, scen, nscen, &sc_run) == 0;
    int have_sens_run = !no_sens && prepare(rs, areas, &sens_file, 1, &sens_run) == 0;
    if ((!no_score && !have_score) || (!no_sens && !have_sens_run))
        rc = 2;
    const styr_node *ill = sc_run.areas_doc && sc_run.areas_doc->root ? styr_map_get(sc_run.areas_doc->root, "illustrative", 12) : NULL;
    int illustrative = ill && ill->kind == STYR_NODE_SCALAR && ill->stype == STYR_SCALAR_BOOL && ill->v.i;
    styr_score_report score = {rs, &sc_run.areas, &sc_run.table, sc_run.sc, sc_run.nsc, 0, illustrative,
                               sc_run.areas_doc};
    styr_score_report sens_base = {rs, &sens_run.areas, &sens_run.table, sens_run.sc, sens_run.nsc, 0, illustrative,
                                   sens_run.areas_doc};
    styr_sensitivity sens;
    memset(&sens, 0, sizeof sens);
    if (have_sens_run) {
        styr_sensitivity_opts so = {.samples = samples, .seed = seed, .spread = -1};
        styr_error e;
        styr_error_clear(&e);
        if (styr_sensitivity_run(rs, &sens_run, &so, &sens, &e) != STYR_OK) {
            fprintf(stderr, "html_driver: %s\n", e.message);
            rc = 2;
        }
    }
    sens.base = &sens_base;
    int have_sens = sens.acceptability != NULL;

    const styr_doc *const *cdocs = (const styr_doc *const *)docs;
    styr_html_input in = {rs, res, cdocs, nplans, have_score ? &score : NULL, have_sens ? &sens : NULL, 1,
                          STYR_AUDIENCE_DEFAULT};
    FILE *f;
    if ((f = open_out(prefix, ".html"))) {
        styr_report_html(f, &in, &ro);
        rc |= close_out(f) ? 2 : 0;
    } else {
        rc = 2;
    }
    if ((f = open_out(prefix, "-validate.json"))) {
        styr_report_json(f, res, nplans, &ro);
        rc |= close_out(f) ? 2 : 0;
    } else {
        rc = 2;
    }
    if (have_score && (f = open_out(prefix, "-score.json"))) {
        styr_report_score_json(f, &score, &ro);
        rc |= close_out(f) ? 2 : 0;
    }
    if (have_sens && (f = open_out(prefix, "-sensitivity.json"))) {
        styr_report_sensitivity_json(f, &sens, &ro);
        rc |= close_out(f) ? 2 : 0;
    }

    styr_sensitivity_free(&sens);
    styr_prioritisation_free(&sc_run);
    styr_prioritisation_free(&sens_run);
    for (size_t i = 0; i < nplans; i++) {
        styr_file_result_free(&res[i]);
        styr_doc_free(docs[i]);
        free(plans[i]);
    }
    free(res);
    free(docs);
    for (size_t k = 0; k < nscen; k++)
        free(scen[k]);
    free(areas);
    free(sens_file);
    styr_ruleset_free(rs);
    return rc ? 2 : 0;
}
