import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Collection, MongoBulkWriteError } from 'mongodb';
import type { Logger } from 'pino';
import type { LedgerPosition } from '@ledger/events';
import { ReadStore } from '@ledger/read-store';
import { APP_LOGGER } from '../../tokens';

/** First sight of an eventId: the hash of its content and the request (batch) that claimed it. */
interface EventClaim {
  _id: string;
  contentHash: string;
  batchId: string;
}

/**
 * Where one request's events landed, written once Kafka acknowledged them: one document per batch
 * rather than one per event, because each insert into the store is the expensive part of ingest.
 * `_id` is the batch id, or `retry:<eventId>` for an event appended again after its first append failed.
 */
interface BatchReceipt {
  _id: string;
  /** eventId → [partition, offset] */
  positions: Record<string, [number, string]>;
}

export const EVENT_CLAIMS_COLLECTION = 'ingest_event_claims';
export const BATCH_RECEIPTS_COLLECTION = 'ingest_batch_receipts';

/** What the receipts know about one event of a batch. */
export type ClaimOutcome =
  | { kind: 'new' }
  /** Seen before with the same content; `position` is null if its append was never confirmed. */
  | { kind: 'repeat'; position: LedgerPosition | null }
  | { kind: 'conflict' };

/** A batch's claims: the id its receipt will have, and what is known of each event. */
export interface BatchClaim {
  batchId: string;
  outcomes: ClaimOutcome[];
}

/**
 * Ingest's memory of which eventIds it has accepted, so a resubmission is acknowledged without being
 * appended again and a reused eventId with other content is refused. Everything is insert-only: on
 * FerretDB (SQLite) inserts and `_id` reads are fast while updates and other reads scan.
 */
@Injectable()
export class EventReceipts {
  constructor(
    @Inject(ReadStore) private readonly store: ReadStore,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {}

  private get claims(): Collection<EventClaim> {
    return this.store.db.collection<EventClaim>(EVENT_CLAIMS_COLLECTION);
  }
  private get receipts(): Collection<BatchReceipt> {
    return this.store.db.collection<BatchReceipt>(BATCH_RECEIPTS_COLLECTION);
  }

  /** Claims every eventId of a batch in one insert; only the ones already claimed are looked up. */
  async claim(events: Array<{ eventId: string; contentHash: string }>): Promise<BatchClaim> {
    const batchId = randomUUID();
    const taken = await insertIgnoringDuplicates(this.claims, events.map((e) => ({ _id: e.eventId, contentHash: e.contentHash, batchId })));
    const outcomes = await Promise.all(
      events.map(async (event, index): Promise<ClaimOutcome> => {
        if (!taken.has(index)) return { kind: 'new' };
        const earlier = await this.claims.findOne({ _id: event.eventId });
        if (!earlier) return { kind: 'repeat', position: null };
        if (earlier.contentHash !== event.contentHash) return { kind: 'conflict' };
        return { kind: 'repeat', position: await this.findPosition(event.eventId, earlier.batchId) };
      }),
    );
    return { batchId, outcomes };
  }

  private async findPosition(eventId: string, batchId: string): Promise<LedgerPosition | null> {
    const found = (await this.receipts.findOne({ _id: batchId }))?.positions[eventId] ?? (await this.receipts.findOne({ _id: `retry:${eventId}` }))?.positions[eventId];
    return found ? { partition: found[0], offset: found[1] } : null;
  }

  /** Withdraws claims made by a batch that was refused, so the client can correct and resend it. */
  async release(eventIds: string[]): Promise<void> {
    if (eventIds.length === 0) return;
    await this.claims.deleteMany({ _id: { $in: eventIds } });
  }

  /**
   * Records where acknowledged events landed: new ones under the batch's receipt, re-appended ones
   * under `retry:<eventId>`. The events are already durable in Kafka, so a failure here is logged,
   * not returned: a later resubmission is then appended again and counted once downstream, because
   * projections count an eventId once.
   */
  async recordPositions(batchId: string, appended: Array<{ eventId: string; position: LedgerPosition; retried: boolean }>): Promise<void> {
    if (appended.length === 0) return;
    const entry = (e: { eventId: string; position: LedgerPosition }): [string, [number, string]] => [e.eventId, [e.position.partition, e.position.offset]];
    const fresh = appended.filter((e) => !e.retried);
    const receipts: BatchReceipt[] = appended.filter((e) => e.retried).map((e) => ({ _id: `retry:${e.eventId}`, positions: Object.fromEntries([entry(e)]) }));
    if (fresh.length > 0) receipts.push({ _id: batchId, positions: Object.fromEntries(fresh.map(entry)) });
    await insertIgnoringDuplicates(this.receipts, receipts).catch((error: Error) =>
      this.logger.warn({ err: error, batchId, count: appended.length }, 'could not record appended positions'),
    );
  }
}

/** Inserts all documents that are new; returns the indexes whose `_id` already existed. */
async function insertIgnoringDuplicates<T extends { _id: string }>(collection: Collection<T>, documents: T[]): Promise<Set<number>> {
  try {
    await collection.insertMany(documents as never, { ordered: false });
    return new Set();
  } catch (error) {
    if (!(error instanceof MongoBulkWriteError)) throw error;
    const writeErrors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
    if (writeErrors.some((e) => e.code !== 11000)) throw error;
    return new Set(writeErrors.map((e) => e.index));
  }
}
