// A warm run of the default scenario (click on Run → rendered result) on both engines, against the
// engine's own time inside that run.
import { measure } from '../lib/report.mjs';
import { warmRuns } from '../lib/suites-warm.mjs';

export default {
  name: 'warm',
  title: 'Warm run, default scenario',
  run: (env) => warmRuns({ ...env, warmRuns: env.count(10, 4) }),
  summarise: (r) =>
    ['sqlite', 'postgres'].map((d) =>
      measure({
        measure: `Warm run, default scenario (${d === 'sqlite' ? 'SQLite' : 'PostgreSQL'})`,
        app: r[d].map((x) => x.ms),
        ref: r[d].map((x) => x.engine?.total),
        refLabel: "engine's own time",
      }),
    ),
};
