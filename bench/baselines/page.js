// The page side of a baseline: run the app's default scenario in the worker and render the After
// rows as one plain table (the least any playground has to show), then stay available to the
// benchmark for timing bulk statements through `window.__baseline.call`.

/** The app's default scenario, injected at build time (see vite.config.mjs). */
// eslint-disable-next-line no-undef
const SCENARIO = __DEFAULT_SCENARIO__;

/** Start the baseline on `worker`; `dialect` picks the scenario part. */
export function startBaseline(dialect, worker) {
  const pending = new Map();
  let nextId = 1;
  worker.onmessage = (e) => {
    const done = pending.get(e.data.id);
    pending.delete(e.data.id);
    done?.(e.data);
  };
  const call = (msg) =>
    new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      worker.postMessage({ ...msg, id });
    });
  window.__baseline = { dialect, call };

  // `?autorun=0` leaves the page idle (bulk timing starts the engine itself).
  if (new URLSearchParams(location.search).get('autorun') === '0') return;
  const s = SCENARIO[dialect];
  void call({ type: 'scenario', setup: s.setup, statement: s.statement, table: 'users' }).then((reply) => {
    window.__baseline.lastReply = reply;
    render(reply, 'users');
  });
}

function render(reply, table) {
  const out = document.getElementById('out');
  out.textContent = '';
  if (reply.error) {
    const p = document.createElement('p');
    p.setAttribute('role', 'alert');
    p.textContent = reply.error;
    out.append(p);
    return;
  }
  const t = document.createElement('table');
  t.setAttribute('aria-label', `After: ${table}`);
  const head = t.createTHead().insertRow();
  for (const c of reply.columns) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = c;
    head.append(th);
  }
  const body = t.createTBody();
  for (const row of reply.rows) {
    const tr = body.insertRow();
    for (const v of row) tr.insertCell().textContent = v === null ? 'NULL' : String(v);
  }
  out.append(t);
}
