import { declareReadModel, ReadModel } from '../indexes/read-model';
import type { StatusPolicy } from '@ledger/events';
import type { ProjectionMetadata } from '../projection-metadata';

/** Where a learner stands in one session, under the status rule (see the projector's session-status.ts). */
export type SessionStatus = 'not-attempted' | 'in-progress' | 'completed' | 'passed' | 'failed';

/** An assessment result that carried a score (results without one decide status only). */
export interface ScoreRecord {
  score: number;
  maxScore: number;
  /** Null when the content declared no pass mark. */
  passMark: number | null;
  passed: boolean;
  attemptId: string;
  occurredAt: string;
}

/**
 * What one attempt at a session reported, as the status rule needs it: the pass or fail that stands
 * (a later one supersedes an earlier one) and when it last reported completion. Both null for an
 * attempt that only opened the session.
 */
export interface AttemptReports {
  attemptId: string;
  verdict: { passed: boolean; occurredAt: string } | null;
  completedAt: string | null;
}

/**
 * One learner's record in one session. Written only by the learner-sessions projection.
 * Read by: a learner's activity (`find({ learnerId })`) and one record (`findOne({ _id })`).
 */
export interface LearnerSessionDocument {
  /** `learnerId|sessionId`: deterministic, so every writer and reader agrees without a lookup. */
  _id: string;
  learnerId: string;
  sessionId: string;
  /** Under the default policy, `latest`: what to show where no course says otherwise. */
  status: SessionStatus;
  /**
   * Under each policy: a session can sit in courses with different policies, so readers pick by the
   * course's (learner progress does the same with its own copy of the reports).
   */
  statusByPolicy: Record<StatusPolicy, SessionStatus>;
  firstAccessedAt: string | null;
  lastAccessedAt: string | null;
  accessCount: number;
  timeSpentSeconds: number;
  /** Every attempt seen, ordered by id, with what it reported. */
  attempts: AttemptReports[];
  latestScore: ScoreRecord | null;
  bestScore: ScoreRecord | null;
  projection: ProjectionMetadata;
}

export const LEARNER_SESSIONS_COLLECTION = 'learner_sessions';

/** A learner's activity is `find({ learnerId })`. */
export const LEARNER_SESSIONS_READ_MODEL: ReadModel = declareReadModel(LEARNER_SESSIONS_COLLECTION, ['learnerId']);

export function learnerSessionId(learnerId: string, sessionId: string): string {
  return `${learnerId}|${sessionId}`;
}
