import { ActivityEvent, assertNever, EmploymentLocationSet, PositionedEvent } from '@ledger/events';
import { advanceMetadata, declareReadModel, noEventsApplied, ProjectionMetadata } from '@ledger/read-store';

/** The events the anonymised aggregates are made from: activity, and where each learner worked when they acted. */
export type AggregatedEvent = ActivityEvent | EmploymentLocationSet;

/**
 * What the anonymised-aggregates projection remembers about one learner, so that each of their
 * activity events is counted once and in the organisation they worked at when it happened. It is
 * keyed by learner id, so it is identifiable: internal to this projection, never read by reports.
 * Written last in a batch, so its offsets say which events were counted everywhere.
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

/** A learner's state after one more of their events. Callers skip events the state has already applied. */
export function evolveAggregationLearnerState(current: AggregationLearnerStateDocument | null, positioned: PositionedEvent<AggregatedEvent>): { next: AggregationLearnerStateDocument } {
  const { event, position } = positioned;
  const doc = current ?? { _id: event.subject, odsCode: null, projection: noEventsApplied(AGGREGATION_LEARNER_STATE_SCHEMA_VERSION) };
  const next: AggregationLearnerStateDocument = {
    ...doc,
    projection: advanceMetadata(current?.projection ?? null, AGGREGATION_LEARNER_STATE_SCHEMA_VERSION, position, event.recordedAt),
  };
  switch (event.type) {
    case 'EmploymentLocationSet':
      next.odsCode = event.data.odsCode;
      return { next };
    case 'SessionAccessed':
    case 'SessionCompleted':
    case 'AssessmentScored':
      return { next };
    default:
      return assertNever(event);
  }
}
