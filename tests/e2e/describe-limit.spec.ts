import { expect, test } from './fixtures';
import { RUNAWAY, setEditor, waitForResult } from './helpers';

test('a setup that never ends is stopped at the time limit when the Form reads it, and a Run keeps its own limit', async ({
  page,
}) => {
  // Two runaway requests and their restarts, one after the other.
  test.setTimeout(180_000);
  await page.goto('./');
  await waitForResult(page);
  await page.getByLabel('Time limit (s)').fill('1');
  await setEditor(page, 'Setup SQL', `CREATE TABLE t (k int PRIMARY KEY);\n${RUNAWAY}`);
  // The Form reads the tables by running the setup; Run is pressed while it does. Whichever
  // reaches the engine first, neither holds it forever: each is stopped at the limit and says so.
  await page.getByRole('tab', { name: 'Form' }).click();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Run stopped' })).toContainText(
    'Stopped at the time limit of 1 s',
    { timeout: 30_000 },
  );
  const form = page.getByRole('tabpanel', { name: 'Form' });
  await expect(form).toContainText('Stopped at the time limit of 1 s: the setup was still going', {
    timeout: 30_000,
  });
});
