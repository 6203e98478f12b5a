/**
 * Set-up for every test file; only files that run in a DOM (`// @vitest-environment happy-dom`)
 * take anything from it: jest-dom's matchers (toBeDisabled, toHaveFocus, …) on `expect`, and the
 * trees that Testing Library's `render` mounted taken down after each test (it does so by itself
 * only where `afterEach` is a global, which it is not here). Files in Node load none of this.
 */
import { afterEach } from 'vitest';

if (typeof document !== 'undefined') {
  await import('@testing-library/jest-dom/vitest');
  const { cleanup } = await import('@testing-library/react');
  afterEach(cleanup);
}
