import type { AnyBulkWriteOperation, BulkWriteResult, Collection, Document } from 'mongodb';

/**
 * FerretDB v1 stops answering an update command whose message passes roughly 450 KB (measured: a
 * bulk of 100 replaces of 4 KB documents succeeds, 120 hangs until the client times out). So writes
 * are sent in commands well under that, in order, and their counts added up.
 */
export const MAX_BULK_WRITE_BYTES = 256 * 1024;
export const MAX_BULK_WRITE_OPERATIONS = 200;

export async function bulkWriteInChunks<T extends Document>(
  collection: Collection<T>,
  operations: AnyBulkWriteOperation<T>[],
): Promise<{ matchedCount: number; insertedCount: number; upsertedCount: number }> {
  const totals = { matchedCount: 0, insertedCount: 0, upsertedCount: 0 };
  let chunk: AnyBulkWriteOperation<T>[] = [];
  let bytes = 0;
  const flush = async () => {
    if (chunk.length === 0) return;
    const result: BulkWriteResult = await collection.bulkWrite(chunk, { ordered: true });
    totals.matchedCount += result.matchedCount;
    totals.insertedCount += result.insertedCount;
    totals.upsertedCount += result.upsertedCount;
    chunk = [];
    bytes = 0;
  };
  for (const operation of operations) {
    const size = JSON.stringify(operation).length;
    if (chunk.length > 0 && (bytes + size > MAX_BULK_WRITE_BYTES || chunk.length >= MAX_BULK_WRITE_OPERATIONS)) await flush();
    chunk.push(operation);
    bytes += size;
  }
  await flush();
  return totals;
}
