import { writeFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { runPastTimeLimit, setEditor, waitForResult } from './helpers';

/** A CSV for the default scenario's users table: `rows` rows with unique e-mails. */
function usersCsv(rows: number): Buffer {
  const lines = ['email,name,age,login_count'];
  for (let i = 0; i < rows; i++) lines.push(`user${i}@example.com,"User ${i}, the ${i}th",${20 + (i % 50)},${i % 9}`);
  return Buffer.from(`${lines.join('\n')}\n`);
}

test("a CSV file loads into the Form's table through the file picker, and every run inserts it", async ({ page }) => {
  await page.goto('./');
  await waitForResult(page);
  await page.getByRole('tab', { name: 'Form' }).click();
  const form = page.getByRole('region', { name: 'Upsert builder' });
  await expect(form.getByRole('button', { name: 'Load CSV into users…' })).toBeVisible();
  await expect(form).toContainText('not part of a shared link');
  await form.getByLabel('CSV file for table users').setInputFiles({
    name: 'users.csv',
    mimeType: 'text/csv',
    buffer: usersCsv(20_000),
  });
  // The loaded file is listed once the engine holds every row; the run with it follows.
  await expect(form.getByRole('listitem').filter({ hasText: 'users ← users.csv, 20,000 rows' })).toBeVisible();
  await expect(form.getByRole('progressbar')).toHaveCount(0);
  // The default statement inserts Linus and updates Ada: 2 setup rows + 20,000 + 1.
  await expect(page.getByRole('region', { name: 'After: users (scrollable, 20,003 rows)' })).toBeVisible({
    timeout: 30_000,
  });
  await waitForResult(page);
  await expect(
    page.getByText(/^20,000 rows of users\.csv were inserted into users after the setup \(in /),
  ).toBeVisible();
  // A plain run again: the rows are inserted again after the setup.
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await waitForResult(page);
  await expect(page.getByRole('region', { name: 'After: users (scrollable, 20,003 rows)' })).toBeVisible();

  // Remove: the next run has the setup's rows only.
  await form.getByRole('button', { name: 'Remove users.csv' }).click();
  await expect(page.getByRole('table', { name: 'After: users', exact: true }).locator('tbody tr')).toHaveCount(3);
});

test('a file that does not fit the table says why; a load can be cancelled', async ({ page }) => {
  await page.goto('./');
  await waitForResult(page);
  await page.getByRole('tab', { name: 'Form' }).click();
  const form = page.getByRole('region', { name: 'Upsert builder' });
  const picker = form.getByLabel('CSV file for table users');
  await picker.setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('email,colour\na@b,red\n') });
  await expect(form.getByRole('alert')).toContainText(
    'bad.csv: the header names a column "colour" that table users does not have',
  );
  await form.getByRole('button', { name: 'Dismiss the message about bad.csv' }).click();

  // A large file (too large to hand over as a buffer): cancel while it is read.
  const big = test.info().outputPath('big.csv');
  writeFileSync(big, usersCsv(1_500_000));
  await picker.setInputFiles(big);
  const bar = form.getByRole('progressbar', { name: 'Loading big.csv into users' });
  await expect(bar).toBeVisible();
  await form.getByRole('button', { name: 'Cancel' }).click();
  await expect(bar).toHaveCount(0);
  await expect(form.getByRole('list', { name: 'CSV files' })).toHaveCount(0);
  // Nothing of it reaches a run.
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await waitForResult(page);
  await expect(page.getByRole('table', { name: 'After: users', exact: true }).locator('tbody tr')).toHaveCount(3);

  // Dropped on the drop zone, a file loads as well.
  const dropped = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['email,name\nzoe@example.com,Zoë\n'], 'drop.csv', { type: 'text/csv' }));
    return dt;
  });
  await form.locator('.csv-drop').dispatchEvent('drop', { dataTransfer: dropped });
  await expect(form.getByText('users ← drop.csv, 1 row', { exact: true })).toBeVisible();
  await expect(page.getByRole('table', { name: 'After: users', exact: true }).locator('tbody tr')).toHaveCount(4);
});

test('after the engine is restarted, the loaded file shows as lost, runs say so, and Load again brings it back', async ({
  page,
}) => {
  await page.goto('./');
  await waitForResult(page);
  await page.getByRole('tab', { name: 'Form' }).click();
  const form = page.getByRole('region', { name: 'Upsert builder' });
  await form.getByLabel('CSV file for table users').setInputFiles({
    name: 'users.csv',
    mimeType: 'text/csv',
    buffer: usersCsv(20),
  });
  await expect(form.getByText('users ← users.csv, 20 rows', { exact: true })).toBeVisible();
  await waitForResult(page);

  // A runaway statement stopped at the time limit restarts the engine.
  await page.getByRole('tab', { name: 'SQL' }).click();
  await expect(await runPastTimeLimit(page, 1)).toContainText('the loaded CSV files must be loaded again (Form tab)', {
    timeout: 20_000,
  });
  await setEditor(page, 'Statement SQL', 'SELECT count(*) AS n FROM users;');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'no longer in the engine' })).toBeVisible();

  await page.getByRole('tab', { name: 'Form' }).click();
  await expect(form).toContainText('The SQLite engine was restarted, so it no longer holds these rows');
  await form.getByRole('button', { name: 'Load users.csv again' }).click();
  await expect(form.getByText('The SQLite engine was restarted')).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Statement 1 result' })).toContainText('22');
});

test('a CSV file loads into a PostgreSQL table, and a refused value names its row and column', async ({ page }) => {
  await page.goto('./');
  await waitForResult(page);
  await page.getByRole('radio', { name: 'PostgreSQL', exact: true }).check();
  await expect(page.locator('.results[data-dialect="postgres"]')).toBeVisible({ timeout: 60_000 });
  await page.getByRole('tab', { name: 'Form' }).click();
  const form = page.getByRole('region', { name: 'Upsert builder' });
  const picker = form.getByLabel('CSV file for table users');
  await picker.setInputFiles({ name: 'users.csv', mimeType: 'text/csv', buffer: usersCsv(2_000) });
  await expect(form.getByText('users ← users.csv, 2,000 rows', { exact: true })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(/^2,000 rows of users\.csv were inserted into users after the setup/)).toBeVisible({
    timeout: 60_000,
  });
  // age is an integer column: "old" is refused by PostgreSQL, and nothing of the file is kept.
  await picker.setInputFiles({
    name: 'ages.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('email,name,age\na@example.com,A,30\nb@example.com,B,old\n'),
  });
  await expect(page.getByRole('alert').filter({ hasText: 'ages.csv could not be loaded' })).toContainText(
    'ages.csv could not be loaded into table users: row 2, column age: invalid input syntax for type integer: "old"',
    { timeout: 60_000 },
  );
});
