import type { LedgerPosition } from '@ledger/events';
import type { ProjectionMetadata } from '@ledger/read-store';

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
