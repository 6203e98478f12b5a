// Baseline page: the raw PGlite engine in a worker, started at once.
import { startBaseline } from './page.js';

startBaseline('postgres', new Worker(new URL('./pglite-worker.js', import.meta.url), { type: 'module' }));
