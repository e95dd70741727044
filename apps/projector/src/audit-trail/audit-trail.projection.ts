import { Inject } from '@nestjs/common';
import { EventsHandler, IEventHandler } from '@nestjs/cqrs';
import type { CertificateIssued, IdentifiableReportRun, PositionedEvent } from '@ledger/events';
import {
  ACCESS_CHANGE_TRAIL_READ_MODEL,
  CERTIFICATE_ISSUE_TRAIL_READ_MODEL,
  collectionInGeneration,
  insertIgnoringDuplicates,
  ReadModel,
  ReadStore,
  REPORT_RUN_TRAIL_READ_MODEL,
} from '@ledger/read-store';
import { LedgerBatchReceived } from '../ledger-batch-received';
import { AccessChangeEvent, isAccessChange } from './describe-access-change';
import { accessChangeEntry, certificateIssueEntry, reportRunEntry } from './trail-entries';

/**
 * Owns the auditors' trail: one unchanging document per identifiable report run (part), certificate
 * issued and access change, each with the top-level fields the Auditor page filters by. Each is derived
 * from one event alone and keyed by its id, so it is inserted (keeping an existing one): nothing to
 * read first, and redelivery or replay changes nothing.
 */
@EventsHandler(LedgerBatchReceived)
export class AuditTrailProjection implements IEventHandler<LedgerBatchReceived> {
  readonly readModels: readonly ReadModel[] = [REPORT_RUN_TRAIL_READ_MODEL, CERTIFICATE_ISSUE_TRAIL_READ_MODEL, ACCESS_CHANGE_TRAIL_READ_MODEL];

  constructor(@Inject(ReadStore) private readonly store: ReadStore) {}

  async handle({ events, generation }: LedgerBatchReceived): Promise<void> {
    const runs = events.filter((e) => e.event.type === 'IdentifiableReportRun').map((e) => reportRunEntry(e as PositionedEvent<IdentifiableReportRun>));
    const certificates = events.filter((e) => e.event.type === 'CertificateIssued').map((e) => certificateIssueEntry(e as PositionedEvent<CertificateIssued>));
    const changes = events.filter((e) => isAccessChange(e.event.type)).map((e) => accessChangeEntry(e as PositionedEvent<AccessChangeEvent>));
    const into = (model: ReadModel) => this.store.db.collection<{ _id: string }>(collectionInGeneration(model.name, generation));
    if (runs.length > 0) await insertIgnoringDuplicates(into(REPORT_RUN_TRAIL_READ_MODEL), runs);
    if (certificates.length > 0) await insertIgnoringDuplicates(into(CERTIFICATE_ISSUE_TRAIL_READ_MODEL), certificates);
    if (changes.length > 0) await insertIgnoringDuplicates(into(ACCESS_CHANGE_TRAIL_READ_MODEL), changes);
  }
}
