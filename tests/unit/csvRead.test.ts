/** Reading CSV text for a table load: header mapping, row checks, pieces cut anywhere (papaparse, in Node). */
import { describe, expect, it } from 'vitest';
import { mapHeader, readCsv, type Piece } from '../../src/csv/csvRead';
import type { Field } from '../../src/engine/datasets';
import type { ColumnInfo, TableSchema } from '../../src/engine/types';

const col = (name: string, more: Partial<ColumnInfo> = {}): ColumnInfo => ({
  name,
  type: 'text',
  notNull: false,
  defaultExpr: null,
  generated: false,
  identity: false,
  ...more,
});
const TABLE: TableSchema = {
  name: 'items',
  schema: 'main',
  columns: [
    col('id', { type: 'integer', notNull: true, identity: true }),
    col('Name', { notNull: true }),
    col('price', { type: 'numeric' }),
    col('total', { generated: true }),
  ],
  primaryKey: ['id'],
  uniqueKeys: [],
  hasRowid: true,
};

/** The text in pieces of `size` characters (bytes counted as UTF-8). */
async function* pieces(text: string, size: number): AsyncGenerator<Piece> {
  let bytes = 0;
  for (let i = 0; i < text.length; i += size) {
    const t = text.slice(i, i + size);
    bytes += new TextEncoder().encode(t).length;
    yield { text: t, bytes };
  }
}

async function read(text: string, size = 1 << 20, batchRows = 10_000) {
  const rows: Field[][] = [];
  let columns: string[] | null = null;
  const progress: number[] = [];
  const out = await readCsv(
    pieces(text, size),
    TABLE,
    'items.csv',
    {
      header: (c) => (columns = c),
      batch: (b, p) => {
        rows.push(...b);
        progress.push(p.rows);
      },
    },
    batchRows,
  );
  return { out, rows, columns, progress };
}

describe('mapHeader', () => {
  it('maps names exactly, or without regard to case', () => {
    expect(mapHeader(['price', 'name', 'id'], TABLE, 'f.csv')).toEqual(['price', 'Name', 'id']);
    expect(mapHeader(['\uFEFFid', ' Name '], TABLE, 'f.csv')).toEqual(['id', 'Name']);
  });
  it('refuses unknown, repeated, generated, empty names and a missing NOT NULL column', () => {
    expect(mapHeader(['id', 'Name', 'colour'], TABLE, 'f.csv')).toBe(
      'f.csv: the header names a column "colour" that table items does not have (its columns: id, Name, price, total).',
    );
    expect(mapHeader(['Name', 'name'], TABLE, 'f.csv')).toBe('f.csv: the header names column Name twice.');
    expect(mapHeader(['Name', 'total'], TABLE, 'f.csv')).toMatch(/column total of table items is generated/);
    expect(mapHeader(['Name', ''], TABLE, 'f.csv')).toMatch(/field 2 of the header row is empty/);
    // id is an identity column: it may be left out; Name may not.
    expect(mapHeader(['price'], TABLE, 'f.csv')).toBe(
      'f.csv: table items needs a value in column Name (NOT NULL, no default), and the file has no such column.',
    );
  });
});

describe('readCsv', () => {
  const CSV = 'id,name,price\r\n1,Ada,2.50\r\n2,"Grace, ""Amazing""",\r\n3,"two\r\nlines",7\r\n4,Zoë ☃,1\r\n';

  it('reads quoted fields, embedded line breaks and empty fields (NULL), whatever the pieces', async () => {
    const whole = await read(CSV);
    expect(whole.out).toEqual({ ok: true, rows: 4 });
    expect(whole.columns).toEqual(['id', 'Name', 'price']);
    expect(whole.rows).toEqual([
      ['1', 'Ada', '2.50'],
      ['2', 'Grace, "Amazing"', null],
      ['3', 'two\r\nlines', '7'],
      ['4', 'Zoë ☃', '1'],
    ]);
    // Cut into pieces at every size, inside quotes and line breaks too: the same rows.
    for (let size = 1; size < 20; size++) expect((await read(CSV, size)).rows).toEqual(whole.rows);
  });

  it('keeps rows whole across pieces in a long file (cuts inside quotes, line breaks, characters)', async () => {
    const body = Array.from({ length: 6000 }, (_, i) => `${i},"Zoë ""${i}""\r\nsecond line",${i % 7 ? i / 4 : ''}`);
    const text = `id,name,price\r\n${body.join('\r\n')}\r\n`;
    expect(text.length).toBeGreaterThan(200_000);
    const whole = await read(text);
    expect(whole.out).toEqual({ ok: true, rows: 6000 });
    expect(whole.rows[5]).toEqual(['5', 'Zoë "5"\r\nsecond line', '1.25']);
    expect(whole.rows[7]).toEqual(['7', 'Zoë "7"\r\nsecond line', null]);
    for (const size of [777, 4097, 65_537]) expect((await read(text, size)).rows).toEqual(whole.rows);
  });

  it('sends batches of the given size with the rows counted so far', async () => {
    const text = `id,name\n${Array.from({ length: 25 }, (_, i) => `${i},n${i}`).join('\n')}\n`;
    const r = await read(text, 7, 10);
    expect(r.out).toEqual({ ok: true, rows: 25 });
    expect(r.progress).toEqual([10, 20, 25]);
  });

  it('reads a semicolon- or tab-separated file and one without a final line break', async () => {
    expect((await read('id;name\n1;a\n2;b')).rows).toEqual([
      ['1', 'a'],
      ['2', 'b'],
    ]);
    expect((await read('id\tname\n1\ta\n')).rows).toEqual([['1', 'a']]);
  });

  it('names the row with a wrong number of fields', async () => {
    const r = await read('id,name\n1,a\n2,b,extra\n');
    expect(r.out).toEqual({
      ok: false,
      message: 'items.csv: row 2 has 3 fields where the header has 2 (id, Name).',
    });
  });

  it('says when the file is empty, has no rows, is not text or has an unclosed quote', async () => {
    expect((await read('')).out).toEqual({
      ok: false,
      message: "items.csv is empty: it needs a header row naming the table's columns, then the rows.",
    });
    expect((await read('id,name\n')).out).toEqual({
      ok: false,
      message: 'items.csv has a header row but no rows to load.',
    });
    expect((await read('PK\u0003\u0004\u0000\u0000binary')).out).toEqual({
      ok: false,
      message: 'items.csv does not look like a CSV file: it holds binary data.',
    });
    const open = await read('id,name\n1,"never closed\n2,b\n');
    expect(open.out.ok).toBe(false);
    expect(!open.out.ok && open.out.message).toMatch(/row 1 has a quoted field that is not closed/);
  });

  it('refuses a header that does not fit the table before reading any row', async () => {
    const r = await read('id,colour\n1,red\n');
    expect(r.out.ok).toBe(false);
    expect(r.rows).toEqual([]);
  });
});
