/**
 * Sending one statement of a script to PGlite, where PGlite's query() alone would not give what
 * PostgreSQL gives psql:
 *
 * - COPY … TO STDOUT: query() drops the COPY data; the statement goes by the simple query
 *   protocol instead and its data comes back as text (`copyOut`).
 * - RESET SESSION AUTHORIZATION (and SET … SESSION AUTHORIZATION DEFAULT): PGlite runs in
 *   single-user mode, where the session user was never set at connection start, so PostgreSQL's
 *   reset has nothing to go back to and silently keeps the role the script set. A server goes back
 *   to the user who connected: here the engine's superuser, which is what the engine sets instead.
 */
import { protocol, type PGlite, type ParserOptions } from '@electric-sql/pglite';
import { readToken } from './pgSplit.ts';
import type { Value } from './types.ts';

/** What one statement gave back. */
export interface StatementOutput {
  rows: Value[][];
  fields: { name: string }[];
  command: string;
  rowCount: number | null;
  copyOut?: string;
}

type NoticeHandler = (n: { message?: string; severity?: string; detail?: string; hint?: string }) => void;

const RESET_SESSION_AUTHORIZATION =
  /^(?:RESET SESSION AUTHORIZATION|SET (?:(SESSION|LOCAL) )?SESSION AUTHORIZATION DEFAULT)$/;

/** The statement's words, upper case, one space apart; null when it holds anything but words. */
function wordsOnly(sql: string): string | null {
  const words: string[] = [];
  for (let i = 0; i < sql.length;) {
    const t = readToken(sql, i, 'postgres');
    i = t.end;
    if (t.type === 'space' || t.type === 'comment') continue;
    if (t.type !== 'word') return null;
    words.push(sql.slice(t.start, t.end).toUpperCase());
  }
  return words.join(' ');
}

/** Give the session back to the user who connected (what a server's reset of it does). */
async function resetSessionUser(pg: PGlite, superuser: string, local: boolean, onNotice: NoticeHandler) {
  await pg.query('SELECT pg_catalog.set_config($1, $2, $3)', ['session_authorization', superuser, local], {
    onNotice,
  });
}

/** Run one statement (`args`: values of its $n placeholders). Throws PostgreSQL's error. */
export async function execStatement(
  pg: PGlite,
  sql: string,
  args: unknown[],
  opts: { parsers: ParserOptions; onNotice: NoticeHandler; superuser: string; copyToStdout: boolean },
): Promise<StatementOutput> {
  const words = args.length === 0 ? wordsOnly(sql) : null;
  const reset = words === null ? null : RESET_SESSION_AUTHORIZATION.exec(words);
  if (reset) {
    await resetSessionUser(pg, opts.superuser, reset[1] === 'LOCAL', opts.onNotice);
    return { rows: [], fields: [], command: words!.startsWith('RESET') ? 'RESET' : 'SET', rowCount: null };
  }
  if (opts.copyToStdout && args.length === 0) {
    const { messages } = await pg.execProtocol(protocol.serialize.query(sql), { onNotice: opts.onNotice });
    const chunks: Uint8Array[] = [];
    let rowCount: number | null = null;
    for (const m of messages as unknown as { name: string; chunk?: Uint8Array; text?: string }[]) {
      if (m.name === 'copyData' && m.chunk) chunks.push(m.chunk);
      else if (m.name === 'commandComplete') {
        const n = /^COPY (\d+)$/.exec(m.text ?? '');
        if (n) rowCount = Number(n[1]);
      }
    }
    const bytes = new Uint8Array(chunks.reduce((sum, c) => sum + c.length, 0));
    let at = 0;
    for (const c of chunks) {
      bytes.set(c, at);
      at += c.length;
    }
    return { rows: [], fields: [], command: 'COPY', rowCount, copyOut: new TextDecoder().decode(bytes) };
  }
  const res = await pg.query<Value[]>(sql, args, { rowMode: 'array', parsers: opts.parsers, onNotice: opts.onNotice });
  const out: StatementOutput = {
    rows: res.rows,
    fields: res.fields,
    command: (res as { command?: string }).command ?? '',
    rowCount: (res as { rowCount?: number }).rowCount ?? res.affectedRows ?? null,
  };
  // DISCARD ALL resets the session user too (before RESET ALL): the same gap as above.
  if (words === 'DISCARD ALL') await resetSessionUser(pg, opts.superuser, false, opts.onNotice);
  return out;
}
