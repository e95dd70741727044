import { Inject } from '@nestjs/common';
import { EventsHandler, IEventHandler } from '@nestjs/cqrs';
import type { KnownLedgerEvent, PositionedEvent, StatementVoided, XapiStatementRecorded } from '@ledger/events';
import { collectionInGeneration, insertIgnoringDuplicates, ReadStore, XAPI_STATEMENTS_COLLECTION, XAPI_STATEMENTS_READ_MODEL, XapiStatementsCollectionDocument } from '@ledger/read-store';
import { LedgerBatchReceived } from '../ledger-batch-received';
import { statementDocument, voidingDocument } from './xapi-statement-documents';

/**
 * Owns `xapi_statements`: each recorded statement, and a marker per voided statement, for the xAPI
 * GET in ingest. Insert-only: the deterministic `_id` is the position guard, so a redelivered or
 * replayed event meets its own document and changes nothing, and the first event for an `_id` wins.
 */
@EventsHandler(LedgerBatchReceived)
export class XapiStatementsProjection implements IEventHandler<LedgerBatchReceived> {
  readonly readModels = [XAPI_STATEMENTS_READ_MODEL];

  constructor(@Inject(ReadStore) private readonly store: ReadStore) {}

  async handle({ events, generation }: LedgerBatchReceived): Promise<void> {
    const documents = events.flatMap(documentOf);
    if (documents.length === 0) return;
    const collection = this.store.db.collection<XapiStatementsCollectionDocument>(collectionInGeneration(XAPI_STATEMENTS_COLLECTION, generation));
    // Existing `_id`s are left as stored: the first event for a statement wins.
    await insertIgnoringDuplicates(collection, documents);
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
