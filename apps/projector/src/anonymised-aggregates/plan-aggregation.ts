import type { PositionedEvent } from '@ledger/events';
import { alreadyApplied } from '@ledger/read-store';
import { ActivityContribution, AggregatedEvent, AggregationLearnerStateDocument, evolveAggregationLearnerState } from './aggregation-learner-state';

/** A learner state the batch changed: as stored (null if new) and after the batch. */
export interface LearnerStateChange {
  stored: AggregationLearnerStateDocument | null;
  next: AggregationLearnerStateDocument;
}

/** What one batch does to the anonymised aggregates and to the learner states behind them. */
export interface AggregationPlan {
  /** By aggregate `_id`, the activity to count there, in ledger order. */
  contributions: Map<string, ActivityContribution[]>;
  /** By learner id. */
  learnerStates: Map<string, LearnerStateChange>;
}

/**
 * Walks a batch in ledger order through each learner's stored state: an event the state has already
 * applied (by offset) is dropped; any other updates the state and, if it is activity, is planned for
 * the aggregate of its session, the learner's organisation at that moment, and its month. Pure: the same stored states and events always give the same plan.
 */
export function planAggregation(stored: ReadonlyMap<string, AggregationLearnerStateDocument>, events: readonly PositionedEvent<AggregatedEvent>[]): AggregationPlan {
  const contributions = new Map<string, ActivityContribution[]>();
  const learnerStates = new Map<string, LearnerStateChange>();
  for (const positioned of events) {
    const learnerId = positioned.event.subject;
    const state = learnerStates.get(learnerId)?.next ?? stored.get(learnerId) ?? null;
    if (state && alreadyApplied(state.projection, positioned.position)) continue;
    const { next, contribution } = evolveAggregationLearnerState(state, positioned);
    learnerStates.set(learnerId, { stored: stored.get(learnerId) ?? null, next });
    if (contribution) contributions.set(contribution.aggregateId, [...(contributions.get(contribution.aggregateId) ?? []), contribution]);
  }
  return { contributions, learnerStates };
}
