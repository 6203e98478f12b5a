// Wide tables (the change marks stay in sight, off-screen changes are announced, "Only changed
// columns") and the small things a new user tripped over in the results and the examples.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { setEditor, waitForResult } from './helpers';

// Real engines on a shared two-core machine: generous per-test time, never a sleep.
test.describe.configure({ timeout: 240_000 });

const after = (page: Page, scope = page.locator('body')) =>
  scope.getByRole('table', { name: 'After: users', exact: true });
const headers = (page: Page, name: string) =>
  page.getByRole('table', { name, exact: true }).getByRole('columnheader').allInnerTexts();

/** A loaded machine can take PGlite past the default 5 s limit: give runs a minute, as a user may. */
async function patientLimit(page: Page): Promise<void> {
  await page.getByLabel('Time limit (s)').fill('60');
}

test.describe('wide tables at 1,280 px', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('the timestamp example: change marks stay pinned, off-screen changes are named and reachable, and only the changed columns can be shown', async ({
    page,
  }) => {
    await page.goto('./#example/timestamps-updated-at');
    await waitForResult(page);
    const table = after(page);
    const ada = table.getByRole('row', { name: /ada@example\.com/ });
    const mark = ada.getByRole('cell').first();
    await expect(mark).toHaveText(/updated/);
    // The table is wider than its box, and Ada's updated_at change is out of sight.
    const cue = page.getByRole('button', { name: /^\d+ changed cells? to the right →$/ });
    await expect(cue).toBeVisible();
    const updatedAt = ada.getByRole('cell').nth(5);
    await expect(updatedAt).not.toBeInViewport({ ratio: 0.98 });
    // Following the cue scrolls sideways: the change is in view, the mark still is.
    await cue.click();
    await expect(updatedAt).toBeInViewport({ ratio: 0.98 });
    await expect(mark).toBeInViewport();
    const scroller = (await table.locator('xpath=..').boundingBox())!;
    const markBox = (await mark.boundingBox())!;
    expect(Math.abs(markBox.x - scroller.x)).toBeLessThanOrEqual(2);
    await expect(page.getByRole('button', { name: /changed cells? to the left/ })).toBeVisible();

    // Only changed columns: the key and the columns the statement changed, in both tables.
    await page.getByRole('checkbox', { name: 'Only changed columns' }).check();
    expect((await headers(page, 'After: users')).map((h) => h.trim())).toEqual(['Change', 'id', 'name', 'updated_at']);
    expect((await headers(page, 'Before: users')).map((h) => h.trim())).toEqual(['id', 'name', 'updated_at']);
    await expect(page.getByText('Showing 3 of 5 columns: the key and those the statement changed.')).toBeVisible();
    await expect(page.getByRole('button', { name: /changed cells? to the (right|left)/ })).toHaveCount(0);
    await page.getByRole('checkbox', { name: 'Only changed columns' }).uncheck();
    expect(await headers(page, 'After: users')).toHaveLength(6);
  });

  test('in Compare, both engines’ After tables announce the changes to the right', async ({ page }) => {
    await page.goto('./#example/timestamps-updated-at');
    await waitForResult(page);
    await patientLimit(page);
    await page.getByRole('button', { name: 'Compare' }).click();
    for (const engine of ['SQLite', 'PostgreSQL']) {
      const pane = page.getByRole('region', { name: `${engine} results` });
      await expect(after(page, pane)).toBeVisible({ timeout: 60_000 });
      await expect(pane.getByRole('button', { name: /changed cells? to the right →/ })).toBeVisible();
    }
  });
});

test('Compare counts the identity gap once, under one heading, though it shows in two places', async ({ page }) => {
  await page.goto('./');
  await waitForResult(page);
  await patientLimit(page);
  await page.getByRole('button', { name: 'Compare' }).click();
  const summary = page.getByRole('region', { name: 'Differences' });
  await expect(summary.getByRole('status')).toHaveText(
    '1 difference (seen in 2 places) between SQLite and PostgreSQL.',
    { timeout: 60_000 },
  );
  await expect(summary.getByRole('heading', { level: 3 })).toHaveText(['Generated ids (statement 1 and table users)']);
  await expect(
    summary.getByRole('region', { name: 'Generated ids (statement 1 and table users)' }).getByRole('listitem'),
  ).toHaveCount(2);
});

test.describe('phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('the change marks stay in sight when a table is swiped sideways', async ({ page }) => {
    await page.goto('./');
    await waitForResult(page);
    const table = after(page);
    const mark = table
      .getByRole('row', { name: /ada@example\.com/ })
      .getByRole('cell')
      .first();
    await table.scrollIntoViewIfNeeded();
    await expect(page.getByRole('button', { name: /changed cells? to the right →/ })).toBeVisible();
    await table.locator('xpath=..').evaluate((el) => el.scrollBy({ left: 400 }));
    await expect(mark).toBeInViewport();
    await expect(mark).toHaveText(/updated/);
  });
});

test('counts without zeros, statement labels that show the clause, and UNIQUE (email) for a generated index name', async ({
  page,
}) => {
  await page.goto('./');
  await waitForResult(page);
  const statements = page.getByRole('region', { name: 'Statements' });
  await expect(
    statements.getByText(
      'INSERT INTO users (email, name, age, login_count) VALUES … ON CONFLICT (email) DO UPDATE SET',
      { exact: false },
    ),
  ).toBeVisible();
  const tableCard = page.getByRole('region', { name: 'Table users' });
  await setEditor(page, 'Statement SQL', 'UPDATE users SET age = age + 1;');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(tableCard).toContainText('2 updated');
  await expect(tableCard).not.toContainText(/\b0 (inserted|deleted|unchanged)/);

  await page.getByRole('tab', { name: 'Form' }).click();
  const unique = page.getByRole('radio', { name: 'UNIQUE (email)', exact: true });
  await expect(unique).toBeVisible();
  await expect(page.locator(`label[for="${await unique.getAttribute('id')}"]`)).toHaveAttribute(
    'title',
    'Index sqlite_autoindex_users_1',
  );
  await expect(page.getByText('sqlite_autoindex_users_1')).toHaveCount(0);
});

test('a first visit explains Setup and Statement, until dismissed', async ({ page }) => {
  await page.goto('./');
  await waitForResult(page);
  const note = page.getByRole('note', { name: 'How the playground runs' });
  await expect(note).toContainText('Every Run starts from a fresh, empty database and runs the setup again');
  await note.getByRole('button', { name: 'Got it' }).click();
  await expect(note).toHaveCount(0);
  await page.reload();
  await waitForResult(page);
  await expect(page.getByRole('note', { name: 'How the playground runs' })).toHaveCount(0);
});

test('the examples: the login counter states its caveat; the timestamps match the digits shown', async ({ page }) => {
  await page.goto('./#example/login-counter-returning');
  await waitForResult(page);
  const explanation = page.getByRole('region', { name: 'Explanation' });
  await expect(explanation).toContainText('DEFAULT 0');
  await expect(explanation).toContainText('flagged as inserted');

  await page.goto('./#example/timestamps-updated-at');
  await waitForResult(page);
  await patientLimit(page);
  await page.getByRole('radio', { name: 'PostgreSQL', exact: true }).check();
  await expect(page.locator('.results[data-dialect="postgres"]')).toBeVisible({ timeout: 60_000 });
  await expect(explanation).toContainText('at most three decimals');
  await expect(explanation).not.toContainText('to the microsecond');
  const stamps = await page
    .getByRole('table', { name: 'Statement 1 result', exact: true })
    .getByRole('cell')
    .allInnerTexts();
  const times = stamps.filter((t) => /^\d{4}-\d{2}-\d{2} /.test(t));
  expect(times.length).toBeGreaterThanOrEqual(4);
  for (const t of times) expect(t).toMatch(/:\d{2}(\.\d{1,3})?\+00$/);
});
