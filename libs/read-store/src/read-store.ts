import { Collection, Db, Document, MongoClient, MongoServerError } from 'mongodb';
import { collectionInGeneration, currentGeneration } from './generations/read-model-generation';
import { FerretDbPostgresIndexes } from './indexes/ferretdb-postgres-indexes';
import type { ReadModel } from './indexes/read-model';
import { detectStoreKind, StoreKind } from './indexes/store-kind';

/** Where the read models live: a Mongo-wire server (MongoDB in production, FerretDB locally) and a database. */
export interface ReadStoreSettings {
  mongoUrl: string;
  database: string;
  /**
   * When the server is FerretDB on PostgreSQL: a connection string to FerretDB's PostgreSQL database,
   * through which declared indexes are made effective (see FerretDbPostgresIndexes). Unused on MongoDB.
   */
  ferretDbPostgresUrl?: string;
  /** Operations this process keeps in flight on the server at most (see ReadStore.connect). */
  maxConcurrentOperations?: number;
}

/**
 * FerretDB serves an update while holding two connections of its PostgreSQL pool (the read that finds
 * the document, and the transaction that writes it), so enough concurrent updates from all clients
 * together can each hold one and wait forever for a second. Capping each process's operations in
 * flight (the driver queues the rest) keeps the sum well under FerretDB's pool. MongoDB needs no cap
 * this low, but ten per process is plenty for these apps.
 */
const DEFAULT_MAX_CONCURRENT_OPERATIONS = 10;

/** MongoDB's "collection already exists". */
const NAMESPACE_EXISTS = 48;

/**
 * Whatever reads read models by name: the store itself (the generation readers use now), or a view of
 * one generation (an auditor's "as it stood then"). Readers that take this instead of the store show
 * whichever generation they are given without knowing.
 */
export interface ReadModels {
  readModel<T extends Document>(name: string): Promise<Collection<T>>;
}

/**
 * A connection to the read-model database. Writers (projections) and readers (reporting) share this
 * type but not collections: each collection is owned by exactly one projection.
 */
export class ReadStore implements ReadModels {
  private kind?: Promise<StoreKind>;
  private postgresIndexes?: FerretDbPostgresIndexes;

  private constructor(
    private readonly client: MongoClient,
    readonly db: Db,
    private readonly settings: ReadStoreSettings,
  ) {}

  static async connect(settings: ReadStoreSettings): Promise<ReadStore> {
    const client = new MongoClient(settings.mongoUrl, {
      serverSelectionTimeoutMS: 5_000,
      maxPoolSize: settings.maxConcurrentOperations ?? DEFAULT_MAX_CONCURRENT_OPERATIONS,
      // Read models are rebuilt from the ledger, but a lost acknowledged write would still make a
      // projection skip an event, so writes wait for the journal.
      writeConcern: { w: 'majority', j: true },
    });
    await client.connect();
    return new ReadStore(client, client.db(settings.database), settings);
  }

  /** Another database on the same server, for state that is not a read model (ingest's own records). */
  database(name: string): Db {
    return this.client.db(name);
  }

  async close(): Promise<void> {
    await this.client.close();
    const postgresIndexes = this.postgresIndexes;
    this.postgresIndexes = undefined;
    await postgresIndexes?.close();
  }

  /** Nest calls this when an app that provides the store shuts down. */
  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }

  /**
   * Read model `name` in the generation readers use now (see read-model-generation.ts), or in
   * `generation` when given (an auditor's view of the read models as they stood at a past moment is a
   * generation of its own; readers are given one through a ReadModels view of it).
   */
  async readModel<T extends Document>(name: string, generation?: string): Promise<Collection<T>> {
    const chosen = generation ?? (await currentGeneration(this.db));
    return this.db.collection<T>(collectionInGeneration(name, chosen));
  }

  /** MongoDB or FerretDB, asked once. */
  storeKind(): Promise<StoreKind> {
    this.kind ??= detectStoreKind(this.db);
    return this.kind;
  }

  /**
   * Creates a read model's collection in `generation` with an index on `_id` and on each declared
   * field, in a way the server's query planner will use: `createIndexes` (which MongoDB serves), and on
   * FerretDB the GIN indexes its queries can use. Idempotent; `db` defaults to the read-model database.
   */
  async ensureIndexes(readModel: ReadModel, generation = '', db: Db = this.db): Promise<void> {
    const name = collectionInGeneration(readModel.name, generation);
    await db.createCollection(name).catch((error: unknown) => {
      if (!(error instanceof MongoServerError && error.code === NAMESPACE_EXISTS)) throw error;
    });
    // Only the missing ones, one at a time: FerretDB 1.24 drops the connection (a panic it recovers
    // from) when one createIndexes command names two or more indexes that all exist already.
    const existing = new Set((await db.collection(name).listIndexes().toArray()).map((index) => String(index.name)));
    for (const field of readModel.indexedFields) {
      if (!existing.has(`${field}_1`)) await db.collection(name).createIndex({ [field]: 1 }, { name: `${field}_1` });
    }
    if ((await this.storeKind()) !== 'ferretdb') return;
    if (!this.settings.ferretDbPostgresUrl) {
      throw new Error(
        'The read store is FerretDB but no PostgreSQL connection string was configured (FERRETDB_POSTGRESQL_URL): ' +
          'its own indexes are never used, so every read would scan its collection.',
      );
    }
    this.postgresIndexes ??= new FerretDbPostgresIndexes(this.settings.ferretDbPostgresUrl);
    await this.postgresIndexes.ensure(db.databaseName, name, ['_id', ...readModel.indexedFields]);
  }

  /** Whether the server answers a ping within its selection timeout; for /health. */
  async probe(): Promise<{ up: boolean; detail?: string }> {
    try {
      await this.db.command({ ping: 1 });
      return { up: true };
    } catch (error) {
      return { up: false, detail: (error as Error).message };
    }
  }
}
