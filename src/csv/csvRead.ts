/**
 * Reading a CSV file for loading into a table: the header mapped to the table's columns by name,
 * the rows checked and cut into batches. It runs in the CSV worker (csv.worker.ts) on the file's
 * text as it is read, piece by piece, and in Node tests on strings.
 *
 * Pieces are parsed with papaparse's own parser (Papa.Parser) rather than Papa.parse(file): the
 * worker reads the file's bytes itself and decodes them with one streaming TextDecoder, so a
 * character cut in two by a piece's end stays whole (papaparse's file reader decodes each piece
 * alone), and progress is counted in bytes. The last, possibly partial, row of a piece waits for
 * the next one (the parser's ignoreLastRow), also when the cut falls inside a quoted field.
 */
import Papa from 'papaparse';
import type { Field } from '../engine/datasets';
import type { TableSchema } from '../engine/types';

/** A piece of the file's text and the bytes read so far. */
export interface Piece {
  text: string;
  bytes: number;
}

/** Where the rows go. */
export interface CsvSink {
  /** Table columns in the file's field order, once the header is read and accepted. */
  header: (columns: string[]) => void;
  /** A batch of rows (an empty field is NULL); `rows`: data rows so far, `bytes`: bytes read so far. */
  batch: (rows: Field[][], progress: { rows: number; bytes: number }) => void;
}

/** What the page sends the CSV worker (once). */
export interface CsvJob {
  file: File;
  table: TableSchema;
}

/** What the CSV worker posts. */
export type CsvWorkerMessage =
  | { type: 'header'; columns: string[] }
  | { type: 'batch'; data: Uint8Array; rows: number; progress: { rows: number; bytes: number } }
  | { type: 'done'; rows: number }
  | { type: 'failed'; message: string };

/** The outcome: how many data rows, or what is wrong, in a person's words. */
export type CsvOutcome = { ok: true; rows: number } | { ok: false; message: string };

/**
 * The table's columns named by the header, in field order. Names match exactly, else without
 * regard to case when only one column matches so. Refused: an empty or repeated name, a name the
 * table does not have, a generated column, and a header that leaves out a NOT NULL column that
 * has no default (the engine would refuse every row).
 */
export function mapHeader(header: string[], table: TableSchema, fileName: string): string[] | string {
  const columns: string[] = [];
  for (let i = 0; i < header.length; i++) {
    const name = (i === 0 ? header[i]!.replace(/^\uFEFF/, '') : header[i]!).trim();
    if (name === '') return `${fileName}: field ${i + 1} of the header row is empty; every column needs a name.`;
    const col =
      table.columns.find((c) => c.name === name) ??
      single(table.columns.filter((c) => c.name.toLowerCase() === name.toLowerCase()));
    if (!col) {
      return `${fileName}: the header names a column "${name}" that table ${table.name} does not have (its columns: ${table.columns.map((c) => c.name).join(', ')}).`;
    }
    if (columns.includes(col.name)) return `${fileName}: the header names column ${col.name} twice.`;
    if (col.generated) {
      return `${fileName}: column ${col.name} of table ${table.name} is generated (the engine computes it); remove it from the file.`;
    }
    columns.push(col.name);
  }
  const missing = table.columns.find(
    (c) => c.notNull && c.defaultExpr === null && !c.identity && !c.generated && !columns.includes(c.name),
  );
  if (missing) {
    return `${fileName}: table ${table.name} needs a value in column ${missing.name} (NOT NULL, no default), and the file has no such column.`;
  }
  return columns;
}

function single<T>(list: T[]): T | undefined {
  return list.length === 1 ? list[0] : undefined;
}

const GUESS_CHARS = 65_536;

/** A file whose first bytes hold a NUL is not text (a spreadsheet, an archive, an image). */
function looksBinary(text: string): boolean {
  return text.slice(0, 4096).includes('\u0000');
}

/** Read the pieces into `sink`; `stopped()` is asked between pieces (cancel). */
export async function readCsv(
  pieces: AsyncIterable<Piece>,
  table: TableSchema,
  fileName: string,
  sink: CsvSink,
  batchRows = 10_000,
): Promise<CsvOutcome> {
  let parser: Papa.Parser | null = null;
  let rest = '';
  let columns: string[] | null = null;
  let rows = 0;
  let bytes = 0;
  let batch: Field[][] = [];
  const fail = (message: string): CsvOutcome => ({ ok: false, message });

  // Rows of one parsed stretch; returns an error message or null.
  const take = (data: string[][]): string | null => {
    for (const fields of data) {
      if (!columns) {
        const mapped = mapHeader(fields, table, fileName);
        if (typeof mapped === 'string') return mapped;
        columns = mapped;
        sink.header(columns);
        continue;
      }
      // A line with nothing on it (a trailing newline, a blank line) is no row.
      if (fields.length === 1 && fields[0] === '') continue;
      rows++;
      if (fields.length !== columns.length) {
        return `${fileName}: row ${rows} has ${fields.length} field${fields.length === 1 ? '' : 's'} where the header has ${columns.length} (${columns.join(', ')}).`;
      }
      batch.push(fields.map((f) => (f === '' ? null : f)));
      if (batch.length >= batchRows) {
        sink.batch(batch, { rows, bytes });
        batch = [];
      }
    }
    return null;
  };

  // The delimiter and line break are guessed from the first 64 KB (comma and \n when unsure).
  const start = (text: string): Papa.Parser => {
    const guess = Papa.parse<string[]>(text.slice(0, GUESS_CHARS), { preview: 20, skipEmptyLines: true }).meta;
    return new Papa.Parser({
      delimiter: guess.delimiter || ',',
      newline: guessNewline(guess.linebreak),
      fastMode: false,
    });
  };
  for await (const piece of pieces) {
    bytes = piece.bytes;
    const text = rest + piece.text;
    if (!parser) {
      if (looksBinary(text)) return fail(`${fileName} does not look like a CSV file: it holds binary data.`);
      if (text.length < GUESS_CHARS) {
        rest = text;
        continue;
      }
      parser = start(text);
    }
    const res = parser.parse(text, 0, true) as Papa.ParseResult<string[]>;
    rest = text.slice(res.meta.cursor);
    const err = take(res.data) ?? quoteError(res.errors, rows, fileName);
    if (err) return fail(err);
  }
  if (rest !== '') {
    parser ??= start(rest);
    const res = parser.parse(rest, 0, false) as Papa.ParseResult<string[]>;
    const err = take(res.data) ?? quoteError(res.errors, rows, fileName);
    if (err) return fail(err);
  }
  if (!columns) return fail(`${fileName} is empty: it needs a header row naming the table's columns, then the rows.`);
  if (batch.length) sink.batch(batch, { rows, bytes });
  if (rows === 0) return fail(`${fileName} has a header row but no rows to load.`);
  return { ok: true, rows };
}

function guessNewline(linebreak: string): '\n' | '\r\n' | '\r' {
  return linebreak === '\r\n' || linebreak === '\r' ? linebreak : '\n';
}

/** papaparse's quote errors (an unclosed quote) as a message; null when there is none. */
function quoteError(errors: Papa.ParseError[], rows: number, fileName: string): string | null {
  const e = errors.find((x) => x.type === 'Quotes');
  if (!e) return null;
  // The unclosed field runs to the end of the file, so that row was counted already.
  return `${fileName}: row ${Math.max(rows, 1)} has a quoted field that is not closed (${e.message}).`;
}
