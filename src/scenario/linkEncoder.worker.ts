/**
 * Encodes a large scenario's link off the page's main thread: lz-string takes a few hundred
 * milliseconds on a scenario near the 1 MB limit, long enough to freeze the page it runs on.
 * Receives `{ id, json }` (the scenario's JSON text), answers `{ id, fragment }`.
 */
import LZString from 'lz-string';

const worker = self as unknown as {
  onmessage: ((e: MessageEvent<{ id: number; json: string }>) => void) | null;
  postMessage: (msg: { id: number; fragment: string }) => void;
};

worker.onmessage = (e) => {
  worker.postMessage({ id: e.data.id, fragment: LZString.compressToEncodedURIComponent(e.data.json) });
};
