// The SQLAlchemy generator's text: constructs per choice, text() where SQLAlchemy has none,
// Python literals and the Table definition. Running the code is tests/engine/builderSqlalchemy.
import { describe, expect, test } from 'vitest';
import type { ColumnInfo, Dialect, TableSchema } from '../../src/engine/types';
import { type BuilderState, defaultBuilderState, validateState } from '../../src/builder/model';
import { escapeTextColons, generateSqlAlchemy, pyStr, pyValue } from '../../src/builder/sqlalchemy';
import { tableDefinition } from '../../src/builder/satable';

const col = (name: string, type: string, extra: Partial<ColumnInfo> = {}): ColumnInfo => ({
  name,
  type,
  notNull: false,
  defaultExpr: null,
  generated: false,
  identity: false,
  ...extra,
});

function table(d: Dialect): TableSchema {
  return {
    name: d === 'postgres' ? 'sales.Accounts' : 'Accounts',
    schema: d === 'postgres' ? 'sales' : 'main',
    columns: [
      col('id', 'integer', { notNull: true, identity: d === 'postgres' }),
      col('email', 'text', { notNull: true }),
      col('n', 'integer', { defaultExpr: '0' }),
      col('from', 'text'),
    ],
    primaryKey: ['id'],
    uniqueKeys: [
      { name: 'accounts_pkey', kind: 'primary', columns: ['id'], predicate: null, hasExpressions: false },
      { name: 'accounts_email_key', kind: 'unique', columns: ['email'], predicate: null, hasExpressions: false },
      { name: 'live', kind: 'index', columns: ['email'], predicate: 'n > 0', hasExpressions: false },
    ],
    hasRowid: d === 'sqlite',
  };
}

function state(d: Dialect, patch: Partial<BuilderState> = {}): BuilderState {
  const s = defaultBuilderState(table(d), d);
  return {
    ...s,
    insertColumns: ['id', 'email', 'n', 'from'],
    rows: [{ id: '1', email: 'a :b', n: '2', from: null }],
    ...patch,
  };
}

const CORE_FILE = { style: 'core', mode: 'sync', form: 'file', setupRows: null } as const;
const sa = (d: Dialect, patch: Partial<BuilderState> = {}) =>
  generateSqlAlchemy(state(d, patch), table(d), d, CORE_FILE);

describe('generateSqlAlchemy', () => {
  test('DO UPDATE with the dialect insert(), excluded, index_where and a condition', () => {
    const code = sa('sqlite', {
      target: { kind: 'key', name: 'live', columns: ['email'] },
      actions: { n: { kind: 'add', expr: '' }, from: { kind: 'coalesce', expr: '' } },
      condition: { kind: 'newer', column: 'n', expr: '' },
    });
    expect(code).toContain('from sqlalchemy.dialects.sqlite import insert');
    expect(code).toContain('stmt = insert(accounts).values(rows)');
    expect(code).toContain('index_elements=[accounts.c.email],');
    expect(code).toContain('index_where=text("n > 0"),');
    expect(code).toContain('"n": accounts.c.n + stmt.excluded.n,');
    expect(code).toContain('"from": func.coalesce(stmt.excluded["from"], accounts.c["from"]),');
    expect(code).toContain('where=stmt.excluded.n > accounts.c.n,');
  });
  test('constraint= for ON CONSTRAINT, DO NOTHING, RETURNING with the action column', () => {
    const code = sa('postgres', {
      target: { kind: 'constraint', name: 'accounts_email_key', columns: ['email'] },
      returning: { kind: 'columns', columns: ['id'], action: true },
    });
    expect(code).toContain('constraint="accounts_email_key",');
    expect(code).toContain(
      'stmt = stmt.returning(\n    accounts.c.id,\n    case((literal_column("xmax") == 0, "inserted"), else_="updated").label("action"),\n)',
    );
    expect(sa('postgres', { strategy: 'doNothing', target: { kind: 'none' } })).toContain(
      'stmt = stmt.on_conflict_do_nothing()',
    );
  });
  test('no construct: INSERT OR REPLACE, MERGE and two steps are text(), and the panel says so', () => {
    const replace = sa('sqlite', { strategy: 'orReplace' });
    expect(replace).toContain('SQLAlchemy has no construct for INSERT OR REPLACE');
    expect(replace).toMatch(/stmt = text\("""\nINSERT OR REPLACE INTO "Accounts"/);
    // values are bound parameters (the idiom, and SQLAlchemy 2.0 on SQLite misreads "%(x)s" inside text())
    expect(replace).toContain(
      'params = {\n    "id_1": 1,\n    "email_1": "a :b",\n    "n_1": 2,\n    "from_1": None,\n}',
    );
    expect(replace).toContain('VALUES\n  (:id_1, :email_1, :n_1, :from_1)\n""").bindparams(**params)');
    const merge = sa('postgres', { strategy: 'merge' });
    expect(merge).toContain('SQLAlchemy 2.0 has no MERGE construct');
    expect(merge).toContain('MERGE INTO sales."Accounts"');
    // a bound parameter in a VALUES source has no type of its own: cast all but text
    expect(merge).toContain('(CAST(:id_1 AS integer), :email_1, CAST(:n_1 AS integer), :from_1)');
  });
  test('two steps are Core application code: select(), then update() or insert()', () => {
    const two = sa('postgres', {
      strategy: 'twoStep',
      target: { kind: 'key', name: 'live', columns: ['email'] },
      actions: { id: { kind: 'keep', expr: '' }, n: { kind: 'custom', expr: 'excluded.n * 10' } },
      condition: { kind: 'newer', column: 'n', expr: '' },
      returning: { kind: 'none', columns: [], action: true },
    });
    expect(two).not.toContain('sqlalchemy.dialects');
    expect(two).toContain('def upsert(conn):');
    expect(two).toContain(
      'key = and_(accounts.c.email == literal(row["email"]), text("n > 0"), text(":v0 > 0").bindparams(v0=row["n"]))',
    );
    expect(two).toContain('found = conn.execute(select(accounts).where(key)).first()');
    expect(two).toContain(
      [
        '            stmt = (',
        '                update(accounts)',
        '                .where(key, accounts.c.n < literal(row["n"]))',
        '                .values({"n": text(":v1 * 10").bindparams(v1=row["n"]), "from": row["from"]})',
        '                .returning(literal("updated").label("action"))',
        '            )',
      ].join('\n'),
    );
    expect(two).toContain('stmt = insert(accounts).values(row).returning(literal("inserted").label("action"))');
  });
  test('incomplete forms say what is missing instead of code', () => {
    expect(sa('sqlite', { rows: [] })).toBe('# The form is not complete yet:\n# - Add at least one row.\n');
  });
  test('the Table matches the schema: types, keys, defaults, identity, partial index, schema, keyword quoting', () => {
    const pg = tableDefinition(table('postgres'), 'postgres');
    expect(pg.variable).toBe('accounts');
    expect(pg.lines).toEqual([
      'accounts = Table(',
      '    "Accounts",',
      '    metadata,',
      '    Column("id", Integer, Identity(), primary_key=True),',
      '    Column("email", Text, nullable=False),',
      '    Column("n", Integer, server_default=text("0")),',
      '    Column("from", Text, quote=True),',
      '    UniqueConstraint("email", name="accounts_email_key"),',
      '    Index("live", "email", unique=True, postgresql_where=text("n > 0")),',
      '    schema="sales",',
      ')',
    ]);
    const lite = tableDefinition(
      {
        ...table('sqlite'),
        uniqueKeys: [
          {
            name: 'sqlite_autoindex_Accounts_1',
            kind: 'unique',
            columns: ['email'],
            predicate: null,
            hasExpressions: false,
          },
        ],
      },
      'sqlite',
    );
    expect(lite.lines).toContain('    UniqueConstraint("email"),');
    expect(tableDefinition({ ...table('sqlite'), name: 'stmt' }, 'sqlite').variable).toBe('stmt_table');
  });
});

describe('Python literals', () => {
  test('values typed like the SQL literals', () => {
    expect(pyValue(null, col('x', 'text'), 'sqlite')).toBe('None');
    expect(pyValue('007', col('x', 'integer'), 'sqlite')).toBe('7');
    expect(pyValue('9007199254740993', col('x', 'bigint'), 'postgres')).toBe('9007199254740993');
    expect(pyValue('1e-3', col('x', 'real'), 'postgres')).toBe('1e-3');
    expect(pyValue('12.30', col('x', 'numeric(10,2)'), 'postgres')).toBe('Decimal("12.30")');
    expect(pyValue('yes', col('x', 'boolean'), 'postgres')).toBe('True');
    expect(pyValue('0xCAFE', col('x', 'bytea'), 'postgres')).toBe('bytes.fromhex("cafe")');
    expect(pyValue('2024-02-29', col('x', 'date'), 'postgres')).toBe('datetime.date.fromisoformat("2024-02-29")');
    expect(pyValue('2024-02-29 10:00:00Z', col('x', 'timestamp with time zone'), 'postgres')).toBe(
      'datetime.datetime.fromisoformat("2024-02-29 10:00:00+00:00")',
    );
    expect(pyValue('2024-02-29', col('x', 'DATE'), 'sqlite')).toBe('"2024-02-29"');
    expect(pyValue('soon', col('x', 'date'), 'postgres')).toBe('"soon"');
  });
  test('strings escape quotes, backslashes, line breaks and stay unicode', () => {
    expect(pyStr(`it's "x" \\ \n 🎉`)).toBe(`"it's \\"x\\" \\\\ \\n 🎉"`);
  });
  test("text()'s bind syntax is escaped, casts and times are not", () => {
    expect(escapeTextColons("SELECT ':name', x::date, '10:30', a:b, (:p)")).toBe(
      "SELECT '\\:name', x::date, '10:30', a:b, (\\:p)",
    );
  });
});

describe('validateState', () => {
  test('lists what keeps the form from producing a statement', () => {
    const t = table('sqlite');
    expect(validateState(state('sqlite'), t)).toEqual([]);
    expect(validateState(state('sqlite', { rows: [], insertColumns: [] }), t)).toEqual([
      'Choose at least one column to insert.',
      'Add at least one row.',
    ]);
    expect(validateState(state('sqlite', { condition: { kind: 'custom', column: '', expr: '' } }), t)).toEqual([
      'The custom update condition is empty.',
    ]);
    // conditions do not apply to DO NOTHING
    expect(
      validateState(state('sqlite', { strategy: 'doNothing', condition: { kind: 'custom', column: '', expr: '' } }), t),
    ).toEqual([]);
  });

  test('variants: ORM model with Mapped/mapped_column, async session, snippet with only the imports it uses', () => {
    const s = state('sqlite', {
      target: { kind: 'key', name: 'live', columns: ['email'] },
      returning: { kind: 'columns', columns: ['id'], action: false },
    });
    const snippet = generateSqlAlchemy(s, table('sqlite'), 'sqlite', { style: 'orm', mode: 'async', form: 'snippet' });
    expect(snippet).toContain('from sqlalchemy.dialects.sqlite import insert');
    expect(snippet).toContain('stmt = insert(Account).values(rows)');
    expect(snippet).toContain('index_elements=[Account.email],');
    expect(snippet).toContain('result = await session.execute(stmt)');
    expect(snippet).not.toMatch(/literal_column|\bcase\b|or_/);
    const file = generateSqlAlchemy(s, table('sqlite'), 'sqlite', {
      style: 'orm',
      mode: 'async',
      form: 'file',
      setupRows: { columns: ['id', 'email', 'n', 'from'], rows: [['7', 'z@x', '1', null]] },
    });
    expect(file).toContain('class Account(Base):');
    expect(file).toContain('email: Mapped[str] = mapped_column(Text)');
    expect(file).toContain('from_: Mapped[str | None] = mapped_column("from", Text, quote=True)');
    expect(file).toContain('engine = create_async_engine("sqlite+aiosqlite:///:memory:")');
    expect(file).toContain('await conn.run_sync(Base.metadata.create_all)');
    expect(file).toContain('setup_rows = [\n    {"id": 7, "email": "z@x", "n": 1, "from_": None},\n]');
    expect(file).toContain('await session.execute(insert(Account), setup_rows)');
    expect(file).toContain('asyncio.run(main())');
    const pg = generateSqlAlchemy(state('postgres'), table('postgres'), 'postgres', {
      style: 'core',
      mode: 'sync',
      form: 'file',
      setupRows: null,
    });
    expect(pg).toContain('create_engine("postgresql+psycopg://');
    expect(pg).toContain('# The setup rows are not included: run the scenario, then copy again.');
    expect(
      generateSqlAlchemy(state('postgres'), table('postgres'), 'postgres', {
        style: 'orm',
        mode: 'async',
        form: 'file',
      }),
    ).toContain('create_async_engine("postgresql+asyncpg://');
  });
});
