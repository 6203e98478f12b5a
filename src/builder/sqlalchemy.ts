/**
 * The form's statement as SQLAlchemy 2.0 code, the way its users write it: Core (a `Table`,
 * `conn.execute`) or ORM (a declarative model, `session.execute`), sync or async, as a snippet
 * (the statement and the imports it uses) or a whole file that runs as is (engine, create_all,
 * the setup's rows, the upsert, the returned rows printed). The statement itself is the same in
 * every variant: the dialect's `insert()` with `on_conflict_do_update` / `on_conflict_do_nothing`
 * and `.returning()`, or `text()` where SQLAlchemy has no construct.
 */
import type { Dialect, TableSchema } from '../engine/types';
import { type BuilderState, type Cell, findColumn, resolvedInsertColumns } from './model';
import { resolvePlan } from './targets';
import { generateStatements } from './sql';
import { pyStr, tableDefinition } from './satable';
import { modelDefinition } from './saorm';
import { type Names, accessor, constructBody, textForm } from './sastmt';
import { importBlock } from './saimports';
import { pyValue } from './savalues';
import { twoStepFunction } from './satwostep';

export { escapeTextColons, pyStr } from './satable';
export { pyValue } from './savalues';

/** Which SQLAlchemy the panel shows. */
export interface SaOptions {
  style: 'core' | 'orm';
  mode: 'sync' | 'async';
  form: 'snippet' | 'file';
  /** The table's rows before the statement (for the whole file), or null when they are not known. */
  setupRows?: { columns: string[]; rows: Cell[][] } | null;
}

/** What the panel starts with: the articles' form. */
export const DEFAULT_SA_OPTIONS: SaOptions = { style: 'orm', mode: 'async', form: 'snippet' };

const NO_CONSTRUCT: Record<string, string> = {
  orReplace:
    'SQLAlchemy has no construct for INSERT OR REPLACE (insert().prefix_with("OR REPLACE") only pastes the words in),',
  orIgnore: 'SQLAlchemy has no construct for INSERT OR IGNORE (on_conflict_do_nothing() is the portable spelling),',
  merge: 'SQLAlchemy 2.0 has no MERGE construct,',
};

/** The engine URL line, with what it needs. */
function engineLines(dialect: Dialect, async: boolean): string[] {
  if (dialect === 'sqlite') {
    return async
      ? [
          '    # An in-memory database through aiosqlite (pip install aiosqlite); a file: "sqlite+aiosqlite:///app.db".',
          '    engine = create_async_engine("sqlite+aiosqlite:///:memory:")',
        ]
      : [
          '    # An in-memory database; a file: "sqlite:///app.db".',
          '    engine = create_engine("sqlite:///:memory:")',
        ];
  }
  return async
    ? [
        '    # Your server through asyncpg (pip install asyncpg). This creates the table and the setup rows:',
        '    # point it at a scratch database.',
        '    engine = create_async_engine("postgresql+asyncpg://user:password@localhost:5432/scratch")',
      ]
    : [
        '    # Your server through psycopg 3 (pip install "psycopg[binary]"). This creates the table and the',
        '    # setup rows: point it at a scratch database.',
        '    engine = create_engine("postgresql+psycopg://user:password@localhost:5432/scratch")',
      ];
}

/** Generates the SQLAlchemy code for the form state in the chosen variant. */
export function generateSqlAlchemy(
  state: BuilderState,
  table: TableSchema,
  dialect: Dialect,
  options: SaOptions = DEFAULT_SA_OPTIONS,
): string {
  const gen = generateStatements(state, table, dialect);
  if (gen.statements.length === 0)
    return `# The form is not complete yet:\n${gen.errors.map((e) => `# - ${e}`).join('\n')}\n`;
  const plan = resolvePlan(state, table, dialect);
  const orm = options.style === 'orm';
  const async = options.mode === 'async';
  const mod = `sqlalchemy.dialects.${dialect === 'sqlite' ? 'sqlite' : 'postgresql'}`;

  const core = orm ? null : tableDefinition(table, dialect);
  const model = orm ? modelDefinition(table, dialect) : null;
  const attr = (name: string) => model?.attr.get(findColumn(table, name)?.name ?? name) ?? name;
  const n: Names = model
    ? {
        t: model.className,
        col: (c) => `${model.className}.${attr(c)}`,
        ex: (c) => accessor('stmt.excluded', findColumn(table, c)?.name ?? c),
        key: attr,
        setKey: (c) => findColumn(table, c)?.name ?? c,
        all: table.columns.map((c) => `${model.className}.${attr(c.name)}`),
      }
    : {
        t: core?.variable ?? 'table',
        col: (c) => accessor(`${core?.variable}.c`, c),
        ex: (c) => accessor('stmt.excluded', c),
        key: (c) => c,
        setKey: (c) => c,
        all: [`*${core?.variable}.c`],
      };

  // SQLAlchemy cannot alias an INSERT target, so for a table called "excluded" its
  // `excluded.col` and the table's own columns would read the same.
  const aliasNeeded =
    table.name.toLowerCase() === 'excluded' && (plan.strategy === 'doUpdate' || plan.strategy === 'doNothing');
  const textNote = aliasNeeded
    ? 'SQLAlchemy cannot alias the INSERT target, and a table called "excluded" clashes with on_conflict_do_update()\'s excluded;'
    : NO_CONSTRUCT[plan.strategy];

  const conn = orm ? 'session' : 'conn';
  const aw = async ? 'await ' : '';
  let body: string[];
  let run: string[];
  let insertFrom = mod;
  const printRows = (what: string) => [`for row in ${what}:`, '    print(row)'];
  if (textNote) {
    const t = textForm(state, table, dialect, textNote);
    body = t.lines;
    insertFrom = 'sqlalchemy';
    const each = [
      `result = ${aw}${conn}.execute(stmt)`,
      'if result.returns_rows:',
      ...printRows('result').map((l) => `    ${l}`),
    ];
    run = t.count === 1 ? each : ['for stmt in statements:', ...each.map((l) => `    ${l}`)];
  } else if (plan.strategy === 'twoStep') {
    insertFrom = 'sqlalchemy';
    const rows = constructBody(state, table, dialect, plan, n).lines;
    body = [
      ...rows.slice(0, rows.indexOf(']') + 1),
      '',
      '',
      ...twoStepFunction(state, table, dialect, plan, resolvedInsertColumns(state, table), n, { orm, async }),
    ];
    const collects = state.returning.kind !== 'none' || state.returning.action;
    run = collects ? [`returned = ${aw}upsert(${conn})`, ...printRows('returned')] : [`${aw}upsert(${conn})`];
  } else {
    const c = constructBody(state, table, dialect, plan, n);
    body = c.lines;
    run = c.returns ? [`result = ${aw}${conn}.execute(stmt)`, ...printRows('result')] : [`${aw}${conn}.execute(stmt)`];
  }
  const commit = orm ? [`${aw}session.commit()`] : [];
  const label = `${orm ? 'ORM' : 'Core'}, ${async ? 'async' : 'sync'}, ${dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'}`;

  if (options.form === 'snippet') {
    const where = orm
      ? async
        ? '# session: an AsyncSession ("async with AsyncSession(engine) as session:").'
        : '# session: a Session ("with Session(engine) as session:").'
      : async
        ? '# conn: from "async with engine.begin() as conn:" (commits when the block ends).'
        : '# conn: from "with engine.begin() as conn:" (commits when the block ends).';
    const code = [...body, '', where, ...run, ...commit];
    const imports = importBlock(code.join('\n'), insertFrom);
    return `${[`# SQLAlchemy 2.0 (${label}): the statement. ${orm ? `${n.t} is` : `${n.t} is the Table`} in the whole file.`, ...imports, '', ...code].join('\n')}\n`;
  }

  // The whole file: the definition, the statement at module level, and main() that runs it.
  const definition = model ? model.lines : ['metadata = MetaData()', '', ...(core?.lines ?? [])];
  const setup: string[] = [];
  const known = options.setupRows;
  if (known && known.rows.length > 0) {
    const cols = known.columns.map((name) => findColumn(table, name));
    setup.push('# The rows the setup script put in the table (the Before table).', 'setup_rows = [');
    for (const row of known.rows) {
      const cells = cols.flatMap((col, i) =>
        col && !col.generated ? [`${pyStr(n.key(col.name))}: ${pyValue(row[i] ?? null, col, dialect)}`] : [],
      );
      setup.push(`    {${cells.join(', ')}},`);
    }
    setup.push(']', '');
  }
  const fill = setup.length ? [`${aw}${conn}.execute(insert(${n.t}), setup_rows)`] : [];
  const createAll = orm ? 'Base.metadata.create_all' : 'metadata.create_all';
  const mainBody: string[] = [...engineLines(dialect, async)];
  const inner = [
    ...(known ? fill : ['# The setup rows are not included: run the scenario, then copy again.']),
    ...run,
    ...commit,
  ];
  if (async) {
    mainBody.push('    async with engine.begin() as conn:', `        await conn.run_sync(${createAll})`);
    if (orm) mainBody.push('    async with AsyncSession(engine) as session:', ...inner.map((l) => `        ${l}`));
    else mainBody.push(...inner.map((l) => `        ${l}`));
    mainBody.push('    await engine.dispose()');
  } else {
    mainBody.push(`    ${createAll}(engine)`);
    mainBody.push(
      orm ? '    with Session(engine) as session:' : '    with engine.begin() as conn:',
      ...inner.map((l) => `        ${l}`),
    );
  }
  const code = [
    ...definition,
    '',
    '',
    ...setup,
    ...body,
    '',
    '',
    `${async ? 'async ' : ''}def main() -> None:`,
    ...mainBody,
    '',
    '',
    'if __name__ == "__main__":',
    async ? '    asyncio.run(main())' : '    main()',
  ];
  const doc = `"""Upsert with SQLAlchemy 2.0 (${label}), as built in Upsert Playground."""`;
  return `${[doc, '', ...importBlock(code.join('\n'), insertFrom), '', '', ...code].join('\n')}\n`;
}
