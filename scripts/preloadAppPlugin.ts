/**
 * Build plugin: two early starts in index.html.
 *
 * - `<link rel="modulepreload">` for the app's code (the chunk of src/mount.tsx and the chunks it
 *   imports). The entry loads the app with a dynamic import, after starting the engine; without
 *   these links the app's download only starts once the entry has arrived and run.
 * - A one-line inline script that creates the SQLite engine's worker while the HTML is parsed, so
 *   the worker's script loads alongside the entry's instead of after it. The worker stays idle
 *   until the entry sends it 'init' (with the wasm the entry compiles, src/engine/sqliteWasm.ts);
 *   src/engine/engines.ts takes it over. Where inline scripts are not allowed, the entry simply
 *   creates the worker itself.
 *
 * (Measured and left out: preloading sql.js' wasm from here too, and letting the early worker
 * fetch the wasm itself. Both slowed the first result down: that early, the downloads and the
 * compile compete with the page's own scripts on a small machine.)
 */
import type { Plugin } from 'vite';
import { BOOT_WORKER_GLOBAL } from '../src/engine/bootWorker.ts';

export function preloadAppPlugin(): Plugin {
  let base = './';
  return {
    name: 'upsert-preload-app',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const bundle = ctx.bundle;
        // The app's page only (embed.html starts its engines on first use).
        if (!bundle || !ctx.path.endsWith('/index.html')) return [];
        const chunks = Object.values(bundle).filter((o) => o.type === 'chunk');
        const mount = chunks.find((c) => c.facadeModuleId?.replace(/\\/g, '/').endsWith('/src/mount.tsx'));
        if (!mount) throw new Error('preload plugin: the chunk of src/mount.tsx was not found');
        // The mount chunk and its static imports, depth first; the entry's own (already preloaded
        // by Vite) are skipped.
        const entryFiles = new Set<string>();
        // This page's entry: the build has another one (embed.html's), whose imports this page
        // does not preload.
        const entry = chunks.find((c) => c.isEntry && c.name === 'main');
        if (!entry) throw new Error("preload plugin: the entry chunk 'main' was not found");
        const addEntry = (f: string) => {
          if (entryFiles.has(f)) return;
          entryFiles.add(f);
          const c = bundle[f];
          if (c?.type === 'chunk') c.imports.forEach(addEntry);
        };
        addEntry(entry.fileName);
        const files: string[] = [];
        const visit = (f: string) => {
          if (files.includes(f) || entryFiles.has(f)) return;
          files.push(f);
          const c = bundle[f];
          if (c?.type === 'chunk') c.imports.forEach(visit);
        };
        visit(mount.fileName);
        const worker = Object.values(bundle).find((o) => /(^|\/)sqlite\.worker-[\w-]+\.js$/.test(o.fileName));
        if (!worker) throw new Error('preload plugin: the SQLite worker was not found');
        // src/engine/bootWorker.ts takes the worker from this global.
        const start = `try { window.${BOOT_WORKER_GLOBAL} = new Worker(${JSON.stringify(base + worker.fileName)}, { type: 'module', name: 'sqlite-engine' }); } catch (e) {}`;
        return [
          { tag: 'script', children: start, injectTo: 'head-prepend' as const },
          ...files.map((f) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: '', href: base + f },
            injectTo: 'head' as const,
          })),
        ];
      },
    },
  };
}
