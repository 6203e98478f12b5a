import { describe, expect, it } from 'vitest';
import { KEPT_KEY, STASH_KEY, TAB_KEY, WORK_KEY } from '../../src/persistence/keys';
import { encodeScenario } from '../../src/scenario/link';
import { needsReader } from '../../src/scenario/linkReader';
import { defaultScenario } from '../../src/scenario/scenario';

function store(entries: Record<string, string> = {}): Pick<Storage, 'getItem'> {
  return { getItem: (k) => entries[k] ?? null };
}
const refusing: Pick<Storage, 'getItem'> = {
  getItem: () => {
    throw new DOMException('denied', 'SecurityError');
  },
};

describe('needsReader: whether start-up has a link or saved work to read', () => {
  it('a first visit (no fragment, empty storage) has nothing to read', () => {
    expect(needsReader('', store(), store())).toBe(false);
    expect(needsReader('#', null, null)).toBe(false);
    expect(needsReader('', refusing, refusing)).toBe(false);
  });

  it("an example's or Practice's address needs no reader, a scenario link or any other fragment does", () => {
    expect(needsReader('#example/upsert-basics', store(), store())).toBe(false);
    expect(needsReader('#practice', store(), store())).toBe(false);
    expect(needsReader(`#${encodeScenario(defaultScenario())}`, store(), store())).toBe(true);
    // Not a scenario link, but the reader is what says so.
    expect(needsReader('#garbage', store(), store())).toBe(true);
  });

  it('any saved work (autosave, set aside, the legacy slot, this tab) needs it', () => {
    for (const key of [WORK_KEY, KEPT_KEY, STASH_KEY])
      expect(needsReader('', store({ [key]: '{}' }), store())).toBe(true);
    expect(needsReader('', store(), store({ [TAB_KEY]: '{}' }))).toBe(true);
    expect(needsReader('#example/upsert-basics', store({ [WORK_KEY]: '{}' }), store())).toBe(true);
  });
});
