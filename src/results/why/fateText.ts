/** Plain-words text for proposed rows and their fates. Pure. */
import type { ProposedRow, ProposedRows } from '../../engine/fates';
import type { Value } from '../../engine/types';
import { valueText } from '../format';

/** Short text of a value, strings quoted the SQL way. */
function lit(v: Value): string {
  if (typeof v === 'string') return `'${v.length > 40 ? `${v.slice(0, 40)}…` : v}'`;
  return valueText(v);
}

/** Columns of the first key named in `keys` ("name (a, b)"), when they are all table columns. */
function keyColumns(keys: string[] | undefined, columns: string[]): number[] | null {
  const m = keys?.[0] && /\(([^()]*)\)$/.exec(keys[0]);
  if (!m) return null;
  const idx = m[1]!.split(', ').map((c) => columns.indexOf(c));
  return idx.every((i) => i >= 0) ? idx : null;
}

/** A row named by its key values ("email = 'ada@x'"), or by all its values. */
function rowText(row: Value[], columns: string[], keys?: string[]): string {
  const idx = keyColumns(keys, columns) ?? columns.map((_c, i) => i);
  return idx.map((i) => `${columns[i]} = ${lit(row[i] ?? null)}`).join(', ');
}

/** "b: 1 → 5, c: 'x' → 'y'". */
function changes(row: ProposedRow, columns: string[]): string {
  if (!row.existing || !row.written || !row.changed) return '';
  return row.changed
    .map((i) => `${columns[i]} ${lit(row.existing![i] ?? null)} → ${lit(row.written![i] ?? null)}`)
    .join(', ');
}

/** The short fate label shown in the Fate column. */
export const FATE_LABEL: Record<ProposedRow['fate'], string> = {
  inserted: 'inserted',
  updated: 'updated',
  'same-values': 'same values',
  skipped: 'skipped',
  replaced: 'replaced',
  ignored: 'ignored',
  deleted: 'deleted',
  error: 'error',
  unknown: 'cannot tell',
};

/** The full explanation of one row's fate. */
export function fateText(p: ProposedRows, row: ProposedRow): string {
  const cols = p.columns;
  const on = row.keys?.length ? ` on ${row.keys.join(' and ')}` : '';
  const existing = (): string =>
    row.earlier !== undefined && row.beforeRow === undefined
      ? `the row that row ${row.earlier} wrote in this statement`
      : row.existing
        ? `the existing row ${rowText(row.existing, cols, row.keys)}`
        : 'an existing row';
  if (p.mode === 'actions') {
    if (row.action === 'inserted') return 'not matched → inserted';
    if (row.action === 'deleted') return 'matched → deleted';
    const c = changes(row, cols);
    return c ? `matched → updated: ${c}` : 'matched → rewritten with the same values';
  }
  switch (row.fate) {
    case 'inserted':
      return 'inserted: no conflict';
    case 'updated':
      return `conflicted with ${existing()}${on} → updated: ${changes(row, cols)}`;
    case 'same-values':
      return `conflicted with ${existing()}${on} → rewritten with the same values`;
    case 'replaced': {
      // Rows this statement wrote earlier are named by their proposed row.
      const by = p.rows.filter((x) => x.removedBy === row.n);
      const gone = (row.removed ?? [])
        .map((r) => {
          const k = by.find((x) => JSON.stringify(x.written) === JSON.stringify(r));
          return k ? `the row that row ${k.n} wrote in this statement: ${rowText(r, cols)}` : rowText(r, cols);
        })
        .join('; ');
      return `conflicted${on} → replaced: SQLite deleted ${row.removed?.length === 1 ? 'the row' : `${row.removed?.length} rows`} (${gone}) and inserted this one`;
    }
    case 'skipped':
    case 'ignored': {
      const who =
        row.existing || row.earlier !== undefined
          ? ` — ${existing().replace(/^the existing row/, 'an existing row with the same key:')}${on}`
          : '';
      return `${row.reason ?? row.fate}${who}`;
    }
    default:
      return row.reason ?? row.fate;
  }
}

/** The link to the After row, in words. */
export function afterText(p: ProposedRows, row: ProposedRow, linked: boolean): string {
  if (row.action === 'deleted') return 'no After row (deleted)';
  if (!row.written) return row.fate === 'error' || row.fate === 'unknown' ? '—' : 'no After row of its own';
  const keys = row.keys?.length ? row.keys : undefined;
  const where = rowText(row.written, p.columns, keys);
  if (row.removedBy !== undefined) return `wrote ${where}; row ${row.removedBy} replaced it in this statement`;
  if (!linked) return `wrote ${where}`;
  return row.afterRow !== undefined
    ? `After row ${row.afterRow + 1}: ${where}`
    : `wrote ${where} (not in the After rows shown)`;
}
