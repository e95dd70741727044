import { XAPI_UUID } from '@ledger/events';
import { AppError } from '@ledger/runtime';

/** Which stored statement a GET asks for: by `statementId` (must not be voided) or `voidedStatementId` (must be). */
export interface StatementLookup {
  statementId: string;
  voided: boolean;
}

/** Parameters xAPI allows beside a statement id; both are accepted and the exact statement is always returned. */
const ALLOWED_WITH_ID = new Set(['statementId', 'voidedStatementId', 'attachments', 'format']);

/** A UUID as XAPI_UUID checks it (either case), for the OpenAPI description. */
export const UUID_PATTERN = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$';

const BESIDE_AN_ID = { attachments: { type: 'string' }, format: { type: 'string' } };
/**
 * The lookup as one OpenAPI parameter: an object exploded into the query (`?statementId=…`), so the
 * description can say what the server accepts: exactly one of the two ids, and only attachments and
 * format beside it.
 */
export const STATEMENT_LOOKUP_PARAMETER = {
  name: 'lookup',
  in: 'query' as const,
  required: true,
  style: 'form' as const,
  explode: true,
  description: 'statementId (404 if unknown or voided) or voidedStatementId (404 unless voided); statement queries without an id are not supported yet',
  schema: {
    oneOf: ['statementId', 'voidedStatementId'].map((id) => ({
      type: 'object' as const,
      properties: { [id]: { type: 'string', pattern: UUID_PATTERN }, ...BESIDE_AN_ID },
      required: [id],
      additionalProperties: false,
    })),
  },
};

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
