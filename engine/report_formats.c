/* report_formats.c - `styr validate` reports for other tools: SARIF 2.1.0
 * (code-scanning and editors), JUnit XML (CI test views), GitHub workflow
 * annotations, and Markdown (pull requests, documents). */
#include "report.h"

#include <string.h>

#include "json.h"
#include "xlsx_read.h"

#define word(o, sv, en) ((o)->lang == STYR_LANG_EN ? (en) : (sv))

static const char *sarif_level(styr_severity s)
{
    return s == STYR_SEV_ERROR ? "error" : s == STYR_SEV_WARNING ? "warning" : "note";
}

/* A relative or absolute path as a URI reference (RFC 3986): everything
 * but unreserved characters and '/' is percent-encoded. */
static void json_uri(FILE *out, const char *path)
{
    putc('"', out);
    if (path[0] == '/')
        fputs("file://", out);   /* an absolute path is a file URI, not a bare '/' reference */
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
            *p == '-' || *p == '.' || *p == '_' || *p == '~' || *p == '/')
            putc(*p, out);
        else
            fprintf(out, "%%%02X", *p);
    }
    putc('"', out);
}

static void sarif_location(FILE *out, const char *file, long artifact, unsigned line, unsigned col,
                           const char *path)
{
    fputs("{\"physicalLocation\": {\"artifactLocation\": {\"uri\": ", out);
    json_uri(out, file);
    if (artifact >= 0)
        fprintf(out, ", \"index\": %ld", artifact);
    fputc('}', out);
    if (line) {
        fprintf(out, ", \"region\": {\"startLine\": %u", line);
        if (col)
            fprintf(out, ", \"startColumn\": %u", col);
        fputc('}', out);
    }
    fputc('}', out);
    if (path && *path) {
        fputs(", \"logicalLocations\": [{\"fullyQualifiedName\": ", out);
        styr_json_string(out, path);
        fputs("}]", out);
    }
    fputc('}', out);
}

static void sarif_text(FILE *out, const char *key, const char *text)
{
    fprintf(out, ", \"%s\": {\"text\": ", key);
    styr_json_string(out, text);
    fputc('}', out);
}

void styr_report_sarif(FILE *out, const styr_file_result *res, size_t n, const styr_ruleset *rs,
                       const styr_report_opts *o)
{
    int lang = o->lang;
    fputs("{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n"
          "  \"runs\": [{\n    \"tool\": {\"driver\": {\"name\": \"styr\", \"version\": ", out);
    styr_json_string(out, o->version);
    fputs(", \"semanticVersion\": ", out);
    styr_json_string(out, o->version);
    fputs(",\n      \"rules\": [", out);
    for (size_t i = 0; i < rs->nrules; i++) {
        const styr_rule *r = &rs->rules[i];
        fputs(i ? ",\n        {\"id\": " : "\n        {\"id\": ", out);
        styr_json_string(out, r->id);
        const char *msg = r->message[lang] ? r->message[lang] : r->message[0];
        sarif_text(out, "shortDescription", msg);
        if (r->description[lang] || r->description[0])
            sarif_text(out, "fullDescription", r->description[lang] ? r->description[lang] : r->description[0]);
        if (r->remediation[lang] || r->remediation[0])
            sarif_text(out, "help", r->remediation[lang] ? r->remediation[lang] : r->remediation[0]);
        fprintf(out, ", \"defaultConfiguration\": {\"level\": \"%s\"%s}",
                r->severity == STYR_SEV_OFF ? "none" : sarif_level(r->severity),
                r->severity == STYR_SEV_OFF ? ", \"enabled\": false" : "");
        fputs(", \"properties\": {\"ruleset\": ", out);
        styr_json_string(out, r->ruleset);
        fputs(", \"appliesTo\": ", out);
        styr_json_string(out, styr_scope_name(r->scope));
        fputs("}}", out);
    }
    fputs("\n      ]}},\n    \"artifacts\": [", out);
    for (size_t f = 0; f < n; f++) {
        fputs(f ? ", {\"location\": {\"uri\": " : "{\"location\": {\"uri\": ", out);
        json_uri(out, res[f].file);
        fputs("}}", out);
    }
    fputs("],\n    \"results\": [", out);
    int any = 0;
    for (size_t f = 0; f < n; f++) {
        for (size_t i = 0; !res[f].failed && i < res[f].findings.count; i++) {
            const styr_finding *fi = &res[f].findings.items[i];
            styr_rule *r = styr_ruleset_rule(rs, fi->rule, strlen(fi->rule));
            fputs(any++ ? ",\n      {\"ruleId\": " : "\n      {\"ruleId\": ", out);
            styr_json_string(out, fi->rule);
            if (r)
                fprintf(out, ", \"ruleIndex\": %zu", (size_t)(r - rs->rules));
            fprintf(out, ", \"level\": \"%s\"", sarif_level(fi->severity));
            fputs(", \"message\": {\"text\": ", out);
            styr_json_string(out, fi->message);
            fputs("},\n       \"locations\": [", out);
            sarif_location(out, res[f].file, (long)f, fi->line, fi->column, fi->path);
            fputc(']', out);
            if (fi->waiver_reason) {
                fputs(", \"suppressions\": [{\"kind\": \"inSource\", \"justification\": ", out);
                styr_json_string(out, fi->waiver_reason);
                fputs("}]", out);
            }
            if (fi->action) {
                fputs(", \"properties\": {\"item\": ", out);
                styr_json_string(out, fi->action);
                fputc('}', out);
            }
            fputc('}', out);
        }
    }
    fputs(any ? "\n    ],\n" : "],\n", out);
    /* Files that could not be judged and rules that crashed: the run's own problems. */
    int ok = 1;
    for (size_t f = 0; f < n; f++)
        ok &= !res[f].failed && !res[f].nrule_errors;
    fprintf(out, "    \"invocations\": [{\"executionSuccessful\": %s, \"toolExecutionNotifications\": [", ok ? "true" : "false");
    any = 0;
    for (size_t f = 0; f < n; f++) {
        const styr_error *errs = res[f].failed ? &res[f].failure : res[f].rule_errors;
        size_t ne = res[f].failed ? 1 : res[f].nrule_errors;
        for (size_t k = 0; k < ne; k++) {
            fputs(any++ ? ",\n      {\"level\": \"error\", \"message\": {\"text\": " : "\n      {\"level\": \"error\", \"message\": {\"text\": ", out);
            styr_json_string(out, errs[k].message);
            fputs("}, \"locations\": [", out);
            sarif_location(out, errs[k].file[0] ? errs[k].file : res[f].file, errs[k].file[0] ? -1 : (long)f,
                           errs[k].line, errs[k].column, NULL);
            fputs("]}", out);
        }
    }
    fputs(any ? "\n    ]}]\n  }]\n}\n" : "]}]\n  }]\n}\n", out);
}

/* ---- JUnit XML --------------------------------------------------------- */

static void xml_text(FILE *out, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
        switch (*p) {
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '&': fputs("&amp;", out); break;
        case '"': fputs("&quot;", out); break;
        case '\'': fputs("&apos;", out); break;
        default:
            /* XML 1.0 has no place for other control characters. */
            if (*p < 0x20 && *p != '\n' && *p != '\t')
                fputs("&#xFFFD;", out);
            else
                putc(*p, out);
        }
    }
}

void styr_report_junit(FILE *out, const styr_file_result *res, size_t n, styr_severity fail_on,
                       const styr_report_opts *o)
{
    size_t tests = 0, failures = 0, errors = 0;
    for (size_t f = 0; f < n; f++) {
        if (res[f].failed) {
            tests++;
            errors++;
            continue;
        }
        tests += res[f].findings.count ? res[f].findings.count : 1;
        errors += res[f].nrule_errors;
        tests += res[f].nrule_errors;
        for (size_t i = 0; i < res[f].findings.count; i++)
            failures += !res[f].findings.items[i].waiver_reason && res[f].findings.items[i].severity >= fail_on &&
                        res[f].findings.items[i].severity <= STYR_SEV_ERROR;
    }
    fprintf(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                 "<testsuites name=\"styr\" tests=\"%zu\" failures=\"%zu\" errors=\"%zu\">\n", tests, failures, errors);
    for (size_t f = 0; f < n; f++) {
        const styr_file_result *r = &res[f];
        size_t ft = 0, ff = 0, fs = 0;
        for (size_t i = 0; !r->failed && i < r->findings.count; i++) {
            const styr_finding *fi = &r->findings.items[i];
            fs += fi->waiver_reason != NULL;
            ff += !fi->waiver_reason && fi->severity >= fail_on && fi->severity <= STYR_SEV_ERROR;
        }
        ft = r->failed ? 1 : (r->findings.count ? r->findings.count : 1) + r->nrule_errors;
        fputs("  <testsuite name=\"", out);
        xml_text(out, r->file);
        fprintf(out, "\" tests=\"%zu\" failures=\"%zu\" errors=\"%zu\" skipped=\"%zu\">\n", ft, ff,
                r->failed ? 1 : r->nrule_errors, fs);
        if (r->failed) {
            fputs("    <testcase classname=\"styr\" name=\"", out);
            xml_text(out, r->file);
            fputs("\">\n      <error message=\"", out);
            xml_text(out, r->failure.message);
            fprintf(out, "\">%s:%u:%u: ", r->failure.file[0] ? r->failure.file : r->file, r->failure.line, r->failure.column);
            xml_text(out, r->failure.message);
            fputs("</error>\n    </testcase>\n  </testsuite>\n", out);
            continue;
        }
        if (!r->findings.count && !r->nrule_errors) {
            fputs("    <testcase classname=\"styr\" name=\"", out);
            xml_text(out, word(o, "inga fynd", "no findings"));
            fputs("\"/>\n", out);
        }
        for (size_t i = 0; i < r->findings.count; i++) {
            const styr_finding *fi = &r->findings.items[i];
            fputs("    <testcase classname=\"", out);
            xml_text(out, fi->rule);
            fputs("\" name=\"", out);
            xml_text(out, r->file);
            fprintf(out, ":%u:%u", fi->line, fi->column);
            if (fi->action) {
                fputs(" ", out);
                xml_text(out, fi->action);
            }
            fputs("\">", out);
            if (fi->waiver_reason) {
                fputs("<skipped message=\"", out);
                xml_text(out, fi->waiver_reason);
                fputs("\"/>", out);
            } else if (fi->severity >= fail_on && fi->severity <= STYR_SEV_ERROR) {
                fprintf(out, "<failure type=\"%s\" message=\"", styr_severity_name(fi->severity));
                xml_text(out, fi->message);
                fputs("\">", out);
                xml_text(out, fi->message);
                fputs("</failure>", out);
            } else {
                fprintf(out, "<system-out>%s: ", styr_severity_name(fi->severity));
                xml_text(out, fi->message);
                fputs("</system-out>", out);
            }
            fputs("</testcase>\n", out);
        }
        for (size_t i = 0; i < r->nrule_errors; i++) {
            const styr_error *e = &r->rule_errors[i];
            fputs("    <testcase classname=\"styr.rules\" name=\"", out);
            xml_text(out, e->file);
            fprintf(out, ":%u\"><error message=\"", e->line);
            xml_text(out, e->message);
            fputs("\"/></testcase>\n", out);
        }
        fputs("  </testsuite>\n", out);
    }
    fputs("</testsuites>\n", out);
}

/* ---- GitHub workflow annotations --------------------------------------- */

/* Escaping of the workflow command format: data, and properties (which
 * also escape ':' and ','). */
static void gh_escape(FILE *out, const char *s, int property)
{
    for (const char *p = s ? s : ""; *p; p++) {
        if (*p == '%') fputs("%25", out);
        else if (*p == '\r') fputs("%0D", out);
        else if (*p == '\n') fputs("%0A", out);
        else if (property && *p == ':') fputs("%3A", out);
        else if (property && *p == ',') fputs("%2C", out);
        else putc(*p, out);
    }
}

void styr_report_github(FILE *out, const styr_file_result *res, size_t n, const styr_report_opts *o)
{
    (void)o;
    for (size_t f = 0; f < n; f++) {
        const styr_file_result *r = &res[f];
        if (r->failed) {
            fputs("::error file=", out);
            gh_escape(out, r->failure.file[0] ? r->failure.file : r->file, 1);
            if (r->failure.line)
                fprintf(out, ",line=%u,col=%u", r->failure.line, r->failure.column ? r->failure.column : 1);
            fputs(",title=styr::", out);
            gh_escape(out, r->failure.message, 0);
            fputc('\n', out);
            continue;
        }
        for (size_t i = 0; i < r->findings.count; i++) {
            const styr_finding *fi = &r->findings.items[i];
            if (fi->waiver_reason)
                continue;   /* waived on purpose: no annotation */
            fprintf(out, "::%s file=", fi->severity == STYR_SEV_ERROR ? "error" : fi->severity == STYR_SEV_WARNING ? "warning" : "notice");
            gh_escape(out, r->file, 1);
            fprintf(out, ",line=%u,col=%u,title=", fi->line, fi->column);
            gh_escape(out, fi->rule, 1);
            fputs("::", out);
            gh_escape(out, fi->message, 0);
            fputc('\n', out);
        }
        for (size_t i = 0; i < r->nrule_errors; i++) {
            const styr_error *e = &r->rule_errors[i];
            fputs("::error file=", out);
            gh_escape(out, e->file, 1);
            fprintf(out, ",line=%u,title=styr rule crashed::", e->line);
            gh_escape(out, e->message, 0);
            fputc('\n', out);
        }
    }
}

/* ---- Markdown ----------------------------------------------------------- */

/* Text for a table cell: '|' and line breaks would break the row. */
static void md_cell(FILE *out, const char *s)
{
    for (const char *p = s ? s : ""; *p; p++) {
        if (*p == '|') fputs("\\|", out);
        else if (*p == '\n' || *p == '\r') putc(' ', out);
        else if (*p == '<') fputs("&lt;", out);
        else putc(*p, out);
    }
}

void styr_report_markdown(FILE *out, const styr_file_result *res, size_t n, const styr_report_opts *o)
{
    for (size_t f = 0; f < n; f++) {
        const styr_file_result *r = &res[f];
        fputs(f ? "\n## " : "## ", out);
        md_cell(out, r->file);
        fputs("\n\n", out);
        if (r->failed) {
            fprintf(out, "**%s** %u:%u: ", word(o, "Kunde inte bedömas:", "Could not be judged:"), r->failure.line,
                    r->failure.column);
            md_cell(out, r->failure.message);
            fputs("\n", out);
            continue;
        }
        size_t c[3], waived = 0;
        styr_findings_count(&r->findings, c);
        for (size_t i = 0; i < r->findings.count; i++)
            waived += r->findings.items[i].waiver_reason != NULL;
        if (o->lang == STYR_LANG_EN)
            fprintf(out, "**%zu error%s, %zu warning%s, %zu info**", c[2], c[2] == 1 ? "" : "s", c[1],
                    c[1] == 1 ? "" : "s", c[0]);
        else
            fprintf(out, "**%zu fel, %zu varning%s, %zu info**", c[2], c[1], c[1] == 1 ? "" : "ar", c[0]);
        if (waived)
            fprintf(out, word(o, ", %zu undantagna", ", %zu waived"), waived);
        fputs("\n", out);
        if (!r->findings.count && !r->nrule_errors) {
            fputs(word(o, "\nInga fynd.\n", "\nNo findings.\n"), out);
            continue;
        }
        fputs(word(o, "\n| Rad:kol | Allvar | Regel | Insats | Meddelande | Åtgärd |\n",
                   "\n| Line:col | Severity | Rule | Item | Message | What to do |\n"), out);
        fputs("|---:|---|---|---|---|---|\n", out);
        for (size_t i = 0; i < r->findings.count; i++) {
            const styr_finding *fi = &r->findings.items[i];
            const char *sev = fi->waiver_reason ? word(o, "undantagen", "waived")
                              : fi->severity == STYR_SEV_ERROR ? word(o, "fel", "error")
                              : fi->severity == STYR_SEV_WARNING ? word(o, "varning", "warning") : "info";
            if (fi->sheet) {   /* a workbook plan: its sheet and cell */
                char cell[16];
                styr_xlsx_cell_ref(cell, sizeof cell, fi->line, fi->column);
                fprintf(out, "| %s!%s | %s | `%s` | ", fi->sheet, cell, sev, fi->rule);
            } else
                fprintf(out, "| %u:%u | %s | `%s` | ", fi->line, fi->column, sev, fi->rule);
            md_cell(out, fi->action ? fi->action : "");
            fputs(" | ", out);
            md_cell(out, fi->message);
            if (fi->waiver_reason) {
                fputs(word(o, " *(skäl: ", " *(reason: "), out);
                md_cell(out, fi->waiver_reason);
                fputs(")*", out);
            }
            fputs(" | ", out);
            if (fi->remediation && !fi->waiver_reason)
                md_cell(out, fi->remediation);
            fputs(" |\n", out);
        }
        for (size_t i = 0; i < r->nrule_errors; i++) {
            fputs(word(o, "\n**Regel kraschade:** ", "\n**Rule crashed:** "), out);
            md_cell(out, r->rule_errors[i].file);
            fprintf(out, ":%u: ", r->rule_errors[i].line);
            md_cell(out, r->rule_errors[i].message);
            fputs("\n", out);
        }
    }
}
