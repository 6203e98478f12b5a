// The app's cold start → first SQLite result on a repeat visit with the service worker installed
// and controlling the page, against the first visit of the same profiles; and the first visit with
// the worker's registration on (the production build) against one with service workers blocked,
// which must stay within noise. Interleaved with the sql.js baseline page.
import { cell, measure, stats } from '../lib/report.mjs';
import { coldServiceWorker } from '../lib/suites-sw.mjs';

const REF = 'sql.js baseline';

/** A ratio indistinguishable from 1: its interval spans 1 (no interval under 5 samples: not judged). */
const withinNoise = (row) => (row.ratio?.ciLow == null ? null : row.ratio.ciLow <= 1 && row.ratio.ciHigh >= 1);

export default {
  name: 'cold-sw',
  title: 'Service worker: repeat visit → first SQLite result',
  run: (env) => coldServiceWorker({ ...env, runs: env.count(7, 2) }),
  summarise(r) {
    const base = r.baseline.map((s) => s.ms);
    const first = (side) => r[side].map((s) => s.first.ms);
    const repeat = (side) => r[side].map((s) => s.repeat.ms);
    const controlled = r.sw.filter((s) => s.repeat.controlled).length;
    const network = stats(r.sw.map((s) => s.repeat.fromNetwork.length));
    const precached = r.sw.filter((s) => s.repeat.navigation?.deliveryType === 'cache-storage').length;
    const rows = [
      measure({
        measure: 'Repeat visit with the service worker → first SQLite result',
        app: repeat('sw'),
        ref: first('sw'),
        refLabel: 'first visit, same profiles',
        target: 'worker serves every repeat visit',
        met: controlled === r.sw.length && precached === r.sw.length,
        note: `worker controlling ${controlled}/${r.sw.length} repeat visits, page from its precache on ${precached}; ${network?.median ?? '?'} requests reached the server before the result (median); activated ${cell(stats(r.sw.map((s) => s.activatedAfterMs)))} after the first result`,
      }),
      measure({
        measure: '… repeat visit, service workers blocked (HTTP cache only)',
        app: repeat('noSw'),
        ref: first('noSw'),
        refLabel: 'first visit, same profiles',
      }),
      measure({
        measure: '… repeat visit: with the service worker vs HTTP cache only',
        app: repeat('sw'),
        ref: repeat('noSw'),
        refLabel: 'repeat, workers blocked',
      }),
      measure({
        measure: 'First visit, service worker registration on (production) → first SQLite result',
        app: first('sw'),
        ref: first('noSw'),
        refLabel: 'first visit, workers blocked',
        target: 'within noise: CI spans 1×',
      }),
      measure({
        measure: '… first visit against the sql.js baseline',
        app: first('sw'),
        ref: base,
        refLabel: REF,
        target: '≤ 1.5×',
        met: (x) => x.ratio !== null && x.ratio.value <= 1.5,
      }),
    ];
    // Judged here: measure() would count "no interval" (under 5 samples) as not met.
    rows[3].met = withinNoise(rows[3]);
    return rows;
  },
  details: () =>
    'Each sample is one fresh profile: a first visit of the app; with the service worker, the bench waits until ' +
    'the worker (registered by the page after its first result, when idle) is activated, i.e. its precache is ' +
    'complete, closes the browser and opens the app again in the same profile. With service workers blocked ' +
    'the repeat visit has the HTTP cache only (hashed assets immutable, the rest revalidated). The server is ' +
    'on 127.0.0.1 with no latency, so what the precache saves on a real network (every request answered ' +
    'without one) does not show here; what shows is what the worker costs: its start in a new browser and ' +
    'every request going through it.',
};
