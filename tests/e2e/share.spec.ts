/**
 * Sharing and persistence, end to end: the Share dialog's link and Markdown, autosave across a
 * reload, links opened over the user's own work, malformed links, export/import, title and notes,
 * and history. Everything runs on SQLite unless the dialect itself is what is being checked.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from '@playwright/test';
import { askToSaveData, expect, test } from './fixtures';
import LZString from 'lz-string';
import { encodeScenario } from '../../src/scenario/link';
import { defaultScenario, type Scenario } from '../../src/scenario/scenario';
import { changeMarks, editorText, setEditor, tableRows, waitForResult } from './helpers';

/** An edit of the default scenario's statement: Grace renamed, Edsger added, Ada untouched. */
const EDITED =
  "INSERT INTO users (email, name, age) VALUES\n  ('grace@example.com', 'Grace Hopper', 46),\n  ('edsger@example.com', 'Edsger', 72)\nON CONFLICT (email) DO UPDATE SET name = excluded.name\nRETURNING id, email, name;";
const EDITED_MARKS = ['unchanged', 'updated', 'inserted'];
const EDITED_RETURNED = [
  ['2', 'grace@example.com', 'Grace Hopper'],
  ['3', 'edsger@example.com', 'Edsger'],
];

/** A small scenario of its own, used as "somebody else's link". */
const COUNTERS: Scenario = (() => {
  const scripts = {
    setup:
      "CREATE TABLE counters (k text PRIMARY KEY, n integer NOT NULL);\nINSERT INTO counters VALUES ('a', 1), ('b', 5);",
    statement:
      "INSERT INTO counters AS t (k, n) VALUES ('a', 10), ('c', 3)\nON CONFLICT (k) DO UPDATE SET n = t.n + excluded.n\nRETURNING *;",
  };
  return { dialect: 'sqlite', sqlite: scripts, postgres: scripts, title: 'Counters from a colleague' };
})();

const squash = (t: string) => t.replace(/\s+/g, '');

/** A second browser with nothing stored, like someone else's machine. */
async function freshPage(browser: Browser): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({
    permissions: ['clipboard-read', 'clipboard-write'],
    viewport: { width: 1440, height: 900 },
  });
  await askToSaveData(context);
  return { page: await context.newPage(), close: () => context.close() };
}

/** Open "Title and notes" and type both. */
async function setTitleAndNotes(page: Page, title: string, notes: string): Promise<void> {
  const title_ = page.getByLabel('Title', { exact: true });
  if (!(await title_.isVisible())) await page.locator('summary', { hasText: 'Title and notes' }).click();
  await title_.fill(title);
  await page.getByLabel('Notes', { exact: true }).fill(notes);
}

/** Alerts with something to say (Monaco keeps empty live regions with role="alert" too). */
function alerts(page: Page) {
  return page.getByRole('alert').filter({ hasText: /\S/ });
}

/** The title and notes shown above the results. */
function metaView(page: Page) {
  return page.locator('.results-col header.share-meta-view');
}

/** Wait until the address holds the edited scenario's link (the autosave has run by then too). */
async function waitForEditedAddress(page: Page, text: string): Promise<void> {
  await expect
    .poll(async () => {
      const hash = await page.evaluate(() => location.hash);
      if (!hash.startsWith('#s1/')) return false;
      const decoded = LZString.decompressFromEncodedURIComponent(hash.slice(4)) ?? '';
      return squash(decoded).includes(squash(JSON.stringify(text).slice(1, -1)));
    })
    .toBe(true);
}

test('Share copies a link that reproduces the edited scenario, with its title and notes, in another browser; Copy Markdown copies SQL and tables', async ({
  page,
  browser,
}) => {
  await page.goto('./');
  await waitForResult(page);
  await setEditor(page, 'Statement SQL', EDITED);
  const title = 'Grace renamed, Edsger added';
  const notes = 'Ada is not in the batch.\nSo she stays unchanged.';
  await setTitleAndNotes(page, title, notes);
  // Title and notes show above the results as soon as they are typed.
  await expect(metaView(page).getByRole('heading', { name: title })).toBeVisible();
  await expect(metaView(page)).toContainText('Ada is not in the batch.');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect.poll(() => changeMarks(page, 'users')).toEqual(EDITED_MARKS);
  await waitForResult(page);
  const before = await tableRows(page, 'Before: users');
  const returned = await tableRows(page, 'Statement 1 result');
  expect(returned).toEqual(EDITED_RETURNED);

  await page.getByRole('button', { name: 'Share' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this scenario' });
  await expect(dialog.getByRole('status')).toHaveText('Link copied to the clipboard.');
  const link = await dialog.getByLabel('Link').inputValue();
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#s1\/[A-Za-z0-9+\-$]+$/);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(link);
  await expect(dialog.getByText(`${link.length.toLocaleString('en')} characters`, { exact: true })).toBeVisible();
  // A short link carries no length warning.
  await expect(dialog.getByRole('note')).toHaveCount(0);
  await page.screenshot({ path: '/tmp/e2e-share-dialog.png' });

  await test.step('Copy Markdown', async () => {
    await dialog.getByRole('button', { name: 'Copy Markdown' }).click();
    const status = dialog.getByRole('status');
    await expect(status).toHaveText(/^Markdown copied to the clipboard \([\d,]+ characters\)\.$/);
    const md = await page.evaluate(() => navigator.clipboard.readText());
    await expect(status).toHaveText(`Markdown copied to the clipboard (${md.length.toLocaleString('en')} characters).`);
    expect(md).toContain(`### ${title}`);
    expect(md).toContain('> Ada is not in the batch.');
    expect(md).toContain(`[Open this scenario in Upsert Playground](${link}) (SQLite)`);
    expect(md).toMatch(/```sql\nCREATE TABLE users \(/);
    expect(md).toContain(
      "```sql\nINSERT INTO users (email, name, age) VALUES\n  ('grace@example.com', 'Grace Hopper', 46),",
    );
    // Before and After as GitHub tables, the After one with a change column.
    expect(md).toContain('| id | email | name | age | login\\_count |');
    expect(md).toContain('| change | id | email | name | age | login\\_count |');
    expect(md).toMatch(/\| ---: \| --- \| --- \| ---: \| ---: \|/);
    expect(md).toContain('| updated | 2 | grace@example.com | Grace → Grace Hopper | 45 | 7 |');
    expect(md).toContain('| inserted | 3 | edsger@example.com | Edsger | 72 | 0 |');
    expect(md).toContain('| 3 | edsger@example.com | Edsger |');
  });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  await test.step('the copied link in a fresh browser', async () => {
    const other = await freshPage(browser);
    try {
      await other.page.goto(copied);
      await waitForResult(other.page);
      await expect(other.page.getByRole('radio', { name: 'SQLite', exact: true })).toBeChecked();
      expect(await tableRows(other.page, 'Before: users')).toEqual(before);
      expect(await changeMarks(other.page, 'users')).toEqual(EDITED_MARKS);
      expect(await tableRows(other.page, 'Statement 1 result')).toEqual(returned);
      await expect(metaView(other.page).getByRole('heading', { name: title })).toBeVisible();
      await expect(metaView(other.page)).toContainText('So she stays unchanged.');
      await expect(other.page.getByLabel('Title', { exact: true })).toHaveValue(title);
      await expect(other.page.getByLabel('Notes', { exact: true })).toHaveValue(notes);
      // Nothing of the recipient's own was replaced, so nothing is offered back.
      await expect(other.page.getByRole('button', { name: 'Back to my scenario' })).toHaveCount(0);
    } finally {
      await other.close();
    }
  });
});

/** Setup text that lz-string cannot shrink much: rows of pseudo-random letters. */
function incompressibleSetup(rows: number): string {
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  const word = (n: number) => Array.from({ length: n }, () => String.fromCharCode(97 + (next() % 26))).join('');
  const values = Array.from({ length: rows }, (_, i) => `  (${i + 1}, '${word(36)}')`).join(',\n');
  return `CREATE TABLE notes (id integer PRIMARY KEY, body text NOT NULL);\nINSERT INTO notes (id, body) VALUES\n${values};`;
}

test('a link past 2,000 characters gets a warning that offers Markdown and export instead', async ({ page }) => {
  const setup = incompressibleSetup(80);
  const scripts = {
    setup,
    statement:
      "INSERT INTO notes (id, body) VALUES (1, 'changed') ON CONFLICT (id) DO UPDATE SET body = excluded.body;",
  };
  const scenario: Scenario = { dialect: 'sqlite', sqlite: scripts, postgres: scripts, title: 'Long setup' };
  await page.goto(`./#${encodeScenario(scenario)}`);
  await waitForResult(page);
  expect((await changeMarks(page, 'notes')).slice(0, 2)).toEqual(['updated', 'unchanged']);

  await page.getByRole('button', { name: 'Share' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this scenario' });
  await expect(dialog.getByRole('status')).toHaveText('Link copied to the clipboard.');
  const link = await dialog.getByLabel('Link').inputValue();
  expect(link.length).toBeGreaterThan(2000);
  await expect(dialog.getByText(`${link.length.toLocaleString('en')} characters`, { exact: true })).toBeVisible();
  const warning = dialog.getByRole('note');
  await expect(warning).toContainText('This link is longer than 2,000 characters');
  await expect(warning).toContainText('Copy Markdown instead');
  await page.screenshot({ path: '/tmp/e2e-share-long-link.png' });
  // The warning's own Export JSON downloads the scenario, named after its title.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    warning.getByRole('button', { name: 'Export JSON' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('long-setup.json');
  const file = JSON.parse(await readFile(await download.path(), 'utf8')) as { scenario: { sqlite: { setup: string } } };
  expect(file.scenario.sqlite.setup).toBe(setup);
  // Escape closes the dialog and gives focus back to the Share button.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Share' })).toBeFocused();
});

test('autosave: an edit (not run) and the chosen dialect come back after reopening the bare page', async ({ page }) => {
  await page.goto('./');
  await waitForResult(page);
  await page.getByRole('radio', { name: 'PostgreSQL', exact: true }).check();
  await expect(page.locator('.results[data-dialect="postgres"]')).toBeVisible({ timeout: 60_000 });
  const statement = "UPDATE users SET age = 99 WHERE email = 'ada@example.com' RETURNING id, age;";
  await setEditor(page, 'Statement SQL', statement);
  await expect(page.getByText('The scripts changed since this run')).toBeVisible();
  // No Run, no waiting for the address: the page itself is left right away.
  await page.goto('./');
  await expect(page.getByRole('radio', { name: 'PostgreSQL', exact: true })).toBeChecked();
  await expect(page.locator('.results[data-dialect="postgres"]')).toBeVisible({ timeout: 60_000 });
  await waitForResult(page);
  expect(await changeMarks(page, 'users')).toEqual(['updated', 'unchanged']);
  expect(await tableRows(page, 'Statement 1 result')).toEqual([['1', '99']]);
  await expect.poll(async () => squash(await editorText(page, 'Statement SQL'))).toBe(squash(statement));
  await expect(alerts(page)).toHaveCount(0);
});

test('a shared link opened over edited work: the link shows, and the work stays reachable', async ({
  page,
  context,
}) => {
  await page.goto('./');
  await waitForResult(page);
  await setEditor(page, 'Statement SQL', EDITED);
  await setTitleAndNotes(page, 'My own work', '');
  await waitForEditedAddress(page, 'My own work');
  const link = `/#${encodeScenario(COUNTERS)}`;

  await test.step('in a new tab: "Back to my scenario" restores the work', async () => {
    const tab = await context.newPage();
    await tab.goto(link);
    await waitForResult(tab);
    expect(await changeMarks(tab, 'counters')).toEqual(['updated', 'unchanged', 'inserted']);
    await expect(metaView(tab).getByRole('heading', { name: 'Counters from a colleague' })).toBeVisible();
    const banner = tab.getByRole('region', { name: 'Your previous scenario' });
    await expect(banner).toContainText('You opened a shared link; “My own work” was kept.');
    await tab.screenshot({ path: '/tmp/e2e-stash-banner.png' });
    await banner.getByRole('button', { name: 'Back to my scenario' }).click();
    await expect(banner).toBeHidden();
    await expect.poll(() => changeMarks(tab, 'users')).toEqual(EDITED_MARKS);
    await waitForResult(tab);
    expect(await tableRows(tab, 'Statement 1 result')).toEqual(EDITED_RETURNED);
    await expect(metaView(tab).getByRole('heading', { name: 'My own work' })).toBeVisible();
    // Back returns to the link, which was a history entry of its own.
    await tab.goBack();
    await expect.poll(() => changeMarks(tab, 'counters')).toEqual(['updated', 'unchanged', 'inserted']);
    await tab.close();
  });

  await test.step('pasted into the same tab: the link shows, and Back returns to the work', async () => {
    await page.goto(link);
    await expect.poll(() => changeMarks(page, 'counters')).toEqual(['updated', 'unchanged', 'inserted']);
    await expect(metaView(page).getByRole('heading', { name: 'Counters from a colleague' })).toBeVisible();
    await page.goBack();
    await expect.poll(() => changeMarks(page, 'users')).toEqual(EDITED_MARKS);
    await expect(metaView(page).getByRole('heading', { name: 'My own work' })).toBeVisible();
    await expect.poll(async () => squash(await editorText(page, 'Statement SQL'))).toBe(squash(EDITED));
  });
});

test('malformed links name the problem and open the saved work instead', async ({ page }) => {
  await page.goto('./');
  await waitForResult(page);
  await setEditor(page, 'Statement SQL', EDITED);
  await waitForEditedAddress(page, 'Grace Hopper');

  const good = encodeScenario(defaultScenario());
  const lz = (json: string) => `s1/${LZString.compressToEncodedURIComponent(json)}`;
  const cases: { name: string; fragment: string; message: string | RegExp }[] = [
    {
      name: 'truncated',
      fragment: good.slice(0, Math.floor(good.length / 2)),
      message:
        /^This link is incomplete: its scenario data ends early \([\d,]+ characters arrived\), so it was probably cut off\./,
    },
    {
      name: 'garbled characters',
      fragment: `${good.slice(0, 40)}!~${good.slice(40)}`,
      message: 'This link is damaged: it contains “\u2068!\u2069” at position 38 of the scenario data',
    },
    {
      name: 'wrong types',
      fragment: lz('{"dialect":"sqlite","sqlite":{"setup":42,"statement":"SELECT 1;"}}'),
      message: 'This link\'s scenario is not valid: "sqlite.setup" should be text, not a number.',
    },
    {
      name: 'unknown dialect',
      fragment: lz('{"dialect":"mysql","sqlite":{"setup":"","statement":""}}'),
      message:
        'This link\'s scenario is not valid: "dialect" should be one of "sqlite", "postgres", not “\u2068mysql\u2069”.',
    },
    {
      name: 'not JSON',
      fragment: lz('{"dialect":"sqlite",'),
      message: /^This link does not contain valid JSON .*: it was probably garbled or edited by hand\./,
    },
    {
      name: 'over 1 MB decoded',
      fragment: lz(
        JSON.stringify({ dialect: 'sqlite', sqlite: { setup: `-- ${'x'.repeat(1_100_000)}`, statement: '' } }),
      ),
      message: 'This link is too large: it decodes to more than 1,000,000 characters (1 MB), the limit.',
    },
  ];
  for (const c of cases) {
    await test.step(c.name, async () => {
      // A full page load, as when the link is opened from a chat or a mail.
      await page.goto('about:blank');
      await page.goto(`./#${c.fragment}`);
      const alert = alerts(page).first();
      if (typeof c.message === 'string') await expect(alert).toContainText(c.message);
      else await expect(alert.locator('p')).toHaveText(c.message);
      await waitForResult(page);
      expect(await changeMarks(page, 'users')).toEqual(EDITED_MARKS);
      expect(await tableRows(page, 'Statement 1 result')).toEqual(EDITED_RETURNED);
    });
  }

  await test.step('a damaged link pasted into the open page leaves the work alone', async () => {
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await expect(alerts(page)).toHaveCount(0);
    await page.goto(`./#${good.slice(0, 60)}`);
    await expect(alerts(page)).toContainText('This link is incomplete');
    await expect(alerts(page)).toContainText('Your current work is unchanged.');
    expect(await changeMarks(page, 'users')).toEqual(EDITED_MARKS);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await waitForResult(page);
    expect(await tableRows(page, 'Statement 1 result')).toEqual(EDITED_RETURNED);
  });
});

test('malformed link in a fresh browser: the message and the default scenario', async ({ page }) => {
  await page.goto(`./#${LZString.compressToEncodedURIComponent('nothing').slice(0, 5)}`);
  await expect(alerts(page).first()).toContainText('This link does not contain a scenario');
  await waitForResult(page);
  expect(await changeMarks(page, 'users')).toEqual(['updated', 'unchanged', 'inserted']);
});

test('Export JSON then Import on a fresh browser reproduces the scenario; .sql, binary and newer files', async ({
  page,
  browser,
}) => {
  await page.goto('./');
  await waitForResult(page);
  await setEditor(page, 'Statement SQL', EDITED);
  await setTitleAndNotes(page, 'Export round trip', 'Exported, then imported.');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect.poll(() => changeMarks(page, 'users')).toEqual(EDITED_MARKS);
  await waitForResult(page);
  const tools = page.getByRole('group', { name: 'Export and import' });
  const [sqlDownload] = await Promise.all([
    page.waitForEvent('download'),
    tools.getByRole('button', { name: 'Export SQL' }).click(),
  ]);
  expect(sqlDownload.suggestedFilename()).toBe('export-round-trip.sqlite.sql');
  const sqlFile = test.info().outputPath('export-round-trip.sqlite.sql');
  await sqlDownload.saveAs(sqlFile);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    tools.getByRole('button', { name: 'Export JSON' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('export-round-trip.json');
  const file = test.info().outputPath('export-round-trip.json');
  await download.saveAs(file);
  const saved = JSON.parse(await readFile(file, 'utf8')) as { format: string; version: number; scenario: Scenario };
  expect(saved.format).toBe('upsert-playground');
  expect(saved.version).toBe(1);
  expect(saved.scenario.title).toBe('Export round trip');

  const other = await freshPage(browser);
  try {
    const p = other.page;
    await p.goto('./');
    await waitForResult(p);
    expect(await changeMarks(p, 'users')).toEqual(['updated', 'unchanged', 'inserted']);
    const input = p.getByLabel('Import a scenario file');

    await test.step('the exported JSON', async () => {
      await input.setInputFiles(file);
      await expect(p.getByRole('status').filter({ hasText: 'Imported "export-round-trip.json".' })).toBeVisible();
      await expect.poll(() => changeMarks(p, 'users')).toEqual(EDITED_MARKS);
      await waitForResult(p);
      expect(await tableRows(p, 'Statement 1 result')).toEqual(EDITED_RETURNED);
      await expect(metaView(p).getByRole('heading', { name: 'Export round trip' })).toBeVisible();
      await expect(p.getByLabel('Title', { exact: true })).toHaveValue('Export round trip');
      await expect(p.getByLabel('Notes', { exact: true })).toHaveValue('Exported, then imported.');
      await expect.poll(async () => squash(await editorText(p, 'Statement SQL'))).toBe(squash(EDITED));
    });

    const seed =
      "CREATE TABLE users (\n  id INTEGER PRIMARY KEY,\n  email TEXT NOT NULL UNIQUE,\n  name TEXT NOT NULL,\n  age INTEGER\n);\nINSERT INTO users (email, name, age) VALUES ('grace@example.com', 'Grace', 45);\n";
    await test.step('a .sql file becomes the setup', async () => {
      await input.setInputFiles({ name: 'seed.sql', mimeType: 'application/sql', buffer: Buffer.from(seed) });
      await expect(
        p.getByRole('status').filter({
          hasText:
            'Imported "seed.sql" as the SQLite setup (it ends with no INSERT … ON CONFLICT, REPLACE or MERGE); the statement is unchanged.',
        }),
      ).toBeVisible();
      await expect.poll(() => changeMarks(p, 'users')).toEqual(['updated', 'inserted']);
      await waitForResult(p);
      expect(await tableRows(p, 'Statement 1 result')).toEqual([
        ['1', 'grace@example.com', 'Grace Hopper'],
        ['2', 'edsger@example.com', 'Edsger'],
      ]);
      await expect.poll(async () => squash(await editorText(p, 'Setup SQL'))).toBe(squash(seed));
      await expect.poll(async () => squash(await editorText(p, 'Statement SQL'))).toBe(squash(EDITED));
    });

    const unchanged = async () => {
      expect(await changeMarks(p, 'users')).toEqual(['updated', 'inserted']);
      // Polled: Monaco redraws its lines a frame after the message above it changes the layout.
      await expect.poll(async () => squash(await editorText(p, 'Setup SQL'))).toBe(squash(seed));
      await expect(p.getByText('The scripts changed since this run')).toHaveCount(0);
    };
    await test.step('a binary file is refused', async () => {
      const bytes = Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(64, 0), Buffer.from([1, 2, 3, 255])]);
      await input.setInputFiles({ name: 'app.json', mimeType: 'application/json', buffer: bytes });
      await expect(alerts(p)).toHaveText(
        /"app\.json" is not a text file \(it looks like a SQLite database file\)\. Import a \.json scenario file or a \.sql script\. Your current work was kept\./,
      );
      await unchanged();
    });
    await test.step('a file from a newer version is refused', async () => {
      const newer = JSON.stringify({
        format: 'upsert-playground',
        version: 2,
        scenario: { dialect: 'sqlite', sqlite: { setup: '', statement: '' } },
      });
      await input.setInputFiles({ name: 'future.json', mimeType: 'application/json', buffer: Buffer.from(newer) });
      await expect(alerts(p)).toContainText(
        '"future.json" was made by a newer version of Upsert Playground (file format version 2; this version reads up to 1). Reload the page to get the latest version. Your current work was kept.',
      );
      await unchanged();
    });
    await test.step('the SQL export brings back both scripts', async () => {
      await input.setInputFiles(sqlFile);
      await expect(
        p
          .getByRole('status')
          .filter({ hasText: 'Imported the setup and the statement of "export-round-trip.sqlite.sql" (SQLite).' }),
      ).toBeVisible();
      await expect.poll(() => changeMarks(p, 'users')).toEqual(EDITED_MARKS);
      await expect
        .poll(async () => squash(await editorText(p, 'Setup SQL')))
        .toBe(squash(defaultScenario().sqlite.setup));
    });
    await test.step('a file dropped on the editor is imported as well', async () => {
      const text = JSON.stringify({ format: 'upsert-playground', version: 1, scenario: COUNTERS });
      const transfer = await p.evaluateHandle((t) => {
        const dt = new DataTransfer();
        dt.items.add(new File([t], 'dropped.json', { type: 'application/json' }));
        return dt;
      }, text);
      const target = p.getByRole('textbox', { name: 'Statement SQL' });
      await target.dispatchEvent('dragenter', { dataTransfer: transfer });
      await expect(p.getByText('Drop to import')).toBeVisible();
      await target.dispatchEvent('dragover', { dataTransfer: transfer });
      await target.dispatchEvent('drop', { dataTransfer: transfer });
      await expect(p.getByText('Drop to import')).toHaveCount(0);
      await expect(p.getByRole('status').filter({ hasText: 'Imported "dropped.json".' })).toBeVisible();
      await expect.poll(() => changeMarks(p, 'counters')).toEqual(['updated', 'unchanged', 'inserted']);
      await expect(alerts(p)).toHaveCount(0);
    });
  } finally {
    await other.close();
  }
});

test('history: Back returns to the previously loaded scenario; typing adds no entries', async ({ page }) => {
  const explanation = page.getByRole('region', { name: 'Explanation' });
  await page.goto('./');
  await waitForResult(page);
  await page.getByRole('button', { name: 'Examples' }).click();
  await page
    .getByRole('dialog', { name: 'Examples' })
    .getByRole('button', { name: 'Insert if absent: ON CONFLICT DO NOTHING' })
    .click();
  await expect(page).toHaveURL(/#example\/insert-if-absent$/);
  await expect(explanation.getByRole('heading', { name: 'Insert if absent: ON CONFLICT DO NOTHING' })).toBeVisible();
  await expect.poll(() => changeMarks(page, 'users')).toEqual(['unchanged', 'unchanged', 'inserted']);
  // Read once the editor shows the example (Monaco draws its lines a frame after a change).
  await expect.poll(() => editorText(page, 'Statement SQL')).toContain('DO NOTHING');
  const exampleStatement = await editorText(page, 'Statement SQL');

  const imported: Scenario = { ...COUNTERS, title: 'Imported counters' };
  await page.getByLabel('Import a scenario file').setInputFiles({
    name: 'counters.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ format: 'upsert-playground', version: 1, scenario: imported })),
  });
  await expect(metaView(page).getByRole('heading', { name: 'Imported counters' })).toBeVisible();
  await expect(explanation).toHaveCount(0);
  await expect.poll(() => changeMarks(page, 'counters')).toEqual(['updated', 'unchanged', 'inserted']);
  await expect(page).toHaveURL(/#s1\//);
  const entries = await page.evaluate(() => history.length);

  // Two edits, typed and pasted: the address follows them, the history does not grow.
  await page.getByRole('textbox', { name: 'Statement SQL' }).focus();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type('\n-- first edit');
  const edited = `${COUNTERS.sqlite.statement}\n-- second edit`;
  await setEditor(page, 'Statement SQL', edited);
  await waitForEditedAddress(page, '-- second edit');
  expect(await page.evaluate(() => history.length)).toBe(entries);

  await page.goBack();
  await expect(page).toHaveURL(/#example\/insert-if-absent$/);
  await expect(explanation.getByRole('heading', { name: 'Insert if absent: ON CONFLICT DO NOTHING' })).toBeVisible();
  await expect.poll(() => changeMarks(page, 'users')).toEqual(['unchanged', 'unchanged', 'inserted']);
  await expect.poll(async () => squash(await editorText(page, 'Statement SQL'))).toBe(squash(exampleStatement));

  // Forward: the imported scenario as last edited.
  await page.goForward();
  await expect(metaView(page).getByRole('heading', { name: 'Imported counters' })).toBeVisible();
  await expect.poll(async () => squash(await editorText(page, 'Statement SQL'))).toBe(squash(edited));
  await expect.poll(() => changeMarks(page, 'counters')).toEqual(['updated', 'unchanged', 'inserted']);
});

test('an example or an import opened over edited work sets the work aside, even past closing the tab', async ({
  page,
  context,
}) => {
  await page.goto('./');
  await waitForResult(page);
  await setEditor(page, 'Statement SQL', EDITED);
  await setTitleAndNotes(page, 'My own work', '');
  await page.getByRole('button', { name: 'Examples' }).click();
  await page
    .getByRole('dialog', { name: 'Examples' })
    .getByRole('button', { name: 'Insert if absent: ON CONFLICT DO NOTHING' })
    .click();
  await expect.poll(() => changeMarks(page, 'users')).toEqual(['unchanged', 'unchanged', 'inserted']);
  await expect(page.getByRole('region', { name: 'Your previous scenario' })).toContainText(
    'You opened an example; “My own work” was kept.',
  );
  await page.close();

  // Another visit opens the saved work (the example) and still offers the own work.
  const tab = await context.newPage();
  await tab.goto('./');
  await waitForResult(tab);
  expect(await changeMarks(tab, 'users')).toEqual(['unchanged', 'unchanged', 'inserted']);
  const banner = tab.getByRole('region', { name: 'Your previous scenario' });
  await expect(banner).toContainText('Another scenario was opened earlier; “My own work” was kept.');
  await banner.getByRole('button', { name: 'Back to my scenario' }).click();
  await expect(banner).toBeHidden();
  await expect.poll(() => changeMarks(tab, 'users')).toEqual(EDITED_MARKS);
  await waitForResult(tab);
  expect(await tableRows(tab, 'Statement 1 result')).toEqual(EDITED_RETURNED);

  // An import over it does the same; "Forget it" discards the set-aside work.
  await setEditor(tab, 'Statement SQL', `${EDITED}\n-- edited again`);
  const file = { format: 'upsert-playground', version: 1, scenario: COUNTERS };
  await tab
    .getByLabel('Import a scenario file')
    .setInputFiles({ name: 'c.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await expect(banner).toContainText('You imported a file; “My own work” was kept.');
  await banner.getByRole('button', { name: 'Forget it' }).click();
  await expect(banner).toBeHidden();
  await tab.reload();
  await waitForResult(tab);
  expect(await changeMarks(tab, 'counters')).toEqual(['updated', 'unchanged', 'inserted']);
  await expect(banner).toHaveCount(0);
});

test('a link pasted into the address bar of the same tab sets edited work aside; Back and Forward do not', async ({
  page,
}) => {
  await page.goto('./');
  await waitForResult(page);
  // A second history entry (an example), then the user's own edits in it.
  await page.getByRole('button', { name: 'Examples' }).click();
  await page
    .getByRole('dialog', { name: 'Examples' })
    .getByRole('button', { name: 'Insert if absent: ON CONFLICT DO NOTHING' })
    .click();
  await expect.poll(() => changeMarks(page, 'users')).toEqual(['unchanged', 'unchanged', 'inserted']);
  await setEditor(page, 'Statement SQL', EDITED);
  await setTitleAndNotes(page, 'My own work', '');
  await waitForEditedAddress(page, 'My own work');
  const banner = page.getByRole('region', { name: 'Your previous scenario' });

  // Back and Forward move between this tab's entries: the edits stay in theirs, nothing is set aside.
  await page.goBack();
  await expect.poll(() => changeMarks(page, 'users')).toEqual(['updated', 'unchanged', 'inserted']);
  await page.goForward();
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue('My own work');
  await expect(banner).toHaveCount(0);

  // A link typed or pasted into the address bar replaces the work: it is set aside.
  const url = page.url().replace(/#.*$/, '') + `#${encodeScenario(COUNTERS)}`;
  await page.goto(url);
  await expect.poll(() => changeMarks(page, 'counters')).toEqual(['updated', 'unchanged', 'inserted']);
  await expect(banner).toContainText('You opened a shared link; “My own work” was kept.');
  await banner.getByRole('button', { name: 'Back to my scenario' }).click();
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue('My own work');
  await expect.poll(async () => squash(await editorText(page, 'Statement SQL'))).toBe(squash(EDITED));
});

test("a large import's link is made off the page's thread: the address carries it, and Back returns to the example before", async ({
  page,
}) => {
  await page.goto('./#example/bulk-upsert');
  await waitForResult(page);
  const before = await page.evaluate(() => location.hash);
  expect(before).toBe('#example/bulk-upsert');
  // The 6,000-statement setup runs while the page is busy with the import (about 2 s here); the
  // default limit of 5 s is too close on a loaded machine. The limit is the page's, not the link's.
  await page.getByLabel('Time limit (s)').fill('60');
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  // About 300,000 characters: its link is encoded in a worker.
  const rows = Array.from({ length: 6000 }, (_, i) => `INSERT INTO t VALUES (${i}, 'row ${i}');`);
  const setup = `CREATE TABLE t (id integer PRIMARY KEY, name text);\n${rows.join('\n')}\n`;
  await page
    .getByLabel('Import a scenario file')
    .setInputFiles({ name: 'big.sql', mimeType: 'application/sql', buffer: Buffer.from(setup) });
  await expect(page.getByRole('status').filter({ hasText: 'Imported "big.sql"' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'After: t', exact: true })).toBeVisible();
  // The address is this scenario's link: a fresh page opened on it gets the same setup.
  await expect.poll(() => page.evaluate(() => location.hash.length)).toBeGreaterThan(1000);
  const hash = await page.evaluate(() => location.hash);
  const decoded = JSON.parse(LZString.decompressFromEncodedURIComponent(hash.slice('#s1/'.length))) as {
    sqlite: { setup: string };
  };
  expect(decoded.sqlite.setup).toBe(setup);
  expect(workers.filter((u) => /linkEncoder/.test(u))).toHaveLength(1);
  await page.goBack();
  await expect.poll(() => page.evaluate(() => location.hash)).toBe(before);
  await expect(page.getByRole('table', { name: 'After: t', exact: true })).toHaveCount(0);
  await waitForResult(page);
});

test('a large import right after an edit to large work: Back returns to the edits, and Undo in the editor brings the setup back', async ({
  page,
}) => {
  await page.goto('./');
  await waitForResult(page);
  await page.getByLabel('Time limit (s)').fill('60'); // as in the test above
  // About 300,000 characters each: links made in the worker, texts put into the editor in steps.
  const script = (table: string) =>
    `CREATE TABLE ${table} (id integer PRIMARY KEY, name text);\n${Array.from(
      { length: 6000 },
      (_, i) => `INSERT INTO ${table} VALUES (${i}, 'row ${i}');`,
    ).join('\n')}\n`;
  const importFile = async (name: string, text: string) => {
    await page
      .getByLabel('Import a scenario file')
      .setInputFiles({ name, mimeType: 'application/sql', buffer: Buffer.from(text) });
    await expect(page.getByRole('status').filter({ hasText: `Imported "${name}"` })).toBeVisible();
  };
  const decoded = async () => {
    const hash = await page.evaluate(() => location.hash);
    return JSON.parse(LZString.decompressFromEncodedURIComponent(hash.slice('#s1/'.length)) ?? 'null') as {
      sqlite: { setup: string; statement: string };
    } | null;
  };
  await importFile('first.sql', script('first'));
  await expect(page.getByRole('table', { name: 'After: first', exact: true })).toBeVisible();
  await setEditor(page, 'Statement SQL', 'SELECT count(*) AS edited FROM first;');
  // At once, before the edit's link is in the address.
  await importFile('second.sql', script('second'));
  await expect(page.getByRole('table', { name: 'After: second', exact: true })).toBeVisible();
  await expect.poll(async () => (await decoded())?.sqlite.setup).toBe(script('second'));
  await expect(page.getByRole('region', { name: 'Your previous scenario' })).toContainText('You imported a file');
  await expect.poll(() => editorText(page, 'Setup SQL')).toContain('CREATE TABLE second');

  // Undo in the Setup editor puts the edited work's setup back.
  await page.getByRole('textbox', { name: 'Setup SQL' }).focus();
  await page.keyboard.press('ControlOrMeta+Z');
  await expect.poll(() => editorText(page, 'Setup SQL')).toContain('CREATE TABLE first');
  await page.keyboard.press('ControlOrMeta+Shift+Z');
  await expect.poll(() => editorText(page, 'Setup SQL')).toContain('CREATE TABLE second');

  // The entry left holds the edits: Back returns to them.
  await page.goBack();
  await expect.poll(async () => (await decoded())?.sqlite.statement).toBe('SELECT count(*) AS edited FROM first;');
  expect((await decoded())?.sqlite.setup).toBe(script('first'));
  await expect.poll(() => editorText(page, 'Statement SQL')).toContain('AS edited');
});
