/** Inserting a loaded CSV file's rows into a PostgreSQL table (see datasets.ts). */
import type { PGlite } from '@electric-sql/pglite';
import { qualifiedName, RowRefused } from './datasetLoad.ts';
import type { Field } from './datasets.ts';
import { quoteIdent } from './values.ts';
import type { TableSchema } from './types.ts';

const SP = 'upsert_playground_load';
const PART = 'upsert_playground_load_part';
/** Bind parameters per INSERT (PostgreSQL allows 65,535). */
const MAX_PARAMS = 30_000;
const MAX_ROWS = 5_000;

/**
 * Multi-row INSERTs with parameters, in one transaction (or in a savepoint of the one the setup
 * left open): all rows go in, or none. Each INSERT has its own savepoint, so that when one is
 * refused its rows are tried one at a time and the refused row is named (RowRefused). The
 * parameters are untyped text: PostgreSQL reads each as its column's type, as it would a quoted
 * literal, and says so when it cannot.
 */
export async function insertPostgresRows(
  pg: PGlite,
  table: TableSchema,
  columns: string[],
  batches: Iterable<Field[][]>,
): Promise<void> {
  const target = `INSERT INTO ${qualifiedName(table)} (${columns.map(quoteIdent).join(', ')}) VALUES `;
  const per = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMS / Math.max(1, columns.length))));
  const insert = (rows: number): string => {
    const tuples: string[] = [];
    for (let r = 0, p = 1; r < rows; r++) tuples.push(`(${columns.map(() => `$${p++}`).join(', ')})`);
    return target + tuples.join(', ');
  };
  const full = insert(per);
  const own = !pg.isInTransaction();
  await pg.query(own ? 'BEGIN' : `SAVEPOINT ${SP}`);
  try {
    let row = 0;
    for (const batch of batches) {
      for (let i = 0; i < batch.length; i += per) {
        const part = batch.slice(i, i + per);
        await pg.query(`SAVEPOINT ${PART}`);
        try {
          await pg.query(part.length === per ? full : insert(part.length), part.flat());
          await pg.query(`RELEASE ${PART}`);
        } catch (e) {
          await pg.query(`ROLLBACK TO ${PART}`);
          throw await findRefused(pg, insert(1), part, row + i, e);
        }
      }
      row += batch.length;
    }
    await pg.query(own ? 'COMMIT' : `RELEASE ${SP}`);
  } catch (e) {
    if (own) await pg.query('ROLLBACK');
    else {
      await pg.query(`ROLLBACK TO ${SP}`);
      await pg.query(`RELEASE ${SP}`);
    }
    throw e;
  }
}

/** The first row of `part` that the engine refuses on its own (`first`: the index of part[0]). */
async function findRefused(pg: PGlite, one: string, part: Field[][], first: number, error: unknown) {
  for (let j = 0; j < part.length; j++) {
    try {
      await pg.query(one, part[j]);
    } catch (e) {
      return new RowRefused(first + j, part[j]!, e);
    }
  }
  return new RowRefused(first, part[0]!, error);
}
