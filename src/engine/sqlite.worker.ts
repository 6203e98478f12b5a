/// <reference lib="webworker" />
/** The SQLite (sql.js) engine worker. */
import wasmUrl from 'sql.js/dist/sql-wasm.wasm?url';
import { createSqliteEngine } from './sqlite';
import { serveEngine } from './workerHost';

// The browser build of sql.js asks for 'sql-wasm-browser.wasm'; the bundled file is identical.
serveEngine(() => createSqliteEngine({ locateFile: () => wasmUrl }));
