/* report_sarif.c - `styr validate --format sarif`: SARIF 2.1.0 as GitHub
 * code scanning ingests it (the Multitool's SARIF and GH rules). Every rule
 * carries a plain shortDescription, a fullDescription, help (what to do and
 * where the rule is declared, as text and Markdown) and its message template
 * in messageStrings; every result carries partialFingerprints (a logical
 * key that survives line moves) and suppressions (empty unless waived). */
#include "report.h"

#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "rule_text.h"
#include "strmap.h"
#include "report_lost.h"

#ifndef STYR_INFORMATION_URI
#define STYR_INFORMATION_URI "file:///usr/local/share/doc/styr/README.md"
#endif

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

/* A growable string for the texts built from several parts. */
typedef struct { char *s; size_t len, cap; int failed; } str;

static void add(str *b, const char *s)
{
    size_t n = strlen(s ? s : "");
    if (b->failed || !n)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 256;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *p = realloc(b->s, cap);
        if (!p) {
            b->failed = 1;
            styr_report_lost();
            return;
        }
        b->s = p;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n + 1);
    b->len += n;
}

/* Markdown: the characters that would start emphasis, code, links or HTML
 * are escaped, so a rule's text shows as written. */
static void add_md(str *b, const char *s)
{
    char one[3] = {0};
    for (const char *p = s ? s : ""; *p; p++) {
        if (strchr("\\`*_[]<>#|", *p)) {
            one[0] = '\\';
            one[1] = *p;
        } else {
            one[0] = *p;
            one[1] = '\0';
        }
        add(b, one);
    }
}

static const char *pick(char *const text[2], int lang)
{
    return text[lang] ? text[lang] : text[0] ? text[0] : text[1];
}

static const char *scope_words(styr_scope s, int lang)
{
    static const char *const sv[] = {"planen", "varje strategi", "varje insats", "områdesfilen",
                                     "varje innovationsområde", "scenariot", "varje värde (schemat)"};
    static const char *const en[] = {"the plan", "each strategy", "each action", "the areas file",
                                     "each innovation area", "the scenario", "every value (the schema)"};
    return s < STYR_SCOPE_COUNT ? (lang == STYR_LANG_EN ? en[s] : sv[s]) : "";
}

static void sarif_text(FILE *out, const char *key, const char *text)
{
    fprintf(out, ", \"%s\": {\"text\": ", key);
    styr_json_string(out, text);
    fputc('}', out);
}

static void rule_object(FILE *out, const styr_rule *r, const styr_report_opts *o)
{
    int lang = o->lang;
    char lineno[16];
    snprintf(lineno, sizeof lineno, ":%u", r->line);
    fputs("{\"id\": ", out);
    styr_json_string(out, r->id);

    const char *msg = pick(r->message, lang);
    const char *desc = pick(r->description, lang);
    char *plain = styr_template_plain(msg ? msg : r->id);
    sarif_text(out, "shortDescription", plain ? plain : r->id);

    /* The full description: the rule's own, or the plain sentence with what
     * the rule looks at and how severe it is. */
    str full = {0};
    if (desc) {
        add(&full, desc);
    } else {
        add(&full, plain ? plain : r->id);
        add(&full, word(o, " Regeln bedömer ", " The rule judges "));
        add(&full, scope_words(r->scope, lang));
        add(&full, word(o, "; allvarlighet: ", "; severity: "));
        add(&full, styr_severity_name(r->severity));
        add(&full, ".");
    }
    sarif_text(out, "fullDescription", full.failed ? r->id : full.s);
    free(full.s);

    /* help: what to do, then where the rule comes from. */
    const char *fix = pick(r->remediation, lang);
    const char *no_fix = word(o, "Regeln anger ingen åtgärd; meddelandet säger vad som är fel.",
                              "The rule names no remedy; its message says what is wrong.");
    str text = {0}, md = {0};
    add(&text, fix ? fix : no_fix);
    add(&text, word(o, "\n\nKälla: regeln ", "\n\nSource: rule "));
    add(&text, r->id);
    add(&text, word(o, " i regeluppsättningen ", " of the ruleset "));
    add(&text, r->ruleset ? r->ruleset : "?");
    if (r->file) {
        add(&text, word(o, ", deklarerad i ", ", declared in "));
        add(&text, r->file);
        add(&text, lineno);
    }
    add(&text, ".");
    add(&md, word(o, "**Åtgärd:** ", "**What to do:** "));
    add_md(&md, fix ? fix : no_fix);
    add(&md, word(o, "\n\n**Källa:** regeln `", "\n\n**Source:** rule `"));
    add(&md, r->id);
    add(&md, word(o, "` i regeluppsättningen `", "` of the ruleset `"));
    add(&md, r->ruleset ? r->ruleset : "?");
    add(&md, "`");
    if (r->file) {
        add(&md, word(o, ", deklarerad i `", ", declared in `"));
        add(&md, r->file);
        add(&md, lineno);
        add(&md, "`");
    }
    add(&md, ".");
    fputs(", \"help\": {\"text\": ", out);
    styr_json_string(out, text.failed ? r->id : text.s);
    fputs(", \"markdown\": ", out);
    styr_json_string(out, md.failed ? r->id : md.s);
    fputc('}', out);
    free(text.s);
    free(md.s);

    /* The message template with numbered placeholders; the names, in order,
     * under properties.messageArguments. */
    const char *names[STYR_TEMPLATE_MAX_ARGS];
    size_t lens[STYR_TEMPLATE_MAX_ARGS], nnames = 0;
    char *positional = msg ? styr_template_positional(msg, names, lens, &nnames) : NULL;
    if (positional) {
        fputs(", \"messageStrings\": {\"default\": {\"text\": ", out);
        styr_json_string(out, positional);
        fputs("}}", out);
    }
    fprintf(out, ", \"defaultConfiguration\": {\"level\": \"%s\"%s}",
            r->severity == STYR_SEV_OFF ? "none" : sarif_level(r->severity),
            r->severity == STYR_SEV_OFF ? ", \"enabled\": false" : "");
    fputs(", \"properties\": {\"ruleset\": ", out);
    styr_json_string(out, r->ruleset);
    fputs(", \"appliesTo\": ", out);
    styr_json_string(out, styr_scope_name(r->scope));
    if (positional) {
        fputs(", \"messageArguments\": [", out);
        for (size_t k = 0; k < nnames; k++) {
            char name[72];
            snprintf(name, sizeof name, "%.*s", (int)lens[k], names[k]);
            fputs(k ? ", " : "", out);
            styr_json_string(out, name);
        }
        fputc(']', out);
    }
    fputs("}}", out);
    free(positional);
    free(plain);
}

/* partialFingerprints: rule, file, action and the path within the action,
 * so that an alert keeps its identity when the finding moves to another
 * line or its action to another place in the list. Two findings
 * with the same key get "|2", "|3", ... in the order they are reported. */
static void fingerprint(FILE *out, const styr_finding *fi, const char *file, size_t occurrence)
{
    const char *path = styr_finding_item_path(fi);
    size_t n = strlen(fi->rule) + strlen(file) + (fi->action ? strlen(fi->action) : 0) + strlen(path) + 48;
    char *key = malloc(n);
    if (!key) {
        styr_report_lost();
        return;
    }
    int len = snprintf(key, n, "%s|%s|%s|%s", fi->rule, file, fi->action ? fi->action : "", path);
    if (occurrence > 1)
        snprintf(key + len, n - (size_t)len, "|%zu", occurrence);
    fputs(",\n       \"partialFingerprints\": {\"styrLogicalKey/v1\": ", out);
    styr_json_string(out, key);
    fputc('}', out);
    free(key);
}

/* How many findings before this one had the same logical key (1 for the
 * first); counts live in counts[] indexed through the map. */
static size_t occurrence_of(styr_strmap *seen, size_t *counts, size_t *nused, const styr_finding *fi,
                            const char *file)
{
    const char *path = styr_finding_item_path(fi);
    size_t n = strlen(fi->rule) + strlen(file) + (fi->action ? strlen(fi->action) : 0) + strlen(path) + 4;
    char *key = malloc(n);
    if (!key) {
        styr_report_lost();
        return 1;
    }
    int len = snprintf(key, n, "%s\037%s\037%s\037%s", fi->rule, file, fi->action ? fi->action : "", path);
    size_t *c = styr_strmap_get(seen, key, (size_t)len);
    if (!c) {
        c = &counts[(*nused)++];
        *c = 0;
        if (styr_strmap_put(seen, key, (size_t)len, c, NULL) < 0) {
            styr_report_lost();
            free(key);
            return 1;
        }
    }
    free(key);
    return ++*c;
}

void styr_report_sarif(FILE *out, const styr_file_result *res, size_t n, const styr_ruleset *rs,
                       const styr_report_opts *o, int waived)
{
    const char *language = o->lang == STYR_LANG_EN ? "en" : "sv-SE";
    fputs("{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n"
          "  \"runs\": [{\n    \"tool\": {\"driver\": {\"name\": \"styr\", \"version\": ", out);
    styr_json_string(out, o->version);
    fputs(", \"semanticVersion\": ", out);
    styr_json_string(out, o->version);
    fputs(", \"informationUri\": ", out);
    styr_json_string(out, STYR_INFORMATION_URI);
    fprintf(out, ", \"language\": \"%s\"", language);
    fputs(",\n      \"rules\": [", out);
    for (size_t i = 0; i < rs->nrules; i++) {
        fputs(i ? ",\n        " : "\n        ", out);
        rule_object(out, &rs->rules[i], o);
    }
    fprintf(out, "\n      ]}},\n    \"language\": \"%s\",\n    \"columnKind\": \"unicodeCodePoints\",\n"
                 "    \"artifacts\": [", language);
    for (size_t f = 0; f < n; f++) {
        fputs(f ? ", {\"location\": {\"uri\": " : "{\"location\": {\"uri\": ", out);
        json_uri(out, res[f].file);
        fputs("}, \"roles\": [\"analysisTarget\"], \"mimeType\": \"application/yaml\"}", out);
    }
    fputs("],\n    \"results\": [", out);
    size_t total = 0;
    for (size_t f = 0; f < n; f++)
        total += res[f].failed ? 0 : res[f].findings.count;
    size_t *counts = malloc((total ? total : 1) * sizeof *counts), nused = 0;
    if (!counts)
        styr_report_lost();
    styr_strmap seen;
    styr_strmap_init(&seen);
    int any = 0;
    for (size_t f = 0; f < n; f++) {
        for (size_t i = 0; !res[f].failed && i < res[f].findings.count; i++) {
            const styr_finding *fi = &res[f].findings.items[i];
            if (fi->waiver_reason && waived == STYR_SARIF_WAIVED_OMIT)
                continue;
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
            fingerprint(out, fi, res[f].file, counts ? occurrence_of(&seen, counts, &nused, fi, res[f].file) : 1);
            if (fi->waiver_reason) {
                fputs(",\n       \"suppressions\": [{\"kind\": \"inSource\", \"status\": \"accepted\", \"justification\": ", out);
                styr_json_string(out, fi->waiver_reason);
                fputs("}]", out);
            } else {
                fputs(",\n       \"suppressions\": []", out);
            }
            if (fi->action) {
                fputs(", \"properties\": {\"item\": ", out);
                styr_json_string(out, fi->action);
                fputc('}', out);
            }
            fputc('}', out);
        }
    }
    styr_strmap_free(&seen);
    free(counts);
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
