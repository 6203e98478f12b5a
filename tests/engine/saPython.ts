/**
 * The Python that checks generated SQLAlchemy code: Debian's /usr/bin/python3 with the SQLAlchemy
 * 2.0 that tests/python/get-sqlalchemy2.sh unpacks into .cache/ (put first on PYTHONPATH), else
 * whatever SQLAlchemy that Python has (Debian bookworm: 1.4). BUILDER_PYTHON names another
 * interpreter (used as is).
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PYTHON = process.env.BUILDER_PYTHON ?? '/usr/bin/python3';
const here = dirname(fileURLToPath(import.meta.url));
const SITE = join(here, '..', '..', '.cache', 'sqlalchemy2', 'usr', 'lib', 'python3', 'dist-packages');

/** The environment for the checking Python. */
function pythonEnv(): NodeJS.ProcessEnv {
  if (process.env.BUILDER_PYTHON || !existsSync(SITE)) return process.env;
  return { ...process.env, PYTHONPATH: [SITE, process.env.PYTHONPATH].filter(Boolean).join(':') };
}

/** Runs the checking Python. */
export function runPython(args: string[], options: SpawnSyncOptions = {}) {
  return spawnSync(PYTHON, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: pythonEnv(), ...options });
}

/** The SQLAlchemy version the checks run with, or why there is none. */
export function probeSqlAlchemy(): { ok: true; version: string } | { ok: false; reason: string } {
  const r = runPython(['-c', 'import sqlalchemy; print(sqlalchemy.__version__)']);
  if (r.error) return { ok: false, reason: `${PYTHON} not found (${r.error.message})` };
  if (r.status !== 0)
    return {
      ok: false,
      reason: `${PYTHON} has no sqlalchemy (run tests/python/get-sqlalchemy2.sh, or apt-get install -y python3-sqlalchemy)`,
    };
  return { ok: true, version: String(r.stdout).trim() };
}
