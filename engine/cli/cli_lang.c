/* cli_lang.c - the language of the command line's own messages (see
 * cli_lang.h). */
#include "cli_lang.h"

#include <stdlib.h>
#include <string.h>

#include "errno_text.h"
#include "run.h"   /* STYR_LANG_SV, STYR_LANG_EN */

static int process_lang = STYR_LANG_SV;

int cli_lang_from_env(void)
{
    static const char *const vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
    for (int i = 0; i < 3; i++) {
        const char *v = getenv(vars[i]);
        if (v && *v)
            return strncmp(v, "en", 2) == 0 ? STYR_LANG_EN : STYR_LANG_SV;
    }
    return STYR_LANG_SV;
}

int cli_lang_of_args(int argc, char *const *argv, int first)
{
    int lang = cli_lang_from_env();
    for (int i = first; i < argc; i++) {
        const char *a = argv[i], *v = NULL;
        if (strcmp(a, "--") == 0)
            break;
        if (strcmp(a, "--lang") == 0 && i + 1 < argc)
            v = argv[++i];
        else if (strncmp(a, "--lang=", 7) == 0)
            v = a + 7;
        if (v && cli_lang_value(v) >= 0)
            lang = cli_lang_value(v);
    }
    return lang;
}

int cli_lang_value(const char *v)
{
    return strcmp(v, "sv") == 0 ? STYR_LANG_SV : strcmp(v, "en") == 0 ? STYR_LANG_EN : -1;
}

void cli_lang_set(int lang)
{
    process_lang = lang;
}

int cli_english(void)
{
    return process_lang == STYR_LANG_EN;
}

const char *cli_errno_text(int errnum)
{
    return styr_errno_text(errnum, cli_english());
}
