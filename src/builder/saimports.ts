/**
 * The import lines of generated Python: only the names the code uses. A name counts as used when
 * it appears as an identifier outside strings and comments and not after a dot (so `users.c.select`
 * does not import `select`). Written by hand: the code is generated here, so a small scanner that
 * knows its string forms is enough, and no Python parser runs in the page.
 */

/** Where each name the generator may use comes from. */
const SOURCE: Record<string, string> = {
  asyncio: 'import asyncio',
  datetime: 'import datetime',
  Decimal: 'decimal',
  Any: 'typing',
  NullType: 'sqlalchemy.types',
  DeclarativeBase: 'sqlalchemy.orm',
  Mapped: 'sqlalchemy.orm',
  mapped_column: 'sqlalchemy.orm',
  Session: 'sqlalchemy.orm',
  AsyncSession: 'sqlalchemy.ext.asyncio',
  create_async_engine: 'sqlalchemy.ext.asyncio',
};
const SQLALCHEMY = new Set(
  (
    'Column MetaData Table Identity UniqueConstraint Index Text String Integer BigInteger SmallInteger Numeric Float Boolean ' +
    'LargeBinary Date DateTime Time text func case literal literal_column or_ and_ select update create_engine'
  ).split(' '),
);

/** The code without string literals and comments (their text cannot use a name). */
function codeOnly(code: string): string {
  return code.replace(/"""[\s\S]*?"""|"(?:\\.|[^"\\\n])*"|#[^\n]*/g, ' ');
}

/** Names of the catalogue the code uses. */
function usedNames(code: string): Set<string> {
  const found = new Set<string>();
  const bare = codeOnly(code);
  for (const m of bare.matchAll(/(?<![.\w])([A-Za-z_]\w*)/g)) found.add(m[1] ?? '');
  return found;
}

/**
 * The import block for `code`: standard library first, then SQLAlchemy, as isort would order it.
 * `insertFrom` says which module `insert` comes from (the dialect's, or the generic one).
 */
export function importBlock(code: string, insertFrom: string): string[] {
  const used = usedNames(code);
  const byModule = new Map<string, string[]>();
  const plain: string[] = [];
  for (const name of used) {
    const source = name === 'insert' ? insertFrom : SQLALCHEMY.has(name) ? 'sqlalchemy' : SOURCE[name];
    if (!source) continue;
    if (source.startsWith('import ')) plain.push(source);
    else byModule.set(source, [...(byModule.get(source) ?? []), name]);
  }
  // isort's default order: CONSTANTS, then Classes, then functions, each alphabetical.
  const rank = (s: string) => (/^[A-Z0-9_]+$/.test(s) ? 0 : /^[A-Z]/.test(s) ? 1 : 2);
  const order = (a: string, b: string) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
  const from = (m: string) => `from ${m} import ${(byModule.get(m) ?? []).sort(order).join(', ')}`;
  const std = [...plain.sort(), ...['decimal', 'typing'].filter((m) => byModule.has(m)).map(from)];
  const sa = [...byModule.keys()]
    .filter((m) => m.startsWith('sqlalchemy'))
    .sort()
    .map(from);
  return [...std, ...(std.length && sa.length ? [''] : []), ...sa];
}
