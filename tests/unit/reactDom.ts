/**
 * Shared set-up for component tests in happy-dom: a fresh React root per test, removed after it,
 * and `render` that waits for React to settle. Call `mountReactRoot()` at the top of a test file.
 */
import { act, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach } from 'vitest';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** Register per-test root creation and clean-up; returns `render` and the current test's host element. */
export function mountReactRoot(cleanup?: () => void): {
  render: (el: ReactElement) => Promise<void>;
  host: () => HTMLElement;
} {
  let root: Root;
  let host: HTMLElement;
  beforeEach(() => {
    host = document.createElement('div');
    document.body.appendChild(host);
    root = createRoot(host);
  });
  afterEach(() => {
    act(() => root.unmount());
    host.remove();
    cleanup?.();
  });
  return {
    render: async (el) => {
      await act(async () => root.render(el));
    },
    host: () => host,
  };
}
