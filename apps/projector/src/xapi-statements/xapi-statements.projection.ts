import { Inject } from '@nestjs/common';
import { EventsHandler, IEventHandler } from '@nestjs/cqrs';
import { Collection, MongoBulkWriteError } from 'mongodb';
import type { KnownLedgerEvent, PositionedEvent, StatementVoided, XapiStatementRecorded } from '@ledger/events';
import { collectionInGeneration, ReadStore, XAPI_STATEMENTS_COLLECTION, XapiStatementsCollectionDocument } from '@ledger/read-store';
import { LedgerBatchReceived } from '../ledger-batch-received';
import { statementDocument, voidingDocument } from './xapi-statement-documents';

/** Mongo's duplicate-key error: the document is already there. */
const DUPLICATE_KEY = 11000;

/**
 * Owns `xapi_statements`: each recorded statement, and a marker per voided statement, for the xAPI
 * GET in ingest. Insert-only: the deterministic `_id` is the position guard, so a redelivered or
 * replayed event meets its own document and changes nothing, and the first event for an `_id` wins.
 */
@EventsHandler(LedgerBatchReceived)
export class XapiStatementsProjection implements IEventHandler<LedgerBatchReceived> {
  readonly collections = [XAPI_STATEMENTS_COLLECTION];

  constructor(@Inject(ReadStore) private readonly store: ReadStore) {}

  async handle({ events, generation }: LedgerBatchReceived): Promise<void> {
    const documents = events.flatMap(documentOf);
    if (documents.length === 0) return;
    const collection = this.store.db.collection<XapiStatementsCollectionDocument>(collectionInGeneration(XAPI_STATEMENTS_COLLECTION, generation));
    await insertIgnoringExisting(collection, documents);
  }
}

function documentOf(positioned: PositionedEvent<KnownLedgerEvent>): XapiStatementsCollectionDocument[] {
  switch (positioned.event.type) {
    case 'XapiStatementRecorded':
      return [statementDocument(positioned as PositionedEvent<XapiStatementRecorded>)];
    case 'StatementVoided':
      return [voidingDocument(positioned as PositionedEvent<StatementVoided>)];
    default:
      return [];
  }
}

/** Inserts every document whose `_id` is new; documents already stored are left as they are. */
async function insertIgnoringExisting(collection: Collection<XapiStatementsCollectionDocument>, documents: XapiStatementsCollectionDocument[]): Promise<void> {
  try {
    await collection.insertMany(documents, { ordered: false });
  } catch (error) {
    if (!(error instanceof MongoBulkWriteError)) throw error;
    const writeErrors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
    if (writeErrors.length === 0 || writeErrors.some((e) => e.code !== DUPLICATE_KEY)) throw error;
  }
}
