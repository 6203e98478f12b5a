// A SQLite table above the per-table row limit: the run completes, the page says what it left
// out, and no main-thread task blocks long.
import { measure } from '../lib/report.mjs';
import { overLimit } from '../lib/suites-warm.mjs';

export default {
  name: 'limit',
  title: 'Over the row limit',
  // Past the playground's per-table limit (HELD_ROW_LIMIT, 1,000,000 rows).
  run: (env) => overLimit({ ...env, limitRuns: env.count(2, 1) }, 1_050_000),
  summarise(o) {
    const lt = Math.max(...o.runs.map((x) => x.longestTaskMs));
    const said = o.runs.every((x) => x.cutNote.length > 0);
    return [
      measure({
        measure: `Over the row limit: ${o.rows.toLocaleString('en')}-row SQLite table, Run → After table`,
        app: o.runs.map((x) => x.ms),
        target: 'says what it left out; tasks ≤ 100 ms',
        met: said && lt <= 100,
        note: `${said ? `"${o.runs[0].cutNote[0]}"` : 'no note about left-out rows'}; longest task ${lt.toFixed(0)} ms`,
      }),
    ];
  },
};
