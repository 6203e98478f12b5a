// Cold start of the embed (embed.html) to its first SQLite result, as a reader meets it: with
// `run=load` (it runs as it loads), and with the default `run=click` (the reader presses Run as soon
// as it is there). Interleaved with the app's cold start and the sql.js baseline page, a fresh
// profile per visit.
import { newProfileDir, openProfile, probeState, removeProfileDir, waitMark } from './browser.mjs';
import { linkFragment, scenarioFor } from './scenarios.mjs';
import { nextVisit, order, requestsBefore, scopeOf, USERS, visit } from './suites-cold.mjs';

const FIRST = { label: USERS, scope: scopeOf('sqlite') };

/** embed.html at the default scenario's SQLite link, with the fragment's options `options`. */
const embedPage = (env, options) =>
  `embed.html${linkFragment(scenarioFor('sqlite', env.defaultScenario))}${options ? `&${options}` : ''}`;

/** An embed with `run=click`: press Run as soon as it is enabled, then wait for the result. */
async function clickVisit(env, dir, id) {
  const p = await openProfile(dir, { first: FIRST });
  try {
    await p.page.goto(env.server.url(id, 'app', embedPage(env, '')), { waitUntil: 'commit' });
    await p.page.getByRole('button', { name: 'Run', exact: true }).click({ timeout: env.timeoutMs });
    const mark = await waitMark(p.page, 'first', env.timeoutMs);
    const state = await probeState(p.page);
    const click = state.clicks.at(-1);
    return {
      ms: mark.paint,
      domMs: mark.dom,
      clickMs: click.t,
      afterClickMs: mark.paint - click.t,
      requests: requestsBefore(env.server, id, mark.origin, mark.origin + mark.dom),
      workers: state.workers,
      errors: p.errors,
    };
  } finally {
    await p.close();
  }
}

/** Cold start → first SQLite result: the embed (run=load, and Run pressed), the app, the baseline. */
export async function coldEmbed(env) {
  const out = { load: [], click: [], app: [], baseline: [] };
  for (let i = 0; i < env.runs; i++) {
    for (const side of order(['load', 'app', 'click', 'baseline'], i)) {
      const dir = await newProfileDir();
      const id = nextVisit();
      try {
        let result;
        if (side === 'click') result = await clickVisit(env, dir, id);
        else if (side === 'baseline') ({ result } = await visit(env, dir, id, 'base', 'sqlite.html', { label: USERS }));
        else ({ result } = await visit(env, dir, id, 'app', side === 'load' ? embedPage(env, 'run=load') : '', FIRST));
        out[side].push(result);
        env.log(
          `  cold SQLite ${side === 'load' || side === 'click' ? `embed (run=${side})` : side} #${i + 1}: ${result.ms.toFixed(0)} ms${side === 'click' ? ` (Run pressed at ${result.clickMs.toFixed(0)} ms)` : ''}`,
        );
      } finally {
        await removeProfileDir(dir);
      }
    }
  }
  return out;
}
