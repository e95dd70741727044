import { ActivityEvent, assertNever, PositionedEvent } from '@ledger/events';
import { advanceMetadata, LearnerSessionDocument, learnerSessionId, ScoreRecord } from '@ledger/read-store';
import { decideStatusReport, displayedStatus, StatusPolicy, StatusReport } from '../shared/session-status';

export const LEARNER_SESSION_SCHEMA_VERSION = 1;

/**
 * The learner-session read model as a pure fold: the document after one more activity event.
 * Callers skip events already applied (see alreadyApplied); this function never sees a duplicate.
 */
export function evolveLearnerSession(
  current: LearnerSessionDocument | null,
  { event, position }: PositionedEvent<ActivityEvent>,
  policy: StatusPolicy,
): LearnerSessionDocument {
  const doc = current ?? emptyLearnerSession(event.subject, event.data.sessionId);
  const next: LearnerSessionDocument = {
    ...doc,
    attemptIds: doc.attemptIds.includes(event.data.attemptId) ? doc.attemptIds : [...doc.attemptIds, event.data.attemptId],
    projection: advanceMetadata(current?.projection ?? null, LEARNER_SESSION_SCHEMA_VERSION, position, event.eventId, event.recordedAt),
  };
  switch (event.type) {
    case 'SessionAccessed':
      next.accessCount += 1;
      next.timeSpentSeconds += event.data.timeSpentSeconds;
      next.firstAccessedAt = earliest(doc.firstAccessedAt, event.occurredAt);
      next.lastAccessedAt = latest(doc.lastAccessedAt, event.occurredAt);
      break;
    case 'SessionCompleted':
      applyReport(next, policy, { status: 'completed', occurredAt: event.occurredAt });
      break;
    case 'AssessmentScored': {
      const score: ScoreRecord = { ...event.data, occurredAt: event.occurredAt };
      next.latestScore = !doc.latestScore || event.occurredAt >= doc.latestScore.occurredAt ? score : doc.latestScore;
      next.bestScore = !doc.bestScore || ratio(score) > ratio(doc.bestScore) ? score : doc.bestScore;
      applyReport(next, policy, { status: event.data.passed ? 'passed' : 'failed', occurredAt: event.occurredAt });
      break;
    }
    default:
      assertNever(event);
  }
  next.status = displayedStatus(standingReport(next), next.accessCount);
  return next;
}

function applyReport(doc: LearnerSessionDocument, policy: StatusPolicy, incoming: StatusReport): void {
  const decided = decideStatusReport(policy, standingReport(doc), incoming);
  doc.status = decided.status;
  doc.statusReportedAt = decided.occurredAt;
}

function standingReport(doc: LearnerSessionDocument): StatusReport | null {
  if (doc.statusReportedAt === null) return null;
  if (doc.status !== 'completed' && doc.status !== 'passed' && doc.status !== 'failed') return null;
  return { status: doc.status, occurredAt: doc.statusReportedAt };
}

function emptyLearnerSession(learnerId: string, sessionId: string): LearnerSessionDocument {
  return {
    _id: learnerSessionId(learnerId, sessionId),
    learnerId,
    sessionId,
    status: 'not-attempted',
    statusReportedAt: null,
    firstAccessedAt: null,
    lastAccessedAt: null,
    accessCount: 0,
    timeSpentSeconds: 0,
    attemptIds: [],
    latestScore: null,
    bestScore: null,
    projection: { schemaVersion: LEARNER_SESSION_SCHEMA_VERSION, offsets: {}, eventIds: [], lastRecordedAt: '' },
  };
}

const ratio = (s: ScoreRecord) => (s.maxScore > 0 ? s.score / s.maxScore : 0);
const earliest = (a: string | null, b: string) => (a === null || b < a ? b : a);
const latest = (a: string | null, b: string) => (a === null || b > a ? b : a);
