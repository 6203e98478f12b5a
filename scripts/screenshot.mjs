// Takes screenshots of the production build in headless Chromium (for the README and for review).
// Usage: node scripts/screenshot.mjs <url> <out.png> [width] [height] [waitSelector] [clickRadioName]
import { chromium } from '@playwright/test';

const [url, out, width = '1440', height = '900', waitFor = 'table[aria-label^="After: "], [role="alert"]', click] =
  process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const page = await browser.newPage({
  viewport: { width: Number(width), height: Number(height) },
  colorScheme: process.env.SCHEME ?? 'light',
});
const external = [];
page.on('request', (r) => {
  const u = new URL(r.url());
  if (!['127.0.0.1', 'localhost'].includes(u.hostname) && u.protocol.startsWith('http')) external.push(r.url());
});
page.on('console', (m) => {
  if (m.type() === 'error') console.error('console:', m.text());
});
page.on('pageerror', (e) => console.error('pageerror:', e.message));
await page.goto(url);
await page.waitForSelector(waitFor, { timeout: 60_000 });
if (click) {
  await page.getByRole('radio', { name: click }).check();
  await page.waitForSelector(`.results[data-dialect]`, { timeout: 60_000 });
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), null, { timeout: 60_000 });
}
await page.waitForSelector('[data-editor="monaco"] .view-lines', { timeout: 20_000 }).catch(() => {});
await page.screenshot({ path: out, fullPage: false });
if (external.length) console.error('external requests:', external);
await browser.close();
