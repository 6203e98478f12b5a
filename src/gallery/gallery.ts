/**
 * Gallery helpers for the app shell: look examples up, filter them, turn one into a Scenario,
 * read and write `#example/ID` links, and split explanation text into code and prose.
 */
import { DIALECT_LABEL, type Dialect } from '../engine/types';
import { exampleFragment, exampleIdOf } from '../scenario/fragment';
import { sameScenario, type Scenario, type Scripts } from '../scenario/scenario';
import { EXAMPLES } from './examples';
import type { Example, Tag } from './types';
import { normalizeRace } from '../race/model';

export { EXAMPLES };

/** The example with this id, if any. */
export function findExample(id: string): Example | undefined {
  return EXAMPLES.find((e) => e.id === id);
}

/** The dialects an example runs on, SQLite first. */
export function supportedDialects(example: Example): Dialect[] {
  return (['sqlite', 'postgres'] as const).filter((d) => example.dialects[d] !== undefined);
}

/** The dialect to open an example in: the preferred one when the example supports it, else the one it needs. */
export function dialectFor(example: Example, preferred: Dialect): Dialect {
  const supported = supportedDialects(example);
  return supported.includes(preferred) ? preferred : (supported[0] ?? preferred);
}

/** SQL comment lines (each prefixed with `-- `) for a block of prose. */
function comment(lines: string[]): string {
  return lines.map((l) => (l ? `-- ${l}` : '--')).join('\n') + '\n';
}

/** The scripts shown for a dialect the example cannot run on: why, then the nearest attempt. */
function unsupportedScripts(example: Example, dialect: Dialect): Scripts {
  const needed = DIALECT_LABEL[dialectFor(example, dialect)];
  const here = DIALECT_LABEL[dialect];
  const header = comment([
    `The example "${example.title}" needs ${needed}.`,
    example.reason ?? `It cannot be expressed in ${here}.`,
    `Switch back to ${needed} to run it.`,
  ]);
  if (!example.attempt) return { setup: header, statement: header };
  return {
    setup: header + '\n' + example.attempt.setup,
    statement:
      comment([`The nearest ${here} attempt is below: run it to see ${here} reject it.`]) +
      '\n' +
      example.attempt.statement,
  };
}

/**
 * The Scenario an example opens as: its scripts in each dialect it supports (a commented
 * explanation plus the failing attempt in a dialect it does not), in the preferred dialect when
 * the example supports it, else in the one it needs.
 */
export function exampleToScenario(example: Example, preferredDialect: Dialect): Scenario {
  const scripts = (d: Dialect): Scripts => {
    const v = example.dialects[d];
    return v ? { setup: v.setup, statement: v.statement } : unsupportedScripts(example, d);
  };
  return {
    dialect: dialectFor(example, preferredDialect),
    sqlite: scripts('sqlite'),
    postgres: scripts('postgres'),
    title: example.title,
    origin: { sqlite: 'authored', postgres: 'authored' },
    ...(example.race ? { race: normalizeRace(example.race) } : {}),
  };
}

/**
 * True while a scenario is still the example as opened (in either dialect); once the person edits
 * a script it is an ordinary scenario and gets a `#s1/` link.
 */
export function scenarioIsExample(example: Example, scenario: Scenario): boolean {
  const opened = exampleToScenario(example, scenario.dialect);
  return sameScenario({ ...opened, dialect: scenario.dialect, compare: scenario.compare }, scenario);
}

/** The fragment that opens an example, e.g. `#example/bulk-upsert`. */
export function exampleHash(id: string): string {
  return `#${exampleFragment(id)}`;
}

/** The example id in a fragment (`#example/ID` or `example/ID`) when it is a well-formed id, else null. */
export function parseExampleHash(hash: string): string | null {
  const id = exampleIdOf(hash);
  return id !== null && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(id) ? id : null;
}

/** What the gallery filters on: selected tags (an example must carry all of them) and free text. */
export interface ExampleFilter {
  tags: readonly Tag[];
  query: string;
}

/** All the text an example can be found by, lower-cased. */
function searchText(example: Example): string {
  const parts = [example.id, example.title, example.summary, example.reason ?? '', example.tags.join(' ')];
  for (const v of Object.values(example.dialects)) parts.push(v.statement, ...v.explanation);
  return parts.join('\n').toLowerCase();
}

/** The examples that carry every selected tag and contain every word of the query. */
export function filterExamples(examples: readonly Example[], filter: ExampleFilter): Example[] {
  const words = filter.query.toLowerCase().split(/\s+/).filter(Boolean);
  return examples.filter((e) => {
    if (!filter.tags.every((t) => e.tags.includes(t))) return false;
    if (words.length === 0) return true;
    const text = searchText(e);
    return words.every((w) => text.includes(w));
  });
}

/** A run of explanation text: prose, or code written between backticks. */
export interface TextPart {
  code: boolean;
  text: string;
}

/** Split a paragraph at backticks: odd segments are code. An unmatched backtick stays literal. */
export function splitCode(paragraph: string): TextPart[] {
  const parts: TextPart[] = [];
  let rest = paragraph;
  let prose = '';
  for (;;) {
    const open = rest.indexOf('`');
    const close = open < 0 ? -1 : rest.indexOf('`', open + 1);
    if (open < 0 || close < 0) {
      prose += rest;
      break;
    }
    prose += rest.slice(0, open);
    if (prose) parts.push({ code: false, text: prose });
    prose = '';
    parts.push({ code: true, text: rest.slice(open + 1, close) });
    rest = rest.slice(close + 1);
  }
  if (prose) parts.push({ code: false, text: prose });
  return parts;
}
