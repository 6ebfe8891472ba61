/* cmd_rules.c - `styr rules list|test|doc`: what a ruleset holds, whether
 * its fixtures pass, and its documentation. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "cli_lang.h"
#include "output.h"
#include "rulesdoc.h"
#include "ruleslist.h"
#include "rulestest.h"

int cmd_rules_list(options *o)
{
    styr_ruleset *rs = cli_load_ruleset(o);
    if (!rs)
        return EXIT_FAILED;
    sink out;
    if (sink_open(&out, o->output) < 0) {
        styr_ruleset_free(rs);
        return EXIT_FAILED;
    }
    styr_report_rules_list(out.f, rs, o->lang, strcmp(o->format, "json") == 0);
    int rc = sink_close(&out) < 0 ? EXIT_FAILED : EXIT_CLEAN;
    styr_ruleset_free(rs);
    return rc;
}

int cmd_rules_test(options *o)
{
    /* Fixtures pin the words of one language ("says", and "fails" with a
     * load error's words): Swedish unless --lang says otherwise, whatever
     * LANG the machine has. Decided before the ruleset loads, since the
     * loader (o->lim) explains a fixture's YAML in that language too. */
    if (!o->lang_given) {
        o->lang = STYR_LANG_SV;
        o->lim.lang = STYR_LANG_SV;
        cli_lang_set(STYR_LANG_SV);   /* and the command line's own words: one language a run */
    }
    styr_ruleset *rs = cli_load_ruleset(o);
    if (!rs)
        return EXIT_FAILED;
    int failed = styr_rules_test(rs, &o->run, stdout, !o->quiet);
    styr_ruleset_free(rs);
    if (failed == -2)
        return EXIT_FAILED;   /* a fixture file refused, said with its path */
    if (failed == -3) {
        fputs(CLI_SV("styr: minnet tog slut; testfallen kördes inte alla\n",
                     "styr: out of memory; not every fixture was run\n"),
              stderr);
        return EXIT_FAILED;
    }
    if (failed < 0) {
        fputs(CLI_SV("styr: regeluppsättningen har inga testfiler (lägg dem under tests/ i dess mapp)\n",
                     "styr: the ruleset has no fixtures (put them under tests/ in its folder)\n"),
              stderr);
        return EXIT_FAILED;
    }
    return failed ? EXIT_FINDINGS : EXIT_CLEAN;
}

int cmd_rules_doc(options *o)
{
    styr_ruleset *rs = cli_load_ruleset(o);
    if (!rs)
        return EXIT_FAILED;
    sink out;
    int rc = EXIT_CLEAN;
    if (sink_open(&out, o->output) < 0) {
        rc = EXIT_FAILED;
    } else {
        styr_rules_doc(rs, out.f);
        if (sink_close(&out) < 0)
            rc = EXIT_FAILED;
    }
    styr_ruleset_free(rs);
    return rc;
}
