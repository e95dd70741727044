import { ActivityEvent, assertNever, PositionedEvent } from '@ledger/events';
import { advanceMetadata, noEventsApplied, LearnerSessionDocument, learnerSessionId, ScoreRecord } from '@ledger/read-store';
import { attemptReportOf, sessionStatus, withAttemptReport } from '../shared/session-status';

export const LEARNER_SESSION_SCHEMA_VERSION = 2;

/**
 * The learner-session read model as a pure fold: the document after one more activity event.
 * Callers skip events already applied (see alreadyApplied); this function never sees a duplicate.
 */
export function evolveLearnerSession(current: LearnerSessionDocument | null, { event, position }: PositionedEvent<ActivityEvent>): LearnerSessionDocument {
  const doc = current ?? emptyLearnerSession(event.subject, event.data.sessionId);
  const next: LearnerSessionDocument = {
    ...doc,
    attempts: withAttemptReport(doc.attempts, event.data.attemptId, attemptReportOf(event)),
    projection: advanceMetadata(current?.projection ?? null, LEARNER_SESSION_SCHEMA_VERSION, position, event.recordedAt),
  };
  switch (event.type) {
    case 'SessionAccessed':
      next.accessCount += 1;
      next.timeSpentSeconds += event.data.timeSpentSeconds;
      next.firstAccessedAt = earliest(doc.firstAccessedAt, event.occurredAt);
      next.lastAccessedAt = latest(doc.lastAccessedAt, event.occurredAt);
      break;
    case 'SessionCompleted':
      break;
    case 'AssessmentScored': {
      const { score, maxScore, passMark, passed, attemptId } = event.data;
      // A result without a score decides status only; the scores shown are the ones content sent.
      if (score === null || maxScore === null) break;
      const record: ScoreRecord = { score, maxScore, passMark, passed, attemptId, occurredAt: event.occurredAt };
      next.latestScore = !doc.latestScore || event.occurredAt >= doc.latestScore.occurredAt ? record : doc.latestScore;
      next.bestScore = !doc.bestScore || ratio(record) > ratio(doc.bestScore) ? record : doc.bestScore;
      break;
    }
    default:
      assertNever(event);
  }
  next.statusByPolicy = { latest: sessionStatus('latest', next.attempts, next.accessCount), best: sessionStatus('best', next.attempts, next.accessCount) };
  next.status = next.statusByPolicy.latest;
  return next;
}

function emptyLearnerSession(learnerId: string, sessionId: string): LearnerSessionDocument {
  return {
    _id: learnerSessionId(learnerId, sessionId),
    learnerId,
    sessionId,
    status: 'not-attempted',
    statusByPolicy: { latest: 'not-attempted', best: 'not-attempted' },
    firstAccessedAt: null,
    lastAccessedAt: null,
    accessCount: 0,
    timeSpentSeconds: 0,
    attempts: [],
    latestScore: null,
    bestScore: null,
    projection: noEventsApplied(LEARNER_SESSION_SCHEMA_VERSION),
  };
}

const ratio = (s: ScoreRecord) => (s.maxScore > 0 ? s.score / s.maxScore : 0);
const earliest = (a: string | null, b: string) => (a === null || b < a ? b : a);
const latest = (a: string | null, b: string) => (a === null || b > a ? b : a);
