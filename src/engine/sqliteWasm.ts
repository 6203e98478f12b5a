/**
 * sql.js' wasm, compiled on the page while the SQLite worker's own script is still loading, then
 * handed to the worker with 'init' (a compiled module crosses postMessage). Without this the
 * worker could only start fetching the wasm once its script had arrived and run: one more round
 * trip on the way to the first result. Compiled once per page; restarts reuse the module.
 */
import wasmUrl from 'sql.js/dist/sql-wasm.wasm?url';

let compiled: Promise<WebAssembly.Module | null> | null = null;

async function compile(): Promise<WebAssembly.Module> {
  if (typeof WebAssembly.compileStreaming === 'function') {
    try {
      return await WebAssembly.compileStreaming(fetch(wasmUrl));
    } catch {
      // A host that serves .wasm with another content type: compile from the bytes below.
    }
  }
  const res = await fetch(wasmUrl);
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return WebAssembly.compile(await res.arrayBuffer());
}

/** The compiled module, or null when it could not be had here (the worker then loads it itself). */
export function compiledSqliteWasm(): Promise<WebAssembly.Module | null> {
  compiled ??= compile().catch(() => null);
  return compiled;
}
