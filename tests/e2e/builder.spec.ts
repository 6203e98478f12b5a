import { expect, test } from './fixtures';
import { changeMarks, tableRows, waitForResult } from './helpers';

test('the Form tab builds an upsert from the schema, and the SQL follows the dialect', async ({ page }) => {
  await page.goto('./');
  await waitForResult(page);
  await page.getByRole('tab', { name: 'Form' }).click();
  const form = page.getByRole('region', { name: 'Upsert builder' });
  await expect(form).toBeVisible();
  // The columns come from the engine's introspection of the setup script.
  await form.getByLabel('Row 1, email', { exact: true }).fill('grace@example.com');
  await form.getByLabel('Row 1, name', { exact: true }).fill('Grace Hopper');
  await form.getByLabel('Row 1, age', { exact: true }).fill('46');
  await form.getByLabel('Row 1, login_count', { exact: true }).fill('1');
  await form.getByLabel('ON CONFLICT … DO UPDATE').check();
  const sql = form.getByLabel('Generated SQL');
  await expect(sql).toHaveValue(/ON CONFLICT \(email\) DO UPDATE SET/);
  await expect(sql).toHaveValue(/'Grace Hopper'/);
  // MERGE is PostgreSQL-only: disabled on SQLite, with the reason.
  await expect(form.getByLabel('MERGE')).toBeDisabled();
  await expect(form).toContainText('SQLite has no MERGE');
  await expect(form.getByLabel('SQLAlchemy code')).toHaveValue(/from sqlalchemy\.dialects\.sqlite import insert/);

  await form.getByRole('button', { name: 'Use and run' }).click();
  await expect(page.getByRole('tab', { name: 'SQL' })).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => changeMarks(page, 'users')).toEqual(['unchanged', 'updated']);
  const after = await tableRows(page, 'After: users');
  expect(after[1]).toContain('Grace → Grace Hopper');

  // The same form, regenerated for PostgreSQL.
  await page.getByRole('tab', { name: 'Form' }).click();
  await page.getByRole('radio', { name: 'PostgreSQL', exact: true }).check();
  await expect(form.getByLabel('MERGE')).toBeEnabled({ timeout: 60_000 });
  await expect(form.getByLabel('SQLAlchemy code')).toHaveValue(/from sqlalchemy\.dialects\.postgresql import insert/);
  await expect(form.getByLabel('Row 1, name', { exact: true })).toHaveValue('Grace Hopper');
});
