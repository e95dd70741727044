import { declareReadModel, ReadModel } from '../indexes/read-model';
import type { ProjectionMetadata } from '../projection-metadata';

/**
 * The learning record store's statements, in one collection written only by the xapi-statements
 * projection and read by `_id`. Every
 * write is an insert, so a redelivered event is a duplicate `_id` and changes nothing:
 * - one XapiStatementDocument per statement, `_id` = the statement id;
 * - one XapiVoidingDocument per voided statement, `_id` = `voided|<statement id>`, kept apart so a
 *   voiding never rewrites the statement and may arrive before it (it can sit on another partition).
 */
export const XAPI_STATEMENTS_COLLECTION = 'xapi_statements';

/** Read by `_id` only. */
export const XAPI_STATEMENTS_READ_MODEL: ReadModel = declareReadModel(XAPI_STATEMENTS_COLLECTION, []);

export interface XapiStatementDocument {
  /** The statement id (lowercase UUID). */
  _id: string;
  kind: 'statement';
  /**
   * The statement as the LRS serves it, as canonical JSON text (see `storedStatementOf`): as
   * received, with the `authority` ingest set, `stored` (when the ledger accepted it), `timestamp`
   * (= stored when the client sent none) and `version` (the statement's own, else 1.0.0 or 2.0.0 after
   * the version it was sent under). Text, not a sub-document, because a statement's keys are the
   * client's: extension keys are IRIs (full of `.`), and any key may start with `$`, neither of which
   * a document field name may; text also keeps every string exactly (U+0000, unpaired surrogates).
   */
  statementJson: string;
  /** True when the client sent no timestamp and the LRS assigned it; a resubmission's timestamp is then not compared. */
  timestampAssigned: boolean;
  /** The xAPI version it was received under. */
  xapiVersion: string;
  /** Whether the statement is itself a voiding statement, which xAPI says cannot be voided. */
  isVoiding: boolean;
  projection: ProjectionMetadata;
}

/** The statement a document holds, as the LRS serves it. */
export function storedStatementOf(document: XapiStatementDocument): Record<string, unknown> {
  return JSON.parse(document.statementJson) as Record<string, unknown>;
}

export interface XapiVoidingDocument {
  /** `voided|<voided statement id>`: see xapiVoidingDocumentId. */
  _id: string;
  kind: 'voiding';
  voidedStatementId: string;
  /** The first voiding statement recorded for it; later ones change nothing. */
  voidingStatementId: string;
  projection: ProjectionMetadata;
}

export type XapiStatementsCollectionDocument = XapiStatementDocument | XapiVoidingDocument;

/** The `_id` of the document saying that statement `statementId` was voided. */
export function xapiVoidingDocumentId(statementId: string): string {
  return `voided|${statementId}`;
}
