import type { AnyBulkWriteOperation, Collection, Filter, OptionalId } from 'mongodb';
import { bulkWriteInChunks, ProjectionMetadata } from '@ledger/read-store';
import { ConcurrentProjectionWriteError } from '../project-ledger/document-projection';
import type { AggregationLearnerStateDocument } from './aggregation-learner-state';
import type { AnonymisedLearnerYearDocument } from './anonymised-learner-year';
import type { Change } from './plan-learner-batch';

/**
 * Stores the documents a batch changed, through the one chunked bulk writer. Like projectDocuments,
 * each replace is guarded by the offsets the document was read with, so a document another writer
 * changed since the batch was planned makes this throw (retriable) rather than be overwritten.
 */
export async function writeGuarded<D extends { _id: string; projection: ProjectionMetadata }>(collection: Collection<D>, changes: Iterable<Change<D>>): Promise<void> {
  const writes: AnyBulkWriteOperation<D>[] = [...changes].map(({ stored, next }) =>
    stored
      ? { replaceOne: { filter: { _id: stored._id, 'projection.offsets': stored.projection.offsets } as Filter<D>, replacement: next } }
      : { insertOne: { document: next as OptionalId<D> } },
  );
  if (writes.length === 0) return;
  const result = await bulkWriteInChunks(collection, writes);
  const expected = writes.filter((write) => 'replaceOne' in write).length;
  if (result.matchedCount !== expected) {
    throw new ConcurrentProjectionWriteError(`${collection.collectionName}: ${expected - result.matchedCount} document(s) changed while the batch was applied`);
  }
}

/** The learner states, written last in a batch. */
export function writeLearnerStates(collection: Collection<AggregationLearnerStateDocument>, changes: Iterable<Change<AggregationLearnerStateDocument>>): Promise<void> {
  return writeGuarded(collection, changes);
}

/**
 * Stores learner-year memories, each guarded by the revision it was read with and written with the
 * next one, and returns them as written. A memory another writer changed since (even by a recount that
 * applied no new event) makes this throw (retriable) rather than be overwritten.
 */
export async function writeLearnerYears(collection: Collection<AnonymisedLearnerYearDocument>, changes: Iterable<Change<AnonymisedLearnerYearDocument>>): Promise<AnonymisedLearnerYearDocument[]> {
  const written: AnonymisedLearnerYearDocument[] = [];
  const writes: AnyBulkWriteOperation<AnonymisedLearnerYearDocument>[] = [];
  for (const { stored, next } of changes) {
    const doc = { ...next, revision: (stored?.revision ?? 0) + 1 };
    written.push(doc);
    writes.push(stored ? { replaceOne: { filter: { _id: stored._id, revision: stored.revision }, replacement: doc } } : { insertOne: { document: doc } });
  }
  if (writes.length === 0) return written;
  const result = await bulkWriteInChunks(collection, writes);
  const expected = writes.filter((write) => 'replaceOne' in write).length;
  if (result.matchedCount !== expected) {
    throw new ConcurrentProjectionWriteError(`${collection.collectionName}: ${expected - result.matchedCount} learner-year memories changed while the batch was applied`);
  }
  return written;
}
