/**
 * Runs a PostgreSQL regression test file (sql/*.sql + expected/*.out) through the playground's
 * engine API the way pg_regress runs it through psql, and compares what each statement gave.
 *
 * - The whole file is the statement script of one run, with the engine carrying on after each
 *   error as psql does (RunInput.onError 'continue'): one session from the first statement to the
 *   last, so what a failed statement left behind (an aborted transaction block, which PostgreSQL
 *   then answers with "current transaction is aborted" until it ends) is the server's own.
 * - Statements are split with the playground's own splitter (psql's rules); the engine splits the
 *   same text the same way, statement for statement.
 * - The .out file is psql -a output: each input line echoed, then the output of the statements
 *   that ended on it. Results are compared as values: column names and cells (psql's padding
 *   taken off), COPY … TO STDOUT data, errors and notices by message, detail, hint, the LINE/caret
 *   psql prints for the error position (in the statement, or in the internal query it shows as
 *   QUERY), and CONTEXT. SQLSTATEs are not in the .out file.
 */
import { splitPostgres } from '../../src/engine/pgSplit';
import type { Engine, EngineError, EngineNotice, Span, StatementResult, Value } from '../../src/engine/types';

/**
 * pg_regress's session settings (PGOPTIONS), and test_setup.sql's grant: the core regression
 * tests still expect the public schema to be writable by everyone.
 */
const REGRESS_SETTINGS =
  "GRANT ALL ON SCHEMA public TO public;\nSET timezone = 'America/Los_Angeles';\nSET datestyle = 'Postgres, MDY';\nSET intervalstyle = 'postgres_verbose';\n";

/** Drop the --@upstream header lines. */
function stripHeader(text: string, marker: string): string {
  return text
    .split('\n')
    .filter((l) => !l.startsWith(marker))
    .join('\n');
}

/** What one statement gave, in a canonical text form (one item per line group). */
type Items = string[];

/** psql's "LINE n: …" and caret lines for an error at 0-based character `loc` of `query` (libpq's reportErrorPosition). */
function errorPositionLines(query: string, loc: number): string[] {
  const DISPLAY_SIZE = 60;
  const MIN_RIGHT_CUT = 10;
  const chars = [...query].map((c) => (c === '\t' ? ' ' : c));
  let line = 1;
  let ibeg = 0;
  let iend = chars.length;
  const scr: number[] = [];
  let col = 0;
  for (let i = 0; i <= chars.length; i++) {
    scr[i] = col;
    if (i === chars.length) break;
    const ch = chars[i]!;
    if (ch === '\r' || ch === '\n') {
      if (i < loc) {
        if (ch === '\r' || i === 0 || chars[i - 1] !== '\r') line++;
        ibeg = i + 1;
      } else {
        iend = i;
        break;
      }
    }
    col += 1;
  }
  if (loc > chars.length) loc = chars.length;
  let begTrunc = false;
  let endTrunc = false;
  if (scr[iend]! - scr[ibeg]! > DISPLAY_SIZE) {
    if (scr[ibeg]! + DISPLAY_SIZE >= scr[loc]! + MIN_RIGHT_CUT) {
      while (scr[iend]! - scr[ibeg]! > DISPLAY_SIZE) iend--;
      endTrunc = true;
    } else {
      while (scr[loc]! + MIN_RIGHT_CUT < scr[iend]!) {
        iend--;
        endTrunc = true;
      }
      while (scr[iend]! - scr[ibeg]! > DISPLAY_SIZE) {
        ibeg++;
        begTrunc = true;
      }
    }
  }
  const prefix = `LINE ${line}: ${begTrunc ? '...' : ''}`;
  const text = chars.slice(ibeg, iend).join('') + (endTrunc ? '...' : '');
  const caret = ' '.repeat(prefix.length + scr[loc]! - scr[ibeg]!) + '^';
  return [prefix + text, caret];
}

/** psql's text for a cell value (the playground's normalised value back to PostgreSQL's output). */
function cellText(v: Value): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return v;
  if ('real' in v) return String(v.real); // SQLite only
  return `\\x${v.blob}`;
}

const tidy = (cell: string): string =>
  cell
    .split('\n')
    .map((l) => l.trim())
    .join('\n');

function noticeItems(n: EngineNotice): Items {
  const out = [`${n.severity}: ${n.message}`];
  if (n.detail) out.push(`DETAIL: ${n.detail}`);
  if (n.hint) out.push(`HINT: ${n.hint}`);
  return out;
}

/** The canonical items of one statement's outcome on the engine (psql's order of an error's parts). */
function actualItems(r: StatementResult, query: string, spanStart: number): Items {
  const out: Items = [];
  for (const n of r.notices ?? []) out.push(...noticeItems(n));
  const e: EngineError | undefined = r.error;
  if (e) {
    out.push(`ERROR: ${e.message}`);
    if (e.position !== undefined)
      out.push(...errorPositionLines(query, [...query.slice(0, e.position - spanStart)].length));
    else if (e.internalQuery !== undefined && e.internalPosition !== undefined)
      out.push(...errorPositionLines(e.internalQuery, e.internalPosition - 1));
    if (e.detail) out.push(`DETAIL: ${e.detail}`);
    if (e.hint) out.push(`HINT: ${e.hint}`);
    if (e.internalQuery !== undefined) out.push(`QUERY: ${e.internalQuery}`);
    if (e.context) out.push(`CONTEXT: ${e.context}`);
    return out;
  }
  if (r.copyOut !== undefined) for (const line of r.copyOut.split('\n').slice(0, -1)) out.push(`TEXT ${line}`);
  if (r.columns) {
    out.push(`COLUMNS ${r.columns.join(' | ')}`);
    for (const row of r.rows) out.push(`ROW ${row.map((v) => tidy(cellText(v))).join(' | ')}`);
  }
  return out;
}

const SEPARATOR = /^-+(\+-+)*$/;
const MESSAGE = /^(ERROR|NOTICE|WARNING|INFO|DETAIL|HINT|CONTEXT|QUERY|LINE \d+):  ?(.*)$/;

/** Cells of one aligned-format line, by the column boundaries of the separator line; `more`: cells continued on the next line. */
function cells(line: string, bounds: number[]): { values: string[]; more: boolean[] } {
  const values: string[] = [];
  const more: boolean[] = [];
  for (let j = 0; j < bounds.length; j++) {
    const from = j === 0 ? 0 : bounds[j - 1]! + 1;
    const last = j === bounds.length - 1;
    let seg = last ? line.slice(from) : line.slice(from, bounds[j]);
    let cont = false;
    if (last ? seg.endsWith('+') && seg.length > 1 : seg.endsWith('+')) {
      cont = true;
      seg = seg.slice(0, -1);
    }
    values.push(seg.trim());
    more.push(cont);
  }
  return { values, more };
}

/**
 * Parse psql's output for a group of statements starting at out[p]; stops at `next` (the next
 * echoed input line). Returns the canonical items and where it stopped.
 */
function parseOutput(out: string[], p: number, isNext: (q: number) => boolean): { items: Items; end: number } {
  const items: Items = [];
  let inError = false;
  while (p < out.length && !isNext(p)) {
    const line = out[p]!;
    const sep = out[p + 1];
    if (sep !== undefined && SEPARATOR.test(sep) && !MESSAGE.test(line)) {
      inError = false;
      const bounds: number[] = [];
      for (let i = 0; i < sep.length; i++) if (sep[i] === '+') bounds.push(i);
      bounds.push(Infinity);
      const header = cells(line, bounds).values;
      items.push(`COLUMNS ${header.join(' | ')}`);
      p += 2;
      while (p < out.length && !/^\(\d+ rows?\)$/.test(out[p]!)) {
        const row = cells(out[p]!, bounds);
        p++;
        while (row.more.some(Boolean) && p < out.length) {
          const c = cells(out[p]!, bounds);
          p++;
          row.values = row.values.map((v, j) => (row.more[j] ? `${v}\n${c.values[j]}` : v));
          row.more = row.more.map((m, j) => m && c.more[j]!);
        }
        items.push(`ROW ${row.values.join(' | ')}`);
      }
      p += 2; // "(n rows)" and the blank line after it
      continue;
    }
    const m = MESSAGE.exec(line);
    if (m) {
      const [, tag, text] = m;
      if (tag === 'ERROR') inError = true;
      if (tag!.startsWith('LINE')) {
        items.push(line, out[p + 1]!);
        p += 2;
        continue;
      }
      items.push(`${tag}: ${text}`);
      p++;
      continue;
    }
    // A continuation line of the previous message (a message or detail of several lines).
    if (
      items.length &&
      (inError || items[items.length - 1]!.startsWith('NOTICE') || items[items.length - 1]!.startsWith('DETAIL'))
    ) {
      items[items.length - 1] += `\n${line}`;
    } else {
      items.push(`TEXT ${line}`);
    }
    p++;
  }
  return { items, end: p };
}

/** The per-statement comparison of one test file. */
export interface RegressReport {
  file: string;
  statements: number;
  /** Statements whose output was identical. */
  same: number;
  tables: { same: number; total: number };
  errors: { same: number; total: number };
  notices: { same: number; total: number };
  /** Statements the server refused because an error had aborted their transaction block (25P02). */
  inAbortedTransaction: number;
  /** How long the engine's run of the whole file took, in ms. */
  runMs: number;
  /** Whether the run recorded the row-by-row account (triggers around each write, as on the page). */
  account: boolean;
  /** Why the engine must be restarted after the run (RunResult.restart), when it must. */
  restart?: string;
  /** The first few differences, for the test's message. */
  differences: string[];
}

interface Stmt {
  span: Span;
  text: string;
  /** psql's query text: the statement up to and with its semicolon. */
  query: string;
  endLine: number;
  kind: string;
}

/** Run one regression file through `engine` and compare with its expected output. */
export async function runRegressFile(
  engine: Engine,
  file: string,
  sqlText: string,
  outText: string,
): Promise<RegressReport> {
  const sql = stripHeader(sqlText, '--@upstream');
  const out = stripHeader(outText, '--@upstream').split('\n');
  const lineStarts = [0];
  for (let i = 0; i < sql.length; i++) if (sql[i] === '\n') lineStarts.push(i + 1);
  const lineOf = (offset: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const stmts: Stmt[] = splitPostgres(sql).map((span) => {
    const semi = sql.indexOf(';', span.end);
    const end = semi >= 0 ? semi + 1 : span.end;
    const text = sql.slice(span.start, span.end);
    return { span, text, query: sql.slice(span.start, end), endLine: lineOf(end - 1), kind: text.slice(0, 20) };
  });

  // Run: the whole file in one session, carrying on after errors as psql does.
  const r = await engine.run({ setup: REGRESS_SETTINGS, statement: sql, rowLimit: 10_000, onError: 'continue' });
  if (r.error && r.error.phase !== 'statement') throw new Error(`${file}: the run failed: ${r.error.message}`);
  if (r.statements.length !== stmts.length || r.statements.some((res, k) => res.index !== k))
    throw new Error(`${file}: the engine ran ${r.statements.length} statements, the file has ${stmts.length}`);
  const actual = r.statements.map((res, k) => actualItems(res, stmts[k]!.query, stmts[k]!.span.start));

  // Compare with the .out file, group by group (the statements that end on the same input line).
  const sqlLines = sql.split('\n');
  const report: RegressReport = {
    file,
    statements: stmts.length,
    same: 0,
    tables: { same: 0, total: 0 },
    errors: { same: 0, total: 0 },
    notices: { same: 0, total: 0 },
    inAbortedTransaction: r.statements.filter((res) => res.error?.code === '25P02').length,
    runMs: r.timings.statements,
    account: r.account?.on ?? false,
    differences: [],
  };
  if (r.restart) report.restart = r.restart;
  // psql echoes every input line but blank ones between statements.
  const inside = new Set<number>();
  for (const st of stmts) for (let l = lineOf(st.span.start); l <= st.endLine; l++) inside.add(l);
  const echoed = sqlLines.map((_, l) => l).filter((l) => sqlLines[l]!.trim() !== '' || inside.has(l));
  let p = 0;
  let s = 0;
  for (let e = 0; e < echoed.length; e++) {
    const L = echoed[e]!;
    if (out[p] !== sqlLines[L]) {
      report.differences.push(`line ${L + 1}: out of step with the expected output`);
      break;
    }
    p++;
    const group: number[] = [];
    while (s < stmts.length && stmts[s]!.endLine === L) group.push(s++);
    if (group.length === 0) continue;
    const next = echoed[e + 1];
    const isNext = (q: number): boolean => next !== undefined && out[q] === sqlLines[next];
    const parsed = parseOutput(out, p, isNext);
    p = parsed.end;
    const want = parsed.items.filter((x) => x !== 'TEXT '); // the blank line at the file's end
    const got = group.flatMap((g) => actual[g]!);
    const equal = want.length === got.length && want.every((w, k) => w === got[k]);
    const has = (items: Items, prefix: string) => items.filter((x) => x.startsWith(prefix)).length;
    report.tables.total += has(want, 'COLUMNS');
    report.errors.total += has(want, 'ERROR');
    report.notices.total += has(want, 'NOTICE') + has(want, 'WARNING');
    if (equal) {
      report.same += group.length;
      report.tables.same += has(want, 'COLUMNS');
      report.errors.same += has(want, 'ERROR');
      report.notices.same += has(want, 'NOTICE') + has(want, 'WARNING');
    } else if (report.differences.length < 8) {
      report.differences.push(
        `${file} line ${L + 1}: ${stmts[group[0]!]!.text.slice(0, 80)}\n  expected: ${JSON.stringify(want)}\n  engine:   ${JSON.stringify(got)}`,
      );
    }
  }
  return report;
}
