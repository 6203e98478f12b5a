// Cold start → first PostgreSQL result on a first and a repeat visit, app vs the PGlite baseline.
import { cell, measure, stats } from '../lib/report.mjs';
import { coldPostgres } from '../lib/suites-cold.mjs';

export default {
  name: 'cold-postgres',
  title: 'Cold start → first PostgreSQL result',
  run: (env) => coldPostgres({ ...env, runs: env.count(5, 2) }),
  summarise(r) {
    const first = (side) => r[side].map((s) => s.first.ms);
    const repeat = (side) => r[side].map((s) => s.repeat.ms);
    const snap = r.app.filter((s) => s.repeatFromSnapshot).length;
    const rows = [
      measure({
        measure: 'Cold start → first PostgreSQL result, first visit',
        app: first('app'),
        ref: first('baseline'),
        refLabel: 'PGlite baseline',
        target: '≤ 1.2×',
        met: (x) => x.ratio !== null && x.ratio.value <= 1.2,
      }),
      measure({
        measure: "… repeat visit (vs the PGlite baseline's repeat visit)",
        app: repeat('app'),
        ref: repeat('baseline'),
        refLabel: 'PGlite baseline, repeat visit',
        note: `snapshot used on ${snap}/${r.app.length} repeat visits; the app's first visit ${cell(stats(first('app')))}`,
      }),
    ];
    if (r.alt?.length)
      rows.push(
        measure({
          measure: '… alternative build, first visit',
          app: first('alt'),
          ref: first('baseline'),
          refLabel: 'PGlite baseline',
          target: '≤ 1.2×',
          met: (x) => x.ratio !== null && x.ratio.value <= 1.2,
        }),
      );
    return rows;
  },
};
