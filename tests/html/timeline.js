// timeline.js KIND DOM JSON [OTHER_DOM]
//
// Checks a page styr wrote, as headless Chromium rendered it (--dump-dom),
// against the JSON of the same run. Prints "PASS name" or "FAIL name: why"
// a check; timeline.sh counts them.
//   followup: the follow-up page's action rows, escalations and timeline
//             bars against `styr followup --format json`; with VALIDATE_DOM,
//             the validate page's timeline bars for the same plan too;
//   budget:   the budget page's timeline bars and its owners over capacity
//             against `styr budget --format json`; with OTHER_DOM, the
//             `styr report` page's timeline bars for the same plan too;
//   diff:     the diff page's changes and money sums against `styr diff
//             --format json`.
// The DOM is read with regular expressions: the writers' markup is regular
// and Chromium serialises attributes with double quotes.
'use strict';
const fs = require('fs');
const [kind, domFile, jsonFile, validateDom] = process.argv.slice(2);   // validateDom: OTHER_DOM
const dom = fs.readFileSync(domFile, 'utf8');
const json = JSON.parse(fs.readFileSync(jsonFile, 'utf8'));

function result(name, problems, counted) {
  if (counted === 0) problems.push('nothing was compared');
  if (problems.length) console.log(`FAIL ${name}: ${problems.slice(0, 5).join('; ')}` +
                                   (problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''));
  else console.log(`PASS ${name}` + (counted !== undefined ? ` (${counted} values)` : ''));
}
function decode(s) {
  return s.replace(/&(amp|lt|gt|quot|#39);/g, (m, e) => ({amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'"})[e]);
}
function attrs(s) {
  const a = {};
  for (const m of s.matchAll(/([\w:-]+)="([^"]*)"/g)) a[m[1]] = decode(m[2]);
  return a;
}
// Every start tag of element `el` that has attribute `attr`, as attribute maps.
function tags(html, el, attr) {
  return [...html.matchAll(new RegExp(`<${el}\\b([^>]*)>`, 'g'))].map(m => attrs(m[1])).filter(a => attr in a);
}

function bars(html, label, actions) {
  const p = [];
  let n = 0;
  const got = tags(html, 'rect', 'data-start').filter(a => (a.class || '') === 'bar');
  const want = actions.filter(a => a.planned_start !== null && a.planned_end !== null);
  if (got.length !== want.length) p.push(`${got.length} bars, JSON ${want.length} actions with dates`);
  for (const a of want) {
    const b = got.filter(x => x['data-action'] === a.id);
    n++;
    if (b.length !== 1) { p.push(`${a.id}: ${b.length} bars`); continue; }
    if (b[0]['data-start'] !== a.planned_start || b[0]['data-end'] !== a.planned_end)
      p.push(`${a.id}: bar ${b[0]['data-start']}..${b[0]['data-end']}, JSON ${a.planned_start}..${a.planned_end}`);
  }
  result(`${label}: every timeline bar's start and end equal the JSON`, p, n);
  return got;
}

if (kind === 'followup') {
  const actions = json.actions;
  {
    const p = [];
    let n = 0;
    const rows = tags(dom, 'tr', 'data-action');
    if (rows.length !== actions.length) p.push(`${rows.length} rows, JSON ${actions.length}`);
    actions.forEach((a, i) => {
      const r = rows[i];
      n++;
      if (!r) return;
      if (r['data-action'] !== a.id) p.push(`row ${i}: ${r['data-action']}, JSON ${a.id}`);
      if (r['data-status'] !== (a.status === null ? 'none' : a.status)) p.push(`${a.id}: status ${r['data-status']}, JSON ${a.status}`);
      if (r['data-escalate'] !== String(a.escalate)) p.push(`${a.id}: escalate ${r['data-escalate']}, JSON ${a.escalate}`);
    });
    result('followup: one row an action, in plan order, with the JSON status and escalation', p, n);
  }
  {
    const got = tags(dom, 'li', 'data-escalation').map(a => a['data-escalation']);
    const p = JSON.stringify(got) === JSON.stringify(json.escalations) ? []
            : [`page ${JSON.stringify(got)}, JSON ${JSON.stringify(json.escalations)}`];
    result('followup: the escalation list equals the JSON', p, json.escalations.length);
  }
  const got = bars(dom, 'followup', actions);
  {
    const p = [];
    let n = 0;
    for (const a of actions) {
      const b = got.find(x => x['data-action'] === a.id);
      if (!b) continue;
      n++;
      if (b['data-status'] !== (a.status === null ? 'none' : a.status)) p.push(`${a.id}: bar ${b['data-status']}, JSON ${a.status}`);
    }
    result('followup: every bar has the JSON status as its colour key', p, n);
  }
  {
    // A red segment ends where its action's bar ends, and starts after the bar starts.
    const p = [];
    const groups = [...dom.matchAll(/<g class="row" data-action="([^"]*)">([\s\S]*?)<\/g>/g)];
    let n = 0;
    for (const g of groups) {
      const bar = tags(g[2], 'rect', 'data-start')[0];
      for (const u of tags(g[2], 'rect', 'data-unfunded-from')) {
        n++;
        if (u['data-unfunded-to'] !== bar['data-end'] || u['data-unfunded-from'] <= bar['data-start'])
          p.push(`${g[1]}: red ${u['data-unfunded-from']}..${u['data-unfunded-to']}, bar ${bar['data-start']}..${bar['data-end']}`);
      }
      for (const m of tags(g[2], 'line', 'data-grant-until')) {
        n++;
        const after = u => u['data-unfunded-from'];
        const reds = tags(g[2], 'rect', 'data-unfunded-from').map(after);
        // A grant that ends before the bar does has a red segment from the day after.
        if (m['data-grant-until'] < bar['data-end'] && !reds.length) p.push(`${g[1]}: grant ends ${m['data-grant-until']}, no red`);
      }
    }
    result('followup: grant markers and red segments agree with their bars', p, n);
  }
  {
    // A late action's dashed extension ends at the JSON's forecast end.
    const p = [];
    let n = 0;
    const groups = [...dom.matchAll(/<g class="row" data-action="([^"]*)">([\s\S]*?)<\/g>/g)];
    for (const a of actions) {
      const g = groups.find(x => decode(x[1]) === a.id);
      if (!g) continue;
      const f = tags(g[2], 'rect', 'data-forecast-end');
      const late = a.forecast_end !== null && a.planned_end !== null && a.forecast_end > a.planned_end && a.status !== 'cancelled';
      n++;
      if (late && (f.length !== 1 || f[0]['data-forecast-end'] !== a.forecast_end))
        p.push(`${a.id}: forecast ${f.map(x => x['data-forecast-end'])}, JSON ${a.forecast_end}`);
      if (!late && f.length) p.push(`${a.id}: a forecast drawn, none in the JSON`);
    }
    result('followup: a late action\'s forecast is drawn to the JSON forecast_end, and only then', p, n);
  }
  if (validateDom) {
    const vd = fs.readFileSync(validateDom, 'utf8');
    const got2 = bars(vd, 'validate', actions);
    result('validate: the bars carry no follow-up status', got2.some(b => b['data-status']) ? ['a bar has a status'] : [], got2.length);
  }
} else if (kind === 'budget') {
  {
    // Hatched or not: the bar's own dates, as the JSON's own_timeline says.
    const got = bars(dom, 'budget', json.actions);
    const p = [];
    for (const a of json.actions) {
      const b = got.find(x => x['data-action'] === a.id);
      if (b && b['data-own'] !== String(a.own_timeline)) p.push(`${a.id}: own ${b['data-own']}, JSON ${a.own_timeline}`);
    }
    result('budget: a bar is its action\'s own timeline exactly when the JSON says so', p, got.length);
  }
  if (validateDom) {
    // The `styr report` page of the same plan draws the same bars.
    const got = bars(fs.readFileSync(validateDom, 'utf8'), 'report', json.actions);
    result('report: the bars carry no follow-up status', got.some(b => b['data-status']) ? ['a bar has a status'] : [], got.length);
  }
  {
    // The owners table: a row an owner, in the JSON's order, marked over
    // capacity as the JSON says, with one marked cell a measure over a year.
    const p = [];
    const rows = [...dom.matchAll(/<tr\b([^>]*data-owner="[^"]*"[^>]*)>([\s\S]*?)<\/tr>/g)];
    if (rows.length !== json.owners.length) p.push(`${rows.length} rows, JSON ${json.owners.length} owners`);
    let n = 0;
    json.owners.forEach((o, i) => {
      const r = rows[i];
      if (!r) return;
      const a = attrs(r[1]);
      n++;
      if (a['data-owner'] !== o.owner) p.push(`row ${i}: ${a['data-owner']}, JSON ${o.owner}`);
      if (a['data-over-capacity'] !== String(o.over_capacity)) p.push(`${o.owner}: over ${a['data-over-capacity']}, JSON ${o.over_capacity}`);
      const marked = tags(r[2], 'td', 'class').filter(c => c.class.split(' ').includes('over')).length;
      const want = o.years.reduce((s, y) => s + y.over_capacity.length, 0);
      if (marked !== want) p.push(`${o.owner}: ${marked} cells marked, JSON ${want} measures over`);
    });
    const over = json.owners.filter(o => o.over_capacity).length;
    result(`budget: the owners table marks the owners over capacity as the JSON does (${over} over)`, p, n);
  }
} else if (kind === 'diff') {
  const rows = tags(dom, 'tr', 'data-change');
  const ids = (k, key) => rows.filter(r => r['data-change'] === k).map(r => r[key]).sort();
  const cmp = (name, got, want) =>
    result(name, JSON.stringify(got) === JSON.stringify(want) ? [] : [`page ${JSON.stringify(got)}, JSON ${JSON.stringify(want)}`],
           want.length);
  cmp('diff: added actions equal the JSON', ids('added', 'data-new-id'), [...json.actions.added].sort());
  cmp('diff: removed actions equal the JSON', ids('removed', 'data-old-id'), [...json.actions.removed].sort());
  cmp('diff: renumbered actions equal the JSON',
      rows.filter(r => r['data-change'] === 'renumbered').map(r => r['data-old-id'] + '>' + r['data-new-id']).sort(),
      json.actions.renumbered.map(r => r.from + '>' + r.to).sort());
  cmp('diff: changed actions (same id) equal the JSON', ids('changed', 'data-new-id'),
      json.actions.changed.map(c => c.id).filter(id => !json.actions.renumbered.some(r => r.to === id)).sort());
  const secs = tags(dom, 'section', 'data-strategy');
  const sum = k => secs.reduce((s, a) => s + Number(a[k]), 0);
  const p = [];
  if (sum('data-money-old') !== json.money_sek.old) p.push(`old: sections ${sum('data-money-old')}, JSON ${json.money_sek.old}`);
  if (sum('data-money-new') !== json.money_sek.new) p.push(`new: sections ${sum('data-money-new')}, JSON ${json.money_sek.new}`);
  const total = tags(dom, 'p', 'data-money-old')[0];
  if (!total || Number(total['data-money-old']) !== json.money_sek.old || Number(total['data-money-new']) !== json.money_sek.new)
    p.push('the total differs from the JSON');
  result('diff: the strategies\' money sums add up to the JSON totals', p, secs.length);
}
