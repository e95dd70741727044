/** How the ledger differs from what was sealed, at the first offset where it does. */
export type BreakKind = 'altered' | 'inserted' | 'removed' | 'reordered';

/**
 * Names the first difference between the sealed events and the ledger as it is now, from content
 * digests (which do not depend on position):
 *  - the sealed event is still there later, and the event found here was sealed later: **reordered**;
 *  - the sealed event is still there later, and the event found here was never sealed after it: **inserted**;
 *  - the sealed event is gone, and the event found here is one sealed after it: **removed**;
 *  - the sealed event is gone, and the event found here was never sealed after it: **altered**.
 * `foundHere` is null when the partition ends before the sealed events do (they were removed).
 *
 * A limit worth knowing: when the last sealed events are removed and unsealed events move up into
 * their place, those unsealed events were never sealed, so the break reads as "altered".
 */
export function classifyBreak(
  foundHere: string | null,
  sealedHere: string,
  sealedAfterHere: { has(digest: string): boolean },
  foundAfterHere: { has(digest: string): boolean },
): BreakKind {
  if (foundHere === null) return 'removed';
  const sealedEventStillThere = foundAfterHere.has(sealedHere);
  const foundEventSealedLater = sealedAfterHere.has(foundHere);
  if (sealedEventStillThere) return foundEventSealedLater ? 'reordered' : 'inserted';
  return foundEventSealedLater ? 'removed' : 'altered';
}
