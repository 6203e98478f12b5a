/** Shared steps for end-to-end tests: they act through the page as a person would. */
import { expect, type Locator, type Page } from '@playwright/test';

/** Wait until the results for the current run are on screen (an After table or an error). */
export async function waitForResult(page: Page): Promise<void> {
  await expect(page.locator('.results-pane[aria-busy="true"]')).toHaveCount(0);
  // A page-level banner (a bad link, say) is not a result: look inside the results only.
  await expect(
    page.locator('.results-pane table[aria-label^="After: "], .results-pane [role="alert"]').first(),
  ).toBeVisible();
}

/** Wait for both Monaco editors to replace the plain ones. */
export async function waitForMonaco(page: Page): Promise<void> {
  await expect(page.locator('[data-editor="monaco"]')).toHaveCount(2);
  await expect(page.locator('[data-editor="monaco"]').getByRole('textbox', { name: 'Statement SQL' })).toBeAttached();
}

/**
 * Replace an editor's whole text. Monaco re-indents typed text, so (like a person pasting from
 * elsewhere) the text goes through the clipboard and is pasted.
 */
export async function setEditor(page: Page, name: 'Setup SQL' | 'Statement SQL', text: string): Promise<void> {
  await waitForMonaco(page);
  const box = page.getByRole('textbox', { name });
  await box.waitFor({ state: 'attached' });
  await box.focus();
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  // Monaco renders wrapped lines separately: compare without white space.
  const squash = (t: string) => t.replace(/\s+/g, '');
  await expect.poll(async () => squash(await editorText(page, name))).toBe(squash(text));
}

/**
 * Read an editor's text as the person sees it. Monaco's textbox holds only the text around the
 * cursor and the page has no other way to read a whole script, so this reads Monaco's rendered
 * lines (the one place these tests look inside Monaco).
 */
export async function editorText(page: Page, name: string): Promise<string> {
  return page.evaluate((label) => {
    const boxes = Array.from(document.querySelectorAll<HTMLElement>('[data-editor="monaco"]'));
    for (const host of boxes) {
      const tb = host.querySelector(`[aria-label="${label}"]`);
      if (!tb) continue;
      // view-lines holds the rendered lines; non-breaking spaces stand for spaces.
      const lines = Array.from(host.querySelectorAll<HTMLElement>('.view-line'))
        .map((l) => ({ top: parseFloat(l.style.top || '0'), text: (l.textContent ?? '').replace(/\u00a0/g, ' ') }))
        .sort((a, b) => a.top - b.top)
        .map((l) => l.text);
      return lines.join('\n');
    }
    const ta = document.querySelector<HTMLTextAreaElement>(`textarea[aria-label="${label}"]`);
    return ta?.value ?? '';
  }, name);
}

/** The cell texts of a table by accessible name, row by row (header excluded). */
export async function tableRows(page: Page, name: string): Promise<string[][]> {
  const table = page.getByRole('table', { name, exact: true });
  await expect(table).toBeVisible();
  return table
    .locator('tbody tr:not(.spacer):not(.empty-row)')
    .evaluateAll((rows) =>
      rows.map((r) => Array.from(r.querySelectorAll('td')).map((td) => (td.textContent ?? '').trim())),
    );
}

/** The data-change marks of an After table's rows. */
export async function changeMarks(page: Page, table: string): Promise<string[]> {
  return page
    .getByRole('table', { name: `After: ${table}`, exact: true })
    .locator('tbody tr[data-change]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-change') ?? ''));
}

/** A statement that never ends on its own: the time limit stops it. */
export const RUNAWAY = 'WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r;';

/**
 * Set the time limit to `seconds` and run RUNAWAY as the statement, as a person would; the engine
 * is stopped at the limit (and replaced). Returns the "Run stopped" alert, for the caller to check.
 */
export async function runPastTimeLimit(page: Page, seconds: number): Promise<Locator> {
  await page.getByLabel('Time limit (s)').fill(String(seconds));
  await setEditor(page, 'Statement SQL', RUNAWAY);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  return page.getByRole('alert').filter({ hasText: 'Run stopped' });
}
