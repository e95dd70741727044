import { Inject, Injectable } from '@nestjs/common';
import type { Collection } from 'mongodb';
import type { Logger } from 'pino';
import { ReadStore, XAPI_STATEMENTS_COLLECTION, XapiStatementDocument, XapiStatementsCollectionDocument, xapiVoidingDocumentId } from '@ledger/read-store';
import { AppError } from '@ledger/runtime';
import { APP_LOGGER } from '../tokens';

/** A stored statement and whether it stands voided. */
export interface StoredStatement {
  document: XapiStatementDocument;
  voided: boolean;
}

/**
 * Ingest's read side of the xAPI statements read model (written by the projector): by `_id` only,
 * the lookup FerretDB on SQLite serves without scanning.
 */
@Injectable()
export class StoredStatements {
  constructor(
    @Inject(ReadStore) private readonly store: ReadStore,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {}

  /** The statement with this id, if the projector has stored it. A voiding statement is never voided itself (xAPI). */
  async find(statementId: string): Promise<StoredStatement | null> {
    return this.read(async (collection) => {
      const [document, voiding] = await Promise.all([collection.findOne({ _id: statementId }), collection.findOne({ _id: xapiVoidingDocumentId(statementId) })]);
      if (document?.kind !== 'statement') return null;
      return { document, voided: voiding !== null && !document.isVoiding };
    });
  }

  /**
   * For X-Experience-API-Consistent-Through: when the newest stored document was accepted by the
   * ledger, or `now` while nothing is stored. Interim: it sorts the collection (a scan on FerretDB
   * with SQLite) and says nothing about partitions that lag; the projector's watermark will replace it.
   */
  async consistentThrough(now: Date): Promise<string> {
    return this.read(async (collection) => {
      const [newest] = await collection.find({}, { projection: { 'projection.lastRecordedAt': 1 } }).sort({ 'projection.lastRecordedAt': -1 }).limit(1).toArray();
      return newest?.projection.lastRecordedAt || now.toISOString();
    });
  }

  private async read<T>(query: (collection: Collection<XapiStatementsCollectionDocument>) => Promise<T>): Promise<T> {
    try {
      return await query(await this.store.readModel<XapiStatementsCollectionDocument>(XAPI_STATEMENTS_COLLECTION));
    } catch (error) {
      this.logger.error({ err: error }, 'xAPI statements read model unavailable');
      throw new AppError('STORE.UNAVAILABLE', 'stored statements cannot be read right now; retry shortly');
    }
  }
}
