import { Inject } from '@nestjs/common';
import { EventsHandler, IEventHandler } from '@nestjs/cqrs';
import type { PositionedEvent } from '@ledger/events';
import { ANONYMISED_ACTIVITY_COLLECTION, ANONYMISED_ACTIVITY_READ_MODEL, AnonymisedActivityDocument, collectionInGeneration, ReadStore, readByIds } from '@ledger/read-store';
import { LedgerBatchReceived } from '../ledger-batch-received';
import { projectDocuments } from '../project-ledger/document-projection';
import { AggregatedEvent, AGGREGATION_LEARNER_STATE_READ_MODEL, AggregationLearnerStateDocument } from './aggregation-learner-state';
import { evolveAnonymisedActivity } from './evolve-anonymised-activity';
import { planAggregation } from './plan-aggregation';
import { writeLearnerStates } from './write-learner-states';

const AGGREGATED_TYPES = new Set(['SessionAccessed', 'SessionCompleted', 'AssessmentScored', 'EmploymentLocationSet']);

/**
 * Owns `anonymised_activity` (counts by session × organisation × month, no person in them) and
 * `aggregation_learner_state` (its internal, identifiable memory of each learner's organisation and
 * how far their events were counted).
 *
 * Exactly once, per batch: read the states of the batch's learners; plan (a pure fold) which events
 * are new to each learner and which aggregate each one adds to; write the aggregates, each guarded by
 * its per-partition offsets; only then write the learner states. A learner's events share one
 * partition and so one batch order, which is why their states can decide duplicates and organisation.
 * - A crash before the states are written leaves them as they were before the batch. Redelivery plans
 *   the same contributions again (same states, same events), and each aggregate skips those its
 *   offsets already cover, so what was written is not counted twice and what was not is added.
 * - Once a learner's state is written, every aggregate its batch touched was written before it, so
 *   the state may drop those events on redelivery without anything being lost.
 * - An event appended twice sits at two offsets, which no offset guard catches; the projector drops
 *   the second copy before any projection sees it (see the applied-events record).
 * Writing the states first would be wrong: a crash before the aggregates would lose those events.
 */
@EventsHandler(LedgerBatchReceived)
export class AnonymisedAggregatesProjection implements IEventHandler<LedgerBatchReceived> {
  readonly readModels = [ANONYMISED_ACTIVITY_READ_MODEL, AGGREGATION_LEARNER_STATE_READ_MODEL];

  constructor(@Inject(ReadStore) private readonly store: ReadStore) {}

  async handle({ events, generation }: LedgerBatchReceived): Promise<void> {
    const aggregated = events.filter((e): e is PositionedEvent<AggregatedEvent> => AGGREGATED_TYPES.has(e.event.type));
    if (aggregated.length === 0) return;
    const states = this.store.db.collection<AggregationLearnerStateDocument>(collectionInGeneration(AGGREGATION_LEARNER_STATE_READ_MODEL.name, generation));
    const learnerIds = [...new Set(aggregated.map(({ event }) => event.subject))];
    const plan = planAggregation(await readByIds(states, learnerIds), aggregated);
    await projectDocuments(
      this.store.db.collection<AnonymisedActivityDocument>(collectionInGeneration(ANONYMISED_ACTIVITY_COLLECTION, generation)),
      plan.contributions,
      evolveAnonymisedActivity,
    );
    await writeLearnerStates(states, plan.learnerStates.values());
  }
}
