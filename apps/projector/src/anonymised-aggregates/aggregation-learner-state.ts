import { ActivityEvent, assertNever, EmploymentLocationSet, PositionedEvent } from '@ledger/events';
import { advanceMetadata, anonymisedActivityId, declareReadModel, noEventsApplied, ProjectionMetadata, UNKNOWN_ORGANISATION } from '@ledger/read-store';

/** The events the anonymised aggregates are made from: activity, and where each learner worked when they acted. */
export type AggregatedEvent = ActivityEvent | EmploymentLocationSet;

/**
 * What the anonymised-aggregates projection remembers about one learner, so that each of their
 * activity events is counted once and in the organisation they worked at when it happened. It is
 * keyed by learner id, so it is identifiable: internal to this projection, never read by reports.
 */
export interface AggregationLearnerStateDocument {
  /** The learner id. */
  _id: string;
  /** ODS code (NHS Organisation Data Service identifier) of the learner's workplace now; null if none is stated. */
  odsCode: string | null;
  /** Offsets per partition: a learner's events all sit on one partition, so one offset says how far they were counted. */
  projection: ProjectionMetadata;
}

export const AGGREGATION_LEARNER_STATE_READ_MODEL = declareReadModel('aggregation_learner_state');
export const AGGREGATION_LEARNER_STATE_SCHEMA_VERSION = 1;

/** One activity event to be counted in one aggregate document: its session, organisation and month. */
export interface ActivityContribution extends PositionedEvent<ActivityEvent> {
  aggregateId: string;
  sessionId: string;
  odsCode: string;
  month: string;
}

/**
 * A learner's state after one more of their events, and the contribution that event makes to the
 * aggregates (none for a change of workplace). Callers skip events the state has already applied.
 */
export function evolveAggregationLearnerState(
  current: AggregationLearnerStateDocument | null,
  positioned: PositionedEvent<AggregatedEvent>,
): { next: AggregationLearnerStateDocument; contribution: ActivityContribution | null } {
  const { event, position } = positioned;
  const doc = current ?? { _id: event.subject, odsCode: null, projection: noEventsApplied(AGGREGATION_LEARNER_STATE_SCHEMA_VERSION) };
  const next: AggregationLearnerStateDocument = {
    ...doc,
    projection: advanceMetadata(current?.projection ?? null, AGGREGATION_LEARNER_STATE_SCHEMA_VERSION, position, event.recordedAt),
  };
  switch (event.type) {
    case 'EmploymentLocationSet':
      next.odsCode = event.data.odsCode;
      return { next, contribution: null };
    case 'SessionAccessed':
    case 'SessionCompleted':
    case 'AssessmentScored': {
      const odsCode = doc.odsCode ?? UNKNOWN_ORGANISATION;
      const month = monthOf(event.occurredAt);
      const { sessionId } = event.data;
      const aggregateId = anonymisedActivityId(sessionId, odsCode, month, position.partition);
      return { next, contribution: { event, position, aggregateId, sessionId, odsCode, month } };
    }
    default:
      return assertNever(event);
  }
}

/** `YYYY-MM` of an instant, in UTC. */
export function monthOf(instant: string): string {
  return new Date(instant).toISOString().slice(0, 7);
}
