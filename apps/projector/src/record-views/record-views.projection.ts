import { Inject } from '@nestjs/common';
import { EventsHandler, IEventHandler } from '@nestjs/cqrs';
import type { AnyBulkWriteOperation } from 'mongodb';
import type { IdentifiableReportRun } from '@ledger/events';
import { bulkWriteInChunks, collectionInGeneration, ReadStore, RECORD_VIEWS_COLLECTION, RecordViewDocument } from '@ledger/read-store';
import { LedgerBatchReceived } from '../ledger-batch-received';
import { recordViewsOf } from './record-view-documents';

/**
 * Owns `record_views`: who was shown each learner's record, for the learner to see. Each document is
 * written once from one event and never changed, with an `_id` derived from that event, so it is
 * written insert-if-absent: nothing to read first, and a redelivered or replayed event changes nothing.
 */
@EventsHandler(LedgerBatchReceived)
export class RecordViewsProjection implements IEventHandler<LedgerBatchReceived> {
  readonly collections = [RECORD_VIEWS_COLLECTION];

  constructor(@Inject(ReadStore) private readonly store: ReadStore) {}

  async handle({ events, generation }: LedgerBatchReceived): Promise<void> {
    const views = events.flatMap(({ event }) => (event.type === 'IdentifiableReportRun' ? recordViewsOf(event as IdentifiableReportRun) : []));
    if (views.length === 0) return;
    const writes: AnyBulkWriteOperation<RecordViewDocument>[] = views.map((view) => ({
      updateOne: { filter: { _id: view._id }, update: { $setOnInsert: view }, upsert: true },
    }));
    await bulkWriteInChunks(this.store.db.collection<RecordViewDocument>(collectionInGeneration(RECORD_VIEWS_COLLECTION, generation)), writes);
  }
}
