import { XAPI_UUID } from '@ledger/events';
import { AppError } from '@ledger/runtime';

/** Which stored statement a GET asks for: by `statementId` (must not be voided) or `voidedStatementId` (must be). */
export interface StatementLookup {
  statementId: string;
  voided: boolean;
}

/** Parameters xAPI allows beside a statement id; both are accepted and the exact statement is always returned. */
const ALLOWED_WITH_ID = new Set(['statementId', 'voidedStatementId', 'attachments', 'format']);

/**
 * Reads GET /xapi/statements parameters. Only single-statement reads are served; a statement query
 * (no id) is refused for now with 400 saying so.
 */
export function readStatementLookup(query: Record<string, unknown>): StatementLookup {
  const { statementId, voidedStatementId } = query;
  if (statementId !== undefined && voidedStatementId !== undefined) throw invalid('voidedStatementId', 'cannot be combined with statementId');
  if (statementId === undefined && voidedStatementId === undefined) {
    throw invalid('statementId', 'is required (or voidedStatementId); statement queries are not supported yet');
  }
  const [name, value] = statementId !== undefined ? ['statementId', statementId] : ['voidedStatementId', voidedStatementId];
  if (typeof value !== 'string' || !XAPI_UUID.test(value)) throw invalid(name as string, 'must be a UUID');
  const extra = Object.keys(query).filter((key) => !ALLOWED_WITH_ID.has(key));
  if (extra.length > 0) throw invalid(extra[0], `is not allowed with ${name} (only attachments and format are)`);
  return { statementId: value.toLowerCase(), voided: name === 'voidedStatementId' };
}

function invalid(field: string, reason: string): AppError {
  return new AppError('REQUEST.INVALID', `${field} ${reason}`, [{ index: -1, errors: [{ field, reason }] }]);
}
