import type { Collection } from 'mongodb';
import { readByIds } from '@ledger/read-store';

/**
 * Reads documents of one collection by `_id`, remembering what it read so each document is fetched
 * at most once per use. Absent documents are remembered too.
 */
export class DocumentReader<D extends { _id: string }> {
  private readonly read = new Map<string, D | null>();

  constructor(private readonly collection: Collection<D>) {}

  /** Fetches those of `ids` not read yet. */
  async load(ids: Iterable<string>): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !this.read.has(id));
    if (missing.length === 0) return;
    const found = await readByIds(this.collection, missing);
    for (const id of missing) this.read.set(id, found.get(id) ?? null);
  }

  /** A loaded document; undefined when absent (or never loaded). */
  get(id: string): D | undefined {
    return this.read.get(id) ?? undefined;
  }
}
