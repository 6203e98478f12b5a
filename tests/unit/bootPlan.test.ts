import { describe, expect, it } from 'vitest';
import LZString from 'lz-string';
import { bootPlan } from '../../src/state/bootPlan';
import { encodeScenario } from '../../src/scenario/link';
import { defaultScenario } from '../../src/scenario/scenario';
import { TAB_KEY, WORK_KEY } from '../../src/persistence/keys';

const bootDialects = (...args: Parameters<typeof bootPlan>) => bootPlan(...args).map((i) => i.dialect);
const store = (entries: Record<string, unknown>) => ({
  getItem: (k: string) => (k in entries ? JSON.stringify(entries[k]) : null),
});

describe('engines started before the app loads', () => {
  it('follow the dialect of a link, both in compare mode', () => {
    const pg = encodeScenario({ ...defaultScenario(), dialect: 'postgres' });
    expect(bootDialects(`#${pg}`, null, null)).toEqual(['postgres']);
    const both = encodeScenario({ ...defaultScenario(), compare: true });
    expect(bootDialects(`#${both}`, null, null)).toEqual(['sqlite', 'postgres']);
  });

  it("follow the autosaved work when there is no link, and this tab's work for its own fragment", () => {
    const pg = { ...defaultScenario(), dialect: 'postgres' };
    const saved = store({ [WORK_KEY]: { v: 1, scenario: pg } });
    expect(bootDialects('', saved, null)).toEqual(['postgres']);
    const tab = store({ [TAB_KEY]: { v: 1, fragment: 's1/abc', scenario: { ...pg, compare: true } } });
    expect(bootDialects('#s1/abc', null, tab)).toEqual(['sqlite', 'postgres']);
  });

  it('follow what the app opens: stored work the app cannot read opens the default scenario', () => {
    const unreadable = store({ [WORK_KEY]: { v: 1, scenario: { dialect: 'postgres' } } });
    expect(bootPlan('', unreadable, null)).toEqual([{ dialect: 'sqlite', scripts: defaultScenario().sqlite }]);
  });

  it('fall back to SQLite for anything they cannot read', () => {
    expect(bootDialects('#s1/garbage!!', null, null)).toEqual(['sqlite']);
    expect(bootDialects('#example/postgres-merge', null, null)).toEqual(['sqlite']);
    expect(bootDialects('', { getItem: () => '{not json' }, null)).toEqual(['sqlite']);
    expect(bootDialects('', null, null)).toEqual(['sqlite']);
  });
});

describe('scripts run before the app loads', () => {
  it("are the default scenario on a first visit, and the link's own texts for a link", async () => {
    expect(bootPlan('', null, null)).toEqual([{ dialect: 'sqlite', scripts: defaultScenario().sqlite }]);
    const scripts = {
      setup: 'CREATE TABLE t (k text PRIMARY KEY);',
      statement: "INSERT INTO t VALUES ('a') ON CONFLICT DO NOTHING;",
    };
    const link = encodeScenario({ dialect: 'postgres', sqlite: scripts, postgres: scripts });
    expect(bootPlan(`#${link}`, null, null)).toEqual([{ dialect: 'postgres', scripts }]);
  });

  it('are the default scenario when the stored texts are not strings (the app opens it too)', async () => {
    const saved = store({
      [WORK_KEY]: { v: 1, scenario: { dialect: 'sqlite', sqlite: { setup: 42, statement: 'x' } } },
    });
    expect(bootPlan('', saved, null)).toEqual([{ dialect: 'sqlite', scripts: defaultScenario().sqlite }]);
  });

  it('are never those of a link or stored work the app refuses', () => {
    const scripts = { setup: 'CREATE ROLE u1;', statement: 'SET SESSION AUTHORIZATION u1;' };
    const refused = (extra: Record<string, unknown>) =>
      `#s1/${LZString.compressToEncodedURIComponent(JSON.stringify({ dialect: 'postgres', postgres: scripts, ...extra }))}`;
    expect(bootPlan(refused({ title: 'x'.repeat(200) }), null, null)).toEqual([{ dialect: 'postgres', scripts }]);
    expect(bootPlan(refused({ title: 'x'.repeat(201) }), null, null)).toEqual([{ dialect: 'sqlite', scripts: null }]);
    expect(bootPlan(refused({ compare: 'yes' }), null, null)).toEqual([{ dialect: 'sqlite', scripts: null }]);
    const tab = store({
      [TAB_KEY]: { v: 1, fragment: '', scenario: { dialect: 'postgres', postgres: scripts, title: 'x'.repeat(201) } },
    });
    expect(bootPlan('', null, tab)).toEqual([{ dialect: 'sqlite', scripts: defaultScenario().sqlite }]);
  });
});

describe('storage that refuses every call', () => {
  it('reads as empty instead of throwing out of the early boot', () => {
    const refusing = {
      getItem(): string | null {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    };
    const link = encodeScenario({ ...defaultScenario(), dialect: 'postgres' });
    expect(() => bootPlan('', refusing, refusing)).not.toThrow();
    expect(bootPlan('', refusing, refusing)).toEqual([{ dialect: 'sqlite', scripts: defaultScenario().sqlite }]);
    expect(bootDialects(`#${link}`, refusing, refusing)).toEqual(['postgres']);
  });
});
