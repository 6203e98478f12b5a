/**
 * Vite build plugin: measures what a first visit downloads to start PostgreSQL — the engine's
 * worker, PGlite's wasm and data files and the clean data-directory snapshot, each gzip-compressed
 * as a static server sends it (the snapshot is a gzip file already) — and writes the total into
 * the page as `<meta name="pg-first-load-bytes">`, which the engine status line reads. index.html
 * is not content-hashed, so the figure never goes stale in a cached file.
 */
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';
import { pgSnapshotFile } from '../src/engine/snapshotFile.ts';
import { installedPgliteVersion } from './pgliteVersion.ts';

const PG_SNAPSHOT_FILE = pgSnapshotFile(installedPgliteVersion());

/** Files of the PostgreSQL start (besides the snapshot), by their emitted names. */
const PG_FILES = /(^|\/)(postgres\.worker-[^/]*\.js|pglite-[^/]*\.(wasm|data)|initdb-[^/]*\.wasm)$/;

/** Bytes on the wire of one emitted file. */
function servedBytes(fileName: string, source: string | Uint8Array): number {
  if (fileName.endsWith('.gz')) return typeof source === 'string' ? Buffer.byteLength(source) : source.byteLength;
  return gzipSync(source, { level: 6 }).byteLength;
}

/** Write the PostgreSQL first-load size into index.html (production builds that ship PGlite). */
export function pgFirstLoadPlugin(): Plugin {
  return {
    name: 'upsert-playground:pg-first-load',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const html = bundle['index.html'];
      if (!html || html.type !== 'asset') return;
      let total = 0;
      const counted: string[] = [];
      for (const out of Object.values(bundle)) {
        if (out.fileName !== PG_SNAPSHOT_FILE && !PG_FILES.test(out.fileName)) continue;
        total += servedBytes(out.fileName, out.type === 'chunk' ? out.code : out.source);
        counted.push(out.fileName);
      }
      if (!counted.includes(PG_SNAPSHOT_FILE) || !counted.some((f) => f.endsWith('.wasm'))) {
        this.error(`the PostgreSQL first-load files were not found in the bundle (found: ${counted.join(', ')})`);
      }
      const meta = `<meta name="pg-first-load-bytes" content="${total}" />`;
      html.source = String(html.source).replace('</head>', `    ${meta}\n  </head>`);
    },
  };
}
