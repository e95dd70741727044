import type { Collection, Document, OptionalUnlessRequiredId } from 'mongodb';

/** Mongo's duplicate-key error: a document with that `_id` is already stored. */
export const DUPLICATE_KEY = 11000;

/** Inserts per command: an insert of many documents stays well under the server's message limits. */
const INSERTS_PER_COMMAND = 500;

/**
 * Inserts every document whose `_id` is new and returns the indexes (into `documents`) of those whose
 * `_id` already existed; those are left as stored. Insert-only writes are the cheapest on every store
 * and make "first writer wins" exact without a read.
 */
export async function insertIgnoringDuplicates<T extends Document>(collection: Collection<T>, documents: readonly OptionalUnlessRequiredId<T>[]): Promise<Set<number>> {
  const existing = new Set<number>();
  for (let start = 0; start < documents.length; start += INSERTS_PER_COMMAND) {
    const chunk = documents.slice(start, start + INSERTS_PER_COMMAND);
    try {
      await collection.insertMany(chunk as OptionalUnlessRequiredId<T>[], { ordered: false });
    } catch (error) {
      const writeErrors = writeErrorsOf(error);
      if (writeErrors.length === 0 || writeErrors.some((e) => e.code !== DUPLICATE_KEY)) throw error;
      for (const e of writeErrors) existing.add(start + e.index);
    }
  }
  return existing;
}

/** The per-document errors of a failed bulk insert (a MongoBulkWriteError), or none for any other error. */
function writeErrorsOf(error: unknown): Array<{ index: number; code: unknown }> {
  const writeErrors = (error as { writeErrors?: unknown } | null)?.writeErrors;
  if (writeErrors === undefined || writeErrors === null) return [];
  return (Array.isArray(writeErrors) ? writeErrors : [writeErrors]) as Array<{ index: number; code: unknown }>;
}
