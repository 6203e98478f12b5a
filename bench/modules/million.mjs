// A million rows (opt-in: --all or --only=million): the bulk upsert at 1,000,000 rows on each
// engine, end to end in the app against the engine alone in its worker, with the longest
// main-thread task, how many rows the After view has (they stay in the engine's worker; the page
// fetches those it shows), scrolling to the last row, and memory after the run.
import { measure } from '../lib/report.mjs';
import { bulk } from '../lib/suites-warm.mjs';

const N = 1_000_000;

export default {
  name: 'million',
  title: 'A million rows',
  optIn: true,
  async run(env) {
    const out = [];
    for (const d of env.onlyDialect ? [env.onlyDialect] : ['sqlite', 'postgres']) {
      try {
        // The time limit field's maximum (120 s): a larger value was once refused and the 5 s
        // default stayed, which stopped every PostgreSQL run here before the table could show.
        out.push(
          await bulk(
            { ...env, bulkRuns: env.count(2, 1), runLimitS: 120, timeoutMs: 600_000, memory: true, scrollEnd: true },
            d,
            N,
          ),
        );
      } catch (err) {
        out.push({ dialect: d, n: N, failed: String(err?.message ?? err), app: [], engine: [] });
        env.log(`  ${d} at ${N.toLocaleString('en')} rows failed: ${err?.message ?? err}`);
      }
    }
    return out;
  },
  summarise: (r) =>
    r.flatMap((b) => {
      const name = b.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL';
      if (b.failed)
        return [
          measure({ measure: `1,000,000 rows, ${name}`, app: null, target: 'completes', met: false, note: b.failed }),
        ];
      const shown = b.app.map((x) => Number(x.dom.tableAria) - 1);
      return [
        measure({
          measure: `1,000,000 rows, ${name}: Run → After table`,
          app: b.app.map((x) => x.ms),
          ref: b.engine.map((x) => x.withRead),
          refLabel: 'engine alone: setup + statement + read After rows',
          target: 'completes',
          met: b.app.every((x) => x.engineOk !== false),
          note: `rows in the After view: ${Math.max(...shown).toLocaleString('en')} (cut notes: ${Math.max(...b.app.map((x) => x.dom.cutNotes))})`,
        }),
        measure({
          measure: '… scroll to the last row (fetched from the worker) → on screen',
          app: b.app.map((x) => x.scrollEnd?.ms ?? null).filter((x) => x !== null),
          target: 'no task > 100 ms',
          met: b.app.every((x) => x.scrollEnd && x.scrollEnd.longestTaskMs <= 100),
          note: `longest task while scrolling ${Math.max(...b.app.map((x) => x.scrollEnd?.longestTaskMs ?? 0)).toFixed(0)} ms`,
        }),
        measure({
          measure: '… longest main-thread task',
          app: b.app.map((x) => x.longestTaskMs),
          target: 'none > 100 ms',
          met: (x) => x.app !== null && x.app.max <= 100,
        }),
        ...(b.memory ? [memoryRow(b.memory)] : []),
      ];
    }),
};

const mb = (bytes) => `${(bytes / 1e6).toFixed(0)} MB`;

/** Memory after the last run: the JavaScript heaps by thread, and the renderer's resident memory. */
function memoryRow(m) {
  const heaps = m.threads.map(
    (t) =>
      `${t.thread === 'page' ? 'page' : t.thread.replace(/^.*\/([\w]+)\.worker-[\w-]+\.js$/, '$1 worker')} ${mb(t.jsHeap)}`,
  );
  return measure({
    measure: '… memory after the run (JavaScript heaps; renderer resident memory)',
    app: m.rendererRss === null ? null : [m.rendererRss / 1e6],
    unit: 'mb',
    target: '—',
    met: null,
    note: `JavaScript heaps: ${heaps.join(', ')}; the engines' WebAssembly memory is counted only in the renderer's resident memory${m.rendererRss === null ? ' (not readable here)' : ''}`,
  });
}
