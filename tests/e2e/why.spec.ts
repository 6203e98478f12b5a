/** Why each row ended up this way: proposed rows and fates, their link to the tables, the step-through. */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { encodeScenario } from '../../src/scenario/link';
import { defaultScenario, type Scenario } from '../../src/scenario/scenario';
import { waitForResult } from './helpers';

const SQLITE_SETUP =
  "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE, name TEXT, visits INTEGER NOT NULL DEFAULT 0);\nINSERT INTO users (email, name, visits) VALUES ('ada@x', 'Ada', 3), ('linus@x', 'Linus', 1);";
const PG_SETUP =
  "CREATE TABLE users (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text NOT NULL UNIQUE, name text, visits int NOT NULL DEFAULT 0);\nINSERT INTO users (email, name, visits) VALUES ('ada@x', 'Ada', 3), ('linus@x', 'Linus', 1);";
const UPSERT =
  "INSERT INTO users (email, name) VALUES ('ada@x', 'Ada L.'), ('grace@x', 'Grace'), ('linus@x', 'Linus')\nON CONFLICT (email) DO UPDATE SET name = excluded.name, visits = users.visits + 1\nWHERE users.name <> excluded.name;";

function open(page: Page, dialect: 'sqlite' | 'postgres', statement: string): Promise<unknown> {
  const base = defaultScenario();
  const scenario: Scenario = {
    ...base,
    dialect,
    sqlite: { setup: SQLITE_SETUP, statement },
    postgres: { setup: PG_SETUP, statement },
  };
  return page.goto(`./#${encodeScenario(scenario)}`);
}

const fates = (page: Page, name: string) =>
  page
    .getByRole('table', { name, exact: true })
    .locator('tbody tr[data-fate]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-fate')));

for (const dialect of ['sqlite', 'postgres'] as const) {
  test(`${dialect}: every proposed row with its fate, linked to its After row in text and on focus`, async ({
    page,
  }) => {
    test.setTimeout(300_000);
    await open(page, dialect, UPSERT);
    // A busy machine can take PGlite past the default time limit: allow more, and run.
    await page.getByRole('spinbutton', { name: 'Time limit (s)' }).fill('60');
    await expect(page.locator('.results-pane[aria-busy="true"]')).toHaveCount(0, { timeout: 120_000 });
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(page.locator(`.results[data-dialect="${dialect}"]`)).toBeVisible({ timeout: 120_000 });
    await waitForResult(page);
    const table = page.getByRole('table', { name: 'Statement 1 proposed rows', exact: true });
    await expect(table).toBeVisible();
    expect(await fates(page, 'Statement 1 proposed rows')).toEqual(['updated', 'inserted', 'skipped']);
    const rows = table.locator('tbody tr[data-fate]');
    await expect(rows.nth(0)).toContainText("conflicted with the existing row email = 'ada@x'");
    await expect(rows.nth(0)).toContainText("name 'Ada' → 'Ada L.', visits 3 → 4");
    await expect(rows.nth(0)).toContainText("After row 1: email = 'ada@x'");
    await expect(rows.nth(2)).toContainText('skipped because the DO UPDATE … WHERE was false');
    // Keyboard: Tab reaches a proposed row; focusing it marks the After row it produced.
    await rows.nth(1).focus();
    await expect(rows.nth(1)).toBeFocused();
    const after = page.getByRole('table', { name: 'After: users', exact: true });
    await expect(after.locator('tr[data-linked="after"]')).toContainText('grace@x');
    await page.keyboard.press('Shift+Tab');
    await expect(rows.nth(0)).toBeFocused();
    await expect(after.locator('tr[data-linked="after"]')).toContainText('Ada L.');
    await expect(
      page.getByRole('table', { name: 'Before: users', exact: true }).locator('tr[data-linked="before"]'),
    ).toContainText('ada@x');
    // The other way round: hovering the After row marks the proposed row.
    await after.locator('tr[data-change="inserted"]').hover();
    await expect(table.locator('tr[data-linked="proposed"]')).toContainText('grace@x');
  });
}

test('step-through: the tables just before and after one statement, with its own marks', async ({ page }) => {
  await open(
    page,
    'sqlite',
    `${UPSERT}\nUPDATE users SET visits = 0 WHERE email = 'ada@x';\nSELECT count(*) FROM users;`,
  );
  await waitForResult(page);
  const picker = page.getByRole('combobox', { name: 'Show tables for' });
  await expect(picker).toHaveValue('whole');
  const marks = () =>
    page
      .getByRole('table', { name: 'After: users', exact: true })
      .locator('tbody tr[data-change]')
      .evaluateAll((rows) =>
        rows.map((r) => `${r.getAttribute('data-change')}${r.getAttribute('data-same-values') ? '=' : ''}`),
      );
  expect(await marks()).toEqual(['updated', 'unchanged', 'inserted']);
  await picker.focus();
  await picker.selectOption({ label: "Statement 2: UPDATE users SET visits = 0 WHERE email = 'ada@x'" });
  await expect(page.getByText(/Just before and just after statement 2/)).toBeVisible();
  expect(await marks()).toEqual(['updated', 'unchanged', 'unchanged']);
  await expect(page.getByRole('table', { name: 'Before: users', exact: true })).toContainText('Ada L.');
  // A statement that only reads cannot be picked.
  await expect(picker.locator('option', { hasText: 'Statement 3' })).toBeDisabled();
  await picker.selectOption('whole');
  expect(await marks()).toEqual(['updated', 'unchanged', 'inserted']);
});
