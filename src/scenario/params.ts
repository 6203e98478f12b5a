/**
 * Parameter values as the person enters them (in the Parameters panel, links and files), and
 * their conversion to the values the engine binds.
 */
import type { BindValue } from '../engine/types';

/** How a value is meant: the field's text is read according to it. */
export type ParamType = 'text' | 'number' | 'boolean' | 'null' | 'sql';

/** One parameter's value: `type` decides what `value` means (NULL ignores it; '' is an empty string for text). */
export interface ParamValue {
  type: ParamType;
  value: string;
}

export const PARAM_TYPE_LABEL: Record<ParamType, string> = {
  text: 'text',
  number: 'number',
  boolean: 'boolean',
  null: 'NULL',
  sql: 'SQL expression',
};

/** The engine's value for a parameter, or a message saying why the text cannot be one. */
export function toBindValue(p: ParamValue): { ok: true; value: BindValue } | { ok: false; message: string } {
  switch (p.type) {
    case 'text':
      return { ok: true, value: p.value };
    case 'null':
      return { ok: true, value: null };
    case 'number': {
      const t = p.value.trim();
      const n = Number(t);
      if (!t || !Number.isFinite(n)) return { ok: false, message: `"${p.value}" is not a number` };
      return { ok: true, value: n };
    }
    case 'boolean': {
      const t = p.value.trim().toLowerCase();
      if (t === 'true' || t === '1') return { ok: true, value: true };
      if (t === 'false' || t === '0') return { ok: true, value: false };
      return { ok: false, message: `"${p.value}" is not true or false` };
    }
    case 'sql':
      if (!p.value.trim()) return { ok: false, message: 'the SQL expression is empty' };
      return { ok: true, value: { sql: p.value } };
  }
}

/** The values to bind for a run (entries whose text is not valid for their type are left out, so they count as unbound). */
export function bindValues(params: Record<string, ParamValue> | undefined): Record<string, BindValue> {
  const out: Record<string, BindValue> = {};
  for (const [k, p] of Object.entries(params ?? {})) {
    const v = toBindValue(p);
    if (v.ok) out[k] = v.value;
  }
  return out;
}
