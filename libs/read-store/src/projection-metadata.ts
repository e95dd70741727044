import type { LedgerPosition } from '@ledger/events';

/**
 * Carried by every read-model document: how far the ledger has been applied to it. A projection
 * applies an event only if it is past the document's offset for that partition, which makes
 * redelivery and replay overlap change nothing. An event appended twice (at two offsets) is caught
 * earlier, once per eventId, by the projector's applied-events record (see applied-event.document.ts),
 * so documents never carry event ids and never grow with the number of events applied to them.
 */
export interface ProjectionMetadata {
  /** Schema version of the document shape; a rebuild is needed when it changes. */
  schemaVersion: number;
  /** Offset of the newest event applied, per ledger partition (as decimal strings). */
  offsets: Record<string, string>;
  /** When the newest applied event was accepted by the ledger. */
  lastRecordedAt: string;
}

/** Whether the event at `position` has already been applied to a document. */
export function alreadyApplied(metadata: ProjectionMetadata, position: LedgerPosition): boolean {
  const applied = metadata.offsets[String(position.partition)];
  return applied !== undefined && BigInt(position.offset) <= BigInt(applied);
}

/**
 * The metadata after applying one more event. `lastRecordedAt` is the newest seen rather than the last
 * applied: a document that events from several partitions update (a viewer's grants come from each
 * learner's partition) sees the partitions interleave differently in a live run and in a rebuild, and
 * the result must depend only on which events were applied, never on their order.
 */
export function advanceMetadata(metadata: ProjectionMetadata | null, schemaVersion: number, position: LedgerPosition, recordedAt: string): ProjectionMetadata {
  const lastRecordedAt = metadata && metadata.lastRecordedAt > recordedAt ? metadata.lastRecordedAt : recordedAt;
  return {
    schemaVersion,
    // Within one partition events arrive in offset order, so the latest is also the largest.
    offsets: { ...(metadata?.offsets ?? {}), [String(position.partition)]: position.offset },
    lastRecordedAt,
  };
}

/** The metadata of a document no event has been applied to yet. */
export function noEventsApplied(schemaVersion: number): ProjectionMetadata {
  return { schemaVersion, offsets: {}, lastRecordedAt: '' };
}
