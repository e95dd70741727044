import { Collection, Db, Document, MongoClient } from 'mongodb';
import { collectionInGeneration, currentGeneration } from './generations/read-model-generation';

/** Where the read models live: a Mongo-wire server (MongoDB in production, FerretDB in tests) and a database. */
export interface ReadStoreSettings {
  mongoUrl: string;
  database: string;
}

/**
 * A connection to the read-model database. Writers (projections) and readers (reporting) share this
 * type but not collections: each collection is owned by exactly one projection.
 */
export class ReadStore {
  private constructor(
    private readonly client: MongoClient,
    readonly db: Db,
  ) {}

  static async connect(settings: ReadStoreSettings): Promise<ReadStore> {
    const client = new MongoClient(settings.mongoUrl, {
      serverSelectionTimeoutMS: 5_000,
      // Read models are rebuilt from the ledger, but a lost acknowledged write would still make a
      // projection skip an event, so writes wait for the journal.
      writeConcern: { w: 'majority', j: true },
    });
    await client.connect();
    return new ReadStore(client, client.db(settings.database));
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  /** Nest calls this when an app that provides the store shuts down. */
  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }

  /** Read model `name` in the generation readers use now (see read-model-generation.ts). */
  async readModel<T extends Document>(name: string): Promise<Collection<T>> {
    return this.db.collection<T>(collectionInGeneration(name, await currentGeneration(this.db)));
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
