/* report_html.c - one self-contained HTML page (report_html.h).
 *
 * Everything is inline: the CSS, the SVG charts (drawn here from the data,
 * sized from it) and two small scripts that nothing depends on to be shown:
 * one records script errors and blocked loads into attributes of <html> (the
 * browser test reads them), the other sorts tables when a header is clicked.
 * A Content-Security-Policy forbids every external resource. There is no
 * timestamp, so the same input gives the same bytes.
 *
 * Every number in a table carries its raw value in data-value, written as
 * the JSON reports write it (styr_json_number), and the shown text uses the
 * text reports' rounding (scores %.3f, shares %.1f %%). All text that comes
 * from input files is HTML-escaped and never reaches a <script>. */
#include "report_html.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "json.h"
#include "message.h"
#include "mcda.h"
#include "model.h"
#include "score.h"
#include "strmap.h"
#include "text.h"
#include "validate.h"
#include "xlsx_read.h"

/* The Swedish or English text; a macro so printf formats stay literal. */
#define word(o, sv, en) ((o)->lang == STYR_LANG_EN ? (en) : (sv))

/* Rows a findings table shows, bars the findings chart draws, rank columns
 * of the acceptability table: beyond these the page says what it left out. */
#define MAX_FINDING_ROWS 2000
#define MAX_BARS 60
#define MAX_RANK_COLUMNS 30
#define MAX_GRID_COLUMNS 40
/* Budgets of the efficient frontier: 0 .. sum of costs in this many steps. */
#define FRONTIER_STEPS 20

/* Okabe-Ito: safe for the common colour-vision deficiencies. Criteria past
 * the eighth reuse a colour with white hatching. */
static const char *const crit_fill[8] = {"#E69F00", "#56B4E9", "#009E73", "#F0E442",
                                         "#0072B2", "#D55E00", "#CC79A7", "#555555"};
/* Lines of the bump chart: Okabe-Ito without the yellow, then dashed, dotted. */
static const char *const line_colour[7] = {"#0072B2", "#D55E00", "#009E73", "#CC79A7",
                                           "#E69F00", "#56B4E9", "#000000"};
static const char *const line_dash[3] = {"", "7 4", "2 3"};
/* Severities by styr_severity (info, warning, error), then waived. */
static const char *const sev_colour[4] = {"#56B4E9", "#E69F00", "#D55E00", "#AAAAAA"};

typedef struct page {
    FILE *out;
    const styr_report_opts *o;
    const styr_html_input *in;
    unsigned fig;            /* figures and tables so far: unique ids */
} page;

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
 * most maxcp code points (0: all) with an ellipsis when cut. Invalid UTF-8
 * and control characters become U+FFFD. */
static void esc_span(FILE *out, const char *s, size_t len, size_t maxcp)
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

static void esc(FILE *out, const char *s)
{
    if (s)
        esc_span(out, s, strlen(s), 0);
}

static void esc_cut(FILE *out, const char *s, size_t maxcp)
{
    if (s)
        esc_span(out, s, strlen(s), maxcp);
}

/* Estimated width in pixels of a label (at most maxcp code points) in a
 * sans-serif font of the given size; generous, so labels never collide. */
static double text_w(const char *s, size_t len, size_t maxcp, double size)
{
    size_t k = cp_count(s, len);
    if (maxcp && k > maxcp)
        k = maxcp;
    return (double)k * size * 0.62;
}

static double text_ws(const char *s, size_t maxcp, double size)
{
    return s ? text_w(s, strlen(s), maxcp, size) : 0;
}

/* A raw value as the JSON reports write it, for data-value. */
static void raw(FILE *out, double v)
{
    styr_json_number(out, v);
}

/* A number cell of one criterion: the raw value for the checks, the
 * rounded one (to `decimals` places) for the reader. */
static void criterion_cell(FILE *out, const char *key, const char *criterion, double v, int decimals)
{
    fprintf(out, "<td class=\"num\" data-key=\"%s\" data-criterion=\"", key);
    esc(out, criterion);
    fputs("\" data-value=\"", out);
    raw(out, v);
    fprintf(out, "\">%.*f</td>", decimals, v);
}

/* 1234567 -> "1 234 567" with no-break spaces, which never break a number. */
static void money(char *buf, size_t cap, double v)
{
    styr_format_thousands(buf, cap, v, "\xC2\xA0");
}

static const char *kind_name(const page *p, const char *kind)
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
static const char *kind_title(const page *p, const char *kind)
{
    if (kind && strcmp(kind, "action-plan") == 0)
        return word(p->o, "Handlingsplan", "Action plan");
    if (kind && strcmp(kind, "innovation-areas") == 0)
        return word(p->o, "Innovationsområden", "Innovation areas");
    if (kind && strcmp(kind, "scenario") == 0)
        return "Scenario";
    return word(p->o, "Fil", "File");
}

static const char *sev_word(const page *p, int s)
{
    return s == STYR_SEV_ERROR ? word(p->o, "fel", "error")
           : s == STYR_SEV_WARNING ? word(p->o, "varning", "warning")
           : s == 3 ? word(p->o, "undantagen", "waived") : "info";
}

static const char *crit_label(const page *p, const styr_ruleset *rs, size_t j)
{
    const styr_criterion *c = &rs->model->crit[j];
    const char *l = c->label[p->o->lang == STYR_LANG_EN ? 1 : 0];
    return l && *l ? l : c->id;
}

static const char *scenario_name(const styr_scenario_run *sr)
{
    return sr->id ? sr->id : sr->file;
}

/* Text of a scalar node (trimmed, with its length), or NULL. */
static const char *scalar_text(const styr_node *n, size_t *len)
{
    if (!n || n->kind != STYR_NODE_SCALAR || styr_node_is_null(n) || (n->flags & STYR_NODE_INVALID))
        return NULL;
    *len = n->count;
    return styr_trim(n->u.text, len);
}

static const styr_node *map_get(const styr_node *map, const char *key)
{
    if (!map || map->kind != STYR_NODE_MAP || (map->flags & STYR_NODE_INVALID))
        return NULL;
    const styr_node *v = styr_map_get(map, key, strlen(key));
    return v && !(v->flags & STYR_NODE_INVALID) ? v : NULL;
}

static const styr_node *seq_get(const styr_node *map, const char *key)
{
    const styr_node *v = map_get(map, key);
    return v && v->kind == STYR_NODE_SEQ ? v : NULL;
}

/* ---- charts ---------------------------------------------------------------- */

typedef struct axis {
    double min, max, step;
    int dec;                 /* decimals of the tick labels */
} axis;

/* An axis from 0 to at least max in about `ticks` round steps (1, 2, 2.5, 5). */
static axis nice_axis(double max, int ticks, int integral)
{
    axis a;
    if (!(max > 0) || !isfinite(max))
        max = 1;
    double rawstep = max / ticks, mag = pow(10, floor(log10(rawstep))), f = rawstep / mag;
    double m = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
    a.step = m * mag;
    if (integral && a.step < 1)
        a.step = 1, m = 1;
    a.min = 0;
    a.max = ceil(max / a.step - 1e-9) * a.step;
    int d = (int)-floor(log10(a.step) + 1e-9) + (m == 2.5);
    a.dec = d > 0 ? d : 0;
    return a;
}

/* An axis over [lo, hi] (lo >= 0), starting at a round value below lo when
 * that leaves more room to the data than starting at 0. */
static axis nice_range(double lo, double hi, int ticks)
{
    axis a = nice_axis(hi, ticks, 0);
    if (!(lo > 0) || !(hi > lo) || lo < 0.3 * hi)
        return a;
    axis b = nice_axis(hi - lo, ticks, 0);
    b.min = floor(lo / b.step + 1e-9) * b.step;
    b.max = ceil(hi / b.step - 1e-9) * b.step;
    if (b.max <= b.min)
        return a;
    return b;
}

/* Where v falls on the axis, from 0 to 1. */
static double axis_at(const axis *a, double v)
{
    return a->max > a->min ? (v - a->min) / (a->max - a->min) : 0;
}

/* A unit for money axes: millions, thousands or kronor. */
static double money_unit(double max)
{
    return max >= 1e6 ? 1e6 : max >= 1e3 ? 1e3 : 1;
}

static const char *money_axis_title(const page *p, double unit)
{
    return unit == 1e6 ? word(p->o, "miljoner kr", "million SEK")
           : unit == 1e3 ? word(p->o, "tusen kr", "thousand SEK") : word(p->o, "kr", "SEK");
}

/* Opens a figure: <figure>, caption, and an <svg role="img"> titled and
 * described by the table of the same numbers (table_id). */
static void svg_open(page *p, unsigned id, double w, double h, const char *cls, const char *title,
                     const char *title_extra, const char *table_id)
{
    FILE *out = p->out;
    fprintf(out, "<figure class=\"chart\" id=\"fig%u\">\n<figcaption>", id);
    esc(out, title);
    if (title_extra) {
        fputs(" ", out);
        esc(out, title_extra);
    }
    fprintf(out, "</figcaption>\n<div class=\"scroll\"><svg role=\"img\" class=\"%s\" width=\"%.0f\" height=\"%.0f\" "
                 "viewBox=\"0 0 %.0f %.0f\" aria-labelledby=\"fig%u-t\" aria-describedby=\"%s\">"
                 "<title id=\"fig%u-t\">",
            cls, ceil(w), ceil(h), ceil(w), ceil(h), id, table_id, id);
    esc(out, title);
    if (title_extra) {
        fputs(" ", out);
        esc(out, title_extra);
    }
    fputs("</title>\n", out);
}

static void svg_close(page *p)
{
    fputs("</svg></div>\n</figure>\n", p->out);
}

/* Fill of criterion j: its colour, or a hatch pattern defined by crit_defs. */
static void crit_paint(char *buf, size_t cap, unsigned fig, size_t j)
{
    if (j < 8)
        snprintf(buf, cap, "%s", crit_fill[j]);
    else
        snprintf(buf, cap, "url(#fig%u-h%zu)", fig, j);
}

static void crit_defs(page *p, unsigned fig, size_t m)
{
    if (m <= 8)
        return;
    fputs("<defs>", p->out);
    for (size_t j = 8; j < m; j++)
        fprintf(p->out, "<pattern id=\"fig%u-h%zu\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
                        "patternTransform=\"rotate(%d)\"><rect width=\"6\" height=\"6\" fill=\"%s\"/>"
                        "<rect width=\"2\" height=\"6\" fill=\"#fff\" fill-opacity=\".8\"/></pattern>",
                fig, j, (j / 8) % 2 ? 45 : -45, crit_fill[j % 8]);
    fputs("</defs>\n", p->out);
}

/* Vertical grid lines and tick labels of a horizontal value axis. */
static void x_axis(page *p, const axis *a, double x0, double w, double top, double bottom, double scale_div,
                   const char *title)
{
    FILE *out = p->out;
    int steps = (int)floor((a->max - a->min) / a->step + 0.5);
    for (int k = 0; k <= steps; k++) {
        double v = a->min + k * a->step, x = x0 + axis_at(a, v) * w;
        fprintf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"grid\"/>"
                     "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"middle\">%.*f</text>\n",
                x, top, x, bottom, x, bottom + 14, a->dec, v / scale_div);
    }
    if (title) {
        fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"middle\" class=\"axis-title\">",
                x0 + w / 2, bottom + 30);
        esc(out, title);
        fputs("</text>\n", out);
    }
}

/* Horizontal grid lines and tick labels of a vertical value axis. */
static void y_axis(page *p, const axis *a, double x0, double x1, double top, double h, double scale_div,
                   const char *title)
{
    FILE *out = p->out;
    int steps = (int)floor((a->max - a->min) / a->step + 0.5);
    for (int k = 0; k <= steps; k++) {
        double v = a->min + k * a->step, y = top + h - axis_at(a, v) * h;
        fprintf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"grid\"/>"
                     "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%.*f</text>\n",
                x0, y, x1, y, x0 - 6, y + 4, a->dec, v / scale_div);
    }
    if (title) {
        fprintf(out, "<text transform=\"translate(%.1f,%.1f) rotate(-90)\" font-size=\"11\" text-anchor=\"middle\" "
                     "class=\"axis-title\">", 14.0, top + h / 2);
        esc(out, title);
        fputs("</text>\n", out);
    }
}

/* Legend entries laid out in rows within width; returns the height used. */
typedef struct legend_item {
    const char *label;
    char paint[64];
    int shape;               /* 0 square, 1 hollow circle, 2 filled circle, 3 dashed line */
} legend_item;

static double legend_height(const legend_item *it, size_t k, double width)
{
    double x = 0, rows = k ? 1 : 0;
    for (size_t i = 0; i < k; i++) {
        double w = 18 + text_ws(it[i].label, 60, 11) + 16;
        if (x > 0 && x + w > width) {
            rows++;
            x = 0;
        }
        x += w;
    }
    return rows * 18;
}

static void legend(page *p, const legend_item *it, size_t k, double x0, double y0, double width)
{
    FILE *out = p->out;
    double x = 0, y = y0;
    for (size_t i = 0; i < k; i++) {
        double w = 18 + text_ws(it[i].label, 60, 11) + 16;
        if (x > 0 && x + w > width) {
            y += 18;
            x = 0;
        }
        double cx = x0 + x;
        switch (it[i].shape) {
        case 1:
            fprintf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"#fff\" stroke=\"%s\" stroke-width=\"2\"/>",
                    cx + 6, y + 6, it[i].paint);
            break;
        case 2:
            fprintf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"6\" fill=\"%s\" stroke=\"#000\"/>", cx + 6, y + 6,
                    it[i].paint);
            break;
        case 3:
            fprintf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"2\" "
                         "stroke-dasharray=\"4 3\"/>", cx, y + 6, cx + 13, y + 6, it[i].paint);
            break;
        default:
            fprintf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"12\" height=\"12\" fill=\"%s\" stroke=\"#333\" "
                         "stroke-width=\".5\"/>", cx, y, it[i].paint);
        }
        fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\">", cx + 18, y + 10);
        esc_cut(out, it[i].label, 60);
        fputs("</text>\n", out);
        x += w;
    }
}

/* ---- head, header, navigation -------------------------------------------- */

static const char css[] =
    ":root{--fg:#1a1a1a;--muted:#555;--line:#cfd4da;--alt:#f5f7f9;--accent:#0072B2}\n"
    "*{box-sizing:border-box}\n"
    "html{-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
    "body{margin:0;font:15px/1.45 system-ui,-apple-system,\"Segoe UI\",\"DejaVu Sans\",\"Liberation Sans\","
    "Arial,sans-serif;color:var(--fg);background:#fff}\n"
    "header,main,footer{max-width:1200px;margin:0 auto;padding:0 24px}\n"
    "header{padding-top:20px;padding-bottom:8px;border-bottom:4px solid var(--accent)}\n"
    "h1{font-size:1.75rem;margin:0 0 .25rem}\n"
    "h2{font-size:1.35rem;margin:2.4rem 0 .6rem;padding-bottom:.2rem;border-bottom:1px solid var(--line)}\n"
    "h3{font-size:1.12rem;margin:1.8rem 0 .5rem}\n"
    "h4{font-size:1rem;margin:1.2rem 0 .4rem}\n"
    ".meta{color:var(--muted);margin:.1rem 0 .6rem}\n"
    "dl.inputs{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem;margin:.4rem 0 .8rem}\n"
    "dl.inputs dt{font-weight:600}dl.inputs dd{margin:0}\n"
    "nav ol{display:flex;flex-wrap:wrap;gap:.2rem 1.4rem;margin:.6rem 0;padding:0;list-style:none}\n"
    "nav a{color:var(--accent)}\n"
    "figure{margin:1rem 0 1.4rem}\n"
    "figcaption{font-weight:600;margin-bottom:.4rem}\n"
    "svg{max-width:100%;height:auto;display:block;font-family:inherit}\n"
    "svg .grid{stroke:#e1e4e8;stroke-width:1}\n"
    "svg .axis{stroke:#555;stroke-width:1}\n"
    "svg .axis-title{fill:#444}\n"
    "svg text.inv{fill:#fff}\n"
    ".bump:hover g.area{opacity:.22}.bump g.area:hover{opacity:1}.bump g.area:hover path{stroke-width:4.5}\n"
    ".scroll{overflow-x:auto;max-width:100%}\n"
    "table{border-collapse:collapse;margin:.4rem 0 1rem;font-size:.86rem;font-variant-numeric:tabular-nums}\n"
    "caption{caption-side:top;text-align:left;font-weight:600;padding:.25rem 0}\n"
    "th,td{border:1px solid var(--line);padding:.2rem .45rem;text-align:left;vertical-align:top}\n"
    "thead th{background:#e8eef4;vertical-align:bottom}\n"
    "tbody th{font-weight:600;background:#fbfcfd}\n"
    "tbody tr:nth-child(even) td{background:var(--alt)}\n"
    ".num{text-align:right}td.num{white-space:nowrap}\n"
    "table.findings{width:100%}td.pos,table.findings td code{white-space:nowrap}td.pos{font-size:.85em}"
    "table.findings td.msg{width:48%;min-width:20em}table.findings .fix{color:#444;font-size:.9em;margin-top:.2rem}\n"
    "code{font-size:.92em}\n"
    ".sev{display:inline-block;padding:0 .4rem;border-radius:3px;font-size:.8rem;font-weight:600}\n"
    ".sev-2{background:#D55E00;color:#fff}.sev-1{background:#E69F00;color:#000}"
    ".sev-0{background:#56B4E9;color:#000}.sev-3{background:#ddd;color:#000}\n"
    "table.heat td.p{text-align:center;min-width:2.9em;padding:.2rem .25rem;border-color:#dde3ea}\n"
    "table.heat td.zero{color:#aab}\n"
    ".swatch{display:inline-block;padding:0 .35rem;border:1px solid #c5ccd3;font-size:.85em;color:#000}\n"
    ".move{color:var(--muted);font-size:.85em}\n"
    ".chosen{font-weight:700}\n"
    ".note{color:var(--muted);font-size:.9rem}\n"
    ".problem{border-left:4px solid #D55E00;background:#fff3ec;padding:.4rem .8rem;margin:.5rem 0}\n"
    "details>summary{cursor:pointer;color:var(--accent)}\n"
    "th button{all:unset;cursor:pointer}th button:focus-visible{outline:2px solid var(--accent)}"
    "th button::after{content:\" \\2195\";color:#8a96a3;font-weight:400}\n"
    "th[aria-sort=ascending] button::after{content:\" \\2191\"}th[aria-sort=descending] button::after{content:\" \\2193\"}\n"
    "footer{color:var(--muted);font-size:.85rem;border-top:1px solid var(--line);margin-top:2.5rem;"
    "padding-top:.6rem;padding-bottom:2rem}\n"
    "@page{margin:14mm 12mm}\n"
    "@media print{body{font-size:10pt}header,main,footer{max-width:none;padding:0}nav{display:none}"
    "h2{break-before:auto;break-after:avoid}h3,h4,caption,figcaption{break-after:avoid}"
    "figure,tr{break-inside:avoid}.scroll{overflow:visible}thead{display:table-header-group}"
    "th button::after{content:\"\"}details>summary{display:none}a{color:inherit;text-decoration:none}"
    "table{font-size:7.5pt}th,td{padding:.1rem .2rem}thead th[data-criterion]{overflow-wrap:anywhere}"
    "table.heat td.p{min-width:0;padding:.1rem .05rem}table.findings td.msg{min-width:0}}\n";

/* Records uncaught errors, console.error calls, failed loads and blocked
 * resources into attributes of <html>; on load also the page height (so a
 * screenshot can take the whole page). First in <head>, so it sees every
 * later script. */
static const char js_errors[] =
    "(function(){var d=document.documentElement,n=0;"
    "function bad(){n++;d.setAttribute('data-js-errors',String(n));}"
    "d.setAttribute('data-js-errors','0');"
    "window.addEventListener('error',bad,true);"
    "window.addEventListener('unhandledrejection',bad);"
    "document.addEventListener('securitypolicyviolation',bad);"
    "var ce=console.error;console.error=function(){bad();return ce.apply(console,arguments);};"
    "window.addEventListener('load',function(){"
    "d.setAttribute('data-page-height',String(Math.ceil(Math.max(d.scrollHeight,document.body.scrollHeight))));"
    "d.setAttribute('data-js','loaded');});})();";

/* Sorts a table.sortable by the clicked column: by data-sort or data-value
 * when both cells have a number, else by text. */
static const char js_sort[] =
    "(function(){function key(c){var v=c.getAttribute('data-sort');if(v===null)v=c.getAttribute('data-value');"
    "return v!==null&&v!==''&&isFinite(+v)?+v:null;}"
    "var lang=document.documentElement.lang;"
    "Array.prototype.forEach.call(document.querySelectorAll('table.sortable'),function(t){"
    "if(!t.tHead||!t.tBodies.length)return;var hr=t.tHead.rows[t.tHead.rows.length-1];"
    "Array.prototype.forEach.call(hr.cells,function(th,ci){"
    "var b=document.createElement('button');b.type='button';"
    "while(th.firstChild)b.appendChild(th.firstChild);th.appendChild(b);"
    "b.addEventListener('click',function(){var asc=th.getAttribute('aria-sort')!=='ascending';"
    "Array.prototype.forEach.call(hr.cells,function(o){o.removeAttribute('aria-sort');});"
    "th.setAttribute('aria-sort',asc?'ascending':'descending');"
    "var tb=t.tBodies[0],rows=Array.prototype.slice.call(tb.rows);"
    "rows.sort(function(a,b){var x=a.cells[ci],y=b.cells[ci];if(!x||!y)return 0;"
    "var p=key(x),q=key(y),r=p!==null&&q!==null?p-q:x.textContent.localeCompare(y.textContent,lang,{numeric:true});"
    "return asc?r:-r;});rows.forEach(function(r){tb.appendChild(r);});});});});})();";

typedef struct sections {
    int findings, links, scores, compare, sensitivity, cost;
    size_t scored;
} sections;

static int plan_has_links(const styr_doc *doc)
{
    if (!doc || !doc->root)
        return 0;
    const styr_node *k = map_get(doc->root, "kind");
    size_t len;
    const char *kind = scalar_text(k, &len);
    if (!kind || len != 11 || memcmp(kind, "action-plan", 11) != 0)
        return 0;
    return seq_get(doc->root, "strategies") || seq_get(doc->root, "actions");
}

static sections which_sections(const styr_html_input *in)
{
    sections s;
    memset(&s, 0, sizeof s);
    s.findings = in->plans && in->nplans > 0;
    for (size_t f = 0; s.findings && in->plan_docs && f < in->nplans; f++)
        if (!in->plans[f].failed && plan_has_links(in->plan_docs[f]))
            s.links = 1;
    const styr_score_report *r = in->score;
    if (r && r->table && r->rs && r->rs->model) {
        s.scores = 1;
        for (size_t k = 0; k < r->nsc; k++)
            s.scored += r->sc[k].scored != 0;
        s.compare = s.scored >= 2 && r->table->n > 0;
        s.cost = s.scored >= 1 && r->table->n > 0;
    }
    const styr_sensitivity *sv = in->sensitivity;
    s.sensitivity = sv && sv->base && sv->base->table && sv->base->rs && sv->base->rs->model && sv->base->sc &&
                    sv->base->nsc && sv->base->sc[0].scored && sv->acceptability && sv->confidence &&
                    sv->base->table->n > 0;
    return s;
}

static void head(page *p)
{
    FILE *out = p->out;
    fprintf(out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n",
            p->o->lang == STYR_LANG_EN ? "en" : "sv");
    fputs("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
          "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
          "script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">\n"
          "<meta name=\"generator\" content=\"styr ", out);
    esc(out, p->o->version);
    fputs("\">\n<title>", out);
    fputs(word(p->o, "Rapport från styr", "styr report"), out);
    if (p->o->ruleset) {
        fputs(" \xE2\x80\x93 ", out);
        esc(out, p->o->ruleset);
    }
    fprintf(out, "</title>\n<script>%s</script>\n<style>\n%s</style>\n</head>\n<body>\n", js_errors, css);
}

static const styr_ruleset *page_ruleset(const styr_html_input *in)
{
    if (in->rs)
        return in->rs;
    if (in->score && in->score->rs)
        return in->score->rs;
    if (in->sensitivity && in->sensitivity->base)
        return in->sensitivity->base->rs;
    return NULL;
}

static void header(page *p, const sections *s)
{
    FILE *out = p->out;
    const styr_html_input *in = p->in;
    const styr_ruleset *rs = page_ruleset(in);
    fprintf(out, "<header>\n<h1>%s</h1>\n<p class=\"meta\">%s <strong>", word(p->o, "Rapport från styr", "styr report"),
            word(p->o, "Regelverk", "Ruleset"));
    esc(out, p->o->ruleset ? p->o->ruleset : rs ? rs->name : NULL);
    fputs("</strong>", out);
    if (rs && rs->model) {
        fprintf(out, " \xC2\xB7 %s <strong>", word(p->o, "modell", "model"));
        esc(out, rs->model->id);
        fputs("</strong>", out);
        const char *t = rs->model->title[p->o->lang == STYR_LANG_EN ? 1 : 0];
        if (t && *t) {
            fputs(" (", out);
            esc(out, t);
            fputs(")", out);
        }
    }
    fputs(" \xC2\xB7 styr ", out);
    esc(out, p->o->version);
    fputs("</p>\n<dl class=\"inputs\">\n", out);
    for (size_t f = 0; s->findings && f < in->nplans; f++) {
        const styr_file_result *r = &in->plans[f];
        fprintf(out, "<dt>%s</dt><dd>", r->failed ? word(p->o, "Fil", "File") : kind_title(p, r->kind));
        const styr_doc *doc = in->plan_docs ? in->plan_docs[f] : NULL;
        size_t len;
        const char *title = doc ? scalar_text(map_get(map_get(doc->root, "document"), "title"), &len) : NULL;
        if (title) {
            esc_span(out, title, len, 0);
            fputs(" (<code>", out);
            esc(out, r->file);
            fputs("</code>)", out);
        } else {
            fputs("<code>", out);
            esc(out, r->file);
            fputs("</code>", out);
        }
        fputs("</dd>\n", out);
    }
    if (s->scores) {
        const styr_score_report *r = in->score;
        fprintf(out, "<dt>%s</dt><dd><code>", word(p->o, "Områden", "Areas"));
        esc(out, r->areas ? r->areas->file : NULL);
        fprintf(out, "</code></dd>\n<dt>%s</dt><dd>", word(p->o, "Scenarier", "Scenarios"));
        for (size_t k = 0; k < r->nsc; k++) {
            fputs(k ? ", <code>" : "<code>", out);
            esc(out, r->sc[k].file);
            fputs("</code>", out);
        }
        fputs("</dd>\n", out);
    }
    if (s->sensitivity) {
        const styr_sensitivity *sv = in->sensitivity;
        fprintf(out, "<dt>%s</dt><dd>", word(p->o, "Känslighet", "Sensitivity"));
        esc(out, scenario_name(&sv->base->sc[0]));
        fprintf(out, word(p->o, ", %llu viktvektorer, frö %llu", ", %llu weight samples, seed %llu"),
                (unsigned long long)sv->samples, (unsigned long long)sv->seed);
        fputs("</dd>\n", out);
    }
    fputs("</dl>\n<nav aria-label=\"", out);
    fputs(word(p->o, "Innehåll", "Contents"), out);
    fputs("\"><ol>\n", out);
    if (s->findings)
        fprintf(out, "<li><a href=\"#findings\">%s</a></li>\n", word(p->o, "Fynd i planen", "Plan findings"));
    if (s->links)
        fprintf(out, "<li><a href=\"#links\">%s</a></li>\n", word(p->o, "Planens kopplingar", "The plan's links"));
    if (s->scores)
        fprintf(out, "<li><a href=\"#scores\">%s</a></li>\n", word(p->o, "Poäng", "Scores"));
    if (s->compare)
        fprintf(out, "<li><a href=\"#scenarios\">%s</a></li>\n", word(p->o, "Scenarier jämförda", "Scenarios compared"));
    if (s->sensitivity)
        fprintf(out, "<li><a href=\"#acceptability\">%s</a></li>\n",
                word(p->o, "Rangacceptans", "Rank acceptability"));
    if (s->cost)
        fprintf(out, "<li><a href=\"#cost\">%s</a></li>\n", word(p->o, "Kostnad mot poäng", "Cost against score"));
    fputs("</ol></nav>\n</header>\n<main>\n", out);
}

/* ---- 2. plan findings ------------------------------------------------------ */

typedef struct bar_row {
    const char *id;
    size_t len;
    size_t c[4];             /* info, warning, error (styr_severity), waived */
    size_t pos;              /* order of first appearance */
    int keep;
} bar_row;

static size_t row_total(const bar_row *r)
{
    return r->c[0] + r->c[1] + r->c[2] + r->c[3];
}

static int by_total_desc(const void *a, const void *b)
{
    const bar_row *x = *(const bar_row *const *)a, *y = *(const bar_row *const *)b;
    size_t tx = row_total(x), ty = row_total(y);
    if (tx != ty)
        return tx > ty ? -1 : 1;
    return x->pos < y->pos ? -1 : x->pos > y->pos;
}

static void findings_chart(page *p, const styr_file_result *r, const styr_doc *doc)
{
    FILE *out = p->out;
    int plan = r->kind && strcmp(r->kind, "action-plan") == 0;
    const styr_node *items = doc ? seq_get(doc->root, plan ? "actions" : "areas") : NULL;
    size_t cap = 1 + (items ? items->count : 0) + r->findings.count;
    bar_row *rows = calloc(cap, sizeof *rows);
    bar_row **sorted = calloc(cap, sizeof *sorted);
    styr_strmap map;
    styr_strmap_init(&map);
    if (!rows || !sorted)
        goto done;
    size_t nrows = 1;
    rows[0].id = word(p->o, "(dokumentet)", "(the document)");
    rows[0].len = strlen(rows[0].id);
    for (uint32_t i = 0; items && i < items->count; i++) {
        size_t len;
        const char *id = styr_item_id(styr_seq_item(items, i), &len);
        if (!id)
            continue;
        int st = styr_strmap_put(&map, id, len, (void *)(uintptr_t)nrows, NULL);
        if (st < 0)
            goto done;
        if (st == 1) {
            rows[nrows].id = id;
            rows[nrows].len = len;
            rows[nrows].pos = nrows;
            nrows++;
        }
    }
    for (size_t i = 0; i < r->findings.count; i++) {
        const styr_finding *fi = &r->findings.items[i];
        if (fi->severity > STYR_SEV_ERROR)
            continue;
        size_t k = 0;
        if (fi->action) {
            size_t len = strlen(fi->action);
            void *v = styr_strmap_get(&map, fi->action, len);
            if (v) {
                k = (size_t)(uintptr_t)v;
            } else {
                if (styr_strmap_put(&map, fi->action, len, (void *)(uintptr_t)nrows, NULL) < 0)
                    goto done;
                k = nrows;
                rows[k].id = fi->action;
                rows[k].len = len;
                rows[k].pos = k;
                nrows++;
            }
        }
        rows[k].c[fi->waiver_reason ? 3 : fi->severity]++;
    }
    /* Which rows to draw: every item, or the MAX_BARS with most findings. */
    size_t items_n = nrows - 1, shown = 0, left = 0;
    for (size_t k = 1; k < nrows; k++)
        sorted[k - 1] = &rows[k];
    if (items_n > MAX_BARS) {
        qsort(sorted, items_n, sizeof *sorted, by_total_desc);
        for (size_t k = 0; k < MAX_BARS && row_total(sorted[k]) > 0; k++)
            sorted[k]->keep = 1;
    } else {
        for (size_t k = 1; k < nrows; k++)
            rows[k].keep = 1;
    }
    rows[0].keep = row_total(&rows[0]) > 0;
    size_t maxtot = 0;
    double labw = 40;
    for (size_t k = 0; k < nrows; k++) {
        if (!rows[k].keep) {
            left += row_total(&rows[k]) > 0;
            continue;
        }
        shown++;
        if (row_total(&rows[k]) > maxtot)
            maxtot = row_total(&rows[k]);
        double w = text_w(rows[k].id, rows[k].len, 28, 12);
        if (w > labw)
            labw = w;
    }
    if (!shown)
        goto done;
    const char *sevs[4] = {word(p->o, "info", "info"), word(p->o, "varningar", "warnings"),
                           word(p->o, "fel", "errors"), word(p->o, "undantagna", "waived")};
    const int stack[4] = {STYR_SEV_ERROR, STYR_SEV_WARNING, STYR_SEV_INFO, 3};
    legend_item li[4];
    size_t nli = 0;
    size_t any[4] = {0, 0, 0, 0};
    for (size_t k = 0; k < nrows; k++)
        for (int s = 0; s < 4; s++)
            any[s] += rows[k].keep ? rows[k].c[s] : 0;
    for (int q = 0; q < 4; q++)
        if (any[stack[q]]) {
            li[nli].label = sevs[stack[q]];
            snprintf(li[nli].paint, sizeof li[nli].paint, "%s", sev_colour[stack[q]]);
            li[nli].shape = 0;
            nli++;
        }
    unsigned id = ++p->fig;
    axis ax = nice_axis((double)maxtot, 5, 1);
    double rowh = 20, plotw = 520, x0 = labw + 14, width = x0 + plotw + 48;
    double top = 10 + legend_height(li, nli, width - 20) + 10, bottom = top + (double)shown * rowh;
    double height = bottom + 40;
    char tid[32];
    snprintf(tid, sizeof tid, "tbl%u", id);
    svg_open(p, id, width, height, "bars",
             plan ? word(p->o, "Fynd per insats", "Findings per action") : word(p->o, "Fynd per område", "Findings per area"),
             NULL, tid);
    legend(p, li, nli, 10, 10, width - 20);
    x_axis(p, &ax, x0, plotw, top - 4, bottom, 1, word(p->o, "Antal fynd", "Number of findings"));
    size_t row = 0;
    for (size_t k = 0; k < nrows; k++) {
        if (!rows[k].keep)
            continue;
        double y = top + (double)row * rowh, x = x0;
        fputs("<g><title>", out);
        esc_span(out, rows[k].id, rows[k].len, 0);
        fprintf(out, ": %zu %s, %zu %s, %zu %s, %zu %s</title>", rows[k].c[2], sevs[2], rows[k].c[1], sevs[1],
                rows[k].c[0], sevs[0], rows[k].c[3], sevs[3]);
        fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" text-anchor=\"end\">", x0 - 6, y + 14);
        esc_span(out, rows[k].id, rows[k].len, 28);
        fputs("</text>", out);
        for (int q = 0; q < 4; q++) {
            size_t c = rows[k].c[stack[q]];
            if (!c)
                continue;
            double w = (double)c / ax.max * plotw;
            fprintf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"14\" fill=\"%s\" stroke=\"#fff\" "
                         "stroke-width=\".6\"/>", x, y + 3, w, sev_colour[stack[q]]);
            x += w;
        }
        fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\">%zu</text></g>\n", x + 4, y + 14,
                row_total(&rows[k]));
        row++;
    }
    fprintf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"axis\"/>\n", x0, top - 4, x0, bottom);
    svg_close(p);
    if (left)
        fprintf(out, word(p->o, "<p class=\"note\">Diagrammet visar de %d %s som har flest fynd; %zu till har fynd.</p>\n",
                          "<p class=\"note\">The chart shows the %d %s with most findings; %zu more have findings.</p>\n"),
                MAX_BARS, plan ? word(p->o, "insatser", "actions") : word(p->o, "områden", "areas"), left);
    /* The same numbers as a table. */
    fprintf(out, "<details><summary>%s</summary>\n<table id=\"%s\" class=\"sortable\" data-table=\"findings-per-item\">"
                 "<caption>%s</caption>\n<thead><tr><th scope=\"col\">%s</th>",
            word(p->o, "Diagrammets siffror som tabell", "The chart's numbers as a table"), tid,
            plan ? word(p->o, "Fynd per insats", "Findings per action") : word(p->o, "Fynd per område", "Findings per area"),
            plan ? word(p->o, "Insats", "Action") : word(p->o, "Område", "Area"));
    for (int q = 0; q < 4; q++)
        fprintf(out, "<th scope=\"col\" class=\"num\">%s</th>", sevs[stack[q]]);
    fprintf(out, "<th scope=\"col\" class=\"num\">%s</th></tr></thead>\n<tbody>\n", word(p->o, "Summa", "Total"));
    for (size_t k = 0; k < nrows; k++) {
        if (!rows[k].keep)
            continue;
        fputs("<tr><th scope=\"row\">", out);
        esc_span(out, rows[k].id, rows[k].len, 0);
        fputs("</th>", out);
        for (int q = 0; q < 4; q++)
            fprintf(out, "<td class=\"num\" data-value=\"%zu\">%zu</td>", rows[k].c[stack[q]], rows[k].c[stack[q]]);
        fprintf(out, "<td class=\"num\" data-value=\"%zu\">%zu</td></tr>\n", row_total(&rows[k]), row_total(&rows[k]));
    }
    fputs("</tbody></table></details>\n", out);
done:
    styr_strmap_free(&map);
    free(rows);
    free(sorted);
}

static void findings_table(page *p, const styr_file_result *r, size_t f)
{
    FILE *out = p->out;
    int plan = r->kind && strcmp(r->kind, "action-plan") == 0;
    size_t n = r->findings.count, shown = n > MAX_FINDING_ROWS ? MAX_FINDING_ROWS : n;
    unsigned id = ++p->fig;
    fprintf(out, "<div class=\"scroll\"><table id=\"tbl%u\" class=\"findings sortable\" data-table=\"findings\" "
                 "data-file-index=\"%zu\"><caption>", id, f);
    fprintf(out, word(p->o, "Fynd (%zu)", "Findings (%zu)"), n);
    fprintf(out, "</caption>\n<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
                 "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
            word(p->o, "Fil:rad:kolumn", "File:line:column"), word(p->o, "Allvarlighet", "Severity"),
            word(p->o, "Regel", "Rule"), word(p->o, "Meddelande", "Message"),
            plan ? word(p->o, "Insats", "Action") : word(p->o, "Område", "Area"),
            word(p->o, "Undantagen (skäl)", "Waived (reason)"));
    for (size_t i = 0; i < shown; i++) {
        const styr_finding *fi = &r->findings.items[i];
        int sev = fi->severity > STYR_SEV_ERROR ? STYR_SEV_INFO : (int)fi->severity;
        fprintf(out, "<tr data-line=\"%u\" data-column=\"%u\" data-severity=\"%s\" data-rule=\"", fi->line, fi->column,
                styr_severity_name(fi->severity));
        esc(out, fi->rule);
        fprintf(out, "\"%s><td class=\"pos\" data-sort=\"%.0f\">", fi->waiver_reason ? " data-waived=\"1\"" : "",
                (double)fi->line * 1e6 + fi->column);
        esc(out, r->file);
        if (fi->sheet) {   /* a workbook plan: its sheet and cell */
            char cell[16];
            styr_xlsx_cell_ref(cell, sizeof cell, fi->line, fi->column);
            fputc(':', out);
            esc(out, fi->sheet);
            fprintf(out, "!%s", cell);
        } else
            fprintf(out, ":%u:%u", fi->line, fi->column);
        fprintf(out, "</td><td data-sort=\"%d\"><span class=\"sev sev-%d\">%s</span></td><td><code>",
                fi->waiver_reason ? -1 : sev, fi->waiver_reason ? 3 : sev,
                fi->waiver_reason ? sev_word(p, 3) : sev_word(p, sev));
        esc(out, fi->rule);
        fputs("</code></td><td class=\"msg\">", out);
        esc(out, fi->message);
        if (fi->remediation && !fi->waiver_reason) {
            fprintf(out, "<div class=\"fix\">%s ", word(p->o, "Åtgärd:", "What to do:"));
            esc(out, fi->remediation);
            fputs("</div>", out);
        }
        fputs("</td><td>", out);
        esc(out, fi->action);
        fputs("</td><td>", out);
        if (fi->waiver_reason) {
            fprintf(out, "%s: ", sev_word(p, sev));
            esc(out, fi->waiver_reason);
        }
        fputs("</td></tr>\n", out);
    }
    fputs("</tbody></table></div>\n", out);
    if (shown < n)
        fprintf(out, word(p->o, "<p class=\"note\">Tabellen visar de första %zu av %zu fynd; <code>styr validate</code> visar alla.</p>\n",
                          "<p class=\"note\">The table shows the first %zu of %zu findings; <code>styr validate</code> shows all.</p>\n"),
                shown, n);
}

static void problem_position(FILE *out, const char *file, unsigned line, unsigned col)
{
    fputs("<code>", out);
    esc(out, file);
    if (line)
        fprintf(out, col ? ":%u:%u" : ":%u", line, col);
    fputs("</code>: ", out);
}

static void sec_findings(page *p)
{
    FILE *out = p->out;
    const styr_html_input *in = p->in;
    fprintf(out, "<section id=\"findings\" aria-labelledby=\"findings-h\">\n<h2 id=\"findings-h\">%s</h2>\n",
            word(p->o, "Fynd i planen", "Plan findings"));
    unsigned id = ++p->fig;
    fprintf(out, "<div class=\"scroll\"><table id=\"tbl%u\" class=\"summary\" data-table=\"summary\"><caption>%s</caption>\n"
                 "<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\" class=\"num\">%s</th>"
                 "<th scope=\"col\" class=\"num\">%s</th><th scope=\"col\" class=\"num\">%s</th><th scope=\"col\" class=\"num\">info</th>"
                 "<th scope=\"col\" class=\"num\">%s</th><th scope=\"col\" class=\"num\">%s</th></tr></thead>\n<tbody>\n",
            id, word(p->o, "Sammanfattning", "Summary"), word(p->o, "Fil", "File"), word(p->o, "Typ", "Kind"),
            word(p->o, "Insatser/områden", "Actions/areas"), word(p->o, "Fel", "Errors"),
            word(p->o, "Varningar", "Warnings"), word(p->o, "Undantagna", "Waived"),
            word(p->o, "Ej sparade", "Not kept"));
    for (size_t f = 0; f < in->nplans; f++) {
        const styr_file_result *r = &in->plans[f];
        fprintf(out, "<tr data-file-index=\"%zu\"><th scope=\"row\"><a href=\"#file%zu\">", f, f);
        esc(out, r->file);
        fputs("</a></th>", out);
        if (r->failed) {
            fprintf(out, "<td colspan=\"7\" data-failed=\"1\">%s</td></tr>\n",
                    word(p->o, "kunde inte bedömas (se nedan)", "could not be judged (see below)"));
            continue;
        }
        size_t c[3], waived = 0;
        styr_findings_count(&r->findings, c);
        for (size_t i = 0; i < r->findings.count; i++)
            waived += r->findings.items[i].waiver_reason != NULL;
        fprintf(out, "<td>%s</td><td class=\"num\" data-key=\"items\" data-value=\"%zu\">%zu</td>"
                     "<td class=\"num\" data-key=\"error\" data-value=\"%zu\">%zu</td>"
                     "<td class=\"num\" data-key=\"warning\" data-value=\"%zu\">%zu</td>"
                     "<td class=\"num\" data-key=\"info\" data-value=\"%zu\">%zu</td>"
                     "<td class=\"num\" data-key=\"waived\" data-value=\"%zu\">%zu</td>"
                     "<td class=\"num\" data-key=\"not_shown\" data-value=\"%zu\">%zu</td></tr>\n",
                kind_name(p, r->kind), r->actions, r->actions, c[2], c[2], c[1], c[1], c[0], c[0], waived, waived,
                r->findings.dropped, r->findings.dropped);
    }
    fputs("</tbody></table></div>\n", out);
    for (size_t f = 0; f < in->nplans; f++) {
        const styr_file_result *r = &in->plans[f];
        fprintf(out, "<section class=\"file\" id=\"file%zu\" data-file-index=\"%zu\">\n<h3><code>", f, f);
        esc(out, r->file);
        fputs("</code>", out);
        if (!r->failed) {
            fputs(" (", out);
            esc(out, kind_name(p, r->kind));
            fputs(")", out);
        }
        fputs("</h3>\n", out);
        if (r->failed) {
            fputs("<p class=\"problem\">", out);
            problem_position(out, r->failure.file[0] ? r->failure.file : r->file, r->failure.line, r->failure.column);
            esc(out, r->failure.message);
            fputs("</p>\n</section>\n", out);
            continue;
        }
        for (size_t i = 0; i < r->nrule_errors; i++) {
            const styr_error *e = &r->rule_errors[i];
            fputs("<p class=\"problem\">", out);
            problem_position(out, e->file[0] ? e->file : r->file, e->line, e->column);
            esc(out, e->message);
            fputs("</p>\n", out);
        }
        if (r->findings.dropped) {
            fputs("<p class=\"problem\">", out);
            problem_position(out, r->file, r->findings.dropped_line, r->findings.dropped_column);
            fprintf(out, word(p->o, "mer än %zu fynd: %zu till räknades men sparades inte (höj --max-findings för att se dem).",
                              "more than %zu findings: %zu more were counted but not kept (raise --max-findings to see them)."),
                    r->findings.max_kept, r->findings.dropped);
            fputs("</p>\n", out);
        }
        if (r->findings.count == 0) {
            fprintf(out, "<p>%s</p>\n</section>\n", word(p->o, "Inga fynd.", "No findings."));
            continue;
        }
        findings_chart(p, r, p->in->plan_docs ? p->in->plan_docs[f] : NULL);
        findings_table(p, r, f);
        fputs("</section>\n", out);
    }
    fputs("</section>\n", out);
}

/* ---- 3. the plan's links ---------------------------------------------------- */

typedef struct name_ref {
    const char *s;
    size_t len;
    const char *title;       /* strategies: their title */
    size_t tlen;
} name_ref;

typedef struct col_total {
    size_t total, idx;
} col_total;

static int by_total_then_index(const void *a, const void *b)
{
    const col_total *x = a, *y = b;
    if (x->total != y->total)
        return x->total > y->total ? -1 : 1;
    return x->idx < y->idx ? -1 : x->idx > y->idx;
}

static int by_index(const void *a, const void *b)
{
    const col_total *x = a, *y = b;
    return x->idx < y->idx ? -1 : x->idx > y->idx;
}

static void plan_links(page *p, const styr_file_result *r, const styr_doc *doc, size_t f)
{
    FILE *out = p->out;
    const styr_node *strategies = seq_get(doc->root, "strategies");
    const styr_node *actions = seq_get(doc->root, "actions");
    size_t nstr_max = (strategies ? strategies->count : 0) + 1, nact = actions ? actions->count : 0;
    size_t nprog_max = 0;
    for (uint32_t i = 0; i < nact; i++) {
        const styr_node *progs = seq_get(map_get(styr_seq_item(actions, i), "links"), "programs");
        nprog_max += progs ? progs->count : 0;
    }
    name_ref *rows = calloc(nstr_max, sizeof *rows);
    name_ref *cols = calloc(nprog_max ? nprog_max : 1, sizeof *cols);
    size_t *last = calloc(nprog_max ? nprog_max : 1, sizeof *last);
    size_t *count = NULL, *gcol = NULL;
    col_total *coltot = NULL;
    styr_strmap smap, pmap;
    styr_strmap_init(&smap);
    styr_strmap_init(&pmap);
    if (!rows || !cols || !last)
        goto done;
    size_t nrows = 0, ncols = 0;
    for (uint32_t i = 0; strategies && i < strategies->count; i++) {
        const styr_node *s = styr_seq_item(strategies, i);
        size_t len, tlen = 0;
        const char *sid = scalar_text(map_get(s, "id"), &len);
        if (!sid)
            continue;
        int st = styr_strmap_put(&smap, sid, len, (void *)(uintptr_t)(nrows + 1), NULL);
        if (st < 0)
            goto done;
        if (st == 0)
            continue;
        const char *title = scalar_text(map_get(s, "title"), &tlen);
        rows[nrows++] = (name_ref){sid, len, title, title ? tlen : 0};
    }
    for (uint32_t i = 0; i < nact; i++) {
        const styr_node *progs = seq_get(map_get(styr_seq_item(actions, i), "links"), "programs");
        for (uint32_t k = 0; progs && k < progs->count; k++) {
            size_t len;
            const char *name = scalar_text(styr_seq_item(progs, k), &len);
            if (!name || !len)
                continue;
            int st = styr_strmap_put(&pmap, name, len, (void *)(uintptr_t)(ncols + 1), NULL);
            if (st < 0)
                goto done;
            if (st == 1)
                cols[ncols++] = (name_ref){name, len, NULL, 0};
        }
    }
    /* rows[nrows]: actions whose strategy is not one of the plan's */
    count = calloc((nrows + 1) * (ncols ? ncols : 1), sizeof *count);
    if (!count)
        goto done;
    size_t linked_actions = 0;
    int other = 0;
    for (uint32_t i = 0; i < nact; i++) {
        const styr_node *a = styr_seq_item(actions, i);
        const styr_node *progs = seq_get(map_get(a, "links"), "programs");
        if (!progs)
            continue;
        size_t len, row = nrows;
        const char *sid = scalar_text(map_get(a, "strategy"), &len);
        void *v = sid ? styr_strmap_get(&smap, sid, len) : NULL;
        if (v)
            row = (size_t)(uintptr_t)v - 1;
        int any = 0;
        for (uint32_t k = 0; k < progs->count; k++) {
            size_t plen;
            const char *name = scalar_text(styr_seq_item(progs, k), &plen);
            void *c = name && plen ? styr_strmap_get(&pmap, name, plen) : NULL;
            if (!c)
                continue;
            size_t col = (size_t)(uintptr_t)c - 1;
            if (last[col] == (size_t)i + 1)
                continue;   /* the same programme twice in one action counts once */
            last[col] = (size_t)i + 1;
            count[row * ncols + col]++;
            any = 1;
            if (row == nrows)
                other = 1;
        }
        linked_actions += any;
    }
    if (other) {
        rows[nrows].s = word(p->o, "(utan känd strategi)", "(no known strategy)");
        rows[nrows].len = strlen(rows[nrows].s);
    }
    size_t nr = nrows + (other ? 1 : 0);
    if (p->in->nplans > 1) {
        fputs("<h3><code>", out);
        esc(out, r->file);
        fputs("</code></h3>\n", out);
    }
    if (ncols == 0) {
        fprintf(out, "<p>%s</p>\n", word(p->o, "Ingen insats nämner något annat program (links.programs).",
                                         "No action names another programme (links.programs)."));
        goto done;
    }
    fprintf(out, word(p->o, "<p>%zu av %zu insatser nämner minst ett av %zu program.</p>\n",
                      "<p>%zu of %zu actions name at least one of %zu programmes.</p>\n"),
            linked_actions, nact, ncols);
    size_t maxc = 1;
    for (size_t k = 0; k < nr * ncols; k++)
        if (count[k] > maxc)
            maxc = count[k];
    /* The grid shows at most MAX_GRID_COLUMNS programmes, the most named
     * ones (in the order they first appear); the table shows them all. */
    size_t ng = ncols;
    gcol = malloc(ncols * sizeof *gcol);
    coltot = calloc(ncols, sizeof *coltot);
    if (!gcol || !coltot)
        goto done;
    for (size_t c = 0; c < ncols; c++) {
        coltot[c].idx = c;
        for (size_t k = 0; k < nr; k++)
            coltot[c].total += count[k * ncols + c];
    }
    if (ncols > MAX_GRID_COLUMNS) {
        qsort(coltot, ncols, sizeof *coltot, by_total_then_index);
        ng = MAX_GRID_COLUMNS;
        qsort(coltot, ng, sizeof *coltot, by_index);
    }
    for (size_t g = 0; g < ng; g++)
        gcol[g] = coltot[g].idx;
    double cell = 34, rowlab = 0, collab = 0;
    for (size_t k = 0; k < nr; k++) {
        double w = text_w(rows[k].s, rows[k].len, 0, 12) + (rows[k].title ? 8 + text_w(rows[k].title, rows[k].tlen, 42, 12) : 0);
        if (w > rowlab)
            rowlab = w;
    }
    for (size_t g = 0; g < ng; g++) {
        double w = text_w(cols[gcol[g]].s, cols[gcol[g]].len, 40, 11);
        if (w > collab)
            collab = w;
    }
    double x0 = rowlab + 16, diag = collab * 0.7071 + 8, top = diag + 14;
    double width = x0 + cell * (double)ng + diag + 10, height = top + cell * (double)nr + 12;
    unsigned id = ++p->fig;
    char tid[32];
    snprintf(tid, sizeof tid, "tbl%u", id);
    svg_open(p, id, width, height, "grid", word(p->o, "Strategi \xC3\x97 program: antal insatser",
                                                "Strategy \xC3\x97 programme: number of actions"), NULL, tid);
    for (size_t g = 0; g < ng; g++) {
        size_t c = gcol[g];
        double x = x0 + cell * ((double)g + 0.5);
        fprintf(out, "<text transform=\"translate(%.1f,%.1f) rotate(-45)\" font-size=\"11\"><title>", x + 3, top - 6);
        esc_span(out, cols[c].s, cols[c].len, 0);
        fputs("</title>", out);
        esc_span(out, cols[c].s, cols[c].len, 40);
        fputs("</text>\n", out);
    }
    for (size_t k = 0; k < nr; k++) {
        double y = top + cell * (double)k;
        fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" text-anchor=\"end\"><title>", x0 - 8, y + cell / 2 + 4);
        esc_span(out, rows[k].s, rows[k].len, 0);
        if (rows[k].title) {
            fputs(" ", out);
            esc_span(out, rows[k].title, rows[k].tlen, 0);
        }
        fputs("</title><tspan font-weight=\"600\">", out);
        esc_span(out, rows[k].s, rows[k].len, 0);
        fputs("</tspan>", out);
        if (rows[k].title) {
            fputs(" ", out);
            esc_span(out, rows[k].title, rows[k].tlen, 42);
        }
        fputs("</text>\n", out);
        for (size_t g = 0; g < ng; g++) {
            size_t v = count[k * ncols + gcol[g]];
            double x = x0 + cell * (double)g, t = (double)v / (double)maxc;
            char fill[16];
            if (v == 0) {
                snprintf(fill, sizeof fill, "#f3f5f7");
            } else {
                double s = 0.3 + 0.7 * t;   /* white to Okabe-Ito bluish green (0, 158, 115) */
                snprintf(fill, sizeof fill, "#%02x%02x%02x", (int)lround(255 * (1 - s)),
                         (int)lround(255 - (255 - 158) * s), (int)lround(255 - (255 - 115) * s));
            }
            fprintf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\" stroke=\"#fff\" stroke-width=\"2\"/>",
                    x, y, cell, cell, fill);
            fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" text-anchor=\"middle\"%s>%zu</text>\n",
                    x + cell / 2, y + cell / 2 + 4,
                    v == 0 ? " fill=\"#b0b8c0\"" : 0.3 + 0.7 * t > 0.6 ? " class=\"inv\"" : "", v);
        }
    }
    svg_close(p);
    if (ng < ncols)
        fprintf(out, word(p->o, "<p class=\"note\">Rutnätet visar de %zu program som flest insatser nämner; tabellen visar alla %zu.</p>\n",
                          "<p class=\"note\">The grid shows the %zu programmes most actions name; the table shows all %zu.</p>\n"),
                ng, ncols);
    /* The table: programmes as rows (their names are long), strategies as columns. */
    fprintf(out, "<div class=\"scroll\"><table id=\"%s\" class=\"links sortable\" data-table=\"links\" data-file-index=\"%zu\">"
                 "<caption>%s</caption>\n<thead><tr><th scope=\"col\">%s</th>",
            tid, f, word(p->o, "Antal insatser per strategi som nämner programmet", "Actions of each strategy that name the programme"),
            word(p->o, "Program", "Programme"));
    for (size_t k = 0; k < nr; k++) {
        fputs("<th scope=\"col\" class=\"num\">", out);
        esc_span(out, rows[k].s, rows[k].len, 0);
        if (rows[k].title) {
            fputs(" ", out);
            esc_span(out, rows[k].title, rows[k].tlen, 0);
        }
        fputs("</th>", out);
    }
    fprintf(out, "<th scope=\"col\" class=\"num\">%s</th></tr></thead>\n<tbody>\n", word(p->o, "Summa", "Total"));
    for (size_t c = 0; c < ncols; c++) {
        fputs("<tr><th scope=\"row\">", out);
        esc_span(out, cols[c].s, cols[c].len, 0);
        fputs("</th>", out);
        size_t sum = 0;
        for (size_t k = 0; k < nr; k++) {
            size_t v = count[k * ncols + c];
            sum += v;
            fprintf(out, "<td class=\"num\" data-value=\"%zu\">%zu</td>", v, v);
        }
        fprintf(out, "<td class=\"num\" data-value=\"%zu\">%zu</td></tr>\n", sum, sum);
    }
    fputs("</tbody></table></div>\n", out);
done:
    styr_strmap_free(&smap);
    styr_strmap_free(&pmap);
    free(rows);
    free(cols);
    free(last);
    free(count);
    free(gcol);
    free(coltot);
}

static void sec_links(page *p)
{
    FILE *out = p->out;
    fprintf(out, "<section id=\"links\" aria-labelledby=\"links-h\">\n<h2 id=\"links-h\">%s</h2>\n",
            word(p->o, "Planens kopplingar", "The plan's links"));
    fprintf(out, "<p class=\"note\">%s</p>\n",
            word(p->o, "Rader: planens strategier. Kolumner: programmen som insatserna nämner (links.programs). "
                       "Varje ruta: antal insatser i strategin som nämner programmet.",
                 "Rows: the plan's strategies. Columns: the programmes the actions name (links.programs). "
                 "Each cell: the number of actions of the strategy that name the programme."));
    for (size_t f = 0; f < p->in->nplans; f++)
        if (!p->in->plans[f].failed && p->in->plan_docs && plan_has_links(p->in->plan_docs[f]))
            plan_links(p, &p->in->plans[f], p->in->plan_docs[f], f);
    fputs("</section>\n", out);
}

/* ---- 4. scores ------------------------------------------------------------- */

static const char *method_name(const page *p, const styr_scored *s)
{
    return s->method == STYR_MCDA_TOPSIS ? "TOPSIS" : word(p->o, "viktad summa", "weighted sum");
}

static void score_chart(page *p, const styr_score_report *r, const styr_scenario_run *sr, const char *tid)
{
    FILE *out = p->out;
    const styr_area_table *t = r->table;
    const styr_scored *s = &sr->s;
    size_t n = t->n, m = t->m;
    int topsis = s->method == STYR_MCDA_TOPSIS;
    legend_item *li = calloc(m + 1, sizeof *li);
    if (!li)
        return;
    unsigned id = ++p->fig;
    size_t nli = 0;
    if (!topsis)
        for (size_t j = 0; j < m; j++)
            if (s->weights.w[j] > 0) {
                li[nli].label = crit_label(p, r->rs, j);
                crit_paint(li[nli].paint, sizeof li[nli].paint, id, j);
                nli++;
            }
    double maxs = 0, labw = 60;
    for (size_t i = 0; i < n; i++) {
        if (s->score[i] > maxs)
            maxs = s->score[i];
        double w = text_ws(t->ids[i], 40, 12);
        if (w > labw)
            labw = w;
    }
    axis ax = nice_axis(maxs, 5, 0);
    double rowh = 22, plotw = 600, x0 = labw + 14, width = x0 + plotw + 70;
    double top = 10 + (nli ? legend_height(li, nli, width - 20) + 10 : 0) + 6, bottom = top + (double)n * rowh;
    double height = bottom + 40;
    char title[256];
    snprintf(title, sizeof title, "%s", word(p->o, "Poäng och bidrag per kriterium:", "Score and contributions by criterion:"));
    svg_open(p, id, width, height, "bars", title, scenario_name(sr), tid);
    crit_defs(p, id, m);
    if (nli)
        legend(p, li, nli, 10, 10, width - 20);
    x_axis(p, &ax, x0, plotw, top - 4, bottom, 1, word(p->o, "Poäng", "Score"));
    for (size_t q = 0; q < n; q++) {
        size_t i = s->order[q];
        double y = top + (double)q * rowh, x = x0;
        int chosen = s->has_budget && !s->infeasible && s->chosen && s->chosen[i];
        fputs("<g><title>", out);
        esc(out, t->ids[i]);
        fprintf(out, ": %.3f", s->score[i]);
        fputs("</title>", out);
        fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" text-anchor=\"end\"%s>", x0 - 6, y + 15,
                chosen ? " font-weight=\"700\"" : "");
        esc_cut(out, t->ids[i], 40);
        fputs("</text>", out);
        if (topsis) {
            double w = s->score[i] > 0 ? s->score[i] / ax.max * plotw : 0;
            fprintf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"15\" fill=\"#0072B2\"/>", x, y + 3, w);
            x += w;
        } else {
            for (size_t j = 0; j < m; j++) {
                double c = s->contrib[i * m + j];
                if (s->weights.w[j] <= 0 || !(c > 0))
                    continue;
                char paint[64];
                crit_paint(paint, sizeof paint, id, j);
                double w = c / ax.max * plotw;
                fprintf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.2f\" height=\"15\" fill=\"%s\" stroke=\"#fff\" "
                             "stroke-width=\".6\"><title>", x, y + 3, w, paint);
                esc(out, t->ids[i]);
                fputs(" \xE2\x80\x93 ", out);
                esc(out, crit_label(p, r->rs, j));
                fprintf(out, ": %.3f</title></rect>", c);
                x += w;
            }
        }
        fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\">%.3f%s</text></g>\n", x + 5, y + 15, s->score[i],
                chosen ? " \xE2\x9C\x93" : "");
    }
    fprintf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"axis\"/>\n", x0, top - 4, x0, bottom);
    svg_close(p);
    if (topsis)
        fprintf(out, "<p class=\"note\">%s</p>\n",
                word(p->o, "TOPSIS: poängen är närheten till idealet, inte en summa av delar; stapeln visar poängen, "
                           "tabellen varje kriteriums viktade normaliserade värde.",
                     "TOPSIS: the score is the closeness to the ideal, not a sum of parts; the bar shows the score, "
                     "the table each criterion's weighted normalised value."));
    if (s->has_budget && !s->infeasible)
        fprintf(out, "<p class=\"note\">%s</p>\n",
                word(p->o, "\xE2\x9C\x93 och fet stil: vald inom budgeten.", "\xE2\x9C\x93 and bold: chosen within the budget."));
    free(li);
}

static void ranking_table(page *p, const styr_score_report *r, const styr_scenario_run *sr, size_t index,
                          const char *tid)
{
    FILE *out = p->out;
    const styr_area_table *t = r->table;
    const styr_scored *s = &sr->s;
    size_t n = t->n, m = t->m;
    int budget = s->has_budget && !s->infeasible && s->chosen;
    fprintf(out, "<div class=\"scroll\"><table id=\"%s\" class=\"ranking sortable\" data-table=\"ranking\" "
                 "data-scenario-index=\"%zu\" data-scenario=\"", tid, index);
    esc(out, scenario_name(sr));
    fprintf(out, "\"><caption>%s ", word(p->o, "Rangordning:", "Ranking:"));
    esc(out, scenario_name(sr));
    fprintf(out, "</caption>\n<thead><tr><th scope=\"col\" class=\"num\">%s</th><th scope=\"col\">%s</th>"
                 "<th scope=\"col\" class=\"num\">%s</th>",
            word(p->o, "Rang", "Rank"), word(p->o, "Område", "Area"), word(p->o, "Poäng", "Score"));
    if (budget)
        fprintf(out, "<th scope=\"col\">%s</th>", word(p->o, "Vald", "Chosen"));
    for (size_t j = 0; j < m; j++)
        if (s->weights.w[j] > 0) {
            fprintf(out, "<th scope=\"col\" class=\"num\" data-criterion=\"");
            esc(out, r->rs->model->crit[j].id);
            fputs("\">", out);
            esc(out, crit_label(p, r->rs, j));
            fputs("</th>", out);
        }
    fputs("</tr></thead>\n<tbody>\n", out);
    for (size_t q = 0; q < n; q++) {
        size_t i = s->order[q];
        fputs("<tr data-area=\"", out);
        esc(out, t->ids[i]);
        fprintf(out, "\"><td class=\"num\" data-key=\"rank\" data-value=\"%zu\">%zu</td><th scope=\"row\">", s->rank[i],
                s->rank[i]);
        esc(out, t->ids[i]);
        fputs("</th><td class=\"num\" data-key=\"score\" data-value=\"", out);
        raw(out, s->score[i]);
        fprintf(out, "\">%.3f</td>", s->score[i]);
        if (budget)
            fprintf(out, "<td data-key=\"chosen\" data-value=\"%d\">%s</td>", s->chosen[i] ? 1 : 0,
                    s->chosen[i] ? "\xE2\x9C\x93" : "");
        for (size_t j = 0; j < m; j++) {
            if (s->weights.w[j] <= 0)
                continue;
            criterion_cell(out, "contribution", r->rs->model->crit[j].id, s->contrib[i * m + j], 3);
        }
        fputs("</tr>\n", out);
    }
    fputs("</tbody></table></div>\n", out);
    if (s->method == STYR_MCDA_WEIGHTED_SUM)
        fprintf(out, "<p class=\"note\">%s</p>\n",
                word(p->o, "Bidrag = normaliserat värde \xC3\x97 vikt; poängen är summan. Kriterier med vikt 0 visas inte.",
                     "Contribution = normalised value \xC3\x97 weight; the score is their sum. Criteria of weight 0 are not shown."));
}

static void scenario_block(page *p, const styr_score_report *r, const styr_scenario_run *sr, size_t index)
{
    FILE *out = p->out;
    const styr_area_table *t = r->table;
    const styr_scored *s = &sr->s;
    fprintf(out, "<section class=\"scenario\" id=\"scenario%zu\" data-scenario-index=\"%zu\">\n<h3>Scenario ", index, index);
    esc(out, scenario_name(sr));
    if (sr->title) {
        fputs(": ", out);
        esc(out, sr->title);
    }
    fprintf(out, " <span class=\"note\">(%s)</span></h3>\n<p>%s", method_name(p, s), word(p->o, "Vikter:", "Weights:"));
    int first = 1;
    for (size_t j = 0; j < t->m; j++)
        if (s->weights.w[j] > 0) {
            fputs(first ? " " : " \xC2\xB7 ", out);
            first = 0;
            esc(out, crit_label(p, r->rs, j));
            fprintf(out, " <span data-criterion=\"");
            esc(out, r->rs->model->crit[j].id);
            fputs("\" data-weight=\"", out);
            raw(out, s->weights.w[j]);
            fprintf(out, "\">%.1f\xC2\xA0%%</span>", 100 * s->weights.w[j]);
        }
    fputs("</p>\n", out);
    if (s->weights.source == STYR_WEIGHTS_PAIRWISE && s->weights.ahp_n > 2) {
        fprintf(out, word(p->o, "<p>Parvisa jämförelser (AHP): CR = <span data-value=\"", "<p>Pairwise judgements (AHP): CR = <span data-value=\""));
        raw(out, s->weights.ahp.cr);
        fprintf(out, "\">%.3f</span>%s</p>\n", s->weights.ahp.cr,
                s->weights.ahp.cr > STYR_MCDA_AHP_CR_WARN ? word(p->o, " (över 0,10: inkonsistent)", " (above 0.10: inconsistent)") : "");
    }
    if (t->n == 0) {
        fprintf(out, "<p>%s</p>\n</section>\n", word(p->o, "Inga områden att rangordna.", "No areas to rank."));
        return;
    }
    unsigned tid_n = ++p->fig;
    char tid[32];
    snprintf(tid, sizeof tid, "tbl%u", tid_n);
    score_chart(p, r, sr, tid);
    ranking_table(p, r, sr, index, tid);
    if (s->has_budget) {
        char b[64], c[64];
        money(b, sizeof b, s->budget);
        fputs("<p class=\"budget\">", out);
        if (s->infeasible) {
            fprintf(out, word(p->o, "Budget %s kr: ingen möjlig portfölj: ", "Budget %s SEK: no possible portfolio: "), b);
            esc(out, s->infeasible_reason);
        } else {
            money(c, sizeof c, s->sel.total_cost);
            fprintf(out, word(p->o, "Budget %s kr: valda", "Budget %s SEK: chosen"), b);
            int k = 0;
            for (size_t q = 0; q < t->n; q++)
                if (s->chosen[s->order[q]]) {
                    fputs(k++ ? ", " : " ", out);
                    esc(out, t->ids[s->order[q]]);
                }
            fprintf(out, word(p->o, "; kostnad %s kr, poäng <span data-value=\"", "; cost %s SEK, score <span data-value=\""), c);
            raw(out, s->sel.total_score);
            fprintf(out, "\">%.3f</span> (%s)", s->sel.total_score,
                    s->sel.proven_optimal ? word(p->o, "optimalt", "optimal")
                                          : word(p->o, "bästa funna, ej bevisat optimalt", "best found, not proven optimal"));
        }
        fputs("</p>\n", out);
    }
    fputs("</section>\n", out);
}

static void sec_scores(page *p)
{
    FILE *out = p->out;
    const styr_score_report *r = p->in->score;
    const styr_area_table *t = r->table;
    fprintf(out, "<section id=\"scores\" aria-labelledby=\"scores-h\">\n<h2 id=\"scores-h\">%s</h2>\n<p>",
            word(p->o, "Poäng", "Scores"));
    fputs("<code>", out);
    esc(out, r->areas ? r->areas->file : "areas");
    fputs("</code>: ", out);
    fprintf(out, word(p->o, "%zu områden rangordnade, %zu uteslutna", "%zu areas ranked, %zu left out"), t->n, t->nexcluded);
    fputs("</p>\n", out);
    if (t->nexcluded) {
        fputs("<ul class=\"excluded\">\n", out);
        for (size_t e = 0; e < t->nexcluded; e++) {
            fprintf(out, "<li data-area=\"");
            esc(out, t->excluded[e].area);
            fprintf(out, "\">%s <code>", word(p->o, "utesluten:", "left out:"));
            esc(out, t->excluded[e].area);
            fputs("</code>: ", out);
            esc(out, t->excluded[e].reason);
            fputs("</li>\n", out);
        }
        fputs("</ul>\n", out);
    }
    for (size_t i = 0; i < t->nrule_errors; i++) {
        fputs("<p class=\"problem\">", out);
        problem_position(out, t->rule_errors[i].file, t->rule_errors[i].line, t->rule_errors[i].column);
        esc(out, t->rule_errors[i].message);
        fputs("</p>\n", out);
    }
    size_t index = 0;
    for (size_t k = 0; k < r->nsc; k++) {
        const styr_scenario_run *sr = &r->sc[k];
        if (!sr->scored) {
            fputs("<p class=\"problem\">", out);
            if (sr->failed) {
                problem_position(out, sr->failure.file[0] ? sr->failure.file : sr->file, sr->failure.line,
                                 sr->failure.column);
                esc(out, sr->failure.message);
            } else {
                fputs("Scenario <code>", out);
                esc(out, sr->file);
                fputs(word(p->o, "</code> poängsattes inte: rätta felen i filen.", "</code> was not scored: fix the errors in the file."), out);
            }
            fputs("</p>\n", out);
            continue;
        }
        scenario_block(p, r, sr, index++);
    }
    fputs("</section>\n", out);
}

/* ---- 5. scenarios compared -------------------------------------------------- */

static void sec_compare(page *p)
{
    FILE *out = p->out;
    const styr_score_report *r = p->in->score;
    const styr_area_table *t = r->table;
    size_t n = t->n, ns = 0;
    const styr_scenario_run **sc = calloc(r->nsc, sizeof *sc);
    if (!sc)
        return;
    for (size_t k = 0; k < r->nsc; k++)
        if (r->sc[k].scored)
            sc[ns++] = &r->sc[k];
    const styr_scenario_run *first = sc[0];
    fprintf(out, "<section id=\"scenarios\" aria-labelledby=\"scenarios-h\">\n<h2 id=\"scenarios-h\">%s</h2>\n",
            word(p->o, "Scenarier jämförda", "Scenarios compared"));
    /* The bump chart: one column a scenario, one row a rank. */
    double labw = 40, colw = 120, rowh = 24;
    for (size_t i = 0; i < n; i++) {
        double w = text_ws(t->ids[i], 32, 12);
        if (w > labw)
            labw = w;
    }
    for (size_t k = 0; k < ns; k++) {
        double w = text_ws(scenario_name(sc[k]), 28, 12) + 16;
        if (w > colw)
            colw = w;
    }
    double rankw = 26, x0 = labw + 14 + rankw, top = 44;
    double width = x0 + colw * (double)(ns - 1) + rankw + labw + 24, height = top + rowh * (double)n + 10;
    unsigned id = ++p->fig;
    char tid[32];
    snprintf(tid, sizeof tid, "tbl%u", id);
    svg_open(p, id, width, height, "bump", word(p->o, "Rang per scenario", "Rank by scenario"), NULL, tid);
#define BUMP_Y(rank) (top + rowh * ((double)(rank) - 0.5))
    for (size_t k = 0; k < ns; k++) {
        double x = x0 + colw * (double)k;
        fprintf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"grid\"/>", x, top - 6, x,
                top + rowh * (double)n);
        fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" font-weight=\"600\" text-anchor=\"middle\"><title>", x, 20.0);
        esc(out, scenario_name(sc[k]));
        fputs("</title>", out);
        esc_cut(out, scenario_name(sc[k]), 28);
        fputs("</text>\n", out);
    }
    double xr = x0 + colw * (double)(ns - 1);
    fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\" fill=\"#666\">%s</text>\n",
            x0 - 10, top - 10, word(p->o, "rang", "rank"));
    const styr_scenario_run *last = sc[ns - 1];
    for (size_t q = 0; q < n; q++) {
        size_t i = first->s.order[q];
        /* the position in the last scenario's order places the right label */
        size_t qlast = 0;
        for (size_t z = 0; z < n; z++)
            if (last->s.order[z] == i)
                qlast = z;
        const char *colour = line_colour[q % 7], *dash = line_dash[(q / 7) % 3];
        fputs("<g class=\"area\"><title>", out);
        esc(out, t->ids[i]);
        fputs(":", out);
        for (size_t k = 0; k < ns; k++) {
            fputs(k ? ", " : " ", out);
            esc(out, scenario_name(sc[k]));
            fprintf(out, " %zu", sc[k]->s.rank[i]);
        }
        fprintf(out, "</title><path fill=\"none\" stroke=\"%s\" stroke-width=\"2.5\"%s%s%s d=\"", colour,
                *dash ? " stroke-dasharray=\"" : "", dash, *dash ? "\"" : "");
        /* from the left label, through every scenario, to the right label */
        fprintf(out, "M%.1f %.1f L%.1f %.1f", x0 - 2 - rankw + 20, BUMP_Y(q + 1), x0, BUMP_Y(first->s.rank[i]));
        for (size_t k = 1; k < ns; k++)
            fprintf(out, " L%.1f %.1f", x0 + colw * (double)k, BUMP_Y(sc[k]->s.rank[i]));
        fprintf(out, " L%.1f %.1f\"/>", xr + rankw - 18, BUMP_Y(qlast + 1));
        for (size_t k = 0; k < ns; k++)
            fprintf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\" stroke=\"#fff\"/>",
                    x0 + colw * (double)k, BUMP_Y(sc[k]->s.rank[i]), colour);
        /* each end: the area's rank in that scenario, then its id */
        fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\" fill=\"#555\">%zu</text>",
                x0 - 10, BUMP_Y(q + 1) + 4, first->s.rank[i]);
        fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" text-anchor=\"end\">", x0 - rankw - 8, BUMP_Y(q + 1) + 4);
        esc_cut(out, t->ids[i], 32);
        fprintf(out, "</text><text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" fill=\"#555\">%zu</text>", xr + 10,
                BUMP_Y(qlast + 1) + 4, last->s.rank[i]);
        fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\">", xr + rankw + 8, BUMP_Y(qlast + 1) + 4);
        esc_cut(out, t->ids[i], 32);
        fputs("</text></g>\n", out);
    }
#undef BUMP_Y
    svg_close(p);
    fprintf(out, "<p class=\"note\">%s</p>\n",
            word(p->o, "Områdena står till vänster i första scenariots ordning och till höger i sista scenariots. "
                       "Lika poäng ger lika rang.",
                 "Areas are listed on the left in the first scenario's order and on the right in the last one's. "
                 "Equal scores share a rank."));
    /* The table of ranks, with movement against the first scenario. */
    fprintf(out, "<div class=\"scroll\"><table id=\"%s\" class=\"ranks sortable\" data-table=\"ranks\"><caption>", tid);
    fputs(word(p->o, "Rang per scenario (förändring mot ", "Rank by scenario (change against "), out);
    esc(out, scenario_name(first));
    fprintf(out, ")</caption>\n<thead><tr><th scope=\"col\">%s</th>", word(p->o, "Område", "Area"));
    for (size_t k = 0; k < ns; k++) {
        fprintf(out, "<th scope=\"col\" class=\"num\" data-scenario-index=\"%zu\">", k);
        esc(out, scenario_name(sc[k]));
        fputs("</th>", out);
    }
    fputs("</tr></thead>\n<tbody>\n", out);
    for (size_t q = 0; q < n; q++) {
        size_t i = first->s.order[q];
        fputs("<tr data-area=\"", out);
        esc(out, t->ids[i]);
        fputs("\"><th scope=\"row\">", out);
        esc(out, t->ids[i]);
        fputs("</th>", out);
        for (size_t k = 0; k < ns; k++) {
            long move = (long)first->s.rank[i] - (long)sc[k]->s.rank[i];
            fprintf(out, "<td class=\"num\" data-key=\"rank\" data-scenario-index=\"%zu\" data-value=\"%zu\">%zu", k,
                    sc[k]->s.rank[i], sc[k]->s.rank[i]);
            if (k && move)
                fprintf(out, " <span class=\"move\">(%+ld)</span>", move);
            fputs("</td>", out);
        }
        fputs("</tr>\n", out);
    }
    fputs("</tbody></table></div>\n</section>\n", out);
    free(sc);
}

/* ---- 6. rank acceptability -------------------------------------------------- */

/* Background (and text colour) of a probability: white to Okabe-Ito blue
 * (0, 114, 178) by the square root, so that 5 % and 30 % look different. */
static void heat_colour(char *buf, size_t cap, double v)
{
    double s = sqrt(v < 0 ? 0 : v > 1 ? 1 : v);
    snprintf(buf, cap, "background:#%02x%02x%02x%s", (int)lround(255 * (1 - s)), (int)lround(255 - (255 - 114) * s),
             (int)lround(255 - (255 - 178) * s), s > 0.55 ? ";color:#fff" : "");
}

static void sec_sensitivity(page *p)
{
    FILE *out = p->out;
    const styr_sensitivity *sv = p->in->sensitivity;
    const styr_score_report *r = sv->base;
    const styr_area_table *t = r->table;
    const styr_scenario_run *sr = &r->sc[0];
    size_t n = t->n, m = t->m, cols = n > MAX_RANK_COLUMNS ? MAX_RANK_COLUMNS : n;
    fprintf(out, "<section id=\"acceptability\" aria-labelledby=\"acceptability-h\">\n<h2 id=\"acceptability-h\">%s</h2>\n<p>",
            word(p->o, "Rangacceptans", "Rank acceptability"));
    fprintf(out, word(p->o, "Känslighet för scenario ", "Sensitivity of scenario "));
    esc(out, scenario_name(sr));
    fprintf(out, word(p->o, ": %llu viktvektorer (frö %llu), %s", ": %llu weight samples (seed %llu), %s"),
            (unsigned long long)sv->samples, (unsigned long long)sv->seed,
            sv->spread < 0 ? word(p->o, "likformigt över alla viktningar av scenariots kriterier",
                                  "uniform over all weightings of the scenario's criteria")
                           : word(p->o, "inom \xC2\xB1 spridning kring scenariots vikter", "within \xC2\xB1 spread around the scenario's weights"));
    if (sv->spread >= 0)
        fprintf(out, word(p->o, " (spridning %.3f)", " (spread %.3f)"), sv->spread);
    fputs(".</p>\n", out);
    fprintf(out, "<p class=\"note\">%s", word(p->o, "Färg efter sannolikhet:", "Shade by probability:"));
    static const double marks[] = {0.01, 0.05, 0.1, 0.25, 0.5, 1};
    for (size_t k = 0; k < sizeof marks / sizeof *marks; k++) {
        char bg[32];
        heat_colour(bg, sizeof bg, marks[k]);
        fprintf(out, " <span class=\"swatch\" style=\"%s\">%g\xC2\xA0%%</span>", bg, 100 * marks[k]);
    }
    fprintf(out, ". %s</p>\n", word(p->o, "Konfidens: andelen gånger området blir först med sina centrala vikter.",
                                    "Confidence: the share of evaluations in which the area is first with its central weights."));
    unsigned id = ++p->fig;
    fprintf(out, "<div class=\"scroll\"><table id=\"tbl%u\" class=\"heat\" data-table=\"acceptability\" data-scenario=\"", id);
    esc(out, scenario_name(sr));
    fprintf(out, "\" data-samples=\"%llu\" data-seed=\"%llu\"><caption>", (unsigned long long)sv->samples,
            (unsigned long long)sv->seed);
    fputs(word(p->o, "Sannolikhet (%) för varje rang; områdena i scenariots ordning", "Probability (%) of each rank; areas in the scenario's order"), out);
    fprintf(out, "</caption>\n<thead><tr><th scope=\"col\" rowspan=\"2\">%s</th><th scope=\"colgroup\" colspan=\"%zu\">%s</th>",
            word(p->o, "Område", "Area"), cols + (n > cols), word(p->o, "Rang", "Rank"));
    fprintf(out, "<th scope=\"col\" rowspan=\"2\" class=\"num\">%s</th></tr>\n<tr>", word(p->o, "Konfidens", "Confidence"));
    for (size_t c = 0; c < cols; c++)
        fprintf(out, "<th scope=\"col\" class=\"num\">%zu</th>", c + 1);
    if (n > cols)
        fprintf(out, "<th scope=\"col\" class=\"num\">%s</th>", word(p->o, "övriga", "rest"));
    fputs("</tr></thead>\n<tbody>\n", out);
    for (size_t q = 0; q < n; q++) {
        size_t i = sr->s.order[q];
        fputs("<tr data-area=\"", out);
        esc(out, t->ids[i]);
        fputs("\"><th scope=\"row\">", out);
        esc(out, t->ids[i]);
        fputs("</th>", out);
        double rest = 0;
        for (size_t c = 0; c < n; c++) {
            double v = sv->acceptability[i * n + c];
            if (c >= cols) {
                rest += v;
                continue;
            }
            char bg[32];
            heat_colour(bg, sizeof bg, v);
            fprintf(out, "<td class=\"p%s\" style=\"%s\" data-key=\"acceptability\" data-rank=\"%zu\" data-value=\"",
                    v > 0 ? "" : " zero", bg, c + 1);
            raw(out, v);
            fprintf(out, "\">%.1f</td>", 100 * v);
        }
        if (n > cols) {
            fputs("<td class=\"p\" data-key=\"rest\" data-value=\"", out);
            raw(out, rest);
            fprintf(out, "\">%.1f</td>", 100 * rest);
        }
        fputs("<td class=\"num\" data-key=\"confidence\" data-value=\"", out);
        raw(out, sv->confidence[i]);
        fprintf(out, "\">%.2f</td></tr>\n", sv->confidence[i]);
    }
    fputs("</tbody></table></div>\n", out);
    if (!sv->central) {
        fputs("</section>\n", out);
        return;
    }
    /* Central weights of the areas that can be first. */
    fprintf(out, "<div class=\"scroll\"><table id=\"tbl%u\" class=\"central sortable\" data-table=\"central\"><caption>%s</caption>\n"
                 "<thead><tr><th scope=\"col\">%s</th>",
            ++p->fig, word(p->o, "Centrala vikter (typisk viktning som gör området bäst)",
                           "Central weights (the typical weighting that makes the area best)"),
            word(p->o, "Område", "Area"));
    for (size_t j = 0; j < m; j++)
        if (sr->s.weights.w[j] > 0) {
            fputs("<th scope=\"col\" class=\"num\" data-criterion=\"", out);
            esc(out, r->rs->model->crit[j].id);
            fputs("\">", out);
            esc(out, crit_label(p, r->rs, j));
            fputs("</th>", out);
        }
    fputs("</tr></thead>\n<tbody>\n", out);
    for (size_t q = 0; q < n; q++) {
        size_t i = sr->s.order[q];
        if (sv->acceptability[i * n] <= 0)
            continue;
        fputs("<tr data-area=\"", out);
        esc(out, t->ids[i]);
        fputs("\"><th scope=\"row\">", out);
        esc(out, t->ids[i]);
        fputs("</th>", out);
        for (size_t j = 0; j < m; j++) {
            if (sr->s.weights.w[j] <= 0)
                continue;
            criterion_cell(out, "central", r->rs->model->crit[j].id, sv->central[i * m + j], 2);
        }
        fputs("</tr>\n", out);
    }
    fputs("</tbody></table></div>\n</section>\n", out);
}

/* ---- 7. cost against score --------------------------------------------------- */

typedef struct box {
    double x, y, w, h;
} box;

static int overlaps(const box *a, const box *b)
{
    return a->x < b->x + b->w && b->x < a->x + a->w && a->y < b->y + b->h && b->y < a->y + a->h;
}

/* The scenario's include or exclude list as table indexes (as score.c's
 * select_portfolio reads it); *left_out gets an id that names a left-out area. */
static size_t id_indexes(const styr_area_table *t, const styr_node *list, size_t *outv, const char **left_out,
                         size_t *left_len)
{
    size_t k = 0;
    for (uint32_t i = 0; list && i < list->count; i++) {
        size_t len;
        const char *id = scalar_text(styr_seq_item(list, i), &len);
        if (!id)
            continue;
        long x = styr_area_table_find(t, id, len);
        if (x >= 0) {
            outv[k++] = (size_t)x;
            continue;
        }
        for (size_t e = 0; e < t->nexcluded; e++)
            if (strlen(t->excluded[e].area) == len && memcmp(t->excluded[e].area, id, len) == 0) {
                *left_out = id;
                *left_len = len;
            }
    }
    return k;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static void frontier(page *p, const styr_score_report *r, const styr_scenario_run *sr)
{
    FILE *out = p->out;
    const styr_area_table *t = r->table;
    const styr_scored *s = &sr->s;
    size_t n = t->n;
    fprintf(out, "<h3>%s</h3>\n", word(p->o, "Effektiv front", "Efficient frontier"));
    size_t *inc = malloc((n + 1) * sizeof *inc), *exc = malloc((n + t->nblocked + 1) * sizeof *exc);
    double *budgets = malloc((FRONTIER_STEPS + 2) * sizeof *budgets);
    styr_mcda_frontier_point *pts = calloc(FRONTIER_STEPS + 2, sizeof *pts);
    if (!inc || !exc || !budgets || !pts)
        goto done;
    const styr_node *root = sr->doc ? sr->doc->root : NULL;
    const char *left = NULL;
    size_t left_len = 0, ninc = 0, nexc = 0;
    ninc = id_indexes(t, seq_get(root, "include"), inc, &left, &left_len);
    const char *ignore = NULL;
    size_t ignore_len = 0;
    nexc = id_indexes(t, seq_get(root, "exclude"), exc, &ignore, &ignore_len);
    if (t->nblocked)
        memcpy(exc + nexc, t->blocked, t->nblocked * sizeof *exc);
    nexc += t->nblocked;
    if (left) {
        fputs("<p class=\"problem\">", out);
        fputs(word(p->o, "Ingen front kan ritas: ", "No frontier can be drawn: "), out);
        fputs("<code>", out);
        esc_span(out, left, left_len, 0);
        fputs(word(p->o, "</code> tvingas in (include), men området är uteslutet ur rangordningen.",
                   "</code> is forced in (include), but it is left out of the ranking."), out);
        fputs("</p>\n", out);
        goto done;
    }
    double total = 0;
    for (size_t i = 0; i < n; i++)
        total += t->cost[i];
    size_t k = 0;
    for (int q = 0; q <= FRONTIER_STEPS; q++) {
        budgets[k++] = total * q / FRONTIER_STEPS;
        if (total <= 0)
            break;
    }
    int budget_in = 0;
    if (s->has_budget && isfinite(s->budget) && s->budget >= 0) {
        budget_in = 1;
        for (size_t q = 0; q < k; q++)
            if (budgets[q] == s->budget)
                budget_in = 0;
        if (budget_in)
            budgets[k++] = s->budget;
        qsort(budgets, k, sizeof *budgets, cmp_double);
    }
    styr_mcda_select_problem prob = {n, t->cost, s->score, (const char *const *)t->ids, inc, ninc, exc, nexc,
                                     t->needs, t->nneeds, t->conflicts, t->nconflicts, 0};
    styr_error e;
    styr_error_clear(&e);
    styr_mcda_status st = styr_mcda_select_frontier(&prob, budgets, k, pts, &e);
    if (st != STYR_MCDA_OK) {
        fputs("<p class=\"problem\">", out);
        fputs(word(p->o, "Ingen front kan ritas: ", "No frontier can be drawn: "), out);
        esc(out, e.message);
        fputs("</p>\n", out);
        goto done;
    }
    size_t feasible = 0;
    double maxb = 0, maxsc = 0;
    for (size_t q = 0; q < k; q++) {
        if (pts[q].budget > maxb)
            maxb = pts[q].budget;
        if (pts[q].feasible) {
            feasible++;
            if (pts[q].total_score > maxsc)
                maxsc = pts[q].total_score;
        }
    }
    fprintf(out, "<p class=\"note\">%s</p>\n",
            word(p->o, "Den bästa totala poängen som ryms i varje budget, med scenariots include, exclude och "
                       "områdenas requires och excludes (samma problem som portföljvalet).",
                 "The best total score that fits each budget, with the scenario's include and exclude and the "
                 "areas' requires and excludes (the same problem as the portfolio selection)."));
    unsigned id = ++p->fig;
    char tid[32];
    snprintf(tid, sizeof tid, "tbl%u", id);
    if (feasible) {
        double unit = money_unit(maxb);
        axis ax = nice_axis(maxb / unit, 6, 0), ay = nice_axis(maxsc, 5, 0);
        double left_m = 64, top = 16, plotw = 560, ploth = 240, width = left_m + plotw + 40, height = top + ploth + 46;
        svg_open(p, id, width, height, "frontier", word(p->o, "Effektiv front:", "Efficient frontier:"), scenario_name(sr), tid);
        x_axis(p, &ax, left_m, plotw, top, top + ploth, 1, money_axis_title(p, unit));
        y_axis(p, &ay, left_m, left_m + plotw, top, ploth, 1, word(p->o, "Bästa totalpoäng", "Best total score"));
#define FX(b) (left_m + (b) / unit / ax.max * plotw)
#define FY(v) (top + ploth - (v) / ay.max * ploth)
        fputs("<path fill=\"none\" stroke=\"#0072B2\" stroke-width=\"2.5\" d=\"", out);
        int started = 0;
        for (size_t q = 0; q < k; q++) {
            if (!pts[q].feasible)
                continue;
            if (!started)
                fprintf(out, "M%.1f %.1f", FX(pts[q].budget), FY(pts[q].total_score));
            else
                fprintf(out, " H%.1f V%.1f", FX(pts[q].budget), FY(pts[q].total_score));
            started = 1;
        }
        fputs("\"/>\n", out);
        for (size_t q = 0; q < k; q++)
            if (pts[q].feasible)
                fprintf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#0072B2\"><title>%.0f: %.3f</title></circle>",
                        FX(pts[q].budget), FY(pts[q].total_score), pts[q].budget, pts[q].total_score);
        fputs("\n", out);
        if (s->has_budget) {
            char b[64];
            money(b, sizeof b, s->budget);
            double bx = FX(s->budget);
            fprintf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#D55E00\" stroke-width=\"1.5\" "
                         "stroke-dasharray=\"5 4\"/>", bx, top, bx, top + ploth);
            int right = bx < left_m + plotw * 0.6;
            fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"%s\" fill=\"#A0410A\">", right ? bx + 6 : bx - 6,
                    top + 12, right ? "start" : "end");
            fprintf(out, word(p->o, "budget %s kr", "budget %s SEK"), b);
            fputs("</text>\n", out);
            if (!s->infeasible)
                fprintf(out, "<path d=\"M%.1f %.1f l7 7 l-7 7 l-7 -7 z\" fill=\"#D55E00\" stroke=\"#000\"><title>%.3f</title></path>"
                             "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"%s\">%.3f</text>\n",
                        bx, FY(s->sel.total_score) - 7, s->sel.total_score, right ? bx + 10 : bx - 10,
                        FY(s->sel.total_score) + 16, right ? "start" : "end", s->sel.total_score);
        }
        fprintf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"axis\"/>"
                     "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"axis\"/>\n",
                left_m, top, left_m, top + ploth, left_m, top + ploth, left_m + plotw, top + ploth);
#undef FX
#undef FY
        svg_close(p);
    } else {
        fprintf(out, "<p>%s</p>\n", word(p->o, "Ingen budget i intervallet räcker till det som måste väljas.",
                                        "No budget in the range pays for what must be chosen."));
    }
    fprintf(out, "<div class=\"scroll\"><table id=\"%s\" class=\"frontier sortable\" data-table=\"frontier\" data-scenario=\"", tid);
    esc(out, scenario_name(sr));
    fprintf(out, "\"><caption>%s</caption>\n<thead><tr><th scope=\"col\" class=\"num\">%s</th><th scope=\"col\" class=\"num\">%s</th>"
                 "<th scope=\"col\" class=\"num\">%s</th><th scope=\"col\" class=\"num\">%s</th><th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
            word(p->o, "Bästa totalpoäng per budget", "Best total score by budget"), word(p->o, "Budget (kr)", "Budget (SEK)"),
            word(p->o, "Bästa totalpoäng", "Best total score"), word(p->o, "Kostnad (kr)", "Cost (SEK)"),
            word(p->o, "Antal valda", "Areas chosen"), word(p->o, "Optimalt", "Optimal"));
    for (size_t q = 0; q < k; q++) {
        char b[64], c[64];
        money(b, sizeof b, pts[q].budget);
        money(c, sizeof c, pts[q].total_cost);
        int is_budget = s->has_budget && pts[q].budget == s->budget;
        fprintf(out, "<tr%s><td class=\"num\" data-key=\"budget\" data-value=\"", is_budget ? " class=\"chosen\" data-scenario-budget=\"1\"" : "");
        raw(out, pts[q].budget);
        fprintf(out, "\">%s%s</td>", b, is_budget ? word(p->o, " (scenariots budget)", " (the scenario's budget)") : "");
        if (!pts[q].feasible) {
            fprintf(out, "<td colspan=\"4\" data-key=\"feasible\" data-value=\"0\">%s</td></tr>\n",
                    word(p->o, "räcker inte till det som måste väljas", "does not pay for what must be chosen"));
            continue;
        }
        fputs("<td class=\"num\" data-key=\"total_score\" data-value=\"", out);
        raw(out, pts[q].total_score);
        fprintf(out, "\">%.3f</td><td class=\"num\" data-key=\"total_cost\" data-value=\"", pts[q].total_score);
        raw(out, pts[q].total_cost);
        fprintf(out, "\">%s</td><td class=\"num\" data-key=\"n_chosen\" data-value=\"%zu\">%zu</td><td data-key=\"optimal\" "
                     "data-value=\"%d\">%s</td></tr>\n",
                c, pts[q].n_chosen, pts[q].n_chosen, pts[q].proven_optimal ? 1 : 0,
                pts[q].proven_optimal ? word(p->o, "ja", "yes") : word(p->o, "ej bevisat", "not proven"));
    }
    fputs("</tbody></table></div>\n", out);
done:
    free(inc);
    free(exc);
    free(budgets);
    free(pts);
}

static void sec_cost(page *p)
{
    FILE *out = p->out;
    const styr_score_report *r = p->in->score;
    const styr_area_table *t = r->table;
    const styr_scenario_run *sr = NULL;
    for (size_t k = 0; k < r->nsc && !sr; k++)
        if (r->sc[k].scored && r->sc[k].s.has_budget)
            sr = &r->sc[k];
    for (size_t k = 0; k < r->nsc && !sr; k++)
        if (r->sc[k].scored)
            sr = &r->sc[k];
    const styr_scored *s = &sr->s;
    size_t n = t->n;
    int budget = s->has_budget && !s->infeasible && s->chosen;
    fprintf(out, "<section id=\"cost\" aria-labelledby=\"cost-h\">\n<h2 id=\"cost-h\">%s</h2>\n<p>",
            word(p->o, "Kostnad mot poäng", "Cost against score"));
    fputs(word(p->o, "Scenario ", "Scenario "), out);
    esc(out, scenario_name(sr));
    if (s->has_budget) {
        char b[64];
        money(b, sizeof b, s->budget);
        fprintf(out, word(p->o, " med budget %s kr", " with a budget of %s SEK"), b);
    }
    fputs(".</p>\n", out);
    double maxc = 0, maxs = 0, mins = n ? s->score[0] : 0;
    for (size_t i = 0; i < n; i++) {
        if (t->cost[i] > maxc)
            maxc = t->cost[i];
        if (s->score[i] > maxs)
            maxs = s->score[i];
        if (s->score[i] < mins)
            mins = s->score[i];
    }
    double unit = money_unit(maxc);
    axis ax = nice_axis(maxc / unit, 6, 0), ay = nice_range(mins, maxs, 5);
    double left_m = 64, top = 34, plotw = 720, ploth = 420, extra = 150;
    double width = left_m + plotw + extra, height = top + ploth + 48;
    unsigned id = ++p->fig;
    char tid[32];
    snprintf(tid, sizeof tid, "tbl%u", id);
    svg_open(p, id, width, height, "scatter", word(p->o, "Kostnad och poäng per område:", "Cost and score by area:"),
             scenario_name(sr), tid);
    legend_item li[2];
    memset(li, 0, sizeof li);
    size_t nli = 0;
    if (budget) {
        li[nli].label = word(p->o, "vald inom budgeten", "chosen within the budget");
        snprintf(li[nli].paint, sizeof li[nli].paint, "#D55E00");
        li[nli++].shape = 2;
    }
    li[nli].label = budget ? word(p->o, "inte vald", "not chosen") : word(p->o, "område", "area");
    snprintf(li[nli].paint, sizeof li[nli].paint, "#0072B2");
    li[nli++].shape = 1;
    legend(p, li, nli, left_m, 8, plotw);
    x_axis(p, &ax, left_m, plotw, top, top + ploth, 1, money_axis_title(p, unit));
    y_axis(p, &ay, left_m, left_m + plotw, top, ploth, 1, word(p->o, "Poäng", "Score"));
    fprintf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"axis\"/>"
                 "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"axis\"/>\n",
            left_m, top, left_m, top + ploth, left_m, top + ploth, left_m + plotw, top + ploth);
    /* Points first, then labels placed greedily (chosen areas, then by rank)
     * where they overlap no point and no other label. */
    box *boxes = calloc(2 * n + 1, sizeof *boxes);
    double *px = calloc(n + 1, sizeof *px), *py = calloc(n + 1, sizeof *py);
    size_t *unlabelled = calloc(n + 1, sizeof *unlabelled);
    if (!boxes || !px || !py || !unlabelled) {
        free(boxes);
        free(px);
        free(py);
        free(unlabelled);
        svg_close(p);
        fputs("</section>\n", out);
        return;
    }
    size_t nb = 0, nun = 0;
    for (size_t i = 0; i < n; i++) {
        double fx = axis_at(&ax, t->cost[i] / unit), fy = axis_at(&ay, s->score[i]);
        px[i] = left_m + (fx < 0 ? 0 : fx) * plotw;
        py[i] = top + ploth - (fy < 0 ? 0 : fy) * ploth;
        boxes[nb++] = (box){px[i] - 7, py[i] - 7, 14, 14};
    }
    for (int pass = 0; pass < 2; pass++)
        for (size_t q = 0; q < n; q++) {
            size_t i = s->order[q];
            int chosen = budget && s->chosen[i];
            if ((pass == 0) != (chosen != 0))
                continue;
            double w = text_ws(t->ids[i], 32, 11), h = 13, r0 = 7;
            int placed = 0;
            box b = {0, 0, 0, 0};
            double lx = 0, ly = 0;   /* leader line end */
            int anchor = 0;          /* the text starts (0), ends (1) or is centred (2) at the point's side */
            /* right, left, above, below, the diagonals, then between them;
             * each nearest first, then further out with a leader line */
            static const double dirs[16][2] = {
                {1, 0}, {-1, 0}, {0, -1}, {0, 1}, {.71, -.71}, {.71, .71}, {-.71, -.71}, {-.71, .71},
                {.92, -.38}, {.92, .38}, {-.92, -.38}, {-.92, .38}, {.38, -.92}, {.38, .92}, {-.38, -.92}, {-.38, .92}};
            for (int dist = 0; dist < 8 && !placed; dist++) {
                double d = dist * 10.0;
                for (int di = 0; di < 16 && !placed; di++) {
                    double dx = dirs[di][0], dy = dirs[di][1];
                    double ax0 = px[i] + dx * (r0 + 2 + d), ay0 = py[i] + dy * (r0 + 2 + d);
                    b.w = w;
                    b.h = h;
                    b.x = dx > 0.3 ? ax0 : dx < -0.3 ? ax0 - w : ax0 - w / 2;
                    b.y = dy > 0.3 ? ay0 : dy < -0.3 ? ay0 - h : ay0 - h / 2;
                    if (b.x < left_m + 2 || b.x + b.w > left_m + plotw + extra - 4 || b.y < top - 2 ||
                        b.y + b.h > top + ploth - 2)
                        continue;
                    int clash = 0;
                    for (size_t z = 0; z < nb && !clash; z++)
                        clash = overlaps(&b, &boxes[z]);
                    if (!clash) {
                        placed = 1;
                        anchor = dx > 0.3 ? 0 : dx < -0.3 ? 1 : 2;
                        lx = dist ? ax0 : px[i];
                        ly = dist ? ay0 : py[i];
                    }
                }
            }
            if (!placed) {
                unlabelled[nun++] = i;
                continue;
            }
            boxes[nb++] = b;
            if (lx != px[i] || ly != py[i])
                fprintf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#666\" stroke-width=\"1\"/>",
                        px[i], py[i], lx, ly);
            /* the box is an upper bound of the text's width: keep the text
             * against the side that faces its point */
            fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\"%s%s>",
                    anchor == 0 ? b.x : anchor == 1 ? b.x + b.w : b.x + b.w / 2, b.y + h - 3,
                    anchor == 0 ? "" : anchor == 1 ? " text-anchor=\"end\"" : " text-anchor=\"middle\"",
                    chosen ? " font-weight=\"700\"" : "");
            esc_cut(out, t->ids[i], 32);
            fputs("</text>\n", out);
        }
    for (size_t q = n; q-- > 0;) {
        size_t i = s->order[q];
        char c[64];
        money(c, sizeof c, t->cost[i]);
        int chosen = budget && s->chosen[i];
        fputs("<g><title>", out);
        esc(out, t->ids[i]);
        fprintf(out, word(p->o, ": %s kr, %.3f", ": %s SEK, %.3f"), c, s->score[i]);
        fputs("</title>", out);
        if (chosen)
            fprintf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"6\" fill=\"#D55E00\" stroke=\"#000\"/>", px[i], py[i]);
        else
            fprintf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"#fff\" stroke=\"#0072B2\" stroke-width=\"2\"/>",
                    px[i], py[i]);
        fputs("</g>\n", out);
    }
    svg_close(p);
    if (nun) {
        fputs(word(p->o, "<p class=\"note\">Utan etikett i diagrammet (för tätt): ", "<p class=\"note\">Without a label in the chart (too close): "), out);
        for (size_t z = 0; z < nun; z++) {
            fputs(z ? ", " : "", out);
            esc(out, t->ids[unlabelled[z]]);
        }
        fputs(".</p>\n", out);
    }
    free(boxes);
    free(px);
    free(py);
    free(unlabelled);
    fprintf(out, "<div class=\"scroll\"><table id=\"%s\" class=\"cost sortable\" data-table=\"cost\" data-scenario=\"", tid);
    esc(out, scenario_name(sr));
    fprintf(out, "\"><caption>%s</caption>\n<thead><tr><th scope=\"col\">%s</th><th scope=\"col\" class=\"num\">%s</th>"
                 "<th scope=\"col\" class=\"num\">%s</th>",
            word(p->o, "Kostnad och poäng per område", "Cost and score by area"), word(p->o, "Område", "Area"),
            word(p->o, "Kostnad (kr)", "Cost (SEK)"), word(p->o, "Poäng", "Score"));
    if (budget)
        fprintf(out, "<th scope=\"col\">%s</th>", word(p->o, "Vald", "Chosen"));
    fputs("</tr></thead>\n<tbody>\n", out);
    for (size_t q = 0; q < n; q++) {
        size_t i = s->order[q];
        char c[64];
        money(c, sizeof c, t->cost[i]);
        fputs("<tr data-area=\"", out);
        esc(out, t->ids[i]);
        fputs("\"><th scope=\"row\">", out);
        esc(out, t->ids[i]);
        fputs("</th><td class=\"num\" data-key=\"cost\" data-value=\"", out);
        raw(out, t->cost[i]);
        fprintf(out, "\">%s</td><td class=\"num\" data-key=\"score\" data-value=\"", c);
        raw(out, s->score[i]);
        fprintf(out, "\">%.3f</td>", s->score[i]);
        if (budget)
            fprintf(out, "<td data-key=\"chosen\" data-value=\"%d\">%s</td>", s->chosen[i] ? 1 : 0,
                    s->chosen[i] ? "\xE2\x9C\x93" : "");
        fputs("</tr>\n", out);
    }
    fputs("</tbody></table></div>\n", out);
    frontier(p, r, sr);
    fputs("</section>\n", out);
}

/* ---- the page ---------------------------------------------------------------- */

void styr_report_html(FILE *out, const styr_html_input *in, const styr_report_opts *o)
{
    page pg = {out, o, in, 0};
    page *p = &pg;
    sections s = which_sections(in);
    head(p);
    header(p, &s);
    if (s.findings)
        sec_findings(p);
    if (s.links)
        sec_links(p);
    if (s.scores)
        sec_scores(p);
    if (s.compare)
        sec_compare(p);
    if (s.sensitivity)
        sec_sensitivity(p);
    if (s.cost)
        sec_cost(p);
    if (!s.findings && !s.scores && !s.sensitivity)
        fprintf(out, "<p>%s</p>\n", word(o, "Inget att visa.", "Nothing to show."));
    fputs("</main>\n<footer>", out);
    fputs(word(o, "Skapad av styr ", "Made by styr "), out);
    esc(out, o->version);
    fputs(word(o, " med regelverket ", " with the ruleset "), out);
    esc(out, o->ruleset);
    fputs(word(o, ". Varje tal i tabellerna har sitt exakta värde i attributet data-value.",
               ". Every number in the tables has its exact value in the attribute data-value."), out);
    fprintf(out, "</footer>\n<script>%s</script>\n</body>\n</html>\n", js_sort);
}
