/**
 * Set-up for every test file; only files that run in a DOM (`// @vitest-environment happy-dom`)
 * take anything from it. What Testing Library sets up by itself where `beforeAll` and `afterEach`
 * are globals (they are not here): React told that it runs under tests, so that an update outside
 * act() is reported, and the trees that `render` mounted taken down after each test. Besides,
 * jest-dom's matchers (toBeDisabled, toHaveFocus, …) on `expect`; files in Node load none of this.
 * For every file, the link reader is loaded.
 */
import { afterEach } from 'vitest';
import { linkReader } from '../../src/scenario/linkReader';

// The page loads the link reader before anything reads a link or saved work (main.ts, mount.tsx);
// tests that call the readers directly get it the same way.
await linkReader.load();

if (typeof document !== 'undefined') {
  await import('@testing-library/jest-dom/vitest');
  const { cleanup } = await import('@testing-library/react');
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  afterEach(cleanup);
}
