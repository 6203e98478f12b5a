import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { pgFirstLoadPlugin } from './scripts/pgFirstLoadPlugin.ts';
import { pgSnapshotPlugin } from './scripts/pgSnapshotPlugin.ts';
import { preloadAppPlugin } from './scripts/preloadAppPlugin.ts';
import { licensePlugins } from './scripts/licensePlugin.ts';
import { installedPgliteVersion } from './scripts/pgliteVersion.ts';
import { pwaPlugin } from './scripts/pwaPlugin.ts';
import { firstPathChunksPlugin, firstPathGroups } from './scripts/firstPathChunks.ts';

const licenses = licensePlugins();

// Static site: everything (engines' wasm, Monaco and its worker) is bundled and served from the
// page's own origin; nothing is fetched from elsewhere at run time. Two pages: the app
// (index.html) and the compact embed for other sites (embed.html).
export default defineConfig({
  base: './',
  plugins: [
    react(),
    firstPathChunksPlugin(import.meta.dirname),
    pgSnapshotPlugin(),
    pgFirstLoadPlugin(),
    preloadAppPlugin(),
    ...licenses.page,
    pwaPlugin(),
  ],
  worker: { format: 'es', plugins: licenses.worker },
  optimizeDeps: { exclude: ['@electric-sql/pglite'] },
  // The PGlite version names the shipped data-directory snapshot and its IndexedDB key.
  // UPSERT_BUILD_LABEL marks a build on its <html> element (data-build), e.g. the update test's
  // second deploy.
  define: {
    __PGLITE_VERSION__: JSON.stringify(installedPgliteVersion()),
    __BUILD_LABEL__: JSON.stringify(process.env.UPSERT_BUILD_LABEL ?? ''),
  },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    rollupOptions: {
      input: { main: 'index.html', embed: 'embed.html' },
      output: { codeSplitting: { groups: firstPathGroups } },
    },
  },
});
