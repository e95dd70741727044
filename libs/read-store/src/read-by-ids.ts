import type { Collection, Document, Filter } from 'mongodb';

/** How many `_id` reads one caller keeps in flight: enough to hide latency, few enough to share the store. */
export const ID_READ_CONCURRENCY = 16;

/**
 * Reads documents by `_id`, one equality read each with a bounded number in flight. An `$in` list
 * would be simpler, but FerretDB v1 does not push `$in` down: it scans the whole collection (2.7 s at
 * 100 000 documents), while each `_id` equality is an index lookup (about 1 ms).
 */
export async function readByIds<D extends Document & { _id: string }>(collection: Collection<D>, ids: Iterable<string>): Promise<Map<string, D>> {
  const found = new Map<string, D>();
  await eachBounded([...new Set(ids)], async (id) => {
    const doc = await collection.findOne({ _id: id } as Filter<D>);
    if (doc) found.set(id, doc as D);
  });
  return found;
}

/**
 * Reads documents by `_id` when each is also found by a declared field (a learner's sessions or
 * progress by `learnerId`): `wanted` pairs that field's value with the `_id`. A value with several
 * wanted documents is read with one equality on the field, keeping the wanted ones; a value with one
 * is read by `_id`. Every store command costs about as much as a small document, so a learner's ten
 * sessions in one read cost a tenth of ten reads, while a learner with many documents and one wanted
 * is not read whole.
 */
export async function readByIdsOf<D extends Document & { _id: string }>(collection: Collection<D>, field: string, wanted: Iterable<readonly [value: string, id: string]>): Promise<Map<string, D>> {
  const idsByValue = new Map<string, Set<string>>();
  for (const [value, id] of wanted) idsByValue.set(value, (idsByValue.get(value) ?? new Set()).add(id));
  const found = new Map<string, D>();
  await eachBounded([...idsByValue], async ([value, ids]) => {
    if (ids.size === 1) {
      const [id] = ids;
      const doc = await collection.findOne({ _id: id } as Filter<D>);
      if (doc) found.set(id, doc as D);
      return;
    }
    for await (const doc of collection.find({ [field]: value } as Filter<D>, { batchSize: 1000 })) {
      if (ids.has(String(doc._id))) found.set(String(doc._id), doc as D);
    }
  });
  return found;
}

/** Deletes documents by `_id`, one equality delete each (see readByIds for why not `$in`). */
export async function deleteByIds<D extends Document & { _id: string }>(collection: Collection<D>, ids: Iterable<string>): Promise<void> {
  await eachBounded([...new Set(ids)], async (id) => {
    await collection.deleteOne({ _id: id } as Filter<D>);
  });
}

/** Calls `visit` for every item, at most ID_READ_CONCURRENCY at a time. */
async function eachBounded<T>(items: readonly T[], visit: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await visit(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(ID_READ_CONCURRENCY, items.length) }, worker));
}
