// Diagnostic page: the app's own engine (src/engine, the same run pipeline with snapshots, write
// tracking and diff) in a bare worker, without the UI. Comparing it with the raw engine and with
// the app end to end tells the pipeline's cost apart from transfer and rendering.
const worker = new Worker(new URL('./pipeline-worker.js', import.meta.url), { type: 'module' });
const pending = new Map();
let nextId = 1;
worker.onmessage = (e) => {
  // Reading e.data deserialises the whole RunResult here, as the app's page does.
  const { result, ...reply } = e.data;
  const received = performance.now();
  const done = pending.get(reply.id);
  pending.delete(reply.id);
  done?.({ ...reply, received, tables: result?.tables.length ?? 0 });
};
window.__baseline = {
  call: (msg) =>
    new Promise((resolve) => {
      const id = nextId++;
      const sent = performance.now();
      pending.set(id, (reply) => resolve({ ...reply, roundTripMs: reply.received - sent }));
      worker.postMessage({ ...msg, id });
    }),
};
