/**
 * Plain-language sentences for the differences of a comparison, used by DifferenceSummary and by
 * tests. One sentence per difference; when nothing differs, one sentence that says so.
 */
import { DIALECT_LABEL, type Dialect, type EngineError } from '../engine/types';
import type { CellDifference, Difference, RowSample } from './types';
import { hasDifferences, isNote } from './types';
import { formatValue, RULE_EXPLANATION } from './values';

/** The sentence shown when the runs agree. */
export const NO_DIFFERENCES =
  'No differences: both engines ran every statement with the same outcome, the same rows affected and returned, and the same tables after.';

const S = DIALECT_LABEL.sqlite;
const P = DIALECT_LABEL.postgres;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function error(e: EngineError | null): string {
  if (!e) return 'no error';
  return `“${e.message}”${e.code ? ` (${e.code})` : ''}`;
}

function row(r: RowSample): string {
  return Object.entries(r)
    .map(([k, v]) => `${k} = ${formatValue(v)}`)
    .join(', ');
}

function cell(c: CellDifference): string {
  const key = row(c.key);
  return `${key ? `row ${key}: ` : ''}${c.column} is ${formatValue(c.sqlite)} on ${S}, ${formatValue(c.postgres)} on ${P}`;
}

function rowsOnly(count: number, samples: RowSample[], side: Dialect): string {
  const shown = samples
    .slice(0, 3)
    .map((r) => `(${row(r)})`)
    .join('; ');
  const more = count > 3 ? '; …' : '';
  return `${plural(count, 'row')} only on ${DIALECT_LABEL[side]}${shown ? `: ${shown}${more}` : ''}`;
}

/** One sentence for one difference or note. */
export function describeDifference(d: Difference): string {
  switch (d.kind) {
    case 'setupError':
      return d.failsOn === 'both'
        ? `The setup fails on both engines — ${S}: ${error(d.sqlite)}; ${P}: ${error(d.postgres)}. Nothing else was compared.`
        : `The setup fails on ${DIALECT_LABEL[d.failsOn]} only: ${error(d[d.failsOn])}. Nothing else was compared.`;
    case 'runError':
      return d.failsOn === 'both'
        ? `Both runs stopped — ${S}: ${error(d.sqlite)}; ${P}: ${error(d.postgres)}.`
        : `The ${DIALECT_LABEL[d.failsOn]} run stopped: ${error(d[d.failsOn])}.`;
    case 'statementCount':
      return `The statement scripts differ in length: ${plural(d.sqlite, 'statement')} on ${S}, ${d.postgres} on ${P}; statements are paired by position.`;
    case 'statementError': {
      const n = d.statement + 1;
      if (d.failsOn === 'both')
        return `Statement ${n} fails on both engines — ${S}: ${error(d.sqlite)}; ${P}: ${error(d.postgres)}.`;
      const other: Dialect = d.failsOn === 'sqlite' ? 'postgres' : 'sqlite';
      const skipped = d.notRun[d.failsOn];
      return (
        `Statement ${n} fails on ${DIALECT_LABEL[d.failsOn]} only: ${error(d[d.failsOn])}; ${DIALECT_LABEL[other]} runs it without error.` +
        (skipped ? ` ${DIALECT_LABEL[d.failsOn]} did not run the ${plural(skipped, 'statement')} after it.` : '')
      );
    }
    case 'rowsAffected':
      return `Statement ${d.statement + 1}: rows affected differ — ${d.sqlite} on ${S}, ${d.postgres} on ${P}.`;
    case 'returnedRows': {
      const parts: string[] = [];
      if (d.columns) {
        const cols = (c: string[] | null) => (c ? c.join(', ') || '(none)' : 'no RETURNING');
        parts.push(`columns differ (${S}: ${cols(d.columns.sqlite)}; ${P}: ${cols(d.columns.postgres)})`);
      }
      if (d.count.sqlite !== d.count.postgres)
        parts.push(`${d.count.sqlite} rows on ${S}, ${d.count.postgres} on ${P}`);
      if (d.onlySqlite.length) parts.push(rowsOnly(d.onlySqlite.length, d.onlySqlite, 'sqlite'));
      if (d.onlyPostgres.length) parts.push(rowsOnly(d.onlyPostgres.length, d.onlyPostgres, 'postgres'));
      if (d.onlyIdentity) {
        return `Statement ${d.statement + 1}: the same rows came back except for generated ids (${d.onlyIdentity.join(', ')}) — ${parts.join('; ')}.`;
      }
      return `Statement ${d.statement + 1}: returned rows differ (compared in any order) — ${parts.join('; ')}.`;
    }
    case 'tableMissing':
      return `Table ${d.table} exists after the run on ${DIALECT_LABEL[d.presentOn]} only.`;
    case 'tableColumns': {
      const parts = [];
      if (d.onlySqlite.length) parts.push(`only on ${S}: ${d.onlySqlite.join(', ')}`);
      if (d.onlyPostgres.length) parts.push(`only on ${P}: ${d.onlyPostgres.join(', ')}`);
      return `Table ${d.table}: columns differ — ${parts.join('; ')}.`;
    }
    case 'tableRows': {
      const by = d.matchedBy.length ? `rows matched by ${d.matchedBy.join(', ')}` : 'whole rows compared';
      const parts: string[] = [];
      if (d.totals.onlySqlite) parts.push(rowsOnly(d.totals.onlySqlite, d.onlySqlite, 'sqlite'));
      if (d.totals.onlyPostgres) parts.push(rowsOnly(d.totals.onlyPostgres, d.onlyPostgres, 'postgres'));
      if (d.totals.cells) {
        const shown = d.cells.slice(0, 3).map(cell).join('; ');
        parts.push(
          `${plural(d.totals.cells, 'value')} differ${d.totals.cells === 1 ? 's' : ''} in ${plural(d.totals.rowsWithCells, 'row')}: ${shown}${d.totals.cells > 3 ? '; …' : ''}`,
        );
      }
      return `Table ${d.table} after the run differs (${by}; ${d.rowCount.sqlite} rows on ${S}, ${d.rowCount.postgres} on ${P}) — ${parts.join('; ')}.`;
    }
    case 'identityGap': {
      const shown = d.samples.slice(0, 3).map(cell).join('; ');
      return (
        `Table ${d.table}: generated ids differ in ${plural(d.rows, 'row')} that otherwise match (${d.columns.join(', ')}) — ${shown}. ` +
        `${P} takes a new sequence value for every row it tries to insert, even one that then conflicts; a ${S} INTEGER PRIMARY KEY without AUTOINCREMENT numbers only the rows it actually inserts. This is a real divergence.`
      );
    }
    case 'normalisation':
      return `Compared with normalisation — ${RULE_EXPLANATION[d.rule]} (in ${d.places.slice(0, 4).join(', ')}${d.places.length > 4 ? ', …' : ''}).`;
    case 'clock':
      return `Table ${d.table}: ${d.columns.join(', ')} — both are timestamps and differ by the clock only (up to ${d.maxSeconds} s): each engine read its own clock at a slightly different moment. Not counted as a difference.`;
    case 'order':
      return `Statement ${d.statement + 1}: the same rows came back in a different order; neither engine promises a RETURNING order, so this is not counted as a difference.`;
    case 'beforeDiffers':
      return `Table ${d.table} already differs before the statements run: the two setups do not create the same rows, so part of any difference after comes from them.`;
    case 'truncated':
      return `Table ${d.table}: only the first ${d.kept.sqlite} (${S}) and ${d.kept.postgres} (${P}) rows were kept and compared, of ${d.total.sqlite} and ${d.total.postgres}.`;
  }
}

/** Sentences for a whole comparison: the differences first, then the notes; "no differences" when none. */
export function summarizeDifferences(diffs: readonly Difference[]): string[] {
  const real = diffs.filter((d) => !isNote(d)).map(describeDifference);
  const notes = diffs.filter(isNote).map(describeDifference);
  return hasDifferences(diffs) ? [...real, ...notes] : [NO_DIFFERENCES, ...notes];
}
