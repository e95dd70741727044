import type { Document } from 'mongodb';

/**
 * A read model's name and the top-level fields it is read by, declared once next to its document
 * type. Every read of a read model is an equality on `_id` or on one of these fields, so each read is
 * served by an index (see ensureIndexes). `_id` is always indexed and is not listed.
 */
export interface ReadModel {
  /** The collection's name in a generation (see collectionInGeneration). */
  readonly name: string;
  readonly indexedFields: readonly string[];
  /** How a rebuild is compared with the live read model, when not document by document (see ComparableForm). */
  readonly comparable?: ComparableForm;
}

/**
 * What a rebuild must reproduce of a read model whose documents may legitimately differ with the
 * order partitions were applied in: e.g. a sharded counter, where which shard counted a learner
 * depends on which partition got there first, while every cell's total does not. Documents are
 * grouped by `key`, their `content` combined, and the groups compared.
 */
export interface ComparableForm {
  key(doc: Document): string;
  content(doc: Document): unknown;
  /** How the contents of one key's documents add up (required when several documents share a key). */
  combine?(a: unknown, b: unknown): unknown;
}

export function declareReadModel(name: string, indexedFields: readonly string[] = [], comparable?: ComparableForm): ReadModel {
  for (const field of indexedFields) {
    // FerretDB serves an equality only on a top-level field; a dotted path would scan.
    if (field === '_id' || field.includes('.') || field.startsWith('$')) throw new Error(`read model ${name}: "${field}" cannot be a declared index field`);
  }
  return comparable ? { name, indexedFields, comparable } : { name, indexedFields };
}
