// The Race lab in Chromium, used as a person would: open a race example, read the sessions and the
// timeline, run it, reorder the timeline with the keyboard and by dragging, and read the new outcome.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { tableRows } from './helpers';

/** Open a race example and wait until its first run is on screen. */
async function openRace(page: Page, id: string): Promise<void> {
  await page.goto(`/#example/${id}`);
  await expect(page.getByRole('region', { name: 'Session A' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'What happened' })).toBeVisible();
}

/** Run the timeline and wait for the new outcome (the results are not busy and show step 1). */
async function run(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.locator('.results-pane[aria-busy="true"]')).toHaveCount(0);
  await expect(page.getByText('The scripts changed since this run')).toHaveCount(0);
}

const timelineLabels = (page: Page) =>
  page.getByRole('list', { name: 'Timeline' }).getByRole('listitem').locator('.race-entry-label').allInnerTexts();

test('the manual upsert race: B’s INSERT fails; moved after A’s insert, B’s SELECT sees the row', async ({ page }) => {
  await openRace(page, 'race-select-then-insert');
  await expect(page.getByRole('region', { name: 'Session B' })).toBeVisible();
  expect(await timelineLabels(page)).toEqual(['A1', 'B1', 'A2', 'B2']);
  const summary = page.getByRole('region', { name: 'What happened' });
  await expect(summary).toContainText('B read no row at B1; A2 then inserted 1 row into users before B2 ran');
  await expect(summary).toContainText('B2 failed: UNIQUE constraint failed: users.email');
  // Each step's returned rows and the tables after it.
  expect(await tableRows(page, 'Step 2 result')).toEqual([]);
  expect((await tableRows(page, 'After step 3: users')).length).toBe(2);
  await expect(page.locator('.race-card.lane-1').filter({ hasText: 'Step 4' })).toContainText(
    'Failed: UNIQUE constraint failed: users.email',
  );

  // Keyboard: B1's handle, Alt+↓ moves it after A2; the focus stays on it.
  const handle = page.getByRole('button', { name: 'B1, step 2 of 4' });
  await handle.focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.getByRole('button', { name: 'B1, step 3 of 4' })).toBeFocused();
  expect(await timelineLabels(page)).toEqual(['A1', 'A2', 'B1', 'B2']);
  await run(page);
  const rows = await tableRows(page, 'Step 3 result');
  expect(rows).toEqual([['2']]);
  await expect(summary).toContainText('B1 read 1 row: id = 2.');
  await expect(summary).not.toContainText('out of date');
});

test('the Move buttons and dragging reorder the timeline too', async ({ page }) => {
  await openRace(page, 'race-lost-update');
  await page.getByRole('button', { name: 'Move A2 up' }).click();
  expect(await timelineLabels(page)).toEqual(['A1', 'A2', 'B1', 'B2']);
  await run(page);
  // A wrote before B read: no lost update, both increments count.
  const summary = page.getByRole('region', { name: 'What happened' });
  await expect(summary).toContainText('users.login_count is 5 after the last step.');
  await expect(summary).not.toContainText('lost update');
  // Drag B2 onto the first place.
  const timeline = page.getByRole('list', { name: 'Timeline' });
  await timeline.getByRole('listitem').filter({ hasText: 'B2' }).dragTo(timeline.getByRole('listitem').first());
  expect(await timelineLabels(page)).toEqual(['B2', 'A1', 'A2', 'B1']);
  await run(page);
  await expect(page.locator('.race-card').filter({ hasText: 'Step 1' })).toContainText(
    'Session B holds no value for :count',
  );
});

test('the lost update on PostgreSQL, and BEGIN refused with the reason', async ({ page }) => {
  // PostgreSQL's engine starts in the page on first use: slow on a busy machine.
  test.setTimeout(300_000);
  await openRace(page, 'race-lost-update');
  // The machine running the tests may be busy: a longer time limit, as a person would set it.
  await page.getByRole('spinbutton', { name: 'Time limit (s)' }).fill('60');
  await page.getByRole('radio', { name: 'PostgreSQL' }).check();
  const summary = page.getByRole('region', { name: 'What happened' });
  await expect(summary).toContainText('A2’s update was not taken into account (a lost update)', { timeout: 200_000 });
  const after = await tableRows(page, 'After step 4: users');
  expect(after[0]).toContain('4');
  // A session step that opens a transaction is refused before anything runs.
  await page.getByRole('textbox', { name: 'A1 SQL' }).fill('BEGIN;');
  await run(page);
  const alert = page.getByRole('alert').filter({ hasText: 'Step 1 was refused' });
  await expect(alert).toContainText(
    'BEGIN is refused in the race lab: this page has one connection to the database (PGlite is single-user; sql.js opens one database)',
  );
});

test('a third session, and the race survives a reload through the link', async ({ page }) => {
  await openRace(page, 'race-counter-upsert');
  await page.getByRole('button', { name: 'Add session C' }).click();
  const c = page.getByRole('region', { name: 'Session C' });
  await c
    .getByRole('textbox', { name: 'C1 SQL' })
    .fill(
      "INSERT INTO users (email, login_count) VALUES ('grace@example.com', 1)\nON CONFLICT (email) DO UPDATE SET login_count = users.login_count + 1\nRETURNING login_count;",
    );
  expect(await timelineLabels(page)).toEqual(['A1', 'B1', 'C1']);
  await run(page);
  expect(await tableRows(page, 'Step 3 result')).toEqual([['6']]);
  await expect(page).toHaveURL(/#s1\//);
  await page.reload();
  await expect(page.getByRole('region', { name: 'Session C' })).toBeVisible();
  expect(await timelineLabels(page)).toEqual(['A1', 'B1', 'C1']);
});
