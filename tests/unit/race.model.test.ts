// The race lab's scenario part: timeline helpers, the optional `race` key through links and
// exports (a scenario without it stays an ordinary one), and the Markdown timeline.
import { describe, expect, it } from 'vitest';
import { addStep, interleave, moveEntry, removeStep, timelineLabels, type RaceScript } from '../../src/race/model';
import { raceMarkdown } from '../../src/race/markdown';
import { encodeScenario, scenarioToJson } from '../../src/scenario/link';
import { decodeScenario } from '../../src/scenario/linkDecode';
import { defaultScenario } from '../../src/scenario/scenario';
import { scenarioMarkdown } from '../../src/share/markdown';

const race: RaceScript = {
  sessions: [["SELECT id FROM users WHERE email = 'a';", 'INSERT INTO users (email) VALUES (`a`);'], ['SELECT 1;']],
  timeline: interleave([['x', 'y'], ['z']]),
};

describe('timeline helpers', () => {
  it('interleaves A1, B1, A2 and labels a repeated step', () => {
    expect(timelineLabels(race.timeline)).toEqual(['A1', 'B1', 'A2']);
    expect(timelineLabels([...race.timeline, { session: 0, step: 0 }, { session: 0, step: 0 }])).toEqual([
      'A1',
      'B1',
      'A2',
      'A1 (again)',
      'A1 (3rd time)',
    ]);
  });
  it('moves, adds and removes steps', () => {
    expect(timelineLabels(moveEntry(race.timeline, 2, 0))).toEqual(['A2', 'A1', 'B1']);
    expect(moveEntry(race.timeline, 0, 9)).toEqual(race.timeline);
    const removed = removeStep(race, 0, 0);
    expect(removed.sessions[0]).toEqual([race.sessions[0]![1]]);
    expect(timelineLabels(removed.timeline)).toEqual(['B1', 'A1']);
    expect(timelineLabels(addStep(race, 1, 'SELECT 2;').timeline)).toEqual(['A1', 'B1', 'A2', 'B2']);
  });
});

describe('the race key in links', () => {
  it('round-trips, and a scenario without it has no race key', () => {
    const s = { ...defaultScenario(), race: { sqlite: race, postgres: race } };
    const back = decodeScenario(encodeScenario(s));
    expect(back.ok && back.scenario.race).toEqual(s.race);
    expect('race' in scenarioToJson(defaultScenario())).toBe(false);
    const plain = decodeScenario(encodeScenario(defaultScenario()));
    expect(plain.ok && plain.scenario.race).toBeUndefined();
  });
  it('refuses a timeline entry that names no step', () => {
    const bad = { ...defaultScenario(), race: { sqlite: { ...race, timeline: [{ session: 1, step: 4 }] } } };
    const r = decodeScenario(encodeScenario(bad as never));
    expect(r.ok).toBe(false);
  });
});

describe('Markdown', () => {
  it('renders the timeline as a numbered list with each step’s session and SQL', () => {
    const lines = raceMarkdown(race);
    expect(lines).toContain("1. **A1** (session A): `SELECT id FROM users WHERE email = 'a';`");
    expect(lines).toContain('2. **B1** (session B): `SELECT 1;`');
    expect(lines).toContain('3. **A2** (session A): `` INSERT INTO users (email) VALUES (`a`); ``');
    const md = scenarioMarkdown({ ...defaultScenario(), race: { sqlite: race, postgres: race } }, 'https://x/#s1/a');
    expect(md).toContain('**Timeline**');
    expect(md).not.toContain('**Statement**');
  });
});
