// A static file server for the benchmark, on 127.0.0.1 only. Every URL carries a per-profile
// prefix (/r/<visit>/<root>/…) so the request log tells exactly which files one visit fetched and
// when (epoch ms, same clock as the page's performance.timeOrigin + now()).
import { createReadStream, statSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import zlib from 'node:zlib';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.data': 'application/octet-stream',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.gz': 'application/gzip',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** Wall-clock epoch ms with sub-ms resolution. */
const epochNow = () => performance.timeOrigin + performance.now();

const gzipCache = new Map();
/** Gzip size of a file at zlib's default level 6 (what a typical static host sends). */
export function gzipSize(file) {
  let n = gzipCache.get(file);
  if (n === undefined) {
    n = zlib.gzipSync(readFileSync(file), { level: 6 }).length;
    gzipCache.set(file, n);
  }
  return n;
}

/**
 * Serve `roots` ({ name: directory }) uncompressed, with the caching a static host would use:
 * hashed files under assets/ are immutable, everything else revalidates (ETag → 304).
 */
export function startServer(roots) {
  const log = [];
  const server = http.createServer((req, res) => {
    const t = epochNow();
    const url = new URL(req.url ?? '/', 'http://localhost');
    const m = /^\/r\/([\w-]+)\/(\w+)\/(.*)$/.exec(decodeURIComponent(url.pathname));
    const root = m && roots[m[2]];
    const rel = m ? m[3] || 'index.html' : '';
    const file = root ? path.resolve(root, rel) : null;
    const entry = { visit: m?.[1] ?? null, root: m?.[2] ?? null, path: rel, t, status: 404, file: null, bytes: 0 };
    log.push(entry);
    if (!file || !file.startsWith(path.resolve(root) + path.sep)) return end(res, 404);
    let st;
    try {
      st = statSync(file);
      if (!st.isFile()) throw new Error('not a file');
    } catch {
      return end(res, 404);
    }
    const etag = `"${st.size.toString(16)}-${Math.floor(st.mtimeMs).toString(16)}"`;
    const headers = {
      'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'Cache-Control': rel.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      ETag: etag,
    };
    entry.file = file;
    if (req.headers['if-none-match'] === etag) {
      entry.status = 304;
      res.writeHead(304, headers);
      return void res.end();
    }
    entry.status = 200;
    entry.bytes = st.size;
    res.writeHead(200, { ...headers, 'Content-Length': st.size });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(Number(process.env.BENCH_PORT ?? 0), '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        origin: `http://127.0.0.1:${port}`,
        /** URL of `rel` under root `root` for visit prefix `visit`. */
        url: (visit, root, rel = '') => `http://127.0.0.1:${port}/r/${visit}/${root}/${rel}`,
        /** Requests of one visit prefix, in arrival order. */
        requests: (visit) => log.filter((e) => e.visit === visit),
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}

function end(res, status) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(status === 404 ? 'Not found' : '');
}
