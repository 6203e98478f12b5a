/** Run again, Explain and the account switch, on both engines, read from the page. */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { encodeScenario } from '../../src/scenario/link';
import { defaultScenario, type Scenario } from '../../src/scenario/scenario';
import { waitForResult } from './helpers';

const SQLITE_SETUP =
  "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE, name TEXT, visits INTEGER NOT NULL DEFAULT 0);\nINSERT INTO users (email, name) VALUES ('ada@x', 'Ada');";
const PG_SETUP =
  "CREATE TABLE users (id serial PRIMARY KEY, email text NOT NULL UNIQUE, name text, visits int NOT NULL DEFAULT 0);\nINSERT INTO users (email, name) VALUES ('ada@x', 'Ada');";
const IDEMPOTENT =
  "INSERT INTO users (email, name) VALUES ('ada@x', 'Ada L.'), ('grace@x', 'Grace')\nON CONFLICT (email) DO UPDATE SET name = excluded.name;";
const COUNTER =
  "INSERT INTO users (email, name) VALUES ('ada@x', 'Ada')\nON CONFLICT (email) DO UPDATE SET visits = users.visits + 1;";

async function open(page: Page, dialect: 'sqlite' | 'postgres', statement: string, setupExtra = ''): Promise<void> {
  const scenario: Scenario = {
    ...defaultScenario(),
    dialect,
    sqlite: { setup: SQLITE_SETUP + setupExtra, statement },
    postgres: { setup: PG_SETUP + setupExtra, statement },
  };
  await page.goto(`./#${encodeScenario(scenario)}`);
  // A busy machine can take PGlite past the default time limit: allow more, and run.
  await page.getByRole('spinbutton', { name: 'Time limit (s)' }).fill('60');
  await expect(page.locator('.results-pane[aria-busy="true"]')).toHaveCount(0, { timeout: 120_000 });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.locator(`.results[data-dialect="${dialect}"]`)).toBeVisible({ timeout: 120_000 });
  await expect(page.locator('.results-pane[aria-busy="true"]')).toHaveCount(0, { timeout: 120_000 });
  await waitForResult(page);
}

const fates = (page: Page) =>
  page
    .getByRole('table', { name: 'Statement 1 proposed rows', exact: true })
    .locator('tbody tr[data-fate]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-fate')));

for (const dialect of ['sqlite', 'postgres'] as const) {
  test(`${dialect}: Run again shows an idempotent upsert change nothing, and a counter change again`, async ({
    page,
  }) => {
    test.setTimeout(300_000);
    await open(page, dialect, IDEMPOTENT);
    expect(await fates(page)).toEqual(['updated', 'inserted']);
    await page.getByRole('button', { name: 'Run again' }).click();
    const note = page.getByRole('note').filter({ hasText: 'Run 2 of the statement script' });
    await expect(note).toBeVisible({ timeout: 120_000 });
    await expect(note).toContainText('It changed no value: 2 rows rewritten with the same values');
    expect(await fates(page)).toEqual(['same-values', 'same-values']);
    await expect(page.getByRole('table', { name: 'Before: users', exact: true })).toContainText('grace@x');

    // A counter: the third run still changes the data, and says so.
    await open(page, dialect, COUNTER);
    await page.getByRole('button', { name: 'Run again' }).click();
    await expect(page.getByRole('note').filter({ hasText: 'Run 2 of' })).toContainText('it is not idempotent', {
      timeout: 120_000,
    });
    await page.getByRole('button', { name: 'Run again' }).click();
    const third = page.getByRole('note').filter({ hasText: 'Run 3 of the statement script' });
    await expect(third).toContainText('the 2 earlier runs left', { timeout: 120_000 });
    await expect(third).toContainText('(1 updated)');
    await expect(page.getByRole('table', { name: 'After: users', exact: true })).toContainText('2 → 3');
  });

  test(`${dialect}: Explain shows the engine's plan of the upsert, and the keys for a target that matches none`, async ({
    page,
  }) => {
    test.setTimeout(300_000);
    await open(page, dialect, IDEMPOTENT);
    const toggle = page.getByRole('button', { name: 'Explain statement 1' });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const steps = page.getByRole('list', { name: 'Plan steps' });
    await expect(steps).toBeVisible({ timeout: 120_000 });
    if (dialect === 'postgres') {
      await expect(steps).toContainText('Insert on users');
      const card = page.locator('.explain-card');
      await expect(card).toContainText('Arbiter indexes (checked for conflicts)users_email_key');
      await expect(card).toContainText('Rows that conflicted (Conflicting Tuples)1');
      await expect(card).toContainText('Rows inserted (Tuples Inserted)1');
      await expect(card).toContainText('rolled back');
      await page.getByRole('button', { name: 'Show the raw plan' }).click();
      await expect(page.getByLabel('Raw plan')).toContainText('"Conflict Resolution": "UPDATE"');
    } else {
      await expect(steps).toContainText('SCAN 2-ROW VALUES CLAUSE');
      await expect(page.locator('.explain-card')).toContainText('It does not show the conflict check');
    }
    // The shown run is untouched by the plan's replay: Grace keeps the id the run gave her (on
    // PostgreSQL the conflicting first row spent id 2 in the run itself).
    await expect(page.getByRole('table', { name: 'After: users', exact: true })).toContainText(
      dialect === 'sqlite' ? '2grace@x' : '3grace@x',
    );

    // A target that matches no key: the keys of the table, and what is missing.
    await open(
      page,
      dialect,
      "INSERT INTO users (email, name) VALUES ('x@x', 'Ada') ON CONFLICT (name) DO NOTHING;",
      '\nCREATE UNIQUE INDEX users_name_live ON users (name) WHERE visits >= 0;',
    );
    const help = page.getByRole('note').filter({ hasText: 'Unique keys of users' });
    await expect(help).toContainText('users_name_live (name) WHERE');
    await expect(help).toContainText('The target almost matches the partial unique index users_name_live');
    // The hint above the error names the mistake; its fix puts the index's condition in the target,
    // and the next run succeeds: Ada's name conflicts, so nothing is inserted (the hints' and the
    // keys' code loads only once a run has failed).
    const hint = page.getByRole('region', { name: 'Hint' });
    await expect(hint).toContainText('The unique index on (name) is partial (WHERE visits >= 0)');
    await hint.getByRole('button', { name: 'Add WHERE visits >= 0 to the conflict target' }).click();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(hint).toHaveCount(0);
    await expect(help).toHaveCount(0);
    await expect(page.getByRole('table', { name: 'After: users', exact: true })).toContainText('unchanged1ada@xAda0');
  });
}

test('the row-by-row account can be switched off and on again', async ({ page }) => {
  await open(page, 'sqlite', IDEMPOTENT);
  const box = page.getByRole('checkbox', { name: 'Row-by-row account' });
  await expect(box).toBeChecked();
  await box.uncheck();
  await expect(page.getByText('The row-by-row account was switched off for this run.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Statement 1 proposed rows' })).toHaveCount(0);
  await page.getByRole('checkbox', { name: 'Row-by-row account' }).check();
  await expect(page.getByRole('table', { name: 'Statement 1 proposed rows' })).toBeVisible();
});
