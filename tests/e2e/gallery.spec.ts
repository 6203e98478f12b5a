/**
 * The examples gallery, end to end: the Examples dialog (tags, search, pick), `#example/<id>`
 * links in one and two dialects, an edited example becoming an ordinary scenario, unknown ids.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import LZString from 'lz-string';
import { EXAMPLES } from '../../src/gallery/gallery';
import { changeMarks, setEditor, tableRows, waitForResult } from './helpers';

/** Alerts with something to say (Monaco keeps empty live regions with role="alert" too). */
function alerts(page: Page) {
  return page.getByRole('alert').filter({ hasText: /\S/ });
}

function explanation(page: Page) {
  return page.getByRole('region', { name: 'Explanation' });
}

/** Rows in a stable order, for RETURNING output whose order neither engine promises. */
const sorted = (rows: string[][]) => [...rows].sort((a, b) => a.join('\u0000').localeCompare(b.join('\u0000')));

test('Examples: filter by tag, search, pick one; it loads, runs and is explained, and the address names it', async ({
  page,
}) => {
  await page.goto('./');
  await waitForResult(page);
  await page.getByRole('button', { name: 'Examples' }).click();
  const dialog = page.getByRole('dialog', { name: 'Examples' });
  const search = dialog.getByLabel('Search examples');
  await expect(search).toBeFocused();
  const count = dialog.getByRole('status');
  const list = dialog.getByRole('list', { name: 'Examples' });
  await expect(count).toHaveText(`${EXAMPLES.length} examples`);
  await expect(list.getByRole('listitem')).toHaveCount(EXAMPLES.length);

  const counters = dialog
    .getByRole('group', { name: 'Filter by tag' })
    .getByRole('button', { name: 'Counters', exact: true });
  await expect(counters).toHaveAttribute('aria-pressed', 'false');
  await counters.click();
  await expect(counters).toHaveAttribute('aria-pressed', 'true');
  const tagged = EXAMPLES.filter((e) => e.tags.includes('counters'));
  expect(tagged.length).toBeGreaterThan(1);
  await expect(count).toHaveText(`${tagged.length} examples tagged Counters`);
  await expect(list.getByRole('listitem')).toHaveCount(tagged.length);
  for (const e of tagged) await expect(list.getByRole('button', { name: e.title, exact: true })).toBeVisible();

  await search.fill('no such words anywhere');
  await expect(count).toHaveText('0 examples tagged Counters');
  await expect(dialog.getByText('No example matches. Remove a tag or change the search.')).toBeVisible();
  await search.fill('stock overwrite');
  await expect(count).toHaveText('1 example tagged Counters');
  const title = 'Inventory: stock = products.stock + excluded.stock';
  const pick = list.getByRole('button', { name: title, exact: true });
  await expect(pick).toBeVisible();
  await expect(list.getByRole('listitem')).toContainText('Add the delivered quantity to the stored stock');
  await page.screenshot({ path: '/tmp/e2e-examples-dialog.png' });
  await pick.click();

  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/#example\/inventory-accumulation$/);
  const panel = explanation(page);
  await expect(panel.getByRole('heading', { name: title })).toBeVisible();
  await expect(panel.locator('code', { hasText: 'SET stock = products.stock + excluded.stock' })).toBeVisible();
  await expect(panel).toContainText('Fairphone 5 had no row, so the proposed row is inserted as it is, with stock 20.');
  await expect(panel.getByRole('link', { name: 'link to this example' })).toHaveAttribute(
    'href',
    '#example/inventory-accumulation',
  );
  await expect.poll(() => changeMarks(page, 'products')).toEqual(['updated', 'unchanged', 'inserted']);
  await waitForResult(page);
  await expect(page.getByRole('table', { name: 'After: products', exact: true })).toContainText('100 → 150');
  expect(sorted(await tableRows(page, 'Statement 1 result'))).toEqual(
    sorted([
      ['IPHONE15', '150'],
      ['FAIRPHONE5', '20'],
    ]),
  );
  await page.screenshot({ path: '/tmp/e2e-example-loaded.png', fullPage: true });

  // The dialog remembers nothing odd: reopened, Escape closes it and the page is usable.
  await page.getByRole('button', { name: 'Examples' }).click();
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Examples' })).toBeFocused();
});

test('#example/postgres-merge opens on PostgreSQL with its results; on SQLite it says why it cannot run', async ({
  page,
}) => {
  await page.goto('./#example/postgres-merge');
  await expect(page.getByRole('radio', { name: 'PostgreSQL', exact: true })).toBeChecked();
  await expect(page.locator('.results[data-dialect="postgres"]')).toBeVisible({ timeout: 60_000 });
  await waitForResult(page);
  const panel = explanation(page);
  await expect(panel.getByRole('heading', { name: 'MERGE as an upsert, with RETURNING merge_action()' })).toBeVisible();
  await expect(panel).toContainText('RETURNING merge_action() says which action each row took');
  expect(sorted(await tableRows(page, 'Statement 1 result'))).toEqual(
    sorted([
      ['UPDATE', '1', 'ada@example.com', 'Ada Lovelace', '37'],
      ['INSERT', '3', 'linus@example.com', 'Linus', '28'],
    ]),
  );
  expect(await changeMarks(page, 'users')).toEqual(['updated', 'unchanged', 'inserted']);
  // Statement 2 is the documented failure: the same source key twice.
  await expect(alerts(page).filter({ hasText: '21000' })).toContainText(
    'MERGE command cannot affect row a second time',
  );

  await page.getByRole('radio', { name: 'SQLite', exact: true }).check();
  await expect(panel.getByRole('note')).toContainText('This example needs PostgreSQL.');
  await expect(alerts(page).filter({ hasText: 'MERGE' })).toContainText('near "MERGE": syntax error');
});

test('#example/sqlite-insert-or-replace shows the replaced row as deleted + inserted, and the cascade', async ({
  page,
}) => {
  await page.goto('./#example/sqlite-insert-or-replace');
  await waitForResult(page);
  await expect(page.getByRole('radio', { name: 'SQLite', exact: true })).toBeChecked();
  await expect(
    explanation(page).getByRole('heading', { name: 'INSERT OR REPLACE: delete, then insert' }),
  ).toBeVisible();
  const after = page.getByRole('table', { name: 'After: users', exact: true });
  await expect(after.locator('tr[data-replaced="true"]')).toHaveCount(2);
  const gone = after.locator('tr[data-change="deleted"]');
  await expect(gone).toHaveAttribute('data-replaced', 'true');
  await expect(gone).toContainText('deleted (replaced)');
  await expect(gone).toContainText('ada@example.com');
  const replacement = after.locator('tr[data-change="inserted"]');
  await expect(replacement).toHaveAttribute('data-replaced', 'true');
  await expect(replacement).toContainText('inserted (replacement)');
  expect(
    await replacement.locator('td').evaluateAll((tds) => tds.slice(1).map((td) => td.textContent?.trim())),
  ).toEqual(['3', 'ada@example.com', 'Ada Lovelace', '0']);
  expect((await changeMarks(page, 'users')).sort()).toEqual(['deleted', 'inserted', 'updated']);
  // The cascade: Ada's order went with her old row.
  const orders = page.getByRole('table', { name: 'After: orders', exact: true });
  await expect(orders.locator('tr[data-change="deleted"]')).toContainText('Analytical Engine');
  // Statement 1 counts 1 row affected although its diff has 1 inserted and 2 deleted.
  await expect(
    page.getByText(/^INSERT OR REPLACE · 1 row affected · 1 inserted, 2 deleted · 1 row returned/),
  ).toBeVisible();
  expect(await tableRows(page, 'Statement 1 result')).toEqual([['3', 'ada@example.com', 'Ada Lovelace', '0']]);
});

test('#example/bulk-upsert (both dialects) opens on SQLite with the expected marks', async ({ page }) => {
  await page.goto('./#example/bulk-upsert');
  await waitForResult(page);
  await expect(page.getByRole('radio', { name: 'SQLite', exact: true })).toBeChecked();
  await expect(
    explanation(page).getByRole('heading', { name: 'Bulk upsert: many rows in one statement' }),
  ).toBeVisible();
  expect(await changeMarks(page, 'users')).toEqual(['updated', 'updated', 'unchanged', 'inserted', 'inserted']);
  await expect(page.getByText(/INSERT · 4 rows affected · 2 inserted, 2 updated/)).toBeVisible();
  // The SQLite explanation has no PostgreSQL identity note.
  await expect(explanation(page)).not.toContainText('6 and 7');
});

test('editing an example turns the address into a scenario link and flags the explanation', async ({ page }) => {
  await page.goto('./#example/single-row-upsert');
  await waitForResult(page);
  const panel = explanation(page);
  await expect(panel.getByRole('heading', { name: 'Single-row upsert: ON CONFLICT (email) DO UPDATE' })).toBeVisible();
  const note = page.getByText('You edited this example: the explanation describes the original.');
  await expect(note).toHaveCount(0);

  const statement =
    "INSERT INTO users (email, name, age) VALUES ('ada@example.com', 'Countess', 40)\nON CONFLICT (email) DO UPDATE SET name = excluded.name\nRETURNING id, name;";
  await setEditor(page, 'Statement SQL', statement);
  await expect(note).toBeVisible();
  await expect(panel).toBeVisible();
  await expect(page).toHaveURL(/#s1\//);
  const hash = await page.evaluate(() => location.hash);
  expect(LZString.decompressFromEncodedURIComponent(hash.slice('#s1/'.length))).toContain("'Countess'");
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect.poll(async () => tableRows(page, 'Statement 1 result')).toEqual([['1', 'Countess']]);

  // The panel's link reopens the original; Back returns to the edit.
  const original = await tableRows(page, 'Before: users');
  await panel.getByRole('link', { name: 'link to this example' }).click();
  await expect(page).toHaveURL(/#example\/single-row-upsert$/);
  await expect(note).toHaveCount(0);
  await expect.poll(() => changeMarks(page, 'users')).toEqual(['updated', 'unchanged', 'inserted']);
  expect(await tableRows(page, 'Before: users')).toEqual(original);
  await page.goBack();
  await expect.poll(async () => tableRows(page, 'Statement 1 result')).toEqual([['1', 'Countess']]);

  // Forward again: the example, explained; an edit there flags it again, and the note can hide the panel.
  await page.goForward();
  await expect(panel.getByRole('heading', { name: 'Single-row upsert: ON CONFLICT (email) DO UPDATE' })).toBeVisible();
  await setEditor(page, 'Statement SQL', statement);
  await expect(note).toBeVisible();
  await page.getByRole('button', { name: 'Hide it' }).click();
  await expect(panel).toHaveCount(0);
  await expect(note).toHaveCount(0);
});

test('an unknown #example/ id gives a clear message and a working page', async ({ page }) => {
  await page.goto('./#example/nope');
  await expect(alerts(page)).toContainText(
    'This link names an example that this version of the playground does not have',
  );
  await waitForResult(page);
  expect(await changeMarks(page, 'users')).toEqual(['updated', 'unchanged', 'inserted']);
  await expect(explanation(page)).toHaveCount(0);
  await setEditor(page, 'Statement SQL', "UPDATE users SET age = 1 WHERE email = 'grace@example.com';");
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect.poll(() => changeMarks(page, 'users')).toEqual(['unchanged', 'updated']);
});
