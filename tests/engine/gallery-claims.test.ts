// Claims the gallery's explanations make beyond what an example's own run shows ("without the
// WHERE…", "swap the clauses and…", "SQLite has no xmax…"), each checked on the engine it names
// by running a variant of the example.
import { describe, expect, it } from 'vitest';
import { useEngines } from '../support/engines';
import type { Dialect, RunResult, TableDiff, Value } from '../../src/engine/types';
import { checkRun } from '../../src/gallery/check';
import { findExample } from '../../src/gallery/gallery';
import type { DialectVariant } from '../../src/gallery/types';

const engines = useEngines();

function variant(id: string, d: Dialect): DialectVariant {
  const v = findExample(id)?.dialects[d];
  if (!v) throw new Error(`no ${d} variant of ${id}`);
  return v;
}

/** Replace text that must be there (so a changed example cannot make the variant a no-op). */
function edit(sql: string, from: string | RegExp, to: string): string {
  const out = sql.replace(from, to);
  if (out === sql) throw new Error(`"${String(from)}" not found in:\n${sql}`);
  return out;
}

async function run(d: Dialect, setup: string, statement: string): Promise<RunResult> {
  const r = await engines[d].run({ setup, statement });
  expect(r.setup.filter((s) => s.error).map((s) => s.error?.message)).toEqual([]);
  return r;
}

function table(r: RunResult, name: string): TableDiff {
  const t = r.tables.find((x) => x.name === name);
  if (!t?.after) throw new Error(`no table ${name}`);
  return t;
}

/** The After row whose column `col` is `value`, as an object. */
function rowWhere(r: RunResult, name: string, col: string, value: Value): Record<string, Value> | undefined {
  const t = table(r, name);
  const cols = t.after!.columns;
  const row = t.after!.rows.find((x) => x[cols.indexOf(col)] === value);
  return row ? Object.fromEntries(cols.map((c, i) => [c, row[i] ?? null])) : undefined;
}

const BOTH = ['sqlite', 'postgres'] as const;

describe('conditional-skip-unchanged', () => {
  for (const d of BOTH) {
    const v = variant('conditional-skip-unchanged', d);
    it(`${d}: without the WHERE, Ada is written with the same values (marked updated, same values)`, async () => {
      const r = await run(d, v.setup, edit(v.statement, /\nWHERE [^\n]+/, ''));
      const errs = checkRun(r, {
        statements: [{ index: 0, rowsAffected: 3 }],
        tables: {
          users: {
            columns: ['email'],
            rows: [['ada@example.com'], ['grace@example.com'], ['linus@example.com']],
            counts: { updated: 3, sameValues: 1 },
            marks: [{ key: { email: 'ada@example.com' }, change: 'updated', sameValues: true }],
          },
        },
      });
      expect(errs).toEqual([]);
    });

    it(`${d}: with <> instead, Linus (stored age NULL) is skipped and keeps NULL`, async () => {
      const op = d === 'sqlite' ? 'IS NOT' : 'IS DISTINCT FROM';
      const r = await run(d, v.setup, edit(v.statement, op, '<>'));
      expect(rowWhere(r, 'users', 'email', 'linus@example.com')?.age).toBeNull();
      expect(r.statements[0]?.rowsAffected).toBe(1);
    });
  }

  it('sqlite: IS DISTINCT FROM means the same as IS NOT', async () => {
    const v = variant('conditional-skip-unchanged', 'sqlite');
    const r = await run('sqlite', v.setup, edit(v.statement, 'IS NOT', 'IS DISTINCT FROM'));
    expect(checkRun(r, v.expect)).toEqual([]);
  });
});

describe('conditional-last-write-wins', () => {
  for (const d of BOTH) {
    it(`${d}: an updated_at timestamp works the same way as a version number`, async () => {
      const ts = d === 'sqlite' ? 'TEXT' : 'timestamptz';
      const setup = `CREATE TABLE documents (id integer PRIMARY KEY, title text NOT NULL, updated_at ${ts} NOT NULL);
INSERT INTO documents VALUES (1, 'Draft plan', '2024-05-01 10:00:00'), (2, 'Budget 2025', '2024-05-03 10:00:00');`;
      const r = await run(
        d,
        setup,
        `INSERT INTO documents (id, title, updated_at) VALUES
  (1, 'Final plan', '2024-05-02 09:00:00'), (2, 'Budget', '2024-05-02 09:00:00')
ON CONFLICT (id) DO UPDATE SET title = excluded.title, updated_at = excluded.updated_at
WHERE excluded.updated_at > documents.updated_at
RETURNING id, title;`,
      );
      expect(r.statements[0]?.rows).toEqual([[1, 'Final plan']]);
      expect(r.statements[0]?.rowsAffected).toBe(1);
    });
  }
});

describe('inventory-accumulation', () => {
  for (const d of BOTH) {
    it(`${d}: stock = excluded.stock would overwrite the stock with 50`, async () => {
      const v = variant('inventory-accumulation', d);
      const r = await run(d, v.setup, edit(v.statement, 'products.stock + excluded.stock', 'excluded.stock'));
      expect(rowWhere(r, 'products', 'sku', 'IPHONE15')?.stock).toBe(50);
    });
  }
});

describe('login-counter-returning', () => {
  const v = variant('login-counter-returning', 'sqlite');
  for (const col of ['xmax', 'old.login_count', 'new.login_count', 'excluded.login_count']) {
    it(`sqlite: RETURNING ${col} is a "no such column" error`, async () => {
      const r = await run('sqlite', v.setup, edit(v.statement, 'login_count = 1 AS inserted', col));
      expect(r.ok).toBe(false);
      expect(r.error?.message).toContain(`no such column: ${col}`);
    });
  }

  it('sqlite: a stored count of 0 (the DEFAULT) updated to 1 is flagged as inserted; CHECK (login_count >= 1) rules that row out', async () => {
    const setup = v.setup + "\nINSERT INTO users (email, name) VALUES ('linus@example.com', 'Linus');\n";
    const r = await run('sqlite', setup, v.statement);
    expect(r.statements[0]?.rows).toContainEqual(['linus@example.com', 1, 1]);
    const t = table(r, 'users');
    const linus = t.changes.find((c) => c.after !== undefined && t.after!.rows[c.after]![1] === 'linus@example.com');
    expect(linus?.change).toBe('updated');
    const checked = edit(
      v.setup,
      /login_count INTEGER NOT NULL DEFAULT 0/,
      'login_count INTEGER NOT NULL DEFAULT 0 CHECK (login_count >= 1)',
    );
    const bad = await engines.sqlite.run({
      setup: edit(checked, /\('ada@example.com',\s*'Ada',\s*36, 3\)/, "('ada@example.com', 'Ada', 36, 0)"),
      statement: '',
    });
    expect(bad.error?.message).toContain('CHECK constraint failed');
  });

  it('postgres: the updated row version has xmax = the current transaction, the inserted one 0', async () => {
    const p = variant('login-counter-returning', 'postgres');
    const r = await run(
      'postgres',
      p.setup,
      edit(
        p.statement,
        /RETURNING[\s\S]*;/,
        'RETURNING email, xmax::text = pg_current_xact_id()::text AS mine, xmax::text AS xmax;',
      ),
    );
    expect(r.statements[0]?.rows).toContainEqual(['ada@example.com', true, expect.stringMatching(/^[1-9]\d*$/)]);
    expect(r.statements[0]?.rows).toContainEqual(['linus@example.com', false, '0']);
  });
});

describe('timestamps-updated-at', () => {
  it('sqlite: CURRENT_TIMESTAMP is the current UTC time; datetime(now) has the same format; text compares in time order', async () => {
    const v = variant('timestamps-updated-at', 'sqlite');
    const statement = edit(
      v.statement,
      /-- The spelling[\s\S]*$/,
      "SELECT datetime('now') AS dt;\nSELECT email FROM users WHERE updated_at > '2024-06-01' ORDER BY email;\n",
    );
    // The stamp must fall within the run (whole seconds), whatever the machine's own time zone.
    const started = Math.floor(Date.now() / 1000) * 1000;
    const r = await run('sqlite', v.setup, statement);
    const ended = Date.now();
    expect(r.ok).toBe(true);
    const ada = r.statements[0]?.rows.find((x) => x[0] === 'ada@example.com');
    const stamp = ada?.[2];
    if (typeof stamp !== 'string') throw new Error(`expected a text timestamp, got ${typeof stamp}`);
    const utc = Date.parse(stamp.replace(' ', 'T') + 'Z');
    expect(utc).toBeGreaterThanOrEqual(started);
    expect(utc).toBeLessThanOrEqual(ended);
    expect(r.statements[1]?.rows[0]?.[0]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(r.statements[2]?.rows).toEqual([['ada@example.com'], ['linus@example.com']]);
  });

  it('postgres: one statement, one instant; the session time zone is UTC', async () => {
    const v = variant('timestamps-updated-at', 'postgres');
    const r = await run('postgres', v.setup, v.statement + '\nSHOW TimeZone;\n');
    const rows = r.statements[0]!.rows;
    const ada = rows.find((x) => x[0] === 'ada@example.com')!;
    const linus = rows.find((x) => x[0] === 'linus@example.com')!;
    expect(linus[1]).toBe(ada[2]);
    expect(linus[2]).toBe(ada[2]);
    expect(ada[2]).toMatch(/\.\d{1,6}\+00$|:\d{2}\+00$/);
    expect(r.statements[2]?.rows).toEqual([['UTC']]);
  });

  it('postgres: the clock PGlite reads ticks in milliseconds (at most three decimals)', async () => {
    const r = await run('postgres', '', 'SELECT clock_timestamp()::text FROM generate_series(1, 200);');
    const stamps = r.statements[0]!.rows.map((x) => String(x[0] as string));
    expect(stamps).toHaveLength(200);
    for (const s of stamps) expect(s).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,3})?\+00$/);
  });
});

describe('sqlite-several-on-conflict-clauses', () => {
  const v = variant('sqlite-several-on-conflict-clauses', 'sqlite');
  const second = v.statement.slice(v.statement.indexOf('-- Both keys conflict'));

  it("swapping the clauses gives the name to Ada's row instead", async () => {
    const swapped = second.replace(/(ON CONFLICT \(email\)[^\n]*\n)(ON CONFLICT \(id\)[^\n]*\n)/, '$2$1');
    expect(swapped).not.toBe(second);
    const r = await run('sqlite', v.setup, swapped);
    expect(r.statements[0]?.rows).toEqual([[1, 'ada@example.com', 'G. Hopper (matched by id)']]);
  });

  it('only the last clause may omit its target', async () => {
    const ok = await run(
      'sqlite',
      v.setup,
      "INSERT INTO users (id, email, name) VALUES (1, 'x@example.com', 'X')\nON CONFLICT (email) DO NOTHING\nON CONFLICT DO UPDATE SET name = excluded.name\nRETURNING id, name;",
    );
    expect(ok.statements[0]?.rows).toEqual([[1, 'X']]);
    const bad = await run(
      'sqlite',
      v.setup,
      "INSERT INTO users (id, email, name) VALUES (1, 'x@example.com', 'X')\nON CONFLICT DO NOTHING\nON CONFLICT (email) DO UPDATE SET name = excluded.name;",
    );
    expect(bad.error?.message).toContain('syntax error');
  });
});

describe('orm-merge-by-primary-key', () => {
  for (const d of BOTH) {
    it(`${d}: two sessions merging the same new id: the second INSERT fails on the primary key`, async () => {
      const v = variant('orm-merge-by-primary-key', d);
      const sel = 'SELECT id FROM students WHERE id = 4;\n';
      const ins = "INSERT INTO students (id, name) VALUES (4, 'Alan');\n";
      const r = await run(d, v.setup, sel + sel + ins + ins);
      expect(r.statements[0]?.rows).toEqual([]);
      expect(r.statements[1]?.rows).toEqual([]);
      expect(r.error?.statementIndex).toBe(3);
      expect(r.error?.message).toContain(d === 'sqlite' ? 'UNIQUE constraint failed: students.id' : 'students_pkey');
    });
  }
});

describe('partial-update-not-null', () => {
  for (const d of BOTH) {
    it(`${d}: an empty name mapped back with NULLIF keeps the stored name`, async () => {
      const v = variant('partial-update-not-null', d);
      let statement = edit(v.statement, "VALUES ('ada@example.com', NULL, 37)", "VALUES ('ada@example.com', '', 37)");
      statement = edit(
        statement,
        'COALESCE(excluded.name, users.name)',
        "COALESCE(NULLIF(excluded.name, ''), users.name)",
      );
      const r = await run(d, v.setup, statement);
      expect(r.ok).toBe(true);
      expect(rowWhere(r, 'users', 'email', 'ada@example.com')).toMatchObject({ name: 'Ada', age: 37 });
    });
  }
});

describe('defaults-and-generated-columns', () => {
  for (const d of BOTH) {
    it(`${d}: SET status = users.status keeps the stored value`, async () => {
      const v = variant('defaults-and-generated-columns', d);
      const r = await run(d, v.setup, edit(v.statement, 'status    = excluded.status', 'status    = users.status'));
      expect(rowWhere(r, 'users', 'email', 'ada@example.com')?.status).toBe('suspended');
    });
  }
});

describe('sqlite-insert-or-ignore', () => {
  it('OR IGNORE skips a CHECK or PRIMARY KEY violation silently, but not a foreign key violation', async () => {
    const setup = `PRAGMA foreign_keys = ON;
CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER CHECK (n >= 0));
CREATE TABLE c (id INTEGER PRIMARY KEY, t_id INTEGER REFERENCES t (id));
INSERT INTO t VALUES (1, 5);`;
    const r = await run(
      'sqlite',
      setup,
      'INSERT OR IGNORE INTO t VALUES (2, -1), (1, 7), (3, 1);\nINSERT OR IGNORE INTO c VALUES (1, 99);',
    );
    expect(r.statements[0]?.rowsAffected).toBe(1);
    expect(r.error?.message).toContain('FOREIGN KEY constraint failed');
    expect(r.error?.statementIndex).toBe(1);
  });
});

describe('postgres-merge', () => {
  it('the ON condition needs no unique index', async () => {
    const r = await run(
      'postgres',
      "CREATE TABLE notes (email text, body text);\nINSERT INTO notes VALUES ('ada@example.com', 'old');",
      "MERGE INTO notes AS n USING (VALUES ('ada@example.com', 'new'), ('linus@example.com', 'hi')) AS s (email, body)\nON n.email = s.email\nWHEN MATCHED THEN UPDATE SET body = s.body\nWHEN NOT MATCHED THEN INSERT VALUES (s.email, s.body)\nRETURNING merge_action(), n.email, n.body;",
    );
    expect(r.ok).toBe(true);
    expect(r.statements[0]?.rows).toEqual(
      expect.arrayContaining([
        ['UPDATE', 'ada@example.com', 'new'],
        ['INSERT', 'linus@example.com', 'hi'],
      ]),
    );
  });
});

describe('do-nothing-returning-existing', () => {
  for (const d of BOTH) {
    it(`${d}: DO UPDATE SET email = excluded.email returns the stored row but writes it (same values)`, async () => {
      const v = variant('do-nothing-returning-existing', d);
      const first = v.statement.slice(0, v.statement.indexOf(';') + 1);
      const r = await run(
        d,
        v.setup,
        edit(first, '(email) DO NOTHING', '(email) DO UPDATE SET email = excluded.email'),
      );
      const errs = checkRun(r, {
        statements: [{ index: 0, rowsAffected: 1, rows: [[1, 'ada@example.com', 'Ada']] }],
        tables: {
          users: {
            columns: ['email', 'name'],
            rows: [
              ['ada@example.com', 'Ada'],
              ['grace@example.com', 'Grace'],
            ],
            counts: { updated: 1, sameValues: 1 },
            marks: [{ key: { email: 'ada@example.com' }, change: 'updated', sameValues: true }],
          },
        },
      });
      expect(errs).toEqual([]);
    });
  }
});

describe('generated-ids-gaps', () => {
  const currval = "SELECT currval(pg_get_serial_sequence('users', 'id'));\n";

  it('postgres: the skipped row used up 3, the updated row 4', async () => {
    const v = variant('generated-ids-gaps', 'postgres');
    let statement = edit(v.statement, '-- Grace exists', `${currval}-- Grace exists`);
    statement = edit(statement, '-- Linus is new', `${currval}-- Linus is new`);
    const r = await run('postgres', v.setup, statement);
    expect(r.ok).toBe(true);
    expect(r.statements[1]?.rows).toEqual([[3]]);
    expect(r.statements[3]?.rows).toEqual([[4]]);
    expect(r.statements[4]?.rows).toEqual([[5]]);
  });

  it('sqlite: without AUTOINCREMENT, deleting the row with the largest id frees that id for the next insert', async () => {
    const v = variant('generated-ids-gaps', 'sqlite');
    const r = await run(
      'sqlite',
      v.setup,
      "DELETE FROM users WHERE id = 2;\nINSERT INTO users (email, name) VALUES ('x@example.com', 'X') RETURNING id;",
    );
    expect(r.statements[1]?.rows).toEqual([[2]]);
  });

  it('sqlite: with AUTOINCREMENT, the conflicting rows spend ids (Linus gets 5, sqlite_sequence says 5) and a deleted id is not reused', async () => {
    const v = variant('generated-ids-gaps', 'sqlite');
    const setup = edit(v.setup, 'id          INTEGER PRIMARY KEY,', 'id          INTEGER PRIMARY KEY AUTOINCREMENT,');
    const r = await run('sqlite', setup, v.statement + "\nSELECT seq FROM sqlite_sequence WHERE name = 'users';\n");
    expect(r.ok).toBe(true);
    expect(r.statements[2]?.rows).toEqual([[5]]);
    expect(r.statements[3]?.rows).toEqual([[5]]);
    const again = await run(
      'sqlite',
      setup,
      "DELETE FROM users WHERE id = 2;\nINSERT INTO users (email, name) VALUES ('x@example.com', 'X') RETURNING id;",
    );
    expect(again.statements[1]?.rows).toEqual([[3]]);
  });
});

describe('sqlite-replace-deletes-two-rows', () => {
  it('the same row as ON CONFLICT (id) DO UPDATE fails on the email and leaves both rows', async () => {
    const v = variant('sqlite-replace-deletes-two-rows', 'sqlite');
    let statement = edit(v.statement, 'INSERT OR REPLACE INTO', 'INSERT INTO');
    statement = edit(
      statement,
      /RETURNING[^\n]*/,
      'ON CONFLICT (id) DO UPDATE SET email = excluded.email, name = excluded.name;',
    );
    const r = await run('sqlite', v.setup, statement);
    expect(r.ok).toBe(false);
    expect(r.error?.message).toContain('UNIQUE constraint failed: users.email');
    expect(table(r, 'users').counts).toMatchObject({ unchanged: 3, deleted: 0, updated: 0 });
    expect(table(r, 'orders').counts).toMatchObject({ unchanged: 3, deleted: 0 });
  });

  it("the proposed rows show one row, replaced, with Ada's and Grace's rows as the rows it removed", async () => {
    const v = variant('sqlite-replace-deletes-two-rows', 'sqlite');
    const r = await run('sqlite', v.setup, v.statement);
    const proposed = r.statements[0]?.proposed;
    expect(proposed?.rows.map((x) => x.fate)).toEqual(['replaced']);
    expect(proposed?.rows[0]?.removed).toEqual([
      [1, 'ada@example.com', 'Ada'],
      [2, 'grace@example.com', 'Grace'],
    ]);
  });
});

describe('merge-vs-on-conflict', () => {
  const v = variant('merge-vs-on-conflict', 'postgres');
  const upsert = v.statement.slice(0, v.statement.indexOf('-- The MERGE'));
  const merge = v.statement.slice(v.statement.indexOf('-- The MERGE'));

  it('without a unique index on email, ON CONFLICT (email) fails with 42P10 and the same MERGE runs', async () => {
    const setup = v.setup.replaceAll('email text NOT NULL UNIQUE', 'email text NOT NULL');
    expect(setup).not.toBe(v.setup);
    const bad = await run('postgres', setup, upsert);
    expect(bad.error?.code).toBe('42P10');
    expect(bad.error?.message).toContain(
      'there is no unique or exclusion constraint matching the ON CONFLICT specification',
    );
    const ok = await run('postgres', setup, merge);
    expect(ok.ok).toBe(true);
    expect(checkRun(ok, { statements: [], tables: { users_merge: v.expect.tables.users_merge! } })).toEqual([]);
  });

  it('WHEN NOT MATCHED BY SOURCE THEN DELETE deletes Grace, the one row the source does not name', async () => {
    const r = await run(
      'postgres',
      v.setup,
      edit(merge, '\nRETURNING', '\nWHEN NOT MATCHED BY SOURCE THEN\n  DELETE\nRETURNING'),
    );
    expect(r.ok).toBe(true);
    const t = table(r, 'users_merge');
    expect(t.counts).toMatchObject({ deleted: 1, updated: 1, inserted: 1, unchanged: 0 });
    expect(rowWhere(r, 'users_merge', 'email', 'grace@example.com')).toBeUndefined();
  });

  it('the proposed rows of the MERGE list the rows it acted on and say what PostgreSQL does not report', async () => {
    const r = await run('postgres', v.setup, v.statement);
    const proposed = r.statements[1]?.proposed;
    expect(proposed?.mode).toBe('actions');
    expect(proposed?.rows.map((x) => x.action).sort()).toEqual(['inserted', 'updated']);
    expect(proposed?.notes).toContain(
      'PostgreSQL reports the rows MERGE inserted, updated or deleted; source rows for which it did nothing, and which WHEN clause applied, are not reported.',
    );
  });
});

describe('combine-duplicates-group-by', () => {
  const raw = (statement: string) =>
    edit(
      statement,
      'SELECT sku, name, sum(qty) FROM batch\nGROUP BY sku, name',
      'SELECT sku, name, qty FROM batch WHERE true',
    );

  it('postgres: the raw batch is rejected (21000)', async () => {
    const v = variant('combine-duplicates-group-by', 'postgres');
    const r = await run('postgres', v.setup, raw(v.statement));
    expect(r.error?.code).toBe('21000');
    expect(r.error?.message).toContain('ON CONFLICT DO UPDATE command cannot affect row a second time');
  });

  it('sqlite: the raw batch reaches the same stock through 150, with 3 rows affected', async () => {
    const v = variant('combine-duplicates-group-by', 'sqlite');
    const r = await run('sqlite', v.setup, raw(v.statement));
    expect(r.ok).toBe(true);
    expect(r.statements[0]?.rowsAffected).toBe(3);
    expect(r.statements[0]?.rows).toEqual([
      ['IPHONE15', 150],
      ['IPHONE15', 180],
      ['FAIRPHONE5', 20],
    ]);
    expect(checkRun(r, { statements: [], tables: v.expect.tables })).toEqual([]);
  });
});
