/* html_text.c - the HTML page's text helpers: escaping (with a cut at a
 * number of code points), estimated text widths for SVG, numbers and the
 * names of kinds, severities, criteria and scenarios. */
#include "internal/html.h"

#include "termsafe.h"

/* ---- text ---------------------------------------------------------------- */

/* Byte length of the valid UTF-8 sequence at s (left bytes remain), or 0. */
static size_t cp_len(const char *s, size_t left)
{
    unsigned char c = (unsigned char)s[0];
    size_t n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
    if (n == 0 || n > left)
        return 0;
    return n == 1 || styr_utf8_valid(s, n, NULL) ? n : 0;
}

/* Code points of s[0..len), an invalid byte counting as one. */
static size_t cp_count(const char *s, size_t len)
{
    size_t k = 0;
    for (size_t i = 0; i < len; k++) {
        size_t n = cp_len(s + i, len - i);
        i += n ? n : 1;
    }
    return k;
}

/* Writes s[0..len) HTML-escaped (for text and attribute values alike), at
 * most maxcp code points (0: all) with an ellipsis when cut. Invalid UTF-8,
 * control characters (C0 but tab and line breaks, DEL, C1) and the
 * bidirectional embeddings, overrides and isolates become U+FFFD. */
void html_esc_span(FILE *out, const char *s, size_t len, size_t maxcp)
{
    int cut = maxcp && cp_count(s, len) > maxcp;
    size_t shown = 0;
    for (size_t i = 0; i < len; shown++) {
        if (cut && shown + 1 == maxcp) {
            fputs("\xE2\x80\xA6", out);
            return;
        }
        unsigned char c = (unsigned char)s[i];
        size_t n = cp_len(s + i, len - i);
        if (n == 0) {
            fputs("\xEF\xBF\xBD", out);
            i++;
            continue;
        }
        if (n > 1 && styr_control_at(s + i)) {
            /* a C1 control or a bidirectional override: a browser would
             * obey it (reorder what the board reads), not show it */
            fputs("\xEF\xBF\xBD", out);
            i += n;
            continue;
        }
        if (n > 1) {
            fwrite(s + i, 1, n, out);
            i += n;
            continue;
        }
        switch (c) {
        case '&': fputs("&amp;", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '"': fputs("&quot;", out); break;
        case '\'': fputs("&#39;", out); break;
        default:
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F)
                fputs("\xEF\xBF\xBD", out);
            else
                putc(c, out);
        }
        i++;
    }
}

void html_esc(FILE *out, const char *s)
{
    if (s)
        html_esc_span(out, s, strlen(s), 0);
}

void html_esc_cut(FILE *out, const char *s, size_t maxcp)
{
    if (s)
        html_esc_span(out, s, strlen(s), maxcp);
}

/* Estimated width in pixels of a label (at most maxcp code points) in a
 * sans-serif font of the given size; generous, so labels never collide. */
double html_text_w(const char *s, size_t len, size_t maxcp, double size)
{
    size_t k = cp_count(s, len);
    if (maxcp && k > maxcp)
        k = maxcp;
    return (double)k * size * 0.62;
}

double html_text_ws(const char *s, size_t maxcp, double size)
{
    return s ? html_text_w(s, strlen(s), maxcp, size) : 0;
}

/* A raw value as the JSON reports write it, for data-value. */
void html_raw(FILE *out, double v)
{
    styr_json_number(out, v);
}

/* A number cell of one criterion: the raw value for the checks, the
 * rounded one (to `decimals` places) for the reader. */
void html_criterion_cell(FILE *out, const char *key, const char *criterion, double v, int decimals, int lang)
{
    styr_numtext num;
    fprintf(out, "<td class=\"num\" data-key=\"%s\" data-criterion=\"", key);
    html_esc(out, criterion);
    fputs("\" data-value=\"", out);
    html_raw(out, v);
    fprintf(out, "\">%s</td>", styr_num(&num, v, decimals, lang));
}

/* 1234567 -> "1 234 567" with no-break spaces, which never break a number. */
void html_money(char *buf, size_t cap, double v)
{
    styr_format_thousands(buf, cap, v, "\xC2\xA0");
}

const char *html_kind_name(const page *p, const char *kind)
{
    if (!kind)
        return "";
    if (strcmp(kind, "action-plan") == 0)
        return word(p->o, "handlingsplan", "action plan");
    if (strcmp(kind, "innovation-areas") == 0)
        return word(p->o, "innovationsområden", "innovation areas");
    return kind;
}

/* The same, as a heading word. */
const char *html_kind_title(const page *p, const char *kind)
{
    if (kind && strcmp(kind, "action-plan") == 0)
        return word(p->o, "Handlingsplan", "Action plan");
    if (kind && strcmp(kind, "innovation-areas") == 0)
        return word(p->o, "Innovationsområden", "Innovation areas");
    if (kind && strcmp(kind, "scenario") == 0)
        return "Scenario";
    return word(p->o, "Fil", "File");
}

const char *html_sev_word(const page *p, int s)
{
    return s == STYR_SEV_ERROR ? word(p->o, "fel", "error")
           : s == STYR_SEV_WARNING ? word(p->o, "varning", "warning")
           : s == 3 ? word(p->o, "undantagen", "waived") : "info";
}

const char *html_crit_label(const page *p, const styr_ruleset *rs, size_t j)
{
    const styr_criterion *c = &rs->model->crit[j];
    const char *l = c->label[p->o->lang == STYR_LANG_EN ? 1 : 0];
    return l && *l ? l : c->id;
}

const char *html_scenario_name(const styr_scenario_run *sr)
{
    return sr->id ? sr->id : sr->file;
}

/* Text of a scalar node (trimmed, with its length), or NULL. */
const char *html_scalar_text(const styr_node *n, size_t *len)
{
    if (!n || n->kind != STYR_NODE_SCALAR || styr_node_is_null(n) || (n->flags & STYR_NODE_INVALID))
        return NULL;
    *len = n->count;
    return styr_trim(n->u.text, len);
}

const styr_node *html_map_get(const styr_node *map, const char *key)
{
    if (!map || map->kind != STYR_NODE_MAP || (map->flags & STYR_NODE_INVALID))
        return NULL;
    const styr_node *v = styr_map_get(map, key, strlen(key));
    return v && !(v->flags & STYR_NODE_INVALID) ? v : NULL;
}

const styr_node *html_seq_get(const styr_node *map, const char *key)
{
    const styr_node *v = html_map_get(map, key);
    return v && v->kind == STYR_NODE_SEQ ? v : NULL;
}


const char *html_area_label(const styr_area_table *t, size_t i)
{
    return t->titles && t->titles[i] ? t->titles[i] : t->ids[i];
}

void html_area_cell(FILE *out, const styr_area_table *t, size_t i)
{
    if (!(t->titles && t->titles[i])) {
        html_esc(out, t->ids[i]);
        return;
    }
    html_esc(out, t->titles[i]);
    fputs(" <span class=\"area-id\">", out);
    html_esc(out, t->ids[i]);
    fputs("</span>", out);
}

void html_area_named(FILE *out, const styr_area_table *t, size_t i)
{
    if (!(t->titles && t->titles[i])) {
        html_esc(out, t->ids[i]);
        return;
    }
    html_esc(out, t->titles[i]);
    fputs(" (", out);
    html_esc(out, t->ids[i]);
    fputc(')', out);
}
