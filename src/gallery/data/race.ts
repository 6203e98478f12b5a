/**
 * The race lab's scenarios as gallery examples: they open in the Race lab (the scenario's `race`
 * key), and their expectations are the race scenarios' own (steps that succeed, final tables); the
 * failing steps and the summary are checked by tests/engine/race.test.ts.
 */
import type { Dialect } from '../../engine/types';
import { RACE_SCENARIOS, type RaceScenario } from '../../race/scenarios';
import type { DialectVariant, Example } from '../types';

/** What the Statement editor holds while a race example is open (the run is the timeline). */
const RACE_STATEMENT = `-- This example runs in the Race lab: each session's steps and the timeline
-- that interleaves them are in the Race lab tab. Run runs the timeline.
`;

function variant(s: RaceScenario, d: Dialect): DialectVariant {
  const exp = s.expect[d];
  return {
    setup: s.setup[d],
    statement: RACE_STATEMENT,
    explanation: s.explanation,
    expect: {
      statements: exp.steps.flatMap((st, index) =>
        st.error
          ? []
          : [
              {
                index,
                ...(typeof st.rowsAffected === 'number' ? { rowsAffected: st.rowsAffected } : {}),
                ...(st.rows ? { rows: st.rows } : {}),
              },
            ],
      ),
      tables: Object.fromEntries(
        Object.entries(exp.after).map(([name, t]) => [name, { columns: t.columns, rows: t.rows }]),
      ),
    },
  };
}

/** The race examples, in the lab's order. */
export const RACES: Example[] = RACE_SCENARIOS.map((s) => ({
  id: s.id,
  title: s.title,
  summary: s.explanation[0]!.split('. ')[0]!.replace(/\.$/, '') + '.',
  tags: ['race', 'pitfalls'],
  dialects: { sqlite: variant(s, 'sqlite'), postgres: variant(s, 'postgres') },
  race: s.race,
}));
