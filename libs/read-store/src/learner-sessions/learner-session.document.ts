import { declareReadModel, ReadModel } from '../indexes/read-model';
import type { ProjectionMetadata } from '../projection-metadata';

/** Where a learner stands in one session, under the status rule (see the projector's session-status.ts). */
export type SessionStatus = 'not-attempted' | 'in-progress' | 'completed' | 'passed' | 'failed';

export interface ScoreRecord {
  score: number;
  maxScore: number;
  passMark: number;
  passed: boolean;
  attemptId: string;
  occurredAt: string;
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
  status: SessionStatus;
  /** When the status-deciding report happened; a later report replaces it. */
  statusReportedAt: string | null;
  firstAccessedAt: string | null;
  lastAccessedAt: string | null;
  accessCount: number;
  timeSpentSeconds: number;
  attemptIds: string[];
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
