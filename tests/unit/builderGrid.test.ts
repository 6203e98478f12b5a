// CSV/TSV paste parsing and placing pasted rows into the grid.
import { describe, expect, test } from 'vitest';
import { detectDelimiter, parseDelimited, pasteRows } from '../../src/builder/grid';

describe('parseDelimited', () => {
  test('TSV from a spreadsheet, with a trailing line break', () => {
    expect(parseDelimited('a\tb\n1\t2\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
  test('CSV quoting: delimiters, doubled quotes and line breaks inside quotes, CRLF', () => {
    expect(parseDelimited('"x, y","say ""hi""","two\r\nlines"\r\nplain,,end')).toEqual([
      ['x, y', 'say "hi"', 'two\r\nlines'],
      ['plain', '', 'end'],
    ]);
  });
  test('NULL versus the empty string versus the text NULL', () => {
    expect(parseDelimited('NULL,\\N,"NULL",,null')).toEqual([[null, null, 'NULL', '', 'null']]);
    expect(parseDelimited('a\t\tNULL')).toEqual([['a', '', null]]);
  });
  test('an empty line in the middle is a row with one empty field', () => {
    expect(parseDelimited('a\n\nb')).toEqual([['a'], [''], ['b']]);
    expect(parseDelimited('')).toEqual([]);
  });
  test('delimiter detection', () => {
    expect(detectDelimiter('a;b;c\n1;2;3')).toBe(';');
    expect(detectDelimiter('"a;b",c')).toBe(',');
    expect(detectDelimiter('a\tb,c')).toBe('\t');
  });
});

describe('pasteRows', () => {
  const visible = ['id', 'name'];
  const known = ['id', 'name', 'Note'];
  test('a header row maps cells by column name (case-insensitively) and appends', () => {
    const res = pasteRows(
      [{ id: '1', name: 'a' }],
      visible,
      known,
      [
        ['NAME', 'note'],
        ['b', null],
        ['c', 'x'],
      ],
      null,
    );
    expect(res.header).toBe(true);
    expect(res.columns).toEqual(['name', 'Note']);
    expect(res.rows).toEqual([
      { id: '1', name: 'a' },
      { id: null, name: 'b', Note: null },
      { id: null, name: 'c', Note: 'x' },
    ]);
  });
  test('untouched blank rows are replaced by a header paste', () => {
    const res = pasteRows([{ id: null, name: null }], visible, known, [['id'], ['7']], null);
    expect(res.rows).toEqual([{ id: '7', name: null }]);
  });
  test('without a header, cells fill from the paste position and add rows', () => {
    const res = pasteRows([{ id: '1', name: 'a' }], visible, known, [['x'], ['y']], { row: 0, col: 1 });
    expect(res.header).toBe(false);
    expect(res.rows).toEqual([
      { id: '1', name: 'x' },
      { id: null, name: 'y' },
    ]);
  });
  test('cells beyond the last visible column are dropped', () => {
    const res = pasteRows([], visible, known, [['1', 'a', 'extra']], null);
    expect(res.rows).toEqual([{ id: '1', name: 'a' }]);
  });
});
