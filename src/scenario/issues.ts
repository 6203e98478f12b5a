/**
 * Plain-language descriptions of validation issues (valibot's), for people who hand-edited a link
 * or a JSON file: which field, what was expected, what was found.
 */
import type { BaseIssue } from 'valibot';
import { quoteUntrusted } from './untrusted';

type Issue = BaseIssue<unknown>;

/** Describe up to `max` issues as one sentence fragment, e.g. `"sqlite.setup" should be text, not a number`. */
export function describeIssues(issues: readonly Issue[], max = 3): string {
  if (issues.length === 0) return 'unknown problem';
  const parts = issues.slice(0, max).map(describeIssue);
  const more =
    issues.length > max ? `; and ${issues.length - max} more problem${issues.length - max === 1 ? '' : 's'}` : '';
  return parts.join('; ') + more;
}

const TYPES = new Set(['string', 'object', 'boolean', 'number', 'array']);

/** Describe one issue. */
function describeIssue(issue: Issue): string {
  const path = (issue.path ?? []).map((p) => String(p.key));
  const field = path.length ? `"${path.join('.')}"` : 'it';
  const { input } = issue;
  if (issue.kind === 'schema' && TYPES.has(issue.type)) {
    if (input === undefined && path.length) return `${field} is missing`;
    return `${field} should be ${typeName(issue.type)}, not ${valueKind(input)}`;
  }
  switch (issue.type) {
    case 'picklist':
      // valibot's `expected` reads `("a" | "b")`.
      return `${field} should be one of ${(issue.expected ?? '')
        .replace(/^\((.*)\)$/, '$1')
        .split(' | ')
        .join(', ')}${input === undefined ? ' but is missing' : `, not ${preview(input)}`}`;
    case 'max_length':
      return Array.isArray(input)
        ? `${field} has too many entries (at most ${String(issue.requirement)})`
        : `${field} is too long (at most ${String(issue.requirement)} characters)`;
    case 'check':
      return `${field} ${issue.message}`;
    default:
      return `${field}: ${issue.message}`;
  }
}

function typeName(expected: string): string {
  switch (expected) {
    case 'string':
      return 'text';
    case 'object':
      return 'an object';
    case 'boolean':
      return 'true or false';
    case 'number':
      return 'a number';
    case 'array':
      return 'a list';
    default:
      return expected;
  }
}

/** What kind of JSON value this is, in words. */
export function valueKind(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  switch (typeof v) {
    case 'string':
      return 'text';
    case 'number':
      return 'a number';
    case 'boolean':
      return v ? 'true' : 'false';
    case 'object':
      return 'an object';
    default:
      return typeof v;
  }
}

function preview(v: unknown): string {
  // Someone else's text: quoted as data (shortened, invisibles named, bidi-isolated).
  if (typeof v === 'string') return quoteUntrusted(v);
  return valueKind(v);
}
