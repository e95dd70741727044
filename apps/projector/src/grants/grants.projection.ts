import { Inject } from '@nestjs/common';
import { EventsHandler, IEventHandler } from '@nestjs/cqrs';
import { collectionInGeneration, GRANTS_COLLECTION, GRANTS_READ_MODEL, GrantsDocument, ReadStore } from '@ledger/read-store';
import { LedgerBatchReceived } from '../ledger-batch-received';
import { groupByDocument, projectDocuments } from '../project-ledger/document-projection';
import { evolveGrantDocument } from './evolve-grant-document';
import { isGrantEvent, routeGrantEvent } from './route-grant-event';

/**
 * Owns `grants`: who may see whose activity, one document per viewer, learner, project and
 * organisation (see GrantsDocument for the `_id` scheme and the access check it serves).
 */
@EventsHandler(LedgerBatchReceived)
export class GrantsProjection implements IEventHandler<LedgerBatchReceived> {
  readonly readModels = [GRANTS_READ_MODEL];

  constructor(@Inject(ReadStore) private readonly store: ReadStore) {}

  async handle({ events, generation }: LedgerBatchReceived): Promise<void> {
    const routed = events.filter(isGrantEvent).flatMap(routeGrantEvent);
    await projectDocuments(
      this.store.db.collection<GrantsDocument>(collectionInGeneration(GRANTS_COLLECTION, generation)),
      groupByDocument(routed, (update) => update.documentId),
      evolveGrantDocument,
    );
  }
}
