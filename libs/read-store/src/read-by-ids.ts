import type { Collection, Document, Filter } from 'mongodb';

/** How many `_id` reads one caller keeps in flight: enough to hide latency, few enough to share the store. */
export const ID_READ_CONCURRENCY = 16;

/**
 * Reads documents by `_id`, one equality read each with a bounded number in flight. An `$in` list
 * would be simpler, but FerretDB v1 does not push `$in` down: it scans the whole collection (2.7 s at
 * 100 000 documents), while each `_id` equality is an index lookup (about 1 ms).
 */
export async function readByIds<D extends Document & { _id: string }>(collection: Collection<D>, ids: Iterable<string>): Promise<Map<string, D>> {
  const wanted = [...new Set(ids)];
  const found = new Map<string, D>();
  let next = 0;
  const worker = async () => {
    while (next < wanted.length) {
      const id = wanted[next++];
      const doc = await collection.findOne({ _id: id } as Filter<D>);
      if (doc) found.set(id, doc as D);
    }
  };
  await Promise.all(Array.from({ length: Math.min(ID_READ_CONCURRENCY, wanted.length) }, worker));
  return found;
}

/** Deletes documents by `_id`, one equality delete each (see readByIds for why not `$in`). */
export async function deleteByIds<D extends Document & { _id: string }>(collection: Collection<D>, ids: Iterable<string>): Promise<void> {
  const wanted = [...new Set(ids)];
  let next = 0;
  const worker = async () => {
    while (next < wanted.length) await collection.deleteOne({ _id: wanted[next++] } as Filter<D>);
  };
  await Promise.all(Array.from({ length: Math.min(ID_READ_CONCURRENCY, wanted.length) }, worker));
}
