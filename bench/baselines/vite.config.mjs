// Builds the two baseline pages (raw sql.js and raw PGlite, each in a worker) with the same
// tooling and settings as the app, into bench/dist/baselines/. The SQL they run is the app's own default
// scenario, read from src/ at build time so the two can never drift apart.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { defaultScenario } from '../../src/scenario/scenario.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const scenario = defaultScenario();

export default defineConfig({
  root: here,
  base: './',
  logLevel: 'warn',
  publicDir: false,
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['@electric-sql/pglite'] },
  plugins: [
    {
      // The runner reads the scenario from here to build the app's `#s1/` link for PostgreSQL.
      name: 'emit-default-scenario',
      generateBundle() {
        this.emitFile({ type: 'asset', fileName: 'default-scenario.json', source: JSON.stringify(scenario, null, 2) });
      },
    },
  ],
  define: {
    __DEFAULT_SCENARIO__: JSON.stringify({ sqlite: scenario.sqlite, postgres: scenario.postgres }),
  },
  build: {
    outDir: fileURLToPath(new URL('../dist/baselines', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 20000,
    // With three pages the polyfill would become a chunk of its own (one more request for the
    // baselines); Chromium supports modulepreload natively, so it does nothing there anyway.
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: {
        sqlite: fileURLToPath(new URL('./sqlite.html', import.meta.url)),
        pglite: fileURLToPath(new URL('./pglite.html', import.meta.url)),
        pipeline: fileURLToPath(new URL('./pipeline.html', import.meta.url)),
      },
    },
  },
});
