// Practice addresses: `#practice` and `#practice/ID` are told apart from scenario links, and a page
// opened on one starts the playground behind it from the saved work, without a bad-link message.
import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../../src/scenario/scenario';
import { exampleIdOf, practiceFragment, practiceIdOf } from '../../src/persistence/history';
import { decideOnLoad } from '../../src/persistence/storage';

describe('practice fragments', () => {
  it('round-trip an exercise id and the path', () => {
    expect(practiceIdOf(practiceFragment('do-nothing-returning'))).toBe('do-nothing-returning');
    expect(practiceIdOf(practiceFragment())).toBe('');
    expect(practiceIdOf('#practice')).toBe('');
    expect(practiceIdOf('#practice/a%20b')).toBe('a b');
  });
  it('are not scenarios or examples', () => {
    expect(practiceIdOf('s1/abc')).toBeNull();
    expect(practiceIdOf('example/x')).toBeNull();
    expect(practiceIdOf('practicex')).toBeNull();
    expect(exampleIdOf('practice/x')).toBeNull();
  });
  it('open the saved work (or the default) behind Practice, with no message', () => {
    const saved = { ...defaultScenario(), title: 'mine' };
    expect(decideOnLoad({ hash: '#practice/x', saved })).toEqual({ scenario: saved, source: 'saved' });
    expect(decideOnLoad({ hash: '#practice', saved: null })).toEqual({
      scenario: defaultScenario(),
      source: 'default',
    });
  });
});
