/**
 * "A new version is available — Reload": shown when a new version of the site has been installed
 * in the background. Until Reload, the page keeps running the version it loaded (never a mix).
 * Also registers the service worker when first shown: this code loads once the page has shown its
 * first result, when idle (UpdateSlot in DeferredSlots.tsx).
 */
import { useEffect, useSyncExternalStore } from 'react';
import { onUpdateWaiting, reloadToUpdate, startServiceWorker, updateWaiting } from './serviceWorker';

/** The update banner (nothing until a new version waits). */
export function UpdatePrompt() {
  const waiting = useSyncExternalStore(onUpdateWaiting, updateWaiting, () => false);
  useEffect(startServiceWorker, []);
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
