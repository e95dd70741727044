import type { Collection } from 'mongodb';

/**
 * Reads documents of one collection by `_id` lists (the one query the store indexes), remembering
 * what it read so each document is fetched at most once per use. Absent documents are remembered too.
 */
export class DocumentReader<D extends { _id: string }> {
  private readonly read = new Map<string, D | null>();

  constructor(private readonly collection: Collection<D>) {}

  /** Fetches those of `ids` not read yet, in one query. */
  async load(ids: Iterable<string>): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !this.read.has(id));
    if (missing.length === 0) return;
    const found = await this.collection.find({ _id: { $in: missing } } as never).toArray();
    for (const id of missing) this.read.set(id, null);
    for (const doc of found) this.read.set(String(doc._id), doc as D);
  }

  /** A loaded document; undefined when absent (or never loaded). */
  get(id: string): D | undefined {
    return this.read.get(id) ?? undefined;
  }
}
