/**
 * Plain-language descriptions of zod validation issues, for people who hand-edited a link or a
 * JSON file: which field, what was expected, what was found.
 */
import type { z } from 'zod/mini';
import { quoteUntrusted } from './untrusted';

type Issue = z.core.$ZodIssue;

/** Describe up to `max` issues as one sentence fragment, e.g. `"sqlite.setup" should be text, not a number`. */
export function describeIssues(issues: readonly Issue[], max = 3): string {
  if (issues.length === 0) return 'unknown problem';
  const parts = issues.slice(0, max).map(describeIssue);
  const more =
    issues.length > max ? `; and ${issues.length - max} more problem${issues.length - max === 1 ? '' : 's'}` : '';
  return parts.join('; ') + more;
}

/** Describe one issue. */
function describeIssue(issue: Issue): string {
  const field = issue.path.length ? `"${issue.path.map(String).join('.')}"` : 'it';
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined && issue.path.length) return `${field} is missing`;
      return `${field} should be ${typeName(issue.expected)}, not ${valueKind(input)}`;
    case 'invalid_value':
      return `${field} should be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}${
        input === undefined ? ' but is missing' : `, not ${preview(input)}`
      }`;
    case 'too_big':
      return `${field} is too long (at most ${String(issue.maximum)} characters)`;
    case 'custom':
      return issue.path.length ? `${field} ${issue.message}` : `it ${issue.message}`;
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
