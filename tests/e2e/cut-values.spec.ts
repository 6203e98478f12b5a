// A value too long for the page is shown cut, says so in the cell, and can be copied or
// downloaded whole from the engine; once the engine has run again, the cell says the value is gone.
import { stat } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { setEditor, waitForResult } from './helpers';

// A real engine on a shared two-core machine: generous time, never a sleep.
test.describe.configure({ timeout: 180_000 });

test('a cut value in a statement result: marker, Copy and Download of the whole value, then gone after another run', async ({
  page,
}) => {
  await page.goto('./');
  await waitForResult(page);
  await setEditor(
    page,
    'Statement SQL',
    "SELECT printf('%.*c', 200000, 'x') AS big;\nINSERT INTO users (email, name) VALUES ('ada@example.com', 'Ada') ON CONFLICT (email) DO NOTHING;",
  );
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await waitForResult(page);

  const table = page.getByRole('table', { name: 'Statement 1 result', exact: true });
  const cell = table.getByRole('cell').first();
  await expect(cell).toContainText('(10,000 of 200,000 characters)');
  await expect(cell).toContainText('xxxxxxxx');

  // Copy, from the keyboard: the button takes focus, shows it, and Enter copies all 200,000 characters.
  await page.evaluate(() => navigator.clipboard.writeText(''));
  const copy = cell.getByRole('button', { name: 'Copy whole value' });
  const save = cell.getByRole('button', { name: 'Download whole value' });
  await save.focus();
  await page.keyboard.press('Shift+Tab');
  await expect(copy).toBeFocused();
  expect(await copy.evaluate((b) => getComputedStyle(b).outlineStyle)).not.toBe('none');
  await page.keyboard.press('Enter');
  await expect(cell.getByRole('status')).toHaveText('Copied 200,000 characters.');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toHaveLength(200_000);
  expect(/^x+$/.test(copied)).toBe(true);

  // Download saves the whole value as a text file.
  const [download] = await Promise.all([page.waitForEvent('download'), save.click()]);
  expect(download.suggestedFilename()).toBe('statement-1-big-row-1.txt');
  expect((await stat(await download.path())).size).toBe(200_000);

  // Explain runs the engine again: the value it kept for this result is gone, and the cell says so.
  await page.getByRole('button', { name: 'Explain statement 2' }).click();
  await expect(page.getByText('Asking the engine for its plan…')).toHaveCount(0);
  await expect(page.locator('.explain-card:not([hidden])')).toBeVisible();
  await copy.click();
  await expect(cell.getByRole('alert')).toHaveText(
    'That value is gone: the engine has run again since. Run again to get it.',
  );
});

test("a cut value in the step-through's tables: the table around one statement offers the whole value too", async ({
  page,
}) => {
  await page.goto('./');
  await waitForResult(page);
  await setEditor(
    page,
    'Statement SQL',
    "UPDATE users SET name = printf('%.*c', 50000, 'n') WHERE id = 1;\nUPDATE users SET name = name || 'z' WHERE id = 1;",
  );
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await waitForResult(page);

  await page
    .getByRole('combobox', { name: 'Show tables for' })
    .selectOption({ label: "Statement 2: UPDATE users SET name = name || 'z' WHERE id = 1" });
  await expect(page.getByText(/Just before and just after statement 2/)).toBeVisible();
  const after = page.getByRole('table', { name: 'After: users', exact: true });
  const cell = after.getByRole('cell').filter({ hasText: '(10,000 of 50,001 characters)' });
  await expect(cell).toHaveCount(1);
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await cell.getByRole('button', { name: 'Copy whole value' }).click();
  await expect(cell.getByRole('status')).toHaveText('Copied 50,001 characters.');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(`${'n'.repeat(50_000)}z`);
});
