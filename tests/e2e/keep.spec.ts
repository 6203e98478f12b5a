/**
 * Never lose work, end to end in Chromium: set-aside work across links pasted one after another
 * and across tabs, storage that is full or refuses every call, and two tabs editing at once.
 * Scenarios are told apart by their titles (typed into "Title and notes" as a person would).
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import fc from 'fast-check';
import { encodeScenario } from '../../src/scenario/link';
import { defaultScenario, type Scenario } from '../../src/scenario/scenario';
import { waitForResult } from './helpers';

const WORK_KEY = 'upsert-playground:v1:work';

// Several tabs and page loads per test, on a machine that may be busy.
test.describe.configure({ timeout: 180_000 });

function linkTo(title: string): string {
  const s: Scenario = { ...defaultScenario(), title };
  return `./#${encodeScenario(s)}`;
}

async function setTitle(page: Page, title: string): Promise<void> {
  const box = page.getByLabel('Title', { exact: true });
  if (!(await box.isVisible())) await page.locator('summary', { hasText: 'Title and notes' }).click();
  await box.fill(title);
}

/** Wait until the autosaved work (what the page wrote to its storage) carries this title. */
async function waitForAutosave(page: Page, title: string): Promise<void> {
  await expect
    .poll(() =>
      page.evaluate(
        (k) =>
          (JSON.parse(localStorage.getItem(k) ?? 'null') as { scenario?: { title?: string } } | null)?.scenario
            ?.title ?? null,
        WORK_KEY,
      ),
    )
    .toBe(title);
}

function banner(page: Page) {
  return page.getByRole('region', { name: 'Your previous scenario' });
}

/** Every title the set-aside notice offers: the newest, then the Recent work list. */
async function offeredTitles(page: Page): Promise<string[]> {
  const b = banner(page);
  await expect(b).toBeVisible();
  const recent = b.locator('summary', { hasText: 'Recent work' });
  if ((await recent.count()) > 0 && !(await b.getByRole('list', { name: 'Recent work' }).isVisible()))
    await recent.click();
  return b.locator('bdi').allTextContents();
}

test('links pasted one after another never push the set-aside work out', async ({ page }) => {
  await page.goto('./');
  await waitForResult(page);
  await setTitle(page, 'W');
  await waitForAutosave(page, 'W');
  await page.goto(linkTo('Link A'));
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue('Link A');
  await expect(banner(page)).toContainText('You opened a shared link; “W” was kept.');
  await page.goto(linkTo('Link C'));
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue('Link C');
  await expect(banner(page)).toContainText('“W” was kept.');
  expect(await offeredTitles(page)).toEqual(['W']);
  await banner(page).getByRole('button', { name: 'Back to my scenario' }).click();
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue('W');
});

test('links opened in new tabs over edited work keep every edited scenario (Recent work)', async ({
  page,
  context,
}) => {
  await page.goto('./');
  await waitForResult(page);
  await setTitle(page, 'W');
  await waitForAutosave(page, 'W');
  await page.close();

  const a = await context.newPage();
  await a.goto(linkTo('Link A'));
  await expect(banner(a)).toContainText('“W” was kept.');
  await setTitle(a, 'Link A, edited');
  await waitForAutosave(a, 'Link A, edited');
  await a.close();

  const c = await context.newPage();
  await c.goto(linkTo('Link C'));
  await expect(banner(c)).toContainText('You opened a shared link; “Link A, edited” was kept.');
  expect(await offeredTitles(c)).toEqual(['Link A, edited', 'W']);
  // Open W from Recent work: the unedited link C is not set aside, "Link A, edited" stays offered.
  await banner(c).getByRole('button', { name: 'Open “W”' }).click();
  await expect(c.getByLabel('Title', { exact: true })).toHaveValue('W');
  expect(await offeredTitles(c)).toEqual(['Link A, edited']);
});

test('two tabs typing at once: closing one loses nothing, and the other says the work changed there too', async ({
  page,
  context,
}) => {
  await page.goto('./');
  await waitForResult(page);
  const b = await context.newPage();
  await b.goto('./');
  await waitForResult(b);
  await setTitle(page, 'Typed in tab A');
  await waitForAutosave(page, 'Typed in tab A');
  await setTitle(b, 'Typed in tab B');
  await waitForAutosave(b, 'Typed in tab B');
  await page.close();

  // Tab B was told when A saved its edits.
  await expect(b.getByRole('alert').filter({ hasText: 'This scenario was changed in another tab too.' })).toBeVisible();
  const c = await context.newPage();
  await c.goto('./');
  await expect(c.getByLabel('Title', { exact: true })).toHaveValue('Typed in tab B');
  expect(await offeredTitles(c)).toContain('Typed in tab A');
});

test('storage full: a pasted link is refused with a message before anything is replaced', async ({ page }) => {
  await page.goto('./');
  await waitForResult(page);
  await setTitle(page, 'W in full storage');
  await waitForAutosave(page, 'W in full storage');
  // Fill localStorage to the last character.
  await page.evaluate(() => {
    let chunk = 'x'.repeat(1 << 20);
    for (let i = 0; chunk.length > 0;) {
      try {
        localStorage.setItem(`filler-${i++}`, chunk);
      } catch {
        chunk = chunk.slice(0, chunk.length >> 1);
      }
    }
  });
  await page.goto(linkTo('Link over full storage'));
  await expect(
    page
      .getByRole('alert')
      .filter({ hasText: 'Browser storage is full, so your scenario could not be set aside, so it was not replaced' }),
  ).toBeVisible();
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue('W in full storage');
  await page.reload();
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue('W in full storage');
});

test('storage whose every call throws: the page still loads and runs, and says work is not stored', async ({
  page,
}) => {
  await page.addInitScript(() => {
    const refuse = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    Storage.prototype.getItem = refuse;
    Storage.prototype.setItem = refuse;
    Storage.prototype.removeItem = refuse;
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('./');
  await waitForResult(page);
  await setTitle(page, 'Not storable');
  await expect(page.getByRole('alert').filter({ hasText: 'could not be autosaved' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('fuzz: 24 random and mutated links typed into the address bar over edited work', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('./');
  await waitForResult(page);
  await setTitle(page, 'W');
  await waitForAutosave(page, 'W');
  const valid = encodeScenario({ ...defaultScenario(), title: 'Fuzz base' }).slice(3);
  const fragment = fc.oneof(
    fc
      .tuple(fc.nat(), fc.string({ maxLength: 3 }))
      .map(([at, s]) => `s1/${valid.slice(0, at % valid.length)}${s}${valid.slice(at % valid.length)}`),
    fc.nat().map((at) => `s1/${valid.slice(0, at % valid.length)}`),
    fc.string({ maxLength: 40 }).map((s) => `s1/${encodeURIComponent(s)}`),
    fc.string({ maxLength: 20 }).map((s) => `example/${encodeURIComponent(s)}`),
    fc.constantFrom('s1/', 'example/', 'example/%', 's2/abc', `s1/${valid}`),
  );
  // A fixed seed: the same 24 fragments on every run (the Node fuzz test covers thousands).
  const samples = fc.sample(fragment, { numRuns: 24, seed: 21 });
  for (const frag of samples) {
    await page.goto(`./#${frag}`);
    await expect(page.getByRole('heading', { name: 'Upsert Playground' })).toBeVisible();
    await expect(page.getByLabel('Title', { exact: true })).toBeAttached();
    const title = await page.getByLabel('Title', { exact: true }).inputValue();
    if (title !== 'W') expect(await offeredTitles(page)).toContain('W');
  }
  await waitForResult(page);
  expect(errors).toEqual([]);
});
