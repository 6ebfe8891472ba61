// board.js LANG BOARD.dom DEFAULT.dom SCORE.json "HASHES" REVISED - the checks
// of board.sh on the DOM Chromium rendered (--dump-dom), against the JSON of
// `styr score` for the same files. Prints PASS/FAIL a check.
'use strict';
const fs = require('fs');
const [lang, boardFile, defFile, scoreFile, hashList, revised] = process.argv.slice(2);
const page = fs.readFileSync(boardFile, 'utf8');
const def = fs.readFileSync(defFile, 'utf8');
const score = JSON.parse(fs.readFileSync(scoreFile, 'utf8'));

function result(name, problems) {
  if (problems.length) console.log(`FAIL ${lang}: ${name}: ${problems.slice(0, 5).join('; ')}`);
  else console.log(`PASS ${lang}: ${name}`);
}
function decode(s) {
  return s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'").replace(/&nbsp;/g, '\u00a0');
}
function text(html) { return decode(html.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim(); }
// the inner HTML of the element that opens at `from` (a <tag ...> position), by counting that tag
function element(html, from) {
  const tag = html.slice(from + 1).match(/^[a-z0-9]+/)[0];
  const re = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'g');
  re.lastIndex = from;
  let depth = 0, m;
  while ((m = re.exec(html))) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return html.slice(from, m.index + m[0].length);
  }
  return html.slice(from);
}
function section(html, id) {
  const at = html.indexOf(`<section id="${id}"`);
  return at < 0 ? null : element(html, at);
}

result('the page loaded and its scripts ran with no error',
       /data-js="loaded"/.test(page) && /data-js-errors="0"/.test(page) ? [] : ['data-js or data-js-errors']);

// decision first, findings last; the default page keeps findings first
{
  const order = [...page.matchAll(/<section id="([a-z-]+)"/g)].map(m => m[1]);
  const p = [];
  if (order[0] !== 'decision') p.push(`first section ${order[0]}`);
  if (order[order.length - 1] !== 'findings') p.push(`last section ${order[order.length - 1]}`);
  const fTable = page.indexOf('data-table="findings"');
  if (fTable < 0) p.push('no findings table');
  else if (fTable < page.indexOf('<section id="decision"')) p.push('the findings table comes before the decision');
  const nav = [...page.matchAll(/<li><a href="#([a-z-]+)"/g)].map(m => m[1]);
  if (nav[0] !== 'decision' || nav[nav.length - 1] !== 'findings') p.push(`contents ${nav.join(',')}`);
  const dorder = [...def.matchAll(/<section id="([a-z-]+)"/g)].map(m => m[1]);
  if (dorder[0] !== 'findings' || dorder.includes('decision')) p.push(`default page sections ${dorder.join(',')}`);
  result(`the decision comes first, the findings table last (${order.join(' > ')})`, p);
}

// titles everywhere a ranking is shown, with the id beside them
{
  const p = [];
  let n = 0;
  const titled = new Map();
  for (const sc of score.scenarios) for (const r of sc.ranking) if (r.title) titled.set(r.area, r.title);
  if (!titled.size) p.push('the JSON has no titles');
  for (const m of page.matchAll(/<tr data-area="([^"]*)"[^>]*>([\s\S]*?)<\/tr>/g)) {
    const th = m[2].match(/<th scope="row">([\s\S]*?)<\/th>/);
    const want = titled.get(decode(m[1]));
    if (!th || !want) continue;
    n++;
    const shown = text(th[1]);
    if (!shown.startsWith(want)) p.push(`${m[1]}: row shows "${shown}", title "${want}"`);
    if (!new RegExp(`<span class="area-id">${m[1]}</span>`).test(th[1])) p.push(`${m[1]}: no id beside the title`);
  }
  if (n < titled.size) p.push(`only ${n} titled rows`);
  const top = section(page, 'decision') || '';
  for (const m of top.matchAll(/<li data-area="([^"]*)" data-rank="\d+">([\s\S]*?)<\/li>/g)) {
    n++;
    if (!text(m[2]).startsWith(titled.get(decode(m[1])))) p.push(`top ranking ${m[1]}: ${text(m[2])}`);
  }
  result(`areas are shown by title with the id beside (${n} rows)`, p);
}

// the portfolio explained
{
  const p = [];
  const dec = section(page, 'decision') || '';
  for (const sc of score.scenarios) {
    if (!sc.selection || !sc.selection.feasible) continue;
    const at = dec.indexOf(`data-table="portfolio" data-scenario="${sc.id}"`);
    if (at < 0) { p.push(`${sc.id}: no portfolio table in the decision`); continue; }
    const t = dec.slice(at, dec.indexOf('</table>', at));
    const rows = [...t.matchAll(/<tr data-area="([^"]*)" data-in="([01])" data-why="([a-z-]+)"/g)];
    if (rows.length !== sc.ranking.length) p.push(`${sc.id}: ${rows.length} rows, ${sc.ranking.length} areas`);
    const inn = rows.filter(r => r[2] === '1').map(r => r[1]).sort();
    if (JSON.stringify(inn) !== JSON.stringify([...sc.selection.selected].sort())) p.push(`${sc.id}: in ${inn}, JSON ${sc.selection.selected}`);
    if (!t.includes(`data-cost-basis="${sc.selection.cost_basis}"`)) p.push(`${sc.id}: cost basis not ${sc.selection.cost_basis}`);
    for (const r of rows) if ((r[2] === '1') !== ['chosen', 'forced-in', 'required-by'].includes(r[3])) p.push(`${sc.id} ${r[1]}: in=${r[2]} but why=${r[3]}`);
  }
  result('the proposed portfolio is the JSON selection, each area in or out with a reason', p);
}

// CR above 0.10: a visible warning naming the judgement and the suggested value
{
  const p = [];
  let n = 0;
  for (const sc of score.scenarios) {
    const dec = (section(page, 'decision') || '');
    const at = dec.indexOf(`<div class="decision-scenario" data-scenario="${sc.id}"`);
    const block = at < 0 ? '' : element(dec, at);
    const warn = block.match(/<p class="problem cr-warning" role="alert">([\s\S]*?)<\/p>/);
    if (sc.consistency_ratio !== null && sc.consistency_ratio > 0.1) {
      n++;
      const h = sc.consistency_hint;
      if (!warn || !h) { p.push(`${sc.id}: CR ${sc.consistency_ratio} without a warning or hint`); continue; }
      const t = text(warn[1]);
      const [a, b, v] = h.judgement;
      if (!t.includes(`[${a}, ${b}, ${v}]`)) p.push(`${sc.id}: the warning does not name [${a}, ${b}, ${v}]: ${t}`);
      // the judgement to write: a value below 1 as the pair turned round (a scenario takes 9, not 1/9)
      const turn = h.suggested < 1;
      const want = turn ? `[${b}, ${a}, ${Math.round(1 / h.suggested)}]` : `[${a}, ${b}, ${h.suggested}]`;
      if (!new RegExp(`(skriv|write) ${want.replace(/[[\]]/g, '\\$&')} `).test(t)) p.push(`${sc.id}: suggested ${want} not in: ${t}`);
      // the scores section says the same, with the judgement in attributes
      if (!new RegExp(`class="problem cr-warning" role="alert" data-judgement="${a},${b}"`).test(page)) p.push(`${sc.id}: no data-judgement in the scores section`);
    } else if (warn) p.push(`${sc.id}: a warning without CR above 0.10`);
  }
  if (!n) p.push('no scenario with CR above 0.10 to check');
  result(`CR above 0.10 is a warning naming the judgement to change (${n} scenario)`, p);
}

// sensitivity for every scenario, the confidence factor in words
{
  const p = [];
  const sec = section(page, 'acceptability') || '';
  const shown = [...sec.matchAll(/<div class="sens-scenario" data-scenario="([^"]*)"/g)].map(m => m[1]);
  const want = score.scenarios.map(s => s.id);
  if (JSON.stringify(shown) !== JSON.stringify(want)) p.push(`sections ${shown}, scenarios ${want}`);
  for (const id of want) {
    const at = sec.indexOf(`<div class="sens-scenario" data-scenario="${id}"`);
    const block = at < 0 ? '' : element(sec, at);
    if (!/data-table="acceptability"/.test(block)) p.push(`${id}: no acceptability table`);
  }
  const conf = sec.match(/<p class="explain" data-explain="confidence">([\s\S]*?)<\/p>/);
  const words = lang === 'en' ? /how often does it then really come first\? 1\.00 means always/ : /hur ofta blir det då verkligen etta\? 1,00 betyder alltid/;
  if (!conf || !words.test(text(conf[1]))) p.push('the confidence factor is not explained in words');
  const rob = [...(section(page, 'decision') || '').matchAll(/<p class="robustness" data-scenario="([^"]*)"/g)].map(m => m[1]);
  if (JSON.stringify(rob) !== JSON.stringify(want)) p.push(`robustness lines for ${rob}`);
  result(`every scenario has its own sensitivity section (${shown.length})`, p);
}

// the header: date, content hashes, the plan's own date
{
  const p = [];
  const header = page.slice(page.indexOf('<header>'), page.indexOf('</header>'));
  const date = header.match(/<time data-report-date="" datetime="([0-9-]+)">([0-9-]+)<\/time>/);
  if (!date || date[1] !== '2025-12-06' || date[2] !== '2025-12-06') p.push(`date ${date && date[1]}`);
  const got = [...header.matchAll(/data-sha256="([0-9a-f]{64})"/g)].map(m => m[1]);
  const want = hashList.trim().split(/\s+/);
  if (JSON.stringify(got) !== JSON.stringify(want)) p.push(`hashes ${got.length}, sha256sum ${want.length}: ${got[0]} vs ${want[0]}`);
  for (const h of got) if (!header.includes(`>SHA-256 ${h.slice(0, 12)}</span>`)) p.push(`${h.slice(0, 12)} not shown`);
  const doc = header.match(/data-document-date="([^"]*)"/);
  if (!doc || doc[1] !== revised) p.push(`document date ${doc && doc[1]}, plan ${revised}`);
  result('the header gives the date, each input file\'s SHA-256 and the plan\'s date', p);
}
