// Baseline page: the raw sql.js engine in a worker, started at once.
import { startBaseline } from './page.js';

startBaseline('sqlite', new Worker(new URL('./sqlite-worker.js', import.meta.url), { type: 'module' }));
