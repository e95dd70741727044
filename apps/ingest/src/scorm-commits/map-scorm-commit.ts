import { AssessmentScoredV2, FieldError, SessionAccessedV1, SessionCompletedV1, SubmittedEvent } from '@ledger/events';
import { nameBasedUuid } from '../shared/name-based-uuid';
import type { CommitIdentity, ScormOutcome } from './scorm-commit';

/**
 * The UUID v5 namespace of events derived from SCORM commits. Fixed forever: changing it would give a
 * redelivered old commit new eventIds, and the ledger would count it twice.
 */
export const SCORM_COMMIT_EVENT_NAMESPACE = 'cf4c8684-363c-4729-90bb-e917d0efb9d7';

type DerivedType = typeof SessionAccessedV1.type | typeof SessionCompletedV1.type | typeof AssessmentScoredV2.type;

/** The canonical events one commit stands for, and notes on what it reported that the ledger could not hold as sent. */
export interface DerivedEvents {
  events: Array<SubmittedEvent & { type: DerivedType }>;
  notRecorded: FieldError[];
}

/**
 * Turns one commit into ledger events (pure). The rules:
 * - a session time gives SessionAccessed with those whole seconds; a commit without one records no access;
 * - pass or fail gives AssessmentScored, as the content decided, with its score and pass mark, or null
 *   where the content sent none (a pass without a score still satisfies a session that requires one);
 * - completion with no pass or fail gives SessionCompleted;
 * - a score without pass or fail is not recorded (AssessmentScored needs the content's decision); a note says so.
 * Each eventId is a UUID v5 of the commit's identity and the event's type, so a redelivered commit
 * gives identical events, which the ledger acknowledges without appending again.
 */
export function mapScormCommit(identity: CommitIdentity, outcome: ScormOutcome): DerivedEvents {
  const notRecorded: FieldError[] = [];
  const envelope = (type: DerivedType) => ({
    eventId: derivedEventId(identity, type),
    type,
    version: type === AssessmentScoredV2.type ? AssessmentScoredV2.version : 1,
    occurredAt: identity.occurredAt,
    subject: identity.learnerId,
    actor: identity.learnerId,
  });
  const ids = { sessionId: identity.sessionId, attemptId: identity.attemptId };
  const events: DerivedEvents['events'] = [];
  if (outcome.sessionSeconds !== null) {
    events.push({ ...envelope(SessionAccessedV1.type), data: { ...ids, timeSpentSeconds: outcome.sessionSeconds } satisfies SessionAccessedV1 });
  }
  const status = statusEventType(outcome, notRecorded);
  if (status === SessionCompletedV1.type) events.push({ ...envelope(status), data: ids satisfies SessionCompletedV1 });
  if (status === AssessmentScoredV2.type) events.push({ ...envelope(status), data: scoredData(ids, outcome, notRecorded) });
  return { events, notRecorded };
}

/** Which status event the outcome gives, if any; what it cannot record is noted. */
type StatusType = typeof SessionCompletedV1.type | typeof AssessmentScoredV2.type;
const SCORE_WITHOUT_DECISION = 'a score without pass or fail is not recorded, since AssessmentScored needs the content\'s decision';

function statusEventType(outcome: ScormOutcome, notes: FieldError[]): StatusType | null {
  const { success, score, completion, elements } = outcome;
  if (success !== 'not-reported') return AssessmentScoredV2.type;
  if (score) notes.push({ field: elements.score, reason: SCORE_WITHOUT_DECISION });
  return completion === 'completed' ? SessionCompletedV1.type : null;
}

/** The content's decision with its score and pass mark, each null when the commit did not set it. */
function scoredData(ids: { sessionId: string; attemptId: string }, outcome: ScormOutcome, notes: FieldError[]): AssessmentScoredV2 {
  if (outcome.score) notes.push(...outcome.scoreNotes);
  return {
    ...ids,
    score: outcome.score?.score ?? null,
    maxScore: outcome.score?.maxScore ?? null,
    passMark: outcome.score ? outcome.passMark : null,
    passed: outcome.success === 'passed',
  };
}

/** UUID v5 over the commit's identity and the event type; JSON keeps the parts from running into each other. */
export function derivedEventId(identity: CommitIdentity, type: DerivedType): string {
  const name = JSON.stringify([identity.learnerId, identity.sessionId, identity.attemptId, identity.commitId, type]);
  return nameBasedUuid(SCORM_COMMIT_EVENT_NAMESPACE, name);
}
