/* html_whatif.c - the what-if weights of the HTML page (FORMATS.md section
 * 15): a slider per criterion of the model, starting at the first scored
 * scenario's weights, re-ranks the areas in the page itself with the same
 * method and normalisation as `styr score`. The page reads initial weights
 * from its URL (#weights=crit:w,crit:w, relative as in a scenario) and keeps
 * the URL in step with the sliders, so a view can be shared.
 *
 * The script repeats the engine's arithmetic step for step, in the same
 * order, so it gives the same doubles: weights from the URL or the sliders
 * become a scenario's weights (divided by the largest, then by their sum,
 * as scenario.c does; the first scenario's own are used as they are), the
 * kernel's own
 * normalisation of them, then for a weighted sum each column by its declared
 * scale or min-max (a constant column is 0.5; cost inverted as 1 - v) and
 * the terms added in criterion order; for TOPSIS vector normalisation over
 * the sorted squares, ideal and anti-ideal, and the closeness. Ranks are
 * competition ranks with exact ties, shown by id (mcda_rank.c). Without
 * script the table shows the scenario's own ranking. The budget portfolio is
 * not recomputed here (the page says so). */
#include "internal/html.h"

/* A JSON string for inside <script type="application/json">: besides JSON's
 * own escapes, '<', '>' and '&' become \u003c.. so no text of an input file
 * can close the script element. */
static void json_text(FILE *out, const char *s)
{
    fputc('"', out);
    for (const unsigned char *c = (const unsigned char *)(s ? s : ""); *c; c++) {
        if (*c == '"' || *c == '\\')
            fprintf(out, "\\%c", *c);
        else if (*c < 0x20 || *c == '<' || *c == '>' || *c == '&')
            fprintf(out, "\\u%04x", *c);
        else
            fputc(*c, out);
    }
    fputc('"', out);
}

/* A number that reads back as the same double. */
static void json_exact(FILE *out, double v)
{
    fprintf(out, "%.17g", isfinite(v) ? v : 0.0);
}

static const char js_whatif[] =
    "(function(){var el=document.getElementById('whatif-data');if(!el)return;"
    "var D=JSON.parse(el.textContent),n=D.areas.length,m=D.crit.length,lang=document.documentElement.lang;"
    /* code point order, as strcmp orders UTF-8 */
    "function cmpId(a,b){var x=Array.from(a),y=Array.from(b),k=Math.min(x.length,y.length);"
    "for(var i=0;i<k;i++){var p=x[i].codePointAt(0),q=y[i].codePointAt(0);if(p!==q)return p<q?-1:1;}"
    "return x.length-y.length;}"
    "function bySum(w){var s=0,j;for(j=0;j<m;j++)s+=w[j];if(!(s>0)||!isFinite(s))return null;"
    "var o=[];for(j=0;j<m;j++)o.push(w[j]/s);return o;}"
    /* scenario.c: divide by the largest, then by the sum */
    "function scenarioWeights(raw){var top=0,j,r=raw.slice();for(j=0;j<m;j++)if(r[j]>top)top=r[j];"
    "if(top>0)for(j=0;j<m;j++)r[j]/=top;return bySum(r);}"
    "function scores(ws){var wn=bySum(ws);if(!wn)return null;var s=[],i,j,X=D.x;"
    "if(D.method==='topsis'){var v=[];for(i=0;i<n;i++)v.push(new Array(m));"
    "for(j=0;j<m;j++){var sq=[];for(i=0;i<n;i++)sq.push(X[i][j]*X[i][j]);sq.sort(function(a,b){return a-b;});"
    "var sum=0;for(i=0;i<n;i++)sum+=sq[i];var nm=Math.sqrt(sum);"
    "for(i=0;i<n;i++)v[i][j]=nm>0&&isFinite(nm)?X[i][j]/nm:0;}"
    "var best=[],worst=[];for(j=0;j<m;j++){var hi=-Infinity,lo=Infinity;"
    "for(i=0;i<n;i++){var a=wn[j]*v[i][j];v[i][j]=a;if(a>hi)hi=a;if(a<lo)lo=a;}"
    "best.push(D.crit[j].cost?lo:hi);worst.push(D.crit[j].cost?hi:lo);}"
    "for(i=0;i<n;i++){var sp=0,sm=0;for(j=0;j<m;j++){var d1=v[i][j]-best[j],d2=v[i][j]-worst[j];sp+=d1*d1;sm+=d2*d2;}"
    "var dp=Math.sqrt(sp),dm=Math.sqrt(sm);s.push(dp+dm>0?dm/(dp+dm):0.5);}"
    "}else{var nx=[];for(i=0;i<n;i++)nx.push(new Array(m));"
    "for(j=0;j<m;j++){var c=D.crit[j];if(c.scale){for(i=0;i<n;i++)nx[i][j]=(X[i][j]-c.scale[0])/(c.scale[1]-c.scale[0]);}"
    "else{var lo2=X[0][j],hi2=X[0][j];for(i=1;i<n;i++){if(X[i][j]<lo2)lo2=X[i][j];if(X[i][j]>hi2)hi2=X[i][j];}"
    "for(i=0;i<n;i++){if(hi2===lo2){nx[i][j]=0.5;}else{var q=(X[i][j]-lo2)/(hi2-lo2);nx[i][j]=q>1?1:q;}}}"
    "if(c.cost)for(i=0;i<n;i++)nx[i][j]=1-nx[i][j];}"
    "for(i=0;i<n;i++){var t=0;for(j=0;j<m;j++)t+=wn[j]*nx[i][j];s.push(t);}}"
    "return s;}"
    /* competition ranks, exact ties, shown by id */
    "function ranks(s){var ord=[],i;for(i=0;i<n;i++)ord.push(i);"
    "ord.sort(function(a,b){return s[a]!==s[b]?(s[b]>s[a]?1:-1):cmpId(D.areas[a].id,D.areas[b].id)||a-b;});"
    "var rk=new Array(n),k=0;while(k<n){var e=k;while(e<n&&s[ord[e]]===s[ord[k]])e++;"
    "for(var q=k;q<e;q++)rk[ord[q]]=k+1;k=e;}return{order:ord,rank:rk};}"
    "var raw=D.w.slice(),exact=true,base=null,sliders=document.querySelectorAll('#whatif input[type=range]'),"
    "body=document.querySelector('#whatif-table tbody'),msg=document.getElementById('whatif-none');"
    "function fmt(v,d){return v.toLocaleString(lang==='sv'?'sv-SE':'en-GB',{minimumFractionDigits:d,maximumFractionDigits:d});}"
    "function render(){var ws=exact?D.w:scenarioWeights(raw),s=ws&&scores(ws);msg.hidden=!!s;"
    "var top=0,j;for(j=0;j<m;j++)if(raw[j]>top)top=raw[j];"
    "Array.prototype.forEach.call(sliders,function(sl){var k=+sl.getAttribute('data-index');"
    "if(document.activeElement!==sl)sl.value=String(top>0?Math.round(raw[k]/top*100):0);"
    "var o=document.querySelector('#whatif output[data-index=\"'+k+'\"]');if(o)o.textContent=ws?fmt(ws[k]*100,1)+' %':'\\u2013';});"
    "while(body.firstChild)body.removeChild(body.firstChild);if(!s)return;var r=ranks(s);"
    "r.order.forEach(function(i){var tr=document.createElement('tr');tr.setAttribute('data-area',D.areas[i].id);"
    "tr.setAttribute('data-rank',String(r.rank[i]));"
    "function td(t,cls,key,val){var c=document.createElement(cls==='th'?'th':'td');if(cls==='th')c.scope='row';"
    "else if(cls)c.className=cls;c.textContent=t;if(key){c.setAttribute('data-key',key);c.setAttribute('data-value',String(val));}tr.appendChild(c);}"
    "td(String(r.rank[i]),'num','rank',r.rank[i]);td(D.areas[i].title||D.areas[i].id,'th');"
    /* the title with the id beside it, as the page's other tables show an area */
    "if(D.areas[i].title){var sp=document.createElement('span');sp.className='area-id';sp.textContent=D.areas[i].id;"
    "tr.lastChild.appendChild(document.createTextNode(' '));tr.lastChild.appendChild(sp);}"
    "td(fmt(s[i],3),'num','score',s[i]);"
    "var mv=base?base.rank[i]-r.rank[i]:0;td(mv>0?'\\u2191'+mv:mv<0?'\\u2193'+(-mv):'\\u2013','num move','move',mv);"
    "body.appendChild(tr);});}"
    "function toHash(){var parts=[];for(var j=0;j<m;j++)if(raw[j]>0)parts.push(D.crit[j].id+':'+(+raw[j].toPrecision(6)));"
    "history.replaceState(null,'','#weights='+parts.join(','));}"
    "function fromHash(){var h=location.hash,mt=/^#weights=(.*)$/.exec(h);if(!mt)return false;"
    "var w=new Array(m).fill(0),ok=false;decodeURIComponent(mt[1]).split(',').forEach(function(p){"
    "var i=p.lastIndexOf(':');if(i<0)return;var id=p.slice(0,i),v=+p.slice(i+1);"
    "for(var j=0;j<m;j++)if(D.crit[j].id===id&&isFinite(v)&&v>=0){w[j]=v;ok=true;}});"
    "if(ok){raw=w;exact=false;}return ok;}"
    "base=ranks(scores(D.w));"
    "Array.prototype.forEach.call(sliders,function(sl){sl.addEventListener('input',function(){"
    "var k=+sl.getAttribute('data-index'),top=0;for(var j=0;j<m;j++)if(raw[j]>top)top=raw[j];"
    "raw[k]=(top>0?top:1)*(+sl.value)/100;exact=false;render();toHash();});});"
    "document.getElementById('whatif-reset').addEventListener('click',function(){raw=D.w.slice();exact=true;"
    "history.replaceState(null,'',location.pathname+location.search);render();});"
    "window.addEventListener('hashchange',function(){if(fromHash())render();});"
    "fromHash();render();document.getElementById('whatif').setAttribute('data-whatif','ready');})();";

/* The first scenario that was scored, or NULL. */
static const styr_scenario_run *first_scored(const styr_score_report *r)
{
    for (size_t k = 0; k < r->nsc; k++)
        if (r->sc[k].scored)
            return &r->sc[k];
    return NULL;
}

int html_whatif_shown(const styr_score_report *r)
{
    return r && r->table && r->table->n > 0 && r->table->m > 0 && r->rs && r->rs->model && first_scored(r);
}

void html_sec_whatif(page *p)
{
    FILE *out = p->out;
    const styr_score_report *r = p->in->score;
    const styr_area_table *t = r->table;
    const styr_scenario_run *sr = first_scored(r);
    const styr_scored *s = &sr->s;
    const styr_model *model = r->rs->model;
    size_t n = t->n, m = t->m;
    int topsis = s->method == STYR_MCDA_TOPSIS;

    fprintf(out, "<section id=\"whatif\" aria-labelledby=\"whatif-h\">\n<h2 id=\"whatif-h\">%s</h2>\n<p>",
            word(p->o, "Tänk om: egna vikter", "What if: weights of your own"));
    fputs(word(p->o, "Dra i reglagen för att vikta kriterierna själv; rangordningen räknas om direkt i sidan, med "
                     "samma metod och normalisering som <code>styr score</code> använder för scenariot ",
               "Move the sliders to weigh the criteria yourself; the ranking is recomputed in the page at once, "
               "with the method and normalisation <code>styr score</code> uses for the scenario "),
          out);
    fputs("<code>", out);
    html_esc(out, html_scenario_name(sr));
    fprintf(out, "</code> (%s). ", topsis ? "TOPSIS" : word(p->o, "viktad summa", "weighted sum"));
    fputs(word(p->o, "Vikterna är relativa och står i sidans adress (<code>#weights=kriterium:vikt,...</code>), så "
                     "en vy kan delas. Portföljen inom budget räknas inte om här: kör <code>styr score</code> med "
                     "vikterna i ett scenario för den.",
               "The weights are relative and kept in the page's address (<code>#weights=criterion:weight,...</code>), "
               "so a view can be shared. The portfolio within the budget is not recomputed here: run "
               "<code>styr score</code> with the weights in a scenario for that."),
          out);
    fputs("</p>\n<div class=\"whatif-sliders\">\n", out);
    double top = 0;
    for (size_t j = 0; j < m; j++)
        if (s->weights.w[j] > top)
            top = s->weights.w[j];
    for (size_t j = 0; j < m; j++) {
        long v = top > 0 ? lround(s->weights.w[j] / top * 100) : 0;
        fprintf(out, "<label><span>");
        html_esc(out, html_crit_label(p, r->rs, j));
        if (model->crit[j].cost)
            fputs(word(p->o, " <small>(lägre är bättre)</small>", " <small>(lower is better)</small>"), out);
        fprintf(out, "</span><input type=\"range\" min=\"0\" max=\"100\" step=\"1\" value=\"%ld\" data-index=\"%zu\" "
                     "data-criterion=\"", v, j);
        html_esc(out, model->crit[j].id);
        fputs("\" aria-label=\"", out);
        html_esc(out, html_crit_label(p, r->rs, j));
        styr_numtext num;   /* as the script's fmt() writes it: "8,3 %" (sv-SE), "8.3 %" (en-GB) */
        fprintf(out, "\"><output data-index=\"%zu\">%s %%</output></label>\n", j, styr_num(&num, s->weights.w[j] * 100, 1, p->o->lang));
    }
    fprintf(out, "</div>\n<p><button type=\"button\" id=\"whatif-reset\">%s</button></p>\n",
            word(p->o, "Tillbaka till scenariots vikter", "Back to the scenario's weights"));
    fprintf(out, "<p id=\"whatif-none\" class=\"problem\" hidden>%s</p>\n",
            word(p->o, "Alla vikter är 0: ge minst ett kriterium en vikt.",
                 "Every weight is 0: give at least one criterion a weight."));
    fprintf(out, "<div class=\"scroll\"><table id=\"whatif-table\" data-table=\"whatif\"><caption>%s</caption>\n"
                 "<thead><tr><th scope=\"col\" class=\"num\">%s</th><th scope=\"col\">%s</th>"
                 "<th scope=\"col\" class=\"num\">%s</th><th scope=\"col\" class=\"num\">%s</th></tr></thead>\n<tbody>\n",
            word(p->o, "Rangordning med dina vikter", "Ranking with your weights"), word(p->o, "Rang", "Rank"),
            word(p->o, "Område", "Area"), word(p->o, "Poäng", "Score"),
            word(p->o, "Jämfört med scenariot", "Against the scenario"));
    /* Without script: the scenario's own ranking. */
    for (size_t q = 0; q < n; q++) {
        size_t i = s->order[q];
        fputs("<tr data-area=\"", out);
        html_esc(out, t->ids[i]);
        fprintf(out, "\" data-rank=\"%zu\"><td class=\"num\" data-key=\"rank\" data-value=\"%zu\">%zu</td><th scope=\"row\">",
                s->rank[i], s->rank[i], s->rank[i]);
        html_area_cell(out, t, i);
        fputs("</th><td class=\"num\" data-key=\"score\" data-value=\"", out);
        html_raw(out, s->score[i]);
        styr_numtext num;
        fprintf(out, "\">%s</td><td class=\"num move\" data-key=\"move\" data-value=\"0\">\xE2\x80\x93</td></tr>\n",
                styr_num(&num, s->score[i], 3, p->o->lang));
    }
    fputs("</tbody></table></div>\n<script type=\"application/json\" id=\"whatif-data\">{\"method\": ", out);
    fputs(topsis ? "\"topsis\"" : "\"weighted-sum\"", out);
    fputs(", \"crit\": [", out);
    for (size_t j = 0; j < m; j++) {
        const styr_criterion *c = &model->crit[j];
        fputs(j ? ", {\"id\": " : "{\"id\": ", out);
        json_text(out, c->id);
        fputs(", \"scale\": ", out);
        if (c->has_scale) {
            fputc('[', out);
            json_exact(out, c->lo);
            fputs(", ", out);
            json_exact(out, c->hi);
            fputc(']', out);
        } else {
            fputs("null", out);
        }
        fprintf(out, ", \"cost\": %s}", c->cost ? "true" : "false");
    }
    fputs("], \"areas\": [", out);
    for (size_t i = 0; i < n; i++) {
        fputs(i ? ", {\"id\": " : "{\"id\": ", out);
        json_text(out, t->ids[i]);
        if (t->titles && t->titles[i]) {
            fputs(", \"title\": ", out);
            json_text(out, t->titles[i]);
        }
        fputc('}', out);
    }
    fputs("], \"x\": [", out);
    for (size_t i = 0; i < n; i++) {
        fputs(i ? ", [" : "[", out);
        for (size_t j = 0; j < m; j++) {
            if (j)
                fputs(", ", out);
            json_exact(out, t->x[i * m + j]);
        }
        fputc(']', out);
    }
    fputs("], \"w\": [", out);
    for (size_t j = 0; j < m; j++) {
        if (j)
            fputs(", ", out);
        json_exact(out, s->weights.w[j]);
    }
    fprintf(out, "]}</script>\n<script>%s</script>\n</section>\n", js_whatif);
}
