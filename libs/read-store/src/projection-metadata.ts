import type { LedgerPosition } from '@ledger/events';

/**
 * Carried by every read-model document: how far the ledger has been applied to it. A projection
 * applies an event only if it is past the document's offset for that partition and not among
 * `eventIds`, which makes redelivery, replay overlap and a resubmitted event change nothing.
 */
export interface ProjectionMetadata {
  /** Schema version of the document shape; a rebuild is needed when it changes. */
  schemaVersion: number;
  /** Offset of the newest event applied, per ledger partition (as decimal strings). */
  offsets: Record<string, string>;
  /** Ids of the events applied, so a fact that reached the ledger twice is counted once. */
  eventIds: string[];
  /** When the newest applied event was accepted by the ledger. */
  lastRecordedAt: string;
}

/** Whether the event at `position` (or with `eventId`) has already been applied to a document. */
export function alreadyApplied(metadata: ProjectionMetadata, position: LedgerPosition, eventId: string): boolean {
  const applied = metadata.offsets[String(position.partition)];
  if (applied !== undefined && BigInt(position.offset) <= BigInt(applied)) return true;
  return metadata.eventIds.includes(eventId);
}

/** The metadata after applying one more event. */
export function advanceMetadata(
  metadata: ProjectionMetadata | null,
  schemaVersion: number,
  position: LedgerPosition,
  eventId: string,
  recordedAt: string,
): ProjectionMetadata {
  return {
    schemaVersion,
    offsets: { ...(metadata?.offsets ?? {}), [String(position.partition)]: position.offset },
    eventIds: [...(metadata?.eventIds ?? []), eventId],
    lastRecordedAt: recordedAt,
  };
}

/**
 * advanceMetadata for a document that events from several partitions update (a viewer's grants come
 * from each learner's partition): the partitions interleave differently in a live run and in a
 * rebuild, so `eventIds` is kept sorted and `lastRecordedAt` is the newest seen rather than the last
 * applied. The result depends only on which events were applied, never on their order.
 */
export function advanceOrderFreeMetadata(
  metadata: ProjectionMetadata | null,
  schemaVersion: number,
  position: LedgerPosition,
  eventId: string,
  recordedAt: string,
): ProjectionMetadata {
  const lastRecordedAt = metadata && metadata.lastRecordedAt > recordedAt ? metadata.lastRecordedAt : recordedAt;
  return {
    schemaVersion,
    // Within one partition events arrive in offset order, so the latest is also the largest.
    offsets: { ...(metadata?.offsets ?? {}), [String(position.partition)]: position.offset },
    eventIds: [...(metadata?.eventIds ?? []), eventId].sort(),
    lastRecordedAt,
  };
}
