import { defineConfig } from '@playwright/test';

// End-to-end tests drive the production build (vite preview) in Debian's headless Chromium.
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 90_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: process.env.E2E_WORKERS ? Number(process.env.E2E_WORKERS) : 2,
  retries: 0,
  // The list on the console; under CI also a JSON report, which .ci/run reads for its summary line.
  reporter: process.env.CI ? [['list'], ['json', { outputFile: 'reports/playwright.json' }]] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    headless: true,
    viewport: { width: 1440, height: 900 },
    permissions: ['clipboard-read', 'clipboard-write'],
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    // Under CI a failed test keeps its trace (test-results/…/trace.zip, for `npx playwright show-trace`).
    trace: process.env.CI ? 'retain-on-failure' : 'off',
    // The site registers a service worker after its first result. Tests start from a fresh context
    // each (no cache carried between tests), and most must see the network as a first visit does:
    // only the offline and update specs let the worker run (test.use({ serviceWorkers: 'allow' })).
    serviceWorkers: 'block',
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
