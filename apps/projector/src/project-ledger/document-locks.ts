/**
 * Locks on read-model documents within this process, so two partitions never read-fold-write the same
 * document at once. The guarded replaces alone are not enough on FerretDB v1: it evaluates an update's
 * filter in a read and then writes by `_id` (`UPDATE … WHERE _id = $1`), so two replaces of one
 * document in flight together can both match their guard and the second silently undo the first
 * (measured: anonymised course counts of 13 and 16 for 12 learners, when a catalogue partition and the
 * learners' partitions recounted the same memories together). On MongoDB the guards are atomic and
 * these locks only save the retries. Locks are taken in key order, all at once, and released together;
 * work done under them must not take more (projectDocuments, taken inside, takes only its own keys).
 */
export class DocumentLocks {
  private readonly tails = new Map<string, Promise<void>>();

  async withLocks<T>(keys: Iterable<string>, work: () => Promise<T>): Promise<T> {
    const releases: Array<() => void> = [];
    try {
      for (const key of [...new Set(keys)].sort()) releases.push(await this.acquire(key));
      return await work();
    } finally {
      for (const release of releases.reverse()) release();
    }
  }

  private async acquire(key: string): Promise<() => void> {
    const before = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const tail = before.then(() => held);
    this.tails.set(key, tail);
    await before;
    return () => {
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    };
  }
}

/** The one set of locks of this process: every projection and generation shares it (keys name both). */
export const documentLocks = new DocumentLocks();

/** The lock keys of documents of one collection (its database and generation are part of its name). */
export function documentKeys(collection: { dbName: string; collectionName: string }, ids: Iterable<string>): string[] {
  const prefix = `${collection.dbName}.${collection.collectionName}|`;
  return [...ids].map((id) => prefix + id);
}
