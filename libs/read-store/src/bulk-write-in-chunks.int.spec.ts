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
});
