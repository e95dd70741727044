import type { ActivityEvent, KnownLedgerEvent, LedgerPosition, PositionedEvent } from '@ledger/events';
import { advanceMetadata, AttemptReports, declareReadModel, ProjectionMetadata } from '@ledger/read-store';
import { attemptReportOf, withAttemptReport } from '../shared/session-status';

export const LEARNER_ACTIVITY_READ_MODEL = declareReadModel('learner_progress_activity');
export const LEARNER_ACTIVITY_SCHEMA_VERSION = 2;

/** What the progress rule needs of one learner's record in one session. */
export interface SessionReports {
  sessionId: string;
  /** Accesses without a report show the session as in progress. */
  accessCount: number;
  firstActivityAt: string;
  lastActivityAt: string;
  /**
   * What each attempt reported. The status policy belongs to the course or learning path, and one
   * session may sit in containers with different policies, so each applies its own to these.
   */
  attempts: AttemptReports[];
  /** Position of the last event folded into this entry: it changes with every change, so progress can record what it was computed from. */
  appliedThrough: LedgerPosition;
  lastRecordedAt: string;
}

/**
 * Internal to the learner-progress projection (reporting reads `learner_progress`): one learner's
 * status reports and accesses in every session they touched, read by `_id` when progress is recomputed.
 */
export interface LearnerActivityDocument {
  /** The learner id. */
  _id: string;
  learnerId: string;
  /** Ordered by session id. */
  sessions: SessionReports[];
  projection: ProjectionMetadata;
}

const ACTIVITY_TYPES: ReadonlySet<string> = new Set<ActivityEvent['type']>(['SessionAccessed', 'SessionCompleted', 'AssessmentScored']);

export function isActivityEvent(positioned: PositionedEvent<KnownLedgerEvent>): positioned is PositionedEvent<ActivityEvent> {
  return ACTIVITY_TYPES.has(positioned.event.type);
}

/**
 * The learner's activity document after one more activity event, as a pure fold. Callers skip events
 * already applied (projectDocuments does), so a duplicate never counts twice.
 */
export function evolveLearnerActivity(current: LearnerActivityDocument | null, positioned: PositionedEvent<ActivityEvent>): LearnerActivityDocument {
  const { event, position } = positioned;
  const doc = current ?? { _id: event.subject, learnerId: event.subject, sessions: [], projection: null };
  const existing = doc.sessions.find((s) => s.sessionId === event.data.sessionId) ?? null;
  const entry = foldIntoSession(existing, positioned);
  const sessions = existing
    ? doc.sessions.map((s) => (s === existing ? entry : s))
    : [...doc.sessions, entry].sort((a, b) => (a.sessionId < b.sessionId ? -1 : a.sessionId > b.sessionId ? 1 : 0));
  return {
    _id: doc._id,
    learnerId: doc.learnerId,
    sessions,
    projection: advanceMetadata(doc.projection, LEARNER_ACTIVITY_SCHEMA_VERSION, position, event.recordedAt),
  };
}

function foldIntoSession(entry: SessionReports | null, { event, position }: PositionedEvent<ActivityEvent>): SessionReports {
  return {
    sessionId: event.data.sessionId,
    accessCount: (entry?.accessCount ?? 0) + (event.type === 'SessionAccessed' ? 1 : 0),
    firstActivityAt: entry && entry.firstActivityAt < event.occurredAt ? entry.firstActivityAt : event.occurredAt,
    lastActivityAt: entry && entry.lastActivityAt > event.occurredAt ? entry.lastActivityAt : event.occurredAt,
    attempts: withAttemptReport(entry?.attempts ?? [], event.data.attemptId, attemptReportOf(event)),
    appliedThrough: position,
    lastRecordedAt: event.recordedAt,
  };
}
