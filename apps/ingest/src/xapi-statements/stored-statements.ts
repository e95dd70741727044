import { Inject, Injectable } from '@nestjs/common';
import type { Collection } from 'mongodb';
import type { Logger } from 'pino';
import { readCompleteThrough, ReadStore, storedStatementOf, XAPI_STATEMENTS_COLLECTION, XapiStatementsCollectionDocument, xapiVoidingDocumentId } from '@ledger/read-store';
import { AppError } from '@ledger/runtime';
import type { IngestConfig } from '../config';
import { APP_LOGGER, INGEST_CONFIG } from '../tokens';

/** A stored statement, as the LRS serves it, and whether it stands voided. */
export interface StoredStatement {
  statement: Record<string, unknown>;
  /** True when the client sent no timestamp and the LRS assigned it. */
  timestampAssigned: boolean;
  voided: boolean;
}

/**
 * Ingest's read side of the xAPI statements read model (written by the projector): by `_id` only,
 * an index lookup on every store.
 */
@Injectable()
export class StoredStatements {
  constructor(
    @Inject(ReadStore) private readonly store: ReadStore,
    @Inject(APP_LOGGER) private readonly logger: Logger,
    @Inject(INGEST_CONFIG) private readonly config: IngestConfig,
  ) {}

  /** The statement with this id, if the projector has stored it. A voiding statement is never voided itself (xAPI). */
  async find(statementId: string): Promise<StoredStatement | null> {
    return this.read(async (collection) => {
      const [document, voiding] = await Promise.all([collection.findOne({ _id: statementId }), collection.findOne({ _id: xapiVoidingDocumentId(statementId) })]);
      if (document?.kind !== 'statement') return null;
      return { statement: storedStatementOf(document), timestampAssigned: document.timestampAssigned, voided: voiding !== null && !document.isVoiding };
    });
  }

  /**
   * For X-Experience-API-Consistent-Through: the instant through which the projector has applied every
   * accepted event (its watermark), so every statement accepted by then can be read back. Before the
   * projector has applied anything, the Unix epoch: nothing is promised.
   */
  async consistentThrough(): Promise<string> {
    try {
      return (await readCompleteThrough(this.store.db, this.config.projectorGroup)) ?? new Date(0).toISOString();
    } catch (error) {
      this.logger.error({ err: error }, 'projection watermark unavailable');
      throw new AppError('STORE.UNAVAILABLE', 'stored statements cannot be read right now; retry shortly');
    }
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
