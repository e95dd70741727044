import { Inject } from '@nestjs/common';
import { EventsHandler, IEventHandler } from '@nestjs/cqrs';
import type { ActivityEvent, PositionedEvent } from '@ledger/events';
import { collectionInGeneration, LEARNER_SESSIONS_COLLECTION, LEARNER_SESSIONS_READ_MODEL, LearnerSessionDocument, learnerSessionId, ReadStore, readByIdsOf } from '@ledger/read-store';
import { LedgerBatchReceived } from '../ledger-batch-received';
import { groupByDocument, projectDocuments } from '../project-ledger/document-projection';
import { evolveLearnerSession } from './evolve-learner-session';

const ACTIVITY_TYPES = new Set(['SessionAccessed', 'SessionCompleted', 'AssessmentScored']);

/** Owns `learner_sessions`: one document per learner and session, from activity events. */
@EventsHandler(LedgerBatchReceived)
export class LearnerSessionsProjection implements IEventHandler<LedgerBatchReceived> {
  readonly readModels = [LEARNER_SESSIONS_READ_MODEL];

  constructor(@Inject(ReadStore) private readonly store: ReadStore) {}

  async handle({ events, generation }: LedgerBatchReceived): Promise<void> {
    const activity = events.filter((e): e is PositionedEvent<ActivityEvent> => ACTIVITY_TYPES.has(e.event.type));
    const byDocument = groupByDocument(activity, ({ event }) => learnerSessionId(event.subject, event.data.sessionId));
    const collection = this.store.db.collection<LearnerSessionDocument>(collectionInGeneration(LEARNER_SESSIONS_COLLECTION, generation));
    // A learner's sessions in the batch are read together, by the learner.
    const learnerOf = (id: string) => byDocument.get(id)![0].event.subject;
    await projectDocuments(collection, byDocument, evolveLearnerSession, (ids) => readByIdsOf(collection, 'learnerId', ids.map((id) => [learnerOf(id), id] as const)));
  }
}
