import { declareReadModel, ReadModel } from '../indexes/read-model';
import type { StatusPolicy } from '@ledger/events';
import type { SessionStatus } from '../learner-sessions/learner-session.document';
import type { ProjectionMetadata } from '../projection-metadata';

/** A container a learner progresses through: a course or learning path (of sessions) or a programme (of those). */
export type ProgressContainerKind = 'course' | 'learning-path' | 'programme';

/**
 * One session of a course or learning path, for one learner. "Done" means it counts towards the
 * certificate: passed, or completed where the session does not require a pass.
 */
export interface SessionProgress {
  sessionId: string;
  /** Null while the session's own definition has not reached the projection. */
  title: string | null;
  /** Null while unknown; then only a pass counts as done, since a pass satisfies either rule. */
  requiresPass: boolean | null;
  /** Under the container's status policy. */
  status: SessionStatus;
  done: boolean;
}

/** One course or learning path of a programme, summarised for one learner. */
export interface ProgrammePartProgress {
  kind: 'course' | 'learning-path';
  containerId: string;
  title: string;
  retired: boolean;
  /** Whether the programme requires it: retired parts are shown but no longer required. */
  required: boolean;
  sessionsTotal: number;
  sessionsDone: number;
  complete: boolean;
}

interface ProgressCommon {
  /** See learnerProgressId. */
  _id: string;
  learnerId: string;
  containerId: string;
  /** Null for a programme whose own definition has not reached the projection yet. */
  title: string | null;
  retired: boolean;
  issuesCertificate: boolean;
  /** For a programme: summed over its required parts. */
  sessionsTotal: number;
  sessionsDone: number;
  /** Every session done (a programme: every required part complete); never true with nothing to do. */
  complete: boolean;
  /** Complete, and the container issues certificates. False shows the certificate as unavailable (greyed). */
  eligibleForCertificate: boolean;
  /** `occurredAt` of the learner's first activity in any of its sessions. */
  startedAt: string | null;
  /** `occurredAt` of the learner's latest activity in any of its sessions. */
  lastActivityAt: string | null;
  /** When complete: `occurredAt` of the latest of the reports that make its sessions done. */
  completedAt: string | null;
  /** Fingerprint of the inputs this was computed from; a write is guarded by it and skipped when unchanged. */
  basis: string;
  /** `offsets`/`lastRecordedAt` merged over those inputs; `eventIds` stays empty (the events were applied to the inputs). */
  projection: ProjectionMetadata;
}

/** A learner's progress through one course or learning path. */
export interface SessionContainerProgressDocument extends ProgressCommon {
  kind: 'course' | 'learning-path';
  programmeId: string;
  statusPolicy: StatusPolicy;
  /** In the order the container lists them. */
  sessions: SessionProgress[];
}

/** A learner's progress through one programme: done when every required course and learning path is. */
export interface ProgrammeProgressDocument extends ProgressCommon {
  kind: 'programme';
  parts: ProgrammePartProgress[];
}

/**
 * One learner's progress and certificate eligibility in one course, learning path or programme.
 * Written only by the learner-progress projection; exists once the learner has activity in a session
 * the container lists or listed (for a programme: through one of its courses or learning paths).
 * Read by: a certificate or summary (`findOne({ _id: learnerProgressId(learner, kind, id) })`) and a
 * learner's overview (`find({ learnerId })`).
 */
export type LearnerProgressDocument = SessionContainerProgressDocument | ProgrammeProgressDocument;

export const LEARNER_PROGRESS_COLLECTION = 'learner_progress';

/** A learner's overview is `find({ learnerId })`. */
export const LEARNER_PROGRESS_READ_MODEL: ReadModel = declareReadModel(LEARNER_PROGRESS_COLLECTION, ['learnerId']);

/** `learnerId|kind:containerId`: deterministic, so writers and readers agree without a lookup. */
export function learnerProgressId(learnerId: string, kind: ProgressContainerKind, containerId: string): string {
  return `${learnerId}|${kind}:${containerId}`;
}

/** What a certificate link shows: downloadable, greyed until complete, or absent for containers without one. */
export type CertificateAvailability = 'available' | 'unavailable' | 'not-offered';

/** The certificate state for a progress document, or for a learner with no activity in the container yet (null). */
export function certificateAvailability(progress: LearnerProgressDocument | null, issuesCertificate: boolean): CertificateAvailability {
  if (!(progress?.issuesCertificate ?? issuesCertificate)) return 'not-offered';
  return progress?.eligibleForCertificate ? 'available' : 'unavailable';
}
