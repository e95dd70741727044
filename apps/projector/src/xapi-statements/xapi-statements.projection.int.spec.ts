import type { KnownLedgerEvent, PositionedEvent } from '@ledger/events';
import { ReadStore, XAPI_STATEMENTS_COLLECTION, XapiStatementsCollectionDocument } from '@ledger/read-store';
import { testStack, uniqueName } from '@ledger/test-harness';
import { LedgerBatchReceived } from '../ledger-batch-received';
import { XapiStatementsProjection } from './xapi-statements.projection';

const statementId = '3f6d2b84-7c1e-4a8f-9d25-0b6e41c7a913';
const voidingId = '9b1e7c55-2d40-4f6a-8e33-5a0c9f2d7b61';
const envelope = { version: 1, occurredAt: '2026-11-24T09:30:00.000Z', subject: 'learner-42', actor: 'learner-42', source: 'player-7' };
const statement = (id: string, verbId: string, object: Record<string, unknown>) => ({
  id,
  actor: { account: { homePage: 'https://learninghub.example.org', name: 'learner-42' } },
  verb: { id: verbId },
  object,
  timestamp: '2026-11-24T09:30:00.000Z',
});

const recorded: PositionedEvent<KnownLedgerEvent> = {
  event: {
    ...envelope,
    eventId: statementId,
    recordedAt: '2026-11-24T09:30:01.000Z',
    type: 'XapiStatementRecorded',
    data: { statementId, xapiVersion: '2.0.0', statement: statement(statementId, 'http://adlnet.gov/expapi/verbs/completed', { id: 'https://learninghub.example.org/sessions/s-1' }) },
  },
  position: { partition: 0, offset: '5' },
};
const voided: PositionedEvent<KnownLedgerEvent> = {
  event: { ...envelope, eventId: '5b7e3c1a-9d2f-5e4b-8a6c-1f0e2d3c4b5a', recordedAt: '2026-11-24T09:40:00.000Z', type: 'StatementVoided', data: { statementId, voidingStatementId: voidingId } },
  position: { partition: 1, offset: '2' },
};

/** The projection against a real Mongo-wire store, fed batches directly: redelivery and order must not matter. */
describe('XapiStatementsProjection', () => {
  let store: ReadStore;
  let projection: XapiStatementsProjection;
  const all = async () => store.db.collection<XapiStatementsCollectionDocument>(XAPI_STATEMENTS_COLLECTION).find({}).sort({ _id: 1 }).toArray();

  beforeEach(async () => {
    store = await ReadStore.connect({ mongoUrl: testStack().mongoUrl, database: uniqueName('xapi').replace(/-/g, '_') });
    projection = new XapiStatementsProjection(store);
  });
  afterEach(async () => store.close());

  it('stores a statement and a voiding, and a redelivered batch changes nothing', async () => {
    await projection.handle(new LedgerBatchReceived([recorded, voided], ''));
    const first = await all();
    expect(first.map((doc) => [doc._id, doc.kind])).toEqual([
      [statementId, 'statement'],
      [`voided|${statementId}`, 'voiding'],
    ]);
    await projection.handle(new LedgerBatchReceived([recorded, voided], ''));
    await projection.handle(new LedgerBatchReceived([voided], ''));
    expect(await all()).toEqual(first);
  });

  it('keeps a voiding that arrives before its statement (another partition), ending in the same documents', async () => {
    await projection.handle(new LedgerBatchReceived([recorded, voided], ''));
    const inOrder = await all();
    await store.close();
    store = await ReadStore.connect({ mongoUrl: testStack().mongoUrl, database: uniqueName('xapi').replace(/-/g, '_') });
    projection = new XapiStatementsProjection(store);
    await projection.handle(new LedgerBatchReceived([voided], ''));
    await projection.handle(new LedgerBatchReceived([recorded], ''));
    expect(await all()).toEqual(inOrder);
  });

  it('writes into the generation it is given and ignores other events', async () => {
    const other: PositionedEvent<KnownLedgerEvent> = {
      event: { ...envelope, eventId: 'c0ffee00-0000-4000-8000-000000000001', recordedAt: '2026-11-24T09:30:01.000Z', type: 'SessionCompleted', data: { sessionId: 's-1', attemptId: 'a-1' } },
      position: { partition: 0, offset: '6' },
    };
    await projection.handle(new LedgerBatchReceived([other, recorded], 'rebuild1'));
    expect(await all()).toEqual([]);
    expect(await store.db.collection(`${XAPI_STATEMENTS_COLLECTION}__rebuild1`).countDocuments({})).toBe(1);
  });
});
