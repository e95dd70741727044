import { canonicalJson } from '@ledger/events';
import type { ReadStore } from '@ledger/read-store';

type StoredDocument = Record<string, unknown> & { _id: string };
type Filter = Record<string, unknown>;
type WriteOperation = { insertOne: { document: StoredDocument } } | { replaceOne: { filter: Filter; replacement: StoredDocument } };

/**
 * Just enough of a Mongo collection for projection unit tests: `_id` reads, equality finds on one
 * top-level field, inserts that keep existing `_id`s (failing like a bulk insert does), and ordered
 * bulk inserts and guarded replaces, with documents copied in and out as a real store would. Counts
 * writes, so a test can assert that a redelivered batch wrote nothing.
 */
class InMemoryCollection {
  readonly documents = new Map<string, StoredDocument>();
  writes = 0;
  /** Guarded replaces that found the document changed (a concurrent writer got there first). */
  guardMisses = 0;

  constructor(
    readonly collectionName: string,
    private readonly latency: () => Promise<void>,
  ) {}

  async findOne(filter: { _id: string }): Promise<StoredDocument | null> {
    await this.latency();
    const found = this.documents.get(filter._id);
    return found ? structuredClone(found) : null;
  }

  /** An equality on one top-level field, as an async iterable cursor. */
  find(filter: Filter) {
    const [[field, value]] = Object.entries(filter);
    const latency = this.latency;
    const documents = this.documents;
    return {
      async *[Symbol.asyncIterator]() {
        await latency();
        for (const doc of [...documents.values()]) if (canonicalJson(doc[field]) === canonicalJson(value)) yield structuredClone(doc);
      },
    };
  }

  async insertMany(documents: StoredDocument[]): Promise<void> {
    await this.latency();
    const writeErrors: Array<{ index: number; code: number }> = [];
    documents.forEach((document, index) => {
      if (this.documents.has(document._id)) writeErrors.push({ index, code: 11000 });
      else {
        this.documents.set(document._id, structuredClone(document));
        this.writes += 1;
      }
    });
    if (writeErrors.length > 0) throw Object.assign(new Error('duplicate key'), { writeErrors });
  }

  async bulkWrite(operations: WriteOperation[]): Promise<{ matchedCount: number; insertedCount: number }> {
    await this.latency();
    let matchedCount = 0;
    let insertedCount = 0;
    for (const operation of operations) {
      if ('insertOne' in operation) {
        const { document } = operation.insertOne;
        if (this.documents.has(document._id)) throw Object.assign(new Error(`duplicate _id ${document._id}`), { code: 11000 });
        this.documents.set(document._id, structuredClone(document));
        insertedCount += 1;
      } else {
        const { filter, replacement } = operation.replaceOne;
        const current = this.documents.get(String(filter._id));
        if (!current || !matches(current, filter)) {
          this.guardMisses += 1;
          continue;
        }
        this.documents.set(current._id, structuredClone(replacement));
        matchedCount += 1;
      }
      this.writes += 1;
    }
    return { matchedCount, insertedCount };
  }
}

function matches(document: StoredDocument, filter: Filter): boolean {
  return Object.entries(filter).every(([path, expected]) => canonicalJson(valueAt(document, path)) === canonicalJson(expected));
}

function valueAt(document: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), document);
}

/**
 * A ReadStore stand-in whose collections live in memory. With a seed, every read and write first
 * waits a pseudo-random few turns of the event loop, so concurrent callers interleave differently per
 * seed (and the same way for the same seed).
 */
export class InMemoryReadStore {
  private readonly collections = new Map<string, InMemoryCollection>();
  private readonly latency: () => Promise<void>;

  constructor(seed?: number) {
    let state = seed ?? 0;
    const nextTurns = () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state % 4;
    };
    this.latency = async () => {
      if (seed === undefined) return;
      for (let turns = nextTurns(); turns > 0; turns -= 1) await new Promise((resolve) => setImmediate(resolve));
    };
  }

  readonly db = { collection: (name: string) => this.collection(name) };

  asReadStore(): ReadStore {
    return this as unknown as ReadStore;
  }

  collection(name: string): InMemoryCollection {
    const existing = this.collections.get(name);
    if (existing) return existing;
    const created = new InMemoryCollection(name, this.latency);
    this.collections.set(name, created);
    return created;
  }

  /** Every collection's documents, by name then `_id`, for comparing whole read models. */
  snapshot(): Record<string, Record<string, StoredDocument>> {
    const names = [...this.collections.keys()].sort();
    return Object.fromEntries(names.map((name) => [name, Object.fromEntries([...this.collection(name).documents].sort(([a], [b]) => (a < b ? -1 : 1)))]));
  }

  totalGuardMisses(): number {
    return [...this.collections.values()].reduce((sum, c) => sum + c.guardMisses, 0);
  }

  totalWrites(): number {
    return [...this.collections.values()].reduce((sum, c) => sum + c.writes, 0);
  }
}
