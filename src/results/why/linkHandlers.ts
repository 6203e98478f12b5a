/** Mouse handlers that link a Before/After row to the proposed rows it came from. */
import type { MouseEvent } from 'react';
import { highlightProposedRows } from './linking';

export function linkHandlers(table: string, after: number | undefined, before: number | undefined) {
  return {
    onMouseEnter: (e: MouseEvent<HTMLElement>) => highlightProposedRows(e.currentTarget, table, after, before),
    onMouseLeave: (e: MouseEvent<HTMLElement>) => highlightProposedRows(e.currentTarget, table, undefined, undefined),
  };
}
