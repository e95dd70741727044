import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AUDIT_JOB_KINDS, AuditJobKind } from '@ledger/events';
import { AUDIT_JOBS_COLLECTION, AuditJobDocument, ReadStore } from '@ledger/read-store';
import { IngestClient } from '../../access/ingest-client';

/** A job an auditor asks for, as the API and the page take it. */
export interface JobRequest {
  kind: AuditJobKind;
  asOf: string | null;
  learnerId: string | null;
}

/** One bad field of a job request. */
export interface JobRequestError {
  field: 'kind' | 'asOf' | 'learnerId';
  reason: string;
}

/**
 * A job request checked before anything is appended, every bad field named: `kind` one of rebuild,
 * verify, as-of; for as-of an ISO-8601 instant `asOf` not in the future (the ledger has no later cut)
 * and optionally one learner; nothing else for the others.
 */
export function readJobRequest(body: Record<string, unknown>, now: Date): { request: JobRequest; errors: JobRequestError[] } {
  const errors: JobRequestError[] = [];
  const kind = body.kind as AuditJobKind;
  if (!AUDIT_JOB_KINDS.includes(kind)) errors.push({ field: 'kind', reason: `kind must be one of ${AUDIT_JOB_KINDS.join(', ')}` });
  const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);
  const asOfText = text(body.asOf);
  const learnerId = text(body.learnerId);
  let asOf: string | null = null;
  if (kind === 'as-of') {
    const instant = asOfText === null ? NaN : Date.parse(asOfText);
    if (asOfText === null) errors.push({ field: 'asOf', reason: 'asOf is required: the instant to see the ledger as of' });
    else if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(asOfText) || Number.isNaN(instant)) {
      errors.push({ field: 'asOf', reason: 'asOf must be an ISO-8601 instant with a time zone, e.g. 2026-11-30T17:00:00Z' });
    } else if (instant > now.getTime()) errors.push({ field: 'asOf', reason: 'asOf must not be in the future' });
    else asOf = new Date(instant).toISOString();
    if (learnerId !== null && learnerId.length > 200) errors.push({ field: 'learnerId', reason: 'learnerId must be 200 characters or fewer' });
  } else if (AUDIT_JOB_KINDS.includes(kind)) {
    if (asOfText !== null) errors.push({ field: 'asOf', reason: 'asOf is only for an as-of job' });
    if (learnerId !== null) errors.push({ field: 'learnerId', reason: 'learnerId is only for an as-of job' });
  }
  return { request: { kind, asOf, learnerId: kind === 'as-of' ? learnerId : null }, errors };
}

/**
 * The auditor's jobs: asking is appending `AuditJobRequested` through ingest (so who started which
 * replay is in the ledger), which the projector's job runner picks up; progress and results are read
 * from the runner's `audit_jobs` record. Reporting never imports the projector.
 */
@Injectable()
export class AuditorJobs {
  constructor(
    private readonly ingest: IngestClient,
    private readonly store: ReadStore,
  ) {}

  private get jobs() {
    return this.store.db.collection<AuditJobDocument>(AUDIT_JOBS_COLLECTION);
  }

  /** Appends the request as the auditor's fact; resolves with the job id once ingest acknowledged it. */
  async request(auditorId: string, request: JobRequest): Promise<string> {
    const jobId = randomUUID();
    await this.ingest.appendAsReporting([
      { eventId: randomUUID(), type: 'AuditJobRequested', version: 1, occurredAt: new Date().toISOString(), subject: auditorId, actor: auditorId, data: { jobId, ...request } },
    ]);
    return jobId;
  }

  find(jobId: string): Promise<AuditJobDocument | null> {
    return this.jobs.findOne({ _id: jobId });
  }

  /** This month's and last month's jobs, newest first. */
  async recent(now: Date): Promise<AuditJobDocument[]> {
    const months = [now.toISOString().slice(0, 7), new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7)];
    const found = (await Promise.all(months.map((requestedMonth) => this.jobs.find({ requestedMonth }).toArray()))).flat();
    return found.sort((a, b) => b.requestedAt.localeCompare(a.requestedAt));
  }
}
