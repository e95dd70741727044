import { createHash } from 'node:crypto';
import type { Db } from 'mongodb';
import { canonicalJson } from '@ledger/events';
import { collectionInGeneration, ComparableForm, ReadModel } from '@ledger/read-store';

/** One document that differs between two generations of a read model. */
export interface DocumentDifference {
  collection: string;
  id: string;
  kind: 'only-in-live' | 'only-in-rebuilt' | 'content-differs';
}

/** Cursor batch size for walking a whole collection (FerretDB returns 250 per getMore when none is set). */
const DOCUMENTS_PER_BATCH = 2_000;

/** SHA-256 of a document's canonical JSON: equal content, equal hash, whatever the key order. */
export function documentHash(document: unknown): string {
  return createHash('sha256').update(canonicalJson(document)).digest('hex');
}

/** Compares two sets of document hashes by `_id`. */
export function diffHashes(collection: string, live: ReadonlyMap<string, string>, rebuilt: ReadonlyMap<string, string>): DocumentDifference[] {
  const differences: DocumentDifference[] = [];
  for (const [id, hash] of live) {
    const other = rebuilt.get(id);
    if (other === undefined) differences.push({ collection, id, kind: 'only-in-live' });
    else if (other !== hash) differences.push({ collection, id, kind: 'content-differs' });
  }
  for (const id of rebuilt.keys()) if (!live.has(id)) differences.push({ collection, id, kind: 'only-in-rebuilt' });
  return differences;
}

/** Compares two sets of documents by `_id` and content hash. */
export function diffDocuments(collection: string, live: Array<{ _id: unknown }>, rebuilt: Array<{ _id: unknown }>): DocumentDifference[] {
  const hashes = (docs: Array<{ _id: unknown }>) => new Map(docs.map((doc) => [String(doc._id), documentHash(doc)]));
  return diffHashes(collection, hashes(live), hashes(rebuilt));
}

/**
 * Every difference between generation `live` and `rebuilt` of the given read models. Each collection
 * is streamed and kept only as `_id` → hash, so memory grows with the number of documents, not their size.
 */
export async function diffGenerations(db: Db, readModels: readonly ReadModel[], live: string, rebuilt: string): Promise<DocumentDifference[]> {
  const differences: DocumentDifference[] = [];
  for (const { name, comparable } of readModels) {
    const hashes = (generation: string) => (comparable ? comparableHashesOf(db, collectionInGeneration(name, generation), comparable) : hashesOf(db, collectionInGeneration(name, generation)));
    const [a, b] = await Promise.all([hashes(live), hashes(rebuilt)]);
    differences.push(...diffHashes(name, a, b));
  }
  return differences;
}

async function hashesOf(db: Db, collection: string): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for await (const doc of db.collection<{ _id: unknown }>(collection).find({}, { batchSize: DOCUMENTS_PER_BATCH })) hashes.set(String(doc._id), documentHash(doc));
  return hashes;
}

/** Hashes of a read model in its comparable form: documents grouped by key, contents combined. */
export async function comparableHashesOf(db: Db, collection: string, form: ComparableForm): Promise<Map<string, string>> {
  const contents = new Map<string, unknown>();
  for await (const doc of db.collection(collection).find({}, { batchSize: DOCUMENTS_PER_BATCH })) {
    const key = form.key(doc);
    const content = form.content(doc);
    if (!contents.has(key)) contents.set(key, content);
    else if (form.combine) contents.set(key, form.combine(contents.get(key), content));
    else throw new Error(`${collection}: several documents share the comparison key ${key} and no way to combine them was declared`);
  }
  return new Map([...contents].map(([key, content]) => [key, documentHash(content)]));
}
