import { randomUUID } from 'node:crypto';
import { testStack, uniqueName } from '@ledger/test-harness';
import { bulkWriteInChunks } from './bulk-write-in-chunks';
import { ReadStore } from './read-store';

describe('bulkWriteInChunks', () => {
  it('writes a bulk far larger than one update command may be, and counts every match', async () => {
    const store = await ReadStore.connect({ mongoUrl: testStack().mongoUrl, database: uniqueName('chunks').replace(/-/g, '_') });
    try {
      const collection = store.db.collection<{ _id: string; eventIds: string[]; version: number }>('docs');
      const docs = Array.from({ length: 400 }, (_, i) => ({ _id: `doc-${i}`, eventIds: Array.from({ length: 100 }, () => randomUUID()), version: 1 }));
      await collection.insertMany(docs);
      const result = await bulkWriteInChunks(
        collection,
        docs.map((doc) => ({ replaceOne: { filter: { _id: doc._id }, replacement: { ...doc, version: 2 } } })),
      );
      expect(result.matchedCount).toBe(400);
      expect(await collection.countDocuments({ version: 2 })).toBe(400);
    } finally {
      await store.close();
    }
  });

  // FerretDB on PostgreSQL holds a pooled connection per update statement of a command until it ends:
  // commands of hundreds of updates in flight together once exhausted its pool and waited forever.
  it('finishes many bulks of updates in flight at once (the store\'s connection pool is never exhausted)', async () => {
    const store = await ReadStore.connect({ mongoUrl: testStack().mongoUrl, database: uniqueName('chunks').replace(/-/g, '_') });
    try {
      const collections = Array.from({ length: 6 }, (_, c) => store.db.collection<{ _id: string; version: number }>(`docs-${c}`));
      const ids = Array.from({ length: 300 }, (_, i) => `doc-${i}`);
      await Promise.all(collections.map((collection) => collection.insertMany(ids.map((_id) => ({ _id, version: 1 })))));
      const results = await Promise.all(
        collections.map((collection) =>
          bulkWriteInChunks(collection, ids.map((_id) => ({ replaceOne: { filter: { _id }, replacement: { _id, version: 2 }, upsert: true } }))),
        ),
      );
      expect(results.map((r) => r.matchedCount)).toEqual(collections.map(() => ids.length));
      for (const collection of collections) expect(await collection.countDocuments({ version: 2 })).toBe(ids.length);
    } finally {
      await store.close();
    }
  });
});
