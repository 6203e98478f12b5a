/**
 * Markdown for an issue or a Q&A post: a link to the scenario, the setup and the statement as SQL
 * code blocks, and (given a run) each table Before and After and the rows statements returned,
 * as GitHub-flavoured Markdown tables. Pure: no DOM, no engine.
 */
import {
  DIALECT_LABEL,
  type Dialect,
  type RunResult,
  type StatementResult,
  type TableData,
  type TableDiff,
  type Value,
} from '../engine/types';
import type { Scenario } from '../scenario/scenario';
import { isReal, numberOf, realDisplay } from '../engine/values';
import { raceMarkdown } from '../race/markdown';

/** Rows shown per table before "… N more rows". */
export const MARKDOWN_MAX_ROWS = 50;

/**
 * The Markdown for a scenario. `result` is the run shown on screen (one, or one per dialect in
 * compare mode); without it only the link and the scripts are written.
 */
export function scenarioMarkdown(scenario: Scenario, link: string, result?: RunResult | readonly RunResult[]): string {
  const results =
    result === undefined ? [] : Array.isArray(result) ? (result as readonly RunResult[]) : [result as RunResult];
  const out: string[] = [];
  if (scenario.title) out.push(`### ${inline(scenario.title)}`, '');
  if (scenario.notes) out.push(...quote(scenario.notes), '');

  const dialects: Dialect[] = results.length
    ? results.map((r) => r.dialect)
    : scenario.compare
      ? ['sqlite', 'postgres']
      : [scenario.dialect];
  out.push(
    `[Open this scenario in Upsert Playground](${safeUrl(link)}) (${dialects.map((d) => DIALECT_LABEL[d]).join(' and ')})`,
    '',
  );

  const params = Object.entries(scenario.params ?? {});
  if (params.length) {
    // Bound by the engine, not part of the SQL: listed so a reader can run the same thing.
    out.push(
      '**Parameters**',
      '',
      ...params.map(
        ([k, p]) =>
          `- \`${/^[0-9]+$/.test(k) ? `$${k}` : `:${k}`}\` = ${p.type === 'null' ? 'NULL' : p.type === 'text' ? codeSpan(JSON.stringify(p.value)) : codeSpan(p.value) + (p.type === 'sql' ? ' (SQL expression, evaluated by the engine)' : '')}`,
      ),
      '',
    );
  }

  const several = dialects.length > 1;
  dialects.forEach((d, i) => {
    const r = results[i];
    if (several) out.push(`## ${r ? inline(r.engineVersion) : DIALECT_LABEL[d]}`, '');
    out.push(
      '**Setup**',
      '',
      ...codeBlock(scenario[d].setup),
      '',
      // A race runs its timeline instead of the statement script.
      ...(scenario.race
        ? raceMarkdown(scenario.race[d], r)
        : ['**Statement**', '', ...codeBlock(scenario[d].statement), '']),
    );
    if (r) out.push(...resultSection(r, several));
  });
  return (
    out
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd() + '\n'
  );
}

function resultSection(r: RunResult, several: boolean): string[] {
  const out: string[] = [];
  if (!several) out.push(`**Result** (${inline(r.engineVersion)})`, '');
  if (r.error) out.push(...errorLines(r), '');
  for (const note of r.notes) out.push(`*${inline(note)}*`, '');
  for (const t of r.tables) out.push(...tableSection(t, r.dialect));
  r.statements.forEach((s, i) => {
    if (s.columns === null || r.race) return;
    const label =
      r.statements.length > 1 ? `Statement ${i + 1} (${inline(s.kind)})` : `The statement (${inline(s.kind)})`;
    out.push(`${label} returned ${count(s.rows.length, 'row')}:`, '', ...returnedTable(s, r.dialect), '');
  });
  return out;
}

function errorLines(r: RunResult): string[] {
  const e = r.error!;
  const where: string[] = [];
  if (e.phase === 'setup' || e.phase === 'statement') {
    // "setup statement 2", but "statement 2" (of the statement script), never "statement statement 2".
    const n = e.statementIndex !== undefined ? `statement ${e.statementIndex + 1}` : null;
    where.push(n ? (e.phase === 'setup' ? `setup ${n}` : n) : `the ${e.phase}`);
  } else where.push(e.phase === 'timeout' ? 'time limit' : 'engine');
  if (e.line !== undefined) where.push(`line ${e.line}${e.column !== undefined ? `, column ${e.column}` : ''}`);
  const lines = [`**Error** (${where.join(', ')}${e.code ? `, ${inline(e.code)}` : ''}): ${inline(e.message)}`];
  if (e.detail) lines.push('', `Detail: ${inline(e.detail)}`);
  if (e.hint) lines.push('', `Hint: ${inline(e.hint)}`);
  if (e.internalQuery) lines.push('', `Query: ${inline(e.internalQuery)}`);
  if (e.context) lines.push('', `Context: ${inline(e.context)}`);
  if (r.notRun.length) lines.push('', `${count(r.notRun.length, 'statement')} after it did not run.`);
  return lines;
}

function tableSection(t: TableDiff, dialect: Dialect): string[] {
  const status =
    t.status === 'created'
      ? ' (created by the statement)'
      : t.status === 'dropped'
        ? ' (dropped by the statement)'
        : '';
  const out = [`#### Table ${inline(t.name)}${status}`, ''];
  out.push(t.before ? `Before (${count(t.before.totalRows, 'row')}):` : 'Before: the table did not exist.', '');
  if (t.before) out.push(...plainTable(t.before, dialect), '');
  const c = t.counts;
  const summary = [
    c.inserted && `${c.inserted} inserted`,
    c.updated && `${c.updated} updated${c.sameValues ? ` (${c.sameValues} with the same values)` : ''}`,
    c.deleted && `${c.deleted} deleted`,
    c.unchanged && `${c.unchanged} unchanged`,
  ].filter(Boolean);
  if (!t.after) out.push('After: the table no longer exists.', '');
  else
    out.push(
      `After (${count(t.after.totalRows, 'row')}${summary.length ? `; ${summary.join(', ')}` : ''}):`,
      '',
      ...afterTable(t, dialect),
      '',
    );
  if (t.writeTracking === 'none')
    out.push('*Rows written with identical values cannot be told apart from untouched rows in this table.*', '');
  for (const n of t.notes) out.push(`*${inline(n)}*`, '');
  return out;
}

function plainTable(d: TableData, dialect: Dialect): string[] {
  const shown = d.rows.slice(0, MARKDOWN_MAX_ROWS);
  return [
    ...gfmTable(
      d.columns,
      shown.map((row) => row.map((v) => cell(v, dialect))),
      numericColumns(d.columns.length, shown),
    ),
    ...moreRows(d.totalRows - shown.length),
  ];
}

function afterTable(t: TableDiff, dialect: Dialect): string[] {
  const after = t.after!;
  const before = t.before;
  const beforeIndex = before ? new Map(before.columns.map((c, i) => [c, i])) : new Map<string, number>();
  const shown = t.changes.slice(0, MARKDOWN_MAX_ROWS);
  const rows = shown.map((ch) => {
    const label =
      ch.change === 'updated' && ch.sameValues
        ? 'updated (same values)'
        : ch.replaced
          ? `${ch.change} (replaced)`
          : ch.change;
    const afterRow = ch.after !== undefined ? after.rows[ch.after] : undefined;
    const beforeRow = ch.before !== undefined ? before?.rows[ch.before] : undefined;
    const cells = after.columns.map((col, i) => {
      const bi = beforeIndex.get(col);
      if (!afterRow) return beforeRow && bi !== undefined ? cell(beforeRow[bi] ?? null, dialect) : '';
      const now = cell(afterRow[i] ?? null, dialect);
      if (ch.change === 'updated' && ch.changed?.includes(i) && beforeRow && bi !== undefined) {
        return `${cell(beforeRow[bi] ?? null, dialect)} → ${now}`;
      }
      return now;
    });
    return [label, ...cells];
  });
  const afterRows = shown.flatMap((ch) =>
    ch.after !== undefined && after.rows[ch.after] ? [after.rows[ch.after]!] : [],
  );
  const numeric = [false, ...numericColumns(after.columns.length, afterRows)];
  // Rows past the snapshot limit are not in `changes`: count what the table holds beyond them.
  const hidden = Math.max(t.changes.length - shown.length, 0) + Math.max(after.totalRows - after.rows.length, 0);
  return [...gfmTable(['change', ...after.columns], rows, numeric), ...moreRows(hidden)];
}

function returnedTable(s: StatementResult, dialect: Dialect): string[] {
  const cols = s.columns ?? [];
  if (cols.length === 0) return ['*(no columns)*'];
  const shown = s.rows.slice(0, MARKDOWN_MAX_ROWS);
  return [
    ...gfmTable(
      cols,
      shown.map((row) => row.map((v) => cell(v, dialect))),
      numericColumns(cols.length, shown),
    ),
    ...moreRows(s.rows.length - shown.length),
  ];
}

function gfmTable(header: string[], rows: string[][], numeric: boolean[]): string[] {
  if (header.length === 0) return ['*(no columns)*'];
  const line = (cells: string[]) => `| ${cells.map((c) => (c === '' ? ' ' : c)).join(' | ')} |`;
  const lines = [line(header.map(inline)), line(header.map((_, i) => (numeric[i] ? '---:' : '---')))];
  if (rows.length === 0) lines.push(line(header.map((_, i) => (i === 0 ? '*(no rows)*' : ''))));
  for (const r of rows) lines.push(line(header.map((_, i) => r[i] ?? '')));
  return lines;
}

function numericColumns(n: number, rows: readonly (readonly Value[])[]): boolean[] {
  return Array.from(
    { length: n },
    (_, i) =>
      rows.length > 0 &&
      rows.every((r) => numberOf(r[i] ?? null) !== null || r[i] === null) &&
      rows.some((r) => numberOf(r[i] ?? null) !== null),
  );
}

function moreRows(n: number): string[] {
  return n > 0 ? ['', `… ${count(n, 'more row')}`] : [];
}

/** A cell value as Markdown text: NULL in italics, empty text as '', blobs as hex literals. */
export function cell(v: Value, dialect: Dialect): string {
  if (v === null) return '*NULL*';
  if (isReal(v)) return inline(realDisplay(v));
  if (typeof v === 'object') return inline(dialect === 'postgres' ? `'\\x${v.blob}'` : `x'${v.blob}'`);
  if (v === '') return "''";
  return inline(String(v));
}

/**
 * Escape text for one line of Markdown (a table cell, a heading): Markdown punctuation and pipes
 * are backslash-escaped, line breaks become <br>, other control characters their visible symbols,
 * and edge spaces are kept as &nbsp; (Markdown would trim them).
 */
export function inline(s: string): string {
  let t = s
    .replace(/&/g, '&amp;')
    .replace(/[\\`*_[\]<>|~]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : `\\${c}`))
    .replace(/\r\n|\r|\n|\u2028|\u2029/g, '<br>')
    .replace(/\t/g, ' ')
    // eslint-disable-next-line no-control-regex -- the point is to make control characters visible
    .replace(/[\u0000-\u001f\u007f]/g, (c) =>
      c === '\u007f' ? '\u2421' : String.fromCharCode(0x2400 + c.charCodeAt(0)),
    );
  t = t.replace(/^ +| +$/g, (m) => '&nbsp;'.repeat(m.length));
  return t;
}

/** Plain-text notes as a blockquote that keeps its line breaks (a trailing backslash is a hard break). */
function quote(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/).map(blockLine);
  return lines.map((l, i) => {
    const next = lines[i + 1];
    return `> ${l}${l.trim() && next !== undefined && next.trim() ? '\\' : ''}`.trimEnd();
  });
}

/** `inline`, plus escapes for what would start a heading or a list at the start of a line. */
function blockLine(s: string): string {
  return inline(s).replace(/^(#|[-+=]|\d+(?=[.)]))/, (m) => (/^\d/.test(m) ? `${m}\\` : `\\${m}`));
}

/** A fenced ```sql block that no backtick run inside the code can close early. */
export function codeBlock(code: string): string[] {
  // A loop, not Math.max(...runs): a script with a hundred thousand backtick runs would overflow
  // the call stack as spread arguments.
  let longest = 2;
  for (const m of code.matchAll(/`+/g)) if (m[0].length > longest) longest = m[0].length;
  const fence = '`'.repeat(longest + 1);
  return [`${fence}sql`, ...code.replace(/\s+$/, '').split(/\r\n|\r|\n/), fence];
}

/** A one-line code span that holds any text (a backtick in it gets a longer fence). */
function codeSpan(t: string): string {
  const one = t.replace(/[\r\n\u2028\u2029]+/g, ' ');
  return one.includes('`') ? `\`\` ${one} \`\`` : `\`${one}\``;
}

function safeUrl(url: string): string {
  return url.replace(/[ ()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

function count(n: number, one: string): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : `${one}s`}`;
}
