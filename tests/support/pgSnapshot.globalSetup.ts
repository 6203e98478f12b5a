/**
 * Vitest global set-up: one clean PGlite data directory for the whole run, made by the same code
 * that makes the site's shipped snapshot. Engine tests start PostgreSQL from it (seconds) instead
 * of running initdb in every test file (tens of seconds on a small machine).
 *
 * The snapshot is kept under node_modules/.cache, keyed by the PGlite version and the engine
 * sources that shape it, so a repeated local run skips even this one initdb; a fresh clone (CI)
 * makes it once.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { cleanPgSnapshot } from '../../scripts/pgSnapshotPlugin.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Path of a gzip tarball of a clean PGlite data directory (see tests/support/engines.ts). */
    pgSnapshot: string;
  }
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** What the snapshot depends on: the PGlite package and the engine code that runs before the dump. */
function snapshotKey(): string {
  const hash = createHash('sha256');
  hash.update(readFileSync(path.join(ROOT, 'node_modules/@electric-sql/pglite/package.json')));
  const engineDir = path.join(ROOT, 'src/engine');
  for (const name of readdirSync(engineDir).sort()) {
    if (name.endsWith('.ts')) hash.update(name).update(readFileSync(path.join(engineDir, name)));
  }
  return hash.digest('hex').slice(0, 16);
}

export default async function setup(project: TestProject): Promise<void> {
  const dir = path.join(ROOT, 'node_modules/.cache/upsert-playground');
  const file = path.join(dir, `pglite-clean-${snapshotKey()}.tar.gz`);
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, await cleanPgSnapshot());
    renameSync(temp, file); // atomic: a concurrent run never reads half a file
  }
  project.provide('pgSnapshot', file);
}
