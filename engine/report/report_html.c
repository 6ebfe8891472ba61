/* report_html.c - one self-contained HTML page (report_html.h).
 *
 * Everything is inline: the CSS, the SVG charts (drawn here from the data,
 * sized from it) and two small scripts that nothing depends on to be shown:
 * one records script errors and blocked loads into attributes of <html> (the
 * browser test reads them), the other sorts tables when a header is clicked.
 * A Content-Security-Policy forbids every external resource. The only date is
 * the day it was made, from SOURCE_DATE_EPOCH when set, so the same input
 * (and the same SOURCE_DATE_EPOCH) gives the same bytes.
 *
 * Every number in a table carries its raw value in data-value, written as
 * the JSON reports write it (styr_json_number), and the shown text uses the
 * text reports' rounding and decimal sign (scores to 3 decimals, shares to 1;
 * "0,606" in Swedish, internal/number_text.h). All text that comes
 * from input files is HTML-escaped and never reaches a <script>. */
#include "internal/html.h"

#include "date.h"
#include "sha256.h"

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
    ".sha256{font-family:ui-monospace,\"DejaVu Sans Mono\",monospace;font-size:.8em;color:var(--muted)}\n"
    ".area-id{color:var(--muted);font-size:.85em;font-weight:400;white-space:nowrap}\n"
    ".note{color:var(--muted);font-size:.9rem}\n"
    ".problem{border-left:4px solid #D55E00;background:#fff3ec;padding:.4rem .8rem;margin:.5rem 0}\n"
    ".illustrative{border:2px solid #b7791f;background:#fefcbf;padding:.5rem 1rem;font-weight:600}\n"
    "details>summary{cursor:pointer;color:var(--accent)}\n"
    "th button{all:unset;cursor:pointer}th button:focus-visible{outline:2px solid var(--accent)}"
    "th button::after{content:\" \\2195\";color:#8a96a3;font-weight:400}\n"
    "th[aria-sort=ascending] button::after{content:\" \\2191\"}th[aria-sort=descending] button::after{content:\" \\2193\"}\n"
    "footer{color:var(--muted);font-size:.85rem;border-top:1px solid var(--line);margin-top:2.5rem;"
    "padding-top:.6rem;padding-bottom:2rem}\n"
    ".whatif-sliders{display:grid;grid-template-columns:repeat(auto-fill,minmax(17rem,1fr));gap:.3rem 1.4rem;margin:.6rem 0}\n"
    ".whatif-sliders label{display:grid;grid-template-columns:1fr 7rem 4rem;align-items:center;gap:.4rem}\n"
    ".whatif-sliders output{text-align:right;font-variant-numeric:tabular-nums}\n"
    "@page{margin:14mm 12mm}\n"
    "@media print{body{font-size:10pt}header,main,footer{max-width:none;padding:0}nav{display:none}"
    "h2{break-before:auto;break-after:avoid}h3,h4,caption,figcaption{break-after:avoid}"
    "#whatif .whatif-sliders,#whatif button{display:none}figure,tr{break-inside:avoid}.scroll{overflow:visible}thead{display:table-header-group}"
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
    int findings, links, scores, whatif, compare, sensitivity, cost;
    size_t scored;
} sections;

int html_plan_has_links(const styr_doc *doc)
{
    if (!doc || !doc->root)
        return 0;
    const styr_node *k = html_map_get(doc->root, "kind");
    size_t len;
    const char *kind = html_scalar_text(k, &len);
    if (!kind || len != 11 || memcmp(kind, "action-plan", 11) != 0)
        return 0;
    return html_seq_get(doc->root, "strategies") || html_seq_get(doc->root, "actions");
}

static sections which_sections(const styr_html_input *in)
{
    sections s;
    memset(&s, 0, sizeof s);
    s.findings = in->plans && in->nplans > 0;
    for (size_t f = 0; s.findings && in->plan_docs && f < in->nplans; f++)
        if (!in->plans[f].failed && html_plan_has_links(in->plan_docs[f]))
            s.links = 1;
    const styr_score_report *r = in->score;
    if (r && r->table && r->rs && r->rs->model) {
        s.scores = 1;
        for (size_t k = 0; k < r->nsc; k++)
            s.scored += r->sc[k].scored != 0;
        s.whatif = html_whatif_shown(r);
        s.compare = s.scored >= 2 && r->table->n > 0;
        s.cost = s.scored >= 1 && r->table->n > 0;
    }
    size_t ns = in->sensitivity ? (in->nsensitivity ? in->nsensitivity : 1) : 0;
    for (size_t k = 0; k < ns; k++)
        s.sensitivity |= html_sensitivity_shown(&in->sensitivity[k]);
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
    html_esc(out, p->o->version);
    fputs("\">\n<title>", out);
    fputs(word(p->o, "Rapport från styr", "styr report"), out);
    if (p->o->ruleset) {
        fputs(" \xE2\x80\x93 ", out);
        html_esc(out, p->o->ruleset);
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

/* The content hash of an input, so a reader can tell which version of a file
 * the numbers come from: the first 12 hex digits shown, all 64 in data-sha256
 * (as `sha256sum FILE` prints them). */
static void content_hash(page *p, const styr_doc *doc)
{
    if (!doc || !doc->has_sha256)
        return;
    char hex[65];
    styr_sha256_hex(doc->sha256, hex);
    fprintf(p->out, " <span class=\"sha256\" data-sha256=\"%s\" title=\"SHA-256 %s\">SHA-256 %.12s</span>", hex, hex, hex);
}

/* The plan's own date: when the document was last revised (document.last_revised). */
static void document_date(page *p, const styr_doc *doc)
{
    size_t len;
    const char *d = doc ? html_scalar_text(html_map_get(html_map_get(doc->root, "document"), "last_revised"), &len) : NULL;
    if (!d)
        return;
    fprintf(p->out, " \xC2\xB7 %s <span data-document-date=\"", word(p->o, "senast reviderad", "last revised"));
    html_esc_span(p->out, d, len, 0);
    fputs("\">", p->out);
    html_esc_span(p->out, d, len, 0);
    fputs("</span>", p->out);
}

static void header(page *p, const sections *s)
{
    FILE *out = p->out;
    const styr_html_input *in = p->in;
    const styr_ruleset *rs = page_ruleset(in);
    fprintf(out, "<header>\n<h1>%s</h1>\n<p class=\"meta\">%s <strong>", word(p->o, "Rapport från styr", "styr report"),
            word(p->o, "Regeluppsättning", "Ruleset"));
    html_esc(out, p->o->ruleset ? p->o->ruleset : rs ? rs->name : NULL);
    fputs("</strong>", out);
    if (rs && rs->model) {
        fprintf(out, " \xC2\xB7 %s <strong>", word(p->o, "modell", "model"));
        html_esc(out, rs->model->id);
        fputs("</strong>", out);
        const char *t = rs->model->title[p->o->lang == STYR_LANG_EN ? 1 : 0];
        if (t && *t) {
            fputs(" (", out);
            html_esc(out, t);
            fputs(")", out);
        }
    }
    fputs(" \xC2\xB7 styr ", out);
    html_esc(out, p->o->version);
    fputs("</p>\n", out);
    const styr_score_report *scored = in->score ? in->score : in->sensitivity ? in->sensitivity->base : NULL;
    if (scored && scored->illustrative)   /* made-up data says so where the numbers are read */
        fprintf(out, "<p class=\"illustrative\" role=\"note\" data-illustrative=\"true\">%s</p>\n",
                word(p->o, "Illustrativa data: områdenas bedömningar, kostnader och finansiering är påhittade för att visa "
                           "modellen, inte stadens beslut.",
                     "Illustrative data: the areas' assessments, costs and funding are made up to show the model, "
                     "not decided by the city."));
    fputs("<dl class=\"inputs\">\n", out);
    char today[11];
    styr_report_today(today);   /* SOURCE_DATE_EPOCH makes it reproducible */
    fprintf(out, "<dt>%s</dt><dd><time data-report-date datetime=\"%s\">%s</time></dd>\n", word(p->o, "Datum", "Date"),
            today, today);
    for (size_t f = 0; s->findings && f < in->nplans; f++) {
        const styr_file_result *r = &in->plans[f];
        fprintf(out, "<dt>%s</dt><dd>", r->failed ? word(p->o, "Fil", "File") : html_kind_title(p, r->kind));
        const styr_doc *doc = in->plan_docs ? in->plan_docs[f] : NULL;
        size_t len;
        const char *title = doc ? html_scalar_text(html_map_get(html_map_get(doc->root, "document"), "title"), &len) : NULL;
        if (title) {
            html_esc_span(out, title, len, 0);
            fputs(" (<code>", out);
            html_esc(out, r->file);
            fputs("</code>)", out);
        } else {
            fputs("<code>", out);
            html_esc(out, r->file);
            fputs("</code>", out);
        }
        document_date(p, doc);
        content_hash(p, doc);
        fputs("</dd>\n", out);
    }
    if (s->scores && in->score) {
        const styr_score_report *r = in->score;
        fprintf(out, "<dt>%s</dt><dd><code>", word(p->o, "Områden", "Areas"));
        html_esc(out, r->areas ? r->areas->file : NULL);
        fputs("</code>", out);
        content_hash(p, r->areas_doc);
        fprintf(out, "</dd>\n<dt>%s</dt><dd>", word(p->o, "Scenarier", "Scenarios"));
        for (size_t k = 0; k < r->nsc; k++) {
            fputs(k ? ", <code>" : "<code>", out);
            html_esc(out, r->sc[k].file);
            fputs("</code>", out);
            content_hash(p, r->sc[k].doc);
        }
        fputs("</dd>\n", out);
    }
    if (s->sensitivity) {
        const styr_sensitivity *sv = in->sensitivity;
        size_t ns = in->nsensitivity ? in->nsensitivity : 1, shown = 0;
        fprintf(out, "<dt>%s</dt><dd>", word(p->o, "Känslighet", "Sensitivity"));
        for (size_t k = 0; k < ns; k++)
            if (html_sensitivity_shown(&sv[k])) {
                fputs(shown++ ? ", " : "", out);
                html_esc(out, html_scenario_name(&sv[k].base->sc[sv[k].scenario]));
            }
        fprintf(out, word(p->o, "; %llu viktvektorer, frö %llu", "; %llu weight samples, seed %llu"),
                (unsigned long long)sv->samples, (unsigned long long)sv->seed);
        fputs("</dd>\n", out);
    }
    fputs("</dl>\n<nav aria-label=\"", out);
    fputs(word(p->o, "Innehåll", "Contents"), out);
    fputs("\"><ol>\n", out);
    int board = in->audience == STYR_AUDIENCE_BOARD;
    if (board && s->scores && s->scored)
        fprintf(out, "<li><a href=\"#decision\">%s</a></li>\n", word(p->o, "Beslutsunderlag", "The decision"));
    if (s->findings && !board)
        fprintf(out, "<li><a href=\"#findings\">%s</a></li>\n", word(p->o, "Fynd i planen", "Plan findings"));
    if (s->links && !board)
        fprintf(out, "<li><a href=\"#links\">%s</a></li>\n", word(p->o, "Planens kopplingar", "The plan's links"));
    if (s->scores)
        fprintf(out, "<li><a href=\"#scores\">%s</a></li>\n", word(p->o, "Poäng", "Scores"));
    if (s->whatif)
        fprintf(out, "<li><a href=\"#whatif\">%s</a></li>\n", word(p->o, "Tänk om", "What if"));
    if (s->compare)
        fprintf(out, "<li><a href=\"#scenarios\">%s</a></li>\n", word(p->o, "Scenarier jämförda", "Scenarios compared"));
    if (s->sensitivity)
        fprintf(out, "<li><a href=\"#acceptability\">%s</a></li>\n",
                word(p->o, "Rangacceptans", "Rank acceptability"));
    if (s->cost)
        fprintf(out, "<li><a href=\"#cost\">%s</a></li>\n", word(p->o, "Kostnad mot poäng", "Cost against score"));
    if (s->links && board)
        fprintf(out, "<li><a href=\"#links\">%s</a></li>\n", word(p->o, "Planens kopplingar", "The plan's links"));
    if (s->findings && board)
        fprintf(out, "<li><a href=\"#findings\">%s</a></li>\n", word(p->o, "Fynd i planen", "Plan findings"));
    fputs("</ol></nav>\n</header>\n<main>\n", out);
}

/* ---- the page ---------------------------------------------------------------- */

void styr_report_html(FILE *out, const styr_html_input *in, const styr_report_opts *o)
{
    page pg = {out, o, in, 0};
    page *p = &pg;
    sections s = which_sections(in);
    head(p);
    header(p, &s);
    int board = in->audience == STYR_AUDIENCE_BOARD;
    if (board && s.scores && s.scored)
        html_sec_decision(p);   /* a steering group reads the decision first, the rule findings last */
    if (s.findings && !board)
        html_sec_findings(p);
    if (s.links && !board)
        html_sec_links(p);
    if (s.scores)
        html_sec_scores(p);
    if (s.whatif)
        html_sec_whatif(p);
    if (s.compare)
        html_sec_compare(p);
    if (s.sensitivity)
        html_sec_sensitivity(p);
    if (s.cost)
        html_sec_cost(p);
    if (s.links && board)
        html_sec_links(p);
    if (s.findings && board)
        html_sec_findings(p);
    if (!s.findings && !s.scores && !s.sensitivity)
        fprintf(out, "<p>%s</p>\n", word(o, "Inget att visa.", "Nothing to show."));
    fputs("</main>\n<footer>", out);
    fputs(word(o, "Skapad av styr ", "Made by styr "), out);
    html_esc(out, o->version);
    fputs(word(o, " med regeluppsättningen ", " with the ruleset "), out);
    html_esc(out, o->ruleset);
    fputs(word(o, ". Varje tal i tabellerna har sitt exakta värde i attributet data-value.",
               ". Every number in the tables has its exact value in the attribute data-value."), out);
    fprintf(out, "</footer>\n<script>%s</script>\n</body>\n</html>\n", js_sort);
}

