import { canonicalJson, PositionedEvent, StatementVoided, XapiStatementRecorded } from '@ledger/events';
import { advanceMetadata, XapiStatementDocument, xapiVoidingDocumentId, XapiVoidingDocument } from '@ledger/read-store';

export const XAPI_STATEMENTS_SCHEMA_VERSION = 2;

const VOIDED_VERB = 'http://adlnet.gov/expapi/verbs/voided';

/**
 * The stored form of a recorded statement (pure): what the LRS serves, kept as canonical JSON text so
 * that any statement ingest accepts can be stored whatever its keys. xAPI has the LRS set `stored`
 * (here: when the ledger accepted it), `timestamp` when the client sent none (= stored), and `version`
 * when absent (1.0.0 for statements sent under 1.0.x, 2.0.0 under 2.0).
 */
export function statementDocument({ event, position }: PositionedEvent<XapiStatementRecorded>): XapiStatementDocument {
  const { statementId, statement, xapiVersion } = event.data;
  const stored = event.recordedAt;
  const verb = statement.verb as { id?: unknown } | undefined;
  return {
    _id: statementId,
    kind: 'statement',
    statementJson: canonicalJson({
      ...statement,
      timestamp: statement.timestamp ?? stored,
      stored,
      version: statement.version ?? (xapiVersion.startsWith('1.') ? '1.0.0' : '2.0.0'),
    }),
    timestampAssigned: statement.timestamp === undefined,
    xapiVersion,
    isVoiding: verb?.id === VOIDED_VERB,
    projection: advanceMetadata(null, XAPI_STATEMENTS_SCHEMA_VERSION, position, event.recordedAt),
  };
}

/** The marker that statement `data.statementId` was voided (pure). */
export function voidingDocument({ event, position }: PositionedEvent<StatementVoided>): XapiVoidingDocument {
  return {
    _id: xapiVoidingDocumentId(event.data.statementId),
    kind: 'voiding',
    voidedStatementId: event.data.statementId,
    voidingStatementId: event.data.voidingStatementId,
    projection: advanceMetadata(null, XAPI_STATEMENTS_SCHEMA_VERSION, position, event.recordedAt),
  };
}
