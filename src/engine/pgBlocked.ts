/**
 * Commands PostgreSQL offers that need a server's operating system or file system: in PGlite
 * they hang until the time limit (COPY FROM a file), pretend to work (COPY TO PROGRAM), or read
 * and write the engine's own files (lo_import, pg_read_file). They are refused before they reach
 * the engine, with a message that says why. The scan is lexical (strings and comments are skipped;
 * dollar-quoted bodies of DO blocks and functions are scanned too); a call built at run time by
 * dynamic SQL still reaches the engine, where the file watch catches any write (see pgIsolation).
 */
import { readToken } from './pgSplit.ts';

/** Functions that read or write the engine's file system. */
const FILE_FUNCTIONS = new Set([
  'lo_import',
  'lo_export',
  'pg_read_file',
  'pg_read_binary_file',
  'pg_ls_dir',
  'pg_stat_file',
  'pg_ls_logdir',
  'pg_ls_waldir',
  'pg_ls_tmpdir',
  'pg_ls_archive_statusdir',
  'pg_ls_logicalsnapdir',
  'pg_ls_logicalmapdir',
  'pg_ls_replslotdir',
  'pg_ls_summariesdir',
  'pg_current_logfile',
]);

/** An error shaped like the engine's own (SQLSTATE 0A000 feature_not_supported). */
export interface Refusal {
  message: string;
  code: '0A000';
  hint?: string;
}

interface Tok {
  type: string;
  text: string;
}

function tokens(sql: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < sql.length) {
    const t = readToken(sql, i, 'postgres');
    i = t.end;
    if (t.type === 'space' || t.type === 'comment') continue;
    out.push({ type: t.type, text: sql.slice(t.start, t.end) });
  }
  return out;
}

/** The body of a dollar-quoted string ($tag$…$tag$), else null. */
function dollarBody(text: string): string | null {
  const m = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(text);
  if (!m) return null;
  return text.slice(m[0].length, text.length - m[0].length);
}

function functionRefusal(toks: Tok[], depth: number): Refusal | null {
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k]!;
    if (t.type === 'string' && depth < 3) {
      const body = dollarBody(t.text);
      const inner = body === null ? null : scan(body, depth + 1);
      if (inner) return inner;
      continue;
    }
    const name = t.type === 'word' ? t.text.toLowerCase() : t.type === 'quoted' ? t.text.slice(1, -1) : '';
    if (FILE_FUNCTIONS.has(name) && toks[k + 1]?.text === '(') {
      return {
        message: `${name}() reads or writes the engine's own files, which is not available in the browser engine.`,
        code: '0A000',
        hint: 'The playground has no server file system: keep data in tables (INSERT … VALUES, SELECT).',
      };
    }
  }
  return null;
}

/** Every COPY in the text (a DO block or function body may hold several), up to its ';'. */
function copyRefusal(toks: Tok[]): Refusal | null {
  for (let start = 0; start < toks.length; start++) {
    const t = toks[start]!;
    if (t.type !== 'word' || t.text.toUpperCase() !== 'COPY') continue;
    const r = copyTarget(toks, start);
    if (r) return r;
  }
  return null;
}

function copyTarget(toks: Tok[], start: number): Refusal | null {
  let depth = 0;
  for (let k = start + 1; k < toks.length; k++) {
    const t = toks[k]!;
    if (t.text === ';') return null;
    if (t.text === '(') depth++;
    else if (t.text === ')') depth--;
    const word = t.type === 'word' ? t.text.toUpperCase() : '';
    if (depth !== 0 || (word !== 'TO' && word !== 'FROM')) continue;
    const next = toks[k + 1];
    if (!next) return null;
    if (next.type === 'word' && next.text.toUpperCase() === 'PROGRAM') {
      return {
        message:
          'COPY … PROGRAM is not available in the browser engine: there is no operating system to run a program on.',
        code: '0A000',
        hint: 'Use INSERT … VALUES to add rows and SELECT to read them.',
      };
    }
    if (next.type === 'string') {
      return {
        message:
          'COPY to or from a server file is not available in the browser engine: it has no file system of yours.',
        code: '0A000',
        hint: 'Use INSERT … VALUES to add rows and SELECT to read them.',
      };
    }
    return null;
  }
  return null;
}

function scan(sql: string, depth: number): Refusal | null {
  const toks = tokens(sql);
  return copyRefusal(toks) ?? functionRefusal(toks, depth);
}

/** Why this statement cannot run in the browser engine, or null when it can. */
export function browserRefusal(sql: string): Refusal | null {
  return scan(sql, 0);
}
