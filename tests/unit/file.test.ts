// Export and import of scenario files: round trips, and a precise message for each bad file.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  exportFileName,
  exportJson,
  exportSql,
  MAX_IMPORT_BYTES,
  parseImport,
  splitSqlExport,
} from '../../src/scenario/file';
import { defaultScenario, type Scenario } from '../../src/scenario/scenario';

const utf8 = (s: string) => new TextEncoder().encode(s);
const current = defaultScenario();
const fail = (name: string, content: Uint8Array | string) => {
  const r = parseImport(name, content, current);
  if (r.ok) throw new Error('expected a failure');
  return r.message;
};
const sample: Scenario = {
  dialect: 'postgres',
  sqlite: {
    setup: 'CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT);\n',
    statement: "INSERT INTO t VALUES (1, 'x') ON CONFLICT DO NOTHING;\n",
  },
  postgres: {
    setup: 'CREATE TABLE t(a int PRIMARY KEY, b text);\n',
    statement: "MERGE INTO t USING (VALUES (1, 'y')) v(a, b) ON t.a = v.a\nWHEN MATCHED THEN UPDATE SET b = v.b;\n",
  },
  title: 'Merge vs upsert — ünïcode 😀',
  notes: 'Line one\nLine two | with a pipe',
  compare: true,
};

describe('exportJson / parseImport (.json)', () => {
  it('writes the documented wrapper', () => {
    const obj = JSON.parse(exportJson(sample)) as Record<string, unknown>;
    expect(obj.format).toBe('upsert-playground');
    expect(obj.version).toBe(1);
    expect(obj.scenario).toEqual(sample);
    expect(exportJson(sample).endsWith('}\n')).toBe(true);
  });

  it('export then import reproduces the scenario, from bytes or from text', () => {
    expect(parseImport('a.json', utf8(exportJson(sample)), current)).toMatchObject({
      ok: true,
      kind: 'json',
      scenario: sample,
    });
    expect(parseImport('a.json', exportJson(sample), current)).toMatchObject({ ok: true, scenario: sample });
  });

  it('round-trips arbitrary text, including lone surrogates and control characters', () => {
    const anyText = fc.string({
      unit: fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)),
      maxLength: 300,
    });
    fc.assert(
      fc.property(
        anyText,
        anyText,
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 50 }),
        (setup, statement, notes) => {
          const s: Scenario = {
            dialect: 'sqlite',
            sqlite: { setup, statement },
            postgres: { setup: statement, statement: setup },
            notes,
          };
          expect(parseImport('x.json', utf8(exportJson(s)), current)).toMatchObject({ ok: true, scenario: s });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('accepts a UTF-8 BOM, a UTF-16 file with BOM, and a bare scenario object', () => {
    expect(parseImport('a.json', utf8('\uFEFF' + exportJson(sample)), current).ok).toBe(true);
    const text = exportJson(sample);
    const le = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      le[2 + 2 * i] = text.charCodeAt(i) & 0xff;
      le[3 + 2 * i] = text.charCodeAt(i) >> 8;
    }
    expect(parseImport('win.json', le, current)).toMatchObject({ ok: true, scenario: sample });
    expect(
      parseImport('bare.json', JSON.stringify({ dialect: 'sqlite', sqlite: { setup: 'a', statement: 'b' } }), current),
    ).toMatchObject({
      ok: true,
      scenario: { dialect: 'sqlite', sqlite: { setup: 'a', statement: 'b' }, postgres: { setup: 'a', statement: 'b' } },
    });
  });

  it('names what is wrong with a bad JSON file', () => {
    expect(fail('a.json', '{"format": "upsert-playground", ')).toMatch(
      /^"a\.json" does not contain valid JSON \(.+\)\.$/,
    );
    expect(fail('a.json', '[1,2]')).toBe('"a.json" is not a scenario: it contains a list, not an object.');
    expect(fail('a.json', '{"name": "x"}')).toMatch(
      /JSON, but not an Upsert Playground scenario: it has neither "format"/,
    );
    expect(fail('a.json', '{"format": "other-tool", "version": 1}')).toMatch(
      /its "format" is "other-tool", not "upsert-playground"/,
    );
    expect(fail('a.json', '{"format": "upsert-playground", "scenario": {}}')).toMatch(/has no "version"/);
    expect(fail('a.json', '{"format": "upsert-playground", "version": "1"}')).toMatch(/an invalid "version" \("1"\)/);
    expect(fail('a.json', '{"format": "upsert-playground", "version": 1}')).toBe('"a.json" has no "scenario" field.');
    expect(
      fail(
        'a.json',
        '{"format": "upsert-playground", "version": 1, "scenario": {"dialect": "sqlite", "sqlite": {"setup": 1, "statement": "x"}}}',
      ),
    ).toBe('The scenario in "a.json" is not valid: "sqlite.setup" should be text, not a number.');
    expect(
      fail(
        'a.json',
        '{"format": "upsert-playground", "version": 1, "scenario": {"dialect": "postgres", "postgres": {"setup": "x"}}}',
      ),
    ).toMatch(/"postgres\.statement" is missing/);
  });

  it('refuses a file from a newer version', () => {
    expect(fail('new.json', '{"format": "upsert-playground", "version": 2, "scenario": {}}')).toMatch(
      /^"new\.json" was made by a newer version of Upsert Playground \(file format version 2; this version reads up to 1\)/,
    );
  });

  it('refuses files over 1 MB, binary files and invalid UTF-8', () => {
    expect(fail('big.json', new Uint8Array(MAX_IMPORT_BYTES + 1))).toBe(
      '"big.json" is too large to import: 1,000,001 bytes; the limit is 1 MB.',
    );
    expect(fail('big.sql', 'x'.repeat(MAX_IMPORT_BYTES + 1))).toMatch(/too large/);
    expect(fail('db.json', utf8('SQLite format 3\u0000rest'))).toMatch(
      /not a text file \(it looks like a SQLite database file\)/,
    );
    expect(fail('img.sql', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toMatch(
      /looks like a PNG image/,
    );
    expect(fail('x.sql', new Uint8Array([0x41, 0x00, 0x42]))).toMatch(/looks like binary data/);
    expect(fail('latin1.sql', new Uint8Array([0x53, 0x45, 0x4c, 0xe9, 0x20]))).toBe(
      '"latin1.sql" is not UTF-8 text: save it as UTF-8 and import it again.',
    );
  });

  it('refuses unknown extensions, and sniffs .txt and extension-less files', () => {
    expect(fail('data.csv', 'a,b')).toBe(
      '"data.csv" cannot be imported: Upsert Playground imports .json scenario files and .sql scripts, not .csv files. To load its rows into a table, use "Load a CSV file" in the Form.',
    );
    expect(parseImport('notes.txt', exportJson(sample), current)).toMatchObject({ ok: true, kind: 'json' });
    expect(parseImport('schema', 'CREATE TABLE x(a);', current)).toMatchObject({ ok: true, kind: 'sql' });
  });
});

describe('exportSql / parseImport (.sql)', () => {
  it('writes a header naming title, dialect and notes, then the two marked parts', () => {
    const sql = exportSql(sample);
    expect(sql).toBe(
      [
        '-- Upsert Playground scenario',
        '-- Title: Merge vs upsert — ünïcode 😀',
        '-- Dialect: PostgreSQL',
        '-- Notes:',
        '--   Line one',
        '--   Line two | with a pipe',
        '-- Importing this file into Upsert Playground restores the setup and the statement below.',
        '',
        '-- ===== Setup =====',
        'CREATE TABLE t(a int PRIMARY KEY, b text);',
        '',
        '-- ===== Statement =====',
        "MERGE INTO t USING (VALUES (1, 'y')) v(a, b) ON t.a = v.a",
        'WHEN MATCHED THEN UPDATE SET b = v.b;',
        '',
      ].join('\n'),
    );
  });

  it('a plain .sql file becomes the setup of the current dialect', () => {
    const r = parseImport('schema.sql', utf8('CREATE TABLE a(x);\r\nINSERT INTO a VALUES (1);\r\n'), current);
    expect(r).toEqual({
      ok: true,
      kind: 'sql',
      scenario: {
        ...current,
        sqlite: { setup: 'CREATE TABLE a(x);\nINSERT INTO a VALUES (1);\n', statement: current.sqlite.statement },
        origin: { ...current.origin!, sqlite: 'edited' },
      },
      note: 'Imported "schema.sql" as the SQLite setup (it ends with no INSERT … ON CONFLICT, REPLACE or MERGE); the statement is unchanged.',
    });
  });

  it('a plain .sql file ending in upserts: schema and data to Setup, the upserts to Statement', () => {
    const text = [
      'CREATE TABLE t (k text PRIMARY KEY, n int);',
      "INSERT INTO t VALUES ('a;', 1); -- a ; in a string and here",
      '',
      '-- The upserts:',
      "INSERT INTO t VALUES ('a', 2) ON CONFLICT (k) DO UPDATE SET n = excluded.n;",
      "INSERT OR REPLACE INTO t VALUES ('b', 3);",
      '',
    ].join('\n');
    const r = parseImport('dump.sql', utf8(text), current);
    expect(r.ok && r.scenario.sqlite).toEqual({
      setup:
        "CREATE TABLE t (k text PRIMARY KEY, n int);\nINSERT INTO t VALUES ('a;', 1); -- a ; in a string and here\n",
      statement:
        "-- The upserts:\nINSERT INTO t VALUES ('a', 2) ON CONFLICT (k) DO UPDATE SET n = excluded.n;\nINSERT OR REPLACE INTO t VALUES ('b', 3);\n",
    });
    expect(r.ok && r.note).toBe(
      'Imported "dump.sql" (SQLite): 2 statements of schema and data went to Setup, the 2 statements at its end (upserts) to Statement.',
    );
  });

  it('keeps carriage returns in a file with mixed line endings', () => {
    const r = parseImport('mixed.sql', "SELECT 'a\r\nb';\nSELECT 1;\n", current);
    expect(r.ok && r.scenario.sqlite.setup).toBe("SELECT 'a\r\nb';\nSELECT 1;\n");
  });

  it('an exported .sql file gets its setup and statement back, in its dialect', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 200 }),
        fc.string({ maxLength: 200 }),
        fc.constantFrom('sqlite' as const, 'postgres' as const),
        (setup, statement, dialect) => {
          const s: Scenario = { ...current, dialect, [dialect]: { setup, statement } };
          const r = parseImport('x.sql', utf8(exportSql(s)), {
            ...current,
            dialect: dialect === 'sqlite' ? 'postgres' : 'sqlite',
          });
          expect(r.ok).toBe(true);
          if (r.ok) {
            expect(r.scenario.dialect).toBe(dialect);
            expect(r.scenario[dialect]).toEqual({ setup, statement });
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('splitSqlExport needs both markers', () => {
    expect(splitSqlExport('-- ===== Setup =====\nCREATE TABLE t(a);\n')).toBeNull();
    expect(splitSqlExport('SELECT 1;\n-- ===== Statement =====\nSELECT 2;')).toBeNull();
    expect(splitSqlExport('-- ===== Setup =====\n-- ===== Statement =====\nSELECT 2;')).toEqual({
      setup: '',
      statement: 'SELECT 2;',
    });
  });
});

describe('exportFileName', () => {
  it('derives a safe name from the title', () => {
    expect(exportFileName(sample, 'json')).toBe('merge-vs-upsert-unicode.json');
    expect(exportFileName(sample, 'sql')).toBe('merge-vs-upsert-unicode.postgres.sql');
    expect(exportFileName(defaultScenario(), 'sql')).toBe('upsert-scenario.sqlite.sql');
    expect(exportFileName({ ...sample, title: '😀 / ..' }, 'json')).toBe('upsert-scenario.json');
  });
});
