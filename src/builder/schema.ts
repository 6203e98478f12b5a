/**
 * A valibot schema for the form state, so a shell that keeps the state (local storage, a link)
 * can read it back safely: anything that does not match is rejected, never half-applied.
 */
import * as v from 'valibot';
import type { BuilderState } from './model';

const cell = v.nullable(v.string());
const names = v.array(v.string());

/** The schema of BuilderState (kept in step with the type by the `satisfies` check below). */
const builderStateSchema = v.object({
  table: v.string(),
  insertColumns: names,
  rows: v.array(v.record(v.string(), cell)),
  strategy: v.picklist(['doUpdate', 'doNothing', 'orReplace', 'orIgnore', 'merge', 'twoStep']),
  target: v.variant('kind', [
    v.object({ kind: v.literal('key'), name: v.string(), columns: names }),
    v.object({ kind: v.literal('constraint'), name: v.string(), columns: names }),
    v.object({ kind: v.literal('none') }),
  ]),
  actions: v.record(
    v.string(),
    v.object({
      kind: v.picklist(['excluded', 'keep', 'add', 'coalesce', 'increment', 'now', 'custom']),
      expr: v.string(),
    }),
  ),
  condition: v.object({
    kind: v.picklist(['none', 'changed', 'newer', 'custom']),
    column: v.string(),
    expr: v.string(),
  }),
  returning: v.object({ kind: v.picklist(['none', 'all', 'columns']), columns: names, action: v.boolean() }),
});

// Compile-time check that the schema and the type describe the same thing.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShape: Same<v.InferOutput<typeof builderStateSchema>, BuilderState> = true;
void sameShape;

/** Reads a stored form state; null when it is not one. */
export function parseBuilderState(value: unknown): BuilderState | null {
  const r = v.safeParse(builderStateSchema, value);
  return r.success ? r.output : null;
}
