// Switch to PostgreSQL after the page has been idle (first and repeat visit): click → rendered result.
import { measure } from '../lib/report.mjs';
import { dialectSwitch } from '../lib/suites-cold.mjs';

export default {
  name: 'switch',
  title: 'Switch to PostgreSQL after idle',
  run: (env) => dialectSwitch({ ...env, runs: env.count(5, 2) }),
  summarise: (r, env) =>
    ['first', 'repeat'].map((kind) => {
      const ready = r[kind].filter((x) => x.postgresReadyBeforeClick).length;
      const early = r[kind].filter((x) => x.postgresWorkerBeforeFirstResult).length;
      return measure({
        measure: `Switch to PostgreSQL after ${env.idleMs / 1000} s idle (${kind} visit)`,
        app: r[kind].map((x) => x.ms),
        target: '< 300 ms',
        met: (x) => x.app !== null && x.app.median < 300 && early === 0,
        note: `PostgreSQL ready before the click in ${ready}/${r[kind].length}; warm-up started before the first SQLite result in ${early}`,
      });
    }),
};
