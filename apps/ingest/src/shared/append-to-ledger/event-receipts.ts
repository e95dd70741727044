import { randomUUID } from 'node:crypto';
import type { Collection, Db } from 'mongodb';
import type { Logger } from 'pino';
import type { LedgerPosition } from '@ledger/events';
import { declareReadModel, deleteByIds, insertIgnoringDuplicates, ReadStore } from '@ledger/read-store';

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

/** Both are read by `_id` only. They live in ingest's own database, not among the read models. */
const EVENT_CLAIMS = declareReadModel('ingest_event_claims');
const BATCH_RECEIPTS = declareReadModel('ingest_batch_receipts');

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
 * appended again and a reused eventId with other content is refused. It is ingest's own state, kept in
 * its own database: read models may be dropped and rebuilt from the ledger, this may not. Everything
 * is insert-only and read by `_id`, the cheapest writes and reads on every store.
 */
export class EventReceipts {
  private readonly db: Db;

  constructor(
    private readonly store: ReadStore,
    stateDatabase: string,
    private readonly logger: Logger,
  ) {
    this.db = store.database(stateDatabase);
  }

  /** Creates the collections with their `_id` indexes (on FerretDB, ones its queries use). */
  async ensureIndexes(): Promise<void> {
    for (const collection of [EVENT_CLAIMS, BATCH_RECEIPTS]) await this.store.ensureIndexes(collection, '', this.db);
  }

  private get claims(): Collection<EventClaim> {
    return this.db.collection<EventClaim>(EVENT_CLAIMS.name);
  }
  private get receipts(): Collection<BatchReceipt> {
    return this.db.collection<BatchReceipt>(BATCH_RECEIPTS.name);
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
    await deleteByIds(this.claims, eventIds);
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
