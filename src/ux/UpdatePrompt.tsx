/**
 * "A new version is available — Reload": shown when a new version of the site has been installed
 * in the background. Until Reload, the page keeps running the version it loaded (never a mix).
 * Also registers the service worker once the page has shown its first result (`ready`), when idle.
 */
import { useEffect, useSyncExternalStore } from 'react';
import { onUpdateWaiting, reloadToUpdate, startServiceWorker, updateWaiting } from './serviceWorker';

/** Run `fn` when the browser is idle (soon after, where there is no requestIdleCallback). */
function whenIdle(fn: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const h = requestIdleCallback(fn, { timeout: 5000 });
    return () => cancelIdleCallback(h);
  }
  const h = setTimeout(fn, 1000);
  return () => clearTimeout(h);
}

/** The update banner (nothing until a new version waits). */
export function UpdatePrompt({ ready }: { ready: boolean }) {
  const waiting = useSyncExternalStore(onUpdateWaiting, updateWaiting, () => false);
  useEffect(() => {
    if (ready) return whenIdle(startServiceWorker);
  }, [ready]);
  if (!waiting) return null;
  return (
    <div className="banner banner-info update-banner" role="status">
      <p>
        A new version is available —{' '}
        <button type="button" className="run-button" onClick={reloadToUpdate}>
          Reload
        </button>
      </p>
    </div>
  );
}
