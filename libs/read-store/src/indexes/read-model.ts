/**
 * A read model's name and the top-level fields it is read by, declared once next to its document
 * type. Every read of a read model is an equality on `_id` or on one of these fields, so each read is
 * served by an index (see ensureIndexes). `_id` is always indexed and is not listed.
 */
export interface ReadModel {
  /** The collection's name in a generation (see collectionInGeneration). */
  readonly name: string;
  readonly indexedFields: readonly string[];
}

export function declareReadModel(name: string, indexedFields: readonly string[] = []): ReadModel {
  for (const field of indexedFields) {
    // FerretDB serves an equality only on a top-level field; a dotted path would scan.
    if (field === '_id' || field.includes('.') || field.startsWith('$')) throw new Error(`read model ${name}: "${field}" cannot be a declared index field`);
  }
  return { name, indexedFields };
}
