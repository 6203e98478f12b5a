// The rows of the benchmark's summary and their printed and Markdown forms. A bench module turns
// its samples into rows with `measure()`; run.mjs prints them and writes docs/BENCHMARK.md.
import { ratioOfMedians, stats } from './stats.mjs';

export { stats };

const ms = (x) =>
  x >= 10_000
    ? `${(x / 1000).toFixed(1)} s`
    : x >= 100
      ? `${Math.round(x).toLocaleString('en')} ms`
      : `${x.toFixed(1)} ms`;
const kb = (b) => `${(b / 1000).toFixed(1)} KB`;
const plain = (x) => (Number.isInteger(x) ? x.toLocaleString('en') : x.toFixed(1));
const UNITS = { ms, bytes: kb, count: plain, mb: (x) => `${x.toFixed(1)} MB` };

/** "median (min–max)" of a stats object, in `unit`. */
export const cell = (s, unit = 'ms') =>
  s ? `${UNITS[unit](s.median)} (${UNITS[unit](s.min)}–${UNITS[unit](s.max)})` : '—';

const asStats = (x) => (Array.isArray(x) ? stats(x) : (x ?? null));

/**
 * One summary row. `app` and `ref` are lists of samples (or ready stats); with two lists the ratio
 * of their medians gets a bootstrap interval. `met` is true/false, null (no target) or a function
 * of the row. `unit`: ms (default), bytes, count or mb.
 */
export function measure({
  measure: name,
  app,
  ref = null,
  refLabel = '',
  target = '—',
  met = null,
  note = '',
  unit = 'ms',
}) {
  const r = {
    measure: name,
    app: asStats(app),
    ref: asStats(ref),
    refLabel,
    ratio: Array.isArray(app) && Array.isArray(ref) ? ratioOfMedians(app, ref) : null,
    target,
    met: null,
    note,
    unit,
  };
  r.met = typeof met === 'function' ? Boolean(met(r)) : met;
  return r;
}

/** A row without a measured value (a yes/no check). */
export const check = (name, met, target, note = '') => measure({ measure: name, app: null, met, target, note });

/** Sum the gzip bytes of the requests made before the first result, per unique path. */
export function bytesBeforeFirst(sample) {
  const seen = new Map();
  for (const r of sample.requests) if (!seen.has(r.path)) seen.set(r.path, r);
  const chunks = [...seen.values()].map((r) => ({ path: r.path, bytes: r.bytes, gzip: r.gzip }));
  return { chunks, gzip: chunks.reduce((a, c) => a + c.gzip, 0), bytes: chunks.reduce((a, c) => a + c.bytes, 0) };
}

/** "median (min–max, 95% CI of the median lo–hi, n)" or just the value for a single sample. */
function fmtStat(s, unit = 'ms') {
  if (!s) return '—';
  const f = UNITS[unit];
  if (s.n === 1) return f(s.median);
  const ci = s.ciLow !== null ? `; CI ${f(s.ciLow)}–${f(s.ciHigh)}` : '';
  return `${f(s.median)} (${f(s.min)}–${f(s.max)}${ci}; n ${s.n})`;
}

/** "2.00× (CI 1.81–2.20×)" */
function fmtRatio(r) {
  if (!r) return '—';
  return `${r.value.toFixed(2)}×${r.ciLow !== null ? ` (CI ${r.ciLow.toFixed(2)}–${r.ciHigh.toFixed(2)}×)` : ''}`;
}

/** The summary as a Markdown table. */
export function markdownTable(rows) {
  const out = [
    '| Measure | App: median (min–max; 95% CI of the median; n) | Reference | Ratio of medians (95% CI) | Target | Met |',
    '|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    const ref = r.ref ? `${fmtStat(r.ref, r.unit)} — ${r.refLabel}` : r.refLabel || '—';
    const met = r.met === null ? '—' : r.met ? 'yes' : '**no**';
    const note = r.note ? ` <br>_${r.note}_` : '';
    out.push(
      `| ${r.measure}${note} | ${fmtStat(r.app, r.unit)} | ${ref} | ${fmtRatio(r.ratio)} | ${r.target} | ${met} |`,
    );
  }
  return out.join('\n');
}

/** The bytes fetched before the first SQLite result, per file, as a Markdown table. */
export function bytesTable(sample) {
  const { chunks, gzip, bytes } = bytesBeforeFirst(sample);
  const out = ['| File requested before the first result | Raw | Gzip |', '|---|---|---|'];
  for (const c of chunks) out.push(`| \`${c.path}\` | ${kb(c.bytes)} | ${kb(c.gzip)} |`);
  out.push(`| **Total** | ${kb(bytes)} | **${kb(gzip)}** |`);
  return out.join('\n');
}

/** Where the time of the bulk runs goes (medians), as a Markdown table. */
export function bulkTable(bulk) {
  const out = [
    '| Bulk run | Run → After table | Reply arrived | Render after reply | Engine in app: setup / before / statements / after / diff | App pipeline in a bare worker: run / round trip | Engine alone: setup / statement / read |',
    '|---|---|---|---|---|---|---|',
  ];
  const m = (xs) => stats(xs)?.median;
  const f = (x) => (x === undefined ? '?' : ms(x));
  for (const b of bulk) {
    const e = (k) => m(b.app.map((x) => x.engine?.[k]));
    out.push(
      `| ${b.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'} ${b.n.toLocaleString('en')} | ${f(m(b.app.map((x) => x.ms)))} | ${f(m(b.app.map((x) => x.replyMs)))} | ${f(m(b.app.map((x) => x.renderMs)))} | ${['setup', 'before', 'statements', 'after', 'diff'].map((k) => f(e(k))).join(' / ')} | ${f(m((b.pipeline ?? []).map((x) => x.runMs)))} / ${f(m((b.pipeline ?? []).map((x) => x.roundTripMs)))} | ${['setup', 'statement', 'read'].map((k) => f(m(b.engine.map((x) => x[k])))).join(' / ')} |`,
    );
  }
  return out.join('\n');
}

/** Plain-text version of the summary for the terminal. */
export function textTable(rows) {
  const lines = rows.map((r) => [
    r.measure,
    fmtStat(r.app, r.unit),
    r.ref ? `${fmtStat(r.ref, r.unit)} (${r.refLabel})` : r.refLabel || '—',
    fmtRatio(r.ratio),
    r.target,
    r.met === null ? '—' : r.met ? 'yes' : 'NO',
  ]);
  const head = ['Measure', 'App: median (min-max; CI; n)', 'Reference', 'Ratio (CI)', 'Target', 'Met'];
  const all = [head, ...lines];
  const w = head.map((_, i) => Math.max(...all.map((l) => l[i].length)));
  const fmt = (l) => l.map((c, i) => c.padEnd(w[i])).join('  ');
  const out = [fmt(head), w.map((n) => '-'.repeat(n)).join('  '), ...lines.map(fmt)];
  for (const r of rows) if (r.note) out.push(`  · ${r.measure}: ${r.note}`);
  return out.join('\n');
}

/** Where a cold start to the first SQLite result spends its time, app vs baseline (medians). */
export function coldBreakdownTable(cold) {
  const phases = (s) => {
    const w = s.workers[0]?.created ?? null;
    const reply = s.messages.find((m) => m.type === 'result' || m.type === 'reply')?.t ?? null;
    return {
      worker: w,
      work: w !== null && reply !== null ? reply - w : null,
      render: reply !== null ? s.ms - reply : null,
      total: s.ms,
    };
  };
  const m = (side, k) => stats(cold[side].map((s) => phases(s)[k]))?.median;
  const f = (x) => (x === undefined ? '?' : ms(x));
  const out = [
    '| Cold start, SQLite (medians) | Navigation → worker created | Worker created → result message | Result message → rendered | Total |',
    '|---|---|---|---|---|',
  ];
  for (const side of ['app', 'baseline', ...(cold.alt?.length ? ['alt'] : [])]) {
    out.push(
      `| ${side === 'app' ? 'App' : side === 'baseline' ? 'sql.js baseline' : 'Alternative build'} | ${f(m(side, 'worker'))} | ${f(m(side, 'work'))} | ${f(m(side, 'render'))} | ${f(m(side, 'total'))} |`,
    );
  }
  return out.join('\n');
}
