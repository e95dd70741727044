import { readStatementLookup } from './statement-lookup';

const id = '3F6D2B84-7C1E-4A8F-9D25-0B6E41C7A913';
const fieldOf = (query: Record<string, unknown>) => {
  try {
    readStatementLookup(query);
  } catch (error) {
    return (error as { details: Array<{ errors: Array<{ field: string }> }> }).details[0].errors[0].field;
  }
  return undefined;
};

describe('GET /xapi/statements parameters', () => {
  it('reads statementId or voidedStatementId, in lowercase, beside attachments and format', () => {
    expect(readStatementLookup({ statementId: id, format: 'exact', attachments: 'false' })).toEqual({ statementId: id.toLowerCase(), voided: false });
    expect(readStatementLookup({ voidedStatementId: id })).toEqual({ statementId: id.toLowerCase(), voided: true });
  });

  it('refuses a query without an id, both ids, a bad id, and other parameters with an id', () => {
    expect(fieldOf({})).toBe('statementId');
    expect(fieldOf({ statementId: id, voidedStatementId: id })).toBe('voidedStatementId');
    expect(fieldOf({ statementId: 'not-a-uuid' })).toBe('statementId');
    expect(fieldOf({ statementId: [id, id] })).toBe('statementId');
    expect(fieldOf({ statementId: id, verb: 'http://adlnet.gov/expapi/verbs/passed' })).toBe('verb');
  });
});
