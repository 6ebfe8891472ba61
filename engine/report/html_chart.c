/* html_chart.c - the chart kit of the HTML page: nice axes, SVG frames,
 * criterion paints, axes with ticks, legends, and the palettes. */
#include "internal/html.h"

/* Okabe-Ito: safe for the common colour-vision deficiencies. Criteria past
 * the eighth reuse a colour with white hatching. */
const char *const html_crit_fill[8] = {"#E69F00", "#56B4E9", "#009E73", "#F0E442",
                                      "#0072B2", "#D55E00", "#CC79A7", "#555555"};
/* Lines of the bump chart: Okabe-Ito without the yellow, then dashed, dotted. */
const char *const html_line_colour[7] = {"#0072B2", "#D55E00", "#009E73", "#CC79A7",
                                        "#E69F00", "#56B4E9", "#000000"};
const char *const html_line_dash[3] = {"", "7 4", "2 3"};
/* Severities by styr_severity (info, warning, error), then waived. */
const char *const html_sev_colour[4] = {"#56B4E9", "#E69F00", "#D55E00", "#AAAAAA"};

/* An axis from 0 to at least max in about `ticks` round steps (1, 2, 2.5, 5). */
axis html_nice_axis(double max, int ticks, int integral)
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
axis html_nice_range(double lo, double hi, int ticks)
{
    axis a = html_nice_axis(hi, ticks, 0);
    if (!(lo > 0) || !(hi > lo) || lo < 0.3 * hi)
        return a;
    axis b = html_nice_axis(hi - lo, ticks, 0);
    b.min = floor(lo / b.step + 1e-9) * b.step;
    b.max = ceil(hi / b.step - 1e-9) * b.step;
    if (b.max <= b.min)
        return a;
    return b;
}

/* Where v falls on the axis, from 0 to 1. */
double html_axis_at(const axis *a, double v)
{
    return a->max > a->min ? (v - a->min) / (a->max - a->min) : 0;
}

/* A unit for money axes: millions, thousands or kronor. */
double html_money_unit(double max)
{
    return max >= 1e6 ? 1e6 : max >= 1e3 ? 1e3 : 1;
}

const char *html_money_axis_title(const page *p, double unit)
{
    return unit == 1e6 ? word(p->o, "miljoner kr", "million SEK")
           : unit == 1e3 ? word(p->o, "tusen kr", "thousand SEK") : word(p->o, "kr", "SEK");
}

/* Opens a figure: <figure>, caption, and an <svg role="img"> titled and
 * described by the table of the same numbers (table_id). */
void html_svg_open(page *p, unsigned id, double w, double h, const char *cls, const char *title,
                     const char *title_extra, const char *table_id)
{
    FILE *out = p->out;
    fprintf(out, "<figure class=\"chart\" id=\"fig%u\">\n<figcaption>", id);
    html_esc(out, title);
    if (title_extra) {
        fputs(" ", out);
        html_esc(out, title_extra);
    }
    fprintf(out, "</figcaption>\n<div class=\"scroll\"><svg role=\"img\" class=\"%s\" width=\"%.0f\" height=\"%.0f\" "
                 "viewBox=\"0 0 %.0f %.0f\" aria-labelledby=\"fig%u-t\" aria-describedby=\"%s\">"
                 "<title id=\"fig%u-t\">",
            cls, ceil(w), ceil(h), ceil(w), ceil(h), id, table_id, id);
    html_esc(out, title);
    if (title_extra) {
        fputs(" ", out);
        html_esc(out, title_extra);
    }
    fputs("</title>\n", out);
}

void html_svg_close(page *p)
{
    fputs("</svg></div>\n</figure>\n", p->out);
}

/* Fill of criterion j: its colour, or a hatch pattern defined by crit_defs. */
void html_crit_paint(char *buf, size_t cap, unsigned fig, size_t j)
{
    if (j < 8)
        snprintf(buf, cap, "%s", html_crit_fill[j]);
    else
        snprintf(buf, cap, "url(#fig%u-h%zu)", fig, j);
}

void html_crit_defs(page *p, unsigned fig, size_t m)
{
    if (m <= 8)
        return;
    fputs("<defs>", p->out);
    for (size_t j = 8; j < m; j++)
        fprintf(p->out, "<pattern id=\"fig%u-h%zu\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
                        "patternTransform=\"rotate(%d)\"><rect width=\"6\" height=\"6\" fill=\"%s\"/>"
                        "<rect width=\"2\" height=\"6\" fill=\"#fff\" fill-opacity=\".8\"/></pattern>",
                fig, j, (j / 8) % 2 ? 45 : -45, html_crit_fill[j % 8]);
    fputs("</defs>\n", p->out);
}

/* Vertical grid lines and tick labels of a horizontal value axis. */
void html_x_axis(page *p, const axis *a, double x0, double w, double top, double bottom, double scale_div,
                   const char *title)
{
    FILE *out = p->out;
    int steps = (int)floor((a->max - a->min) / a->step + 0.5);
    for (int k = 0; k <= steps; k++) {
        double v = a->min + k * a->step, x = x0 + html_axis_at(a, v) * w;
        styr_numtext label;
        fprintf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"grid\"/>"
                     "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"middle\">%s</text>\n",
                x, top, x, bottom, x, bottom + 14, styr_num(&label, v / scale_div, a->dec, p->o->lang));
    }
    if (title) {
        fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"middle\" class=\"axis-title\">",
                x0 + w / 2, bottom + 30);
        html_esc(out, title);
        fputs("</text>\n", out);
    }
}

/* Horizontal grid lines and tick labels of a vertical value axis. */
void html_y_axis(page *p, const axis *a, double x0, double x1, double top, double h, double scale_div,
                   const char *title)
{
    FILE *out = p->out;
    int steps = (int)floor((a->max - a->min) / a->step + 0.5);
    for (int k = 0; k <= steps; k++) {
        double v = a->min + k * a->step, y = top + h - html_axis_at(a, v) * h;
        styr_numtext label;
        fprintf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"grid\"/>"
                     "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%s</text>\n",
                x0, y, x1, y, x0 - 6, y + 4, styr_num(&label, v / scale_div, a->dec, p->o->lang));
    }
    if (title) {
        fprintf(out, "<text transform=\"translate(%.1f,%.1f) rotate(-90)\" font-size=\"11\" text-anchor=\"middle\" "
                     "class=\"axis-title\">", 14.0, top + h / 2);
        html_esc(out, title);
        fputs("</text>\n", out);
    }
}


double html_legend_height(const legend_item *it, size_t k, double width)
{
    double x = 0, rows = k ? 1 : 0;
    for (size_t i = 0; i < k; i++) {
        double w = 18 + html_text_ws(it[i].label, 60, 11) + 16;
        if (x > 0 && x + w > width) {
            rows++;
            x = 0;
        }
        x += w;
    }
    return rows * 18;
}

void html_legend(page *p, const legend_item *it, size_t k, double x0, double y0, double width)
{
    FILE *out = p->out;
    double x = 0, y = y0;
    for (size_t i = 0; i < k; i++) {
        double w = 18 + html_text_ws(it[i].label, 60, 11) + 16;
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
        html_esc_cut(out, it[i].label, 60);
        fputs("</text>\n", out);
        x += w;
    }
}

