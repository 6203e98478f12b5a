/**
 * A zod schema for the form state, so a shell that keeps the state (local storage, a link)
 * can read it back safely: anything that does not match is rejected, never half-applied.
 */
import { z } from 'zod';
import type { BuilderState } from './model';

const cell = z.string().nullable();

/** The schema of BuilderState (kept in step with the type by the `satisfies` check below). */
const builderStateSchema = z.object({
  table: z.string(),
  insertColumns: z.array(z.string()),
  rows: z.array(z.record(z.string(), cell)),
  strategy: z.enum(['doUpdate', 'doNothing', 'orReplace', 'orIgnore', 'merge', 'twoStep']),
  target: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('key'), name: z.string(), columns: z.array(z.string()) }),
    z.object({ kind: z.literal('constraint'), name: z.string(), columns: z.array(z.string()) }),
    z.object({ kind: z.literal('none') }),
  ]),
  actions: z.record(
    z.string(),
    z.object({ kind: z.enum(['excluded', 'keep', 'add', 'coalesce', 'increment', 'now', 'custom']), expr: z.string() }),
  ),
  condition: z.object({ kind: z.enum(['none', 'changed', 'newer', 'custom']), column: z.string(), expr: z.string() }),
  returning: z.object({ kind: z.enum(['none', 'all', 'columns']), columns: z.array(z.string()), action: z.boolean() }),
});

// Compile-time check that the schema and the type describe the same thing.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShape: Same<z.infer<typeof builderStateSchema>, BuilderState> = true;
void sameShape;

/** Reads a stored form state; null when it is not one. */
export function parseBuilderState(value: unknown): BuilderState | null {
  const r = builderStateSchema.safeParse(value);
  return r.success ? r.data : null;
}
