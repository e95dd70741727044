import { Inject, Injectable } from '@nestjs/common';
import { MongoBulkWriteError } from 'mongodb';
import type { Logger } from 'pino';
import type { LedgerPosition } from '@ledger/events';
import { ReadStore } from '@ledger/read-store';
import { APP_LOGGER } from '../tokens';

/** First sight of an eventId and the hash of its content. Owned by ingest; not a read model. */
interface EventClaim {
  _id: string;
  contentHash: string;
}

/** Where an eventId was appended, written once Kafka acknowledged it. */
interface EventPosition extends LedgerPosition {
  _id: string;
}

export const EVENT_CLAIMS_COLLECTION = 'ingest_event_claims';
export const EVENT_POSITIONS_COLLECTION = 'ingest_event_positions';

/** What the receipts know about one event of a batch. */
export type ClaimOutcome =
  | { kind: 'new' }
  /** Seen before with the same content; `position` is null if its append was never confirmed. */
  | { kind: 'repeat'; position: LedgerPosition | null }
  | { kind: 'conflict' };

/**
 * Ingest's memory of which eventIds it has accepted, so a resubmission is acknowledged without being
 * appended again and a reused eventId with other content is refused. Both collections are
 * insert-only: on FerretDB (SQLite) inserts and `_id` reads are fast while updates scan.
 */
@Injectable()
export class EventReceipts {
  constructor(
    @Inject(ReadStore) private readonly store: ReadStore,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {}

  /** Claims every eventId of a batch in one insert; only the ones already claimed are looked up. */
  async claim(events: Array<{ eventId: string; contentHash: string }>): Promise<ClaimOutcome[]> {
    const claims = this.store.db.collection<EventClaim>(EVENT_CLAIMS_COLLECTION);
    const taken = await insertIgnoringDuplicates(claims, events.map((e) => ({ _id: e.eventId, contentHash: e.contentHash })));
    return Promise.all(
      events.map(async (event, index): Promise<ClaimOutcome> => {
        if (!taken.has(index)) return { kind: 'new' };
        const earlier = await claims.findOne({ _id: event.eventId });
        if (earlier && earlier.contentHash !== event.contentHash) return { kind: 'conflict' };
        const position = await this.store.db.collection<EventPosition>(EVENT_POSITIONS_COLLECTION).findOne({ _id: event.eventId });
        return { kind: 'repeat', position: position ? { partition: position.partition, offset: position.offset } : null };
      }),
    );
  }

  /** Withdraws claims made by a batch that was refused, so the client can correct and resend it. */
  async release(eventIds: string[]): Promise<void> {
    if (eventIds.length === 0) return;
    await this.store.db.collection<EventClaim>(EVENT_CLAIMS_COLLECTION).deleteMany({ _id: { $in: eventIds } });
  }

  /**
   * Records where acknowledged events landed. The events are already durable in Kafka, so a failure
   * here is logged, not returned: a later resubmission is then appended again and counted once
   * downstream, because projections count an eventId once.
   */
  async recordPositions(events: Array<{ eventId: string; position: LedgerPosition }>): Promise<void> {
    if (events.length === 0) return;
    const positions = this.store.db.collection<EventPosition>(EVENT_POSITIONS_COLLECTION);
    await insertIgnoringDuplicates(positions, events.map((e) => ({ _id: e.eventId, ...e.position }))).catch((error: Error) =>
      this.logger.warn({ err: error, count: events.length }, 'could not record appended positions'),
    );
  }
}

/** Inserts all documents that are new; returns the indexes whose `_id` already existed. */
async function insertIgnoringDuplicates<T extends { _id: string }>(
  collection: import('mongodb').Collection<T>,
  documents: T[],
): Promise<Set<number>> {
  try {
    await collection.insertMany(documents as never, { ordered: false });
    return new Set();
  } catch (error) {
    if (!(error instanceof MongoBulkWriteError)) throw error;
    const writeErrors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
    const other = writeErrors.find((e) => e.code !== 11000);
    if (other) throw error;
    return new Set(writeErrors.map((e) => e.index));
  }
}
