/**
 * Build plugin: `<link rel="modulepreload">` in index.html for the app's code (the chunk of
 * src/mount.tsx and the chunks it imports). The entry loads the app with a dynamic import, after
 * starting the engine; without these links the app's download only starts once the entry has
 * arrived and run, with them it downloads and compiles while the entry does.
 *
 * (Preloading sql.js' wasm from here too was measured and left out: started that early it slowed
 * the first result down, competing with the scripts; the entry fetches it right after they load.)
 */
import type { Plugin } from 'vite';

export function preloadAppPlugin(): Plugin {
  return {
    name: 'upsert-preload-app',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return [];
        const base = './';
        const chunks = Object.values(bundle).filter((o) => o.type === 'chunk');
        const mount = chunks.find((c) => c.facadeModuleId?.replace(/\\/g, '/').endsWith('/src/mount.tsx'));
        if (!mount) throw new Error('preload plugin: the chunk of src/mount.tsx was not found');
        // The mount chunk and its static imports, depth first; the entry's own (already preloaded
        // by Vite) are skipped.
        const entryFiles = new Set<string>();
        const entry = chunks.find((c) => c.isEntry);
        const addEntry = (f: string) => {
          if (entryFiles.has(f)) return;
          entryFiles.add(f);
          const c = bundle[f];
          if (c?.type === 'chunk') c.imports.forEach(addEntry);
        };
        if (entry) addEntry(entry.fileName);
        const files: string[] = [];
        const visit = (f: string) => {
          if (files.includes(f) || entryFiles.has(f)) return;
          files.push(f);
          const c = bundle[f];
          if (c?.type === 'chunk') c.imports.forEach(visit);
        };
        visit(mount.fileName);
        return [
          ...files.map((f) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: '', href: base + f }, injectTo: 'head' as const })),
        ];
      },
    },
  };
}
