// The dashboard: hash routes (#/files, #/jobs/NAME) so Back works, one view function per route, data from /api/v1
// (and /observe/health, which is open). Nothing here parses data as HTML (see dom.js).

import {age, fill, h, table, when} from './dom.js';
import {call, forgetToken, get, rememberToken, token, Unauthorized} from './api.js';
import {lineDiff, sideBySide} from './diff.js';
import {legend, timelineChart} from './chart.js';
import {errorTable, markedText} from './report.js';

const REFRESH_MS = 2000;
const view = document.getElementById('view');
const login = document.getElementById('login');

/**
 * The job list's filters, each a query parameter of GET /api/v1/jobs. Adding the orchestrator's state (when the
 * API filters by it) is one more entry here.
 */
const JOB_FILTERS = [
  {param: 'state', label: 'Delivery', options: ['queued', 'submitted', 'dead']},
];

const ROUTES = [
  {pattern: /^\/?$/, nav: 'overview', show: overview},
  {pattern: /^\/files$/, nav: 'files', show: files},
  {pattern: /^\/files\/([^/]+)$/, nav: 'files', show: fileReport},
  {pattern: /^\/jobs$/, nav: 'jobs', show: jobs},
  {pattern: /^\/jobs\/(.+)$/, nav: 'jobs', show: job},
  {pattern: /^\/dead$/, nav: 'dead', show: deadLetters},
  {pattern: /^\/submit$/, nav: 'submit', show: submit},
];

// Each render gets a number; a refresh or an answer that belongs to an older render is dropped.
let current = 0;
let timer = null;

function stillCurrent(render) {
  return render === current;
}

async function render() {
  const render = ++current;
  clearInterval(timer);
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, query] = hash.split('?');
  const params = new URLSearchParams(query || '');
  const route = ROUTES.find(r => r.pattern.test(path));
  document.querySelectorAll('[data-nav]').forEach(a => {
    if (route && a.dataset.nav === route.nav) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
  if (!route) {
    fill(view, h('h1', {}, 'Not here'), h('p', {}, 'No page at ', hash, '. ', h('a', {href: '#/'}, 'Overview')));
    return;
  }
  const args = path.match(route.pattern).slice(1).map(decodeURIComponent);
  await guarded(render, () => route.show({render, params, args}));
}

/** Runs a view step; a 401 replaces everything with the token prompt, other failures are shown in the view. */
async function guarded(render, step) {
  try {
    await step();
  } catch (e) {
    if (!stillCurrent(render)) return;
    if (e instanceof Unauthorized) {
      askForToken(e.message);
    } else {
      clearInterval(timer);
      fill(view, h('h1', {}, 'Something failed'), h('p', {class: 'error', role: 'alert'}, e.message));
    }
  }
}

function every(render, ms, step) {
  timer = setInterval(() => {
    if (stillCurrent(render)) guarded(render, step);
  }, ms);
}

function askForToken(message) {
  clearInterval(timer);
  const refused = token() !== null;
  forgetToken();
  view.replaceChildren();
  view.hidden = true;
  login.hidden = false;
  document.getElementById('login-error').textContent = refused
    ? `The token was refused: ${message}` : `This jobdrop needs its API token: ${message}`;
  document.getElementById('token').focus();
}

document.getElementById('login-form').addEventListener('submit', event => {
  event.preventDefault();
  const input = document.getElementById('token');
  rememberToken(input.value.trim());
  input.value = '';
  login.hidden = true;
  view.hidden = false;
  render();
});

// ---- Overview ---------------------------------------------------------------------------------------------------

async function overview({render}) {
  // each part is drawn from its own answer, so an outage of one (the ledger behind /api/v1) still shows the others
  // (the health that says why); and the refresh goes on, so the page recovers by itself
  const draw = async () => {
    const [stats, timeline, health] = await Promise.allSettled([get('/api/v1/stats'),
      get('/api/v1/stats/timeline?minutes=15'), healthChecks()]);
    const refused = [stats, timeline, health].find(p => p.status === 'rejected' && p.reason instanceof Unauthorized);
    if (refused) throw refused.reason;
    if (!stillCurrent(render)) return;
    const failed = p => h('p', {class: 'error', role: 'alert'}, p.reason.message);
    fill(view,
      h('h1', {}, 'Overview'),
      stats.status === 'fulfilled' ? statCards(stats.value) : failed(stats),
      h('section', {class: 'panel', 'aria-labelledby': 'chart-title'},
        h('h2', {id: 'chart-title'}, 'Last 15 minutes'),
        timeline.status === 'fulfilled' ? [timelineChart(timeline.value), legend(timeline.value)] : failed(timeline)),
      h('section', {class: 'panel', 'aria-labelledby': 'health-title'},
        h('h2', {id: 'health-title'}, 'Health'),
        health.status === 'fulfilled' ? healthList(health.value) : failed(health)));
  };
  await draw();
  every(render, REFRESH_MS, draw);
}

function statCards(stats) {
  const taken = (stats.files.accepted || 0) + (stats.files.rejected || 0);
  return h('div', {class: 'cards'},
    card('Files', [['taken', 'files.taken', taken], ['accepted', 'files.accepted', stats.files.accepted],
      ['rejected', 'files.rejected', stats.files.rejected]]),
    card('Jobs', [['queued', 'jobs.queued', stats.jobs.queued], ['submitted', 'jobs.submitted', stats.jobs.submitted],
      ['dead', 'jobs.dead', stats.jobs.dead]]),
    card('Outbox', [['depth', 'outbox.depth', stats.outbox.depth],
      ['oldest queued', 'outbox.oldest', age(stats.oldestQueuedAgeSeconds)]]));
}

function card(title, rows) {
  return h('section', {class: 'card', 'aria-label': title},
    h('h2', {}, title),
    h('dl', {}, rows.map(([label, key, value]) => [h('dt', {}, label),
      h('dd', {'data-stat': key}, value === undefined ? 0 : value)])));
}

/**
 * /observe/health with every check (camel.health.exposureLevel=full): it answers 503 when something is DOWN, with
 * the same body. The checks jobdrop names (ledger, inbox, orchestrator, one per bucket) are shown.
 */
async function healthChecks() {
  const response = await fetch('/observe/health', {headers: {Accept: 'application/json'}});
  const body = await response.json();
  return (body.checks || []).filter(c => ['ledger', 'inbox', 'orchestrator'].includes(c.name)
    || c.name.startsWith('bucket'));
}

function healthList(checks) {
  if (checks.length === 0) return h('p', {}, 'No health checks answered.');
  return h('ul', {class: 'health'}, checks.map(c => h('li', {'data-check': c.name, class: `status-${c.status}`},
    h('span', {class: 'badge'}, c.status), ' ', h('strong', {}, c.name),
    c.status !== 'UP' && c.message ? h('span', {class: 'message'}, ` — ${c.message}`) : null)));
}

// ---- Files ------------------------------------------------------------------------------------------------------

async function files({render, params}) {
  const verdict = params.get('verdict') || '';
  const heading = h('h1', {}, 'Files');
  const filter = h('form', {class: 'filters', onsubmit: e => e.preventDefault()},
    h('label', {for: 'verdict'}, 'Verdict'),
    h('select', {id: 'verdict', onchange: e => go('/files', {verdict: e.target.value})},
      ['', 'accepted', 'rejected'].map(v => h('option', {value: v, selected: v === verdict}, v || 'all'))));
  const body = h('tbody', {});
  const more = h('button', {type: 'button', hidden: true}, 'Older files');
  const list = h('table', {class: 'files'}, h('caption', {}, 'Taken files, objects and HTTP bodies, newest first'),
    h('thead', {}, h('tr', {}, ['Taken', 'Source', 'Name', 'Verdict', 'Jobs or first error']
      .map(t => h('th', {scope: 'col'}, t)))), body);
  fill(view, heading, filter, h('div', {class: 'scroll'}, list), more);
  let next = null;
  const page = async () => {
    const query = new URLSearchParams({limit: '100'});
    if (verdict) query.set('verdict', verdict);
    if (next) query.set('after', next);
    const answer = await get(`/api/v1/files?${query}`);
    if (!stillCurrent(render)) return;
    for (const unit of answer.items) body.appendChild(fileRow(unit));
    next = answer.next;
    more.hidden = !next;
    if (answer.items.length === 0 && body.children.length === 0) {
      body.appendChild(h('tr', {}, h('td', {colspan: 5}, 'Nothing taken yet.')));
    }
  };
  more.addEventListener('click', () => guarded(render, page));
  await page();
}

function fileRow(unit) {
  const first = unit.errors[0];
  const outcome = unit.verdict === 'rejected'
    ? (first ? `${first.line ? `${first.line}:${first.column} ` : ''}${first.message}` : '')
    : unit.jobs.map(j => `${j.name} v${j.version} (${j.change})`).join(', ');
  return h('tr', {'data-verdict': unit.verdict},
    h('td', {}, when(unit.time)), h('td', {}, unit.source),
    h('td', {}, h('a', {href: `#/files/${encodeURIComponent(unit.id)}`}, unit.name)),
    h('td', {}, h('span', {class: `verdict verdict-${unit.verdict}`}, unit.verdict)),
    h('td', {class: 'first-error'}, outcome));
}

async function fileReport({render, args: [id]}) {
  const unit = await get(`/api/v1/files/${encodeURIComponent(id)}`);
  if (!stillCurrent(render)) return;
  const facts = h('dl', {class: 'facts'},
    h('dt', {}, 'Source'), h('dd', {}, unit.source),
    h('dt', {}, 'Taken'), h('dd', {}, when(unit.time)),
    h('dt', {}, 'Verdict'), h('dd', {}, h('span', {class: `verdict verdict-${unit.verdict}`}, unit.verdict)),
    unit.placedAs ? [h('dt', {}, 'Filed as'), h('dd', {}, unit.placedAs)] : null);
  const parts = [h('p', {}, h('a', {href: '#/files'}, '← Files')), h('h1', {class: 'file-name'}, unit.name), facts];
  if (unit.verdict === 'rejected') {
    parts.push(h('h2', {}, `${unit.errors.length} error${unit.errors.length === 1 ? '' : 's'}`),
      errorTable(unit.errors), h('h2', {}, 'The file'),
      unit.text === null ? h('p', {}, 'Its text was not kept: it was rejected without being read (too large or'
        + ' unreadable), or taken before jobdrop kept the text of rejected files.') : markedText(unit.text, unit.errors));
  } else {
    parts.push(h('h2', {}, 'Jobs'), table('Jobs this file recorded', ['Name', 'Namespace', 'Version', 'Change'],
      unit.jobs.map(j => [h('a', {href: `#/jobs/${encodeURIComponent(j.id)}`}, j.name), j.namespace, j.version,
        j.change])));
  }
  fill(view, parts);
}

// ---- Jobs -------------------------------------------------------------------------------------------------------

async function jobs({render, params}) {
  const q = params.get('q') || '';
  const form = h('form', {class: 'filters', role: 'search'},
    h('label', {for: 'job-search'}, 'Name contains'),
    h('input', {id: 'job-search', name: 'q', type: 'search', value: q}),
    JOB_FILTERS.map(f => [h('label', {for: `filter-${f.param}`}, f.label),
      h('select', {id: `filter-${f.param}`, name: f.param},
        ['', ...f.options].map(v => h('option', {value: v, selected: v === (params.get(f.param) || '')}, v || 'all')))]),
    h('button', {type: 'submit'}, 'Search'));
  form.addEventListener('submit', e => {
    e.preventDefault();
    go('/jobs', Object.fromEntries(new FormData(form)));
  });
  form.querySelectorAll('select').forEach(s => s.addEventListener('change', () => form.requestSubmit()));
  const query = new URLSearchParams({limit: '200'});
  if (q) query.set('q', q);
  for (const f of JOB_FILTERS) if (params.get(f.param)) query.set(f.param, params.get(f.param));
  const answer = await get(`/api/v1/jobs?${query}`);
  if (!stillCurrent(render)) return;
  const rows = answer.items.map(j => h('tr', {'data-job': j.name},
    h('td', {}, h('a', {href: `#/jobs/${encodeURIComponent(j.id)}`}, j.name)), h('td', {}, j.namespace),
    h('td', {}, j.version), h('td', {}, j.state), h('td', {}, h('span', {class: `delivery delivery-${j.delivery}`}, j.delivery)),
    h('td', {}, when(j.updatedAt)), h('td', {class: 'last-error'}, j.lastError || '')));
  fill(view, h('h1', {}, 'Jobs'), form, h('div', {class: 'scroll'},
    table('Jobs, newest first', ['Name', 'Namespace', 'Version', 'State', 'Delivery', 'Updated', 'Last error'],
      rows.length ? rows : [h('tr', {}, h('td', {colspan: 7}, 'No job matches.'))], {class: 'jobs'})));
}

async function job({render, args: [idOrName]}) {
  const detail = await get(`/api/v1/jobs/${encodeURIComponent(idOrName)}`);
  if (!stillCurrent(render)) return;
  const fact = (label, value) => [h('dt', {}, label), h('dd', {}, value === null || value === undefined ? '–' : value)];
  const parts = [h('p', {}, h('a', {href: '#/jobs'}, '← Jobs')), h('h1', {}, detail.name), takeFlash(),
    h('dl', {class: 'facts'}, fact('ID', detail.id), fact('Namespace', detail.namespace),
      fact('Version', detail.version), fact('Revision', detail.revision), fact('State', detail.state),
      fact('Delivery', detail.delivery), fact('Orchestrator job ID', detail.orchestratorJobId),
      fact('Evaluation ID', detail.evaluationId), fact('Last error', detail.lastError))];
  if (detail.delivery === 'dead') {
    parts.push(replayButton(detail, render));
  }
  parts.push(h('h2', {}, 'Versions'), versionsDiff(detail.versions));
  parts.push(h('h2', {}, 'Forward attempts'), table('Each send to the orchestrator',
    ['#', 'Version', 'At', 'Status', 'Latency', 'Outcome', 'Error'],
    detail.attempts.map(a => [a.attempt, a.version, when(a.at), a.statusCode === null ? 'no answer' : a.statusCode,
      `${a.latencyMs} ms`, a.outcome, a.error || ''])));
  parts.push(h('h2', {}, 'Events'), table('What happened to this job', ['At', 'Event', 'Version', 'Source', 'Detail'],
    detail.events.map(e => [when(e.at), e.type, e.version === null ? '' : e.version, e.source,
      e.detail === null ? '' : typeof e.detail === 'string' ? e.detail : JSON.stringify(e.detail)])));
  fill(view, parts);
}

/** Two version pickers and the side-by-side line diff of their specs (as JSON, two-space indented). */
function versionsDiff(versions) {
  const text = v => JSON.stringify(v.spec, null, 2);
  const choose = (id, label, selected) => [h('label', {for: id}, label),
    h('select', {id}, versions.map(v => h('option', {value: v.version, selected: v.version === selected},
      `version ${v.version} (${when(v.createdAt)}, ${v.source})`)))];
  const last = versions[versions.length - 1].version;
  const first = versions.length > 1 ? versions[versions.length - 2].version : last;
  const controls = h('form', {class: 'filters', onsubmit: e => e.preventDefault()},
    choose('diff-left', 'Compare', first), choose('diff-right', 'with', last));
  const out = h('div', {class: 'scroll'});
  const draw = () => {
    const pick = id => versions.find(v => String(v.version) === controls.querySelector(`#${id}`).value);
    const rows = sideBySide(lineDiff(text(pick('diff-left')), text(pick('diff-right'))));
    const side = s => s ? [h('td', {class: 'number'}, s.number), h('td', {class: 'code'}, s.text)]
      : [h('td', {class: 'number'}, ''), h('td', {class: 'code'}, '')];
    fill(out, h('table', {class: 'diff'}, h('caption', {class: 'visually-hidden'}, 'Line diff of the two versions'),
      h('thead', {}, h('tr', {}, h('th', {scope: 'col', colspan: 2}, 'left'), h('th', {scope: 'col', colspan: 2}, 'right'))),
      h('tbody', {}, rows.map(r => h('tr', {class: `diff-${r.kind}`}, side(r.left), side(r.right))))));
  };
  controls.addEventListener('change', draw);
  draw();
  return h('div', {}, table('Every version kept', ['Version', 'Source', 'Recorded'],
    versions.map(v => [v.version, v.source, when(v.createdAt)])), controls, out);
}

function replayButton(detail, render) {
  return h('button', {type: 'button', class: 'replay', 'data-replay': detail.name, onclick: () => guarded(render, async () => {
    if (!confirm(`Replay the dead job ${detail.name}? It goes back into the outbox and is sent again.`)) return;
    const answer = await call(`/api/v1/jobs/${encodeURIComponent(detail.id)}/replay`, {method: 'POST', expect: [200]});
    flash(`Replayed ${answer.body.replayed} job${answer.body.replayed === 1 ? '' : 's'}.`);
    render === current && renderAgain();
  })}, `Replay ${detail.name}`);
}

// ---- Dead letters -----------------------------------------------------------------------------------------------

async function deadLetters({render}) {
  const answer = await get('/api/v1/jobs?state=dead&limit=1000');
  if (!stillCurrent(render)) return;
  const all = h('button', {type: 'button', id: 'replay-all', disabled: answer.items.length === 0,
    onclick: () => guarded(render, async () => {
      if (!confirm(`Replay all ${answer.items.length} dead letters? They go back into the outbox.`)) return;
      const replayed = await call('/api/v1/dead-letters/replay', {method: 'POST', expect: [200]});
      flash(`Replayed ${replayed.body.replayed} job${replayed.body.replayed === 1 ? '' : 's'}.`);
      renderAgain();
    })}, 'Replay all');
  const rows = answer.items.map(j => h('tr', {'data-job': j.name},
    h('td', {}, h('a', {href: `#/jobs/${encodeURIComponent(j.id)}`}, j.name)), h('td', {}, j.version),
    h('td', {}, when(j.updatedAt)), h('td', {class: 'last-error'}, j.lastError || ''),
    h('td', {}, replayButton(j, render))));
  fill(view, h('h1', {}, 'Dead letters'), takeFlash(),
    h('p', {}, 'Jobs the orchestrator refused or that ran out of retries. Replaying puts one back into the outbox.'),
    all, h('div', {class: 'scroll'}, table('Dead letters, newest first', ['Name', 'Version', 'Since', 'Last error', ''],
      rows.length ? rows : [h('tr', {}, h('td', {colspan: 5}, 'No dead letters.'))], {class: 'dead'})));
}

// ---- Submit -----------------------------------------------------------------------------------------------------

async function submit({render}) {
  const text = h('textarea', {id: 'job-text', rows: 16, spellcheck: 'false', required: true});
  const upload = h('input', {id: 'job-upload', type: 'file', accept: '.yaml,.yml,.json,application/json,text/yaml'});
  const result = h('section', {id: 'verdict', 'aria-live': 'polite'});
  upload.addEventListener('change', async () => {
    if (upload.files[0]) text.value = await upload.files[0].text();
  });
  const send = dryRun => guarded(render, async () => {
    const body = text.value;
    const type = /^\s*[{[]/.test(body) ? 'application/json' : 'application/yaml';
    const answer = await call(`/api/v1/jobs${dryRun ? '?dryRun=true' : ''}`,
      {method: 'POST', body, contentType: type, expect: [200, 201, 400, 413, 415]});
    if (stillCurrent(render)) fill(result, verdictOf(answer, body, dryRun));
  });
  const form = h('form', {class: 'submit', onsubmit: e => { e.preventDefault(); send(false); }},
    h('label', {for: 'job-text'}, 'Job file (YAML or JSON, as for bacalhau job run)'), text,
    h('label', {for: 'job-upload'}, 'or upload one'), upload,
    h('div', {class: 'buttons'}, h('button', {type: 'button', id: 'check', onclick: () => send(true)}, 'Check (dry run)'),
      h('button', {type: 'submit', id: 'submit'}, 'Submit')));
  fill(view, h('h1', {}, 'Submit a job file'), form, result);
}

function verdictOf(answer, text, dryRun) {
  const body = answer.body;
  if (answer.status === 413 || answer.status === 415 || (answer.status === 400 && !body.verdict)) {
    return [h('h2', {class: 'verdict-rejected'}, 'Not taken'), h('p', {class: 'error', role: 'alert'}, body.message)];
  }
  const parts = [h('h2', {class: `verdict-${body.verdict}`, 'data-verdict': body.verdict},
    `${body.verdict}${dryRun ? ' (dry run: nothing recorded)' : ''}`)];
  if (body.verdict === 'rejected') {
    parts.push(errorTable(body.errors), markedText(text, body.errors));
  } else if (!dryRun) {
    parts.push(table('Recorded jobs', ['Name', 'Namespace', 'Version', 'Change', 'Delivery'],
      body.jobs.map(j => [h('a', {href: `#/jobs/${encodeURIComponent(j.id)}`}, j.name), j.namespace, j.version,
        j.change, j.state])));
  } else {
    parts.push(h('p', {}, `${body.jobs.length} job${body.jobs.length === 1 ? '' : 's'} would be recorded.`));
  }
  if (body.warnings && body.warnings.length) {
    parts.push(h('h3', {}, 'Warnings'), h('ul', {}, body.warnings.map(w => h('li', {}, typeof w === 'string' ? w
      : `${w.path ? w.path + ': ' : ''}${w.message}`))));
  }
  return parts;
}

// ---- Navigation -------------------------------------------------------------------------------------------------

let flashed = null;

function flash(message) {
  flashed = message;
}

function takeFlash() {
  const message = flashed;
  flashed = null;
  return message ? h('p', {class: 'flash', role: 'status'}, message) : null;
}

function renderAgain() {
  render();
}

function go(path, params) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v)).toString();
  location.hash = `#${path}${query ? `?${query}` : ''}`;
}

window.addEventListener('hashchange', render);
render();
