// Statistics and the printed/Markdown tables of the benchmark.

/** Median, min and max of numbers (null when there are none). */
export function stats(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = Math.floor(v.length / 2);
  const median = v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
  return { median, min: v[0], max: v[v.length - 1], n: v.length };
}

const ms = (x) =>
  x >= 10_000
    ? `${(x / 1000).toFixed(1)} s`
    : x >= 100
      ? `${Math.round(x).toLocaleString('en')} ms`
      : `${x.toFixed(1)} ms`;
const kb = (b) => `${(b / 1000).toFixed(1)} KB`;
const cell = (s, fmt = ms) => (s ? `${fmt(s.median)} (${fmt(s.min)}–${fmt(s.max)})` : '—');
const ratio = (a, b) => (a && b ? a.median / b.median : null);

/** Sum the gzip bytes of the requests made before the first result, per unique path. */
export function bytesBeforeFirst(sample) {
  const seen = new Map();
  for (const r of sample.requests) if (!seen.has(r.path)) seen.set(r.path, r);
  const chunks = [...seen.values()].map((r) => ({ path: r.path, bytes: r.bytes, gzip: r.gzip }));
  return { chunks, gzip: chunks.reduce((a, c) => a + c.gzip, 0), bytes: chunks.reduce((a, c) => a + c.bytes, 0) };
}

/** Build the summary rows (one per measure) from the raw results. */
export function summarise(r, cfg) {
  const rows = [];
  const row = (measure, app, ref, refLabel, rat, target, met, note = '') =>
    rows.push({ measure, app, ref, refLabel, ratio: rat, target, met, note });

  if (r.coldSqlite) {
    const a = stats(r.coldSqlite.app.map((s) => s.ms));
    const b = stats(r.coldSqlite.baseline.map((s) => s.ms));
    const rat = ratio(a, b);
    const offPath = r.coldSqlite.app.every(
      (s) => s.editorBeforeFirst.length === 0 && s.postgresBeforeFirst.length === 0,
    );
    row('1. Cold start → first SQLite result', a, b, 'sql.js baseline', rat, '≤ 1.5×', rat !== null && rat <= 1.5);
    if (r.coldSqlite.alt?.length) {
      const c = stats(r.coldSqlite.alt.map((s) => s.ms));
      row(
        '1. … alternative build (BENCH_ALT_DIST)',
        c,
        b,
        'sql.js baseline',
        ratio(c, b),
        '≤ 1.5×',
        ratio(c, b) <= 1.5,
        `${bytesBeforeFirst(r.coldSqlite.alt[0]).gzip} bytes gzip before the first result`,
      );
    }
    row(
      '1. Monaco and PGlite off the path to it',
      null,
      null,
      '',
      null,
      'none fetched',
      offPath,
      offPath ? 'none fetched before the first result' : 'fetched before the first result',
    );
  }
  if (r.coldPostgres) {
    const af = stats(r.coldPostgres.app.map((s) => s.first.ms));
    const bf = stats(r.coldPostgres.baseline.map((s) => s.first.ms));
    const ar = stats(r.coldPostgres.app.map((s) => s.repeat.ms));
    const br = stats(r.coldPostgres.baseline.map((s) => s.repeat.ms));
    const rf = ratio(af, bf);
    const snap = r.coldPostgres.app.filter((s) => s.repeatFromSnapshot).length;
    row(
      '2. Cold start → first PostgreSQL result, first visit',
      af,
      bf,
      'PGlite baseline',
      rf,
      '≤ 1.2×',
      rf !== null && rf <= 1.2,
    );
    const rr = ratio(ar, af);
    if (r.coldPostgres.alt?.length) {
      const cf = stats(r.coldPostgres.alt.map((s) => s.first.ms));
      const cr = stats(r.coldPostgres.alt.map((s) => s.repeat.ms));
      row(
        '2. … alternative build, first visit',
        cf,
        bf,
        'PGlite baseline',
        ratio(cf, bf),
        '≤ 1.2×',
        ratio(cf, bf) <= 1.2,
      );
      row(
        '2. … alternative build, repeat visit',
        cr,
        cf,
        'its first visit',
        ratio(cr, cf),
        '≤ 0.33×',
        ratio(cr, cf) <= 1 / 3,
      );
    }
    row(
      "2. … repeat visit (vs the app's first visit)",
      ar,
      af,
      'app first visit',
      rr,
      '≤ 0.33×',
      rr !== null && rr <= 1 / 3,
      `snapshot used on ${snap}/${r.coldPostgres.app.length} repeat visits; PGlite baseline repeat visit ${cell(br)}`,
    );
  }
  if (r.dialectSwitch) {
    for (const kind of ['first', 'repeat']) {
      const s = stats(r.dialectSwitch[kind].map((x) => x.ms));
      const ready = r.dialectSwitch[kind].filter((x) => x.postgresReadyBeforeClick).length;
      const early = r.dialectSwitch[kind].filter((x) => x.postgresWorkerBeforeFirstResult).length;
      row(
        `3. Switch to PostgreSQL after ${cfg.idleMs / 1000} s idle (${kind} visit)`,
        s,
        null,
        '',
        null,
        '< 300 ms',
        s !== null && s.median < 300 && early === 0,
        `PostgreSQL ready before the click in ${ready}/${r.dialectSwitch[kind].length}; warm-up started before the first SQLite result in ${early}`,
      );
    }
  }
  if (r.warm) {
    for (const d of ['sqlite', 'postgres']) {
      const s = stats(r.warm[d].map((x) => x.ms));
      const e = stats(r.warm[d].map((x) => x.engine?.total));
      row(
        `4. Warm run, default scenario (${d === 'sqlite' ? 'SQLite' : 'PostgreSQL'})`,
        s,
        e,
        "engine's own time",
        ratio(s, e),
        '—',
        null,
      );
    }
  }
  for (const b of r.bulk ?? []) {
    const a = stats(b.app.map((x) => x.ms));
    const e = stats(b.engine.map((x) => x.withRead));
    const ss = stats(b.engine.map((x) => x.setupAndStatement));
    const st = stats(b.engine.map((x) => x.statement));
    const lt = stats(b.app.map((x) => x.longestTaskMs));
    const trs = Math.max(...b.app.map((x) => x.dom.trs));
    const rat = ratio(a, e);
    const label = `5. Bulk ${b.n.toLocaleString('en')} rows, ${b.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'}: Run → After table`;
    const target = b.n <= 10_000 ? '≤ 1.5×' : '—';
    const vs = (s) => (s && a ? `${cell(s)}, app ${(a.median / s.median).toFixed(1)}×` : '?');
    row(
      label,
      a,
      e,
      'engine alone: setup + statement + read After rows',
      rat,
      target,
      b.n <= 10_000 ? rat !== null && rat <= 1.5 : null,
      `engine alone without the read: setup + statement ${vs(ss)}; statement only ${vs(st)}`,
    );
    // Complete: the After table announces every row (aria-rowcount = rows + header) and no cut note.
    const complete = b.app.every((x) => Number(x.dom.tableAria) === b.n + 1 && x.dom.cutNotes === 0);
    row(
      '5. … longest main-thread task; complete and virtualised',
      lt,
      null,
      '',
      null,
      '≤ 200 ms, all rows, few DOM rows',
      lt !== null && lt.max <= 200 && trs <= 500 && complete,
      `${complete ? `all ${b.n.toLocaleString('en')} rows in the After view, none cut` : 'After view incomplete or cut'}; at most ${trs} \`<tr>\` in the DOM`,
    );
  }
  if (r.overLimit) {
    const o = r.overLimit;
    const s = stats(o.runs.map((x) => x.ms));
    const lt = Math.max(...o.runs.map((x) => x.longestTaskMs));
    const said = o.runs.every((x) => x.cutNote.length > 0);
    row(
      `5. Over the row limit: ${o.rows.toLocaleString('en')}-row SQLite table, Run → After table`,
      s,
      null,
      '',
      null,
      'says what it left out; tasks ≤ 200 ms',
      said && lt <= 200,
      `${said ? `"${o.runs[0].cutNote[0]}"` : 'no note about left-out rows'}; longest task ${lt.toFixed(0)} ms`,
    );
  }
  if (r.coldSqlite) {
    const app = bytesBeforeFirst(r.coldSqlite.app[0]);
    const base = bytesBeforeFirst(r.coldSqlite.baseline[0]);
    row(
      '6. Bytes (gzip) before the first SQLite result',
      { median: app.gzip, min: app.gzip, max: app.gzip, bytes: true },
      { median: base.gzip, min: base.gzip, max: base.gzip, bytes: true },
      'sql.js baseline',
      app.gzip / base.gzip,
      '< 500 KB',
      app.gzip < 500_000,
      `${app.chunks.length} files`,
    );
  }
  return rows;
}

function fmtStat(s) {
  if (!s) return '—';
  if (s.bytes) return kb(s.median);
  return cell(s);
}

/** The summary as a Markdown table. */
export function markdownTable(rows) {
  const out = [
    '| Measure | App: median (min–max) | Reference: median (min–max) | Ratio | Target | Met |',
    '|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    const ref = r.ref ? `${fmtStat(r.ref)} — ${r.refLabel}` : r.refLabel || '—';
    const met = r.met === null ? '—' : r.met ? 'yes' : '**no**';
    const note = r.note ? ` <br>_${r.note}_` : '';
    out.push(
      `| ${r.measure}${note} | ${fmtStat(r.app)} | ${ref} | ${r.ratio === null ? '—' : `${r.ratio.toFixed(2)}×`} | ${r.target} | ${met} |`,
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
    fmtStat(r.app),
    r.ref ? `${fmtStat(r.ref)} (${r.refLabel})` : r.refLabel || '—',
    r.ratio === null ? '—' : `${r.ratio.toFixed(2)}x`,
    r.target,
    r.met === null ? '—' : r.met ? 'yes' : 'NO',
  ]);
  const head = ['Measure', 'App median (min-max)', 'Reference', 'Ratio', 'Target', 'Met'];
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
