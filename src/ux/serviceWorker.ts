/**
 * The service worker's page side (the worker itself is made by vite-plugin-pwa, see
 * scripts/pwaPlugin.ts). Registered once, after the first result, when the browser is idle: the
 * worker's precache download then never competes with the first visit's start. Tells its
 * listeners when a new version is waiting.
 */
import { registerSW } from 'virtual:pwa-register';

type Listener = () => void;

let started = false;
let waiting = false;
let update: ((reload?: boolean) => Promise<void>) | null = null;
let reloading = false;

/** Reload once (both "the new worker controls this page" and "it is activated" may say so). */
function reloadOnce(): void {
  if (reloading) return;
  reloading = true;
  window.location.reload();
}
const listeners = new Set<Listener>();

/** How often an open page asks whether a new version was deployed (also asked on every load). */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

/** Register the service worker (once; no-op where the browser has none, and in the dev server). */
export function startServiceWorker(): void {
  if (started || !('serviceWorker' in navigator) || import.meta.env.DEV) return;
  started = true;
  update = registerSW({
    immediate: true,
    // The new worker took control of this page: reload with it.
    onNeedReload: reloadOnce,
    onNeedRefresh() {
      waiting = true;
      for (const l of listeners) l();
    },
    onRegisteredSW(_url, registration) {
      if (registration) setInterval(() => void registration.update().catch(() => undefined), UPDATE_CHECK_MS);
    },
    onRegisterError(error: unknown) {
      console.warn('The service worker could not be registered; the page works, but not offline.', error);
    },
  });
}

/** True when a new version is installed and waits for Reload. */
export function updateWaiting(): boolean {
  return waiting;
}

/** Subscribe to "a new version is waiting". */
export function onUpdateWaiting(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Activate the waiting version and reload the page with it (work is autosaved on the way out). A
 * page the worker does not control (the first visit's: the worker never claims open pages, so a
 * page never changes worker under its feet) reloads when the new worker is activated.
 */
export function reloadToUpdate(): void {
  void navigator.serviceWorker.getRegistration().then((registration) => {
    const waiting = registration?.waiting;
    if (!waiting) return reloadOnce();
    waiting.addEventListener('statechange', () => {
      if (waiting.state === 'activated') reloadOnce();
    });
    void update?.(true);
  }, reloadOnce);
}
