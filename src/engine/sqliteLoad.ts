/** Inserting a loaded CSV file's rows into a SQLite table (see datasets.ts). */
import type { Database } from 'sql.js';
import { qualifiedName, RowRefused } from './datasetLoad.ts';
import type { Field } from './datasets.ts';
import { quoteIdent } from './values.ts';
import type { TableSchema } from './types.ts';

const SP = 'upsert_playground_load';

/**
 * One prepared statement, run once per row, inside a savepoint: it opens a transaction when none
 * is open (a million rows in a few seconds instead of a commit each) and nests in one the setup
 * left open. All rows go in, or none: a refused row rolls the savepoint back and throws RowRefused.
 * The fields are bound as text (or NULL): the column's affinity converts them as it would a
 * literal '42' in an INSERT.
 */
export function insertSqliteRows(db: Database, table: TableSchema, columns: string[], batches: Iterable<Field[][]>) {
  const stmt = db.prepare(
    `INSERT INTO ${qualifiedName(table)} (${columns.map(quoteIdent).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
  );
  db.run(`SAVEPOINT ${SP}`);
  let row = 0;
  try {
    for (const batch of batches) {
      for (const fields of batch) {
        try {
          stmt.run(fields);
        } catch (e) {
          throw new RowRefused(row, fields, e);
        }
        row++;
      }
    }
    db.run(`RELEASE ${SP}`);
  } catch (e) {
    db.run(`ROLLBACK TO ${SP}`);
    db.run(`RELEASE ${SP}`);
    throw e;
  } finally {
    stmt.free();
  }
}
