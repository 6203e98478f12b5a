/** React hook: the tables a setup script creates, introspected by the engine (not parsed by hand). */
import { useEffect, useState } from 'react';
import type { Dialect, TableSchema } from '../engine/types';
import { useEngines } from './engineContext';

/** The described schema, or why it could not be read. */
export interface SchemaState {
  tables: TableSchema[];
  error?: string;
  loading: boolean;
}

/**
 * Describe `setup` on the dialect's engine while `enabled`, debounced as the setup is edited, under
 * the run's time limit; only the latest description waits for the engine.
 */
export function useSchema(dialect: Dialect, setup: string, enabled: boolean, limitMs: number): SchemaState {
  const engine = useEngines()[dialect];
  // The latest description, with the dialect and setup it describes: loading until it is this one's.
  const [described, setDescribed] = useState<{ of: string; tables: TableSchema[]; error?: string } | null>(null);
  const of = `${dialect}\n${setup}`;
  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    const t = window.setTimeout(() => {
      void engine.describe(setup, undefined, { limitMs, latestOnly: true }).then((d) => {
        if (cancelled || d.superseded) return;
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
  }, [dialect, setup, enabled, engine, limitMs]);
  const loading = described?.of !== of;
  return { tables: described?.tables ?? [], error: loading ? undefined : described.error, loading };
}
