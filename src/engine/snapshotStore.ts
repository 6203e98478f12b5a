/**
 * Keeps PGlite's clean data-directory snapshot in IndexedDB, so repeat visits and engine restarts
 * load it instead of running initdb again. Any storage failure just means a slower start.
 */
import type { SnapshotStore } from './client.ts';
import { PG_SNAPSHOT_KEY_PREFIX } from './snapshotFile.ts';

const DB_NAME = 'upsert-playground';
const STORE = 'pg-snapshots';

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB unavailable'));
  });
}

function request<T>(mode: IDBTransactionMode, op: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return openDb().then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        const tx = db.transaction(STORE, mode);
        const req = op(tx.objectStore(STORE));
        tx.oncomplete = () => {
          db.close();
          resolve(req.result);
        };
        tx.onerror = tx.onabort = () => {
          db.close();
          reject(tx.error ?? new Error('IndexedDB transaction failed'));
        };
      }),
  );
}

/**
 * A snapshot store in IndexedDB under `key` (include the engine version in it). Saving deletes the
 * snapshots of every other version (and the key of releases that named it by hand), in the same
 * transaction.
 */
export function indexedDbSnapshotStore(key: string): SnapshotStore {
  return {
    async load() {
      if (typeof indexedDB === 'undefined') return null;
      const value = await request<unknown>('readonly', (s) => s.get(key));
      return value instanceof Blob ? value : null;
    },
    async save(dataDir) {
      if (typeof indexedDB === 'undefined') return;
      await request('readwrite', (s) => {
        const keys = s.getAllKeys();
        keys.onsuccess = () => {
          for (const k of keys.result)
            if (k !== key && typeof k === 'string' && k.startsWith(PG_SNAPSHOT_KEY_PREFIX)) s.delete(k);
        };
        return s.put(dataDir, key);
      });
    },
  };
}

/**
 * The stored snapshot if there is one, else the one shipped with the site (a first visit then
 * skips initdb too). Saves go to `store`.
 */
export function withShippedSnapshot(store: SnapshotStore, url: string): SnapshotStore {
  return {
    async load() {
      const stored = await store.load().catch(() => null);
      if (stored) return stored;
      try {
        const res = await fetch(url);
        if (!res.ok) return null;
        const blob = await res.blob();
        void store.save(blob).catch(() => undefined); // offline-ready for the next visit
        return blob;
      } catch {
        return null; // not built with one (dev server) or offline before it was cached
      }
    },
    save: (dataDir) => store.save(dataDir),
  };
}
