import { expect, test } from './fixtures';
import { encodeScenario } from '../../src/scenario/link';
import { defaultScenario, type Scenario } from '../../src/scenario/scenario';
import { changeMarks, runPastTimeLimit, setEditor, tableRows, waitForResult } from './helpers';

test('the default scenario is already run on SQLite when the page opens', async ({ page }) => {
  await page.goto('./');
  await waitForResult(page);
  await expect(page.getByRole('radio', { name: 'SQLite', exact: true })).toBeChecked();
  // Before: the two seeded users.
  const before = await tableRows(page, 'Before: users');
  expect(before.map((r) => r[1])).toEqual(['ada@example.com', 'grace@example.com']);
  // After: Ada updated, Grace untouched, Linus inserted — each with a text label, not colour alone.
  expect(await changeMarks(page, 'users')).toEqual(['updated', 'unchanged', 'inserted']);
  const after = page.getByRole('table', { name: 'After: users', exact: true });
  await expect(after.locator('tr[data-change="updated"]')).toContainText('updated');
  await expect(after.locator('tr[data-change="updated"]')).toContainText('Ada → Ada Lovelace');
  await expect(after.locator('tr[data-change="inserted"]')).toContainText('linus@example.com');
  // RETURNING *: both written rows, with the counter incremented for Ada.
  const returned = await tableRows(page, 'Statement 1 result');
  expect(returned).toEqual([
    ['1', 'ada@example.com', 'Ada Lovelace', '37', '4'],
    ['3', 'linus@example.com', 'Linus', '28', '1'],
  ]);
  await expect(page.getByText(/INSERT · 2 rows affected · 1 inserted, 1 updated/)).toBeVisible();
});

test('editing the statement and pressing Run (and Ctrl+Enter) shows the new outcome', async ({ page }) => {
  await page.goto('./');
  await waitForResult(page);
  await setEditor(
    page,
    'Statement SQL',
    "INSERT INTO users (email, name) VALUES ('ada@example.com', 'X') ON CONFLICT (email) DO NOTHING RETURNING id;",
  );
  await expect(page.getByText('The scripts changed since this run')).toBeVisible();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await waitForResult(page);
  await expect(page.getByText('The scripts changed since this run')).toHaveCount(0);
  expect(await changeMarks(page, 'users')).toEqual(['unchanged', 'unchanged']);
  await expect(page.getByRole('table', { name: 'Statement 1 result' })).toContainText('No rows returned');
  await expect(page.getByText(/INSERT · 0 rows affected/)).toBeVisible();

  await setEditor(page, 'Statement SQL', "UPDATE users SET age = age + 1 WHERE email = 'grace@example.com';");
  await page.getByRole('textbox', { name: 'Statement SQL' }).focus();
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect.poll(() => changeMarks(page, 'users')).toEqual(['unchanged', 'updated']);
  await expect(page.getByRole('table', { name: 'After: users', exact: true })).toContainText('45 → 46');
});

test('switching to PostgreSQL runs the scenario on PGlite', async ({ page }) => {
  await page.goto('./');
  await waitForResult(page);
  await page.getByRole('radio', { name: 'PostgreSQL', exact: true }).check();
  await expect(page.getByRole('status').filter({ hasText: /PostgreSQL 18/ })).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('.results[data-dialect="postgres"]')).toBeVisible({ timeout: 60_000 });
  await waitForResult(page);
  expect(await changeMarks(page, 'users')).toEqual(['updated', 'unchanged', 'inserted']);
  // Postgres consumed an identity value for Ada's conflicting row, so Linus gets id 4, not 3.
  const returned = await tableRows(page, 'Statement 1 result');
  expect(returned).toEqual([
    ['1', 'ada@example.com', 'Ada Lovelace', '37', '4'],
    ['4', 'linus@example.com', 'Linus', '28', '1'],
  ]);
  // And back to SQLite, which still has its own result.
  await page.getByRole('radio', { name: 'SQLite', exact: true }).check();
  await expect(page.locator('.results[data-dialect="sqlite"]')).toBeVisible();
});

test('an error shows the engine message, code and position, and marks the statement in the editor', async ({
  page,
}) => {
  await page.goto('./');
  await waitForResult(page);
  await page.getByRole('radio', { name: 'PostgreSQL', exact: true }).check();
  await expect(page.locator('.results[data-dialect="postgres"]')).toBeVisible({ timeout: 60_000 });
  await setEditor(
    page,
    'Statement SQL',
    "UPDATE users SET age = 50 WHERE id = 1;\nINSERT INTO users (email, name)\nVALUES ('ada@example.com', 'Ada')\nON CONFLICT (name) DO NOTHING;",
  );
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const alert = page.getByRole('alert').filter({ hasText: '42P10' });
  await expect(alert).toContainText(
    'there is no unique or exclusion constraint matching the ON CONFLICT specification',
  );
  await expect(alert).toContainText('42P10');
  await expect(alert).toContainText('statement 2');
  await expect(alert).toContainText(/line 2/);
  // The statement before the failing one keeps its shown effect.
  await expect(page.getByRole('table', { name: 'After: users', exact: true })).toContainText('36 → 50');
  await expect(page.locator('.failing-statement-line').first()).toBeVisible();
  // The editor marks the failing statement where a keyboard user finds it: F8 goes to the marker
  // and reads it out (line 1 holds the UPDATE that ran).
  await page.getByRole('textbox', { name: 'Statement SQL' }).focus();
  await page.keyboard.press('F8');
  await expect(page.getByRole('tooltip').getByRole('alert')).toHaveAccessibleName(
    /Error: there is no unique or exclusion constraint matching the ON CONFLICT specification \(42P10\) at [2-4]:\d+/,
  );
});

test('a runaway recursive query is stopped at the time limit, then the next run works', async ({ page }) => {
  await page.goto('./');
  await waitForResult(page);
  const limit = page.getByLabel('Time limit (s)');
  // More than the field's maximum becomes the maximum.
  await limit.fill('600');
  await expect(limit).toHaveValue('120');
  await expect(await runPastTimeLimit(page, 1)).toContainText('Stopped at the time limit of 1 s', { timeout: 20_000 });
  // The page stayed responsive and the replacement engine works.
  await setEditor(page, 'Statement SQL', 'SELECT count(*) AS n FROM users;');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('table', { name: 'Statement 1 result' })).toContainText('2');
  await expect(page.getByRole('alert').filter({ hasText: /error|stopped/i })).toHaveCount(0);
});

test('a runaway query on PostgreSQL is stopped and the engine restarts from its snapshot', async ({ page }) => {
  await page.goto('./');
  await waitForResult(page);
  await page.getByRole('radio', { name: 'PostgreSQL', exact: true }).check();
  await expect(page.locator('.results[data-dialect="postgres"]')).toBeVisible({ timeout: 60_000 });
  await expect(await runPastTimeLimit(page, 2)).toContainText('Stopped at the time limit of 2 s', { timeout: 30_000 });
  await setEditor(page, 'Statement SQL', 'SELECT count(*) AS n FROM users;');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('table', { name: 'Statement 1 result' })).toContainText('2', { timeout: 60_000 });
});

test('a #s1/ link opened from scratch runs its scenario in both dialects', async ({ page }) => {
  const scripts = {
    setup:
      "CREATE TABLE counters (k text PRIMARY KEY, n integer NOT NULL);\nINSERT INTO counters VALUES ('a', 1), ('b', 5);",
    statement:
      "INSERT INTO counters AS t (k, n) VALUES ('a', 10), ('c', 3)\nON CONFLICT (k) DO UPDATE SET n = t.n + excluded.n\nRETURNING *;",
  };
  const scenario: Scenario = { dialect: 'postgres', sqlite: scripts, postgres: scripts };
  await page.goto(`./#${encodeScenario(scenario)}`);
  await expect(page.getByRole('radio', { name: 'PostgreSQL', exact: true })).toBeChecked();
  await expect(page.locator('.results[data-dialect="postgres"]')).toBeVisible({ timeout: 60_000 });
  expect(await changeMarks(page, 'counters')).toEqual(['updated', 'unchanged', 'inserted']);
  expect(await tableRows(page, 'Statement 1 result')).toEqual([
    ['a', '11'],
    ['c', '3'],
  ]);
  await page.getByRole('radio', { name: 'SQLite', exact: true }).check();
  await expect(page.locator('.results[data-dialect="sqlite"]')).toBeVisible();
  expect(await changeMarks(page, 'counters')).toEqual(['updated', 'unchanged', 'inserted']);
  expect(await tableRows(page, 'Statement 1 result')).toEqual([
    ['a', '11'],
    ['c', '3'],
  ]);
});

test('a broken link gives a clear message and the default scenario', async ({ page }) => {
  const good = encodeScenario(defaultScenario());
  await page.goto(`./#${good.slice(0, good.length - 40)}`);
  await expect(page.getByRole('alert').filter({ hasText: /cut off|could not be decoded|not valid/ })).toBeVisible();
  await waitForResult(page);
  expect(await changeMarks(page, 'users')).toEqual(['updated', 'unchanged', 'inserted']);
});

test('before the app has loaded the page shows its name and a loading note, then the app replaces them', async ({
  page,
}) => {
  // Hold the app's code back until the placeholder has been seen.
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route(/\/assets\/mount-[\w-]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('./');
  await expect(page.getByRole('status')).toHaveText('Loading the playground…');
  await expect(page.getByText(/Upsert Playground$/)).toBeVisible();
  await expect(page.getByText('needs JavaScript')).toBeHidden();
  release();
  await waitForResult(page);
  await expect(page.getByText('Loading the playground…')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Upsert Playground', level: 1 })).toBeVisible();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the page says it needs JavaScript, and no loading note promises otherwise', async ({ page }) => {
    await page.goto('./');
    await expect(page.getByText('needs JavaScript')).toBeVisible();
    await expect(page.getByText('Loading the playground…')).toBeHidden();
  });
});

test('the page starts one SQLite worker: index.html creates it and the app takes it over', async ({ page }) => {
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.goto('./');
  await waitForResult(page);
  expect(workers.filter((u) => u.includes('sqlite.worker'))).toHaveLength(1);
  // The engine in that worker answers: a second run goes through it.
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await waitForResult(page);
  expect(workers.filter((u) => u.includes('sqlite.worker'))).toHaveLength(1);
});
