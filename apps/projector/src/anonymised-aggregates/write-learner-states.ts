import type { AnyBulkWriteOperation, Collection } from 'mongodb';
import { bulkWriteInChunks } from '@ledger/read-store';
import { ConcurrentProjectionWriteError } from '../project-ledger/document-projection';
import type { AggregationLearnerStateDocument } from './aggregation-learner-state';
import type { LearnerStateChange } from './plan-aggregation';

/**
 * Stores the learner states a batch changed, through the one chunked bulk writer. Like projectDocuments, each replace is
 * guarded by the offsets the state was read with, so a state another writer changed since the batch
 * was planned makes this throw (retriable) rather than be overwritten.
 */
export async function writeLearnerStates(collection: Collection<AggregationLearnerStateDocument>, changes: Iterable<LearnerStateChange>): Promise<void> {
  const writes: AnyBulkWriteOperation<AggregationLearnerStateDocument>[] = [...changes].map(({ stored, next }) =>
    stored ? { replaceOne: { filter: { _id: stored._id, 'projection.offsets': stored.projection.offsets } as never, replacement: next } } : { insertOne: { document: next } },
  );
  if (writes.length === 0) return;
  const result = await bulkWriteInChunks(collection, writes);
  const expected = writes.filter((write) => 'replaceOne' in write).length;
  if (result.matchedCount !== expected) {
    throw new ConcurrentProjectionWriteError(`${collection.collectionName}: ${expected - result.matchedCount} learner state(s) changed while the batch was applied`);
  }
}
