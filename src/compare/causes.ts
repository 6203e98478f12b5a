/**
 * Differences grouped by cause, for the count and headings of the summary. One cause can show in
 * several places: generated ids that differ (an identity value PostgreSQL spent on a conflicting
 * row, say) make both the returned rows and the table's rows differ, and nothing else. Those count
 * as one difference, "Generated ids"; every other difference is its own cause. Pure.
 */
import type { Difference } from './types';
import { differenceGroup } from './types';

/** A heading and the differences under it; `causes` is how many differences it counts as. */
export interface CauseGroup {
  heading: string;
  causes: number;
  diffs: Difference[];
}

/** Returned rows that differ only in generated id columns. */
const idsOnly = (d: Difference) => d.kind === 'returnedRows' && Boolean(d.onlyIdentity?.length) && !d.columns;

/** Group real differences (not notes) by cause, keeping the usual headings for the others. */
export function groupByCause(real: readonly Difference[]): CauseGroup[] {
  const ids = real.filter((d) => d.kind === 'identityGap' || idsOnly(d));
  const hasGap = ids.some((d) => d.kind === 'identityGap');
  const groups: CauseGroup[] = [];
  if (hasGap) {
    const places = ids.map(differenceGroup);
    groups.push({
      heading: `Generated ids (${places
        .join(', ')
        .replace(/, ([^,]*)$/, ' and $1')
        .toLowerCase()})`,
      causes: 1,
      diffs: ids,
    });
  }
  const byHeading = new Map<string, Difference[]>();
  for (const d of real) {
    if (hasGap && ids.includes(d)) continue;
    const g = differenceGroup(d);
    byHeading.set(g, [...(byHeading.get(g) ?? []), d]);
  }
  for (const [heading, diffs] of byHeading) groups.push({ heading, causes: diffs.length, diffs });
  return groups;
}

/** "1 difference" / "3 differences", counting causes; "(seen in 2 places)" when fewer causes than places. */
export function causeCount(groups: readonly CauseGroup[]): string {
  const causes = groups.reduce((n, g) => n + g.causes, 0);
  const places = groups.reduce((n, g) => n + g.diffs.length, 0);
  const head = causes === 1 ? '1 difference' : `${causes} differences`;
  return places > causes ? `${head} (seen in ${places} places)` : head;
}
