/**
 * The rows grid's text conventions: parsing CSV/TSV pasted from a spreadsheet and placing it
 * into the rows. NULL stays distinct from the empty string: in pasted text an unquoted `NULL`
 * or `\N` is SQL NULL, a quoted "NULL" is the four-letter text, and an empty field is ''.
 */
import type { Cell } from './coltype';

/** The convention, worded for the form. */
export const PASTE_CONVENTION =
  'Paste CSV or TSV (a header row with column names is recognised). Unquoted NULL or \\N means NULL; "NULL" in quotes and empty fields are text.';

/** Picks the delimiter: tab when the text has one, else whichever of comma and semicolon the first line uses more. */
export function detectDelimiter(text: string): '\t' | ',' | ';' {
  if (text.includes('\t')) return '\t';
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const unquoted = firstLine.replace(/"(?:[^"]|"")*"/g, '');
  const commas = unquoted.split(',').length - 1;
  const semis = unquoted.split(';').length - 1;
  return semis > commas ? ';' : ',';
}

/** Parses delimited text into rows of cells (RFC 4180 quoting, CRLF or LF line ends). */
export function parseDelimited(text: string, delimiter: string = detectDelimiter(text)): Cell[][] {
  const rows: Cell[][] = [];
  let row: Cell[] = [];
  let field = '';
  let quoted = false; // the current field started with a quote
  let inQuotes = false;
  let i = 0;
  const endField = () => {
    row.push(!quoted && (field === 'NULL' || field === '\\N') ? null : field);
    field = '';
    quoted = false;
  };
  while (i < text.length) {
    const ch = text[i] ?? '';
    if (inQuotes) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (ch === '"') inQuotes = false;
      else field += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && field === '' && !quoted) {
      quoted = true;
      inQuotes = true;
    } else if (ch === delimiter) {
      endField();
    } else if (ch === '\n' || (ch === '\r' && text[i + 1] === '\n')) {
      endField();
      rows.push(row);
      row = [];
      if (ch === '\r') i += 1;
    } else {
      field += ch;
    }
    i += 1;
  }
  // The last line: a trailing line break does not start another row.
  if (field !== '' || quoted || row.length > 0) {
    endField();
    rows.push(row);
  }
  return rows;
}

/** The result of pasting into the grid. */
export interface PasteResult {
  rows: Record<string, Cell>[];
  /** Columns the pasted data filled (header names, or the columns from the paste position on). */
  columns: string[];
  /** True when the first line was taken as a header. */
  header: boolean;
}

/**
 * Places parsed rows into the grid. With a header row naming known columns, cells go to those
 * columns and rows are appended; otherwise cells fill `visible` columns from `at` onwards,
 * overwriting existing rows and adding rows as needed.
 */
export function pasteRows(
  existing: readonly Record<string, Cell>[],
  visible: readonly string[],
  known: readonly string[],
  parsed: Cell[][],
  at: { row: number; col: number } | null,
): PasteResult {
  const first = parsed[0] ?? [];
  const byLower = new Map(known.map((k) => [k.toLowerCase(), k]));
  const headerCols = first.map((h) =>
    h === null ? undefined : (known.find((k) => k === h) ?? byLower.get(h.trim().toLowerCase())),
  );
  const isHeader =
    first.length > 0 && headerCols.every((c) => c !== undefined) && new Set(headerCols).size === first.length;
  if (isHeader) {
    const cols = headerCols;
    const added = parsed.slice(1).map((cells) => {
      const row: Record<string, Cell> = Object.fromEntries(visible.map((c) => [c, null]));
      cols.forEach((c, i) => (row[c] = cells[i] ?? null));
      return row;
    });
    const keep = existing.filter((r) => Object.values(r).some((v) => v !== null)); // drop untouched blank rows
    return { rows: [...keep, ...added], columns: cols, header: true };
  }
  const start = at ?? { row: existing.length, col: 0 };
  const rows = existing.map((r) => ({ ...r }));
  const cols = visible.slice(start.col, start.col + Math.max(0, ...parsed.map((p) => p.length)));
  parsed.forEach((cells, n) => {
    const target = start.row + n;
    while (rows.length <= target) rows.push(Object.fromEntries(visible.map((c) => [c, null])));
    const row = rows[target];
    if (!row) return;
    cells.forEach((cell, i) => {
      const col = visible[start.col + i];
      if (col !== undefined) row[col] = cell;
    });
  });
  return { rows, columns: cols, header: false };
}
