import { declareReadModel, ReadModel } from '../indexes/read-model';

/**
 * The first ledger position at which an event id was applied, one document per event id, written
 * insert-only by the projector before any projection sees a batch. An event can reach the ledger
 * twice (an append whose acknowledgement was lost is retried with the same eventId), at two offsets
 * of the same partition (the key is its subject); offsets alone cannot tell the copies apart, so the
 * copy at a position other than the recorded one is skipped. Kept per read-model generation, so a
 * rebuild decides the same way (the earlier copy always comes first in its partition).
 */
export interface AppliedEventDocument {
  /** The event id. */
  _id: string;
  partition: number;
  offset: string;
}

export const APPLIED_EVENTS_READ_MODEL: ReadModel = declareReadModel('applied_events');
