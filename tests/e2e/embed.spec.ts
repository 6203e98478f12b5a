/**
 * Embeds: the example host page (public/embed-example.html) with an iframe (SQLite, an example)
 * and a <pre> block turned into an embed by embed.js (PostgreSQL); a host page on another origin;
 * the options in the address. Engines start on the first Run; the embeds grow to their content;
 * nothing of the app's autosave is read or written, and the host page's address never changes.
 */
import type { FrameLocator, Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { waitForResult } from './helpers';
import { startStaticServer } from './support/staticServer';

/** What the origin keeps in localStorage (shared by all tabs) and this tab's sessionStorage. */
function storageSnapshot(page: Page): Promise<{ local: string; session: string }> {
  return page.evaluate(() => {
    const dump = (s: Storage) =>
      JSON.stringify(
        Array.from({ length: s.length }, (_, i) => s.key(i)!)
          .sort()
          .map((k) => [k, s.getItem(k)]),
      );
    return { local: dump(localStorage), session: dump(sessionStorage) };
  });
}

/** The embed's content height must become the iframe's height (within a pixel). */
async function expectGrown(iframe: Locator, frame: FrameLocator): Promise<number> {
  let height = 0;
  await expect
    .poll(async () => {
      const content = await frame.locator('main.embed').evaluate((el) => Math.ceil(el.getBoundingClientRect().height));
      height = (await iframe.boundingBox())?.height ?? 0;
      return Math.abs(height - content);
    })
    .toBeLessThanOrEqual(1);
  return height;
}

test('a host page with two embeds: each runs its engine on Run, grows to its content, leaves autosave alone', async ({
  page,
}) => {
  // PostgreSQL's first start in a fresh profile takes long on a loaded machine.
  test.setTimeout(180_000);
  // The app first, with work of its own in autosave.
  await page.goto('/');
  await waitForResult(page);
  await page.evaluate(() => localStorage.setItem('upsert-playground:probe', 'kept'));

  // The host page opens in a tab of its own, so only its own requests count below. What the app
  // saved is read once its tab is closed (it saves its work as it goes), from a file of the site
  // that runs no script.
  const host = await page.context().newPage();
  await page.close();
  await host.goto('/favicon.svg');
  const before = (await storageSnapshot(host)).local;
  expect(before).toContain('upsert-playground:probe');

  const engineFiles: string[] = [];
  host.on('request', (r) => {
    if (/sql-wasm|pglite|\.worker-/.test(r.url())) engineFiles.push(r.url());
  });
  await host.goto('/embed-example.html');
  const hostUrl = host.url();
  const frames = host.locator('iframe[data-upsert-playground]');
  await expect(frames).toHaveCount(2);
  const sqliteFrame = host.frameLocator('iframe[data-upsert-playground] >> nth=0');
  const pgFrame = host.frameLocator('iframe[data-upsert-playground] >> nth=1');
  await expect(sqliteFrame.getByText(/Press Run/)).toBeVisible();
  await expect(pgFrame.getByText(/Press Run/)).toBeVisible();
  // The <pre> block's SQL went into the embed: setup behind "Setup", the statement in its editor.
  await expect(pgFrame.getByRole('textbox', { name: 'Statement SQL' })).toHaveValue(/^INSERT INTO visits/);
  await pgFrame.getByText('Setup', { exact: true }).click();
  await expect(pgFrame.getByRole('textbox', { name: 'Setup SQL' })).toHaveValue(/^CREATE TABLE visits/);
  // Nothing started an engine yet.
  expect(engineFiles).toEqual([]);

  const h0 = (await frames.nth(0).boundingBox())!.height;
  await sqliteFrame.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(sqliteFrame.getByRole('table', { name: 'After: users', exact: true })).toBeVisible();
  await expect(sqliteFrame.getByRole('table', { name: 'After: users', exact: true })).toContainText('Ada Lovelace');
  expect(await expectGrown(frames.nth(0), sqliteFrame)).toBeGreaterThan(h0);
  // Only SQLite's engine was fetched for it.
  expect(engineFiles.some((u) => /sql-wasm/.test(u))).toBe(true);
  expect(engineFiles.some((u) => /pglite/.test(u))).toBe(false);

  await pgFrame.getByRole('button', { name: 'Run', exact: true }).click();
  const after = pgFrame.getByRole('table', { name: 'After: visits', exact: true });
  await expect(after).toBeVisible({ timeout: 60_000 });
  await expect(after.locator('tbody tr[data-change="inserted"]')).toContainText('/about');
  await expect(after.locator('tbody tr[data-change="updated"]')).toContainText('/home');
  await expect(pgFrame.getByRole('region', { name: 'PostgreSQL results' })).toContainText('true');
  await expectGrown(frames.nth(1), pgFrame);

  // The dialect switch of the first embed (dialect=sqlite,postgres) runs the same example on PostgreSQL.
  await sqliteFrame.getByRole('radio', { name: 'PostgreSQL' }).check();
  await sqliteFrame.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(
    sqliteFrame
      .getByRole('region', { name: 'PostgreSQL results' })
      .getByRole('table', { name: 'After: users', exact: true }),
  ).toBeVisible();

  expect(host.url()).toBe(hostUrl);
  // The app's autosave is as the app left it, and the embeds kept nothing for the host's tab.
  expect(await storageSnapshot(host)).toEqual({ local: before, session: '[]' });
});

test('embed.js on a page of another site turns a <pre> into an embed that opens in the full app', async ({
  page,
  context,
  baseURL,
}) => {
  const dir = test.info().outputPath('host');
  const fs = await import('node:fs');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    `${dir}/index.html`,
    `<!doctype html><html lang="en"><head><title>A blog post</title></head><body><h1>A blog post</h1>
<pre data-upsert-playground data-dialect="sqlite" data-readonly data-theme="dark" data-title="Keep the larger score">
CREATE TABLE scores (player text PRIMARY KEY, best int);
INSERT INTO scores VALUES ('ann', 10);
-- @statement
INSERT INTO scores VALUES ('ann', 7), ('bob', 3)
ON CONFLICT (player) DO UPDATE SET best = excluded.best WHERE excluded.best > scores.best
RETURNING *;
</pre>
<script src="${baseURL}embed.js" async></script></body></html>`,
  );
  const host = await startStaticServer(dir);
  try {
    await page.goto(host.url);
    const iframe = page.locator('iframe[data-upsert-playground]');
    await expect(iframe).toHaveAttribute('title', 'Upsert Playground: Keep the larger score');
    const frame = page.frameLocator('iframe[data-upsert-playground]');
    const statement = frame.getByRole('textbox', { name: 'Statement SQL' });
    await expect(statement).toHaveValue(/^INSERT INTO scores VALUES \('ann', 7\)/);
    // Read-only: the text cannot be changed.
    await expect(statement).not.toBeEditable();
    // Dark theme, as asked.
    await expect(frame.locator('html')).toHaveAttribute('data-theme', 'dark');
    await frame.getByRole('button', { name: 'Run', exact: true }).click();
    const after = frame.getByRole('table', { name: 'After: scores', exact: true });
    await expect(after.locator('tbody tr[data-change="inserted"]')).toContainText('bob');
    await expect(after.locator('tbody tr[data-change="unchanged"]')).toContainText('ann');
    await expectGrown(iframe, frame);

    const [app] = await Promise.all([
      context.waitForEvent('page'),
      frame.getByRole('link', { name: 'Open in Upsert Playground' }).click(),
    ]);
    await app.waitForLoadState();
    expect(app.url()).toMatch(/#s1\//);
    await waitForResult(app);
    await expect(app.getByRole('table', { name: 'After: scores', exact: true })).toContainText('bob');
  } finally {
    await host.close();
  }
});

test('options in the address: run on load, setup hidden, maximum height', async ({ page }) => {
  await page.goto('/embed.html#example/insert-if-absent&run=load&setup=hidden&maxheight=300&theme=light');
  // Run on load: a result without pressing Run.
  await expect(page.locator('.results table').first()).toBeVisible();
  await expect(page.getByText('Setup', { exact: true })).toHaveCount(0);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  const box = await page.locator('main.embed').boundingBox();
  expect(box!.height).toBeLessThanOrEqual(300);
  // It scrolls inside instead.
  expect(await page.locator('main.embed').evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
});

test('a broken embed address says so and still shows a runnable scenario', async ({ page }) => {
  await page.goto('/embed.html#s1/not-a-scenario');
  await expect(page.getByRole('alert')).toContainText('The default scenario is shown instead.');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.locator('.results table').first()).toBeVisible();
});
