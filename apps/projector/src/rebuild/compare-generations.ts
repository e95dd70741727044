import { createHash } from 'node:crypto';
import type { Db } from 'mongodb';
import { canonicalJson } from '@ledger/events';
import { collectionInGeneration } from '@ledger/read-store';

/** One document that differs between two generations of a read model. */
export interface DocumentDifference {
  collection: string;
  id: string;
  kind: 'only-in-live' | 'only-in-rebuilt' | 'content-differs';
}

/** SHA-256 of a document's canonical JSON: equal content, equal hash, whatever the key order. */
export function documentHash(document: unknown): string {
  return createHash('sha256').update(canonicalJson(document)).digest('hex');
}

/** Compares two sets of documents by `_id` and content hash. */
export function diffDocuments(collection: string, live: Array<{ _id: unknown }>, rebuilt: Array<{ _id: unknown }>): DocumentDifference[] {
  const liveHashes = new Map(live.map((doc) => [String(doc._id), documentHash(doc)]));
  const rebuiltHashes = new Map(rebuilt.map((doc) => [String(doc._id), documentHash(doc)]));
  const differences: DocumentDifference[] = [];
  for (const [id, hash] of liveHashes) {
    const other = rebuiltHashes.get(id);
    if (other === undefined) differences.push({ collection, id, kind: 'only-in-live' });
    else if (other !== hash) differences.push({ collection, id, kind: 'content-differs' });
  }
  for (const id of rebuiltHashes.keys()) if (!liveHashes.has(id)) differences.push({ collection, id, kind: 'only-in-rebuilt' });
  return differences;
}

/** Every difference between generation `live` and `rebuilt` of the given read models. */
export async function diffGenerations(db: Db, collections: readonly string[], live: string, rebuilt: string): Promise<DocumentDifference[]> {
  const differences: DocumentDifference[] = [];
  for (const name of collections) {
    const [a, b] = await Promise.all([
      db.collection<{ _id: unknown }>(collectionInGeneration(name, live)).find({}).toArray(),
      db.collection<{ _id: unknown }>(collectionInGeneration(name, rebuilt)).find({}).toArray(),
    ]);
    differences.push(...diffDocuments(name, a, b));
  }
  return differences;
}
