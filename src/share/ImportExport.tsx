/**
 * Export and Import buttons: "Export JSON" (the versioned scenario file), "Export SQL" (setup and
 * statement of the current dialect) and "Import…" (a file picker for .json or .sql).
 */
import { memo, useRef, useState, type RefObject } from 'react';
import { useHandler } from '../lib/useHandler';
import { DIALECT_LABEL } from '../engine/types';
import type { ImportResult } from '../scenario/file';
import { fileFormats } from '../ui/deferred';
import type { Scenario } from '../scenario/scenario';
import { downloadText, readImportFile } from './download';
import './share.css';

/** Props of ImportExport. */
export interface ImportExportProps {
  scenario: Scenario;
  /** Called with every import outcome; on ok:false the current work must stay as it is. */
  onImport: (result: ImportResult) => void;
  /** Called when an export could not be made (its code could not be fetched). */
  onExportFailed: (message: string) => void;
}

/** File types the picker offers. */
const IMPORT_ACCEPT = '.json,.sql,.txt,application/json,application/sql,text/plain';

/** Export JSON / Export SQL / Import… buttons. */
export function ImportExport({ scenario, onImport, onExportFailed }: ImportExportProps) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  const pick = useHandler(async (files: FileList | null) => {
    const file = files?.[0];
    if (!file) return;
    setBusy(true);
    try {
      onImport(await readImportFile(file, scenario));
    } finally {
      setBusy(false);
      // Let the same file be picked again (after fixing it, say).
      if (input.current) input.current.value = '';
    }
  });

  return (
    <div className="share-toolbar" role="group" aria-label="Export and import">
      <button
        type="button"
        className="share-button"
        title="Save the scenario (both dialects, title and notes) as a .json file"
        onClick={() => exportJsonFile(scenario, onExportFailed)}
      >
        Export JSON
      </button>
      <button
        type="button"
        className="share-button"
        title={`Save the ${DIALECT_LABEL[scenario.dialect]} setup and statement as a .sql file`}
        onClick={() => exportSqlFile(scenario, onExportFailed)}
      >
        Export SQL
      </button>
      <button
        type="button"
        className="share-button"
        disabled={busy}
        title="Open a .json scenario, or a .sql script as the setup (you can also drop a file on the page)"
        onClick={() => input.current?.click()}
      >
        Import…
      </button>
      <FileInput input={input} onPick={pick} />
    </div>
  );
}

/**
 * The hidden file picker, apart so that it is not rendered again with the buttons on every
 * keystroke (React writes an input's type and name back into the page each time it renders it).
 */
const FileInput = memo(function FileInput({
  input,
  onPick,
}: {
  input: RefObject<HTMLInputElement | null>;
  onPick: (files: FileList | null) => Promise<void>;
}) {
  return (
    <input
      ref={input}
      type="file"
      accept={IMPORT_ACCEPT}
      className="share-file-input"
      aria-label="Import a scenario file"
      tabIndex={-1}
      onChange={(e) => void onPick(e.currentTarget.files)}
    />
  );
});

/** Download the scenario as its versioned JSON file. */
export function exportJsonFile(scenario: Scenario, onFailed: (message: string) => void): void {
  void exportWith(onFailed, (f) =>
    downloadText(f.exportFileName(scenario, 'json'), f.exportJson(scenario), 'application/json'),
  );
}

/** Download setup + statement of the current dialect as a .sql file. */
function exportSqlFile(scenario: Scenario, onFailed: (message: string) => void): void {
  void exportWith(onFailed, (f) =>
    downloadText(f.exportFileName(scenario, 'sql'), f.exportSql(scenario), 'application/sql'),
  );
}

/**
 * Export with the file formats' code, loaded on first use (it is not on the first result's path;
 * the page loads it ahead when idle). Could it not be fetched, the page says so.
 */
async function exportWith(
  onFailed: (message: string) => void,
  save: (formats: typeof import('../scenario/file')) => void,
): Promise<void> {
  let formats: typeof import('../scenario/file');
  try {
    formats = await fileFormats.load();
  } catch {
    onFailed(
      'The export could not be made: its code could not be fetched. Check the connection, then reload the page.',
    );
    return;
  }
  save(formats);
}
