// Bulk upserts end to end (Run → After table on screen) against the raw engine doing the same SQL
// in its worker, interleaved run by run. `--all` adds PostgreSQL at 100,000 rows.
import { bulkTable, cell, measure, stats } from '../lib/report.mjs';
import { bulk } from '../lib/suites-warm.mjs';

const CASES = [
  ['sqlite', 10_000],
  ['sqlite', 100_000],
  ['postgres', 10_000],
];

export default {
  name: 'bulk',
  title: 'Bulk upserts',
  async run(env) {
    const out = [];
    const cases = env.all ? [...CASES, ['postgres', 100_000]] : CASES;
    for (const [d, n] of cases) out.push(await bulk({ ...env, bulkRuns: env.count(15, 2) }, d, n));
    return out;
  },
  summarise(r) {
    const rows = [];
    for (const b of r) {
      const app = b.app.map((x) => x.ms);
      const a = stats(app);
      const vs = (xs) => {
        const s = stats(xs);
        return s && a ? `${cell(s)}, app ${(a.median / s.median).toFixed(1)}×` : '?';
      };
      const target = b.n <= 10_000 ? '≤ 1.5×' : b.n <= 100_000 ? '≤ 1.3×' : '—';
      const limit = b.n <= 10_000 ? 1.5 : b.n <= 100_000 ? 1.3 : null;
      rows.push(
        measure({
          measure: `Bulk ${b.n.toLocaleString('en')} rows, ${b.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'}: Run → After table`,
          app,
          ref: b.engine.map((x) => x.withRead),
          refLabel: 'engine alone: setup + statement + read After rows',
          target,
          met: limit === null ? null : (x) => x.ratio !== null && x.ratio.value <= limit,
          note: `engine alone without the read: setup + statement ${vs(b.engine.map((x) => x.setupAndStatement))}; statement only ${vs(b.engine.map((x) => x.statement))}`,
        }),
      );
      const trs = Math.max(...b.app.map((x) => x.dom.trs));
      // Complete: the After table announces every row (aria-rowcount = rows + header) and no cut note.
      const complete = b.app.every((x) => Number(x.dom.tableAria) === b.n + 1 && x.dom.cutNotes === 0);
      rows.push(
        measure({
          measure: '… longest main-thread task; complete and virtualised',
          app: b.app.map((x) => x.longestTaskMs),
          target: '≤ 100 ms, all rows, few DOM rows',
          met: (x) => x.app !== null && x.app.max <= 100 && trs <= 500 && complete,
          note: `${complete ? `all ${b.n.toLocaleString('en')} rows in the After view, none cut` : 'After view incomplete or cut'}; at most ${trs} \`<tr>\` in the DOM`,
        }),
      );
    }
    return rows;
  },
  details: (r) =>
    ["Bulk runs, medians (the app's engine timings come from its run result):", '', bulkTable(r)].join('\n'),
};
