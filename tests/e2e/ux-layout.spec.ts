// Layout for a new user: the editors/results split (default, keyboard, drag, remembered, steady
// when the Form opens) and the phone: compact top bar, no sideways scrolling in the Form, radio
// buttons beside their labels, and the results brought into view after tapping Run.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { waitForResult } from './helpers';

// Real engines on a shared two-core machine: generous per-test time, never a sleep.
test.describe.configure({ timeout: 240_000 });

const editorsWidth = async (page: Page) => (await page.getByRole('region', { name: 'Scripts' }).boundingBox())!.width;

test.describe('1,280 px', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('the editors get a sensible default width that the Form does not change, and a divider that arrows and dragging move', async ({
    page,
  }) => {
    await page.goto('./');
    await waitForResult(page);
    const start = await editorsWidth(page);
    expect(start).toBeGreaterThanOrEqual(440);
    await page.getByRole('tab', { name: 'Form' }).click();
    await expect(page.getByRole('radio', { name: 'ON CONFLICT … DO UPDATE' })).toBeVisible();
    expect(await editorsWidth(page)).toBe(start);
    await page.getByRole('tab', { name: 'SQL' }).click();

    const divider = page.getByRole('separator', { name: 'Resize editors and results' });
    await expect(divider).toHaveAttribute('aria-valuenow', '40');
    await divider.focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    await expect(divider).toHaveAttribute('aria-valuenow', '50');
    expect(await editorsWidth(page)).toBeGreaterThan(start + 100);
    await page.keyboard.press('Shift+ArrowLeft');
    await expect(divider).toHaveAttribute('aria-valuenow', '40');
    await page.keyboard.press('End');
    await expect(divider).toHaveAttribute('aria-valuenow', '70');
    await page.keyboard.press('Home');
    await expect(divider).toHaveAttribute('aria-valuenow', '20');

    // Dragging: the editors end where the pointer is let go.
    const box = (await divider.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 200);
    await page.mouse.down();
    await page.mouse.move(640, box.y + 220, { steps: 5 });
    await page.mouse.up();
    const dragged = Number(await divider.getAttribute('aria-valuenow'));
    expect(dragged).toBeGreaterThanOrEqual(47);
    expect(dragged).toBeLessThanOrEqual(53);

    // Remembered across a reload.
    await page.reload();
    await waitForResult(page);
    await expect(page.getByRole('separator', { name: 'Resize editors and results' })).toHaveAttribute(
      'aria-valuenow',
      String(dragged),
    );
    await page.getByRole('separator', { name: 'Resize editors and results' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('separator', { name: 'Resize editors and results' })).toHaveAttribute(
      'aria-valuenow',
      '40',
    );
  });
});

test.describe('phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('compact top bar, the Form fits the screen with radios beside their labels, and Run brings the results into view', async ({
    page,
  }) => {
    await page.goto('./');
    await waitForResult(page);
    const bar = (await page.locator('header.topbar').boundingBox())!;
    expect(bar.height).toBeLessThanOrEqual(100);
    await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeInViewport();
    await expect(page.getByRole('spinbutton', { name: 'Time limit (s)' })).toBeInViewport();
    await expect(page.getByRole('button', { name: 'Share' })).toBeInViewport();

    await page.getByRole('tab', { name: 'Form' }).tap();
    const strategy = page.getByRole('group', { name: 'Strategy' });
    await expect(strategy.getByRole('radio').first()).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // Every radio shares a line with (the first line of) its label.
    const apart = await strategy.getByRole('radio').evaluateAll(
      (radios) =>
        radios.filter((r) => {
          const label = document.querySelector(`label[for="${r.id}"]`)!.getBoundingClientRect();
          const box = r.getBoundingClientRect();
          return !(label.top < box.bottom && box.top < label.top + 24 && label.left > box.left);
        }).length,
    );
    expect(apart).toBe(0);
    await page.getByRole('tab', { name: 'SQL' }).tap();

    // Results are far below the editors; tapping Run brings them up.
    const pane = page.getByRole('region', { name: 'SQLite results' });
    expect((await pane.boundingBox())!.y).toBeGreaterThan(844);
    await page.getByRole('button', { name: 'Run', exact: true }).tap();
    await waitForResult(page);
    await expect.poll(async () => (await pane.boundingBox())!.y).toBeLessThan(844 / 2);
    // The results (now led by the statement's proposed rows) are what comes into view.
    await expect(pane).toBeInViewport({ ratio: 0.1 });
  });
});
