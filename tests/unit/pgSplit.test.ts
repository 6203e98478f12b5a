import { describe, expect, it } from 'vitest';
import { splitPostgres, splitSqlite } from '../../src/engine/pgSplit';
import { codePointOffset, copiesFromStdin, lineColumn, statementKind, trimStatement } from '../../src/engine/sqlText';

const texts = (script: string, split = splitPostgres): string[] =>
  split(script).map((s) => script.slice(s.start, s.end));

describe('splitPostgres', () => {
  it('splits on semicolons and trims whitespace', () => {
    expect(texts('  SELECT 1 ;\n\nSELECT 2;  ')).toEqual(['SELECT 1', 'SELECT 2']);
    expect(texts('SELECT 1')).toEqual(['SELECT 1']);
  });

  it('returns exact spans of the script', () => {
    const script = 'SELECT 1;\n  INSERT INTO t VALUES (1);';
    expect(splitPostgres(script)).toEqual([
      { start: 0, end: 8 },
      { start: 12, end: 36 },
    ]);
  });

  it('drops empty and comment-only statements and trims surrounding comments', () => {
    expect(texts(';;  -- only a comment\n; /* block */ ;')).toEqual([]);
    expect(texts('-- lead\nSELECT 1 -- trail\n; /* c */ SELECT 2 /* d */;')).toEqual(['SELECT 1', 'SELECT 2']);
  });

  it('keeps semicolons inside single-quoted strings with doubled quotes', () => {
    expect(texts("SELECT 'a;b''c;'; SELECT 2")).toEqual(["SELECT 'a;b''c;'", 'SELECT 2']);
  });

  it('keeps semicolons inside E strings with backslash escapes', () => {
    expect(texts("SELECT E'it\\'s; ok\\\\'; SELECT 2")).toEqual(["SELECT E'it\\'s; ok\\\\'", 'SELECT 2']);
    // Without the E prefix a backslash is an ordinary character: the string ends at the quote.
    expect(texts("SELECT 'a\\'; SELECT 2")).toEqual(["SELECT 'a\\'", 'SELECT 2']);
  });

  it('does not mistake an identifier ending in e for an E string', () => {
    expect(texts("SELECT name'x;y'; SELECT 2")).toEqual(["SELECT name'x;y'", 'SELECT 2']);
  });

  it('keeps semicolons inside quoted identifiers with doubled quotes', () => {
    expect(texts('SELECT 1 AS "a;""b"; SELECT 2')).toEqual(['SELECT 1 AS "a;""b"', 'SELECT 2']);
  });

  it('keeps semicolons inside dollar quotes, tagged or not', () => {
    const fn = `CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END $$`;
    expect(texts(`${fn}; SELECT f()`)).toEqual([fn, 'SELECT f()']);
    const tagged = `DO $body$ BEGIN RAISE NOTICE '$$;'; END $body$`;
    expect(texts(`${tagged};SELECT 1`)).toEqual([tagged, 'SELECT 1']);
  });

  it('treats $1 as a parameter and a$b as an identifier, not dollar quotes', () => {
    expect(texts('SELECT $1; SELECT a$b$; SELECT 3')).toEqual(['SELECT $1', 'SELECT a$b$', 'SELECT 3']);
  });

  it('handles -- comments and nested /* */ comments containing semicolons', () => {
    expect(texts('SELECT 1 -- a;b\n; SELECT /* x; /* y; */ z; */ 2')).toEqual([
      'SELECT 1',
      'SELECT /* x; /* y; */ z; */ 2',
    ]);
  });

  it('does not split inside parentheses (as psql)', () => {
    expect(texts('SELECT (1; 2); SELECT 3')).toEqual(['SELECT (1; 2)', 'SELECT 3']);
  });

  it('keeps a BEGIN ATOMIC … END body (with CASE … END inside) as one statement', () => {
    const fn = `CREATE OR REPLACE FUNCTION g(x int) RETURNS int LANGUAGE sql
BEGIN ATOMIC
  SELECT CASE WHEN x > 0 THEN 1 ELSE 0 END;
  SELECT x + 1;
END`;
    expect(texts(`${fn};\nSELECT g(1);`)).toEqual([fn, 'SELECT g(1)']);
    // A transaction BEGIN is an ordinary statement.
    expect(texts('BEGIN; UPDATE t SET a = 1; END;')).toEqual(['BEGIN', 'UPDATE t SET a = 1', 'END']);
  });

  it('runs an unterminated string to the end of the script', () => {
    expect(texts("SELECT 'abc; SELECT 2")).toEqual(["SELECT 'abc; SELECT 2"]);
  });

  it('counts spans in UTF-16 units', () => {
    const script = "SELECT '😀;é'; SELECT 2";
    expect(texts(script)).toEqual(["SELECT '😀;é'", 'SELECT 2']);
  });
});

describe('splitSqlite', () => {
  it('knows backticks and brackets but not dollar quotes or E strings', () => {
    expect(texts('SELECT `a;b`, [c;d]; SELECT 2', splitSqlite)).toEqual(['SELECT `a;b`, [c;d]', 'SELECT 2']);
    expect(texts("SELECT $a; SELECT 'x\\'; SELECT 3", splitSqlite)).toEqual(['SELECT $a', "SELECT 'x\\'", 'SELECT 3']);
  });

  it('keeps a trigger body together until END;', () => {
    const trg =
      'CREATE TEMP TRIGGER tr AFTER INSERT ON t BEGIN INSERT INTO log VALUES (1); UPDATE c SET n = n + 1; END';
    expect(texts(`${trg}; INSERT INTO t VALUES (1);`, splitSqlite)).toEqual([trg, 'INSERT INTO t VALUES (1)']);
  });

  it('does not nest block comments', () => {
    expect(texts('SELECT /* a /* b */ 1; SELECT 2', splitSqlite)).toEqual(['SELECT /* a /* b */ 1', 'SELECT 2']);
  });
});

describe('statementKind', () => {
  it('names statements by their leading keywords', () => {
    expect(statementKind('insert into t values (1)', 'postgres')).toBe('INSERT');
    expect(statementKind('-- c\n  create unique index i on t(a)', 'postgres')).toBe('CREATE UNIQUE INDEX');
    expect(statementKind('CREATE OR REPLACE TEMP VIEW v AS SELECT 1', 'postgres')).toBe('CREATE OR REPLACE TEMP VIEW');
    expect(statementKind('INSERT OR REPLACE INTO t VALUES (1)', 'sqlite')).toBe('INSERT OR REPLACE');
    expect(statementKind('WITH s AS (SELECT 1) INSERT INTO t SELECT * FROM s', 'postgres')).toBe('INSERT');
    expect(
      statementKind('WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT * FROM r', 'postgres'),
    ).toBe('SELECT');
    expect(statementKind('MERGE INTO t USING s ON true WHEN MATCHED THEN DELETE', 'postgres')).toBe('MERGE');
  });
});

describe('copiesFromStdin', () => {
  it('spots COPY … FROM STDIN, not strings or queries that mention it', () => {
    expect(copiesFromStdin('copy t (a, b) from stdin with (format csv)')).toBe(true);
    expect(copiesFromStdin('COPY t TO STDOUT')).toBe(false);
    expect(copiesFromStdin("COPY (SELECT 'FROM STDIN') TO STDOUT")).toBe(false);
    expect(copiesFromStdin('SELECT 1 FROM stdin')).toBe(false);
  });
});

describe('offsets', () => {
  it('gives 1-based line and column', () => {
    expect(lineColumn('ab\ncd\nef', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn('ab\ncd\nef', 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumn('ab\ncd\nef', 6)).toEqual({ line: 3, column: 1 });
  });

  it('converts Postgres character positions to UTF-16 offsets', () => {
    const s = "x; SELECT '😀' || nope";
    // Postgres reports "nope" at character 15 of the statement (1-based), counting 😀 as one.
    const off = codePointOffset(s, 3, 15 - 1);
    expect(s.slice(off, off + 4)).toBe('nope');
  });

  it('trims a raw statement to its significant text', () => {
    const s = '  -- c\n ;SELECT 1 /* x */ ;  ';
    const span = trimStatement(s, { start: 0, end: s.length }, 'sqlite')!;
    expect(s.slice(span.start, span.end)).toBe('SELECT 1');
    expect(trimStatement('-- only\n', { start: 0, end: 8 }, 'sqlite')).toBeNull();
    const t = "SELECT '--' AS a -- trailing\n;";
    const s2 = trimStatement(t, { start: 0, end: t.length }, 'postgres')!;
    expect(t.slice(s2.start, s2.end)).toBe("SELECT '--' AS a");
    const u = "SELECT '--x'\n;";
    const s3 = trimStatement(u, { start: 0, end: u.length }, 'postgres')!;
    expect(u.slice(s3.start, s3.end)).toBe("SELECT '--x'");
  });
});

describe('splitPostgres (property)', async () => {
  const fc = await import('fast-check');
  // Pieces that may contain semicolons without ending a statement.
  const piece = fc.oneof(
    fc.constantFrom('SELECT', 'x', '1', '(a; b)', '$1', 'a$b'),
    fc.string({ unit: fc.constantFrom('a', ';', "''", ' ', '\\') }).map((s) => `'${s}'`),
    fc.string({ unit: fc.constantFrom('a', ';', "\\'", ' ', '\\\\') }).map((s) => `E'${s}'`),
    fc.string({ unit: fc.constantFrom('a', ';', '""', ' ') }).map((s) => `"${s}"`),
    fc.string({ unit: fc.constantFrom('a', ';', '$', ' ', "'") }).map((s) => `$q$${s}$q$`),
    fc.string({ unit: fc.constantFrom('a', ';', ' ', "'") }).map((s) => `/* ${s} /* ${s} */ */`),
  );
  // Ends with a word: trailing comments are trimmed from spans by design.
  const statement = fc.array(piece, { minLength: 1, maxLength: 6 }).map((p) => `SELECT ${p.join(' ')} end_`);
  it('recovers the statements of any script joined with semicolons, comments and blank lines', () => {
    fc.assert(
      fc.property(
        fc.array(statement, { minLength: 1, maxLength: 5 }),
        fc.constantFrom(';', ';\n', ' ;\n-- note; here\n'),
        (stmts, sep) => {
          const script = stmts.join(sep) + sep;
          expect(texts(script)).toEqual(stmts);
        },
      ),
    );
  });
});
