// The app's cold start to its first SQLite result on a first visit and on a repeat visit of the
// same profile, with the service worker (the production build registers it after the first result,
// when idle, and it precaches the whole site) and with service workers blocked (the browser's HTTP
// cache only). Both kinds of profile are interleaved with the sql.js baseline page.
import { newProfileDir, removeProfileDir } from './browser.mjs';
import { nextVisit, order, scopeOf, USERS, visit } from './suites-cold.mjs';

const FIRST = { label: USERS, scope: scopeOf('sqlite') };

/** The page's service worker registration: the active worker's state and whether it controls the page. */
const swState = (page) =>
  page.evaluate(async () => {
    const r = await navigator.serviceWorker.getRegistration();
    return { active: r?.active?.state ?? null, controlled: navigator.serviceWorker.controller !== null };
  });

/** How the page's own document came: `cache-storage` when the worker answered from its precache. */
const navigationDelivery = (page) =>
  page.evaluate(() => {
    const [n] = performance.getEntriesByType('navigation');
    return n
      ? { deliveryType: n.deliveryType ?? null, transferSize: n.transferSize, workerStart: n.workerStart }
      : null;
  });

/** Wait until the service worker is activated (its precache is complete by then); ms after the call, or null. */
async function waitActivated(page, timeout) {
  const t0 = Date.now();
  while (Date.now() - t0 < timeout) {
    if ((await swState(page)).active === 'activated') return Date.now() - t0;
    await new Promise((r) => setTimeout(r, 100));
  }
  return null;
}

/**
 * Requests that reached the server (200 or 304) after this page's navigation started and before its
 * result, as paths (with the worker, a revalidation of the start page by the browser, off the path).
 */
const served = (requests) =>
  requests.filter((r) => r.at >= 0 && (r.status === 200 || r.status === 304)).map((r) => r.path);

/** One profile: a first visit, then (after the worker is active, when allowed) a repeat visit. */
async function twoVisits(env, sw) {
  const dir = await newProfileDir();
  const id = nextVisit();
  const browser = sw ? {} : { serviceWorkers: 'block' };
  try {
    const { result: first, p } = await visit(env, dir, id, 'app', '', FIRST, true, browser);
    let activatedAfterMs = null;
    try {
      if (sw) {
        activatedAfterMs = await waitActivated(p.page, env.timeoutMs);
        if (activatedAfterMs === null) throw new Error('the service worker was not activated');
      }
    } finally {
      await p.close();
    }
    const { result: repeat, p: q } = await visit(env, dir, id, 'app', '', FIRST, true, browser);
    try {
      const state = await swState(q.page);
      const navigation = await navigationDelivery(q.page);
      return {
        first: { ms: first.ms, domMs: first.domMs, requests: first.requests.length, errors: first.errors },
        repeat: {
          ms: repeat.ms,
          domMs: repeat.domMs,
          controlled: state.controlled,
          navigation,
          fromNetwork: served(repeat.requests),
          errors: repeat.errors,
        },
        activatedAfterMs,
      };
    } finally {
      await q.close();
    }
  } finally {
    await removeProfileDir(dir);
  }
}

/** First and repeat visits with the service worker and without, and the baseline, interleaved. */
export async function coldServiceWorker(env) {
  const out = { sw: [], noSw: [], baseline: [] };
  for (let i = 0; i < env.runs; i++) {
    for (const side of order(['sw', 'baseline', 'noSw'], i)) {
      if (side === 'baseline') {
        const dir = await newProfileDir();
        try {
          const { result } = await visit(env, dir, nextVisit(), 'base', 'sqlite.html', { label: USERS });
          out.baseline.push({ ms: result.ms });
          env.log(`  cold SQLite baseline #${i + 1}: ${result.ms.toFixed(0)} ms`);
        } finally {
          await removeProfileDir(dir);
        }
        continue;
      }
      const s = await twoVisits(env, side === 'sw');
      out[side].push(s);
      env.log(
        `  ${side === 'sw' ? 'service worker' : 'service workers blocked'} #${i + 1}: first ${s.first.ms.toFixed(0)} ms, repeat ${s.repeat.ms.toFixed(0)} ms` +
          (side === 'sw'
            ? ` (activated ${s.activatedAfterMs} ms after the first result; repeat ${s.repeat.controlled ? 'controlled' : 'NOT controlled'}, page from ${s.repeat.navigation?.deliveryType || 'the network'}, ${s.repeat.fromNetwork.length} requests reached the server)`
            : ` (${s.repeat.fromNetwork.length} requests reached the server on the repeat visit)`),
      );
    }
  }
  return out;
}
