import { describe, expect, it } from 'vitest';
import { chooseIdentity, diffTable, type TableSnapshot } from '../../src/engine/diff';
import type { ColumnInfo, TableSchema, UniqueKey, Value } from '../../src/engine/types';

const col = (name: string, notNull = false): ColumnInfo => ({
  name,
  type: '',
  notNull,
  defaultExpr: null,
  generated: false,
  identity: false,
});

function schema(opts: { cols: ColumnInfo[]; pk?: string[]; keys?: UniqueKey[]; rowid?: boolean }): TableSchema {
  const pk = opts.pk ?? [];
  const keys: UniqueKey[] = pk.length
    ? [{ name: 'pk', kind: 'primary', columns: pk, predicate: null, hasExpressions: false }]
    : [];
  return {
    name: 't',
    schema: 'main',
    columns: opts.cols,
    primaryKey: pk,
    uniqueKeys: [...keys, ...(opts.keys ?? [])],
    hasRowid: opts.rowid ?? false,
  };
}

function snap(s: TableSchema, rows: Value[][], extra: { rowids?: number[]; versions?: string[] } = {}): TableSnapshot {
  return {
    schema: s,
    data: { columns: s.columns.map((c) => c.name), rows, totalRows: rows.length },
    rowids: extra.rowids ?? null,
    versions: extra.versions ?? null,
  };
}

const kinds = (d: ReturnType<typeof diffTable>): string[] =>
  d.changes.map((c) => c.change + (c.sameValues ? '=' : '') + (c.replaced ? '*' : ''));

describe('chooseIdentity', () => {
  it('prefers the primary key, then rowid, then a NOT NULL unique key, then the whole row', () => {
    const cols = [col('a', true), col('b')];
    expect(chooseIdentity(schema({ cols, pk: ['a'], rowid: true }))).toEqual({ kind: 'primaryKey', columns: ['a'] });
    expect(chooseIdentity(schema({ cols, rowid: true }))).toEqual({ kind: 'rowid', columns: [] });
    const uk: UniqueKey = { name: 'u_a', kind: 'unique', columns: ['a'], predicate: null, hasExpressions: false };
    expect(chooseIdentity(schema({ cols, keys: [uk] }))).toEqual({ kind: 'unique', columns: ['a'], keyName: 'u_a' });
    // Nullable, partial or expression keys cannot identify rows.
    const nullable: UniqueKey = { ...uk, columns: ['b'] };
    const partial: UniqueKey = { ...uk, predicate: 'a > 0' };
    const expr: UniqueKey = { ...uk, hasExpressions: true };
    expect(chooseIdentity(schema({ cols, keys: [nullable, partial, expr] })).kind).toBe('wholeRow');
  });
});

describe('diffTable', () => {
  const s = schema({ cols: [col('id', true), col('v')], pk: ['id'] });

  it('marks inserted, updated (with changed columns), deleted and unchanged rows in display order', () => {
    const before = snap(s, [
      [1, 'a'],
      [2, 'b'],
      [3, 'c'],
      [5, 'e'],
    ]);
    const after = snap(s, [
      [1, 'a'],
      [3, 'C'],
      [4, 'd'],
      [5, 'e'],
    ]);
    const d = diffTable(before, after, { tracking: 'xmin' }, 't');
    expect(kinds(d)).toEqual(['unchanged', 'deleted', 'updated', 'inserted', 'unchanged']);
    expect(d.changes[1]).toEqual({ change: 'deleted', before: 1 });
    expect(d.changes[2]).toEqual({ change: 'updated', before: 2, after: 1, changed: [1] });
    expect(d.counts).toEqual({ inserted: 1, updated: 1, deleted: 1, unchanged: 2, sameValues: 0, replaced: 0 });
    expect(d.status).toBe('kept');
    expect(d.identity).toEqual({ kind: 'primaryKey', columns: ['id'] });
  });

  it('puts trailing deleted rows at the end', () => {
    const d = diffTable(
      snap(s, [
        [1, 'a'],
        [2, 'b'],
      ]),
      snap(s, [[1, 'a']]),
      { tracking: 'xmin' },
      't',
    );
    expect(kinds(d)).toEqual(['unchanged', 'deleted']);
  });

  it('reports a row rewritten with identical values through xmin', () => {
    const before = snap(
      s,
      [
        [1, 'a'],
        [2, 'b'],
      ],
      { versions: ['10', '10'] },
    );
    const after = snap(
      s,
      [
        [1, 'a'],
        [2, 'b'],
      ],
      { versions: ['10', '11'] },
    );
    const d = diffTable(before, after, { tracking: 'xmin' }, 't');
    expect(kinds(d)).toEqual(['unchanged', 'updated=']);
    expect(d.changes[1]).toMatchObject({ changed: [], sameValues: true });
    expect(d.counts.sameValues).toBe(1);
    expect(d.counts.updated).toBe(1);
  });

  it('reports a row rewritten with identical values through the trigger-recorded rowids', () => {
    const before = snap(
      s,
      [
        [1, 'a'],
        [2, 'b'],
      ],
      { rowids: [1, 2] },
    );
    const after = snap(
      s,
      [
        [1, 'a'],
        [2, 'b'],
      ],
      { rowids: [1, 2] },
    );
    const d = diffTable(before, after, { tracking: 'hook', written: new Set([1]) }, 't');
    expect(kinds(d)).toEqual(['updated=', 'unchanged']);
  });

  it('shows INSERT OR REPLACE (same key, new rowid) as a deleted plus an inserted row', () => {
    const before = snap(
      s,
      [
        [1, 'a'],
        [2, 'b'],
      ],
      { rowids: [1, 2] },
    );
    const after = snap(
      s,
      [
        [1, 'a'],
        [2, 'B'],
      ],
      { rowids: [1, 3] },
    );
    const d = diffTable(before, after, { tracking: 'hook', written: new Set() }, 't');
    expect(kinds(d)).toEqual(['unchanged', 'deleted*', 'inserted*']);
    expect(d.counts).toMatchObject({ inserted: 1, deleted: 1, updated: 0, replaced: 1 });
    expect(d.notes.join(' ')).toMatch(/INSERT OR REPLACE/);
  });

  it('pairs a replaced row by a NOT NULL unique key when rows are matched by rowid', () => {
    const uk: UniqueKey = { name: 'u', kind: 'unique', columns: ['k'], predicate: null, hasExpressions: false };
    const r = schema({ cols: [col('k', true), col('v')], keys: [uk], rowid: true });
    const d = diffTable(
      snap(
        r,
        [
          ['x', 1],
          ['y', 2],
        ],
        { rowids: [1, 2] },
      ),
      snap(
        r,
        [
          ['x', 1],
          ['y', 3],
        ],
        { rowids: [1, 3] },
      ),
      { tracking: 'hook', written: new Set() },
      't',
    );
    expect(d.identity.kind).toBe('rowid');
    expect(kinds(d)).toEqual(['unchanged', 'deleted*', 'inserted*']);
  });

  it('matches rows without any key by whole content (multiset) and says why an update is delete + insert', () => {
    const w = schema({ cols: [col('a'), col('b')] });
    const before = snap(w, [
      [1, 'x'],
      [1, 'x'],
      [2, 'y'],
    ]);
    const after = snap(w, [
      [1, 'x'],
      [2, 'z'],
    ]);
    const d = diffTable(before, after, { tracking: 'xmin' }, 't');
    expect(d.identity.kind).toBe('wholeRow');
    expect(d.counts).toMatchObject({ unchanged: 1, deleted: 2, inserted: 1, updated: 0 });
    expect(d.notes.join(' ')).toMatch(/deleted \+ inserted/);
  });

  it('treats values of different types as different and compares blobs by content', () => {
    const before = snap(s, [
      [1, 1],
      [2, { blob: '00ff' }],
      [3, null],
    ]);
    const after = snap(s, [
      [1, '1'],
      [2, { blob: '00ff' }],
      [3, null],
    ]);
    expect(kinds(diffTable(before, after, { tracking: 'none' }, 't'))).toEqual(['updated', 'unchanged', 'unchanged']);
  });

  it('handles composite keys whose parts would collide if simply concatenated', () => {
    const c = schema({ cols: [col('a', true), col('b', true), col('v')], pk: ['a', 'b'] });
    const before = snap(c, [
      ['x|', 'y', 1],
      ['x', '|y', 2],
    ]);
    const after = snap(c, [
      ['x|', 'y', 1],
      ['x', '|y', 3],
    ]);
    expect(kinds(diffTable(before, after, { tracking: 'none' }, 't'))).toEqual(['unchanged', 'updated']);
  });

  it('reports created and dropped tables', () => {
    const created = diffTable(null, snap(s, [[1, 'a']]), { tracking: 'xmin' }, 't');
    expect(created.status).toBe('created');
    expect(created.before).toBeNull();
    expect(kinds(created)).toEqual(['inserted']);
    const dropped = diffTable(
      snap(s, [
        [1, 'a'],
        [2, 'b'],
      ]),
      null,
      { tracking: 'xmin' },
      't',
    );
    expect(dropped.status).toBe('dropped');
    expect(dropped.counts.deleted).toBe(2);
  });

  it('compares by column name when a column was added', () => {
    const s2 = schema({ cols: [col('id', true), col('extra'), col('v')], pk: ['id'] });
    const d = diffTable(snap(s, [[1, 'a']]), snap(s2, [[1, null, 'b']]), { tracking: 'none' }, 't');
    expect(d.changes[0]).toEqual({ change: 'updated', before: 0, after: 0, changed: [2] });
    expect(d.notes.join(' ')).toMatch(/extra/);
  });

  it('diffs 100k rows exactly', () => {
    const n = 100_000;
    const rows = (f: (i: number) => Value[]): Value[][] => Array.from({ length: n }, (_, i) => f(i));
    const before = snap(
      s,
      rows((i) => [i, `v${i}`]),
    );
    const after = snap(
      s,
      rows((i) => [i, i % 2 ? `w${i}` : `v${i}`]),
    );
    const d = diffTable(before, after, { tracking: 'none' }, 't');
    expect(d.counts).toMatchObject({ inserted: 0, updated: n / 2, deleted: 0, unchanged: n / 2 });
  });

  it('stays linear: twice the rows, about twice the row and cell reads (no clock involved)', () => {
    // Every read of a row or a cell is counted through a Proxy: a nested loop over the rows would
    // quadruple the count when the rows double; a sort would add a log factor (about 2.15 here).
    const reads = (n: number): number => {
      let count = 0;
      const counted = (rows: Value[][]): Value[][] => {
        const wrapped = rows.map(
          (row) =>
            new Proxy(row, {
              get(target, prop, receiver) {
                count++;
                return Reflect.get(target, prop, receiver) as unknown;
              },
            }),
        );
        return new Proxy(wrapped, {
          get(target, prop, receiver) {
            count++;
            return Reflect.get(target, prop, receiver) as unknown;
          },
        });
      };
      const rows = (f: (i: number) => Value[]): Value[][] => counted(Array.from({ length: n }, (_, i) => f(i)));
      // A few rows deleted and inserted too, so every path of the diff is taken.
      const before = snap(
        s,
        rows((i) => [i, `v${i}`]),
      );
      const after = snap(
        s,
        rows((i) => [i + 3, i % 2 ? `w${i + 3}` : `v${i + 3}`]),
      );
      count = 0;
      const d = diffTable(before, after, { tracking: 'none' }, 't');
      expect(d.counts.deleted).toBe(3);
      expect(d.counts.inserted).toBe(3);
      return count;
    };
    const small = reads(10_000);
    const large = reads(20_000);
    expect(small).toBeGreaterThan(10_000);
    expect(large / small).toBeLessThan(2.5);
  });
});

describe('returned rows over the row limit', () => {
  it('are cut to the limit with the real count kept', async () => {
    const { capReturnedRows } = await import('../../src/engine/pipeline');
    const rows = Array.from({ length: 12 }, (_, i) => [i]);
    const r = {
      index: 0,
      sql: 'SELECT',
      span: { start: 0, end: 6 },
      kind: 'SELECT',
      columns: ['n'],
      rows,
      rowsAffected: null,
      durationMs: 1,
    };
    const cut = capReturnedRows(r, 10);
    expect(cut.rows).toHaveLength(10);
    expect(cut.totalRows).toBe(12);
    expect(capReturnedRows(r, 12)).toBe(r);
  });
});
