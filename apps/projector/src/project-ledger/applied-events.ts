import { APPLIED_EVENTS_READ_MODEL, AppliedEventDocument, collectionInGeneration, insertIgnoringDuplicates, ReadStore, readByIds } from '@ledger/read-store';
import type { PositionedEvent } from '@ledger/events';

/**
 * Keeps the first copy of each event id. Every event of a slice is recorded (insert-only, one
 * document per event id) before any projection sees it; an event whose id is already recorded at
 * another position is a second copy of a fact the ledger holds twice and is dropped, while one
 * recorded at its own position is a redelivery and passes on (the documents' offsets make that a no-op).
 * One insert per event, and one `_id` read per repeated id: the cost does not grow with the ledger.
 */
export class AppliedEvents {
  constructor(private readonly store: ReadStore) {}

  async firstCopies<E extends PositionedEvent>(events: readonly E[], generation: string): Promise<E[]> {
    if (events.length === 0) return [];
    const collection = this.store.db.collection<AppliedEventDocument>(collectionInGeneration(APPLIED_EVENTS_READ_MODEL.name, generation));
    const records = events.map(({ event, position }) => ({ _id: event.eventId, partition: position.partition, offset: position.offset }));
    const repeated = await insertIgnoringDuplicates(collection, records);
    if (repeated.size === 0) return [...events];
    const stored = await readByIds(collection, [...repeated].map((i) => records[i]._id));
    return events.filter((positioned, i) => {
      if (!repeated.has(i)) return true;
      const first = stored.get(positioned.event.eventId);
      return first !== undefined && first.partition === positioned.position.partition && first.offset === positioned.position.offset;
    });
  }
}
