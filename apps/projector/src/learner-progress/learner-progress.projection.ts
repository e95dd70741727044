import { Inject } from '@nestjs/common';
import { EventsHandler, IEventHandler } from '@nestjs/cqrs';
import { CatalogueEntryDocument, collectionInGeneration, declareReadModel, LEARNER_PROGRESS_READ_MODEL, LearnerProgressDocument, ReadStore } from '@ledger/read-store';
import { catalogueEntryIdOf, evolveCatalogueEntry, isCatalogueEvent } from '../shared/evolve-catalogue-entry';
import { LedgerBatchReceived } from '../ledger-batch-received';
import { groupByDocument, projectDocuments } from '../project-ledger/document-projection';
import { affectedProgress } from './affected-progress';
import { DocumentReader } from './document-reader';
import { evolveLearnerActivity, isActivityEvent, LEARNER_ACTIVITY_READ_MODEL, LearnerActivityDocument } from './learner-activity';
import { addLinks, groupAdditionsByNode, LEARNER_PROGRESS_LINKS_READ_MODEL, ProgressLinksDocument } from './progress-links';
import { ProgressCollections, recomputeProgress } from './recompute-progress';
import { recordSessionLearners, SESSION_LEARNERS_READ_MODEL, SessionLearnerDocument } from './session-learners';

/** This projection's own copy of the catalogue: it must not read the catalogue projection's, which is written concurrently. */
export const LEARNER_PROGRESS_CATALOGUE_READ_MODEL = declareReadModel('learner_progress_catalogue');

/**
 * Owns `learner_progress` (one document per learner × course, learning path and programme, with
 * certificate eligibility) and the collections it is derived from. Catalogue and activity events
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
  readonly readModels = [LEARNER_PROGRESS_READ_MODEL, LEARNER_PROGRESS_CATALOGUE_READ_MODEL, LEARNER_ACTIVITY_READ_MODEL, LEARNER_PROGRESS_LINKS_READ_MODEL, SESSION_LEARNERS_READ_MODEL];

  constructor(@Inject(ReadStore) private readonly store: ReadStore) {}

  async handle({ events, generation }: LedgerBatchReceived): Promise<void> {
    const relevant = events.filter((e) => isActivityEvent(e) || isCatalogueEvent(e));
    if (relevant.length === 0) return;
    const collections = this.collectionsOf(generation);
    const activity = relevant.filter(isActivityEvent);
    await Promise.all([
      projectDocuments(collections.catalogue, groupByDocument(relevant.filter(isCatalogueEvent), ({ event }) => catalogueEntryIdOf(event)), evolveCatalogueEntry),
      projectDocuments(collections.activity, groupByDocument(activity, ({ event }) => event.subject), evolveLearnerActivity),
    ]);
    await Promise.all([projectDocuments(collections.links, groupAdditionsByNode(relevant), addLinks), recordSessionLearners(collections.sessionLearners, activity)]);
    await recomputeProgress(collections, await affectedProgress(relevant, new DocumentReader(collections.links), collections.sessionLearners));
  }

  private collectionsOf(generation: string): ProgressCollections {
    const collection = <D extends object>(name: string) => this.store.db.collection<D>(collectionInGeneration(name, generation));
    return {
      catalogue: collection<CatalogueEntryDocument>(LEARNER_PROGRESS_CATALOGUE_READ_MODEL.name),
      activity: collection<LearnerActivityDocument>(LEARNER_ACTIVITY_READ_MODEL.name),
      links: collection<ProgressLinksDocument>(LEARNER_PROGRESS_LINKS_READ_MODEL.name),
      progress: collection<LearnerProgressDocument>(LEARNER_PROGRESS_READ_MODEL.name),
      sessionLearners: collection<SessionLearnerDocument>(SESSION_LEARNERS_READ_MODEL.name),
    };
  }
}
