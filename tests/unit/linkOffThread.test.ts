/**
 * The link of a scenario, at once when small or where no worker exists (Node here); the worker's
 * own path is covered end to end (share.spec: a large import's link).
 */
import { describe, expect, it } from 'vitest';
import { encodeScenario } from '../../src/scenario/link';
import { decodeScenario } from '../../src/scenario/linkDecode';
import { encodeScenarioSoon } from '../../src/scenario/linkOffThread';
import { defaultScenario } from '../../src/scenario/scenario';

describe('encodeScenarioSoon', () => {
  it('gives a small scenario its link at once, as encodeScenario does', () => {
    const s = defaultScenario();
    expect(encodeScenarioSoon(s)).toBe(encodeScenario(s));
  });

  it('encodes a large scenario on the spot where there is no worker, and the link decodes to it', () => {
    const s = defaultScenario();
    const big = { ...s, sqlite: { ...s.sqlite, setup: `${s.sqlite.setup}\n${'-- padding\n'.repeat(20_000)}` } };
    const link = encodeScenarioSoon(big);
    expect(typeof link).toBe('string');
    const back = decodeScenario(link as string);
    expect(back.ok && back.scenario.sqlite.setup).toBe(big.sqlite.setup);
  });
});
