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
  // The latest description, with the dialect and setup it describes: loading until it is this one's.
  const [described, setDescribed] = useState<{ of: string; tables: TableSchema[]; error?: string } | null>(null);
  const of = `${dialect}\n${setup}`;
  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    const t = window.setTimeout(() => {
      void engines[dialect].describe(setup).then((d) => {
        if (cancelled) return;
        const error = d.error
          ? `${d.error.message}${d.error.line ? ` (Setup SQL, line ${d.error.line})` : ''}`
          : undefined;
        setDescribed({ of: `${dialect}\n${setup}`, tables: d.tables, error });
      });
    }, 300);
    return () => {
      cancelled = true;
      window.clearTimeout(t);
    };
  }, [dialect, setup, enabled]);
  const loading = described?.of !== of;
  return { tables: described?.tables ?? [], error: loading ? undefined : described.error, loading };
}
