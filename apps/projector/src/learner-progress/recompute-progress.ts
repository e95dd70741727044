import type { AnyBulkWriteOperation, Collection } from 'mongodb';
import { bulkWriteInChunks, CatalogueEntryDocument, LearnerProgressDocument, learnerProgressId, ProgressContainerKind, readByIdsOf } from '@ledger/read-store';
import { ConcurrentProjectionWriteError, retryOnConflict } from '../project-ledger/document-projection';
import { documentKeys, documentLocks } from '../project-ledger/document-locks';
import type { AffectedProgress } from './affected-progress';
import { DocumentReader } from './document-reader';
import type { LearnerActivityDocument } from './learner-activity';
import type { ProgressLinksDocument } from './progress-links';
import { progressDocument } from './progress-document';
import { loadProgressSources } from './progress-sources';
import type { SessionLearnerDocument } from './session-learners';

/** The collections the learner-progress projection owns, in the generation being written. */
export interface ProgressCollections {
  catalogue: Collection<CatalogueEntryDocument>;
  activity: Collection<LearnerActivityDocument>;
  links: Collection<ProgressLinksDocument>;
  progress: Collection<LearnerProgressDocument>;
  sessionLearners: Collection<SessionLearnerDocument>;
}

/** Pairs recomputed per read-and-write round, to bound memory. */
const PAIRS_PER_ROUND = 500;

/** Recomputes and stores the progress of every affected learner × container. */
export async function recomputeProgress(collections: ProgressCollections, affected: AffectedProgress): Promise<void> {
  const pairs = [...affected].flatMap(([nodeId, learners]) => [...learners].map((learnerId) => ({ nodeId, learnerId })));
  for (let i = 0; i < pairs.length; i += PAIRS_PER_ROUND) {
    const round = pairs.slice(i, i + PAIRS_PER_ROUND);
    // A catalogue partition recomputes learners whose own partitions may be writing them at the same time.
    const keys = documentKeys(collections.progress, round.map(({ nodeId, learnerId }) => progressId(learnerId, nodeId)));
    await retryOnConflict(() => documentLocks.withLocks(keys, () => recomputeRound(collections, round)));
  }
}

/**
 * Reads the stored fingerprints first and the inputs second: a writer that computed from newer inputs
 * has then either written already (and a fresh fingerprint is compared) or will meet this write's
 * guard. Each write is guarded by the fingerprint it replaces, so a concurrent writer makes the batch
 * retry rather than a stale computation land last. An unchanged fingerprint writes nothing.
 */
async function recomputeRound(collections: ProgressCollections, pairs: Array<{ nodeId: string; learnerId: string }>): Promise<void> {
  // A learner's several containers are read together, by the learner.
  const stored = await readByIdsOf(collections.progress, 'learnerId', pairs.map(({ nodeId, learnerId }) => [learnerId, progressId(learnerId, nodeId)] as const));
  const storedBasis = new Map([...stored].map(([id, doc]) => [id, doc.basis]));

  const sources = { catalogue: new DocumentReader(collections.catalogue), links: new DocumentReader(collections.links) };
  const activity = new DocumentReader(collections.activity);
  await Promise.all([loadProgressSources(sources, [...new Set(pairs.map((p) => p.nodeId))]), activity.load(pairs.map((p) => p.learnerId))]);

  const writes: AnyBulkWriteOperation<LearnerProgressDocument>[] = [];
  for (const { nodeId, learnerId } of pairs) {
    const next = progressDocument(learnerId, nodeId, sources, activity.get(learnerId));
    if (!next) continue;
    const before = storedBasis.get(next._id);
    if (before === next.basis) continue;
    writes.push(before === undefined ? { insertOne: { document: next } } : { replaceOne: { filter: { _id: next._id, basis: before } as never, replacement: next } });
  }
  if (writes.length === 0) return;
  const result = await bulkWriteInChunks(collections.progress, writes);
  const replaced = writes.length - result.insertedCount;
  if (result.matchedCount !== replaced) {
    throw new ConcurrentProjectionWriteError(`${collections.progress.collectionName}: ${replaced - result.matchedCount} progress document(s) changed while the batch was applied`);
  }
}

function progressId(learnerId: string, nodeId: string): string {
  const colon = nodeId.indexOf(':');
  return learnerProgressId(learnerId, nodeId.slice(0, colon) as ProgressContainerKind, nodeId.slice(colon + 1));
}
