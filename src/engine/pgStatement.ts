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
  /^(?:RESET\s+SESSION\s+AUTHORIZATION|SET\s+(?:(SESSION|LOCAL)\s+)?SESSION\s+AUTHORIZATION\s+DEFAULT)$/i;

/** The statement without comments, its words one space apart. */
function bare(sql: string): string {
  return sql
    .replace(/--[^\n]*/g, ' ')
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Run one statement (`args`: values of its $n placeholders). Throws PostgreSQL's error. */
export async function execStatement(
  pg: PGlite,
  sql: string,
  args: unknown[],
  opts: { parsers: ParserOptions; onNotice: NoticeHandler; superuser: string; copyToStdout: boolean },
): Promise<StatementOutput> {
  const reset = args.length === 0 && !/['"$]/.test(sql) ? RESET_SESSION_AUTHORIZATION.exec(bare(sql)) : null;
  if (reset) {
    await pg.query(
      'SELECT pg_catalog.set_config($1, $2, $3)',
      ['session_authorization', opts.superuser, !!reset[1] && reset[1].toUpperCase() === 'LOCAL'],
      {
        onNotice: opts.onNotice,
      },
    );
    return {
      rows: [],
      fields: [],
      command: reset[0].toUpperCase().startsWith('RESET') ? 'RESET' : 'SET',
      rowCount: null,
    };
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
  return {
    rows: res.rows,
    fields: res.fields,
    command: (res as { command?: string }).command ?? '',
    rowCount: (res as { rowCount?: number }).rowCount ?? res.affectedRows ?? null,
  };
}
