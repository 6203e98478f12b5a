/// <reference lib="webworker" />
/**
 * The CSV worker: reads one File in 1 MB slices, parses it (csvRead.ts) and posts the rows in
 * batches, each the JSON text of its rows as bytes, transferred (the page relays them to the
 * engine worker without reading them). One file per worker: the page cancels by terminating it,
 * which stops the reading at once wherever it is.
 */
import { readCsv, type CsvJob, type CsvWorkerMessage, type Piece } from './csvRead';
import { encodeBatch } from '../engine/datasets';

const SLICE_BYTES = 1 << 20;

async function* piecesOf(file: File): AsyncGenerator<Piece> {
  const decoder = new TextDecoder(); // one streaming decoder: characters cut by a slice stay whole
  for (let at = 0; at < file.size; at += SLICE_BYTES) {
    const bytes = Math.min(file.size, at + SLICE_BYTES);
    const buf = await file.slice(at, bytes).arrayBuffer();
    yield { text: decoder.decode(buf, { stream: true }), bytes };
  }
  const tail = decoder.decode();
  if (tail) yield { text: tail, bytes: file.size };
}

const post = (msg: CsvWorkerMessage, transfer: Transferable[] = []) => self.postMessage(msg, transfer);

self.onmessage = async (e: MessageEvent<CsvJob>) => {
  const { file, table } = e.data;
  try {
    const out = await readCsv(piecesOf(file), table, file.name, {
      header: (columns) => post({ type: 'header', columns }),
      batch: (rows, progress) => {
        const data = encodeBatch(rows);
        post({ type: 'batch', data, rows: rows.length, progress }, [data.buffer]);
      },
    });
    post(out.ok ? { type: 'done', rows: out.rows } : { type: 'failed', message: out.message });
  } catch (err) {
    // Out of memory (a RangeError, or the browser's own), an unreadable file.
    const why = err instanceof Error ? err.message : String(err);
    post({ type: 'failed', message: `${file.name} could not be read: ${why}` });
  }
};
