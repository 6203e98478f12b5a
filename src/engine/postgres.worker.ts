/// <reference lib="webworker" />
/** The PostgreSQL (PGlite) engine worker: only created when PostgreSQL is first needed. */
import { createPostgresEngine } from './postgres.ts';
import { serveEngine } from './workerHost.ts';

serveEngine(({ loadDataDir }) => createPostgresEngine(loadDataDir ? { loadDataDir } : { keepCleanDump: true }));
