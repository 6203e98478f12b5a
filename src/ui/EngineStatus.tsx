/** A calm line about the engine: loading, restarting, version and timings. */
import type { EngineInfo } from '../engine/engineInfo';
import type { Dialect } from '../engine/types';
import { formatMs } from '../results/format';

/**
 * Bytes a first visit downloads to start PostgreSQL (its worker, wasm, data files and the clean
 * snapshot, gzip-compressed), measured by the build (`scripts/pgFirstLoadPlugin.ts`) into a meta
 * tag of the page; null where there is none (the dev server).
 */
function pgFirstLoadBytes(): number | null {
  const content = document.querySelector('meta[name="pg-first-load-bytes"]')?.getAttribute('content');
  const n = Number(content);
  return content && Number.isFinite(n) && n > 0 ? n : null;
}

function loadingText(dialect: Dialect): string {
  if (dialect === 'sqlite') return 'Starting SQLite (sql.js)…';
  const bytes = pgFirstLoadBytes();
  const size = bytes === null ? '' : ` about ${(bytes / 1e6).toFixed(1)} MB`;
  return `Loading PostgreSQL (PGlite)… The first time downloads${size || ' the engine'}; later visits start from a stored snapshot.`;
}

/** Status text for an engine (role="status" so screen readers hear it politely). */
export function EngineStatus({ dialect, info, running }: { dialect: Dialect; info: EngineInfo; running: boolean }) {
  let text: string;
  let busy = false;
  if (info.status === 'failed') text = `The engine could not start: ${info.failure ?? 'unknown error'}`;
  else if (info.status === 'starting' || info.status === 'cold') {
    text = loadingText(dialect);
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
