import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { pgFirstLoadPlugin } from './scripts/pgFirstLoadPlugin.ts';
import { pgSnapshotPlugin } from './scripts/pgSnapshotPlugin.ts';
import { preloadAppPlugin } from './scripts/preloadAppPlugin.ts';
import { licensePlugins } from './scripts/licensePlugin.ts';

const licenses = licensePlugins();

// Static site: everything (engines' wasm, Monaco and its worker) is bundled and served from the
// page's own origin; nothing is fetched from elsewhere at run time.
export default defineConfig({
  base: './',
  plugins: [react(), pgSnapshotPlugin(), pgFirstLoadPlugin(), preloadAppPlugin(), ...licenses.page],
  worker: { format: 'es', plugins: licenses.worker },
  optimizeDeps: { exclude: ['@electric-sql/pglite'] },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
  },
});
