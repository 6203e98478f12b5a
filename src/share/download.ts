/** Browser file helpers: save text or bytes as a download, read a picked or dropped file for import. */
import type { ImportResult } from '../scenario/file';
import { fileFormats } from '../ui/deferred';
import type { Scenario } from '../scenario/scenario';

/** Offer `text` as a file download named `fileName`. */
export function downloadText(fileName: string, text: string, mimeType: string): void {
  downloadBlob(fileName, new Blob([text], { type: `${mimeType};charset=utf-8` }));
}

/** Offer `blob` as a file download named `fileName` (through a Blob URL and an <a download>). */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Read a File for import (size checked before reading anything), never rejecting. */
export async function readImportFile(file: Blob & { name: string }, current: Scenario): Promise<ImportResult> {
  let formats: typeof import('../scenario/file');
  try {
    formats = await fileFormats.load();
  } catch {
    return { ok: false, message: `"${file.name}" could not be opened: check the connection, then reload the page.` };
  }
  const { MAX_IMPORT_BYTES, importTooLargeMessage, parseImport } = formats;
  if (file.size > MAX_IMPORT_BYTES) return { ok: false, message: importTooLargeMessage(`"${file.name}"`, file.size) };
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    return parseImport(file.name, bytes, current);
  } catch (e) {
    return { ok: false, message: `"${file.name}" could not be read (${e instanceof Error ? e.message : String(e)}).` };
  }
}
