/**
 * Collects which normalisation rules made values equal, and where, so the comparison can list
 * them as notes ("booleans compared as 1/0 in users.active") rather than apply them silently.
 */
import type { Value } from '../engine/types';
import type { Difference, ValuePair } from './types';
import { compareValues, type NormalisationRule, type ValueComparison } from './values';

const MAX_SAMPLES = 3;

/** Records the rules applied during one comparison. */
export class NormalisationLog {
  private readonly used = new Map<NormalisationRule, { places: Set<string>; samples: ValuePair[] }>();

  /** Compare two cells and, when a rule made them equal, remember the rule and the place. */
  compare(sqlite: Value, postgres: Value, place: string): ValueComparison {
    const result = compareValues(sqlite, postgres);
    if (result.equal && result.rule) {
      let entry = this.used.get(result.rule);
      if (!entry) {
        entry = { places: new Set(), samples: [] };
        this.used.set(result.rule, entry);
      }
      entry.places.add(place);
      if (entry.samples.length < MAX_SAMPLES) entry.samples.push({ sqlite, postgres });
    }
    return result;
  }

  /** The notes, one per rule used, in a stable order. */
  notes(): Difference[] {
    const order: NormalisationRule[] = ['boolean', 'numericText', 'timestamp', 'json'];
    return order.flatMap((rule) => {
      const entry = this.used.get(rule);
      return entry
        ? [{ kind: 'normalisation' as const, rule, places: [...entry.places].sort(), samples: entry.samples }]
        : [];
    });
  }
}
