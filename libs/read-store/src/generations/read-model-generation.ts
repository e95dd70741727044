import type { Db } from 'mongodb';
import { declareReadModel, ReadModel } from '../indexes/read-model';

/**
 * Read models live in a generation of collections. A rebuild fills a new generation beside the live
 * one, and switching readers is one write to one document, so every read model changes over at once.
 * Generation "" is the collections' plain names.
 */
export interface ReadModelGenerationDocument {
  _id: 'current';
  generation: string;
  switchedAt: string;
  /**
   * Per ledger partition, the first offset the generation does not hold yet: the rebuild that filled
   * it stopped there. The live projector continues each partition into this generation from exactly
   * there (re-reading what it had applied only to the previous generation meanwhile), so it never
   * writes ahead of the rebuild. Absent for generation "" and before any switch.
   */
  resumeFrom?: Record<string, string>;
}

export const READ_MODEL_GENERATIONS_COLLECTION = 'read_model_generations';

/** One document, read by `_id`; not generational. */
export const READ_MODEL_GENERATIONS_READ_MODEL: ReadModel = declareReadModel(READ_MODEL_GENERATIONS_COLLECTION, []);

/** The physical collection of read model `name` in `generation`. */
export function collectionInGeneration(name: string, generation: string): string {
  return generation === '' ? name : `${name}__${generation}`;
}

/** What readers and the live projector use now. */
export async function readGeneration(db: Db): Promise<ReadModelGenerationDocument> {
  const doc = await db.collection<ReadModelGenerationDocument>(READ_MODEL_GENERATIONS_COLLECTION).findOne({ _id: 'current' });
  return doc ?? { _id: 'current', generation: '', switchedAt: '' };
}

/** The generation readers and the live projector use now. */
export async function currentGeneration(db: Db): Promise<string> {
  return (await readGeneration(db)).generation;
}

/** Points every reader at `generation`, in one document write; `resumeFrom` says how far it holds each partition. */
export async function switchGeneration(db: Db, generation: string, now: Date, resumeFrom: Record<string, string>): Promise<void> {
  await db
    .collection<ReadModelGenerationDocument>(READ_MODEL_GENERATIONS_COLLECTION)
    .replaceOne({ _id: 'current' }, { generation, switchedAt: now.toISOString(), resumeFrom }, { upsert: true });
}
