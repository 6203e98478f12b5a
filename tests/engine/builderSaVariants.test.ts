/**
 * Every variant of the generated SQLAlchemy code — Core or ORM, sync or async, snippet or whole
 * file — for every case of the builder's matrix on both dialects, checked with real SQLAlchemy
 * (2.0 from tests/python/get-sqlalchemy2.sh; see saPython.ts) by tests/python/sa_variants.py in
 * one Python process:
 * - pyflakes finds nothing in any file or snippet (no unused import, no undefined name);
 * - every variant and every snippet executes the same statements, compiled by SQLAlchemy, as the
 *   Core file whose compiled SQL builderSqlalchemy.test.ts runs on PGlite and sql.js;
 * - that SQL, with its parameters put back as literals, is the Form's SQL (layout, identifier
 *   quotes and grouping parentheses aside);
 * - SQLite whole files run as they are (sync through sqlite3, async through aiosqlite) and print
 *   exactly the rows the model expects RETURNING to give, leaving the model's after-state.
 * PostgreSQL files are compiled, not run: neither asyncpg nor psycopg can reach a server here, so
 * their SQL runs on PGlite in builderSqlalchemy.test.ts instead.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { type SaOptions, generateSqlAlchemy } from '../../src/builder/sqlalchemy';
import { generateSql } from '../../src/builder/sql';
import { className } from '../../src/builder/saorm';
import { tableDefinition } from '../../src/builder/satable';
import { type Case, buildCases, expectModel } from './builderCases';
import { SETUP, sqliteDb } from './builderFixtures';
import { probeSqlAlchemy, runPython } from './saPython';

const available = probeSqlAlchemy();
const is2 = available.ok && available.version.startsWith('2.');
const VARIANTS = (['core', 'orm'] as const).flatMap((style) =>
  (['sync', 'async'] as const).map((mode) => ({ style, mode, key: `${style} ${mode}` })),
);
// SA_CASES=<regular expression> narrows the cases while working on the generator.
const only = process.env.SA_CASES ? new RegExp(process.env.SA_CASES) : null;
const cases = [...buildCases('sqlite'), ...buildCases('postgres')].filter((c) => !only || only.test(c.name));

type Stmt = { sql: string; params: (string | number | boolean | null)[] };
type Result = {
  lint: string[];
  statements: Record<string, Stmt[]>;
  run: Record<string, { printed?: unknown[][]; after?: unknown[][]; error?: string; trace?: string }>;
  error?: string;
  trace?: string;
};

/** The table's rows before the statement, as the form's cells (text or NULL). */
async function beforeRows(table: string): Promise<{ columns: string[]; rows: (string | null)[][] }> {
  const db = await sqliteDb(SETUP);
  const r = db.exec(`SELECT * FROM "${table.replaceAll('"', '""')}"`)[0];
  db.close();
  return {
    columns: r?.columns ?? [],
    rows: (r?.values ?? []).map((row) => row.map((v) => (v === null ? null : String(v)))),
  };
}

/**
 * SQL as tokens, for comparing the Form's SQL with SQLAlchemy's: layout, comments, identifier
 * quotes (SQLAlchemy quotes only where needed), keyword case and grouping parentheses aside
 * (SQLAlchemy parenthesises some expressions); string literals compared exactly.
 * `RETURNING *` becomes the table's column list, which is what SQLAlchemy spells out.
 */
function comparable(sql: string, columns?: string[]): string {
  const tokens: string[] = [];
  for (const m of sql.matchAll(
    /'(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*|\s+|[A-Za-z_][\w$]*|\d+(?:\.\d+)?|::|<=|>=|<>|!=|\|\||[^\s]/gu,
  )) {
    const t = m[0];
    if (/^\s/.test(t) || t.startsWith('--') || t === '(' || t === ')' || t === ';') continue;
    if (t.startsWith('"')) tokens.push(t.slice(1, -1).replaceAll('""', '"'));
    else if (t.startsWith("'")) tokens.push(t);
    else tokens.push(t.toLowerCase());
  }
  const star = tokens.findIndex((t, i) => t === '*' && tokens[i - 1] === 'returning');
  if (star >= 0 && columns) tokens.splice(star, 1, ...columns.flatMap((c, i) => (i ? [',', c] : [c])));
  // PostgreSQL's compiler qualifies RETURNING columns with the table name: drop "table ." there.
  const ret = tokens.indexOf('returning');
  if (ret >= 0)
    for (let i = tokens.length - 2; i > ret; i--)
      if (tokens[i + 1] === '.' && tokens[i - 1] !== '.' && (tokens[i - 1] === ',' || i === ret + 1))
        tokens.splice(i, 2);
  return tokens.join(' ');
}

/** Compiled SQL with its parameters put back as SQL literals (in order; `?` marks each one). */
function withValues(st: Stmt): string {
  let i = 0;
  return st.sql.replace(/\?/g, () => {
    const v = st.params[i++];
    if (v === null || v === undefined) return 'NULL';
    return typeof v === 'number' ? String(v) : `'${String(v).replaceAll("'", "''")}'`;
  });
}

describe.skipIf(!is2)(
  `every SQLAlchemy variant, checked with SQLAlchemy ${available.ok ? available.version : '(missing)'}`,
  () => {
    let results: Record<string, Result> = {};
    const code = new Map<string, string>();

    beforeAll(async () => {
      const dir = mkdtempSync(join(tmpdir(), 'builder-sa-variants-'));
      const setups = new Map<string, Awaited<ReturnType<typeof beforeRows>>>();
      const manifest = [];
      for (const [i, c] of cases.entries()) {
        const name = c.tc.schemaName;
        if (!setups.has(name)) setups.set(name, await beforeRows(name));
        const files: Record<string, string> = {};
        const snippets: Record<string, string> = {};
        for (const v of VARIANTS) {
          for (const form of ['file', 'snippet'] as const) {
            const opts: SaOptions = { style: v.style, mode: v.mode, form, setupRows: setups.get(name) };
            const text = generateSqlAlchemy(c.state, c.table, c.dialect, opts);
            const path = join(dir, `c${i}_${v.style}_${v.mode}_${form}.py`);
            writeFileSync(path, text);
            code.set(`${c.name} ${v.key} ${form}`, text);
            (form === 'file' ? files : snippets)[v.key] = path;
          }
        }
        const allowed = ['session', 'conn', className(c.table), tableDefinition(c.table, c.dialect).variable];
        manifest.push({
          id: c.name,
          dialect: c.dialect,
          table: name,
          select: `SELECT * FROM "${name.replaceAll('"', '""')}"`,
          allowed,
          files,
          snippets,
        });
      }
      const path = join(dir, 'manifest.json');
      writeFileSync(path, JSON.stringify(manifest));
      if (only) console.info(`[builder] manifest: ${path}`);
      const r = runPython([join(__dirname, '..', 'python', 'sa_variants.py'), path], { timeout: 900_000 });
      if (r.status !== 0) throw new Error(`sa_variants.py failed: ${String(r.stderr)}`);
      results = (JSON.parse(String(r.stdout)) as { results: Record<string, Result> }).results;
    }, 920_000);

    test('every case was checked', () => {
      expect(Object.keys(results).length).toBe(cases.length);
    });

    test.each(cases.map((c) => [c.name, c] as const))('%s', (_n, c: Case) => {
      const res = results[c.name];
      const show = (key: string) => code.get(`${c.name} ${key}`) ?? '';
      expect(res?.error, `${String(res?.error)}\n${String(res?.trace)}\n${show('orm async file')}`).toBeUndefined();
      if (!res) return;
      expect(res.lint, show('orm async snippet')).toEqual([]);
      const reference = res.statements['core sync'];
      expect(reference?.length).toBeGreaterThan(0);
      for (const [variant, statements] of Object.entries(res.statements))
        expect(
          statements,
          `${variant}\n${show(`${variant.replace(/ snippet$/, '')} ${variant.endsWith('snippet') ? 'snippet' : 'file'}`)}`,
        ).toEqual(reference);

      // The constructs render as the Form's SQL; text() forms carry it verbatim.
      const form = generateSql(c.state, c.table, c.dialect).sql;
      if (c.state.strategy === 'doUpdate' || c.state.strategy === 'doNothing') {
        expect(
          (reference ?? []).map((st) => comparable(withValues(st))),
          form,
        ).toEqual([
          comparable(
            form,
            c.table.columns.map((col) => col.name),
          ),
        ]);
      }

      if (c.dialect !== 'sqlite') return;
      for (const v of VARIANTS) {
        const run = res.run[v.key];
        expect(run?.error, `${String(run?.error)}\n${String(run?.trace)}\n${show(`${v.key} file`)}`).toBeUndefined();
        expectModel(c, run?.after ?? [], run?.printed ?? [], `${v.key} file\n${show(`${v.key} file`)}`);
      }
    });
  },
);

/** Where only SQLAlchemy 1.4 is found, say so rather than pass quietly. */
describe.skipIf(is2)('SQLAlchemy variants — SKIPPED', () => {
  test('SQLAlchemy 2.0 is needed (tests/python/get-sqlalchemy2.sh)', () => {
    console.warn(
      `[builder] SQLAlchemy variant checks need 2.0; found: ${available.ok ? available.version : available.reason}`,
    );
  });
});
