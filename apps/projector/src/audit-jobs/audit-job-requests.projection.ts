import { Inject } from '@nestjs/common';
import { EventsHandler, IEventHandler } from '@nestjs/cqrs';
import type { AuditJobRequested } from '@ledger/events';
import { AUDIT_JOBS_COLLECTION, AuditJobDocument, insertIgnoringDuplicates, ReadModel, ReadStore } from '@ledger/read-store';
import type { ProjectorConfig } from '../config';
import { LedgerBatchReceived } from '../ledger-batch-received';
import { PROJECTOR_CONFIG } from '../tokens';

/**
 * Queues each job an auditor asked for (`AuditJobRequested`) for the job runner, as the live projector
 * applies the request: one `audit_jobs` document per job id, inserted once, so a redelivered request
 * changes nothing. It writes no read model (`audit_jobs` is the runner's record, in no generation), and
 * a rebuild or replay queues nothing. A request met long after it was recorded (the live projector
 * replaying old history) is recorded as expired, never run.
 */
@EventsHandler(LedgerBatchReceived)
export class AuditJobRequestsProjection implements IEventHandler<LedgerBatchReceived> {
  readonly readModels: readonly ReadModel[] = [];

  constructor(
    @Inject(ReadStore) private readonly store: ReadStore,
    @Inject(PROJECTOR_CONFIG) private readonly config: ProjectorConfig,
  ) {}

  async handle({ events }: LedgerBatchReceived): Promise<void> {
    if (this.config.rebuildGeneration !== undefined || !this.config.auditJobs.enabled) return;
    const requests = events.flatMap(({ event }) => (event.type === 'AuditJobRequested' ? [event as AuditJobRequested] : []));
    if (requests.length === 0) return;
    const now = Date.now();
    const jobs = requests.map((request) => queuedJob(request, now - Date.parse(request.recordedAt) > this.config.auditJobs.maxWaitMinutes * 60_000));
    await insertIgnoringDuplicates(this.store.db.collection<AuditJobDocument>(AUDIT_JOBS_COLLECTION), jobs);
  }
}

export function queuedJob(request: AuditJobRequested, stale: boolean): AuditJobDocument {
  return {
    _id: request.data.jobId,
    kind: request.data.kind,
    asOf: request.data.asOf,
    learnerId: request.data.learnerId,
    requestedBy: request.actor,
    requestedAt: request.recordedAt,
    requestedMonth: request.recordedAt.slice(0, 7),
    status: stale ? 'expired' : 'queued',
    progress: null,
    startedAt: null,
    finishedAt: null,
    result: null,
    error: stale ? 'the request was met only after it had waited too long (AUDIT_JOB_MAX_WAIT_MINUTES); ask again' : null,
  };
}
