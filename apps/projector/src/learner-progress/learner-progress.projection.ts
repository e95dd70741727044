import { Inject } from '@nestjs/common';
import { EventsHandler, IEventHandler } from '@nestjs/cqrs';
import { CatalogueEntryDocument, collectionInGeneration, LEARNER_PROGRESS_COLLECTION, LearnerProgressDocument, ReadStore } from '@ledger/read-store';
import { catalogueEntryIdOf, evolveCatalogueEntry, isCatalogueEvent } from '../shared/evolve-catalogue-entry';
import { LedgerBatchReceived } from '../ledger-batch-received';
import { groupByDocument, projectDocuments } from '../project-ledger/document-projection';
import { affectedProgress } from './affected-progress';
import { DocumentReader } from './document-reader';
import { evolveLearnerActivity, isActivityEvent, LEARNER_PROGRESS_ACTIVITY_COLLECTION, LearnerActivityDocument } from './learner-activity';
import { addLinks, groupAdditionsByNode, LEARNER_PROGRESS_LINKS_COLLECTION, ProgressLinksDocument } from './progress-links';
import { ProgressCollections, recomputeProgress } from './recompute-progress';

/** This projection's own copy of the catalogue: it must not read the catalogue projection's, which is written concurrently. */
export const LEARNER_PROGRESS_CATALOGUE_COLLECTION = 'learner_progress_catalogue';

/**
 * Owns `learner_progress` (one document per learner × course, learning path and programme, with
 * certificate eligibility) and the three collections it is derived from. Catalogue and activity events
 * sit on different partitions, so either may come first; each batch therefore
 *  1. folds its catalogue events into the definitions copy and its activity into per-learner reports,
 *  2. adds the links those events imply (session ↔ container ↔ programme, session → learner),
 *  3. reads the links back to find every learner × container the batch may affect, and
 *  4. recomputes those from the stored definitions and reports with one pure rule (computeProgress).
 * Each step writes before the next reads, so of two batches that meet on a link the later one sees both
 * sides; every write is guarded, so a concurrent batch is retried, not lost.
 */
@EventsHandler(LedgerBatchReceived)
export class LearnerProgressProjection implements IEventHandler<LedgerBatchReceived> {
  readonly collections = [LEARNER_PROGRESS_COLLECTION, LEARNER_PROGRESS_CATALOGUE_COLLECTION, LEARNER_PROGRESS_ACTIVITY_COLLECTION, LEARNER_PROGRESS_LINKS_COLLECTION];

  constructor(@Inject(ReadStore) private readonly store: ReadStore) {}

  async handle({ events, generation }: LedgerBatchReceived): Promise<void> {
    const relevant = events.filter((e) => isActivityEvent(e) || isCatalogueEvent(e));
    if (relevant.length === 0) return;
    const collections = this.collectionsOf(generation);
    await Promise.all([
      projectDocuments(collections.catalogue, groupByDocument(relevant.filter(isCatalogueEvent), ({ event }) => catalogueEntryIdOf(event)), evolveCatalogueEntry),
      projectDocuments(collections.activity, groupByDocument(relevant.filter(isActivityEvent), ({ event }) => event.subject), evolveLearnerActivity),
    ]);
    await projectDocuments(collections.links, groupAdditionsByNode(relevant), addLinks);
    await recomputeProgress(collections, await affectedProgress(relevant, new DocumentReader(collections.links)));
  }

  private collectionsOf(generation: string): ProgressCollections {
    const db = this.store.db;
    return {
      catalogue: db.collection<CatalogueEntryDocument>(collectionInGeneration(LEARNER_PROGRESS_CATALOGUE_COLLECTION, generation)),
      activity: db.collection<LearnerActivityDocument>(collectionInGeneration(LEARNER_PROGRESS_ACTIVITY_COLLECTION, generation)),
      links: db.collection<ProgressLinksDocument>(collectionInGeneration(LEARNER_PROGRESS_LINKS_COLLECTION, generation)),
      progress: db.collection<LearnerProgressDocument>(collectionInGeneration(LEARNER_PROGRESS_COLLECTION, generation)),
    };
  }
}
