/* ruleslist.c - the rules of a ruleset, as `styr rules list` prints them. */
#include "ruleslist.h"

#include "json.h"
#include "report.h"
#include "termsafe.h"
#include "text.h"

void styr_report_rules_list(FILE *out, const styr_ruleset *rs, int lang, int json)
{
    if (json) {
        fprintf(out, "{\"format_version\": %d, \"ruleset\": ", STYR_JSON_FORMAT_VERSION);
        styr_json_string(out, rs->name);
        fputs(", \"ruleset_path\": ", out);
        styr_json_string(out, rs->dir);
        fputs(", \"rules\": [", out);
    }
    for (size_t i = 0; i < rs->nrules; i++) {
        const styr_rule *r = &rs->rules[i];
        const char *msg = r->message[lang] ? r->message[lang] : r->message[0];
        if (json) {
            fputs(i ? ",\n  {" : "\n  {", out);
            fputs("\"id\": ", out);
            styr_json_string(out, r->id);
            fputs(", \"severity\": ", out);
            styr_json_string(out, styr_severity_name(r->severity));
            fputs(", \"applies_to\": ", out);
            styr_json_string(out, styr_scope_name(r->scope));
            fputs(", \"ruleset\": ", out);
            styr_json_string(out, r->ruleset);
            fputs(", \"message\": ", out);
            styr_json_string(out, msg);
            fputs(", \"source\": ", out);
            if (r->source)
                styr_json_string(out, r->source);
            else
                fputs("null", out);
            fputs(", \"file\": ", out);
            styr_json_string(out, r->file);
            fprintf(out, ", \"line\": %u}", r->line);
        } else {
            /* Padded by display width: a ruleset's name may be "växjö". */
            styr_pad(out, r->id, 40);
            fprintf(out, " %-8s %-9s ", styr_severity_name(r->severity), styr_scope_name(r->scope));
            styr_pad(out, r->ruleset, 9);
            fputc(' ', out);
            styr_fput_safe(out, msg);
            fputc('\n', out);
        }
    }
    if (json)
        fputs("\n]}\n", out);
}
