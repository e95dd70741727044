import { ReadStore } from '@ledger/read-store';
import { createLogger } from '@ledger/runtime';
import { isolatedAppEnv } from '@ledger/test-harness';
import { EventReceipts } from './event-receipts';

/** The receipts against a real Mongo-wire store, including an append that never got confirmed. */
describe('EventReceipts', () => {
  let store: ReadStore;
  let receipts: EventReceipts;

  beforeAll(async () => {
    const env = isolatedAppEnv();
    store = await ReadStore.connect({ mongoUrl: env.MONGO_URL, database: env.MONGO_DATABASE, ferretDbPostgresUrl: env.FERRETDB_POSTGRESQL_URL });
    receipts = new EventReceipts(store, env.INGEST_STATE_DATABASE, createLogger('test', 'warn'));
    await receipts.ensureIndexes();
  });
  afterAll(async () => store.close());

  it('tells new, repeated and conflicting eventIds apart, and returns confirmed positions', async () => {
    const first = await receipts.claim([{ eventId: 'e1', contentHash: 'h1' }, { eventId: 'e2', contentHash: 'h2' }]);
    expect(first.outcomes).toEqual([{ kind: 'new' }, { kind: 'new' }]);
    await receipts.recordPositions(first.batchId, [
      { eventId: 'e1', position: { partition: 2, offset: '40' }, retried: false },
      { eventId: 'e2', position: { partition: 0, offset: '7' }, retried: false },
    ]);

    const second = await receipts.claim([{ eventId: 'e2', contentHash: 'h2' }, { eventId: 'e1', contentHash: 'other' }, { eventId: 'e3', contentHash: 'h3' }]);
    expect(second.outcomes).toEqual([{ kind: 'repeat', position: { partition: 0, offset: '7' } }, { kind: 'conflict' }, { kind: 'new' }]);
  });

  it('treats a claimed event whose append was never confirmed as a repeat to append again, then finds the retry', async () => {
    const lost = await receipts.claim([{ eventId: 'lost-1', contentHash: 'h' }]);
    expect(lost.outcomes).toEqual([{ kind: 'new' }]);
    // (the append failed here: no positions were recorded)

    const retry = await receipts.claim([{ eventId: 'lost-1', contentHash: 'h' }]);
    expect(retry.outcomes).toEqual([{ kind: 'repeat', position: null }]);
    await receipts.recordPositions(retry.batchId, [{ eventId: 'lost-1', position: { partition: 1, offset: '3' }, retried: true }]);

    const later = await receipts.claim([{ eventId: 'lost-1', contentHash: 'h' }]);
    expect(later.outcomes).toEqual([{ kind: 'repeat', position: { partition: 1, offset: '3' } }]);
  });

  it('releases the claims of a refused batch so they can be sent again', async () => {
    await receipts.claim([{ eventId: 'r1', contentHash: 'h' }]);
    await receipts.release(['r1']);
    expect((await receipts.claim([{ eventId: 'r1', contentHash: 'different' }])).outcomes).toEqual([{ kind: 'new' }]);
  });
});
