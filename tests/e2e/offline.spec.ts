/**
 * Offline and updates, with the service worker running (the other specs block it). Offline: one
 * visit and one PostgreSQL run, then the network goes off; a reload and a new tab run both
 * engines. Update: a second build (labelled "next") is served at the same address; the open page
 * says "A new version is available — Reload", keeps running its own version until then, and comes
 * back on the new one with the edited work.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { editorText, setEditor, waitForResult } from './helpers';
import { startStaticServer } from './support/staticServer';

test.use({ serviceWorkers: 'allow' });

/** Wait until the service worker is active (it registers after the first result and precaches the site). */
async function waitForServiceWorker(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.state ?? null), {
      timeout: 120_000,
    })
    .toBe('activated');
}

/** Switch to a dialect (which runs it when it has no result yet) and wait for its After table. */
async function runOn(page: Page, dialect: 'SQLite' | 'PostgreSQL'): Promise<void> {
  // A loaded machine must not turn a run into "stopped at the time limit".
  await page.getByRole('spinbutton', { name: 'Time limit (s)' }).fill('120');
  const radio = page.getByRole('radio', { name: dialect });
  if (!(await radio.isChecked())) await radio.check();
  await expect(
    page
      .getByRole('region', { name: `${dialect} results` })
      .locator('table[aria-label^="After: "]')
      .first(),
  ).toBeVisible({
    timeout: 90_000,
  });
}

test('after one visit and one PostgreSQL run, both engines run offline: reload and a new tab', async ({
  page,
  context,
}) => {
  test.setTimeout(300_000);
  await page.goto('/');
  await waitForResult(page);
  await waitForServiceWorker(page);
  await runOn(page, 'PostgreSQL');

  await context.setOffline(true);
  const reloaded = await page.reload();
  expect(reloaded?.fromServiceWorker()).toBe(true);
  await runOn(page, 'SQLite');
  await runOn(page, 'PostgreSQL');

  const tab = await context.newPage();
  const opened = await tab.goto('/');
  expect(opened?.fromServiceWorker()).toBe(true);
  await runOn(tab, 'PostgreSQL');
  await runOn(tab, 'SQLite');
});

test.describe('a new version', () => {
  let next = '';
  test.beforeAll(async () => {
    test.setTimeout(600_000);
    next = mkdtempSync(path.join(os.tmpdir(), 'upsert-next-'));
    // A real second build of the same sources, told apart by its label.
    execFileSync('npx', ['vite', 'build', '--logLevel', 'error', '--outDir', next, '--emptyOutDir'], {
      env: { ...process.env, UPSERT_BUILD_LABEL: 'next' },
      stdio: 'ignore',
    });
  });
  test.afterAll(() => rmSync(next, { recursive: true, force: true }));

  test('is announced, never mixed with the old one, and Reload brings it with the edited work', async ({ page }) => {
    test.setTimeout(240_000);
    const server = await startStaticServer(path.resolve('dist'));
    try {
      await page.goto(server.url);
      await waitForResult(page);
      await waitForServiceWorker(page);
      // The entry's own chunk (scripts/firstPathChunks.ts's 'boot'), which the build label changes.
      const oldMain = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLScriptElement>('script[type=module][src]')]
          .map((s) => s.src)
          .find((src) => /\/boot-[\w-]{8}\.js$/.test(src))!,
      );
      expect(oldMain).toBeTruthy();
      const statement = "INSERT INTO users (email, name) VALUES ('kept@example.com', 'Kept') ON CONFLICT DO NOTHING;";
      await setEditor(page, 'Statement SQL', statement);
      await expect
        .poll(() =>
          page.evaluate(() =>
            Object.keys(localStorage).some((k) => (localStorage.getItem(k) ?? '').includes('kept@example.com')),
          ),
        )
        .toBe(true);

      server.setRoot(next);
      // The check the page makes every hour (and the browser on every load), made now.
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
      const prompt = page.getByRole('status').filter({ hasText: 'A new version is available' });
      await expect(prompt).toBeVisible({ timeout: 120_000 });
      // Until Reload the page stays on its own version, and its lazy parts still load (the old precache).
      await expect(page.locator('html')).not.toHaveAttribute('data-build', /./);
      await page.getByRole('button', { name: 'Examples' }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await page.keyboard.press('Escape');

      await prompt.getByRole('button', { name: 'Reload' }).click();
      await expect(page.locator('html')).toHaveAttribute('data-build', 'next', { timeout: 60_000 });
      await waitForResult(page);
      // Monaco draws its lines a frame after it takes over from the plain editor.
      await expect
        .poll(async () => (await editorText(page, 'Statement SQL')).replace(/\s+/g, ' '))
        .toContain('kept@example.com');
      // The old version's files are gone from the cache.
      const cached = await page.evaluate(async () => {
        const urls: string[] = [];
        for (const name of await caches.keys())
          for (const r of await (await caches.open(name)).keys()) urls.push(r.url);
        return urls;
      });
      expect(cached.some((u) => u.split('?')[0] === oldMain)).toBe(false);
      expect(cached.length).toBeGreaterThan(10);
    } finally {
      await server.close();
    }
  });
});
