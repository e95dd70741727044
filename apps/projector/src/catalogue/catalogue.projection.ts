import { Inject } from '@nestjs/common';
import { EventsHandler, IEventHandler } from '@nestjs/cqrs';
import { CATALOGUE_COLLECTION, CATALOGUE_READ_MODEL, CatalogueEntryDocument, collectionInGeneration, ReadStore } from '@ledger/read-store';
import { LedgerBatchReceived } from '../ledger-batch-received';
import { groupByDocument, projectDocuments } from '../project-ledger/document-projection';
import { catalogueEntryIdOf, evolveCatalogueEntry, isCatalogueEvent } from '../shared/evolve-catalogue-entry';

/** Owns `catalogue`: one document per programme, course, learning path and session, from catalogue events. */
@EventsHandler(LedgerBatchReceived)
export class CatalogueProjection implements IEventHandler<LedgerBatchReceived> {
  readonly readModels = [CATALOGUE_READ_MODEL];

  constructor(@Inject(ReadStore) private readonly store: ReadStore) {}

  async handle({ events, generation }: LedgerBatchReceived): Promise<void> {
    const catalogue = events.filter(isCatalogueEvent);
    await projectDocuments(
      this.store.db.collection<CatalogueEntryDocument>(collectionInGeneration(CATALOGUE_COLLECTION, generation)),
      groupByDocument(catalogue, ({ event }) => catalogueEntryIdOf(event)),
      evolveCatalogueEntry,
    );
  }
}
