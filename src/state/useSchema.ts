/** React hook: the tables a setup script creates, introspected by the engine (not parsed by hand). */
import { useEffect, useState } from 'react';
import { engines } from '../engine/engines';
import type { Dialect, TableSchema } from '../engine/types';

/** The described schema, or why it could not be read. */
export interface SchemaState {
  tables: TableSchema[];
  error?: string;
  loading: boolean;
}

/** Describe `setup` on the dialect's engine while `enabled`, debounced as the setup is edited. */
export function useSchema(dialect: Dialect, setup: string, enabled: boolean): SchemaState {
  const [state, setState] = useState<SchemaState>({ tables: [], loading: true });
  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    setState((s) => ({ ...s, loading: true }));
    const t = window.setTimeout(() => {
      void engines[dialect].describe(setup).then((d) => {
        if (cancelled) return;
        setState({ tables: d.tables, error: d.error ? `${d.error.message}${d.error.line ? ` (Setup SQL, line ${d.error.line})` : ''}` : undefined, loading: false });
      });
    }, 300);
    return () => {
      cancelled = true;
      window.clearTimeout(t);
    };
  }, [dialect, setup, enabled]);
  return state;
}
