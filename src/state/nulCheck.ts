/**
 * SQL text with a NUL character (U+0000) is refused before it reaches an engine: the page reports
 * where it is, as a run error located in the script, instead of sending it on. (A NUL cuts C
 * strings short and breaks the wire format, so an engine's own message about it would point at
 * the wrong place or speak of its protocol rather than of the script.)
 */
import { DIALECT_LABEL, type Dialect, type RunResult } from '../engine/types';

/** 1-based line and column of a 0-based offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

/** A failed run naming the first NUL in the setup or the statement, or null when there is none. */
export function nulRefusal(dialect: Dialect, scripts: { setup: string; statement: string }): RunResult | null {
  for (const phase of ['setup', 'statement'] as const) {
    const text = scripts[phase];
    const at = text.indexOf('\u0000');
    if (at < 0) continue;
    const { line, column } = lineColumn(text, at);
    return {
      dialect,
      engineVersion: DIALECT_LABEL[dialect],
      ok: false,
      setup: [],
      statements: [],
      notRun: [],
      tables: [],
      notes: [],
      error: {
        phase,
        message: `The ${phase === 'setup' ? 'setup' : 'statement'} script contains a NUL character (U+0000) at line ${line}, column ${column}. SQL text cannot contain it, so nothing was run: delete it and run again.`,
        position: at,
        span: { start: at, end: at + 1 },
        line,
        column,
      },
      timings: { reset: 0, setup: 0, before: 0, statements: 0, after: 0, diff: 0, total: 0 },
    };
  }
  return null;
}
