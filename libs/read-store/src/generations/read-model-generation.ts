import type { Db } from 'mongodb';

/**
 * Read models live in a generation of collections. A rebuild fills a new generation beside the live
 * one, and switching readers is one write to one document, so every read model changes over at once.
 * Generation "" is the collections' plain names.
 */
export interface ReadModelGenerationDocument {
  _id: 'current';
  generation: string;
  switchedAt: string;
}

export const READ_MODEL_GENERATIONS_COLLECTION = 'read_model_generations';

/** The physical collection of read model `name` in `generation`. */
export function collectionInGeneration(name: string, generation: string): string {
  return generation === '' ? name : `${name}__${generation}`;
}

/** The generation readers and the live projector use now. */
export async function currentGeneration(db: Db): Promise<string> {
  const doc = await db.collection<ReadModelGenerationDocument>(READ_MODEL_GENERATIONS_COLLECTION).findOne({ _id: 'current' });
  return doc?.generation ?? '';
}

/** Points every reader at `generation`, in one document write. */
export async function switchGeneration(db: Db, generation: string, now: Date): Promise<void> {
  await db
    .collection<ReadModelGenerationDocument>(READ_MODEL_GENERATIONS_COLLECTION)
    .replaceOne({ _id: 'current' }, { generation, switchedAt: now.toISOString() }, { upsert: true });
}
