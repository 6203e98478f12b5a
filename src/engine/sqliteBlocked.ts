/**
 * SQLite statements that would write database files: sql.js keeps them in an in-memory file
 * system that outlives the run's database, so a file one run made could be read by the next (a
 * link could plant data for later runs). sql.js offers no way to empty that file system or to
 * start a second instance in the same worker, so file targets are refused; in-memory ones
 * (':memory:' and '', a private temporary database) are allowed.
 */
import { readToken } from './pgSplit.ts';

/** Why this statement cannot run in the playground, or null when it can. */
export function sqliteRefusal(sql: string, kind: string): string | null {
  if (kind !== 'ATTACH' && kind !== 'VACUUM') return null;
  const toks: { type: string; text: string }[] = [];
  for (let i = 0; i < sql.length;) {
    const t = readToken(sql, i, 'sqlite');
    i = t.end;
    if (t.type !== 'space' && t.type !== 'comment') toks.push({ type: t.type, text: sql.slice(t.start, t.end) });
  }
  const upper = toks.map((t) => (t.type === 'word' ? t.text.toUpperCase() : ''));
  if (kind === 'VACUUM') {
    if (!upper.includes('INTO')) return null;
    return 'VACUUM INTO writes a database file, which is not available in the playground: every run starts from a fresh in-memory database and keeps no files.';
  }
  const at = upper[1] === 'DATABASE' ? 2 : 1;
  const target = toks[at];
  const memory =
    target?.type === 'string' && (target.text === "':memory:'" || target.text === "''") && upper[at + 1] === 'AS';
  if (memory) return null;
  return "ATTACH of a database file is not available in the playground: every run starts from a fresh in-memory database and keeps no files. Use ATTACH ':memory:' AS name for a second database.";
}
