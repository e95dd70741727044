import { Inject } from '@nestjs/common';
import { EventsHandler, IEventHandler } from '@nestjs/cqrs';
import type { PeopleEvent, PositionedEvent } from '@ledger/events';
import { collectionInGeneration, LEARNER_PROFILES_COLLECTION, LEARNER_PROFILES_READ_MODEL, LearnerProfileDocument, ReadStore } from '@ledger/read-store';
import { LedgerBatchReceived } from '../ledger-batch-received';
import { groupByDocument, projectDocuments } from '../project-ledger/document-projection';
import { evolveLearnerProfile } from './evolve-learner-profile';

const PEOPLE_TYPES = new Set(['LearnerRegistered', 'LearnerEmailChanged', 'EmploymentLocationSet', 'TermsAccepted']);

/** Owns `learner_profiles`: one document per learner, from people events. */
@EventsHandler(LedgerBatchReceived)
export class LearnerProfilesProjection implements IEventHandler<LedgerBatchReceived> {
  readonly readModels = [LEARNER_PROFILES_READ_MODEL];

  constructor(@Inject(ReadStore) private readonly store: ReadStore) {}

  async handle({ events, generation }: LedgerBatchReceived): Promise<void> {
    const people = events.filter((e): e is PositionedEvent<PeopleEvent> => PEOPLE_TYPES.has(e.event.type));
    await projectDocuments(
      this.store.db.collection<LearnerProfileDocument>(collectionInGeneration(LEARNER_PROFILES_COLLECTION, generation)),
      groupByDocument(people, ({ event }) => event.subject),
      evolveLearnerProfile,
    );
  }
}
