/** A calm line about the engine: loading, restarting, version and timings. */
import type { EngineInfo } from '../engine/client';
import type { Dialect } from '../engine/types';
import { formatMs } from '../results/format';

const LOADING: Record<Dialect, string> = {
  sqlite: 'Starting SQLite (sql.js)…',
  postgres:
    'Loading PostgreSQL 18 (PGlite)… The first time downloads about 5 MB; later visits start from a stored snapshot.',
};

/** Status text for an engine (role="status" so screen readers hear it politely). */
export function EngineStatus({ dialect, info, running }: { dialect: Dialect; info: EngineInfo; running: boolean }) {
  let text: string;
  let busy = false;
  if (info.status === 'failed') text = `The engine could not start: ${info.failure ?? 'unknown error'}`;
  else if (info.status === 'starting' || info.status === 'cold') {
    text = LOADING[dialect];
    busy = true;
  } else if (info.status === 'restarting') {
    text = 'Restarting the engine…';
    busy = true;
  } else if (running) {
    text = 'Running…';
    busy = true;
  } else {
    text = `${info.version ?? ''}${info.startupMs !== null ? ` · started in ${formatMs(info.startupMs)}${info.fromSnapshot ? ' from a snapshot' : ''}` : ''}`;
  }
  return (
    <p role="status" className={`engine-status${busy ? ' busy' : ''}`} aria-busy={busy}>
      {busy && <span className="spinner" aria-hidden="true" />}
      {text}
    </p>
  );
}
