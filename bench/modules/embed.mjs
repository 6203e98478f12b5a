// Cold start of the embed (embed.html) → first SQLite result, with `run=load` and with Run pressed
// as soon as it is there, beside the app's cold start; each against the sql.js baseline page
// (interleaved, fresh profile per visit), with the bytes the embed fetched before its result.
import { bytesBeforeFirst, cell, measure, stats } from '../lib/report.mjs';
import { coldEmbed } from '../lib/suites-embed.mjs';

const REF = 'sql.js baseline';

export default {
  name: 'embed',
  title: 'Embed: cold start → first SQLite result',
  run: (env) => coldEmbed({ ...env, runs: env.count(7, 2) }),
  summarise(r) {
    const base = r.baseline.map((s) => s.ms);
    const embedLoad = bytesBeforeFirst(r.load[0]);
    const app = bytesBeforeFirst(r.app[0]);
    return [
      measure({
        measure: 'Embed (run=load): cold start → first SQLite result',
        app: r.load.map((s) => s.ms),
        ref: base,
        refLabel: REF,
        target: '≤ 1.5×',
        met: (x) => x.ratio !== null && x.ratio.value <= 1.5,
        note: `${embedLoad.gzip.toLocaleString('en')} bytes gzip in ${embedLoad.chunks.length} files before the result (the app: ${app.gzip.toLocaleString('en')} in ${app.chunks.length})`,
      }),
      measure({
        measure: '… Run pressed as soon as shown: navigation → result',
        app: r.click.map((s) => s.ms),
        ref: base,
        refLabel: REF,
        note: `Run pressed at ${cell(stats(r.click.map((s) => s.clickMs)))}; press → result ${cell(stats(r.click.map((s) => s.afterClickMs)))}`,
      }),
      measure({
        measure: '… the app, same invocation',
        app: r.app.map((s) => s.ms),
        ref: base,
        refLabel: REF,
      }),
      measure({
        measure: '… the embed (run=load) against the app',
        app: r.load.map((s) => s.ms),
        ref: r.app.map((s) => s.ms),
        refLabel: 'the app',
      }),
    ];
  },
  details: () =>
    'The embed opens at the default scenario’s SQLite link (`embed.html#s1/…`), fresh profile per visit. ' +
    '`run=load` runs it as the embed loads; with the default `run=click` the bench presses Run as soon as it ' +
    'is enabled (navigation → result includes the wait for the page to show Run). Rounds alternate the order ' +
    '(embed run=load, app, embed Run pressed, baseline; then reversed).',
};
