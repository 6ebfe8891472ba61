// compare.js DOM VALIDATE.json SCORE.json SENSITIVITY.json [LABEL]
// compare.js --markup DOM LABEL
//
// Compares the numbers of the HTML report, as Chromium rendered it (the
// output of --dump-dom), with the JSON reports of the same run. Prints one
// line a check, "PASS name" or "FAIL name: why"; check.sh counts them.
// The DOM is read with regular expressions: the page's markup is regular
// (report_html.c writes it), and Chromium serialises attributes with double
// quotes and escapes &, <, > and " the same way every time.
'use strict';
const fs = require('fs');

// compare.js --markup DOM LABEL: only the report's own elements, no event
// handler attribute, exactly two scripts and one style (for hostile input);
// with the what-if section, also its data (type application/json) and its
// script.
// The page's scripts: the error recorder and the table sorter, and with the
// what-if section exactly one data block and its script inside it.
function pageScripts(d) {
  const w = d.indexOf('<section id="whatif"');
  if (w < 0) return 2;
  const sec = d.slice(w, d.indexOf('</section>', w));
  const data = (sec.match(/<script type="application\/json" id="whatif-data">/g) || []).length;
  const code = (sec.match(/<script>/g) || []).length;
  return data === 1 && code === 1 ? 4 : -1;
}

if (process.argv[2] === '--markup') {
  const d = fs.readFileSync(process.argv[3], 'utf8'), name = process.argv[4] || '';
  const own = new Set(('html head meta title script style body header h1 h2 h3 h4 p strong code dl dt dd nav ol ul li a ' +
    'main section table caption thead tbody tr th td div figure figcaption details summary span footer button ' +
    'svg desc defs pattern g rect text tspan line path circle label input output small time').split(' '));
  const problems = [], count = {};
  // Chromium quotes every attribute value with ", so a tag is parsed exactly.
  for (const m of d.matchAll(/<([a-zA-Z][\w-]*)((?:\s+[^\s=>"\/]+(?:="[^"]*")?)*)\s*\/?>/g)) {
    const el = m[1].toLowerCase();
    count[el] = (count[el] || 0) + 1;
    if (!own.has(el)) problems.push(`element <${el}>`);
    for (const a of m[2].matchAll(/\s+([^\s=>"\/]+)(?:="[^"]*")?/g))
      if (/^on/i.test(a[1]) || /^(src|srcset|formaction|xlink:href)$/i.test(a[1])) problems.push(`attribute ${a[1]} on <${el}>`);
  }
  if (count.script !== pageScripts(d)) problems.push(`${count.script || 0} <script> elements`);
  if (count.style !== 1) problems.push(`${count.style || 0} <style> elements`);
  if (problems.length) console.log(`FAIL ${name}: only the report's own markup: ${problems.slice(0, 5).join('; ')}`);
  else console.log(`PASS ${name}: only the report's own markup (${Object.values(count).reduce((a, b) => a + b, 0)} elements)`);
  process.exit(0);
}

const [domFile, validateFile, scoreFile, sensFile, label = ''] = process.argv.slice(2);
const dom = fs.readFileSync(domFile, 'utf8');
const validate = JSON.parse(fs.readFileSync(validateFile, 'utf8'));
const score = JSON.parse(fs.readFileSync(scoreFile, 'utf8'));
const sens = JSON.parse(fs.readFileSync(sensFile, 'utf8'));
const tag = label ? label + ': ' : '';

function result(name, problems, counted) {
  if (counted === 0) problems.push('nothing was compared');
  if (problems.length) console.log(`FAIL ${tag}${name}: ${problems.slice(0, 5).join('; ')}` +
                                   (problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''));
  else console.log(`PASS ${tag}${name}` + (counted !== undefined ? ` (${counted} values)` : ''));
}

function decode(s) {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|amp|lt|gt|quot|apos|nbsp);/gi, (m, e) => {
    const l = e.toLowerCase();
    if (l === 'amp') return '&';
    if (l === 'lt') return '<';
    if (l === 'gt') return '>';
    if (l === 'quot') return '"';
    if (l === 'apos') return "'";
    if (l === 'nbsp') return '\u00a0';
    return String.fromCodePoint(l[1] === 'x' ? parseInt(l.slice(2), 16) : parseInt(l.slice(1), 10));
  });
}
function attrs(s) {
  const a = {};
  for (const m of s.matchAll(/([\w:-]+)(?:="([^"]*)")?/g)) a[m[1]] = m[2] === undefined ? '' : decode(m[2]);
  return a;
}
function text(html) {
  return decode(html.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim();
}
function cells(rowHtml) {
  return [...rowHtml.matchAll(/<(td|th)\b([^>]*)>([\s\S]*?)<\/\1>/g)].map(m => ({
    tag: m[1], a: attrs(m[2]), text: text(m[3]), html: m[3]}));
}
function rows(tableHtml) {
  return [...tableHtml.matchAll(/<tr\b([^>]*)>([\s\S]*?)<\/tr>/g)].map(m => ({a: attrs(m[1]), cells: cells(m[2])}));
}
const tables = [...dom.matchAll(/<table\b([^>]*)>([\s\S]*?)<\/table>/g)].map(m => {
  const tbody = /<tbody>([\s\S]*?)<\/tbody>/.exec(m[2]);
  return {a: attrs(m[1]), html: m[2], body: tbody ? rows(tbody[1]) : []};
});
const byKind = k => tables.filter(t => t.a['data-table'] === k);
const num = s => (s === undefined || s === '' ? NaN : Number(s));
const same = (a, b) => typeof b === 'number' && Number.isFinite(a) && a === b;
// The shown text is the value rounded to `dec` decimals (scaled by `scale`).
// ... in the page's language: a decimal comma in Swedish, a point in English
// (a figure with the other sign is shown wrong, whatever its value).
const pageLang = (/<html\b[^>]*\blang="([a-z]+)/i.exec(dom) || [])[1] || '';
const decimalSign = pageLang === 'en' ? '.' : ',';
function rounded(textValue, value, dec, scale = 1) {
  if (textValue.includes(decimalSign === ',' ? '.' : ',')) return false;
  const shown = Number(textValue.replace(decimalSign, '.').replace(/[^0-9.+-]/g, ''));
  return Number.isFinite(shown) && Math.abs(shown - value * scale) <= 0.5 * Math.pow(10, -dec) + 1e-9;
}

// ---- validate: the summary and the findings of each file
{
  const p = [];
  let n = 0;
  const t = byKind('summary')[0];
  if (!t) p.push('no summary table');
  else validate.files.forEach((f, i) => {
    const row = t.body.find(r => r.a['data-file-index'] === String(i));
    if (!row) return p.push(`no summary row for ${f.file}`);
    const got = {};
    row.cells.forEach(c => { if (c.a['data-key']) got[c.a['data-key']] = num(c.a['data-value']); });
    const want = Object.assign({items: f.actions !== undefined ? f.actions : f.areas}, f.summary);
    for (const k of ['items', 'error', 'warning', 'info', 'waived', 'not_shown']) {
      n++;
      if (got[k] !== want[k]) p.push(`${f.file} ${k}: page ${got[k]}, JSON ${want[k]}`);
    }
  });
  result('summary counts equal the validate JSON', p, n);
}
{
  const p = [];
  let n = 0;
  validate.files.forEach((f, i) => {
    const t = byKind('findings').find(x => x.a['data-file-index'] === String(i));
    if (!t) return p.push(`no findings table for ${f.file}`);
    if (t.body.length !== f.findings.length) p.push(`${f.file}: ${t.body.length} rows, JSON ${f.findings.length}`);
    f.findings.forEach((fi, k) => {
      const r = t.body[k];
      n++;
      if (!r) return;
      const a = r.a;
      if (a['data-rule'] !== fi.rule || a['data-severity'] !== fi.severity || num(a['data-line']) !== fi.line ||
          num(a['data-column']) !== fi.column || (a['data-waived'] === '1') !== !!fi.waived)
        p.push(`row ${k}: ${a['data-rule']} ${a['data-line']}:${a['data-column']}, JSON ${fi.rule} ${fi.line}:${fi.column}`);
      if (!r.cells[0].text.endsWith(`:${fi.line}:${fi.column}`)) p.push(`row ${k}: position shown as ${r.cells[0].text}`);
      if (!r.cells[3].text.includes(fi.message.replace(/\s+/g, ' ').trim())) p.push(`row ${k}: message differs`);
    });
  });
  result('findings rows equal the validate JSON (rule, severity, line, column, message)', p, n);
}

// ---- score: one ranking table per scored scenario
const ranking = byKind('ranking');
result('one ranking table per scored scenario', ranking.length === score.scenarios.length ? []
       : [`${ranking.length} tables, ${score.scenarios.length} scenarios`]);
{
  const p = [], q = [];
  let n = 0;
  score.scenarios.forEach((sc, k) => {
    const t = ranking.find(x => x.a['data-scenario-index'] === String(k));
    if (!t) return p.push(`no table for scenario ${sc.id}`);
    if (t.a['data-scenario'] !== (sc.id || sc.file)) p.push(`table ${k} is ${t.a['data-scenario']}, JSON ${sc.id}`);
    if (t.body.length !== sc.ranking.length) p.push(`${sc.id}: ${t.body.length} rows, JSON ${sc.ranking.length}`);
    sc.ranking.forEach((e, pos) => {
      const r = t.body.find(x => x.a['data-area'] === e.area);
      if (!r) return p.push(`${sc.id}: no row for ${e.area}`);
      if (t.body.indexOf(r) !== pos) p.push(`${sc.id}: ${e.area} in row ${t.body.indexOf(r)}, JSON position ${pos}`);
      const rank = r.cells.find(c => c.a['data-key'] === 'rank');
      const sv = r.cells.find(c => c.a['data-key'] === 'score');
      n += 2;
      if (!rank || num(rank.a['data-value']) !== e.rank) p.push(`${sc.id} ${e.area}: rank ${rank && rank.a['data-value']}, JSON ${e.rank}`);
      if (!sv || !same(num(sv.a['data-value']), e.score)) p.push(`${sc.id} ${e.area}: score ${sv && sv.a['data-value']}, JSON ${e.score}`);
      else if (!rounded(sv.text, e.score, 3)) q.push(`${sc.id} ${e.area}: score shown ${sv.text}`);
      let shownCrit = 0;
      for (const c of r.cells.filter(c => c.a['data-key'] === 'contribution')) {
        const crit = c.a['data-criterion'], want = e.contributions[crit];
        n++;
        shownCrit++;
        if (!same(num(c.a['data-value']), want)) p.push(`${sc.id} ${e.area} ${crit}: ${c.a['data-value']}, JSON ${want}`);
        else if (!rounded(c.text, want, 3)) q.push(`${sc.id} ${e.area} ${crit}: shown ${c.text}`);
      }
      const weighted = Object.keys(sc.weights).filter(c => sc.weights[c] > 0).length;
      if (shownCrit !== weighted) p.push(`${sc.id} ${e.area}: ${shownCrit} contributions, ${weighted} weighted criteria`);
    });
  });
  result('ranking tables: every rank, score and contribution equals the score JSON', p, n);
  result('ranking tables: shown scores and contributions are the values to 3 decimals', q, n);
}
{
  const p = [];
  let n = 0;
  const t = byKind('ranks')[0];
  if (score.scenarios.length >= 2) {
    if (!t) p.push('no ranks table');
    else score.scenarios.forEach((sc, k) => sc.ranking.forEach(e => {
      const r = t.body.find(x => x.a['data-area'] === e.area);
      const c = r && r.cells.find(x => x.a['data-key'] === 'rank' && x.a['data-scenario-index'] === String(k));
      n++;
      if (!c || num(c.a['data-value']) !== e.rank) p.push(`${sc.id} ${e.area}: ${c && c.a['data-value']}, JSON ${e.rank}`);
      if (c && e.movement !== undefined && e.movement !== 0 && !c.text.includes(`(${e.movement > 0 ? '+' : ''}${e.movement})`))
        p.push(`${sc.id} ${e.area}: movement shown as ${c.text}, JSON ${e.movement}`);
    }));
  }
  result('scenarios compared: every rank and movement equals the score JSON', p, score.scenarios.length >= 2 ? n : undefined);
}

// ---- sensitivity: rank acceptability, confidence, central weights
{
  const p = [], q = [];
  let n = 0;
  const t = byKind('acceptability')[0];
  const areas = Object.keys(sens.rank_acceptability);
  if (!t) p.push('no acceptability table');
  else {
    if (t.a['data-scenario'] !== sens.scenario) p.push(`scenario ${t.a['data-scenario']}, JSON ${sens.scenario}`);
    if (num(t.a['data-samples']) !== sens.samples || num(t.a['data-seed']) !== sens.seed) p.push('samples or seed differ');
    if (t.body.length !== areas.length) p.push(`${t.body.length} rows, JSON ${areas.length}`);
    areas.forEach((area, pos) => {
      const r = t.body.find(x => x.a['data-area'] === area);
      if (!r) return p.push(`no row for ${area}`);
      if (t.body.indexOf(r) !== pos) p.push(`${area} in row ${t.body.indexOf(r)}, JSON position ${pos}`);
      const want = sens.rank_acceptability[area];
      const shown = r.cells.filter(c => c.a['data-key'] === 'acceptability');
      if (shown.length !== Math.min(want.length, 30)) p.push(`${area}: ${shown.length} rank cells, JSON ${want.length}`);
      for (const c of shown) {
        const rk = num(c.a['data-rank']);
        n++;
        if (!same(num(c.a['data-value']), want[rk - 1])) p.push(`${area} rank ${rk}: ${c.a['data-value']}, JSON ${want[rk - 1]}`);
        else if (!rounded(c.text, want[rk - 1], 1, 100)) q.push(`${area} rank ${rk}: shown ${c.text}`);
      }
      const conf = r.cells.find(c => c.a['data-key'] === 'confidence');
      n++;
      if (!conf || !same(num(conf.a['data-value']), sens.confidence[area])) p.push(`${area} confidence: ${conf && conf.a['data-value']}, JSON ${sens.confidence[area]}`);
      else if (!rounded(conf.text, sens.confidence[area], 2)) q.push(`${area} confidence shown ${conf.text}`);
    });
  }
  result('rank acceptability: every share and confidence equals the sensitivity JSON', p, n);
  result('rank acceptability: shown percentages are the values to 1 decimal', q, n);
}
{
  const p = [];
  let n = 0;
  const t = byKind('central')[0];
  if (!t) p.push('no central weights table');
  else {
    const firsts = Object.keys(sens.rank_acceptability).filter(a => sens.rank_acceptability[a][0] > 0);
    if (t.body.length !== firsts.length) p.push(`${t.body.length} rows, ${firsts.length} areas ever first`);
    for (const r of t.body) {
      const area = r.a['data-area'];
      for (const c of r.cells.filter(c => c.a['data-key'] === 'central')) {
        n++;
        const want = (sens.central_weights[area] || {})[c.a['data-criterion']];
        if (!same(num(c.a['data-value']), want)) p.push(`${area} ${c.a['data-criterion']}: ${c.a['data-value']}, JSON ${want}`);
      }
    }
  }
  result('central weights equal the sensitivity JSON', p, n);
}

// ---- cost against score, and the frontier at the scenario's budget
{
  const p = [];
  let n = 0;
  const t = byKind('cost')[0];
  const sc = score.scenarios.find(s => s.selection) || score.scenarios[0];
  if (!t) p.push('no cost table');
  else if (t.a['data-scenario'] !== (sc.id || sc.file)) p.push(`scenario ${t.a['data-scenario']}, expected ${sc.id}`);
  else {
    const chosen = t.body.filter(r => r.cells.some(c => c.a['data-key'] === 'chosen' && c.a['data-value'] === '1'))
                        .map(r => r.a['data-area']).sort();
    const want = sc.selection && sc.selection.feasible ? sc.selection.selected.slice().sort() : [];
    n += want.length;
    if (JSON.stringify(chosen) !== JSON.stringify(want)) p.push(`chosen ${chosen.join(',')}; JSON ${want.join(',')}`);
    for (const e of sc.ranking) {
      const r = t.body.find(x => x.a['data-area'] === e.area);
      const c = r && r.cells.find(x => x.a['data-key'] === 'score');
      n++;
      if (!c || !same(num(c.a['data-value']), e.score)) p.push(`${e.area}: score ${c && c.a['data-value']}, JSON ${e.score}`);
    }
  }
  result('cost against score: scores and chosen areas equal the score JSON', p, n);
  const f = byKind('frontier')[0];
  const q = [];
  if (sc.selection && sc.selection.feasible) {
    if (!f) q.push('no frontier table');
    else {
      const r = f.body.find(x => x.a['data-scenario-budget'] === '1');
      const b = r && r.cells.find(c => c.a['data-key'] === 'budget');
      const s = r && r.cells.find(c => c.a['data-key'] === 'total_score');
      if (!r) q.push('no row at the scenario budget');
      else if (num(b.a['data-value']) !== sc.selection.budget_sek) q.push(`budget ${b.a['data-value']}, JSON ${sc.selection.budget_sek}`);
      else if (!s || Math.abs(num(s.a['data-value']) - sc.selection.total_score) > 1e-9 * Math.max(1, sc.selection.total_score))
        q.push(`best total score ${s && s.a['data-value']}, the selection's ${sc.selection.total_score}`);
      const ys = f.body.map(x => x.cells.find(c => c.a['data-key'] === 'total_score')).filter(Boolean).map(c => num(c.a['data-value']));
      if (ys.length < 10) q.push(`only ${ys.length} feasible budgets`);
      for (let i = 1; i < ys.length; i++) if (ys[i] < ys[i - 1] - 1e-9) q.push(`best score falls at row ${i}`);
    }
    result('efficient frontier: rises with the budget and equals the selection at the scenario budget', q);
  }
}

// ---- structure: charts, tables, values, scripts
{
  const p = [];
  const svgs = [...dom.matchAll(/<svg\b([^>]*)>\s*<title\b[^>]*>([^<]*)<\/title>/g)];
  const all = (dom.match(/<svg\b/g) || []).length;
  if (svgs.length !== all) p.push(`${all - svgs.length} svg without a leading <title>`);
  for (const m of svgs) {
    const a = attrs(m[1]);
    if (a.role !== 'img') p.push('an svg without role="img"');
    if (!m[2].trim()) p.push('an empty svg title');
    if (!a['aria-describedby'] || !dom.includes(`id="${a['aria-describedby']}"`)) p.push(`svg "${m[2]}" is described by a missing table`);
    else if (!new RegExp(`<table[^>]*id="${a['aria-describedby']}"`).test(dom)) p.push(`svg "${m[2]}" is not described by a table`);
  }
  result('every chart is an svg role="img" with a title and a table of its numbers', p, all);
}
{
  const p = [];
  for (const t of tables) if (!/<th\b/.test(t.html)) p.push(`table ${t.a.id} has no <th>`);
  const vals = [...dom.matchAll(/data-value="([^"]*)"/g)].map(m => m[1]);
  for (const v of vals) if (v === '' || !Number.isFinite(Number(v))) p.push(`data-value="${v}"`);
  result('every table has header cells and every data-value is a number', p, vals.length);
}
{
  const scripts = (dom.match(/<script\b/g) || []).length;
  result('exactly the page\'s own scripts', scripts === pageScripts(dom) ? [] : [`${scripts} <script> elements`]);
}
