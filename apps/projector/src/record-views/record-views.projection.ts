import { Inject } from '@nestjs/common';
import { EventsHandler, IEventHandler } from '@nestjs/cqrs';
import type { IdentifiableReportRun } from '@ledger/events';
import { collectionInGeneration, insertIgnoringDuplicates, ReadStore, RECORD_VIEWS_READ_MODEL, RecordViewDocument } from '@ledger/read-store';
import { LedgerBatchReceived } from '../ledger-batch-received';
import { recordViewsOf } from './record-view-documents';

/**
 * Owns `record_views`: who was shown each learner's record, for the learner to see. Each document is
 * written once from one event and never changed, with an `_id` derived from that event, so it is
 * inserted, keeping an existing one: nothing to read first, and a redelivered or replayed event changes nothing.
 */
@EventsHandler(LedgerBatchReceived)
export class RecordViewsProjection implements IEventHandler<LedgerBatchReceived> {
  readonly readModels = [RECORD_VIEWS_READ_MODEL];

  constructor(@Inject(ReadStore) private readonly store: ReadStore) {}

  async handle({ events, generation }: LedgerBatchReceived): Promise<void> {
    const views = events.flatMap(({ event }) => (event.type === 'IdentifiableReportRun' ? recordViewsOf(event as IdentifiableReportRun) : []));
    if (views.length === 0) return;
    await insertIgnoringDuplicates(this.store.db.collection<RecordViewDocument>(collectionInGeneration(RECORD_VIEWS_READ_MODEL.name, generation)), views);
  }
}
