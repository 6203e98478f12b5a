// Keystroke → next frame while results are on screen: 200 keys typed into the statement editor at a
// person's pace (70–200 ms apart) with a 10,000-row result shown, interleaved in blocks of 50 with
// the same typing over the default scenario's small result. Latency of one key: the keydown event's
// timestamp → the end of the first frame after it (a requestAnimationFrame callback, then a posted
// message), so the frame's own rendering counts.
import { idle } from '../lib/browser.mjs';
import { measure } from '../lib/report.mjs';
import { percentile } from '../lib/stats.mjs';
import { bulkScripts, linkFragment, scenarioFor } from '../lib/scenarios.mjs';
import { longTasksBetween, openApp } from '../lib/app.mjs';

const WORDS =
  'typed one key at a time while the rows stay on screen so the editor has to keep up with a person at an ordinary pace ';

/** Install the recorder: keydown → frame latencies, and Event Timing entries of 16 ms or more. */
function record() {
  const r = { keys: [], slowEvents: [] };
  Object.defineProperty(window, '__typing', { value: r });
  addEventListener(
    'keydown',
    (e) => {
      if (!e.isTrusted) return;
      const t0 = e.timeStamp;
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => r.keys.push({ t: t0, ms: performance.now() - t0 });
        ch.port2.postMessage(0);
      });
    },
    true,
  );
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) r.slowEvents.push({ name: e.name, start: e.startTime, duration: e.duration });
    }).observe({ type: 'event', durationThreshold: 16 });
  } catch {
    r.noEventTiming = true;
  }
}

async function startTyping(page) {
  await page.evaluate(record);
  await page.getByRole('textbox', { name: 'Statement SQL' }).focus();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('-- ');
  await idle(300);
}

/** Type `n` characters of the text from `offset`, with a person's irregular gaps. */
async function typeKeys(page, offset, n, rand) {
  const from = await page.evaluate(() => performance.now());
  for (let i = 0; i < n; i++) {
    await page.keyboard.type(WORDS[(offset + i) % WORDS.length]);
    await idle(70 + Math.floor(rand() * 130));
  }
  await idle(200);
  const to = await page.evaluate(() => performance.now());
  return { from, to };
}

export default {
  name: 'typing',
  title: 'Typing with results on screen',
  async run(env) {
    const total = env.count(200, 40);
    const block = Math.min(50, total);
    const big = bulkScripts(10_000);
    const sides = {
      big: await openApp(env, { fragment: linkFragment(scenarioFor('sqlite', big)), label: 'After: items' }),
      small: await openApp(env, {}),
    };
    let seed = 42;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const out = {
      big: { keys: [], longTasks: [], slowEvents: [] },
      small: { keys: [], longTasks: [], slowEvents: [] },
    };
    try {
      for (const s of Object.values(sides)) await startTyping(s.page);
      for (let done = 0, i = 0; done < total; done += block, i++) {
        for (const name of i % 2 ? ['small', 'big'] : ['big', 'small']) {
          const { page } = sides[name];
          const { from, to } = await typeKeys(page, done, Math.min(block, total - done), rand);
          const rec = await page.evaluate(() => window.__typing);
          const inBlock = (t) => t >= from && t <= to;
          out[name].keys.push(...rec.keys.filter((k) => inBlock(k.t)).map((k) => k.ms));
          out[name].slowEvents.push(...rec.slowEvents.filter((e) => inBlock(e.start)));
          out[name].longTasks.push(...(await longTasksBetween(page, from, to)));
        }
      }
      out.big.rowsShown = await sides.big.page.evaluate(() =>
        document
          .querySelector('.results[data-dialect="sqlite"] table[aria-label="After: items"]')
          ?.getAttribute('aria-rowcount'),
      );
      for (const name of ['big', 'small']) {
        const k = [...out[name].keys].sort((a, b) => a - b);
        env.log(
          `  typing, ${name} result: ${k.length} keys, p50 ${percentile(k, 50)?.toFixed(1)} ms, p95 ${percentile(k, 95)?.toFixed(1)} ms, max ${k.at(-1)?.toFixed(1)} ms`,
        );
      }
      out.errors = [...sides.big.errors, ...sides.small.errors];
    } finally {
      await sides.big.close();
      await sides.small.close();
    }
    return out;
  },
  summarise(r) {
    const q = (xs, p) => {
      const v = [...xs].sort((a, b) => a - b);
      return { median: percentile(v, p), min: v[0], max: v.at(-1), n: v.length, ciLow: null, ciHigh: null };
    };
    const longest = (t) => t.reduce((m, x) => Math.max(m, x.duration), 0);
    const rows = `After table of ${Number(r.big.rowsShown ?? 1) - 1} rows`;
    return [
      measure({
        measure: `Keystroke → next frame, p50 (${rows} on screen)`,
        app: r.big.keys,
        ref: r.small.keys,
        refLabel: 'same typing over the default scenario (3 rows), interleaved',
      }),
      measure({
        measure: '… p95',
        app: q(r.big.keys, 95),
        ref: q(r.small.keys, 95),
        refLabel: 'default scenario',
        target: '< 16 ms',
        met: (x) => x.app.median < 16,
        note: `keys with an Event Timing duration ≥ 16 ms: ${r.big.slowEvents.filter((e) => e.name === 'keydown').length} of ${r.big.keys.length} (default scenario: ${r.small.slowEvents.filter((e) => e.name === 'keydown').length}); longest main-thread task while typing ${longest(r.big.longTasks).toFixed(0)} ms (default scenario ${longest(r.small.longTasks).toFixed(0)} ms)`,
      }),
    ];
  },
};
