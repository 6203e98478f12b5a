// A keyboard user's session: reaching and leaving the editors, the key hint and its dialog, the
// focus ring, typing a multi-line list, "Show in editor", and Stop not moving the top bar.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { changeMarks, editorText, setEditor, waitForMonaco, waitForResult } from './helpers';

// Real engines on a shared two-core machine: generous per-test time, never a sleep.
test.describe.configure({ timeout: 240_000 });

const focused = (page: Page, role: 'textbox' | 'tab' | 'button', name: string) =>
  page.getByRole(role, { name, exact: true }).evaluate((el) => el === document.activeElement);

/** Tab from the top of the page until the editor named `name` has focus. */
async function tabInto(page: Page, name: string): Promise<number> {
  for (let i = 1; i <= 40; i++) {
    await page.keyboard.press('Tab');
    if (await focused(page, 'textbox', name)) return i;
  }
  throw new Error(`Tab never reached ${name}`);
}

/** The outline drawn around the frame of the focused editor. */
const ring = (page: Page) =>
  page.evaluate(() => {
    const frame = document.activeElement?.closest('.editor-frame');
    if (!frame) return null;
    const s = getComputedStyle(frame);
    return {
      width: s.outlineWidth,
      style: s.outlineStyle,
      color: s.outlineColor,
      bg: getComputedStyle(document.body).backgroundColor,
    };
  });

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test('Tab reaches the editors, Esc then Tab leaves them, and a focused editor has a strong ring', async ({
      page,
    }) => {
      await page.goto('./');
      await waitForResult(page);
      await waitForMonaco(page);
      await expect(page.getByText(/In an editor: .*Esc.* then .*Tab.* leaves it/)).toBeVisible();

      await page.locator('body').click({ position: { x: 2, y: 2 } });
      await tabInto(page, 'Setup SQL');
      const r = await ring(page);
      expect(r?.style).toBe('solid');
      expect(parseFloat(r!.width)).toBeGreaterThanOrEqual(3);
      expect(r?.color).not.toBe(r?.bg);

      // Tab alone indents (the editor keeps focus); Esc then Tab moves on to the Statement's tabs.
      await page.keyboard.press('Tab');
      expect(await focused(page, 'textbox', 'Setup SQL')).toBe(true);
      await page.keyboard.press('Escape');
      await expect(page.getByText('Now press Tab to leave the editor')).toBeVisible();
      await page.keyboard.press('Tab');
      expect(await focused(page, 'tab', 'SQL')).toBe(true);
      // Shift+Tab comes back; Esc then Shift+Tab leaves backwards.
      await page.keyboard.press('Shift+Tab');
      expect(await focused(page, 'textbox', 'Setup SQL')).toBe(true);
      await page.keyboard.press('Escape');
      await page.keyboard.press('Shift+Tab');
      expect(await focused(page, 'textbox', 'Setup SQL')).toBe(false);

      // The statement editor: Esc then Tab goes on to the hint's button.
      await page.getByRole('textbox', { name: 'Statement SQL' }).focus();
      await page.keyboard.press('Escape');
      await page.keyboard.press('Tab');
      expect(await focused(page, 'button', 'Keyboard shortcuts')).toBe(true);

      // Esc alone, then typing, keeps Tab for indentation.
      await page.getByRole('textbox', { name: 'Statement SQL' }).focus();
      await page.keyboard.press('Escape');
      await page.keyboard.press('End');
      await page.keyboard.press('Tab');
      expect(await focused(page, 'textbox', 'Statement SQL')).toBe(true);
    });
  });
}

test('? opens the keyboard shortcuts, which name the way out of an editor', async ({ page }) => {
  await page.goto('./');
  await waitForResult(page);
  await page.getByRole('button', { name: 'Compare' }).focus();
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('row', { name: /Esc, then Tab/ })).toContainText('Leave a code editor');
  await expect(dialog.getByRole('row', { name: /Ctrl\+M/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(await focused(page, 'button', 'Compare')).toBe(true);
  // Typed into a field, ? is just a character.
  await waitForMonaco(page);
  await page.getByRole('textbox', { name: 'Statement SQL' }).focus();
  await page.keyboard.press('?');
  await expect(dialog).toBeHidden();
  // The hint's button opens it too.
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});

test('typing ( Enter … ); leaves no stray closing parenthesis', async ({ page }) => {
  await page.goto('./');
  await waitForResult(page);
  await waitForMonaco(page);
  await page.getByRole('textbox', { name: 'Statement SQL' }).focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type('INSERT INTO users (email, name) VALUES (');
  await page.keyboard.press('Enter');
  await page.keyboard.type("'linus@example.com', 'Linus'");
  await page.keyboard.press('Enter');
  await page.keyboard.type(');');
  // The editor may still be applying the last keys: wait for the text rather than read it once.
  await expect
    .poll(async () => (await editorText(page, 'Statement SQL')).replace(/\s+/g, ' ').trim())
    .toBe("INSERT INTO users (email, name) VALUES ( 'linus@example.com', 'Linus' );");
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect.poll(() => changeMarks(page, 'users')).toEqual(['unchanged', 'unchanged', 'inserted']);
  await expect(page.locator('.results-pane').getByRole('alert')).toHaveCount(0);
});

test('"Show in editor" puts the caret on the failing statement, from the Form tab too', async ({ page }) => {
  await page.goto('./');
  await waitForResult(page);
  await setEditor(page, 'Statement SQL', 'UPDATE users SET age = 1 WHERE id = 1;\nSELECT nosuch FROM users;\n');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const alert = page.locator('.results-pane').getByRole('alert');
  await expect(alert).toContainText('no such column: nosuch');
  await page.getByRole('tab', { name: 'Form' }).click();
  await expect(page.getByRole('tab', { name: 'Form' })).toHaveAttribute('aria-selected', 'true');
  await alert.getByRole('button', { name: 'Show in editor' }).click();
  await expect(page.getByRole('tab', { name: 'SQL' })).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => focused(page, 'textbox', 'Statement SQL')).toBe(true);
  await page.keyboard.type('/*here*/');
  await expect.poll(() => editorText(page, 'Statement SQL')).toContain('/*here*/SELECT nosuch');
  // Edited since the run: the button goes (the editors no longer hold the text that failed).
  await expect(alert.getByRole('button', { name: 'Show in editor' })).toHaveCount(0);
});

test('Stop appears without wrapping the top bar onto another row (1,280 px)', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('./');
  await waitForResult(page);
  const bar = page.locator('header.topbar');
  const idle = (await bar.boundingBox())!.height;
  await expect(page.getByRole('button', { name: 'Stop' })).toHaveCount(0);
  // PostgreSQL loading: Stop takes Run's place while the run waits for the engine.
  await page.getByRole('radio', { name: 'PostgreSQL', exact: true }).check();
  await expect(page.getByRole('button', { name: 'Stop' })).toBeVisible();
  expect((await bar.boundingBox())!.height).toBe(idle);
  await waitForResult(page);
  await expect(page.locator('.results[data-dialect="postgres"]')).toBeVisible({ timeout: 60_000 });
  // A runaway query: Stop ends it, and the bar never changed height.
  await setEditor(
    page,
    'Statement SQL',
    'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c;',
  );
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Stop' })).toBeVisible();
  expect((await bar.boundingBox())!.height).toBe(idle);
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.locator('.results-pane').getByRole('alert')).toContainText('Run stopped');
  await expect(page.getByRole('button', { name: 'Stop' })).toHaveCount(0);
  expect((await bar.boundingBox())!.height).toBe(idle);
});
