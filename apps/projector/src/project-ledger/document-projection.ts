import { setTimeout as sleep } from 'node:timers/promises';
import type { AnyBulkWriteOperation, Collection, Filter, OptionalId } from 'mongodb';
import type { LedgerPosition } from '@ledger/events';
import { alreadyApplied, bulkWriteInChunks, DUPLICATE_KEY, ProjectionMetadata, readByIds } from '@ledger/read-store';
import { documentKeys, documentLocks } from './document-locks';

interface ProjectedDocument {
  _id: string;
  projection: ProjectionMetadata;
}

/** The stored document changed under us: another writer, e.g. an overlapping consumer during a rebalance. Retriable. */
export class ConcurrentProjectionWriteError extends Error {}

/** Tries of one read-fold-write before a conflict is handed up (and the slice retried or redelivered). */
const CONFLICT_ATTEMPTS = 5;

/**
 * Runs a read-fold-write again when another writer got there first: its guard failed, or it met a
 * document inserted meanwhile. Each try reads afresh and skips what is already applied, so only what
 * did not land is written again. Partitions are applied concurrently, and a document several of them
 * write (a viewer's grants, a programme's links) can be contended.
 */
export async function retryOnConflict<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await write();
    } catch (error) {
      if (!isWriteConflict(error) || attempt >= CONFLICT_ATTEMPTS) throw error;
      await sleep(Math.round(Math.random() * 20 * attempt));
    }
  }
}

function isWriteConflict(error: unknown): boolean {
  if (error instanceof ConcurrentProjectionWriteError) return true;
  const { code, writeErrors } = (error ?? {}) as { code?: unknown; writeErrors?: unknown };
  if (code === DUPLICATE_KEY) return true;
  const errors = Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : [];
  return errors.length > 0 && errors.every((e: { code?: unknown }) => e.code === DUPLICATE_KEY);
}

/**
 * Applies a batch of events to the documents they touch, with one `_id` read per document and one
 * chunked bulk write: load the current documents, fold the new events in memory (skipping any already
 * applied), and write back only what changed. Each replace is guarded by the offsets the document was
 * read with (the filter is an `_id` equality, which the store serves by index; the offsets are then
 * compared on that one document), so a concurrent writer makes this throw (and the batch be retried)
 * instead of losing an update; within this process the documents are also locked (see DocumentLocks). Writes are whole documents that carry their own offsets, so a batch
 * cut short by a crash can simply be applied again.
 */
export async function projectDocuments<D extends ProjectedDocument, E extends { position: LedgerPosition }>(
  collection: Collection<D>,
  eventsByDocument: Map<string, E[]>,
  evolve: (current: D | null, event: E) => D,
  read: DocumentRead<D> = (ids) => readByIds(collection, ids),
): Promise<void> {
  if (eventsByDocument.size === 0) return;
  const keys = documentKeys(collection, eventsByDocument.keys());
  await retryOnConflict(() => documentLocks.withLocks(keys, () => projectOnce(collection, eventsByDocument, evolve, read)));
}

/** How a projection reads the current documents it is about to fold into: by `_id` unless it knows a cheaper way (see readByIdsOf). */
export type DocumentRead<D> = (ids: string[]) => Promise<Map<string, D>>;

async function projectOnce<D extends ProjectedDocument, E extends { position: LedgerPosition }>(
  collection: Collection<D>,
  eventsByDocument: Map<string, E[]>,
  evolve: (current: D | null, event: E) => D,
  read: DocumentRead<D>,
): Promise<void> {
  const byId = await read([...eventsByDocument.keys()]);
  const writes: AnyBulkWriteOperation<D>[] = [];
  for (const [id, events] of eventsByDocument) {
    const before = byId.get(id) ?? null;
    let state = before;
    for (const positioned of events) {
      if (state && alreadyApplied(state.projection, positioned.position)) continue;
      state = evolve(state, positioned);
    }
    if (state === before || state === null) continue;
    writes.push(
      before
        ? { replaceOne: { filter: guardedBy(id, before.projection), replacement: state } }
        : { insertOne: { document: state as OptionalId<D> } },
    );
  }
  if (writes.length === 0) return;
  const result = await bulkWriteInChunks(collection, writes);
  const expected = writes.filter((w) => 'replaceOne' in w).length;
  if (result.matchedCount !== expected) {
    throw new ConcurrentProjectionWriteError(`${collection.collectionName}: ${expected - result.matchedCount} document(s) changed while the batch was applied`);
  }
}

/** The filter of a guarded replace: this document, only if it still has the offsets it was read with. */
function guardedBy<D extends ProjectedDocument>(id: string, read: ProjectionMetadata): Filter<D> {
  return { _id: id, 'projection.offsets': read.offsets } as Filter<D>;
}

/** Groups events by the id of the document each one touches, keeping ledger order within a document. */
export function groupByDocument<E>(events: E[], documentId: (event: E) => string | undefined): Map<string, E[]> {
  const groups = new Map<string, E[]>();
  for (const event of events) {
    const id = documentId(event);
    if (id === undefined) continue;
    const group = groups.get(id);
    if (group) group.push(event);
    else groups.set(id, [event]);
  }
  return groups;
}
