import {
  AssessmentScoredV2,
  SessionAccessedV1,
  SessionCompletedV1,
  StatementVoidedV1,
  SubmittedEvent,
  XapiStatementRecordedV1,
  XapiVersion,
} from '@ledger/events';
import { nameBasedUuid } from '../shared/name-based-uuid';
import { learnerIdOf } from './learner-id';
import type { ReceivedStatement } from './read-statements';
import { statementScore, ledgerPassMark } from './statement-score';
import { durationSeconds } from './xapi-duration';
import { ACCESS_VERBS, ADL_VERBS, SCORING_VERBS } from './xapi-verbs';

/** The payload version each derived event is written at: the current one of its type. */
const DERIVED_VERSIONS: Record<DerivedType, number> = {
  [SessionAccessedV1.type]: SessionAccessedV1.version,
  [SessionCompletedV1.type]: SessionCompletedV1.version,
  [AssessmentScoredV2.type]: AssessmentScoredV2.version,
  [StatementVoidedV1.type]: StatementVoidedV1.version,
};

/**
 * The UUID v5 namespace of events derived from xAPI statements. Fixed forever: changing it would give
 * a resubmitted old statement new eventIds, and the ledger would count it twice.
 */
export const XAPI_STATEMENT_EVENT_NAMESPACE = 'f3769f6e-8650-4d3e-95f8-b1a2a86498e1';

type DerivedType = typeof SessionAccessedV1.type | typeof SessionCompletedV1.type | typeof AssessmentScoredV2.type | typeof StatementVoidedV1.type;
type Derived = { type: DerivedType; data: SessionAccessedV1 | SessionCompletedV1 | AssessmentScoredV2 | StatementVoidedV1 };
type Json = Record<string, unknown>;

/** One statement's events, in ledger order: XapiStatementRecorded first, then what it stands for. */
export interface MappedStatement {
  index: number;
  statementId: string;
  events: SubmittedEvent[];
}

/**
 * Turns one checked statement into ledger events (pure). The statement itself is always recorded,
 * with the statement id as its eventId; then, by verb (ADL IRIs):
 * - launched / initialized / attempted → SessionAccessed, `result.duration` as whole seconds (0 without one);
 * - completed → SessionCompleted;
 * - passed / failed / scored → AssessmentScored (see statement-score.ts); passed is the verb's verdict,
 *   or `result.success` for scored (scored without it records nothing more); score, maximum and pass
 *   mark are null where the statement gives none usable (a pass without a score is still a pass);
 * - voided → StatementVoided for the StatementRef'd statement;
 * - any other verb, or an object that is not an Activity → nothing more.
 * The learner (subject and actor) comes from the statement's actor (learner-id.ts); sessionId is the
 * activity IRI; attemptId is `context.registration`, else the statement id. occurredAt is the
 * statement's timestamp, else `now`. Derived eventIds are UUID v5 of the statement id and event type.
 */
export function mapStatement({ index, statementId, statement }: ReceivedStatement, xapiVersion: XapiVersion, now: Date): MappedStatement {
  const learnerId = learnerIdOf(statement.actor as Json);
  const occurredAt = typeof statement.timestamp === 'string' ? new Date(statement.timestamp).toISOString() : now.toISOString();
  const envelope = { occurredAt, subject: learnerId, actor: learnerId };
  const recorded: XapiStatementRecordedV1 = { statementId, statement, xapiVersion };
  const events: SubmittedEvent[] = [
    { ...envelope, eventId: statementId, type: XapiStatementRecordedV1.type, version: XapiStatementRecordedV1.version, data: recorded },
    ...derive(statementId, statement).map(({ type, data }) => ({ ...envelope, eventId: derivedEventId(statementId, type), type, version: DERIVED_VERSIONS[type], data })),
  ];
  return { index, statementId, events };
}

/** The id of the `type` event derived from statement `statementId`; anyone holding the statement id can compute it. */
export function derivedEventId(statementId: string, type: DerivedType): string {
  return nameBasedUuid(XAPI_STATEMENT_EVENT_NAMESPACE, JSON.stringify([statementId, type]));
}

function derive(statementId: string, statement: Json): Derived[] {
  const verbId = (statement.verb as Json).id as string;
  const object = statement.object as Json;
  if (verbId === ADL_VERBS.voided) {
    return [{ type: StatementVoidedV1.type, data: { statementId: String(object.id).toLowerCase(), voidingStatementId: statementId } }];
  }
  if ((object.objectType ?? 'Activity') !== 'Activity') return [];
  const registration = (statement.context as Json | undefined)?.registration;
  const ids = { sessionId: object.id as string, attemptId: typeof registration === 'string' ? registration.toLowerCase() : statementId };
  const result = (statement.result ?? {}) as Json;
  if (ACCESS_VERBS.has(verbId)) return [{ type: SessionAccessedV1.type, data: { ...ids, timeSpentSeconds: accessSeconds(result.duration) } }];
  if (verbId === ADL_VERBS.completed) return [{ type: SessionCompletedV1.type, data: ids }];
  if (SCORING_VERBS.has(verbId)) return scoringEvents(verbId, ids, result, statement.context as Json | undefined);
  return [];
}

/** Whole seconds of an access's duration (rounded, as SCORM session times are); 0 when none was reported. */
function accessSeconds(duration: unknown): number {
  if (typeof duration !== 'string') return 0;
  const counted = durationSeconds(duration);
  if (!counted.ok) throw new Error(`unchecked statement reached mapping: result.duration ${counted.reason}`);
  return Math.round(counted.seconds);
}

function scoringEvents(verbId: string, ids: { sessionId: string; attemptId: string }, result: Json, context: Json | undefined): Derived[] {
  const passed = verbId === ADL_VERBS.passed ? true : verbId === ADL_VERBS.failed ? false : result.success;
  if (typeof passed !== 'boolean') return [];
  const score = statementScore(result.score);
  const data: AssessmentScoredV2 = {
    ...ids,
    score: score?.score ?? null,
    maxScore: score?.maxScore ?? null,
    passMark: score ? ledgerPassMark(score.maxScore, context) : null,
    passed,
  };
  return [{ type: AssessmentScoredV2.type, data }];
}
