/**
 * The working state of one script translation: the edits collected so far, what was changed, what
 * could not be translated, and helpers the rules use to edit nodes and report by line.
 */
import type { Dialect } from '../engine/types';
import type { SchemaModel } from './schemaModel';
import { lineComments, lineAt, type CstNode, type Edit } from './sqlSource';

/** The constructs a change or problem is about (the UI may group by it). */
export type Construct =
  | 'types'
  | 'identity'
  | 'timestamps'
  | 'booleans'
  | 'insertOrReplace'
  | 'insertOrIgnore'
  | 'insertOr'
  | 'conflictTarget'
  | 'onConstraint'
  | 'multipleOnConflict'
  | 'insertSelect'
  | 'returning'
  | 'merge'
  | 'casts'
  | 'functions'
  | 'identifiers'
  | 'tableOptions'
  | 'overriding'
  | 'statement'
  | 'syntax';

/** Something the translation changed. */
export interface Change {
  /** 1-based line in the source script. */
  line: number;
  construct: Construct;
  message: string;
}

/** Something that could not be translated, or that behaves differently after translation. */
export interface Problem {
  line: number;
  construct: Construct;
  message: string;
}

/** How a script is used: setup scripts may get extra statements (e.g. sequence fixes). */
export type ScriptRole = 'setup' | 'statement';

type AnyNode = CstNode & Record<string, unknown>;

/** Mutable state of one translation. */
export class Translator {
  readonly edits: Edit[] = [];
  readonly changes: Change[] = [];
  readonly untranslatable: Problem[] = [];
  readonly warnings: Problem[] = [];
  /** Tables whose identity column got explicit values in a setup (PostgreSQL needs setval after). */
  readonly identityFixes = new Map<string, { table: string; column: string }>();
  /** Offset of the current statement's node ranges within the script. */
  base = 0;

  constructor(
    readonly sql: string,
    readonly from: Dialect,
    readonly to: Dialect,
    readonly schema: SchemaModel,
    readonly role: ScriptRole,
  ) {}

  /** Absolute [start, end) of a node. */
  span(node: unknown): [number, number] {
    const r = (node as CstNode).range;
    if (!r) throw new Error('node without range');
    return [this.base + r[0], this.base + r[1]];
  }

  /** Source text of a node. */
  text(node: unknown): string {
    const [s, e] = this.span(node);
    return this.sql.slice(s, e);
  }

  /** Replace a node (or an absolute range) with text. */
  replace(target: unknown, text: string): void {
    const [start, end] = Array.isArray(target) ? (target as [number, number]) : this.span(target);
    this.edits.push({ start, end, text });
  }

  /** Insert text at an absolute offset. */
  insert(at: number, text: string): void {
    this.edits.push({ start: at, end: at, text });
  }

  /** Remove a node together with the whitespace before it (so `PRIMARY KEY AUTOINCREMENT` → `PRIMARY KEY`). */
  removeWithSpace(node: unknown): void {
    const [s, e] = this.span(node);
    let start = s;
    while (start > 0 && /[ \t]/.test(this.sql[start - 1]!)) start--;
    this.edits.push({ start, end: e, text: '' });
  }

  private at(node: unknown): number {
    return typeof node === 'number' ? lineAt(this.sql, node) : lineAt(this.sql, this.span(node)[0]);
  }

  private add(list: Change[], node: unknown, construct: Construct, message: string): void {
    const line = this.at(node);
    if (!list.some((c) => c.line === line && c.construct === construct && c.message === message))
      list.push({ line, construct, message });
  }

  /** Record a change at a node (or absolute offset). */
  change(node: unknown, construct: Construct, message: string): void {
    this.add(this.changes, node, construct, message);
  }

  /** Record something that could not be translated. */
  problem(node: unknown, construct: Construct, message: string): void {
    this.add(this.untranslatable, node, construct, message);
  }

  /** Record a behaviour that differs even though the text was translated. */
  warn(node: unknown, construct: Construct, message: string): void {
    this.add(this.warnings, node, construct, message);
  }

  /**
   * Comment a whole statement out (with its semicolon), discarding edits made inside it. In a
   * statement script a placeholder SELECT takes its place, so statements stay paired by position
   * when the two runs are compared.
   */
  commentOut(stmt: unknown, label: string): void {
    const [s, e0] = this.span(stmt);
    let e = e0;
    let i = e;
    while (i < this.sql.length && /[ \t]/.test(this.sql[i]!)) i++;
    if (this.sql[i] === ';') e = i + 1;
    for (let k = this.edits.length - 1; k >= 0; k--) {
      const ed = this.edits[k]!;
      if (ed.start >= s && ed.end <= e) this.edits.splice(k, 1);
    }
    const rest = this.sql.slice(e).match(/^[^\n]*/)?.[0] ?? '';
    const placeholder =
      this.role === 'statement' ? `\nSELECT 'not translated: ${label.replace(/'/g, "''")}' AS untranslated;` : '';
    this.edits.push({
      start: s,
      end: e,
      text: lineComments(this.sql.slice(s, e)) + placeholder + (rest.trim() ? '\n' : ''),
    });
  }

  /** Children of a node by property name, typed loosely. */
  static readonly get = (node: unknown, key: string): AnyNode | undefined =>
    (node as AnyNode | undefined)?.[key] as AnyNode | undefined;
}
