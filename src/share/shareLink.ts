/** The link that shares a scenario, and copying it from the click that asked for it. */
import { encodeScenario } from '../scenario/link';
import type { Scenario } from '../scenario/scenario';
import { copyText } from '../lib/clipboard';
import { addressWithFragment } from '../persistence/history';

/** The full `#s1/` link to `scenario` (it keeps working even if an example changes later). */
export function shareLink(scenario: Scenario): string {
  return addressWithFragment(encodeScenario(scenario));
}

/**
 * Copy the share link. Call it from the click handler itself: Safari and Firefox allow a clipboard
 * write only while the click's user activation lasts, which a dialog opening later has lost.
 */
export function copyShareLink(scenario: Scenario): Promise<boolean> {
  return copyText(shareLink(scenario));
}
