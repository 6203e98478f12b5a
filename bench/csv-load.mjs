// Loading a large CSV file into the Form's table, timed in headless Chromium on the production
// build (npm run build; a server on the port given, e.g. npx vite preview --port 4305).
// Usage: node bench/csv-load.mjs <url> [rows=1000000] [--shots=<dir>] [--postgres]
// Reports: read (file picked → the engine holds every row: parsing in the CSV worker, relay,
// keeping), run (→ the run's result with the rows inserted after the setup, as the page shows it),
// and the main thread's longest task meanwhile (PerformanceObserver 'longtask').
import { writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';

const args = process.argv.slice(2);
const url = args[0] ?? 'http://127.0.0.1:4305/';
const rows = Number(args.find((a, i) => i > 0 && /^\d+$/.test(a)) ?? 1_000_000);
const shots = args.find((a) => a.startsWith('--shots='))?.slice(8);
const postgres = args.includes('--postgres');

const file = path.join(os.tmpdir(), `users-${rows}.csv`);
const lines = ['email,name,age,login_count'];
for (let i = 0; i < rows; i++) lines.push(`user${i}@example.com,User ${i},${20 + (i % 50)},${i % 9}`);
writeFileSync(file, `${lines.join('\n')}\n`);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});

async function open(width, height, colorScheme = 'light') {
  const page = await browser.newPage({ viewport: { width, height }, colorScheme });
  await page.addInitScript(() => {
    window.__long = [];
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) window.__long.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  page.on('pageerror', (e) => console.error('pageerror:', e.message));
  await page.goto(url);
  await page.waitForSelector('table[aria-label^="After: "]', { timeout: 60_000 });
  if (postgres) {
    await page.getByRole('radio', { name: 'PostgreSQL', exact: true }).check();
    await page.waitForSelector('.results[data-dialect="postgres"] table[aria-label^="After: "]', { timeout: 120_000 });
  }
  await page.getByRole('tab', { name: 'Form' }).click();
  await page.getByRole('button', { name: 'Load CSV into users…' }).waitFor();
  return page;
}

const fmt = new Intl.NumberFormat('en');
const page = await open(1280, 900);
const form = page.getByRole('region', { name: 'Upsert builder' });
const t0 = await page.evaluate(() => performance.now());
await form.getByLabel('CSV file for table users').setInputFiles(file);
if (shots) {
  mkdirSync(shots, { recursive: true });
  // Best effort: a small file may be read before the bar can be caught.
  await form
    .getByRole('progressbar')
    .scrollIntoViewIfNeeded({ timeout: 2000 })
    .then(() => page.screenshot({ path: path.join(shots, 'csv-progress-1280.png') }))
    .catch(() => console.error('no progress screenshot: the file was read too soon'));
}
await form.getByText(`users ← users-${rows}.csv, ${fmt.format(rows)} rows`).waitFor({ timeout: 300_000 });
const t1 = await page.evaluate(() => performance.now());
// The After table: cut at the row limit (100,000) with a note saying of how many, or whole.
await (
  rows + 3 > 100_000
    ? page.getByText(`of ${fmt.format(rows + 3)} rows`).first()
    : page.getByRole('region', { name: `After: users (scrollable, ${fmt.format(rows + 3)} rows)` })
).waitFor({ timeout: 300_000 });
const t2 = await page.evaluate(() => performance.now());
const engineText = await page
  .getByText(/Result in .* · engine /)
  .first()
  .textContent();
const inserted = await page
  .getByText(/ rows of users-\d+\.csv were inserted into users after the setup/)
  .first()
  .textContent();
const long = await page.evaluate((from) => window.__long.filter((e) => e.start >= from), t0);
const longest = long.reduce((m, e) => Math.max(m, e.duration), 0);
console.log(
  JSON.stringify(
    {
      engine: postgres ? 'postgres' : 'sqlite',
      rows,
      fileMB: +(lines.join('\n').length / 1024 / 1024).toFixed(1),
      readMs: Math.round(t1 - t0),
      runMs: Math.round(t2 - t1),
      page: engineText?.trim(),
      inserted: inserted?.trim(),
      longTasks: long.length,
      longestTaskMs: Math.round(longest),
      // Each long task: when it began (ms after the file was picked), how long it took, and in which phase.
      tasks: long.map(
        (e) => `${Math.round(e.start - t0)}+${Math.round(e.duration)} (${e.start < t1 ? 'read' : 'run'})`,
      ),
    },
    null,
    1,
  ),
);
if (shots) {
  await form.getByText(`users ← users-${rows}.csv`).scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(shots, 'csv-loaded-1280.png') });
  for (const [name, w, h, scheme] of [
    ['390', 390, 844, 'light'],
    ['dark-1280', 1280, 900, 'dark'],
  ]) {
    const p = await open(w, h, scheme);
    const f = p.getByRole('region', { name: 'Upsert builder' });
    const picker = f.getByLabel('CSV file for table users');
    await picker.setInputFiles({
      name: 'bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('email,colour\na@b,red\n'),
    });
    await f.getByRole('alert').waitFor();
    await f.getByRole('button', { name: 'Load CSV into users…' }).scrollIntoViewIfNeeded();
    await p.screenshot({ path: path.join(shots, `csv-${name}-refused.png`) });
    const csv = 'email,name\na@example.com,A\nb@example.com,B\n';
    await picker.setInputFiles({ name: 'small.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await f.getByText('users ← small.csv, 2 rows').waitFor();
    await f.getByRole('button', { name: 'Load CSV into users…' }).scrollIntoViewIfNeeded();
    await p.screenshot({ path: path.join(shots, `csv-${name}-loaded.png`) });
    await p.close();
  }
}
await browser.close();
