// Large tables stay in the engine's worker: the page shows the first rows at once and fetches the
// others as the person scrolls to them, in the After and Before tables, and Compare reads them
// from both engines before it compares.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { setEditor, waitForResult } from './helpers';
import { NO_DIFFERENCES } from '../../src/compare/summary';

test.describe.configure({ timeout: 240_000 });

const N = 20_000;
// A recursive CTE counts on both engines.
const SETUP = `CREATE TABLE items (sku integer PRIMARY KEY, qty integer NOT NULL);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${N / 2})
INSERT INTO items (sku, qty) SELECT i, 1 FROM n;`;
const STATEMENT = `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${N})
INSERT INTO items (sku, qty) SELECT i, 0 FROM n WHERE true
ON CONFLICT (sku) DO UPDATE SET qty = items.qty + 1;`;

/** Open the playground, type the 20,000-row upsert into both editors and run it. */
async function runLargeUpsert(page: Page): Promise<void> {
  await page.goto('./');
  await waitForResult(page);
  await setEditor(page, 'Setup SQL', SETUP);
  await setEditor(page, 'Statement SQL', STATEMENT);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
}

/** Scroll a table's box to its end with the keyboard, as a person would after tabbing to it. */
async function scrollToEnd(page: Page, region: string): Promise<void> {
  const box = page.getByRole('region', { name: region });
  await box.focus();
  await page.keyboard.press('End');
}

test('a 20,000-row table: the After and Before tables fetch the rows scrolled to, and say which rows they are', async ({
  page,
}) => {
  await runLargeUpsert(page);
  const after = page.getByRole('table', { name: 'After: items', exact: true });
  await expect(after).toHaveAttribute('aria-rowcount', String(N + 1));
  await expect(page.getByRole('region', { name: 'Table items' })).toContainText('10,000 inserted · 10,000 updated');
  // The first rows came with the result.
  await expect(after.getByRole('row', { name: /^updated 1 1\s*changed to\s*2$/ })).toBeVisible();

  // The last row: fetched from the engine when scrolled to, with its mark.
  await scrollToEnd(page, `After: items (scrollable, 20,000 rows)`);
  const last = after.locator(`tr[aria-rowindex="${N + 1}"]`);
  await expect(last).toBeVisible();
  await expect(last).toHaveAttribute('data-change', 'inserted');
  await expect(last).toContainText(String(N));
  await expect(after.getByText(/^Loading row/)).toHaveCount(0);

  // The Before table too: its last row is sku 10,000 with qty 1.
  const before = page.getByRole('table', { name: 'Before: items', exact: true });
  await scrollToEnd(page, `Before: items (scrollable, 10,000 rows)`);
  const lastBefore = before.locator(`tr[aria-rowindex="${N / 2 + 1}"]`);
  await expect(lastBefore).toBeVisible();
  await expect(lastBefore.getByRole('cell')).toHaveText([String(N / 2), '1']);
  await expect(before.getByText(/^Loading row/)).toHaveCount(0);
});

test('Compare reads held rows from both engines: one differing cell far past the first rows is found', async ({
  page,
}) => {
  await page.goto('./');
  await waitForResult(page);
  await page.getByLabel('Time limit (s)').fill('60');
  await setEditor(page, 'Setup SQL', SETUP);
  await setEditor(page, 'Statement SQL', STATEMENT);
  // PostgreSQL's statement adds 2 to one row deep in the table, where the page has no rows yet.
  await page.getByRole('radio', { name: 'PostgreSQL', exact: true }).check();
  await setEditor(page, 'Setup SQL', SETUP);
  await setEditor(
    page,
    'Statement SQL',
    STATEMENT.replace('items.qty + 1', 'items.qty + CASE WHEN items.sku = 9876 THEN 2 ELSE 1 END'),
  );
  await page.getByRole('button', { name: 'Compare' }).click();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  for (const engine of ['SQLite', 'PostgreSQL']) {
    const pane = page.getByRole('region', { name: `${engine} results` });
    await expect(pane.getByRole('table', { name: 'After: items', exact: true })).toHaveAttribute(
      'aria-rowcount',
      String(N + 1),
      { timeout: 90_000 },
    );
  }
  const summary = page.getByRole('region', { name: 'Differences' });
  await expect(summary.getByRole('status')).toHaveText(/^1 difference/, { timeout: 90_000 });
  await expect(summary).toContainText('9876');
  await expect(summary).not.toContainText(NO_DIFFERENCES);
});

test('scrolling a long table by keys, a page or a row at a time, always shows rows, never the blank spacer', async ({
  page,
}) => {
  await runLargeUpsert(page);
  const name = `After: items (scrollable, 20,000 rows)`;
  const box = page.getByRole('region', { name });
  await expect(box).toBeVisible();
  await box.focus();
  // How many pixels of the box's view below its header show a spacer row instead of table rows.
  const blank = () =>
    box.evaluate((el) => {
      const view = el.getBoundingClientRect();
      const top = view.top + (el.querySelector('thead')?.getBoundingClientRect().height ?? 0);
      let px = 0;
      for (const s of el.querySelectorAll('tr.spacer')) {
        const r = s.getBoundingClientRect();
        px += Math.max(0, Math.min(r.bottom, view.bottom) - Math.max(r.top, top));
      }
      return px;
    });
  const keys = [
    ...Array<string>(6).fill('PageDown'),
    ...Array<string>(30).fill('ArrowDown'),
    ...Array<string>(3).fill('PageUp'),
  ];
  for (const key of keys) {
    await page.keyboard.press(key);
    await expect.poll(blank, { message: `after ${key}` }).toBe(0);
  }
  await expect(box).not.toHaveJSProperty('scrollTop', 0);
  // The rows in the DOM stay few.
  expect(await box.locator('tbody tr:not(.spacer)').count()).toBeLessThan(80);
});
