/**
 * The test object every spec uses. A page warms PostgreSQL in the background once it has shown
 * its first result (a later dialect switch is then instant); in a test that is seconds of CPU
 * spent on an engine the test may never use, and on a machine of two cores it slows the test
 * that does use it. Pages here therefore ask to save data (`navigator.connection.saveData`),
 * which the app honours by skipping the warm-up, unless a test opts in with
 * `test.use({ warmPostgres: true })`. PostgreSQL still starts on first use, as it does for a
 * reader on a metered connection.
 */
import { test as base, type BrowserContext } from '@playwright/test';

/** Make every page of a context report `navigator.connection.saveData === true`. */
export async function askToSaveData(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const connection = (navigator as Navigator & { connection?: object }).connection;
    if (connection) Object.defineProperty(connection, 'saveData', { get: () => true, configurable: true });
    else Object.defineProperty(navigator, 'connection', { value: { saveData: true }, configurable: true });
  });
}

export const test = base.extend<{ warmPostgres: boolean }>({
  warmPostgres: [false, { option: true }],
  context: async ({ context, warmPostgres }, use) => {
    if (!warmPostgres) await askToSaveData(context);
    await use(context);
  },
});

export { expect } from '@playwright/test';
