/// <reference lib="webworker" />
/** The SQLite (sql.js) engine worker. */
import wasmUrl from 'sql.js/dist/sql-wasm.wasm?url';
import { createSqliteEngine } from './sqlite.ts';
import { serveEngine } from './workerHost.ts';

// The browser build of sql.js asks for 'sql-wasm-browser.wasm'; the bundled file is identical.
// The page usually compiles the wasm while this worker's script loads and hands the module over.
serveEngine(({ wasmModule }) =>
  createSqliteEngine({ locateFile: () => wasmUrl, ...(wasmModule ? { wasmModule } : {}) }),
);
