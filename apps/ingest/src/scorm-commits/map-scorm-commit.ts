import { AssessmentScoredV1, FieldError, SessionAccessedV1, SessionCompletedV1, SubmittedEvent } from '@ledger/events';
import { nameBasedUuid } from '../shared/name-based-uuid';
import type { CommitIdentity, LedgerScore, ScormOutcome } from './scorm-commit';

/**
 * The UUID v5 namespace of events derived from SCORM commits. Fixed forever: changing it would give a
 * redelivered old commit new eventIds, and the ledger would count it twice.
 */
export const SCORM_COMMIT_EVENT_NAMESPACE = 'cf4c8684-363c-4729-90bb-e917d0efb9d7';

type DerivedType = typeof SessionAccessedV1.type | typeof SessionCompletedV1.type | typeof AssessmentScoredV1.type;

/** The canonical events one commit stands for, and notes on what it reported that the ledger could not hold as sent. */
export interface DerivedEvents {
  events: Array<SubmittedEvent & { type: DerivedType }>;
  notRecorded: FieldError[];
}

/**
 * Turns one commit into ledger events (pure). The rules:
 * - a session time gives SessionAccessed with those whole seconds; a commit without one records no access;
 * - pass or fail with a score gives AssessmentScored, recorded as the content decided;
 * - completion with no pass or fail gives SessionCompleted;
 * - passed without a score gives SessionCompleted, since AssessmentScored needs a score and a pass
 *   means the content was finished (unless 2004 says explicitly that it was not); a note says so;
 * - failed without a score records no status: failing is not completing, and there is no score to
 *   record it with; a note says so.
 * Each eventId is a UUID v5 of the commit's identity and the event's type, so a redelivered commit
 * gives identical events, which the ledger acknowledges without appending again.
 */
export function mapScormCommit(identity: CommitIdentity, outcome: ScormOutcome): DerivedEvents {
  const notRecorded: FieldError[] = [];
  const envelope = (type: DerivedType) => ({
    eventId: derivedEventId(identity, type),
    type,
    version: 1,
    occurredAt: identity.occurredAt,
    subject: identity.learnerId,
    actor: identity.learnerId,
  });
  const ids = { sessionId: identity.sessionId, attemptId: identity.attemptId };
  const events: DerivedEvents['events'] = [];
  if (outcome.sessionSeconds !== null) {
    events.push({ ...envelope(SessionAccessedV1.type), data: { ...ids, timeSpentSeconds: outcome.sessionSeconds } satisfies SessionAccessedV1 });
  }
  const status = statusEvent(outcome, notRecorded);
  if (status?.type === SessionCompletedV1.type) events.push({ ...envelope(status.type), data: ids satisfies SessionCompletedV1 });
  if (status?.type === AssessmentScoredV1.type) events.push({ ...envelope(status.type), data: scoredData(ids, status.score, outcome, notRecorded) });
  return { events, notRecorded };
}

type StatusEvent = { type: typeof SessionCompletedV1.type } | { type: typeof AssessmentScoredV1.type; score: LedgerScore };

/** Which status event the outcome gives, if any; what it cannot record is noted. */
function statusEvent(outcome: ScormOutcome, notes: FieldError[]): StatusEvent | null {
  const { success, score, completion, elements } = outcome;
  if (success !== 'not-reported' && score) return { type: AssessmentScoredV1.type, score };
  if (success === 'passed' && completion !== 'not-completed') {
    notes.push({ field: elements.status, reason: 'passed without a score: recorded as completed, since AssessmentScored needs a score' });
    return { type: SessionCompletedV1.type };
  }
  if (success !== 'not-reported') {
    notes.push({ field: elements.status, reason: `${success} without a score: no status recorded, since AssessmentScored needs a score` });
    return null;
  }
  if (score) notes.push({ field: elements.score, reason: 'a score without pass or fail is not recorded, since AssessmentScored needs the content\'s decision' });
  return completion === 'completed' ? { type: SessionCompletedV1.type } : null;
}

/** With no mastery / scaled passing score declared the pass mark is unknown; 0 is recorded, and noted. */
function scoredData(ids: { sessionId: string; attemptId: string }, { score, maxScore }: LedgerScore, outcome: ScormOutcome, notes: FieldError[]): AssessmentScoredV1 {
  notes.push(...outcome.scoreNotes);
  if (outcome.passMark === null) notes.push({ field: outcome.elements.score, reason: 'no pass mark was declared (mastery score or scaled passing score): passMark recorded as 0' });
  return { ...ids, score, maxScore, passMark: outcome.passMark ?? 0, passed: outcome.success === 'passed' };
}

/** UUID v5 over the commit's identity and the event type; JSON keeps the parts from running into each other. */
export function derivedEventId(identity: CommitIdentity, type: DerivedType): string {
  const name = JSON.stringify([identity.learnerId, identity.sessionId, identity.attemptId, identity.commitId, type]);
  return nameBasedUuid(SCORM_COMMIT_EVENT_NAMESPACE, name);
}
