// Headless Chromium for the benchmark: one persistent context per browser profile (a fresh
// --user-data-dir for a cold visit, the same one again for a repeat visit), with the probe
// installed before any page script runs.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { probe } from './probe.mjs';

/** The Chromium the benchmark drives (Debian's; CHROMIUM_PATH overrides). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Without the network flags Chromium floods the closed network with connections. */
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A new, empty profile directory. */
export function newProfileDir() {
  return mkdtemp(path.join(os.tmpdir(), 'upsert-bench-profile-'));
}

/** Remove a profile directory. */
export function removeProfileDir(dir) {
  return rm(dir, { recursive: true, force: true });
}

/**
 * Launch Chromium on profile `dir` and open one page with the probe configured by `cfg`
 * (cfg.first = { label, scope } watches for the first rendered table). `options`: more options of
 * the browser context, e.g. `{ serviceWorkers: 'block' }` (service workers are allowed by default,
 * as in a reader's browser).
 */
export async function openProfile(dir, cfg = {}, options = {}) {
  const context = await chromium.launchPersistentContext(dir, {
    ...options,
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 1440, height: 900 },
  });
  await context.addInitScript({ content: `(${probe.toString()})(${JSON.stringify(cfg)});` });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e.message)));
  return { context, page, errors, version: context.browser()?.version() ?? null, close: () => context.close() };
}

/** Wait until mark `name` has its paint time; returns { dom, paint, origin } (origin: epoch ms of time 0). */
export async function waitMark(page, name, timeout = 60_000) {
  await page.waitForFunction((n) => window.__bench?.marks[n]?.paint !== undefined, name, { polling: 50, timeout });
  return page.evaluate((n) => ({ ...window.__bench.marks[n], origin: performance.timeOrigin }), name);
}

/** The probe's records (clicks, workers, worker messages, long tasks). */
export function probeState(page) {
  return page.evaluate(() => {
    const b = window.__bench;
    return {
      clicks: b.clicks,
      workers: b.workers,
      messages: b.messages,
      longtasks: b.longtasks,
      longtasksUnsupported: Boolean(b.longtasksUnsupported),
    };
  });
}

/**
 * Wait until the app has stored PGlite's data-directory snapshot in IndexedDB. The database is
 * only opened once it exists (opening it first would create it without its object store).
 */
export async function waitSnapshotStored(page, timeout = 30_000) {
  const t0 = Date.now();
  while (Date.now() - t0 < timeout) {
    const stored = await page.evaluate(async () => {
      const dbs = await indexedDB.databases();
      if (!dbs.some((d) => d.name === 'upsert-playground')) return false;
      return new Promise((resolve) => {
        const req = indexedDB.open('upsert-playground');
        req.onerror = () => resolve(false);
        req.onsuccess = () => {
          const db = req.result;
          if (!db.objectStoreNames.contains('pg-snapshots')) {
            db.close();
            return resolve(false);
          }
          const tx = db.transaction('pg-snapshots', 'readonly');
          const all = tx.objectStore('pg-snapshots').getAllKeys();
          all.onsuccess = () => {
            db.close();
            resolve(all.result.length > 0);
          };
          all.onerror = () => {
            db.close();
            resolve(false);
          };
        };
      });
    });
    if (stored) return Date.now() - t0;
    await new Promise((r) => setTimeout(r, 250));
  }
  return null;
}

/** Wait until the app's PostgreSQL worker reported ready (background warm-up), or `timeout` ms. */
export async function waitPostgresReady(page, timeout = 20_000) {
  try {
    await page.waitForFunction(
      () => window.__bench.messages.some((m) => m.worker.includes('postgres') && m.type === 'ready'),
      null,
      { polling: 250, timeout },
    );
    return true;
  } catch {
    return false;
  }
}

/** Plain delay (only for idle periods the scenario calls for, never for timing). */
export const idle = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Memory in use by a page of the profile in `dir`: the JavaScript heap of the page and of each of
 * its workers (Runtime.getHeapUsage through the DevTools protocol: a worker has no
 * `performance.memory`), and the resident memory of the profile's renderer processes, which also
 * holds what no JavaScript heap counts, the engines' WebAssembly memories (Linux: /proc).
 * Returns { threads: [{ thread: 'page' | worker URL, jsHeap }], rendererRss } in bytes.
 */
export async function memoryUse(page, dir) {
  const cdp = await page.context().newCDPSession(page);
  const threads = [];
  try {
    let nextId = 1;
    const replies = new Map();
    cdp.on('Target.receivedMessageFromTarget', (e) => {
      const m = JSON.parse(e.message);
      if (m.id !== undefined) replies.get(`${e.sessionId}:${m.id}`)?.(m);
    });
    const workers = [];
    cdp.on('Target.attachedToTarget', (e) => {
      if (e.targetInfo.type === 'worker') workers.push(e);
    });
    await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
    // Live memory: garbage (e.g. the row arrays a run built and dropped) is collected first.
    await cdp.send('HeapProfiler.collectGarbage');
    threads.push({ thread: 'page', jsHeap: (await cdp.send('Runtime.getHeapUsage')).usedSize });
    const ask = async (w, method) => {
      const id = nextId++;
      const reply = new Promise((resolve) => replies.set(`${w.sessionId}:${id}`, resolve));
      await cdp.send('Target.sendMessageToTarget', {
        sessionId: w.sessionId,
        message: JSON.stringify({ id, method, params: {} }),
      });
      return Promise.race([reply, new Promise((r) => setTimeout(() => r(null), 5000))]);
    };
    for (const w of workers) {
      await ask(w, 'HeapProfiler.collectGarbage');
      const m = await ask(w, 'Runtime.getHeapUsage');
      if (m?.result) threads.push({ thread: w.targetInfo.url, jsHeap: m.result.usedSize });
    }
  } finally {
    await cdp.detach().catch(() => undefined);
  }
  return { threads, rendererRss: await rendererRss(dir) };
}

/** Resident memory (bytes) of the renderer processes started for the profile in `dir`, or null. */
async function rendererRss(dir) {
  const { readdir, readFile } = await import('node:fs/promises');
  let total = 0;
  let found = false;
  for (const pid of (await readdir('/proc').catch(() => [])).filter((n) => /^\d+$/.test(n))) {
    const cmd = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    const args = cmd.split(/[\0 ]/); // Chromium rewrites its title: arguments may be joined by spaces
    // The profile's page renderers (not the browser's own UI, which also runs as a renderer).
    if (!args.includes('--type=renderer') || !args.includes(`--user-data-dir=${dir}`)) continue;
    if (args.includes('--top-chrome-webui')) continue;
    const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
    const kb = /VmRSS:\s+(\d+) kB/.exec(status);
    if (kb) {
      total += Number(kb[1]) * 1024;
      found = true;
    }
  }
  return found ? total : null;
}
