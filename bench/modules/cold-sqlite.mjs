// Cold start → first SQLite result, app vs the sql.js baseline page (interleaved, fresh profile per
// visit), with where the time goes and the bytes fetched before the result.
import { bytesBeforeFirst, bytesTable, check, coldBreakdownTable, measure } from '../lib/report.mjs';
import { coldSqlite } from '../lib/suites-cold.mjs';

export default {
  name: 'cold-sqlite',
  title: 'Cold start → first SQLite result',
  run: (env) => coldSqlite({ ...env, runs: env.count(15, 2) }),
  summarise(r) {
    const base = r.baseline.map((s) => s.ms);
    const rows = [
      measure({
        measure: 'Cold start → first SQLite result',
        app: r.app.map((s) => s.ms),
        ref: base,
        refLabel: 'sql.js baseline',
        target: '≤ 1.5×',
        met: (x) => x.ratio !== null && x.ratio.value <= 1.5,
      }),
    ];
    if (r.alt?.length)
      rows.push(
        measure({
          measure: '… alternative build (BENCH_ALT_DIST)',
          app: r.alt.map((s) => s.ms),
          ref: base,
          refLabel: 'sql.js baseline',
          target: '≤ 1.5×',
          met: (x) => x.ratio !== null && x.ratio.value <= 1.5,
          note: `${bytesBeforeFirst(r.alt[0]).gzip} bytes gzip before the first result`,
        }),
      );
    const offPath = r.app.every((s) => s.editorBeforeFirst.length === 0 && s.postgresBeforeFirst.length === 0);
    rows.push(
      check(
        'Monaco and PGlite off the path to it',
        offPath,
        'none fetched',
        offPath ? 'none fetched before the first result' : 'fetched before the first result',
      ),
    );
    const app = bytesBeforeFirst(r.app[0]);
    const b = bytesBeforeFirst(r.baseline[0]);
    rows.push(
      measure({
        measure: 'Bytes (gzip) before the first SQLite result',
        app: { median: app.gzip, min: app.gzip, max: app.gzip, n: 1 },
        ref: { median: b.gzip, min: b.gzip, max: b.gzip, n: 1 },
        refLabel: 'sql.js baseline',
        target: '< 500 KB',
        met: app.gzip < 500_000,
        note: `${app.chunks.length} files`,
        unit: 'bytes',
      }),
    );
    return rows;
  },
  details: (r) =>
    [
      'Where the cold start goes (phase times are medians of their own, so they need not add up to the total):',
      '',
      coldBreakdownTable(r),
      '',
      'Bytes before the first SQLite result (first cold run, gzip level 6 computed from the served files; KB = 1,000 bytes):',
      '',
      bytesTable(r.app[0]),
    ].join('\n'),
};
