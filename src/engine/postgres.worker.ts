/// <reference lib="webworker" />
/** The PostgreSQL (PGlite) engine worker: only created when PostgreSQL is first needed. */
import { createPostgresEngine } from './postgres';
import { serveEngine } from './workerHost';

serveEngine(({ loadDataDir }) => createPostgresEngine(loadDataDir ? { loadDataDir } : { keepCleanDump: true }));
