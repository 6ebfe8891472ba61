/* report_diff.c - the comparison of two versions in text, JSON (FORMATS.md
 * section 12), Markdown and HTML. */
#include "report_diff.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "internal/html.h"   /* html_esc: one escaper, control characters and bad UTF-8 included */
#include "report_lost.h"
#include "internal/md.h"
#include "termsafe.h"

static const char *illustrative_note(const styr_report_opts *o)
{
    return word(o, "Illustrativt exempel: minst en av versionerna är påhittad för att visa verktyget, inte Göteborgs Stads beslut.",
                "Illustrative example: at least one of the versions is made up to show the tool, not Göteborg's decisions.");
}

static const char *title_of(const styr_diff_item *it)
{
    const styr_node *n = it->new_ ? it->new_ : it->old;
    const styr_node *t = n && n->kind == STYR_NODE_MAP ? styr_map_get(n, "title", 5) : NULL;
    return t && t->kind == STYR_NODE_SCALAR && !styr_node_is_null(t) ? t->u.text : "";
}

static const char *kind_word(styr_diff_kind k, const styr_report_opts *o)
{
    switch (k) {
    case STYR_DIFF_ADDED: return word(o, "ny", "added");
    case STYR_DIFF_REMOVED: return word(o, "borttagen", "removed");
    case STYR_DIFF_RENUMBERED: return word(o, "omnumrerad", "renumbered");
    case STYR_DIFF_CHANGED: return word(o, "ändrad", "changed");
    default: return word(o, "oförändrad", "unchanged");
    }
}

static const char *kind_key(styr_diff_kind k)
{
    static const char *const keys[] = {"unchanged", "changed", "renumbered", "added", "removed"};
    return keys[k];
}

/* "1 234 567" (sv) or "1,234,567" (en), whole kronor, with a sign when asked. */
static void money(FILE *out, double v, int sign, const styr_report_opts *o)
{
    if (!isfinite(v) || fabs(v) >= 1e18) {   /* beyond whole kronor in a long long */
        fprintf(out, "%g", v);
        return;
    }
    long long n = llround(v);
    char digits[32];
    snprintf(digits, sizeof digits, "%lld", n < 0 ? -n : n);
    size_t len = strlen(digits);
    if (n < 0)
        fputs(o->lang == STYR_LANG_EN ? "-" : "−", out);
    else if (sign && n > 0)
        putc('+', out);
    for (size_t i = 0; i < len; i++) {
        if (i && (len - i) % 3 == 0)
            fputs(o->lang == STYR_LANG_EN ? "," : " ", out);
        putc(digits[i], out);
    }
}

static int is_plan(const styr_diff *d)
{
    return strcmp(d->kind, "action-plan") == 0;
}

static void totals(const styr_diff *d, double *old, double *new_)
{
    *old = *new_ = 0;
    for (size_t i = 0; i < d->nitems; i++) {
        *old += d->items[i].money_old;
        *new_ += d->items[i].money_new;
    }
}

/* ---- text ------------------------------------------------------------------ */

/* Texts from the plans go through styr_fput_safe: a terminal shows their
 * control characters (and a JSON value's bidirectional overrides, which
 * JSON leaves as they are), never obeys them. */
static void text_value(FILE *out, const styr_node *v)
{
    char *buf = styr_diff_json_text(v);
    if (!buf) {
        styr_report_lost();
        return;
    }
    styr_fput_safe(out, buf);
    free(buf);
}

static void text_field(FILE *out, const styr_diff_field *f, const char *indent)
{
    fputs(indent, out);
    styr_fput_safe(out, f->path);
    fputs(": ", out);
    text_value(out, f->old);
    fputs(" -> ", out);
    text_value(out, f->new_);
    fputc('\n', out);
}

static void text_findings(FILE *out, const char *label, const char *file, const styr_finding *const *fs, size_t n,
                          const styr_report_opts *o)
{
    for (size_t i = 0; i < n; i++) {
        const styr_finding *f = fs[i];
        const char *sev = f->severity == STYR_SEV_ERROR ? word(o, "fel", "error")
                          : f->severity == STYR_SEV_WARNING ? word(o, "varning", "warning") : "info";
        fprintf(out, "  %s ", label);
        styr_fput_safe(out, file);
        fprintf(out, ":%u:%u: %s: ", f->line, f->column, sev);
        styr_fput_safe(out, f->message);
        fputs(" [", out);
        styr_fput_safe(out, f->rule);
        fputs("]\n", out);
    }
}

void styr_report_diff_text(FILE *out, const styr_diff *d, const styr_report_opts *o)
{
    fprintf(out, "%s ", word(o, "Jämförelse:", "Comparison:"));
    styr_fput_safe(out, d->old_res.file);
    fputs(" -> ", out);
    styr_fput_safe(out, d->new_res.file);
    fputc('\n', out);
    if (d->illustrative_old || d->illustrative_new)
        fprintf(out, "%s\n", illustrative_note(o));
    const char *noun = is_plan(d) ? word(o, "Insatser", "Actions") : word(o, "Områden", "Areas");
    fprintf(out, "%s: %zu %s, %zu %s, %zu %s, %zu %s, %zu %s\n", noun,
            styr_diff_count(d, STYR_DIFF_ADDED), word(o, "nya", "added"),
            styr_diff_count(d, STYR_DIFF_REMOVED), word(o, "borttagna", "removed"),
            styr_diff_count(d, STYR_DIFF_RENUMBERED), word(o, "omnumrerade", "renumbered"),
            styr_diff_count(d, STYR_DIFF_CHANGED), word(o, "ändrade", "changed"),
            styr_diff_count(d, STYR_DIFF_UNCHANGED), word(o, "oförändrade", "unchanged"));
    double mo, mn;
    totals(d, &mo, &mn);
    fprintf(out, "%s: ", is_plan(d) ? word(o, "Finansiering (kr)", "Financing (SEK)") : word(o, "Kostnad (kr)", "Cost (SEK)"));
    money(out, mo, 0, o);
    fputs(" -> ", out);
    money(out, mn, 0, o);
    fputs(" (", out);
    money(out, mn - mo, 1, o);
    fputs(")\n", out);
    for (size_t i = 0; i < d->nitems; i++) {
        const styr_diff_item *it = &d->items[i];
        if (it->kind == STYR_DIFF_UNCHANGED)
            continue;
        fputc('\n', out);
        const char *title = title_of(it);
        fprintf(out, "%s ", kind_word(it->kind, o));
        if (it->kind == STYR_DIFF_RENUMBERED) {
            styr_fput_safe(out, it->old_id ? it->old_id : "?");
            fputs(" -> ", out);
            styr_fput_safe(out, it->new_id ? it->new_id : "?");
        } else
            styr_fput_safe(out, it->new_id ? it->new_id : it->old_id ? it->old_id : "?");
        if (*title) {   /* no dangling colon for an untitled action */
            fputs(": ", out);
            styr_fput_safe(out, title);
        }
        fputc('\n', out);
        for (size_t k = 0; k < it->nfields; k++)
            text_field(out, &it->fields[k], "  ");
    }
    if (d->ntop) {
        fprintf(out, "\n%s\n", word(o, "Övrigt i planen:", "Elsewhere in the plan:"));
        for (size_t k = 0; k < d->ntop; k++)
            text_field(out, &d->top[k], "  ");
    }
    fprintf(out, "\n%s: %zu %s, %zu %s\n", word(o, "Fynd", "Findings"), d->nfound_new, word(o, "nya", "new"),
            d->nfound_fixed, word(o, "åtgärdade", "fixed"));
    text_findings(out, word(o, "ny:", "new:"), d->new_res.file, d->found_new, d->nfound_new, o);
    text_findings(out, word(o, "åtgärdad:", "fixed:"), d->old_res.file, d->found_fixed, d->nfound_fixed, o);
}

/* ---- JSON ------------------------------------------------------------------ */

static void json_fields(FILE *out, const styr_diff_field *f, size_t n)
{
    fputc('[', out);
    for (size_t k = 0; k < n; k++) {
        fputs(k ? ", {\"path\": " : "{\"path\": ", out);
        styr_json_string(out, f[k].path);
        fputs(", \"old\": ", out);
        styr_diff_json_value(out, f[k].old);
        fputs(", \"new\": ", out);
        styr_diff_json_value(out, f[k].new_);
        fputc('}', out);
    }
    fputc(']', out);
}

static void json_ids(FILE *out, const styr_diff *d, styr_diff_kind kind)
{
    fputc('[', out);
    int first = 1;
    for (size_t i = 0; i < d->nitems; i++) {
        const styr_diff_item *it = &d->items[i];
        if (it->kind != kind)
            continue;
        if (!first)
            fputs(", ", out);
        styr_json_string(out, kind == STYR_DIFF_REMOVED ? it->old_id : it->new_id);
        first = 0;
    }
    fputc(']', out);
}

static void json_findings(FILE *out, const styr_finding *const *fs, size_t n, const char *file, const char *item_key)
{
    fputc('[', out);
    for (size_t i = 0; i < n; i++) {
        fputs(i ? ",\n    " : "\n    ", out);
        styr_report_json_finding(out, fs[i], item_key, file);
    }
    fputs(n ? "\n  ]" : "]", out);
}

void styr_report_diff_json(FILE *out, const styr_diff *d, const styr_report_opts *o)
{
    styr_report_json_head(out, o);   /* format_version, tool, ruleset, ruleset_path */
    fputs(", \"kind\": ", out);
    styr_json_string(out, d->kind);
    fputs(", \"old\": ", out);
    styr_json_string(out, d->old_res.file);
    fputs(", \"new\": ", out);
    styr_json_string(out, d->new_res.file);
    fprintf(out, ", \"illustrative\": %s", d->illustrative_old || d->illustrative_new ? "true" : "false");
    fputs(",\n\"actions\": {\n  \"added\": ", out);
    json_ids(out, d, STYR_DIFF_ADDED);
    fputs(",\n  \"removed\": ", out);
    json_ids(out, d, STYR_DIFF_REMOVED);
    fputs(",\n  \"renumbered\": [", out);
    int first = 1;
    for (size_t i = 0; i < d->nitems; i++) {
        const styr_diff_item *it = &d->items[i];
        if (it->kind != STYR_DIFF_RENUMBERED)
            continue;
        fputs(first ? "{\"from\": " : ", {\"from\": ", out);
        styr_json_string(out, it->old_id);
        fputs(", \"to\": ", out);
        styr_json_string(out, it->new_id);
        fprintf(out, ", \"similarity\": %.2f}", it->similarity);
        first = 0;
    }
    fputs("],\n  \"changed\": [", out);
    first = 1;
    for (size_t i = 0; i < d->nitems; i++) {
        const styr_diff_item *it = &d->items[i];
        if (!it->nfields)
            continue;
        fputs(first ? "\n    {\"id\": " : ",\n    {\"id\": ", out);
        styr_json_string(out, it->new_id);
        fputs(", \"fields\": ", out);
        json_fields(out, it->fields, it->nfields);
        fputc('}', out);
        first = 0;
    }
    fputs(first ? "]},\n" : "\n  ]},\n", out);
    fputs("\"plan\": ", out);
    json_fields(out, d->top, d->ntop);
    double mo, mn;
    totals(d, &mo, &mn);
    fputs(",\n\"money_sek\": {\"old\": ", out);
    styr_json_number(out, mo);
    fputs(", \"new\": ", out);
    styr_json_number(out, mn);
    fputs("},\n\"findings\": {\n  \"new\": ", out);
    const char *key = is_plan(d) ? "action" : "area";
    json_findings(out, d->found_new, d->nfound_new, d->new_res.file, key);
    fputs(",\n  \"fixed\": ", out);
    json_findings(out, d->found_fixed, d->nfound_fixed, d->old_res.file, key);
    fputs("}}\n", out);
}

/* ---- Markdown -------------------------------------------------------------- */


/* A value as Markdown code (its JSON, pipes escaped). */
static void md_value(FILE *out, const styr_node *v)
{
    char *buf = styr_diff_json_text(v);
    if (!buf) {
        styr_report_lost();
        return;
    }
    fputc('`', out);
    md_code_cell(out, buf);
    fputc('`', out);
    free(buf);
}

void styr_report_diff_markdown(FILE *out, const styr_diff *d, const styr_report_opts *o)
{
    fprintf(out, "# %s `", word(o, "Jämförelse", "Comparison"));
    md_code(out, d->old_res.file);
    fputs("` → `", out);
    md_code(out, d->new_res.file);
    fputs("`\n\n", out);
    if (d->illustrative_old || d->illustrative_new)
        fprintf(out, "> %s\n\n", illustrative_note(o));
    double mo, mn;
    totals(d, &mo, &mn);
    fprintf(out, "**%zu %s, %zu %s, %zu %s, %zu %s**; %s ", styr_diff_count(d, STYR_DIFF_ADDED), word(o, "nya", "added"),
            styr_diff_count(d, STYR_DIFF_REMOVED), word(o, "borttagna", "removed"),
            styr_diff_count(d, STYR_DIFF_RENUMBERED), word(o, "omnumrerade", "renumbered"),
            styr_diff_count(d, STYR_DIFF_CHANGED), word(o, "ändrade", "changed"),
            is_plan(d) ? word(o, "finansiering", "financing") : word(o, "kostnad", "cost"));
    money(out, mo, 0, o);
    fputs(" → ", out);
    money(out, mn, 0, o);
    fputs(word(o, " kr (", " SEK ("), out);
    money(out, mn - mo, 1, o);
    fputs(")\n\n", out);
    fputs(word(o, "| Ändring | Insats | Rubrik | Fält | Före | Efter |\n", "| Change | Action | Title | Field | Before | After |\n"),
          out);
    fputs("|---|---|---|---|---|---|\n", out);
    for (size_t i = 0; i < d->nitems; i++) {
        const styr_diff_item *it = &d->items[i];
        if (it->kind == STYR_DIFF_UNCHANGED)
            continue;
        fprintf(out, "| %s | ", kind_word(it->kind, o));
        if (it->kind == STYR_DIFF_RENUMBERED) {
            md_text(out, it->old_id ? it->old_id : "?");
            fputs(" → ", out);
            md_text(out, it->new_id ? it->new_id : "?");
        } else
            md_text(out, it->new_id ? it->new_id : it->old_id);
        fputs(" | ", out);
        md_text(out, title_of(it));
        if (!it->nfields) {
            fputs(" | | | |\n", out);
            continue;
        }
        for (size_t k = 0; k < it->nfields; k++) {
            if (k)
                fputs("| | | ", out);
            fputs(" | `", out);
            md_code_cell(out, it->fields[k].path);
            fputs("` | ", out);
            md_value(out, it->fields[k].old);
            fputs(" | ", out);
            md_value(out, it->fields[k].new_);
            fputs(" |\n", out);
        }
    }
    for (size_t k = 0; k < d->ntop; k++) {
        fprintf(out, "| %s | | | `", word(o, "planen", "plan"));
        md_code_cell(out, d->top[k].path);
        fputs("` | ", out);
        md_value(out, d->top[k].old);
        fputs(" | ", out);
        md_value(out, d->top[k].new_);
        fputs(" |\n", out);
    }
    fprintf(out, "\n## %s: %zu %s, %zu %s\n\n", word(o, "Fynd", "Findings"), d->nfound_new, word(o, "nya", "new"),
            d->nfound_fixed, word(o, "åtgärdade", "fixed"));
    for (int side = 0; side < 2; side++) {
        const styr_finding *const *fs = side ? d->found_fixed : d->found_new;
        size_t n = side ? d->nfound_fixed : d->nfound_new;
        for (size_t i = 0; i < n; i++) {
            fprintf(out, "- %s `", side ? word(o, "åtgärdad", "fixed") : word(o, "ny", "new"));
            md_code(out, fs[i]->rule);
            fputs("` ", out);
            md_text(out, fs[i]->message);
            fputc('\n', out);
        }
    }
}

/* ---- HTML ------------------------------------------------------------------ */

static void html_value(FILE *out, const styr_node *v)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    if (!m) {
        styr_report_lost();
        return;
    }
    styr_diff_json_value(m, v);
    if (fclose(m) != 0 || !buf) {   /* the stream could not grow: the value is cut */
        styr_report_lost();
        free(buf);
        return;
    }
    fputs("<code>", out);
    html_esc(out, buf);
    fputs("</code>", out);
    free(buf);
}

static const char *strategy_of(const styr_node *item)
{
    const styr_node *s = item && item->kind == STYR_NODE_MAP ? styr_map_get(item, "strategy", 8) : NULL;
    return s && s->kind == STYR_NODE_SCALAR && !styr_node_is_null(s) ? s->u.text : "";
}

/* The group an item is shown in: its new strategy, or its old one if removed. */
static const char *group_of(const styr_diff_item *it)
{
    return strategy_of(it->new_ ? it->new_ : it->old);
}

static const char *strategy_title(const styr_diff *d, const char *id)
{
    for (int side = 0; side < 2; side++) {
        const styr_node *root = side ? d->old_doc->root : d->new_doc->root;
        const styr_node *ss = styr_map_get(root, "strategies", 10);
        for (uint32_t i = 0; ss && ss->kind == STYR_NODE_SEQ && i < ss->count; i++) {
            size_t len;
            const char *sid = styr_item_id(styr_seq_item(ss, i), &len);
            const styr_node *t = styr_map_get(styr_seq_item(ss, i), "title", 5);
            if (sid && strlen(id) == len && memcmp(sid, id, len) == 0 && t && t->kind == STYR_NODE_SCALAR)
                return t->u.text;
        }
    }
    return NULL;
}

static const char *const diff_css =
    "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1b1b1b}"
    "h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}"
    "table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}"
    "td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}"
    ".illustrative{background:#fff4ce;border:1px solid #e0c060;padding:.6rem 1rem;border-radius:4px}"
    ".chip{display:inline-block;padding:.1rem .5rem;border-radius:.8rem;font-size:.85rem;white-space:nowrap}"
    ".added{background:#cfe8d5;color:#0b4d1e}.removed{background:#f6c9c9;color:#7d1010}"
    ".renumbered{background:#d6e6f5;color:#0d3c6e}.changed{background:#fde2b8;color:#7a4300}"
    ".money{font-weight:600}ul.fields{margin:0;padding-left:1rem}";

static void html_item(FILE *out, const styr_diff *d, const styr_diff_item *it, const styr_report_opts *o)
{
    fprintf(out, "<tr data-change=\"%s\" data-old-id=\"", kind_key(it->kind));
    html_esc(out, it->old_id);
    fputs("\" data-new-id=\"", out);
    html_esc(out, it->new_id);
    fprintf(out, "\" data-money-old=\"%.0f\" data-money-new=\"%.0f\"><td><span class=\"chip %s\">%s</span></td><td>",
            it->money_old, it->money_new, kind_key(it->kind), kind_word(it->kind, o));
    if (it->kind == STYR_DIFF_RENUMBERED) {
        html_esc(out, it->old_id);
        fputs(" → ", out);
    }
    html_esc(out, it->new_id ? it->new_id : it->old_id);
    fputs("</td><td>", out);
    html_esc(out, title_of(it));
    if (it->old && it->new_ && strcmp(strategy_of(it->old), strategy_of(it->new_)) != 0) {
        fprintf(out, " <em>(%s ", word(o, "flyttad från strategi", "moved from strategy"));
        html_esc(out, strategy_of(it->old));
        fputs(")</em>", out);
    }
    fputs("</td><td>", out);
    if (it->nfields) {
        fputs("<ul class=\"fields\">", out);
        for (size_t k = 0; k < it->nfields; k++) {
            fputs("<li><code>", out);
            html_esc(out, it->fields[k].path);
            fputs("</code>: ", out);
            html_value(out, it->fields[k].old);
            fputs(" → ", out);
            html_value(out, it->fields[k].new_);
            fputs("</li>", out);
        }
        fputs("</ul>", out);
    }
    fputs("</td><td class=\"num\">", out);
    if (it->has_money_old || it->has_money_new) {
        money(out, it->money_new - it->money_old, 1, o);
    }
    fputs("</td></tr>\n", out);
    (void)d;
}

void styr_report_diff_html(FILE *out, const styr_diff *d, const styr_report_opts *o)
{
    fprintf(out, "<!DOCTYPE html>\n<html lang=\"%s\"><head><meta charset=\"utf-8\">"
                 "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                 "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
                 "<title>%s</title>"
                 "<style>%s</style></head><body>\n<h1>",
            o->lang == STYR_LANG_EN ? "en" : "sv", word(o, "Jämförelse", "Comparison"), diff_css);
    fprintf(out, "%s ", word(o, "Vad har ändrats:", "What changed:"));
    html_esc(out, d->old_res.file);
    fputs(" → ", out);
    html_esc(out, d->new_res.file);
    fputs("</h1>\n", out);
    if (d->illustrative_old || d->illustrative_new) {
        fputs("<p class=\"illustrative\" id=\"illustrative\">", out);
        html_esc(out, illustrative_note(o));
        fputs("</p>\n", out);
    }
    /* Rules that crashed on either version: the run exits 2, and the page
     * says why where it is read (the findings compared lack theirs). */
    for (int side = 0; side < 2; side++) {
        const styr_file_result *r = side ? &d->new_res : &d->old_res;
        for (size_t i = 0; i < r->nrule_errors; i++) {
            fputs("<p class=\"problem\">", out);
            html_esc(out, r->rule_errors[i].message);
            fputs("</p>\n", out);
        }
    }
    double mo, mn;
    totals(d, &mo, &mn);
    fprintf(out, "<p id=\"summary\">%zu %s, %zu %s, %zu %s, %zu %s, %zu %s.</p>\n",
            styr_diff_count(d, STYR_DIFF_ADDED), word(o, "nya", "added"),
            styr_diff_count(d, STYR_DIFF_REMOVED), word(o, "borttagna", "removed"),
            styr_diff_count(d, STYR_DIFF_RENUMBERED), word(o, "omnumrerade", "renumbered"),
            styr_diff_count(d, STYR_DIFF_CHANGED), word(o, "ändrade", "changed"),
            styr_diff_count(d, STYR_DIFF_UNCHANGED), word(o, "oförändrade", "unchanged"));
    fprintf(out, "<p id=\"money-total\" data-money-old=\"%.0f\" data-money-new=\"%.0f\">%s ", mo, mn,
            is_plan(d) ? word(o, "Finansiering totalt:", "Financing in all:") : word(o, "Kostnad totalt:", "Cost in all:"));
    money(out, mo, 0, o);
    fputs(" → <span class=\"money\">", out);
    money(out, mn, 0, o);
    fputs(word(o, "</span> kr (", "</span> SEK ("), out);
    money(out, mn - mo, 1, o);
    fputs(")</p>\n", out);

    /* One section a strategy, in the order they first appear. */
    const char **groups = calloc(d->nitems + 1, sizeof *groups);
    if (!groups)
        styr_report_lost();
    size_t ngroups = 0;
    for (size_t i = 0; groups && i < d->nitems; i++) {
        const char *g = group_of(&d->items[i]);
        size_t k;
        for (k = 0; k < ngroups && strcmp(groups[k], g) != 0; k++)
            ;
        if (k == ngroups)
            groups[ngroups++] = g;
    }
    for (size_t gi = 0; gi < ngroups; gi++) {
        const char *g = groups[gi];
        double before = 0, after = 0;
        size_t shown = 0, same = 0;
        for (size_t i = 0; i < d->nitems; i++) {
            const styr_diff_item *it = &d->items[i];
            if (it->old && strcmp(strategy_of(it->old), g) == 0)
                before += it->money_old;
            if (it->new_ && strcmp(strategy_of(it->new_), g) == 0)
                after += it->money_new;
            if (strcmp(group_of(it), g) == 0 && it->kind == STYR_DIFF_UNCHANGED)
                same++;
            else if (strcmp(group_of(it), g) == 0)
                shown++;
        }
        fprintf(out, "<section data-strategy=\"");
        html_esc(out, g);
        fprintf(out, "\" data-money-old=\"%.0f\" data-money-new=\"%.0f\">\n<h2>", before, after);
        if (is_plan(d)) {
            fprintf(out, "%s ", word(o, "Strategi", "Strategy"));
            html_esc(out, g);
            const char *t = strategy_title(d, g);
            if (t) {
                fputs(": ", out);
                html_esc(out, t);
            }
        } else {
            fputs(word(o, "Områden", "Areas"), out);
        }
        fputs("</h2>\n<p>", out);
        fputs(is_plan(d) ? word(o, "Finansiering: ", "Financing: ") : word(o, "Kostnad: ", "Cost: "), out);
        money(out, before, 0, o);
        fputs(" → ", out);
        money(out, after, 0, o);
        fputs(word(o, " kr (<span class=\"money\">", " SEK (<span class=\"money\">"), out);
        money(out, after - before, 1, o);
        fprintf(out, "</span>); %zu %s</p>\n", same, word(o, "oförändrade", "unchanged"));
        if (!shown) {
            fputs("</section>\n", out);
            continue;
        }
        fprintf(out, "<table><thead><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr></thead><tbody>\n",
                word(o, "Ändring", "Change"), is_plan(d) ? word(o, "Insats", "Action") : word(o, "Område", "Area"),
                word(o, "Rubrik", "Title"), word(o, "Vad", "What"), word(o, "Pengar (kr)", "Money (SEK)"));
        for (size_t i = 0; i < d->nitems; i++)
            if (d->items[i].kind != STYR_DIFF_UNCHANGED && strcmp(group_of(&d->items[i]), g) == 0)
                html_item(out, d, &d->items[i], o);
        fputs("</tbody></table>\n</section>\n", out);
    }
    free(groups);
    if (d->ntop) {
        fprintf(out, "<h2>%s</h2>\n<ul>", word(o, "Övrigt i planen", "Elsewhere in the plan"));
        for (size_t k = 0; k < d->ntop; k++) {
            fputs("<li><code>", out);
            html_esc(out, d->top[k].path);
            fputs("</code>: ", out);
            html_value(out, d->top[k].old);
            fputs(" → ", out);
            html_value(out, d->top[k].new_);
            fputs("</li>", out);
        }
        fputs("</ul>\n", out);
    }
    fprintf(out, "<h2 id=\"findings\">%s: %zu %s, %zu %s</h2>\n<ul>", word(o, "Fynd", "Findings"), d->nfound_new,
            word(o, "nya", "new"), d->nfound_fixed, word(o, "åtgärdade", "fixed"));
    for (int side = 0; side < 2; side++) {
        const styr_finding *const *fs = side ? d->found_fixed : d->found_new;
        size_t n = side ? d->nfound_fixed : d->nfound_new;
        for (size_t i = 0; i < n; i++) {
            fprintf(out, "<li data-finding=\"%s\">%s: ", side ? "fixed" : "new", side ? word(o, "åtgärdad", "fixed") : word(o, "ny", "new"));
            html_esc(out, fs[i]->message);
            fprintf(out, " <code>%s</code></li>\n", fs[i]->rule);
        }
    }
    fprintf(out, "</ul>\n<p><small>styr %s, %s %s</small></p>\n</body></html>\n", o->version,
            word(o, "regeluppsättning", "ruleset"), o->ruleset);
}
