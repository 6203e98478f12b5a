// Interactions on a loaded page (default scenario, Monaco in place, PostgreSQL warmed up, then
// idle): switching dialect, Compare, opening Examples, opening Practice. Each sample is a fresh
// profile, so the feature's code loads on first use as it does for a person. Measured: the click →
// the frame after the outcome is in the DOM, and the longest main-thread task from the click until
// half a second after that frame. With BENCH_ALT_DIST, each case also runs on that second build,
// interleaved with the app (A B B A …), and is summarised beside it. BENCH_INTERACTIONS=compare,…
// runs only those cases (dialect, compare, examples, practice).
import { idle, waitMark } from '../lib/browser.mjs';
import { measure } from '../lib/report.mjs';
import { longTasksBetween, openApp } from '../lib/app.mjs';

/** In-page outcome tests, by interaction (run inside the page, so they only use the DOM). */
function watchOutcome(kind) {
  const b = window.__bench;
  const pg = '.results[data-dialect="postgres"]';
  const lite = '.results[data-dialect="sqlite"]';
  const tests = {
    dialect: () => b.tableRows('After: users', pg) > 0,
    compare: () =>
      b.tableRows('After: users', pg) > 0 &&
      b.tableRows('After: users', lite) > 0 &&
      document.querySelector('section[aria-label="Differences"]') !== null,
    examples: () => document.querySelector('dialog[open] ul[aria-label="Examples"] li') !== null,
    practice: () => document.querySelector('main[aria-label="Practice"] .practice-unit') !== null,
  };
  b.watch(kind, tests[kind]);
}

const CASES = [
  {
    kind: 'dialect',
    label: 'Switch to PostgreSQL after 4 s idle',
    click: (p) => p.getByRole('radio', { name: 'PostgreSQL' }),
  },
  {
    kind: 'compare',
    label: 'Compare (both engines, differences shown)',
    click: (p) => p.getByRole('button', { name: 'Compare' }),
  },
  { kind: 'examples', label: 'Open Examples', click: (p) => p.getByRole('button', { name: 'Examples' }) },
  { kind: 'practice', label: 'Open Practice', click: (p) => p.getByRole('button', { name: 'Practice' }) },
];

export default {
  name: 'interactions',
  title: 'Interactions: dialect switch, Compare, Examples, Practice',
  async run(env) {
    const only = process.env.BENCH_INTERACTIONS?.split(',');
    const chosen = CASES.filter((c) => !only || only.includes(c.kind));
    const out = Object.fromEntries(chosen.map((c) => [c.kind, []]));
    if (env.alt) out.alt = Object.fromEntries(chosen.map((c) => [c.kind, []]));
    const roots = env.alt ? ['app', 'alt'] : ['app'];
    const runs = env.count(5, 1);
    for (let i = 0; i < runs; i++) {
      const cases = (i % 2 ? [...chosen].reverse() : chosen).flatMap((c) =>
        (i % 2 ? [...roots].reverse() : roots).map((root) => ({ ...c, root })),
      );
      for (const c of cases) {
        const app = await openApp(env, { quietMs: env.idleMs, root: c.root });
        try {
          const { page } = app;
          await page.evaluate(watchOutcome, c.kind);
          await c.click(page).click();
          const mark = await waitMark(page, c.kind, env.timeoutMs * 3);
          await idle(500);
          const click = await page.evaluate(() => window.__bench.clicks.at(-1).t);
          const tasks = await longTasksBetween(page, click, mark.paint + 500);
          const sample = {
            ms: mark.paint - click,
            longestTaskMs: tasks.reduce((m, t) => Math.max(m, t.duration), 0),
            longTasks: tasks.map((t) => ({ start: t.start - click, duration: t.duration })),
            errors: app.errors,
          };
          (c.root === 'alt' ? out.alt : out)[c.kind].push(sample);
          env.log(
            `  ${c.label}${c.root === 'alt' ? ' (alternative build)' : ''} #${i + 1}: ${sample.ms.toFixed(0)} ms, longest task ${sample.longestTaskMs.toFixed(0)} ms`,
          );
        } finally {
          await app.close();
        }
      }
    }
    return out;
  },
  summarise: (r) =>
    CASES.filter((c) => r[c.kind]?.length).flatMap((c) => [
      measure({ measure: `${c.label}: click → shown`, app: r[c.kind].map((s) => s.ms) }),
      measure({
        measure: `… longest main-thread task`,
        app: r[c.kind].map((s) => s.longestTaskMs),
        target: 'none > 100 ms',
        met: (x) => x.app !== null && x.app.max <= 100,
        note: 'long tasks are those over 50 ms; 0 means none',
      }),
      ...(r.alt?.[c.kind]?.length
        ? [
            measure({
              measure: `… alternative build (BENCH_ALT_DIST): click → shown`,
              app: r.alt[c.kind].map((s) => s.ms),
            }),
            measure({
              measure: `… alternative build: longest main-thread task`,
              app: r.alt[c.kind].map((s) => s.longestTaskMs),
              target: 'none > 100 ms',
              met: (x) => x.app !== null && x.app.max <= 100,
            }),
          ]
        : []),
    ]),
};
