/**
 * Export and import of scenarios as files.
 *
 * ## Scenario file format, version 1 (`*.json`)
 * ```json
 * {
 *   "format": "upsert-playground",
 *   "version": 1,
 *   "scenario": {
 *     "dialect": "sqlite",                                   // "sqlite" | "postgres": the selected engine
 *     "sqlite":   { "setup": "CREATE TABLE …", "statement": "INSERT … ON CONFLICT …" },
 *     "postgres": { "setup": "CREATE TABLE …", "statement": "INSERT … ON CONFLICT …" },
 *     "title": "Upsert on email",                            // optional, at most 200 characters
 *     "notes": "Plain text shown above the results",         // optional
 *     "compare": true                                        // optional: run on both engines
 *   }
 * }
 * ```
 * `scenario` is exactly the object a `#s1/` link carries (see `link.ts`). On import, one of the
 * two dialect parts may be missing (it is copied from the other), unknown keys are ignored, and a
 * bare scenario object (without the `format` wrapper) is accepted too. A file whose `version` is
 * newer than `FILE_FORMAT_VERSION` is refused with a message; older versions are migrated.
 *
 * ## SQL export (`*.sql`)
 * A header comment (title, dialect, notes), then `-- ===== Setup =====`, the setup script,
 * `-- ===== Statement =====` and the statement script, verbatim except that a script line starting
 * like a marker (`-- =====`, or `-- \=====` with any number of backslashes) is written with one
 * more backslash and read back with one less, so export → import is exact. Importing any `.sql` file makes
 * it the setup of the current dialect; a file carrying both markers (an export) gets its two
 * parts back, in the dialect its header names.
 */
import { DIALECT_LABEL, type Dialect } from '../engine/types';
import { scenarioToJson } from './link';
import { scenarioFromJsonText, scenarioFromObject } from './linkDecode';
import { valueKind } from './issues';
import { quoteFileName } from './untrusted';
import type { Scenario } from './scenario';
import { withOrigin } from './provenance';
import { splitPlainSql } from './sqlFileSplit';

/** The `format` value of a scenario file. */
const FILE_FORMAT = 'upsert-playground';
/** Newest scenario file version this build writes and reads. */
const FILE_FORMAT_VERSION = 1;
/** Largest file accepted for import, in bytes (1 MB). */
export const MAX_IMPORT_BYTES = 1_000_000;

/** Marker line before the setup script in a SQL export. */
export const SQL_SETUP_MARKER = '-- ===== Setup =====';
/** Marker line before the statement script in a SQL export. */
export const SQL_STATEMENT_MARKER = '-- ===== Statement =====';
const SQL_HEADER_FIRST_LINE = '-- Upsert Playground scenario';

/** Result of an import: the scenario to load and a sentence saying what was loaded, or a message. */
export type ImportResult =
  { ok: true; scenario: Scenario; kind: 'json' | 'sql'; note: string } | { ok: false; message: string };

/** The scenario as a version-1 scenario file (pretty-printed JSON, final newline). */
export function exportJson(scenario: Scenario): string {
  return (
    JSON.stringify({ format: FILE_FORMAT, version: FILE_FORMAT_VERSION, scenario: scenarioToJson(scenario) }, null, 2) +
    '\n'
  );
}

/** Setup and statement of the scenario's current dialect as one commented SQL file. */
export function exportSql(scenario: Scenario): string {
  const { setup, statement } = scenario[scenario.dialect];
  const header = [SQL_HEADER_FIRST_LINE];
  if (scenario.title) header.push(`-- Title: ${oneLine(scenario.title)}`);
  header.push(`-- Dialect: ${DIALECT_LABEL[scenario.dialect]}`);
  if (scenario.notes)
    header.push('-- Notes:', ...scenario.notes.split(/\r\n|\r|\n/).map((l) => `--   ${oneLine(l)}`.trimEnd()));
  header.push('-- Importing this file into Upsert Playground restores the setup and the statement below.');
  return `${header.join('\n')}\n\n${SQL_SETUP_MARKER}\n${escapeMarkers(setup)}\n${SQL_STATEMENT_MARKER}\n${escapeMarkers(statement)}`;
}

/**
 * Inside the exported scripts, a line that starts like a marker ("-- =====", after any number of
 * backslashes: "-- \\=====") gets one more backslash, so no script line can be taken for a marker;
 * import takes one away. The escaped line is still a comment, so the file runs as it is.
 */
const MARKER_LIKE = /^-- (\\*)=====/gm;
function escapeMarkers(script: string): string {
  return script.replace(MARKER_LIKE, (_m, slashes: string) => `-- \\${slashes}=====`);
}
function unescapeMarkers(script: string): string {
  return script.replace(/^-- \\(\\*)=====/gm, (_m, slashes: string) => `-- ${slashes}=====`);
}

/** A file name for an export, from the title when there is one (e.g. `upsert-on-email.json`). */
export function exportFileName(scenario: Scenario, ext: 'json' | 'sql'): string {
  const slug = (scenario.title ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${slug || 'upsert-scenario'}${ext === 'sql' && scenario.dialect === 'postgres' ? '.postgres' : ext === 'sql' ? '.sqlite' : ''}.${ext}`;
}

/**
 * Read an imported file (bytes from a file picker or a drop, or already-decoded text).
 * `.json` → a scenario file or bare scenario; `.sql` → the setup of `current`'s dialect.
 * Never throws; every failure names what is wrong.
 */
export function parseImport(fileName: string, content: Uint8Array | string, current: Scenario): ImportResult {
  const name = quoteFileName(fileName);
  const size = typeof content === 'string' ? content.length : content.byteLength;
  if (size > MAX_IMPORT_BYTES) {
    return { ok: false, message: importTooLargeMessage(name, size) };
  }
  const decoded = typeof content === 'string' ? { ok: true as const, text: content } : decodeText(content, name);
  if (!decoded.ok) return decoded;
  const text = decoded.text;

  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  let kind: 'json' | 'sql';
  if (ext === 'json') kind = 'json';
  else if (ext === 'sql') kind = 'sql';
  else if (ext === '' || ext === 'txt') kind = text.trimStart().startsWith('{') ? 'json' : 'sql';
  else
    return {
      ok: false,
      message:
        `${name} cannot be imported: Upsert Playground imports .json scenario files and .sql scripts, not .${ext} files.` +
        // A CSV file has a place of its own: the Form loads one into a table.
        (ext === 'csv' ? ' To load its rows into a table, use "Load a CSV file" in the Form.' : ''),
    };

  return kind === 'json' ? importJson(text, name) : importSql(text, name, current);
}

function importJson(text: string, name: string): ImportResult {
  const parsed = scenarioFromJsonText(text.replace(/^\uFEFF/, ''), name);
  if (!parsed.ok) return parsed;
  const value = parsed.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, message: `${name} is not a scenario: it contains ${valueKind(value)}, not an object.` };
  }
  const obj = value as Record<string, unknown>;
  if (!('format' in obj)) {
    if ('dialect' in obj) return withNote(scenarioFromObject(obj, `The scenario in ${name}`), `Imported ${name}.`);
    return {
      ok: false,
      message: `${name} is JSON, but not an Upsert Playground scenario: it has neither "format": "${FILE_FORMAT}" nor a "dialect".`,
    };
  }
  if (obj.format !== FILE_FORMAT) {
    return {
      ok: false,
      message: `${name} is not an Upsert Playground scenario: its "format" is ${JSON.stringify(obj.format)}, not "${FILE_FORMAT}".`,
    };
  }
  const version = obj.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return {
      ok: false,
      message: `${name} has ${version === undefined ? 'no "version"' : `an invalid "version" (${JSON.stringify(version)})`}; expected a whole number such as ${FILE_FORMAT_VERSION}.`,
    };
  }
  if (version > FILE_FORMAT_VERSION) {
    return {
      ok: false,
      message: `${name} was made by a newer version of Upsert Playground (file format version ${version}; this version reads up to ${FILE_FORMAT_VERSION}). Reload the page to get the latest version.`,
    };
  }
  if (!('scenario' in obj)) return { ok: false, message: `${name} has no "scenario" field.` };
  return withNote(
    scenarioFromObject(migrateFileScenario(version, obj.scenario), `The scenario in ${name}`),
    `Imported ${name}.`,
  );
}

/** Bring a scenario object of file version `version` to the current shape (v1 is current). */
function migrateFileScenario(version: number, scenario: unknown): unknown {
  void version; // Only version 1 exists; a version 2 would convert v1 objects here.
  return scenario;
}

function importSql(rawText: string, name: string, current: Scenario): ImportResult {
  let text = rawText.replace(/^\uFEFF/, '');
  // A file whose every line ends in CRLF (Windows editors, git autocrlf) is read with LF endings;
  // a mix is kept as is, since a script may contain a carriage return on purpose.
  if (text.includes('\r\n') && !/(^|[^\r])\n/.test(text)) text = text.replace(/\r\n/g, '\n');
  const own = splitSqlExport(text);
  if (own) {
    const dialect = own.dialect ?? current.dialect;
    return {
      ok: true,
      kind: 'sql',
      scenario: mine({ ...current, dialect, [dialect]: { setup: own.setup, statement: own.statement } }, dialect),
      note: `Imported the setup and the statement of ${name} (${DIALECT_LABEL[dialect]}).`,
    };
  }
  const d = current.dialect;
  const split = splitPlainSql(text, d);
  if (split.statementCount > 0) {
    const n = (k: number) => `${k} statement${k === 1 ? '' : 's'}`;
    return {
      ok: true,
      kind: 'sql',
      scenario: mine({ ...current, [d]: { setup: split.setup, statement: split.statement } }, d),
      note: `Imported ${name} (${DIALECT_LABEL[d]}): ${n(split.setupCount)} of schema and data went to Setup, the ${n(split.statementCount)} at its end (upserts) to Statement.`,
    };
  }
  return {
    ok: true,
    kind: 'sql',
    scenario: mine({ ...current, [d]: { setup: text, statement: current[d].statement } }, d),
    note: `Imported ${name} as the ${DIALECT_LABEL[d]} setup (it ends with no INSERT … ON CONFLICT, REPLACE or MERGE); the statement is unchanged.`,
  };
}

/** Imported scripts are the person's own (a switch carries them over); scenarios without origins stay so. */
function mine(s: Scenario, d: Dialect): Scenario {
  return s.origin ? withOrigin(s, d, 'edited') : s;
}

/** Recognise a SQL export (both markers present) and split it back into its parts. */
export function splitSqlExport(text: string): { setup: string; statement: string; dialect?: Dialect } | null {
  let setupAt = 0;
  if (!text.startsWith(`${SQL_SETUP_MARKER}\n`)) {
    const i = text.indexOf(`\n${SQL_SETUP_MARKER}\n`);
    if (i < 0) return null;
    setupAt = i + 1;
  }
  const setupStart = setupAt + SQL_SETUP_MARKER.length + 1;
  const stmtMarker = `\n${SQL_STATEMENT_MARKER}\n`;
  // The export writes a newline after the setup, then the marker: search from the setup's start.
  const stmtAt = text.indexOf(stmtMarker, setupStart - 1);
  if (stmtAt < 0) return null;
  const header = text.slice(0, setupAt);
  const m = /^-- Dialect: (SQLite|PostgreSQL)$/m.exec(header);
  const out: { setup: string; statement: string; dialect?: Dialect } = {
    setup: unescapeMarkers(text.slice(setupStart, Math.max(setupStart, stmtAt))),
    statement: unescapeMarkers(text.slice(stmtAt + stmtMarker.length)),
  };
  if (m) out.dialect = m[1] === 'SQLite' ? 'sqlite' : 'postgres';
  return out;
}

/** Decode file bytes as text: UTF-8 (BOM allowed) or UTF-16 with a BOM; binary is refused. */
function decodeText(bytes: Uint8Array, name: string): { ok: true; text: string } | { ok: false; message: string } {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    // Windows tools (e.g. PowerShell's `>`) write UTF-16 with a byte order mark.
    const text = new TextDecoder(b0 === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(2));
    return text.includes('\u0000') ? notText(bytes, name) : { ok: true, text };
  }
  if (bytes.includes(0)) return notText(bytes, name);
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    return { ok: false, message: `${name} is not UTF-8 text: save it as UTF-8 and import it again.` };
  }
}

function notText(bytes: Uint8Array, name: string): { ok: false; message: string } {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 16));
  const what = head.startsWith('SQLite format 3')
    ? 'a SQLite database file'
    : head.startsWith('PK')
      ? 'a ZIP archive (or an Office document)'
      : head.startsWith('%PDF')
        ? 'a PDF document'
        : head.startsWith('\u0089PNG')
          ? 'a PNG image'
          : bytes[0] === 0x1f && bytes[1] === 0x8b
            ? 'a gzip archive'
            : 'binary data';
  return {
    ok: false,
    message: `${name} is not a text file (it looks like ${what}). Import a .json scenario file or a .sql script.`,
  };
}

function withNote(r: ReturnType<typeof scenarioFromObject>, note: string): ImportResult {
  return r.ok ? { ok: true, scenario: r.scenario, kind: 'json', note } : r;
}

function oneLine(s: string): string {
  return s.replace(/[\r\n\u2028\u2029]+/g, ' ');
}

/** The message for a file over the import limit; `name` is already quoted. */
export function importTooLargeMessage(name: string, bytes: number): string {
  return `${name} is too large to import: ${formatBytes(bytes)}; the limit is 1 MB.`;
}

function formatBytes(n: number): string {
  // Near the limit, exact bytes say more than "1.0 MB".
  return n < 2_000_000 ? `${n.toLocaleString('en')} bytes` : `${(n / 1_000_000).toFixed(1)} MB`;
}
