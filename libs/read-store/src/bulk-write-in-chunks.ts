import type { AnyBulkWriteOperation, BulkWriteResult, Collection, Document } from 'mongodb';

/**
 * Writes are sent in ordered commands, each small, and their counts added up:
 * - FerretDB v1 stops answering an update command whose message passes roughly 450 KB, so a command
 *   stays well under that in bytes;
 * - FerretDB 1.24's PostgreSQL backend keeps the read of every update statement of a command open (one
 *   pooled PostgreSQL connection each) until the whole command ends, and takes one more to write. A
 *   command of 200 updates needs 201 connections at once: with a pool of 200 it waits for itself forever,
 *   and several smaller ones in flight together do the same. So a command carries at most
 *   MAX_BULK_WRITE_OPERATIONS statements, and FerretDB's pool is sized for every app's operations in
 *   flight times that (README, "FerretDB on PostgreSQL").
 */
export const MAX_BULK_WRITE_BYTES = 256 * 1024;
export const MAX_BULK_WRITE_OPERATIONS = 16;

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
