// Helpers for modules that drive the built app in one page: open it on a scenario and wait until
// it shows a finished run with Monaco in place and the background PostgreSQL warm-up done.
import { idle, newProfileDir, openProfile, removeProfileDir, waitMark, waitPostgresReady } from './browser.mjs';

let visits = 0;
/** A fresh visit prefix for the server's request log. */
const nextVisit = (p = 'a') => `${p}${Date.now().toString(36)}${(visits++).toString(36)}`;
const scopeOf = (dialect) => `.results[data-dialect="${dialect}"]`;

/**
 * Open the app (fresh profile) at `fragment` (a `#s1/…` link or ''), wait for table `label` on
 * `dialect`, then for Monaco and the PostgreSQL warm-up, then `quietMs` of idle. `root`: 'app', or
 * 'alt' for the second build (BENCH_ALT_DIST). Returns { page, errors, close } (close also removes
 * the profile).
 */
export async function openApp(
  env,
  { fragment = '', dialect = 'sqlite', label = 'After: users', quietMs = 500, root = 'app' } = {},
) {
  const dir = await newProfileDir();
  const p = await openProfile(dir, { first: { label, scope: scopeOf(dialect) } });
  const close = async () => {
    await p.close().catch(() => undefined);
    await removeProfileDir(dir);
  };
  try {
    await p.page.goto(env.server.url(nextVisit(), root, fragment), { waitUntil: 'commit' });
    // A link runs when it opens, under the default 5 s limit: on a loaded machine a large
    // scenario can hit it. Then raise the limit and run it again.
    await p.page.waitForFunction(
      () =>
        document.querySelector('.results-pane[aria-busy="false"]') &&
        (document.querySelector('.run-time') || document.querySelector('.results-pane [role="alert"]')),
      null,
      { polling: 200, timeout: env.timeoutMs * 3 },
    );
    if (!(await p.page.evaluate(() => window.__bench.marks.first))) {
      await p.page.getByLabel('Time limit (s)').fill('120');
      await p.page.getByRole('button', { name: 'Run', exact: true }).click();
    }
    await waitMark(p.page, 'first', env.timeoutMs * 3);
    await p.page.waitForSelector('[data-editor="monaco"] .view-lines', { state: 'visible', timeout: 60_000 });
    await waitPostgresReady(p.page, 60_000);
    await idle(quietMs);
    return { page: p.page, errors: p.errors, close };
  } catch (err) {
    await close();
    throw err;
  }
}

/** Long tasks (start, duration) the page reported between `from` and `to` (page clock). */
export async function longTasksBetween(page, from, to) {
  const tasks = await page.evaluate(() => window.__bench.longtasks);
  return tasks.filter((t) => t.start + t.duration >= from && t.start <= to);
}
