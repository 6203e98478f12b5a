// The row-by-row account's cost: the same multi-row upsert (half the rows conflict) end to end in
// the app (click → After table on screen) with the account on and off, interleaved A B B A. The
// switch under the results ("Row-by-row account") turns it on or off and runs again; the next run
// is a click on "Run" with the same choice. Targets: at most 1.25× at 1,000 rows, 1.5× at 10,000.
// Diagnostic: the app's pipeline in a bare worker (no UI), account on and off, interleaved too.
// It also checks the default: on at 1,000 rows; off at 10,000 (5,000 rows in Before, above the
// documented 2,000), with the note that says so.
import { openApp } from '../lib/app.mjs';
import { cell, measure, stats } from '../lib/report.mjs';
import { bulkScripts, linkFragment, scenarioFor } from '../lib/scenarios.mjs';
import { timedRun } from '../lib/suites-warm.mjs';

const CASES = [
  ['sqlite', 1_000],
  ['sqlite', 10_000],
  ['postgres', 1_000],
  ['postgres', 10_000],
];
const TARGET = (n) => (n <= 1_000 ? 1.25 : 1.5);
const LABEL = 'After: items';
const scopeOf = (dialect) => `.results[data-dialect="${dialect}"]`;
const name = (d) => (d === 'sqlite' ? 'SQLite' : 'PostgreSQL');

let visits = 0;
const nextVisit = () => `acct${Date.now().toString(36)}${(visits++).toString(36)}`;

async function oneCase(env, dialect, n, runs) {
  const scripts = bulkScripts(n);
  const app = await openApp(env, {
    fragment: linkFragment(scenarioFor(dialect, scripts)),
    dialect,
    label: LABEL,
  });
  const { page } = app;
  const scope = scopeOf(dialect);
  const box = page.locator(`${scope} .account-switch input[type="checkbox"]`);
  const note = async () =>
    page.evaluate((s) => [...document.querySelectorAll(`${s} .run-note`)].map((e) => e.textContent ?? ''), scope);
  const out = { dialect, n, on: [], off: [], pipeline: { on: [], off: [] } };
  // Opened after the app's runs: a page in front would throttle the app's frames to one a second.
  let pipePage = null;
  try {
    // The default, as the link's first run left it.
    out.defaultOn = await box.isChecked();
    out.defaultNote = (await note()).find((t) => /row-by-row account/i.test(t)) ?? null;
    await page.getByLabel('Time limit (s)').fill('120');
    // A B B A …: the first run of a state clicks the switch (which runs again), the second "Run".
    const order = [];
    for (let k = 0; k < runs; k++)
      order.push(...(k % 2 === 0 ? [true, false, false, true] : [false, true, true, false]));
    for (let k = 0; k < order.length; k++) {
      const want = order[k];
      const viaSwitch = (await box.isChecked()) !== want;
      const r = await timedRun(page, `acct-${dialect}-${n}-${k}`, dialect, LABEL, env.timeoutMs * 4, 300, () =>
        viaSwitch ? box.click() : page.getByRole('button', { name: 'Run', exact: true }).click(),
      );
      const on = await box.isChecked();
      if (on !== want) throw new Error(`account ${want ? 'on' : 'off'} asked, the run shows it ${on ? 'on' : 'off'}`);
      if (r.engineOk === false) throw new Error(`${dialect} ${n}: the run failed`);
      const proposed = await page.locator(`${scope} .proposed`).count();
      if (want !== proposed > 0) throw new Error(`account ${want ? 'on' : 'off'} but ${proposed} proposed-rows views`);
      (want ? out.on : out.off).push({ ...r, viaSwitch });
      env.log(
        `  ${dialect} ${n}: account ${want ? 'on ' : 'off'} ${r.ms.toFixed(0)} ms (engine ${r.engine ? r.engine.total.toFixed(0) : '?'} ms; ${viaSwitch ? 'switch' : 'Run'})`,
      );
    }
    // The app's pipeline alone, in a bare worker, interleaved the same way.
    pipePage = await page.context().newPage();
    await pipePage.goto(env.server.url(nextVisit(), 'base', 'pipeline.html'), { waitUntil: 'load' });
    await pipePage.waitForFunction(() => window.__baseline !== undefined);
    const pipe = (account) =>
      pipePage.evaluate((m) => window.__baseline.call({ type: 'time', ...m }), {
        dialect,
        ...scripts[dialect],
        account,
      });
    const warm = await pipe(true);
    if (warm.error) throw new Error(`pipeline ${dialect} ${n}: ${warm.error}`);
    for (const want of order) {
      const q = await pipe(want);
      if (q.error) throw new Error(`pipeline ${dialect} ${n}: ${q.error}`);
      if (q.account !== want) throw new Error(`pipeline: account ${want} asked, ${q.account} recorded`);
      (want ? out.pipeline.on : out.pipeline.off).push({ runMs: q.runMs, proposedRows: q.proposedRows });
    }
  } finally {
    await pipePage?.close().catch(() => undefined);
    out.errors = app.errors;
    await app.close();
  }
  return out;
}

export default {
  name: 'account',
  title: 'Row-by-row account: cost',
  async run(env) {
    const out = [];
    for (const [d, n] of CASES) out.push(await oneCase(env, d, n, env.count(3, 1)));
    return out;
  },
  summarise(results) {
    const rows = [];
    for (const c of results) {
      const limit = TARGET(c.n);
      const on = c.on.map((x) => x.ms);
      const off = c.off.map((x) => x.ms);
      const pOn = stats(c.pipeline.on.map((x) => x.runMs));
      const pOff = stats(c.pipeline.off.map((x) => x.runMs));
      const eOn = stats(c.on.filter((x) => x.engine).map((x) => x.engine.total));
      const eOff = stats(c.off.filter((x) => x.engine).map((x) => x.engine.total));
      const ratio = (a, b) => (a && b ? `${(a.median / b.median).toFixed(2)}×` : '?');
      rows.push(
        measure({
          measure: `Account on vs off, ${c.n.toLocaleString('en')}-row upsert, ${name(c.dialect)}: click → After table`,
          app: on,
          ref: off,
          refLabel: 'account off',
          target: `≤ ${limit}×`,
          met: (x) => x.ratio !== null && x.ratio.value <= limit,
          note: `engine in the app: on ${cell(eOn)}, off ${cell(eOff)}, ${ratio(eOn, eOff)}; app pipeline in a bare worker: on ${cell(pOn)}, off ${cell(pOff)}, ${ratio(pOn, pOff)}; ${c.pipeline.on[0]?.proposedRows ?? '?'} proposed rows recorded`,
        }),
      );
      if (c.n > 2_000) {
        rows.push(
          measure({
            measure: `… ${c.n.toLocaleString('en')} rows (${(c.n / 2).toLocaleString('en')} in Before): account off by default, with a note`,
            app: null,
            target: 'off, note',
            met: c.defaultOn === false && Boolean(c.defaultNote),
            note: c.defaultNote ?? 'no note',
          }),
        );
      } else {
        rows.push(
          measure({
            measure: `… ${c.n.toLocaleString('en')} rows: account on by default`,
            app: null,
            target: 'on',
            met: c.defaultOn === true,
          }),
        );
      }
    }
    return rows;
  },
  details: () =>
    [
      "The statement is the bulk module's: `INSERT … SELECT` of n rows into `items` with `ON CONFLICT (sku) DO UPDATE`, the first n/2 of which exist (n/2 rows in Before).",
      'Each case runs in one page; account on and off alternate A B B A, the first run of each pair by the switch (which runs again), the second by "Run". The ratio is median on / median off.',
      'The account keeps at most 10,000 row events per statement; a 10,000-row upsert fires more (a proposed row, then an insert or a before-and-after update), so the rows past that are not recorded and the page says so.',
    ].join('\n\n'),
};
