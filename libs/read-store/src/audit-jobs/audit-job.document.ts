import type { AuditJobKind } from '@ledger/events';
import { declareReadModel, ReadModel } from '../indexes/read-model';

/** How a job ended, per kind. */
export type AuditJobResult =
  | { kind: 'rebuild'; generation: string; previousGeneration: string; events: number; setAside: number }
  | { kind: 'verify'; events: number; setAside: number; differenceCount: number; differences: Array<{ collection: string; id: string; kind: string }> }
  | { kind: 'as-of'; asOfKey: string; generation: string; reused: boolean; eventsRead: number; eventsApplied: number };

/**
 * One job an auditor asked for (an `AuditJobRequested` event): queued by the projector when it applies
 * the request, then claimed, run and reported on by its job runner. Not a read model: the job runner's
 * own record, in no generation, so a rebuild neither copies nor loses it. Reporting reads one by `_id`
 * to show progress; the Auditor page lists a month's with `find({ requestedMonth })`; the runner finds
 * work with `find({ status: 'queued' })`. `_id`: the request's `jobId`.
 */
export interface AuditJobDocument {
  _id: string;
  kind: AuditJobKind;
  asOf: string | null;
  learnerId: string | null;
  /** The auditor (the request's actor) and when the ledger accepted the request. */
  requestedBy: string;
  requestedAt: string;
  /** `YYYY-MM` of `requestedAt`. */
  requestedMonth: string;
  status: 'queued' | 'running' | 'done' | 'failed' | 'refused' | 'expired' | 'interrupted';
  progress: { done: number; total: number; eventsPerSecond: number; secondsLeft: number | null } | null;
  startedAt: string | null;
  finishedAt: string | null;
  result: AuditJobResult | null;
  /** Why it failed, was refused or expired. */
  error: string | null;
}

export const AUDIT_JOBS_COLLECTION = 'audit_jobs';

export const AUDIT_JOBS_READ_MODEL: ReadModel = declareReadModel(AUDIT_JOBS_COLLECTION, ['status', 'requestedMonth']);
