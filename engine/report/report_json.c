/* report_json.c - `styr validate --format json` (FORMATS.md section 6). */
#include "report.h"

#include <string.h>

#include "json.h"
#include "xlsx_read.h"

void styr_report_json_error(FILE *out, const styr_error *e, const char *fallback_file)
{
    fputs("{\"file\": ", out);
    styr_json_string(out, e->file[0] ? e->file : fallback_file);
    fprintf(out, ", \"line\": %u, \"column\": %u, \"message\": ", e->line, e->column);
    styr_json_string(out, e->message);
    fputc('}', out);
}

void styr_report_json_finding(FILE *out, const styr_finding *fi, const char *item_key, const char *file)
{
    fputc('{', out);
    if (file) {
        fputs("\"file\": ", out);
        styr_json_string(out, file);
        fputs(", ", out);
    }
    fputs("\"rule\": ", out);
    styr_json_string(out, fi->rule);
    fputs(", \"severity\": ", out);
    styr_json_string(out, styr_severity_name(fi->severity));
    fputs(", \"message\": ", out);
    styr_json_string(out, fi->message);
    fprintf(out, ", \"%s\": ", item_key);
    styr_json_string(out, fi->action);
    fputs(", \"path\": ", out);
    styr_json_string(out, fi->path);
    fprintf(out, ", \"line\": %u, \"column\": %u", fi->line, fi->column);
    if (fi->sheet) {   /* a workbook plan (FORMATS.md section 14) */
        char cell[16];
        styr_xlsx_cell_ref(cell, sizeof cell, fi->line, fi->column);
        fputs(", \"sheet\": ", out);
        styr_json_string(out, fi->sheet);
        fprintf(out, ", \"cell\": \"%s\"", cell);
    }
    fputs(", \"remediation\": ", out);   /* FORMATS.md section 9 */
    styr_json_string(out, fi->remediation);
    if (fi->waiver_reason) {
        fputs(", \"waived\": true, \"waiver_reason\": ", out);
        styr_json_string(out, fi->waiver_reason);
    }
    fputc('}', out);
}

void styr_report_json_head(FILE *out, const styr_report_opts *o)
{
    fprintf(out, "{\n  \"format_version\": %d,\n  \"tool\": {\"name\": \"styr\", \"version\": ",
            STYR_JSON_FORMAT_VERSION);
    styr_json_string(out, o->version);
    fputs("},\n  \"ruleset\": ", out);
    styr_json_string(out, o->ruleset);
    fputs(",\n  \"ruleset_path\": ", out);
    styr_json_string(out, o->ruleset_path);
}

void styr_report_json(FILE *out, const styr_file_result *res, size_t n, const styr_report_opts *o)
{
    styr_report_json_head(out, o);
    fputs(",\n  \"files\": [", out);
    for (size_t f = 0; f < n; f++) {
        const styr_file_result *r = &res[f];
        fputs(f ? ",\n    {" : "\n    {", out);
        fputs("\n      \"file\": ", out);
        styr_json_string(out, r->file);
        if (r->failed) {
            fputs(",\n      \"failed\": true,\n      \"error\": ", out);
            styr_report_json_error(out, &r->failure, r->file);
            fputs("\n    }", out);
            continue;
        }
        fputs(",\n      \"kind\": ", out);
        styr_json_string(out, r->kind);
        int plan = strcmp(r->kind, "action-plan") == 0;
        fprintf(out, ",\n      \"%s\": %zu", plan ? "actions" : "areas", r->actions);
        fputs(",\n      \"findings\": [", out);
        size_t waived = 0;
        for (size_t i = 0; i < r->findings.count; i++) {
            const styr_finding *fi = &r->findings.items[i];
            fputs(i ? ",\n        " : "\n        ", out);
            if (fi->waiver_reason)
                waived++;
            styr_report_json_finding(out, fi, plan ? "action" : "area", NULL);
        }
        fputs(r->findings.count ? "\n      ]" : "]", out);
        size_t c[3];
        styr_findings_count(&r->findings, c);
        fprintf(out, ",\n      \"summary\": {\"error\": %zu, \"warning\": %zu, \"info\": %zu, "
                     "\"waived\": %zu, \"not_shown\": %zu}",
                c[2], c[1], c[0], waived, r->findings.dropped);
        if (r->findings.dropped)
            fprintf(out, ",\n      \"limit\": {\"max_findings\": %zu, \"not_kept\": %zu, \"line\": %u, \"column\": %u}",
                    r->findings.max_kept, r->findings.dropped, r->findings.dropped_line, r->findings.dropped_column);
        fputs(",\n      \"rule_errors\": [", out);
        for (size_t i = 0; i < r->nrule_errors; i++) {
            fputs(i ? ", " : "", out);
            styr_report_json_error(out, &r->rule_errors[i], r->file);
        }
        fputs("]\n    }", out);
    }
    fputs(n ? "\n  ]\n}\n" : "]\n}\n", out);
}
