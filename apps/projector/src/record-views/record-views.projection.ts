import { Inject } from '@nestjs/common';
import { EventsHandler, IEventHandler } from '@nestjs/cqrs';
import type { IdentifiableReportRun } from '@ledger/events';
import {
  collectionInGeneration,
  COVERED_REPORT_RUNS_READ_MODEL,
  CoveredReportRunDocument,
  insertIgnoringDuplicates,
  ReadStore,
  RECORD_VIEWS_READ_MODEL,
  RecordViewDocument,
} from '@ledger/read-store';
import { LedgerBatchReceived } from '../ledger-batch-received';
import { coveredRunOf, recordViewsOf } from './record-view-documents';

/**
 * Owns `record_views` (who was shown each learner's record, for the learner to see) and
 * `covered_report_runs` (runs too large to list, by what they covered). Each document is written once
 * from one event and never changed, with an `_id` derived from that event, so it is inserted, keeping
 * an existing one: nothing to read first, and a redelivered or replayed event changes nothing.
 */
@EventsHandler(LedgerBatchReceived)
export class RecordViewsProjection implements IEventHandler<LedgerBatchReceived> {
  readonly readModels = [RECORD_VIEWS_READ_MODEL, COVERED_REPORT_RUNS_READ_MODEL];

  constructor(@Inject(ReadStore) private readonly store: ReadStore) {}

  async handle({ events, generation }: LedgerBatchReceived): Promise<void> {
    const runs = events.flatMap(({ event }) => (event.type === 'IdentifiableReportRun' ? [event as IdentifiableReportRun] : []));
    if (runs.length === 0) return;
    const views = runs.flatMap(recordViewsOf);
    const covered = runs.flatMap((run) => coveredRunOf(run) ?? []);
    if (views.length > 0) await insertIgnoringDuplicates(this.store.db.collection<RecordViewDocument>(collectionInGeneration(RECORD_VIEWS_READ_MODEL.name, generation)), views);
    if (covered.length > 0) {
      await insertIgnoringDuplicates(this.store.db.collection<CoveredReportRunDocument>(collectionInGeneration(COVERED_REPORT_RUNS_READ_MODEL.name, generation)), covered);
    }
  }
}
