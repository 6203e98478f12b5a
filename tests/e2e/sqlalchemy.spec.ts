import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { probeSqlAlchemy, runPython } from '../engine/saPython';
import { tableRows, waitForResult } from './helpers';

/** Runs a file as a script and reads back what it printed, one Python tuple per line. */
const RUN_AND_READ = `
import ast, contextlib, io, json, runpy, sys
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    runpy.run_path(sys.argv[1], run_name="__main__")
print(json.dumps([list(ast.literal_eval(line)) for line in buf.getvalue().splitlines() if line.strip()]))
`;

const sa = probeSqlAlchemy();

test("the articles' bulk upsert: every SQLAlchemy variant is copied, and the SQLite whole file prints the page's returned rows", async ({
  page,
}) => {
  await page.goto('./');
  await waitForResult(page);
  await page.getByRole('tab', { name: 'Form' }).click();
  const form = page.getByRole('region', { name: 'Upsert builder' });
  // Two rows in one statement: Ada exists (her email conflicts), Linus is new.
  await form.getByLabel('Row 1, email', { exact: true }).fill('ada@example.com');
  await form.getByLabel('Row 1, name', { exact: true }).fill('Ada Lovelace');
  await form.getByLabel('Row 1, age', { exact: true }).fill('37');
  await form.getByLabel('Row 1, login_count', { exact: true }).fill('1');
  await form.getByRole('button', { name: 'Add row' }).click();
  await form.getByLabel('Row 2, email', { exact: true }).fill('linus@example.com');
  await form.getByLabel('Row 2, name', { exact: true }).fill('Linus');
  await form.getByLabel('Row 2, age', { exact: true }).fill('28');
  await form.getByLabel('Row 2, login_count', { exact: true }).fill('1');
  await form.getByLabel('ON CONFLICT … DO UPDATE').check();
  await form.getByLabel('All columns').check();

  const code = form.getByLabel('SQLAlchemy code');
  const copied = new Map<string, string>();
  for (const style of ['Core', 'ORM']) {
    for (const mode of ['sync', 'async']) {
      for (const shape of ['Snippet', 'Whole file']) {
        await form.getByRole('group', { name: 'Style' }).getByLabel(style, { exact: true }).check();
        await form.getByRole('group', { name: 'Mode' }).getByLabel(mode, { exact: true }).check();
        await form.getByRole('group', { name: 'Snippet or whole file' }).getByLabel(shape, { exact: true }).check();
        await expect(code).toHaveValue(new RegExp(`\\(${style}, ${mode}, SQLite\\)`));
        await expect(code).toHaveValue(/from sqlalchemy\.dialects\.sqlite import insert/);
        await expect(code).toHaveValue(
          mode === 'async' ? /await (session|conn)\.execute\(stmt\)/ : /= (session|conn)\.execute\(stmt\)/,
        );
        const shownCode = await code.inputValue();
        await page.evaluate(() => navigator.clipboard.writeText(''));
        await form.getByRole('button', { name: 'Copy', exact: true }).click();
        await expect(form.getByText('Copied to the clipboard.')).toBeVisible();
        await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(shownCode);
        copied.set(`${style} ${mode} ${shape}`, shownCode);
      }
    }
  }
  expect(copied.get('ORM async Whole file')).toContain('await session.execute(insert(User), setup_rows)');
  expect(copied.get('Core sync Snippet')).not.toMatch(/^from sqlalchemy import .*\b(case|literal_column|or_)\b/m);

  await form.getByRole('button', { name: 'Use and run' }).click();
  await expect(page.getByRole('tab', { name: 'SQL' })).toHaveAttribute('aria-selected', 'true');
  await waitForResult(page);
  const shown = await tableRows(page, 'Statement 1 result');
  expect(shown).toHaveLength(2);

  test.skip(
    !sa.ok || !sa.version.startsWith('2.'),
    `running the files needs SQLAlchemy 2.0 (tests/python/get-sqlalchemy2.sh): ${sa.ok ? sa.version : sa.reason}`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'sa-e2e-'));
  for (const key of ['Core sync Whole file', 'Core async Whole file', 'ORM sync Whole file', 'ORM async Whole file']) {
    const file = join(dir, `${key.replaceAll(' ', '_')}.py`);
    writeFileSync(file, copied.get(key) ?? '');
    const r = runPython(['-c', RUN_AND_READ, file], { timeout: 60_000 });
    expect(r.status, `${key}: ${String(r.stderr)}`).toBe(0);
    const printed = (JSON.parse(String(r.stdout)) as (string | number | boolean | null)[][]).map((row) =>
      row.map((v) => (v === null ? 'NULL' : String(v))),
    );
    expect(printed, key).toEqual(shown);
  }
});
