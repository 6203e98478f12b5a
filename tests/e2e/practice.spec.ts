// Practice, end to end in Chromium: open an exercise from the path, get "Not yet" with the row named,
// use a hint, solve it, reload and find the progress kept; solve a PostgreSQL-only exercise.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { editorText } from './helpers';

/** Replace the statement editor's text as typed input (Monaco once it is there). */
async function typeStatement(page: Page, text: string): Promise<void> {
  await expect(page.locator('.practice [data-editor="monaco"]')).toBeVisible({ timeout: 60_000 });
  const box = page.getByRole('textbox', { name: 'Your statement' });
  await box.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  // Text input events, as an input method sends them (Monaco drops keys typed faster than it lays out).
  await page.keyboard.insertText(text);
  const squash = (t: string) => t.replace(/\s+/g, '');
  await expect.poll(async () => squash(await editorText(page, 'Your statement'))).toContain(squash(text.slice(-20)));
}

const verdict = (page: Page) => page.getByRole('status').filter({ has: page.getByRole('heading') });

test('solve an exercise on SQLite: Not yet with the row named, a hint, Correct, progress kept on reload', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto('/#practice');
  await expect(page.getByRole('heading', { name: 'Practice', level: 2 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Practice' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('link', { name: 'Insert a user or update her name' }).click();
  await expect(page).toHaveURL(/#practice\/insert-or-update-name$/);
  await expect(page.getByRole('table', { name: 'Setup: users' })).toBeVisible();
  const expected = page.getByRole('table', { name: 'Expected: users' });
  await expect(expected.getByRole('row', { name: /updated ada@example\.com Ada Lovelace/ })).toBeVisible();

  await typeStatement(page, 'INSERT INTO users (email, name) VALUES (:email, :name) ON CONFLICT (email) DO NOTHING;');
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(verdict(page)).toContainText('Not yet');
  await expect(verdict(page)).toContainText(
    "In users, row email = 'ada@example.com': name is 'Ada', expected 'Ada Lovelace'.",
  );
  const mine = page.getByRole('table', { name: 'Your result: users' });
  await expect(mine.getByRole('row', { name: /unchanged ada@example\.com Ada \(differs\) differs/ })).toBeVisible();

  await page.getByRole('button', { name: 'Show a hint' }).click();
  await expect(page.getByRole('list', { name: 'Hints' }).getByRole('listitem')).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Show solution' })).toBeVisible();

  await typeStatement(
    page,
    'INSERT INTO users (email, name) VALUES (:email, :name) ON CONFLICT (email) DO UPDATE SET name = excluded.name;',
  );
  await page.getByRole('button', { name: /^Check/ }).click();
  await expect(verdict(page)).toContainText('Correct');
  await expect(page.getByRole('heading', { name: 'Reference solution' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Next exercise: Add a tag unless it exists' })).toBeVisible();

  await page.reload();
  await expect(page.getByText('Solved on this dialect.')).toBeVisible();
  await expect(page.locator('.practice [data-editor="monaco"]')).toBeVisible({ timeout: 60_000 });
  // Monaco wraps long lines where it likes: compare without white space.
  await expect
    .poll(async () => (await editorText(page, 'Your statement')).replace(/\s+/g, ''))
    .toContain('DOUPDATESETname=excluded.name');
  await page.getByRole('button', { name: 'All exercises' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: 'Insert a user or update her name' })).toContainText(
    'done',
  );
  await expect(page.getByText('1 of 21 exercises done on SQLite.')).toBeVisible();

  await page.getByRole('button', { name: 'Back to the playground' }).click();
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeVisible();
  await expect(page).toHaveURL(/#s1\//);
});

test('solve a PostgreSQL-only exercise after switching the dialect', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('/#practice/xmax-inserted');
  await expect(page.getByText('This exercise is for PostgreSQL only')).toBeVisible();
  await page.getByRole('button', { name: 'Switch to PostgreSQL' }).click();
  await expect(page.getByRole('radio', { name: 'PostgreSQL' })).toBeChecked();
  await expect(page.getByRole('table', { name: 'Expected returned rows' })).toContainText('false', {
    timeout: 120_000,
  });
  await typeStatement(
    page,
    'INSERT INTO settings (key, value) VALUES (:key, :value) ON CONFLICT (key) DO UPDATE SET value = excluded.value RETURNING key, value, true AS inserted;',
  );
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(verdict(page)).toContainText("Returned row ('theme', 'dark', true) is not expected.", {
    timeout: 120_000,
  });
  await typeStatement(
    page,
    'INSERT INTO settings (key, value) VALUES (:key, :value) ON CONFLICT (key) DO UPDATE SET value = excluded.value RETURNING key, value, (xmax = 0) AS inserted;',
  );
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(verdict(page)).toContainText('Correct', { timeout: 120_000 });
});

// After the first result, Practice's code may load ahead while the page is idle (featureModules.ts).
test("Practice's code is not fetched before the playground's first result, and is there once opened", async ({
  page,
}) => {
  const fetched: string[] = [];
  page.on('request', (r) => fetched.push(r.url()));
  await page.goto('/');
  await expect(page.locator('.results-pane table[aria-label^="After: "]').first()).toBeVisible();
  expect(fetched.filter((u) => /PracticeView/.test(u))).toEqual([]);
  await page.getByRole('button', { name: 'Practice' }).click();
  await expect(page).toHaveURL(/#practice$/);
  await expect(page.getByRole('heading', { name: 'Practice', level: 2 })).toBeVisible();
  expect(fetched.some((u) => /PracticeView/.test(u))).toBe(true);
});

test('a hidden-set failure names the kind of case, not its data', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/#practice/insert-or-update-name');
  await expect(page.getByRole('table', { name: 'Expected: users' })).toBeVisible();
  await typeStatement(
    page,
    "INSERT INTO users (email, name) VALUES ('ada@example.com', 'Ada Lovelace') ON CONFLICT (email) DO UPDATE SET name = excluded.name;",
  );
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(verdict(page)).toContainText('not in a hidden check: a user who is not in the table yet');
  await expect(verdict(page)).toContainText('Table users: a row that should be there is missing.');
  await expect(verdict(page)).not.toContainText('alan');

  await page.getByRole('button', { name: 'Share' }).click();
  await expect(page.getByText('Link to this exercise copied')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/#practice\/insert-or-update-name$/);

  // The attempt moves into the playground as a scenario: the setup, and the statement with the values.
  await page.getByRole('button', { name: 'Open in playground' }).click();
  await expect(page).toHaveURL(/#s1\//);
  await expect(page.getByRole('heading', { name: 'Practice', exact: true })).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'After: users' })).toContainText('Ada Lovelace');
});
